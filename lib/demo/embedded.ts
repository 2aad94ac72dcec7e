import type { ClusterConfig } from '../config';
import { startDemoCluster, type DemoCluster } from './cluster';

/**
 * The demo cluster the dashboard runs in its own process when no cluster is configured. One per
 * process, kept on globalThis so Next's dev reloads and several route modules share it.
 * DEMO_SQL_PORT / DEMO_HTTP_PORT pick its ports (default: free ports), DEMO_SEED its history.
 */
const KEY = Symbol.for('crdb-monitor.embedded-demo');
type Holder = { [KEY]?: Promise<DemoCluster> };

export const DEMO_CLUSTER_ID = 'demo';

export function embeddedDemo(): Promise<DemoCluster> {
  const g = globalThis as Holder;
  g[KEY] ??= startDemoCluster({
    nodes: 3,
    seed: Number(process.env.DEMO_SEED ?? 1),
    speed: 1,
    sqlPort: Number(process.env.DEMO_SQL_PORT ?? 0),
    httpPort: Number(process.env.DEMO_HTTP_PORT ?? 0),
    controlPort: process.env.DEMO_CONTROL_PORT ? Number(process.env.DEMO_CONTROL_PORT) : 0,
  }).catch((err: unknown) => {
    delete g[KEY];
    throw err;
  });
  return g[KEY];
}

export async function embeddedDemoConfig(): Promise<ClusterConfig> {
  const demo = await embeddedDemo();
  return { id: DEMO_CLUSTER_ID, name: 'Demo cluster', sqlUrl: demo.sqlUrl, httpUrls: demo.nodeUrls, httpCa: null, httpPort: 8080, httpScheme: 'http', demo: true };
}
