/** Closure days declared by the entity (table `closure_days`), and the rules built from them. */
import type { Db } from '../db/index.ts';
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

const statements = new WeakMap<Db, ReturnType<typeof prepare>>();

/** The prepared statements of `db`, prepared on first use. */
function stmts(db: Db): ReturnType<typeof prepare> {
  let s = statements.get(db);
  if (!s) {
    s = prepare(db);
    statements.set(db, s);
  }
  return s;
}

/** Every closure day, oldest first. */
export function listClosureDays(db: Db): ClosureDay[] {
  return stmts(db).list.all();
}

/** Declares `date` (YYYY-MM-DD) closed, or updates its reason; throws on an invalid date. */
export function addClosureDay(db: Db, date: string, reason: string): void {
  if (!isIsoDate(date)) throw new RangeError(`Fecha inválida (se espera AAAA-MM-DD): ${date}`);
  stmts(db).upsert.run({ date, reason: reason.trim() });
}

/** Reopens `date`; returns whether it was a closure day. */
export function removeClosureDay(db: Db, date: string): boolean {
  return stmts(db).remove.run(date).changes > 0;
}

/**
 * The calendar rules in force now: read on every call (a handful of rows), so a day staff
 * just closed applies to the very next request.
 */
export function calendarRules(db: Db, cutoffHour?: number): CalendarRules {
  return { closureDays: new Set(stmts(db).dates.all()), cutoffHour };
}
