/**
 * Chat tests: a real listening server (SSE needs one), event streams read with fetch as the
 * widget and the console read them, and an official who is really online.
 */
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { staffHeaders, staffSession, type StaffSession } from './admin-helpers.ts';

export interface SseEvent {
  event: string;
  id?: string;
  data: unknown;
}

/** An open event stream and its events, parsed as a browser would. */
export interface EventStream {
  status: number;
  headers: Headers;
  /** The next event (comments and `retry:` are skipped); fails after `ms`. */
  next(ms?: number): Promise<SseEvent>;
  /** Events until one matches; returns all of them, the match last. */
  until(match: (e: SseEvent) => boolean, ms?: number): Promise<SseEvent[]>;
  /** The comments seen so far (`: ping`). */
  comments: string[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Opens `GET url` as an event stream with fetch (`Accept: text/event-stream` plus `headers`). */
export async function openEvents(url: string, headers: Record<string, string> = {}): Promise<EventStream> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const waiter: { wake: (() => void) | null } = { wake: null };
  let finished = false;
  const ended = (async () => {
    if (!res.body) return;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const e: Partial<SseEvent> & { data?: unknown } = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line);
            else if (line.startsWith('event: ')) e.event = line.slice(7);
            else if (line.startsWith('id: ')) e.id = line.slice(4);
            else if (line.startsWith('data: ')) e.data = JSON.parse(line.slice(6));
          }
          if (e.event) events.push(e as SseEvent);
        }
        waiter.wake?.();
      }
    } catch {
      // Aborted by close().
    } finally {
      finished = true;
      waiter.wake?.();
    }
  })();

  async function next(ms = 5000): Promise<SseEvent> {
    const deadline = Date.now() + ms;
    while (events.length === 0) {
      if (finished) assert.fail('the stream ended before the expected event');
      const left = deadline - Date.now();
      if (left <= 0) assert.fail(`no event within ${ms} ms`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        waiter.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      waiter.wake = null;
    }
    return events.shift()!;
  }

  return {
    status: res.status,
    headers: res.headers,
    next,
    async until(match, ms = 5000) {
      const seen: SseEvent[] = [];
      for (;;) {
        const e = await next(ms);
        seen.push(e);
        if (match(e)) return seen;
      }
    },
    comments,
    ended,
    close: () => abort.abort(),
  };
}

/** The app listening on a free port; returns its base URL. */
export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  assert.ok(address && typeof address === 'object');
  return `http://127.0.0.1:${address.port}`;
}

/** The Origin a listening server sees for itself (for the staff CSRF check). */
export function originOf(base: string): string {
  return new URL(base).origin;
}

/** An official with the availability flag set and the console stream open: the chat is online. */
export async function onlineAgent(
  app: FastifyInstance,
  base: string,
  username: string,
): Promise<StaffSession & { id: number; events: EventStream }> {
  const session = await staffSession(app, username, 'funcionario');
  const res = await app.inject({
    method: 'PUT',
    url: '/api/admin/chat/availability',
    headers: staffHeaders(session),
    payload: { available: true },
  });
  assert.equal(res.statusCode, 200, res.body);
  const events = await openEvents(`${base}/api/admin/chat/events`, { cookie: session.cookie });
  assert.equal(events.status, 200);
  assert.equal((await events.next()).event, 'queue');
  return { ...session, events };
}

/** Starts a conversation through the API (the chat must be online). */
export async function startChat(
  app: FastifyInstance,
  body: Record<string, unknown> = {},
): Promise<{ id: number; token: string; headers: Record<string, string> }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/chat/conversations',
    payload: { name: 'Ana María Pérez', email: 'ana@example.co', topic: 'Inscripción al curso de sistemas', consent: true, ...body },
  });
  assert.equal(res.statusCode, 201, res.body);
  const { id, token } = res.json() as { id: number; token: string };
  return { id, token, headers: { 'x-chat-token': token } };
}
