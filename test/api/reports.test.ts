/**
 * The PQRSD report against counts worked out by hand: requests are filed and handled on a
 * controlled clock, each labelled with the category it must fall in at each period's cut-off.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { businessDaysBetween } from '../../api/calendar/calendar.ts';
import { calendarRules } from '../../api/calendar/store.ts';
import { PQRS_TYPE_VALUES, PQRS_TYPES, type PqrsType } from '../../api/pqrs/catalog.ts';
import { ADMIN_PASSWORD, openSession, staffHeaders } from '../admin-helpers.ts';
import { testApp, validPqrs } from '../helpers.ts';

let clock = new Date('2026-02-27T10:00:00-05:00');
const { app } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD }, () => clock);
after(() => app.close());

const headers = () => staffHeaders(openSession(app, 1));
const radicados: Record<string, string> = {};

type Category = 'answeredOnTime' | 'answeredLate' | 'open' | 'overdue' | 'transferred' | 'withdrawn';

interface Expected {
  type: PqrsType;
  /** Category at the end of the first period (March-April), null when outside it. */
  q1: Category | null;
  /** Category in the second period (March-June), as of the test's "now" (15 June). */
  q2: Category | null;
  denied?: boolean;
  /** For answered ones: effective receipt, answer date and business days paused. */
  answer?: { receipt: string; on: string; paused: number };
}

/**
 * Q1 = 2026-03-01..2026-04-30 (run after it ended), Q2 = 2026-03-01..2026-06-30 (run on 15 June).
 * Due dates (calendar module, hand-checked): B 25 Mar, C 18 Mar, E 24 Mar, G 1 Apr, P 22 Apr,
 * F 3 Jun, L 20 May, M 25 May, K 26 May, O 24 Mar, I 24 Mar + 5 paused = 31 Mar.
 */
const EXPECTED: Record<string, Expected> = {
  A: { type: 'peticion', q1: 'answeredOnTime', q2: 'answeredOnTime', answer: { receipt: '2026-03-02', on: '2026-03-10', paused: 0 } },
  B: { type: 'peticion', q1: 'answeredLate', q2: 'answeredLate', answer: { receipt: '2026-03-03', on: '2026-03-26', paused: 0 } },
  C: { type: 'informacion', q1: 'answeredOnTime', q2: 'answeredOnTime', denied: true, answer: { receipt: '2026-03-04', on: '2026-03-12', paused: 0 } },
  D: { type: 'informacion', q1: 'transferred', q2: 'transferred' },
  E: { type: 'queja', q1: 'overdue', q2: 'overdue' },
  F: { type: 'consulta', q1: 'open', q2: 'overdue' },
  // Answered on 5 May: overdue at the end of April, answered late by June.
  G: { type: 'reclamo', q1: 'overdue', q2: 'answeredLate', answer: { receipt: '2026-03-10', on: '2026-05-05', paused: 0 } },
  H: { type: 'peticion', q1: 'withdrawn', q2: 'withdrawn' },
  // Clock stopped 3-10 March (5 business days): answered 30 March, inside its moved due date.
  I: { type: 'peticion', q1: 'answeredOnTime', q2: 'answeredOnTime', answer: { receipt: '2026-03-02', on: '2026-03-30', paused: 5 } },
  J: { type: 'peticion', q1: null, q2: null },
  K: { type: 'peticion', q1: null, q2: 'overdue' },
  L: { type: 'peticion', q1: 'open', q2: 'open' },
  M: { type: 'felicitacion', q1: 'open', q2: 'overdue' },
  N: { type: 'sugerencia', q1: null, q2: null },
  O: { type: 'sugerencia', q1: 'answeredLate', q2: 'answeredLate', answer: { receipt: '2026-03-02', on: '2026-04-15', paused: 0 } },
  // Waiting for the citizen at the end of April although past its due date (22 April): open.
  P: { type: 'denuncia', q1: 'open', q2: 'withdrawn' },
};

async function fileAs(key: string) {
  const { type } = EXPECTED[key]!;
  const anonymous = type === 'denuncia';
  const body = anonymous ? validPqrs({ type, responseChannel: 'online' }, { kind: 'anonimo' }) : validPqrs({ type });
  const res = await app.inject({ method: 'POST', url: '/api/pqrs', payload: body });
  assert.equal(res.statusCode, 201, res.body);
  radicados[key] = res.json().radicado;
}

async function act(key: string, action: string, body?: object) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/admin/pqrs/${radicados[key]}/${action}`,
    headers: headers(),
    ...(body ? { payload: body } : {}),
  });
  assert.equal(res.statusCode, 200, `${key} ${action}: ${res.body}`);
}

const reply = (key: string, denied = false) => act(key, 'reply', { text: 'Respuesta de fondo a su solicitud.', denied });
const askToComplete = async (key: string) => {
  await act(key, 'assign', { staffId: 1 });
  await act(key, 'request-completion', { message: 'Adjunte el documento que falta.' });
};

/** Everything that happens, in Bogotá time. */
const TIMELINE: [string, () => Promise<void>][] = [
  ['2026-02-27T10:00', () => fileAs('J')],
  ['2026-02-28T23:50', () => fileAs('N')],
  ['2026-03-01T00:10', () => fileAs('O')],
  ['2026-03-02T10:00', async () => {
    for (const k of ['A', 'E', 'H', 'I']) await fileAs(k);
  }],
  ['2026-03-03T10:00', async () => {
    await fileAs('B');
    await askToComplete('H');
    await askToComplete('I');
  }],
  ['2026-03-04T10:00', () => fileAs('C')],
  ['2026-03-05T10:00', async () => {
    await fileAs('D');
    await reply('J');
  }],
  ['2026-03-06T10:00', () => act('D', 'transfer', { entity: 'Secretaría de Educación de Santander' })],
  ['2026-03-10T10:00', async () => {
    await fileAs('G');
    await reply('A');
    await act('I', 'complete');
  }],
  ['2026-03-12T10:00', () => reply('C', true)],
  ['2026-03-26T10:00', () => reply('B')],
  ['2026-03-30T10:00', async () => {
    await fileAs('P');
    await reply('I');
  }],
  // H had until 6 April (3 April is Viernes Santo).
  ['2026-04-07T10:00', () => act('H', 'desist')],
  ['2026-04-10T10:00', () => askToComplete('P')],
  ['2026-04-15T10:00', () => reply('O')],
  ['2026-04-20T10:00', () => fileAs('F')],
  ['2026-04-27T10:00', () => fileAs('L')],
  ['2026-04-28T10:00', () => askToComplete('L')],
  ['2026-04-30T23:30', () => fileAs('M')],
  ['2026-05-02T10:00', () => fileAs('K')],
  ['2026-05-05T10:00', () => reply('G')],
  // P had until 11 May (10 May is a Sunday).
  ['2026-05-12T10:00', () => act('P', 'desist')],
];

before(async () => {
  for (const [when, step] of TIMELINE) {
    clock = new Date(`${when}:00-05:00`);
    await step();
  }
  clock = new Date('2026-06-15T12:00:00-05:00');
});

/** The rows the report must give, from the labels above and the calendar module. */
function expectedReport(period: 'q1' | 'q2') {
  const rules = calendarRules(app.db);
  const blank = () => ({
    received: 0,
    answeredOnTime: 0,
    answeredLate: 0,
    open: 0,
    overdue: 0,
    transferred: 0,
    withdrawn: 0,
    denied: 0,
    days: [] as number[],
  });
  const byType = new Map(PQRS_TYPE_VALUES.map((t) => [t, blank()]));
  const total = blank();
  for (const e of Object.values(EXPECTED)) {
    const category = e[period];
    if (!category) continue;
    for (const row of [byType.get(e.type)!, total]) {
      row.received++;
      row[category]++;
      if (category === 'answeredOnTime' || category === 'answeredLate') {
        if (e.denied) row.denied++;
        row.days.push(businessDaysBetween(e.answer!.receipt, e.answer!.on, rules) - e.answer!.paused);
      }
    }
  }
  const finish = (type: string, label: string, { days, ...counts }: ReturnType<typeof blank>) => ({
    type,
    label,
    ...counts,
    avgBusinessDays: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
    maxBusinessDays: days.length ? Math.max(...days) : null,
  });
  return {
    rows: PQRS_TYPE_VALUES.map((t) => finish(t, PQRS_TYPES[t].label, byType.get(t)!)),
    total: finish('total', 'Total', total),
  };
}

const report = (query: string) => app.inject({ method: 'GET', url: `/api/admin/reports/pqrs${query}`, headers: headers() });

describe('GET /api/admin/reports/pqrs', () => {
  test('a closed period matches the hand-made counts, as of its last day', async () => {
    const res = await report('?from=2026-03-01&to=2026-04-30');
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.from, '2026-03-01');
    assert.equal(body.to, '2026-04-30');
    assert.equal(body.asOf, '2026-05-01T05:00:00.000Z');
    const expected = expectedReport('q1');
    assert.deepEqual(body.rows, expected.rows);
    assert.deepEqual(body.total, expected.total);
    // Anchors that do not depend on the helper above.
    assert.equal(body.total.received, 13);
    assert.deepEqual(
      [body.total.answeredOnTime, body.total.answeredLate, body.total.open, body.total.overdue, body.total.transferred, body.total.withdrawn, body.total.denied],
      [3, 2, 4, 2, 1, 1, 1],
    );
    const info = body.rows.find((r: { type: string }) => r.type === 'informacion');
    assert.deepEqual([info.received, info.transferred, info.denied], [2, 1, 1]);
    // A: 6, B: 16, C: 6, I: 19 - 5 = 14, O: 29 business days (23 March, 2 and 3 April are holidays).
    assert.equal(body.total.maxBusinessDays, 29);
    assert.equal(body.total.avgBusinessDays, 14.2);
  });

  test('a period still running is described as of now', async () => {
    const body = (await report('?from=2026-03-01&to=2026-06-30')).json();
    assert.equal(body.asOf, clock.toISOString());
    const expected = expectedReport('q2');
    assert.deepEqual(body.rows, expected.rows);
    assert.deepEqual(body.total, expected.total);
    assert.equal(body.total.received, 14);
  });

  test('a period with nothing in it has zeros and no averages', async () => {
    const body = (await report('?from=2025-01-01&to=2025-12-31')).json();
    assert.equal(body.total.received, 0);
    assert.equal(body.total.avgBusinessDays, null);
    assert.equal(body.rows.length, PQRS_TYPE_VALUES.length);
  });

  test('bad periods answer 400 naming the field', async () => {
    for (const [query, field, message] of [
      ['?from=2026-04-30&to=2026-03-01', 'to', /posterior/],
      ['?from=2026-02-30&to=2026-03-01', 'from', /fecha real/],
      ['?to=2026-03-01', 'from', /Desde: es obligatoria/],
      ['?from=2015-01-01&to=2026-01-01', 'to', /cinco años/],
    ] as const) {
      const res = await report(query);
      assert.equal(res.statusCode, 400, query);
      assert.match(res.json().fields[field], message, query);
    }
  });
});

describe('GET /api/admin/reports/pqrs.csv', () => {
  test('UTF-8 with BOM, semicolons, Spanish headers, accents intact, the same numbers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/admin/reports/pqrs.csv?from=2026-03-01&to=2026-04-30', headers: headers() });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
    assert.equal(res.headers['content-disposition'], 'attachment; filename="reporte-pqrsd-2026-03-01-2026-04-30.csv"');
    const bytes = res.rawPayload;
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
    assert.equal(
      lines[0],
      'Tipo de solicitud;Recibidas;Respondidas a tiempo;Respondidas fuera de término;Abiertas en término;Vencidas sin respuesta;' +
        'Trasladadas a otra entidad;Archivadas por desistimiento;Acceso a la información negado;' +
        'Promedio de días hábiles para responder;Máximo de días hábiles para responder',
    );
    assert.equal(lines.length, 1 + PQRS_TYPE_VALUES.length + 1);
    const { rows, total } = expectedReport('q1');
    const line = (r: (typeof rows)[number]) =>
      [
        r.label,
        r.received,
        r.answeredOnTime,
        r.answeredLate,
        r.open,
        r.overdue,
        r.transferred,
        r.withdrawn,
        r.denied,
        r.avgBusinessDays === null ? '' : String(r.avgBusinessDays).replace('.', ','),
        r.maxBusinessDays ?? '',
      ].join(';');
    assert.deepEqual(lines.slice(1), [...rows, total].map(line));
    assert.ok(lines.includes('Solicitud de información;2;1;0;0;0;1;0;1;6;6'), 'accents and the Ley 1712 columns');
    assert.ok(lines.at(-1)!.startsWith('Total;13;3;2;4;2;1;1;1;14,2;29'), 'decimal comma for Excel es-CO');
  });
});
