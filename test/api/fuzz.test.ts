/**
 * Property-based fuzzing (fast-check) of every route of the API, public and staff (with a valid
 * admin session and CSRF token, so the inputs reach the handlers): malformed, oversized,
 * wrongly typed, wrongly encoded and hostile inputs in the path, the query, the headers and
 * the body. The property: never a 5xx, every error is JSON `{ error }`, and the server and its
 * database are whole afterwards. Routes come from the app itself, so a new route is fuzzed
 * without touching this file.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { InjectOptions } from 'fastify';
import fc from 'fast-check';
import { routeList, type RouteInfo } from '../../api/hardening.ts';
import { ADMIN_PASSWORD, openSession, staffHeaders } from '../admin-helpers.ts';
import { testApp, validPqrs } from '../helpers.ts';

// In-process requests chain promises without giving the event loop a turn, which load shedding
// would read as a saturated loop; it has its own test (ops.test.ts), so here it is out of reach.
const { app } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD });
after(() => app.close());

/** Requests per route; about 100 routes, so several thousand requests in all. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

// Event streams stay open by design (a valid staff session opens one), and the login, logout
// and documentation pages are not inputs: everything else under /api is fuzzed.
const SKIP = [/\/events$/, /^\/api\/docs/, /^\/api\/admin\/session$/];
const routes = routeList(app).filter(
  (r) => r.url.startsWith('/api/') && !['HEAD', 'OPTIONS'].includes(r.method) && !SKIP.some((re) => re.test(r.url)),
);
const label = (r: RouteInfo) => `${r.method} ${r.url}`;

const admin = openSession(app, 1);
const filed = (await app.inject({ method: 'POST', url: '/api/pqrs', payload: validPqrs() })).json() as { radicado: string; trackingCode: string };

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  "' OR '1'='1' --",
  "'; DROP TABLE pqrs; --",
  '1 UNION SELECT * FROM staff',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '\u0000\u0001\u0007\u001b[31m',
  '\u202e\u200b\ufeff',
  '\ud800',
  '\udfff\ud800',
  '𝕰𝖈𝖆𝖒 👩‍👩‍👧‍👦 ﷽',
  'NaN',
  '-1',
  '1e309',
  '9'.repeat(400),
  'true',
  'null',
  '__proto__',
  'constructor',
  filed.radicado,
  filed.trackingCode,
  'ECAM-2026-000001',
  'satisfaccion-servicio',
];

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'Ω'.repeat(n)),
);

const KEYS = [
  'type', 'subject', 'description', 'responseChannel', 'consent', 'requester', 'kind', 'documentType', 'documentNumber',
  'name', 'email', 'phone', 'address', 'city', 'website', 'altcha', 'radicado', 'code', 'answers', 'token', 'invitation',
  'body', 'topic', 'message', 'score', 'comment', 'text', 'note', 'reason', 'entity', 'assigneeId', 'days', 'date',
  'username', 'password', 'role', 'active', 'title', 'slug', 'questions', 'count', 'available', 'typing', 'seq',
  '__proto__', 'constructor',
];

const scalar = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('v'), { maxLength: 4 }), tie('o')),
  o: fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 10 })), tie('v'), { maxKeys: 6 }),
})).v;

/** A valid body with one field replaced by something hostile: it gets past the first checks. */
const nearlyValid = fc.record({ key: fc.constantFrom(...KEYS), v: value, nested: fc.boolean() }).map(({ key, v, nested }) => {
  const body: Record<string, unknown> = validPqrs();
  if (nested) (body.requester as Record<string, unknown>)[key] = v;
  else body[key] = v;
  return body;
});

type Body = { contentType?: string; payload?: string | Buffer };
const body: fc.Arbitrary<Body> = fc.oneof(
  value.map((v) => ({ contentType: 'application/json', payload: JSON.stringify(v) ?? 'null' })),
  nearlyValid.map((v) => ({ contentType: 'application/json', payload: JSON.stringify(v) })),
  hostileString.map((s) => ({ contentType: 'application/json', payload: s })),
  fc.uint8Array({ maxLength: 300 }).map((b) => ({ contentType: 'application/json', payload: Buffer.from(b) })),
  fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'application/json; charset=latin1', 'multipart/form-data', 'multipart/form-data; boundary=zz', 'application/octet-stream').chain((contentType) =>
    fc.oneof(hostileString, fc.constant('--zz\r\nContent-Disposition: form-data; name="data"\r\n\r\n{"type":\r\n--zz--')).map((payload) => ({ contentType, payload })),
  ),
  fc.constant<Body>({}),
);

const query = fc.dictionary(fc.oneof(fc.constantFrom('type', 'receivedAt', 'year', 'q', 'page', 'pageSize', 'from', 'to', 'state', 'period'), fc.string({ maxLength: 8 })), hostileString, { maxKeys: 4 });

/** Percent-encoded; a lone surrogate (not encodable) becomes the bytes of one, invalid UTF-8. */
function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return `%ED%A0%80${encodeURIComponent(s.replace(/[\ud800-\udfff]/g, ''))}`;
  }
}

/** A path parameter: hostile, percent-encoded or raw, or an existing value. */
const param = fc.oneof(
  hostileString.map((s) => encode(s.slice(0, 500))),
  fc.constantFrom('%', '%zz', '..', '%2e%2e', '0', '-1', '99999999999999999999', filed.radicado, '1'),
);

const headers = fc.record(
  {
    'x-chat-token': hostileString.map((s) => encode(s.slice(0, 500))),
    'accept-language': fc.constantFrom('es', 'en', '*', 'xx;q=2'),
  },
  { requiredKeys: [] },
);

function buildRequest(r: RouteInfo, params: string[], q: Record<string, string>, b: Body, h: Record<string, string>): InjectOptions {
  let i = 0;
  const path = r.url.replace(/:\w+/g, () => params[i++ % params.length]!).replace(/\*/g, () => params[0]!);
  const search = Object.entries(q)
    .map(([k, v]) => `${encode(k)}=${encode(v.slice(0, 2000))}`)
    .join('&');
  const staff = r.url.startsWith('/api/admin') ? staffHeaders(admin) : {};
  const opts: InjectOptions = { method: r.method as InjectOptions['method'], url: search ? `${path}?${search}` : path, headers: { ...h, ...staff } };
  if (['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && b.payload !== undefined) {
    opts.payload = b.payload;
    opts.headers = { ...opts.headers, 'content-type': b.contentType ?? 'application/json' };
  }
  return opts;
}

describe('fuzzing every route: no 5xx, every error is JSON', () => {
  test('the routes include the public API and the staff API', () => {
    const names = routes.map(label);
    for (const expected of ['POST /api/pqrs', 'POST /api/pqrs/track', 'GET /api/calendar/deadline', 'POST /api/surveys/:slug/responses', 'POST /api/admin/privacy/export', 'PUT /api/admin/settings']) {
      assert.ok(names.includes(expected), expected);
    }
  });

  for (const r of routes) {
    test(label(r), async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(param, { minLength: 1, maxLength: 3 }), query, body, headers, async (params, q, b, h) => {
          const res = await app.inject(buildRequest(r, params, q, b, h));
          assert.ok(res.statusCode < 500, `${res.statusCode} ${res.body.slice(0, 300)}`);
          if (res.statusCode >= 400) {
            const json = res.json() as { error?: unknown };
            assert.equal(typeof json.error, 'string', res.body.slice(0, 300));
          }
        }),
        { numRuns: RUNS },
      );
    });
  }

  test('afterwards the server answers and the database is whole', async () => {
    assert.equal((await app.inject({ url: '/api/health' })).statusCode, 200);
    assert.equal(app.db.pragma('integrity_check', { simple: true }), 'ok');
    const track = await app.inject({ method: 'POST', url: '/api/pqrs/track', payload: { radicado: filed.radicado, code: filed.trackingCode } });
    assert.equal(track.statusCode, 200);
  });
});
