/**
 * The dashboard watching on its own: for every cluster, on every scrape (the same cached,
 * single-flight scrape everything reads, so alerting adds no request to a node), build the rules'
 * context, evaluate the catalog, advance the alert states, persist them and hand the outcome to
 * the notifiers; SQL facts are refreshed every ALERTS_SQL_INTERVAL in the background (the
 * existing statement timeout and small pool apply), never on the scrape's path. Started once by
 * instrumentation.ts; kept on globalThis so every route bundle sees the same engine.
 */
import { listClusters } from '../clusters';
import { staticConfig, type ClusterConfig } from '../config';
import { RULES, horizonS } from '../alerts/catalog';
import { EvidenceWindow } from '../alerts/evidence-window';
import type { Notifier } from '../alerts/notify/notifier';
import type { RuleContext, SqlEvidence } from '../alerts/rule-types';
import { effectiveSettings, type AlertSettings } from '../alerts/settings';
import { advance, type RuleOutcome } from '../alerts/state';
import type { AlertStateStore } from '../alerts/state-store';
import type { AlertInstance, EvaluationOutcome } from '../alerts/types';
import type { HistoryStore } from '../history/types';
import { nodeUrls } from '../scrape/node-urls';
import { getSnapshot } from '../scrape/snapshot-cache';
import { readSqlEvidence, scrapedNodes, seedFromHistory, windowMetrics } from './alert-evidence';
import type { ClusterSnapshot } from './types/metrics';

/** Alertmanager wants resolved alerts re-sent for a while (Prometheus: 15 min). */
const RESOLVED_RESEND_MS = 15 * 60_000;

interface ClusterState {
  cluster: ClusterConfig;
  window: EvidenceWindow;
  active: AlertInstance[];
  recentlyResolved: AlertInstance[];
  sql: SqlEvidence | null;
  sqlRunning: boolean;
  sqlAtMs: number;
  offsetMs: number;
  lastSeq: number;
  evaluatedAt: string | null;
  ready: Promise<void>;
}

export interface EngineDeps {
  store: AlertStateStore;
  notifier: Notifier;
  settings: AlertSettings;
  history: HistoryStore | null;
  intervalMs?: number;
  timeoutMs?: number;
}

export class AlertEngine {
  private readonly states = new Map<string, ClusterState>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;
  /** Time spent evaluating the catalog (excluding I/O), for the bench and the log. */
  lastEvalMs = 0;

  constructor(private readonly deps: EngineDeps) {}

  start(clusters: () => Promise<ClusterConfig[]> = listClusters): void {
    void clusters().then((list) => {
      // Spread the clusters over the interval so fifty clusters do not evaluate in the same millisecond.
      list.forEach((c, i) => this.later(() => this.loop(c), Math.round((i * this.intervalMs()) / Math.max(1, list.length))));
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await this.deps.notifier.stop();
  }

  evaluatedAt(cluster: string): string | null {
    return this.states.get(cluster)?.evaluatedAt ?? null;
  }

  deliveries() {
    return this.deps.notifier.status();
  }

  /** The latest SQL facts of a cluster (the exporter reads them: no statement of its own). */
  sqlFacts(cluster: string): SqlEvidence | null {
    return this.states.get(cluster)?.sql ?? null;
  }

  /** The pending and firing instances after the latest evaluation. */
  activeAlerts(cluster: string): readonly AlertInstance[] {
    return this.states.get(cluster)?.active ?? [];
  }

  private intervalMs(): number {
    return this.deps.intervalMs ?? staticConfig().scrapeIntervalMs;
  }

  private later(fn: () => void, ms: number): void {
    if (this.stopped) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    t.unref();
    this.timers.add(t);
  }

  private stateOf(cluster: ClusterConfig): ClusterState {
    const s = this.states.get(cluster.id);
    if (s) return s;
    const windows = RULES.map((r) => effectiveSettings(this.deps.settings, r.rule, cluster.id).window_s);
    const { counters, gauges } = windowMetrics();
    const window = new EvidenceWindow(horizonS(windows) * 1000, counters, gauges);
    const now = Date.now();
    const st: ClusterState = {
      cluster,
      window,
      active: this.deps.store.loadActive(cluster.id),
      recentlyResolved: this.deps.store.list({ cluster: cluster.id, states: ['resolved'], fromMs: now - RESOLVED_RESEND_MS, toMs: now }),
      sql: null,
      sqlRunning: false,
      sqlAtMs: 0,
      offsetMs: 0,
      lastSeq: -1,
      evaluatedAt: null,
      ready: Promise.resolve(),
    };
    if (this.deps.history) {
      st.ready = seedFromHistory(this.deps.history, cluster.id, window, now, 14 * 86_400).catch((err: unknown) => console.error(`alerts: could not read ${cluster.id}'s recent history: ${(err as Error).message}`));
    }
    this.states.set(cluster.id, st);
    return st;
  }

  private loop(cluster: ClusterConfig): void {
    if (this.stopped) return;
    const started = Date.now();
    this.tick(cluster)
      .catch((err: unknown) => console.error(`alerts: evaluating ${cluster.id} failed: ${(err as Error).message}`))
      .finally(() => this.later(() => this.loop(cluster), Math.max(25, this.intervalMs() - (Date.now() - started) + 25)));
  }

  /**
   * One round for one cluster: scrape (cached), SQL when due, evaluate, persist, notify. The SQL
   * read runs in the background unless `awaitSql` (tests: one deterministic round).
   */
  async tick(cluster: ClusterConfig, opts: { awaitSql?: boolean } = {}): Promise<EvaluationOutcome> {
    const st = this.stateOf(cluster);
    await st.ready;
    const cfg = staticConfig();
    let snapshot: ClusterSnapshot | null = null;
    try {
      const urls = await nodeUrls(cluster);
      if (urls.length > 0) snapshot = await getSnapshot(cluster, urls, { intervalMs: this.intervalMs(), timeoutMs: this.deps.timeoutMs ?? cfg.scrapeTimeoutMs });
    } catch {
      // No node list (discovery over SQL failed): metric rules hold; sql_unreachable says why.
    }
    const now = Date.now();
    if (snapshot && snapshot.scrape_seq !== st.lastSeq) {
      st.lastSeq = snapshot.scrape_seq;
      st.window.observe(Date.parse(snapshot.scraped_at), scrapedNodes(snapshot));
    }
    if (cluster.sqlUrl !== null && !st.sqlRunning && now - st.sqlAtMs >= this.deps.settings.sqlIntervalMs) {
      st.sqlRunning = true;
      st.sqlAtMs = now;
      // In the background: a slow cluster must not hold up the metric rules.
      const read = readSqlEvidence(cluster, st.sql, now)
        .then((r) => {
          st.sql = r.sql;
          if (r.offsetMs !== null) st.offsetMs = r.offsetMs;
        })
        .finally(() => {
          st.sqlRunning = false;
        });
      if (opts.awaitSql) await read;
    }
    return this.evaluate(st, snapshot, opts.awaitSql ? Date.now() : now);
  }

  private evaluate(st: ClusterState, snapshot: ClusterSnapshot | null, now: number): EvaluationOutcome {
    const t0 = performance.now();
    const ctx: RuleContext = {
      cluster: st.cluster.id,
      nowMs: now,
      clusterNowMs: now + st.offsetMs,
      scrape: snapshot ? { at_ms: Date.parse(snapshot.scraped_at), nodes: scrapedNodes(snapshot) } : null,
      window: st.window,
      sql: st.cluster.sqlUrl === null ? null : st.sql,
    };
    const outcomes: RuleOutcome[] = RULES.map((def) => {
      const settings = effectiveSettings(this.deps.settings, def.rule, st.cluster.id);
      if (!settings.enabled) return { def, settings, candidates: [] };
      // SQL rules before the first SQL read: unknown, not resolved.
      if (def.evidence === 'sql' && ctx.sql === null && st.cluster.sqlUrl !== null) return { def, settings, candidates: null };
      try {
        return { def, settings, candidates: def.evaluate(ctx, settings) };
      } catch (err) {
        console.error(`alerts: rule ${def.rule} failed on ${st.cluster.id}: ${(err as Error).message}`);
        return { def, settings, candidates: null };
      }
    });
    const r = advance(st.cluster.id, st.active, outcomes, now);
    this.lastEvalMs = performance.now() - t0;
    this.deps.store.save(st.cluster.id, r);
    st.active = r.active;
    st.recentlyResolved = [...r.resolved, ...st.recentlyResolved.filter((a) => now - Date.parse(a.resolved_at ?? '') < RESOLVED_RESEND_MS)];
    st.evaluatedAt = new Date(now).toISOString();
    const outcome: EvaluationOutcome = {
      cluster: st.cluster.id,
      evaluated_at: st.evaluatedAt,
      alerts: [...st.active.filter((a) => a.state === 'firing'), ...st.recentlyResolved],
      transitions: r.transitions,
    };
    this.deps.notifier.deliver(outcome);
    return outcome;
  }
}

const KEY = Symbol.for('crdb-monitor.alert-engine');
type Holder = { [KEY]?: AlertEngine };

export function registerAlertEngine(engine: AlertEngine): void {
  (globalThis as Holder)[KEY] = engine;
}

/** The process's engine; null where ALERTS_EVALUATE=false or before start-up registered it. */
export function alertEngine(): AlertEngine | null {
  return (globalThis as Holder)[KEY] ?? null;
}
