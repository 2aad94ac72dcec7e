import type { AuditEvent } from '../api/types/audit';
import { historyConfig } from '../history/env';
import { AuditStore } from './audit-store';

// On globalThis: proxy.ts and every route bundle share one connection.
const KEY = Symbol.for('crdb-monitor.audit-store');
type Holder = { [KEY]?: AuditStore };

/** The process's audit trail, in the history file (HISTORY_DB). */
export function auditStore(): AuditStore {
  const g = globalThis as Holder;
  g[KEY] ??= new AuditStore(historyConfig().dbPath);
  return g[KEY];
}

/**
 * Records one event, stamped now. A store that cannot be written is logged, not thrown: the
 * operator's action already happened on the cluster, and its answer must still reach them.
 */
export function recordAudit(e: Omit<AuditEvent, 'at'>): void {
  try {
    auditStore().add({ at: new Date().toISOString(), ...e });
  } catch (err) {
    console.error(`audit: could not record ${e.kind} by ${e.user}:`, err);
  }
}
