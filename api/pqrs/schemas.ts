import { z } from 'zod';
import {
  DOCUMENT_TYPE_VALUES,
  LIMITS,
  MIN_LENGTHS,
  PQRS_TYPE_VALUES,
  REQUESTER_KIND_VALUES,
  RESPONSE_CHANNEL_VALUES,
} from './catalog.ts';

// Control characters other than tab and line breaks have no place in a citizen's text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A trimmed, NFC-normalised text with Spanish messages that name the field. */
export function text(field: string, max: number, min = 1) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? `${field}: es obligatorio.` : `${field}: debe ser un texto.`) })
    .transform((s) => s.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(min, min === 1 ? `${field}: es obligatorio.` : `${field}: escriba al menos ${min} caracteres.`)
        .max(max, `${field}: máximo ${max} caracteres.`)
        .refine((s) => !CONTROL.test(s), `${field}: contiene caracteres no permitidos.`),
    );
}

/** An optional text: absent, null and blank all mean "not given". */
export function optionalText(field: string, max: number) {
  return z.preprocess(
    (v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v),
    text(field, max).optional(),
  );
}

const EMAIL_MESSAGE = 'Correo electrónico: escriba una dirección válida, por ejemplo nombre@dominio.co.';

/** An e-mail address the citizen must give. */
export const email = () => text('Correo electrónico', LIMITS.email).refine((s) => z.email().safeParse(s).success, EMAIL_MESSAGE);

/** An e-mail address the citizen may leave out (absent, null or blank). */
export const optionalEmail = () =>
  optionalText('Correo electrónico', LIMITS.email).refine((s) => s === undefined || z.email().safeParse(s).success, EMAIL_MESSAGE);

/** What every public form sends besides its own fields: the ticked consent box (Ley 1581 de 2012) and the empty honeypot. */
export const consentFields = {
  consent: z.literal(true, {
    error: 'Autorización de datos: debe marcar la casilla para aceptar el tratamiento de datos personales.',
  }),
  /** Honeypot: people never see it, so it must stay empty. */
  website: z.string().max(0, 'Deje este campo vacío.').optional(),
};

/** `?page=` of a staff list: 1 and up. */
export const pageParam = z
  .string()
  .regex(/^\d{1,6}$/, 'Página: debe ser un número entero.')
  .transform(Number)
  .pipe(z.number().min(1, 'Página: la primera es 1.'))
  .optional();

/** `?q=` of a staff list: the text searched. */
export const searchParam = z.string().trim().max(200, 'Buscar: máximo 200 caracteres.').optional();

/** One page of a staff list of `item`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

const requesterSchema = z
  .object(
    {
      kind: z.enum(REQUESTER_KIND_VALUES, { error: 'Tipo de solicitante: elija una opción.' }),
      documentType: z.preprocess(
        (v) => (v === '' || v === null ? undefined : v),
        z.enum(DOCUMENT_TYPE_VALUES, { error: 'Tipo de documento: elija una opción de la lista.' }).optional(),
      ),
      documentNumber: optionalText('Número de documento', LIMITS.documentNumber).refine(
        (s) => s === undefined || /^[A-Za-z0-9.-]{3,20}$/.test(s),
        'Número de documento: use solo letras, dígitos, puntos o guiones (3 a 20).',
      ),
      name: optionalText('Nombre', LIMITS.name),
      email: optionalEmail(),
      phone: optionalText('Teléfono', LIMITS.phone).refine(
        (s) => s === undefined || (/^[0-9+()\s-]+$/.test(s) && (s.match(/\d/g)?.length ?? 0) >= 7),
        'Teléfono: escriba al menos 7 dígitos (se permiten +, espacios, guiones y paréntesis).',
      ),
      address: optionalText('Dirección', LIMITS.address),
      city: optionalText('Municipio', LIMITS.city),
    },
    { error: 'Solicitante: faltan los datos del solicitante.' },
  )
  .superRefine((r, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (r.kind === 'anonimo') return;
    if (!r.name) issue('name', r.kind === 'juridica' ? 'Razón social: es obligatoria.' : 'Nombre: es obligatorio (o elija radicar como anónimo).');
    if (r.documentNumber && !r.documentType) issue('documentType', 'Tipo de documento: elija el tipo del número que escribió.');
    if (r.documentType && !r.documentNumber) issue('documentNumber', 'Número de documento: escríbalo o quite el tipo de documento.');
    if (r.kind === 'juridica' && r.documentType && r.documentType !== 'NIT')
      issue('documentType', 'Tipo de documento: una persona jurídica se identifica con NIT.');
    if (r.kind !== 'juridica' && r.documentType === 'NIT')
      issue('documentType', 'Tipo de documento: el NIT es solo para personas jurídicas.');
  })
  // An anonymous request keeps no personal data, even if some was typed.
  .transform((r) => (r.kind === 'anonimo' ? { kind: r.kind } : r));

/** The body of `POST /api/pqrs` (the JSON body, or the `data` field of a multipart request). */
export const pqrsInputSchema = z
  .object(
    {
      type: z.enum(PQRS_TYPE_VALUES, { error: 'Tipo de solicitud: elija petición, queja, reclamo, etc.' }),
      subject: text('Asunto', LIMITS.subject, MIN_LENGTHS.subject),
      description: text('Descripción', LIMITS.description, MIN_LENGTHS.description),
      responseChannel: z.enum(RESPONSE_CHANNEL_VALUES, {
        error: 'Medio de respuesta: elija correo electrónico, correo postal o consulta en línea.',
      }),
      ...consentFields,
      requester: requesterSchema,
      /** The solved proof-of-work payload (when the challenge is on). */
      altcha: z.string().max(2000).optional(),
    },
    { error: 'El cuerpo de la solicitud debe ser un objeto JSON.' },
  )
  .superRefine((p, ctx) => {
    const r = p.requester;
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (r.kind === 'anonimo' && p.responseChannel !== 'online')
      issue(['responseChannel'], 'Medio de respuesta: una solicitud anónima solo se consulta en línea con el radicado y el código.');
    if (r.kind !== 'anonimo' && p.responseChannel === 'email' && !r.email)
      issue(['requester', 'email'], 'Correo electrónico: es necesario para recibir la respuesta por correo.');
    if (r.kind !== 'anonimo' && p.responseChannel === 'postal') {
      if (!r.address) issue(['requester', 'address'], 'Dirección: es necesaria para recibir la respuesta por correo postal.');
      if (!r.city) issue(['requester', 'city'], 'Municipio: es necesario para recibir la respuesta por correo postal.');
    }
  });

export type PqrsInput = z.input<typeof pqrsInputSchema>;
export type PqrsData = z.output<typeof pqrsInputSchema>;

export const pqrsCreatedSchema = z.object({
  radicado: z.string(),
  trackingCode: z.string(),
  receivedAt: z.string(),
  effectiveReceipt: z.string(),
  dueDate: z.string(),
  businessDays: z.number(),
  type: z.enum(PQRS_TYPE_VALUES),
});
export type PqrsCreated = z.infer<typeof pqrsCreatedSchema>;

export const errorSchema = z.object({
  error: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
  code: z.string().optional(),
});
export type ApiErrorBody = z.infer<typeof errorSchema>;
