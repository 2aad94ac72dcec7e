import type { NodeFault, SqlFault } from './cluster-state';
import { startControlApi, type ControlTarget } from './control-api';
import { ConsoleSessions } from './http/console-auth';
import { startNodeServer, type NodeServer } from './http/node-server';
import { DemoModel, type DemoModelOptions } from './model/model';
import { startSqlServer } from './sql/server';
import { DEFAULT_CRDB_VERSION } from './types';

export interface DemoClusterOptions extends Partial<DemoModelOptions> {
  host?: string;
  /** 0 picks a free port. */
  sqlPort?: number;
  /** Node i listens on httpPort + i - 1; 0 picks a free port for each node. */
  httpPort?: number;
  /** The fault/clock control API; 0 picks a free port, null turns it off (a fleet runs one for all: fleet.ts). */
  controlPort?: number | null;
  /** Faults the cluster starts with and a reset returns to (a fleet's staging cluster has a node down). */
  baselineNodeFaults?: Record<number, NodeFault>;
  /**
   * Secure mode: DB Console users (name → password) who can sign in (`POST /login`); `/ts/*` then
   * needs their session cookie. Without it the cluster is insecure: no authentication.
   */
  console?: { users: Record<string, string> };
}

/** The running demo cluster: what the control API drives (ControlTarget), plus its own lifecycle. */
export interface DemoCluster extends ControlTarget {
  readonly controlUrl: string | null;
  /** The DB Console web sessions of a secure cluster (null: insecure). */
  readonly consoleSessions: ConsoleSessions | null;
  /** How many statements matching `match` the SQL endpoint has received (a string is a case-insensitive prefix). */
  sqlStatements(match: RegExp | string): number;
  stop(): Promise<void>;
}

/** Starts the model, one HTTP server per node, the SQL endpoint and the control API. */
export async function startDemoCluster(opts: DemoClusterOptions = {}): Promise<DemoCluster> {
  const host = opts.host ?? '127.0.0.1';
  const seed = opts.seed ?? 1;
  const speed = opts.speed ?? 1;
  const model = new DemoModel({
    nodes: opts.nodes ?? 3,
    seed,
    speed,
    version: opts.version ?? DEFAULT_CRDB_VERSION,
    startMs: opts.startMs,
    historyDays: opts.historyDays,
    extraJobs: opts.extraJobs,
    epochMs: opts.epochMs,
    story: opts.story,
    timeSeries: opts.timeSeries,
  });
  const sessions = opts.console ? new ConsoleSessions(opts.console.users, () => model.now().getTime()) : null;
  let sqlFault: SqlFault = { mode: 'ok' };
  const sql = await startSqlServer({ state: model, port: opts.sqlPort ?? 0, host, getFault: () => sqlFault });
  const nodes: NodeServer[] = [];
  try {
    for (const n of model.nodes()) {
      const port = opts.httpPort ? opts.httpPort + n.node_id - 1 : 0;
      const server = await startNodeServer({ state: model, nodeId: n.node_id, port, host, seed, console: { timeSeries: model.timeSeries, sessions } });
      nodes.push(server);
      model.setNodeAddress(n.node_id, { sql_addr: `${host}:${sql.port}`, http_addr: `${host}:${server.port}` });
    }
  } catch (err) {
    await Promise.all([sql.close(), ...nodes.map((n) => n.close())]);
    throw err;
  }
  const node = (id: number) => {
    const found = nodes.find((n) => n.nodeId === id);
    if (!found) throw new Error(`no node ${id} (the cluster has ${nodes.length})`);
    return found;
  };
  /** A node going down stops recording time series from this moment of the cluster's clock (a gap), and resumes when it serves again. */
  const applyFault = async (id: number, fault: NodeFault) => {
    model.now(); // simulate (and record) up to now with the node as it was
    model.timeSeries?.setServing(id, fault.mode !== 'down');
    await node(id).setFault(fault);
  };
  const baseline = (id: number): NodeFault => opts.baselineNodeFaults?.[id] ?? { mode: 'ok' };
  for (const n of nodes) if (baseline(n.nodeId).mode !== 'ok') await applyFault(n.nodeId, baseline(n.nodeId));
  const cluster: DemoCluster = {
    model,
    seed,
    speed,
    sqlUrl: `postgresql://root@${host}:${sql.port}/defaultdb?sslmode=disable`,
    nodeUrls: nodes.map((n) => n.url),
    controlUrl: null,
    consoleSessions: sessions,
    setNodeFault: applyFault,
    nodeFault: (id) => node(id).fault(),
    async restartNode(id, downMs = 500) {
      const before = node(id).fault();
      await applyFault(id, { mode: 'down' });
      model.restartNode(id);
      await new Promise((r) => setTimeout(r, downMs));
      await applyFault(id, before.mode === 'down' ? { mode: 'ok' } : before);
    },
    async setSqlFault(fault) {
      sqlFault = fault;
      await sql.faultChanged();
    },
    sqlFault: () => sqlFault,
    async reset() {
      for (const n of nodes) await applyFault(n.nodeId, baseline(n.nodeId));
      await cluster.setSqlFault({ mode: 'ok' });
      model.resetScheduleFaults();
    },
    atBaseline: () => sqlFault.mode === 'ok' && model.scheduleFaultsAtBaseline() && nodes.every((n) => JSON.stringify(n.fault()) === JSON.stringify(baseline(n.nodeId))),
    sqlStatements: (match) => sql.statements.count(match),
    async stop() {
      await Promise.all([sql.close(), ...nodes.map((n) => n.close()), control?.close()]);
    },
  };
  const control = opts.controlPort === null ? null : await startControlApi(new Map([['demo', cluster]]), { host, port: opts.controlPort ?? 0 });
  return Object.assign(cluster, { controlUrl: control?.url ?? null });
}
