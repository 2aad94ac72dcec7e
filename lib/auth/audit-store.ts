/**
 * The audit trail, in the embedded store (the history file, HISTORY_DB, a table of its own, as the
 * alert state store does): every control action and every sign-in, success or failure. It holds
 * names, roles, statements and outcomes; never a password, a token or a session.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { AuditEvent, AuditKind } from '../api/types/audit';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS audit_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  user TEXT NOT NULL,
  role TEXT,
  kind TEXT NOT NULL,
  cluster TEXT,
  statement TEXT,
  outcome TEXT NOT NULL,
  remote TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_events_at ON audit_events (at);
`;

export interface AuditQuery {
  kinds?: readonly AuditKind[];
  limit: number;
}

export class AuditStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
  }

  add(e: AuditEvent): void {
    this.db
      .prepare(`INSERT INTO audit_events (at, user, role, kind, cluster, statement, outcome, remote) VALUES (@at, @user, @role, @kind, @cluster, @statement, @outcome, @remote)`)
      .run({ ...e, user: e.user.slice(0, 200), outcome: e.outcome.slice(0, 2000), remote: e.remote.slice(0, 200) });
  }

  /** Newest first. */
  list(q: AuditQuery): AuditEvent[] {
    const kinds = q.kinds && q.kinds.length > 0 ? q.kinds : null;
    const where = kinds ? `WHERE kind IN (${kinds.map(() => '?').join(', ')})` : '';
    return this.db.prepare<unknown[], AuditEvent>(`SELECT at, user, role, kind, cluster, statement, outcome, remote FROM audit_events ${where} ORDER BY seq DESC LIMIT ?`).all(...(kinds ?? []), q.limit);
  }

  close(): void {
    this.db.close();
  }
}
