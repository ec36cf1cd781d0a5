/** The open-data rows of the PQRSD (see schemas.ts): read straight from `pqrs`, never its personal or free-text columns. */
import { bogotaDate, bogotaMidnight } from '../calendar/calendar.ts';
import { calendarRules } from '../calendar/store.ts';
import { OPEN_DATA, toCsv } from '../csv.ts';
import { perDb, type Db } from '../db/index.ts';
import type { PqrsType } from '../pqrs/catalog.ts';
import type { PqrsChannel } from '../pqrs/channels.ts';
import type { PqrsState } from '../pqrs/states.ts';
import { answerTime, businessDayCounter } from '../reports/service.ts';
import { DICTIONARY, type OpenData, type OpenDataColumn, type OpenDataRow } from './schemas.ts';

interface Row {
  radicado: string;
  type: PqrsType;
  channel: PqrsChannel;
  received_at: string;
  effective_receipt: string;
  due_date: string;
  answered_at: string | null;
  paused_days: number;
  state: PqrsState;
  transferred_at: string | null;
  denied: number;
}

// The columns are named one by one: a new personal column in `pqrs` can never leak through here.
const stmts = perDb((db: Db) => ({
  rows: db.prepare<[string, string], Row>(
    `SELECT radicado, type, channel, received_at, effective_receipt, due_date, answered_at, paused_days, state, transferred_at, denied
     FROM pqrs WHERE received_at >= ? AND received_at < ? ORDER BY received_at, id`,
  ),
}));

/** The period asked for, or the current year in Bogotá. */
export function openDataPeriod(q: { from?: string; to?: string }, now: Date): { from: string; to: string } {
  const year = bogotaDate(now).slice(0, 4);
  return { from: q.from ?? `${year}-01-01`, to: q.to ?? `${year}-12-31` };
}

/** Every request received in the period, as it stands at `now`. */
export function openData(db: Db, period: { from: string; to: string }, now: Date): OpenData {
  const days = businessDayCounter(calendarRules(db));
  const rows = stmts(db)
    .rows.all(bogotaMidnight(period.from), bogotaMidnight(period.to, 1))
    .map((r): OpenDataRow => {
      const answer = r.answered_at === null ? null : answerTime({ ...r, answered_at: r.answered_at }, days);
      return {
        radicado: r.radicado,
        tipo: r.type,
        canal: r.channel,
        fecha_recibo: bogotaDate(new Date(r.received_at)),
        fecha_vencimiento: r.due_date,
        fecha_respuesta: answer?.answeredOn ?? null,
        estado: r.state,
        dias_habiles_respuesta: answer?.businessDays ?? null,
        respondida_a_tiempo: answer?.onTime ?? null,
        trasladada: r.transferred_at !== null,
        acceso_negado: r.denied === 1,
      };
    });
  return { from: period.from, to: period.to, generatedAt: now.toISOString(), rows };
}

const COLUMNS = DICTIONARY.columns.map((c) => c.column as OpenDataColumn);

/** The rows as CSV for the portal: UTF-8 without BOM, commas, header of column names; empty for null. */
export function openDataCsv(data: OpenData): string {
  return toCsv([COLUMNS, ...data.rows.map((r) => COLUMNS.map((c) => (r[c] === null ? '' : String(r[c]))))], OPEN_DATA);
}
