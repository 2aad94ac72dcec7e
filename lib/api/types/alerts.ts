/**
 * The alert contract: what one alert instance is, as the API shows it, as notifiers send it and as
 * the state store keeps it. Pure types and constants; imports nothing from the product.
 */
export const SEVERITIES = ['critical', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Prometheus's alert life cycle; `inactive` is never stored: an instance that is not active has no row. */
export const ALERT_STATES = ['pending', 'firing', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/** Where the rule's evidence comes from. */
export const EVIDENCE = ['metric', 'sql', 'scrape'] as const;
export type Evidence = (typeof EVIDENCE)[number];

/** A link that answers "which job / which schedule / which node"; `href` is a dashboard path (`/c/demo/jobs?…`). */
export interface AlertLink {
  label: string;
  href: string;
}

export interface AlertInstance {
  /** Stable id of rule + labels (a hash), the same across restarts. */
  id: string;
  cluster: string;
  /** The rule id (snake_case); `alertname` in Alertmanager. */
  rule: string;
  severity: Severity;
  state: AlertState;
  /** When the condition became true (the start of pending), ISO-8601 UTC, dashboard wall clock. */
  active_since: string;
  /** When it moved to firing; null while pending. */
  fired_at: string | null;
  /** When the condition stopped holding; null unless resolved. */
  resolved_at: string | null;
  /** The evaluation that last saw it. */
  evaluated_at: string;
  /** The observed value against `threshold` (units in the rule's summary); null when the rule is a yes/no. */
  value: number | null;
  threshold: number | null;
  /** What the instance is about: `node_id`, `schedule_id` + `label`, `job_id`, `collection`… (strings). */
  labels: Record<string, string>;
  summary: string;
  description: string;
  runbook: string;
  links: AlertLink[];
  /** The catalog metrics the rule reads (exported names), so a panel can shade when it fired; [] for SQL and scrape rules. */
  metrics: string[];
}

/** One change of state, as the webhook sends it and the history keeps it. */
export interface AlertTransition {
  alert: AlertInstance;
  from: AlertState | 'inactive';
  to: AlertState | 'inactive';
  at: string;
}

/** What a notifier is told after each evaluation of one cluster. */
export interface EvaluationOutcome {
  cluster: string;
  evaluated_at: string;
  /** Every firing instance, and resolved ones of the last 15 minutes (Alertmanager wants resolved alerts re-sent for a while). */
  alerts: AlertInstance[];
  /** The changes this evaluation made. */
  transitions: AlertTransition[];
}

/** How deliveries to one receiver are going, shown on the alerts page. */
export interface DeliveryStatus {
  receiver: string;
  kind: 'alertmanager' | 'webhook';
  /** The receiver's URL without credentials. */
  url: string;
  last_success: string | null;
  last_error: { at: string; message: string } | null;
  /** Consecutive failures of the current delivery. */
  failures: number;
  queued: number;
  dropped: number;
}

/** `GET /api/v1/clusters/{c}/alerts`. */
export interface ClusterAlertsAnswer {
  cluster: string;
  /** The latest evaluation of this cluster; null before the first (or where this replica does not evaluate). */
  evaluated_at: string | null;
  /** False where ALERTS_EVALUATE=false: this replica shows what the store holds, another one evaluates. */
  evaluating: boolean;
  from: string;
  to: string;
  /** Firing first (critical before warning), then pending, then resolved within [from, to], newest first. */
  alerts: AlertInstance[];
  counts: { firing: Record<Severity, number>; pending: number; resolved: number };
  deliveries: DeliveryStatus[];
}

/** `GET /api/v1/alerts`: every cluster's, each item with its `cluster`. */
export interface FleetAlertsAnswer {
  generated_at: string;
  evaluating: boolean;
  from: string;
  to: string;
  alerts: AlertInstance[];
  clusters: { cluster: string; evaluated_at: string | null; firing: Record<Severity, number>; pending: number }[];
}

/** `GET /api/v1/alerts/rules`: the catalog with the effective settings. */
export interface AlertRuleInfo {
  rule: string;
  severity: Severity;
  for_s: number;
  threshold: number | null;
  threshold_unit: 'seconds' | 'count' | null;
  window_s: number | null;
  enabled: boolean;
  evidence: Evidence;
  metrics: string[];
  summary: string;
  why: string;
  runbook: string;
  /** Per cluster, where ALERTS_FILE overrides differ from the global settings. */
  clusters: Record<string, { severity: Severity; for_s: number; threshold: number | null; window_s: number | null; enabled: boolean }>;
}

export interface AlertRulesAnswer {
  /** ALERTS_FILE, when set. */
  file: string | null;
  sql_interval_s: number;
  rules: AlertRuleInfo[];
}
