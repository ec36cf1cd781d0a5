/**
 * The agents' console API: take, transfer, close, convert to a PQRSD, the searchable list,
 * canned replies, the ratings report, and the audit of staff actions.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ADMIN_PASSWORD, openSession, staffHeaders, staffSession } from '../admin-helpers.ts';
import { listen, onlineAgent, openEvents, startChat } from '../chat-helpers.ts';
import { testApp } from '../helpers.ts';

let now = new Date('2026-12-01T14:00:00Z');
const { app } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD }, () => now);
const base = await listen(app);
let ana: Awaited<ReturnType<typeof onlineAgent>>;
let luis: { id: number };
before(async () => {
  ana = await onlineAgent(app, base, 'ana');
  luis = await staffSession(app, 'luis', 'funcionario');
});
after(async () => {
  ana.events.close();
  await app.close();
});

/** Headers of a fresh session (the clock moves in some tests). */
const as = (staffId: number) => staffHeaders(openSession(app, staffId));
const ADMIN = 1;
const act = (staffId: number, id: number, action: string, payload: object = {}) =>
  app.inject({ method: 'POST', url: `/api/admin/chat/conversations/${id}/${action}`, headers: as(staffId), payload });
const say = (chat: { id: number; headers: Record<string, string> }, body: string) =>
  app.inject({ method: 'POST', url: `/api/chat/conversations/${chat.id}/messages`, headers: chat.headers, payload: { body } });
const auditOf = (target: string) =>
  app.db.prepare('SELECT action, staff_id AS staffId, details FROM audit_log WHERE target = ? ORDER BY id').all(target);

describe('take, transfer, close', () => {
  test('one official takes it; a second take is 409; only the assigned official writes', async () => {
    const chat = await startChat(app);
    assert.equal((await act(ana.id, chat.id, 'take')).statusCode, 200);
    const again = await act(luis.id, chat.id, 'take');
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error, 'ana ya tomó esta conversación.');
    const intruder = await act(luis.id, chat.id, 'messages', { body: 'Hola' });
    assert.equal(intruder.statusCode, 403);
    assert.equal(intruder.json().code, 'not_assigned');
    assert.equal((await act(ana.id, chat.id, 'messages', { body: 'Hola, soy Ana.' })).statusCode, 201);
    assert.equal((await act(ana.id, chat.id, 'messages', { body: '' })).statusCode, 400);
  });

  test('transfer to another active official: the citizen sees the new name, both consoles hear of it, audited', async () => {
    const chat = await startChat(app);
    await act(ana.id, chat.id, 'take');
    const stream = await openEvents(`${base}/api/chat/conversations/${chat.id}/events`, chat.headers);
    await stream.until((e) => e.event === 'message');
    assert.equal((await act(ana.id, chat.id, 'transfer', { staffId: 999 })).statusCode, 400);
    assert.equal((await act(ana.id, chat.id, 'transfer', { staffId: ana.id })).statusCode, 400);
    const res = await act(ana.id, chat.id, 'transfer', { staffId: luis.id });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().agentName, 'luis');
    const seen = await stream.until((e) => e.event === 'message');
    assert.deepEqual(
      seen.map((e) => [e.event, (e.data as { agentName?: string; body?: string }).agentName ?? (e.data as { body: string }).body]),
      [
        ['state', 'luis'],
        ['message', 'ana transfirió la conversación a luis.'],
      ],
    );
    const told = await ana.events.until((e) => e.event === 'conversation' && (e.data as { id: number }).id === chat.id && (e.data as { agentId: number }).agentId === luis.id);
    assert.ok(told.length > 0);
    // Now luis writes, ana no longer can.
    assert.equal((await act(ana.id, chat.id, 'messages', { body: 'Sigo yo' })).statusCode, 403);
    assert.equal((await act(luis.id, chat.id, 'messages', { body: 'Hola, soy Luis.' })).statusCode, 201);
    assert.deepEqual(
      auditOf(`chat:${chat.id}`).map((a: any) => [a.action, a.staffId]),
      [
        ['chat.take', ana.id],
        ['chat.transfer', ana.id],
      ],
    );
    stream.close();
  });

  test('staff close: the citizen is told; 409 on further messages from either side', async () => {
    const chat = await startChat(app);
    await act(ana.id, chat.id, 'take');
    const res = await act(ana.id, chat.id, 'close');
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().state, 'closed');
    assert.equal(res.json().closedBy, 'staff');
    assert.equal(res.json().messages.at(-1).body, 'ana cerró la conversación.');
    assert.equal((await say(chat, 'Espere')).statusCode, 409);
    assert.equal((await act(ana.id, chat.id, 'messages', { body: 'Adiós' })).statusCode, 409);
    assert.equal((await act(ana.id, chat.id, 'take')).statusCode, 409);
  });
});

describe('convert to a PQRSD', () => {
  test('files a petición with the transcript as description; radicado, due date, system message, tracking code once', async () => {
    const chat = await startChat(app, { name: 'Carlos Ruiz', email: 'carlos@example.co', topic: 'Certificado de notas' });
    await say(chat, 'Necesito el certificado de notas del curso de 2025 para un trabajo.');
    await act(ana.id, chat.id, 'take');
    await act(ana.id, chat.id, 'messages', { body: 'Lo radico como petición para darle respuesta formal.' });
    const stream = await openEvents(`${base}/api/chat/conversations/${chat.id}/events`, chat.headers);
    await stream.until((e) => e.event === 'message' && e.id === '3');

    // Two clicks at once file one request.
    const [a, b] = await Promise.all([act(ana.id, chat.id, 'convert', { type: 'peticion' }), act(ana.id, chat.id, 'convert', { type: 'peticion' })]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
    const { radicado, dueDate } = (a.statusCode === 200 ? a : b).json();
    assert.match(radicado, /^ECAM-2026-\d{6}$/);
    // Received Tuesday 1 December 2026; 15 business days, skipping 8 December: Wednesday 23.
    assert.equal(dueDate, '2026-12-23');

    const pqrs = app.db.prepare('SELECT * FROM pqrs WHERE radicado = ?').get(radicado) as Record<string, string>;
    assert.equal(pqrs.type, 'peticion');
    assert.equal(pqrs.requester_kind, 'natural');
    assert.equal(pqrs.name, 'Carlos Ruiz');
    assert.equal(pqrs.email, 'carlos@example.co');
    assert.equal(pqrs.response_channel, 'email');
    assert.equal(pqrs.subject, 'Conversación de chat: Certificado de notas');
    assert.ok(pqrs.description.includes('Carlos Ruiz: Necesito el certificado de notas del curso de 2025 para un trabajo.'), pqrs.description);
    assert.ok(pqrs.description.includes('ana (funcionario): Lo radico como petición para darle respuesta formal.'));
    assert.equal(pqrs.due_date, '2026-12-23');
    assert.equal(pqrs.consent_ip, '127.0.0.1');

    const seen = await stream.until((e) => e.event === 'converted');
    const converted = seen.at(-1)!.data as { radicado: string; trackingCode: string; dueDate: string };
    assert.equal(converted.radicado, radicado);
    assert.equal(converted.dueDate, '2026-12-23');
    assert.ok(seen.some((e) => e.event === 'message' && (e.data as { body: string }).body === `Se radicó como ${radicado}.`));
    // The code really tracks the request.
    const track = await app.inject({ method: 'POST', url: '/api/pqrs/track', payload: { radicado, code: converted.trackingCode } });
    assert.equal(track.statusCode, 200, track.body);

    const view = async () => (await app.inject({ url: `/api/chat/conversations/${chat.id}`, headers: chat.headers })).json();
    assert.equal((await view()).pendingTrackingCode, converted.trackingCode);
    assert.equal((await view()).radicado, radicado);
    const again = await act(ana.id, chat.id, 'convert', { type: 'queja' });
    assert.equal(again.statusCode, 409);
    // Closing erases the kept code.
    await act(ana.id, chat.id, 'close');
    assert.equal((await view()).pendingTrackingCode, null);
    assert.equal(app.db.prepare('SELECT pending_tracking_code FROM chat_conversations WHERE id = ?').pluck().get(chat.id), null);
    assert.deepEqual(
      auditOf(`chat:${chat.id}`).map((x: any) => x.action),
      ['chat.take', 'chat.convert', 'chat.close'],
    );
    stream.close();
  });

  test('without a name the request is anonymous, answered online', async () => {
    const chat = await startChat(app, { name: undefined, email: undefined, topic: 'Horario de la biblioteca' });
    await say(chat, 'Quiero saber el horario de la biblioteca los sábados.');
    const res = await act(ana.id, chat.id, 'convert', { type: 'informacion' });
    assert.equal(res.statusCode, 200, res.body);
    const pqrs = app.db.prepare('SELECT * FROM pqrs WHERE radicado = ?').get(res.json().radicado) as Record<string, string | null>;
    assert.equal(pqrs.requester_kind, 'anonimo');
    assert.equal(pqrs.response_channel, 'online');
    assert.equal(pqrs.name, null);
    assert.equal((await act(ana.id, chat.id, 'convert', { type: 'nada' })).statusCode, 400);
  });
});

describe('the list, the detail and the transcript', () => {
  test('search by message text, name, e-mail and topic; mine; state; earlier conversations with the same e-mail', async () => {
    const first = await startChat(app, { name: 'Beatriz Gómez', email: 'beatriz@example.co', topic: 'Pago de matrícula' });
    await say(first, 'El recibo número 7788 no aparece como pagado.');
    const second = await startChat(app, { name: 'Beatriz Gómez', email: 'BEATRIZ@example.co', topic: 'Otra consulta' });
    await act(luis.id, second.id, 'take');
    const list = async (q: string) =>
      (await app.inject({ url: `/api/admin/chat/conversations?${q}`, headers: as(ana.id) })).json() as { items: { id: number }[]; total: number };
    assert.deepEqual((await list('q=7788')).items.map((i) => i.id), [first.id]);
    assert.deepEqual((await list('q=beatriz')).items.map((i) => i.id), [second.id, first.id]);
    assert.deepEqual((await list('q=matr%C3%ADcula')).items.map((i) => i.id), [first.id]);
    assert.equal((await list('q=100%25')).total, 0, 'a % in the search is a literal character');
    const mine = (await app.inject({ url: '/api/admin/chat/conversations?mine=1', headers: as(luis.id) })).json();
    assert.ok(mine.items.some((i: { id: number }) => i.id === second.id));
    assert.ok(!mine.items.some((i: { id: number }) => i.id === first.id));
    const waiting = await list('state=waiting&q=beatriz');
    assert.deepEqual(waiting.items.map((i) => i.id), [first.id]);
    assert.equal((await app.inject({ url: '/api/admin/chat/conversations?state=otro', headers: as(ana.id) })).statusCode, 400);

    const detail = (await app.inject({ url: `/api/admin/chat/conversations/${second.id}`, headers: as(ana.id) })).json();
    assert.deepEqual(detail.earlier.map((e: { id: number }) => e.id), [first.id]);
    assert.equal(detail.consent.policyVersion, app.config.policyVersion);
    assert.equal((await app.inject({ url: '/api/admin/chat/conversations/999999', headers: as(ana.id) })).statusCode, 404);

    const transcript = await app.inject({ url: `/api/admin/chat/conversations/${first.id}/transcript`, headers: as(ana.id) });
    assert.equal(transcript.headers['content-type'], 'text/plain; charset=utf-8');
    assert.ok(transcript.body.includes('Beatriz Gómez: El recibo número 7788 no aparece como pagado.'));
  });
});

describe('canned replies', () => {
  test('admins create, edit and delete them (audited); every official reads them', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/admin/chat/canned',
      headers: as(ADMIN),
      payload: { title: 'Saludo', body: 'Buenos días, ¿en qué le puedo ayudar?' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const { id } = created.json();
    assert.deepEqual((await app.inject({ url: '/api/admin/chat/canned', headers: as(ana.id) })).json(), [
      { id, title: 'Saludo', body: 'Buenos días, ¿en qué le puedo ayudar?' },
    ]);
    const byFuncionario = await app.inject({ method: 'POST', url: '/api/admin/chat/canned', headers: as(ana.id), payload: { title: 'X', body: 'Y' } });
    assert.equal(byFuncionario.statusCode, 403);
    const bad = await app.inject({ method: 'POST', url: '/api/admin/chat/canned', headers: as(ADMIN), payload: { title: ' ', body: 'Y' } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().fields.title, 'Título: es obligatorio.');
    const edited = await app.inject({ method: 'PUT', url: `/api/admin/chat/canned/${id}`, headers: as(ADMIN), payload: { title: 'Saludo', body: 'Hola.' } });
    assert.deepEqual(edited.json(), { id, title: 'Saludo', body: 'Hola.' });
    assert.equal((await app.inject({ method: 'DELETE', url: `/api/admin/chat/canned/${id}`, headers: as(ADMIN) })).statusCode, 200);
    assert.equal((await app.inject({ method: 'DELETE', url: `/api/admin/chat/canned/${id}`, headers: as(ADMIN) })).statusCode, 404);
    assert.equal((await app.inject({ method: 'PUT', url: `/api/admin/chat/canned/${id}`, headers: as(ADMIN), payload: { title: 'a', body: 'b' } })).statusCode, 404);
    assert.deepEqual(auditOf(`canned:${id}`).map((a: any) => a.action), ['chat.canned.create', 'chat.canned.update', 'chat.canned.delete']);
  });
});

describe('ratings report', () => {
  test('count and average per official and per month (Bogotá), within the dates asked', async () => {
    // [official, score, instant of the rating]
    const plan: [number, number, string][] = [
      [ana.id, 5, '2027-02-02T15:00:00Z'],
      [ana.id, 4, '2027-02-03T15:00:00Z'],
      [luis.id, 2, '2027-02-03T16:00:00Z'],
      // 21:00 on 28 February in Bogotá, already March in UTC: it counts for February.
      [luis.id, 5, '2027-03-01T02:00:00Z'],
      [ana.id, 3, '2027-03-10T15:00:00Z'],
      [ana.id, 1, '2027-04-05T15:00:00Z'],
    ];
    for (const [staffId, score, instant] of plan) {
      now = new Date('2027-02-01T14:00:00Z');
      const chat = await startChat(app);
      assert.equal((await act(staffId, chat.id, 'take')).statusCode, 200);
      await act(staffId, chat.id, 'close');
      now = new Date(instant);
      const res = await app.inject({ method: 'POST', url: `/api/chat/conversations/${chat.id}/rating`, headers: chat.headers, payload: { score } });
      assert.equal(res.statusCode, 201, res.body);
    }
    now = new Date('2027-05-01T14:00:00Z');
    const inRange = plan.filter(([, , instant]) => instant < '2027-03-31T05:00:00Z');
    const expectedAgents = [ana.id, luis.id].map((staffId) => {
      const scores = inRange.filter(([s]) => s === staffId).map(([, score]) => score);
      return { staffId, name: staffId === ana.id ? 'ana' : 'luis', count: scores.length, average: Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 };
    });
    const res = await app.inject({ url: '/api/admin/chat/ratings?from=2027-02-01&to=2027-03-30', headers: as(ADMIN) });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), {
      byAgent: expectedAgents,
      byMonth: [
        { month: '2027-02', count: 4, average: 4 },
        { month: '2027-03', count: 1, average: 3 },
      ],
    });
    assert.equal((await app.inject({ url: '/api/admin/chat/ratings?from=2027-13-01', headers: as(ADMIN) })).statusCode, 400);
  });
});
