/**
 * Appropriation, the work figures (issue 13): PQRSD, mailbox, surveys and tracker are seeded
 * through the real API on a controlled clock (chat and events rows directly), and the
 * dashboard's month figures, comparisons and CSV are checked against counts worked out here.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { buildApp } from '../../api/app.ts';
import { addBusinessDays, businessDaysBetween } from '../../api/calendar/calendar.ts';
import { calendarRules } from '../../api/calendar/store.ts';
import { PQRS_CHANNEL_VALUES } from '../../api/pqrs/channels.ts';
import { ADMIN_PASSWORD, openSession, staffHeaders } from '../admin-helpers.ts';
import { testApp, validPqrs } from '../helpers.ts';

let clock = new Date('2025-11-01T09:00:00-05:00');
const { app, config } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD }, () => clock);
after(() => app.close());
const headers = () => staffHeaders(openSession(app, 1));

const at = (bogota: string) => (clock = new Date(`${bogota}:00-05:00`));
const filed: Record<string, { radicado: string; code: string; receipt: string }> = {};

async function file(key: string) {
  const res = await app.inject({ method: 'POST', url: '/api/pqrs', payload: validPqrs() });
  assert.equal(res.statusCode, 201, res.body);
  filed[key] = { radicado: res.json().radicado, code: res.json().trackingCode, receipt: clock.toISOString() };
}
/** Business days each answer took, by the Bogotá month of the answer (worked out here). */
const answers: Record<string, { days: number; onTime: boolean }[]> = {};
async function reply(key: string, receipt: string) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/admin/pqrs/${filed[key]!.radicado}/reply`,
    headers: headers(),
    payload: { text: 'Respuesta de fondo a su solicitud.', denied: false },
  });
  assert.equal(res.statusCode, 200, res.body);
  // Every filing and answer here is on a business day, before any cut-off: receipt = filing day.
  const rules = calendarRules(app.db);
  const on = new Date(clock.getTime() - 5 * 3600_000).toISOString().slice(0, 10);
  const days = businessDaysBetween(receipt, on, rules);
  (answers[on.slice(0, 7)] ??= []).push({ days, onTime: on <= addBusinessDays(receipt, 15, rules) });
}
async function mailbox(): Promise<number> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/mailbox',
    payload: { name: 'Diana Rojas', email: 'diana@example.co', subject: 'Horario de la sede', message: '¿Cuál es el horario de atención en diciembre?', consent: true },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}
async function track(key: string, code = filed[key]!.code) {
  return (await app.inject({ method: 'POST', url: '/api/pqrs/track', payload: { radicado: filed[key]!.radicado, code } })).statusCode;
}
async function survey(calificacion: number) {
  const token = (await app.inject({ method: 'POST', url: '/api/surveys/satisfaccion-servicio/token' })).json().token;
  const res = await app.inject({
    method: 'POST',
    url: '/api/surveys/satisfaccion-servicio/responses',
    payload: {
      token,
      answers: { calificacion, recomendacion: 8, canal: 'web', resuelto: true, mejoras: ['horarios'], atencion: { amabilidad: '5', claridad: '4', tiempo: '3' } },
    },
  });
  assert.equal(res.statusCode, 201, res.body);
}
/** A chat conversation started at `start` (Bogotá), taken `waitSeconds` later (null: never), rated `score`. */
function chat(start: string, waitSeconds: number | null, score?: number) {
  const created = new Date(`${start}:00-05:00`);
  const taken = waitSeconds === null ? null : new Date(created.getTime() + waitSeconds * 1000).toISOString();
  const id = app.db
    .prepare(
      `INSERT INTO chat_conversations (token_hash, topic, state, created_at, taken_at, closed_at, last_activity_at, consent_at, consent_policy, consent_ip)
       VALUES ('h', 'Tema', 'closed', @c, @t, @c, @c, @c, 'v1', '127.0.0.1')`,
    )
    .run({ c: created.toISOString(), t: taken }).lastInsertRowid;
  if (score) app.db.prepare('INSERT INTO chat_ratings (conversation_id, score, created_at) VALUES (?, ?, ?)').run(id, score, taken);
}
let tokens = 0;
function registration(created: string, attended?: string) {
  const eventId = app.db.prepare('SELECT MIN(id) FROM events').pluck().get();
  app.db
    .prepare(
      `INSERT INTO event_registrations (event_id, name, email, status, token_hash, created_at, attended_at, consent_at, consent_policy, consent_ip)
       VALUES (?, 'Ana', ?, 'registered', ?, ?, ?, ?, 'v1', '127.0.0.1')`,
    )
    .run(eventId, `ana${++tokens}@example.co`, `t${tokens}`, new Date(`${created}:00-05:00`).toISOString(), attended ? new Date(`${attended}:00-05:00`).toISOString() : null, new Date(`${created}:00-05:00`).toISOString());
}
function question(created: string) {
  const eventId = app.db.prepare('SELECT MIN(id) FROM events').pluck().get();
  const iso = new Date(`${created}:00-05:00`).toISOString();
  app.db
    .prepare("INSERT INTO event_questions (event_id, body, created_at, consent_at, consent_policy, consent_ip) VALUES (?, '¿Pregunta?', ?, ?, 'v1', '127.0.0.1')")
    .run(eventId, iso, iso);
}

let mailboxAnswerMinutes = 0;

before(async () => {
  // The satisfaction survey the tracker offers (Ajustes): its rating question is the satisfaction.
  const settings = (await app.inject({ method: 'GET', url: '/api/admin/settings', headers: headers() })).json();
  const put = await app.inject({ method: 'PUT', url: '/api/admin/settings', headers: headers(), payload: { ...settings, pqrsSurvey: 'satisfaccion-servicio' } });
  assert.equal(put.statusCode, 200, put.body);

  // November 2025 (the same month a year before).
  at('2025-11-10T10:00');
  await file('Y1');
  at('2025-11-12T10:00');
  await file('Y2');
  at('2025-11-20T10:00');
  await reply('Y1', '2025-11-10');
  await survey(2);
  chat('2025-11-20T10:00', 600, 3);

  // October 2026 (the previous month).
  at('2026-10-01T10:00');
  await file('L1');
  at('2026-10-05T10:00');
  await file('O1');
  await file('O2');
  at('2026-10-09T10:00');
  await reply('O1', '2026-10-05');
  at('2026-10-20T10:00');
  await mailbox();
  await survey(3);
  chat('2026-10-20T10:00', null);
  registration('2026-10-20T10:00');

  // November 2026 (the period).
  at('2026-11-03T10:00');
  for (const k of ['N1', 'N2', 'N3']) await file(k);
  const m1 = await mailbox();
  const m2 = await mailbox();
  const m2At = clock.getTime();
  at('2026-11-04T09:30');
  const converted = await app.inject({ method: 'POST', url: `/api/admin/mailbox/${m1}/convert`, headers: headers(), payload: { type: 'peticion' } });
  assert.equal(converted.statusCode, 200, converted.body);
  const answered = await app.inject({ method: 'POST', url: `/api/admin/mailbox/${m2}/reply`, headers: headers(), payload: { body: 'Atendemos de 8:00 a 12:00.' } });
  assert.equal(answered.statusCode, 200, answered.body);
  mailboxAnswerMinutes = (clock.getTime() - m2At) / 60_000;
  at('2026-11-05T10:00');
  await reply('O2', '2026-10-05');
  await reply('N1', '2026-11-03');
  at('2026-11-10T10:00');
  await reply('L1', '2026-10-01');
  at('2026-11-17T10:00');
  await reply('N2', '2026-11-03');
  at('2026-11-20T10:00');
  assert.equal(await track('N3'), 200);
  assert.equal(await track('N3'), 200);
  assert.equal(await track('N1', 'ZZZZ-ZZZZ'), 404, 'a failed lookup is not counted');
  at('2026-11-25T10:00');
  for (const c of [5, 4, 2]) await survey(c);
  chat('2026-11-25T10:00', 60, 5);
  chat('2026-11-25T11:00', 180, 4);
  chat('2026-11-25T12:00', null);
  registration('2026-11-02T10:00');
  registration('2026-11-03T10:00', '2026-11-26T09:00');
  registration('2026-11-26T08:00', '2026-11-26T09:05');
  question('2026-11-26T10:00');
  question('2026-11-26T10:30');
  at('2026-11-30T23:50');
  await file('N4');

  // December 2026: not in the period.
  at('2026-12-01T00:10');
  await file('D1');
  at('2026-12-10T12:00');
});

type Figure = { key: string; current: number | null; previous: number | null; previousYear: number | null; series: (number | null)[] };
type Tool = { tool: string; figures: Figure[] };
async function dashboard(query: string) {
  const res = await app.inject({ method: 'GET', url: `/api/admin/appropriation${query}`, headers: headers() });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  const figure = (tool: string, key: string): Figure =>
    (body.tools as Tool[]).find((t) => t.tool === tool)!.figures.find((f) => f.key === key) ?? assert.fail(`${tool}.${key}`);
  return { body, figure };
}

/** Nearest-rank quantile, worked out here. */
function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}
const triple = (f: Figure) => [f.current, f.previous, f.previousYear];

describe('one month against the previous one and the same month a year before', () => {
  test('the periods compared', async () => {
    const { body } = await dashboard('?from=2026-11&to=2026-11');
    assert.deepEqual(body.period, { from: '2026-11', to: '2026-11' });
    assert.deepEqual(body.previous, { from: '2026-10', to: '2026-10' });
    assert.deepEqual(body.previousYear, { from: '2025-11', to: '2025-11' });
    assert.deepEqual(body.months, ['2026-11']);
    assert.equal(body.collecting, true);
  });

  test('PQRSD filed, by channel (every channel of the catalog listed)', async () => {
    const { figure, body } = await dashboard('?from=2026-11&to=2026-11');
    assert.deepEqual(triple(figure('pqrs', 'received')), [5, 3, 2]);
    assert.deepEqual(triple(figure('pqrs', 'channel.web')), [4, 3, 2]);
    assert.deepEqual(triple(figure('pqrs', 'channel.buzon')), [1, 0, 0]);
    const channels = (body.tools as Tool[])[0]!.figures.filter((f) => f.key.startsWith('channel.')).map((f) => f.key);
    assert.deepEqual(channels, PQRS_CHANNEL_VALUES.map((c) => `channel.${c}`));
  });

  test('answers on time and late, median and p90 of business days', async () => {
    const { figure } = await dashboard('?from=2026-11&to=2026-11');
    const nov = answers['2026-11']!;
    const oct = answers['2026-10']!;
    const year = answers['2025-11']!;
    assert.equal(nov.length, 4);
    assert.ok(nov.some((a) => !a.onTime), 'L1 was answered late');
    const onTime = (list: typeof nov) => list.filter((a) => a.onTime).length;
    assert.deepEqual(triple(figure('pqrs', 'answeredOnTime')), [onTime(nov), onTime(oct), onTime(year)]);
    assert.deepEqual(triple(figure('pqrs', 'answeredLate')), [nov.length - onTime(nov), oct.length - onTime(oct), year.length - onTime(year)]);
    const days = (list: typeof nov) => list.map((a) => a.days);
    assert.deepEqual(triple(figure('pqrs', 'medianBusinessDays')), [quantile(days(nov), 0.5), quantile(days(oct), 0.5), quantile(days(year), 0.5)]);
    assert.deepEqual(triple(figure('pqrs', 'p90BusinessDays')), [quantile(days(nov), 0.9), quantile(days(oct), 0.9), quantile(days(year), 0.9)]);
  });

  test('satisfaction from the rating of the survey the tracker offers; survey answers', async () => {
    const { figure } = await dashboard('?from=2026-11&to=2026-11');
    assert.deepEqual(triple(figure('pqrs', 'satisfaction')), [Math.round(((5 + 4 + 2) / 3) * 10) / 10, 3, 2]);
    assert.deepEqual(triple(figure('pqrs', 'satisfactionAnswers')), [3, 1, 1]);
    assert.deepEqual(triple(figure('surveys', 'answers')), [3, 1, 1]);
  });

  test('chat: conversations, average wait, missed, ratings', async () => {
    const { figure } = await dashboard('?from=2026-11&to=2026-11');
    assert.deepEqual(triple(figure('chat', 'conversations')), [3, 1, 1]);
    assert.deepEqual(triple(figure('chat', 'averageWait')), [2, null, 10], 'minutes: (60 + 180) / 2 s; none in October');
    assert.deepEqual(triple(figure('chat', 'missed')), [1, 1, 0]);
    assert.deepEqual(triple(figure('chat', 'rating')), [4.5, null, 3]);
    assert.deepEqual(triple(figure('chat', 'ratings')), [2, 0, 1]);
  });

  test('mailbox, tracker, events', async () => {
    const { figure } = await dashboard('?from=2026-11&to=2026-11');
    assert.deepEqual(triple(figure('mailbox', 'messages')), [2, 1, 0]);
    assert.deepEqual(triple(figure('mailbox', 'answered')), [1, 0, 0]);
    assert.deepEqual(triple(figure('mailbox', 'averageAnswer')), [Math.round((mailboxAnswerMinutes / 60) * 10) / 10, null, null]);
    assert.deepEqual(triple(figure('mailbox', 'converted')), [1, 0, 0]);
    assert.deepEqual(triple(figure('tracker', 'lookups')), [2, 0, 0]);
    assert.deepEqual(triple(figure('events', 'registrations')), [3, 1, 0]);
    assert.deepEqual(triple(figure('events', 'attended')), [2, 0, 0]);
    assert.deepEqual(triple(figure('events', 'questions')), [2, 0, 0]);
  });
});

test('a two-month period: sums, the quantiles of both months together, monthly series', async () => {
  const { body, figure } = await dashboard('?from=2026-10&to=2026-11');
  assert.deepEqual(body.previous, { from: '2026-08', to: '2026-09' });
  assert.deepEqual(body.previousYear, { from: '2025-10', to: '2025-11' });
  assert.deepEqual(body.months, ['2026-10', '2026-11']);
  const received = figure('pqrs', 'received');
  assert.deepEqual(triple(received), [8, 0, 2]);
  assert.deepEqual(received.series, [3, 5]);
  const both = [...answers['2026-10']!, ...answers['2026-11']!].map((a) => a.days);
  assert.equal(figure('pqrs', 'medianBusinessDays').current, quantile(both, 0.5));
  assert.equal(figure('pqrs', 'p90BusinessDays').current, quantile(both, 0.9));
  assert.deepEqual(figure('chat', 'averageWait').series, [null, 2]);
});

test('the CSV carries every figure (csv-parse, es-CO spreadsheet dialect)', async () => {
  const res = await app.inject({ method: 'GET', url: '/api/admin/appropriation.csv?from=2026-11&to=2026-11', headers: headers() });
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /^text\/csv/);
  assert.match(String(res.headers['content-disposition']), /filename="apropiacion-2026-11\.csv"/);
  const rows = parse(res.body, { delimiter: ';', bom: true }) as string[][];
  assert.deepEqual(rows[0], [
    'Sección',
    'Indicador',
    'Unidad',
    'Periodo (2026-11)',
    'Periodo anterior (2026-10)',
    'Mismo periodo del año anterior (2025-11)',
    '2026-11',
  ]);
  const row = (section: string, label: string) => rows.find((r) => r[0] === section && r[1] === label) ?? assert.fail(`${section} / ${label}`);
  assert.deepEqual(row('PQRSD', 'Radicadas').slice(2), ['número', '5', '3', '2', '5']);
  assert.deepEqual(row('PQRSD', 'Radicadas por Buzón de contacto').slice(3, 6), ['1', '0', '0']);
  assert.deepEqual(row('PQRSD', 'Satisfacción (promedio de 1 a 5)').slice(3, 6), ['3,7', '3', '2']);
  assert.deepEqual(row('Chat', 'Calificación promedio (1 a 5)').slice(3, 6), ['4,5', '', '3']);
  assert.deepEqual(row('Consulta de estado', 'Consultas').slice(3, 6), ['2', '0', '0']);
  assert.deepEqual(row('Uso del widget: Formulario PQRSD', 'Mostrado').slice(3, 6), ['0', '0', '0']);
  const { body } = await dashboard('?from=2026-11&to=2026-11');
  const figures = (body.tools as Tool[]).reduce((n, t) => n + t.figures.length, 0);
  assert.equal(rows.filter((r) => !r[0]!.startsWith('Uso del widget')).length - 1, figures, 'one row per figure');
});

describe('the rollup', () => {
  test('a month over is read from the rollup, not the work tables', async () => {
    await dashboard('?from=2026-11&to=2026-11');
    const computed = app.db.prepare("SELECT computed_at FROM appropriation_months WHERE month = '2026-11'").pluck().get();
    assert.equal(computed, clock.toISOString());
    // A row slipped into the past (it cannot happen through the API): the final month does not move.
    app.db
      .prepare(
        "INSERT INTO mailbox_messages (name, email, subject, message, created_at, consent_at, consent_policy, consent_ip) VALUES ('x', 'x@example.co', 'x', 'x', ?, ?, 'v1', '127.0.0.1')",
      )
      .run('2026-11-15T15:00:00.000Z', '2026-11-15T15:00:00.000Z');
    const { figure } = await dashboard('?from=2026-11&to=2026-11');
    assert.equal(figure('mailbox', 'messages').current, 2);
    app.db.exec("DELETE FROM mailbox_messages WHERE email = 'x@example.co'");
  });

  test('the current month is computed on demand and reused for five minutes', async () => {
    const received = async () => (await dashboard('')).figure('pqrs', 'received').current;
    assert.equal(await received(), 1, 'D1, filed in December');
    await file('D2');
    assert.equal(await received(), 1, 'within five minutes: the stored figures');
    clock = new Date(clock.getTime() + 5 * 60_000);
    assert.equal(await received(), 2);
  });

  test('the job catches up at start: a restarted server computes every month since the first activity', async () => {
    app.db.exec('DELETE FROM appropriation_monthly; DELETE FROM appropriation_months');
    const second = await buildApp(config, {}, () => clock);
    await second.ready();
    await second.close();
    const months = app.db.prepare('SELECT month FROM appropriation_months ORDER BY month').pluck().all() as string[];
    assert.equal(months[0], '2025-11');
    assert.equal(months.at(-1), '2026-12');
    assert.equal(months.length, 14);
    const nov = app.db.prepare("SELECT value FROM appropriation_monthly WHERE month = '2026-11' AND figure = 'pqrs.received'").pluck().get();
    assert.equal(nov, 5);
  });
});

test('bad periods: 400 naming the field; the staff API only', async () => {
  const bad = async (q: string) => (await app.inject({ method: 'GET', url: `/api/admin/appropriation${q}`, headers: headers() })).json();
  assert.equal((await bad('?from=2026-13')).fields.from, 'Desde: use el formato AAAA-MM, por ejemplo 2026-01.');
  assert.equal((await bad('?from=2026-11&to=2026-10')).fields.to, 'Hasta: debe ser igual o posterior a Desde.');
  assert.equal((await bad('?from=2020-01&to=2026-01')).fields.to, 'Hasta: el periodo puede tener como máximo 36 meses.');
  assert.equal((await app.inject({ method: 'GET', url: '/api/admin/appropriation' })).statusCode, 401);
  assert.equal((await app.inject({ method: 'GET', url: '/api/admin/appropriation.csv' })).statusCode, 401);
});
