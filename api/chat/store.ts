/** The chat tables (api/db/migrations/005-chat.sql): the one place with their SQL. */
import { perDb, type Db } from '../db/index.ts';
import type { ChatAuthor, ChatMessage, ChatState, ClosedBy } from './schemas.ts';

export interface ConversationRow {
  id: number;
  token_hash: string;
  name: string | null;
  email: string | null;
  topic: string;
  state: ChatState;
  agent_id: number | null;
  /** Joined from `staff`. */
  agent_name: string | null;
  created_at: string;
  taken_at: string | null;
  closed_at: string | null;
  closed_by: ClosedBy | null;
  last_activity_at: string;
  last_seq: number;
  citizen_read_seq: number;
  staff_read_seq: number;
  consent_at: string;
  consent_policy: string;
  consent_ip: string;
  radicado: string | null;
  pending_tracking_code: string | null;
  /** The event whose page it started on (api/events), and that event's slug and title, joined. */
  event_id: number | null;
  event_slug: string | null;
  event_title: string | null;
}

export interface NewConversation {
  tokenHash: string;
  name: string | null;
  email: string | null;
  topic: string;
  at: string;
  consentPolicy: string;
  consentIp: string;
  /** The event whose page it started on. */
  eventId?: number | null;
}

export interface NewMessage {
  conversationId: number;
  author: ChatAuthor;
  staffId: number | null;
  body: string;
  at: string;
}

export interface ListFilter {
  state?: ChatState;
  q?: string;
  agentId?: number;
  page: number;
  pageSize: number;
}

interface ListRow {
  id: number;
  name: string | null;
  email: string | null;
  topic: string;
  state: ChatState;
  agent_name: string | null;
  created_at: string;
  closed_at: string | null;
  message_count: number;
  radicado: string | null;
}

/** `%needle%` for LIKE, with the needle's own wildcards escaped (ESCAPE '\'). */
export function likePattern(needle: string): string {
  return `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const CONVERSATION = `SELECT c.*, s.name AS agent_name, e.slug AS event_slug, e.title AS event_title
  FROM chat_conversations c LEFT JOIN staff s ON s.id = c.agent_id LEFT JOIN events e ON e.id = c.event_id`;
const MESSAGE = `SELECT m.seq, m.author, s.name AS name, m.body, m.created_at AS at
  FROM chat_messages m LEFT JOIN staff s ON s.id = m.staff_id`;
const LIST_WHERE = `WHERE (@state IS NULL OR c.state = @state) AND (@agentId IS NULL OR c.agent_id = @agentId)
  AND (@q IS NULL OR c.name LIKE @q ESCAPE '\\' OR c.email LIKE @q ESCAPE '\\' OR c.topic LIKE @q ESCAPE '\\'
    OR EXISTS (SELECT 1 FROM chat_messages m WHERE m.conversation_id = c.id AND m.body LIKE @q ESCAPE '\\'))`;

function prepare(db: Db) {
  return {
    insert: db.prepare<NewConversation>(
      `INSERT INTO chat_conversations (token_hash, name, email, topic, created_at, last_activity_at, consent_at, consent_policy, consent_ip, event_id)
       VALUES (@tokenHash, @name, @email, @topic, @at, @at, @at, @consentPolicy, @consentIp, @eventId)`,
    ),
    get: db.prepare<[number], ConversationRow>(`${CONVERSATION} WHERE c.id = ?`),
    position: db.prepare<[number], number>(`SELECT count(*) FROM chat_conversations WHERE state = 'waiting' AND id <= ?`).pluck(),
    waiting: db.prepare<
      [],
      { id: number; name: string | null; topic: string; created_at: string; event_id: number | null; event_slug: string | null; event_title: string | null }
    >(
      `SELECT c.id, c.name, c.topic, c.created_at, c.event_id, e.slug AS event_slug, e.title AS event_title
       FROM chat_conversations c LEFT JOIN events e ON e.id = c.event_id WHERE c.state = 'waiting' ORDER BY c.id`,
    ),
    bumpSeq: db
      .prepare<{ id: number; at: string }, number>(
        `UPDATE chat_conversations SET last_seq = last_seq + 1, last_activity_at = @at WHERE id = @id RETURNING last_seq`,
      )
      .pluck(),
    insertMessage: db.prepare<NewMessage & { seq: number }>(
      `INSERT INTO chat_messages (conversation_id, seq, author, staff_id, body, created_at)
       VALUES (@conversationId, @seq, @author, @staffId, @body, @at)`,
    ),
    messagesSince: db.prepare<[number, number], ChatMessage>(`${MESSAGE} WHERE m.conversation_id = ? AND m.seq > ? ORDER BY m.seq`),
    take: db.prepare<{ id: number; agentId: number; at: string }>(
      `UPDATE chat_conversations SET state = 'active', agent_id = @agentId, taken_at = @at WHERE id = @id AND state = 'waiting'`,
    ),
    transfer: db.prepare<{ id: number; agentId: number }>(`UPDATE chat_conversations SET agent_id = @agentId WHERE id = @id`),
    close: db.prepare<{ id: number; at: string; by: ClosedBy }>(
      `UPDATE chat_conversations SET state = 'closed', closed_at = @at, closed_by = @by, pending_tracking_code = NULL
       WHERE id = @id AND state <> 'closed'`,
    ),
    citizenRead: db.prepare<{ id: number; seq: number }>(
      `UPDATE chat_conversations SET citizen_read_seq = max(citizen_read_seq, min(@seq, last_seq)) WHERE id = @id`,
    ),
    staffRead: db.prepare<{ id: number; seq: number }>(
      `UPDATE chat_conversations SET staff_read_seq = max(staff_read_seq, min(@seq, last_seq)) WHERE id = @id`,
    ),
    converted: db.prepare<{ id: number; radicado: string; trackingCode: string | null }>(
      `UPDATE chat_conversations SET radicado = @radicado,
         pending_tracking_code = CASE WHEN state = 'closed' THEN NULL ELSE @trackingCode END
       WHERE id = @id`,
    ),
    idle: db.prepare<{ activeBefore: string; waitingBefore: string }, { id: number; state: ChatState }>(
      `SELECT id, state FROM chat_conversations
       WHERE (state = 'active' AND last_activity_at < @activeBefore) OR (state = 'waiting' AND last_activity_at < @waitingBefore)`,
    ),
    list: db.prepare<Record<string, string | number | null>, ListRow>(
      `SELECT c.id, c.name, c.email, c.topic, c.state, s.name AS agent_name, c.created_at, c.closed_at,
         c.last_seq AS message_count, c.radicado
       FROM chat_conversations c LEFT JOIN staff s ON s.id = c.agent_id ${LIST_WHERE}
       ORDER BY c.id DESC LIMIT @limit OFFSET @offset`,
    ),
    count: db.prepare<Record<string, string | number | null>, number>(`SELECT count(*) FROM chat_conversations c ${LIST_WHERE}`).pluck(),
    earlier: db.prepare<[string, number], { id: number; createdAt: string; topic: string; state: ChatState }>(
      `SELECT id, created_at AS createdAt, topic, state FROM chat_conversations
       WHERE email = ? COLLATE NOCASE AND id <> ? ORDER BY id DESC LIMIT 50`,
    ),
    setAvailable: db.prepare<{ staffId: number; available: number; at: string }>(
      `INSERT INTO chat_agents (staff_id, available, updated_at) VALUES (@staffId, @available, @at)
       ON CONFLICT (staff_id) DO UPDATE SET available = excluded.available, updated_at = excluded.updated_at`,
    ),
    isAvailable: db
      .prepare<[number], number>(
        `SELECT count(*) FROM chat_agents a JOIN staff s ON s.id = a.staff_id WHERE a.staff_id = ? AND a.available = 1 AND s.active = 1`,
      )
      .pluck(),
    availableAgents: db
      .prepare<[], number>(`SELECT a.staff_id FROM chat_agents a JOIN staff s ON s.id = a.staff_id WHERE a.available = 1 AND s.active = 1`)
      .pluck(),
    staffMember: db.prepare<[number], { id: number; name: string; active: number }>(`SELECT id, name, active FROM staff WHERE id = ?`),
    rating: db.prepare<[number], { score: number; comment: string }>(`SELECT score, comment FROM chat_ratings WHERE conversation_id = ?`),
    insertRating: db.prepare<{ id: number; staffId: number | null; score: number; comment: string; at: string }>(
      `INSERT INTO chat_ratings (conversation_id, staff_id, score, comment, created_at) VALUES (@id, @staffId, @score, @comment, @at)`,
    ),
    ratingsByAgent: db.prepare<{ from: string | null; to: string | null }, { staffId: number; name: string; count: number; sum: number }>(
      `SELECT r.staff_id AS staffId, s.name, count(*) AS count, sum(r.score) AS sum
       FROM chat_ratings r JOIN staff s ON s.id = r.staff_id
       WHERE (@from IS NULL OR r.created_at >= @from) AND (@to IS NULL OR r.created_at < @to)
       GROUP BY r.staff_id ORDER BY s.name, r.staff_id`,
    ),
    ratingsByMonth: db.prepare<{ from: string | null; to: string | null }, { month: string; count: number; sum: number }>(
      // Months in Bogotá: UTC-5 all year.
      `SELECT strftime('%Y-%m', r.created_at, '-5 hours') AS month, count(*) AS count, sum(r.score) AS sum
       FROM chat_ratings r
       WHERE (@from IS NULL OR r.created_at >= @from) AND (@to IS NULL OR r.created_at < @to)
       GROUP BY month ORDER BY month`,
    ),
    canned: db.prepare<[], { id: number; title: string; body: string }>(`SELECT id, title, body FROM chat_canned ORDER BY title, id`),
    cannedOne: db.prepare<[number], { id: number; title: string; body: string }>(`SELECT id, title, body FROM chat_canned WHERE id = ?`),
    insertCanned: db.prepare<{ title: string; body: string; staffId: number; at: string }>(
      `INSERT INTO chat_canned (title, body, created_by, created_at, updated_at) VALUES (@title, @body, @staffId, @at, @at)`,
    ),
    updateCanned: db.prepare<{ id: number; title: string; body: string; at: string }>(
      `UPDATE chat_canned SET title = @title, body = @body, updated_at = @at WHERE id = @id`,
    ),
    deleteCanned: db.prepare<[number]>(`DELETE FROM chat_canned WHERE id = ?`),
  };
}

const stmts = perDb(prepare);

/** The chat store of a database: statements prepared once, plain functions over them. */
export function chatStore(db: Db) {
  const s = stmts(db);
  return {
    insertConversation: (c: NewConversation): number => Number(s.insert.run({ ...c, eventId: c.eventId ?? null }).lastInsertRowid),
    conversation: (id: number): ConversationRow | undefined => s.get.get(id),
    /** 1 = next in the queue. */
    position: (id: number): number => s.position.get(id)!,
    waiting: () => s.waiting.all(),
    /** Stores a message with the next seq of its conversation; call inside a transaction. */
    insertMessage(m: NewMessage): ChatMessage {
      const seq = s.bumpSeq.get({ id: m.conversationId, at: m.at })!;
      s.insertMessage.run({ ...m, seq });
      return s.messagesSince.get(m.conversationId, seq - 1)!;
    },
    messagesSince: (id: number, seq: number): ChatMessage[] => s.messagesSince.all(id, seq),
    take: (id: number, agentId: number, at: string): boolean => s.take.run({ id, agentId, at }).changes > 0,
    transfer: (id: number, agentId: number) => s.transfer.run({ id, agentId }),
    close: (id: number, at: string, by: ClosedBy): boolean => s.close.run({ id, at, by }).changes > 0,
    citizenRead: (id: number, seq: number) => s.citizenRead.run({ id, seq }),
    staffRead: (id: number, seq: number) => s.staffRead.run({ id, seq }),
    converted: (id: number, radicado: string, trackingCode: string | null) => s.converted.run({ id, radicado, trackingCode }),
    idle: (activeBefore: string, waitingBefore: string) => s.idle.all({ activeBefore, waitingBefore }),
    list(f: ListFilter): { items: ListRow[]; total: number } {
      const params = { state: f.state ?? null, agentId: f.agentId ?? null, q: f.q ? likePattern(f.q) : null };
      return {
        items: s.list.all({ ...params, limit: f.pageSize, offset: (f.page - 1) * f.pageSize }),
        total: s.count.get(params)!,
      };
    },
    earlier: (email: string, id: number) => s.earlier.all(email, id),
    setAvailable: (staffId: number, available: boolean, at: string) => s.setAvailable.run({ staffId, available: available ? 1 : 0, at }),
    isAvailable: (staffId: number): boolean => s.isAvailable.get(staffId)! > 0,
    availableAgents: (): number[] => s.availableAgents.all(),
    staffMember: (id: number) => s.staffMember.get(id),
    rating: (id: number) => s.rating.get(id) ?? null,
    insertRating: (r: { id: number; staffId: number | null; score: number; comment: string; at: string }) => s.insertRating.run(r),
    ratingsByAgent: (from: string | null, to: string | null) => s.ratingsByAgent.all({ from, to }),
    ratingsByMonth: (from: string | null, to: string | null) => s.ratingsByMonth.all({ from, to }),
    canned: () => s.canned.all(),
    cannedOne: (id: number) => s.cannedOne.get(id),
    insertCanned: (c: { title: string; body: string; staffId: number; at: string }): number => Number(s.insertCanned.run(c).lastInsertRowid),
    updateCanned: (c: { id: number; title: string; body: string; at: string }): boolean => s.updateCanned.run(c).changes > 0,
    deleteCanned: (id: number): boolean => s.deleteCanned.run(id).changes > 0,
  };
}
export type ChatStore = ReturnType<typeof chatStore>;
