/**
 * The month figures of the work itself (issue 13 item 2), computed from the work tables into
 * `appropriation_monthly` so the dashboard never scans them on a view, together with the month's
 * widget usage (`usage|…` figures, copied from usage_monthly).
 *
 * Every figure is counted at the instant its fact happened (a PQRSD in the month it was filed, an
 * answer in the month it was sent, a rating in the month it was given...), so a month's figures
 * stop changing once the month is over: a month computed a day after it ended is final and never
 * computed again. Every figure is additive (counts, sums, histogram buckets), so a period's
 * figure is the sum of its months' and medians come exactly from the summed histograms.
 *
 * Chosen: a rollup job, not on-write counters. The work rooms stay untouched (no counter to
 * forget in a new code path, and a new PQRSD channel appears with no code change), the figures
 * can be recomputed from the data at any time, and the job is cheap: it only recomputes the
 * months that are not final (in practice the current one and, for a day, the previous one).
 */
import { bogotaDate, bogotaMidnight, datesBetween, isBusinessDay, type CalendarRules } from '../calendar/calendar.ts';
import { calendarRules } from '../calendar/store.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/index.ts';
import { answerTime, type DayCounter } from '../reports/service.ts';
import { getSettings } from '../settings/store.ts';
import { getSurveyBySlug } from '../survey/store.ts';
import { addMonths, monthDays, monthsBetween } from './months.ts';
import { counterBetween, firstActivity, readMonth, usageOfMonth, writeMonth } from './store.ts';

/** The tracker's daily counter of lookups (api/pqrs/track-routes.ts). */
export const TRACKER_LOOKUPS = 'tracker.lookup';

/** How long the figures of a month that is not over yet are reused before being computed again. */
export const CURRENT_MONTH_TTL_MS = 5 * 60_000;

/** The instants [start, end) of a Bogotá month. */
function monthInstants(month: string): { start: string; end: string } {
  return { start: bogotaMidnight(`${month}-01`), end: bogotaMidnight(`${addMonths(month, 1)}-01`) };
}

/**
 * Business days between dates of one span, walking the calendar once from the earliest date to
 * the latest (a month's answers span a few months at most), not once per date from a fixed anchor.
 */
function spanCounter(dates: string[], rules: CalendarRules): DayCounter {
  const sorted = [...new Set(dates)].sort();
  const cumulative = new Map<string, number>();
  if (sorted.length > 0) {
    let n = 0;
    cumulative.set(sorted[0]!, 0);
    for (const d of datesBetween(sorted[0]!, sorted.at(-1)!)) cumulative.set(d, (n += isBusinessDay(d, rules) ? 1 : 0));
  }
  return (from, to) => cumulative.get(to)! - cumulative.get(from)!;
}

/** The prefix of the usage figures: `usage|widget|measure|device|origin+path`. */
export const USAGE_FIGURE = 'usage|';

/** The usage counts of a month (from usage_monthly) as figures. */
export function usageFigures(db: Db, month: string): Map<string, number> {
  const f = new Map<string, number>();
  for (const r of usageOfMonth(db, month)) f.set(`${USAGE_FIGURE}${r.widget}|${r.measure}|${r.device}|${r.origin}${r.path}`, r.count);
  return f;
}

/** The Bogotá month of an instant. */
export function bogotaMonth(instant: Date): string {
  return bogotaDate(instant).slice(0, 7);
}

/** The figures of one month, from the work tables (see the header). */
export function computeMonth(db: Db, config: Config, month: string): Map<string, number> {
  const { start, end } = monthInstants(month);
  const { first, last } = monthDays(month);
  const f = new Map<string, number>();
  const add = (key: string, n: number) => f.set(key, (f.get(key) ?? 0) + n);
  const count = (sql: string) => db.prepare<[string, string], { n: number }>(sql).get(start, end)!.n;

  // PQRSD filed, by channel: whatever channels the data holds (a new one needs no code).
  for (const r of db
    .prepare<[string, string], { channel: string; n: number }>(
      'SELECT channel, COUNT(*) AS n FROM pqrs WHERE received_at >= ? AND received_at < ? GROUP BY channel',
    )
    .all(start, end)) {
    add('pqrs.received', r.n);
    add(`pqrs.channel.${r.channel}`, r.n);
  }
  // Answers sent in the month: on time or late, and the business days each took.
  const answered = db
    .prepare<[string, string], { effective_receipt: string; due_date: string; paused_days: number; answered_at: string }>(
      'SELECT effective_receipt, due_date, paused_days, answered_at FROM pqrs WHERE answered_at >= ? AND answered_at < ?',
    )
    .all(start, end);
  const days = spanCounter(
    answered.flatMap((r) => [r.effective_receipt, bogotaDate(new Date(r.answered_at))]),
    calendarRules(db),
  );
  for (const r of answered) {
    const a = answerTime(r, days);
    add(a.onTime ? 'pqrs.answered.onTime' : 'pqrs.answered.late', 1);
    add(`pqrs.days.${a.businessDays}`, 1);
  }
  // Satisfaction: the first rating question of the survey the tracker offers (Ajustes).
  const slug = getSettings(db, config).pqrsSurvey;
  const survey = slug ? getSurveyBySlug(db, slug) : undefined;
  const rating = survey?.questions.find((q) => q.type === 'rating');
  if (survey && rating) {
    for (const r of db
      .prepare<[number, string, string, string], { value: string; n: number }>(
        `SELECT value, SUM(n) AS n FROM survey_tallies WHERE survey_id = ? AND question = ? AND day >= ? AND day <= ? AND value <> ''
         GROUP BY value`,
      )
      .all(survey.id, rating.id, first, last)) {
      const score = Number(JSON.parse(r.value));
      if (!Number.isFinite(score)) continue;
      add('pqrs.satisfaction.sum', score * r.n);
      add('pqrs.satisfaction.count', r.n);
    }
  }

  // Survey answers (all surveys), from the running tallies.
  add(
    'surveys.answers',
    db
      .prepare<[string, string], { n: number | null }>(
        "SELECT SUM(n) AS n FROM survey_tallies WHERE question = '' AND value = '' AND day >= ? AND day <= ?",
      )
      .get(first, last)!.n ?? 0,
  );

  // Chat: conversations started, the wait until an official took them, the missed ones (closed
  // without an official: the citizen was offered the mailbox), the ratings given.
  add('chat.conversations', count('SELECT COUNT(*) AS n FROM chat_conversations WHERE created_at >= ? AND created_at < ?'));
  const wait = db
    .prepare<[string, string], { n: number; seconds: number | null }>(
      `SELECT COUNT(*) AS n, SUM(MAX(0, CAST(ROUND((julianday(taken_at) - julianday(created_at)) * 86400) AS INTEGER))) AS seconds
       FROM chat_conversations WHERE created_at >= ? AND created_at < ? AND taken_at IS NOT NULL`,
    )
    .get(start, end)!;
  add('chat.wait.count', wait.n);
  add('chat.wait.seconds', wait.seconds ?? 0);
  add(
    'chat.missed',
    count("SELECT COUNT(*) AS n FROM chat_conversations WHERE created_at >= ? AND created_at < ? AND taken_at IS NULL AND state = 'closed'"),
  );
  const ratings = db
    .prepare<[string, string], { n: number; total: number | null }>(
      'SELECT COUNT(*) AS n, SUM(score) AS total FROM chat_ratings WHERE created_at >= ? AND created_at < ?',
    )
    .get(start, end)!;
  add('chat.rating.count', ratings.n);
  add('chat.rating.sum', ratings.total ?? 0);

  // Mailbox: messages received; first replies sent in the month and the time they took.
  add('mailbox.messages', count('SELECT COUNT(*) AS n FROM mailbox_messages WHERE created_at >= ? AND created_at < ?'));
  const replies = db
    .prepare<[string, string], { n: number; minutes: number | null }>(
      `SELECT COUNT(*) AS n, SUM(MAX(0, CAST(ROUND((julianday(r.first) - julianday(m.created_at)) * 1440) AS INTEGER))) AS minutes
       FROM (SELECT message_id, MIN(created_at) AS first FROM mailbox_replies GROUP BY message_id) r
       JOIN mailbox_messages m ON m.id = r.message_id
       WHERE r.first >= ? AND r.first < ?`,
    )
    .get(start, end)!;
  add('mailbox.answered', replies.n);
  add('mailbox.answer.minutes', replies.minutes ?? 0);
  add(
    'mailbox.converted',
    count('SELECT COUNT(*) AS n FROM pqrs WHERE channel = \'buzon\' AND received_at >= ? AND received_at < ?'),
  );

  // Tracker lookups (a daily counter: no request or person is recorded).
  add('tracker.lookups', counterBetween(db, TRACKER_LOOKUPS, first, last));

  // Events of the participation plan.
  add('events.registrations', count('SELECT COUNT(*) AS n FROM event_registrations WHERE created_at >= ? AND created_at < ?'));
  add('events.attended', count('SELECT COUNT(*) AS n FROM event_registrations WHERE attended_at >= ? AND attended_at < ?'));
  add('events.questions', count('SELECT COUNT(*) AS n FROM event_questions WHERE created_at >= ? AND created_at < ?'));

  // The widgets' usage, summed over the month's days.
  for (const [k, v] of usageFigures(db, month)) f.set(k, v);
  return f;
}

/** The figures of the final months, read once per database: they never change (see the header). */
const finals = new WeakMap<Db, Map<string, { figures: Map<string, number>; computedAt: string }>>();
function finalMonths(db: Db): Map<string, { figures: Map<string, number>; computedAt: string }> {
  let kept = finals.get(db);
  if (!kept) finals.set(db, (kept = new Map()));
  return kept;
}

/** Whether a month's stored figures may be used at `now` (see the header). */
function fresh(month: string, computedAt: string | undefined, now: Date): boolean {
  if (!computedAt) return false;
  return final(month, computedAt) || now.getTime() - Date.parse(computedAt) < CURRENT_MONTH_TTL_MS;
}

/** Computed a day or more after the month ended (late rows of its last minutes are in): never again. */
function final(month: string, computedAt: string): boolean {
  return computedAt >= bogotaMidnight(`${addMonths(month, 1)}-01`, 1);
}

/**
 * The figures of each month, computing (and storing) those that are missing or not fresh. A
 * month after `now` has no figures yet (an empty map, never stored).
 */
export function monthFigures(db: Db, config: Config, months: string[], now: Date): { figures: Map<string, Map<string, number>>; computedAt: string } {
  const current = bogotaMonth(now);
  const out = new Map<string, Map<string, number>>();
  let oldest = now.toISOString();
  const kept = finalMonths(db);
  for (const month of months) {
    if (month > current) {
      out.set(month, new Map());
      continue;
    }
    const cached = kept.get(month);
    if (cached) {
      out.set(month, cached.figures);
      if (cached.computedAt < oldest) oldest = cached.computedAt;
      continue;
    }
    const stored = readMonth(db, month);
    if (stored.computedAt && final(month, stored.computedAt)) kept.set(month, { figures: stored.figures, computedAt: stored.computedAt });
    if (fresh(month, stored.computedAt, now)) {
      if (!final(month, stored.computedAt!)) {
        // Usage counts of a month not over are read live: one month of usage_monthly is cheap,
        // and what a person did a minute ago shows at once.
        for (const k of [...stored.figures.keys()]) if (k.startsWith(USAGE_FIGURE)) stored.figures.delete(k);
        for (const [k, v] of usageFigures(db, month)) stored.figures.set(k, v);
      }
      out.set(month, stored.figures);
      if (stored.computedAt! < oldest) oldest = stored.computedAt!;
      continue;
    }
    const figures = computeMonth(db, config, month);
    writeMonth(db, month, figures, now.toISOString());
    out.set(month, figures);
  }
  return { figures: out, computedAt: oldest };
}

/**
 * The rollup job: every month from the first recorded activity to now that is not final is
 * computed. Its state is the table itself, so after a stop the first run catches up.
 */
export function runRollup(db: Db, config: Config, now: Date): number {
  const first = firstActivity(db);
  if (!first) return 0;
  const months = monthsBetween(first.slice(0, 7), bogotaMonth(now));
  let computed = 0;
  for (const month of months) {
    const { computedAt } = readMonth(db, month);
    if (fresh(month, computedAt, now)) continue;
    writeMonth(db, month, computeMonth(db, config, month), now.toISOString());
    computed++;
  }
  return computed;
}
