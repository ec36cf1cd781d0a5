/**
 * Wire contracts of verbal petitions (Decreto 1166 de 2016): what the official files
 * (`POST /api/admin/pqrs/verbal`) and the constancia the API returns. The widgets `import type`
 * these; no server code here.
 */
import { z } from 'zod';
import { DOCUMENT_TYPE_VALUES, LIMITS, PQRS_TYPE_VALUES, REQUESTER_KIND_VALUES, RESPONSE_CHANNEL_VALUES } from './catalog.ts';
import { PQRS_CHANNEL_VALUES, VERBAL_CHANNEL_VALUES, VERBAL_LIMITS } from './channels.ts';
import { optionalEmail, optionalText, pqrsCreatedSchema, text } from './schemas.ts';


/** Who may file verbally: anyone but an anonymous person (the constancia records name and ID). */
export const VERBAL_REQUESTER_KINDS = REQUESTER_KIND_VALUES.filter((k) => k !== 'anonimo') as [
  'natural',
  'juridica',
  'menor',
];

const DOCUMENT_NUMBER = /^[A-Za-z0-9.-]{3,20}$/;

function documentType(field: string) {
  return z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.enum(DOCUMENT_TYPE_VALUES, {
      error: (iss) => (iss.input === undefined ? `${field}: es obligatorio.` : `${field}: elija una opción de la lista.`),
    }),
  );
}

function documentNumber(field: string) {
  return text(field, LIMITS.documentNumber).refine(
    (s) => DOCUMENT_NUMBER.test(s),
    `${field}: use solo letras, dígitos, puntos o guiones (3 a 20).`,
  );
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

const verbalRequesterSchema = z
  .object(
    {
      kind: z.enum(VERBAL_REQUESTER_KINDS, { error: 'Tipo de solicitante: elija persona natural, jurídica o menor de edad.' }),
      name: text('Nombre completo del solicitante', LIMITS.name),
      documentType: documentType('Tipo de documento del solicitante'),
      documentNumber: documentNumber('Número de documento del solicitante'),
      email: optionalEmail(),
      phone: optionalText('Teléfono', LIMITS.phone).refine(
        (s) => s === undefined || (/^[0-9+()\s-]+$/.test(s) && (s.match(/\d/g)?.length ?? 0) >= 7),
        'Teléfono: escriba al menos 7 dígitos (se permiten +, espacios, guiones y paréntesis).',
      ),
      address: optionalText('Dirección física', LIMITS.address),
      city: optionalText('Municipio', LIMITS.city),
    },
    { error: 'Solicitante: faltan los datos del solicitante.' },
  )
  .superRefine((r, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (r.kind === 'juridica' && r.documentType && r.documentType !== 'NIT')
      issue('documentType', 'Tipo de documento del solicitante: una persona jurídica se identifica con NIT.');
    if (r.kind !== 'juridica' && r.documentType === 'NIT')
      issue('documentType', 'Tipo de documento del solicitante: el NIT es solo para personas jurídicas.');
  })
  // Told together with the other missing fields (not only once the rest is valid), so the official
  // sees every problem at once; skipped only when the address fields themselves are invalid.
  .superRefine(
    (r, ctx) => {
      if (!r.email && !r.address)
        ctx.addIssue({ code: 'custom', path: ['address'], message: 'Dirección para la respuesta: escriba una dirección física o un correo electrónico.' });
      if (r.address && !r.city) ctx.addIssue({ code: 'custom', path: ['city'], message: 'Municipio: es necesario con la dirección física.' });
    },
    {
      when: (payload) =>
        typeof payload.value === 'object' &&
        payload.value !== null &&
        !payload.issues.some((i) => ['email', 'address', 'city'].includes(String(i.path?.[0]))),
    },
  );

/** Whoever speaks for the requester; all blank means nobody. */
const representativeSchema = z.preprocess(
  (v) => (v && typeof v === 'object' && Object.values(v).every(blank) ? undefined : v),
  z
    .object(
      {
        name: text('Nombre completo del representante', LIMITS.name),
        documentType: documentType('Tipo de documento del representante').refine(
          (t) => t !== 'NIT',
          'Tipo de documento del representante: una persona natural no se identifica con NIT.',
        ),
        documentNumber: documentNumber('Número de documento del representante'),
      },
      { error: 'Representante: los datos deben ser un objeto.' },
    )
    .optional(),
);

/** The body of `POST /api/admin/pqrs/verbal` (JSON, or the `data` field of a multipart request). */
export const verbalInputSchema = z.object(
  {
    channel: z.enum(VERBAL_CHANNEL_VALUES, {
      error: 'Canal: elija presencial, telefónica u otro medio que transmita la voz.',
    }),
    type: z.enum(PQRS_TYPE_VALUES, { error: 'Tipo de solicitud: elija petición, queja, reclamo, etc.' }),
    requester: verbalRequesterSchema,
    representative: representativeSchema,
    object: text('Objeto de la petición', VERBAL_LIMITS.object, 5),
    reasons: text('Razones de la petición', VERBAL_LIMITS.reasons, 5),
    /** Documents handed in on paper, one description each; scanned files go as `files` parts. */
    paperAnnexes: z.preprocess(
      (v) => (v === undefined || v === null ? [] : Array.isArray(v) ? v.filter((s) => !blank(s)) : v),
      z
        .array(text('Documentos entregados en papel', VERBAL_LIMITS.paperAnnex), {
          error: 'Documentos entregados en papel: envíe una lista.',
        })
        .max(VERBAL_LIMITS.paperAnnexes, `Documentos entregados en papel: máximo ${VERBAL_LIMITS.paperAnnexes}.`),
    ),
    consent: z.literal(true, {
      error: 'Autorización de datos: marque la casilla cuando la persona haya autorizado el tratamiento de sus datos.',
    }),
    verbalStatement: z.literal(true, {
      error: 'Declaración de petición verbal: marque la casilla que deja constancia de que la petición se presentó verbalmente.',
    }),
  },
  { error: 'El cuerpo de la solicitud debe ser un objeto JSON.' },
);
export type VerbalInput = z.input<typeof verbalInputSchema>;
export type VerbalData = z.output<typeof verbalInputSchema>;

const person = z.object({
  name: z.string().nullable(),
  documentType: z.enum(DOCUMENT_TYPE_VALUES).nullable(),
  documentNumber: z.string().nullable(),
});

/** Everything the constancia of a verbal petition records (Decreto 1069 de 2015, art. 2.2.3.12.3). */
export const constanciaSchema = z.object({
  radicado: z.string(),
  /** The entity that received it (Ajustes). */
  entityName: z.string(),
  /** Date and time of receipt, an ISO instant (shown in Bogotá time). */
  receivedAt: z.string(),
  /** The business day the term counts from (YYYY-MM-DD). */
  effectiveReceipt: z.string(),
  /** The current legal due date (YYYY-MM-DD) and the term in business days. */
  dueDate: z.string(),
  businessDays: z.number().int(),
  type: z.enum(PQRS_TYPE_VALUES),
  channel: z.enum(PQRS_CHANNEL_VALUES),
  requester: person.extend({ kind: z.enum(REQUESTER_KIND_VALUES) }),
  /** Null when the requester spoke for themself. */
  representative: person.nullable(),
  /** Where the answer goes. */
  answerAddress: z.object({
    email: z.string().nullable(),
    address: z.string().nullable(),
    city: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  responseChannel: z.enum(RESPONSE_CHANNEL_VALUES),
  object: z.string(),
  reasons: z.string(),
  annexes: z.object({
    /** Scanned documents attached to the request. */
    files: z.array(z.object({ id: z.number().int(), name: z.string(), size: z.number().int(), mime: z.string() })),
    /** Documents handed in on paper. */
    paper: z.array(z.string()),
  }),
  /** The official who received and filed it, as named at filing. */
  official: z.object({ name: z.string(), username: z.string() }),
  /** The explicit statement that the petition was made verbally. */
  statement: z.string(),
  /** How the citizen follows the request (the code itself is never stored: see `trackingCode` at filing). */
  howToTrack: z.string(),
});
export type Constancia = z.infer<typeof constanciaSchema>;

/** The answer to filing: the radicado and the tracking code (shown this once), and the constancia. */
export const verbalFiledSchema = pqrsCreatedSchema.extend({
  constancia: constanciaSchema,
  /** Whether the constancia was queued to the citizen's e-mail. */
  mailed: z.boolean(),
});
export type VerbalFiled = z.infer<typeof verbalFiledSchema>;
