import { readNodeIdentity } from '../prometheus/node-id';

export interface NodeProbe {
  url: string;
  up: boolean;
  error: string | null;
  latency_ms: number;
  node_id: number | null;
  bytes: number;
}

/**
 * One GET of a node's /_status/vars with a timeout. Network errors, non-2xx answers and bodies
 * that are not the exposition format are told apart, as Prometheus's own client does.
 */
export async function probeNode(url: string, timeoutMs = 5_000): Promise<NodeProbe> {
  const t0 = performance.now();
  const done = (p: Omit<NodeProbe, 'url' | 'latency_ms'>): NodeProbe => ({ url, latency_ms: Math.round(performance.now() - t0), ...p });
  try {
    const res = await fetch(`${url}/_status/vars`, { signal: AbortSignal.timeout(timeoutMs), cache: 'no-store' });
    const body = await res.text();
    if (!res.ok) return done({ up: false, error: `HTTP ${res.status} from /_status/vars`, node_id: null, bytes: body.length });
    if (!/^# (HELP|TYPE) /m.test(body)) return done({ up: false, error: 'the answer is not Prometheus text format', node_id: null, bytes: body.length });
    return done({ up: true, error: null, node_id: readNodeIdentity(body)?.node_id ?? null, bytes: body.length });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const msg = e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : (e.cause?.code ?? e.message);
    return done({ up: false, error: msg === 'ECONNREFUSED' ? 'connection refused' : msg, node_id: null, bytes: 0 });
  }
}
