/** Flood protection of the chat (ECAM_RATE_LIMIT on): per conversation and per IP. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ADMIN_PASSWORD } from '../admin-helpers.ts';
import { listen, onlineAgent, startChat } from '../chat-helpers.ts';
import { testApp } from '../helpers.ts';

const now = new Date('2026-12-01T14:00:00Z');
const { app } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD, ECAM_RATE_LIMIT: 'on', ECAM_RATE_LIMIT_MAX: '4' }, () => now);
const base = await listen(app);
let agent: Awaited<ReturnType<typeof onlineAgent>>;
before(async () => {
  agent = await onlineAgent(app, base, 'agente.limites');
});
after(async () => {
  agent.events.close();
  await app.close();
});

const say = (chat: { id: number; headers: Record<string, string> }, body: string) =>
  app.inject({ method: 'POST', url: `/api/chat/conversations/${chat.id}/messages`, headers: chat.headers, payload: { body } });

test('20 messages a minute per conversation; the 21st is 429 and another conversation still writes', async () => {
  const flooded = await startChat(app);
  const other = await startChat(app);
  const codes = [];
  for (let i = 0; i < 21; i++) codes.push((await say(flooded, `mensaje ${i}`)).statusCode);
  assert.deepEqual(codes, [...Array(20).fill(201), 429]);
  const refused = await say(flooded, 'otro más');
  assert.equal(refused.statusCode, 429);
  assert.match(refused.json().error, /^Demasiadas solicitudes/);
  assert.equal((await say(other, 'hola')).statusCode, 201);
  // Nothing refused was stored.
  assert.equal(app.db.prepare('SELECT count(*) FROM chat_messages WHERE conversation_id = ?').pluck().get(flooded.id), 20);
});

test('conversations started per IP are limited (ECAM_RATE_LIMIT_MAX a minute)', async () => {
  // Two were started above; two more fit, the fifth is refused.
  const codes = [];
  for (let i = 0; i < 3; i++) {
    const res = await app.inject({ method: 'POST', url: '/api/chat/conversations', payload: { topic: 'Consulta', consent: true } });
    codes.push(res.statusCode);
  }
  assert.deepEqual(codes, [201, 201, 429]);
});

test('one IP flooding many conversations meets the per-IP limit', async () => {
  const res = await app.inject({ method: 'POST', url: '/api/chat/conversations', remoteAddress: '10.0.0.9', payload: { topic: 'Consulta', consent: true } });
  assert.equal(res.statusCode, 201);
  const chat = { id: res.json().id as number, headers: { 'x-chat-token': res.json().token as string } };
  const codes = new Set<number>();
  // 240 calls a minute across the chat's routes; typing is loose per conversation (120).
  for (let i = 0; i < 241; i++) {
    const r = await app.inject({ url: `/api/chat/conversations/${chat.id}`, remoteAddress: '10.0.0.9', headers: chat.headers });
    codes.add(r.statusCode);
  }
  assert.deepEqual([...codes], [200, 429]);
  // Another IP is not affected.
  assert.equal((await app.inject({ url: '/api/chat/status' })).statusCode, 200);
});
