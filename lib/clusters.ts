import { staticConfig, type ClusterConfig } from './config';
import { embeddedDemoConfig } from './demo/embedded';

/** Every cluster the dashboard watches; the first is the default. */
export async function listClusters(): Promise<ClusterConfig[]> {
  const cfg = staticConfig();
  return cfg.mode === 'demo' ? [await embeddedDemoConfig()] : cfg.clusters;
}

export async function getCluster(id: string): Promise<ClusterConfig | undefined> {
  return (await listClusters()).find((c) => c.id === id);
}

/** What may be shown to a browser or an API client: never the SQL URL (it can hold a password). */
export function publicCluster(c: ClusterConfig) {
  return { id: c.id, name: c.name, demo: c.demo, sql_configured: c.sqlUrl !== null, nodes: c.httpUrls.length };
}
