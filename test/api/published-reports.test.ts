/**
 * Published PQRSD reports (issue 11 item 4): frozen at publication, versioned, public. The
 * requests are filed and handled through the real API on a controlled clock; the figures are
 * worked out by hand in the comments (2026 holidays: 1 and 12 January, 23 March, 2 and 3 April).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { PublishedReport, PublishedSummary } from '../../api/reports/schemas.ts';
import { ADMIN_PASSWORD, openSession, staffHeaders, staffSession } from '../admin-helpers.ts';
import { testApp, validPqrs } from '../helpers.ts';
import { PQRS_CHANNELS } from '../../api/pqrs/channels.ts';

let clock = new Date('2025-12-31T23:00:00-05:00');
const { app } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD }, () => clock);
after(() => app.close());

const at = (when: string) => void (clock = new Date(`${when}:00-05:00`));
const admin = () => staffHeaders(openSession(app, 1));
const radicados: Record<string, string> = {};

async function fileAs(key: string, type: string) {
  const res = await app.inject({ method: 'POST', url: '/api/pqrs', payload: validPqrs({ type }) });
  assert.equal(res.statusCode, 201, res.body);
  radicados[key] = res.json().radicado;
}

async function act(key: string, action: string, body: object) {
  const res = await app.inject({ method: 'POST', url: `/api/admin/pqrs/${radicados[key]}/${action}`, headers: admin(), payload: body });
  assert.equal(res.statusCode, 200, `${key} ${action}: ${res.body}`);
}
const reply = (key: string, denied = false) => act(key, 'reply', { text: 'Respuesta de fondo a su solicitud.', denied });

function publish(body: object, headers = admin()) {
  return app.inject({ method: 'POST', url: '/api/admin/reports/published', headers, payload: body });
}
const get = (url: string) => app.inject({ method: 'GET', url });
const Q1 = { kind: 'trimestre', from: '2026-01-01', to: '2026-03-31' };
const YEAR = { kind: 'anio', from: '2026-01-01', to: '2026-12-31' };
let q1: PublishedSummary;
let year: PublishedSummary;

before(async () => {
  await fileAs('Z', 'peticion'); // 31 December 2025: outside 2026
  at('2026-01-05T10:00');
  await fileAs('A', 'informacion'); // due 20 January (12 January is a holiday)
  at('2026-01-06T10:00');
  await fileAs('B', 'informacion');
  at('2026-01-07T10:00');
  await act('B', 'transfer', { entity: 'Secretaría de Educación de Santander' });
  at('2026-01-09T10:00');
  await reply('A', true); // 6, 7, 8, 9 January: 4 business days, access denied
  at('2026-02-02T10:00');
  await fileAs('C', 'informacion'); // due 16 February, never answered in the quarter: overdue
  at('2026-02-10T10:00');
  await fileAs('D', 'peticion');
  at('2026-02-20T10:00');
  await reply('D'); // 11-13, 16-20 February: 8 business days
  at('2026-03-02T10:00');
  await fileAs('E', 'queja'); // due 24 March (23 March is a holiday): overdue on 31 March
  at('2026-03-25T10:00');
  await fileAs('F', 'peticion'); // due in April: open on 31 March
  // A verbal petition taken in person (its intake is another room's): only the channel matters here.
  app.db.prepare("UPDATE pqrs SET channel = 'presencial' WHERE radicado = ?").run(radicados.F);
  at('2026-04-02T10:00');
  await fileAs('G', 'felicitacion'); // Jueves Santo: received 6 April, outside the quarter
  at('2026-04-06T10:00');
});

describe('publishing a report', () => {
  test('the quarter: the figures as they stood on 31 March, by type, by channel and for information requests', async () => {
    const res = await publish(Q1);
    assert.equal(res.statusCode, 201, res.body);
    q1 = res.json();
    assert.deepEqual(
      { ...q1, id: 0 },
      { id: 0, ...Q1, version: 1, publishedAt: clock.toISOString(), publishedBy: 'Administrador', replaces: null, reason: null, replacedBy: null },
    );
    const r = (await get(`/api/reports/published/${q1.id}`)).json() as PublishedReport;
    const { report, channels, information } = r.snapshot;
    assert.equal(report.asOf, '2026-04-01T05:00:00.000Z');
    const t = report.total;
    assert.deepEqual(
      [t.received, t.answeredOnTime, t.answeredLate, t.transferred, t.withdrawn, t.overdue, t.open, t.denied, t.avgBusinessDays, t.maxBusinessDays],
      [6, 2, 0, 1, 0, 2, 1, 1, 6, 8],
    );
    const info = report.rows.find((row) => row.type === 'informacion')!;
    assert.deepEqual([info.received, info.answeredOnTime, info.transferred, info.overdue, info.denied, info.maxBusinessDays], [3, 1, 1, 1, 1, 4]);
    assert.deepEqual(
      channels.filter((c) => c.received > 0).map((c) => [c.channel, c.label, c.received]),
      [
        ['web', 'Formulario web', 5],
        ['presencial', 'Verbal presencial', 1],
      ],
    );
    assert.equal(channels.length, Object.keys(PQRS_CHANNELS).length, 'every channel, zeros included');
    assert.deepEqual(
      { received: information.received, transferred: information.transferred, denied: information.denied },
      { received: 3, transferred: 1, denied: 1 },
    );
    assert.deepEqual(information.requests, [
      { radicado: radicados.A, receivedOn: '2026-01-05', standing: 'answeredOnTime', answeredOn: '2026-01-09', businessDays: 4, denied: true },
      { radicado: radicados.B, receivedOn: '2026-01-06', standing: 'transferred', answeredOn: null, businessDays: null, denied: false },
      { radicado: radicados.C, receivedOn: '2026-02-02', standing: 'overdue', answeredOn: null, businessDays: null, denied: false },
    ]);
  });

  test('the CSV: spreadsheet dialect, every row as wide as the widest, the same figures', async () => {
    const res = await get(`/api/reports/published/${q1.id}.csv`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
    assert.equal(res.headers['content-disposition'], 'attachment; filename="informe-pqrsd-2026-01-01-2026-03-31-v1.csv"');
    assert.deepEqual([...res.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(res.rawPayload, { delimiter: ';', bom: true });
    assert.ok(rows.every((r) => r.length === 11), 'strict readers need one width');
    const find = (first: string) => rows.find((r) => r[0] === first)!.filter(Boolean);
    assert.deepEqual(find('Periodo'), ['Periodo', 'Trimestre']);
    assert.deepEqual(find('Versión'), ['Versión', '1']);
    assert.deepEqual(find('Publicado el (hora de Bogotá)'), ['Publicado el (hora de Bogotá)', '2026-04-06 10:00']);
    assert.deepEqual(find('Cifras con corte a (hora de Bogotá)'), ['Cifras con corte a (hora de Bogotá)', '2026-04-01 00:00']);
    assert.deepEqual(rows.find((r) => r[0] === 'Total'), ['Total', '6', '2', '0', '1', '2', '1', '0', '1', '6', '8']);
    assert.deepEqual(rows.find((r) => r[0] === 'Solicitud de información'), ['Solicitud de información', '3', '1', '0', '0', '1', '1', '0', '1', '4', '4']);
    assert.deepEqual(find('Verbal presencial'), ['Verbal presencial', '1']);
    assert.deepEqual(find(radicados.A!), [radicados.A, '2026-01-05', 'Respondida a tiempo', '2026-01-09', '4', 'Sí']);
    assert.deepEqual(find(radicados.C!), [radicados.C, '2026-02-02', 'Vencida sin respuesta']);
    assert.deepEqual(find('Acceso a la información negado'), ['Acceso a la información negado', '1']);
  });

  test('publishing the same period again is a conflict; a correction must name the latest version and say why', async () => {
    const again = await publish(Q1);
    assert.equal(again.statusCode, 409);
    assert.match(again.json().error, /ya está publicado \(versión 1\)/);

    const noReason = await publish({ ...Q1, replaces: q1.id });
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.json().fields.reason, /Motivo de la corrección/);

    const res = await publish(YEAR);
    assert.equal(res.statusCode, 201, res.body);
    year = res.json();
    const otherPeriod = await publish({ ...YEAR, replaces: q1.id, reason: 'Corrección de prueba con otro periodo.' });
    assert.equal(otherPeriod.statusCode, 400);
    assert.match(otherPeriod.json().fields.replaces, /mismo periodo/);
  });

  test('bad periods: over five years, a quarter that is not one, missing dates: 400 naming the field', async () => {
    for (const [body, field, message] of [
      [{ kind: 'personalizado', from: '2015-01-01', to: '2026-01-01' }, 'to', /cinco años/],
      [{ kind: 'trimestre', from: '2026-01-01', to: '2026-04-30' }, 'to', /un trimestre completo/],
      [{ kind: 'semana', from: '2026-01-01', to: '2026-01-07' }, 'kind', /Periodo/],
      [{ kind: 'anio', to: '2026-12-31' }, 'from', /Desde/],
      [{ kind: 'personalizado', from: '2026-03-01', to: '2026-02-01' }, 'to', /posterior/],
    ] as const) {
      const res = await publish(body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.match(res.json().fields[field], message, JSON.stringify(body));
    }
  });

  test('guard: staff only to publish, admins only; the published reports are public', async () => {
    const anonymous = await app.inject({ method: 'POST', url: '/api/admin/reports/published', payload: Q1 });
    assert.equal(anonymous.statusCode, 401);
    const clerk = await staffSession(app, 'funcionaria', 'funcionario');
    assert.equal((await publish({ kind: 'personalizado', from: '2026-02-01', to: '2026-02-28' }, staffHeaders(clerk))).statusCode, 403);
    const staffList = await app.inject({ method: 'GET', url: '/api/admin/reports/published', headers: staffHeaders(clerk) });
    assert.equal(staffList.statusCode, 200);
    const list = await get('/api/reports/published');
    assert.equal(list.statusCode, 200);
    assert.deepEqual(staffList.json(), list.json());
    assert.deepEqual(list.json().reports.map((r: PublishedSummary) => [r.from, r.to, r.version]), [
      ['2026-01-01', '2026-12-31', 1],
      ['2026-01-01', '2026-03-31', 1],
    ]);
    assert.equal((await get('/api/reports/published/9999')).statusCode, 404);
    assert.equal((await get('/api/reports/published/9999.csv')).statusCode, 404);
    assert.equal((await get('/api/reports/published/abc')).statusCode, 400);
  });

  test('every publication is audited', () => {
    const rows = app.db.prepare("SELECT username, target, details FROM audit_log WHERE action = 'report.publish' ORDER BY id").all();
    assert.deepEqual(rows, [
      { username: 'admin', target: '2026-01-01/2026-03-31 v1', details: JSON.stringify({ id: q1.id, kind: 'trimestre', replaces: null }) },
      { username: 'admin', target: '2026-01-01/2026-12-31 v1', details: JSON.stringify({ id: year.id, kind: 'anio', replaces: null }) },
    ]);
  });
});

describe('a published report never changes', () => {
  let before: { json: string; csv: Buffer; q1json: string; q1csv: Buffer };

  test('answers and transfers after publication leave the published JSON and CSV byte-identical', async () => {
    const live = async () => (await app.inject({ method: 'GET', url: '/api/admin/reports/pqrs?from=2026-01-01&to=2026-12-31', headers: admin() })).json();
    const liveBefore = await live();
    before = {
      json: (await get(`/api/reports/published/${year.id}`)).body,
      csv: (await get(`/api/reports/published/${year.id}.csv`)).rawPayload,
      q1json: (await get(`/api/reports/published/${q1.id}`)).body,
      q1csv: (await get(`/api/reports/published/${q1.id}.csv`)).rawPayload,
    };
    at('2026-04-07T10:00');
    await reply('C'); // 43 business days, late
    await reply('E'); // 23 business days, late
    await act('F', 'transfer', { entity: 'Alcaldía de Bucaramanga' });

    const liveAfter = await live();
    assert.notDeepEqual(liveAfter.total, liveBefore.total, 'the data did change');
    assert.equal((await get(`/api/reports/published/${year.id}`)).body, before.json);
    assert.deepEqual((await get(`/api/reports/published/${year.id}.csv`)).rawPayload, before.csv);
    assert.equal((await get(`/api/reports/published/${q1.id}`)).body, before.q1json);
    assert.deepEqual((await get(`/api/reports/published/${q1.id}.csv`)).rawPayload, before.q1csv);
    const frozen = JSON.parse(before.json) as PublishedReport;
    assert.deepEqual([frozen.snapshot.report.total.overdue, frozen.snapshot.report.total.answeredLate], [2, 0]);
  });

  test('the database itself refuses to change or delete a published report', () => {
    assert.throws(() => app.db.prepare('UPDATE published_reports SET csv = ? WHERE id = ?').run('x', year.id), /never changes/);
    assert.throws(() => app.db.prepare('DELETE FROM published_reports WHERE id = ?').run(year.id), /never deleted/);
  });

  test('a correction is version 2, says what it replaces and why; version 1 only learns it was replaced', async () => {
    at('2026-04-08T09:00');
    const reason = 'Se incluyen las respuestas dadas el 7 de abril.';
    const res = await publish({ ...YEAR, replaces: year.id, reason });
    assert.equal(res.statusCode, 201, res.body);
    const v2 = res.json() as PublishedSummary;
    assert.deepEqual([v2.version, v2.replaces, v2.reason], [2, { id: year.id, version: 1 }, reason]);
    const t = ((await get(`/api/reports/published/${v2.id}`)).json() as PublishedReport).snapshot.report.total;
    // A 4, D 8, C 43, E 23: average 19.5, max 43; B and F transferred; G (6 April) open.
    assert.deepEqual(
      [t.received, t.answeredOnTime, t.answeredLate, t.transferred, t.overdue, t.open, t.avgBusinessDays, t.maxBusinessDays],
      [7, 2, 2, 2, 0, 1, 19.5, 43],
    );
    const v1 = (await get(`/api/reports/published/${year.id}`)).json() as PublishedReport;
    assert.deepEqual(v1.replacedBy, { id: v2.id, version: 2 });
    assert.deepEqual({ ...v1, replacedBy: null }, JSON.parse(before.json));
    assert.deepEqual((await get(`/api/reports/published/${year.id}.csv`)).rawPayload, before.csv);
    const csv: string[][] = parse((await get(`/api/reports/published/${v2.id}.csv`)).rawPayload, { delimiter: ';', bom: true });
    assert.deepEqual(csv.find((r) => r[0] === 'Reemplaza a la versión')!.filter(Boolean), ['Reemplaza a la versión', '1']);
    assert.deepEqual(csv.find((r) => r[0] === 'Motivo de la corrección')!.filter(Boolean), ['Motivo de la corrección', reason]);

    const stale = await publish({ ...YEAR, replaces: year.id, reason: 'Otra corrección sobre la versión vieja.' });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.json().error, /reemplazada por la versión 2/);
    const twice = await publish(YEAR);
    assert.equal(twice.statusCode, 409);
  });
});

describe('access denied (Ley 1712 de 2014, arts. 18-19)', () => {
  test('is only for requests for information: 400 naming the field on any other type', async () => {
    at('2026-04-09T10:00');
    await fileAs('H', 'peticion');
    const res = await app.inject({
      method: 'POST',
      url: `/api/admin/pqrs/${radicados.H}/reply`,
      headers: admin(),
      payload: { text: 'Respuesta de fondo a su solicitud.', denied: true },
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().fields.denied, /solo aplica a solicitudes de información/);
  });
});
