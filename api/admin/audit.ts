/** The audit log of staff actions and logins (table `audit_log`): who, what, when, from where. */
import { bogotaDayRange } from '../calendar/calendar.ts';
import { perDb, type Db } from '../db/index.ts';
import type { AuditEntryWire } from './schemas.ts';

export interface AuditEntry {
  /** Null for a failed login or the command line. */
  staffId: number | null;
  /** Who acted (or tried to: the username typed at a failed login). */
  username: string;
  /** Dotted verb, domain first: `session.login`, `user.update`, `pqrs.assign`. */
  action: string;
  /** What was acted on: a radicado, a username, a settings key. */
  target?: string | null;
  ip: string;
  /** Anything else worth keeping, as JSON. Never a password, a token or a tracking code. */
  details?: Record<string, unknown> | null;
  /** When; now by default (tests pass the app's clock). */
  at?: Date;
}

interface AuditRow {
  id: number;
  at: string;
  staff_id: number | null;
  username: string;
  action: string;
  target: string | null;
  ip: string;
  details: string | null;
}

export interface AuditFilter {
  /** First Bogotá day included, YYYY-MM-DD. */
  from?: string;
  /** Last Bogotá day included, YYYY-MM-DD. */
  to?: string;
  staff?: string;
  action?: string;
  page: number;
  pageSize: number;
}

const WHERE = `WHERE (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to)
  AND (@staff IS NULL OR username = @staff) AND (@action IS NULL OR action = @action)`;

function prepare(db: Db) {
  return {
    insert: db.prepare<{
      at: string;
      staffId: number | null;
      username: string;
      action: string;
      target: string | null;
      ip: string;
      details: string | null;
    }>(
      `INSERT INTO audit_log (at, staff_id, username, action, target, ip, details)
       VALUES (@at, @staffId, @username, @action, @target, @ip, @details)`,
    ),
    page: db.prepare<Record<string, string | number | null>, AuditRow>(
      `SELECT id, at, staff_id, username, action, target, ip, details FROM audit_log ${WHERE}
       ORDER BY at DESC, id DESC LIMIT @limit OFFSET @offset`,
    ),
    count: db.prepare<Record<string, string | null>, number>(`SELECT count(*) FROM audit_log ${WHERE}`).pluck(),
  };
}

const stmts = perDb(prepare);

/**
 * Records one staff action. Call it inside the transaction that makes the change when there
 * is one, so the action and its record are written together or not at all.
 */
export function recordAudit(db: Db, e: AuditEntry): void {
  stmts(db).insert.run({
    at: (e.at ?? new Date()).toISOString(),
    staffId: e.staffId,
    username: e.username.slice(0, 100),
    action: e.action,
    target: e.target ?? null,
    ip: e.ip,
    details: e.details ? JSON.stringify(e.details) : null,
  });
}

/** One page of the log, newest first, and how many entries match. */
export function listAudit(db: Db, f: AuditFilter): { items: AuditEntryWire[]; total: number } {
  const s = stmts(db);
  const params = {
    ...bogotaDayRange(f.from, f.to),
    staff: f.staff ? f.staff.trim().toLowerCase() : null,
    action: f.action ?? null,
  };
  const items = s.page.all({ ...params, limit: f.pageSize, offset: (f.page - 1) * f.pageSize }).map((r) => ({
    id: r.id,
    at: r.at,
    staffId: r.staff_id,
    username: r.username,
    action: r.action,
    target: r.target,
    ip: r.ip,
    details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
  }));
  return { items, total: s.count.get(params)! };
}
