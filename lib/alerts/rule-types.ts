/**
 * The shape of one alert rule and of what it reads. A rule is pure: it turns a RuleContext (the
 * latest scrape, the evidence window, the latest SQL facts) into the instances whose condition
 * holds now; the state machine (state.ts) applies `for` and tracks pending → firing → resolved.
 */
import type { JobRow } from '../api/types/jobs';
import type { ScheduleGroup, ScheduleRow } from '../api/types/schedules';
import type { EvidenceWindow } from './evidence-window';
import type { AlertLink, Evidence, Severity } from './types';

export interface ScrapedNode {
  /** `n2` (or the position name of a node that states no id), as EvidenceWindow keys it. */
  key: string;
  name: string;
  node_id: number | null;
  up: boolean;
  error: string | null;
  metrics: Record<string, number>;
}

/** The SQL facts of the latest SQL evaluation (every ALERTS_SQL_INTERVAL). */
export type SqlEvidence =
  | {
      ok: true;
      /** Dashboard clock when read. */
      at_ms: number;
      groups: ScheduleGroup[];
      schedules: ScheduleRow[];
      /** When schedules_BACKUP_last_completed_time is stale, from the cadence of the schedules that feed it and the freshness policy; null when unknown. */
      metric_stale_after_s: number | null;
      /** Unfinished and revert-failed BACKUP/RESTORE jobs ([SHOW JOBS]). */
      jobs: JobRow[];
      /** Per job: its progress as last read (status, fraction_completed, running_status, modified) and since when (dashboard clock) it reads so. */
      progress: ReadonlyMap<string, { sig: string; since_ms: number }>;
    }
  | { ok: false; at_ms: number; error: string; code: string; since_ms: number };

export interface RuleContext {
  cluster: string;
  /** Dashboard wall clock (for, active_since and windows are measured on it). */
  nowMs: number;
  /** The cluster's clock (its SQL now(), offset kept from the latest SQL read): ages of cluster timestamps. */
  clusterNowMs: number;
  /** The latest scrape; null before the first one. */
  scrape: { at_ms: number; nodes: ScrapedNode[] } | null;
  window: EvidenceWindow;
  /** Null when the cluster has no SQL URL configured. */
  sql: SqlEvidence | null;
}

/** A rule's effective settings: the catalog's defaults with ALERTS_FILE's overrides applied. */
export interface RuleSettings {
  enabled: boolean;
  severity: Severity;
  for_s: number;
  /** In the rule's unit (`threshold_unit`); null for rules without one. */
  threshold: number | null;
  /** The look-back of increase / max-over rules, seconds; null for rules without one. */
  window_s: number | null;
}

export interface Candidate {
  labels: Record<string, string>;
  value: number | null;
  /** The threshold this instance was judged against, when it differs from the setting (e.g. derived from a cadence). */
  threshold?: number | null;
  summary: string;
  description: string;
  links: AlertLink[];
}

export interface RuleDef {
  rule: string;
  evidence: Evidence;
  defaults: RuleSettings;
  threshold_unit: 'seconds' | 'count' | null;
  /** Catalog metrics it reads (exported names). */
  metrics: string[];
  /** How a metric rule reads its metrics over `window_s`: counters' increase, or gauges' highest reading. */
  window_kind?: 'increase' | 'max_over';
  /** One line for the rules list ("A backup schedule failed a run"). */
  summary: string;
  /** Why these defaults (README "Alerts" lists them). */
  why: string;
  /** What to check and which SQL to run. */
  runbook: string;
  /**
   * The same condition in PromQL over CockroachDB's own series, for the exported rule file; `sel`
   * is this cluster's label matchers without braces. Absent where Prometheus cannot evaluate it.
   */
  promql?: (s: RuleSettings, sel: string) => string;
  /** The instances whose condition holds; null when the evidence is unavailable (existing instances keep their state). */
  evaluate(ctx: RuleContext, s: RuleSettings): Candidate[] | null;
}
