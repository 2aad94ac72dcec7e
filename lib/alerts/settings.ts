/**
 * ALERTS_FILE (YAML or JSON): overrides of the catalog's defaults, globally and per cluster, and
 * the evaluation settings (ALERTS_EVALUATE, ALERTS_SQL_INTERVAL). Validated with zod like the rest
 * of the configuration; a bad file stops start-up naming the rule and the field.
 *
 *   sql_interval: 1m
 *   rules:
 *     backup_job_failed: { severity: critical, for: 5m }
 *     protected_timestamp_too_old: { threshold: 24h }
 *     backup_schedule_paused: { enabled: false }
 *   clusters:
 *     staging:
 *       rules:
 *         scheduled_backup_failed: { severity: warning }
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { ConfigError } from '../config';
import { parseDuration } from '../duration';
import { RULES, ruleById } from './catalog';
import type { RuleSettings } from './rule-types';
import { SEVERITIES } from './types';

const DurationS = z.union([z.number().min(0), z.string()]).transform((v, ctx) => {
  if (typeof v === 'number') return v;
  const ms = parseDuration(v.trim());
  if (ms === null) {
    ctx.addIssue({ code: 'custom', message: `must be seconds or a duration like 30s, 5m, 24h (got "${v.slice(0, 40)}")` });
    return z.NEVER;
  }
  return ms / 1000;
});

const Override = z.strictObject({
  enabled: z.boolean().optional(),
  severity: z.enum(SEVERITIES).optional(),
  for: DurationS.optional(),
  // Seconds rules take a duration too; count rules a number.
  threshold: DurationS.optional(),
  window: DurationS.refine((s) => s >= 60 && s <= 14 * 86_400, 'window must be between 1m and 14d').optional(),
});
type Override = z.infer<typeof Override>;

const RuleMap = z.record(z.string(), Override);

const AlertsFile = z.strictObject({
  sql_interval: DurationS.refine((s) => s >= 10 && s <= 3600, 'sql_interval must be between 10s and 1h').optional(),
  rules: RuleMap.optional(),
  clusters: z.record(z.string(), z.strictObject({ rules: RuleMap.optional() })).optional(),
});

export interface AlertSettings {
  /** ALERTS_EVALUATE (default true): false on all but one replica of a scaled-out deployment. */
  evaluate: boolean;
  sqlIntervalMs: number;
  global: Record<string, Override>;
  clusters: Record<string, Record<string, Override>>;
  /** Where the overrides came from, for the rules API. */
  file: string | null;
}

function checkRuleIds(map: Record<string, Override> | undefined, where: string): void {
  for (const [id, o] of Object.entries(map ?? {})) {
    const def = ruleById(id);
    if (!def) throw new ConfigError(`ALERTS_FILE: ${where}rules.${id}: no such rule (rules: ${RULES.map((r) => r.rule).join(', ')})`);
    if (o.threshold !== undefined && def.threshold_unit === null) throw new ConfigError(`ALERTS_FILE: ${where}rules.${id}.threshold: ${id} has no threshold`);
    if (o.window !== undefined && def.defaults.window_s === null) throw new ConfigError(`ALERTS_FILE: ${where}rules.${id}.window: ${id} has no window`);
  }
}

export function parseAlertSettings(env: Record<string, string | undefined>): AlertSettings {
  const evaluate = (env.ALERTS_EVALUATE ?? 'true').trim().toLowerCase();
  if (!['true', 'false', '1', '0'].includes(evaluate)) throw new ConfigError(`ALERTS_EVALUATE: must be true or false (got "${evaluate.slice(0, 20)}")`);
  let sqlIntervalS = 60;
  if (env.ALERTS_SQL_INTERVAL) {
    const ms = parseDuration(env.ALERTS_SQL_INTERVAL.trim());
    if (ms === null || ms < 10_000 || ms > 3_600_000) throw new ConfigError(`ALERTS_SQL_INTERVAL: must be a duration between 10s and 1h (got "${env.ALERTS_SQL_INTERVAL.slice(0, 20)}")`);
    sqlIntervalS = ms / 1000;
  }
  const out: AlertSettings = { evaluate: evaluate === 'true' || evaluate === '1', sqlIntervalMs: sqlIntervalS * 1000, global: {}, clusters: {}, file: null };
  const path = env.ALERTS_FILE?.trim();
  if (!path) return out;
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(`ALERTS_FILE: cannot read ${path}: ${(err as Error).message.split('\n')[0]}`);
  }
  const r = AlertsFile.safeParse(raw ?? {});
  if (!r.success) throw new ConfigError(r.error.issues.map((i) => `ALERTS_FILE: ${i.path.join('.')}: ${i.message}`).join('\n'));
  checkRuleIds(r.data.rules, '');
  for (const [c, v] of Object.entries(r.data.clusters ?? {})) checkRuleIds(v.rules, `clusters.${c}.`);
  return {
    ...out,
    sqlIntervalMs: r.data.sql_interval !== undefined && !env.ALERTS_SQL_INTERVAL ? r.data.sql_interval * 1000 : out.sqlIntervalMs,
    global: r.data.rules ?? {},
    clusters: Object.fromEntries(Object.entries(r.data.clusters ?? {}).map(([c, v]) => [c, v.rules ?? {}])),
    file: path,
  };
}

function apply(s: RuleSettings, o: Override | undefined): RuleSettings {
  if (!o) return s;
  return {
    enabled: o.enabled ?? s.enabled,
    severity: o.severity ?? s.severity,
    for_s: o.for ?? s.for_s,
    threshold: o.threshold ?? s.threshold,
    window_s: o.window ?? s.window_s,
  };
}

/** A rule's settings on a cluster: defaults, then the file's global overrides, then the cluster's. */
export function effectiveSettings(settings: AlertSettings, rule: string, cluster?: string): RuleSettings {
  const def = ruleById(rule);
  if (!def) throw new Error(`unknown rule ${rule}`);
  return apply(apply(def.defaults, settings.global[rule]), cluster === undefined ? undefined : settings.clusters[cluster]?.[rule]);
}

let cached: AlertSettings | undefined;
export function alertSettings(): AlertSettings {
  cached ??= parseAlertSettings(process.env);
  return cached;
}
