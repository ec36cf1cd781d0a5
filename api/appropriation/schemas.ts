/** Wire shapes of the appropriation routes (issue 13); the widgets and the admin page import the types. */
import { z } from 'zod';
import { USAGE_LIMITS, USAGE_MEASURE_VALUES, USAGE_MEASURES, USAGE_WIDGET_VALUES, USAGE_WIDGETS } from './catalog.ts';

/** The path of a page without its query or fragment (which may carry personal data). */
export function barePath(path: string): string {
  return path.replace(/[?#].*$/s, '');
}

const WIDGET = `Widget: use uno de ${Object.keys(USAGE_WIDGETS).join(', ')}.`;
const MEASURE = `Medida: use una de ${Object.keys(USAGE_MEASURES).join(', ')}.`;
const PATH = `Ruta: la ruta de la página, que empieza por / (máximo ${USAGE_LIMITS.path} caracteres).`;

/** One thing a widget saw happen on a page. */
export const usageEventInput = z.object(
  {
    widget: z.enum(USAGE_WIDGET_VALUES, { error: WIDGET }),
    measure: z.enum(USAGE_MEASURE_VALUES, { error: MEASURE }),
    // The query and the fragment are dropped here too, whatever the widget sent.
    path: z
      .string({ error: PATH })
      .max(2048, PATH)
      .transform(barePath)
      .pipe(
        z
          .string()
          .max(USAGE_LIMITS.path, PATH)
          .regex(/^\/[^\s\u0000-\u001F\u007F]*$/, PATH),
      ),
  },
  { error: 'Evento: envíe un objeto con widget, medida y ruta.' },
);
export type UsageEventInput = z.input<typeof usageEventInput>;

/** The body of `POST /api/metrics` (sent by `navigator.sendBeacon`, so often as text/plain). */
export const usageReportInput = z.object(
  {
    events: z
      .array(usageEventInput, { error: 'Eventos: envíe una lista.' })
      .max(USAGE_LIMITS.events, `Eventos: máximo ${USAGE_LIMITS.events} por envío.`),
  },
  { error: 'Envíe { "events": [...] }.' },
);
export type UsageReportInput = z.input<typeof usageReportInput>;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const month = (field: string) => z.string({ error: `${field}: use el formato AAAA-MM.` }).regex(MONTH, `${field}: use el formato AAAA-MM, por ejemplo 2026-01.`);

/** The longest period the dashboard compares, in months. */
export const MAX_PERIOD_MONTHS = 36;

/** `?from=YYYY-MM&to=YYYY-MM` (both included); absent: the current Bogotá month. */
export const appropriationQuery = z
  .object({ from: month('Desde').optional(), to: month('Hasta').optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'Hasta: debe ser igual o posterior a Desde.' });

/** A period of whole months, both included. */
export const monthPeriodSchema = z.object({ from: z.string(), to: z.string() });
export type MonthPeriod = z.infer<typeof monthPeriodSchema>;

/** How a figure reads: a count, a number of business days, minutes, hours, or a score (1 to 5). */
export const FIGURE_UNITS = ['count', 'businessDays', 'minutes', 'hours', 'score'] as const;

/** One figure of a tool over the period, the previous period and the same period a year before. */
export const appropriationFigureSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.enum(FIGURE_UNITS),
  current: z.number().nullable(),
  previous: z.number().nullable(),
  previousYear: z.number().nullable(),
  /** The figure of each month of the current period (as `months`), for the charts. */
  series: z.array(z.number().nullable()),
});
export type AppropriationFigure = z.infer<typeof appropriationFigureSchema>;

export const TOOL_VALUES = ['pqrs', 'surveys', 'chat', 'mailbox', 'tracker', 'events'] as const;
export type AppropriationTool = (typeof TOOL_VALUES)[number];

export const appropriationToolSchema = z.object({
  tool: z.enum(TOOL_VALUES),
  label: z.string(),
  figures: z.array(appropriationFigureSchema),
});

/** Counts of a widget's measures (shown → started → completed, and the errors seen). */
export const funnelCountsSchema = z.object({
  shown: z.number().int(),
  started: z.number().int(),
  completed: z.number().int(),
  validation_error: z.number().int(),
  connection_error: z.number().int(),
});
export type FunnelCounts = z.infer<typeof funnelCountsSchema>;

export const funnelSchema = z.object({
  widget: z.enum(USAGE_WIDGET_VALUES),
  label: z.string(),
  current: funnelCountsSchema,
  previous: funnelCountsSchema,
  previousYear: funnelCountsSchema,
  /** The current period's counts on phones (the rest are other devices). */
  phone: funnelCountsSchema,
  /** Per page (origin + path), most shown first. */
  pages: z.array(z.object({ page: z.string(), counts: funnelCountsSchema })),
});
export type Funnel = z.infer<typeof funnelSchema>;

/** `GET /api/admin/appropriation`. */
export const appropriationSchema = z.object({
  period: monthPeriodSchema,
  previous: monthPeriodSchema,
  previousYear: monthPeriodSchema,
  /** The months of the period, in order (the `series` of every figure follow them). */
  months: z.array(z.string()),
  /** When the figures of the period were computed last (the oldest month's computation). */
  computedAt: z.string(),
  /** Whether usage counting is on (Ajustes). */
  collecting: z.boolean(),
  tools: z.array(appropriationToolSchema),
  funnels: z.array(funnelSchema),
});
export type Appropriation = z.infer<typeof appropriationSchema>;
