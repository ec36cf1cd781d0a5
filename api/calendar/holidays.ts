/**
 * Colombian national holidays as dated rules (Ley 51 de 1983, "Ley Emiliani"; Ley 2578 de 2026;
 * DOMAIN.md section 2). Each rule says which law creates it and from which year (and, when a law
 * repeals it, until which year). The rules of the law are data in this file; rules decreed by a
 * later law are rows an administrator adds (api/calendar/store.ts) in the same text form.
 * Pure date arithmetic on UTC date-only values, so the process time zone never matters.
 */

/** One observed national holiday: its date (YYYY-MM-DD), its Spanish name and the law behind it. */
export interface Holiday {
  readonly date: string;
  readonly name: string;
  /** The legal reference (law, article). */
  readonly source: string;
  /** The rule it comes from, in the text form of `parseRule`. */
  readonly rule: string;
  /** True when an administrator added it (a law newer than this code), false for the built-in rules. */
  readonly added: boolean;
}

/** A holiday rule as written: `rule` in the text form `parseRule` reads. */
export interface HolidayRule {
  readonly name: string;
  readonly rule: string;
  readonly source: string;
  /** The first year the rule applies. */
  readonly fromYear: number;
  /** The last year it applies (a repeal), or none. */
  readonly untilYear?: number | null;
  /** Added by an administrator (stored in the database). */
  readonly added?: boolean;
}

/** A rule read: a fixed date (moved to Monday or not), an offset from Easter Sunday, or one date. */
export type ParsedRule =
  | { kind: 'fixed'; month: number; day: number; moves: boolean }
  | { kind: 'easter'; offset: number }
  | { kind: 'once'; date: string; year: number };

/** Years the calendar answers for through the API (Ley 51 de 1983 applies from 1984). */
export const FIRST_YEAR = 1984;
export const LAST_YEAR = 2100;

/** Easter offsets that keep every observed date inside its own year (Easter: 22 Mar..25 Apr). */
const EASTER_MIN = -75;
const EASTER_MAX = 240;

const DAY_MS = 86_400_000;
const LEY_51 = 'Ley 51 de 1983, art. 1';

/**
 * The rules of the law, in the order of DOMAIN.md's table. Text forms: `MM-DD` (fixed date),
 * `MM-DD trasladable` (moved to the following Monday when it is not one, Ley Emiliani),
 * `pascua+N` / `pascua-N` (days from Easter Sunday, already as observed).
 * Ascension (E+39), Corpus Christi (E+60) and Sacred Heart (E+68) fall on a Thursday or Friday;
 * Emiliani moves them to the following Monday, which is always E+43, E+64 and E+71.
 */
export const NATIONAL_RULES: readonly HolidayRule[] = [
  { name: 'Año Nuevo', rule: '01-01', source: LEY_51, fromYear: 1984 },
  { name: 'Reyes Magos', rule: '01-06 trasladable', source: LEY_51, fromYear: 1984 },
  { name: 'San José', rule: '03-19 trasladable', source: LEY_51, fromYear: 1984 },
  { name: 'Jueves Santo', rule: 'pascua-3', source: LEY_51, fromYear: 1984 },
  { name: 'Viernes Santo', rule: 'pascua-2', source: LEY_51, fromYear: 1984 },
  { name: 'Día del Trabajo', rule: '05-01', source: LEY_51, fromYear: 1984 },
  { name: 'Ascensión del Señor', rule: 'pascua+43', source: LEY_51, fromYear: 1984 },
  { name: 'Corpus Christi', rule: 'pascua+64', source: LEY_51, fromYear: 1984 },
  { name: 'Sagrado Corazón', rule: 'pascua+71', source: LEY_51, fromYear: 1984 },
  { name: 'San Pedro y San Pablo', rule: '06-29 trasladable', source: LEY_51, fromYear: 1984 },
  {
    name: 'Nuestra Señora del Rosario de Chiquinquirá',
    rule: '07-09 trasladable',
    source: 'Ley 2578 de 2026, art. 6',
    fromYear: 2026,
  },
  { name: 'Independencia', rule: '07-20', source: LEY_51, fromYear: 1984 },
  { name: 'Batalla de Boyacá', rule: '08-07', source: LEY_51, fromYear: 1984 },
  { name: 'Asunción de la Virgen', rule: '08-15 trasladable', source: LEY_51, fromYear: 1984 },
  { name: 'Día de la Raza', rule: '10-12 trasladable', source: LEY_51, fromYear: 1984 },
  { name: 'Todos los Santos', rule: '11-01 trasladable', source: LEY_51, fromYear: 1984 },
  { name: 'Independencia de Cartagena', rule: '11-11 trasladable', source: LEY_51, fromYear: 1984 },
  { name: 'Inmaculada Concepción', rule: '12-08', source: LEY_51, fromYear: 1984 },
  { name: 'Navidad', rule: '12-25', source: LEY_51, fromYear: 1984 },
];

const FIXED_RE = /^(\d{2})-(\d{2})(?: (trasladable))?$/;
const EASTER_RE = /^pascua ?([+-]) ?(\d{1,3})$/;
const ONCE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

/** What a staff member may type, in the words of the error message. */
export const RULE_SYNTAX =
  'use MM-DD (fecha fija), MM-DD trasladable (se traslada al lunes), pascua+N o pascua-N (días desde el Domingo de Pascua) o AAAA-MM-DD (una sola fecha)';

/** The rule's text in its one canonical spelling (lower case, single spaces), to store and compare. */
export function canonicalRule(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Reads a rule's text form (see NATIONAL_RULES); a string is the Spanish reason it does not
 * parse, for the message of the `rule` field.
 */
export function parseRule(text: string): ParsedRule | string {
  const t = canonicalRule(text);
  let m = FIXED_RE.exec(t);
  if (m) {
    const [month, day] = [Number(m[1]), Number(m[2])];
    if (month < 1 || month > 12) return `el mes ${m[1]} no existe`;
    // 2001 is not a leap year: a 29 February rule would skip three years of four.
    const days = new Date(Date.UTC(2001, month, 0)).getUTCDate();
    if (day < 1 || day > days) {
      return month === 2 && day === 29
        ? 'el 29 de febrero no existe todos los años; para una sola vez use AAAA-MM-DD'
        : `el ${day} de ${MONTHS[month - 1]} no existe`;
    }
    const moves = m[3] !== undefined;
    // Moved to Monday, 26-31 December could land in the next year, outside its year's list.
    if (moves && month === 12 && day > 25) return 'una fecha trasladable después del 25 de diciembre pasaría al año siguiente';
    return { kind: 'fixed', month, day, moves };
  }
  m = EASTER_RE.exec(t);
  if (m) {
    const offset = Number(m[2]) * (m[1] === '-' ? -1 : 1);
    if (offset < EASTER_MIN || offset > EASTER_MAX) {
      return `los días desde Pascua deben estar entre ${EASTER_MIN} y +${EASTER_MAX}`;
    }
    return { kind: 'easter', offset };
  }
  m = ONCE_RE.exec(t);
  if (m) {
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    if (iso(ms) !== t) return `la fecha ${t} no existe`;
    return { kind: 'once', date: t, year: Number(m[1]) };
  }
  return RULE_SYNTAX;
}

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

/** The date a parsed rule gives in `year`, or null when it gives none that year. */
export function observedDate(rule: ParsedRule, year: number): string | null {
  switch (rule.kind) {
    case 'easter':
      return iso(easterMs(year) + rule.offset * DAY_MS);
    case 'once':
      return rule.year === year ? rule.date : null;
    case 'fixed': {
      const ms = Date.UTC(year, rule.month - 1, rule.day);
      return iso(rule.moves ? toMonday(ms) : ms);
    }
  }
}

/** Whether a rule applies in `year` by its dates of effect. */
function inForce(rule: HolidayRule, year: number): boolean {
  return year >= rule.fromYear && (rule.untilYear == null || year <= rule.untilYear);
}

/**
 * A set of holiday rules and the holidays they give each year, computed once per year. The
 * calendar (calendar.ts) memoizes its answers per instance, so a new rule means a new instance.
 */
export class HolidayCalendar {
  private readonly rules: readonly { rule: HolidayRule; parsed: ParsedRule }[];
  private readonly years = new Map<number, { list: readonly Holiday[]; dates: ReadonlySet<string> }>();

  /** Throws on a rule that does not parse: the built-in ones are tested, stored ones were validated. */
  constructor(rules: readonly HolidayRule[]) {
    this.rules = rules.map((rule) => {
      const parsed = parseRule(rule.rule);
      if (typeof parsed === 'string') throw new RangeError(`Regla de festivo inválida «${rule.rule}»: ${parsed}`);
      return { rule, parsed };
    });
  }

  private forYear(year: number): { list: readonly Holiday[]; dates: ReadonlySet<string> } {
    // Ley 51 de 1983 rules from 1984 on; earlier years had other rules. Dates after 2100 are
    // answered (a term started in late 2100 ends in 2101) but the API only asks up to 2100.
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > 9999) {
      throw new RangeError(`Año fuera de rango para el calendario de festivos: ${year}`);
    }
    let entry = this.years.get(year);
    if (!entry) {
      const list: Holiday[] = [];
      for (const { rule, parsed } of this.rules) {
        if (!inForce(rule, year)) continue;
        const date = observedDate(parsed, year);
        if (date === null) continue;
        list.push({ date, name: rule.name, source: rule.source, rule: canonicalRule(rule.rule), added: rule.added === true });
      }
      // Stable sort: two holidays on one Monday keep the table's order (Sagrado Corazón first).
      list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
      const frozen = Object.freeze(list.map((h) => Object.freeze(h)));
      entry = { list: frozen, dates: new Set(frozen.map((h) => h.date)) };
      this.years.set(year, entry);
    }
    return entry;
  }

  /** The holidays observed in `year` (1984 on), sorted by date; a copy the caller may change. */
  holidays(year: number): Holiday[] {
    return [...this.forYear(year).list];
  }

  /** Whether `date` (a valid YYYY-MM-DD) is a national holiday. */
  isHoliday(date: string): boolean {
    return this.forYear(Number(date.slice(0, 4))).dates.has(date);
  }
}

/** The holidays of the law as this code knows it, with no rule added by an administrator. */
export const NATIONAL_CALENDAR = new HolidayCalendar(NATIONAL_RULES);

/**
 * The national holidays observed in `year` (1984 on), sorted by date. Two holidays moved to
 * the same Monday stay two entries (2025-06-30): 18 a year until 2025, 19 from 2026.
 */
export function holidays(year: number): Holiday[] {
  return NATIONAL_CALENDAR.holidays(year);
}

/** Whether `date` (a valid YYYY-MM-DD) is a national holiday by the built-in rules. */
export function isHoliday(date: string): boolean {
  return NATIONAL_CALENDAR.isHoliday(date);
}
