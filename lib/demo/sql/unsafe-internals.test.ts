import { describe, expect, it } from 'vitest';
import { tokenize } from './lexer';
import { internalsReference } from './unsafe-internals';

describe('internalsReference: what the client itself wrote', () => {
  it.each([
    ['SELECT * FROM crdb_internal.jobs', 'crdb_internal.jobs'],
    ['select id from SYSTEM.jobs', 'system.jobs'],
    ['SELECT * FROM "system"."protected_ts_records"', 'system.protected_ts_records'],
    ['SELECT * FROM defaultdb.crdb_internal.gossip_nodes', 'crdb_internal.gossip_nodes'],
    ['SHOW JOBS SELECT id FROM system.jobs', 'system.jobs'],
    ['SELECT crdb_internal.cluster_id()', 'crdb_internal.cluster_id'],
    ['SHOW JOBS', null],
    ['SELECT * FROM [SHOW JOBS FOR SCHEDULES SELECT id FROM [SHOW SCHEDULES]]', null],
    ["SELECT 'crdb_internal.jobs' AS s", null],
    ['SELECT * FROM t AS OF SYSTEM TIME now()', null],
    ['SELECT * FROM crdb_internal.zones', null],
    ['-- crdb_internal.jobs\nSELECT 1', null],
  ])('%s → %s', (sql, ref) => expect(internalsReference(tokenize(sql))).toBe(ref));
});
