/** Failures grouped by error text (`GET /api/v1/clusters/{c}/jobs/errors`): one bounded statement (jobs-aggregate-sql.ts). */
import type { ClusterConfig } from '../config';
import type { ErrorGroupsPage } from '../api/types/jobs';
import { mergeErrorGroups } from '../jobs/error-groups';
import type { JobsFilter } from '../jobs/filter';
import { columnsOf } from './job-columns';
import { buildErrorGroupsQuery, FAILED_STATUSES, GROUP_SCAN } from './jobs-aggregate-sql';
import { chooseSource, FALLBACK_GAP, inlineParams, withinShowJobsWindow } from './jobs-sql';
import { isoTimestamp, rawTimestamps } from './pg-types';
import { withReadOnly } from './session';

export async function listErrorGroups(cluster: ClusterConfig, filter: JobsFilter): Promise<ErrorGroupsPage> {
  return withReadOnly(cluster, 'grouping failed jobs by error', async (c, info) => {
    const internals = info.internals === 'allowed';
    const source = chooseSource(filter, internals);
    const available = await columnsOf(cluster, c, source);
    const q = buildErrorGroupsQuery({ filter, source, available, internals });
    const r = await c.query({ text: q.text, values: q.values, types: rawTimestamps });
    const rows = (r.rows as Record<string, unknown>[]).map((x) => ({ error: String(x.error), n: Number(x.n), newest: isoTimestamp(x.newest) }));
    const scanned = rows.reduce((a, x) => a + x.n, 0);
    return {
      groups: mergeErrorGroups(rows),
      scanned,
      capped: scanned >= GROUP_SCAN,
      statuses: filter.statuses.length > 0 ? [...filter.statuses] : [...FAILED_STATUSES],
      source,
      sql: inlineParams(q),
      unavailable: source === 'show_jobs+schedules' && !withinShowJobsWindow(filter) ? [FALLBACK_GAP] : [],
    };
  });
}
