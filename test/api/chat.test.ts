/**
 * The citizen's side of the chat: start, messages and their order, the SSE stream with replay
 * after a reconnection, token checks, closed conversations, transcript, rating, idle close.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { chatService, closeIdleConversations } from '../../api/chat/service.ts';
import { ADMIN_PASSWORD, staffHeaders } from '../admin-helpers.ts';
import { listen, onlineAgent, openEvents, startChat, type EventStream } from '../chat-helpers.ts';
import { testApp } from '../helpers.ts';

// Tuesday 1 December 2026, 09:00 in Bogotá: a business day, within office hours.
let now = new Date('2026-12-01T14:00:00Z');
const { app } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD }, () => now);
const base = await listen(app);
let agent: Awaited<ReturnType<typeof onlineAgent>>;
before(async () => {
  agent = await onlineAgent(app, base, 'ana.agente');
});
after(async () => {
  agent.events.close();
  await app.close();
});

const url = (id: number, rest = '') => `/api/chat/conversations/${id}${rest}`;
const post = (id: number, rest: string, headers: Record<string, string>, payload: unknown) =>
  app.inject({ method: 'POST', url: url(id, rest), headers, payload: payload as object });

async function take(id: number) {
  const res = await app.inject({ method: 'POST', url: `/api/admin/chat/conversations/${id}/take`, headers: staffHeaders(agent), payload: {} });
  assert.equal(res.statusCode, 200, res.body);
}

describe('starting a conversation', () => {
  test('201 with an id and a token; the stored row keeps consent time, policy version and IP', async () => {
    const { id, token } = await startChat(app);
    assert.ok(token.length >= 32);
    const row = app.db.prepare('SELECT * FROM chat_conversations WHERE id = ?').get(id) as Record<string, unknown>;
    assert.equal(row.consent_at, now.toISOString());
    assert.equal(row.consent_policy, app.config.policyVersion);
    assert.equal(row.consent_ip, '127.0.0.1');
    assert.notEqual(row.token_hash, token, 'only the hash of the token is stored');
  });

  test('400 in Spanish per field: topic, e-mail, consent, honeypot', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/chat/conversations',
      payload: { email: 'no-es-correo', topic: 'ab', consent: false, website: 'http://spam' },
    });
    assert.equal(res.statusCode, 400);
    const { fields } = res.json();
    assert.match(fields.topic, /^Tema: escriba al menos 3 caracteres/);
    assert.match(fields.email, /^Correo electrónico:/);
    assert.match(fields.consent, /^Autorización de datos:/);
    assert.equal(fields.website, 'Deje este campo vacío.');
  });

  test('the waiting citizen sees the queue position; the console sees the queue', async () => {
    const first = await startChat(app, { topic: 'Primera en la fila' });
    const second = await startChat(app, { topic: 'Segunda en la fila' });
    const queue = await agent.events.until((e) => e.event === 'queue' && JSON.stringify(e.data).includes('Segunda en la fila'));
    const last = queue.at(-1)!.data as { waiting: { id: number; topic: string; waitingSeconds: number }[] };
    const ids = last.waiting.map((w) => w.id);
    assert.ok(ids.indexOf(first.id) < ids.indexOf(second.id));
    const a = (await app.inject({ url: url(first.id), headers: first.headers })).json();
    const b = (await app.inject({ url: url(second.id), headers: second.headers })).json();
    assert.equal(a.state, 'waiting');
    assert.equal(b.position, a.position + 1);
    assert.equal(b.waitNoticeSeconds, 180);
    // Taking the first moves the second up one place, live.
    const stream = await openEvents(`${base}${url(second.id, '/events')}`, second.headers);
    assert.deepEqual((await stream.next()).data, { state: 'waiting', position: b.position, agentName: null, closedBy: null, radicado: null });
    await take(first.id);
    const moved = await stream.until((e) => e.event === 'state');
    assert.equal((moved.at(-1)!.data as { position: number }).position, b.position - 1);
    stream.close();
  });
});

describe('messages', () => {
  test('seq 1, 2, 3… in order, each committed before its 201; system messages count too', async () => {
    const chat = await startChat(app);
    const bodies = Array.from({ length: 12 }, (_, i) => `Mensaje número ${i + 1}`);
    // Sent together: they may share a group commit, and still get distinct, gapless numbers.
    const answers = await Promise.all(bodies.map((body) => post(chat.id, '/messages', chat.headers, { body })));
    for (const res of answers) {
      assert.equal(res.statusCode, 201, res.body);
      const { seq } = res.json();
      const stored = app.db.prepare('SELECT body FROM chat_messages WHERE conversation_id = ? AND seq = ?').get(chat.id, seq);
      assert.ok(stored, `message ${seq} is in the database when its 201 arrives`);
    }
    assert.deepEqual(answers.map((r) => r.json().seq).sort((a, b) => a - b), bodies.map((_, i) => i + 1));
    await take(chat.id);
    const staff = await app.inject({
      method: 'POST',
      url: `/api/admin/chat/conversations/${chat.id}/messages`,
      headers: staffHeaders(agent),
      payload: { body: '  Buenos días, con gusto le ayudo.  ' },
    });
    assert.equal(staff.statusCode, 201, staff.body);
    assert.equal(staff.json().seq, 14, 'after 12 messages and the system message of the take');
    const view = (await app.inject({ url: url(chat.id), headers: chat.headers })).json();
    assert.deepEqual(view.messages.map((m: { seq: number }) => m.seq), Array.from({ length: 14 }, (_, i) => i + 1));
    assert.deepEqual(view.messages.at(-2), { seq: 13, author: 'system', name: null, body: 'ana.agente tomó la conversación.', at: now.toISOString() });
    assert.deepEqual(view.messages.at(-1), { seq: 14, author: 'staff', name: 'ana.agente', body: 'Buenos días, con gusto le ayudo.', at: now.toISOString() });
    assert.equal(view.state, 'active');
    assert.equal(view.agentName, 'ana.agente');
  });

  test('400 for an empty body and for 4,001 characters; 4,000 is accepted', async () => {
    const chat = await startChat(app);
    const empty = await post(chat.id, '/messages', chat.headers, { body: '   \n ' });
    assert.equal(empty.statusCode, 400);
    assert.equal(empty.json().fields.body, 'Mensaje: es obligatorio.');
    const long = await post(chat.id, '/messages', chat.headers, { body: 'a'.repeat(4001) });
    assert.equal(long.statusCode, 400);
    assert.equal(long.json().fields.body, 'Mensaje: máximo 4000 caracteres.');
    assert.equal((await post(chat.id, '/messages', chat.headers, { body: 'a'.repeat(4000) })).statusCode, 201);
  });

  test('citizen text is stored and served as plain text, never interpreted', async () => {
    const chat = await startChat(app);
    const body = '<script>alert(1)</script> & <b>negrita</b>';
    assert.equal((await post(chat.id, '/messages', chat.headers, { body })).statusCode, 201);
    const stored = app.db.prepare('SELECT body FROM chat_messages WHERE conversation_id = ?').pluck().get(chat.id);
    assert.equal(stored, body);
    const transcript = await app.inject({ url: url(chat.id, '/transcript'), headers: chat.headers });
    assert.equal(transcript.statusCode, 200);
    assert.equal(transcript.headers['content-type'], 'text/plain; charset=utf-8');
    assert.equal(transcript.headers['content-disposition'], `attachment; filename="conversacion-${chat.id}.txt"`);
    assert.equal(transcript.headers['x-content-type-options'], 'nosniff');
    assert.ok(transcript.body.includes(`Ana María Pérez: ${body}`), transcript.body);
  });
});

describe('the token', () => {
  test('403 without it, with another conversation’s, and for a conversation that does not exist', async () => {
    const mine = await startChat(app);
    const other = await startChat(app);
    const cases: [string, Record<string, string>][] = [
      ['no token', {}],
      ['a wrong token', { 'x-chat-token': 'x'.repeat(32) }],
      ["another conversation's token", other.headers],
    ];
    for (const [what, headers] of cases) {
      for (const res of [
        await app.inject({ url: url(mine.id), headers }),
        await post(mine.id, '/messages', headers, { body: 'hola' }),
        await post(mine.id, '/close', headers, {}),
        await app.inject({ url: url(mine.id, '/transcript'), headers }),
        await app.inject({ url: url(mine.id, '/events'), headers: { ...headers, accept: 'text/event-stream' } }),
      ]) {
        assert.equal(res.statusCode, 403, `${what}: ${res.body}`);
        assert.equal(res.json().code, 'token');
      }
    }
    assert.equal((await app.inject({ url: url(999_999), headers: mine.headers })).statusCode, 403);
    // A token in the URL is not a token.
    assert.equal((await app.inject({ url: `${url(mine.id)}?token=${mine.token}` })).statusCode, 403);
  });
});

describe('closing', () => {
  test('the citizen closes (idempotent); then 409 on messages; the rating once, only after closing', async () => {
    const chat = await startChat(app);
    const early = await post(chat.id, '/rating', chat.headers, { score: 5 });
    assert.equal(early.statusCode, 409);
    for (let i = 0; i < 2; i++) {
      const res = await post(chat.id, '/close', chat.headers, {});
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { state: 'closed' });
    }
    const late = await post(chat.id, '/messages', chat.headers, { body: 'hola' });
    assert.equal(late.statusCode, 409);
    assert.equal(late.json().error, 'La conversación ya terminó.');
    const view = (await app.inject({ url: url(chat.id), headers: chat.headers })).json();
    assert.equal(view.closedBy, 'citizen');
    assert.equal(view.messages.filter((m: { author: string }) => m.author === 'system').length, 1, 'one close message');
    assert.equal((await post(chat.id, '/rating', chat.headers, { score: 6 })).statusCode, 400);
    assert.equal((await post(chat.id, '/rating', chat.headers, { score: 4, comment: 'Rápido y amable' })).statusCode, 201);
    assert.equal((await post(chat.id, '/rating', chat.headers, { score: 5 })).statusCode, 409);
    assert.deepEqual((await app.inject({ url: url(chat.id), headers: chat.headers })).json().rating, { score: 4, comment: 'Rápido y amable' });
  });

  test('the transcript by e-mail is queued in the outbox; without an e-mail, 400 on the email field', async () => {
    const chat = await startChat(app);
    await post(chat.id, '/messages', chat.headers, { body: 'Necesito el certificado.' });
    const res = await post(chat.id, '/transcript/email', chat.headers, {});
    assert.equal(res.statusCode, 202, res.body);
    const mail = app.db.prepare('SELECT to_address, body FROM outbox ORDER BY id DESC LIMIT 1').get() as { to_address: string; body: string };
    assert.equal(mail.to_address, 'ana@example.co');
    assert.ok(mail.body.includes('Necesito el certificado.'));
    const anonymous = await startChat(app, { email: undefined });
    const refused = await post(anonymous.id, '/transcript/email', anonymous.headers, {});
    assert.equal(refused.statusCode, 400);
    assert.ok(refused.json().fields.email);
  });
});

describe('the event stream', () => {
  test('needs Accept: text/event-stream (406 otherwise, not a response that never ends)', async () => {
    const chat = await startChat(app);
    const res = await app.inject({ url: url(chat.id, '/events'), headers: chat.headers });
    assert.equal(res.statusCode, 406);
    assert.equal(res.json().code, 'not_event_stream');
  });

  test('live messages from both sides, typing and read; a reconnection with Last-Event-ID gets exactly the missed ones', async () => {
    const chat = await startChat(app);
    await take(chat.id);
    let stream: EventStream = await openEvents(`${base}${url(chat.id, '/events')}`, chat.headers);
    assert.equal(stream.status, 200);
    assert.equal(stream.headers.get('content-type'), 'text/event-stream; charset=utf-8');
    const first = await stream.next();
    assert.equal(first.event, 'state');
    assert.equal((first.data as { state: string }).state, 'active');
    const replayed = await stream.next();
    assert.equal(replayed.event, 'message');
    assert.equal(replayed.id, '1');

    await post(chat.id, '/messages', chat.headers, { body: 'Uno' });
    await app.inject({ method: 'POST', url: `/api/admin/chat/conversations/${chat.id}/messages`, headers: staffHeaders(agent), payload: { body: 'Dos' } });
    await app.inject({ method: 'POST', url: `/api/admin/chat/conversations/${chat.id}/typing`, headers: staffHeaders(agent), payload: { typing: true } });
    await app.inject({ method: 'POST', url: `/api/admin/chat/conversations/${chat.id}/read`, headers: staffHeaders(agent), payload: { seq: 2 } });
    const live = await stream.until((e) => e.event === 'read');
    assert.deepEqual(
      live.map((e) => [e.event, e.id, e.event === 'message' ? (e.data as { body: string }).body : e.data]),
      [
        ['message', '2', 'Uno'],
        ['message', '3', 'Dos'],
        ['typing', undefined, { author: 'staff', typing: true }],
        ['read', undefined, { author: 'staff', seq: 2 }],
      ],
    );
    stream.close();
    await stream.ended;

    // Offline while three more are written, then back with the last seq it had.
    for (const body of ['Cuatro', 'Cinco']) await post(chat.id, '/messages', chat.headers, { body });
    await app.inject({ method: 'POST', url: `/api/admin/chat/conversations/${chat.id}/messages`, headers: staffHeaders(agent), payload: { body: 'Seis' } });
    stream = await openEvents(`${base}${url(chat.id, '/events')}`, { ...chat.headers, 'last-event-id': '3' });
    assert.equal((await stream.next()).event, 'state');
    const missed = [await stream.next(), await stream.next(), await stream.next()];
    assert.deepEqual(missed.map((e) => [e.id, (e.data as { body: string }).body]), [['4', 'Cuatro'], ['5', 'Cinco'], ['6', 'Seis']]);
    // Then live, with no repeat of what was replayed.
    await post(chat.id, '/messages', chat.headers, { body: 'Siete' });
    const next = await stream.next();
    assert.deepEqual([next.event, next.id, (next.data as { body: string }).body], ['message', '7', 'Siete']);
    stream.close();
  });

  test('the heartbeat reaches every open stream as a `: ping` comment', async () => {
    const chat = await startChat(app);
    const stream = await openEvents(`${base}${url(chat.id, '/events')}`, chat.headers);
    await stream.next();
    chatService(app).hub.ping();
    // A message after the ping: once it arrives, the ping has too.
    await post(chat.id, '/messages', chat.headers, { body: 'después del latido' });
    await stream.until((e) => e.event === 'message' && (e.data as { body: string }).body === 'después del latido');
    assert.deepEqual(stream.comments, [': ping']);
    stream.close();
  });

  test('messages written while the stream connects are neither lost nor repeated', async () => {
    const chat = await startChat(app);
    const writes = Promise.all(Array.from({ length: 20 }, (_, i) => post(chat.id, '/messages', chat.headers, { body: `m${i + 1}` })));
    const stream = await openEvents(`${base}${url(chat.id, '/events')}`, chat.headers);
    await writes;
    const seen = await stream.until((e) => e.event === 'message' && e.id === '20');
    assert.deepEqual(
      seen.filter((e) => e.event === 'message').map((e) => Number(e.id)),
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    stream.close();
  });

  test('the console stream gets the citizen’s messages and typing for its conversations', async () => {
    const chat = await startChat(app);
    await take(chat.id);
    await post(chat.id, '/typing', chat.headers, { typing: true });
    await post(chat.id, '/messages', chat.headers, { body: '¿Hay cupos?' });
    await post(chat.id, '/read', chat.headers, { seq: 99 });
    const seen = await agent.events.until((e) => e.event === 'read' && (e.data as { conversationId: number }).conversationId === chat.id);
    const mine = seen.filter((e) => (e.data as { conversationId?: number; id?: number }).conversationId === chat.id || (e.data as { id?: number }).id === chat.id);
    assert.deepEqual(
      mine.map((e) => e.event),
      ['conversation', 'message', 'typing', 'message', 'read'],
    );
    assert.deepEqual(mine.at(-1)!.data, { conversationId: chat.id, seq: 2 }, 'read is capped at the last message');
  });
});

describe('idle close', () => {
  test('an active conversation silent for 15 minutes is closed with a system message to both sides', async () => {
    const chat = await startChat(app);
    await take(chat.id);
    const quiet = await startChat(app);
    await take(quiet.id);
    const stream = await openEvents(`${base}${url(chat.id, '/events')}`, chat.headers);
    await stream.until((e) => e.event === 'message');
    now = new Date(now.getTime() + 10 * 60_000);
    await post(quiet.id, '/messages', quiet.headers, { body: 'Sigo aquí' });
    assert.deepEqual(await closeIdleConversations(app, now), [], 'nobody is idle yet');
    now = new Date(now.getTime() + 6 * 60_000);
    const closed = await closeIdleConversations(app, now);
    assert.ok(closed.includes(chat.id));
    assert.ok(!closed.includes(quiet.id), 'a message 6 minutes ago keeps it open');
    const seen = await stream.until((e) => e.event === 'state');
    assert.deepEqual(
      seen.map((e) => [e.event, (e.data as { body?: string; closedBy?: string }).body ?? (e.data as { closedBy: string }).closedBy]),
      [
        ['message', 'Conversación cerrada por inactividad.'],
        ['state', 'idle'],
      ],
    );
    const res = await post(chat.id, '/messages', chat.headers, { body: '¿Hola?' });
    assert.equal(res.statusCode, 409);
    stream.close();
  });

  test('a waiting conversation is closed only once its citizen has left (no stream open)', async () => {
    const left = await startChat(app, { topic: 'Se fue sin cerrar' });
    const waits = await startChat(app, { topic: 'Sigue esperando' });
    const stream = await openEvents(`${base}${url(waits.id, '/events')}`, waits.headers);
    await stream.next();
    now = new Date(now.getTime() + 16 * 60_000);
    const closed = await closeIdleConversations(app, now);
    assert.ok(closed.includes(left.id));
    assert.ok(!closed.includes(waits.id));
    assert.equal((await app.inject({ url: url(left.id), headers: left.headers })).json().closedBy, 'idle');
    assert.equal((await app.inject({ url: url(waits.id), headers: waits.headers })).json().state, 'waiting');
    stream.close();
  });
});
