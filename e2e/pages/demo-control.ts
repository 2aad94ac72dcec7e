/**
 * The demo cluster's fault-injection API (lib/demo/control-api.ts), on the port that
 * playwright.config.ts gives the server (DEMO_CONTROL_PORT) and exports as E2E_DEMO_CONTROL_PORT. Specs need not undo a fault
 * themselves: the fixture in e2e/fixtures.ts resets every fault around each test.
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

/** What `GET /` of the control API says about faults. */
export interface DemoFaults {
  sql_fault: SqlFault;
  schedule_faults: Record<string, string>;
  nodes: { node_id: number; url: string; fault: { mode: string } }[];
  /** Every demo cluster (the built-in fleet has three), each at its story's own faults or not. */
  clusters?: { id: string; at_baseline: boolean }[];
}

export async function demoFaults(): Promise<DemoFaults> {
  const res = await fetch(`${DEMO_CONTROL_URL}/`);
  if (!res.ok) throw new Error(`demo control: GET /: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as DemoFaults;
}

export function anyFault(f: DemoFaults): boolean {
  if (f.clusters) return f.clusters.some((c) => !c.at_baseline);
  return f.sql_fault.mode !== 'ok' || Object.keys(f.schedule_faults).length > 0 || f.nodes.some((n) => n.fault.mode !== 'ok');
}

/** Drives one cluster of the demo fleet (`/clusters/{id}/…`). */
export async function setClusterSqlFault(cluster: string, fault: SqlFault): Promise<void> {
  const res = await fetch(`${DEMO_CONTROL_URL}/clusters/${cluster}/sql/fault`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
  if (!res.ok) throw new Error(`demo control: ${cluster} SQL fault ${fault.mode}: HTTP ${res.status} ${await res.text()}`);
}

/** Every node, SQL and schedule fault of every demo cluster back to its start (the demo clock is not wound back). */
export async function resetFaults(): Promise<void> {
  const res = await fetch(`${DEMO_CONTROL_URL}/reset`, { method: 'POST' });
  if (!res.ok) throw new Error(`demo control: reset: HTTP ${res.status} ${await res.text()}`);
}

/** From now on the schedule's backups fail (with CockroachDB's AccessDenied unless `error` is given), or succeed again. */
export async function setScheduleFault(label: string, fault: { mode: 'fail'; error?: string } | { mode: 'ok' }): Promise<void> {
  const res = await fetch(`${DEMO_CONTROL_URL}/schedules/${encodeURIComponent(label)}/fault`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fault) });
  if (!res.ok) throw new Error(`demo control: schedule ${label} fault ${fault.mode}: HTTP ${res.status} ${await res.text()}`);
}

/** Moves the demo cluster's clock forward (schedules fire, jobs run through the skipped time). Never back. */
export async function advanceClock(seconds: number): Promise<void> {
  const res = await fetch(`${DEMO_CONTROL_URL}/clock/advance`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seconds }) });
  if (!res.ok) throw new Error(`demo control: clock advance ${seconds}s: HTTP ${res.status} ${await res.text()}`);
}

/** A failed job carrying this text (lib/demo/control-api.ts `POST /jobs`), `days_ago` in the past; answers its id. */
export async function injectFailedJob(job: { description: string; error: string; job_type?: string; days_ago?: number }): Promise<string> {
  const res = await fetch(`${DEMO_CONTROL_URL}/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(job) });
  if (!res.ok) throw new Error(`demo control: inject job: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { job_id: string }).job_id;
}
