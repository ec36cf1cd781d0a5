/**
 * The live feed of events' pages (`GET /api/events/:slug/live`): one channel per event with
 * viewers. Each frame is formatted once and the same string written to every viewer of the event.
 *
 * Question changes come from the database, not from the caller: every public change of a
 * question has a number (`live_seq`, written by a trigger, api/db/migrations/014-events-live.sql),
 * and `changed(eventId)`, called after any commit that may touch an event, sends what was
 * numbered after the channel's last frame. A viewer that reconnects with Last-Event-ID gets the
 * same rows from the database; a viewer remembers the last number it carried, so nothing is sent
 * twice and nothing is skipped.
 */
import type { Db } from '../db/index.ts';
import { sseFrame, SseStreams, type SseStream } from '../sse.ts';
import type { EventLiveMap, LiveState, PublicQuestion } from './schemas.ts';

/** How often the phase (upcoming, in progress, held) is checked against the clock while someone watches. */
export const PHASE_CHECK_MS = 1_000;

/** A question change: its current public form, or `removed` when it left the public list. */
export type LiveChange = { seq: number; question: PublicQuestion } | { seq: number; removed: number };

/** What the feed reads, provided by the events service (so this module imports none of it). */
export interface LiveSource {
  /** The event's public state and phase now; null once it is not public (a draft or gone). */
  state(eventId: number): LiveState | null;
  /** Question changes of the event after `seq`, in order. */
  changesSince(eventId: number, seq: number): LiveChange[];
  /** The number of the event's last question change. */
  lastSeq(eventId: number): number;
  /** The published results (null: none), compared as JSON to send them once when they change. */
  results(eventId: number): EventLiveMap['results'] | null;
}

interface Viewer {
  stream: SseStream;
  /** The last question change this stream carried (or was assumed to have, from the detail). */
  lastSeq: number;
}

interface Channel {
  viewers: Set<Viewer>;
  /** The last change sent to the channel. */
  sent: number;
  /** The last state frame and results, as sent. */
  state: string;
  results: string;
}

function changeFrame(c: LiveChange): string {
  return 'removed' in c ? sseFrame('question-removed', { id: c.removed }, c.seq) : sseFrame('question', c.question, c.seq);
}

export class EventsLive {
  private readonly streams = new SseStreams();
  private readonly channels = new Map<number, Channel>();
  private clock: NodeJS.Timeout | null = null;

  constructor(
    private readonly source: LiveSource,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Open live streams, all events together. */
  get size(): number {
    return this.streams.size;
  }

  /**
   * Adds a viewer to the event's channel: the state frame first (with `id:` the position the
   * viewer starts from), then, with `lastEventId`, every question change after it; without it,
   * nothing old (the page loaded the detail just before).
   */
  watch(eventId: number, stream: SseStream, lastEventId: number | null): void {
    const state = this.source.state(eventId);
    if (!state) return stream.end();
    const now = this.source.lastSeq(eventId);
    let channel = this.channels.get(eventId);
    if (!channel) {
      channel = { viewers: new Set(), sent: now, state: sseFrame('state', state), results: JSON.stringify(this.source.results(eventId)) };
      this.channels.set(eventId, channel);
      this.startClock();
    }
    // A number from the future (another database, a typo) counts as "up to date".
    const viewer: Viewer = { stream, lastSeq: lastEventId === null ? now : Math.min(lastEventId, now) };
    const ch = channel;
    ch.viewers.add(viewer);
    this.streams.add(stream);
    stream.whenEnded(() => {
      ch.viewers.delete(viewer);
      if (ch.viewers.size === 0 && this.channels.get(eventId) === ch) this.channels.delete(eventId);
      if (this.channels.size === 0) this.stopClock();
    });
    stream.send('state', state, viewer.lastSeq);
    if (lastEventId !== null) this.replay(viewer, this.source.changesSince(eventId, viewer.lastSeq));
  }

  /**
   * Call after a commit that may have changed an event (a question moderated or merged, the event
   * published, cancelled or rescheduled, its results published): sends the question changes
   * numbered since the channel's last frame, and the state and results if they changed. Nothing
   * happens when nobody watches the event.
   */
  changed(eventId: number): void {
    const channel = this.channels.get(eventId);
    if (!channel) return;
    for (const c of this.source.changesSince(eventId, channel.sent)) {
      const frame = changeFrame(c);
      for (const v of channel.viewers) {
        if (c.seq <= v.lastSeq) continue;
        v.stream.write(frame);
        v.lastSeq = c.seq;
      }
      channel.sent = c.seq;
    }
    this.checkState(eventId, channel);
    const results = this.source.results(eventId);
    const json = JSON.stringify(results);
    if (json !== channel.results) {
      channel.results = json;
      this.broadcast(channel, sseFrame('results', results));
    }
  }

  /** Ends every stream, the heartbeat and the clock (server shutdown). */
  close(): void {
    this.stopClock();
    this.streams.close();
  }

  private replay(viewer: Viewer, changes: LiveChange[]): void {
    for (const c of changes) {
      if (c.seq <= viewer.lastSeq) continue;
      viewer.stream.write(changeFrame(c));
      viewer.lastSeq = c.seq;
    }
  }

  /** Sends the state frame when state or phase differ from the last one sent. */
  private checkState(eventId: number, channel: Channel): void {
    const state = this.source.state(eventId);
    if (!state) return;
    const frame = sseFrame('state', state);
    if (frame === channel.state) return;
    channel.state = frame;
    this.broadcast(channel, frame);
  }

  private broadcast(channel: Channel, frame: string): void {
    for (const v of channel.viewers) v.stream.write(frame);
  }

  /** One timer for all events with viewers: the phase follows the app's clock. */
  private startClock(): void {
    if (this.clock) return;
    this.clock = setInterval(() => {
      try {
        for (const [eventId, channel] of this.channels) this.checkState(eventId, channel);
      } catch (err) {
        // The next tick tries again; a timer must never take the server down.
        this.onError(err);
      }
    }, PHASE_CHECK_MS);
    this.clock.unref();
  }

  private stopClock(): void {
    if (this.clock) clearInterval(this.clock);
    this.clock = null;
  }
}

const feeds = new WeakMap<Db, EventsLive>();

/** The live feed of a database (one per app, shared by the public and staff routes), created on first use. */
export function eventsLive(db: Db, source: LiveSource, onError: (err: unknown) => void): EventsLive {
  let live = feeds.get(db);
  if (!live) feeds.set(db, (live = new EventsLive(source, onError)));
  return live;
}
