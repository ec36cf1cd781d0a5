/** Closure days declared by the entity (table `closure_days`), and the rules built from them. */
import { perDb, type Db } from '../db/index.ts';
import { isIsoDate, type CalendarRules } from './calendar.ts';

/** A day the entity declared closed, with the reason staff gave. */
export interface ClosureDay {
  date: string;
  reason: string;
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
  };
}

const stmts = perDb(prepare);

/** The closure days of each database; closures change only through this module, which drops it. */
const closures = new WeakMap<Db, ReadonlySet<string>>();

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

/**
 * The calendar rules in force now. The closure set is kept until a closure day is added or
 * removed, so a day staff just closed applies to the very next request; keeping the same set
 * also lets the calendar reuse the deadlines it computed with it.
 */
export function calendarRules(db: Db, cutoffHour?: number): CalendarRules {
  let closureDays = closures.get(db);
  if (!closureDays) {
    closureDays = new Set(stmts(db).dates.all());
    closures.set(db, closureDays);
  }
  return { closureDays, cutoffHour };
}
