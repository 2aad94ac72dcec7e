/**
 * The demo cluster's fault-injection API (lib/demo/control-api.ts), on the port that
 * playwright.config.ts gives the server (DEMO_CONTROL_PORT).
 */
export const DEMO_CONTROL_URL = `http://127.0.0.1:${process.env.E2E_DEMO_CONTROL_PORT ?? '3199'}`;

export type NodeFault = { mode: 'ok' } | { mode: 'down' } | { mode: 'garbage' } | { mode: 'slow'; delay_ms: number };

export async function setNodeFault(node: number, fault: NodeFault): Promise<void> {
  const res = await fetch(`${DEMO_CONTROL_URL}/nodes/${node}/fault`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
  if (!res.ok) throw new Error(`demo control: node ${node} fault ${fault.mode}: HTTP ${res.status} ${await res.text()}`);
}

export type SqlFault = { mode: 'ok' } | { mode: 'refuse' } | { mode: 'error'; message: string };

export async function setSqlFault(fault: SqlFault): Promise<void> {
  const res = await fetch(`${DEMO_CONTROL_URL}/sql/fault`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
  if (!res.ok) throw new Error(`demo control: SQL fault ${fault.mode}: HTTP ${res.status} ${await res.text()}`);
}
