/**
 * What the entity's calendar stores: closure days it declared (table `closure_days`) and national
 * holidays an administrator added (table `holiday_rules`), and the rules built from them.
 */
import { perDb, type Db } from '../db/index.ts';
import { isIsoDate, type CalendarRules } from './calendar.ts';
import { canonicalRule, HolidayCalendar, NATIONAL_CALENDAR, NATIONAL_RULES, type HolidayRule } from './holidays.ts';

/** A day the entity declared closed, with the reason staff gave. */
export interface ClosureDay {
  date: string;
  reason: string;
}

/** A holiday rule an administrator added, as stored. */
export interface StoredHolidayRule {
  id: number;
  name: string;
  rule: string;
  source: string;
  fromYear: number;
  untilYear: number | null;
  createdAt: string;
}

function prepare(db: Db) {
  return {
    list: db.prepare<[], ClosureDay>('SELECT date, reason FROM closure_days ORDER BY date'),
    dates: db.prepare<[], string>('SELECT date FROM closure_days').pluck(),
    // Adding a day again only updates its reason, so the admin form can be resubmitted safely.
    upsert: db.prepare<{ date: string; reason: string }>(
      `INSERT INTO closure_days (date, reason) VALUES (@date, @reason)
       ON CONFLICT (date) DO UPDATE SET reason = excluded.reason`,
    ),
    remove: db.prepare<[string]>('DELETE FROM closure_days WHERE date = ?'),
    holidayRules: db.prepare<[], StoredHolidayRule>(
      `SELECT id, name, rule, source, from_year AS fromYear, until_year AS untilYear, created_at AS createdAt
       FROM holiday_rules ORDER BY id`,
    ),
    insertHolidayRule: db.prepare<Omit<StoredHolidayRule, 'id'> & { createdBy: number | null }>(
      `INSERT INTO holiday_rules (name, rule, source, from_year, until_year, created_at, created_by)
       VALUES (@name, @rule, @source, @fromYear, @untilYear, @createdAt, @createdBy)`,
    ),
  };
}

const stmts = perDb(prepare);

/** The closure days of each database; closures change only through this module, which drops it. */
const closures = new WeakMap<Db, ReadonlySet<string>>();
/** The holiday calendar of each database; holiday rules are added only through this module. */
const calendars = new WeakMap<Db, HolidayCalendar>();

/** Every closure day, oldest first. */
export function listClosureDays(db: Db): ClosureDay[] {
  return stmts(db).list.all();
}

/** Declares `date` (YYYY-MM-DD) closed, or updates its reason; throws on an invalid date. */
export function addClosureDay(db: Db, date: string, reason: string): void {
  if (!isIsoDate(date)) throw new RangeError(`Fecha inválida (se espera AAAA-MM-DD): ${date}`);
  stmts(db).upsert.run({ date, reason: reason.trim() });
  closures.delete(db);
}

/** Reopens `date`; returns whether it was a closure day. */
export function removeClosureDay(db: Db, date: string): boolean {
  const removed = stmts(db).remove.run(date).changes > 0;
  closures.delete(db);
  return removed;
}

/** The holiday rules administrators added, oldest first. */
export function listHolidayRules(db: Db): StoredHolidayRule[] {
  return stmts(db).holidayRules.all();
}

/**
 * Stores a holiday rule (already validated: api/calendar/schemas.ts) and returns it. The next
 * `calendarRules(db)` sees it. Call it inside the caller's transaction; `forgetCalendar` after
 * the transaction ends either way, so a rolled-back rule is not kept in memory.
 */
export function insertHolidayRule(
  db: Db,
  rule: { name: string; rule: string; source: string; fromYear: number; untilYear: number | null },
  createdAt: Date,
  createdBy: number | null,
): StoredHolidayRule {
  const row = { ...rule, rule: canonicalRule(rule.rule), createdAt: createdAt.toISOString() };
  const { lastInsertRowid } = stmts(db).insertHolidayRule.run({ ...row, createdBy });
  calendars.delete(db);
  return { id: Number(lastInsertRowid), ...row };
}

/** Drops the holiday calendar kept for `db`, so the next call reads the table again. */
export function forgetCalendar(db: Db): void {
  calendars.delete(db);
}

/** The law's rules and the stored ones, as the calendar reads them. */
export function holidayRules(db: Db): HolidayRule[] {
  return [...NATIONAL_RULES, ...listHolidayRules(db).map((r) => ({ ...r, added: true }))];
}

/** The holiday calendar of `db`: the built-in one while no rule was added. */
export function holidayCalendar(db: Db): HolidayCalendar {
  let calendar = calendars.get(db);
  if (!calendar) {
    const added = listHolidayRules(db);
    calendar = added.length === 0 ? NATIONAL_CALENDAR : new HolidayCalendar(holidayRules(db));
    calendars.set(db, calendar);
  }
  return calendar;
}

/**
 * The calendar rules in force now. The closure set and the holiday calendar are kept until a
 * closure day or a holiday is added or removed, so a change applies to the very next request;
 * keeping the same objects also lets the calendar reuse the deadlines it computed with them.
 */
export function calendarRules(db: Db, cutoffHour?: number): CalendarRules {
  let closureDays = closures.get(db);
  if (!closureDays) {
    closureDays = new Set(stmts(db).dates.all());
    closures.set(db, closureDays);
  }
  return { closureDays, holidays: holidayCalendar(db), cutoffHour };
}
