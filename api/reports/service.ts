/**
 * PQRSD report (DOMAIN.md section 5; Ley 1712 de 2014, Ley 1474 de 2011 art. 76).
 *
 * The cohort is every request received in [from, to] (Bogotá dates of receipt). Each one is
 * described as it stood at the cut-off, the end of `to` or now if earlier, so the report of a
 * closed period reads the same whenever it is run. At the cut-off a request is in exactly one of:
 * answered on time (Bogotá date of the answer <= its due date), answered late, transferred,
 * withdrawn (desistimiento), overdue (no answer and the cut-off date after its due date, clock
 * running), open (the rest, including those waiting for the citizen). So
 * received = answeredOnTime + answeredLate + transferred + withdrawn + overdue + open.
 * The due date is the current one (after any extension or clock stop).
 */
import { spreadsheetCsv } from '../csv.ts';
import { bogotaDate, bogotaMidnight, businessDaysBetween, type CalendarRules } from '../calendar/calendar.ts';
import { calendarRules } from '../calendar/store.ts';
import type { Db } from '../db/index.ts';
import { PQRS_TYPE_VALUES, PQRS_TYPES, type PqrsType } from '../pqrs/catalog.ts';
import { PQRS_CHANNEL_VALUES, PQRS_CHANNELS, type PqrsChannel } from '../pqrs/channels.ts';
import type { PqrsState } from '../pqrs/states.ts';
import type { Period, PqrsReport, ReportRow, STANDING_VALUES } from './schemas.ts';

/** The columns of a request the report reads. */
export interface CohortRow {
  type: PqrsType;
  received_at: string;
  state: PqrsState;
  effective_receipt: string;
  due_date: string;
  paused_at: string | null;
  paused_days: number;
  answered_at: string | null;
  transferred_at: string | null;
  closed_at: string | null;
  denied: number;
  channel: PqrsChannel;
}

/** Where a request of the cohort stands at the cut-off (see the header). */
export type Standing = (typeof STANDING_VALUES)[number];

/** The instants a report of `period` run at `now` looks at. */
export interface Cutoff {
  /** Start of `from` and end of `to`, as ISO instants. */
  start: string;
  end: string;
  /** The end of `to`, or now if that is earlier. */
  asOf: string;
  /** The Bogotá date of the cut-off. */
  asOfDate: string;
  /** Whether an instant happened before the cut-off. */
  before: (instant: string | null) => boolean;
}

export function cutoffOf(period: Period, now: Date): Cutoff {
  const start = bogotaMidnight(period.from);
  const end = bogotaMidnight(period.to, 1);
  // What happened before the end of `to` and not after now (the future has not happened yet).
  const nowIso = now.toISOString();
  const before = (instant: string | null) => instant !== null && instant < end && instant <= nowIso;
  return {
    start,
    end,
    asOf: nowIso < end ? nowIso : end,
    asOfDate: bogotaDate(new Date(Math.min(now.getTime(), Date.parse(end) - 1))),
    before,
  };
}

/** The columns of `pqrs` that `standing` reads. */
export type StandingRow = Pick<
  CohortRow,
  'state' | 'effective_receipt' | 'due_date' | 'paused_at' | 'paused_days' | 'answered_at' | 'transferred_at' | 'closed_at'
>;

/**
 * An answered request's Bogotá answer date, whether it was on time (on or before its current due
 * date) and the business days it took: from effective receipt, without the days the clock was stopped.
 */
export function answerTime(
  r: Pick<CohortRow, 'effective_receipt' | 'due_date' | 'paused_days'> & { answered_at: string },
  days: DayCounter,
): { answeredOn: string; onTime: boolean; businessDays: number } {
  const answeredOn = bogotaDate(new Date(r.answered_at));
  return {
    answeredOn,
    onTime: answeredOn <= r.due_date,
    businessDays: Math.max(0, days(r.effective_receipt, answeredOn) - r.paused_days),
  };
}

/** Business days d with from < d <= to (as `businessDaysBetween`). */
export type DayCounter = (from: string, to: string) => number;

/**
 * `businessDaysBetween` for many rows: each date's count from a fixed day is computed once, so a
 * report or dataset of thousands of requests costs one calendar walk per distinct date.
 */
export function businessDayCounter(rules: CalendarRules): DayCounter {
  const ANCHOR = '2000-01-01';
  const index = new Map<string, number>();
  const at = (date: string) => {
    let n = index.get(date);
    if (n === undefined) index.set(date, (n = businessDaysBetween(ANCHOR, date, rules)));
    return n;
  };
  return (from, to) => at(to) - at(from);
}

/**
 * Where one request stands at the cut-off, and for an answered one the Bogotá date of the answer
 * and the business days it took (from effective receipt, without the days the clock was stopped).
 */
export function standing(
  r: StandingRow,
  cut: Cutoff,
  days: DayCounter,
): { standing: Standing; answeredOn: string | null; businessDays: number | null } {
  const { before } = cut;
  if (before(r.answered_at)) {
    const a = answerTime({ ...r, answered_at: r.answered_at! }, days);
    return { standing: a.onTime ? 'answeredOnTime' : 'answeredLate', answeredOn: a.answeredOn, businessDays: a.businessDays };
  }
  // Waiting for the citizen at the cut-off: still waiting now, or archived only after it.
  const pausedAtCutoff = before(r.paused_at) && (r.state === 'pendiente_ciudadano' || r.state === 'desistida');
  const s: Standing = before(r.transferred_at)
    ? 'transferred'
    : r.state === 'desistida' && before(r.closed_at)
      ? 'withdrawn'
      : cut.asOfDate > r.due_date && !pausedAtCutoff
        ? 'overdue'
        : 'open';
  return { standing: s, answeredOn: null, businessDays: null };
}

function emptyRow(type: PqrsType | 'total', label: string) {
  return {
    row: {
      type,
      label,
      received: 0,
      answeredOnTime: 0,
      answeredLate: 0,
      open: 0,
      overdue: 0,
      transferred: 0,
      withdrawn: 0,
      denied: 0,
      avgBusinessDays: null,
      maxBusinessDays: null,
    } as ReportRow,
    days: [] as number[],
  };
}

/** The report for `period` as of `now` (see the header for the rules). */
export function pqrsReport(db: Db, period: Period, now: Date): PqrsReport {
  const days = businessDayCounter(calendarRules(db));
  const cut = cutoffOf(period, now);
  const rows = db
    .prepare<[string, string], CohortRow>(
      `SELECT type, received_at, state, effective_receipt, due_date, paused_at, paused_days, answered_at, transferred_at,
         closed_at, denied, channel
       FROM pqrs WHERE received_at >= ? AND received_at < ?`,
    )
    .all(cut.start, cut.end)
    .filter((r) => cut.before(r.received_at));

  const byType = new Map(PQRS_TYPE_VALUES.map((t) => [t, emptyRow(t, PQRS_TYPES[t].label)]));
  const total = emptyRow('total', 'Total');
  const byChannel = new Map(PQRS_CHANNEL_VALUES.map((c) => [c, 0]));

  for (const r of rows) {
    byChannel.set(r.channel, byChannel.get(r.channel)! + 1);
    for (const acc of [byType.get(r.type)!, total]) {
      const c = acc.row;
      c.received++;
      const st = standing(r, cut, days);
      c[st.standing]++;
      if (st.businessDays !== null) {
        if (r.denied) c.denied++;
        acc.days.push(st.businessDays);
      }
    }
  }

  const finish = ({ row, days }: ReturnType<typeof emptyRow>): ReportRow => ({
    ...row,
    avgBusinessDays: days.length ? Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10 : null,
    maxBusinessDays: days.length ? Math.max(...days) : null,
  });
  return {
    from: period.from,
    to: period.to,
    asOf: cut.asOf,
    rows: PQRS_TYPE_VALUES.map((t) => finish(byType.get(t)!)),
    total: finish(total),
    channels: PQRS_CHANNEL_VALUES.map((channel) => ({ channel, label: PQRS_CHANNELS[channel], received: byChannel.get(channel)! })),
  };
}

const CSV_COLUMNS: [keyof ReportRow, string][] = [
  ['label', 'Tipo de solicitud'],
  ['received', 'Recibidas'],
  ['answeredOnTime', 'Respondidas a tiempo'],
  ['answeredLate', 'Respondidas fuera de término'],
  ['open', 'Abiertas en término'],
  ['overdue', 'Vencidas sin respuesta'],
  ['transferred', 'Trasladadas a otra entidad'],
  ['withdrawn', 'Archivadas por desistimiento'],
  ['denied', 'Acceso a la información negado'],
  ['avgBusinessDays', 'Promedio de días hábiles para responder'],
  ['maxBusinessDays', 'Máximo de días hábiles para responder'],
];

/** The report's table as rows (header first), numbers with a decimal comma (Excel es-CO). */
export function reportCsvRows(report: PqrsReport): string[][] {
  const cell = (v: ReportRow[keyof ReportRow]) => (v === null ? '' : typeof v === 'number' ? String(v).replace('.', ',') : v);
  return [
    CSV_COLUMNS.map(([, header]) => header),
    ...[...report.rows, report.total].map((r) => CSV_COLUMNS.map(([key]) => cell(r[key]))),
  ];
}

/** The report as CSV for a spreadsheet in Spanish. */
export function reportCsv(report: PqrsReport): string {
  return spreadsheetCsv(reportCsvRows(report));
}
