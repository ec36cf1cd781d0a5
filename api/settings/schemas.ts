/** Wire shapes of the settings routes; the admin page and the widgets import the types. */
import { z } from 'zod';
import { PQRS_TYPE_VALUES } from '../pqrs/catalog.ts';

// Control characters other than tab and line breaks have no place in these texts.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function text(field: string, max: number, required: boolean) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? `${field}: es obligatorio.` : `${field}: debe ser un texto.`) })
    .transform((s) => s.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(required ? 1 : 0, `${field}: es obligatorio.`)
        .max(max, `${field}: máximo ${max} caracteres.`)
        .refine((s) => !CONTROL.test(s), `${field}: contiene caracteres no permitidos.`),
    );
}

/** An optional text: absent or null is stored as an empty string. */
function optionalText(field: string, max: number) {
  return z.preprocess((v) => v ?? '', text(field, max, false));
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

const hhmm = (field: string) =>
  z
    .string({ error: `${field}: use el formato HH:MM (24 horas).` })
    .regex(HHMM, `${field}: use el formato HH:MM (24 horas), por ejemplo 08:00.`);

export const officeHoursSchema = z
  .object({
    /** ISO weekday: 1 Monday … 7 Sunday. */
    day: z
      .number({ error: 'Día: debe ser un número de 1 (lunes) a 7 (domingo).' })
      .int('Día: debe ser un número de 1 (lunes) a 7 (domingo).')
      .min(1, 'Día: debe ser un número de 1 (lunes) a 7 (domingo).')
      .max(7, 'Día: debe ser un número de 1 (lunes) a 7 (domingo).'),
    from: hhmm('Desde'),
    to: hhmm('Hasta'),
  })
  // Compared only when both are well formed; otherwise their own message says what is wrong.
  .refine((h) => !HHMM.test(h.from) || !HHMM.test(h.to) || h.from < h.to, {
    path: ['to'],
    message: 'Hasta: debe ser posterior a la hora de inicio.',
  });
export type OfficeHours = z.infer<typeof officeHoursSchema>;

/** The chat settings when admins have saved none (issue 5). */
export const CHAT_SETTING_DEFAULTS = { chatWaitNoticeMinutes: 3, chatIdleCloseMinutes: 15 } as const;

/** A whole number of minutes in [min, max]; absent or null: `fallback`. */
function minutes(field: string, min: number, max: number, fallback: number) {
  const message = `${field}: debe ser un número entero de ${min} a ${max} minutos.`;
  return z
    .number({ error: message })
    .int(message)
    .min(min, message)
    .max(max, message)
    .nullable()
    .optional()
    .transform((v) => v ?? fallback);
}

const REVIEW_TYPES = `Tipos con revisión: use una lista con ${PQRS_TYPE_VALUES.join(', ')}.`;

/** The body of `PUT /api/admin/settings`: the whole set, replacing the previous one. */
export const settingsInput = z.object(
  {
    entityName: text('Nombre de la entidad', 200, true),
    contactEmail: optionalText('Correo de contacto', 254).refine(
      (s) => s === '' || z.email().safeParse(s).success,
      'Correo de contacto: escriba una dirección válida, por ejemplo atencion@ecam.gov.co.',
    ),
    contactPhone: optionalText('Teléfono de contacto', 60),
    contactAddress: optionalText('Dirección de contacto', 200),
    radicadoPrefix: z
      .string({ error: 'Prefijo del radicado: es obligatorio.' })
      .transform((s) => s.trim().toUpperCase())
      .pipe(z.string().regex(/^[A-Z0-9]{1,12}$/, 'Prefijo del radicado: de 1 a 12 letras (sin tildes) o dígitos.')),
    officeHours: z
      .array(officeHoursSchema, { error: 'Horario de atención: debe ser una lista de franjas.' })
      .max(28, 'Horario de atención: máximo 28 franjas.')
      .superRefine((hours, ctx) => {
        // Two slots of the same day may touch but not overlap.
        const sorted = hours.map((h, i) => ({ ...h, i })).sort((a, b) => a.day - b.day || a.from.localeCompare(b.from));
        for (let k = 1; k < sorted.length; k++) {
          const [prev, cur] = [sorted[k - 1]!, sorted[k]!];
          if (prev.day === cur.day && cur.from < prev.to) {
            ctx.addIssue({ code: 'custom', path: [cur.i, 'from'], message: 'Desde: se cruza con otra franja del mismo día.' });
          }
        }
      }),
    /** Hour (0-23, Bogotá) after which a filing counts as received the next business day; null: none. */
    cutoffHour: z
      .number({ error: 'Hora de corte: debe ser un número de 0 a 23, o vacía.' })
      .int('Hora de corte: debe ser un número entero de 0 a 23.')
      .min(0, 'Hora de corte: debe ser un número de 0 a 23.')
      .max(23, 'Hora de corte: debe ser un número de 0 a 23.')
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    /** The slug of the satisfaction survey the tracker offers on answered requests; null: none. */
    pqrsSurvey: z
      .string({ error: 'Encuesta de satisfacción: debe ser el identificador de una encuesta, o vacía.' })
      .trim()
      .max(80, 'Encuesta de satisfacción: máximo 80 caracteres.')
      .nullable()
      .optional()
      .transform((v) => (v ? v : null)),
    /** Minutes a waiting citizen waits before the chat offers the mailbox (absent: the default). */
    chatWaitNoticeMinutes: minutes('Aviso de espera del chat', 1, 60, CHAT_SETTING_DEFAULTS.chatWaitNoticeMinutes),
    /** Minutes without messages after which the server closes an active chat (absent: the default). */
    chatIdleCloseMinutes: minutes('Cierre por inactividad del chat', 1, 240, CHAT_SETTING_DEFAULTS.chatIdleCloseMinutes),
    /** The slug of the satisfaction survey the chat offers once after closing; null: none. */
    chatSurvey: z
      .string({ error: 'Encuesta del chat: debe ser el identificador de una encuesta, o vacía.' })
      .trim()
      .max(80, 'Encuesta del chat: máximo 80 caracteres.')
      .nullable()
      .optional()
      .transform((v) => (v ? v : null)),
    /** PQRSD types whose answers wait for a reviewer's approval before they are sent (absent: none). */
    reviewTypes: z
      .array(z.enum(PQRS_TYPE_VALUES, { error: REVIEW_TYPES }), { error: REVIEW_TYPES })
      .nullable()
      .optional()
      // Stored in the catalog's order, without repeats, so the same choice always looks the same.
      .transform((v) => PQRS_TYPE_VALUES.filter((t) => v?.includes(t))),
    /**
     * Whether the widgets' usage counts are collected (issue 13; api/appropriation). Absent: what
     * is saved stays (a form that does not show it never turns counting back on).
     */
    usageMetrics: z.boolean({ error: 'Conteo de uso de los widgets: debe ser verdadero o falso.' }).optional(),
  },
  { error: 'Envíe la configuración completa.' },
);

/** The settings in force: the defaults of api/config.ts overridden by what admins saved. */
export const settingsSchema = z.object({
  entityName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string(),
  contactAddress: z.string(),
  radicadoPrefix: z.string(),
  officeHours: z.array(z.object({ day: z.number().int(), from: z.string(), to: z.string() })),
  cutoffHour: z.number().int().nullable(),
  pqrsSurvey: z.string().nullable(),
  chatWaitNoticeMinutes: z.number().int(),
  chatIdleCloseMinutes: z.number().int(),
  chatSurvey: z.string().nullable(),
  reviewTypes: z.array(z.enum(PQRS_TYPE_VALUES)),
  usageMetrics: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

/** `GET /api/settings/public`: what the widgets' data notice shows. */
export const publicSettingsSchema = z.object({
  entityName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string(),
  contactAddress: z.string(),
  policyUrl: z.string(),
  policyVersion: z.string(),
  /** The intake's attachment limits, so the form checks what the server will enforce. */
  attachments: z.object({ maxFiles: z.number().int(), maxFileBytes: z.number().int() }),
});
export type PublicSettings = z.infer<typeof publicSettingsSchema>;

export const closureDaySchema = z.object({ date: z.string(), reason: z.string() });

export const closureDayInput = z.object(
  {
    date: z.iso.date({ error: 'Fecha: use el formato AAAA-MM-DD.' }),
    reason: optionalText('Motivo', 200),
  },
  { error: 'Envíe la fecha del día de cierre.' },
);

export const closureDayParams = z.object({
  date: z.iso.date({ error: 'Fecha: use el formato AAAA-MM-DD.' }),
});
