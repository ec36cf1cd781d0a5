/**
 * Staff sessions (table `staff_sessions`) and their cookie. The cookie carries 32 random bytes;
 * the database keeps only their SHA-256, so reading the database does not let anyone sign in.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { perDb, type Db } from '../db/index.ts';
import type { Config } from '../config.ts';
import type { Role, StaffUser } from './users.ts';

/** How long sessions live; from ECAM_SESSION_IDLE_MINUTES and ECAM_SESSION_MAX_HOURS. */
export interface SessionTimeouts {
  idleMinutes: number;
  maxHours: number;
}

/** The timeouts the configuration sets. */
export function sessionTimeouts(config: Pick<Config, 'sessionIdleMinutes' | 'sessionMaxHours'>): SessionTimeouts {
  return { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours };
}

/** A live session: who it belongs to and the CSRF token state-changing requests must echo. */
export interface Session {
  idHash: string;
  csrfToken: string;
  staff: StaffUser;
}

/** last_seen_at is written at most this often, so reads do not each cost a disk sync. */
const TOUCH_EVERY_MS = 60_000;

interface SessionRow {
  id_hash: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  staff_id: number;
  username: string;
  name: string;
  role: Role;
  reviewer: number;
}

function prepare(db: Db) {
  return {
    insert: db.prepare<{
      idHash: string;
      staffId: number;
      csrf: string;
      at: string;
      expires: string;
      ip: string;
      userAgent: string;
    }>(
      `INSERT INTO staff_sessions (id_hash, staff_id, csrf_token, created_at, last_seen_at, expires_at, ip, user_agent)
       VALUES (@idHash, @staffId, @csrf, @at, @at, @expires, @ip, @userAgent)`,
    ),
    // An inactive account has no valid session, whatever its rows say.
    find: db.prepare<[string], SessionRow>(
      `SELECT s.id_hash, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at,
              u.id AS staff_id, u.username, u.name, u.role, u.reviewer
       FROM staff_sessions s JOIN staff u ON u.id = s.staff_id
       WHERE s.id_hash = ? AND u.active = 1`,
    ),
    touch: db.prepare<[string, string]>('UPDATE staff_sessions SET last_seen_at = ? WHERE id_hash = ?'),
    remove: db.prepare<[string]>('DELETE FROM staff_sessions WHERE id_hash = ?'),
    removeUser: db.prepare<[number, string]>('DELETE FROM staff_sessions WHERE staff_id = ? AND id_hash <> ?'),
    removeExpired: db.prepare<[string, string]>('DELETE FROM staff_sessions WHERE expires_at <= ? OR last_seen_at <= ?'),
  };
}

const stmts = perDb(prepare);

function hashId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

const minutes = (n: number) => n * 60_000;

/**
 * Opens a session for `staffId` and returns the id for the cookie (never stored) and its CSRF
 * token. Expired sessions of anyone are swept here, at the only moment sessions are created.
 */
export function createSession(
  db: Db,
  staffId: number,
  client: { ip: string; userAgent: string },
  now: Date,
  timeouts: SessionTimeouts,
): { id: string; csrfToken: string } {
  const s = stmts(db);
  const id = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  s.removeExpired.run(at, new Date(now.getTime() - minutes(timeouts.idleMinutes)).toISOString());
  s.insert.run({
    idHash: hashId(id),
    staffId,
    csrf: csrfToken,
    at,
    expires: new Date(now.getTime() + minutes(timeouts.maxHours * 60)).toISOString(),
    ip: client.ip,
    userAgent: client.userAgent.slice(0, 500),
  });
  return { id, csrfToken };
}

/**
 * The live session for cookie value `id`, or null when it is unknown, idle for too long, past
 * its absolute lifetime, or its account was deactivated. A live session's idle clock restarts.
 */
export function findSession(db: Db, id: string | undefined, now: Date, timeouts: SessionTimeouts): Session | null {
  if (!id || id.length > 100) return null;
  const s = stmts(db);
  const idHash = hashId(id);
  const row = s.find.get(idHash);
  if (!row) return null;
  const t = now.getTime();
  const lastSeen = Date.parse(row.last_seen_at);
  if (t >= Date.parse(row.expires_at) || t - lastSeen >= minutes(timeouts.idleMinutes)) {
    s.remove.run(idHash);
    return null;
  }
  if (t - lastSeen >= TOUCH_EVERY_MS) s.touch.run(now.toISOString(), idHash);
  return {
    idHash,
    csrfToken: row.csrf_token,
    staff: { id: row.staff_id, username: row.username, name: row.name, role: row.role, reviewer: row.reviewer === 1 },
  };
}

/**
 * Whether a session is still valid, without counting this as activity (a console left open
 * must not keep a session alive past its idle timeout). Logout, deactivation and a password
 * change remove the row, so they end it too.
 */
export function sessionAlive(db: Db, idHash: string, now: Date, timeouts: SessionTimeouts): boolean {
  const row = stmts(db).find.get(idHash);
  const t = now.getTime();
  return !!row && t < Date.parse(row.expires_at) && t - Date.parse(row.last_seen_at) < minutes(timeouts.idleMinutes);
}

/** Ends one session (logout). */
export function revokeSession(db: Db, idHash: string): void {
  stmts(db).remove.run(idHash);
}

/** Ends every session of an account except `keepIdHash` (after a password change or deactivation). */
export function revokeUserSessions(db: Db, staffId: number, keepIdHash = ''): void {
  stmts(db).removeUser.run(staffId, keepIdHash);
}

/**
 * Over HTTPS the cookie is `__Host-` prefixed and Secure: the browser then refuses it from
 * plain HTTP and from any other (sub)domain. Plain HTTP (local use) gets a plain name.
 */
function cookieName(req: FastifyRequest): string {
  return req.protocol === 'https' ? '__Host-ecam_session' : 'ecam_session';
}

function cookieOptions(req: FastifyRequest) {
  return { httpOnly: true, sameSite: 'strict', path: '/', secure: req.protocol === 'https' } as const;
}

/** The session id the browser sent, if any. */
export function sessionCookie(req: FastifyRequest): string | undefined {
  return req.cookies[cookieName(req)];
}

/** Sets the session cookie: no Max-Age, so it also ends when the browser closes. */
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, id: string): void {
  reply.setCookie(cookieName(req), id, cookieOptions(req));
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(cookieName(req), cookieOptions(req));
}
