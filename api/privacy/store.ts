/**
 * Data-subject operations (Ley 1581 de 2012, Decreto 1377 de 2013): everything stored about a
 * person, found by e-mail address or document number, exported as JSON or anonymised. The
 * anonymisation blanks the personal fields and keeps the legal record (radicado, type, dates,
 * subject, description, timeline, answer, chat transcripts).
 */
import { perDb, type Db } from '../db/index.ts';
import type { AnonymiseResult, PrivacyExport, PrivacySubject } from './schemas.ts';

interface Keys {
  /** Lower-cased e-mail, or null. */
  email: string | null;
  /** Document number without dots, spaces or dashes, upper-cased, or null. */
  doc: string | null;
}

/** How a stored document number is compared: `1.098.765.432` matches `1098765432`. */
const DOC = "upper(replace(replace(replace(document_number, '.', ''), ' ', ''), '-', ''))";
const PQRS_MATCH = `(@email IS NOT NULL AND lower(email) = @email) OR (@doc IS NOT NULL AND ${DOC} = @doc)`;
const EMAIL_MATCH = '@email IS NOT NULL AND lower(email) = @email';

function keysOf(s: PrivacySubject): Keys {
  return {
    email: s.email?.toLowerCase() ?? null,
    doc: s.documentNumber?.replace(/[.\s-]/g, '').toUpperCase() ?? null,
  };
}

type Row = Record<string, string | number | null>;

function prepare(db: Db) {
  return {
    pqrs: db.prepare<Keys, Row>(`SELECT * FROM pqrs WHERE ${PQRS_MATCH} ORDER BY id`),
    events: db.prepare<[number], Row>('SELECT at, state, public_note FROM pqrs_events WHERE pqrs_id = ? ORDER BY id'),
    attachments: db.prepare<[number], Row>(
      'SELECT original_name, mime, size, kind FROM pqrs_attachments WHERE pqrs_id = ? ORDER BY id',
    ),
    chats: db.prepare<Keys, Row>(`SELECT * FROM chat_conversations WHERE ${EMAIL_MATCH} ORDER BY id`),
    chatMessages: db.prepare<[number], Row>(
      'SELECT seq, author, body, created_at FROM chat_messages WHERE conversation_id = ? ORDER BY seq',
    ),
    mailbox: db.prepare<Keys, Row>(`SELECT * FROM mailbox_messages WHERE ${EMAIL_MATCH} ORDER BY id`),
    replies: db.prepare<[number], Row>('SELECT body, created_at FROM mailbox_replies WHERE message_id = ? ORDER BY id'),
    eventRegistrations: db.prepare<Keys, Row>(
      `SELECT r.*, e.title, e.slug FROM event_registrations r JOIN events e ON e.id = r.event_id
       WHERE @email IS NOT NULL AND lower(r.email) = @email ORDER BY r.id`,
    ),
    eventQuestions: db.prepare<Keys, Row>(
      `SELECT q.*, e.title FROM event_questions q JOIN events e ON e.id = q.event_id
       WHERE @email IS NOT NULL AND lower(q.email) = @email ORDER BY q.id`,
    ),
    // The question and its public answer stay (they were published without the name).
    blankEventQuestions: db.prepare<Keys>(`UPDATE event_questions SET name = NULL, email = NULL, consent_ip = '' WHERE ${EMAIL_MATCH}`),
    // The registration stays counted (the event's figures); the address is replaced by a
    // placeholder unique per row, as the one-per-e-mail index requires.
    blankEventRegistrations: db.prepare<Keys>(
      `UPDATE event_registrations SET name = '', email = 'anonimizado-' || id, consent_ip = '' WHERE ${EMAIL_MATCH}`,
    ),
    emails: db.prepare<Keys, Row>(
      'SELECT created_at, subject, body, sent_at FROM outbox WHERE @email IS NOT NULL AND lower(to_address) = @email ORDER BY id',
    ),
    blankPqrs: db.prepare<Keys>(
      `UPDATE pqrs SET document_type = NULL, document_number = NULL, name = NULL, email = NULL, phone = NULL,
         address = NULL, city = NULL, consent_ip = '' WHERE ${PQRS_MATCH}`,
    ),
    // A verbal petition's representative (Decreto 1166 de 2016): blanked with the requester's
    // requests, and wherever the person was the representative.
    blankVerbal: db.prepare<Keys>(
      `UPDATE pqrs_verbal SET representative_name = NULL, representative_document_type = NULL,
         representative_document_number = NULL
       WHERE pqrs_id IN (SELECT id FROM pqrs WHERE ${PQRS_MATCH})
         OR (@doc IS NOT NULL AND ${DOC.replace('document_number', 'representative_document_number')} = @doc)`,
    ),
    blankChats: db.prepare<Keys>(
      `UPDATE chat_conversations SET name = NULL, email = NULL, consent_ip = '', pending_tracking_code = NULL WHERE ${EMAIL_MATCH}`,
    ),
    blankMailbox: db.prepare<Keys>(`UPDATE mailbox_messages SET name = '', email = '', consent_ip = '' WHERE ${EMAIL_MATCH}`),
    // A queued message is marked as settled so the mailer never sends it to nobody.
    blankEmails: db.prepare<Keys & { now: string }>(
      `UPDATE outbox SET to_address = '', body = '',
         last_error = CASE WHEN sent_at IS NULL THEN 'anonimizado antes del envío' ELSE last_error END,
         sent_at = coalesce(sent_at, @now)
       WHERE @email IS NOT NULL AND lower(to_address) = @email`,
    ),
  };
}

const stmts = perDb(prepare);

const str = (v: unknown) => v as string;
const strOrNull = (v: unknown) => (v ?? null) as string | null;
const consentOf = (r: Row) => ({ at: str(r.consent_at), policy: str(r.consent_policy), ip: str(r.consent_ip) });

/** Everything stored about the person, as the export hands it over. */
export function exportSubject(db: Db, subject: PrivacySubject, now: Date): PrivacyExport {
  const s = stmts(db);
  const keys = keysOf(subject);
  return {
    generatedAt: now.toISOString(),
    subject: { email: subject.email ?? null, documentNumber: subject.documentNumber ?? null },
    pqrs: s.pqrs.all(keys).map((r) => ({
      radicado: str(r.radicado),
      type: str(r.type),
      state: str(r.state),
      subject: str(r.subject),
      description: str(r.description),
      receivedAt: str(r.received_at),
      dueDate: str(r.due_date),
      responseChannel: str(r.response_channel),
      requester: {
        kind: str(r.requester_kind),
        documentType: strOrNull(r.document_type),
        documentNumber: strOrNull(r.document_number),
        name: strOrNull(r.name),
        email: strOrNull(r.email),
        phone: strOrNull(r.phone),
        address: strOrNull(r.address),
        city: strOrNull(r.city),
      },
      consent: consentOf(r),
      answer: strOrNull(r.answer),
      answeredAt: strOrNull(r.answered_at),
      events: s.events.all(r.id as number).map((e) => ({ at: str(e.at), state: str(e.state), publicNote: strOrNull(e.public_note) })),
      attachments: s.attachments
        .all(r.id as number)
        .map((a) => ({ name: str(a.original_name), mime: str(a.mime), size: a.size as number, kind: str(a.kind) })),
    })),
    chats: s.chats.all(keys).map((c) => ({
      id: c.id as number,
      createdAt: str(c.created_at),
      state: str(c.state),
      topic: str(c.topic),
      name: strOrNull(c.name),
      email: strOrNull(c.email),
      radicado: strOrNull(c.radicado),
      consent: consentOf(c),
      messages: s.chatMessages
        .all(c.id as number)
        .map((m) => ({ seq: m.seq as number, author: str(m.author), body: str(m.body), createdAt: str(m.created_at) })),
    })),
    mailbox: s.mailbox.all(keys).map((m) => ({
      id: m.id as number,
      createdAt: str(m.created_at),
      state: str(m.state),
      name: str(m.name),
      email: str(m.email),
      subject: str(m.subject),
      message: str(m.message),
      radicado: strOrNull(m.radicado),
      consent: consentOf(m),
      replies: s.replies.all(m.id as number).map((r) => ({ body: str(r.body), createdAt: str(r.created_at) })),
    })),
    eventRegistrations: s.eventRegistrations.all(keys).map((r) => ({
      event: str(r.title),
      eventSlug: str(r.slug),
      name: str(r.name),
      email: str(r.email),
      status: str(r.status),
      createdAt: str(r.created_at),
      cancelledAt: strOrNull(r.cancelled_at),
      consent: consentOf(r),
    })),
    eventQuestions: s.eventQuestions.all(keys).map((q) => ({
      event: str(q.title),
      question: str(q.body),
      name: strOrNull(q.name),
      email: strOrNull(q.email),
      state: str(q.state),
      answer: strOrNull(q.answer),
      createdAt: str(q.created_at),
      consent: consentOf(q),
    })),
    emails: s.emails
      .all(keys)
      .map((e) => ({ createdAt: str(e.created_at), subject: str(e.subject), body: str(e.body), sentAt: strOrNull(e.sent_at) })),
  };
}

/** Blanks the person's personal fields everywhere; call inside a transaction (with the audit). */
export function anonymiseSubject(db: Db, subject: PrivacySubject, now: Date): AnonymiseResult {
  const s = stmts(db);
  const keys = keysOf(subject);
  const radicados = s.pqrs.all(keys).map((r) => str(r.radicado));
  s.blankVerbal.run(keys);
  s.blankPqrs.run(keys);
  return {
    pqrs: radicados,
    chats: s.blankChats.run(keys).changes,
    mailbox: s.blankMailbox.run(keys).changes,
    eventRegistrations: s.blankEventRegistrations.run(keys).changes,
    eventQuestions: s.blankEventQuestions.run(keys).changes,
    emails: s.blankEmails.run({ ...keys, now: now.toISOString() }).changes,
  };
}
