/**
 * The live feed of an event's page (`GET /api/events/:slug/live`, issue 12): frames when staff
 * publish, answer and hide questions, replay after Last-Event-ID, the state and phase as the
 * app's clock moves. A real listening server, real streams read with fetch, a set clock.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ADMIN_PASSWORD, staffHeaders, staffSession, type StaffSession } from '../admin-helpers.ts';
import { listen, openEvents, type EventStream, type SseEvent } from '../chat-helpers.ts';
import { eventsService } from '../../api/events/service.ts';
import { testApp } from '../helpers.ts';

let now = new Date('2027-03-01T15:00:00Z'); // Monday 1 March 2027, 10:00 in Bogotá
const { app } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD }, () => now);
const base = await listen(app);
const open: EventStream[] = [];
after(async () => {
  for (const s of open) s.close();
  await app.close();
});

let staff: StaffSession & { id: number };
before(async () => {
  staff = await staffSession(app, 'eventos.envivo', 'funcionario');
});

const admin = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  app.inject({ method, url: `/api/admin/events${url}`, headers: staffHeaders(staff), ...(payload ? { payload } : {}) });

async function create(title: string, startsAt: string, endsAt: string, publish = true) {
  const res = await admin('POST', '/', {
    title,
    kind: 'rendicion-cuentas',
    summary: 'Audiencia pública.',
    startsAt,
    endsAt,
    place: 'Auditorio principal',
    questions: true,
  });
  assert.equal(res.statusCode, 201, res.body);
  const event = res.json() as { id: number; slug: string };
  if (publish) assert.equal((await admin('POST', `/${event.id}/publish`)).statusCode, 200);
  return event;
}

async function ask(slug: string, question: string): Promise<number> {
  const res = await app.inject({ method: 'POST', url: `/api/events/${slug}/questions`, payload: { question, consent: true } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id;
}

async function moderate(eventId: number, id: number, body: { state: string; answer?: string | null }) {
  const res = await admin('PUT', `/${eventId}/questions/${id}`, body);
  assert.equal(res.statusCode, 200, res.body);
}

const detail = async (slug: string) => (await app.inject(`/api/events/${slug}`)).json();

async function watch(slug: string, lastEventId?: number): Promise<EventStream> {
  const stream = await openEvents(`${base}/api/events/${slug}/live`, lastEventId === undefined ? {} : { 'last-event-id': String(lastEventId) });
  open.push(stream);
  assert.equal(stream.status, 200);
  return stream;
}

/** The frame as a page sees it: name, id as a number, data. */
const frame = (e: SseEvent) => ({ event: e.event, id: e.id === undefined ? undefined : Number(e.id), data: e.data });

describe('the live feed of an event', () => {
  test('406 without Accept: text/event-stream; 404 identical for unknown and draft events', async () => {
    const e = await create('Audiencia de prueba de cabeceras', '2027-03-10T09:00', '2027-03-10T11:00');
    for (const accept of [undefined, 'application/json', 'text/html']) {
      const res = await fetch(`${base}/api/events/${e.slug}/live`, { headers: accept ? { accept } : {} });
      assert.equal(res.status, 406);
      assert.equal((await res.json()).error, 'Esta dirección es un flujo de eventos: pídala con «Accept: text/event-stream».');
    }
    const draft = await create('Audiencia en borrador', '2027-03-10T09:00', '2027-03-10T11:00', false);
    const unknown = await fetch(`${base}/api/events/no-existe/live`, { headers: { accept: 'text/event-stream' } });
    const hidden = await fetch(`${base}/api/events/${draft.slug}/live`, { headers: { accept: 'text/event-stream' } });
    assert.equal(unknown.status, 404);
    assert.equal(hidden.status, 404);
    assert.deepEqual(await hidden.json(), await unknown.json());

    const stream = await watch(e.slug);
    assert.equal(stream.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    assert.equal(stream.headers.get('cache-control'), 'no-store');
  });

  test('frames when staff publish, answer and hide questions, to every viewer of the event, after the commit', async () => {
    const e = await create('Audiencia en vivo', '2027-03-10T09:00', '2027-03-10T11:00');
    const other = await create('Otra audiencia', '2027-03-11T09:00', '2027-03-11T11:00');
    const q1 = await ask(e.slug, '¿Cuánto se invirtió en la sede nueva?');
    const q2 = await ask(e.slug, '¿Cuándo abren las inscripciones del próximo periodo?');
    const q3 = await ask(e.slug, 'Una pregunta que nunca se publica.');
    const elsewhere = await ask(other.slug, 'Pregunta de otro evento que no debe llegar.');

    const { liveSeq } = await detail(e.slug);
    const viewers = [await watch(e.slug), await watch(e.slug)];
    for (const v of viewers) {
      assert.deepEqual(frame(await v.next()), { event: 'state', id: liveSeq, data: { state: 'published', phase: 'upcoming' } });
    }

    await moderate(other.id, elsewhere, { state: 'published' });
    await moderate(e.id, q3, { state: 'hidden' }); // never public: nothing to tell
    await moderate(e.id, q1, { state: 'published' });
    await moderate(e.id, q1, { state: 'published', answer: 'Se invirtieron 1.200 millones de pesos.' });
    await moderate(e.id, q1, { state: 'published', answer: 'Se invirtieron 1.200 millones de pesos.' }); // no change, no frame
    await moderate(e.id, q2, { state: 'published' });
    await moderate(e.id, q1, { state: 'hidden' });

    const pub = (await detail(e.slug)).publishedQuestions;
    assert.deepEqual(pub.map((q: { id: number }) => q.id), [q2]);
    for (const v of viewers) {
      const got = [await v.next(), await v.next(), await v.next(), await v.next()].map(frame);
      assert.deepEqual(got.map((f) => [f.event, (f.data as { id: number }).id]), [
        ['question', q1],
        ['question', q1],
        ['question', q2],
        ['question-removed', q1],
      ]);
      assert.deepEqual(got[0]!.data, { id: q1, question: '¿Cuánto se invirtió en la sede nueva?', answer: null, answeredAt: null, publishedAt: now.toISOString(), merged: 0 });
      assert.equal((got[1]!.data as { answer: string }).answer, 'Se invirtieron 1.200 millones de pesos.');
      assert.deepEqual(got[2]!.data, pub[0], 'the same object as the detail');
      assert.deepEqual(got[3]!.data, { id: q1 });
      const ids = got.map((f) => f.id!);
      assert.ok(ids.every((id, i) => id > (i ? ids[i - 1]! : liveSeq)), `ids increase: ${ids.join(', ')}`);
      assert.equal(ids.at(-1), (await detail(e.slug)).liveSeq, 'the detail says where the feed is');
    }
  });

  test('reconnecting with Last-Event-ID gets exactly the missed changes, in order; with the detail\'s liveSeq, nothing old', async () => {
    const e = await create('Audiencia con reconexión', '2027-03-12T09:00', '2027-03-12T11:00');
    const other = await create('Audiencia vecina', '2027-03-12T14:00', '2027-03-12T16:00');
    const a = await ask(e.slug, 'Primera pregunta de la audiencia.');
    const b = await ask(e.slug, 'Segunda pregunta de la audiencia.');
    const c = await ask(e.slug, 'Tercera pregunta de la audiencia.');
    const d = await ask(e.slug, 'Cuarta pregunta de la audiencia.');
    const x = await ask(other.slug, 'Pregunta de la audiencia vecina.');
    const phone = await watch(e.slug);
    const staying = await watch(e.slug);
    await phone.next();
    await staying.next();
    await moderate(e.id, a, { state: 'published' });
    await moderate(e.id, b, { state: 'published' });
    const seen = [await phone.next(), await phone.next()].map(frame);
    assert.deepEqual(seen.map((f) => (f.data as { id: number }).id), [a, b]);
    const last = seen[1]!.id!;
    phone.close(); // the phone loses its connection

    await moderate(e.id, c, { state: 'published' });
    await moderate(other.id, x, { state: 'published' }); // another event's change
    await moderate(e.id, a, { state: 'published', answer: 'Respuesta a la primera.' });
    await moderate(e.id, b, { state: 'hidden' });
    await moderate(e.id, d, { state: 'hidden' }); // never public
    await moderate(e.id, c, { state: 'published', answer: 'Respuesta a la tercera.' });

    // The viewer that stayed saw every change as it happened.
    const live = [];
    for (let i = 0; i < 4; i++) live.push(frame(await staying.next()));
    const kinds = (fs: ReturnType<typeof frame>[]) => fs.map((f) => [f.event, (f.data as { id: number }).id, (f.data as { answer?: string | null }).answer ?? null]);
    assert.deepEqual(kinds(live), [
      ['question', a, null],
      ['question', b, null],
      ['question', c, null],
      ['question', a, 'Respuesta a la primera.'],
    ]);
    const rest = [frame(await staying.next()), frame(await staying.next())];
    assert.deepEqual(kinds(rest), [
      ['question-removed', b, null],
      ['question', c, 'Respuesta a la tercera.'],
    ]);

    // The phone comes back: the state, then each question changed after its last id, in the
    // order of their last change, as they are now (c twice in the meantime: once, answered).
    const back = await watch(e.slug, last);
    assert.deepEqual(frame(await back.next()), { event: 'state', id: last, data: { state: 'published', phase: 'upcoming' } });
    const missed = [frame(await back.next()), frame(await back.next()), frame(await back.next())];
    assert.deepEqual(kinds(missed), [
      ['question', a, 'Respuesta a la primera.'],
      ['question-removed', b, null],
      ['question', c, 'Respuesta a la tercera.'],
    ]);
    assert.deepEqual(missed.map((f) => f.id), [live[3]!.id, rest[0]!.id, rest[1]!.id], 'the same ids the connected viewer got');
    assert.deepEqual(missed[2]!.data, (await detail(e.slug)).publishedQuestions.find((q: { id: number }) => q.id === c));

    // A page that loaded the detail and sends its liveSeq gets nothing old; nor does one without.
    const fresh = await watch(e.slug, (await detail(e.slug)).liveSeq);
    const plain = await watch(e.slug);
    await fresh.next();
    await plain.next();
    // From the start: every question that is or was public, in order.
    const all = await watch(e.slug, 0);
    await all.next();
    assert.deepEqual(kinds([frame(await all.next()), frame(await all.next()), frame(await all.next())]), kinds(missed));
    // A number from the future counts as up to date.
    const future = await watch(e.slug, 10 ** 12);
    assert.equal(frame(await future.next()).id, rest[1]!.id);

    await moderate(e.id, d, { state: 'published' });
    for (const s of [fresh, plain, back, staying, all, future]) {
      const f = frame(await s.next());
      assert.deepEqual([f.event, (f.data as { id: number }).id], ['question', d], 'the next frame is the new change, nothing old');
    }
  });

  test('any code path is caught: changes written straight in SQL go out when notifyLive is called after the commit', async () => {
    const e = await create('Audiencia con otro camino', '2027-03-15T09:00', '2027-03-15T11:00');
    const q = await ask(e.slug, 'Pregunta que cambia por otro camino.');
    const r = await ask(e.slug, 'Pregunta que se publica por otro camino.');
    await moderate(e.id, q, { state: 'published' });
    const stream = await watch(e.slug);
    await stream.next();
    // As a merge or another staff action would write them: the triggers number the changes.
    app.db.prepare(`UPDATE event_questions SET answer = 'Respondida por otra vía.', answered_at = ? WHERE id = ?`).run(now.toISOString(), q);
    eventsService(app).notifyLive(e.id);
    const answered = frame(await stream.next());
    assert.equal(answered.event, 'question');
    assert.equal((answered.data as { answer: string }).answer, 'Respondida por otra vía.');
    app.db.transaction(() => {
      app.db.prepare(`UPDATE event_questions SET state = 'hidden' WHERE id = ?`).run(q);
      app.db.prepare(`UPDATE event_questions SET state = 'published', published_at = ? WHERE id = ?`).run(now.toISOString(), r);
    })();
    eventsService(app).notifyLive(e.id);
    const next = [frame(await stream.next()), frame(await stream.next())];
    assert.deepEqual(next.map((f) => [f.event, (f.data as { id: number }).id]), [['question-removed', q], ['question', r]]);
    assert.ok(answered.id! < next[0]!.id! && next[0]!.id! < next[1]!.id!);
  });

  test('the state frame follows the app clock (upcoming, in progress, held) and staff cancelling', async () => {
    const e = await create('Audiencia que empieza pronto', '2027-03-01T10:30', '2027-03-01T11:00');
    const c = await create('Audiencia que se cancela', '2027-03-20T09:00', '2027-03-20T11:00');
    const stream = await watch(e.slug);
    const cancelled = await watch(c.slug);
    assert.deepEqual((await stream.next()).data, { state: 'published', phase: 'upcoming' });
    assert.deepEqual((await cancelled.next()).data, { state: 'published', phase: 'upcoming' });
    const saved = now;
    try {
      now = new Date('2027-03-01T15:30:00Z'); // 10:30 in Bogotá
      const started = await stream.next(3000);
      assert.deepEqual(frame(started), { event: 'state', id: undefined, data: { state: 'published', phase: 'in-progress' } });
      now = new Date('2027-03-01T16:00:00Z'); // 11:00 in Bogotá
      assert.deepEqual((await stream.next(3000)).data, { state: 'published', phase: 'held' });
    } finally {
      now = saved;
    }
    assert.equal((await admin('POST', `/${c.id}/cancel`)).statusCode, 200);
    assert.deepEqual((await cancelled.next()).data, { state: 'cancelled', phase: 'upcoming' });
  });

  test('a server that shuts down ends the open streams instead of waiting for them', async () => {
    const { app: other } = await testApp({}, () => now);
    const url = await listen(other);
    const slug = (other.db.prepare(`SELECT slug FROM events WHERE state = 'published' ORDER BY id LIMIT 1`).pluck().get() as string);
    const stream = await openEvents(`${url}/api/events/${slug}/live`);
    open.push(stream);
    assert.equal((await stream.next()).event, 'state');
    await other.close();
    await stream.ended;
  });
});
