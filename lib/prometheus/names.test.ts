import { describe, expect, it } from 'vitest';
import { exportedLabelName, exportedName } from './names';

describe('exportedName (CRDB registry.go prometheusNameReplaceRE)', () => {
  it.each([
    // Real CockroachDB names (reference a.2).
    ['schedules.BACKUP.last-completed-time', 'schedules_BACKUP_last_completed_time'],
    ['schedules.BACKUP.failed', 'schedules_BACKUP_failed'],
    ['schedules.round.reschedule-skip', 'schedules_round_reschedule_skip'],
    ['schedules.round.jobs-started', 'schedules_round_jobs_started'],
    ['jobs.backup.fail_or_cancel_retry_error', 'jobs_backup_fail_or_cancel_retry_error'],
    ['schedules.BACKUP.last-completed-time-by-virtual_cluster', 'schedules_BACKUP_last_completed_time_by_virtual_cluster'],
    ['sys.cgocalls', 'sys_cgocalls'],
    // Regex edge cases.
    ['already_exported', 'already_exported'],
    ['colons:are:kept', 'colons:are:kept'],
    [':leading_colon', ':leading_colon'],
    ['1leading.digit', '_leading_digit'],
    ['.leading.dot', '_leading_dot'],
    ['digits9.inside', 'digits9_inside'],
    ['a b\tc', 'a_b_c'],
    ['é-accent', '__accent'],
    ['a😀b', 'a_b'], // one rune, one underscore (Go regexp works on runes)
    ['', ''],
  ])('%j → %j', (input, want) => {
    expect(exportedName(input)).toBe(want);
  });

  it('is idempotent', () => {
    for (const n of ['schedules.BACKUP.last-completed-time', '1x.y', 'a:b-c']) {
      expect(exportedName(exportedName(n))).toBe(exportedName(n));
    }
  });
});

describe('exportedLabelName (prometheusLabelReplaceRE)', () => {
  it.each([
    ['advertise-addr', 'advertise_addr'],
    ['http-addr', 'http_addr'],
    ['node_id', 'node_id'],
    ['a:b', 'a_b'], // colons are not legal in label names
    ['9lives', '_lives'],
  ])('%j → %j', (input, want) => {
    expect(exportedLabelName(input)).toBe(want);
  });
});
