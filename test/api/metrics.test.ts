/**
 * Appropriation, usage counts (issue 13): `POST /api/metrics` adds one to a daily counter per
 * reported event and keeps nothing else; GPC/DNT, the Ajustes switch and unlisted sites count
 * nothing; bad reports are 400 naming the field; days are Bogotá days.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { USAGE_LIMITS } from '../../api/appropriation/catalog.ts';
import { ADMIN_PASSWORD, SELF_ORIGIN, openSession, staffHeaders } from '../admin-helpers.ts';
import { testApp } from '../helpers.ts';

const EMBEDDER = 'https://www.floridablanca.gov.co';
let clock = new Date('2026-11-30T23:59:59-05:00');
const { app } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD, ECAM_ALLOWED_ORIGINS: EMBEDDER }, () => clock);
const limited = await testApp({ ECAM_RATE_LIMIT: 'on', ECAM_RATE_LIMIT_MAX: '1' });
after(async () => {
  await app.close();
  await limited.app.close();
});
const staff = openSession(app, 1);

const PHONE_UA = 'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36';
const DESKTOP_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

type Ev = { widget: string; measure: string; path: string };
const ev = (widget: string, measure: string, path = '/atencion'): Ev => ({ widget, measure, path });

function send(events: unknown, headers: Record<string, string> = {}, target = app) {
  return target.inject({
    method: 'POST',
    url: '/api/metrics',
    headers: { origin: EMBEDDER, 'user-agent': DESKTOP_UA, ...headers },
    // A string with a Content-Type is the raw body; anything else goes in `events`.
    payload: typeof events === 'string' && headers['content-type'] ? events : { events },
  });
}

/** Every stored row, as a comparable string. */
const rows = () =>
  (app.db.prepare('SELECT day, widget, origin, path, measure, device, count FROM usage_daily ORDER BY 1, 2, 3, 4, 5, 6').all() as Record<string, unknown>[]).map(
    (r) => `${r.day} ${r.widget} ${r.origin}${r.path} ${r.measure} ${r.device} ${r.count}`,
  );
const clear = () => app.db.exec('DELETE FROM usage_daily; DELETE FROM usage_monthly');

describe('counting', () => {
  test('204; each event adds one to its (Bogotá day, widget, page, measure, device) counter', async () => {
    clear();
    const res = await send([ev('pqrs', 'shown'), ev('pqrs', 'started'), ev('pqrs', 'shown', '/atencion?radicado=ECAM-1#x'), ev('tracker', 'shown', '/tramites')]);
    assert.equal(res.statusCode, 204, res.body);
    assert.equal(res.body, '');
    assert.equal(res.headers['set-cookie'], undefined, 'no cookie');
    assert.equal(res.headers['access-control-allow-origin'], EMBEDDER, 'CORS for a configured site');
    assert.equal((await send([ev('pqrs', 'completed')], { 'user-agent': PHONE_UA })).statusCode, 204);
    assert.deepEqual(rows(), [
      `2026-11-30 pqrs ${EMBEDDER}/atencion completed phone 1`,
      `2026-11-30 pqrs ${EMBEDDER}/atencion shown other 2`,
      `2026-11-30 pqrs ${EMBEDDER}/atencion started other 1`,
      `2026-11-30 tracker ${EMBEDDER}/tramites shown other 1`,
    ]);
  });

  test('the tables hold only the day or month, widget, page, measure, device class and count', () => {
    const columns = (table: string) => (app.db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).sort();
    assert.deepEqual(columns('usage_daily'), ['count', 'day', 'device', 'measure', 'origin', 'path', 'widget']);
    assert.deepEqual(columns('usage_monthly'), ['count', 'device', 'measure', 'month', 'origin', 'path', 'widget']);
  });

  test('sendBeacon bodies (text/plain JSON) count; an empty list is valid and counts nothing', async () => {
    clear();
    const beacon = await send(JSON.stringify({ events: [ev('survey', 'shown', '/encuestas')] }), { 'content-type': 'text/plain;charset=UTF-8' });
    assert.equal(beacon.statusCode, 204, beacon.body);
    assert.equal((await send([])).statusCode, 204);
    assert.deepEqual(rows(), [`2026-11-30 survey ${EMBEDDER}/encuestas shown other 1`]);
    const broken = await send('{"events": [', { 'content-type': 'text/plain' });
    assert.equal(broken.statusCode, 400);
    assert.equal(broken.json().error, 'El cuerpo de la solicitud no es un JSON válido.');
  });

  test('the origin comes from Origin, else Referer; the API site and configured sites only', async () => {
    clear();
    assert.equal((await send([ev('chat', 'shown')], { origin: SELF_ORIGIN })).statusCode, 204);
    assert.equal((await send([ev('chat', 'started')], { origin: '', referer: `${EMBEDDER}/contacto?x=1` })).statusCode, 204);
    assert.equal((await send([ev('chat', 'completed')], { origin: 'https://otro-sitio.example' })).statusCode, 204);
    assert.deepEqual(rows(), [
      `2026-11-30 chat ${SELF_ORIGIN}/atencion shown other 1`,
      `2026-11-30 chat ${EMBEDDER}/atencion started other 1`,
    ]);
  });

  test('Sec-GPC: 1 or DNT: 1: 204 and nothing counted', async () => {
    clear();
    assert.equal((await send([ev('pqrs', 'shown')], { 'sec-gpc': '1' })).statusCode, 204);
    assert.equal((await send([ev('pqrs', 'shown')], { dnt: '1' })).statusCode, 204);
    assert.deepEqual(rows(), []);
    await send([ev('pqrs', 'shown')], { dnt: '0' });
    assert.equal(rows().length, 1, 'DNT: 0 is no objection');
  });

  test('turned off in Ajustes: 204 and nothing counted; a save that omits the switch keeps it off', async () => {
    clear();
    const current = (await app.inject({ method: 'GET', url: '/api/admin/settings', headers: staffHeaders(staff) })).json();
    assert.equal(current.usageMetrics, true, 'on by default');
    const put = (body: object) => app.inject({ method: 'PUT', url: '/api/admin/settings', headers: staffHeaders(staff), payload: body });
    const { usageMetrics: _omitted, ...rest } = current;
    const off = await put({ ...rest, usageMetrics: false });
    assert.equal(off.statusCode, 200, off.body);
    assert.equal(off.json().usageMetrics, false);
    const audit = app.db.prepare("SELECT target FROM audit_log WHERE action = 'settings.update' ORDER BY id DESC LIMIT 1").pluck().get();
    assert.equal(audit, 'usageMetrics');
    assert.equal((await send([ev('pqrs', 'shown')])).statusCode, 204);
    assert.deepEqual(rows(), []);
    assert.equal((await put(rest)).json().usageMetrics, false, 'the admin form of before issue 13 does not turn it back on');
    assert.equal((await put({ ...rest, usageMetrics: 'no' })).json().fields.usageMetrics, 'Conteo de uso de los widgets: debe ser verdadero o falso.');
    assert.equal((await put({ ...rest, usageMetrics: true })).json().usageMetrics, true);
    await send([ev('pqrs', 'shown')]);
    assert.equal(rows().length, 1);
  });
});

describe('bad reports: 400 naming the field, nothing counted', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['unknown widget', [ev('pqrs', 'shown'), ev('mapa', 'shown')], 'events.1.widget', /^Widget: use uno de pqrs, tracker/],
    ['unknown measure', [ev('pqrs', 'clicked')], 'events.0.measure', /^Medida: use una de shown, started, completed/],
    ['a path too long', [ev('pqrs', 'shown', `/${'a'.repeat(USAGE_LIMITS.path)}`)], 'events.0.path', /^Ruta: .*máximo 300 caracteres/],
    ['a path that is no path', [ev('pqrs', 'shown', 'https://sitio.example/atencion')], 'events.0.path', /^Ruta: /],
    ['a path with a line break', [ev('pqrs', 'shown', '/a\nb')], 'events.0.path', /^Ruta: /],
    ['a path that is not text', [{ widget: 'pqrs', measure: 'shown', path: 7 }], 'events.0.path', /^Ruta: /],
    ['a batch too big', Array.from({ length: USAGE_LIMITS.events + 1 }, () => ev('pqrs', 'shown')), 'events', /^Eventos: máximo 50 por envío\./],
    ['events not a list', 'x', 'events', /^Eventos: envíe una lista\./],
  ];
  for (const [name, events, field, message] of cases) {
    test(name, async () => {
      clear();
      const res = await send(events);
      assert.equal(res.statusCode, 400, res.body);
      assert.match(res.json().fields[field], message);
      assert.deepEqual(rows(), [], 'nothing of a bad report is counted');
    });
  }

  test('a path at the limit counts; a query past the limit is dropped before the check', async () => {
    clear();
    const path = `/${'a'.repeat(USAGE_LIMITS.path - 1)}`;
    assert.equal((await send([ev('pqrs', 'shown', `${path}?q=${'x'.repeat(500)}`)])).statusCode, 204);
    assert.equal(rows().length, 1);
  });

  test('a body that is not an object, and a huge one: 4xx, never 5xx', async () => {
    assert.equal((await send('[]', { 'content-type': 'application/json' })).statusCode, 400);
    assert.equal((await send(JSON.stringify({ events: [], pad: 'x'.repeat(40_000) }), { 'content-type': 'text/plain' })).statusCode, 413);
  });
});

test('across Bogotá midnight: two days, two months on the dashboard', async () => {
  clear();
  clock = new Date('2026-11-30T23:59:59.999-05:00');
  await send([ev('pqrs', 'shown'), ev('pqrs', 'started')]);
  clock = new Date('2026-12-01T00:00:00-05:00'); // 05:00 UTC
  await send([ev('pqrs', 'shown'), ev('pqrs', 'completed')]);
  assert.deepEqual(rows(), [
    `2026-11-30 pqrs ${EMBEDDER}/atencion shown other 1`,
    `2026-11-30 pqrs ${EMBEDDER}/atencion started other 1`,
    `2026-12-01 pqrs ${EMBEDDER}/atencion completed other 1`,
    `2026-12-01 pqrs ${EMBEDDER}/atencion shown other 1`,
  ]);
  const monthly = app.db.prepare('SELECT month, measure, count FROM usage_monthly ORDER BY 1, 2').all();
  assert.deepEqual(monthly, [
    { month: '2026-11', measure: 'shown', count: 1 },
    { month: '2026-11', measure: 'started', count: 1 },
    { month: '2026-12', measure: 'completed', count: 1 },
    { month: '2026-12', measure: 'shown', count: 1 },
  ]);
  const dashboard = async (month: string) =>
    (await app.inject({ method: 'GET', url: `/api/admin/appropriation?from=${month}&to=${month}`, headers: staffHeaders(staff) })).json();
  const nov = (await dashboard('2026-11')).funnels.find((f: { widget: string }) => f.widget === 'pqrs');
  const dec = (await dashboard('2026-12')).funnels.find((f: { widget: string }) => f.widget === 'pqrs');
  assert.deepEqual(nov.current, { shown: 1, started: 1, completed: 0, validation_error: 0, connection_error: 0 });
  assert.deepEqual(dec.current, { shown: 1, started: 0, completed: 1, validation_error: 0, connection_error: 0 });
  assert.deepEqual(dec.previous, nov.current, 'December is compared with November');
  assert.deepEqual(dec.pages, [{ page: `${EMBEDDER}/atencion`, counts: dec.current }]);
});

test('a flood from one address is rate limited (429 in Spanish)', async () => {
  const codes: number[] = [];
  for (let i = 0; i < 7; i++) codes.push((await send([], {}, limited.app)).statusCode);
  assert.deepEqual(codes, [204, 204, 204, 204, 204, 204, 429]);
  const res = await send([], {}, limited.app);
  assert.match(res.json().error, /^Demasiadas solicitudes desde su conexión/);
});
