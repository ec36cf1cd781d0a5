/**
 * A national holiday added by an administrator (issue 11 item 1): stored, audited, used by every
 * due date computed afterwards, and moving the due dates of the open requests whose term it falls
 * in (not of answered ones), with a public event the citizen reads in the tracker. Real SQLite,
 * real HTTP through app.inject, requests filed and handled through the API and the workflow.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addBusinessDays, businessDaysBetween } from '../../api/calendar/calendar.ts';
import { calendarRules } from '../../api/calendar/store.ts';
import { ADMIN_PASSWORD, openSession, staffHeaders, staffSession } from '../admin-helpers.ts';
import { testApp, validPqrs } from '../helpers.ts';

let clock = new Date('2027-05-03T09:00:00-05:00'); // Monday
const { app } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD }, () => clock);
after(() => app.close());

const ADMIN_ID = 1;
let funcionarioId: number;
before(async () => {
  funcionarioId = (await staffSession(app, 'funcionaria', 'funcionario')).id;
});

/** A fresh session per call, so a clock moved by weeks never meets a timed-out one. */
const headers = (staffId = ADMIN_ID) => staffHeaders(openSession(app, staffId));

interface Filed {
  radicado: string;
  trackingCode: string;
  dueDate: string;
}

async function file(type = 'peticion'): Promise<Filed> {
  const res = await app.inject({ method: 'POST', url: '/api/pqrs', payload: validPqrs({ type }) });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function act(radicado: string, action: string, body?: object) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/admin/pqrs/${radicado}/${action}`,
    headers: headers(),
    ...(body ? { payload: body } : {}),
  });
  assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
  return res.json();
}

async function track(f: Filed) {
  const res = await app.inject({ method: 'POST', url: '/api/pqrs/track', payload: { radicado: f.radicado, code: f.trackingCode } });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { dueDate: string; originalDueDate: string; events: { label: string; publicNote: string | null }[] };
}

const addHoliday = (body: object, staffId = ADMIN_ID) =>
  app.inject({ method: 'POST', url: '/api/admin/holidays', headers: headers(staffId), payload: body });

/** A law passed after the software: 21 May (a Friday in 2027), not moved, from 2027. */
const AFRO = {
  name: 'Día de la Afrocolombianidad',
  rule: '05-21',
  source: 'Ley 2600 de 2027, art. 1',
  fromYear: 2027,
};

describe('adding a national holiday from /admin', () => {
  test('moves the due dates of the open requests it falls in, not of answered or unaffected ones', async () => {
    // Filed Monday 3 May 2027: petición due 25 May by hand (4-7 = 1..4; 10 May Ascensión;
    // 11-14 = 5..8; 17-21 = 9..13; 24 = 14; 25 = 15); información due 18 May (not spanning 21 May).
    const open = await file();
    const answered = await file();
    const short = await file('informacion');
    const paused = await file();
    const extended = await file();
    const transferred = await file();
    for (const f of [open, answered, paused, extended, transferred]) assert.equal(f.dueDate, '2027-05-25');
    assert.equal(short.dueDate, '2027-05-18');

    await act(answered.radicado, 'reply', { text: 'Adjuntamos el certificado que solicitó.' });
    await act(transferred.radicado, 'transfer', { entity: 'Alcaldía de Floridablanca' });
    await act(paused.radicado, 'assign', { staffId: ADMIN_ID });
    await act(paused.radicado, 'request-completion', { message: 'Indique el año en que terminó el curso.' });
    // 15 June 2027: 28 business days after receipt (within the double term of 30).
    await act(extended.radicado, 'extend', { newDueDate: '2027-06-15', reason: 'Debemos consultar el archivo central.' });

    // The tracker's answer is cached before the holiday is added: it must not be served stale.
    assert.equal((await track(open)).dueDate, '2027-05-25');
    // So is the deadline the calendar memoized for this calendar.
    const deadline = () =>
      app.inject({ method: 'GET', url: '/api/calendar/deadline', query: { type: 'peticion', receivedAt: '2027-05-03T09:00:00-05:00' } });
    assert.equal((await deadline()).json().dueDate, '2027-05-25');

    const res = await addHoliday(AFRO);
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json();
    assert.equal(body.moved, 3);
    assert.deepEqual(body.radicados, [open.radicado, paused.radicado, extended.radicado]);
    assert.deepEqual(
      { ...body.holiday, id: undefined, createdAt: undefined },
      { ...AFRO, untilYear: null, id: undefined, createdAt: undefined },
    );

    // Every due date computed afterwards uses it.
    assert.equal((await deadline()).json().dueDate, '2027-05-26');
    const filedNow = await file();
    assert.equal(filedNow.dueDate, '2027-05-26');

    // The open one: one business day later, and the citizen reads why in the tracker.
    const tracked = await track(open);
    assert.equal(tracked.dueDate, '2027-05-26');
    assert.equal(tracked.originalDueDate, '2027-05-26');
    const note = tracked.events.at(-1)!.publicNote!;
    assert.match(note, /^Nueva fecha límite por el festivo Día de la Afrocolombianidad del viernes, 21 de mayo de 2027 \(Ley 2600 de 2027, art\. 1\)/);
    assert.match(note, /a más tardar el miércoles, 26 de mayo de 2027 \(antes, el martes, 25 de mayo de 2027\)/);

    // Answered or transferred (their clock is done): as they were, with no new event.
    for (const done of [answered, transferred]) {
      const now = await track(done);
      assert.equal(now.dueDate, '2027-05-25');
      assert.ok(now.events.every((e) => !/festivo/.test(e.publicNote ?? '')));
    }
    // Información due 18 May: the new holiday is after its term.
    const shortNow = await track(short);
    assert.equal(shortNow.dueDate, '2027-05-18');
    assert.ok(shortNow.events.every((e) => !/festivo/.test(e.publicNote ?? '')));

    // Extended: the 28 business days granted are counted again (15 June -> 16 June).
    assert.equal((await track(extended)).dueDate, '2027-06-16');

    // Paused: moved too, and the days paused are added on completion with the new calendar.
    assert.equal((await track(paused)).dueDate, '2027-05-26');
    clock = new Date('2027-05-24T09:00:00-05:00');
    const resumed = await act(paused.radicado, 'complete');
    // Paused 4-24 May = 13 business days (21 May no longer counts): 26 May + 13 = 16 June
    // (31 May Corpus Christi and 7 June Sagrado Corazón skipped). The 15 business days left
    // when the clock stopped are all there after completion.
    assert.equal(resumed.dueDate, '2027-06-16');
    const rules = calendarRules(app.db);
    assert.equal(businessDaysBetween('2027-05-24', resumed.dueDate, rules), 15);
    assert.equal(addBusinessDays('2027-05-03', 15, rules), '2027-05-26');
    clock = new Date('2027-05-03T09:00:00-05:00');

    // The public list shows it with its law; the audit log has who added it and what moved.
    const list = await app.inject({ method: 'GET', url: '/api/calendar/holidays', query: { year: '2027' } });
    assert.equal(list.json().length, 20);
    assert.deepEqual(
      list.json().find((h: { date: string }) => h.date === '2027-05-21'),
      { date: '2027-05-21', name: AFRO.name, source: AFRO.source, rule: '05-21', added: true },
    );
    assert.equal((await app.inject({ method: 'GET', url: '/api/calendar/holidays', query: { year: '2026' } })).json().length, 19);
    const audit = app.db
      .prepare("SELECT username, target, details FROM audit_log WHERE action = 'settings.holiday_add'")
      .all() as { username: string; target: string; details: string }[];
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.target, AFRO.name);
    assert.equal(JSON.parse(audit[0]!.details).moved, 3);

    // The staff page reads the same list through /api/admin.
    const staffList = await app.inject({ method: 'GET', url: '/api/admin/holidays', query: { year: '2027' }, headers: headers() });
    assert.equal(staffList.statusCode, 200);
    assert.deepEqual(staffList.json(), list.json());
    const badYear = await app.inject({ method: 'GET', url: '/api/admin/holidays', query: { year: '1983' }, headers: headers() });
    assert.equal(badYear.statusCode, 400);
    assert.deepEqual(badYear.json().fields, { year: 'El año debe estar entre 1984 y 2100' });
  });

  test('a single date (spaces trimmed); a rule already in force is a 409', async () => {
    const res = await addHoliday({ name: 'Jornada nacional de duelo', rule: ' 2027-09-15 ', source: 'Decreto 1234 de 2027' });
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual([res.json().holiday.fromYear, res.json().holiday.untilYear, res.json().holiday.rule], [2027, 2027, '2027-09-15']);
    assert.equal(res.json().moved, 0);
    const y2028 = (await app.inject({ method: 'GET', url: '/api/calendar/holidays', query: { year: '2028' } })).json();
    assert.equal(y2028.some((h: { name: string }) => h.name === 'Jornada nacional de duelo'), false);

    const dup = await addHoliday({ name: 'Rosario', rule: '07-09 Trasladable', source: 'Ley 2578 de 2026, art. 6', fromYear: 2030 });
    assert.equal(dup.statusCode, 409);
    assert.match(dup.json().error, /Nuestra Señora del Rosario de Chiquinquirá/);
    const sameDay = await addHoliday({ name: 'Otro', rule: '2027-07-12', source: 'Decreto 1 de 2027' });
    assert.equal(sameDay.statusCode, 409);
    assert.match(sameDay.json().error, /ya es festivo: Nuestra Señora del Rosario de Chiquinquirá/);
  });

  test('bad input: 400 with a Spanish message naming the field', async () => {
    const cases: [object, Record<string, string>][] = [
      [{ ...AFRO, rule: 'el nueve de julio' }, { rule: 'Regla: use MM-DD (fecha fija), MM-DD trasladable (se traslada al lunes), pascua+N o pascua-N (días desde el Domingo de Pascua) o AAAA-MM-DD (una sola fecha).' }],
      [{ ...AFRO, rule: '02-30' }, { rule: 'Regla: el 30 de febrero no existe.' }],
      [{ ...AFRO, rule: 'pascua+500' }, { rule: 'Regla: los días desde Pascua deben estar entre -75 y +240.' }],
      [{ ...AFRO, rule: '1983-05-02', fromYear: undefined }, { rule: 'Regla: el año debe estar entre 1984 y 2100.' }],
      [{ ...AFRO, fromYear: 1983 }, { fromYear: 'Primer año: debe estar entre 1984 y 2100' }],
      [{ ...AFRO, fromYear: 2101 }, { fromYear: 'Primer año: debe estar entre 1984 y 2100' }],
      [{ ...AFRO, fromYear: 2027.5 }, { fromYear: 'Primer año: escriba un año (número entero)' }],
      [{ ...AFRO, fromYear: undefined }, { fromYear: 'Primer año: escriba el año desde el que rige el festivo.' }],
      [{ ...AFRO, untilYear: 2026 }, { untilYear: 'Último año: no puede ser anterior al primer año.' }],
      [{ ...AFRO, rule: '2028-05-02', fromYear: 2027 }, { fromYear: 'Primer año: una fecha única vale solo en su año (2028).' }],
      [{ ...AFRO, name: '' }, { name: 'Nombre: escriba el nombre del festivo (al menos 3 caracteres).' }],
      [{ ...AFRO, source: 'ley' }, { source: 'Referencia legal: escriba la ley o el decreto que crea el festivo (ej. Ley 2578 de 2026, art. 6).' }],
      [{ name: AFRO.name, fromYear: 2027, source: AFRO.source }, { rule: 'Regla: escriba la fecha o la regla del festivo.' }],
      // Every problem at once, so the form can mark them all.
      [
        {},
        {
          name: 'Nombre: escriba el nombre del festivo.',
          rule: 'Regla: escriba la fecha o la regla del festivo.',
          source: 'Referencia legal: escriba la ley o el decreto que crea el festivo.',
          fromYear: 'Primer año: escriba el año desde el que rige el festivo.',
        },
      ],
    ];
    for (const [body, fields] of cases) {
      const res = await addHoliday(body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.deepEqual(res.json().fields, fields, JSON.stringify(body));
    }
    // Nothing of that was stored.
    assert.equal(app.db.prepare('SELECT count(*) FROM holiday_rules').pluck().get(), 2);
  });

  test('a funcionario gets 403; without a session, 401', async () => {
    const res = await addHoliday({ ...AFRO, rule: '08-01', fromYear: 2028 }, funcionarioId);
    assert.equal(res.statusCode, 403);
    const list = await app.inject({ method: 'GET', url: '/api/admin/holidays', query: { year: '2027' }, headers: headers(funcionarioId) });
    assert.equal(list.statusCode, 403);
    const anonymous = await app.inject({ method: 'POST', url: '/api/admin/holidays', payload: AFRO });
    assert.equal(anonymous.statusCode, 401);
  });
});
