/**
 * The guard of /api/admin, walked over every route the scope registers: a route added later is
 * in the table automatically, so it cannot be forgotten.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { InjectOptions } from 'fastify';
import { adminRouteList, type AdminRoute } from '../../api/admin/index.ts';
import { ADMIN_PASSWORD, openSession, SELF_ORIGIN, staffHeaders, staffSession, type StaffSession } from '../admin-helpers.ts';
import { testApp } from '../helpers.ts';

const EMBEDDER = 'https://www.floridablanca.gov.co';
const { app } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD, ECAM_ALLOWED_ORIGINS: EMBEDDER });
after(() => app.close());

const routes = adminRouteList(app);
const guarded = routes.filter((r) => !r.public);
const adminOnly = routes.filter((r) => r.role === 'admin');
const writes = guarded.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method));
const label = (r: AdminRoute) => `${r.method} ${r.url}`;

/** The route with placeholder params, and an empty JSON body where one can go. */
function request(r: AdminRoute, headers: Record<string, string> = {}): InjectOptions {
  const url = r.url.replace(/:\w+/g, '1').replace(/\*/g, 'x');
  const method = r.method as InjectOptions['method'];
  const withBody = ['POST', 'PUT', 'PATCH'].includes(r.method);
  return withBody ? { method, url, headers, payload: {} } : { method, url, headers };
}

/** Asserts a JSON error body, except for HEAD which has none. */
function assertError(r: AdminRoute, res: { statusCode: number; body: string; json: () => unknown }, status: number, body: object) {
  assert.equal(res.statusCode, status, `${label(r)}: ${res.body}`);
  if (r.method !== 'HEAD') assert.deepEqual(res.json(), body, label(r));
}

let admin: StaffSession;
let funcionario: StaffSession;
before(async () => {
  admin = openSession(app, 1);
  funcionario = await staffSession(app, 'funcionario1', 'funcionario');
});

describe('the route list', () => {
  test('holds every route of the staff API, with the login as the only public one', () => {
    const names = routes.map(label);
    for (const expected of [
      'POST /api/admin/session',
      'GET /api/admin/session',
      'DELETE /api/admin/session',
      'POST /api/admin/session/password',
      'GET /api/admin/users',
      'POST /api/admin/users',
      'PATCH /api/admin/users/:id',
      'GET /api/admin/audit',
      'GET /api/admin/settings',
      'PUT /api/admin/settings',
      'GET /api/admin/settings/closures',
      'POST /api/admin/settings/closures',
      'DELETE /api/admin/settings/closures/:date',
      'GET /api/admin/holidays',
      'POST /api/admin/holidays',
    ]) {
      assert.ok(names.includes(expected), `${expected} is in the list`);
    }
    assert.deepEqual(routes.filter((r) => r.public).map(label), ['POST /api/admin/session']);
    assert.ok(adminOnly.length >= 9 && writes.length >= 7);
  });
});

describe('without a session: 401 before anything else runs', () => {
  for (const r of guarded) {
    test(label(r), async () => {
      const expected = { error: 'Debe iniciar sesión.', code: 'session' };
      assertError(r, await app.inject(request(r)), 401, expected);
      // A made-up session id, and a forged one with a valid shape, are no session either.
      assertError(r, await app.inject(request(r, { cookie: 'ecam_session=inventada' })), 401, expected);
      const forged = `ecam_session=${Buffer.alloc(32, 7).toString('base64url')}`;
      assertError(r, await app.inject(request(r, { ...staffHeaders(admin), cookie: forged })), 401, expected);
    });
  }
});

describe('a funcionario on admin-only routes: 403', () => {
  for (const r of adminOnly) {
    test(label(r), async () => {
      const res = await app.inject(request(r, staffHeaders(funcionario)));
      assertError(r, res, 403, { error: 'No tiene permiso para esta acción.', code: 'forbidden' });
    });
  }
});

describe('CSRF: a state-changing request needs the same Origin and the session token', () => {
  const csrf = { error: 'La solicitud no vino de la página de administración. Recargue la página e intente de nuevo.', code: 'csrf' };
  for (const r of writes) {
    test(label(r), async () => {
      const ok = staffHeaders(admin);
      const cases: [string, Record<string, string>][] = [
        ['no token', { cookie: ok.cookie, origin: SELF_ORIGIN }],
        ['a wrong token', { ...ok, 'x-csrf-token': `${ok['x-csrf-token']!.slice(0, -2)}xx` }],
        ["another session's token", { ...ok, 'x-csrf-token': funcionario.csrfToken }],
        ['a foreign Origin', { ...ok, origin: 'https://evil.example' }],
        ['an allowed embedding site as Origin', { ...ok, origin: EMBEDDER }],
        ['neither Origin nor Referer', { cookie: ok.cookie, 'x-csrf-token': ok['x-csrf-token']! }],
        ['a foreign Referer', { cookie: ok.cookie, 'x-csrf-token': ok['x-csrf-token']!, referer: 'https://evil.example/admin' }],
        ['Origin "null"', { ...ok, origin: 'null' }],
      ];
      for (const [what, headers] of cases) {
        const res = await app.inject(request(r, headers));
        assert.equal(res.statusCode, 403, `${label(r)} with ${what}: ${res.body}`);
        assert.deepEqual(res.json(), csrf, `${label(r)} with ${what}`);
      }
    });
  }

  test('the login refuses a foreign Origin before checking the password', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/admin/session',
      headers: { origin: 'https://evil.example' },
      payload: { username: 'admin', password: ADMIN_PASSWORD },
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'csrf');
    assert.equal(res.headers['set-cookie'], undefined);
  });
});

describe('with the right role, Origin and token, every route gets past the guard', () => {
  for (const r of guarded) {
    test(label(r), async () => {
      // A session of its own: the route may be the logout.
      const session = r.role === 'admin' ? openSession(app, 1) : openSession(app, 2);
      const res = await app.inject(request(r, staffHeaders(session)));
      assert.notEqual(res.statusCode, 401, `${label(r)}: ${res.body}`);
      if (res.statusCode === 403) assert.ok(!['csrf', 'forbidden'].includes(res.json().code), `${label(r)}: ${res.body}`);
      assert.ok(res.statusCode < 500, `${label(r)}: ${res.body}`);
    });
  }

  test('a same-origin Referer stands in for a missing Origin', async () => {
    const { cookie, csrfToken } = openSession(app, 2);
    const res = await app.inject({
      method: 'POST',
      url: '/api/admin/session/password',
      headers: { cookie, 'x-csrf-token': csrfToken, referer: `${SELF_ORIGIN}/admin/` },
      payload: {},
    });
    assert.equal(res.statusCode, 400, res.body);
  });

  test('staff responses are never cached', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/admin/session', headers: { cookie: admin.cookie } });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
  });
});

describe('CORS: the staff API never answers cross-origin, even to an allowed embedding site', () => {
  const preflight = (url: string) =>
    app.inject({ method: 'OPTIONS', url, headers: { origin: EMBEDDER, 'access-control-request-method': 'POST' } });

  test('the public API does answer the embedding site (the control case)', async () => {
    const res = await preflight('/api/pqrs');
    assert.equal(res.headers['access-control-allow-origin'], EMBEDDER);
  });

  for (const url of ['/api/admin/session', '/api/admin/users/1', '/api/%61dmin/session', '/api//admin/session', '/api/admin']) {
    test(`no preflight approval for ${url}`, async () => {
      const res = await preflight(url);
      assert.equal(res.headers['access-control-allow-origin'], undefined);
      assert.equal(res.headers['access-control-allow-methods'], undefined);
    });
  }

  test('no Access-Control-Allow-Origin on staff responses', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/admin/session',
      headers: { origin: EMBEDDER, cookie: admin.cookie },
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['access-control-allow-origin'], undefined);
    const login = await app.inject({ method: 'POST', url: '/api/admin/session', headers: { origin: EMBEDDER }, payload: {} });
    assert.equal(login.headers['access-control-allow-origin'], undefined);
  });
});
