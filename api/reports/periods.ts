/**
 * The periods a report covers. Plain data with no imports, so the widgets can import it too.
 */

/** The kinds of period a report is made and published for. */
export const PERIOD_KIND_VALUES = ['trimestre', 'semestre', 'anio', 'personalizado'] as const;
export type PeriodKind = (typeof PERIOD_KIND_VALUES)[number];

/** The first and last day (YYYY-MM-DD, both included) of the quarter, semester or year that contains `day`. */
export function calendarPeriod(kind: Exclude<PeriodKind, 'personalizado'>, day: string): { from: string; to: string } {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const months = kind === 'trimestre' ? 3 : kind === 'semestre' ? 6 : 12;
  const first = Math.floor((m - 1) / months) * months + 1;
  const last = first + months - 1;
  const lastDay = new Date(Date.UTC(y, last, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(last)}-${pad(lastDay)}` };
}
