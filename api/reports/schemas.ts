import { z } from 'zod';
import { isIsoDate } from '../calendar/calendar.ts';
import { PQRS_TYPE_VALUES } from '../pqrs/catalog.ts';
import { PQRS_CHANNEL_VALUES } from '../pqrs/channels.ts';
import { calendarPeriod, PERIOD_KIND_VALUES, type PeriodKind } from './periods.ts';

export { PERIOD_KIND_VALUES, type PeriodKind };

/** The longest period one report covers, in days: five years. */
export const MAX_PERIOD_DAYS = 5 * 366;

function date(field: string) {
  return z
    .string({ error: `${field}: es obligatoria (AAAA-MM-DD).` })
    .refine(isIsoDate, `${field}: escriba una fecha real con el formato AAAA-MM-DD.`);
}

/** The checks every period shares: `to` not before `from`, and at most five years. */
export function checkPeriod(p: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (!p.from || !p.to || !isIsoDate(p.from) || !isIsoDate(p.to)) return;
  if (p.to < p.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Hasta: debe ser igual o posterior a «Desde».' });
  else if ((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 > MAX_PERIOD_DAYS) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'Hasta: el periodo no puede pasar de cinco años.' });
  }
}

/** `?from=&to=`: Bogotá dates, both included. */
export const periodQuery = z.object({ from: date('Desde'), to: date('Hasta') }).superRefine(checkPeriod);
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

// ---- Published reports (issue 11 item 4) -------------------------------------------------

/** Where a request stands at a report's cut-off; the report's columns of the same names. */
export const STANDING_VALUES = ['answeredOnTime', 'answeredLate', 'transferred', 'withdrawn', 'overdue', 'open'] as const;

const KIND_WORDS: Record<Exclude<PeriodKind, 'personalizado'>, string> = { trimestre: 'un trimestre', semestre: 'un semestre', anio: 'un año' };

/** What staff send to publish a report: the period, and for a correction what it replaces and why. */
export const publishBody = z
  .object(
    {
      kind: z.enum(PERIOD_KIND_VALUES, { error: 'Periodo: elija trimestre, semestre, año o personalizado.' }),
      from: date('Desde'),
      to: date('Hasta'),
      /** The published report this one corrects (the latest version for the same period). */
      replaces: z.number({ error: 'Reemplaza a: indique el informe publicado que corrige.' }).int().positive().optional(),
      /** Why the replaced version was corrected; required with `replaces`, shown to the public. */
      reason: z
        .string({ error: 'Motivo de la corrección: debe ser texto.' })
        .trim()
        .max(1000, 'Motivo de la corrección: máximo 1000 caracteres.')
        .optional(),
    },
    { error: 'El cuerpo de la solicitud debe ser un objeto JSON.' },
  )
  .superRefine((p, ctx) => {
    checkPeriod(p, ctx);
    if (p.kind !== 'personalizado' && isIsoDate(p.from) && isIsoDate(p.to)) {
      const exact = calendarPeriod(p.kind, p.from);
      if (exact.from !== p.from || exact.to !== p.to) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: `Hasta: las fechas no son ${KIND_WORDS[p.kind]} completo; elija «Personalizado».` });
      }
    }
    if (p.replaces !== undefined && (p.reason ?? '').length < 10) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Motivo de la corrección: explique en al menos 10 caracteres qué se corrige.' });
    }
  });
export type PublishInput = z.output<typeof publishBody>;

/** One request for public information (type `informacion`) of the period, as it stood at the cut-off. */
export const informationRequestSchema = z.object({
  radicado: z.string(),
  /** Bogotá date of receipt. */
  receivedOn: z.string(),
  standing: z.enum(STANDING_VALUES),
  /** Bogotá date of the answer, when answered by the cut-off. */
  answeredOn: z.string().nullable(),
  /** Response time in business days (without the days the clock was stopped), when answered. */
  businessDays: z.number().int().nullable(),
  /** The answer denied access to the information (Ley 1712 de 2014, arts. 18-19). */
  denied: z.boolean(),
});
export type InformationRequest = z.infer<typeof informationRequestSchema>;

export const channelCountSchema = z.object({
  channel: z.enum(PQRS_CHANNEL_VALUES),
  label: z.string(),
  received: z.number().int(),
});

/** The figures frozen at publication. */
export const reportSnapshotSchema = z.object({
  /** The general table by type (the staff report as it stood). */
  report: reportSchema,
  /** Requests received by channel. */
  channels: z.array(channelCountSchema),
  /** Decreto 1081 de 2015 art. 2.1.1.6.2: requests for public information. */
  information: z.object({
    received: z.number().int(),
    transferred: z.number().int(),
    denied: z.number().int(),
    requests: z.array(informationRequestSchema),
  }),
});
export type ReportSnapshot = z.infer<typeof reportSnapshotSchema>;

const versionRef = z.object({ id: z.number().int(), version: z.number().int() });

export const publishedSummarySchema = z.object({
  id: z.number().int(),
  kind: z.enum(PERIOD_KIND_VALUES),
  from: z.string(),
  to: z.string(),
  version: z.number().int(),
  /** When it was published (ISO instant). */
  publishedAt: z.string(),
  /** The official who published it. */
  publishedBy: z.string(),
  /** The version this one corrects, and why. */
  replaces: versionRef.nullable(),
  reason: z.string().nullable(),
  /** The newer version that corrects this one, if any (the only thing that can appear later). */
  replacedBy: versionRef.nullable(),
});
export type PublishedSummary = z.infer<typeof publishedSummarySchema>;

export const publishedReportSchema = publishedSummarySchema.extend({ snapshot: reportSnapshotSchema });
export type PublishedReport = z.infer<typeof publishedReportSchema>;

export const publishedListSchema = z.object({ reports: z.array(publishedSummarySchema) });
export type PublishedList = z.infer<typeof publishedListSchema>;

export const publishedIdParams = z.object({
  id: z.coerce.number({ error: 'Informe: número no válido.' }).int('Informe: número no válido.').positive('Informe: número no válido.'),
});
