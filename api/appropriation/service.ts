/**
 * The dashboard's figures for a period of months (issue 13 item 3): each tool's use and quality
 * for the period, the previous period of the same length and the same months a year before, and
 * the funnel of each widget. Reads only the rollups (appropriation_monthly, and usage_monthly for
 * a month not over yet), never the work tables.
 */
import type { Config } from '../config.ts';
import { spreadsheetCsv } from '../csv.ts';
import type { Db } from '../db/index.ts';
import { PQRS_CHANNELS } from '../pqrs/channels.ts';
import { getSettings } from '../settings/store.ts';
import { USAGE_MEASURE_VALUES, USAGE_MEASURES, USAGE_WIDGET_VALUES, USAGE_WIDGETS, type UsageMeasure, type UsageWidget } from './catalog.ts';
import { addMonths, monthsBetween } from './months.ts';
import { bogotaMonth, monthFigures, USAGE_FIGURE } from './rollup.ts';
import type {
  Appropriation,
  AppropriationFigure,
  AppropriationTool,
  Funnel,
  FunnelCounts,
  MonthPeriod,
} from './schemas.ts';
import { FIGURE_UNITS } from './schemas.ts';

type Figures = Map<string, number>;
type Unit = (typeof FIGURE_UNITS)[number];

/** One figure: how it reads off a period's summed rollup. */
interface FigureDef {
  key: string;
  label: string;
  unit: Unit;
  value: (f: Figures) => number | null;
}

const get = (f: Figures, key: string) => f.get(key) ?? 0;
const ratio = (num: string, den: string, scale = 1, decimals = 1) => (f: Figures) => {
  const d = get(f, den);
  if (d === 0) return null;
  const p = 10 ** decimals;
  return Math.round((get(f, num) / d / scale) * p) / p;
};

/** The q-quantile (nearest rank) of the business-day histogram `pqrs.days.<n>`. */
function daysQuantile(q: number) {
  return (f: Figures): number | null => {
    const buckets = [...f]
      .filter(([k]) => k.startsWith('pqrs.days.'))
      .map(([k, n]) => [Number(k.slice('pqrs.days.'.length)), n] as const)
      .sort((a, b) => a[0] - b[0]);
    const total = buckets.reduce((s, [, n]) => s + n, 0);
    if (total === 0) return null;
    const rank = Math.max(1, Math.ceil(q * total));
    let seen = 0;
    for (const [days, n] of buckets) {
      seen += n;
      if (seen >= rank) return days;
    }
    return null;
  };
}

/** The channels found in the data plus the known ones, known first (a new channel needs no code). */
function channelDefs(all: Figures[]): FigureDef[] {
  const found = new Set<string>(Object.keys(PQRS_CHANNELS));
  for (const f of all) for (const k of f.keys()) if (k.startsWith('pqrs.channel.')) found.add(k.slice('pqrs.channel.'.length));
  return [...found].map((c) => ({
    key: `channel.${c}`,
    label: `Radicadas por ${(PQRS_CHANNELS as Record<string, string>)[c] ?? c}`,
    unit: 'count' as const,
    value: (f: Figures) => get(f, `pqrs.channel.${c}`),
  }));
}

const count = (key: string, label: string, figure: string): FigureDef => ({ key, label, unit: 'count', value: (f) => get(f, figure) });

function toolDefs(all: Figures[]): { tool: AppropriationTool; label: string; figures: FigureDef[] }[] {
  return [
    {
      tool: 'pqrs',
      label: 'PQRSD',
      figures: [
        count('received', 'Radicadas', 'pqrs.received'),
        ...channelDefs(all),
        count('answeredOnTime', 'Respondidas a tiempo', 'pqrs.answered.onTime'),
        count('answeredLate', 'Respondidas fuera de término', 'pqrs.answered.late'),
        { key: 'medianBusinessDays', label: 'Mediana de días hábiles para responder', unit: 'businessDays', value: daysQuantile(0.5) },
        { key: 'p90BusinessDays', label: 'Percentil 90 de días hábiles para responder', unit: 'businessDays', value: daysQuantile(0.9) },
        { key: 'satisfaction', label: 'Satisfacción (promedio de 1 a 5)', unit: 'score', value: ratio('pqrs.satisfaction.sum', 'pqrs.satisfaction.count') },
        count('satisfactionAnswers', 'Calificaciones de satisfacción', 'pqrs.satisfaction.count'),
      ],
    },
    { tool: 'surveys', label: 'Encuestas', figures: [count('answers', 'Respuestas', 'surveys.answers')] },
    {
      tool: 'chat',
      label: 'Chat',
      figures: [
        count('conversations', 'Conversaciones', 'chat.conversations'),
        { key: 'averageWait', label: 'Espera promedio hasta ser atendido', unit: 'minutes', value: ratio('chat.wait.seconds', 'chat.wait.count', 60) },
        count('missed', 'Chats perdidos (sin atender)', 'chat.missed'),
        { key: 'rating', label: 'Calificación promedio (1 a 5)', unit: 'score', value: ratio('chat.rating.sum', 'chat.rating.count') },
        count('ratings', 'Calificaciones', 'chat.rating.count'),
      ],
    },
    {
      tool: 'mailbox',
      label: 'Buzón de contacto',
      figures: [
        count('messages', 'Mensajes recibidos', 'mailbox.messages'),
        count('answered', 'Mensajes respondidos', 'mailbox.answered'),
        { key: 'averageAnswer', label: 'Tiempo promedio de respuesta', unit: 'hours', value: ratio('mailbox.answer.minutes', 'mailbox.answered', 60) },
        count('converted', 'Convertidos en PQRSD', 'mailbox.converted'),
      ],
    },
    { tool: 'tracker', label: 'Consulta de estado', figures: [count('lookups', 'Consultas', 'tracker.lookups')] },
    {
      tool: 'events',
      label: 'Eventos de participación',
      figures: [
        count('registrations', 'Inscripciones', 'events.registrations'),
        count('attended', 'Asistentes', 'events.attended'),
        count('questions', 'Preguntas recibidas', 'events.questions'),
      ],
    },
  ];
}

/** The sum of several months' figures. */
function sum(months: string[], byMonth: Map<string, Figures>): Figures {
  const out: Figures = new Map();
  for (const m of months) for (const [k, v] of byMonth.get(m) ?? []) out.set(k, (out.get(k) ?? 0) + v);
  return out;
}

const emptyCounts = (): FunnelCounts => ({ shown: 0, started: 0, completed: 0, validation_error: 0, connection_error: 0 });

/** The funnels of every widget from a period's summed figures (the `usage|…` ones). */
function funnelCounts(f: Figures) {
  const total = new Map<UsageWidget, FunnelCounts>(USAGE_WIDGET_VALUES.map((w) => [w, emptyCounts()]));
  const phone = new Map<UsageWidget, FunnelCounts>(USAGE_WIDGET_VALUES.map((w) => [w, emptyCounts()]));
  const pages = new Map<UsageWidget, Map<string, FunnelCounts>>(USAGE_WIDGET_VALUES.map((w) => [w, new Map()]));
  for (const [key, n] of f) {
    if (!key.startsWith(USAGE_FIGURE)) continue;
    // usage|widget|measure|device|page (the page may itself hold "|": it is the rest).
    const [widget, measure, device, ...rest] = key.slice(USAGE_FIGURE.length).split('|') as [UsageWidget, UsageMeasure, string, ...string[]];
    // A measure or widget dropped from the catalog later is ignored, not an error.
    if (!total.has(widget) || !(measure in USAGE_MEASURES)) continue;
    total.get(widget)![measure] += n;
    if (device === 'phone') phone.get(widget)![measure] += n;
    const byPage = pages.get(widget)!;
    const page = rest.join('|');
    if (!byPage.has(page)) byPage.set(page, emptyCounts());
    byPage.get(page)![measure] += n;
  }
  return { total, phone, pages };
}

/** The period before `p`, of the same length, and the same months a year before. */
export function comparisons(p: MonthPeriod): { previous: MonthPeriod; previousYear: MonthPeriod } {
  const length = monthsBetween(p.from, p.to).length;
  return {
    previous: { from: addMonths(p.from, -length), to: addMonths(p.from, -1) },
    previousYear: { from: addMonths(p.from, -12), to: addMonths(p.to, -12) },
  };
}

/** The dashboard's data for `period` at `now`. */
export function appropriation(db: Db, config: Config, period: MonthPeriod | undefined, now: Date): Appropriation {
  const p = period ?? { from: bogotaMonth(now), to: bogotaMonth(now) };
  const { previous, previousYear } = comparisons(p);
  const months = monthsBetween(p.from, p.to);
  const prevMonths = monthsBetween(previous.from, previous.to);
  const yearMonths = monthsBetween(previousYear.from, previousYear.to);
  const { figures: byMonth, computedAt } = monthFigures(db, config, [...new Set([...yearMonths, ...prevMonths, ...months])], now);
  const current = sum(months, byMonth);
  const before = sum(prevMonths, byMonth);
  const yearBefore = sum(yearMonths, byMonth);
  const future = (m: string) => m > bogotaMonth(now);

  const tools = toolDefs([current, before, yearBefore]).map((t) => ({
    tool: t.tool,
    label: t.label,
    figures: t.figures.map(
      (d): AppropriationFigure => ({
        key: d.key,
        label: d.label,
        unit: d.unit,
        current: d.value(current),
        previous: d.value(before),
        previousYear: d.value(yearBefore),
        series: months.map((m) => (future(m) ? null : d.value(byMonth.get(m)!))),
      }),
    ),
  }));

  const cur = funnelCounts(current);
  const prev = funnelCounts(before);
  const year = funnelCounts(yearBefore);
  const funnels = USAGE_WIDGET_VALUES.map(
    (widget): Funnel => ({
      widget,
      label: USAGE_WIDGETS[widget],
      current: cur.total.get(widget)!,
      previous: prev.total.get(widget)!,
      previousYear: year.total.get(widget)!,
      phone: cur.phone.get(widget)!,
      pages: [...cur.pages.get(widget)!]
        .map(([page, counts]) => ({ page, counts }))
        .sort((a, b) => b.counts.shown - a.counts.shown || a.page.localeCompare(b.page)),
    }),
  );

  return {
    period: p,
    previous,
    previousYear,
    months,
    computedAt,
    collecting: getSettings(db, config).usageMetrics,
    tools,
    funnels,
  };
}

const UNITS: Record<Unit, string> = {
  count: 'número',
  businessDays: 'días hábiles',
  minutes: 'minutos',
  hours: 'horas',
  score: 'promedio de 1 a 5',
};

/** Every figure of the dashboard as CSV rows (header first), decimals with a comma (Excel es-CO). */
export function appropriationCsvRows(a: Appropriation): string[][] {
  const cell = (v: number | null) => (v === null ? '' : String(v).replace('.', ','));
  const label = (p: MonthPeriod) => (p.from === p.to ? p.from : `${p.from} a ${p.to}`);
  const header = [
    'Sección',
    'Indicador',
    'Unidad',
    `Periodo (${label(a.period)})`,
    `Periodo anterior (${label(a.previous)})`,
    `Mismo periodo del año anterior (${label(a.previousYear)})`,
    ...a.months,
  ];
  const rows: string[][] = [header];
  for (const t of a.tools) {
    for (const f of t.figures) rows.push([t.label, f.label, UNITS[f.unit], cell(f.current), cell(f.previous), cell(f.previousYear), ...f.series.map(cell)]);
  }
  const blank = a.months.map(() => '');
  for (const f of a.funnels) {
    for (const m of USAGE_MEASURE_VALUES) {
      rows.push([`Uso del widget: ${f.label}`, USAGE_MEASURES[m], UNITS.count, cell(f.current[m]), cell(f.previous[m]), cell(f.previousYear[m]), ...blank]);
    }
    for (const m of USAGE_MEASURE_VALUES) {
      rows.push([`Uso del widget: ${f.label} (teléfonos)`, USAGE_MEASURES[m], UNITS.count, cell(f.phone[m]), '', '', ...blank]);
    }
    for (const page of f.pages) {
      for (const m of USAGE_MEASURE_VALUES) {
        rows.push([`Uso del widget: ${f.label} en ${page.page}`, USAGE_MEASURES[m], UNITS.count, cell(page.counts[m]), '', '', ...blank]);
      }
    }
  }
  return rows;
}

export function appropriationCsv(a: Appropriation): string {
  return spreadsheetCsv(appropriationCsvRows(a));
}
