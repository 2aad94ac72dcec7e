import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../api/types/audit';
import { AuditStore } from './audit-store';

const event = (over: Partial<AuditEvent>): AuditEvent => ({ at: '2026-01-01T00:00:00.000Z', user: 'alice', role: 'operator', kind: 'job_control', cluster: 'demo', statement: 'PAUSE JOB 1', outcome: 'ok: PAUSE', remote: '127.0.0.1', ...over });

describe('AuditStore', () => {
  let store: AuditStore;
  afterEach(() => store.close());

  it('lists newest first, by kind, bounded', () => {
    store = new AuditStore(':memory:');
    store.add(event({ at: '2026-01-01T00:00:01.000Z', kind: 'sign_in', cluster: null, statement: null, outcome: 'password' }));
    store.add(event({ at: '2026-01-01T00:00:02.000Z' }));
    store.add(event({ at: '2026-01-01T00:00:03.000Z', kind: 'sign_in_failed', user: 'mallory', role: null, cluster: null, statement: null, outcome: 'wrong user name or password' }));
    expect(store.list({ limit: 10 }).map((e) => e.kind)).toEqual(['sign_in_failed', 'job_control', 'sign_in']);
    expect(store.list({ limit: 1 })).toHaveLength(1);
    expect(store.list({ kinds: ['job_control'], limit: 10 })).toEqual([event({ at: '2026-01-01T00:00:02.000Z' })]);
  });
});
