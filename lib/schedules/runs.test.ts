import { describe, expect, it } from 'vitest';
import { runFacts, runsStatement, type RunRow } from './runs';

const r = (p: Partial<RunRow> & { rn: number; status: string }): RunRow => ({ schedule_id: '1', job_id: `j${p.rn}`, created: null, finished: null, error: null, ...p });

describe('runFacts', () => {
  it('keeps the newest runs for the strip, and finds the last success and failure even past them', () => {
    const f = runFacts(
      [
        r({ rn: 1, status: 'running' }),
        r({ rn: 2, status: 'failed', finished: '2026-11-25T19:00:00Z', error: 'boom' }),
        r({ rn: 3, status: 'failed', finished: '2026-11-25T18:00:00Z', error: 'older' }),
        // Outside the strip (rn > 2), read only as the newest success.
        r({ rn: 9, status: 'succeeded', finished: '2026-11-24T18:00:00Z' }),
        r({ schedule_id: '2', rn: 1, status: 'succeeded', finished: '2026-11-25T20:00:00Z' }),
      ],
      2,
    );
    expect(f.get('1')).toEqual({
      runs: [
        { job_id: 'j1', status: 'running', created: null, finished: null, error: null },
        { job_id: 'j2', status: 'failed', created: null, finished: '2026-11-25T19:00:00Z', error: 'boom' },
      ],
      lastSuccess: '2026-11-24T18:00:00Z',
      lastFailure: { job_id: 'j2', finished: '2026-11-25T19:00:00Z', error: 'boom' },
      running: 1,
    });
    expect(f.get('2')?.lastSuccess).toBe('2026-11-25T20:00:00Z');
  });
});

it('runsStatement is one parameterised statement for every schedule', () => {
  const q = runsStatement(20, 30);
  expect(q.values).toEqual(['30 days', 20]);
  expect(q.text).toMatch(/created_by_type = 'crdb_schedule'/);
  expect(q.text).toMatch(/PARTITION BY created_by_id ORDER BY created DESC/);
});
