/**
 * A national holiday added by an administrator moves the due dates of the open requests whose
 * term it falls in (issue 11 item 1). Terms run in business days (Ley 1755 de 2015, art. 14):
 * a request keeps the number of business days it had from its effective receipt to its current
 * due date, counted under the calendar before the new holiday, and gets them again under the
 * calendar with it. That one count covers the cases:
 * - a running clock: the legal term plus any extension and any days the clock stood still;
 * - an extension (art. 14 parágrafo): the date notified is moved too, since the business days
 *   the entity granted itself shrink by the holiday like everyone's (the double-term limit is
 *   recomputed from the calendar, so it moves the same way);
 * - a stopped clock (art. 17): the stored due date is the one the request had before the stop;
 *   it moves like any other, and the days paused are added on completion with the new calendar;
 *   a completion deadline that lands on the new holiday moves to the next business day.
 * The original (filing) due date moves the same way, as the legal term at filing under the new
 * calendar. Requests whose clock is done (answered, transferred, closed, withdrawn) stay as they
 * were. Each moved request gets a public event the citizen reads in the tracker.
 */
import type { Db } from '../db/index.ts';
import { PQRS_STATES, type PqrsState } from '../pqrs/states.ts';
import { recordEvent } from '../pqrs/store.ts';
import { formatDate } from '../pqrs/workflow.ts';
import { addBusinessDays, businessDaysBetween, isBusinessDay, nextBusinessDay, datesBetween, type CalendarRules } from './calendar.ts';

const OPEN_STATES = (Object.keys(PQRS_STATES) as PqrsState[]).filter((s) => PQRS_STATES[s].clock !== 'done');

interface OpenRow {
  id: number;
  radicado: string;
  state: PqrsState;
  effective_receipt: string;
  due_date: string;
  original_due_date: string | null;
  completion_deadline: string | null;
}

/** The holiday being added, as the public note names it. */
export interface AddedHoliday {
  name: string;
  source: string;
}

/** Who added it: their staff row and username, kept on each event. */
export interface RecomputeActor {
  id: number;
  username: string;
}

/** Days in (from, to] that were business days before and are not any more. */
function newHolidaysIn(from: string, to: string, before: CalendarRules, after: CalendarRules): string[] {
  return datesBetween(from, to).filter((d) => isBusinessDay(d, before) && !isBusinessDay(d, after));
}

/** The date `n` business days after receipt under `after`, where `date` was under `before`. */
function moved(receipt: string, date: string, before: CalendarRules, after: CalendarRules): string {
  return addBusinessDays(receipt, businessDaysBetween(receipt, date, before), after);
}

/**
 * Moves the due dates of the open requests the new holiday falls in, with a public event each.
 * Call it inside the transaction that stores the holiday; returns the radicados moved.
 */
export function recomputeOpenDeadlines(
  db: Db,
  holiday: AddedHoliday,
  before: CalendarRules,
  after: CalendarRules,
  actor: RecomputeActor,
  now: Date,
): string[] {
  const rows = db
    .prepare<string[], OpenRow>(
      `SELECT id, radicado, state, effective_receipt, due_date, original_due_date, completion_deadline
       FROM pqrs WHERE state IN (${OPEN_STATES.map(() => '?').join(', ')}) ORDER BY id`,
    )
    .all(...OPEN_STATES);
  const update = db.prepare(
    `UPDATE pqrs SET due_date = @due, original_due_date = @original, completion_deadline = @completion WHERE id = @id`,
  );
  // Requests share receipts and due dates (a day's filings of one type have the same), so each
  // pair is counted once: 12,505 moved requests of 20,008 open take well under a second.
  const movedDates = new Map<string, string>();
  const moveFrom = (receipt: string, date: string) => {
    const key = `${receipt}|${date}`;
    let result = movedDates.get(key);
    if (result === undefined) movedDates.set(key, (result = moved(receipt, date, before, after)));
    return result;
  };
  const newDays = new Map<string, string>();
  const newDaysIn = (receipt: string, date: string) => {
    const key = `${receipt}|${date}`;
    let result = newDays.get(key);
    if (result === undefined) newDays.set(key, (result = newHolidaysIn(receipt, date, before, after).map(formatDate).join(' y del ')));
    return result;
  };
  const radicados: string[] = [];
  for (const row of rows) {
    const due = moveFrom(row.effective_receipt, row.due_date);
    const completion =
      row.completion_deadline && !isBusinessDay(row.completion_deadline, after)
        ? nextBusinessDay(row.completion_deadline, after)
        : row.completion_deadline;
    if (due === row.due_date && completion === row.completion_deadline) continue;
    const original = row.original_due_date && moveFrom(row.effective_receipt, row.original_due_date);
    const lines: string[] = [];
    if (due !== row.due_date) {
      lines.push(
        `Nueva fecha límite por el festivo ${holiday.name} del ${newDaysIn(row.effective_receipt, row.due_date)} (${holiday.source}): ` +
          `su solicitud debe responderse a más tardar el ${formatDate(due)} (antes, el ${formatDate(row.due_date)}). ` +
          'Los plazos se cuentan en días hábiles (Ley 1755 de 2015, art. 14).',
      );
    }
    if (completion !== row.completion_deadline) {
      lines.push(
        `Por el festivo ${holiday.name} (${holiday.source}), el plazo para completar la solicitud pasa al ${formatDate(completion!)}.`,
      );
    }
    update.run({ id: row.id, due, original, completion });
    recordEvent(db, {
      pqrsId: row.id,
      at: now.toISOString(),
      state: row.state,
      actor: actor.username,
      actorId: actor.id,
      publicNote: lines.join('\n'),
    });
    radicados.push(row.radicado);
  }
  return radicados;
}
