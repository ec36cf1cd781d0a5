/** The events tables (api/db/migrations/012-events.sql): the one place with their SQL. */
import { perDb, type Db } from '../db/index.ts';
import type { EventFigures, EventKind, EventState, QuestionState } from './schemas.ts';

export interface EventRow {
  id: number;
  slug: string;
  title: string;
  kind: EventKind;
  summary: string;
  body: string;
  starts_at: string;
  ends_at: string;
  place: string | null;
  online_url: string | null;
  responsible_id: number | null;
  responsible_name: string | null;
  state: EventState;
  registration: number;
  capacity: number | null;
  waitlist: number;
  reg_closes_at: string | null;
  questions: number;
  survey_slug: string | null;
  goals: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  cancelled_at: string | null;
  chat_opens_at: string | null;
  chat_closes_at: string | null;
  results_text: string | null;
  results_published_at: string | null;
  registered: number;
  waitlisted: number;
}

export interface EventFields {
  slug: string;
  title: string;
  kind: EventKind;
  summary: string;
  body: string;
  startsAt: string;
  endsAt: string;
  place: string | null;
  onlineUrl: string | null;
  responsibleId: number | null;
  registration: number;
  capacity: number | null;
  waitlist: number;
  regClosesAt: string | null;
  questions: number;
  surveySlug: string | null;
  goals: string;
  chatOpensAt: string | null;
  chatClosesAt: string | null;
  at: string;
}

export interface RegistrationRow {
  id: number;
  event_id: number;
  name: string;
  email: string;
  status: 'registered' | 'waitlisted' | 'cancelled';
}

export interface RegistrationListRow extends RegistrationRow {
  created_at: string;
  promoted_at: string | null;
  cancelled_at: string | null;
  attended_at: string | null;
}

export interface QuestionRow {
  id: number;
  event_id: number;
  body: string;
  name: string | null;
  email: string | null;
  state: QuestionState;
  answer: string | null;
  answered_at: string | null;
  created_at: string;
  published_at: string | null;
  consent_ip: string;
  merged_into: number | null;
  radicado: string | null;
  /** The live feed's number of its last public change (api/db/migrations/014-events-live.sql). */
  live_seq: number;
}

/** A published question with how many were merged into it. */
export interface PublishedQuestionRow extends QuestionRow {
  merged: number;
}

const SELECT = `SELECT e.*, s.name AS responsible_name,
  (SELECT count(*) FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'registered') AS registered,
  (SELECT count(*) FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'waitlisted') AS waitlisted
  FROM events e LEFT JOIN staff s ON s.id = e.responsible_id`;

function prepare(db: Db) {
  return {
    insert: db.prepare<EventFields>(
      `INSERT INTO events (slug, title, kind, summary, body, starts_at, ends_at, place, online_url, responsible_id,
         registration, capacity, waitlist, reg_closes_at, questions, survey_slug, goals, chat_opens_at, chat_closes_at, created_at, updated_at)
       VALUES (@slug, @title, @kind, @summary, @body, @startsAt, @endsAt, @place, @onlineUrl, @responsibleId,
         @registration, @capacity, @waitlist, @regClosesAt, @questions, @surveySlug, @goals, @chatOpensAt, @chatClosesAt, @at, @at)`,
    ),
    update: db.prepare<EventFields & { id: number }>(
      `UPDATE events SET slug = @slug, title = @title, kind = @kind, summary = @summary, body = @body,
         starts_at = @startsAt, ends_at = @endsAt, place = @place, online_url = @onlineUrl, responsible_id = @responsibleId,
         registration = @registration, capacity = @capacity, waitlist = @waitlist, reg_closes_at = @regClosesAt,
         questions = @questions, survey_slug = @surveySlug, goals = @goals,
         chat_opens_at = @chatOpensAt, chat_closes_at = @chatClosesAt, updated_at = @at
       WHERE id = @id`,
    ),
    get: db.prepare<[number], EventRow>(`${SELECT} WHERE e.id = ?`),
    bySlug: db.prepare<[string], EventRow>(`${SELECT} WHERE e.slug = ?`),
    slugTaken: db.prepare<[string, number], number>('SELECT count(*) FROM events WHERE slug = ? AND id <> ?').pluck(),
    list: db.prepare<{ from: string | null; to: string | null; kind: string | null; state: string | null; publicOnly: number }, EventRow>(
      `${SELECT} WHERE (@from IS NULL OR e.ends_at >= @from) AND (@to IS NULL OR e.starts_at < @to)
         AND (@kind IS NULL OR e.kind = @kind) AND (@state IS NULL OR e.state = @state)
         AND (@publicOnly = 0 OR e.state <> 'draft')
       ORDER BY e.starts_at, e.id`,
    ),
    setState: db.prepare<{ id: number; state: EventState; at: string }>(
      `UPDATE events SET state = @state, updated_at = @at,
         published_at = CASE WHEN @state = 'published' THEN @at ELSE published_at END,
         cancelled_at = CASE WHEN @state = 'cancelled' THEN @at ELSE cancelled_at END
       WHERE id = @id`,
    ),
    surveyExists: db.prepare<[string], number>('SELECT count(*) FROM surveys WHERE slug = ?').pluck(),
    staffExists: db.prepare<[number], number>('SELECT count(*) FROM staff WHERE id = ? AND active = 1').pluck(),
    activeByEmail: db.prepare<[number, string], RegistrationRow>(
      `SELECT id, event_id, name, email, status FROM event_registrations
       WHERE event_id = ? AND lower(email) = lower(?) AND status <> 'cancelled'`,
    ),
    insertRegistration: db.prepare<{
      eventId: number;
      name: string;
      email: string;
      status: string;
      tokenHash: string;
      at: string;
      consentPolicy: string;
      consentIp: string;
    }>(
      `INSERT INTO event_registrations (event_id, name, email, status, token_hash, created_at, consent_at, consent_policy, consent_ip)
       VALUES (@eventId, @name, @email, @status, @tokenHash, @at, @at, @consentPolicy, @consentIp)`,
    ),
    byToken: db.prepare<[number, string], RegistrationRow>(
      `SELECT id, event_id, name, email, status FROM event_registrations WHERE event_id = ? AND token_hash = ? AND status <> 'cancelled'`,
    ),
    cancel: db.prepare<[string, number]>(`UPDATE event_registrations SET status = 'cancelled', cancelled_at = ? WHERE id = ?`),
    firstWaiting: db.prepare<[number], RegistrationRow>(
      `SELECT id, event_id, name, email, status FROM event_registrations WHERE event_id = ? AND status = 'waitlisted' ORDER BY id LIMIT 1`,
    ),
    promote: db.prepare<[string, number]>(`UPDATE event_registrations SET status = 'registered', promoted_at = ? WHERE id = ?`),
    registrations: db.prepare<[number], RegistrationListRow>(
      `SELECT id, event_id, name, email, status, created_at, promoted_at, cancelled_at, attended_at
       FROM event_registrations WHERE event_id = ? ORDER BY id`,
    ),
    registration: db.prepare<[number, number], RegistrationListRow>(
      `SELECT id, event_id, name, email, status, created_at, promoted_at, cancelled_at, attended_at
       FROM event_registrations WHERE event_id = ? AND id = ?`,
    ),
    attendance: db.prepare<{ id: number; at: string | null; staffId: number | null }>(
      'UPDATE event_registrations SET attended_at = @at, attended_by = @staffId WHERE id = @id',
    ),
    insertQuestion: db.prepare<{ eventId: number; body: string; name: string | null; email: string | null; at: string; consentPolicy: string; consentIp: string }>(
      `INSERT INTO event_questions (event_id, body, name, email, created_at, consent_at, consent_policy, consent_ip)
       VALUES (@eventId, @body, @name, @email, @at, @at, @consentPolicy, @consentIp)`,
    ),
    questions: db.prepare<[number], QuestionRow>('SELECT * FROM event_questions WHERE event_id = ? ORDER BY id'),
    publishedQuestions: db.prepare<[number], PublishedQuestionRow>(
      `SELECT q.*, (SELECT count(*) FROM event_questions m WHERE m.merged_into = q.id) AS merged
       FROM event_questions q WHERE q.event_id = ? AND q.state = 'published' ORDER BY q.published_at, q.id`,
    ),
    // Plain UPDATEs of event_questions: the live feed's trigger (migration 014) sees every change.
    merge: db.prepare<{ id: number; into: number }>(`UPDATE event_questions SET state = 'merged', merged_into = @into WHERE id = @id`),
    /** What was merged into the source follows it into the target (no chains). */
    remerge: db.prepare<{ id: number; into: number }>(`UPDATE event_questions SET merged_into = @into WHERE merged_into = @id`),
    questionFiled: db.prepare<{ id: number; radicado: string }>(
      `UPDATE event_questions SET radicado = @radicado WHERE id = @id AND radicado IS NULL`,
    ),
    chatOfficials: db.prepare<[number], { id: number; name: string }>(
      `SELECT s.id, s.name FROM event_chat_officials o JOIN staff s ON s.id = o.staff_id WHERE o.event_id = ? ORDER BY s.name, s.id`,
    ),
    clearChatOfficials: db.prepare<[number]>('DELETE FROM event_chat_officials WHERE event_id = ?'),
    addChatOfficial: db.prepare<[number, number]>('INSERT OR IGNORE INTO event_chat_officials (event_id, staff_id) VALUES (?, ?)'),
    setResults: db.prepare<{ id: number; text: string; publishedAt: string | null; at: string }>(
      `UPDATE events SET results_text = @text, updated_at = @at,
         results_published_at = CASE WHEN @publishedAt IS NULL THEN NULL ELSE coalesce(results_published_at, @publishedAt) END
       WHERE id = @id`,
    ),
    figures: db.prepare<[number], EventFigures>(
      `SELECT
         (SELECT count(*) FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'registered') AS registered,
         (SELECT count(*) FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'waitlisted') AS waitlisted,
         (SELECT count(*) FROM event_registrations r WHERE r.event_id = e.id AND r.status = 'registered' AND r.attended_at IS NOT NULL) AS attended,
         (SELECT count(*) FROM event_questions q WHERE q.event_id = e.id) AS questionsReceived,
         (SELECT count(*) FROM event_questions q WHERE q.event_id = e.id AND q.state = 'published') AS questionsPublished,
         (SELECT count(*) FROM event_questions q WHERE q.event_id = e.id AND q.state = 'published' AND q.answer IS NOT NULL) AS questionsAnswered,
         CASE WHEN e.survey_slug IS NULL THEN NULL ELSE
           (SELECT count(*) FROM survey_responses sr JOIN surveys s ON s.id = sr.survey_id
            WHERE s.slug = e.survey_slug AND sr.submitted_at >= e.starts_at
              AND sr.submitted_at < strftime('%Y-%m-%dT%H:%M:%fZ', e.ends_at, '+30 days')) END AS surveyAnswers
       FROM events e WHERE e.id = ?`,
    ),
    surveyTitle: db.prepare<[string], string>('SELECT title FROM surveys WHERE slug = ?').pluck(),
    question: db.prepare<[number, number], QuestionRow>('SELECT * FROM event_questions WHERE event_id = ? AND id = ?'),
    questionAnywhere: db.prepare<[number], number>('SELECT count(*) FROM event_questions WHERE id = ?').pluck(),
    moderate: db.prepare<{ id: number; state: string; answer: string | null; at: string; staffId: number }>(
      `UPDATE event_questions SET state = @state, merged_into = NULL,
         published_at = CASE WHEN @state = 'published' THEN coalesce(published_at, @at) ELSE published_at END,
         answered_at = CASE WHEN @answer IS NULL THEN NULL WHEN answer IS @answer THEN answered_at ELSE @at END,
         answered_by = CASE WHEN @answer IS NULL THEN NULL WHEN answer IS @answer THEN answered_by ELSE @staffId END,
         answer = @answer
       WHERE id = @id`,
    ),
    liveChanges: db.prepare<[number, number], PublishedQuestionRow>(
      `SELECT q.*, (SELECT count(*) FROM event_questions m WHERE m.merged_into = q.id) AS merged
       FROM event_questions q WHERE q.event_id = ? AND q.live_seq > ? AND q.published_at IS NOT NULL ORDER BY q.live_seq`,
    ),
    liveSeq: db.prepare<[number], number>('SELECT coalesce(max(live_seq), 0) FROM event_questions WHERE event_id = ?').pluck(),
    dueReminders: db.prepare<{ now: string; until: string }, RegistrationRow>(
      `SELECT r.id, r.event_id, r.name, r.email, r.status FROM event_registrations r JOIN events e ON e.id = r.event_id
       WHERE r.status = 'registered' AND r.reminded_at IS NULL AND e.state = 'published'
         AND e.starts_at > @now AND e.starts_at <= @until
       ORDER BY r.id LIMIT 500`,
    ),
    dueInvitations: db.prepare<{ now: string; since: string }, RegistrationRow>(
      `SELECT r.id, r.event_id, r.name, r.email, r.status FROM event_registrations r JOIN events e ON e.id = r.event_id
       WHERE r.status = 'registered' AND r.invited_at IS NULL AND e.state = 'published' AND e.survey_slug IS NOT NULL
         AND e.ends_at <= @now AND e.ends_at > @since
       ORDER BY r.id LIMIT 500`,
    ),
    invited: db.prepare<[string, number]>('UPDATE event_registrations SET invited_at = ? WHERE id = ? AND invited_at IS NULL'),
    reminded: db.prepare<[string, number]>('UPDATE event_registrations SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL'),
    active: db.prepare<[number], RegistrationRow>(
      `SELECT id, event_id, name, email, status FROM event_registrations WHERE event_id = ? AND status <> 'cancelled' ORDER BY id`,
    ),
  };
}

const stmts = perDb(prepare);

export function eventStore(db: Db) {
  const s = stmts(db);
  return {
    insert: (f: EventFields): number => Number(s.insert.run(f).lastInsertRowid),
    update: (id: number, f: EventFields) => s.update.run({ ...f, id }),
    get: (id: number): EventRow | undefined => s.get.get(id),
    bySlug: (slug: string): EventRow | undefined => s.bySlug.get(slug),
    slugTaken: (slug: string, exceptId = 0) => s.slugTaken.get(slug, exceptId)! > 0,
    list: (f: { from?: string | null; to?: string | null; kind?: string | null; state?: string | null; publicOnly: boolean }) =>
      s.list.all({ from: f.from ?? null, to: f.to ?? null, kind: f.kind ?? null, state: f.state ?? null, publicOnly: f.publicOnly ? 1 : 0 }),
    setState: (id: number, state: EventState, at: string) => s.setState.run({ id, state, at }),
    surveyExists: (slug: string) => s.surveyExists.get(slug)! > 0,
    staffExists: (id: number) => s.staffExists.get(id)! > 0,
    activeByEmail: (eventId: number, email: string) => s.activeByEmail.get(eventId, email),
    insertRegistration: (r: {
      eventId: number;
      name: string;
      email: string;
      status: string;
      tokenHash: string;
      at: string;
      consentPolicy: string;
      consentIp: string;
    }) => s.insertRegistration.run(r),
    byToken: (eventId: number, tokenHash: string) => s.byToken.get(eventId, tokenHash),
    cancel: (id: number, at: string) => s.cancel.run(at, id),
    firstWaiting: (eventId: number) => s.firstWaiting.get(eventId),
    promote: (id: number, at: string) => s.promote.run(at, id),
    /** Every registration of the event, cancelled ones too, in order of arrival. */
    registrations: (eventId: number) => s.registrations.all(eventId),
    registration: (eventId: number, id: number) => s.registration.get(eventId, id),
    attendance: (id: number, at: string | null, staffId: number | null) => s.attendance.run({ id, at, staffId }),
    insertQuestion: (q: { eventId: number; body: string; name: string | null; email: string | null; at: string; consentPolicy: string; consentIp: string }) =>
      Number(s.insertQuestion.run(q).lastInsertRowid),
    questions: (eventId: number) => s.questions.all(eventId),
    publishedQuestions: (eventId: number) => s.publishedQuestions.all(eventId),
    /** Folds a question into another; what was merged into it moves along. */
    merge(id: number, into: number): void {
      s.remerge.run({ id, into });
      s.merge.run({ id, into });
    },
    /** Records the radicado once (false: it already had one). */
    questionFiled: (id: number, radicado: string): boolean => s.questionFiled.run({ id, radicado }).changes === 1,
    chatOfficials: (eventId: number) => s.chatOfficials.all(eventId),
    /** Replaces the event's chat officials; call inside the transaction that writes the event. */
    setChatOfficials(eventId: number, ids: number[]): void {
      s.clearChatOfficials.run(eventId);
      for (const id of ids) s.addChatOfficial.run(eventId, id);
    },
    /** The memoria's text; `publishedAt` null unpublishes, a date keeps the first publication. */
    setResults: (r: { id: number; text: string; publishedAt: string | null; at: string }) => s.setResults.run(r),
    figures: (eventId: number): EventFigures => s.figures.get(eventId)!,
    surveyTitle: (slug: string): string | undefined => s.surveyTitle.get(slug),
    question: (eventId: number, id: number) => s.question.get(eventId, id),
    /** Whether a question with that id exists in any event. */
    questionAnywhere: (id: number) => s.questionAnywhere.get(id)! > 0,
    moderate: (m: { id: number; state: string; answer: string | null; at: string; staffId: number }) => s.moderate.run(m),
    /**
     * Questions of the event changed after `seq` that are or were public (a question never
     * published leaves nothing to tell), in the order of their last change.
     */
    liveChanges: (eventId: number, seq: number) => s.liveChanges.all(eventId, seq),
    /** The number of the event's last question change (0: none yet). */
    liveSeq: (eventId: number): number => s.liveSeq.get(eventId)!,
    /** Registered people of published events starting in (now, until] not reminded yet. */
    dueReminders: (now: string, until: string) => s.dueReminders.all({ now, until }),
    /** Whether this call marked it (false: it was already reminded). */
    reminded: (id: number, at: string) => s.reminded.run(at, id).changes === 1,
    /** Registered people of published events with a survey that ended in (since, now], not invited yet. */
    dueInvitations: (now: string, since: string) => s.dueInvitations.all({ now, since }),
    invited: (id: number, at: string) => s.invited.run(at, id).changes === 1,
    /** Registered and waitlisted, in order of arrival. */
    active: (eventId: number) => s.active.all(eventId),
  };
}
