/**
 * Alert states and their history, persisted in the embedded store (the history file, HISTORY_DB,
 * tables of their own), so a restart of the dashboard neither loses a firing alert nor notifies it
 * again as new. One row per episode (an instance from pending to resolved), one per transition.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AlertInstance, AlertState, AlertTransition } from './types';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS alert_episodes (
  id TEXT NOT NULL,
  active_since TEXT NOT NULL,
  cluster TEXT NOT NULL,
  rule TEXT NOT NULL,
  state TEXT NOT NULL,
  fired_at TEXT,
  resolved_at TEXT,
  body TEXT NOT NULL,
  PRIMARY KEY (id, active_since)
);
CREATE INDEX IF NOT EXISTS alert_episodes_active ON alert_episodes (cluster, state);
CREATE INDEX IF NOT EXISTS alert_episodes_resolved ON alert_episodes (cluster, resolved_at);
CREATE TABLE IF NOT EXISTS alert_transitions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  cluster TEXT NOT NULL,
  id TEXT NOT NULL,
  rule TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  at TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS alert_transitions_at ON alert_transitions (cluster, at);
`;

type Row = { body: string };

export interface AlertQuery {
  cluster: string | null;
  states: readonly AlertState[];
  /** Resolved episodes are listed when they resolved within [fromMs, toMs]. */
  fromMs: number;
  toMs: number;
}

export class AlertStateStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
  }

  /** The pending and firing instances of a cluster, as the last evaluation left them. */
  loadActive(cluster: string): AlertInstance[] {
    const rows = this.db.prepare<[string], Row>(`SELECT body FROM alert_episodes WHERE cluster = ? AND state IN ('pending', 'firing')`).all(cluster);
    return rows.map((r) => JSON.parse(r.body) as AlertInstance);
  }

  /** One evaluation's result, in one transaction. */
  save(cluster: string, out: { active: readonly AlertInstance[]; resolved: readonly AlertInstance[]; transitions: readonly AlertTransition[] }): void {
    const upsert = this.db.prepare(
      `INSERT INTO alert_episodes (id, active_since, cluster, rule, state, fired_at, resolved_at, body) VALUES (@id, @active_since, @cluster, @rule, @state, @fired_at, @resolved_at, @body)
       ON CONFLICT (id, active_since) DO UPDATE SET state = excluded.state, fired_at = excluded.fired_at, resolved_at = excluded.resolved_at, body = excluded.body`,
    );
    const drop = this.db.prepare(`DELETE FROM alert_episodes WHERE id = ? AND active_since = ? AND state = 'pending'`);
    const log = this.db.prepare(`INSERT INTO alert_transitions (cluster, id, rule, from_state, to_state, at, body) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    const row = (a: AlertInstance) => ({ id: a.id, active_since: a.active_since, cluster, rule: a.rule, state: a.state, fired_at: a.fired_at, resolved_at: a.resolved_at, body: JSON.stringify(a) });
    this.db.transaction(() => {
      for (const a of out.active) upsert.run(row(a));
      for (const a of out.resolved) upsert.run(row(a));
      for (const t of out.transitions) {
        if (t.from === 'pending' && t.to === 'inactive') drop.run(t.alert.id, t.alert.active_since);
        log.run(cluster, t.alert.id, t.alert.rule, t.from, t.to, t.at, JSON.stringify(t.alert));
      }
    })();
  }

  list(q: AlertQuery): AlertInstance[] {
    const out: AlertInstance[] = [];
    const active = q.states.filter((s) => s !== 'resolved');
    const where = q.cluster === null ? '' : 'cluster = @cluster AND';
    if (active.length > 0) {
      const rows = this.db.prepare<[Record<string, unknown>], Row>(`SELECT body FROM alert_episodes WHERE ${where} state IN (${active.map((s) => `'${s}'`).join(', ')})`).all({ cluster: q.cluster });
      out.push(...rows.map((r) => JSON.parse(r.body) as AlertInstance));
    }
    if (q.states.includes('resolved')) {
      const rows = this.db
        .prepare<[Record<string, unknown>], Row>(`SELECT body FROM alert_episodes WHERE ${where} state = 'resolved' AND resolved_at >= @from AND resolved_at <= @to ORDER BY resolved_at DESC LIMIT 1000`)
        .all({ cluster: q.cluster, from: new Date(q.fromMs).toISOString(), to: new Date(q.toMs).toISOString() });
      out.push(...rows.map((r) => JSON.parse(r.body) as AlertInstance));
    }
    return out;
  }

  /** Episodes that fired (on any metric) overlapping [fromMs, toMs]: the panels' shaded windows. */
  firedBetween(cluster: string, fromMs: number, toMs: number): AlertInstance[] {
    const rows = this.db
      .prepare<[Record<string, unknown>], Row>(`SELECT body FROM alert_episodes WHERE cluster = @cluster AND fired_at IS NOT NULL AND fired_at <= @to AND (resolved_at IS NULL OR resolved_at >= @from) LIMIT 2000`)
      .all({ cluster, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() });
    return rows.map((r) => JSON.parse(r.body) as AlertInstance);
  }

  /** Resolved episodes and transitions older than `beforeMs`; returns how many rows went. */
  prune(beforeMs: number): number {
    const before = new Date(beforeMs).toISOString();
    const a = this.db.prepare(`DELETE FROM alert_episodes WHERE state = 'resolved' AND resolved_at < ?`).run(before).changes;
    const b = this.db.prepare(`DELETE FROM alert_transitions WHERE at < ?`).run(before).changes;
    return a + b;
  }

  close(): void {
    this.db.close();
  }
}
