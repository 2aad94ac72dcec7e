/**
 * Runs the index path of the explorer's page (jobs-keyset-sql.ts): candidates from system.jobs, then
 * their rows from crdb_internal.jobs, in rounds until the page is full or system.jobs has no more.
 * null: MAX_ROUNDS rounds did not fill the page (the filter drops most candidates, e.g. a window
 * ending long ago before 25.1, where system.jobs has no `finished`) — the caller reads the plain statement.
 * null too where system.jobs is not readable: a user with VIEWJOB but not admin reads crdb_internal.jobs
 * (it filters by job access) but not the system table (42501); that is remembered for a while.
 */
import type { ClusterConfig } from '../config';
import type { JobsFilter } from '../jobs/filter';
import { columnsOf } from './job-columns';
import { buildCandidateCountQuery, buildCandidateQuery, candidatesExact, cursorBound, MAX_ROUNDS, MIN_SCAN, type KeyBound } from './jobs-keyset-sql';
import { buildListQuery, inlineParams, type BuiltQuery } from './jobs-sql';
import { rawTimestamps } from './pg-types';
import type { Session } from './session';

export interface IndexedRead {
  rows: Record<string, unknown>[];
  /** The last crdb_internal.jobs statement, with the candidate statement after it as a comment (shown on the page). */
  sql: string;
  /** The filter's total from system.jobs when system.jobs alone decides the filter, else null (count the plain way). */
  count: BuiltQuery | null;
}

const REFUSED_TTL_MS = 10 * 60_000;
const refused = new Map<string, number>();

export async function readIndexedPage(cluster: ClusterConfig, c: Session, filter: JobsFilter, available: ReadonlySet<string>, fetch: number, cap: number): Promise<IndexedRead | null> {
  const key = `${cluster.id}|${cluster.sqlUrl ?? ''}`;
  if ((refused.get(key) ?? 0) > Date.now()) return null;
  try {
    return await rounds(cluster, c, filter, available, fetch, cap);
  } catch (err) {
    if ((err as { code?: string }).code !== '42501') throw err;
    refused.set(key, Date.now() + REFUSED_TTL_MS);
    return null;
  }
}

async function rounds(cluster: ClusterConfig, c: Session, filter: JobsFilter, available: ReadonlySet<string>, fetch: number, cap: number): Promise<IndexedRead | null> {
  const hasFinished = (await columnsOf(cluster, c, 'system.jobs')).has('finished');
  const scan = Math.max(MIN_SCAN, fetch * 4);
  const count = candidatesExact(filter, hasFinished) ? buildCandidateCountQuery(filter, hasFinished, cap) : null;
  const rows: Record<string, unknown>[] = [];
  let after: KeyBound | undefined = cursorBound(filter);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const a = buildCandidateQuery({ filter, hasFinished, after, scan });
    const cands = (await c.query({ text: a.text, values: a.values, types: rawTimestamps })).rows as { id: unknown; created: unknown }[];
    const q = buildListQuery({ filter, source: 'crdb_internal.jobs', available, fetch: fetch - rows.length, ids: cands.length > 0 ? cands.map((r) => String(r.id)) : ['0'], internals: true });
    if (cands.length > 0) rows.push(...((await c.query({ text: q.text, values: q.values, types: rawTimestamps })).rows as Record<string, unknown>[]));
    const sql = `${inlineParams(q)};\n-- job_id list: ${inlineParams(a)}`;
    if (rows.length >= fetch || cands.length < scan) return { rows, sql, count };
    const last = cands[cands.length - 1];
    after = { k: String(last.created), id: String(last.id), tz: false };
  }
  return null;
}
