/**
 * Business days and legal deadlines (DOMAIN.md section 1) on YYYY-MM-DD strings.
 * Dates are handled as UTC midnights and instants are shifted to Bogotá by hand, so the
 * result never depends on the time zone of the process running it.
 */
import { NATIONAL_CALENDAR, type HolidayCalendar } from './holidays.ts';

/** What makes a day non-working beyond weekends. */
export interface CalendarRules {
  /** Days the entity declared closed (YYYY-MM-DD). */
  closureDays: ReadonlySet<string>;
  /**
   * The national holidays: the law's rules plus those an administrator added
   * (api/calendar/store.ts `calendarRules`); the built-in rules when absent.
   */
  holidays?: HolidayCalendar;
  /** Bogotá hour (0-23) from which a request counts as received the next business day. */
  cutoffHour?: number;
}

const DAY_MS = 86_400_000;
/** America/Bogota is UTC-5 all year: Colombia has had no daylight saving since 1993. */
const BOGOTA_OFFSET_MS = -5 * 3_600_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written YYYY-MM-DD (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return toIso(ms) === value;
}

/** Throws on anything but a real YYYY-MM-DD date, so a typo can never shift a deadline. */
function checkDate(date: string): string {
  if (!isIsoDate(date)) throw new RangeError(`Fecha inválida (se espera AAAA-MM-DD): ${date}`);
  return date;
}

/** UTC midnight of a YYYY-MM-DD date. */
function toMs(date: string): number {
  return Date.parse(`${checkDate(date)}T00:00:00Z`);
}

/** A UTC midnight timestamp as YYYY-MM-DD. */
function toIso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The instant shifted so that its UTC fields read as Bogotá wall-clock time. */
function bogotaWallClock(instant: Date): Date {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Fecha y hora inválida');
  return new Date(ms + BOGOTA_OFFSET_MS);
}

/** The calendar date (YYYY-MM-DD) of an instant in Bogotá. */
export function bogotaDate(instant: Date): string {
  return toIso(bogotaWallClock(instant).getTime());
}

/** Midnight in Bogotá (UTC-5, no daylight saving) of `date` plus `days`, as an ISO instant. */
export function bogotaMidnight(date: string, days = 0): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - BOGOTA_OFFSET_MS + days * DAY_MS).toISOString();
}

/** Bogotá days `from`..`to` (both included, either open) as the instants [from, to) a query filters by. */
export function bogotaDayRange(from?: string | null, to?: string | null): { from: string | null; to: string | null } {
  return { from: from ? bogotaMidnight(from) : null, to: to ? bogotaMidnight(to, 1) : null };
}

/** The hour (0-23) of an instant in Bogotá. */
export function bogotaHour(instant: Date): number {
  return bogotaWallClock(instant).getUTCHours();
}

/** Day of the week (0 Sunday .. 6 Saturday) of a UTC midnight; 1970-01-01 was a Thursday. */
function weekday(ms: number): number {
  return (((Math.floor(ms / DAY_MS) + 4) % 7) + 7) % 7;
}

// The loops below walk UTC-midnight numbers rather than strings: a deadline is computed on every
// filing and every inbox row, so each day step must stay cheap.
function isBusinessMs(ms: number, rules: CalendarRules): boolean {
  const wd = weekday(ms);
  if (wd === 0 || wd === 6) return false;
  const iso = toIso(ms);
  return !(rules.holidays ?? NATIONAL_CALENDAR).isHoliday(iso) && !rules.closureDays.has(iso);
}

function nextBusinessMs(ms: number, rules: CalendarRules): number {
  do ms += DAY_MS;
  while (!isBusinessMs(ms, rules));
  return ms;
}

/** Monday to Friday, not a national holiday and not a declared closure day. */
export function isBusinessDay(date: string, rules: CalendarRules): boolean {
  return isBusinessMs(toMs(date), rules);
}

/** The dates d with from < d <= to (YYYY-MM-DD), empty when `to` is not after `from`. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let ms = toMs(from) + DAY_MS, end = toMs(to); ms <= end; ms += DAY_MS) out.push(toIso(ms));
  return out;
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: string, rules: CalendarRules): string {
  return toIso(nextBusinessMs(toMs(date), rules));
}

/**
 * A memo per calendar: per holiday rules and closure set. Both are replaced, never changed, when
 * staff add a holiday or close or reopen a day, so a new calendar starts afresh.
 */
function memoFor<T>(
  store: WeakMap<HolidayCalendar, WeakMap<ReadonlySet<string>, T>>,
  rules: CalendarRules,
  make: () => T,
): T {
  const cal = rules.holidays ?? NATIONAL_CALENDAR;
  let byClosures = store.get(cal);
  if (!byClosures) store.set(cal, (byClosures = new WeakMap()));
  let memo = byClosures.get(rules.closureDays);
  if (!memo) byClosures.set(rules.closureDays, (memo = make()));
  return memo;
}

/** addBusinessDays answers per calendar: every filing of a day asks the same few questions. */
const sums = new WeakMap<HolidayCalendar, WeakMap<ReadonlySet<string>, Map<string, string>>>();

/** The `n`-th business day after `date` (`date` itself when n is 0). */
export function addBusinessDays(date: string, n: number, rules: CalendarRules): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Número de días hábiles inválido: ${n}`);
  const memo = memoFor(sums, rules, () => new Map<string, string>());
  const key = `${date}+${n}`;
  let result = memo.get(key);
  if (result === undefined) {
    let ms = toMs(date);
    for (let i = 0; i < n; i++) ms = nextBusinessMs(ms, rules);
    result = toIso(ms);
    if (memo.size >= 10_000) memo.clear();
    memo.set(key, result);
  }
  return result;
}

/**
 * The date a request received at `instant` counts as received: its Bogotá date when that is a
 * business day (and, with a cut-off hour, before it), otherwise the next business day.
 */
export function effectiveReceipt(instant: Date, rules: CalendarRules): string {
  const date = bogotaDate(instant);
  const beforeCutoff = rules.cutoffHour === undefined || bogotaHour(instant) < rules.cutoffHour;
  return isBusinessDay(date, rules) && beforeCutoff ? date : nextBusinessDay(date, rules);
}

/** Effective receipt and due date of a request: the term runs from the day after receipt. */
export function computeDeadline(
  instant: Date,
  businessDays: number,
  rules: CalendarRules,
): { effectiveReceipt: string; dueDate: string } {
  const receipt = effectiveReceipt(instant, rules);
  return { effectiveReceipt: receipt, dueDate: addBusinessDays(receipt, businessDays, rules) };
}

/** Per calendar and year: cum[i] = business days among the first i days of the year. */
const yearTables = new WeakMap<HolidayCalendar, WeakMap<ReadonlySet<string>, Map<number, Uint16Array>>>();

function yearTable(year: number, rules: CalendarRules): Uint16Array {
  const tables = memoFor(yearTables, rules, () => new Map<number, Uint16Array>());
  let cum = tables.get(year);
  if (!cum) {
    const start = Date.UTC(year, 0, 1);
    const days = (Date.UTC(year + 1, 0, 1) - start) / DAY_MS;
    cum = new Uint16Array(days + 1);
    for (let i = 0; i < days; i++) cum[i + 1] = cum[i]! + (isBusinessMs(start + i * DAY_MS, rules) ? 1 : 0);
    tables.set(year, cum);
  }
  return cum;
}

/** Business days from 1 January of the date's year up to and including the date. */
function countThrough(ms: number, rules: CalendarRules): number {
  const year = new Date(ms).getUTCFullYear();
  return yearTable(year, rules)[(ms - Date.UTC(year, 0, 1)) / DAY_MS + 1]!;
}

/**
 * Business days d with from < d <= to, negative when `to` is before `from`: for "business
 * days left" from today to a due date (0 on the due date itself, negative once overdue).
 * Counted from per-year running totals, so an inbox page of long-overdue requests stays cheap.
 */
export function businessDaysBetween(from: string, to: string, rules: CalendarRules): number {
  const start = toMs(from);
  const end = toMs(to);
  if (end < start) return -businessDaysBetween(to, from, rules);
  const [y0, y1] = [new Date(start).getUTCFullYear(), new Date(end).getUTCFullYear()];
  let count = countThrough(end, rules) - countThrough(start, rules);
  for (let y = y0; y < y1; y++) count += yearTable(y, rules).at(-1)!;
  return count;
}
