/**
 * Starts alerting (instrumentation.ts): the state store, the notifiers (ALERTMANAGER_URL,
 * ALERT_WEBHOOK_URL) and the evaluator, unless ALERTS_EVALUATE=false (the other replicas of a
 * scaled-out deployment: exactly one evaluates and notifies). A second call is a no-op.
 */
import { createNotifiers } from '../alerts/notify/notifiers';
import { parseNotifyConfig } from '../alerts/notify/config';
import { alertSettings } from '../alerts/settings';
import { alertStore } from '../alerts/store-holder';
import { historyConfig } from '../history/env';
import { historyStore } from '../history/store-holder';
import { AlertEngine, alertEngine, registerAlertEngine } from './alerts-evaluator';

/** Validates ALERTS_FILE and the notifier variables: a bad value stops start-up naming it. */
export function checkAlertConfig(): void {
  alertSettings();
  parseNotifyConfig(process.env);
}

export function startAlerts(): void {
  if (alertEngine()) return;
  const settings = alertSettings();
  if (!settings.evaluate) {
    console.log('alerts: not evaluated by this replica (ALERTS_EVALUATE=false)');
    return;
  }
  const notify = parseNotifyConfig(process.env);
  const store = alertStore();
  const engine = new AlertEngine({ store, notifier: createNotifiers(notify), settings, history: historyStore() });
  registerAlertEngine(engine);
  engine.start();
  const prune = setInterval(() => {
    try {
      store.prune(Date.now() - historyConfig().retentionMs);
    } catch (err) {
      console.error(`alerts: pruning failed: ${(err as Error).message}`);
    }
  }, 600_000);
  prune.unref();
  const receivers = [...(notify.alertmanager?.receivers ?? []).map(() => 'Alertmanager'), ...notify.webhooks.map(() => 'webhook')];
  console.log(`alerts: evaluating ${settings.file ? `with overrides from ${settings.file}` : 'with the default rules'}; SQL every ${settings.sqlIntervalMs / 1000}s; notifying ${receivers.length ? receivers.join(', ') : 'nobody (no ALERTMANAGER_URL or ALERT_WEBHOOK_URL)'}`);
}
