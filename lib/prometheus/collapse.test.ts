import { describe, expect, it } from 'vitest';
import { collapse } from './collapse';
import { parseExposition } from './parse';

const parse = (text: string) => parseExposition(text, { keep: () => true });

describe('collapse', () => {
  it.each([
    ['one unlabelled sample (v19.2/v20.2)', 'schedules_BACKUP_started 8\n', 'sum', 8, []],
    ['node_id (23.x)', 'jobs_backup_currently_running{node_id="1"} 2\n', 'sum', 2, ['node_id']],
    [
      'split per tenant (v25.4 virtual clusters)',
      'sql_insert_count{node_id="1",tenant="system"} 12\nsql_insert_count{node_id="1",tenant="demoapp"} 15\n',
      'sum',
      27,
      ['node_id', 'tenant'],
    ],
    [
      'child series with an extra label',
      'x{node_id="1"} 1\nx{node_id="1",scope="a"} 2\nx{node_id="1",scope="b"} 3\n',
      'sum',
      6,
      ['node_id', 'scope'],
    ],
    [
      'timestamps per tenant take the max',
      'schedules_BACKUP_last_completed_time{node_id="1",tenant="system"} 1700000000\nschedules_BACKUP_last_completed_time{node_id="1",tenant="app"} 1700003600\n',
      'max',
      1700003600,
      ['node_id', 'tenant'],
    ],
    ['a NaN sample makes the sum NaN', 'x{a="1"} 1\nx{a="2"} NaN\n', 'sum', NaN, ['a']],
    ['a NaN sample makes the max NaN', 'x{a="1"} 1\nx{a="2"} NaN\n', 'max', NaN, ['a']],
    ['the same label set twice counts once (real v19.2.2 quirk)', 'sql_mem_sql_txn_current 5\nsql_mem_sql_txn_current 7\n', 'sum', 5, []],
  ] as const)('%s', (_, text, how, value, keys) => {
    const name = text.slice(0, text.search(/[{ ]/));
    const c = collapse(parse(text), name, how);
    expect(c.value).toEqual(value);
    expect(c.labelSets).toEqual(keys);
  });

  it('reports an absent metric as undefined, not 0', () => {
    expect(collapse(parse('other 1\n'), 'jobs_backup_currently_paused')).toEqual({ value: undefined, labelSets: [], samples: 0 });
  });

  it('counts the samples it combined', () => {
    expect(collapse(parse('x{t="a"} 1\nx{t="b"} 2\nx{t="a"} 9\n'), 'x').samples).toBe(2);
  });
});
