/**
 * In-process fan-out of chat events to open Server-Sent Events streams: the citizens' streams
 * (per conversation) and the consoles' streams (per official). One hub per database, shared by
 * the public and the admin routes; one heartbeat timer for all streams.
 *
 * The streams are opened by api/sse.ts: one event is formatted once and the same string written
 * to every subscriber, and the hub alone decides when a stream ends.
 */
import type { Db } from '../db/index.ts';
import { sseFrame, SseStreams, type SseStream } from '../sse.ts';
import type { ChatEventMap, ChatMessage, StaffChatEventMap } from './schemas.ts';

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
  private readonly all = new SseStreams();

  constructor(private readonly messagesSince: MessagesSince) {}

  /** A `: ping` comment to every open stream (the heartbeat). */
  ping(): void {
    this.all.ping();
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
    this.all.close();
  }

  private track(stream: SseStream): void {
    this.all.add(stream);
  }
}

const hubs = new WeakMap<Db, ChatHub>();

/** The hub of a database (one per app), created on first use. */
export function chatHub(db: Db, messagesSince: MessagesSince): ChatHub {
  let hub = hubs.get(db);
  if (!hub) hubs.set(db, (hub = new ChatHub(messagesSince)));
  return hub;
}
