/**
 * Crash safety: the real server as a child process, hundreds of concurrent filings and chat
 * messages, SIGKILL in the middle, a restart on the same data directory. Every filing that got
 * a 201 is present and trackable with its code, radicados are unique and consecutive, every
 * acknowledged chat message is in its conversation, and the database passes integrity_check.
 *
 * `npm run test:crash` runs the full size; `npm test` runs it with CRASH_SIZE=short.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { hashToken } from '../../api/chat/service.ts';
import { chatStore } from '../../api/chat/store.ts';
import { openDb } from '../../api/db/index.ts';
import { startServer, type RunningServer } from '../e2e/server.ts';
import { validPqrs } from '../helpers.ts';

const SHORT = process.env.CRASH_SIZE === 'short';
const FILINGS = SHORT ? 150 : 600;
const MESSAGES = SHORT ? 60 : 240;
const CONVERSATIONS = 4;
const IN_FLIGHT = 48;
const ENV = { ECAM_CHALLENGE: 'off', ECAM_RATE_LIMIT: 'off' };

interface Conversation {
  id: number;
  token: string;
}

/** Open chat conversations written straight into a fresh database, before the server starts. */
function seedConversations(dataDir: string): Conversation[] {
  const db = openDb(path.join(dataDir, 'ecam.sqlite'));
  const chats = chatStore(db);
  const at = new Date().toISOString();
  const list = Array.from({ length: CONVERSATIONS }, (_, i) => {
    const token = randomBytes(24).toString('base64url');
    const id = chats.insertConversation({ tokenHash: hashToken(token), name: null, email: null, topic: `Consulta ${i}`, at, consentPolicy: '2026-01', consentIp: '127.0.0.1' });
    return { id, token };
  });
  db.close();
  return list;
}

type Job = () => Promise<void>;

/** Runs jobs with at most `limit` in flight. */
async function pool(jobs: Job[], limit: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < jobs.length) await jobs[next++]!();
    }),
  );
}

test(`SIGKILL during ${FILINGS} filings and ${MESSAGES} chat messages loses nothing acknowledged`, async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecam-crash-'));
  const conversations = seedConversations(dataDir);
  let server: RunningServer = await startServer({ ...ENV, ECAM_DATA_DIR: dataDir });
  const filed: { radicado: string; trackingCode: string }[] = [];
  const messages: { conversation: Conversation; seq: number; body: string }[] = [];
  let failed = 0;
  let killed = false;
  const killAfter = Math.floor((FILINGS + MESSAGES) / 3);
  const acknowledged = () => filed.length + messages.length;
  const maybeKill = () => {
    if (!killed && acknowledged() >= killAfter) {
      killed = true;
      server.process.kill('SIGKILL');
    }
  };

  const jobs: Job[] = [];
  for (let i = 0; i < FILINGS; i++) {
    jobs.push(async () => {
      try {
        const res = await fetch(`${server.url}/api/pqrs`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(validPqrs({ subject: `Solicitud de prueba ${i}` })),
        });
        if (res.status === 201) filed.push(await res.json());
        else failed++;
      } catch {
        failed++;
      }
      maybeKill();
    });
    // Chat messages interleaved with the filings, MESSAGES in all.
    if (i % Math.floor(FILINGS / MESSAGES) === 0 && jobs.length - i - 1 < MESSAGES) {
      const conversation = conversations[i % CONVERSATIONS]!;
      const body = `Mensaje ${i}: ¿sigue en pie la inscripción?`;
      jobs.push(async () => {
        try {
          const res = await fetch(`${server.url}/api/chat/conversations/${conversation.id}/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-chat-token': conversation.token },
            body: JSON.stringify({ body }),
          });
          if (res.status === 201) messages.push({ conversation, seq: (await res.json()).seq, body });
          else failed++;
        } catch {
          failed++;
        }
        maybeKill();
      });
    }
  }

  assert.equal(jobs.length, FILINGS + MESSAGES);

  try {
    await pool(jobs, IN_FLIGHT);
    assert.ok(killed, 'the server was killed mid-way');
    await new Promise<void>((resolve) => (server.process.exitCode !== null || server.process.signalCode !== null ? resolve() : server.process.once('exit', () => resolve())));
    assert.equal(server.process.signalCode, 'SIGKILL');
    assert.ok(filed.length > 0 && messages.length > 0, `acknowledged ${filed.length} filings and ${messages.length} messages`);
    assert.ok(failed > 0, 'some requests were cut off by the kill');

    // The same data directory, as after a power cut.
    server = await startServer({ ...ENV, ECAM_DATA_DIR: dataDir });

    const radicados = filed.map((f) => f.radicado);
    assert.equal(new Set(radicados).size, radicados.length, 'no radicado was handed out twice');
    for (const f of filed) {
      const res = await fetch(`${server.url}/api/pqrs/track`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ radicado: f.radicado, code: f.trackingCode }),
      });
      assert.equal(res.status, 200, `${f.radicado} is trackable after the crash`);
      assert.equal((await res.json()).radicado, f.radicado);
    }

    for (const c of conversations) {
      const res = await fetch(`${server.url}/api/chat/conversations/${c.id}`, { headers: { 'x-chat-token': c.token } });
      assert.equal(res.status, 200);
      const stored = new Map<number, string>((await res.json()).messages.map((m: { seq: number; body: string }) => [m.seq, m.body]));
      for (const m of messages.filter((m) => m.conversation === c)) {
        assert.equal(stored.get(m.seq), m.body, `message ${m.seq} of conversation ${c.id} survived`);
      }
    }

    const db = new Database(path.join(dataDir, 'ecam.sqlite'), { readonly: true });
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      const numbers = db.prepare('SELECT radicado FROM pqrs ORDER BY id').pluck().all() as string[];
      assert.equal(new Set(numbers).size, numbers.length, 'radicados are unique in the database');
      // Consecutive from 1: none skipped, none reused, even across the crash.
      assert.deepEqual(numbers.map((r) => Number(r.split('-').at(-1))), numbers.map((_, i) => i + 1));
      assert.ok(numbers.length >= filed.length);
      const seqs = db.prepare('SELECT conversation_id, seq FROM chat_messages ORDER BY conversation_id, seq').all() as { conversation_id: number; seq: number }[];
      for (const c of conversations) {
        const own = seqs.filter((s) => s.conversation_id === c.id).map((s) => s.seq);
        assert.deepEqual(own, own.map((_, i) => i + 1), `messages of conversation ${c.id} are numbered without gaps`);
      }
    } finally {
      db.close();
    }
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
