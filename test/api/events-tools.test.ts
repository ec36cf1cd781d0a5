/**
 * The tools of an event (issue 12, second slice): the chat window with the event's officials,
 * figures and results (memoria), merged questions, a question filed as a PQRSD, the .ics
 * attached to the confirmation and promotion e-mails, and migration 013 on an existing
 * database. Real SQLite, real HTTP (app.inject and a listening server for SSE), a set clock,
 * ical.js to read what we attach, a real SMTP server to receive it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import ICAL from 'ical.js';
import { SMTPServer } from 'smtp-server';
import { ADMIN_PASSWORD, openSession, staffHeaders, staffSession, type StaffSession } from '../admin-helpers.ts';
import { listen, onlineAgent } from '../chat-helpers.ts';
import { computeDeadline } from '../../api/calendar/calendar.ts';
import { calendarRules } from '../../api/calendar/store.ts';
import { migrate } from '../../api/db/index.ts';
import { tempDataDir, testApp, validPqrs } from '../helpers.ts';

let now = new Date('2027-03-01T15:00:00Z'); // Monday 1 March 2027, 10:00 in Bogotá
/** Sets the clock to a Bogotá wall-clock time (UTC-5). */
const at = (bogota: string) => (now = new Date(`${bogota}-05:00`));
const { app } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD }, () => now);
const base = await listen(app);
after(() => app.close());

let staff: StaffSession & { id: number };
let surveyId: number;
before(async () => {
  staff = await staffSession(app, 'eventos.memoria', 'funcionario');
  surveyId = Number(
    app.db
      .prepare(`INSERT INTO surveys (slug, title, thank_you, created_at, updated_at) VALUES ('satisfaccion-foro', 'Satisfacción con el foro', 'Gracias', ?, ?)`)
      .run(now.toISOString(), now.toISOString()).lastInsertRowid,
  );
});

const valid = (overrides: Record<string, unknown> = {}) => ({
  title: 'Foro de la vigencia',
  kind: 'foro',
  summary: 'Diálogo con la ciudadanía.',
  startsAt: '2027-03-10T09:00',
  endsAt: '2027-03-10T11:00',
  place: 'Auditorio principal',
  registration: { enabled: true, capacity: 10, waitlist: true },
  questions: true,
  ...overrides,
});

/** A staff request with a session opened at the current (moved) clock. */
const admin = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url: `/api/admin/events${url}`, headers: staffHeaders(openSession(app, staff.id)), ...(payload ? { payload } : {}) });
async function create(overrides: Record<string, unknown> = {}, publish = true) {
  const res = await admin('POST', '/', valid(overrides));
  assert.equal(res.statusCode, 201, res.body);
  const event = res.json();
  if (publish) assert.equal((await admin('POST', `/${event.id}/publish`)).statusCode, 200);
  return event as { id: number; slug: string; title: string };
}
const register = (slug: string, email: string, name = 'Ana Pérez') =>
  app.inject({ method: 'POST', url: `/api/events/${slug}/registrations`, payload: { name, email, consent: true } });
async function ask(slug: string, payload: Record<string, unknown>): Promise<number> {
  const res = await app.inject({ method: 'POST', url: `/api/events/${slug}/questions`, payload: { consent: true, ...payload } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}
const detail = async (slug: string) => (await app.inject(`/api/events/${slug}`)).json();
const audits = (id: number) =>
  (app.db.prepare('SELECT action FROM audit_log WHERE target = ? ORDER BY id').all(`event:${id}`) as { action: string }[]).map((a) => a.action);
const outbox = (to: string) =>
  app.db.prepare('SELECT subject, body, attachments FROM outbox WHERE to_address = ? ORDER BY id').all(to) as {
    subject: string;
    body: string;
    attachments: string | null;
  }[];

describe('the chat window of an event', () => {
  test('officials and hours set by staff; the status and the start are honest about them', async () => {
    const official = await onlineAgent(app, base, 'funcionaria.evento');
    const other = await staffSession(app, 'otro.funcionario', 'funcionario');
    try {
      const bad = async (chat: unknown) => {
        const res = await admin('POST', '/', valid({ chat }));
        assert.equal(res.statusCode, 400, res.body);
        return res.json().fields as Record<string, string>;
      };
      const window = { opensAt: '2027-03-13T08:00', closesAt: '2027-03-13T12:00' };
      assert.equal((await bad({ officials: [], ...window }))['chat.officials'], 'Funcionarios del chat: elija al menos un funcionario.');
      assert.equal((await bad({ officials: [9999], ...window }))['chat.officials'], 'Funcionarios del chat: no hay un funcionario activo con el identificador 9999.');
      assert.equal(
        (await bad({ officials: [official.id], opensAt: '2027-03-13T12:00', closesAt: '2027-03-13T08:00' }))['chat.closesAt'],
        'Cierre del chat: debe ser posterior a la apertura.',
      );
      assert.equal((await bad({ officials: [official.id], opensAt: 'mañana', closesAt: '2027-03-13T08:00' }))['chat.opensAt'], 'Apertura del chat: use fecha y hora AAAA-MM-DDTHH:MM (hora de Colombia).');

      // A Saturday: the event's window, not office hours, says when its chat is open.
      const e = await create({
        title: 'Audiencia del sábado',
        startsAt: '2027-03-13T09:00',
        endsAt: '2027-03-13T11:00',
        chat: { officials: [other.id, official.id, official.id], ...window },
      });
      const chat = (await admin('GET', `/${e.id}`)).json().chat;
      assert.deepEqual(chat, {
        officials: [
          { id: official.id, name: 'funcionaria.evento' },
          { id: other.id, name: 'otro.funcionario' },
        ],
        opensAt: '2027-03-13T08:00:00-05:00',
        closesAt: '2027-03-13T12:00:00-05:00',
      });
      assert.deepEqual((await detail(e.slug)).chat, { opensAt: '2027-03-13T08:00:00-05:00', closesAt: '2027-03-13T12:00:00-05:00' });
      const listed = (await app.inject('/api/events')).json().find((x: { slug: string }) => x.slug === e.slug);
      assert.deepEqual(listed.chat, { opensAt: '2027-03-13T08:00:00-05:00', closesAt: '2027-03-13T12:00:00-05:00' });
      const onlyOther = await create({ title: 'Audiencia paralela', startsAt: '2027-03-13T09:00', endsAt: '2027-03-13T11:00', chat: { officials: [other.id], ...window } });

      const status = async (slug?: string) => {
        const res = await app.inject(slug ? `/api/chat/status?event=${slug}` : '/api/chat/status');
        assert.equal(res.statusCode, 200, res.body);
        return res.json();
      };
      const start = (event: string) =>
        app.inject({ method: 'POST', url: '/api/chat/conversations', payload: { topic: 'Pregunta sobre la audiencia', consent: true, event } });
      const eventInfo = { slug: e.slug, title: 'Audiencia del sábado', opensAt: '2027-03-13T08:00:00-05:00', closesAt: '2027-03-13T12:00:00-05:00' };

      // Before the window: closed, opening at opensAt.
      assert.deepEqual(await status(e.slug), { online: false, reason: 'outside_event_window', nextOpening: '2027-03-13T13:00:00.000Z', event: eventInfo });
      const early = await start(e.slug);
      assert.equal(early.statusCode, 409);
      assert.equal(
        early.json().error,
        'El chat no está disponible: el chat de «Audiencia del sábado» atiende el sábado 13 de marzo de 2027 de 08:00 a 12:00 (hora de Colombia). Puede escribirnos por el buzón de contacto.',
      );

      // Within it, on a Saturday: open, while the general chat is closed (and unchanged).
      at('2027-03-13T09:30');
      assert.deepEqual(await status(e.slug), { online: true, reason: 'open', nextOpening: null, event: eventInfo });
      const general = await status();
      assert.equal(general.reason, 'non_business_day');
      assert.equal('event' in general, false, 'the status without ?event= keeps its shape');
      // The other event's only official is not connected: no agents, though someone else is.
      assert.equal((await status(onlyOther.slug)).reason, 'no_agents');
      assert.equal((await start(onlyOther.slug)).json().error, 'El chat no está disponible: no hay funcionarios del evento disponibles. Puede escribirnos por el buzón de contacto.');

      const started = await start(e.slug);
      assert.equal(started.statusCode, 201, started.body);
      const conversation = started.json().id;
      const [queue] = (await official.events.until((x) => x.event === 'queue' && (x.data as { waiting: { id: number }[] }).waiting.some((w) => w.id === conversation))).slice(-1);
      const item = (queue!.data as { waiting: { id: number; event: unknown }[] }).waiting.find((w) => w.id === conversation)!;
      assert.deepEqual(item.event, { slug: e.slug, title: 'Audiencia del sábado', officials: [official.id, other.id] });
      const chatDetail = await app.inject({ url: `/api/admin/chat/conversations/${conversation}`, headers: staffHeaders(openSession(app, official.id)) });
      assert.deepEqual(chatDetail.json().event, { slug: e.slug, title: 'Audiencia del sábado' });

      // A cancelled event's window never opens again.
      assert.equal((await admin('POST', `/${onlyOther.id}/cancel`)).statusCode, 200);
      assert.deepEqual((await status(onlyOther.slug)).nextOpening, null);
      assert.equal((await status(onlyOther.slug)).reason, 'outside_event_window');

      // After it: closed for good.
      at('2027-03-13T12:00');
      assert.deepEqual(await status(e.slug), { online: false, reason: 'outside_event_window', nextOpening: null, event: eventInfo });

      // Unknown, draft and chat-less events: the same 404.
      const draft = await create({ title: 'Borrador con chat', chat: { officials: [official.id], ...window } }, false);
      const chatless = await create({ title: 'Sin chat', startsAt: '2027-04-10T09:00', endsAt: '2027-04-10T11:00' });
      const answers = await Promise.all(['no-existe', draft.slug, chatless.slug].map((slug) => app.inject(`/api/chat/status?event=${slug}`)));
      assert.deepEqual(answers.map((r) => r.statusCode), [404, 404, 404]);
      assert.equal(new Set(answers.map((r) => r.body)).size, 1);
      assert.equal((await start('no-existe')).statusCode, 404);
      assert.equal((await app.inject('/api/chat/status?event=')).statusCode, 400);

      // Editing the event without `chat` removes the window and its officials.
      const edited = await admin('PUT', `/${e.id}`, valid({ title: 'Audiencia del sábado', startsAt: '2027-03-13T09:00', endsAt: '2027-03-13T11:00' }));
      assert.equal(edited.json().chat, null);
      assert.equal((app.db.prepare('SELECT count(*) AS n FROM event_chat_officials WHERE event_id = ?').get(e.id) as { n: number }).n, 0);
    } finally {
      official.events.close();
      at('2027-03-01T10:00');
    }
  });
});

describe('the chat window in the plan', () => {
  test('copying a year keeps the chat window (moved like the dates) and its officials', async () => {
    await create({ title: 'Foro 2027 con chat', startsAt: '2027-06-10T09:00', endsAt: '2027-06-10T11:00', chat: { officials: [staff.id], opensAt: '2027-06-10T08:00', closesAt: '2027-06-10T12:00' } });
    const res = await admin('POST', '/copy-year', { from: 2027, to: 2028 });
    assert.equal(res.statusCode, 201, res.body);
    const copy = res.json().items.find((x: { title: string }) => x.title === 'Foro 2028 con chat');
    assert.equal(copy.startsAt, '2028-06-08T09:00:00-05:00');
    assert.deepEqual(copy.chat, { officials: [{ id: staff.id, name: 'eventos.memoria' }], opensAt: '2028-06-08T08:00:00-05:00', closesAt: '2028-06-08T12:00:00-05:00' });
    assert.equal(copy.results, null, 'results are not copied');
  });
});

describe('figures and results (memoria)', () => {
  test('figures from the data against the goals; results published only after the event, audited', async () => {
    const e = await create({
      title: 'Foro con memoria',
      startsAt: '2027-03-05T09:00',
      endsAt: '2027-03-05T11:00',
      registration: { enabled: true, capacity: 2, waitlist: true },
      surveySlug: 'satisfaccion-foro',
      goals: { registrations: 3, attendance: 2, questions: 5, surveyAnswers: 4 },
    });
    for (const who of ['m1', 'm2', 'm3']) assert.equal((await register(e.slug, `${who}@example.co`, `Persona ${who}`)).statusCode, 201);
    const [q1, q2, q3] = [
      await ask(e.slug, { question: '¿Cuándo abren los cursos nuevos?' }),
      await ask(e.slug, { question: '¿Habrá cursos virtuales este año?' }),
      await ask(e.slug, { question: 'Un mensaje que no es una pregunta.' }),
    ];
    assert.equal((await admin('PUT', `/${e.id}/questions/${q1}`, { state: 'published', answer: 'En abril.' })).statusCode, 200);
    assert.equal((await admin('PUT', `/${e.id}/questions/${q2}`, { state: 'published' })).statusCode, 200);
    assert.equal((await admin('PUT', `/${e.id}/questions/${q3}`, { state: 'hidden' })).statusCode, 200);
    // Survey answers count from the start to 30 days after the end.
    const answer = app.db.prepare(`INSERT INTO survey_responses (survey_id, submitted_at, token_id, answers) VALUES (?, ?, ?, '{}')`);
    ['2027-03-05T13:59:00.000Z', '2027-03-05T15:00:00.000Z', '2027-04-03T15:00:00.000Z', '2027-04-04T16:00:00.000Z'].forEach((t, i) => answer.run(surveyId, t, `t${i}`));

    at('2027-03-05T10:00'); // during the event
    const people = (await admin('GET', `/${e.id}/registrations`)).json().items;
    assert.equal((await admin('PUT', `/${e.id}/registrations/${people[0].id}/attendance`, { attended: true })).statusCode, 200);
    const early = await admin('PUT', `/${e.id}/results`, { text: 'Asistieron vecinos de todos los barrios.', publish: true });
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().error, 'Los resultados se publican cuando el evento ya terminó.');
    const saved = await admin('PUT', `/${e.id}/results`, { text: 'Borrador de la memoria.', publish: false });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.deepEqual(saved.json().results, { text: 'Borrador de la memoria.', publishedAt: null });
    assert.equal((await detail(e.slug)).results, null, 'unpublished results are not public');

    at('2027-03-06T09:00');
    const published = await admin('PUT', `/${e.id}/results`, { text: 'Asistieron vecinos de todos los barrios.\nSe respondieron las preguntas.', publish: true });
    assert.equal(published.statusCode, 200, published.body);
    const figures = { registered: 2, waitlisted: 1, attended: 1, questionsReceived: 3, questionsPublished: 2, questionsAnswered: 1, surveyAnswers: 2 };
    assert.deepEqual(published.json().figures, figures);
    assert.deepEqual(published.json().results, { text: 'Asistieron vecinos de todos los barrios.\nSe respondieron las preguntas.', publishedAt: now.toISOString() });
    const inPlan = (await admin('GET', '/?year=2027')).json().items.find((x: { id: number }) => x.id === e.id);
    assert.deepEqual(inPlan.figures, figures, 'the yearly plan shows the figures next to the goals');
    assert.deepEqual(inPlan.goals, { registrations: 3, attendance: 2, questions: 5, surveyAnswers: 4 });

    const pub = await app.inject(`/api/events/${e.slug}`);
    assert.deepEqual(pub.json().results, {
      text: 'Asistieron vecinos de todos los barrios.\nSe respondieron las preguntas.',
      publishedAt: now.toISOString(),
      figures,
      survey: { slug: 'satisfaccion-foro', title: 'Satisfacción con el foro' },
    });
    for (const secret of ['m1@example.co', 'Persona m1', 'eventos.memoria']) assert.ok(!pub.body.includes(secret), `leaks ${secret}`);

    // Republishing a corrected text keeps the first publication date; unpublishing hides it.
    const first = now.toISOString();
    at('2027-03-07T09:00');
    assert.equal((await admin('PUT', `/${e.id}/results`, { text: 'Texto corregido.', publish: true })).json().results.publishedAt, first);
    assert.equal((await admin('PUT', `/${e.id}/results`, { text: 'Texto corregido.', publish: false })).json().results.publishedAt, null);
    assert.equal((await detail(e.slug)).results, null);
    assert.deepEqual(audits(e.id).filter((a) => a === 'event.results').length, 4);

    // Without a survey, surveyAnswers is null; a draft's results are not published.
    const plain = await create({ title: 'Feria sin encuesta', startsAt: '2027-03-02T09:00', endsAt: '2027-03-02T11:00' }, false);
    assert.equal((await admin('GET', `/${plain.id}`)).json().figures.surveyAnswers, null);
    const draft = await admin('PUT', `/${plain.id}/results`, { text: 'Memoria.', publish: true });
    assert.equal(draft.statusCode, 409);
    assert.equal(draft.json().error, 'Publique primero el evento: los resultados de un borrador no se publican.');
    const bad = async (payload: object) => {
      const res = await admin('PUT', `/${plain.id}/results`, payload);
      assert.equal(res.statusCode, 400, res.body);
      return res.json().fields;
    };
    assert.equal((await bad({ publish: false })).text, 'Resultados: es obligatorio.');
    assert.equal((await bad({ text: 'x'.repeat(20_001), publish: false })).text, 'Resultados: máximo 20000 caracteres.');
    assert.equal((await bad({ text: 'Memoria.' })).publish, 'Publicar: indique true (publicar) o false (sin publicar).');
    assert.equal((await admin('PUT', '/9999/results', { text: 'x', publish: false })).statusCode, 404);
    at('2027-03-01T10:00');
  });
});

describe('merging questions', () => {
  test('a merged question leaves the public list and is counted by its target; 409s; moderation undoes it', async () => {
    const e = await create({ title: 'Consulta con preguntas repetidas', startsAt: '2027-03-20T09:00', endsAt: '2027-03-20T11:00' });
    const q = [
      await ask(e.slug, { question: '¿Cuándo se publica el reglamento?' }),
      await ask(e.slug, { question: '¿En qué fecha sale el reglamento?' }),
      await ask(e.slug, { question: '¿Dónde se consulta el borrador?' }),
      await ask(e.slug, { question: 'Mensaje fuera de tema, por favor.' }),
    ];
    const other = await create({ title: 'Otro evento', startsAt: '2027-03-21T09:00', endsAt: '2027-03-21T11:00' });
    const foreign = await ask(other.slug, { question: 'Pregunta de otro evento distinto.' });
    const merge = (id: number, into: unknown) => admin('POST', `/${e.id}/questions/${id}/merge`, { into });
    assert.equal((await admin('PUT', `/${e.id}/questions/${q[0]}`, { state: 'published' })).statusCode, 200);

    const merged = await merge(q[1]!, q[0]);
    assert.equal(merged.statusCode, 200, merged.body);
    assert.equal(merged.json().id, q[0], 'answers the target');
    const list = async () => (await admin('GET', `/${e.id}/questions`)).json().items as { id: number; state: string; mergedInto: number | null }[];
    assert.deepEqual((await list()).find((x) => x.id === q[1])!, { ...(await list()).find((x) => x.id === q[1])!, state: 'merged', mergedInto: q[0] });
    let pub = (await detail(e.slug)).publishedQuestions;
    assert.deepEqual(pub.map((x: { id: number; merged: number }) => [x.id, x.merged]), [[q[0], 1]]);

    const conflict = async (id: number, into: number, error: string) => {
      const res = await merge(id, into);
      assert.equal(res.statusCode, 409, res.body);
      assert.equal(res.json().error, error);
    };
    await conflict(q[2]!, q[2]!, 'Una pregunta no se puede fusionar consigo misma.');
    await conflict(q[2]!, q[1]!, `La pregunta ${q[1]} ya está fusionada con la ${q[0]}: fusione con esa.`);
    assert.equal((await admin('PUT', `/${e.id}/questions/${q[3]}`, { state: 'hidden' })).statusCode, 200);
    await conflict(q[2]!, q[3]!, `La pregunta ${q[3]} está oculta: no se puede fusionar con ella.`);
    await conflict(q[2]!, foreign, 'Solo se fusionan preguntas del mismo evento.');
    await conflict(q[1]!, q[2]!, `La pregunta ${q[1]} ya está fusionada con la ${q[0]}.`);
    assert.equal((await merge(q[2]!, 999_999)).statusCode, 404);
    assert.equal((await admin('POST', `/${e.id}/questions/999999/merge`, { into: q[0] })).statusCode, 404);
    const bad = await merge(q[2]!, 'x');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().fields.into, 'Fusionar con: indique el número de la pregunta.');
    assert.equal((await admin('PUT', `/${e.id}/questions/${q[0]}`, { state: 'merged' })).statusCode, 400, 'merged only through /merge');

    // Merging the target elsewhere carries what was merged into it (no chains).
    assert.equal((await merge(q[0]!, q[2]!)).statusCode, 200);
    assert.equal((await admin('PUT', `/${e.id}/questions/${q[2]}`, { state: 'published', answer: 'En la página de normatividad.' })).statusCode, 200);
    const states = await list();
    assert.deepEqual(states.filter((x) => x.mergedInto === q[2]).map((x) => x.id), [q[0], q[1]]);
    pub = (await detail(e.slug)).publishedQuestions;
    assert.deepEqual(pub.map((x: { id: number; merged: number }) => [x.id, x.merged]), [[q[2], 2]]);

    // Moderating a merged question takes it out of the merge.
    const undone = await admin('PUT', `/${e.id}/questions/${q[0]}`, { state: 'published' });
    assert.deepEqual([undone.json().state, undone.json().mergedInto], ['published', null]);
    pub = (await detail(e.slug)).publishedQuestions;
    assert.deepEqual(pub.map((x: { id: number; merged: number }) => [x.id, x.merged]), [[q[0], 0], [q[2], 1]]);
    assert.equal(audits(e.id).filter((a) => a === 'event.question.merge').length, 2);
  });
});

describe('an unanswered question filed as a PQRSD', () => {
  const radicadoNumber = (r: string) => Number(r.slice(-6));
  const file = (eventId: number, question: number) => admin('POST', `/${eventId}/questions/${question}/pqrs`);
  const web = async () => {
    const res = await app.inject({ method: 'POST', url: '/api/pqrs', payload: validPqrs() });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().radicado as string;
  };
  const pqrsRow = (radicado: string) =>
    app.db.prepare('SELECT type, channel, requester_kind, name, email, response_channel, received_at, due_date FROM pqrs WHERE radicado = ?').get(radicado) as Record<string, unknown>;

  test('after the event, once: same radicado sequence as web filings, no gaps, legal term from the filing day, the e-mail with the tracking code', async () => {
    const e = await create({ title: 'Audiencia de rendición de cuentas', startsAt: '2027-03-03T09:00', endsAt: '2027-03-03T11:00' });
    const named = await ask(e.slug, { question: '¿Cuánto costó la sede nueva?', name: 'Carlos Ruiz', email: 'carlos@example.co' });
    const anonymous = await ask(e.slug, { question: '¿Habrá intérprete de señas el próximo año?' });
    const emailOnly = await ask(e.slug, { question: '¿Se publicará el video de la audiencia?', email: 'solo-correo@example.co' });
    const answered = await ask(e.slug, { question: '¿Cuál fue el presupuesto del año?' });
    const hidden = await ask(e.slug, { question: 'Mensaje ofensivo que se oculta.' });
    const duplicate = await ask(e.slug, { question: '¿Qué costo tuvo la sede nueva?' });
    const twice = await ask(e.slug, { question: '¿Cuándo es la próxima audiencia?' });
    assert.equal((await admin('PUT', `/${e.id}/questions/${answered}`, { state: 'published', answer: '4.500 millones.' })).statusCode, 200);
    assert.equal((await admin('PUT', `/${e.id}/questions/${hidden}`, { state: 'hidden' })).statusCode, 200);
    assert.equal((await admin('POST', `/${e.id}/questions/${duplicate}/merge`, { into: anonymous })).statusCode, 200);

    const early = await file(e.id, named);
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().error, 'Una pregunta se radica como petición cuando el evento ya terminó.');

    at('2027-03-04T10:00'); // Thursday, the day after
    const first = await web();
    const res = await file(e.id, named);
    assert.equal(res.statusCode, 201, res.body);
    const { radicado, dueDate } = res.json();
    assert.equal(radicadoNumber(radicado), radicadoNumber(first) + 1, 'the same sequence as web filings');
    // 15 business days from Thursday 4 March 2027: San José (22 March), Jueves and Viernes Santo (25, 26) skipped.
    assert.equal(dueDate, '2027-03-30');
    assert.equal(dueDate, computeDeadline(now, 15, calendarRules(app.db)).dueDate);
    assert.deepEqual(pqrsRow(radicado), {
      type: 'peticion',
      channel: 'evento',
      requester_kind: 'natural',
      name: 'Carlos Ruiz',
      email: 'carlos@example.co',
      response_channel: 'email',
      received_at: now.toISOString(),
      due_date: '2027-03-30',
    });
    const description = (app.db.prepare('SELECT description FROM pqrs WHERE radicado = ?').get(radicado) as { description: string }).description;
    assert.match(description, /¿Cuánto costó la sede nueva\?/);
    assert.match(description, /Audiencia de rendición de cuentas/);

    // The citizen's acknowledgement carries the radicado and the tracking code, which works.
    const [mail] = outbox('carlos@example.co');
    assert.equal(mail!.subject, `Radicado ${radicado}: recibimos su petición`);
    const code = /Código de seguimiento: (\S+)/.exec(mail!.body)?.[1];
    assert.ok(code, mail!.body);
    const tracked = await app.inject({ method: 'POST', url: '/api/pqrs/track', payload: { radicado, code } });
    assert.equal(tracked.statusCode, 200, tracked.body);

    // Refusals take no number.
    const refused = async (question: number, error: string) => {
      const r = await file(e.id, question);
      assert.equal(r.statusCode, 409, r.body);
      assert.equal(r.json().error, error);
    };
    await refused(named, `Esta pregunta ya se radicó como ${radicado}.`);
    await refused(answered, 'Esta pregunta ya tiene respuesta pública.');
    await refused(hidden, 'Esta pregunta está oculta: no se radica.');
    await refused(duplicate, `Esta pregunta está fusionada con la ${anonymous}: radique esa.`);
    assert.equal((await file(e.id, 999_999)).statusCode, 404);
    const second = await web();
    assert.equal(radicadoNumber(second), radicadoNumber(radicado) + 1, 'no gap after refusals');

    // Anonymous: no personal data, answered online; e-mail only: a natural person reached by e-mail.
    const anon = (await file(e.id, anonymous)).json().radicado;
    assert.deepEqual(pqrsRow(anon), { ...pqrsRow(anon), requester_kind: 'anonimo', name: null, email: null, response_channel: 'online' });
    const byMail = (await file(e.id, emailOnly)).json().radicado;
    assert.deepEqual(pqrsRow(byMail), { ...pqrsRow(byMail), requester_kind: 'natural', name: null, email: 'solo-correo@example.co', response_channel: 'email' });
    assert.match(outbox('solo-correo@example.co')[0]!.body, /^Cordial saludo:/);

    // Two clicks at once: one radicado, the other refused, still no gap.
    const clicks = await Promise.all([file(e.id, twice), file(e.id, twice)]);
    assert.deepEqual(clicks.map((c) => c.statusCode).sort(), [201, 409]);
    const third = await web();
    const numbers = [first, radicado, second, anon, byMail, clicks.find((c) => c.statusCode === 201)!.json().radicado, third].map(radicadoNumber);
    assert.deepEqual(numbers, numbers.map((_, i) => numbers[0]! + i), 'consecutive, shared with web filings');

    const questions = (await admin('GET', `/${e.id}/questions`)).json().items as { id: number; radicado: string | null }[];
    assert.equal(questions.find((x) => x.id === named)!.radicado, radicado);
    assert.equal(questions.find((x) => x.id === answered)!.radicado, null);
    assert.equal(audits(e.id).filter((a) => a === 'event.question.pqrs').length, 4);
    const inbox = await app.inject({ url: `/api/admin/pqrs?q=${radicado}`, headers: staffHeaders(openSession(app, staff.id)) });
    assert.equal(inbox.statusCode, 200, inbox.body);
    at('2027-03-01T10:00');
  });
});

describe('the event as an .ics attachment', () => {
  /** The attachment of an outbox row, parsed with ical.js. */
  function attached(row: { attachments: string | null }) {
    const [file, ...more] = JSON.parse(row.attachments!) as { filename: string; contentType: string; content: string }[];
    assert.equal(more.length, 0);
    assert.equal(file!.filename, 'evento.ics');
    assert.equal(file!.contentType, 'text/calendar; charset=utf-8; method=PUBLISH');
    const cal = new ICAL.Component(ICAL.parse(file!.content));
    for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
    const [vevent] = cal.getAllSubcomponents('vevent');
    const event = new ICAL.Event(vevent!);
    return {
      method: cal.getFirstPropertyValue('method'),
      uid: event.uid,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      tzid: event.startDate.zone?.tzid,
      summary: event.summary,
    };
  }

  test('the confirmation and the waiting-list promotion carry evento.ics with the right UID and instants', async () => {
    const e = await create({ title: 'Capacitación con calendario', startsAt: '2027-03-10T09:00', endsAt: '2027-03-10T11:30', registration: { enabled: true, capacity: 1, waitlist: true } });
    const first = await register(e.slug, 'ics1@example.co');
    assert.equal((await register(e.slug, 'ics2@example.co')).json().status, 'waitlisted');
    const expected = {
      method: 'PUBLISH',
      uid: `evento-${e.id}@ecam-participa`,
      start: '2027-03-10T14:00:00.000Z',
      end: '2027-03-10T16:30:00.000Z',
      tzid: 'America/Bogota',
      summary: 'Capacitación con calendario',
    };
    assert.deepEqual(attached(outbox('ics1@example.co')[0]!), expected);
    assert.deepEqual(attached(outbox('ics2@example.co')[0]!), expected, 'the waiting-list confirmation too');
    const cancel = await app.inject({ method: 'DELETE', url: `/api/events/${e.slug}/registrations`, payload: { cancelToken: first.json().cancelToken } });
    assert.equal(cancel.statusCode, 200);
    const promoted = outbox('ics2@example.co').at(-1)!;
    assert.equal(promoted.subject, 'Tiene cupo: Capacitación con calendario');
    assert.deepEqual(attached(promoted), expected);
    // The same UID as the public feed, so calendars keep one copy.
    const feed = await app.inject(`/api/events/${e.slug}.ics`);
    assert.match(feed.body, new RegExp(`UID:evento-${e.id}@ecam-participa`));
    // Other e-mails carry nothing.
    assert.equal((await admin('POST', `/${e.id}/cancel`)).statusCode, 200);
    assert.equal(outbox('ics2@example.co').at(-1)!.attachments, null);
  });

  test('delivered through a real SMTP server as a text/calendar part named evento.ics', async () => {
    const received: string[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, done) {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
        stream.on('end', () => {
          received.push(raw);
          done();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as { port: number }).port;
    const mailed = await testApp({ SMTP_URL: `smtp://127.0.0.1:${port}` }, () => now);
    try {
      const official = await staffSession(mailed.app, 'smtp.eventos', 'funcionario');
      const res = await mailed.app.inject({ method: 'POST', url: '/api/admin/events', headers: staffHeaders(official), payload: valid({ title: 'Evento por correo' }) });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal((await mailed.app.inject({ method: 'POST', url: `/api/admin/events/${res.json().id}/publish`, headers: staffHeaders(official) })).statusCode, 200);
      const reg = await mailed.app.inject({ method: 'POST', url: `/api/events/${res.json().slug}/registrations`, payload: { name: 'Lina', email: 'lina@example.co', consent: true } });
      assert.equal(reg.statusCode, 201);
      await mailed.app.mailer.flush();
      assert.equal(received.length, 1);
      assert.match(received[0]!, /Content-Type: text\/calendar; charset=utf-8; method=PUBLISH/i);
      assert.match(received[0]!, /filename=evento\.ics/);
      const row = mailed.app.db.prepare('SELECT sent_at FROM outbox').get() as { sent_at: string | null };
      assert.ok(row.sent_at);
    } finally {
      await mailed.app.close();
      await new Promise<void>((resolve) => smtp.close(resolve));
    }
  });
});

describe('bad input', () => {
  test('registration cannot be switched off while people are registered or waiting (400 naming Inscripción)', async () => {
    const e = await create({ title: 'Taller con inscritos', startsAt: '2027-03-25T09:00', endsAt: '2027-03-25T11:00' });
    assert.equal((await register(e.slug, 'inscrita@example.co')).statusCode, 201);
    const off = await admin('PUT', `/${e.id}`, valid({ title: 'Taller con inscritos', startsAt: '2027-03-25T09:00', endsAt: '2027-03-25T11:00', registration: { enabled: false } }));
    assert.equal(off.statusCode, 400);
    assert.equal(off.json().fields['registration.enabled'], 'Inscripción: ya hay 1 persona inscrita o en espera; no se puede quitar.');
  });
});

describe('migration 013 on an existing database', () => {
  test('rebuilds pqrs and event_questions keeping every row and the rows that reference them', () => {
    const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '../../api/db/migrations');
    const file = path.join(tempDataDir(), 'v12.db');
    const db = new Database(file);
    try {
      db.pragma('foreign_keys = ON');
      for (const f of fs.readdirSync(dir).filter((f) => /^\d{3}-/.test(f) && f < '013').sort()) {
        db.transaction(() => db.exec(fs.readFileSync(path.join(dir, f), 'utf8')))();
      }
      db.pragma('user_version = 12');
      db.exec(`
        INSERT INTO pqrs (radicado, tracking_hash, type, subject, description, response_channel, requester_kind, received_at,
                          effective_receipt, business_days, due_date, consent_at, consent_policy, consent_ip, channel)
          VALUES ('ECAM-2026-000001', 'h', 'peticion', 'Asunto', 'Descripción', 'online', 'anonimo', '2026-12-01T15:00:00.000Z',
                  '2026-12-01', 15, '2026-12-22', '2026-12-01T15:00:00.000Z', 'v1', '127.0.0.1', 'chat');
        INSERT INTO pqrs_events (pqrs_id, at, state) VALUES (1, '2026-12-01T15:00:00.000Z', 'radicada');
        INSERT INTO pqrs_notes (pqrs_id, at, author, text) VALUES (1, '2026-12-01T15:00:00.000Z', 'admin', 'nota');
        INSERT INTO event_questions (event_id, body, state, created_at, consent_at, consent_policy, consent_ip)
          VALUES (1, '¿Pregunta anterior?', 'published', 'x', 'x', 'v1', '127.0.0.1');`);
      assert.equal(migrate(db) >= 13, true);
      assert.equal(db.pragma('foreign_keys', { simple: true }), 1, 'foreign keys are on again');
      assert.deepEqual(db.prepare('SELECT radicado, channel FROM pqrs').all(), [{ radicado: 'ECAM-2026-000001', channel: 'chat' }]);
      assert.equal((db.prepare('SELECT count(*) AS n FROM pqrs_events').get() as { n: number }).n, 1);
      assert.equal((db.prepare('SELECT count(*) AS n FROM pqrs_notes').get() as { n: number }).n, 1);
      assert.deepEqual(db.prepare('SELECT state, merged_into, radicado FROM event_questions').all(), [{ state: 'published', merged_into: null, radicado: null }]);
      assert.deepEqual(db.pragma('foreign_key_check'), []);
      assert.equal(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE sql LIKE '%\\_013%' ESCAPE '\\'`).pluck().get(), 0);
      // The new channel is accepted, an unknown one refused; deleting a request still cascades.
      db.prepare(`UPDATE pqrs SET channel = 'evento'`).run();
      assert.throws(() => db.prepare(`UPDATE pqrs SET channel = 'fax'`).run(), /CHECK constraint failed/);
      assert.throws(() => db.prepare(`INSERT INTO pqrs_events (pqrs_id, at, state) VALUES (99, 'x', 'radicada')`).run(), /FOREIGN KEY/);
      db.prepare('DELETE FROM pqrs').run();
      assert.equal((db.prepare('SELECT count(*) AS n FROM pqrs_events').get() as { n: number }).n, 0);
    } finally {
      db.close();
    }
  });
});
