/**
 * In-process fan-out of chat events to open Server-Sent Events streams: the citizens' streams
 * (per conversation) and the consoles' streams (per official). One hub per database, shared by
 * the public and the admin routes; one heartbeat timer for all streams.
 *
 * The streams are Fastify replies taken over with `reply.hijack()` and written by hand (see
 * README, "API del chat y buzón"): one event is formatted once and the same string written to
 * every subscriber, and the hub alone decides when a stream ends.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/index.ts';
import { ApiError } from '../errors.ts';
import type { ChatEventMap, ChatMessage, StaffChatEventMap } from './schemas.ts';

/** How often every stream gets a `: ping` comment, so proxies and clients see it alive. */
export const HEARTBEAT_MS = 20_000;
/** A client this far behind (bytes buffered, unsent) is dropped; it reconnects and replays. */
const MAX_BUFFERED = 1 << 20;

/** One SSE frame. JSON never contains a raw line break, so `data:` fits on one line. */
export function sseFrame(event: string, data: unknown, id?: number): string {
  return `event: ${event}\n${id === undefined ? '' : `id: ${id}\n`}data: ${JSON.stringify(data)}\n\n`;
}

/** An open event stream: written to by the hub, ended by the client, the hub or the server. */
export class SseStream {
  private ended = false;
  private readonly onEnd: (() => void)[] = [];

  constructor(private readonly res: ServerResponse) {
    res.on('close', () => this.end());
  }

  get open(): boolean {
    return !this.ended;
  }

  write(chunk: string): void {
    if (this.ended) return;
    this.res.write(chunk);
    if (this.res.writableLength > MAX_BUFFERED) this.end();
  }

  send<E extends string>(event: E, data: unknown, id?: number): void {
    this.write(sseFrame(event, data, id));
  }

  /** Runs `fn` once when the stream ends, whoever ends it. */
  whenEnded(fn: () => void): void {
    if (this.ended) fn();
    else this.onEnd.push(fn);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (!this.res.writableEnded) this.res.end();
    for (const fn of this.onEnd.splice(0)) fn();
  }
}

/**
 * Takes over the reply as an event stream. Refuses (406, before anything is written) a client
 * that does not ask for `text/event-stream` in Accept: an ordinary request to an event URL gets
 * an answer instead of a response that never ends.
 */
export function openSse(req: FastifyRequest, reply: FastifyReply): SseStream {
  if (!/\btext\/event-stream\b/i.test(req.headers.accept ?? '')) {
    throw new ApiError(406, 'Esta dirección es un flujo de eventos: pídala con «Accept: text/event-stream».', undefined, 'not_event_stream');
  }
  reply.hijack();
  const res = reply.raw;
  // Headers set earlier by hooks (CORS, Cache-Control of the staff scope) go out too.
  const headers: Record<string, string | number | string[]> = {};
  for (const [k, v] of Object.entries(reply.getHeaders())) if (v !== undefined) headers[k] = v;
  res.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-accel-buffering': 'no',
    'x-content-type-options': 'nosniff',
  });
  res.socket?.setNoDelay(true);
  // Lets the client see the stream is open at once; also tells EventSource-like clients to
  // retry after 3 s (the widget has its own backoff).
  res.write('retry: 3000\n\n');
  return new SseStream(res);
}

/** A citizen's stream: it remembers the last message seq it carried, to skip repeats and fill gaps. */
interface CitizenSub {
  stream: SseStream;
  lastSeq: number;
}

/** Messages of a conversation after `seq`, in order (the hub fills a gap with them). */
export type MessagesSince = (conversationId: number, seq: number) => ChatMessage[];

export class ChatHub {
  private readonly citizens = new Map<number, Set<CitizenSub>>();
  private readonly staff = new Map<number, Set<SseStream>>();
  private readonly all = new Set<SseStream>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly messagesSince: MessagesSince) {
    this.heartbeat = setInterval(() => this.ping(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** A `: ping` comment to every open stream (the heartbeat, every HEARTBEAT_MS). */
  ping(): void {
    for (const s of this.all) s.write(': ping\n\n');
  }

  /** Open streams, citizens' and consoles'. */
  get size(): number {
    return this.all.size;
  }

  /**
   * Subscribes a citizen's stream, which has carried messages up to `lastSeq` (Last-Event-ID).
   * Call it before reading the missed messages from the database, then `replay` them: a message
   * committed in between arrives twice at most, and the seq check drops the repeat.
   */
  addCitizen(conversationId: number, stream: SseStream, lastSeq: number): CitizenSub {
    const sub = { stream, lastSeq };
    let set = this.citizens.get(conversationId);
    if (!set) this.citizens.set(conversationId, (set = new Set()));
    set.add(sub);
    this.track(stream);
    stream.whenEnded(() => {
      set.delete(sub);
      if (set.size === 0 && this.citizens.get(conversationId) === set) this.citizens.delete(conversationId);
    });
    return sub;
  }

  /** Sends stored messages to one subscriber, skipping those it already has. */
  replay(sub: CitizenSub, messages: ChatMessage[]): void {
    for (const m of messages) {
      if (m.seq <= sub.lastSeq) continue;
      sub.stream.send('message', m, m.seq);
      sub.lastSeq = m.seq;
    }
  }

  /** Whether the citizen of a conversation has a stream open. */
  citizenConnected(conversationId: number): boolean {
    return (this.citizens.get(conversationId)?.size ?? 0) > 0;
  }

  addStaff(staffId: number, stream: SseStream): void {
    let set = this.staff.get(staffId);
    if (!set) this.staff.set(staffId, (set = new Set()));
    set.add(stream);
    this.track(stream);
    stream.whenEnded(() => {
      set.delete(stream);
      if (set.size === 0 && this.staff.get(staffId) === set) this.staff.delete(staffId);
    });
  }

  /** Whether an official has a console stream open. */
  staffConnected(staffId: number): boolean {
    return (this.staff.get(staffId)?.size ?? 0) > 0;
  }

  /**
   * A new message to the conversation's citizen streams, in seq order: a stream that already
   * has it skips it; a stream that missed one (it cannot happen with in-order commits, but it
   * costs nothing to be sure) gets the missing ones from the database first.
   */
  message(conversationId: number, message: ChatMessage): void {
    const set = this.citizens.get(conversationId);
    if (!set) return;
    const frame = sseFrame('message', message, message.seq);
    for (const sub of set) {
      if (message.seq <= sub.lastSeq) continue;
      if (message.seq === sub.lastSeq + 1) {
        sub.stream.write(frame);
        sub.lastSeq = message.seq;
      } else {
        this.replay(sub, this.messagesSince(conversationId, sub.lastSeq));
      }
    }
  }

  /** Any other event to the conversation's citizen streams. */
  toCitizen<E extends Exclude<keyof ChatEventMap, 'message'>>(conversationId: number, event: E, data: ChatEventMap[E]): void {
    const set = this.citizens.get(conversationId);
    if (!set) return;
    const frame = sseFrame(event, data);
    for (const sub of set) sub.stream.write(frame);
  }

  /** An event to every console stream of one official. */
  toStaff<E extends keyof StaffChatEventMap>(staffId: number, event: E, data: StaffChatEventMap[E]): void {
    const set = this.staff.get(staffId);
    if (!set) return;
    const frame = sseFrame(event, data);
    for (const s of set) s.write(frame);
  }

  /** An event to every open console. */
  toAllStaff<E extends keyof StaffChatEventMap>(event: E, data: StaffChatEventMap[E]): void {
    const frame = sseFrame(event, data);
    for (const set of this.staff.values()) for (const s of set) s.write(frame);
  }

  /** Ends every stream and the heartbeat (server shutdown). */
  close(): void {
    clearInterval(this.heartbeat);
    for (const s of [...this.all]) s.end();
  }

  private track(stream: SseStream): void {
    this.all.add(stream);
    stream.whenEnded(() => this.all.delete(stream));
  }
}

const hubs = new WeakMap<Db, ChatHub>();

/** The hub of a database (one per app), created on first use. */
export function chatHub(db: Db, messagesSince: MessagesSince): ChatHub {
  let hub = hubs.get(db);
  if (!hub) hubs.set(db, (hub = new ChatHub(messagesSince)));
  return hub;
}
