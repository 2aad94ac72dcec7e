import { staticConfig, type ClusterConfig } from './config';
import { ApiError } from './errors';

/**
 * Clusters that start-up provides instead of the configuration: with no cluster configured,
 * instrumentation.ts starts the built-in demo and hands its clusters here, so no product module
 * knows the demo. On globalThis: instrumentation and every route bundle must see the same list.
 */
const KEY = Symbol.for('crdb-monitor.provided-clusters');
interface Provided {
  list: Promise<ClusterConfig[]>;
  settle: (list: Promise<ClusterConfig[]>) => void;
}
type Holder = { [KEY]?: Provided };

function provided(): Provided {
  const g = globalThis as Holder;
  if (!g[KEY]) {
    let settle: Provided['settle'] = () => undefined;
    const list = new Promise<ClusterConfig[]>((resolve) => {
      settle = resolve;
    });
    g[KEY] = { list, settle };
  }
  return g[KEY];
}

/** Start-up's clusters (the demo's); a second call replaces nothing. */
export function provideClusters(list: Promise<ClusterConfig[]>): void {
  provided().settle(list);
}

/** How long a request waits for start-up to provide the clusters before it is told they are not ready. */
const PROVIDED_WAIT_MS = 30_000;

/** Every cluster the dashboard watches; the first is the default. */
export async function listClusters(): Promise<ClusterConfig[]> {
  const cfg = staticConfig();
  if (cfg.mode !== 'demo') return cfg.clusters;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ApiError('unavailable', 'no cluster is configured and the built-in demo has not started yet')), PROVIDED_WAIT_MS);
    timer.unref();
  });
  try {
    return await Promise.race([provided().list, late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function getCluster(id: string): Promise<ClusterConfig | undefined> {
  return (await listClusters()).find((c) => c.id === id);
}

/** What may be shown to a browser or an API client: never the SQL URL (it can hold a password). */
export function publicCluster(c: ClusterConfig) {
  return { id: c.id, name: c.name, demo: c.demo, sql_configured: c.sqlUrl !== null, nodes: c.httpUrls.length };
}
