import { describe, expect, it } from 'vitest';
import { atLeast, roleFromGroups } from './roles';

describe('roles', () => {
  it('an operator can do what a viewer can, not the other way round', () => {
    expect(atLeast('operator', 'viewer')).toBe(true);
    expect(atLeast('operator', 'operator')).toBe(true);
    expect(atLeast('viewer', 'operator')).toBe(false);
  });

  it.each([
    [['dba', 'crdb-operators'], null, 'operator'],
    [['dba'], null, 'viewer'],
    [[], null, 'viewer'],
    [['dba'], ['crdb-viewers'], null],
    [['crdb-viewers'], ['crdb-viewers'], 'viewer'],
    [['crdb-operators'], ['crdb-viewers'], 'operator'],
  ] as const)('groups %j with viewer groups %j → %s', (groups, viewerGroups, role) => {
    expect(roleFromGroups(groups, { operatorGroups: ['crdb-operators'], viewerGroups })).toBe(role);
  });
});
