/**
 * Staff login, sessions, lockout, users, audit and settings: real app, real SQLite, real scrypt.
 * The clock is injected (`testApp(env, clock)`), so expiry is tested without waiting.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, beforeEach, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../api/admin/audit.ts';
import { buildApp } from '../../api/app.ts';
import { loadConfig } from '../../api/config.ts';
import {
  ADMIN_PASSWORD,
  login,
  openSession,
  SELF_ORIGIN,
  sessionCookieOf,
  staffHeaders,
  type StaffSession,
} from '../admin-helpers.ts';
import { tempDataDir, testApp, validPqrs } from '../helpers.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BAD_CREDENTIALS = { error: 'Usuario o contraseña incorrectos.', code: 'credentials' };

// A Monday, 09:00 in Bogotá.
let t = Date.parse('2026-03-02T14:00:00Z');
const clock = () => new Date(t);
const minutes = (n: number) => n * 60_000;

const { app } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD }, clock);
after(() => app.close());

const attempt = (a: FastifyInstance, username: string, password: string, headers: Record<string, string> = {}) =>
  a.inject({ method: 'POST', url: '/api/admin/session', payload: { username, password }, headers });
const whoAmI = (cookie: string) => app.inject({ method: 'GET', url: '/api/admin/session', headers: { cookie } });
const api = (s: StaffSession, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  app.inject({ method, url, headers: staffHeaders(s), ...(payload ? { payload } : {}) });

let admin: StaffSession;
// The clock jumps ahead in the expiry tests; every test gets a fresh admin session.
beforeEach(() => {
  if (admin) admin = openSession(app, 1);
});

describe('login', () => {
  test('the first admin (ECAM_ADMIN_PASSWORD) logs in; the cookie is HttpOnly, SameSite=Strict, Path=/', async () => {
    const res = await attempt(app, 'admin', ADMIN_PASSWORD);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.deepEqual(body.user, { id: 1, username: 'admin', name: 'Administrador', role: 'admin', reviewer: false });
    assert.match(body.csrfToken, /^[\w-]{43}$/);
    const setCookie = String(res.headers['set-cookie']);
    assert.match(setCookie, /^ecam_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    assert.doesNotMatch(setCookie, /Secure|Domain|Max-Age|Expires/i);
    admin = { cookie: sessionCookieOf(res.headers['set-cookie']), csrfToken: body.csrfToken };
    const who = await whoAmI(admin.cookie);
    assert.equal(who.statusCode, 200);
    assert.deepEqual(who.json(), body);
  });

  test('usernames are case-insensitive and trimmed', async () => {
    assert.equal((await attempt(app, '  ADMIN ', ADMIN_PASSWORD)).statusCode, 200);
  });

  test('unknown user, wrong password and inactive account get the very same 401', async () => {
    const created = await api(admin, 'POST', '/api/admin/users', { username: 'inactiva', name: 'Inactiva', role: 'funcionario', password: 'clave-de-inactiva' });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal((await api(admin, 'PATCH', `/api/admin/users/${created.json().user.id}`, { active: false })).statusCode, 200);

    const unknown = await attempt(app, 'nadie', ADMIN_PASSWORD);
    const wrong = await attempt(app, 'admin', 'no-es-la-clave');
    const inactive = await attempt(app, 'inactiva', 'clave-de-inactiva');
    for (const res of [unknown, wrong, inactive]) {
      assert.equal(res.statusCode, 401);
      assert.deepEqual(res.json(), BAD_CREDENTIALS);
      assert.equal(res.headers['set-cookie'], undefined);
    }
    assert.deepEqual(Object.keys(unknown.headers).sort(), Object.keys(wrong.headers).sort());
  });

  test('a missing field is a 400 with Spanish messages, not a login attempt', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/admin/session', payload: { username: '' } });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json().fields, { username: 'Usuario: es obligatorio.', password: 'Contraseña: es obligatoria.' });
  });

  test('a login without an Origin header (curl, scripts) is allowed; a same-origin one too', async () => {
    assert.equal((await attempt(app, 'admin', ADMIN_PASSWORD, { origin: SELF_ORIGIN })).statusCode, 200);
  });
});

describe('lockout per username (always on, whatever the rate-limit setting)', () => {
  test('5 failures lock the account for 15 minutes: 429 with Retry-After, even with the right password', async () => {
    const created = await api(admin, 'POST', '/api/admin/users', { username: 'pedro', name: 'Pedro', role: 'funcionario', password: 'clave-de-pedro-1' });
    assert.equal(created.statusCode, 201);
    for (let i = 0; i < 5; i++) assert.equal((await attempt(app, 'pedro', `mala-${i}`)).statusCode, 401);
    const locked = await attempt(app, 'pedro', 'clave-de-pedro-1');
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.headers['retry-after'], '900');
    assert.deepEqual(locked.json(), {
      error: 'Demasiados intentos fallidos con este usuario. Intente de nuevo en 15 minutos.',
      code: 'locked',
    });
    // Another account is not affected.
    assert.equal((await attempt(app, 'admin', ADMIN_PASSWORD)).statusCode, 200);

    t += minutes(10);
    const later = await attempt(app, 'PEDRO', 'clave-de-pedro-1');
    assert.equal(later.statusCode, 429);
    assert.equal(later.headers['retry-after'], '300');

    t += minutes(5);
    assert.equal((await attempt(app, 'pedro', 'clave-de-pedro-1')).statusCode, 200);
  });

  test('an unknown username locks the same way, so a 429 does not reveal that an account exists', async () => {
    for (let i = 0; i < 5; i++) assert.deepEqual((await attempt(app, 'fantasma', `mala-${i}`)).json(), BAD_CREDENTIALS);
    const res = await attempt(app, 'fantasma', 'otra');
    assert.equal(res.statusCode, 429);
    assert.equal(res.headers['retry-after'], '900');
    assert.equal(res.json().code, 'locked');
    t += minutes(15);
  });

  test('a successful login resets the count', async () => {
    const created = await api(admin, 'POST', '/api/admin/users', { username: 'rosa', name: 'Rosa', role: 'funcionario', password: 'clave-de-rosa-1' });
    assert.equal(created.statusCode, 201);
    for (let i = 0; i < 4; i++) assert.equal((await attempt(app, 'rosa', 'mala')).statusCode, 401);
    assert.equal((await attempt(app, 'rosa', 'clave-de-rosa-1')).statusCode, 200);
    for (let i = 0; i < 4; i++) assert.equal((await attempt(app, 'rosa', 'mala')).statusCode, 401);
    assert.equal((await attempt(app, 'rosa', 'clave-de-rosa-1')).statusCode, 200);
  });

  test('parallel guesses cannot slip past the lock while their hashes run', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => attempt(app, 'paralelo', `mala-${i}`)));
    const statuses = results.map((r) => r.statusCode).sort();
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429, 429]);
    t += minutes(15);
  });
});

describe('login rate limit per IP (ECAM_RATE_LIMIT on)', () => {
  test('the 11th attempt from one address within 15 minutes gets 429, whatever the usernames', async () => {
    const { app: limited } = await testApp({ ECAM_RATE_LIMIT: 'on', ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD });
    try {
      const from = (ip: string, username: string) =>
        limited.inject({ method: 'POST', url: '/api/admin/session', remoteAddress: ip, payload: { username, password: 'x' } });
      for (let i = 0; i < 10; i++) assert.equal((await from('10.0.0.9', `usuario${i}`)).statusCode, 401);
      const res = await from('10.0.0.9', 'admin');
      assert.equal(res.statusCode, 429);
      assert.ok(Number(res.headers['retry-after']) > 800);
      assert.match(res.json().error, /^Demasiadas solicitudes desde su conexión/);
      assert.equal((await from('10.0.0.10', 'usuario0')).statusCode, 401);
    } finally {
      await limited.close();
    }
  });
});

describe('sessions', () => {
  test('a new id at every login; the id the browser had dies; only its hash is stored', async () => {
    const first = await login(app, 'admin', ADMIN_PASSWORD);
    const res = await attempt(app, 'admin', ADMIN_PASSWORD, { cookie: first.cookie });
    assert.equal(res.statusCode, 200);
    const second = sessionCookieOf(res.headers['set-cookie']);
    assert.notEqual(second, first.cookie);
    assert.notEqual(res.json().csrfToken, first.csrfToken);
    assert.equal((await whoAmI(first.cookie)).statusCode, 401);
    assert.equal((await whoAmI(second)).statusCode, 200);

    const id = second.split('=')[1]!;
    const hash = createHash('sha256').update(id).digest('hex');
    const rows = app.db.prepare('SELECT * FROM staff_sessions').all() as Record<string, unknown>[];
    assert.ok(rows.some((r) => r.id_hash === hash));
    assert.ok(!JSON.stringify(rows).includes(id), 'the raw session id is not in the database');
  });

  test('logout revokes the session server-side and clears the cookie; other sessions live on', async () => {
    const mine = await login(app, 'admin', ADMIN_PASSWORD);
    const other = await login(app, 'admin', ADMIN_PASSWORD);
    const res = await api(mine, 'DELETE', '/api/admin/session');
    assert.equal(res.statusCode, 204);
    assert.equal(res.headers['set-cookie'], 'ecam_session=; Max-Age=0; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict');
    assert.deepEqual((await whoAmI(mine.cookie)).json(), { error: 'Debe iniciar sesión.', code: 'session' });
    // Replaying the old cookie after logout does not bring the session back.
    assert.equal((await api(mine, 'DELETE', '/api/admin/session')).statusCode, 401);
    assert.equal((await whoAmI(other.cookie)).statusCode, 200);
  });

  test('idle timeout (30 min by default): activity keeps a session alive, silence ends it', async () => {
    const s = await login(app, 'admin', ADMIN_PASSWORD);
    t += minutes(29);
    assert.equal((await whoAmI(s.cookie)).statusCode, 200);
    t += minutes(29);
    assert.equal((await whoAmI(s.cookie)).statusCode, 200);
    t += minutes(30);
    assert.equal((await whoAmI(s.cookie)).statusCode, 401);
    t += minutes(1);
    assert.equal((await whoAmI(s.cookie)).statusCode, 401, 'an expired session stays expired');
  });

  test('absolute timeout (12 h by default): even an active session ends', async () => {
    const s = await login(app, 'admin', ADMIN_PASSWORD);
    const start = t;
    while (t + minutes(25) < start + minutes(12 * 60)) {
      t += minutes(25);
      assert.equal((await whoAmI(s.cookie)).statusCode, 200, `at ${(t - start) / 60_000} min`);
    }
    t = start + minutes(12 * 60);
    assert.equal((await whoAmI(s.cookie)).statusCode, 401);
  });

  test('the timeouts come from ECAM_SESSION_IDLE_MINUTES and ECAM_SESSION_MAX_HOURS', async () => {
    let now = Date.parse('2026-03-02T14:00:00Z');
    const { app: short } = await testApp(
      { ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD, ECAM_SESSION_IDLE_MINUTES: '5', ECAM_SESSION_MAX_HOURS: '1' },
      () => new Date(now),
    );
    try {
      const get = (cookie: string) => short.inject({ method: 'GET', url: '/api/admin/session', headers: { cookie } });
      const idle = await login(short, 'admin', ADMIN_PASSWORD);
      now += minutes(5);
      assert.equal((await get(idle.cookie)).statusCode, 401);
      const busy = await login(short, 'admin', ADMIN_PASSWORD);
      for (let i = 0; i < 14; i++) {
        now += minutes(4);
        assert.equal((await get(busy.cookie)).statusCode, 200);
      }
      now += minutes(4);
      assert.equal((await get(busy.cookie)).statusCode, 401);
    } finally {
      await short.close();
    }
  });

  test('over HTTPS (trusted proxy): __Host- prefix and Secure; the plain name is not accepted there', async () => {
    const { app: tls } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD, ECAM_TRUST_PROXY: 'on' });
    try {
      // What a TLS-terminating proxy forwards for https://participa.ecam.gov.co/.
      const https = { 'x-forwarded-proto': 'https', host: 'participa.ecam.gov.co' };
      const res = await attempt(tls, 'admin', ADMIN_PASSWORD, https);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['set-cookie']), /^__Host-ecam_session=[\w-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict$/);
      const cookie = sessionCookieOf(res.headers['set-cookie']);
      const get = (headers: Record<string, string>) => tls.inject({ method: 'GET', url: '/api/admin/session', headers });
      assert.equal((await get({ ...https, cookie })).statusCode, 200);
      assert.equal((await get({ ...https, cookie: cookie.replace('__Host-', '') })).statusCode, 401);
      // Origin must then be the https origin.
      const csrfToken = res.json().csrfToken;
      const write = (origin: string) =>
        tls.inject({ method: 'DELETE', url: '/api/admin/session', headers: { ...https, cookie, origin, 'x-csrf-token': csrfToken } });
      assert.equal((await write('http://participa.ecam.gov.co')).statusCode, 403);
      assert.equal((await write('https://participa.ecam.gov.co')).statusCode, 204);
    } finally {
      await tls.close();
    }
  });
});

describe('own password change', () => {
  test('needs the current password; ends the other sessions, keeps this one', async () => {
    const created = await api(admin, 'POST', '/api/admin/users', { username: 'carla', name: 'Carla', role: 'funcionario', password: 'clave-de-carla-1' });
    assert.equal(created.statusCode, 201);
    const here = await login(app, 'carla', 'clave-de-carla-1');
    const elsewhere = await login(app, 'carla', 'clave-de-carla-1');

    const wrong = await api(here, 'POST', '/api/admin/session/password', { currentPassword: 'no-es', newPassword: 'clave-nueva-de-carla' });
    assert.equal(wrong.statusCode, 400);
    assert.deepEqual(wrong.json().fields, { currentPassword: 'Contraseña actual: no es correcta.' });
    const short = await api(here, 'POST', '/api/admin/session/password', { currentPassword: 'clave-de-carla-1', newPassword: 'corta' });
    assert.equal(short.statusCode, 400);
    assert.deepEqual(short.json().fields, { newPassword: 'Contraseña nueva: al menos 12 caracteres.' });

    const ok = await api(here, 'POST', '/api/admin/session/password', { currentPassword: 'clave-de-carla-1', newPassword: 'clave-nueva-de-carla' });
    assert.equal(ok.statusCode, 204, ok.body);
    assert.equal((await whoAmI(here.cookie)).statusCode, 200);
    assert.equal((await whoAmI(elsewhere.cookie)).statusCode, 401);
    assert.deepEqual((await attempt(app, 'carla', 'clave-de-carla-1')).json(), BAD_CREDENTIALS);
    assert.equal((await attempt(app, 'carla', 'clave-nueva-de-carla')).statusCode, 200);
  });
});

describe('users (admin only)', () => {
  test('create with a generated password shown once, list, and the new account logs in', async () => {
    const res = await api(admin, 'POST', '/api/admin/users', { username: 'Lucia.Diaz', name: 'Lucía Díaz', email: 'lucia@ecam.gov.co', role: 'funcionario' });
    assert.equal(res.statusCode, 201, res.body);
    const { user, password } = res.json();
    assert.equal(user.username, 'lucia.diaz');
    assert.equal(user.active, true);
    assert.match(password, /^[\w-]{20}$/);
    const list = (await api(admin, 'GET', '/api/admin/users')).json() as { username: string }[];
    assert.ok(list.some((u) => u.username === 'lucia.diaz'));
    assert.ok(!JSON.stringify(list).includes('scrypt'), 'hashes never leave the server');
    const s = await login(app, 'lucia.diaz', password);
    assert.equal((await whoAmI(s.cookie)).json().user.role, 'funcionario');
    assert.equal((await api(s, 'GET', '/api/admin/users')).statusCode, 403);
  });

  test('deactivating ends the sessions; reactivating with a password reset lets the person in again', async () => {
    const res = await api(admin, 'POST', '/api/admin/users', { username: 'mario', name: 'Mario', role: 'funcionario', password: 'clave-de-mario-1' });
    const id = res.json().user.id;
    const s = await login(app, 'mario', 'clave-de-mario-1');
    const off = await api(admin, 'PATCH', `/api/admin/users/${id}`, { active: false });
    assert.equal(off.statusCode, 200);
    assert.equal(off.json().active, false);
    assert.equal((await whoAmI(s.cookie)).statusCode, 401);
    assert.deepEqual((await attempt(app, 'mario', 'clave-de-mario-1')).json(), BAD_CREDENTIALS);
    const on = await api(admin, 'PATCH', `/api/admin/users/${id}`, { active: true, password: 'otra-clave-de-mario', role: 'admin', name: 'Mario Ruiz' });
    assert.equal(on.statusCode, 200);
    const { createdAt, ...fields } = on.json() as Record<string, unknown>;
    assert.equal(typeof createdAt, 'string');
    assert.deepEqual(fields, { id, username: 'mario', name: 'Mario Ruiz', email: null, role: 'admin', reviewer: false, active: true });
    assert.equal((await attempt(app, 'mario', 'otra-clave-de-mario')).statusCode, 200);
    // Another admin exists now, so mario may be demoted again.
    assert.equal((await api(admin, 'PATCH', `/api/admin/users/${id}`, { role: 'funcionario' })).statusCode, 200);
  });

  test('the last active admin cannot be demoted or deactivated', async () => {
    for (const change of [{ role: 'funcionario' }, { active: false }]) {
      const res = await api(admin, 'PATCH', '/api/admin/users/1', change);
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().code, 'last-admin');
    }
    assert.equal((await whoAmI(admin.cookie)).json().user.role, 'admin');
  });

  test('bad input: 400 with Spanish field messages; duplicate: 409; unknown id: 404', async () => {
    const bad = await api(admin, 'POST', '/api/admin/users', { username: 'a b', name: '', role: 'jefe', email: 'no-es-correo', password: 'corta' });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().fields, {
      username: 'Usuario: de 3 a 40 caracteres, solo letras sin tildes, dígitos, punto, guion o guion bajo.',
      name: 'Nombre: es obligatorio.',
      role: 'Rol: elija «admin» o «funcionario».',
      email: 'Correo electrónico: escriba una dirección válida, por ejemplo nombre@dominio.co.',
      password: 'Contraseña: al menos 12 caracteres.',
    });
    const dup = await api(admin, 'POST', '/api/admin/users', { username: 'ADMIN', name: 'Otro', role: 'admin' });
    assert.equal(dup.statusCode, 409);
    assert.deepEqual(dup.json().fields, { username: 'Usuario: ya existe una cuenta con ese nombre de usuario.' });
    assert.equal((await api(admin, 'PATCH', '/api/admin/users/9999', { name: 'X' })).statusCode, 404);
    const extra = await api(admin, 'PATCH', '/api/admin/users/1', { username: 'otro' });
    assert.equal(extra.statusCode, 400);
  });
});

describe('audit log', () => {
  test('logins (success and failure), logouts and user changes are recorded, never a password', async () => {
    const password = 'una-clave-equivocada-123';
    await attempt(app, 'intruso', password, {});
    const s = await login(app, 'admin', ADMIN_PASSWORD);
    await api(s, 'DELETE', '/api/admin/session');

    const get = async (query: Record<string, string>) => {
      const res = await app.inject({ method: 'GET', url: '/api/admin/audit', query, headers: { cookie: admin.cookie } });
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    const failed = await get({ action: 'session.login_failed', staff: 'intruso' });
    assert.equal(failed.total, 1);
    assert.deepEqual({ ...failed.items[0], id: 0 }, {
      id: 0,
      at: new Date(t).toISOString(),
      staffId: null,
      username: 'intruso',
      action: 'session.login_failed',
      target: null,
      ip: '127.0.0.1',
      details: { reason: 'unknown-user' },
    });
    const wrong = await get({ action: 'session.login_failed', staff: 'admin' });
    assert.equal(wrong.items[0].details.reason, 'wrong-password');
    assert.equal(wrong.items[0].staffId, 1);

    const all = await get({});
    const text = JSON.stringify(all);
    assert.ok(!text.includes(password) && !text.includes(ADMIN_PASSWORD), 'no password in the log');
    for (const action of ['session.login', 'session.logout', 'session.login_failed', 'session.login_locked', 'user.create', 'user.update']) {
      assert.ok((await get({ action })).total > 0, `${action} is recorded`);
    }
    const updates: { target: string; details: { password?: string } }[] = (await get({ action: 'user.update' })).items;
    const update = updates.find((i) => i.target === 'mario' && i.details.password)!;
    assert.equal(update.details.password, 'restablecida');
    assert.ok(!JSON.stringify(update).includes('otra-clave-de-mario'));
  });

  test('filters by day (Bogotá), user and action, newest first, 50 per page', async () => {
    const get = async (query: Record<string, string>) =>
      (await app.inject({ method: 'GET', url: '/api/admin/audit', query, headers: { cookie: admin.cookie } })).json();
    // 60 actions of one official, one every hour from 2025-06-01 00:00 Bogotá (05:00 UTC).
    const first = Date.parse('2025-06-01T05:00:00Z');
    for (let i = 0; i < 60; i++) {
      const at = new Date(first + i * minutes(60));
      recordAudit(app.db, { staffId: 1, username: 'sembrado', action: 'pqrs.assign', target: `ECAM-2025-${i}`, ip: '10.1.1.1', at });
    }
    const all = await get({ staff: 'Sembrado' });
    assert.equal(all.total, 60);
    assert.equal(all.items.length, 50);
    assert.equal(all.pageSize, 50);
    assert.equal(all.items[0].target, 'ECAM-2025-59');
    const page2 = await get({ staff: 'sembrado', page: '2' });
    assert.equal(page2.page, 2);
    assert.deepEqual(
      page2.items.map((i: { target: string }) => i.target),
      [9, 8, 7, 6, 5, 4, 3, 2, 1, 0].map((n) => `ECAM-2025-${n}`),
    );
    assert.equal((await get({ staff: 'sembrado', page: '3' })).items.length, 0);

    // Days are Bogotá days: 2025-06-01 holds hours 0-23, 2025-06-02 the next 24.
    assert.equal((await get({ staff: 'sembrado', from: '2025-06-01', to: '2025-06-01' })).total, 24);
    assert.equal((await get({ staff: 'sembrado', from: '2025-06-02', to: '2025-06-02' })).total, 24);
    assert.equal((await get({ staff: 'sembrado', from: '2025-06-03' })).total, 12);
    assert.equal((await get({ staff: 'sembrado', to: '2025-05-31' })).total, 0);
    assert.equal((await get({ staff: 'sembrado', action: 'pqrs.assign' })).total, 60);
    assert.equal((await get({ staff: 'sembrado', action: 'pqrs.close' })).total, 0);
    const logins = await get({ action: 'session.login', staff: 'ADMIN' });
    assert.ok(logins.total > 0);
    assert.ok(logins.items.every((i: { username: string; action: string }) => i.username === 'admin' && i.action === 'session.login'));

    const bad = await app.inject({ method: 'GET', url: '/api/admin/audit', query: { from: '2026-13-01', page: '0' }, headers: { cookie: admin.cookie } });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(bad.json().fields, { from: 'Desde: use el formato AAAA-MM-DD.', page: 'Página: la primera es 1.' });
  });
});

describe('settings', () => {
  test('defaults come from the configuration; office hours Monday to Friday 8-12 and 14-18', async () => {
    const res = await api(admin, 'GET', '/api/admin/settings');
    assert.equal(res.statusCode, 200);
    const s = res.json();
    assert.equal(s.entityName, 'Escuela de Capacitación Municipal de Floridablanca (ECAM)');
    assert.equal(s.radicadoPrefix, 'ECAM');
    assert.equal(s.cutoffHour, null);
    assert.equal(s.officeHours.length, 10);
    assert.deepEqual(s.officeHours.slice(0, 2), [
      { day: 1, from: '08:00', to: '12:00' },
      { day: 1, from: '14:00', to: '18:00' },
    ]);
    const pub = await app.inject({ method: 'GET', url: '/api/settings/public' });
    assert.deepEqual(pub.json(), {
      entityName: 'Escuela de Capacitación Municipal de Floridablanca (ECAM)',
      contactEmail: '',
      contactPhone: '',
      contactAddress: '',
      policyUrl: '/politica-datos',
      policyVersion: '2026-01',
      attachments: { maxFiles: 5, maxFileBytes: 10 * 1024 * 1024 },
    });
  });

  test('bad values: 400 with a Spanish message per field', async () => {
    const res = await api(admin, 'PUT', '/api/admin/settings', {
      entityName: ' ',
      contactEmail: 'no-es-correo',
      radicadoPrefix: 'EC-AM',
      officeHours: [{ day: 8, from: '8:00', to: '12:00' }],
      cutoffHour: 24,
    });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(res.json().fields, {
      entityName: 'Nombre de la entidad: es obligatorio.',
      contactEmail: 'Correo de contacto: escriba una dirección válida, por ejemplo atencion@ecam.gov.co.',
      radicadoPrefix: 'Prefijo del radicado: de 1 a 12 letras (sin tildes) o dígitos.',
      'officeHours.0.day': 'Día: debe ser un número de 1 (lunes) a 7 (domingo).',
      'officeHours.0.from': 'Desde: use el formato HH:MM (24 horas), por ejemplo 08:00.',
      cutoffHour: 'Hora de corte: debe ser un número de 0 a 23.',
    });
    const overlap = await api(admin, 'PUT', '/api/admin/settings', {
      entityName: 'ECAM',
      radicadoPrefix: 'ECAM',
      officeHours: [
        { day: 1, from: '08:00', to: '12:00' },
        { day: 1, from: '11:00', to: '13:00' },
        { day: 2, from: '14:00', to: '13:00' },
      ],
    });
    assert.deepEqual(overlap.json().fields, {
      'officeHours.1.from': 'Desde: se cruza con otra franja del mismo día.',
      'officeHours.2.to': 'Hasta: debe ser posterior a la hora de inicio.',
    });
  });

  test('round trip; the public notice and the next radicado use the new values; audited', async () => {
    const next = {
      entityName: 'Escuela de Capacitación Municipal',
      contactEmail: 'atencion@ecam.gov.co',
      contactPhone: '+57 607 649 0000',
      contactAddress: 'Carrera 8 # 4-23, Floridablanca',
      radicadoPrefix: 'pqr',
      officeHours: [{ day: 6, from: '09:00', to: '12:00' }],
      cutoffHour: 17,
    };
    const put = await api(admin, 'PUT', '/api/admin/settings', next);
    assert.equal(put.statusCode, 200, put.body);
    const saved = { ...next, radicadoPrefix: 'PQR', pqrsSurvey: null, chatWaitNoticeMinutes: 3, chatIdleCloseMinutes: 15, chatSurvey: null, reviewTypes: [], usageMetrics: true };
    assert.deepEqual(put.json(), saved);
    assert.deepEqual((await api(admin, 'GET', '/api/admin/settings')).json(), saved);

    const pub = (await app.inject({ method: 'GET', url: '/api/settings/public' })).json();
    assert.equal(pub.entityName, next.entityName);
    assert.equal(pub.contactEmail, next.contactEmail);
    assert.equal(pub.contactAddress, next.contactAddress);

    const filed = await app.inject({ method: 'POST', url: '/api/pqrs', payload: validPqrs() });
    assert.equal(filed.statusCode, 201, filed.body);
    assert.match(filed.json().radicado, /^PQR-2026-000001$/);

    const audit = await app.inject({ method: 'GET', url: '/api/admin/audit', query: { action: 'settings.update' }, headers: { cookie: admin.cookie } });
    const entry = audit.json().items[0];
    assert.equal(entry.username, 'admin');
    assert.deepEqual(entry.details.radicadoPrefix, 'PQR');
    assert.equal(entry.target, 'entityName,contactEmail,contactPhone,contactAddress,radicadoPrefix,officeHours,cutoffHour');

    // Saving the same values again changes nothing and records nothing.
    await api(admin, 'PUT', '/api/admin/settings', next);
    const again = await app.inject({ method: 'GET', url: '/api/admin/audit', query: { action: 'settings.update' }, headers: { cookie: admin.cookie } });
    assert.equal(again.json().total, 1);
  });

  test('closure days and the cut-off hour set here move the deadline the calendar endpoint computes', async () => {
    const deadline = async (receivedAt: string) =>
      (await app.inject({ method: 'GET', url: '/api/calendar/deadline', query: { type: 'peticion', receivedAt } })).json();
    const friday = '2026-12-04T15:00:00-05:00';
    await api(admin, 'PUT', '/api/admin/settings', { entityName: 'ECAM', radicadoPrefix: 'ECAM', officeHours: [], cutoffHour: null });
    assert.equal((await deadline(friday)).dueDate, '2026-12-29');

    const add = await api(admin, 'POST', '/api/admin/settings/closures', { date: '2026-12-28', reason: 'Inventario anual' });
    assert.equal(add.statusCode, 201);
    assert.deepEqual((await api(admin, 'GET', '/api/admin/settings/closures')).json(), [{ date: '2026-12-28', reason: 'Inventario anual' }]);
    assert.equal((await deadline(friday)).dueDate, '2026-12-30');

    assert.equal((await api(admin, 'DELETE', '/api/admin/settings/closures/2026-12-28')).statusCode, 204);
    assert.equal((await deadline(friday)).dueDate, '2026-12-29');
    const gone = await api(admin, 'DELETE', '/api/admin/settings/closures/2026-12-28');
    assert.equal(gone.statusCode, 404);
    const bad = await api(admin, 'POST', '/api/admin/settings/closures', { date: '28/12/2026' });
    assert.deepEqual(bad.json().fields, { date: 'Fecha: use el formato AAAA-MM-DD.' });

    await api(admin, 'PUT', '/api/admin/settings', { entityName: 'ECAM', radicadoPrefix: 'ECAM', officeHours: [], cutoffHour: 14 });
    assert.equal((await deadline(friday)).effectiveReceipt, '2026-12-07');

    const audit = await app.inject({ method: 'GET', url: '/api/admin/audit', query: { action: 'settings.closure_add' }, headers: { cookie: admin.cookie } });
    assert.equal(audit.json().items[0].target, '2026-12-28');
  });
});

/** Collects what the app logs, one parsed line per entry. */
function logCapture() {
  const lines: { level: number; msg: string }[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

describe('first start', () => {
  const start = async (dataDir: string, env: Record<string, string> = {}) => {
    const { lines, stream } = logCapture();
    const config = loadConfig({ ECAM_DATA_DIR: dataDir, ECAM_CHALLENGE: 'off', ECAM_RATE_LIMIT: 'off', ...env });
    const a = await buildApp(config, { logger: { level: 'warn', stream } });
    await a.ready();
    return { app: a, created: lines.filter((l) => l.msg.startsWith('Se creó el usuario «admin»')) };
  };

  test('without ECAM_ADMIN_PASSWORD a random password is logged once, at warn level, and it works', async () => {
    const dir = tempDataDir();
    const first = await start(dir);
    assert.equal(first.created.length, 1);
    assert.equal(first.created[0]!.level, 40);
    const password = /contraseña (\S+) \(/.exec(first.created[0]!.msg)?.[1];
    assert.ok(password && password.length >= 20, first.created[0]!.msg);
    assert.equal((await attempt(first.app, 'admin', password)).statusCode, 200);
    await first.app.close();

    const second = await start(dir);
    assert.equal(second.created.length, 0, 'not created nor printed again');
    assert.deepEqual(second.app.db.prepare('SELECT username FROM staff').all(), [{ username: 'admin' }]);
    await second.app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('with ECAM_ADMIN_PASSWORD the password is used and never logged', async () => {
    const dir = tempDataDir();
    const { app: a, created } = await start(dir, { ECAM_ADMIN_PASSWORD: 'una-clave-configurada' });
    assert.equal(created.length, 1);
    assert.ok(!created[0]!.msg.includes('una-clave-configurada'));
    assert.equal((await attempt(a, 'admin', 'una-clave-configurada')).statusCode, 200);
    await a.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('npm run user (command line)', () => {
  const run = promisify(execFile);
  const cli = async (dataDir: string, args: string[], env: Record<string, string> = {}) => {
    try {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'api/cli/user.ts', ...args], {
        cwd: root,
        env: { ...process.env, ECAM_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env },
      });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  test('add, list and reset work on the configured data directory', async () => {
    const dir = tempDataDir();
    const add = await cli(dir, ['add', 'Maria', 'funcionario', 'María', 'Gómez']);
    assert.equal(add.code, 0, add.stderr);
    const password = /Contraseña: (\S+)/.exec(add.stdout)?.[1];
    assert.ok(password, add.stdout);

    const withEnv = await cli(dir, ['add', 'jefe', 'admin'], { ECAM_NEW_PASSWORD: 'clave-del-jefe-123' });
    assert.equal(withEnv.code, 0, withEnv.stderr);
    assert.doesNotMatch(withEnv.stdout, /Contraseña:/);

    // Review before answering: a reviewer from the start, and one made later.
    const ana = await cli(dir, ['add', 'ana', 'funcionario', '--revisor', 'Ana', 'Ruiz'], { ECAM_NEW_PASSWORD: 'clave-de-ana-12345' });
    assert.equal(ana.code, 0, ana.stderr);
    assert.match(ana.stdout, /«ana» \(funcionario, revisor\) creado/);
    const made = await cli(dir, ['reviewer', 'maria', 'si']);
    assert.equal(made.code, 0, made.stderr);
    assert.match(made.stdout, /«maria» ahora es revisor/);

    const list = await cli(dir, ['list']);
    assert.match(list.stdout, /^ana\s+funcionario\s+activo\s+Ana Ruiz \(revisor\)$/m);
    assert.match(list.stdout, /^jefe\s+admin\s+activo\s+jefe$/m);
    assert.match(list.stdout, /^maria\s+funcionario\s+activo\s+María Gómez \(revisor\)$/m);

    const dup = await cli(dir, ['add', 'MARIA', 'admin']);
    assert.equal(dup.code, 1);
    assert.match(dup.stderr, /Ya existe el usuario «maria»/);
    const badRole = await cli(dir, ['add', 'pepe', 'jefe']);
    assert.equal(badRole.code, 1);
    assert.match(badRole.stderr, /Rol: elija/);
    const usage = await cli(dir, ['borrar', 'maria']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /^Uso:/);

    const { app: a, config } = await testApp({ ECAM_DATA_DIR: dir });
    try {
      const s = await login(a, 'maria', password);
      const who = await a.inject({ method: 'GET', url: '/api/admin/session', headers: { cookie: s.cookie } });
      assert.deepEqual(who.json().user, { id: 1, username: 'maria', name: 'María Gómez', role: 'funcionario', reviewer: true });
      assert.deepEqual(a.db.prepare("SELECT id FROM staff WHERE username = 'admin'").all(), [], 'no default admin once users exist');

      const reset = await cli(config.dataDir, ['reset', 'maria'], { ECAM_NEW_PASSWORD: 'clave-restablecida-1' });
      assert.equal(reset.code, 0, reset.stderr);
      const gone = await a.inject({ method: 'GET', url: '/api/admin/session', headers: { cookie: s.cookie } });
      assert.equal(gone.statusCode, 401, 'the reset ends open sessions');
      assert.equal((await attempt(a, 'maria', password)).statusCode, 401);
      assert.equal((await attempt(a, 'maria', 'clave-restablecida-1')).statusCode, 200);
      const audit = a.db.prepare("SELECT action, target FROM audit_log WHERE username = 'cli' ORDER BY id").all();
      assert.deepEqual(audit, [
        { action: 'user.create', target: 'maria' },
        { action: 'user.create', target: 'jefe' },
        { action: 'user.create', target: 'ana' },
        { action: 'user.update', target: 'maria' },
        { action: 'user.update', target: 'maria' },
      ]);
    } finally {
      await a.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('reset of an unknown user fails with a message', async () => {
    const dir = tempDataDir();
    const res = await cli(dir, ['reset', 'nadie']);
    assert.equal(res.code, 1);
    assert.match(res.stderr, /No existe el usuario «nadie»/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
