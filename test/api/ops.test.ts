/**
 * Operations under stress: load shedding (503 + Retry-After), slow clients that cannot block
 * others, body limits on every route, a health check that notices a dead database, and logs
 * that hold no personal data, tracking code, session or token.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { BODY_LIMIT, OVERLOAD_MESSAGE, RETRY_AFTER_SECONDS, routeList } from '../../api/hardening.ts';
import { ADMIN_PASSWORD, openSession, staffHeaders } from '../admin-helpers.ts';
import { startServer } from '../e2e/server.ts';
import { testApp, validPqrs } from '../helpers.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends requests until one answers `status`; fails after `tries`. */
async function until(app: FastifyInstance, status: number, tries = 200) {
  for (let i = 0; i < tries; i++) {
    const res = await app.inject({ url: '/api/health' });
    if (res.statusCode === status) return res;
    await sleep(50);
  }
  assert.fail(`no ${status} after ${tries} requests`);
}

describe('load shedding (@fastify/under-pressure)', () => {
  test('memory over the limit: 503 with Retry-After and a Spanish JSON error, on every route', async () => {
    const { app } = await testApp({ ECAM_MAX_HEAP_MB: '1' });
    const res = await until(app, 503);
    assert.equal(res.headers['retry-after'], String(RETRY_AFTER_SECONDS));
    assert.deepEqual(res.json(), { error: OVERLOAD_MESSAGE, code: 'overload' });
    const filing = await app.inject({ method: 'POST', url: '/api/pqrs', payload: validPqrs() });
    assert.equal(filing.statusCode, 503);
    assert.equal(app.db.prepare('SELECT count(*) FROM pqrs').pluck().get(), 0, 'nothing was written');
    await app.close();
  });

  test('a saturated event loop: 503 while it lasts, answers again after', async () => {
    const { app } = await testApp({ ECAM_MAX_EVENT_LOOP_DELAY_MS: '100' });
    const statuses: number[] = [];
    // Busy stretches of 250 ms with the loop turning only between them, for about 3 s.
    for (let i = 0; i < 12 && !statuses.includes(503); i++) {
      const end = Date.now() + 250;
      while (Date.now() < end);
      await new Promise((r) => setImmediate(r));
      statuses.push((await app.inject({ url: '/api/health' })).statusCode);
    }
    assert.ok(statuses.includes(503), `statuses seen: ${statuses.join(',')}`);
    await until(app, 200);
    await app.close();
  });

  test('in normal conditions nothing is shed', async () => {
    const { app } = await testApp();
    await sleep(1100);
    assert.equal((await app.inject({ url: '/api/health' })).statusCode, 200);
    await app.close();
  });
});

describe('slow clients', () => {
  test('hundreds of slowloris connections do not keep a normal client from being answered, and are cut off', async () => {
    const { app } = await testApp();
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as net.AddressInfo;
    const SLOW = 300;
    const closed: Promise<string>[] = [];
    const sockets: net.Socket[] = [];
    for (let i = 0; i < SLOW; i++) {
      const s = net.connect(port, '127.0.0.1');
      s.setNoDelay(true);
      let got = '';
      s.on('data', (c) => (got += c));
      s.on('error', () => undefined);
      closed.push(new Promise((resolve) => s.on('close', () => resolve(got))));
      s.write('POST /api/pqrs HTTP/1.1\r\nHost: localhost\r\n');
      sockets.push(s);
    }
    // One more header line every half second: never finished.
    const drip = setInterval(() => {
      for (const s of sockets) if (!s.destroyed) s.write(`X-Lento-${Math.random().toString(36).slice(2, 6)}: a\r\n`);
    }, 500);
    try {
      await sleep(1000);
      for (let i = 0; i < 20; i++) {
        const res = await fetch(`http://127.0.0.1:${port}/api/calendar/deadline?type=peticion`);
        assert.equal(res.status, 200);
        assert.ok((await res.json()).dueDate);
      }
      // The server itself drops them (headers timeout) instead of waiting forever.
      const answers = await Promise.all(closed);
      assert.equal(answers.length, SLOW);
      assert.ok(answers.every((a) => a === '' || a.startsWith('HTTP/1.1 408')), answers.find((a) => a && !a.startsWith('HTTP/1.1 408')));
    } finally {
      clearInterval(drip);
      for (const s of sockets) s.destroy();
      await app.close();
    }
  });
});

describe('body limits', () => {
  test('every route that takes a body refuses one over its limit with 413 and a JSON error', async () => {
    const { app } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD });
    const session = openSession(app, 1);
    const huge = JSON.stringify({ text: 'x'.repeat(BODY_LIMIT) });
    const writes = routeList(app).filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method));
    assert.ok(writes.length >= 30, `${writes.length} routes`);
    for (const r of writes) {
      const url = r.url.replace(/:\w+/g, '1').replace(/\*/g, 'x');
      if (r.bodyLimit !== undefined && r.bodyLimit > BODY_LIMIT) {
        // Uploads: their own, larger limit, still bounded by the attachment settings. (A smaller
        // limit of its own, like the usage counts', is checked below as any other.)
        assert.ok(r.bodyLimit > BODY_LIMIT && r.bodyLimit <= 6 * 11 * 1024 * 1024, `${r.method} ${r.url}`);
        continue;
      }
      const res = await app.inject({
        method: r.method as 'POST',
        url,
        headers: { ...staffHeaders(session), 'content-type': 'application/json' },
        payload: huge,
      });
      assert.equal(res.statusCode, 413, `${r.method} ${r.url}: ${res.body.slice(0, 200)}`);
      assert.equal(typeof res.json().error, 'string');
    }
    await app.close();
  });
});

describe('GET /api/health', () => {
  test('answers 200 while the database answers, 503 when it does not', async () => {
    const { app } = await testApp();
    assert.deepEqual((await app.inject({ url: '/api/health' })).json(), { status: 'ok' });
    app.db.close();
    const res = await app.inject({ url: '/api/health' });
    assert.equal(res.statusCode, 503);
    assert.equal(res.headers['retry-after'], '10');
    assert.match(res.json().error, /base de datos/);
    await app.close();
  });
});

describe('logs', () => {
  test('the request log of a real server holds no personal data, tracking code, token or address', async () => {
    const server = await startServer({ LOG_LEVEL: 'info', ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD, ECAM_CHALLENGE: 'off', ECAM_RATE_LIMIT: 'off' });
    try {
      const person = { name: 'Zoraida Quintero Lamus', email: 'zoraida.quintero@example.co', documentNumber: '5566778899', phone: '+57 311 987 6543', address: 'Carrera 27 # 45-61' };
      const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
        fetch(`${server.url}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      const filed = await (await post('/api/pqrs', validPqrs({}, person))).json();
      assert.ok(filed.trackingCode);
      assert.equal((await post('/api/pqrs/track', { radicado: filed.radicado, code: filed.trackingCode })).status, 200);
      assert.equal((await post('/api/pqrs/track', { radicado: filed.radicado, code: 'ZZZZZZZZZZZZ' })).status, 404);
      const login = await post('/api/admin/session', { username: 'admin', password: ADMIN_PASSWORD });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const { csrfToken } = await login.json();
      const headers = { cookie, origin: server.url, 'x-csrf-token': csrfToken };
      const search = await fetch(`${server.url}/api/admin/pqrs?q=${encodeURIComponent(person.name)}`, { headers });
      assert.equal((await search.json()).items.length, 1);
      assert.equal((await post('/api/admin/privacy/export', { email: person.email }, headers)).status, 200);
      await fetch(`${server.url}/api/no-existe?correo=${encodeURIComponent(person.email)}`);
      await sleep(300);

      const log = server.output();
      const lines = log.split('\n').filter((l) => l.startsWith('{'));
      const completed = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request completed');
      assert.ok(completed.length >= 8, log);
      const urls = lines.map((l) => JSON.parse(l)).flatMap((l) => (l.req ? [String(l.req.url)] : []));
      assert.ok(urls.includes('/api/admin/pqrs'), 'the search is logged, by its path');
      assert.ok(urls.every((u) => !u.includes('?')), 'no query string is logged');
      const secrets = [
        person.name, person.email, person.documentNumber, person.phone, person.address, 'Zoraida', 'zoraida',
        filed.trackingCode, cookie.split('=')[1]!, csrfToken, ADMIN_PASSWORD, 'remoteAddress', 'remotePort',
      ];
      for (const secret of secrets) assert.ok(!log.includes(secret), `the log contains ${secret}:\n${log}`);
    } finally {
      await server.stop();
    }
  });
});
