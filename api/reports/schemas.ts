import { z } from 'zod';
import { isIsoDate } from '../calendar/calendar.ts';
import { PQRS_TYPE_VALUES } from '../pqrs/catalog.ts';
import { PQRS_CHANNEL_VALUES } from '../pqrs/catalog.ts';

/** The longest period one report covers, in days: five years. */
export const MAX_PERIOD_DAYS = 5 * 366;

function date(field: string) {
  return z
    .string({ error: `${field}: es obligatoria (AAAA-MM-DD).` })
    .refine(isIsoDate, `${field}: escriba una fecha real con el formato AAAA-MM-DD.`);
}

/** `?from=&to=`: Bogotá dates, both included. */
export const periodQuery = z
  .object({ from: date('Desde'), to: date('Hasta') })
  .superRefine((p, ctx) => {
    if (!isIsoDate(p.from) || !isIsoDate(p.to)) return;
    if (p.to < p.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Hasta: debe ser igual o posterior a «Desde».' });
    else if ((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 > MAX_PERIOD_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'Hasta: el periodo no puede pasar de cinco años.' });
    }
  });
export type Period = z.output<typeof periodQuery>;

export const reportRowSchema = z.object({
  /** A PQRSD type, or `total`. */
  type: z.union([z.enum(PQRS_TYPE_VALUES), z.literal('total')]),
  label: z.string(),
  /** Received in the period (by the Bogotá date of receipt). */
  received: z.number().int(),
  /** Of those, answered by the cut-off, on or before their due date. */
  answeredOnTime: z.number().int(),
  /** Answered by the cut-off, after their due date. */
  answeredLate: z.number().int(),
  /** Not answered at the cut-off and still within their term (or with the clock stopped). */
  open: z.number().int(),
  /** Not answered at the cut-off and past their due date. */
  overdue: z.number().int(),
  /** Transferred to the competent entity (art. 21) by the cut-off. */
  transferred: z.number().int(),
  /** Archived for desistimiento (art. 17) by the cut-off. */
  withdrawn: z.number().int(),
  /** Answered denying access to the information (Ley 1712 de 2014); part of the answered ones. */
  denied: z.number().int(),
  /** Business days from effective receipt to answer, without the days the clock was stopped. */
  avgBusinessDays: z.number().nullable(),
  maxBusinessDays: z.number().int().nullable(),
});

export const reportSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** The instant the report describes: the end of `to`, or now if that is earlier. */
  asOf: z.string(),
  rows: z.array(reportRowSchema),
  total: reportRowSchema,
  /** Received in the period by the channel they came in by (every channel, in PQRS_CHANNELS order). */
  channels: z.array(z.object({ channel: z.enum(PQRS_CHANNEL_VALUES), label: z.string(), received: z.number().int() })),
});
export type ReportRow = z.infer<typeof reportRowSchema>;
export type PqrsReport = z.infer<typeof reportSchema>;
