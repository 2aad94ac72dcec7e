import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as listRoute } from '@/app/api/v1/clusters/[cluster]/backups/route';
import { POST as validateRoute } from '@/app/api/v1/clusters/[cluster]/backups/validate/route';
import type { ClusterConfig } from '@/lib/config';
import { startDemoCluster, type DemoCluster } from '@/lib/demo/cluster';
import type { CrdbVersion } from '@/lib/demo/types';
import type { BackupsPage, BackupValidation } from '@/lib/api/types/backups';
import { clearBackupsCache, ERROR_TTL_MS, LIST_TTL_MS, listBackups, SIZE_CHAINS } from '@/lib/sql/backups';
import { configureDashboardFor, query, START_MS, startFrozen } from './demo-helpers';

/** The backups routes against a frozen demo cluster (seed 11); collections come from its schedules. */
const CLUSTER = 'backupsapi';
const DR = 's3://acme-crdb-backups/prod/cluster?AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE&AWS_SECRET_ACCESS_KEY=redacted';
const MOVR = 'gs://acme-crdb-backups/movr?AUTH=implicit';
let demo: DemoCluster;
beforeAll(async () => {
  demo = await startFrozen({ version: '25.4' });
  configureDashboardFor(demo, CLUSTER);
  process.env.BACKUP_COLLECTIONS = 'nodelocal://1/configured-but-empty';
});
afterAll(() => demo?.stop());

const ctx = <T extends object>(p: T) => ({ params: Promise.resolve(p) });
const qs = (p: Record<string, string>) => `?${new URLSearchParams(p).toString()}`;
const list = (q = '') => listRoute(new Request(`http://x/api/v1/clusters/${CLUSTER}/backups${q}`), ctx({ cluster: CLUSTER }));
const validate = (q: string) => validateRoute(new Request(`http://x/api/v1/clusters/${CLUSTER}/backups/validate${q}`, { method: 'POST' }), ctx({ cluster: CLUSTER }));
async function errorOf(res: Response) {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, ...body.error };
}

describe('GET /api/v1/clusters/{c}/backups', () => {
  it('lists every collection a schedule writes to, newest backup first, plus the configured ones', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    const p = (await res.json()) as BackupsPage;
    expect(p.collections.map((c) => c.collection).sort()).toEqual(
      [DR, MOVR, 'external://backup_archive/payroll', 'external://backup_archive/rides', 'nodelocal://1/configured-but-empty'].sort(),
    );
    const dr = p.collections.find((c) => c.collection === DR);
    expect(dr?.schedules.map((s) => s.label)).toEqual(['cluster_dr', 'cluster_dr']);
    const { rows } = await query<{ path: string }>(demo.sqlUrl, `SHOW BACKUPS IN '${DR}'`);
    expect(dr?.backups).toEqual(rows.map((r) => r.path).reverse());
    expect(dr?.error).toBeNull();
    // A configured collection with nothing in it: a per-collection answer, not a failed page.
    const empty = p.collections.find((c) => c.collection.startsWith('nodelocal://'));
    expect(empty?.schedules).toEqual([]);
    expect(p.selected).toBeNull();
  });

  it('trends: success rates over 7 and 30 days, run durations, sizes for the newest chains', async () => {
    const p = (await (await list()).json()) as BackupsPage;
    expect(p.trends).toHaveLength(7);
    const inc = p.trends.find((t) => t.label === 'cluster_dr' && t.backup_type === 'INCREMENTAL');
    expect(inc?.success_rate_7d).toBeGreaterThan(0.5);
    expect(inc?.success_rate_7d).toBeLessThanOrEqual(1);
    expect(inc?.success_rate_30d).toBeGreaterThan(0.5);
    expect(inc?.runs.length).toBeGreaterThan(24);
    expect(inc?.runs.every((r) => r.duration_s === null || (r.duration_s >= 0 && r.duration_s < 3_600))).toBe(true);
    // Today's incrementals are in the newest chain (today's full): their sizes are known.
    expect(inc?.runs[0]).toMatchObject({ status: 'succeeded', size_bytes: expect.any(Number) });
    // A full schedule's runs each start a chain: the newest SIZE_CHAINS chains are sized.
    const full = p.trends.find((t) => t.label === 'cluster_dr' && t.backup_type === 'FULL');
    const sized = full?.runs.filter((r) => r.size_bytes !== null) ?? [];
    expect(sized.length).toBeGreaterThan(1);
    expect(sized.length).toBeLessThanOrEqual(SIZE_CHAINS);
    // payroll_weekly has not run for 9 days: no run within 7 days, so no 7-day rate.
    expect(p.trends.find((t) => t.label === 'payroll_weekly')?.success_rate_7d).toBeNull();
  });

  it('shows a chosen backup (SHOW BACKUP FROM <subdir> IN <collection>)', async () => {
    const { rows } = await query<{ path: string }>(demo.sqlUrl, `SHOW BACKUPS IN '${MOVR}'`);
    const backup = rows[rows.length - 2].path;
    const res = await list(qs({ collection: MOVR, backup }));
    expect(res.status).toBe(200);
    const p = (await res.json()) as BackupsPage;
    expect(p.selected).toMatchObject({ collection: MOVR, backup, sql: `SHOW BACKUP FROM '${backup}' IN '${MOVR}'` });
    const rides = p.selected?.rows.filter((r) => r.object_name === 'rides') ?? [];
    expect(rides[0]).toMatchObject({ database_name: 'movr', parent_schema_name: 'public', object_type: 'table', backup_type: 'full', start_time: null, is_full_cluster: false });
    expect(rides[0].size_bytes).toBeGreaterThan(1e9);
    expect(rides.slice(1).every((r) => r.backup_type === 'incremental' && r.start_time !== null)).toBe(true);
  });

  it('a collection alone selects its newest backup', async () => {
    const p = (await (await list(qs({ collection: 'external://backup_archive/rides' }))).json()) as BackupsPage;
    expect(p.selected?.backup).toBe(p.collections.find((c) => c.collection === 'external://backup_archive/rides')?.backups?.[0]);
  });

  it.each([
    [{ collection: 's3://attacker-bucket/x?AWS_SECRET_ACCESS_KEY=s3cr3t' }, 404, 'not_found'],
    [{ collection: DR.replace('redacted', 'guessed') }, 404, 'not_found'],
    [{ collection: DR, backup: 'LATEST' }, 400, 'bad_request'],
    [{ collection: DR, backup: "/2026/11/25-000000.00' IN 's3://x" }, 400, 'bad_request'],
    [{ backup: '/2026/11/25-000000.00' }, 400, 'bad_request'],
    [{ collection: DR, backup: '/1999/01/01-000000.00' }, 404, 'not_found'],
  ])('%j → %d', async (sel, status, code) => {
    const e = await errorOf(await list(qs(sel)));
    expect(e).toMatchObject({ status, code });
    expect(e.message).not.toMatch(/s3cr3t|guessed|attacker/);
  });
});

describe('the storage reads are cached (one read per collection per TTL, however many viewers)', () => {
  const listings = () => demo.sqlStatements(/^SHOW BACKUPS IN \$1$/);
  const chains = () => demo.sqlStatements(/^SHOW BACKUP FROM \$1 IN \$2$/);
  const read = async (q = '') => (await (await list(q)).json()) as BackupsPage;
  /** Moves the clock the caches read (frozen in beforeEach). */
  const later = (ms: number) => {
    vi.setSystemTime(Date.now() + ms);
  };
  const COLLECTIONS = 5;
  beforeEach(() => {
    clearBackupsCache();
    // The caches' clock stands still (Date only: timers and the frozen demo clock are untouched), so
    // every entry is exactly as old as `later` says: on a busy machine a cold read takes seconds, and
    // a real clock aged its first entries past "TTL minus a second" before the second read.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
  });
  afterEach(() => void vi.useRealTimers());

  it('a second request within the TTL runs no SHOW BACKUPS IN nor SHOW BACKUP, and says how old its answer is', async () => {
    const l0 = listings();
    const c0 = chains();
    const first = await read();
    expect(listings() - l0).toBe(COLLECTIONS);
    expect(chains() - c0).toBeGreaterThan(COLLECTIONS);
    const l1 = listings();
    const c1 = chains();
    later(LIST_TTL_MS - 1_000);
    const second = await read();
    expect(listings()).toBe(l1);
    expect(chains()).toBe(c1);
    expect(second.collections.map((c) => c.as_of)).toEqual(first.collections.map((c) => c.as_of));
    expect(second).toEqual(first);
    expect(Date.parse(first.collections[0].as_of as string)).toBeLessThanOrEqual(Date.now());
  });

  it('past the TTL the listings and newest chains are read again; older chains are kept', async () => {
    const before = await read();
    const l0 = listings();
    const c0 = chains();
    later(LIST_TTL_MS);
    const after = await read();
    expect(listings() - l0).toBe(COLLECTIONS);
    // One SHOW BACKUP per collection that has a backup: its newest chain, the one that grows.
    expect(chains() - c0).toBe(after.collections.filter((c) => (c.backups?.length ?? 0) > 0).length);
    expect(Date.parse(after.collections[0].as_of as string)).toBeGreaterThan(Date.parse(before.collections[0].as_of as string));
  });

  it('fresh=1 re-reads within the TTL: the listings and the newest chains, each once', async () => {
    const first = await read();
    const withBackups = first.collections.filter((c) => (c.backups?.length ?? 0) > 0).length;
    const l0 = listings();
    const c0 = chains();
    const p = await read('?fresh=1');
    expect(listings() - l0).toBe(COLLECTIONS);
    expect(chains() - c0).toBe(withBackups);
    expect(p.collections.every((c) => c.as_of !== undefined)).toBe(true);
    // The chosen backup is the newest chain of its collection: re-read once, not again for the sizes.
    const c1 = chains();
    const chosen = await read(`${qs({ collection: MOVR })}&fresh=1`);
    expect(chosen.selected?.backup).toBe(first.collections.find((c) => c.collection === MOVR)?.backups?.[0]);
    expect(chains() - c1).toBe(withBackups);
  });

  it('concurrent requests share the reads', async () => {
    const l0 = listings();
    const c0 = chains();
    const pages = await Promise.all([read(), read(), read(), read()]);
    expect(listings() - l0).toBe(COLLECTIONS);
    const once = chains() - c0;
    await read();
    expect(chains() - c0).toBe(once);
    expect(pages.every((p) => p.collections.length === COLLECTIONS)).toBe(true);
  });

  it('the chosen backup comes from the cache too, with its as_of; Validate never does', async () => {
    const { rows } = await query<{ path: string }>(demo.sqlUrl, `SHOW BACKUPS IN '${MOVR}'`);
    const backup = rows[rows.length - 2].path;
    const first = await read(qs({ collection: MOVR, backup }));
    const c0 = chains();
    const again = await read(qs({ collection: MOVR, backup }));
    expect(chains()).toBe(c0);
    expect(again.selected).toEqual(first.selected);
    expect(first.selected?.as_of).toEqual(expect.any(String));
    const checks = () => demo.sqlStatements(/WITH check_files$/);
    const v0 = checks();
    await validate(qs({ collection: MOVR, backup }));
    await validate(qs({ collection: MOVR, backup }));
    expect(checks() - v0).toBe(2);
  });

  it('a failed read (a backup that is not there) is kept only for ERROR_TTL_MS', async () => {
    await read();
    const missing = qs({ collection: MOVR, backup: '/1999/01/01-000000.00' });
    const c0 = chains();
    expect((await list(missing)).status).toBe(404);
    expect(chains() - c0).toBe(1);
    expect((await list(missing)).status).toBe(404);
    expect(chains() - c0).toBe(1);
    later(ERROR_TTL_MS);
    expect((await list(missing)).status).toBe(404);
    expect(chains() - c0).toBe(2);
  });
});

describe('POST /api/v1/clusters/{c}/backups/validate', () => {
  it('ok when every file is there', async () => {
    const good = demo.model.backups().find((b) => b.collection === MOVR && b.layers.every((l) => l.missing_files.length === 0));
    const res = await validate(qs({ collection: MOVR, backup: good?.path as string }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ collection: MOVR, backup: good?.path, ok: true, missing_files: [], message: null, sql: expect.stringMatching(/WITH check_files$/) });
  });

  it('reports the files CockroachDB says are missing', async () => {
    const bad = demo.model.backups().find((b) => b.layers.some((l) => l.missing_files.length > 0));
    expect(bad).toBeDefined();
    if (!bad) return;
    const collection = demo.model.schedules().find((s) => s.collection === bad.collection)?.collection as string;
    const res = await validate(qs({ collection, backup: bad.path }));
    expect(res.status).toBe(200);
    const v = (await res.json()) as BackupValidation;
    expect(v).toMatchObject({ ok: false, backup: bad.path });
    expect(v.missing_files.length).toBeGreaterThan(0);
    expect(v.missing_files[0]).toMatch(/\.sst$/);
    expect(v.message).toMatch(/^The following files are missing from the backup:/);
  });

  it('needs both collection and backup; unknown collection 404', async () => {
    expect(await errorOf(await validate(qs({ collection: MOVR })))).toMatchObject({ status: 400 });
    expect(await errorOf(await validate(qs({ collection: 'gs://nope', backup: '/2026/11/25-000000.00' })))).toMatchObject({ status: 404 });
  });
});

describe.each<CrdbVersion>(['23.2', '24.3'])('older versions: %s', (version) => {
  it('lists the collections and trends', async () => {
    const d = await startDemoCluster({ nodes: 1, seed: 11, speed: 0, startMs: START_MS, version });
    try {
      const cluster: ClusterConfig = { id: `bk-v${version.replace('.', '')}`, name: version, sqlUrl: d.sqlUrl, httpUrls: d.nodeUrls, httpCa: null, httpPort: 8080, httpScheme: 'http', demo: false };
      const p = await listBackups(cluster, { collection: MOVR });
      expect(p.collections.filter((c) => c.error === null && (c.backups?.length ?? 0) > 0)).toHaveLength(4);
      expect(p.selected?.rows.length).toBeGreaterThan(0);
      expect(p.trends.every((t) => t.success_rate_30d !== null)).toBe(true);
    } finally {
      await d.stop();
    }
  });
});
