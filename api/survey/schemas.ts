/**
 * Opinion surveys on the wire: the definition staff build, what citizens see and send, and the
 * aggregated results. The widget and the admin page import the types from here (`import type`).
 */
import { z } from 'zod';
import { isIsoDate } from '../calendar/calendar.ts';
import { optionalText, text } from '../pqrs/schemas.ts';

export const QUESTION_TYPES = ['single', 'multiple', 'rating', 'nps', 'text', 'textarea', 'yesno', 'matrix'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const SURVEY_STATES = ['draft', 'open', 'closed'] as const;
export type SurveyState = (typeof SURVEY_STATES)[number];
/** What the public sees: open and answerable now, closed (or past its closing date), or not yet open. */
export const SURVEY_STATUSES = ['open', 'closed', 'scheduled'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/** Lengths of the texts a citizen may write, and of the definition's texts. */
export const SURVEY_LIMITS = {
  text: 500,
  textarea: 5000,
  title: 200,
  description: 2000,
  thankYou: 1000,
  label: 500,
  optionValue: 60,
  questions: 100,
  options: 50,
  rows: 50,
  invitations: 500,
} as const;

const ID = /^[a-z0-9_-]{1,40}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function id(field: string) {
  return z
    .string({ error: `${field}: es obligatorio.` })
    .regex(ID, `${field}: use de 1 a 40 minúsculas, dígitos, guiones o guiones bajos.`);
}

export const slugSchema = z
  .string({ error: 'Identificador (slug): es obligatorio.' })
  .min(1, 'Identificador (slug): es obligatorio.')
  .max(80, 'Identificador (slug): máximo 80 caracteres.')
  .regex(SLUG, 'Identificador (slug): use minúsculas sin tildes, dígitos y guiones (por ejemplo «satisfaccion-servicio»).');

/** An instant with its offset (`2026-12-01T08:00:00-05:00`), stored as UTC ISO; null or blank: unbounded. */
function instant(field: string) {
  return z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z
      .iso.datetime({ offset: true, error: `${field}: escriba una fecha y hora válidas (ISO 8601, con zona horaria).` })
      .transform((s) => new Date(s).toISOString())
      // Stored instants compare as text: keep them to four-digit years.
      .refine((s) => /^\d{4}-/.test(s), `${field}: la fecha está fuera de rango.`)
      .nullable(),
  );
}

export const optionSchema = z.object({
  value: z
    .string({ error: 'Valor de la opción: es obligatorio.' })
    .trim()
    .min(1, 'Valor de la opción: es obligatorio.')
    .max(SURVEY_LIMITS.optionValue, `Valor de la opción: máximo ${SURVEY_LIMITS.optionValue} caracteres.`),
  label: text('Texto de la opción', SURVEY_LIMITS.label),
});
export type SurveyOption = z.infer<typeof optionSchema>;

export const rowSchema = z.object({ id: id('Identificador de la fila'), label: text('Texto de la fila', SURVEY_LIMITS.label) });
export type MatrixRow = z.infer<typeof rowSchema>;

export const showIfSchema = z.object({
  question: id('Mostrar si: pregunta'),
  equals: z.union([z.string(), z.number(), z.boolean()], { error: 'Mostrar si: valor: debe ser un texto, un número o sí/no.' }),
});
export type ShowIf = z.infer<typeof showIfSchema>;

export const questionSchema = z.object({
  id: id('Identificador de la pregunta'),
  type: z.enum(QUESTION_TYPES, { error: 'Tipo de pregunta: elija single, multiple, rating, nps, text, textarea, yesno o matrix.' }),
  label: text('Pregunta', SURVEY_LIMITS.label),
  required: z.boolean({ error: 'Obligatoria: debe ser sí o no.' }).default(false),
  /** single, multiple, and the scale of a matrix. */
  options: z.array(optionSchema).max(SURVEY_LIMITS.options, `Opciones: máximo ${SURVEY_LIMITS.options}.`).optional(),
  /** matrix only. */
  rows: z.array(rowSchema).max(SURVEY_LIMITS.rows, `Filas: máximo ${SURVEY_LIMITS.rows}.`).optional(),
  /** multiple only: how many options to choose at least / at most. */
  min: z.number({ error: 'Mínimo: debe ser un número.' }).int('Mínimo: debe ser un número entero.').min(0, 'Mínimo: no puede ser negativo.').optional(),
  max: z.number({ error: 'Máximo: debe ser un número.' }).int('Máximo: debe ser un número entero.').min(1, 'Máximo: debe ser al menos 1.').optional(),
  showIf: showIfSchema.optional(),
});
export type Question = z.infer<typeof questionSchema>;

function duplicates(values: string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

/** Whether `value` is a possible answer (or, for a multiple choice, a possible option) of `q`. */
function answerable(q: Question, value: string | number | boolean): boolean {
  switch (q.type) {
    case 'yesno':
      return typeof value === 'boolean';
    case 'rating':
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5;
    case 'nps':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 10;
    default:
      return (q.options ?? []).some((o) => o.value === value);
  }
}

/** Checks what one question's type needs, and that branching points to an earlier question. */
function checkQuestions(questions: Question[], ctx: z.RefinementCtx): void {
  const seen = new Map<string, Question>();
  questions.forEach((q, i) => {
    const at = (...path: (string | number)[]) => ['questions', i, ...path];
    const issue = (message: string, ...path: (string | number)[]) => ctx.addIssue({ code: 'custom', path: at(...path), message });
    if (seen.has(q.id)) issue(`Identificador de la pregunta: «${q.id}» está repetido.`, 'id');
    const options = q.options ?? [];
    const needsOptions = q.type === 'single' || q.type === 'multiple' || q.type === 'matrix';
    if (needsOptions && options.length < 2) issue('Opciones: escriba al menos dos.', 'options');
    if (!needsOptions && q.options) issue('Opciones: solo para selección única, múltiple o matriz.', 'options');
    if (duplicates(options.map((o) => o.value)).length) issue('Opciones: hay valores repetidos.', 'options');
    if (q.type === 'matrix') {
      if (!q.rows || q.rows.length < 1) issue('Filas: escriba al menos una.', 'rows');
      else if (duplicates(q.rows.map((r) => r.id)).length) issue('Filas: hay identificadores repetidos.', 'rows');
    } else if (q.rows) issue('Filas: solo para preguntas de tipo matriz.', 'rows');
    if (q.type !== 'multiple' && (q.min !== undefined || q.max !== undefined)) {
      issue('Mínimo y máximo: solo para selección múltiple.', q.min !== undefined ? 'min' : 'max');
    }
    if (q.type === 'multiple') {
      if (q.min !== undefined && q.min > options.length) issue('Mínimo: no puede pasar del número de opciones.', 'min');
      if (q.max !== undefined && q.min !== undefined && q.max < q.min) issue('Máximo: debe ser igual o mayor que el mínimo.', 'max');
    }
    if (q.showIf) {
      const target = seen.get(q.showIf.question);
      if (!target) issue('Mostrar si: pregunta: debe ser una pregunta anterior de la encuesta.', 'showIf', 'question');
      else if (target.type === 'matrix' || target.type === 'text' || target.type === 'textarea') {
        issue('Mostrar si: pregunta: solo puede depender de una pregunta de opciones, calificación, NPS o sí/no.', 'showIf', 'question');
      } else if (!answerable(target, q.showIf.equals)) {
        issue('Mostrar si: valor: no es una respuesta posible de esa pregunta.', 'showIf', 'equals');
      }
    }
    seen.set(q.id, q);
  });
}

/** What staff send to create or edit a draft. */
export const surveyInputSchema = z
  .object({
    slug: slugSchema,
    title: text('Título', SURVEY_LIMITS.title),
    description: optionalText('Descripción', SURVEY_LIMITS.description).transform((s) => s ?? ''),
    opensAt: instant('Apertura'),
    closesAt: instant('Cierre'),
    anonymous: z.boolean({ error: 'Anónima: debe ser sí o no.' }).default(true),
    resultsPublic: z.boolean({ error: 'Resultados públicos: debe ser sí o no.' }).default(false),
    thankYou: optionalText('Texto de agradecimiento', SURVEY_LIMITS.thankYou).transform(
      (s) => s ?? '¡Gracias por su opinión! Nos ayuda a mejorar.',
    ),
    questions: z
      .array(questionSchema, { error: 'Preguntas: debe ser una lista.' })
      .max(SURVEY_LIMITS.questions, `Preguntas: máximo ${SURVEY_LIMITS.questions}.`),
  })
  .superRefine((s, ctx) => {
    if (s.opensAt && s.closesAt && s.closesAt <= s.opensAt) {
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'Cierre: debe ser posterior a la apertura.' });
    }
    checkQuestions(s.questions, ctx);
  });
export type SurveyInput = z.output<typeof surveyInputSchema>;

const surveyCommon = {
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  anonymous: z.boolean(),
  resultsPublic: z.boolean(),
  thankYou: z.string(),
  questions: z.array(questionSchema),
};

/** A survey as staff see it. */
export const surveySchema = z.object({
  id: z.number(),
  state: z.enum(SURVEY_STATES),
  ...surveyCommon,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** How many answers it has. */
  responses: z.number(),
});
export type Survey = z.infer<typeof surveySchema>;

export const surveyListSchema = z.object({ items: z.array(surveySchema.omit({ questions: true })) });
export type SurveyListItem = z.infer<typeof surveyListSchema>['items'][number];

/** `GET /api/surveys/:slug`: questions are empty unless the survey is answerable now. */
export const publicSurveySchema = z.object({ status: z.enum(SURVEY_STATUSES), ...surveyCommon });
export type PublicSurvey = z.infer<typeof publicSurveySchema>;

/** One answer's value; which one a question takes depends on its type (checked by the service). */
export type AnswerValue = string | string[] | number | boolean | Record<string, string>;
export type Answers = Record<string, AnswerValue>;

/** `POST /api/surveys/:slug/responses`. */
export const responseBodySchema = z.object({
  answers: z.record(z.string(), z.unknown(), { error: 'Respuestas: deben ser un objeto { idPregunta: valor }.' }),
  /** The per-browser token from `POST /api/surveys/:slug/token`. */
  // Optional here so that a missing token is a 403 (`code: 'token'`) like a forged one.
  token: z.string({ error: 'Token: debe ser un texto.' }).max(500, 'Token: no es válido.').optional(),
  /** The single-use invitation code of an identified survey. */
  invitation: z.string().max(200, 'Invitación: no es válida.').optional(),
});
export type ResponseBody = z.infer<typeof responseBodySchema>;

export const tokenSchema = z.object({ token: z.string() });
export const createdSchema = z.object({ id: z.number() });
export const slugParams = z.object({ slug: slugSchema });
export const idParams = z.object({ id: z.coerce.number({ error: 'Encuesta: identificador no válido.' }).int().positive('Encuesta: identificador no válido.') });

/**
 * A value the response serializer writes as it is: a union would become a JSON Schema anyOf,
 * which fast-json-stringify resolves by validating every value, many times slower.
 */
const scalar = z.unknown() as z.ZodType<string | number | boolean>;

export const optionResultSchema = z.object({
  value: scalar,
  label: z.string(),
  count: z.number(),
  /** Of those who answered the question, 0-100 with one decimal. */
  percent: z.number(),
});
export type OptionResult = z.infer<typeof optionResultSchema>;

export const questionResultSchema = z.object({
  id: z.string(),
  type: z.enum(QUESTION_TYPES),
  label: z.string(),
  /** How many responses answer this question. */
  answered: z.number(),
  options: z.array(optionResultSchema).optional(),
  /** rating, nps: two decimals; null when nobody answered. */
  average: z.number().nullable().optional(),
  /** NPS = % promoters (9-10) - % detractors (0-6), rounded to one decimal; counts of each. */
  nps: z.object({ score: z.number(), promoters: z.number(), passives: z.number(), detractors: z.number() }).optional(),
  rows: z.array(z.object({ id: z.string(), label: z.string(), options: z.array(optionResultSchema) })).optional(),
  /** Staff only: text answers, newest first (at most 500). */
  texts: z.array(z.object({ at: z.string(), text: z.string() })).optional(),
});
export type QuestionResult = z.infer<typeof questionResultSchema>;

export const publicResultsSchema = z.object({
  slug: z.string(),
  title: z.string(),
  total: z.number(),
  questions: z.array(questionResultSchema),
});
export type PublicResults = z.infer<typeof publicResultsSchema>;

/** Staff results: the same shape, with text answers, for the filtered responses. */
export const staffResultsSchema = publicResultsSchema;
export type StaffResults = PublicResults;

const day = (field: string) =>
  z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.string().refine(isIsoDate, `${field}: escriba una fecha real con el formato AAAA-MM-DD.`).optional(),
  );

/** `?from=&to=&q=`: Bogotá days, both included; q searches the text answers. */
export const resultsQuery = z
  .object({
    from: day('Desde'),
    to: day('Hasta'),
    q: optionalText('Buscar', 200),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'Hasta: debe ser igual o posterior a «Desde».' });
export type ResultsQuery = z.output<typeof resultsQuery>;

export const invitationsInputSchema = z.object({
  count: z
    .number({ error: 'Cantidad: debe ser un número.' })
    .int('Cantidad: debe ser un número entero.')
    .min(1, 'Cantidad: al menos 1.')
    .max(SURVEY_LIMITS.invitations, `Cantidad: máximo ${SURVEY_LIMITS.invitations} por vez.`),
});
export const invitationsSchema = z.object({ links: z.array(z.string()) });
export type Invitations = z.infer<typeof invitationsSchema>;
