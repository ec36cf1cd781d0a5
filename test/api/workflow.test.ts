/**
 * The PQRSD workflow through the staff API: the state machine (table-driven from its own
 * definition), the art. 17 clock stop, art. 14 extensions, art. 21 transfers, notes, events,
 * audit and e-mail. Dates are checked against the calendar module, with hand-counted anchors.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { addBusinessDays, businessDaysBetween, computeDeadline, isBusinessDay, nextBusinessDay } from '../../api/calendar/calendar.ts';
import { addClosureDay, calendarRules } from '../../api/calendar/store.ts';
import { PQRS_ACTION_VALUES, PQRS_ACTIONS, PQRS_STATE_VALUES, PQRS_STATES, type PqrsAction, type PqrsState } from '../../api/pqrs/workflow.ts';
import type { PqrsDetail } from '../../api/pqrs/workflow-schemas.ts';
import { ADMIN_PASSWORD, login, openSession, staffHeaders, staffSession } from '../admin-helpers.ts';
import { multipart, testApp, validPqrs } from '../helpers.ts';
import { getSettings, saveSettings } from '../../api/settings/store.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');

let clock = new Date('2026-03-02T14:00:00Z');
const { app, config } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD }, () => clock);
after(() => app.close());

/** Moves the test clock to `date` at `time`, Bogotá. */
function at(date: string, time = '09:00'): void {
  clock = new Date(`${date}T${time}:00-05:00`);
}
const rules = () => calendarRules(app.db);

const ADMIN_ID = 1;
let otherId: number;
/** The one type whose answers wait for review in this file (api/pqrs/review.ts; test/api/review.test.ts). */
const REVIEWED = 'felicitacion';
before(async () => {
  otherId = (await staffSession(app, 'funcionaria', 'funcionario')).id;
  saveSettings(app.db, config, { ...getSettings(app.db, config), reviewTypes: [REVIEWED] });
});

/** A fresh session per call: the clock jumps by weeks, past any session timeout. */
const headers = (staffId = ADMIN_ID) => staffHeaders(openSession(app, staffId));

interface Filed {
  radicado: string;
  trackingCode: string;
  effectiveReceipt: string;
  dueDate: string;
}

async function file(overrides: Record<string, unknown> = {}, requester: Record<string, unknown> = {}): Promise<Filed> {
  const res = await app.inject({ method: 'POST', url: '/api/pqrs', payload: validPqrs(overrides, requester) });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

function act(radicado: string, action: string, body?: object, staffId = ADMIN_ID) {
  return app.inject({
    method: 'POST',
    url: `/api/admin/pqrs/${radicado}/${action}`,
    headers: headers(staffId),
    ...(body ? { payload: body } : {}),
  });
}

async function ok(radicado: string, action: string, body?: object, staffId = ADMIN_ID): Promise<PqrsDetail> {
  const res = await act(radicado, action, body, staffId);
  assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
  return res.json();
}

async function detail(radicado: string): Promise<PqrsDetail> {
  const res = await app.inject({ method: 'GET', url: `/api/admin/pqrs/${radicado}`, headers: headers() });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

async function track(f: Filed) {
  const res = await app.inject({ method: 'POST', url: '/api/pqrs/track', payload: { radicado: f.radicado, code: f.trackingCode } });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

const eventsOf = (radicado: string) =>
  app.db
    .prepare('SELECT e.state, e.actor, e.actor_id, e.public_note FROM pqrs_events e JOIN pqrs p ON p.id = e.pqrs_id WHERE p.radicado = ? ORDER BY e.id')
    .all(radicado) as { state: string; actor: string | null; actor_id: number | null; public_note: string | null }[];

const auditOf = (radicado: string) =>
  app.db.prepare('SELECT username, action, details FROM audit_log WHERE target = ? ORDER BY id').all(radicado) as {
    username: string;
    action: string;
    details: string | null;
  }[];

const mailsTo = (address: string, subject: string) =>
  app.db.prepare('SELECT subject, body FROM outbox WHERE to_address = ? AND subject LIKE ?').all(address, `%${subject}%`) as {
    subject: string;
    body: string;
  }[];

// ---- The state machine, from its own definition ---------------------------------------------

/** A valid body for each action, given the request as it stands. */
const BODIES: Record<PqrsAction, (d: PqrsDetail) => object | undefined> = {
  assign: () => ({ staffId: otherId }),
  start: () => undefined,
  reply: () => ({ text: 'Adjuntamos el certificado que solicitó.' }),
  'request-completion': () => ({ message: 'Indique el año en que terminó el curso.' }),
  'extend-completion': () => undefined,
  complete: () => undefined,
  extend: (d) => ({ newDueDate: nextBusinessDay(d.dueDate, rules()), reason: 'Debemos consultar el archivo central.' }),
  transfer: () => ({ entity: 'Alcaldía de Floridablanca' }),
  desist: () => undefined,
  close: () => undefined,
  approve: () => undefined,
  return: () => ({ comment: 'Cite la norma que aplica.' }),
};

/** How a new request reaches each state (the first assignment goes to the admin). */
const PATHS: Record<PqrsState, PqrsAction[]> = {
  radicada: [],
  asignada: ['assign'],
  en_tramite: ['assign', 'start'],
  en_revision: ['assign', 'start', 'reply'],
  pendiente_ciudadano: ['assign', 'request-completion'],
  trasladada: ['transfer'],
  respondida: ['reply'],
  cerrada: ['reply', 'close'],
  desistida: ['assign', 'request-completion', 'desist'],
};

/** Desistimiento needs the time to complete to have run out; every other action runs on the day. */
async function timeFor(action: PqrsAction, radicado: string): Promise<void> {
  const d = await detail(radicado);
  if (action === 'desist' && d.completion) at(nextBusinessDay(d.completion.deadline, rules()));
}

async function reach(state: PqrsState): Promise<Filed> {
  at('2026-03-02');
  // Felicitaciones need review here (set below), so their reply leads to en_revision.
  const f = await file(state === 'en_revision' ? { type: REVIEWED } : {});
  for (const step of PATHS[state]) {
    await timeFor(step, f.radicado);
    await ok(f.radicado, step, step === 'assign' ? { staffId: ADMIN_ID } : BODIES[step](await detail(f.radicado)));
  }
  assert.equal((await detail(f.radicado)).state, state, `path to ${state}`);
  return f;
}

describe('state machine: every action in every state', () => {
  test('the definition only names real states', () => {
    for (const action of PQRS_ACTION_VALUES) {
      for (const [from, to] of Object.entries(PQRS_ACTIONS[action].from)) {
        assert.ok(from in PQRS_STATES && to! in PQRS_STATES, `${action}: ${from} -> ${to}`);
      }
    }
    for (const state of PQRS_STATE_VALUES) assert.ok(PQRS_STATES[state].label && PQRS_STATES[state].description, state);
  });

  for (const state of PQRS_STATE_VALUES) {
    for (const action of PQRS_ACTION_VALUES) {
      const to = PQRS_ACTIONS[action].from[state];
      test(`${action} in ${state}: ${to ? `-> ${to}` : '409'}`, async () => {
        const f = await reach(state);
        await timeFor(action, f.radicado);
        const before = await detail(f.radicado);
        const eventsBefore = eventsOf(f.radicado).length;
        const res = await act(f.radicado, action, BODIES[action](before));
        if (to) {
          assert.equal(res.statusCode, 200, res.body);
          assert.ok(before.actions.includes(action), `${action} is offered in ${state}`);
          const after = res.json() as PqrsDetail;
          assert.equal(after.state, to);
          const events = eventsOf(f.radicado);
          assert.equal(events.length, eventsBefore + 1);
          assert.deepEqual(events.at(-1)!.state, to);
          assert.equal(events.at(-1)!.actor, 'admin');
          assert.equal(events.at(-1)!.actor_id, ADMIN_ID);
          const audit = auditOf(f.radicado).at(-1)!;
          assert.equal(audit.action, `pqrs.${action}`);
          assert.equal(audit.username, 'admin');
          assert.deepEqual([JSON.parse(audit.details!).from, JSON.parse(audit.details!).to], [state, to]);
        } else {
          assert.equal(res.statusCode, 409, res.body);
          assert.equal(res.json().code, 'transition');
          assert.ok(res.json().error.includes(`«${PQRS_STATES[state].label}»`), res.json().error);
          assert.ok(!before.actions.includes(action), `${action} is not offered in ${state}`);
          assert.equal((await detail(f.radicado)).state, state);
          assert.equal(eventsOf(f.radicado).length, eventsBefore);
        }
      });
    }
  }
});

// ---- Clock stop (art. 17) -----------------------------------------------------------------

describe('request completion: the clock stops and restarts', () => {
  test('the due date moves by the business days paused, closure days and holidays included', async () => {
    addClosureDay(app.db, '2026-06-11', 'Inventario');
    at('2026-06-01');
    const f = await file();
    const expected = computeDeadline(clock, 15, rules());
    assert.equal(f.dueDate, expected.dueDate);
    // Hand count: 8 and 15 June are holidays, 11 June a closure day.
    assert.equal(f.dueDate, '2026-06-25');
    await ok(f.radicado, 'assign', { staffId: otherId });

    at('2026-06-03', '15:00');
    const paused = await ok(f.radicado, 'request-completion', { message: 'Adjunte la copia de su documento de identidad.' });
    assert.equal(paused.state, 'pendiente_ciudadano');
    assert.equal(paused.clockStopped, true);
    // One calendar month after 3 June is 3 July, a Friday and a business day.
    assert.equal(paused.completion!.deadline, '2026-07-03');
    const leftAtStop = businessDaysBetween('2026-06-03', f.dueDate, rules());
    assert.equal(paused.businessDaysLeft, leftAtStop);
    assert.equal(leftAtStop, 13);

    at('2026-06-16');
    const frozen = await track(f);
    assert.equal(frozen.clockStopped, true);
    assert.equal(frozen.businessDaysLeft, leftAtStop, 'the count is frozen while waiting');
    assert.equal(frozen.dueDate, f.dueDate);
    assert.equal(frozen.completion.deadline, '2026-07-03');
    assert.match(frozen.events.at(-1).publicNote, /Adjunte la copia de su documento/);

    at('2026-06-19');
    const resumed = await ok(f.radicado, 'complete', { completedOn: '2026-06-17' });
    const pausedDays = businessDaysBetween('2026-06-03', '2026-06-17', rules());
    assert.equal(pausedDays, 7, '4, 5, 9, 10, 12, 16 and 17 June');
    const newDue = addBusinessDays(f.dueDate, pausedDays, rules());
    assert.equal(newDue, '2026-07-07', '26, 30 June and 1, 2, 3, 6, 7 July (29 June is a holiday)');
    assert.equal(resumed.state, 'en_tramite');
    assert.equal(resumed.dueDate, newDue);
    assert.equal(resumed.originalDueDate, f.dueDate);
    assert.equal(resumed.pausedDays, pausedDays);
    assert.equal(resumed.clockStopped, false);
    assert.equal(resumed.completion, null);
    assert.equal(resumed.businessDaysLeft, businessDaysBetween('2026-06-19', newDue, rules()));
    // The days the clock stood still do not count against the double term either.
    assert.equal(resumed.limits.maxExtendedDueDate, addBusinessDays(f.effectiveReceipt, 30 + pausedDays, rules()));
    const tracked = await track(f);
    assert.equal(tracked.dueDate, newDue);
    assert.match(tracked.events.at(-1).publicNote, /7 de julio de 2026/);
  });

  test('completing on the day of the request pauses nothing', async () => {
    at('2026-06-22');
    const f = await file();
    await ok(f.radicado, 'assign', { staffId: ADMIN_ID });
    await ok(f.radicado, 'request-completion', { message: 'Indique el número del contrato.' });
    at('2026-06-22', '16:00');
    const d = await ok(f.radicado, 'complete');
    assert.equal(d.dueDate, f.dueDate);
    assert.equal(d.pausedDays, 0);
  });

  test('the completion date cannot be in the future, before the request, or after the deadline', async () => {
    at('2026-07-06');
    const f = await file();
    await ok(f.radicado, 'assign', { staffId: ADMIN_ID });
    at('2026-07-08');
    const d = await ok(f.radicado, 'request-completion', { message: 'Indique el número del contrato.' });
    at('2026-07-10');
    let res = await act(f.radicado, 'complete', { completedOn: '2026-07-07' });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().fields.completedOn, /anterior al requerimiento/);
    res = await act(f.radicado, 'complete', { completedOn: '2026-07-13' });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().fields.completedOn, /futura/);
    res = await act(f.radicado, 'complete', { completedOn: '2026-07-32' });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().fields.completedOn, /Fecha de recibo/);
    at(nextBusinessDay(d.completion!.deadline, rules()));
    res = await act(f.radicado, 'complete');
    assert.equal(res.statusCode, 409);
    assert.match(res.json().error, /desistimiento/);
    assert.equal((await detail(f.radicado)).state, 'pendiente_ciudadano');
  });

  test('completion may be requested only within 10 business days of receipt', async () => {
    at('2026-07-06');
    const inTime = await file();
    const late = await file();
    for (const f of [inTime, late]) await ok(f.radicado, 'assign', { staffId: ADMIN_ID });
    const lastDay = addBusinessDays(inTime.effectiveReceipt, 10, rules());
    assert.equal(lastDay, '2026-07-22', '13 July (Ley 2578 de 2026) and 20 July are holidays');
    at(lastDay, '17:30');
    assert.ok((await detail(inTime.radicado)).actions.includes('request-completion'));
    await ok(inTime.radicado, 'request-completion', { message: 'Indique el número del contrato.' });
    at(nextBusinessDay(lastDay, rules()));
    assert.ok(!(await detail(late.radicado)).actions.includes('request-completion'));
    const res = await act(late.radicado, 'request-completion', { message: 'Indique el número del contrato.' });
    assert.equal(res.statusCode, 409);
    assert.match(res.json().error, /10 días hábiles/);
  });

  test('the citizen may get one more month, once and before the deadline', async () => {
    at('2026-07-06');
    const f = await file();
    const expired = await file();
    for (const r of [f, expired]) {
      await ok(r.radicado, 'assign', { staffId: ADMIN_ID });
      await ok(r.radicado, 'request-completion', { message: 'Indique el número del contrato.' });
    }
    // 6 August is a business day; 6 September is a Sunday, so the deadline moves to Monday 7.
    assert.equal((await detail(f.radicado)).completion!.deadline, '2026-08-06');
    at('2026-08-05');
    const d = await ok(f.radicado, 'extend-completion');
    assert.equal(d.completion!.deadline, '2026-09-07');
    assert.equal(isBusinessDay('2026-09-06', rules()), false);
    assert.equal(d.completion!.extended, true);
    const again = await act(f.radicado, 'extend-completion');
    assert.equal(again.statusCode, 409);
    assert.match(again.json().error, /una sola/);

    at('2026-08-07');
    const late = await act(expired.radicado, 'extend-completion');
    assert.equal(late.statusCode, 409);
    assert.match(late.json().error, /venció/);
  });

  test('after the deadline the request is archived as desistida, not before', async () => {
    at('2026-07-06');
    const f = await file();
    await ok(f.radicado, 'assign', { staffId: ADMIN_ID });
    const d = await ok(f.radicado, 'request-completion', { message: 'Indique el número del contrato.' });
    at(d.completion!.deadline, '17:59');
    assert.equal((await detail(f.radicado)).completion!.expired, false);
    const early = await act(f.radicado, 'desist');
    assert.equal(early.statusCode, 409);
    assert.match(early.json().error, /tiene plazo para completar/);

    at(addBusinessDays(d.completion!.deadline, 1, rules()));
    const inbox = await app.inject({ method: 'GET', url: `/api/admin/pqrs?q=${f.radicado}`, headers: headers() });
    assert.equal(inbox.json().items[0].completionExpired, true);
    const closed = await ok(f.radicado, 'desist', { note: 'Auto de archivo 15 de 2026.' });
    assert.equal(closed.state, 'desistida');
    assert.equal(closed.closedAt, clock.toISOString());
    const tracked = await track(f);
    assert.equal(tracked.state, 'desistida');
    assert.match(tracked.events.at(-1).publicNote, /desistimiento/);
    assert.match(tracked.events.at(-1).publicNote, /Auto de archivo 15 de 2026/);
    assert.equal(mailsTo('ana@example.co', `${f.radicado}: su solicitud se archivó`).length, 1);
  });
});

// ---- Extension (art. 14 parágrafo) --------------------------------------------------------

describe('extension', () => {
  const reason = 'Debemos consultar el archivo histórico de la entidad.';

  test('is refused once the due date has passed', async () => {
    at('2026-08-03');
    const f = await file();
    at(nextBusinessDay(f.dueDate, rules()));
    const res = await act(f.radicado, 'extend', { newDueDate: addBusinessDays(f.dueDate, 5, rules()), reason });
    assert.equal(res.statusCode, 409);
    assert.match(res.json().error, /venció/);
    assert.equal((await detail(f.radicado)).dueDate, f.dueDate);
  });

  test('is accepted on the due date up to twice the term from receipt, not a day more', async () => {
    at('2026-08-03');
    const f = await file();
    assert.equal(f.dueDate, computeDeadline(clock, 15, rules()).dueDate);
    const max = addBusinessDays(f.effectiveReceipt, 30, rules());
    assert.equal(max, '2026-09-16', '7 and 17 August are holidays');
    at(f.dueDate, '17:00');
    const beyond = await act(f.radicado, 'extend', { newDueDate: nextBusinessDay(max, rules()), reason });
    assert.equal(beyond.statusCode, 409);
    assert.match(beyond.json().fields.newDueDate, /doble del término/);

    const d = await ok(f.radicado, 'extend', { newDueDate: max, reason });
    assert.equal(d.dueDate, max);
    assert.equal(d.originalDueDate, f.dueDate);
    assert.equal(d.extension!.reason, reason);
    const tracked = await track(f);
    assert.equal(tracked.dueDate, max);
    assert.equal(tracked.extension.reason, reason);
    assert.match(tracked.events.at(-1).publicNote, new RegExp(reason));
    assert.equal(mailsTo('ana@example.co', `${f.radicado}: prórroga`).length, 1);

    const again = await act(f.radicado, 'extend', { newDueDate: max, reason });
    assert.equal(again.statusCode, 409);
    assert.match(again.json().error, /una sola prórroga/);
  });

  test('needs a business day after the current due date and a reason', async () => {
    at('2026-08-03');
    const f = await file();
    for (const [body, field, message] of [
      [{ newDueDate: '2026-09-05', reason }, 'newDueDate', /día hábil/],
      [{ newDueDate: f.dueDate, reason }, 'newDueDate', /posterior/],
      [{ newDueDate: '2026-02-30', reason }, 'newDueDate', /fecha real/],
      [{ newDueDate: '2026-09-01', reason: 'corto' }, 'reason', /Motivo de la prórroga/],
      [{ reason }, 'newDueDate', /obligatoria/],
    ] as const) {
      const res = await act(f.radicado, 'extend', body);
      assert.equal(res.statusCode, 400, res.body);
      assert.match(res.json().fields[field], message);
    }
  });
});

// ---- Transfer (art. 21) ---------------------------------------------------------------------

describe('transfer', () => {
  test('names the receiving entity for the citizen', async () => {
    at('2026-08-03');
    const f = await file();
    at(addBusinessDays(f.effectiveReceipt, 5, rules()));
    const d = await ok(f.radicado, 'transfer', { entity: 'Secretaría de Educación de Santander', note: 'Radicado allí con el número 123.' });
    assert.equal(d.state, 'trasladada');
    assert.equal(d.warnings, undefined);
    assert.equal(d.transfer!.entity, 'Secretaría de Educación de Santander');
    const tracked = await track(f);
    assert.equal(tracked.state, 'trasladada');
    assert.equal(tracked.transfer.entity, 'Secretaría de Educación de Santander');
    assert.match(tracked.events.at(-1).publicNote, /Secretaría de Educación de Santander/);
    assert.equal(mailsTo('ana@example.co', `${f.radicado}: su solicitud fue trasladada`).length, 1);
  });

  test('after 5 business days it goes through, flagged as late', async () => {
    at('2026-08-03');
    const f = await file();
    at(addBusinessDays(f.effectiveReceipt, 6, rules()));
    const d = await ok(f.radicado, 'transfer', { entity: 'Gobernación de Santander' });
    assert.equal(d.state, 'trasladada');
    assert.match(d.warnings![0]!, /Traslado tardío/);
    assert.equal(JSON.parse(auditOf(f.radicado).at(-1)!.details!).late, true);
  });
});

// ---- Assignment, reply, notes ----------------------------------------------------------------

describe('assignment, answer and notes', () => {
  test('assign checks the staff member and records who assigned', async () => {
    at('2026-03-02');
    const f = await file();
    const missing = await act(f.radicado, 'assign', { staffId: 999 });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.json().fields.staffId, /Funcionario/);
    await ok(f.radicado, 'assign', { staffId: otherId });
    const same = await act(f.radicado, 'assign', { staffId: otherId });
    assert.equal(same.statusCode, 409);
    const d = await ok(f.radicado, 'start', undefined, otherId);
    assert.equal(d.assignee!.username, 'funcionaria');
    const events = eventsOf(f.radicado);
    assert.deepEqual(
      events.map((e) => [e.state, e.actor]),
      [
        ['radicada', null],
        ['asignada', 'admin'],
        ['en_tramite', 'funcionaria'],
      ],
    );
    assert.equal(events.at(-1)!.actor_id, otherId);
    const assignees = await app.inject({ method: 'GET', url: '/api/admin/pqrs/assignees', headers: headers() });
    assert.deepEqual(
      assignees.json().map((s: { username: string }) => s.username).sort(),
      ['admin', 'funcionaria'],
    );
  });

  test('a real login can act, and the CSRF token is required', async () => {
    at('2026-03-02');
    const f = await file();
    const session = await login(app, 'admin', ADMIN_PASSWORD);
    const url = `/api/admin/pqrs/${f.radicado}/assign`;
    const forged = await app.inject({ method: 'POST', url, headers: { cookie: session.cookie }, payload: { staffId: ADMIN_ID } });
    assert.equal(forged.statusCode, 403);
    const res = await app.inject({ method: 'POST', url, headers: staffHeaders(session), payload: { staffId: ADMIN_ID } });
    assert.equal(res.statusCode, 200, res.body);
  });

  test('the answer is e-mailed only to a citizen who chose e-mail', async () => {
    at('2026-03-02');
    const byEmail = await file({}, { email: 'correo@example.co' });
    const byPost = await file({ responseChannel: 'postal' }, { email: 'postal@example.co' });
    const online = await file({ responseChannel: 'online' }, { email: 'online@example.co' });
    const anonymous = await file({ responseChannel: 'online' }, { kind: 'anonimo' });
    const text = 'Le informamos que su certificado está listo para recoger en la sede principal.';
    for (const f of [byEmail, byPost, online, anonymous]) await ok(f.radicado, 'reply', { text });
    const mails = mailsTo('correo@example.co', `${byEmail.radicado}: respuesta`);
    assert.equal(mails.length, 1);
    assert.ok(mails[0]!.body.includes(text));
    assert.ok(!mails[0]!.body.includes(byEmail.trackingCode));
    assert.equal(mailsTo('postal@example.co', 'respuesta').length, 0);
    assert.equal(mailsTo('online@example.co', 'respuesta').length, 0);
    const anonymousMails = app.db.prepare('SELECT count(*) AS n FROM outbox WHERE subject LIKE ?').get(`%${anonymous.radicado}%`);
    assert.deepEqual(anonymousMails, { n: 0 });
    assert.equal((await track(anonymous)).answer.text, text);
  });

  test('a reply with attachments (multipart) stores them as answer files; a bad type stores nothing', async () => {
    at('2026-03-02');
    const f = await file({ type: 'informacion' });
    const before = fs.readdirSync(config.uploadsDir).length;
    const bad = await app.inject({
      method: 'POST',
      url: `/api/admin/pqrs/${f.radicado}/reply`,
      headers: headers(),
      payload: multipart({ text: 'Respuesta con un adjunto no permitido.' }, [{ name: 'virus.exe', content: Buffer.from('MZ\x90\x00\x03\x00\x00\x00') }]),
    });
    assert.equal(bad.statusCode, 415, bad.body);
    assert.equal(fs.readdirSync(config.uploadsDir).length, before);
    assert.equal((await detail(f.radicado)).state, 'radicada');

    const res = await app.inject({
      method: 'POST',
      url: `/api/admin/pqrs/${f.radicado}/reply`,
      headers: headers(),
      payload: multipart({ text: 'Se niega parcialmente: la información es reservada.', denied: true }, [
        { name: 'Resolución 12 de 2026.pdf', content: PDF, type: 'application/pdf' },
      ]),
    });
    assert.equal(res.statusCode, 200, res.body);
    const d = res.json() as PqrsDetail;
    assert.equal(d.state, 'respondida');
    assert.equal(d.answer!.denied, true);
    assert.equal(d.answer!.by!.username, 'admin');
    assert.deepEqual(d.answer!.attachments.map((a) => [a.name, a.mime, a.size]), [['Resolución 12 de 2026.pdf', 'application/pdf', PDF.length]]);
    assert.deepEqual(d.attachments, [], 'the answer files are not the citizen files');
    const kinds = app.db.prepare("SELECT kind FROM pqrs_attachments WHERE id = ?").get(d.answer!.attachments[0]!.id);
    assert.deepEqual(kinds, { kind: 'answer' });
    const reply = mailsTo('ana@example.co', `${f.radicado}: respuesta`)[0]!;
    assert.match(reply.body, /Resolución 12 de 2026\.pdf/);
  });

  test('internal notes stay internal: never in the tracker, never a public event', async () => {
    at('2026-03-02');
    const f = await file();
    const secret = 'NOTA-INTERNA: el jefe pide revisar antecedentes disciplinarios.';
    const eventsBefore = eventsOf(f.radicado).length;
    const res = await app.inject({ method: 'POST', url: `/api/admin/pqrs/${f.radicado}/notes`, headers: headers(otherId), payload: { text: secret } });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(
      (res.json() as PqrsDetail).notes.map((n) => [n.author, n.text]),
      [['funcionaria', secret]],
    );
    await ok(f.radicado, 'reply', { text: 'Respuesta pública a la solicitud presentada.' });
    const trackRes = await app.inject({ method: 'POST', url: '/api/pqrs/track', payload: { radicado: f.radicado, code: f.trackingCode } });
    assert.equal(trackRes.statusCode, 200);
    assert.ok(!trackRes.body.includes('NOTA-INTERNA'), 'the note text is not in the tracker');
    assert.ok(!trackRes.body.includes('funcionaria') && !trackRes.body.includes('"actor"'), 'nor who acted');
    assert.equal(eventsOf(f.radicado).length, eventsBefore + 1, 'only the reply added an event');
    const audit = auditOf(f.radicado).find((a) => a.action === 'pqrs.note')!;
    assert.equal(audit.username, 'funcionaria');
    assert.ok(!audit.details!.includes('NOTA-INTERNA'), 'the audit log records the note, not its text');
    const empty = await app.inject({ method: 'POST', url: `/api/admin/pqrs/${f.radicado}/notes`, headers: headers(), payload: { text: '  ' } });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.json().fields.text, /Nota interna/);
  });

  test('unknown radicado: 404; staff download the citizen attachments safely', async () => {
    const missing = await app.inject({ method: 'GET', url: '/api/admin/pqrs/ECAM-2026-999999', headers: headers() });
    assert.equal(missing.statusCode, 404);
    const noAction = await act('ECAM-2026-999999', 'start');
    assert.equal(noAction.statusCode, 404);

    at('2026-03-02');
    const filed = await app.inject({
      method: 'POST',
      url: '/api/pqrs',
      payload: multipart(validPqrs(), [{ name: 'cédula escaneada (1).pdf', content: PDF, type: 'application/pdf' }]),
    });
    assert.equal(filed.statusCode, 201, filed.body);
    const { radicado } = filed.json();
    const d = await detail(radicado);
    const [attachment] = d.attachments;
    assert.equal(attachment!.name, 'cédula escaneada (1).pdf');
    const res = await app.inject({ method: 'GET', url: `/api/admin/pqrs/${radicado}/attachments/${attachment!.id}`, headers: headers() });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(
      res.headers['content-disposition'],
      `attachment; filename="cedula escaneada (1).pdf"; filename*=UTF-8''c%C3%A9dula%20escaneada%20%281%29.pdf`,
    );
    assert.deepEqual(res.rawPayload, PDF);
    const other = await file();
    const wrong = await app.inject({ method: 'GET', url: `/api/admin/pqrs/${other.radicado}/attachments/${attachment!.id}`, headers: headers() });
    assert.equal(wrong.statusCode, 404, 'an attachment is reached only through its own request');
  });
});

// ---- Inbox ----------------------------------------------------------------------------------

describe('inbox', () => {
  let inboxApp: FastifyInstance;
  let now = new Date('2026-09-01T14:00:00-05:00');
  const filed: Record<string, Filed> = {};
  let funcionaria: number;
  const get = async (query: string, staffId = ADMIN_ID) => {
    const res = await inboxApp.inject({ method: 'GET', url: `/api/admin/pqrs${query}`, headers: staffHeaders(openSession(inboxApp, staffId)) });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { items: { radicado: string; light: string | null; businessDaysLeft: number | null; overdue: boolean; dueDate: string; requesterName: string | null }[]; total: number; page: number; pageSize: number };
  };

  before(async () => {
    ({ app: inboxApp } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD }, () => now));
    funcionaria = (await staffSession(inboxApp, 'funcionaria', 'funcionario')).id;
    const fileAt = async (key: string, date: string, overrides: Record<string, unknown> = {}, requester: Record<string, unknown> = {}) => {
      now = new Date(`${date}T10:00:00-05:00`);
      const res = await inboxApp.inject({ method: 'POST', url: '/api/pqrs', payload: validPqrs(overrides, requester) });
      assert.equal(res.statusCode, 201, res.body);
      filed[key] = res.json();
    };
    await fileAt('overdue', '2026-08-03', { subject: 'Certificado de notas del diplomado' });
    await fileAt('amber', '2026-08-24', { type: 'informacion' }, { name: 'José Ñúñez' });
    await fileAt('green', '2026-09-01', { type: 'consulta', subject: 'Concepto sobre homologación' });
    await fileAt('answered', '2026-08-04');
    await fileAt('mine', '2026-08-31', {}, { name: 'Pedro Gómez' });
    await fileAt('anonymous', '2026-08-31', { type: 'denuncia', responseChannel: 'online', subject: 'Cobros indebidos 100%_seguro' }, { kind: 'anonimo' });
    now = new Date('2026-09-01T14:00:00-05:00');
    const h = () => staffHeaders(openSession(inboxApp, ADMIN_ID));
    let res = await inboxApp.inject({ method: 'POST', url: `/api/admin/pqrs/${filed.answered!.radicado}/reply`, headers: h(), payload: { text: 'Respuesta enviada a tiempo al ciudadano.' } });
    assert.equal(res.statusCode, 200, res.body);
    res = await inboxApp.inject({ method: 'POST', url: `/api/admin/pqrs/${filed.mine!.radicado}/assign`, headers: h(), payload: { staffId: funcionaria } });
    assert.equal(res.statusCode, 200, res.body);
  });
  after(() => inboxApp.close());

  test('lists everything by due date with the traffic light from the calendar', async () => {
    const all = await get('');
    assert.equal(all.total, 6);
    const dues = all.items.map((i) => i.dueDate);
    assert.deepEqual(dues, [...dues].sort());
    const r = calendarRules(inboxApp.db);
    for (const item of all.items) {
      if (item.radicado === filed.answered!.radicado) {
        assert.equal(item.light, null);
        assert.equal(item.businessDaysLeft, null);
        continue;
      }
      const left = businessDaysBetween('2026-09-01', item.dueDate, r);
      assert.equal(item.businessDaysLeft, left, item.radicado);
      const light = '2026-09-01' > item.dueDate ? 'red' : left <= 5 ? 'amber' : 'green';
      assert.equal(item.light, light, item.radicado);
    }
    const byKey = (k: string) => all.items.find((i) => i.radicado === filed[k]!.radicado)!;
    assert.equal(byKey('overdue').light, 'red');
    assert.equal(byKey('overdue').overdue, true);
    assert.ok(byKey('overdue').businessDaysLeft! < 0);
    assert.equal(byKey('amber').light, 'amber');
    assert.equal(byKey('green').light, 'green');
    assert.equal(byKey('anonymous').requesterName, null);
  });

  test('filters by type, state, assignee, overdue and text, and pages', async () => {
    const radicados = (r: { items: { radicado: string }[] }) => r.items.map((i) => i.radicado).sort();
    const keys = (...k: string[]) => k.map((x) => filed[x]!.radicado).sort();
    assert.deepEqual(radicados(await get('?type=informacion')), keys('amber'));
    assert.deepEqual(radicados(await get('?type=consulta,denuncia')), keys('green', 'anonymous'));
    assert.deepEqual(radicados(await get('?state=respondida')), keys('answered'));
    assert.deepEqual(radicados(await get('?state=asignada&state=respondida')), keys('answered', 'mine'));
    assert.deepEqual(radicados(await get('?assignee=me', funcionaria)), keys('mine'));
    assert.deepEqual(radicados(await get(`?assignee=${funcionaria}`)), keys('mine'));
    assert.equal((await get('?assignee=none')).total, 5);
    assert.deepEqual(radicados(await get('?overdue=true')), keys('overdue'));
    assert.equal((await get('?overdue=false')).total, 5);
    assert.deepEqual(radicados(await get(`?q=${filed.green!.radicado.slice(-6)}`)), keys('green'));
    assert.deepEqual(radicados(await get('?q=diplomado')), keys('overdue'));
    assert.deepEqual(radicados(await get(`?q=${encodeURIComponent('Ñúñez')}`)), keys('amber'));
    assert.deepEqual(radicados(await get(`?q=${encodeURIComponent('100%_')}`)), keys('anonymous'), 'LIKE wildcards are literal');
    assert.deepEqual(radicados(await get('?q=peDRO')), keys('mine'));
    assert.deepEqual(radicados(await get('?type=peticion&overdue=false&assignee=none')), keys('answered'));

    const page1 = await get('?pageSize=4');
    const page2 = await get('?pageSize=4&page=2');
    assert.equal(page1.items.length, 4);
    assert.equal(page2.items.length, 2);
    assert.equal(page2.total, 6);
    assert.deepEqual([...page1.items, ...page2.items].map((i) => i.radicado), (await get('')).items.map((i) => i.radicado));
  });

  test('bad filters answer 400 naming the field', async () => {
    for (const [query, field] of [
      ['?type=chisme', 'type'],
      ['?state=perdida', 'state'],
      ['?assignee=alguien', 'assignee'],
      ['?overdue=quizas', 'overdue'],
      ['?page=0', 'page'],
      ['?pageSize=1000', 'pageSize'],
    ]) {
      const res = await inboxApp.inject({ method: 'GET', url: `/api/admin/pqrs${query}`, headers: staffHeaders(openSession(inboxApp, ADMIN_ID)) });
      assert.equal(res.statusCode, 400, query);
      assert.ok(res.json().fields[field!], `${query}: ${res.body}`);
    }
  });
});
