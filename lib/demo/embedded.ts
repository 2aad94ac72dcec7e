import { staticConfig, type ClusterConfig } from '../config';
import type { DemoCluster } from './cluster';
import { CLASSIC_ID, DEMO_FLEET, startDemoFleet, type DemoFleet, type FleetMember } from './fleet';
import { CLASSIC_STORY } from './model/story';
import { DEFAULT_CRDB_VERSION } from './types';

/**
 * The demo the dashboard runs in its own process when no cluster is configured: a fleet of three
 * small clusters (lib/demo/fleet.ts), or with DEMO_CLUSTERS=1 the single cluster `demo` as it always
 * was. One per process, kept on globalThis so Next's dev reloads and several route modules share
 * it. DEMO_SQL_PORT / DEMO_HTTP_PORT pick the ports of `demo` (the fleet's others follow: SQL +1,
 * +2; HTTP +10, +20; default: free ports), DEMO_CONTROL_PORT the control API's, DEMO_SEED the history.
 */
const KEY = Symbol.for('crdb-monitor.embedded-demo');
type Holder = { [KEY]?: Promise<DemoFleet> };

export const DEMO_CLUSTER_ID = CLASSIC_ID;

/**
 * The demo's world is anchored at the start of the current UTC week: every start of the dashboard
 * within a week re-creates the same jobs (same ids, so links survive a restart) and the same
 * counters, instead of a new world whose counters would read as a reset in the recorded history.
 */
export function demoEpoch(nowMs: number): number {
  const d = new Date(nowMs);
  const daysSinceMonday = (d.getUTCDay() + 6) % 7;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - daysSinceMonday);
}

const SINGLE: FleetMember = { id: CLASSIC_ID, name: 'Demo cluster', version: DEFAULT_CRDB_VERSION, story: CLASSIC_STORY, downNodes: [] };

/** DEMO_CLUSTERS: 3 (default, the fleet) or 1 (the single `demo` cluster). */
export function demoMembers(env: Record<string, string | undefined> = process.env): readonly FleetMember[] {
  const raw = (env.DEMO_CLUSTERS ?? '3').trim();
  if (raw === '1') return [SINGLE];
  if (raw === '3') return DEMO_FLEET;
  throw new Error(`DEMO_CLUSTERS must be 1 or 3 (got "${raw.slice(0, 20)}")`);
}

function offsetPort(base: string | undefined, by: number): number {
  return base ? Number(base) + by : 0;
}

export function embeddedDemo(): Promise<DemoFleet> {
  const g = globalThis as Holder;
  const members = demoMembers();
  const others = members.filter((m) => m.id !== CLASSIC_ID);
  const seed = Number(process.env.DEMO_SEED ?? 1);
  g[KEY] ??= startDemoFleet(members, {
    nodes: 3,
    speed: 1,
    epochMs: demoEpoch(Date.now()),
    // The past reaches the history through the nodes' /ts/query (lib/history/ts-backfill.ts), as a real cluster's does.
    seedOf: (_, m) => (m.id === CLASSIC_ID ? seed : seed + 1 + others.indexOf(m)),
    ports: (_, m) => {
      const k = m.id === CLASSIC_ID ? 0 : 1 + others.indexOf(m);
      return { sqlPort: offsetPort(process.env.DEMO_SQL_PORT, k), httpPort: offsetPort(process.env.DEMO_HTTP_PORT, 10 * k) };
    },
    controlPort: process.env.DEMO_CONTROL_PORT ? Number(process.env.DEMO_CONTROL_PORT) : 0,
  }).catch((err: unknown) => {
    delete g[KEY];
    throw err;
  });
  return g[KEY];
}

/** The clusters of the running demo, as the dashboard watches them (in DEMO_FLEET's order). */
export async function embeddedDemoConfig(): Promise<ClusterConfig[]> {
  const fleet = await embeddedDemo();
  // CRDB_UNSAFE_INTERNALS applies to the demo as to any cluster (off: see what v26.x restricts).
  const unsafeInternals = staticConfig().unsafeInternals;
  return fleet.members.map(({ member, cluster }) => demoClusterConfig(member, cluster, unsafeInternals));
}

function demoClusterConfig(member: FleetMember, demo: DemoCluster, unsafeInternals: ClusterConfig['unsafeInternals']): ClusterConfig {
  return { id: member.id, name: member.name, sqlUrl: demo.sqlUrl, httpUrls: demo.nodeUrls, httpCa: null, httpPort: 8080, httpScheme: 'http', demo: true, unsafeInternals };
}
