import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { counterWindows } from '@/lib/api/counter-windows';
import { historyStore } from '@/lib/history/store-holder';

/** The tiles' windowed counters, read from a real embedded history store written as the recorder writes. */
const NOW = Date.parse('2026-12-01T12:00:00Z');
const MIN = 60_000;

beforeAll(async () => {
  process.env.HISTORY_DB = path.join(mkdtempSync(path.join(tmpdir(), 'windows-')), 'h.sqlite');
  const store = historyStore();
  // Two nodes scraped every minute for 30 h. n1 fails a backup 20 h ago and twice 30 min ago;
  // n2 restarts (counter back to 0) 2 h ago and fails once 10 min ago.
  for (let t = NOW - 30 * 60 * MIN; t <= NOW; t += MIN) {
    const n1 = (t >= NOW - 20 * 60 * MIN ? 1 : 0) + (t >= NOW - 30 * MIN ? 2 : 0) + 50;
    const n2 = t < NOW - 120 * MIN ? 40 : t >= NOW - 10 * MIN ? 1 : 0;
    await store.write('win', t, [
      { node_id: 1, metrics: { schedules_BACKUP_failed: n1 } },
      { node_id: 2, metrics: { schedules_BACKUP_failed: n2 } },
    ]);
  }
});

describe('counterWindows', () => {
  it('sums each node’s reset-aware increase over the last hour and day', async () => {
    const w = await counterWindows('win', 1, NOW);
    expect(w.schedules_BACKUP_failed.map((x) => [x.window_s, x.value, x.covered_from])).toEqual([
      [3_600, 3, null],
      [86_400, 4, null],
    ]);
    expect(w.schedules_BACKUP_failed[0].nodes).toEqual([1, 2]);
    // Not recorded at all: no windows, not zeros.
    expect(w.jobs_backup_resume_retry_error.every((x) => x.value === null)).toBe(true);
  });

  it('history younger than the window says from when it covers', async () => {
    const store = historyStore();
    for (let t = NOW - 20 * MIN; t <= NOW; t += MIN) await store.write('young', t, [{ node_id: 1, metrics: { schedules_BACKUP_failed: t >= NOW - 5 * MIN ? 1 : 0 } }]);
    const w = await counterWindows('young', 1, NOW);
    expect(w.schedules_BACKUP_failed[0]).toMatchObject({ value: 1 });
    expect(w.schedules_BACKUP_failed[0].covered_from).toBe(new Date(NOW - 20 * MIN).toISOString());
  });
});
