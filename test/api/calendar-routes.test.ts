import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { effectiveReceipt } from '../../api/calendar/calendar.ts';
import { addClosureDay, calendarRules, listClosureDays, removeClosureDay } from '../../api/calendar/store.ts';
import { testApp } from '../helpers.ts';

/** A real app on a fresh SQLite file, and how to close it and remove its data directory. */
async function tempApp(env: Record<string, string> = {}) {
  const { app, config } = await testApp(env);
  const dispose = async () => {
    await app.close();
    fs.rmSync(config.dataDir, { recursive: true, force: true });
  };
  return { app, dispose };
}

let app: FastifyInstance;
let dispose: () => Promise<void>;
before(async () => ({ app, dispose } = await tempApp()));
after(() => dispose());

const get = (url: string, query: Record<string, string> = {}) => app.inject({ method: 'GET', url, query });

describe('GET /api/calendar/holidays', () => {
  test('returns the year sorted with each legal source, with an hour-long public cache', async () => {
    const res = await get('/api/calendar/holidays', { year: '2026' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'public, max-age=3600');
    const body = res.json();
    assert.equal(body.length, 19);
    const ley51 = { source: 'Ley 51 de 1983, art. 1', added: false };
    assert.deepEqual(body[0], { date: '2026-01-01', name: 'Año Nuevo', rule: '01-01', ...ley51 });
    assert.deepEqual(body[10], {
      date: '2026-07-13',
      name: 'Nuestra Señora del Rosario de Chiquinquirá',
      source: 'Ley 2578 de 2026, art. 6',
      rule: '07-09 trasladable',
      added: false,
    });
    assert.deepEqual(body[18], { date: '2026-12-25', name: 'Navidad', rule: '12-25', ...ley51 });
  });

  test('2027 has 12 July, 2029 9 July, 2025 no July holiday but Independencia; 1984 and 2100 answer', async () => {
    const july = async (year: number) =>
      ((await get('/api/calendar/holidays', { year: String(year) })).json() as { date: string; name: string }[])
        .filter((h) => h.date.slice(5, 7) === '07')
        .map((h) => h.date);
    assert.deepEqual(await july(2025), ['2025-07-20']);
    assert.deepEqual(await july(2027), ['2027-07-05', '2027-07-12', '2027-07-20']);
    assert.deepEqual(await july(2029), ['2029-07-02', '2029-07-09', '2029-07-20']);
    const first = await get('/api/calendar/holidays', { year: '1984' });
    assert.equal(first.statusCode, 200);
    assert.equal(first.json().length, 18);
    const last = await get('/api/calendar/holidays', { year: '2100' });
    assert.equal(last.statusCode, 200);
    assert.equal(last.json().length, 19);
  });

  test('keeps two holidays on the same Monday', async () => {
    const res = await get('/api/calendar/holidays', { year: '2025' });
    const body: { date: string; name: string }[] = res.json();
    assert.deepEqual(
      body.filter((h) => h.date === '2025-06-30').map((h) => h.name),
      ['Sagrado Corazón', 'San Pedro y San Pablo'],
    );
  });

  test('400 with a Spanish message for a missing, non-numeric or out-of-range year', async () => {
    const cases: [Record<string, string>, string][] = [
      [{}, 'El año es obligatorio'],
      [{ year: 'dos mil' }, 'El año debe ser un número entero'],
      [{ year: '2026.5' }, 'El año debe ser un número entero'],
      [{ year: '1983' }, 'El año debe estar entre 1984 y 2100'],
      [{ year: '2101' }, 'El año debe estar entre 1984 y 2100'],
    ];
    for (const [query, message] of cases) {
      const res = await get('/api/calendar/holidays', query);
      assert.equal(res.statusCode, 400, JSON.stringify(query));
      assert.deepEqual(res.json().fields, { year: message }, JSON.stringify(query));
      assert.equal(typeof res.json().error, 'string');
    }
  });
});

describe('GET /api/calendar/deadline', () => {
  test('DOMAIN example: petición received Friday 2026-12-04 15:00 is due 2026-12-29', async () => {
    const res = await get('/api/calendar/deadline', { type: 'peticion', receivedAt: '2026-12-04T15:00:00-05:00' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), {
      type: 'peticion',
      receivedAt: '2026-12-04T20:00:00.000Z',
      effectiveReceipt: '2026-12-04',
      businessDays: 15,
      dueDate: '2026-12-29',
    });
  });

  test('the term comes from the catalog: información 10, consulta 30', async () => {
    const receivedAt = '2026-12-04T20:00:00Z';
    const informacion = await get('/api/calendar/deadline', { type: 'informacion', receivedAt });
    assert.equal(informacion.json().businessDays, 10);
    assert.equal(informacion.json().dueDate, '2026-12-21');
    const consulta = await get('/api/calendar/deadline', { type: 'consulta', receivedAt });
    assert.equal(consulta.json().businessDays, 30);
    assert.equal(consulta.json().dueDate, '2027-01-21');
  });

  test('a closure day stored in the database moves the due date, and reopening it moves it back', async () => {
    const query = { type: 'peticion', receivedAt: '2026-12-04T15:00:00-05:00' };
    addClosureDay(app.db, '2026-12-24', 'Cierre de fin de año');
    try {
      assert.equal((await get('/api/calendar/deadline', query)).json().dueDate, '2026-12-30');
    } finally {
      removeClosureDay(app.db, '2026-12-24');
    }
    assert.equal((await get('/api/calendar/deadline', query)).json().dueDate, '2026-12-29');
  });

  test('without receivedAt, the request counts as received now', async () => {
    const rules = calendarRules(app.db);
    const before = effectiveReceipt(new Date(), rules);
    const res = await get('/api/calendar/deadline', { type: 'queja' });
    const afterNow = effectiveReceipt(new Date(), rules);
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.ok(Math.abs(Date.parse(body.receivedAt) - Date.now()) < 60_000);
    assert.ok([before, afterNow].includes(body.effectiveReceipt));
    assert.equal(body.businessDays, 15);
  });

  test('across the Mondays of Ley 2578 de 2026, and in 1984 and 2100 (counted by hand in calendar.test.ts)', async () => {
    const due = async (type: string, receivedAt: string) => {
      const res = await get('/api/calendar/deadline', { type, receivedAt });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().dueDate;
    };
    assert.equal(await due('peticion', '2027-07-01T10:00:00-05:00'), '2027-07-27');
    assert.equal(await due('peticion', '2026-07-03T10:00:00-05:00'), '2026-07-28');
    assert.equal(await due('informacion', '2029-07-03T10:00:00-05:00'), '2029-07-18');
    assert.equal(await due('peticion', '2025-07-01T10:00:00-05:00'), '2025-07-22');
    assert.equal(await due('peticion', '1984-01-02T10:00:00-05:00'), '1984-01-24');
    assert.equal(await due('peticion', '2100-12-20T10:00:00-05:00'), '2101-01-11');
    // Bogotá's 31 December 2100 is still 2100, even though it is 2101 in UTC.
    assert.equal(await due('consulta', '2100-12-31T22:00:00-05:00'), '2101-02-14');
  });

  test('any UTC offset is accepted; the Bogotá date decides', async () => {
    // 03:00 on Saturday in India is 16:30 on Friday in Bogotá.
    const res = await get('/api/calendar/deadline', { type: 'peticion', receivedAt: '2026-12-05T03:00:00+05:30' });
    assert.equal(res.json().receivedAt, '2026-12-04T21:30:00.000Z');
    assert.equal(res.json().effectiveReceipt, '2026-12-04');
  });

  test('400 with Spanish field messages for a bad type or receivedAt', async () => {
    const types = 'peticion, informacion, consulta, queja, reclamo, sugerencia, denuncia, felicitacion';
    const badFormat =
      'La fecha de recepción debe ser una fecha y hora ISO 8601 con zona horaria (ej. 2026-12-04T15:00:00-05:00)';
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{}, { type: 'El tipo de solicitud es obligatorio' }],
      [{ type: 'tutela' }, { type: `El tipo de solicitud debe ser uno de: ${types}` }],
      ...['ayer', '2026-12-04', '2026-12-04T15:00:00', '2026-02-30T10:00:00-05:00'].map(
        (receivedAt): [Record<string, string>, Record<string, string>] => [
          { type: 'peticion', receivedAt },
          { receivedAt: badFormat },
        ],
      ),
      [
        { type: 'peticion', receivedAt: '1983-12-31T10:00:00-05:00' },
        { receivedAt: 'La fecha de recepción debe estar entre 1984 y 2100' },
      ],
      [
        { type: 'peticion', receivedAt: '2101-01-01T10:00:00-05:00' },
        { receivedAt: 'La fecha de recepción debe estar entre 1984 y 2100' },
      ],
    ];
    for (const [query, fields] of cases) {
      const res = await get('/api/calendar/deadline', query);
      assert.equal(res.statusCode, 400, JSON.stringify(query));
      assert.deepEqual(res.json().fields, fields, JSON.stringify(query));
    }
  });
});

describe('cut-off hour from the configuration', () => {
  test('ECAM_CUTOFF_HOUR=17 moves a 17:30 request to the next business day', async () => {
    const temp = await tempApp({ ECAM_CUTOFF_HOUR: '17' });
    try {
      const res = await temp.app.inject({
        method: 'GET',
        url: '/api/calendar/deadline',
        query: { type: 'peticion', receivedAt: '2026-12-04T17:30:00-05:00' },
      });
      assert.equal(res.json().effectiveReceipt, '2026-12-07');
      assert.equal(res.json().dueDate, '2026-12-30');
    } finally {
      await temp.dispose();
    }
  });
});

describe('closure days store', () => {
  test('add (idempotent, updates the reason), list in date order, remove', () => {
    addClosureDay(app.db, '2027-03-10', 'Jornada de inventario');
    addClosureDay(app.db, '2027-03-02', 'Traslado de sede');
    addClosureDay(app.db, '2027-03-10', '  Inventario anual ');
    assert.deepEqual(listClosureDays(app.db), [
      { date: '2027-03-02', reason: 'Traslado de sede' },
      { date: '2027-03-10', reason: 'Inventario anual' },
    ]);
    assert.deepEqual([...calendarRules(app.db, 16).closureDays], ['2027-03-02', '2027-03-10']);
    assert.equal(calendarRules(app.db, 16).cutoffHour, 16);
    assert.equal(removeClosureDay(app.db, '2027-03-02'), true);
    assert.equal(removeClosureDay(app.db, '2027-03-02'), false);
    assert.equal(removeClosureDay(app.db, '2027-03-10'), true);
    assert.deepEqual(listClosureDays(app.db), []);
  });

  test('refuses a date that is not YYYY-MM-DD', () => {
    assert.throws(() => addClosureDay(app.db, '2027-02-30', ''), RangeError);
    assert.throws(() => addClosureDay(app.db, '10/03/2027', ''), RangeError);
  });
});
