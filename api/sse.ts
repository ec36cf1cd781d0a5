/**
 * Server-Sent Events plumbing shared by every live stream (the chat's, the events' live feed):
 * a Fastify reply taken over with `reply.hijack()` and written by hand (see README, "API del
 * chat y buzón"). A frame is formatted once and the same string written to every subscriber;
 * one heartbeat per set of streams keeps proxies and clients seeing them alive.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './errors.ts';

/** How often every stream gets a `: ping` comment, so proxies and clients see it alive. */
export const HEARTBEAT_MS = 20_000;
/** A client this far behind (bytes buffered, unsent) is dropped; it reconnects and replays. */
const MAX_BUFFERED = 1 << 20;

/** One SSE frame. JSON never contains a raw line break, so `data:` fits on one line. */
export function sseFrame(event: string, data: unknown, id?: number): string {
  return `event: ${event}\n${id === undefined ? '' : `id: ${id}\n`}data: ${JSON.stringify(data)}\n\n`;
}

/** An open event stream: written to by its hub, ended by the client, the hub or the server. */
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

/** The open streams of one hub and their heartbeat (one timer for all of them). */
export class SseStreams {
  private readonly all = new Set<SseStream>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor() {
    this.heartbeat = setInterval(() => this.ping(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Keeps `stream` until it ends. */
  add(stream: SseStream): void {
    this.all.add(stream);
    stream.whenEnded(() => this.all.delete(stream));
  }

  /** A `: ping` comment to every open stream (the heartbeat, every HEARTBEAT_MS). */
  ping(): void {
    for (const s of this.all) s.write(': ping\n\n');
  }

  get size(): number {
    return this.all.size;
  }

  /** Ends every stream and the heartbeat (server shutdown). */
  close(): void {
    clearInterval(this.heartbeat);
    for (const s of [...this.all]) s.end();
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
  // retry after 3 s (the widgets have their own backoff).
  res.write('retry: 3000\n\n');
  return new SseStream(res);
}
