/**
 * The chat's rules (issue 5): who may do what in which state, what is stored (always committed
 * before the answer), and which events go to whom through the hub.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordAudit } from '../admin/audit.ts';
import type { StaffUser } from '../auth/users.ts';
import { bogotaDayRange } from '../calendar/calendar.ts';
import { calendarRules } from '../calendar/store.ts';
import type { Db } from '../db/index.ts';
import { ApiError } from '../errors.ts';
import type { PqrsType } from '../pqrs/catalog.ts';
import { fileOnce } from '../pqrs/service.ts';
import { getSettings } from '../settings/store.ts';
import { getSurveyBySlug } from '../survey/store.ts';
import { surveyStatus } from '../survey/service.ts';
import { chatHub, type ChatHub } from './hub.ts';
import type {
  AdminChatDetail,
  ChatConversation,
  ChatMessage,
  ChatStateEvent,
  ChatStatus,
  ClosedBy,
  Converted,
  QueueItem,
  RatingsReport,
} from './schemas.ts';
import { bogotaIso } from '../events/time.ts';
import { eventStore } from '../events/store.ts';
import { chatStatus, eventChatStatus } from './status.ts';
import { chatStore, type ConversationRow } from './store.ts';

/** Who acts, for the audit log and the permission checks. */
export interface StaffActor extends StaffUser {
  ip: string;
}

/** The signed-in official of a staff request (the admin scope's guard has checked the session). */
export function staffActor(req: FastifyRequest): StaffActor {
  if (!req.staff) throw new ApiError(401, 'Debe iniciar sesión.', undefined, 'session');
  return { ...req.staff, ip: req.ip };
}

const NOT_YOURS = 'Esta conversación no existe o no le pertenece.';
const CLOSED = 'La conversación ya terminó.';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** `YYYY-MM-DD HH:MM` in Bogotá (UTC-5 all year). */
export function bogotaMinute(iso: string): string {
  return new Date(Date.parse(iso) - 5 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}


const services = new WeakMap<Db, ChatService>();

/** The chat service of an app (one per database, so the public and staff routes share the hub). */
export function chatService(app: FastifyInstance): ChatService {
  let service = services.get(app.db);
  if (!service) services.set(app.db, (service = createChatService(app)));
  return service;
}
export type ChatService = ReturnType<typeof createChatService>;

function createChatService(app: FastifyInstance) {
  const { db, config, mailer } = app;
  const store = chatStore(db);
  const events = eventStore(db);
  const hub: ChatHub = chatHub(db, store.messagesSince);
  const settings = () => getSettings(db, config);
  /** Conversions under way: a second click must not file a second PQRSD. */
  const converting = new Set<number>();

  function load(id: number): ConversationRow {
    const row = store.conversation(id);
    if (!row) throw new ApiError(404, `No existe la conversación ${id}.`);
    return row;
  }

  function stateEvent(row: ConversationRow): ChatStateEvent {
    return {
      state: row.state,
      position: row.state === 'waiting' ? store.position(row.id) : null,
      agentName: row.agent_name,
      closedBy: row.closed_by,
      radicado: row.radicado,
    };
  }

  /** What the citizen and the staff both see of a conversation: who, what, its state and messages. */
  function conversationView(row: ConversationRow) {
    return {
      id: row.id,
      name: row.name,
      email: row.email,
      topic: row.topic,
      createdAt: row.created_at,
      ...stateEvent(row),
      messages: store.messagesSince(row.id, 0),
      rating: store.rating(row.id),
    };
  }

  function queue(now: Date): QueueItem[] {
    const officials = new Map<number, number[]>();
    const officialsOf = (eventId: number) => {
      let ids = officials.get(eventId);
      if (!ids) officials.set(eventId, (ids = events.chatOfficials(eventId).map((o) => o.id)));
      return ids;
    };
    return store.waiting().map((w) => ({
      id: w.id,
      name: w.name,
      topic: w.topic,
      createdAt: w.created_at,
      waitingSeconds: Math.max(0, Math.floor((now.getTime() - Date.parse(w.created_at)) / 1000)),
      event: w.event_id !== null ? { slug: w.event_slug!, title: w.event_title!, officials: officialsOf(w.event_id) } : null,
    }));
  }

  /** A published or cancelled event with a chat window; 404 (the same for all) otherwise. */
  function chatEvent(slug: string) {
    const row = events.bySlug(slug);
    if (!row || row.state === 'draft' || !row.chat_opens_at || !row.chat_closes_at)
      throw new ApiError(404, 'No existe ese evento o no tiene chat.', undefined, 'no_event_chat');
    return { ...row, chat_opens_at: row.chat_opens_at, chat_closes_at: row.chat_closes_at };
  }

  /**
   * The queue changed: every console gets it and, when someone left it (`moved`), every waiting
   * citizen its new position (a newcomer at the end moves nobody).
   */
  function publishQueue(moved = true): void {
    const waiting = queue(app.now());
    hub.toAllStaff('queue', { waiting });
    if (!moved) return;
    waiting.forEach((w, i) => {
      if (!hub.citizenConnected(w.id)) return;
      hub.toCitizen(w.id, 'state', { state: 'waiting', position: i + 1, agentName: null, closedBy: null, radicado: null });
    });
  }

  /** A conversation's state changed: its citizen and the officials it concerns hear of it. */
  function publishState(id: number, alsoTo: (number | null)[] = []): ConversationRow {
    const row = load(id);
    hub.toCitizen(id, 'state', stateEvent(row));
    const event = { id, state: row.state, agentId: row.agent_id, agentName: row.agent_name };
    for (const staffId of new Set([row.agent_id, ...alsoTo])) if (staffId !== null) hub.toStaff(staffId, 'conversation', event);
    return row;
  }

  function publishMessage(row: Pick<ConversationRow, 'id' | 'agent_id'>, message: ChatMessage): void {
    hub.message(row.id, message);
    if (row.agent_id !== null) hub.toStaff(row.agent_id, 'message', { conversationId: row.id, ...message });
  }

  /** Closes in the caller's transaction: the state, and a system message saying why. */
  function closeInTransaction(id: number, by: ClosedBy, body: string, at: string): ChatMessage | null {
    if (!store.close(id, at, by)) return null;
    return store.insertMessage({ conversationId: id, author: 'system', staffId: null, body, at });
  }

  /** The assigned official, an admin, or anyone while nobody has taken it. */
  function mayAct(row: ConversationRow, staff: StaffUser): void {
    if (row.agent_id === null || row.agent_id === staff.id || staff.role === 'admin') return;
    throw new ApiError(403, `La conversación está a cargo de ${row.agent_name ?? 'otro funcionario'}.`, undefined, 'not_assigned');
  }

  /** Records a staff action; call inside the transaction that makes it. */
  function audit(staff: StaffActor, action: string, target: string, details?: Record<string, unknown>): void {
    recordAudit(db, { staffId: staff.id, username: staff.username, action, target, ip: staff.ip, details, at: app.now() });
  }

  function anyAgentOnline(): boolean {
    return store.availableAgents().some((id) => hub.staffConnected(id));
  }

  /** The transcript as plain text: the record kept when a chat becomes a PQRSD. */
  function transcript(row: ConversationRow): string {
    const citizen = row.name ?? 'Ciudadano';
    const lines = [
      `Conversación de chat n.º ${row.id} con ${settings().entityName}`,
      `Tema: ${row.topic}`,
      `Nombre: ${row.name ?? '(no lo dio)'}`,
      `Correo electrónico: ${row.email ?? '(no lo dio)'}`,
      `Inicio: ${bogotaMinute(row.created_at)} (hora de Colombia)`,
      ...(row.closed_at ? [`Fin: ${bogotaMinute(row.closed_at)} (hora de Colombia)`] : []),
      ...(row.radicado ? [`Radicado: ${row.radicado}`] : []),
      '',
    ];
    for (const m of store.messagesSince(row.id, 0)) {
      const who = m.author === 'citizen' ? citizen : m.author === 'staff' ? `${m.name ?? 'Funcionario'} (funcionario)` : 'Sistema';
      lines.push(`[${bogotaMinute(m.at)}] ${who}: ${m.body.replace(/\r?\n/g, '\n    ')}`);
    }
    return `${lines.join('\n')}\n`;
  }

  return {
    hub,
    store,
    stateEvent,
    transcript,

    status(now: Date): ChatStatus {
      return chatStatus(now, settings().officeHours, calendarRules(db), anyAgentOnline());
    },

    /** The status of an event's chat window: its officials, its hours (404 without one). */
    eventStatus(slug: string, now: Date): ChatStatus & { eventId: number } {
      const row = chatEvent(slug);
      const available = new Set(store.availableAgents());
      const anyOfficial = events.chatOfficials(row.id).some((o) => available.has(o.id) && hub.staffConnected(o.id));
      const window = { opensAt: row.chat_opens_at, closesAt: row.chat_closes_at, cancelled: row.state === 'cancelled' };
      return {
        ...eventChatStatus(now, window, anyOfficial),
        event: { slug: row.slug, title: row.title, opensAt: bogotaIso(row.chat_opens_at), closesAt: bogotaIso(row.chat_closes_at) },
        eventId: row.id,
      };
    },

    /**
     * Opens a conversation in the queue, without the online check (the route makes it; the
     * bench seeds conversations with it). The token is returned once; only its hash is kept.
     */
    async open(
      input: { name?: string; email?: string; topic: string },
      ip: string,
      now: Date,
      eventId: number | null = null,
    ): Promise<{ id: number; token: string }> {
      const token = randomBytes(24).toString('base64url');
      const id = await app.commit(() =>
        store.insertConversation({
          tokenHash: hashToken(token),
          name: input.name ?? null,
          email: input.email ?? null,
          topic: input.topic,
          at: now.toISOString(),
          consentPolicy: config.policyVersion,
          consentIp: ip,
          eventId,
        }),
      );
      publishQueue(false);
      return { id, token };
    },

    /** The conversation if `token` is its token; 403 otherwise (also when it does not exist). */
    authorize(id: number, token: string | string[] | undefined): ConversationRow {
      const row = store.conversation(id);
      if (!row || typeof token !== 'string' || token.length > 200) throw new ApiError(403, NOT_YOURS, undefined, 'token');
      const a = Buffer.from(hashToken(token), 'hex');
      const b = Buffer.from(row.token_hash, 'hex');
      if (a.length !== b.length || !timingSafeEqual(a, b)) throw new ApiError(403, NOT_YOURS, undefined, 'token');
      return row;
    },

    citizenView(row: ConversationRow): ChatConversation {
      const s = settings();
      let survey: string | null = null;
      if (row.state === 'closed' && s.chatSurvey) {
        const found = getSurveyBySlug(db, s.chatSurvey);
        if (found && surveyStatus(found, app.now()) === 'open') survey = found.slug;
      }
      return {
        ...conversationView(row),
        pendingTrackingCode: row.pending_tracking_code,
        satisfactionSurvey: survey,
        waitNoticeSeconds: s.chatWaitNoticeMinutes * 60,
      };
    },

    /** Stores a message (seq assigned in the commit that stores it), then fans it out. */
    async post(id: number, author: 'citizen' | 'staff', staff: StaffUser | null, body: string): Promise<{ seq: number; at: string }> {
      const at = app.now().toISOString();
      const { message, row } = await app.commit(() => {
        const row = load(id);
        if (row.state === 'closed') throw new ApiError(409, CLOSED, undefined, 'closed');
        if (author === 'staff') {
          if (row.state !== 'active' || row.agent_id !== staff?.id) {
            throw new ApiError(403, 'Solo el funcionario a cargo puede escribir en esta conversación.', undefined, 'not_assigned');
          }
        }
        return { row, message: store.insertMessage({ conversationId: id, author, staffId: staff?.id ?? null, body, at }) };
      });
      publishMessage(row, message);
      return { seq: message.seq, at: message.at };
    },

    typing(row: ConversationRow, author: 'citizen' | 'staff', typing: boolean): void {
      if (row.state === 'closed') return;
      if (author === 'citizen') {
        if (row.agent_id !== null) hub.toStaff(row.agent_id, 'typing', { conversationId: row.id, typing });
      } else {
        hub.toCitizen(row.id, 'typing', { author, typing });
      }
    },

    read(row: ConversationRow, author: 'citizen' | 'staff', seq: number): void {
      if (author === 'citizen') {
        store.citizenRead(row.id, seq);
        if (row.agent_id !== null) hub.toStaff(row.agent_id, 'read', { conversationId: row.id, seq: Math.min(seq, row.last_seq) });
      } else {
        store.staffRead(row.id, seq);
        hub.toCitizen(row.id, 'read', { author: 'staff', seq: Math.min(seq, row.last_seq) });
      }
    },

    /** Closes (idempotent). `staff` null: the citizen leaves. */
    async close(id: number, staff: StaffActor | null): Promise<void> {
      const at = app.now().toISOString();
      const done = await app.commit(() => {
        const row = load(id);
        if (row.state === 'closed') return null;
        if (staff) mayAct(row, staff);
        const body = staff ? `${staff.name} cerró la conversación.` : 'El ciudadano cerró la conversación.';
        const message = closeInTransaction(id, staff ? 'staff' : 'citizen', body, at);
        if (staff) audit(staff, 'chat.close', `chat:${id}`);
        return message && { row, message };
      });
      if (!done) return;
      publishMessage(done.row, done.message);
      publishState(id);
      if (done.row.state === 'waiting') publishQueue();
    },

    async take(id: number, staff: StaffActor): Promise<void> {
      const at = app.now().toISOString();
      const { message } = await app.commit(() => {
        const row = load(id);
        if (row.state !== 'waiting') {
          const why = row.state === 'closed' ? CLOSED : `${row.agent_name ?? 'Otro funcionario'} ya tomó esta conversación.`;
          throw new ApiError(409, why, undefined, 'taken');
        }
        store.take(id, staff.id, at);
        audit(staff, 'chat.take', `chat:${id}`);
        const body = `${staff.name} tomó la conversación.`;
        return { message: store.insertMessage({ conversationId: id, author: 'system', staffId: null, body, at }) };
      });
      const row = publishState(id);
      publishMessage(row, message);
      publishQueue();
    },

    async transfer(id: number, staff: StaffActor, toId: number): Promise<void> {
      const at = app.now().toISOString();
      const { from, message } = await app.commit(() => {
        const row = load(id);
        mayAct(row, staff);
        if (row.state !== 'active') {
          throw new ApiError(409, row.state === 'closed' ? CLOSED : 'Primero tome la conversación.', undefined, 'not_active');
        }
        const to = store.staffMember(toId);
        const invalid = (message: string) => new ApiError(400, 'Revise los campos marcados.', { staffId: `Funcionario: ${message}` });
        if (!to || !to.active) throw invalid('elija un funcionario activo.');
        if (to.id === row.agent_id) throw invalid('la conversación ya está a su cargo.');
        store.transfer(id, to.id);
        audit(staff, 'chat.transfer', `chat:${id}`, { from: row.agent_id, to: to.id });
        const body = `${row.agent_name ?? staff.name} transfirió la conversación a ${to.name}.`;
        return { from: row.agent_id, message: store.insertMessage({ conversationId: id, author: 'system', staffId: null, body, at }) };
      });
      const row = publishState(id, [from]);
      publishMessage(row, message);
    },

    /**
     * Files the conversation as a PQRSD (Decreto 1166 de 2016: a verbal request is a petition):
     * the transcript is the description; with a name the requester is a natural person
     * (answered by e-mail when there is one, else online), without it anonymous and online.
     */
    async convert(id: number, staff: StaffActor, type: PqrsType): Promise<Converted> {
      const row = load(id);
      mayAct(row, staff);
      const { created, recorded: message } = await fileOnce(
        app,
        { id, radicado: row.radicado, consentIp: row.consent_ip, from: 'chat' },
        converting,
        () => ({
          type,
          subject: `Conversación de chat: ${row.topic}`.slice(0, 200),
          description: transcript(row),
          responseChannel: row.name && row.email ? 'email' : 'online',
          consent: true,
          requester: row.name ? { kind: 'natural', name: row.name, email: row.email ?? undefined } : { kind: 'anonimo' },
        }),
        (created) => {
          store.converted(id, created.radicado, created.trackingCode);
          audit(staff, 'chat.convert', `chat:${id}`, { radicado: created.radicado, type });
          const at = app.now().toISOString();
          return store.insertMessage({ conversationId: id, author: 'system', staffId: null, body: `Se radicó como ${created.radicado}.`, at });
        },
      );
      const after = publishState(id);
      publishMessage(after, message);
      hub.toCitizen(id, 'converted', { radicado: created.radicado, trackingCode: created.trackingCode, dueDate: created.dueDate });
      return { radicado: created.radicado, dueDate: created.dueDate };
    },

    /** Queues the transcript to the conversation's e-mail (400 without one). */
    async emailTranscript(row: ConversationRow): Promise<void> {
      const email = row.email;
      if (!email) {
        throw new ApiError(400, 'Esta conversación no tiene correo electrónico.', {
          email: 'Correo electrónico: la conversación se inició sin correo; descargue la transcripción.',
        });
      }
      const subject = `Transcripción de su conversación con ${settings().entityName}`;
      await app.commit(() => mailer.enqueue({ to: email, subject, body: transcript(row) }));
      void mailer.flush();
    },

    async rate(row: ConversationRow, score: number, comment: string): Promise<void> {
      await app.commit(() => {
        const current = load(row.id);
        if (current.state !== 'closed') throw new ApiError(409, 'La conversación se califica cuando termina.', undefined, 'not_closed');
        if (store.rating(row.id)) throw new ApiError(409, 'Esta conversación ya fue calificada.', undefined, 'rated');
        store.insertRating({ id: row.id, staffId: current.agent_id, score, comment, at: app.now().toISOString() });
      });
    },

    /** Opens a console stream: the queue now, then events as they happen. */
    queue,

    async setAvailable(staff: StaffActor, available: boolean): Promise<void> {
      await app.commit(() => store.setAvailable(staff.id, available, app.now().toISOString()));
    },

    detail(id: number): AdminChatDetail {
      const row = load(id);
      return {
        ...conversationView(row),
        event: row.event_slug && row.event_title ? { slug: row.event_slug, title: row.event_title } : null,
        agentId: row.agent_id,
        takenAt: row.taken_at,
        closedAt: row.closed_at,
        citizenReadSeq: row.citizen_read_seq,
        consent: { at: row.consent_at, policyVersion: row.consent_policy, ip: row.consent_ip },
        earlier: row.email ? store.earlier(row.email, id) : [],
      };
    },

    load,
    mayAct,
    audit,

    /** Ratings per official and per month (Bogotá) of the ratings given between two Bogotá days. */
    ratings(from: string | undefined, to: string | undefined): RatingsReport {
      const range = bogotaDayRange(from, to);
      const avg = (sum: number, count: number) => Math.round((sum / count) * 100) / 100;
      return {
        byAgent: store.ratingsByAgent(range.from, range.to).map((r) => ({ staffId: r.staffId, name: r.name, count: r.count, average: avg(r.sum, r.count) })),
        byMonth: store.ratingsByMonth(range.from, range.to).map((r) => ({ month: r.month, count: r.count, average: avg(r.sum, r.count) })),
      };
    },

    /**
     * Closes, with a system message to both sides, the active conversations with no message for
     * `chatIdleCloseMinutes`, and the waiting ones as old whose citizen has no stream open
     * (they left without closing). Returns the ids closed.
     */
    async closeIdle(now: Date): Promise<number[]> {
      const before = new Date(now.getTime() - settings().chatIdleCloseMinutes * 60_000).toISOString();
      const candidates = store.idle(before, before).filter((c) => c.state === 'active' || !hub.citizenConnected(c.id));
      if (candidates.length === 0) return [];
      const at = now.toISOString();
      const closed = await app.commit(() =>
        candidates.flatMap((c) => {
          const row = load(c.id);
          // Re-checked in the transaction: a message may have arrived since the query.
          if (row.state === 'closed' || row.last_activity_at >= before) return [];
          const message = closeInTransaction(c.id, 'idle', 'Conversación cerrada por inactividad.', at);
          return message ? [{ row, message }] : [];
        }),
      );
      for (const { row, message } of closed) {
        publishMessage(row, message);
        publishState(row.id);
      }
      if (closed.some((c) => c.row.state === 'waiting')) publishQueue();
      return closed.map((c) => c.row.id);
    },
  };
}

/** Closes idle conversations as of `now` (the sweeper calls it every 30 s; tests, with a moved clock). */
export function closeIdleConversations(app: FastifyInstance, now: Date): Promise<number[]> {
  return chatService(app).closeIdle(now);
}
