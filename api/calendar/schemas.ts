/** Wire shapes of /api/calendar; the widgets import the inferred types with `import type`. */
import { z } from 'zod';
import { PQRS_TYPE_VALUES } from '../pqrs/catalog.ts';
import { bogotaDate } from './calendar.ts';
import { FIRST_YEAR, LAST_YEAR, canonicalRule, parseRule } from './holidays.ts';

/** Ley 51 de 1983 applies from 1984; the calendar answers up to 2100. */
export const MIN_YEAR = FIRST_YEAR;
export const MAX_YEAR = LAST_YEAR;
const YEAR_RANGE = `El año debe estar entre ${MIN_YEAR} y ${MAX_YEAR}`;

// Query values arrive as strings; parsing them by hand (not z.coerce) keeps "missing" and
// "not a number" apart, so each gets its own message.
export const holidaysQuery = z.object({
  year: z
    .string({ error: (iss) => (iss.input === undefined ? 'El año es obligatorio' : 'El año debe ser un número') })
    .regex(/^\d+$/, 'El año debe ser un número entero')
    .transform(Number)
    .pipe(z.number().min(MIN_YEAR, YEAR_RANGE).max(MAX_YEAR, YEAR_RANGE)),
});

export const holidaySchema = z.object({
  date: z.iso.date(),
  name: z.string(),
  /** The legal reference: law and article. */
  source: z.string(),
  /** The rule it comes from: MM-DD, MM-DD trasladable, pascua±N or AAAA-MM-DD. */
  rule: z.string(),
  /** Added by an administrator after a law newer than the software. */
  added: z.boolean(),
});
export const holidaysResponse = z.array(holidaySchema);
export type HolidayList = z.infer<typeof holidaysResponse>;

const pqrsType = z.enum(PQRS_TYPE_VALUES, {
  error: (iss) =>
    iss.input === undefined
      ? 'El tipo de solicitud es obligatorio'
      : `El tipo de solicitud debe ser uno de: ${PQRS_TYPE_VALUES.join(', ')}`,
});

export const deadlineQuery = z.object({
  type: pqrsType,
  /** When the request was received; now when absent. */
  receivedAt: z.iso
    .datetime({
      offset: true,
      error:
        'La fecha de recepción debe ser una fecha y hora ISO 8601 con zona horaria (ej. 2026-12-04T15:00:00-05:00)',
    })
    .transform((value) => new Date(value))
    .refine((instant) => {
      const year = Number(bogotaDate(instant).slice(0, 4));
      return year >= MIN_YEAR && year <= MAX_YEAR;
    }, `La fecha de recepción debe estar entre ${MIN_YEAR} y ${MAX_YEAR}`)
    .optional(),
});

export const deadlineResponse = z.object({
  type: pqrsType,
  /** The instant of receipt, in UTC. */
  receivedAt: z.iso.datetime(),
  /** The business day the request counts as received (Bogotá). */
  effectiveReceipt: z.iso.date(),
  businessDays: z.number().int(),
  /** The last business day to answer. */
  dueDate: z.iso.date(),
});
export type Deadline = z.infer<typeof deadlineResponse>;

const yearField = (label: string) =>
  z
    .number({ error: `${label}: escriba un año (número entero)` })
    .int(`${label}: escriba un año (número entero)`)
    .min(MIN_YEAR, `${label}: debe estar entre ${MIN_YEAR} y ${MAX_YEAR}`)
    .max(MAX_YEAR, `${label}: debe estar entre ${MIN_YEAR} y ${MAX_YEAR}`);

/**
 * A national holiday an administrator adds after a new law: a rule (fixed date, moved to Monday
 * or not, or days from Easter) with the years it applies, or a single date (its year then is
 * the first and last year).
 */
export const holidayInput = z
  .object(
    {
      name: z
        .string({ error: 'Nombre: escriba el nombre del festivo.' })
        .trim()
        .min(3, 'Nombre: escriba el nombre del festivo (al menos 3 caracteres).')
        .max(120, 'Nombre: máximo 120 caracteres.'),
      rule: z
        .string({ error: 'Regla: escriba la fecha o la regla del festivo.' })
        .trim()
        .min(1, 'Regla: escriba la fecha o la regla del festivo.')
        .max(40, 'Regla: máximo 40 caracteres.')
        .superRefine((value, ctx) => {
          const parsed = parseRule(value);
          if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', message: `Regla: ${parsed}.` });
        })
        .transform(canonicalRule),
      source: z
        .string({ error: 'Referencia legal: escriba la ley o el decreto que crea el festivo.' })
        .trim()
        .min(5, 'Referencia legal: escriba la ley o el decreto que crea el festivo (ej. Ley 2578 de 2026, art. 6).')
        .max(200, 'Referencia legal: máximo 200 caracteres.'),
      fromYear: yearField('Primer año').optional(),
      untilYear: yearField('Último año').nullable().optional(),
    },
    { error: 'Envíe el nombre, la regla, la referencia legal y el primer año del festivo.' },
  )
  // Runs even when a field failed, so the form shows every problem at once; hence the raw reads.
  .superRefine(
    (value, ctx) => {
      const input = value as Record<string, unknown>;
      const year = (k: 'fromYear' | 'untilYear') => {
        const v = input[k];
        return typeof v === 'number' && Number.isInteger(v) && v >= MIN_YEAR && v <= MAX_YEAR ? v : undefined;
      };
      const parsed = typeof input.rule === 'string' ? parseRule(input.rule) : null;
      if (parsed !== null && typeof parsed !== 'string' && parsed.kind === 'once') {
        if (parsed.year < MIN_YEAR || parsed.year > MAX_YEAR) {
          ctx.addIssue({ code: 'custom', path: ['rule'], message: `Regla: el año debe estar entre ${MIN_YEAR} y ${MAX_YEAR}.` });
        }
        for (const key of ['fromYear', 'untilYear'] as const) {
          const given = year(key);
          if (given !== undefined && given !== parsed.year) {
            const label = key === 'fromYear' ? 'Primer año' : 'Último año';
            ctx.addIssue({ code: 'custom', path: [key], message: `${label}: una fecha única vale solo en su año (${parsed.year}).` });
          }
        }
        return;
      }
      if (input.fromYear === undefined) {
        ctx.addIssue({ code: 'custom', path: ['fromYear'], message: 'Primer año: escriba el año desde el que rige el festivo.' });
      }
      const [from, until] = [year('fromYear'), year('untilYear')];
      if (from !== undefined && until !== undefined && until < from) {
        ctx.addIssue({ code: 'custom', path: ['untilYear'], message: 'Último año: no puede ser anterior al primer año.' });
      }
    },
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  )
  .transform((input) => {
    const parsed = parseRule(input.rule);
    const once = typeof parsed !== 'string' && parsed.kind === 'once' ? parsed.year : null;
    return {
      name: input.name,
      rule: input.rule,
      source: input.source,
      fromYear: once ?? input.fromYear!,
      untilYear: once ?? input.untilYear ?? null,
    };
  });
export type HolidayInput = z.input<typeof holidayInput>;

export const holidayRuleSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  rule: z.string(),
  source: z.string(),
  fromYear: z.number().int(),
  untilYear: z.number().int().nullable(),
  createdAt: z.iso.datetime(),
});
export type HolidayRuleWire = z.infer<typeof holidayRuleSchema>;

export const holidayAddedResponse = z.object({
  holiday: holidayRuleSchema,
  /** Open requests whose due date moved because the new holiday fell inside their term. */
  moved: z.number().int(),
  radicados: z.array(z.string()),
});
export type HolidayAdded = z.infer<typeof holidayAddedResponse>;
