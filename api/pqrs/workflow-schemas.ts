/**
 * What crosses the wire for the workflow: the bodies of the staff actions, the inbox query, and
 * the inbox, detail and tracking answers. Widgets import the types with `import type`.
 */
import { z } from 'zod';
import { isIsoDate } from '../calendar/calendar.ts';
import { trackNoticeSchema } from '../notices/schemas.ts';
import { DOCUMENT_TYPE_VALUES, PQRS_TYPE_VALUES, REQUESTER_KIND_VALUES, RESPONSE_CHANNEL_VALUES } from './catalog.ts';
import { PQRS_CHANNEL_VALUES } from './channels.ts';
import { optionalText, pageOf, text } from './schemas.ts';
import { reviewInfoSchema } from './review-schemas.ts';
import { PQRS_ACTION_VALUES, PQRS_STATE_VALUES } from './states.ts';

const OBJECT = 'El cuerpo de la solicitud debe ser un objeto JSON.';

function isoDate(field: string) {
  return z
    .string({ error: `${field}: es obligatoria (AAAA-MM-DD).` })
    .refine(isIsoDate, `${field}: escriba una fecha real con el formato AAAA-MM-DD.`);
}

/** A body whose fields are all optional may be left out (Fastify then gives null). */
function orEmpty<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => v ?? {}, schema);
}

// ---- Action bodies ----------------------------------------------------------------------

const CHOOSE_STAFF = 'Funcionario: elija a quién asignar la solicitud.';
export const assignBody = z.object(
  { staffId: z.number({ error: CHOOSE_STAFF }).int(CHOOSE_STAFF).positive(CHOOSE_STAFF) },
  { error: OBJECT },
);
export const startBody = orEmpty(z.object({}, { error: OBJECT }));
export const replyBody = z.object(
  {
    text: text('Respuesta', 20_000, 10),
    /** Access to the requested information was denied, wholly or partly (Ley 1712 report); only for type `informacion`. */
    denied: z.boolean({ error: 'Acceso negado: debe ser verdadero o falso.' }).default(false),
  },
  { error: OBJECT },
);
export const requestCompletionBody = z.object(
  { message: text('Qué falta', 5000, 10) },
  { error: OBJECT },
);
export const extendCompletionBody = orEmpty(z.object({ note: optionalText('Nota para el ciudadano', 2000) }, { error: OBJECT }));
export const completeBody = orEmpty(
  z.object(
    {
      /** The day the citizen delivered what was missing; today when absent. */
      completedOn: isoDate('Fecha de recibo').optional(),
    },
    { error: OBJECT },
  ),
);
export const extendBody = z.object(
  { newDueDate: isoDate('Nueva fecha límite'), reason: text('Motivo de la prórroga', 2000, 10) },
  { error: OBJECT },
);
export const transferBody = z.object(
  { entity: text('Entidad competente', 200, 3), note: optionalText('Nota para el ciudadano', 2000) },
  { error: OBJECT },
);
export const desistBody = orEmpty(z.object({ note: optionalText('Motivo', 2000) }, { error: OBJECT }));
export const closeBody = orEmpty(z.object({ note: optionalText('Nota para el ciudadano', 2000) }, { error: OBJECT }));
export const noteBody = z.object({ text: text('Nota interna', 5000) }, { error: OBJECT });

export type AssignInput = z.output<typeof assignBody>;
export type ReplyInput = z.output<typeof replyBody>;
export type RequestCompletionInput = z.output<typeof requestCompletionBody>;
export type ExtendCompletionInput = z.output<typeof extendCompletionBody>;
export type CompleteInput = z.output<typeof completeBody>;
export type ExtendInput = z.output<typeof extendBody>;
export type TransferInput = z.output<typeof transferBody>;
export type DesistInput = z.output<typeof desistBody>;
export type CloseInput = z.output<typeof closeBody>;

// ---- Inbox ------------------------------------------------------------------------------

/** `a,b` or repeated parameters, as a list of allowed values. */
function list<V extends string>(values: readonly [V, ...V[]], message: string) {
  return z.preprocess(
    (v) => (Array.isArray(v) ? v.join(',') : v),
    z.string({ error: message }).transform((s, ctx) => {
      const items = s.split(',').map((x) => x.trim()).filter(Boolean);
      if (!items.length || items.some((x) => !(values as readonly string[]).includes(x))) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return items as V[];
    }),
  );
}

export const inboxQuery = z.object({
  type: list(PQRS_TYPE_VALUES, 'Tipo: use peticion, informacion, consulta, queja, reclamo, sugerencia, denuncia o felicitacion.').optional(),
  state: list(PQRS_STATE_VALUES, `Estado: use ${PQRS_STATE_VALUES.slice(0, -1).join(', ')} o ${PQRS_STATE_VALUES.at(-1)}.`).optional(),
  assignee: z
    .union([z.enum(['me', 'none']), z.string().regex(/^\d{1,9}$/).transform(Number)], {
      error: 'Responsable: use el número del funcionario, «me» o «none».',
    })
    .optional(),
  /** `mine`: answers in review that I may approve or return ("Esperan mi revisión"). */
  review: z.enum(['mine'], { error: 'Revisión: use mine.' }).optional(),
  overdue: z.enum(['true', 'false'], { error: 'Vencidas: use true o false.' }).transform((v) => v === 'true').optional(),
  q: z.string().trim().max(100, 'Búsqueda: máximo 100 caracteres.').optional(),
  page: z.coerce.number({ error: 'Página: debe ser un número.' }).int('Página: debe ser un número entero.').min(1, 'Página: mínimo 1.').default(1),
  pageSize: z.coerce
    .number({ error: 'Tamaño de página: debe ser un número.' })
    .int('Tamaño de página: debe ser un número entero.')
    .min(1, 'Tamaño de página: mínimo 1.')
    .max(100, 'Tamaño de página: máximo 100.')
    .default(25),
});
export type InboxQuery = z.output<typeof inboxQuery>;

const staffRef = z.object({ id: z.number(), username: z.string(), name: z.string() });
const light = z.enum(['green', 'amber', 'red']).nullable();

/** Where a request stands against its deadline, as of today. */
const clockFields = {
  dueDate: z.string(),
  /** Business days from today to the due date (0 on the due date, negative once overdue); frozen while the clock is stopped; null once finished. */
  businessDaysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  light,
  clockStopped: z.boolean(),
};

export const inboxItemSchema = z.object({
  radicado: z.string(),
  type: z.enum(PQRS_TYPE_VALUES),
  typeLabel: z.string(),
  state: z.enum(PQRS_STATE_VALUES),
  stateLabel: z.string(),
  subject: z.string(),
  /** Null for an anonymous request. */
  requesterName: z.string().nullable(),
  receivedAt: z.string(),
  /** Where it came in (PQRS_CHANNELS): web form, chat, mailbox or a verbal channel. */
  channel: z.enum(PQRS_CHANNEL_VALUES),
  ...clockFields,
  /** Waiting for the citizen and the time to complete ran out: the request can be archived (desist). */
  completionExpired: z.boolean(),
  assignee: staffRef.nullable(),
});
export const inboxSchema = pageOf(inboxItemSchema);
export type InboxItem = z.infer<typeof inboxItemSchema>;
export type Inbox = z.infer<typeof inboxSchema>;

// ---- Detail and tracking ----------------------------------------------------------------

export const attachmentSchema = z.object({ id: z.number(), name: z.string(), size: z.number(), mime: z.string() });
export const publicEventSchema = z.object({
  at: z.string(),
  state: z.enum(PQRS_STATE_VALUES),
  label: z.string(),
  publicNote: z.string().nullable(),
});
const extensionSchema = z.object({ at: z.string(), reason: z.string() }).nullable();
const transferSchema = z.object({ entity: z.string(), at: z.string() }).nullable();
const completionSchema = z
  .object({ requestedAt: z.string(), deadline: z.string(), extended: z.boolean(), expired: z.boolean() })
  .nullable();

export const detailSchema = z.object({
  radicado: z.string(),
  type: z.enum(PQRS_TYPE_VALUES),
  typeLabel: z.string(),
  state: z.enum(PQRS_STATE_VALUES),
  stateLabel: z.string(),
  stateDescription: z.string(),
  subject: z.string(),
  description: z.string(),
  responseChannel: z.enum(RESPONSE_CHANNEL_VALUES),
  /** Where it came in (PQRS_CHANNELS); a verbal one has a constancia. */
  channel: z.enum(PQRS_CHANNEL_VALUES),
  requester: z.object({
    kind: z.enum(REQUESTER_KIND_VALUES),
    documentType: z.enum(DOCUMENT_TYPE_VALUES).nullable(),
    documentNumber: z.string().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    city: z.string().nullable(),
  }),
  consent: z.object({ at: z.string(), policy: z.string() }),
  receivedAt: z.string(),
  effectiveReceipt: z.string(),
  businessDays: z.number().int(),
  originalDueDate: z.string(),
  ...clockFields,
  /** Business days the clock stood still (art. 17), summed. */
  pausedDays: z.number().int(),
  /** The legal limits that depend on the receipt date. */
  limits: z.object({
    /** Last day completion may be requested (10 business days after receipt). */
    completionRequestUntil: z.string(),
    /** Last day of the 5 business days to transfer (art. 21); later transfers are flagged. */
    transferUntil: z.string(),
    /** Latest date an extension may set: twice the term from receipt, plus the paused days. */
    maxExtendedDueDate: z.string(),
  }),
  assignee: staffRef.nullable(),
  extension: extensionSchema,
  completion: completionSchema,
  transfer: transferSchema,
  answer: z
    .object({ text: z.string(), at: z.string(), denied: z.boolean(), by: staffRef.nullable(), attachments: z.array(attachmentSchema) })
    .nullable(),
  closedAt: z.string().nullable(),
  /** The citizen's attachments. */
  attachments: z.array(attachmentSchema),
  events: z.array(publicEventSchema.extend({ actor: z.string().nullable() })),
  notes: z.array(z.object({ id: z.number(), at: z.string(), author: z.string(), text: z.string() })),
  /** The actions allowed now (state and legal windows); each is `POST .../:radicado/<action>`. */
  actions: z.array(z.enum(PQRS_ACTION_VALUES)),
  /** Review before answering: the answer waiting for approval and the earlier decisions. */
  review: reviewInfoSchema,
  /** Things staff should know about the action just taken (e.g. a late transfer). */
  warnings: z.array(z.string()).optional(),
});
export type PqrsDetail = z.infer<typeof detailSchema>;

export const trackBody = z.object(
  {
    radicado: z
      .string({ error: 'Radicado: es obligatorio.' })
      .trim()
      .min(1, 'Radicado: es obligatorio.')
      .max(40, 'Radicado: máximo 40 caracteres.')
      .transform((s) => s.toUpperCase()),
    code: z
      .string({ error: 'Código de seguimiento: es obligatorio.' })
      .trim()
      .min(1, 'Código de seguimiento: es obligatorio.')
      .max(40, 'Código de seguimiento: máximo 40 caracteres.'),
  },
  { error: OBJECT },
);
export type TrackInput = z.output<typeof trackBody>;

export const trackSchema = z.object({
  radicado: z.string(),
  type: z.enum(PQRS_TYPE_VALUES),
  typeLabel: z.string(),
  state: z.enum(PQRS_STATE_VALUES),
  stateLabel: z.string(),
  /** What the state means, in plain Spanish. */
  stateDescription: z.string(),
  receivedAt: z.string(),
  effectiveReceipt: z.string(),
  originalDueDate: z.string(),
  ...clockFields,
  extension: extensionSchema,
  transfer: transferSchema,
  completion: completionSchema,
  events: z.array(publicEventSchema),
  answer: z.object({ text: z.string(), at: z.string(), attachments: z.array(attachmentSchema) }).optional(),
  /** The satisfaction survey offered once the request is answered (admin setting `pqrsSurvey`), while it can be answered. */
  satisfactionSurvey: z.object({ slug: z.string(), title: z.string() }).optional(),
  /** The answer published as a notice on the website (CPACA art. 69, anonymous requests), with its dates. */
  notice: trackNoticeSchema.optional(),
});
export type TrackResult = z.infer<typeof trackSchema>;
