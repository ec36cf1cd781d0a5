/**
 * Server-Sent Events read with `fetch`, because `EventSource` cannot send headers and the chat
 * token must never travel in a URL (URLs reach logs). Reconnects with backoff, sending
 * `Last-Event-ID` so the server replays what was missed; the caller dedupes by id.
 * Used by the chat panel and by `<ecam-event>`'s live feed.
 */

/** One event of the stream: its name (`message` when unnamed), data and id. */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * Splits `text/event-stream` text into events (WHATWG HTML, "Parsing an event stream"):
 * fields per line, a blank line dispatches, `:` lines are comments (the server's `: ping`).
 */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private id?: string;

  /** Feeds a decoded chunk; returns the events it completed. */
  feed(chunk: string): SseEvent[] {
    this.buffer += chunk;
    const lines = this.buffer.split(/\r\n|\r|\n/);
    // The last piece may be a line cut in the middle; a lone trailing \r may still become \r\n.
    this.buffer = lines.pop() ?? '';
    const out: SseEvent[] = [];
    for (const line of lines) {
      if (line === '') {
        if (this.data.length) out.push({ event: this.event || 'message', data: this.data.join('\n'), id: this.id });
        this.event = '';
        this.data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') this.event = value;
      else if (field === 'data') this.data.push(value);
      else if (field === 'id' && !value.includes('\0')) this.id = value;
    }
    return out;
  }
}

export interface StreamOptions {
  url: string;
  /** Headers of each attempt (the token, and `Last-Event-ID` as known at that moment). */
  headers: () => Record<string, string>;
  onEvent: (e: SseEvent) => void;
  /** An HTTP refusal (403, 404, 409…): the stream stops and does not retry. */
  onRefused: (status: number) => void;
  /** Called with `true` once connected and `false` each time the connection drops. */
  onConnection?: (connected: boolean) => void;
}

/** Backoff between attempts: 1 s, 2 s, 4 s … up to 30 s, with jitter so clients don't stampede. */
const delay = (attempt: number): number => Math.min(30_000, 1000 * 2 ** attempt) * (0.75 + Math.random() / 2);

/** Opens the stream and keeps it open until `close()`; returns the closer. */
export function openStream(opts: StreamOptions): { close: () => void } {
  let closed = false;
  let controller: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;

  const retry = (): void => {
    if (closed) return;
    opts.onConnection?.(false);
    timer = setTimeout(() => void connect(), delay(attempt++));
  };

  const connect = async (): Promise<void> => {
    controller = new AbortController();
    let res: Response;
    try {
      res = await fetch(opts.url, {
        headers: { accept: 'text/event-stream', ...opts.headers() },
        cache: 'no-store',
        signal: controller.signal,
      });
    } catch {
      return retry();
    }
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
      closed = true;
      opts.onRefused(res.status);
      return;
    }
    if (!res.ok || !res.body) return retry();
    attempt = 0;
    opts.onConnection?.(true);
    const parser = new SseParser();
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const e of parser.feed(value)) opts.onEvent(e);
      }
    } catch {
      // Dropped mid-stream (network, server restart, abort on close): handled below.
    }
    retry();
  };

  void connect();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      controller?.abort();
    },
  };
}
