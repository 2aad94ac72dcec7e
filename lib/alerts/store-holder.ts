import { historyConfig } from '../history/env';
import { AlertStateStore } from './state-store';

// On globalThis: the evaluator (instrumentation) and every route bundle share one connection.
const KEY = Symbol.for('crdb-monitor.alert-store');
type Holder = { [KEY]?: AlertStateStore };

/** The process's alert state store, in the history file (HISTORY_DB). */
export function alertStore(): AlertStateStore {
  const g = globalThis as Holder;
  g[KEY] ??= new AlertStateStore(historyConfig().dbPath);
  return g[KEY];
}
