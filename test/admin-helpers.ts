/** Staff sessions for tests of /api/admin: real logins through the API, or sessions opened directly. */
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { hashPassword } from '../api/auth/passwords.ts';
import { createSession } from '../api/auth/sessions.ts';
import { createUser, type Role } from '../api/auth/users.ts';

/** The first admin's password in tests: pass `{ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD }` to testApp. */
export const ADMIN_PASSWORD = 'clave-admin-de-prueba';

/** The origin `app.inject` requests are addressed to (Host: localhost:80). */
export const SELF_ORIGIN = 'http://localhost';

export interface StaffSession {
  /** The `Cookie` header value. */
  cookie: string;
  csrfToken: string;
}

/** `name=value` of the session cookie in a response. */
export function sessionCookieOf(setCookie: string | string[] | undefined): string {
  const header = [setCookie ?? []].flat().find((c) => /^(__Host-)?ecam_session=/.test(c));
  assert.ok(header, 'the response sets the session cookie');
  return header.split(';')[0]!;
}

/** Logs in through `POST /api/admin/session`; fails the test if the login fails. */
export async function login(app: FastifyInstance, username: string, password: string): Promise<StaffSession> {
  const res = await app.inject({ method: 'POST', url: '/api/admin/session', payload: { username, password } });
  assert.equal(res.statusCode, 200, res.body);
  return { cookie: sessionCookieOf(res.headers['set-cookie']), csrfToken: res.json().csrfToken };
}

/** Headers that pass the guard: the session cookie, and for writes the Origin and CSRF token. */
export function staffHeaders(s: StaffSession): Record<string, string> {
  return { cookie: s.cookie, origin: SELF_ORIGIN, 'x-csrf-token': s.csrfToken };
}

/**
 * A staff account and an open session for it, created directly (no password hashing, so many
 * sessions stay fast). The password is `ADMIN_PASSWORD` unless given.
 */
export async function staffSession(
  app: FastifyInstance,
  username: string,
  role: Role,
  password = ADMIN_PASSWORD,
): Promise<StaffSession & { id: number }> {
  const user =
    createUser(app.db, { username, name: username, role, passwordHash: await hashPassword(password) }, app.now()) ??
    assert.fail(`the user ${username} already exists`);
  return { id: user.id, ...openSession(app, user.id) };
}

/** A new session for an existing account, opened directly in the database. */
export function openSession(app: FastifyInstance, staffId: number): StaffSession {
  const timeouts = { idleMinutes: app.config.sessionIdleMinutes, maxHours: app.config.sessionMaxHours };
  const { id, csrfToken } = createSession(app.db, staffId, { ip: '127.0.0.1', userAgent: 'test' }, app.now(), timeouts);
  return { cookie: `ecam_session=${id}`, csrfToken };
}
