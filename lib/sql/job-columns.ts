/**
 * Which columns a source has on this cluster's version, asked once and cached: columns come and go
 * between versions (last_run/next_run/num_runs gone in 24.1, `started` gone from SHOW JOBS in 25.3,
 * execution_errors only in the SHOW JOB <id> form from 24.1), so queries select by name what exists.
 */
import type { ClusterConfig } from '../config';
import type { Session } from './session';
import type { JobsSource } from './jobs-sql';

const TTL_MS = 10 * 60_000;
const cache = new Map<string, { at: number; cols: ReadonlySet<string> }>();

/** The sources a page reads, and system.jobs (the index path's candidates: `finished` only from 25.1). */
type Probed = JobsSource | 'system.jobs';

const PROBE: Record<Probed, string> = {
  show_jobs: 'SELECT * FROM [SHOW JOBS] LIMIT 0',
  'crdb_internal.jobs': 'SELECT * FROM crdb_internal.jobs LIMIT 0',
  // The long form's columns (SHOW JOB <id>), as FALLBACK_FROM returns them; no job has id 0.
  'show_jobs+schedules': 'SELECT * FROM [SHOW JOB 0] LIMIT 0',
  'system.jobs': 'SELECT * FROM system.jobs LIMIT 0',
};

export async function columnsOf(cluster: ClusterConfig, c: Session, source: Probed): Promise<ReadonlySet<string>> {
  // Keyed by URL too: a reconfigured cluster (another version) must not reuse the old answer.
  const key = `${cluster.id}|${cluster.sqlUrl ?? ''}|${source}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.cols;
  const r = await c.query(PROBE[source]);
  const cols = new Set(r.fields.map((f) => f.name));
  cache.set(key, { at: Date.now(), cols });
  return cols;
}
