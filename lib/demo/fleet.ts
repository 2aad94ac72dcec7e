import { startDemoCluster, type DemoCluster, type DemoClusterOptions } from './cluster';
import { DEFAULT_SCHEDULE_FAULT, startControlApi } from './control-api';
import { CLASSIC_STORY, HEALTHY_STORY, type DemoStory } from './model/story';
import type { CrdbVersion } from './types';

/**
 * The built-in demo as a fleet: three small clusters of different versions and health, each a full
 * demo cluster on its own ports, driven by one control API (`/clusters/{id}/…`; unprefixed routes
 * drive `demo`, the cluster the single built-in demo has always been). A newcomer lands on the
 * fleet page and sees why it exists: a healthy production cluster, the classic demo with a
 * forgotten paused schedule, and a staging cluster with a node down and a failing schedule.
 */
export interface FleetMember {
  id: string;
  name: string;
  version: CrdbVersion;
  story: DemoStory;
  /** Nodes down from the start (a reset returns to it). */
  downNodes: number[];
}

export const DEMO_FLEET: readonly FleetMember[] = [
  { id: 'prod-eu', name: 'Production (eu-west)', version: '26.2', story: HEALTHY_STORY, downNodes: [] },
  // 26.1 behaves as 26.2 does in everything the demo models (restricted internals from 26.1): the
  // classic cluster keeps its behaviour while the fleet shows three versions.
  { id: 'demo', name: 'Demo cluster', version: '26.1', story: CLASSIC_STORY, downNodes: [] },
  {
    id: 'staging',
    name: 'Staging',
    version: '24.3',
    // Bucket credentials revoked six hours ago: cluster_dr's hourly backups fail since, so it is failing and stale.
    story: { ...HEALTHY_STORY, scheduledFailureRate: CLASSIC_STORY.scheduledFailureRate, overruns: true, failing: { label: 'cluster_dr', hoursBeforeStart: 6, error: DEFAULT_SCHEDULE_FAULT } },
    downNodes: [3],
  },
];

/** The id the single demo and the fleet's classic cluster share (existing links and scripts keep working). */
export const CLASSIC_ID = 'demo';

export interface DemoFleet {
  members: { member: FleetMember; cluster: DemoCluster }[];
  controlUrl: string | null;
  stop(): Promise<void>;
}

/**
 * Starts the members one after another (each simulates its past on start: in sequence, the CPU
 * stays with one at a time) and one control API for all. `ports(i)` gives member i its SQL and HTTP
 * ports (0: free ones).
 */
export async function startDemoFleet(
  members: readonly FleetMember[],
  opts: Omit<DemoClusterOptions, 'sqlPort' | 'httpPort' | 'controlPort' | 'version' | 'story' | 'baselineNodeFaults'> & {
    ports: (i: number, m: FleetMember) => { sqlPort: number; httpPort: number };
    controlPort: number | null;
    seedOf: (i: number, m: FleetMember) => number;
  },
): Promise<DemoFleet> {
  const started: DemoFleet['members'] = [];
  const stopAll = () => Promise.all(started.map((s) => s.cluster.stop())).then(() => undefined);
  try {
    for (const [i, member] of members.entries()) {
      const cluster = await startDemoCluster({
        ...opts,
        ...opts.ports(i, member),
        seed: opts.seedOf(i, member),
        version: member.version,
        story: member.story,
        baselineNodeFaults: Object.fromEntries(member.downNodes.map((n) => [n, { mode: 'down' as const }])),
        controlPort: null,
      });
      started.push({ member, cluster });
    }
  } catch (err) {
    await stopAll();
    throw err;
  }
  // The classic cluster first: unprefixed control routes drive it, as they always did.
  const order = [...started.filter((s) => s.member.id === CLASSIC_ID), ...started.filter((s) => s.member.id !== CLASSIC_ID)];
  const control = opts.controlPort === null ? null : await startControlApi(new Map(order.map((s) => [s.member.id, s.cluster])), { host: opts.host ?? '127.0.0.1', port: opts.controlPort });
  return {
    members: started,
    controlUrl: control?.url ?? null,
    async stop() {
      await Promise.all([stopAll(), control?.close()]);
    },
  };
}
