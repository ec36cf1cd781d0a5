/**
 * Whether the chat is open: office hours, business days (holidays and closure days), officials
 * really available (flag and console stream); the chat settings; shutdown with open streams.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { ADMIN_PASSWORD, openSession, staffHeaders, staffSession } from '../admin-helpers.ts';
import { listen, onlineAgent, openEvents, startChat } from '../chat-helpers.ts';
import { SESSION_CHECK_MS } from '../../api/chat/admin-routes.ts';
import { testApp } from '../helpers.ts';

let now = new Date('2026-12-01T14:00:00Z');
/** Sets the clock to a Bogotá wall-clock time (UTC-5). */
const at = (bogota: string) => (now = new Date(`${bogota}-05:00`));

const EMBEDDER = 'https://www.floridablanca.gov.co';
const { app } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD, ECAM_ALLOWED_ORIGINS: EMBEDDER }, () => now);
const base = await listen(app);
/** A fresh admin session at the current (moved) clock. */
const adminHeaders = () => staffHeaders(openSession(app, 1));
after(() => app.close());

const status = async () => {
  const res = await app.inject({ url: '/api/chat/status' });
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['cache-control'], 'no-store');
  return res.json() as { online: boolean; reason: string; nextOpening: string | null };
};

/** Polls until the status reason is `reason` (the server sees a closed stream a moment later). */
async function reasonBecomes(reason: string) {
  for (let i = 0; i < 100; i++) {
    if ((await status()).reason === reason) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail(`the status never became ${reason}`);
}

describe('office hours and business days (default: Monday to Friday 08:00-12:00 and 14:00-18:00)', () => {
  test('an official online on a Tuesday at 09:00: open; the next opening is that afternoon', async () => {
    const agent = await onlineAgent(app, base, 'agente.horario');
    try {
      at('2026-12-01T09:00');
      assert.deepEqual(await status(), { online: true, reason: 'open', nextOpening: '2026-12-01T19:00:00.000Z' });
      at('2026-12-01T08:00');
      assert.equal((await status()).online, true, 'the slot starts at 08:00 sharp');
      at('2026-12-01T12:30');
      assert.deepEqual(await status(), { online: false, reason: 'outside_hours', nextOpening: '2026-12-01T19:00:00.000Z' });
      at('2026-12-01T18:00');
      assert.deepEqual(await status(), { online: false, reason: 'outside_hours', nextOpening: '2026-12-02T13:00:00.000Z' });
      at('2026-12-01T07:59');
      assert.deepEqual(await status(), { online: false, reason: 'outside_hours', nextOpening: '2026-12-01T13:00:00.000Z' });
      // Saturday: the next opening is Monday morning.
      at('2026-12-05T10:00');
      assert.deepEqual(await status(), { online: false, reason: 'non_business_day', nextOpening: '2026-12-07T13:00:00.000Z' });
      // 8 December (Inmaculada Concepción) is a holiday, though a Tuesday.
      at('2026-12-08T09:00');
      assert.deepEqual(await status(), { online: false, reason: 'non_business_day', nextOpening: '2026-12-09T13:00:00.000Z' });
      // Christmas Eve is a Thursday, Christmas a Friday holiday: from Thursday evening to Monday.
      at('2026-12-24T18:30');
      assert.equal((await status()).nextOpening, '2026-12-28T13:00:00.000Z');
    } finally {
      agent.events.close();
    }
  });

  test('a closure day declared by staff closes the chat and is skipped by the next opening', async () => {
    const agent = await onlineAgent(app, base, 'agente.cierre');
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/admin/settings/closures',
        headers: adminHeaders(),
        payload: { date: '2026-12-10', reason: 'Inventario' },
      });
      assert.equal(res.statusCode, 201, res.body);
      at('2026-12-10T09:00');
      assert.deepEqual(await status(), { online: false, reason: 'non_business_day', nextOpening: '2026-12-11T13:00:00.000Z' });
      at('2026-12-09T18:30');
      assert.equal((await status()).nextOpening, '2026-12-11T13:00:00.000Z');
    } finally {
      agent.events.close();
    }
  });

  test('the office hours of the settings are the ones used', async () => {
    const current = (await app.inject({ url: '/api/admin/settings', headers: adminHeaders() })).json();
    const put = (officeHours: unknown) =>
      app.inject({ method: 'PUT', url: '/api/admin/settings', headers: adminHeaders(), payload: { ...current, officeHours } });
    assert.equal((await put([{ day: 3, from: '10:00', to: '11:00' }])).statusCode, 200);
    const agent = await onlineAgent(app, base, 'agente.ajustes');
    try {
      at('2026-12-01T09:00');
      assert.deepEqual(await status(), { online: false, reason: 'outside_hours', nextOpening: '2026-12-02T15:00:00.000Z' });
      at('2026-12-02T10:30');
      assert.equal((await status()).online, true);
      assert.equal((await put([])).statusCode, 200);
      assert.deepEqual(await status(), { online: false, reason: 'outside_hours', nextOpening: null });
    } finally {
      assert.equal((await put(current.officeHours)).statusCode, 200);
      agent.events.close();
    }
  });
});

describe('officials: nobody pretends to be online', () => {
  test('no official, the flag without the console stream, the stream without the flag: no_agents; both: open', async () => {
    at('2026-12-01T09:00');
    await reasonBecomes('no_agents');
    const offline = await app.inject({
      method: 'POST',
      url: '/api/chat/conversations',
      payload: { topic: 'Certificados', consent: true },
    });
    assert.equal(offline.statusCode, 409);
    assert.equal(offline.json().code, 'offline');
    assert.match(offline.json().error, /buzón/);

    const flagOnly = await staffSession(app, 'solo.bandera', 'funcionario');
    const set = (available: boolean) =>
      app.inject({ method: 'PUT', url: '/api/admin/chat/availability', headers: staffHeaders(flagOnly), payload: { available } });
    assert.deepEqual((await set(true)).json(), { available: true });
    assert.deepEqual((await app.inject({ url: '/api/admin/chat/me', headers: staffHeaders(flagOnly) })).json(), { available: true, connected: false });
    assert.equal((await status()).reason, 'no_agents');

    await set(false);
    const stream = await openEvents(`${base}/api/admin/chat/events`, { cookie: flagOnly.cookie });
    assert.equal((await stream.next()).event, 'queue');
    assert.deepEqual((await app.inject({ url: '/api/admin/chat/me', headers: staffHeaders(flagOnly) })).json(), { available: false, connected: true });
    assert.equal((await status()).reason, 'no_agents');

    await set(true);
    assert.deepEqual(await status(), { online: true, reason: 'open', nextOpening: '2026-12-01T19:00:00.000Z' });
    await startChat(app);

    // The console is closed (tab shut, network lost): offline again, though the flag stays.
    stream.close();
    await reasonBecomes('no_agents');
  });

  test('a console stream ends with its session (logout, idle timeout): nobody stays online on a dead session', async (t) => {
    at('2026-12-01T09:00');
    // Only the session check's interval, created when the stream opens, runs on the mocked clock.
    t.mock.timers.enable({ apis: ['setInterval'] });
    const loggedOut = await onlineAgent(app, base, 'agente.salida');
    const idle = await onlineAgent(app, base, 'agente.inactivo');
    assert.equal((await status()).online, true);

    const out = await app.inject({ method: 'DELETE', url: '/api/admin/session', headers: staffHeaders(loggedOut) });
    assert.ok(out.statusCode < 300, out.body);
    t.mock.timers.tick(SESSION_CHECK_MS);
    await loggedOut.events.ended;
    assert.equal((await status()).online, true, 'the other official is still there');

    at('2026-12-01T11:00'); // two hours later: past the 30-minute idle timeout
    t.mock.timers.tick(SESSION_CHECK_MS);
    await idle.events.ended;
    await reasonBecomes('no_agents');
  });

  test('the console stream needs a session and Accept: text/event-stream', async () => {
    assert.equal((await app.inject({ url: '/api/admin/chat/events', headers: { accept: 'text/event-stream' } })).statusCode, 401);
    const res = await app.inject({ url: '/api/admin/chat/events', headers: { cookie: adminHeaders().cookie! } });
    assert.equal(res.statusCode, 406);
  });
});

describe('an embedding site', () => {
  test('may send the token and Last-Event-ID headers (CORS), and the event stream carries its CORS headers', async () => {
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/chat/conversations/1/events',
      headers: { origin: EMBEDDER, 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-chat-token,last-event-id' },
    });
    assert.equal(preflight.statusCode, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], EMBEDDER);
    assert.match(String(preflight.headers['access-control-allow-headers']), /x-chat-token/);
    at('2026-12-01T09:00');
    const agent = await onlineAgent(app, base, 'agente.cors');
    try {
      const chat = await startChat(app);
      const stream = await openEvents(`${base}/api/chat/conversations/${chat.id}/events`, { ...chat.headers, origin: EMBEDDER });
      assert.equal(stream.status, 200);
      assert.equal(stream.headers.get('access-control-allow-origin'), EMBEDDER);
      assert.equal(stream.headers.get('cache-control'), 'no-store');
      stream.close();
    } finally {
      agent.events.close();
    }
  });
});

describe('chat settings', () => {
  test('defaults: wait notice 3 minutes, idle close 15, no survey; saved values are validated', async () => {
    const current = (await app.inject({ url: '/api/admin/settings', headers: adminHeaders() })).json();
    assert.equal(current.chatWaitNoticeMinutes, 3);
    assert.equal(current.chatIdleCloseMinutes, 15);
    assert.equal(current.chatSurvey, null);
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/admin/settings',
      headers: adminHeaders(),
      payload: { ...current, chatWaitNoticeMinutes: 0, chatIdleCloseMinutes: 2.5 },
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().fields.chatWaitNoticeMinutes, /^Aviso de espera del chat:/);
    assert.match(bad.json().fields.chatIdleCloseMinutes, /^Cierre por inactividad del chat:/);
    const good = await app.inject({
      method: 'PUT',
      url: '/api/admin/settings',
      headers: adminHeaders(),
      payload: { ...current, chatWaitNoticeMinutes: 5, chatSurvey: 'satisfaccion-servicio' },
    });
    assert.equal(good.statusCode, 200, good.body);
    assert.equal(good.json().chatWaitNoticeMinutes, 5);

    at('2026-12-01T09:00');
    const agent = await onlineAgent(app, base, 'agente.encuesta');
    try {
      const chat = await startChat(app);
      const view = async () => (await app.inject({ url: `/api/chat/conversations/${chat.id}`, headers: chat.headers })).json();
      assert.equal((await view()).waitNoticeSeconds, 300);
      assert.equal((await view()).satisfactionSurvey, null, 'offered only once the chat is closed');
      await app.inject({ method: 'POST', url: `/api/chat/conversations/${chat.id}/close`, headers: chat.headers, payload: {} });
      assert.equal((await view()).satisfactionSurvey, 'satisfaccion-servicio');
    } finally {
      agent.events.close();
    }
  });
});

describe('shutdown', () => {
  test('app.close() ends open citizen and console streams instead of waiting for them', async () => {
    let clock = new Date('2026-12-01T14:00:00Z');
    const other = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD }, () => clock);
    const otherBase = await listen(other.app);
    const agent = await onlineAgent(other.app, otherBase, 'agente.cierre');
    const chat = await startChat(other.app);
    const citizen = await openEvents(`${otherBase}/api/chat/conversations/${chat.id}/events`, chat.headers);
    assert.equal((await citizen.next()).event, 'state');
    clock = new Date(clock.getTime() + 1000);
    await other.app.close();
    await citizen.ended;
    await agent.events.ended;
  });
});
