/**
 * Events of the participation plan (issue 12, first slice): staff create, publish and cancel;
 * the public list, detail and iCalendar feed; registrations with capacity, waiting list and
 * cancel tokens, under concurrent requests. Real SQLite, real HTTP (app.inject), a set clock.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { ADMIN_PASSWORD, openSession, staffHeaders, staffSession, type StaffSession } from '../admin-helpers.ts';
import { eventsService } from '../../api/events/service.ts';
import { tempDataDir, testApp } from '../helpers.ts';

let now = new Date('2027-03-01T15:00:00Z'); // Monday 1 March 2027, 10:00 in Bogotá
const { app } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD }, () => now);
after(() => app.close());

let staff: StaffSession & { id: number };
before(async () => {
  staff = await staffSession(app, 'eventos.planeacion', 'funcionario');
  app.db
    .prepare(`INSERT INTO surveys (slug, title, thank_you, created_at, updated_at) VALUES ('satisfaccion-rendicion', 'Satisfacción', 'Gracias', ?, ?)`)
    .run(now.toISOString(), now.toISOString());
});

const valid = (overrides: Record<string, unknown> = {}) => ({
  title: 'Rendición de cuentas vigencia 2026',
  kind: 'rendicion-cuentas',
  summary: 'Audiencia pública de rendición de cuentas de la vigencia 2026.',
  body: 'Presentamos la gestión del año.\nHabrá espacio para preguntas.',
  startsAt: '2027-03-10T09:00',
  endsAt: '2027-03-10T11:00',
  place: 'Auditorio principal, Calle 5 # 8-20',
  onlineUrl: 'https://www.youtube.com/live/ecam',
  registration: { enabled: true, capacity: 3, waitlist: true },
  questions: true,
  surveySlug: 'satisfaccion-rendicion',
  goals: { registrations: 150, surveyAnswers: 80 },
  ...overrides,
});

const admin = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url: `/api/admin/events${url}`, headers: staffHeaders(staff), ...(payload ? { payload } : {}) });
async function create(overrides: Record<string, unknown> = {}, publish = true) {
  const res = await admin('POST', '/', valid(overrides));
  assert.equal(res.statusCode, 201, res.body);
  const event = res.json();
  if (publish) assert.equal((await admin('POST', `/${event.id}/publish`)).statusCode, 200);
  return event as { id: number; slug: string };
}
const register = (slug: string, email: string, name = 'Ana Pérez') =>
  app.inject({ method: 'POST', url: `/api/events/${slug}/registrations`, payload: { name, email, consent: true } });
const ask = (slug: string, payload: Record<string, unknown>) =>
  app.inject({ method: 'POST', url: `/api/events/${slug}/questions`, payload: { consent: true, ...payload } });
const cancelRegistration = (slug: string, cancelToken: string) =>
  app.inject({ method: 'DELETE', url: `/api/events/${slug}/registrations`, payload: { cancelToken } });
const mails = (to: string) =>
  app.db.prepare('SELECT subject, body FROM outbox WHERE to_address = ? ORDER BY id').all(to) as { subject: string; body: string }[];
const audits = (id: number) =>
  (app.db.prepare('SELECT action FROM audit_log WHERE target = ? ORDER BY id').all(`event:${id}`) as { action: string }[]).map((a) => a.action);

/** Parses iCalendar with ical.js (not the library that wrote it), registering its time zones. */
function parseIcs(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return cal.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    return {
      uid: e.uid,
      summary: e.summary,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      tzid: e.startDate.zone?.tzid,
      status: c.getFirstPropertyValue('status'),
    };
  });
}

describe('staff write events', () => {
  test('create: 201 as a draft, slug from the title, Bogotá times with offset, audited', async () => {
    const res = await admin('POST', '/', valid({ responsibleId: staff.id }));
    assert.equal(res.statusCode, 201, res.body);
    const e = res.json();
    assert.equal(e.slug, 'rendicion-de-cuentas-vigencia-2026');
    assert.equal(e.state, 'draft');
    assert.equal(e.phase, 'upcoming');
    assert.equal(e.startsAt, '2027-03-10T09:00:00-05:00');
    assert.equal(e.endsAt, '2027-03-10T11:00:00-05:00');
    assert.deepEqual(e.registration, { enabled: true, capacity: 3, waitlist: true, closesAt: '2027-03-10T09:00:00-05:00' });
    assert.deepEqual(e.responsible, { id: staff.id, name: 'eventos.planeacion' });
    assert.deepEqual(e.goals, { registrations: 150, surveyAnswers: 80 });
    assert.deepEqual(e.counts, { registered: 0, waitlisted: 0 });
    assert.deepEqual(audits(e.id), ['event.create']);
    // The same title again gets a numbered slug; a slug given twice is a conflict.
    assert.equal((await create({}, false)).slug, 'rendicion-de-cuentas-vigencia-2026-2');
    const dup = await admin('POST', '/', valid({ slug: 'rendicion-de-cuentas-vigencia-2026' }));
    assert.equal(dup.statusCode, 409);
    assert.equal(dup.json().fields.slug, 'Identificador: ya lo usa otro evento.');
    // An instant with an explicit offset is read as such.
    const utc = await create({ title: 'Foro en UTC', kind: 'foro', startsAt: '2027-04-01T19:00:00Z', endsAt: '2027-04-01T21:00:00Z' }, false);
    assert.equal((await admin('GET', `/${utc.id}`)).json().startsAt, '2027-04-01T14:00:00-05:00');
  });

  test('400 with Spanish messages naming the field', async () => {
    const bad = async (overrides: Record<string, unknown>) => {
      const res = await admin('POST', '/', valid(overrides));
      assert.equal(res.statusCode, 400, res.body);
      return res.json().fields as Record<string, string>;
    };
    assert.equal((await bad({ endsAt: '2027-03-10T08:00' })).endsAt, 'Fin: debe ser posterior al inicio.');
    assert.equal((await bad({ surveySlug: 'no-existe' })).surveySlug, 'Encuesta: no existe una encuesta con el identificador «no-existe».');
    assert.match((await bad({ kind: 'fiesta' })).kind, /^Tipo: elija una opción/);
    assert.equal((await bad({ slug: 'Con Tildes á' })).slug, 'Identificador: solo letras minúsculas sin tildes, números y guiones (a-z, 0-9, -).');
    assert.equal((await bad({ onlineUrl: 'http://inseguro.example' })).onlineUrl, 'Enlace en línea: escriba una dirección completa que empiece por https://.');
    assert.equal((await bad({ startsAt: '10/03/2027' })).startsAt, 'Inicio: use fecha y hora AAAA-MM-DDTHH:MM (hora de Colombia).');
    assert.equal((await bad({ title: undefined })).title, 'Título: es obligatorio.');
    assert.equal((await bad({ place: null, onlineUrl: null })).place, 'Lugar: indique un lugar, un enlace en línea o ambos.');
    assert.equal((await bad({ responsibleId: 9999 })).responsibleId, 'Responsable: no existe un funcionario activo con ese identificador.');
    assert.equal((await bad({ registration: { enabled: true, capacity: 0 } }))['registration.capacity'], 'Cupo: debe ser al menos 1.');
    assert.equal(
      (await bad({ registration: { enabled: true, closesAt: '2027-03-10T10:00' } }))['registration.closesAt'],
      'Cierre de inscripciones: debe ser a más tardar al inicio del evento.',
    );
    assert.equal((await bad({ goals: { registrations: -1 } }))['goals.registrations'], 'Meta de inscripciones: no puede ser negativo.');
  });

  test('capacity below the current registrations: 400; a larger one promotes the waiting list', async () => {
    const e = await create({ title: 'Capacitación en datos abiertos', kind: 'capacitacion', registration: { enabled: true, capacity: 2, waitlist: true } });
    for (const who of ['c1', 'c2', 'c3']) assert.equal((await register(e.slug, `${who}@example.co`)).statusCode, 201);
    const lower = await admin('PUT', `/${e.id}`, valid({ title: 'Capacitación en datos abiertos', kind: 'capacitacion', registration: { enabled: true, capacity: 1, waitlist: true } }));
    assert.equal(lower.statusCode, 400);
    assert.equal(lower.json().fields['registration.capacity'], 'Cupo: ya hay 2 personas inscritas; no puede ser menor.');
    const higher = await admin('PUT', `/${e.id}`, valid({ title: 'Capacitación en datos abiertos', kind: 'capacitacion', registration: { enabled: true, capacity: 3, waitlist: true } }));
    assert.equal(higher.statusCode, 200, higher.body);
    assert.deepEqual(higher.json().counts, { registered: 3, waitlisted: 0 });
    assert.equal(higher.json().slug, e.slug, 'the slug stays when none is sent');
    assert.equal(mails('c3@example.co').at(-1)!.subject, 'Tiene cupo: Capacitación en datos abiertos');
    assert.deepEqual(audits(e.id), ['event.create', 'event.publish', 'event.update']);
  });

  test('every state transition, and the phase across the clock', async () => {
    const e = await create({ title: 'Foro de egresados', kind: 'foro', startsAt: '2027-03-05T14:00', endsAt: '2027-03-05T16:00' }, false);
    const publish = () => admin('POST', `/${e.id}/publish`);
    const cancel = () => admin('POST', `/${e.id}/cancel`);
    const published = await publish();
    assert.equal(published.statusCode, 200);
    assert.equal(published.json().state, 'published');
    assert.equal(published.json().publishedAt, now.toISOString());
    assert.equal((await publish()).json().error, 'El evento ya está publicado.');
    assert.equal((await publish()).statusCode, 409);

    const phase = async () => (await app.inject(`/api/events/${e.slug}`)).json().phase;
    const saved = now;
    try {
      assert.equal(await phase(), 'upcoming');
      now = new Date('2027-03-05T18:59:59Z');
      assert.equal(await phase(), 'upcoming');
      now = new Date('2027-03-05T19:00:00Z'); // 14:00 in Bogotá
      assert.equal(await phase(), 'in-progress');
      now = new Date('2027-03-05T21:00:00Z'); // 16:00 in Bogotá
      assert.equal(await phase(), 'held');
      // Days later: the official signs in again.
      staff = { ...staff, ...openSession(app, staff.id) };
      const late = await cancel();
      assert.equal(late.statusCode, 409);
      assert.equal(late.json().error, 'El evento ya se realizó: no se puede cancelar.');
    } finally {
      now = saved;
      staff = { ...staff, ...openSession(app, staff.id) };
    }

    const cancelled = await cancel();
    assert.equal(cancelled.statusCode, 200);
    assert.equal(cancelled.json().state, 'cancelled');
    assert.equal((await cancel()).statusCode, 409);
    assert.equal((await publish()).json().error, 'El evento está cancelado: no se puede publicar.');
    const edit = await admin('PUT', `/${e.id}`, valid({ title: 'Foro de egresados', kind: 'foro' }));
    assert.equal(edit.statusCode, 409);
    assert.equal((await app.inject(`/api/events/${e.slug}`)).json().state, 'cancelled', 'a cancelled event stays public');
    assert.deepEqual(audits(e.id), ['event.create', 'event.publish', 'event.cancel']);

    // A draft may be cancelled too; it never becomes public.
    const draft = await create({ title: 'Borrador descartado', kind: 'otro' }, false);
    assert.equal((await admin('POST', `/${draft.id}/cancel`)).json().state, 'cancelled');
    assert.equal((await admin('POST', '/9999/publish')).statusCode, 404);
  });

  test('the staff list filters by year and state', async () => {
    await create({ title: 'Feria de servicio 2028', kind: 'feria-servicio', startsAt: '2028-06-01T08:00', endsAt: '2028-06-01T17:00' }, false);
    const y2028 = (await admin('GET', '/?year=2028')).json().items;
    assert.deepEqual(y2028.map((e: { title: string }) => e.title), ['Feria de servicio 2028']);
    const drafts = (await admin('GET', '/?state=draft')).json().items;
    assert.ok(drafts.length >= 2 && drafts.every((e: { state: string }) => e.state === 'draft'));
    assert.equal((await admin('GET', '/?year=20')).statusCode, 400);
  });
});

describe('the public calendar', () => {
  test('drafts are invisible: not listed, 404 identical to an unknown slug, no .ics, no registration', async () => {
    const draft = await create({ title: 'Consulta de reglamento borrador', kind: 'consulta-normativa' }, false);
    const list = (await app.inject('/api/events')).json() as { slug: string }[];
    assert.ok(!list.some((e) => e.slug === draft.slug));
    const a = await app.inject(`/api/events/${draft.slug}`);
    const b = await app.inject('/api/events/no-existe-este');
    assert.equal(a.statusCode, 404);
    assert.equal(a.body, b.body);
    assert.equal((await app.inject(`/api/events/${draft.slug}.ics`)).body, (await app.inject('/api/events/no-existe-este.ics')).body);
    assert.equal((await register(draft.slug, 'x@example.co')).body, (await register('no-existe-este', 'x@example.co')).body);
    assert.ok(!(await app.inject('/api/events.ics')).body.includes('Consulta de reglamento borrador'));
  });

  test('the list: the issue\'s fields, filters by Bogotá days and kind, no personal data', async () => {
    const e = await create({ title: 'Inscripciones primer semestre', kind: 'inscripciones', startsAt: '2027-05-03T00:00', endsAt: '2027-05-07T23:00', registration: { enabled: true, capacity: 10, waitlist: false }, responsibleId: staff.id });
    assert.equal((await register(e.slug, 'privada@example.co', 'Persona Privada')).statusCode, 201);
    const res = await app.inject('/api/events?from=2027-05-03&to=2027-05-03');
    assert.equal(res.statusCode, 200);
    const [item, ...rest] = res.json();
    assert.equal(rest.length, 0);
    assert.deepEqual(item, {
      slug: 'inscripciones-primer-semestre',
      title: 'Inscripciones primer semestre',
      kind: 'inscripciones',
      startsAt: '2027-05-03T00:00:00-05:00',
      endsAt: '2027-05-07T23:00:00-05:00',
      state: 'published',
      phase: 'upcoming',
      place: 'Auditorio principal, Calle 5 # 8-20',
      onlineUrl: 'https://www.youtube.com/live/ecam',
      summary: 'Audiencia pública de rendición de cuentas de la vigencia 2026.',
      registration: { open: true, capacity: 10, remaining: 9, waitlist: false, closesAt: '2027-05-03T00:00:00-05:00' },
      questions: true,
      survey: 'satisfaccion-rendicion',
      chat: null,
    });
    // 2 May in Bogotá ends at 05:00 UTC on the 3rd: the event starting at 05:00 UTC is not in it.
    assert.deepEqual((await app.inject('/api/events?to=2027-05-02&from=2027-05-02')).json(), []);
    assert.deepEqual((await app.inject('/api/events?from=2027-05-08')).json().map((x: { slug: string }) => x.slug).filter((s: string) => s === e.slug), []);
    const byKind = (await app.inject('/api/events?kind=inscripciones')).json();
    assert.ok(byKind.length > 0 && byKind.every((x: { kind: string }) => x.kind === 'inscripciones'));
    assert.equal((await app.inject('/api/events?kind=fiesta')).statusCode, 400);
    assert.equal((await app.inject('/api/events?from=03-05-2027')).json().fields.from, 'Desde: use el formato AAAA-MM-DD.');
    const none = await create({ title: 'Foro sin inscripción', kind: 'foro', registration: { enabled: false }, surveySlug: null, questions: false });
    const detail = (await app.inject(`/api/events/${none.slug}`)).json();
    assert.equal(detail.registration, null);
    assert.equal(detail.survey, null);
    assert.equal(detail.body, 'Presentamos la gestión del año.\nHabrá espacio para preguntas.');
    for (const url of ['/api/events', `/api/events/${e.slug}`, '/api/events.ics', `/api/events/${e.slug}.ics`]) {
      const body = (await app.inject(url)).body;
      for (const secret of ['privada@example.co', 'Persona Privada', 'eventos.planeacion', 'responsible']) assert.ok(!body.includes(secret), `${url} leaks ${secret}`);
    }
  });

  test('.ics: text/calendar, parsed by ical.js with the right instants, TZID, stable UIDs, STATUS:CANCELLED', async () => {
    const e = await create({ title: 'Audiencia en el calendario', slug: 'audiencia-calendario' });
    const one = await app.inject(`/api/events/${e.slug}.ics`);
    assert.equal(one.statusCode, 200);
    assert.equal(one.headers['content-type'], 'text/calendar; charset=utf-8');
    assert.match(one.body, /DTSTART;TZID=America\/Bogota:20270310T090000/);
    const [parsed] = parseIcs(one.body);
    assert.deepEqual(parsed, {
      uid: `evento-${e.id}@ecam-participa`,
      summary: 'Audiencia en el calendario',
      start: '2027-03-10T14:00:00.000Z',
      end: '2027-03-10T16:00:00.000Z',
      tzid: 'America/Bogota',
      status: 'CONFIRMED',
    });
    // Renaming the slug keeps the UID; cancelling shows in the feed.
    assert.equal((await admin('PUT', `/${e.id}`, valid({ title: 'Audiencia en el calendario', slug: 'audiencia-renombrada' }))).statusCode, 200);
    assert.equal((await admin('POST', `/${e.id}/cancel`)).statusCode, 200);
    const feed = await app.inject('/api/events.ics');
    assert.equal(feed.headers['content-type'], 'text/calendar; charset=utf-8');
    const events = parseIcs(feed.body);
    const mine = events.find((x) => x.uid === `evento-${e.id}@ecam-participa`);
    assert.equal(mine?.status, 'CANCELLED');
    assert.match(feed.body, /STATUS:CANCELLED/);
    assert.equal(new Set(events.map((x) => x.uid)).size, events.length, 'one UID per event');
    assert.equal((await app.inject('/api/events/audiencia-calendario.ics')).statusCode, 404);
  });
});

describe('registrations', () => {
  test('201 registered, then waitlisted; consent stored; token kept only hashed; confirmation e-mail', async () => {
    const e = await create({ title: 'Diálogo con la comunidad', kind: 'foro', registration: { enabled: true, capacity: 1, waitlist: true } });
    const first = await register(e.slug, 'laura@example.co', 'Laura Gómez');
    assert.equal(first.statusCode, 201, first.body);
    const { status, cancelToken } = first.json();
    assert.equal(status, 'registered');
    assert.match(cancelToken, /^[A-Za-z0-9_-]{32}$/);
    const row = app.db.prepare('SELECT * FROM event_registrations WHERE email = ?').get('laura@example.co') as Record<string, string>;
    assert.notEqual(row.token_hash, cancelToken);
    assert.ok(!JSON.stringify(row).includes(cancelToken), 'the token itself is not stored');
    assert.equal(row.consent_at, now.toISOString());
    assert.equal(row.consent_policy, app.config.policyVersion);
    assert.equal(row.consent_ip, '127.0.0.1');
    const [mail] = mails('laura@example.co');
    assert.equal(mail!.subject, 'Inscripción confirmada: Diálogo con la comunidad');
    assert.ok(mail!.body.includes('Cordial saludo, Laura Gómez:'));
    assert.ok(mail!.body.includes('Fecha: miércoles 10 de marzo de 2027, 09:00 a 11:00 (hora de Colombia)'), mail!.body);
    // The request's address (app.inject's Host is localhost:80) without ECAM_PUBLIC_URL.
    assert.ok(mail!.body.includes(`http://localhost:80/participe/evento.html?evento=${e.slug}#cancelar=${cancelToken}`), mail!.body);
    assert.ok(mail!.body.includes(`http://localhost:80/api/events/${e.slug}.ics`));

    const second = await register(e.slug, 'mario@example.co', 'Mario Ruiz');
    assert.equal(second.json().status, 'waitlisted');
    assert.equal(mails('mario@example.co')[0]!.subject, 'Lista de espera: Diálogo con la comunidad');
    const pub = (await app.inject(`/api/events/${e.slug}`)).json().registration;
    assert.deepEqual([pub.open, pub.remaining], [true, 0]);
  });

  test('409 for the same e-mail (any case) and for a full event without waiting list; 400 for bad input', async () => {
    const e = await create({ title: 'Taller con cupo', kind: 'capacitacion', registration: { enabled: true, capacity: 1, waitlist: false } });
    assert.equal((await register(e.slug, 'pedro@example.co')).statusCode, 201);
    const again = await register(e.slug, 'PEDRO@example.co');
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error, 'Ya hay una inscripción a este evento con ese correo electrónico.');
    assert.equal(again.json().fields.email, 'Correo electrónico: ya está inscrito en este evento.');
    const full = await register(e.slug, 'otra@example.co');
    assert.equal(full.statusCode, 409);
    assert.equal(full.json().error, 'El cupo de este evento está completo y no tiene lista de espera.');
    assert.equal((await app.inject(`/api/events/${e.slug}`)).json().registration.open, false);
    const bad = await app.inject({ method: 'POST', url: `/api/events/${e.slug}/registrations`, payload: { name: 'A', email: 'no-es-correo', consent: false } });
    assert.equal(bad.statusCode, 400);
    const f = bad.json().fields;
    assert.equal(f.name, 'Nombre: escriba al menos 2 caracteres.');
    assert.match(f.email, /^Correo electrónico:/);
    assert.match(f.consent, /^Autorización de datos:/);
  });

  test('400 once the event started or registration closed, for a cancelled event and one without registration', async () => {
    const soon = await create({ title: 'Feria de hoy', kind: 'feria-servicio', startsAt: '2027-03-01T09:00', endsAt: '2027-03-01T16:00' });
    const started = await register(soon.slug, 'tarde@example.co');
    assert.equal(started.statusCode, 400);
    assert.equal(started.json().error, 'El evento ya comenzó o ya se realizó: no recibe inscripciones.');
    const closed = await create({ title: 'Cierre anticipado', kind: 'inscripciones', registration: { enabled: true, closesAt: '2027-03-01T09:00' } });
    assert.equal((await register(closed.slug, 'x@example.co')).json().error, 'Las inscripciones a este evento ya cerraron.');
    assert.equal((await app.inject(`/api/events/${closed.slug}`)).json().registration.open, false);
    const none = await create({ title: 'Sin inscripción', kind: 'otro', registration: { enabled: false } });
    assert.equal((await register(none.slug, 'x@example.co')).json().error, 'Este evento no tiene inscripción.');
    const gone = await create({ title: 'Cancelado antes', kind: 'otro' });
    assert.equal((await register(gone.slug, 'antes@example.co')).statusCode, 201);
    assert.equal((await admin('POST', `/${gone.id}/cancel`)).statusCode, 200);
    assert.equal(mails('antes@example.co').at(-1)!.subject, 'Evento cancelado: Cancelado antes');
    const after = await register(gone.slug, 'x@example.co');
    assert.equal(after.statusCode, 400);
    assert.equal(after.json().error, 'El evento fue cancelado: no recibe inscripciones.');
  });

  test('100 concurrent registrations for 50 places: exactly 50 registered and 50 waitlisted, in order', async () => {
    const e = await create({ title: 'Rendición de cuentas masiva', registration: { enabled: true, capacity: 50, waitlist: true } });
    const responses = await Promise.all(Array.from({ length: 100 }, (_, i) => register(e.slug, `p${i}@example.co`, `Persona ${i}`)));
    assert.ok(responses.every((r) => r.statusCode === 201), responses.find((r) => r.statusCode !== 201)?.body);
    const statuses = responses.map((r) => r.json().status);
    assert.equal(statuses.filter((s) => s === 'registered').length, 50);
    assert.equal(statuses.filter((s) => s === 'waitlisted').length, 50);
    const rows = app.db.prepare('SELECT email, status FROM event_registrations WHERE event_id = ? ORDER BY id').all(e.id) as { email: string; status: string }[];
    assert.equal(rows.length, 100);
    // In order of arrival: the first 50 written are the registered ones, and each answer says what was stored.
    assert.deepEqual(rows.map((r) => r.status), [...Array(50).fill('registered'), ...Array(50).fill('waitlisted')]);
    const byEmail = new Map(rows.map((r) => [r.email, r.status]));
    statuses.forEach((status, i) => assert.equal(byEmail.get(`p${i}@example.co`), status));
    // Requests sent together are served in the order they were sent: the first 50 got the places.
    assert.deepEqual(statuses, [...Array(50).fill('registered'), ...Array(50).fill('waitlisted')]);
    const detail = (await admin('GET', `/${e.id}`)).json();
    assert.deepEqual(detail.counts, { registered: 50, waitlisted: 50 });
    assert.equal(mails('p0@example.co').length, 1);

    // A cancellation promotes the first in line, who gets an e-mail.
    const registered = responses.findIndex((r) => r.json().status === 'registered');
    const firstWaiting = rows.find((r) => r.status === 'waitlisted')!.email;
    const res = await cancelRegistration(e.slug, responses[registered]!.json().cancelToken);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { cancelled: true });
    const after = app.db.prepare('SELECT email, status FROM event_registrations WHERE event_id = ? ORDER BY id').all(e.id) as { email: string; status: string }[];
    assert.equal(after.find((r) => r.email === firstWaiting)!.status, 'registered');
    assert.equal(after.filter((r) => r.status === 'registered').length, 50);
    assert.equal(after.filter((r) => r.status === 'waitlisted').length, 49);
    const promoted = mails(firstWaiting).at(-1)!;
    assert.equal(promoted.subject, 'Tiene cupo: Rendición de cuentas masiva');
    assert.ok(promoted.body.includes('pasó de la lista de espera a confirmada'));
  });

  test('cancel with the token in the body: 404 for a wrong or used token; a waitlisted one promotes no one; re-registering works', async () => {
    const e = await create({ title: 'Foro de cancelaciones', kind: 'foro', registration: { enabled: true, capacity: 1, waitlist: true } });
    const a = (await register(e.slug, 'a@example.co')).json();
    const b = (await register(e.slug, 'b@example.co')).json();
    const c = (await register(e.slug, 'c@example.co')).json();
    assert.deepEqual([a.status, b.status, c.status], ['registered', 'waitlisted', 'waitlisted']);
    const wrong = await cancelRegistration(e.slug, 'ficha-falsa');
    assert.equal(wrong.statusCode, 404);
    assert.equal(wrong.json().error, 'No hay una inscripción activa a este evento con esa ficha de cancelación.');
    assert.equal((await cancelRegistration('no-existe-este', a.cancelToken)).statusCode, 404);
    const noBody = await app.inject({ method: 'DELETE', url: `/api/events/${e.slug}/registrations`, payload: {} });
    assert.equal(noBody.statusCode, 400);
    assert.equal(noBody.json().fields.cancelToken, 'Ficha de cancelación: es obligatoria.');
    // The waitlisted c leaves: b stays waiting.
    assert.equal((await cancelRegistration(e.slug, c.cancelToken)).statusCode, 200);
    assert.equal((await cancelRegistration(e.slug, c.cancelToken)).statusCode, 404, 'a token works once');
    assert.equal(mails('b@example.co').length, 1);
    // a leaves: b is promoted.
    assert.equal((await cancelRegistration(e.slug, a.cancelToken)).statusCode, 200);
    assert.equal(mails('b@example.co').at(-1)!.subject, 'Tiene cupo: Foro de cancelaciones');
    const again = await register(e.slug, 'a@example.co');
    assert.equal(again.statusCode, 201);
    assert.equal(again.json().status, 'waitlisted', 'a cancelled e-mail may register again, at the end of the line');
  });
});

describe('from the entity\'s website', () => {
  test('CORS lets a listed site cancel (DELETE); registrations are rate limited per IP; links and UIDs use ECAM_PUBLIC_URL', async () => {
    const site = 'https://www.ecam.edu.co';
    const other = await testApp(
      { ECAM_RATE_LIMIT: 'on', ECAM_RATE_LIMIT_MAX: '3', ECAM_ALLOWED_ORIGINS: site, ECAM_PUBLIC_URL: 'https://participa.ecam.edu.co' },
      () => now,
    );
    try {
      const s = await staffSession(other.app, 'eventos.sitio', 'funcionario');
      const created = await other.app.inject({ method: 'POST', url: '/api/admin/events', headers: staffHeaders(s), payload: valid({ surveySlug: null }) });
      assert.equal(created.statusCode, 201, created.body);
      const { id, slug } = created.json();
      assert.equal((await other.app.inject({ method: 'POST', url: `/api/admin/events/${id}/publish`, headers: staffHeaders(s) })).statusCode, 200);

      const preflight = await other.app.inject({
        method: 'OPTIONS',
        url: `/api/events/${slug}/registrations`,
        headers: { origin: site, 'access-control-request-method': 'DELETE', 'access-control-request-headers': 'content-type' },
      });
      assert.equal(preflight.headers['access-control-allow-origin'], site);
      assert.match(String(preflight.headers['access-control-allow-methods']), /DELETE/);

      const codes: number[] = [];
      let token = '';
      for (let i = 0; i < 4; i++) {
        const res = await other.app.inject({ method: 'POST', url: `/api/events/${slug}/registrations`, headers: { origin: site }, payload: { name: 'Ana Pérez', email: `r${i}@example.co`, consent: true } });
        codes.push(res.statusCode);
        if (i === 0) token = res.json().cancelToken;
      }
      assert.deepEqual(codes, [201, 201, 201, 429]);
      const mail = other.app.db.prepare('SELECT body FROM outbox WHERE to_address = ?').get('r0@example.co') as { body: string };
      assert.ok(mail.body.includes(`https://participa.ecam.edu.co/participe/evento.html?evento=${slug}#cancelar=${token}`));
      const [parsed] = parseIcs((await other.app.inject(`/api/events/${slug}.ics`)).body);
      assert.equal(parsed!.uid, `evento-${id}@participa.ecam.edu.co`);
    } finally {
      await other.app.close();
    }
  });
});

describe('a new database', () => {
  test('seeds a sample plan: an upcoming rendición de cuentas 30 days after creation with registration open and questions', async () => {
    const fresh = await testApp();
    try {
      const created = Date.now();
      const list = (await fresh.app.inject('/api/events')).json() as { slug: string; kind: string; startsAt: string; phase: string; registration: { open: boolean } | null; questions: boolean; survey: string | null }[];
      assert.deepEqual(list.map((e) => e.kind), ['feria-servicio', 'rendicion-cuentas', 'inscripciones', 'foro'], 'the draft is not public');
      const rc = list.find((e) => e.kind === 'rendicion-cuentas')!;
      const day = new Date(created - 5 * 3_600_000 + 30 * 86_400_000).toISOString().slice(0, 10);
      assert.equal(rc.startsAt, `${day}T09:00:00-05:00`);
      assert.equal(rc.phase, 'upcoming');
      assert.equal(rc.registration?.open, true);
      assert.equal(rc.questions, true);
      assert.equal(rc.survey, 'satisfaccion-servicio');
      assert.equal(list[0]!.phase, 'held');
      assert.equal((await fresh.app.inject(`/api/events/${rc.slug}/registrations`, )).statusCode, 404, 'only POST and DELETE');
      assert.equal((await fresh.app.inject({ method: 'POST', url: `/api/events/${rc.slug}/registrations`, payload: { name: 'Ana Pérez', email: 'ana@example.co', consent: true } })).json().status, 'registered');
    } finally {
      await fresh.app.close();
    }
  });
});

describe('citizens\' questions', () => {
  test('asked before and during the event, moderated by staff, answered in public without who asked', async () => {
    const e = await create({ title: 'Audiencia con preguntas', startsAt: '2027-03-04T09:00', endsAt: '2027-03-04T11:00' });
    const asked = await ask(e.slug, { question: '¿Cuánto se invirtió en la sede nueva?', name: 'Carlos Ruiz', email: 'carlos@example.co' });
    assert.equal(asked.statusCode, 201, asked.body);
    assert.deepEqual(asked.json(), { id: asked.json().id, state: 'pending' });
    const anonymous = await ask(e.slug, { question: '¿Habrá transmisión con intérprete de señas?' });
    assert.equal(anonymous.statusCode, 201);
    const bad = await ask(e.slug, { question: 'corta', email: 'no-es' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().fields.question, 'Pregunta: escriba al menos 10 caracteres.');
    assert.match(bad.json().fields.email, /^Correo electrónico:/);

    const detail = async () => (await app.inject(`/api/events/${e.slug}`)).json();
    assert.deepEqual((await detail()).publishedQuestions, [], 'pending questions are not public');
    const list = (await admin('GET', `/${e.id}/questions`)).json().items;
    assert.deepEqual(list.map((q: { name: string | null; state: string }) => [q.name, q.state]), [['Carlos Ruiz', 'pending'], [null, 'pending']]);

    const moderate = (id: number, body: object) => admin('PUT', `/${e.id}/questions/${id}`, body);
    const published = await moderate(list[0].id, { state: 'published' });
    assert.equal(published.statusCode, 200, published.body);
    assert.equal(published.json().publishedAt, now.toISOString());
    assert.equal((await moderate(list[1].id, { state: 'hidden' })).json().state, 'hidden');
    let pub = (await detail()).publishedQuestions;
    assert.deepEqual(pub, [{ id: list[0].id, question: '¿Cuánto se invirtió en la sede nueva?', answer: null, answeredAt: null, publishedAt: now.toISOString(), merged: 0 }]);

    const saved = now;
    try {
      now = new Date('2027-03-04T14:30:00Z'); // during the event
      staff = { ...staff, ...openSession(app, staff.id) };
      assert.equal((await ask(e.slug, { question: 'Pregunta hecha durante la audiencia.' })).statusCode, 201, 'questions are taken while in progress');
      const answered = await moderate(list[0].id, { state: 'published', answer: 'Se invirtieron 1.200 millones de pesos.' });
      assert.equal(answered.json().answeredAt, now.toISOString());
      pub = (await detail()).publishedQuestions;
      assert.equal(pub[0].answer, 'Se invirtieron 1.200 millones de pesos.');
      assert.equal(pub[0].publishedAt, saved.toISOString(), 'publishing again keeps the first publication time');
      const body = (await app.inject(`/api/events/${e.slug}`)).body;
      assert.ok(!body.includes('Carlos') && !body.includes('carlos@example.co'));
      now = new Date('2027-03-04T16:00:00Z'); // held
      const late = await ask(e.slug, { question: 'Pregunta tardía después del evento.' });
      assert.equal(late.statusCode, 400);
      assert.equal(late.json().error, 'El evento ya terminó: no recibe preguntas. Puede radicar una petición.');
    } finally {
      now = saved;
      staff = { ...staff, ...openSession(app, staff.id) };
    }
    const without = await create({ title: 'Sin preguntas', kind: 'otro', questions: false });
    assert.equal((await ask(without.slug, { question: 'Una pregunta que no se recibe.' })).json().error, 'Este evento no recibe preguntas.');
    assert.equal((await moderate(9999, { state: 'published' })).statusCode, 404);
    assert.equal(audits(e.id).filter((a) => a === 'event.question').length, 3);
  });
});

describe('staff and the registrations', () => {
  test('the list in order, the CSV (parsed), attendance from the day of the event (audited)', async () => {
    const e = await create({ title: 'Taller de asistencia', kind: 'capacitacion', startsAt: '2027-03-03T14:00', endsAt: '2027-03-03T16:00', registration: { enabled: true, capacity: 1, waitlist: true } });
    const first = (await register(e.slug, 'uno@example.co', '=HYPERLINK("x")')).json();
    await register(e.slug, 'dos@example.co', 'Dos Díaz');
    const list = (await admin('GET', `/${e.id}/registrations`)).json().items;
    assert.deepEqual(list.map((r: { email: string; status: string }) => [r.email, r.status]), [['uno@example.co', 'registered'], ['dos@example.co', 'waitlisted']]);

    const csv = await admin('GET', `/${e.id}/registrations.csv`);
    assert.equal(csv.statusCode, 200);
    assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8');
    assert.match(String(csv.headers['content-disposition']), /inscripciones-taller-de-asistencia\.csv/);
    const rows = parseCsv(csv.body, { bom: true, delimiter: ';' }) as string[][];
    assert.deepEqual(rows[0], ['N.º', 'Nombre', 'Correo electrónico', 'Estado', 'Inscrito el', 'Pasó de la lista de espera el', 'Canceló el', 'Asistió']);
    assert.deepEqual(rows[1]!.slice(1), ["'=HYPERLINK(\"x\")", 'uno@example.co', 'Inscrito', '2027-03-01 10:00', '', '', 'No']);
    assert.equal(rows[2]![3], 'En lista de espera');

    const regId = list[0].id;
    const mark = (attended: boolean, id = regId) => admin('PUT', `/${e.id}/registrations/${id}/attendance`, { attended });
    const early = await mark(true);
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().error, 'La asistencia se registra desde el día del evento.');
    const saved = now;
    try {
      now = new Date('2027-03-03T13:00:00Z'); // 08:00 on the day, in Bogotá
      staff = { ...staff, ...openSession(app, staff.id) };
      const ok = await mark(true);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().attendedAt, now.toISOString());
      assert.equal((await mark(true, list[1].id)).statusCode, 409, 'not someone on the waiting list');
      assert.equal((await mark(false)).json().attendedAt, null);
      await mark(true);
      const again = parseCsv((await admin('GET', `/${e.id}/registrations.csv`)).body, { bom: true, delimiter: ';' }) as string[][];
      assert.equal(again[1]![7], 'Sí');
      assert.equal((await admin('PUT', `/${e.id}/registrations/9999/attendance`, { attended: true })).statusCode, 404);
    } finally {
      now = saved;
      staff = { ...staff, ...openSession(app, staff.id) };
    }
    assert.deepEqual(audits(e.id).filter((a) => a === 'event.attendance').length, 3);
    assert.ok(first.cancelToken);
  });
});

describe('habeas data (Ley 1581)', () => {
  test('a registrant\'s data is in the privacy export and anonymised with the rest; the registration stays counted', async () => {
    const e = await create({ title: 'Foro de datos personales', kind: 'foro' });
    assert.equal((await register(e.slug, 'Habeas@Example.co', 'Hilda Beas')).statusCode, 201);
    assert.equal((await ask(e.slug, { question: '¿Cómo protegen mis datos personales?', name: 'Hilda Beas', email: 'habeas@example.co' })).statusCode, 201);
    const officer = await staffSession(app, 'eventos.admin', 'admin');
    const post = (url: string) => app.inject({ method: 'POST', url: `/api/admin/privacy/${url}`, headers: staffHeaders(officer), payload: { email: 'habeas@example.co' } });
    const exported = (await post('export')).json();
    assert.equal(exported.eventRegistrations.length, 1);
    assert.equal(exported.eventQuestions[0].question, '¿Cómo protegen mis datos personales?');
    assert.deepEqual(
      { ...exported.eventRegistrations[0], consent: undefined },
      { event: 'Foro de datos personales', eventSlug: e.slug, name: 'Hilda Beas', email: 'Habeas@Example.co', status: 'registered', createdAt: now.toISOString(), cancelledAt: null, consent: undefined },
    );
    const done = await post('anonymise');
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().eventRegistrations, 1);
    const row = app.db.prepare('SELECT name, email, consent_ip, status FROM event_registrations WHERE event_id = ?').get(e.id) as Record<string, string>;
    assert.equal(row.name, '');
    assert.match(row.email, /^anonimizado-\d+$/);
    assert.equal(row.consent_ip, '');
    assert.equal(row.status, 'registered');
    assert.equal((await post('export')).json().eventRegistrations.length, 0);
    assert.equal(done.json().eventQuestions, 1);
    const q = app.db.prepare('SELECT name, email, body FROM event_questions WHERE event_id = ?').get(e.id) as Record<string, string | null>;
    assert.deepEqual(q, { name: null, email: null, body: '¿Cómo protegen mis datos personales?' });
  });
});

describe('the day-before reminder', () => {
  test('queued once per registered person from 24 hours before, never twice across a restart', async () => {
    const dataDir = tempDataDir();
    let clock = new Date('2027-03-01T15:00:00Z');
    const env = { ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD, ECAM_DATA_DIR: dataDir };
    const first = await testApp(env, () => clock);
    const s = await staffSession(first.app, 'eventos.recordatorios', 'funcionario');
    const created = await first.app.inject({
      method: 'POST',
      url: '/api/admin/events',
      headers: staffHeaders(s),
      payload: valid({ title: 'Audiencia con recordatorio', startsAt: '2027-03-03T09:00', endsAt: '2027-03-03T11:00', surveySlug: null, registration: { enabled: true, capacity: 1, waitlist: true } }),
    });
    const { id, slug } = created.json();
    await first.app.inject({ method: 'POST', url: `/api/admin/events/${id}/publish`, headers: staffHeaders(s) });
    for (const who of ['rec1', 'rec2']) {
      await first.app.inject({ method: 'POST', url: `/api/events/${slug}/registrations`, payload: { name: 'Rosa Cárdenas', email: `${who}@example.co`, consent: true } });
    }
    const reminders = (a: typeof app) =>
      (a.db.prepare("SELECT to_address AS \"to\", body FROM outbox WHERE subject = 'Recordatorio: Audiencia con recordatorio' ORDER BY id").all() as { to: string; body: string }[]);
    // 09:00 on the 3rd in Bogotá is 14:00 UTC: a second too early, nothing.
    clock = new Date('2027-03-02T13:59:59Z');
    assert.equal(eventsService(first.app).remind('https://participa.example'), 0);
    clock = new Date('2027-03-02T14:00:00Z');
    assert.equal(eventsService(first.app).remind('https://participa.example'), 1);
    assert.equal(eventsService(first.app).remind('https://participa.example'), 0, 'the same run again sends nothing');
    const [mail] = reminders(first.app);
    assert.equal(mail!.to, 'rec1@example.co', 'only the registered person, not the waiting list');
    assert.ok(mail!.body.includes('Fecha: miércoles 3 de marzo de 2027, 09:00 a 11:00 (hora de Colombia)'));
    await first.app.close();

    // A restart: the job runs at start and finds nothing left to send.
    clock = new Date('2027-03-02T20:00:00Z');
    const second = await testApp(env, () => clock);
    try {
      assert.equal(reminders(second.app).length, 1);
      assert.equal(eventsService(second.app).remind('https://participa.example'), 0);
      assert.equal(reminders(second.app).length, 1);
    } finally {
      await second.app.close();
    }
  });

  test('a server that was down catches up when it starts', async () => {
    const dataDir = tempDataDir();
    let clock = new Date('2027-03-01T15:00:00Z');
    const env = { ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD, ECAM_DATA_DIR: dataDir };
    const first = await testApp(env, () => clock);
    const s = await staffSession(first.app, 'eventos.caida', 'funcionario');
    const { id, slug } = (await first.app.inject({ method: 'POST', url: '/api/admin/events', headers: staffHeaders(s), payload: valid({ title: 'Evento tras la caída', startsAt: '2027-03-03T09:00', endsAt: '2027-03-03T11:00', surveySlug: null }) })).json();
    await first.app.inject({ method: 'POST', url: `/api/admin/events/${id}/publish`, headers: staffHeaders(s) });
    await first.app.inject({ method: 'POST', url: `/api/events/${slug}/registrations`, payload: { name: 'Rosa Cárdenas', email: 'caida@example.co', consent: true } });
    await first.app.close();
    clock = new Date('2027-03-02T18:00:00Z');
    const second = await testApp(env, () => clock);
    try {
      const sent = second.app.db.prepare("SELECT count(*) FROM outbox WHERE to_address = 'caida@example.co' AND subject LIKE 'Recordatorio:%'").pluck().get();
      assert.equal(sent, 1);
    } finally {
      await second.app.close();
    }
  });
});

describe('the survey invitation after the event', () => {
  test('once per registered person of an event with a survey, after its end', async () => {
    const e = await create({ title: 'Foro con encuesta', kind: 'foro', startsAt: '2027-03-06T09:00', endsAt: '2027-03-06T11:00', registration: { enabled: true, capacity: 1, waitlist: true } });
    await register(e.slug, 'encuesta1@example.co');
    await register(e.slug, 'encuesta2@example.co');
    const noSurvey = await create({ title: 'Foro sin encuesta', kind: 'foro', startsAt: '2027-03-06T09:00', endsAt: '2027-03-06T11:00', surveySlug: null });
    await register(noSurvey.slug, 'sinencuesta@example.co');
    const service = eventsService(app);
    const saved = now;
    try {
      now = new Date('2027-03-06T15:59:59Z'); // a second before the end (11:00 in Bogotá)
      service.inviteToSurvey('https://participa.example');
      assert.equal(mails('encuesta1@example.co').filter((m) => m.subject.startsWith('Cuéntenos')).length, 0);
      now = new Date('2027-03-06T16:00:00Z');
      assert.ok(service.inviteToSurvey('https://participa.example') >= 1);
      assert.equal(service.inviteToSurvey('https://participa.example'), 0);
      const invitation = mails('encuesta1@example.co').filter((m) => m.subject === 'Cuéntenos cómo le fue: Foro con encuesta');
      assert.equal(invitation.length, 1);
      assert.ok(invitation[0]!.body.includes(`https://participa.example/participe/evento.html?evento=${e.slug}#encuesta`));
      assert.equal(mails('encuesta2@example.co').filter((m) => m.subject.startsWith('Cuéntenos')).length, 0, 'not the waiting list');
      assert.equal(mails('sinencuesta@example.co').filter((m) => m.subject.startsWith('Cuéntenos')).length, 0, 'not without a survey');
    } finally {
      now = saved;
    }
  });
});

describe('the plan', () => {
  test('copying a year makes drafts on the same weekday, the year in titles updated, tools and goals kept', async () => {
    const source = await create({ title: 'Rendición de cuentas 2029', startsAt: '2029-03-14T09:00', endsAt: '2029-03-14T11:00', registration: { enabled: true, capacity: 80, waitlist: true, closesAt: '2029-03-13T17:00' } });
    const gone = await create({ title: 'Foro cancelado 2029', kind: 'foro', startsAt: '2029-05-02T09:00', endsAt: '2029-05-02T11:00' });
    await admin('POST', `/${gone.id}/cancel`);
    const res = await admin('POST', '/copy-year', { from: 2029, to: 2030 });
    assert.equal(res.statusCode, 201, res.body);
    const items = res.json().items;
    assert.equal(items.length, 1, 'cancelled events are not copied');
    const copy = items[0];
    assert.equal(copy.title, 'Rendición de cuentas 2030');
    assert.equal(copy.slug, 'rendicion-de-cuentas-2030');
    assert.equal(copy.state, 'draft');
    assert.equal(copy.startsAt, '2030-03-13T09:00:00-05:00');
    assert.equal(new Date('2030-03-13').getUTCDay(), new Date('2029-03-14').getUTCDay(), 'same weekday');
    assert.deepEqual(copy.registration, { enabled: true, capacity: 80, waitlist: true, closesAt: '2030-03-12T17:00:00-05:00' });
    assert.deepEqual(copy.goals, { registrations: 150, surveyAnswers: 80 });
    assert.equal(copy.surveySlug, 'satisfaccion-rendicion');
    assert.notEqual(copy.id, source.id);
    const bad = await admin('POST', '/copy-year', { from: 2031, to: 2030 });
    assert.equal(bad.json().fields.to, 'Año de destino: debe ser posterior al de origen.');
    const empty = await admin('POST', '/copy-year', { from: 2040, to: 2041 });
    assert.equal(empty.json().fields.from, 'Año de origen: no hay eventos en 2040 para copiar.');
    const audit = app.db.prepare("SELECT details FROM audit_log WHERE action = 'event.copy-year'").get() as { details: string };
    assert.deepEqual(JSON.parse(audit.details), { from: 2029, to: 2030, copied: 1 });
  });
});
