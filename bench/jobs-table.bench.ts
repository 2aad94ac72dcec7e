/**
 * Big job tables (issue 17): a demo cluster retaining 100,000+ jobs, over real pgwire, through the
 * same functions the jobs routes call (lib/sql listJobs / listErrorGroups, lib/api listSchedules):
 * the explorer's first page over the whole retention, the next page (keyset cursor), a text search,
 * the error grouping and the schedules page. Baseline: reading every job
 * (`SELECT * FROM crdb_internal.jobs`) and filtering, sorting and paging in JS, measured in the same
 * run. Target ≤ 300 ms per page. The demo cluster runs in a child process.
 */
import pg from 'pg';
import type { ClusterConfig } from '../lib/config';
import { startChild } from './child';
import { parseJobsQuery, type JobsFilter } from '../lib/jobs/filter';
import { listJobs } from '../lib/sql/jobs';
import { listErrorGroups } from '../lib/sql/job-errors';
import { listSchedules } from '../lib/api/schedules';

const JOBS = Number(process.env.BENCH_JOBS ?? 100_000);
const RUNS = 7;
/** Reading every job takes seconds: fewer runs of the baseline, interleaved with the first of ours. */
const BASE_RUNS = 3;
const TARGET_MS = 300;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs: number[]) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;

function filterOf(qs: string): JobsFilter {
  const p = parseJobsQuery(new URLSearchParams(qs));
  if (!p.success) throw new Error(`bad filter ${qs}`);
  return p.data;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

interface Row { job_id: string; job_type: string; description: string | null; error: string | null; status: string; created: Date; finished: Date | null }

/** The naive page: every job over the wire, then the filter, the sort and the page in JS. */
async function naive(client: pg.Client, pick: (r: Row) => boolean, after?: Row): Promise<Row[]> {
  const r = await client.query<Row>('SELECT * FROM crdb_internal.jobs');
  const rows = r.rows.filter(pick).sort((a, b) => b.created.getTime() - a.created.getTime() || (b.job_id < a.job_id ? -1 : 1));
  const start = after ? rows.findIndex((x) => x.job_id === after.job_id) + 1 : 0;
  return rows.slice(start, start + 50);
}

export async function run(): Promise<string> {
  const { child, ready } = await startChild<{ sqlUrl: string; startS: number; rssMb: number }>('jobs-demo-server.ts', [String(JOBS)]);
  const { sqlUrl, startS, rssMb } = ready;
  const cluster: ClusterConfig = { id: 'bench-jobs', name: 'bench-jobs', sqlUrl, httpUrls: [], httpCa: null, httpPort: 8080, httpScheme: 'http', demo: false };
  const client = new pg.Client({ connectionString: sqlUrl });
  await client.connect();
  try {
    await client.query('SET allow_unsafe_internals = on').catch(() => undefined);
    const total = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM crdb_internal.jobs')).rows[0].n);
    const all = filterOf('from=now-14d&type=all');
    const first = await listJobs(cluster, all);
    if (first.jobs.length !== 50 || !first.next_cursor) throw new Error('the first page is not full');
    const next = filterOf(`from=now-14d&type=all&cursor=${encodeURIComponent(first.next_cursor)}`);
    const q = 'movr.public.promo_codes';
    const search = filterOf(`from=now-14d&type=all&q=${encodeURIComponent(q)}`);
    const automatic = new Set(['AUTO CREATE STATS', 'AUTO SPAN CONFIG RECONCILIATION', 'AUTO SQL STATS COMPACTION', 'POLL JOBS STATS']);
    const visible = (r: Row) => !automatic.has(r.job_type);
    const lastOfFirst = { job_id: first.jobs[49].job_id } as Row;
    const cases: { name: string; ours: () => Promise<unknown>; base: () => Promise<unknown> }[] = [
      { name: 'first page (14 d, all types, 50 rows)', ours: () => listJobs(cluster, all), base: () => naive(client, visible) },
      { name: 'next page (keyset cursor)', ours: () => listJobs(cluster, next), base: () => naive(client, visible, lastOfFirst) },
      { name: `text search (q=${q})`, ours: () => listJobs(cluster, search), base: () => naive(client, (r) => visible(r) && `${r.description} ${r.error}`.toLowerCase().includes(q)) },
      { name: 'error grouping (14 d)', ours: () => listErrorGroups(cluster, all), base: () => naive(client, (r) => visible(r) && (r.status === 'failed' || r.status === 'revert-failed')) },
      { name: 'schedules page', ours: () => listSchedules(cluster), base: () => naive(client, (r) => r.job_type === 'BACKUP') },
    ];
    const rows: string[] = [];
    for (const c of cases) {
      await c.ours();
      const ours: number[] = [];
      const base: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        ours.push(await time(c.ours));
        if (i < BASE_RUNS) base.push(await time(c.base));
      }
      const m = median(ours);
      rows.push(`| ${c.name} | ${fmt(ours)} | ${fmt(base)} | ${(median(base) / m).toFixed(1)}× | ${m <= TARGET_MS ? 'yes' : '**no**'} |`);
    }
    return [
      `## Big job tables: ${total.toLocaleString('en-US')} retained jobs (demo cluster, --jobs ${JOBS.toLocaleString('en-US')})`,
      '',
      `The demo cluster started in ${startS.toFixed(1)} s with ${rssMb.toFixed(0)} MB RSS. Median (min–max) of ${RUNS} runs (baseline ${BASE_RUNS}), interleaved, over pgwire through lib/sql (as the routes call it).`,
      `Baseline: \`SELECT * FROM crdb_internal.jobs\`, then filter, sort and page in JS. Target ≤ ${TARGET_MS} ms.`,
      '',
      '| | ours | baseline (read every job) | speed-up | ≤ 300 ms |',
      '|---|---|---|---|---|',
      ...rows,
    ].join('\n');
  } finally {
    await client.end();
    child.kill();
  }
}
