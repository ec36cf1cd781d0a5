/**
 * Events of the participation plan on the wire (issue 12): the staff's form, the public list
 * and detail, registrations. The widgets import the types from here (`import type`).
 */
import { z } from 'zod';
import { consentFields, email, optionalEmail, optionalText, text } from '../pqrs/schemas.ts';
import { EVENT_KINDS, EVENT_LIMITS, EVENT_PHASES, EVENT_STATES, QUESTION_LIMITS, QUESTION_STATES, REGISTRATION_STATUSES } from './catalog.ts';

export * from './catalog.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A Bogotá wall-clock time `2027-03-10T09:00` (seconds optional), or an instant with its offset. */
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
const OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A date and time read as Bogotá's when it has no offset; the instant as ISO UTC. */
function instant(field: string) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? `${field}: es obligatorio.` : `${field}: debe ser un texto.`) })
    .trim()
    .refine((s) => (LOCAL.test(s) || OFFSET.test(s)) && !Number.isNaN(Date.parse(LOCAL.test(s) ? `${s}-05:00` : s)), {
      message: `${field}: use fecha y hora AAAA-MM-DDTHH:MM (hora de Colombia).`,
    })
    .transform((s) => new Date(Date.parse(LOCAL.test(s) ? `${s}-05:00` : s)).toISOString());
}

/** Optional text: absent, null or blank is null. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === '' || v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v), schema.optional());
}

function count(field: string) {
  return z
    .number({ error: `${field}: debe ser un número entero.` })
    .int(`${field}: debe ser un número entero.`)
    .min(0, `${field}: no puede ser negativo.`)
    .max(1_000_000, `${field}: máximo 1000000.`);
}

const registrationInput = z.object(
  {
    enabled: z.boolean({ error: 'Inscripción: indique si está activa (sí o no).' }),
    capacity: optional(count('Cupo').min(1, 'Cupo: debe ser al menos 1.')).nullable(),
    waitlist: z.boolean({ error: 'Lista de espera: indique sí o no.' }).default(false),
    /** When registration closes; absent: at the event's start. */
    closesAt: optional(instant('Cierre de inscripciones')).nullable(),
  },
  { error: 'Inscripción: envíe enabled, capacity, waitlist y closesAt.' },
);

const staffId = (field: string) =>
  z.number({ error: `${field}: elija un funcionario.` }).int(`${field}: elija un funcionario.`).positive(`${field}: elija un funcionario.`);

/** The event's chat window: the officials who answer it, and when (instants like the event's). */
const chatInput = z
  .object(
    {
      officials: z
        .array(staffId('Funcionarios del chat'), { error: 'Funcionarios del chat: elija al menos un funcionario.' })
        .min(1, 'Funcionarios del chat: elija al menos un funcionario.')
        .max(50, 'Funcionarios del chat: máximo 50.')
        .transform((ids) => [...new Set(ids)]),
      opensAt: instant('Apertura del chat'),
      closesAt: instant('Cierre del chat'),
    },
    { error: 'Chat: envíe officials, opensAt y closesAt, o null sin chat.' },
  )
  .refine((c) => c.closesAt > c.opensAt, { path: ['closesAt'], message: 'Cierre del chat: debe ser posterior a la apertura.' });

/** `POST /api/admin/events` and `PUT /api/admin/events/:id`. */
export const eventInput = z
  .object(
    {
      title: text('Título', EVENT_LIMITS.title, 3),
      kind: z.enum(EVENT_KINDS, { error: `Tipo: elija una opción (${EVENT_KINDS.join(', ')}).` }),
      slug: optional(
        z
          .string({ error: 'Identificador: debe ser un texto.' })
          .trim()
          .max(EVENT_LIMITS.slug, `Identificador: máximo ${EVENT_LIMITS.slug} caracteres.`)
          .regex(SLUG, 'Identificador: solo letras minúsculas sin tildes, números y guiones (a-z, 0-9, -).'),
      ),
      summary: optional(text('Resumen', EVENT_LIMITS.summary)),
      body: optional(text('Descripción', EVENT_LIMITS.body)),
      startsAt: instant('Inicio'),
      endsAt: instant('Fin'),
      place: optional(text('Lugar', EVENT_LIMITS.place)),
      onlineUrl: optional(
        text('Enlace en línea', EVENT_LIMITS.url).refine((s) => {
          try {
            return new URL(s).protocol === 'https:';
          } catch {
            return false;
          }
        }, 'Enlace en línea: escriba una dirección completa que empiece por https://.'),
      ),
      responsibleId: optional(z.number({ error: 'Responsable: elija un funcionario.' }).int('Responsable: elija un funcionario.')).nullable(),
      registration: registrationInput.optional(),
      questions: z.boolean({ error: 'Preguntas: indique sí o no.' }).default(false),
      surveySlug: optional(z.string({ error: 'Encuesta: debe ser un texto.' }).trim().max(100, 'Encuesta: máximo 100 caracteres.')).nullable(),
      /** The chat window with the event's officials; absent or null: no chat for the event. */
      chat: chatInput.nullable().optional(),
      goals: z
        .object(
          {
            registrations: count('Meta de inscripciones').optional(),
            attendance: count('Meta de asistencia').optional(),
            questions: count('Meta de preguntas').optional(),
            surveyAnswers: count('Meta de respuestas a la encuesta').optional(),
          },
          { error: 'Metas: envíe un objeto con números.' },
        )
        .strict()
        .default({}),
    },
    { error: 'El cuerpo de la solicitud debe ser un objeto JSON.' },
  )
  .superRefine((e, ctx) => {
    if (e.endsAt <= e.startsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'Fin: debe ser posterior al inicio.' });
    const closes = e.registration?.closesAt;
    if (closes && closes > e.startsAt)
      ctx.addIssue({ code: 'custom', path: ['registration', 'closesAt'], message: 'Cierre de inscripciones: debe ser a más tardar al inicio del evento.' });
  });
export type EventInput = z.input<typeof eventInput>;
export type EventData = z.output<typeof eventInput>;

export const eventIdParams = z.object({
  id: z
    .string()
    .regex(/^\d{1,12}$/, 'Evento: el identificador debe ser un número.')
    .transform(Number),
});

export const slugParams = z.object({ slug: z.string().max(200) });

const goalsSchema = z.object({
  registrations: z.number().int().optional(),
  attendance: z.number().int().optional(),
  questions: z.number().int().optional(),
  surveyAnswers: z.number().int().optional(),
});

/**
 * What happened, computed from the data. `surveyAnswers`: answers to the linked survey submitted
 * from the event's start to 30 days after its end (null without a survey). Goals compare as
 * registrations↔registered, attendance↔attended, questions↔questionsReceived, surveyAnswers.
 */
export const eventFiguresSchema = z.object({
  registered: z.number().int(),
  waitlisted: z.number().int(),
  attended: z.number().int(),
  /** Every question sent, whatever staff did with it (merged and hidden ones included). */
  questionsReceived: z.number().int(),
  questionsPublished: z.number().int(),
  /** Published with a public answer. */
  questionsAnswered: z.number().int(),
  surveyAnswers: z.number().int().nullable(),
});
export type EventFigures = z.infer<typeof eventFiguresSchema>;

/** What staff see of an event: the form's fields plus the state, phase and counts. */
export const adminEventSchema = z.object({
  id: z.number().int(),
  slug: z.string(),
  title: z.string(),
  kind: z.enum(EVENT_KINDS),
  summary: z.string(),
  body: z.string(),
  /** ISO instants with Bogotá's offset, `2027-03-10T09:00:00-05:00`. */
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  responsible: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  state: z.enum(EVENT_STATES),
  phase: z.enum(EVENT_PHASES),
  registration: z
    .object({ enabled: z.boolean(), capacity: z.number().int().nullable(), waitlist: z.boolean(), closesAt: z.string() })
    .nullable(),
  questions: z.boolean(),
  surveySlug: z.string().nullable(),
  goals: goalsSchema,
  counts: z.object({ registered: z.number().int(), waitlisted: z.number().int() }),
  chat: z
    .object({ officials: z.array(z.object({ id: z.number().int(), name: z.string() })), opensAt: z.string(), closesAt: z.string() })
    .nullable(),
  figures: eventFiguresSchema,
  /** The memoria: staff's text, public once `publishedAt` is set. */
  results: z.object({ text: z.string(), publishedAt: z.string().nullable() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});
export type AdminEvent = z.infer<typeof adminEventSchema>;

export const adminEventListQuery = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, 'Año: use cuatro cifras, por ejemplo 2027.')
    .transform(Number)
    .optional(),
  state: z.enum(EVENT_STATES, { error: 'Estado: elija draft, published o cancelled.' }).optional(),
});
export const adminEventListSchema = z.object({ items: z.array(adminEventSchema) });

/** `GET /api/events?from=&to=&kind=`: Bogotá days, both included. */
export const eventListQuery = z.object({
  from: z.iso.date({ error: 'Desde: use el formato AAAA-MM-DD.' }).optional(),
  to: z.iso.date({ error: 'Hasta: use el formato AAAA-MM-DD.' }).optional(),
  kind: z.enum(EVENT_KINDS, { error: `Tipo: elija una opción (${EVENT_KINDS.join(', ')}).` }).optional(),
});

/** A published or cancelled event as citizens see it: no personal data. */
export const publicEventSchema = z.object({
  slug: z.string(),
  title: z.string(),
  kind: z.enum(EVENT_KINDS),
  startsAt: z.string(),
  endsAt: z.string(),
  state: z.enum(['published', 'cancelled']),
  phase: z.enum(EVENT_PHASES),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  summary: z.string(),
  /** Null when the event takes no registrations. `remaining` is null without a capacity. */
  registration: z
    .object({
      open: z.boolean(),
      capacity: z.number().int().nullable(),
      remaining: z.number().int().nullable(),
      waitlist: z.boolean(),
      closesAt: z.string(),
    })
    .nullable(),
  questions: z.boolean(),
  survey: z.string().nullable(),
  /** When the event's officials answer `<ecam-chat>` (`GET /api/chat/status?event=<slug>`); null: no chat. */
  chat: z.object({ opensAt: z.string(), closesAt: z.string() }).nullable(),
});
export type PublicEvent = z.infer<typeof publicEventSchema>;
export const publicEventListSchema = z.array(publicEventSchema);

/** A published question and, once given, its public answer. Never who asked. */
export const publicQuestionSchema = z.object({
  id: z.number().int(),
  question: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  publishedAt: z.string(),
  /** How many similar questions staff merged into this one. */
  merged: z.number().int(),
});
export type PublicQuestion = z.infer<typeof publicQuestionSchema>;

/** The memoria once published: staff's text, the figures, and the linked survey. */
export const publicResultsSchema = z.object({
  text: z.string(),
  publishedAt: z.string(),
  figures: eventFiguresSchema,
  survey: z.object({ slug: z.string(), title: z.string() }).nullable(),
});
export type PublicResults = z.infer<typeof publicResultsSchema>;

/** `GET /api/events/:slug`: the list's fields, the body, the published questions and, once published, the results. */
export const publicEventDetailSchema = publicEventSchema.extend({
  body: z.string(),
  publishedQuestions: z.array(publicQuestionSchema),
  results: publicResultsSchema.nullable(),
  /**
   * The live feed's position this answer reflects; a page sends it as Last-Event-ID when it
   * opens the live feed, so nothing changed in between is lost.
   */
  liveSeq: z.number().int(),
});
export type PublicEventDetail = z.infer<typeof publicEventDetailSchema>;

/** The `state` frame of the live feed: on connect, and whenever the state or the phase changes. */
export const liveStateSchema = z.object({ state: publicEventSchema.shape.state, phase: z.enum(EVENT_PHASES) });
export type LiveState = z.infer<typeof liveStateSchema>;

/**
 * `GET /api/events/:slug/live`: the data of each frame by its event name. `question` and
 * `question-removed` carry `id: <seq>` (send the last one as Last-Event-ID to resume);
 * `results` is the detail's `results` when staff publish them.
 */
export interface EventLiveMap {
  state: LiveState;
  question: PublicQuestion;
  'question-removed': { id: number };
  results: PublicEventDetail extends { results: infer R } ? R : unknown;
}
export type EventLiveName = keyof EventLiveMap;

/** `POST /api/events/:slug/registrations`. */
export const registrationRequest = z.object(
  {
    name: text('Nombre', EVENT_LIMITS.name, 2),
    email: email(),
    ...consentFields,
  },
  { error: 'El cuerpo de la solicitud debe ser un objeto JSON.' },
);
export type RegistrationInput = z.input<typeof registrationRequest>;

export const registrationCreatedSchema = z.object({
  status: z.enum(REGISTRATION_STATUSES),
  /** Shown once: it cancels the registration (`DELETE` with it in the body). Stored only hashed. */
  cancelToken: z.string(),
});
export type RegistrationCreated = z.infer<typeof registrationCreatedSchema>;

/** `DELETE /api/events/:slug/registrations`: the token goes in the body, never in the URL. */
export const cancelRegistrationInput = z.object(
  { cancelToken: z.string({ error: 'Ficha de cancelación: es obligatoria.' }).min(1, 'Ficha de cancelación: es obligatoria.').max(200, 'Ficha de cancelación: no es válida.') },
  { error: 'Envíe la ficha de cancelación en el cuerpo: { "cancelToken": "…" }.' },
);
export const registrationCancelledSchema = z.object({ cancelled: z.boolean() });

/** `GET /api/admin/events/:id/registrations`: who registered, in order of arrival. */
export const adminRegistrationSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  status: z.enum(['registered', 'waitlisted', 'cancelled']),
  createdAt: z.string(),
  promotedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  attendedAt: z.string().nullable(),
});
export type AdminRegistration = z.infer<typeof adminRegistrationSchema>;
export const adminRegistrationListSchema = z.object({ items: z.array(adminRegistrationSchema) });

export const registrationIdParams = eventIdParams.extend({
  registration: z
    .string()
    .regex(/^\d{1,12}$/, 'Inscripción: el identificador debe ser un número.')
    .transform(Number),
});

/** `PUT /api/admin/events/:id/registrations/:registration/attendance`. */
export const attendanceInput = z.object(
  { attended: z.boolean({ error: 'Asistencia: indique true (asistió) o false.' }) },
  { error: 'Envíe { "attended": true } o { "attended": false }.' },
);

/** `merged`: folded into a similar question (`mergedInto`); never public on its own. */
export type QuestionState = (typeof QUESTION_STATES)[number];
/** What moderation sets; `merged` only comes from the merge action. */
export const MODERATION_STATES = ['pending', 'published', 'hidden'] as const;

/** `POST /api/events/:slug/questions`: name and e-mail are optional (never shown). */
export const questionInput = z.object(
  {
    question: text('Pregunta', QUESTION_LIMITS.body, QUESTION_LIMITS.bodyMin),
    name: optionalText('Nombre', EVENT_LIMITS.name),
    email: optionalEmail(),
    ...consentFields,
  },
  { error: 'El cuerpo de la solicitud debe ser un objeto JSON.' },
);
export const questionCreatedSchema = z.object({ id: z.number().int(), state: z.enum(QUESTION_STATES) });

export const adminQuestionSchema = z.object({
  id: z.number().int(),
  question: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  state: z.enum(QUESTION_STATES),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  /** The question this one was merged into (state `merged`). */
  mergedInto: z.number().int().nullable(),
  /** The PQRSD it was filed as, once filed. */
  radicado: z.string().nullable(),
});
export type AdminQuestion = z.infer<typeof adminQuestionSchema>;
export const adminQuestionListSchema = z.object({ items: z.array(adminQuestionSchema) });

export const questionIdParams = eventIdParams.extend({
  question: z
    .string()
    .regex(/^\d{1,12}$/, 'Pregunta: el identificador debe ser un número.')
    .transform(Number),
});

/** `PUT /api/admin/events/:id/questions/:question`: publish or hide, with or without an answer. */
export const moderationInput = z.object(
  {
    state: z.enum(MODERATION_STATES, { error: 'Estado: elija pending, published o hidden (para fusionar use /merge).' }),
    answer: optionalText('Respuesta', QUESTION_LIMITS.answer).nullable(),
  },
  { error: 'Envíe { "state": "published", "answer": "…" }.' },
);

const yearField = (field: string) =>
  z.number({ error: `${field}: escriba el año con cuatro cifras.` }).int(`${field}: escriba el año con cuatro cifras.`).min(2000, `${field}: escriba el año con cuatro cifras.`).max(2100, `${field}: escriba el año con cuatro cifras.`);

/** `POST /api/admin/events/copy-year`: last year's plan into drafts of the next. */
export const copyYearInput = z
  .object({ from: yearField('Año de origen'), to: yearField('Año de destino') }, { error: 'Envíe { "from": 2026, "to": 2027 }.' })
  .refine((b) => b.to > b.from, { message: 'Año de destino: debe ser posterior al de origen.', path: ['to'] });
export const copyYearResultSchema = z.object({ items: z.array(adminEventSchema) });

/** `POST /api/admin/events/:id/questions/:question/merge`: folds the question into a similar one. */
export const mergeInput = z.object(
  {
    into: z
      .number({ error: 'Fusionar con: indique el número de la pregunta.' })
      .int('Fusionar con: indique el número de la pregunta.')
      .positive('Fusionar con: indique el número de la pregunta.'),
  },
  { error: 'Envíe { "into": <número de la pregunta> }.' },
);

/** `POST /api/admin/events/:id/questions/:question/pqrs`: the PQRSD it became. */
export const questionFiledSchema = z.object({ radicado: z.string(), dueDate: z.string() });

export const RESULTS_LIMITS = { text: 20_000 };

/** `PUT /api/admin/events/:id/results`: the memoria, published (after the event) or not. */
export const resultsInput = z.object(
  {
    text: text('Resultados', RESULTS_LIMITS.text),
    publish: z.boolean({ error: 'Publicar: indique true (publicar) o false (sin publicar).' }),
  },
  { error: 'Envíe { "text": "…", "publish": true }.' },
);
