/** Surveys, their responses and invitations in SQLite (migration 004-surveys.sql). */
import { bogotaDate } from '../calendar/calendar.ts';
import { perDb, type Db } from '../db/index.ts';
import type { BatchTail } from '../db/group-commit.ts';
import type { Answers, Question, Survey, SurveyInput, SurveyListItem, SurveyState } from './schemas.ts';

interface SurveyRow {
  id: number;
  slug: string;
  title: string;
  description: string;
  state: SurveyState;
  opens_at: string | null;
  closes_at: string | null;
  anonymous: 0 | 1;
  results_public: 0 | 1;
  thank_you: string;
  questions: string;
  created_at: string;
  updated_at: string;
  responses: number;
}

/** A stored response, as the results and the CSV read it. */
export interface ResponseRow {
  id: number;
  submitted_at: string;
  answers: string;
}

export interface NewResponse {
  surveyId: number;
  /** The survey's questions: they say how each answer is counted. */
  questions: Question[];
  at: string;
  tokenId: string;
  invitationId: number | null;
  answers: Answers;
}

const BASE = `s.id, s.slug, s.title, s.description, s.state, s.opens_at, s.closes_at, s.anonymous, s.results_public,
  s.thank_you, s.created_at, s.updated_at`;
// The count is for staff; the public lookups (every answer) skip it.
const COLUMNS = `${BASE}, (SELECT count(*) FROM survey_responses r WHERE r.survey_id = s.id) AS responses`;

/** Responses of one survey within [from, to) (ISO instants; null: unbounded), oldest first. */
const RANGE = `survey_id = @surveyId AND (@from IS NULL OR submitted_at >= @from) AND (@to IS NULL OR submitted_at < @to)`;

type Range = { surveyId: number; from: string | null; to: string | null };

/** Lower case without accents, so «informacion» finds «Información». */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function prepare(db: Db) {
  db.function('survey_fold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? fold(s) : null));
  return {
    byId: db.prepare<[number], SurveyRow>(`SELECT ${COLUMNS}, s.questions FROM surveys s WHERE s.id = ?`),
    bySlug: db.prepare<[string], SurveyRow>(`SELECT ${BASE}, 0 AS responses, s.questions FROM surveys s WHERE s.slug = ?`),
    list: db.prepare<[], SurveyRow>(`SELECT ${COLUMNS} FROM surveys s ORDER BY s.updated_at DESC, s.id DESC`),
    slugTaken: db.prepare<[string], number>('SELECT count(*) FROM surveys WHERE slug = ?').pluck(),
    insert: db.prepare<Record<string, string | number | null>>(
      `INSERT INTO surveys (slug, title, description, state, opens_at, closes_at, anonymous, results_public, thank_you, questions, created_at, updated_at)
       VALUES (@slug, @title, @description, @state, @opensAt, @closesAt, @anonymous, @resultsPublic, @thankYou, @questions, @at, @at)`,
    ),
    update: db.prepare<Record<string, string | number | null>>(
      `UPDATE surveys SET slug = @slug, title = @title, description = @description, opens_at = @opensAt, closes_at = @closesAt,
         anonymous = @anonymous, results_public = @resultsPublic, thank_you = @thankYou, questions = @questions, updated_at = @at
       WHERE id = @id`,
    ),
    setState: db.prepare<{ id: number; state: SurveyState; at: string }>('UPDATE surveys SET state = @state, updated_at = @at WHERE id = @id'),
    remove: db.prepare<[number]>('DELETE FROM surveys WHERE id = ?'),
    insertResponse: db.prepare<{ surveyId: number; at: string; tokenId: string; invitationId: number | null; answers: string }>(
      `INSERT INTO survey_responses (survey_id, submitted_at, token_id, invitation_id, answers)
       VALUES (@surveyId, @at, @tokenId, @invitationId, @answers)`,
    ),
    // Every count of a batch in one statement: rows is a JSON list of [survey, question, value, day, n].
    tally: db.prepare<[rows: string]>(
      `INSERT INTO survey_tallies (survey_id, question, value, day, n)
       SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4 FROM json_each(?) WHERE true
       ON CONFLICT (survey_id, question, value, day) DO UPDATE SET n = n + excluded.n`,
    ),
    tallies: db.prepare<{ surveyId: number; from: string | null; to: string | null }, Tally>(
      `SELECT question, value, sum(n) AS n FROM survey_tallies
       WHERE survey_id = @surveyId AND (@from IS NULL OR day >= @from) AND (@to IS NULL OR day <= @to)
       GROUP BY question, value`,
    ),
    // Newest first, from the (survey_id, submitted_at) index: it stops at the limit.
    texts: db.prepare<Range & { path: string; needle: string | null; pattern: string | null; limit: number }, { at: string; text: string }>(
      `SELECT at, text FROM (SELECT submitted_at AS at, id, answers ->> @path AS text FROM survey_responses WHERE ${RANGE})
       WHERE text IS NOT NULL AND (@needle IS NULL OR (text LIKE @pattern ESCAPE '\\' AND instr(survey_fold(text), @needle) > 0))
       ORDER BY at DESC, id DESC LIMIT @limit`,
    ),
    tokenUsed: db.prepare<[number, string], number>('SELECT count(*) FROM survey_responses WHERE survey_id = ? AND token_id = ?').pluck(),
    responses: db.prepare<Range, ResponseRow>(`SELECT id, submitted_at, answers FROM survey_responses WHERE ${RANGE} ORDER BY submitted_at, id`),
    insertInvitation: db.prepare<[number, string, string]>('INSERT INTO survey_invitations (survey_id, code_hash, created_at) VALUES (?, ?, ?)'),
    invitation: db.prepare<[number, string], { id: number; used_at: string | null }>(
      'SELECT id, used_at FROM survey_invitations WHERE survey_id = ? AND code_hash = ?',
    ),
    useInvitation: db.prepare<[string, number]>('UPDATE survey_invitations SET used_at = ? WHERE id = ? AND used_at IS NULL'),
    secret: db.prepare<[], string>(`SELECT value ->> '$' FROM settings WHERE key = 'surveyTokenSecret'`).pluck(),
  };
}

const stmts = perDb(prepare);

function listItem(r: SurveyRow): SurveyListItem {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    description: r.description,
    state: r.state,
    opensAt: r.opens_at,
    closesAt: r.closes_at,
    anonymous: r.anonymous === 1,
    resultsPublic: r.results_public === 1,
    thankYou: r.thank_you,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    responses: r.responses,
  };
}

function toSurvey(r: SurveyRow | undefined): Survey | undefined {
  return r && { ...listItem(r), questions: JSON.parse(r.questions) as Question[] };
}

export const getSurvey = (db: Db, id: number) => toSurvey(stmts(db).byId.get(id));
// Every answer looks its survey up; definitions change only through the functions below,
// which empty this cache.
const cached = perDb(() => new Map<string, Readonly<Survey>>());

/** The survey with this slug, for the public routes (kept in memory; `responses` is not counted: 0). */
export function getSurveyBySlug(db: Db, slug: string): Readonly<Survey> | undefined {
  const cache = cached(db);
  let survey = cache.get(slug);
  if (!survey) {
    survey = toSurvey(stmts(db).bySlug.get(slug));
    if (survey) cache.set(slug, Object.freeze(survey));
  }
  return survey;
}
export const listSurveys = (db: Db): SurveyListItem[] => stmts(db).list.all().map(listItem);
export const slugTaken = (db: Db, slug: string): boolean => stmts(db).slugTaken.get(slug)! > 0;

function surveyParams(input: SurveyInput, at: string) {
  return {
    slug: input.slug,
    title: input.title,
    description: input.description,
    opensAt: input.opensAt,
    closesAt: input.closesAt,
    anonymous: input.anonymous ? 1 : 0,
    resultsPublic: input.resultsPublic ? 1 : 0,
    thankYou: input.thankYou,
    questions: JSON.stringify(input.questions),
    at,
  };
}

/** Stores a new draft; returns its id. */
export function insertSurvey(db: Db, input: SurveyInput, at: string): number {
  cached(db).clear();
  return Number(stmts(db).insert.run({ ...surveyParams(input, at), state: 'draft' }).lastInsertRowid);
}

export function updateSurvey(db: Db, id: number, input: SurveyInput, at: string): void {
  cached(db).clear();
  stmts(db).update.run({ ...surveyParams(input, at), id });
}

export function setSurveyState(db: Db, id: number, state: SurveyState, at: string): void {
  cached(db).clear();
  stmts(db).setState.run({ id, state, at });
}

export function deleteSurvey(db: Db, id: number): void {
  cached(db).clear();
  stmts(db).remove.run(id);
}

/** A running count: `question` '' is the response itself; `value` '' is "answered". */
export interface Tally {
  question: string;
  value: string;
  n: number;
}

/** The counts one response adds to (see survey_tallies in 004-surveys.sql). */
export function talliesOf(questions: Question[], answers: Answers): [question: string, value: string][] {
  const keys: [string, string][] = [['', '']];
  for (const q of questions) {
    const v = answers[q.id];
    if (v === undefined) continue;
    keys.push([q.id, '']);
    if (q.type === 'text' || q.type === 'textarea') continue;
    if (q.type === 'matrix') for (const [row, x] of Object.entries(v)) keys.push([`${q.id}.${row}`, JSON.stringify(x)]);
    else if (Array.isArray(v)) for (const x of v) keys.push([q.id, JSON.stringify(x)]);
    else keys.push([q.id, JSON.stringify(v)]);
  }
  return keys;
}

/** Counts of the responses stored in the open transaction, keyed by survey, question, value and day. */
const pendingCounts = perDb(() => new Map<string, [surveyId: number, question: string, value: string, day: string, n: number]>());

/**
 * Stores one response and leaves its counts pending for `surveyTallies(db).flush()` in the same
 * transaction (`app.commit` does it at the end of each batch, so fifty answers to a survey add
 * to a few dozen counters instead of a thousand). A second response with the same token breaks
 * the unique index (SQLITE_CONSTRAINT_UNIQUE) before anything is counted.
 */
export function insertResponse(db: Db, r: NewResponse): number {
  if (!db.inTransaction) throw new Error('insertResponse runs inside a transaction (app.commit)');
  const { surveyId, at, tokenId, invitationId, answers } = r;
  const id = Number(stmts(db).insertResponse.run({ surveyId, at, tokenId, invitationId, answers: JSON.stringify(answers) }).lastInsertRowid);
  const day = bogotaDate(new Date(at));
  const pending = pendingCounts(db);
  for (const [question, value] of talliesOf(r.questions, answers)) {
    const key = `${surveyId}\u0000${question}\u0000${value}\u0000${day}`;
    const count = pending.get(key);
    if (count) count[4]++;
    else pending.set(key, [surveyId, question, value, day, 1]);
  }
  return id;
}

/** Writes (or forgets, after a rollback) the counts the responses of a transaction left pending. */
export function surveyTallies(db: Db): BatchTail {
  const pending = pendingCounts(db);
  return {
    flush() {
      if (pending.size === 0) return;
      stmts(db).tally.run(JSON.stringify([...pending.values()]));
      pending.clear();
    },
    discard: () => pending.clear(),
  };
}

/** The counts of a survey summed over Bogotá days [from, to] (YYYY-MM-DD, both included; null: unbounded). */
export function talliesIn(db: Db, range: { surveyId: number; from: string | null; to: string | null }): Tally[] {
  return stmts(db).tallies.all(range);
}

export const tokenUsed = (db: Db, surveyId: number, tokenId: string): boolean => stmts(db).tokenUsed.get(surveyId, tokenId)! > 0;

/** The responses of a survey in a range of instants, oldest first. */
export function responsesOf(db: Db, range: Range): ResponseRow[] {
  return stmts(db).responses.all(range);
}

/** The text answers to one question in a range, newest first; `needle` (folded) filters them. */
export function textsOf(db: Db, range: Range, questionId: string, needle: string | null, limit: number) {
  return stmts(db).texts.all({ ...range, path: `$."${questionId}"`, needle, pattern: needle && likePattern(needle), limit });
}

/**
 * A LIKE pattern (ASCII case-insensitive, in C) that every text containing the folded `needle`
 * matches: letters that may carry an accent or tilde in Spanish match any one character. It
 * discards most texts before the exact, accent-insensitive check in JavaScript.
 */
function likePattern(needle: string): string {
  return `%${needle.replace(/[\\%_]/g, '\\$&').replace(/[aeiounc]/g, '_')}%`;
}

export function insertInvitation(db: Db, surveyId: number, codeHash: string, at: string): void {
  stmts(db).insertInvitation.run(surveyId, codeHash, at);
}

export function findInvitation(db: Db, surveyId: number, codeHash: string) {
  return stmts(db).invitation.get(surveyId, codeHash);
}

/** Marks an invitation used; false when it already was (a concurrent answer won). */
export function useInvitation(db: Db, id: number, at: string): boolean {
  return stmts(db).useInvitation.run(at, id).changes === 1;
}

/** The HMAC key of the browser tokens (made by the migration, kept in `settings`). */
export function tokenSecret(db: Db): string {
  return stmts(db).secret.get()!;
}
