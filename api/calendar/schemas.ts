/** Wire shapes of /api/calendar; the widgets import the inferred types with `import type`. */
import { z } from 'zod';
import { PQRS_TYPE_VALUES } from '../pqrs/catalog.ts';
import { bogotaDate } from './calendar.ts';

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;
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
