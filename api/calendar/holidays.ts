/**
 * Colombian national holidays (Ley 51 de 1983, "Ley Emiliani"; DOMAIN.md section 2).
 * Pure date arithmetic on UTC date-only values, so the process time zone never matters.
 */

/** One observed national holiday: its date (YYYY-MM-DD) and its Spanish name. */
export interface Holiday {
  readonly date: string;
  readonly name: string;
}

const DAY_MS = 86_400_000;

type HolidayRule = { name: string } & (
  | { month: number; day: number; moves: boolean }
  | { easter: number }
);

/**
 * The holidays in the order of the law's table: a fixed date ([month, day], moving to the next
 * Monday when `moves`) or an offset in days from Easter Sunday, already as observed.
 */
const RULES: readonly HolidayRule[] = [
  { name: 'Año Nuevo', month: 1, day: 1, moves: false },
  { name: 'Reyes Magos', month: 1, day: 6, moves: true },
  { name: 'San José', month: 3, day: 19, moves: true },
  { name: 'Jueves Santo', easter: -3 },
  { name: 'Viernes Santo', easter: -2 },
  { name: 'Día del Trabajo', month: 5, day: 1, moves: false },
  // Ascension (E+39), Corpus Christi (E+60) and Sacred Heart (E+68) fall on a Thursday or
  // Friday; Emiliani moves them to the following Monday, which is always these offsets.
  { name: 'Ascensión del Señor', easter: 43 },
  { name: 'Corpus Christi', easter: 64 },
  { name: 'Sagrado Corazón', easter: 71 },
  { name: 'San Pedro y San Pablo', month: 6, day: 29, moves: true },
  { name: 'Independencia', month: 7, day: 20, moves: false },
  { name: 'Batalla de Boyacá', month: 8, day: 7, moves: false },
  { name: 'Asunción de la Virgen', month: 8, day: 15, moves: true },
  { name: 'Día de la Raza', month: 10, day: 12, moves: true },
  { name: 'Todos los Santos', month: 11, day: 1, moves: true },
  { name: 'Independencia de Cartagena', month: 11, day: 11, moves: true },
  { name: 'Inmaculada Concepción', month: 12, day: 8, moves: false },
  { name: 'Navidad', month: 12, day: 25, moves: false },
];

/** Easter Sunday of a Gregorian year, as a UTC midnight timestamp (anonymous Gregorian algorithm). */
function easterMs(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, day);
}

/** Easter Sunday of a Gregorian year, as YYYY-MM-DD. */
export function easterSunday(year: number): string {
  return iso(easterMs(year));
}

/** The same day if it is a Monday, otherwise the following Monday. */
function toMonday(ms: number): number {
  const weekday = new Date(ms).getUTCDay(); // 0 = Sunday
  return ms + ((8 - weekday) % 7) * DAY_MS;
}

/** A UTC midnight timestamp as YYYY-MM-DD. */
function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Per year: the frozen sorted list and the set of its dates, computed once. */
const cache = new Map<number, { list: readonly Holiday[]; dates: ReadonlySet<string> }>();

function forYear(year: number): { list: readonly Holiday[]; dates: ReadonlySet<string> } {
  // Ley 51 de 1983 rules from 1984 on; earlier years had other rules.
  if (!Number.isInteger(year) || year < 1984 || year > 9999) {
    throw new RangeError(`Año fuera de rango para el calendario de festivos: ${year}`);
  }
  let entry = cache.get(year);
  if (!entry) {
    const easter = easterMs(year);
    const list = RULES.map((rule): Holiday => {
      if ('easter' in rule) return { date: iso(easter + rule.easter * DAY_MS), name: rule.name };
      const ms = Date.UTC(year, rule.month - 1, rule.day);
      return { date: iso(rule.moves ? toMonday(ms) : ms), name: rule.name };
    });
    // Stable sort: two holidays on one Monday keep the law's order (Sagrado Corazón first).
    list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    const frozen = Object.freeze(list.map((h) => Object.freeze(h)));
    entry = { list: frozen, dates: new Set(frozen.map((h) => h.date)) };
    cache.set(year, entry);
  }
  return entry;
}

/**
 * The national holidays observed in `year` (1984 on), sorted by date. Two holidays moved to
 * the same Monday stay two entries (2025-06-30), so every year has exactly 18.
 */
export function holidays(year: number): Holiday[] {
  // A copy, so a caller sorting or pushing cannot corrupt the memoized list.
  return [...forYear(year).list];
}

/** Whether `date` (a valid YYYY-MM-DD) is a national holiday. */
export function isHoliday(date: string): boolean {
  return forYear(Number(date.slice(0, 4))).dates.has(date);
}
