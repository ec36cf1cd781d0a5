/**
 * Survey rules: when a survey can be answered, the signed browser tokens and invitations that
 * keep it to one answer per person, and the validation of answers against the definition.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { perDb, type Db } from '../db/index.ts';
import { ApiError, type FieldErrors } from '../errors.ts';
import { isShown } from './branching.ts';
import type { AnswerValue, Answers, PublicSurvey, Question, ResponseBody, Survey, SurveyStatus } from './schemas.ts';
import { SURVEY_LIMITS } from './schemas.ts';
import { findInvitation, insertResponse, tokenSecret, tokenUsed, useInvitation } from './store.ts';

export const DUPLICATE_MESSAGE = 'Ya respondió esta encuesta. ¡Gracias por su opinión!';
export const FROZEN_MESSAGE = 'Una encuesta abierta no cambia: duplíquela para cambiarla.';

/** What the public sees of a survey's state at `now`; null for a draft (it does not exist for them). */
export function surveyStatus(s: Pick<Survey, 'state' | 'opensAt' | 'closesAt'>, now: Date): SurveyStatus | null {
  if (s.state === 'draft') return null;
  const at = now.toISOString();
  if (s.state === 'closed' || (s.closesAt !== null && at >= s.closesAt)) return 'closed';
  if (s.opensAt !== null && at < s.opensAt) return 'scheduled';
  return 'open';
}

/** `GET /api/surveys/:slug`: questions only while the survey can be answered. */
export function publicSurvey(s: Survey, status: SurveyStatus): PublicSurvey {
  const { slug, title, description, opensAt, closesAt, anonymous, resultsPublic, thankYou } = s;
  return { slug, title, description, status, opensAt, closesAt, anonymous, resultsPublic, thankYou, questions: status === 'open' ? s.questions : [] };
}

/** Refuses (404/410/409) a survey that cannot take an answer now. */
export function assertAnswerable(s: Survey | undefined, now: Date): Survey {
  const status = s && surveyStatus(s, now);
  if (!s || !status) throw new ApiError(404, 'No existe una encuesta con esa dirección.');
  if (status === 'closed') throw new ApiError(410, 'Esta encuesta ya cerró y no recibe más respuestas. ¡Gracias por su interés!', undefined, 'closed');
  if (status === 'scheduled') throw new ApiError(409, 'Esta encuesta todavía no está abierta.', undefined, 'scheduled');
  return s;
}

// --- Browser tokens ---------------------------------------------------------------------------
// `<id>.<slug>.<issued at, ms>.<HMAC-SHA256 of the first three, base64url>`. The id is random; the
// server records it with the answer, so the same token cannot answer twice.

const secretOf = perDb((db: Db) => Buffer.from(tokenSecret(db), 'hex'));
/** A token older than this is refused; the widget asks for a new one. */
const TOKEN_MAX_AGE_MS = 400 * 86_400_000;
/** Clock skew between servers tolerated for a token issued "in the future". */
const TOKEN_SKEW_MS = 5 * 60_000;

function sign(db: Db, payload: string): string {
  return createHmac('sha256', secretOf(db)).update(payload).digest('base64url');
}

export function issueToken(db: Db, slug: string, now: Date): string {
  const payload = `${randomBytes(16).toString('base64url')}.${slug}.${now.getTime()}`;
  return `${payload}.${sign(db, payload)}`;
}

const TOKEN_MESSAGE = 'No pudimos verificar su navegador. Recargue la página e intente de nuevo.';

/** The token's id, or 403 when it is missing, forged, for another survey or expired. */
export function verifyToken(db: Db, token: string, slug: string, now: Date): string {
  const parts = token.split('.');
  const [id, tokenSlug, issued, signature] = parts;
  const expected = parts.length === 4 ? sign(db, `${id}.${tokenSlug}.${issued}`) : '';
  const age = now.getTime() - Number(issued);
  const sent = Buffer.from(signature ?? '');
  const valid =
    parts.length === 4 &&
    sent.length === Buffer.byteLength(expected) &&
    timingSafeEqual(sent, Buffer.from(expected)) &&
    tokenSlug === slug &&
    /^[\w-]{22}$/.test(id!) &&
    age >= -TOKEN_SKEW_MS &&
    age <= TOKEN_MAX_AGE_MS;
  if (!valid) throw new ApiError(403, TOKEN_MESSAGE, undefined, 'token');
  return id!;
}

// --- Invitations ------------------------------------------------------------------------------

export const hashInvitation = (code: string) => createHash('sha256').update(code).digest('hex');
export const newInvitationCode = () => randomBytes(18).toString('base64url');

// --- Answers ----------------------------------------------------------------------------------

// Control characters other than tab and line breaks have no place in a citizen's text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

type Check = { value: AnswerValue } | { error: string } | { empty: true };

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** Validates one answer of a shown question; `empty` means not answered. */
function checkAnswer(q: Question, v: unknown): Check {
  const options = q.options ?? [];
  const isOption = (x: unknown) => typeof x === 'string' && options.some((o) => o.value === x);
  const name = `«${q.label}»`;
  switch (q.type) {
    case 'single':
      if (v === '') return { empty: true };
      return isOption(v) ? { value: v as string } : { error: `${name}: elija una de las opciones.` };
    case 'multiple': {
      if (!Array.isArray(v) || !v.every(isOption)) return { error: `${name}: elija entre las opciones de la lista.` };
      if (new Set(v).size !== v.length) return { error: `${name}: una opción está repetida.` };
      if (v.length === 0) return { empty: true };
      const max = q.max ?? options.length;
      if (q.min !== undefined && v.length < q.min) return { error: `${name}: elija al menos ${q.min}.` };
      if (v.length > max) return { error: `${name}: elija como máximo ${max}.` };
      return { value: v as string[] };
    }
    case 'rating':
      return isInt(v) && v >= 1 && v <= 5 ? { value: v } : { error: `${name}: elija una calificación de 1 a 5.` };
    case 'nps':
      return isInt(v) && v >= 0 && v <= 10 ? { value: v } : { error: `${name}: elija un número de 0 a 10.` };
    case 'text':
    case 'textarea': {
      if (typeof v !== 'string') return { error: `${name}: debe ser un texto.` };
      const s = v.normalize('NFC').trim();
      const max = SURVEY_LIMITS[q.type];
      if (!s) return { empty: true };
      if (s.length > max) return { error: `${name}: máximo ${max} caracteres.` };
      if (CONTROL.test(s)) return { error: `${name}: contiene caracteres no permitidos.` };
      return { value: s };
    }
    case 'yesno':
      return typeof v === 'boolean' ? { value: v } : { error: `${name}: responda sí o no.` };
    case 'matrix': {
      if (!v || typeof v !== 'object' || Array.isArray(v)) return { error: `${name}: elija una opción en cada fila.` };
      const rows = q.rows ?? [];
      const entries = Object.entries(v);
      for (const [rowId, value] of entries) {
        const row = rows.find((r) => r.id === rowId);
        if (!row) return { error: `${name}: la fila «${rowId}» no existe.` };
        if (!isOption(value)) return { error: `${name}: «${row.label}»: elija una de las opciones.` };
      }
      if (entries.length === 0) return { empty: true };
      const missing = rows.find((r) => !(r.id in v));
      if (q.required && missing) return { error: `${name}: «${missing.label}»: elija una opción.` };
      return { value: Object.fromEntries(entries) as Record<string, string> };
    }
  }
}

/**
 * The answers, checked against the questions in order (types, ranges, required, branching) and
 * cleaned (trimmed texts; blanks dropped), or a 400 with a message per `answers.<questionId>`.
 */
export function validateAnswers(questions: Question[], input: Record<string, unknown>): Answers {
  const fields: FieldErrors = {};
  const answers: Answers = {};
  const known = new Set(questions.map((q) => q.id));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) fields[`answers.${key}`] = `«${key}» no es una pregunta de esta encuesta.`;
  }
  for (const q of questions) {
    const raw = input[q.id];
    const given = raw !== undefined && raw !== null;
    if (!isShown(q, answers)) {
      if (given) fields[`answers.${q.id}`] = `«${q.label}»: esta pregunta no aplica según sus respuestas anteriores; quite la respuesta.`;
      continue;
    }
    const check: Check = given ? checkAnswer(q, raw) : { empty: true };
    if ('error' in check) fields[`answers.${q.id}`] = check.error;
    else if ('value' in check) answers[q.id] = check.value;
    else if (q.required) fields[`answers.${q.id}`] = `«${q.label}»: es obligatoria.`;
  }
  if (Object.keys(fields).length) throw new ApiError(400, 'Revise las respuestas marcadas.', fields);
  return answers;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Checks a response (token, invitation, answers) and returns the write that stores it, to run
 * in a group commit. Nothing is written when any check fails, here or inside the write.
 */
export function prepareResponse(db: Db, survey: Survey, body: ResponseBody, now: Date): () => number {
  const tokenId = verifyToken(db, body.token ?? '', survey.slug, now);
  let invitationId: number | null = null;
  if (!survey.anonymous) {
    const invitation = body.invitation ? findInvitation(db, survey.id, hashInvitation(body.invitation)) : undefined;
    if (!invitation) {
      throw new ApiError(403, 'Esta encuesta se responde con el enlace de invitación que recibió.', { invitation: 'Invitación: no es válida.' }, 'invitation');
    }
    if (invitation.used_at) throw new ApiError(409, 'Esta invitación ya se usó para responder. ¡Gracias por su opinión!', undefined, 'duplicate');
    invitationId = invitation.id;
  }
  if (tokenUsed(db, survey.id, tokenId)) throw new ApiError(409, DUPLICATE_MESSAGE, undefined, 'duplicate');
  const answers = validateAnswers(survey.questions, body.answers);
  const at = now.toISOString();
  return () => {
    // Checked again in the transaction: a second answer may have been queued meanwhile.
    if (invitationId !== null && !useInvitation(db, invitationId, at)) {
      throw new ApiError(409, 'Esta invitación ya se usó para responder. ¡Gracias por su opinión!', undefined, 'duplicate');
    }
    try {
      return insertResponse(db, { surveyId: survey.id, questions: survey.questions, at, tokenId, invitationId, answers });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ApiError(409, DUPLICATE_MESSAGE, undefined, 'duplicate');
      throw error;
    }
  };
}
