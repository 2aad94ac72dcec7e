import { getCluster } from '../clusters';
import type { ClusterConfig } from '../config';
import { ApiError } from '../errors';

/** The configured cluster a request names, or a 404 that echoes at most 64 characters of the id. */
export async function resolveCluster(id: string): Promise<ClusterConfig> {
  const cluster = await getCluster(id);
  if (!cluster) throw new ApiError('unknown_cluster', `no cluster "${id.slice(0, 64)}" is configured`);
  return cluster;
}
