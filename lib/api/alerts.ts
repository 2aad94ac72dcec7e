/**
 * The alerts routes: parse `state`, `from`, `to`, `metric`, read the alert store (what the
 * evaluator persisted) and the engine's status, and shape the answer.
 */
import { z } from 'zod';
import { catalogByExported } from '../catalog';
import { listClusters } from '../clusters';
import { ApiError } from '../errors';
import { RULES } from '../alerts/catalog';
import { alertSettings, effectiveSettings } from '../alerts/settings';
import { byUrgency } from '../alerts/state';
import { alertStore } from '../alerts/store-holder';
import { resolveTimeRange } from './alerts-range';
import { alertEngine } from './alerts-evaluator';
import { resolveCluster } from './clusters';
import { ALERT_STATES, type AlertInstance, type AlertRulesAnswer, type AlertState, type ClusterAlertsAnswer, type FleetAlertsAnswer, type Severity } from './types/alerts';

const Query = z.strictObject({
  state: z
    .string()
    .max(64)
    .transform((v, ctx) => {
      const list = v.split(',').map((s) => s.trim()).filter(Boolean);
      const bad = list.find((s) => !(ALERT_STATES as readonly string[]).includes(s));
      if (bad !== undefined || list.length === 0) {
        ctx.addIssue({ code: 'custom', message: `state must be a list of ${ALERT_STATES.join(', ')} (got "${v.slice(0, 40)}")` });
        return z.NEVER;
      }
      return list as AlertState[];
    })
    .optional(),
  from: z.string().max(64).optional(),
  to: z.string().max(64).optional(),
  metric: z.string().max(200).optional(),
});

function parse(search: URLSearchParams) {
  const r = Query.safeParse(Object.fromEntries(search));
  if (!r.success) {
    const i = r.error.issues[0];
    throw new ApiError('bad_request', i.code === 'unrecognized_keys' ? `unknown parameter: ${i.keys.join(', ').slice(0, 60)} (state, from, to, metric)` : i.message);
  }
  const { fromMs, toMs } = resolveTimeRange(r.data.from, r.data.to, { from: 'now-24h', to: 'now' });
  if (r.data.metric !== undefined && catalogByExported(r.data.metric)?.exported !== r.data.metric) throw new ApiError('bad_request', `"${r.data.metric.slice(0, 80)}" is not a metric this dashboard records`);
  return { states: r.data.state ?? [...ALERT_STATES], fromMs, toMs, metric: r.data.metric };
}

const zero = (): Record<Severity, number> => ({ critical: 0, warning: 0, info: 0 });

function counts(list: readonly AlertInstance[]) {
  const firing = zero();
  let pending = 0;
  let resolved = 0;
  for (const a of list) {
    if (a.state === 'firing') firing[a.severity] += 1;
    else if (a.state === 'pending') pending += 1;
    else resolved += 1;
  }
  return { firing, pending, resolved };
}

function read(cluster: string | null, q: ReturnType<typeof parse>): AlertInstance[] {
  const store = alertStore();
  if (q.metric !== undefined && cluster !== null) {
    // The panel's shaded windows: episodes on this metric that fired and overlap the range.
    return store.firedBetween(cluster, q.fromMs, q.toMs).filter((a) => a.metrics.includes(q.metric as string) && q.states.includes(a.state)).sort(byUrgency);
  }
  return store.list({ cluster, states: q.states, fromMs: q.fromMs, toMs: q.toMs }).sort(byUrgency);
}

export async function clusterAlertsForRequest(clusterId: string, search: URLSearchParams): Promise<ClusterAlertsAnswer> {
  const cluster = await resolveCluster(clusterId);
  const q = parse(search);
  const alerts = read(cluster.id, q);
  const engine = alertEngine();
  return {
    cluster: cluster.id,
    evaluated_at: engine?.evaluatedAt(cluster.id) ?? null,
    evaluating: engine !== null,
    from: new Date(q.fromMs).toISOString(),
    to: new Date(q.toMs).toISOString(),
    alerts,
    counts: counts(alerts),
    deliveries: engine?.deliveries() ?? [],
  };
}

export async function fleetAlertsForRequest(search: URLSearchParams): Promise<FleetAlertsAnswer> {
  const q = parse(search);
  if (q.metric !== undefined) throw new ApiError('bad_request', 'metric filters one cluster\'s alerts: use /api/v1/clusters/{c}/alerts?metric=…');
  const clusters = await listClusters();
  const ids = new Set(clusters.map((c) => c.id));
  const alerts = read(null, q).filter((a) => ids.has(a.cluster));
  const engine = alertEngine();
  return {
    generated_at: new Date().toISOString(),
    evaluating: engine !== null,
    from: new Date(q.fromMs).toISOString(),
    to: new Date(q.toMs).toISOString(),
    alerts,
    clusters: clusters.map((c) => {
      const n = counts(alerts.filter((a) => a.cluster === c.id));
      return { cluster: c.id, evaluated_at: engine?.evaluatedAt(c.id) ?? null, firing: n.firing, pending: n.pending };
    }),
  };
}

export async function alertRulesForRequest(): Promise<AlertRulesAnswer> {
  const settings = alertSettings();
  const clusters = await listClusters();
  return {
    file: settings.file,
    sql_interval_s: settings.sqlIntervalMs / 1000,
    rules: RULES.map((def) => {
      const s = effectiveSettings(settings, def.rule);
      const per = Object.fromEntries(
        clusters
          .map((c) => [c.id, effectiveSettings(settings, def.rule, c.id)] as const)
          .filter(([, e]) => JSON.stringify(e) !== JSON.stringify(s)),
      );
      return { rule: def.rule, ...s, threshold_unit: def.threshold_unit, evidence: def.evidence, metrics: def.metrics, summary: def.summary, why: def.why, runbook: def.runbook, clusters: per };
    }),
  };
}
