/**
 * SQL of the appropriation room: the daily usage counters the widgets feed, the daily work
 * counters (tracker lookups) and the month rollup of the work figures. Counters are only ever
 * incremented (`count = count + n`, n ≥ 1): nothing here can set or lower one.
 */
import { perDb, type Db } from '../db/index.ts';
import type { UsageDevice, UsageMeasure, UsageWidget } from './catalog.ts';

/** One increment of the usage rollup. */
export interface UsageKey {
  day: string;
  widget: UsageWidget;
  origin: string;
  path: string;
  measure: UsageMeasure;
  device: UsageDevice;
}

/** A summed row of the usage rollup. */
export interface UsageSum {
  widget: UsageWidget;
  origin: string;
  path: string;
  measure: UsageMeasure;
  device: UsageDevice;
  count: number;
}

function prepare(db: Db) {
  return {
    bumpUsage: db.prepare<[string, string, string, string, string, string, number]>(
      `INSERT INTO usage_daily (day, widget, origin, path, measure, device, count) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (day, widget, origin, path, measure, device) DO UPDATE SET count = count + excluded.count`,
    ),
    bumpUsageMonth: db.prepare<[string, string, string, string, string, string, number]>(
      `INSERT INTO usage_monthly (month, widget, origin, path, measure, device, count) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (month, widget, origin, path, measure, device) DO UPDATE SET count = count + excluded.count`,
    ),
    bumpCounter: db.prepare<[string, string]>(
      `INSERT INTO work_counters (day, counter, count) VALUES (?, ?, 1)
       ON CONFLICT (day, counter) DO UPDATE SET count = count + 1`,
    ),
    usageMonth: db.prepare<[string], UsageSum>('SELECT widget, origin, path, measure, device, count FROM usage_monthly WHERE month = ?'),
    counter: db.prepare<[string, string, string], { n: number | null }>(
      'SELECT SUM(count) AS n FROM work_counters WHERE counter = ? AND day >= ? AND day <= ?',
    ),
    monthRows: db.prepare<[string], { figure: string; value: number }>(
      'SELECT figure, value FROM appropriation_monthly WHERE month = ?',
    ),
    computedAt: db.prepare<[string], { computed_at: string }>('SELECT computed_at FROM appropriation_months WHERE month = ?'),
    clearMonth: db.prepare<[string]>('DELETE FROM appropriation_monthly WHERE month = ?'),
    putFigure: db.prepare<[string, string, number]>('INSERT INTO appropriation_monthly (month, figure, value) VALUES (?, ?, ?)'),
    markMonth: db.prepare<[string, string]>(
      `INSERT INTO appropriation_months (month, computed_at) VALUES (?, ?)
       ON CONFLICT (month) DO UPDATE SET computed_at = excluded.computed_at`,
    ),
  };
}

const stmts = perDb(prepare);

/** Adds each key's count (the events of one report, grouped) to its day and its month; call inside a transaction. */
export function bumpUsage(db: Db, increments: Map<string, { key: UsageKey; n: number }>): void {
  const s = stmts(db);
  for (const { key: k, n } of increments.values()) {
    s.bumpUsage.run(k.day, k.widget, k.origin, k.path, k.measure, k.device, n);
    s.bumpUsageMonth.run(k.day.slice(0, 7), k.widget, k.origin, k.path, k.measure, k.device, n);
  }
}

/** Adds one to a daily work counter. */
export function bumpCounter(db: Db, day: string, counter: string): void {
  stmts(db).bumpCounter.run(day, counter);
}

/** The usage counts of a Bogotá month (`YYYY-MM`). */
export function usageOfMonth(db: Db, month: string): UsageSum[] {
  return stmts(db).usageMonth.all(month);
}

/** A work counter summed between two Bogotá days (both included). */
export function counterBetween(db: Db, counter: string, from: string, to: string): number {
  return stmts(db).counter.get(counter, from, to)?.n ?? 0;
}

/** The stored figures of a month, and when they were computed (undefined: never). */
export function readMonth(db: Db, month: string): { computedAt: string | undefined; figures: Map<string, number> } {
  const s = stmts(db);
  return {
    computedAt: s.computedAt.get(month)?.computed_at,
    figures: new Map(s.monthRows.all(month).map((r) => [r.figure, r.value])),
  };
}

/** Replaces a month's figures (one transaction). */
export function writeMonth(db: Db, month: string, figures: Map<string, number>, computedAt: string): void {
  const s = stmts(db);
  db.transaction(() => {
    s.clearMonth.run(month);
    for (const [figure, value] of figures) if (value !== 0) s.putFigure.run(month, figure, value);
    s.markMonth.run(month, computedAt);
  })();
}

/** The first instant (ISO) or Bogotá day any work or use was recorded; null on an empty database. */
export function firstActivity(db: Db): string | null {
  const row = db
    .prepare<[], { first: string | null }>(
      `SELECT MIN(first) AS first FROM (
         SELECT MIN(received_at) AS first FROM pqrs
         UNION ALL SELECT MIN(created_at) FROM chat_conversations
         UNION ALL SELECT MIN(created_at) FROM mailbox_messages
         UNION ALL SELECT MIN(day) FROM survey_tallies
         UNION ALL SELECT MIN(created_at) FROM event_registrations
         UNION ALL SELECT MIN(created_at) FROM event_questions
         UNION ALL SELECT MIN(day) FROM work_counters)`,
    )
    .get();
  return row?.first ?? null;
}
