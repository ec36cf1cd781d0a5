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
import { bogotaDate, businessDaysBetween } from '../calendar/calendar.ts';
import { calendarRules } from '../calendar/store.ts';
import type { Db } from '../db/index.ts';
import { PQRS_TYPE_VALUES, PQRS_TYPES, type PqrsType } from '../pqrs/catalog.ts';
import { PQRS_CHANNEL_VALUES, PQRS_CHANNELS, type PqrsChannel } from '../pqrs/catalog.ts';
import type { PqrsState } from '../pqrs/states.ts';
import type { Period, PqrsReport, ReportRow } from './schemas.ts';

interface CohortRow {
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

/** Midnight in Bogotá (UTC-5, no daylight saving) starting `date`, as an ISO instant. */
function bogotaMidnight(date: string, plusDays = 0): string {
  return new Date(Date.parse(`${date}T00:00:00-05:00`) + plusDays * 86_400_000).toISOString();
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
  const rules = calendarRules(db);
  const start = bogotaMidnight(period.from);
  const end = bogotaMidnight(period.to, 1);
  // What happened before the end of `to` and not after now (the future has not happened yet).
  const nowIso = now.toISOString();
  const before = (instant: string | null) => instant !== null && instant < end && instant <= nowIso;
  const asOf = nowIso < end ? nowIso : end;
  const asOfDate = bogotaDate(new Date(Math.min(now.getTime(), Date.parse(end) - 1)));
  const rows = db
    .prepare<[string, string], CohortRow>(
      `SELECT type, received_at, state, effective_receipt, due_date, paused_at, paused_days, answered_at, transferred_at,
         closed_at, denied, channel
       FROM pqrs WHERE received_at >= ? AND received_at < ?`,
    )
    .all(start, end)
    .filter((r) => before(r.received_at));

  // Waiting for the citizen at the cut-off: still waiting now, or archived only after it.
  const pausedAtCutoff = (r: CohortRow) =>
    before(r.paused_at) && (r.state === 'pendiente_ciudadano' || r.state === 'desistida');

  const byType = new Map(PQRS_TYPE_VALUES.map((t) => [t, emptyRow(t, PQRS_TYPES[t].label)]));
  const total = emptyRow('total', 'Total');
  const byChannel = new Map(PQRS_CHANNEL_VALUES.map((c) => [c, 0]));

  for (const r of rows) {
    byChannel.set(r.channel, byChannel.get(r.channel)! + 1);
    for (const acc of [byType.get(r.type)!, total]) {
      const c = acc.row;
      c.received++;
      if (before(r.answered_at)) {
        const answeredOn = bogotaDate(new Date(r.answered_at!));
        if (answeredOn <= r.due_date) c.answeredOnTime++;
        else c.answeredLate++;
        if (r.denied) c.denied++;
        acc.days.push(Math.max(0, businessDaysBetween(r.effective_receipt, answeredOn, rules) - r.paused_days));
      } else if (before(r.transferred_at)) {
        c.transferred++;
      } else if (r.state === 'desistida' && before(r.closed_at)) {
        c.withdrawn++;
      } else if (asOfDate > r.due_date && !pausedAtCutoff(r)) {
        c.overdue++;
      } else {
        c.open++;
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
    asOf,
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

/** The report as CSV for a spreadsheet in Spanish (numbers with a decimal comma). */
export function reportCsv(report: PqrsReport): string {
  const cell = (v: ReportRow[keyof ReportRow]) => (v === null ? '' : typeof v === 'number' ? String(v).replace('.', ',') : v);
  return spreadsheetCsv([
    CSV_COLUMNS.map(([, header]) => header),
    ...[...report.rows, report.total].map((r) => CSV_COLUMNS.map(([key]) => cell(r[key]))),
  ]);
}
