/** The mailbox tables (api/db/migrations/005-chat.sql): the one place with their SQL. */
import { likePattern } from '../chat/store.ts';
import { perDb, type Db } from '../db/index.ts';
import type { MailboxState } from './schemas.ts';

export interface MailboxRow {
  id: number;
  name: string;
  email: string;
  subject: string;
  message: string;
  state: MailboxState;
  created_at: string;
  consent_at: string;
  consent_policy: string;
  consent_ip: string;
  radicado: string | null;
}

export interface NewMailboxMessage {
  name: string;
  email: string;
  subject: string;
  message: string;
  at: string;
  consentPolicy: string;
  consentIp: string;
}

const LIST_WHERE = `WHERE (@state IS NULL OR state = @state)
  AND (@q IS NULL OR name LIKE @q ESCAPE '\\' OR email LIKE @q ESCAPE '\\' OR subject LIKE @q ESCAPE '\\' OR message LIKE @q ESCAPE '\\')`;

function prepare(db: Db) {
  return {
    insert: db.prepare<NewMailboxMessage>(
      `INSERT INTO mailbox_messages (name, email, subject, message, created_at, consent_at, consent_policy, consent_ip)
       VALUES (@name, @email, @subject, @message, @at, @at, @consentPolicy, @consentIp)`,
    ),
    get: db.prepare<[number], MailboxRow>('SELECT * FROM mailbox_messages WHERE id = ?'),
    list: db.prepare<Record<string, string | number | null>, MailboxRow>(
      `SELECT * FROM mailbox_messages ${LIST_WHERE} ORDER BY id DESC LIMIT @limit OFFSET @offset`,
    ),
    count: db.prepare<Record<string, string | null>, number>(`SELECT count(*) FROM mailbox_messages ${LIST_WHERE}`).pluck(),
    replies: db.prepare<[number], { id: number; body: string; staffName: string; at: string }>(
      `SELECT r.id, r.body, s.name AS staffName, r.created_at AS at
       FROM mailbox_replies r JOIN staff s ON s.id = r.staff_id WHERE r.message_id = ? ORDER BY r.id`,
    ),
    insertReply: db.prepare<{ messageId: number; staffId: number; body: string; at: string }>(
      'INSERT INTO mailbox_replies (message_id, staff_id, body, created_at) VALUES (@messageId, @staffId, @body, @at)',
    ),
    // A converted message stays converted when answered later.
    answered: db.prepare<[number]>(`UPDATE mailbox_messages SET state = 'respondido' WHERE id = ? AND state = 'nuevo'`),
    converted: db.prepare<{ id: number; radicado: string }>(
      `UPDATE mailbox_messages SET state = 'convertido', radicado = @radicado WHERE id = @id`,
    ),
  };
}

const stmts = perDb(prepare);

export function mailboxStore(db: Db) {
  const s = stmts(db);
  return {
    insert: (m: NewMailboxMessage): number => Number(s.insert.run(m).lastInsertRowid),
    get: (id: number): MailboxRow | undefined => s.get.get(id),
    list(f: { state?: MailboxState; q?: string; page: number; pageSize: number }) {
      const params = { state: f.state ?? null, q: f.q ? likePattern(f.q) : null };
      return { items: s.list.all({ ...params, limit: f.pageSize, offset: (f.page - 1) * f.pageSize }), total: s.count.get(params)! };
    },
    replies: (id: number) => s.replies.all(id),
    insertReply: (r: { messageId: number; staffId: number; body: string; at: string }) => s.insertReply.run(r),
    answered: (id: number) => s.answered.run(id),
    converted: (id: number, radicado: string) => s.converted.run({ id, radicado }),
  };
}
