import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addBusinessDays,
  bogotaDate,
  bogotaDayRange,
  bogotaHour,
  bogotaMidnight,
  businessDaysBetween,
  computeDeadline,
  effectiveReceipt,
  isBusinessDay,
  isIsoDate,
  nextBusinessDay,
  type CalendarRules,
} from '../../api/calendar/calendar.ts';
import {
  easterSunday,
  HolidayCalendar,
  holidays,
  isHoliday,
  NATIONAL_RULES,
  parseRule,
} from '../../api/calendar/holidays.ts';
import { PQRS_TYPES } from '../../api/pqrs/catalog.ts';

const none: CalendarRules = { closureDays: new Set() };
const closed = (...days: string[]): CalendarRules => ({ closureDays: new Set(days) });

/** Every date of `year`, as YYYY-MM-DD. */
function daysOf(year: number): string[] {
  const out: string[] = [];
  for (let ms = Date.UTC(year, 0, 1); ms < Date.UTC(year + 1, 0, 1); ms += 86_400_000) {
    out.push(new Date(ms).toISOString().slice(0, 10));
  }
  return out;
}

describe('holidays', () => {
  test('2026 matches the published list (19 since Ley 2578 de 2026), with names and legal sources', () => {
    const ley51 = 'Ley 51 de 1983, art. 1';
    const list = holidays(2026);
    assert.deepEqual(
      list.map((h) => [h.date, h.name, h.source]),
      [
        ['2026-01-01', 'Año Nuevo', ley51],
        ['2026-01-12', 'Reyes Magos', ley51],
        ['2026-03-23', 'San José', ley51],
        ['2026-04-02', 'Jueves Santo', ley51],
        ['2026-04-03', 'Viernes Santo', ley51],
        ['2026-05-01', 'Día del Trabajo', ley51],
        ['2026-05-18', 'Ascensión del Señor', ley51],
        ['2026-06-08', 'Corpus Christi', ley51],
        ['2026-06-15', 'Sagrado Corazón', ley51],
        ['2026-06-29', 'San Pedro y San Pablo', ley51],
        ['2026-07-13', 'Nuestra Señora del Rosario de Chiquinquirá', 'Ley 2578 de 2026, art. 6'],
        ['2026-07-20', 'Independencia', ley51],
        ['2026-08-07', 'Batalla de Boyacá', ley51],
        ['2026-08-17', 'Asunción de la Virgen', ley51],
        ['2026-10-12', 'Día de la Raza', ley51],
        ['2026-11-02', 'Todos los Santos', ley51],
        ['2026-11-16', 'Independencia de Cartagena', ley51],
        ['2026-12-08', 'Inmaculada Concepción', ley51],
        ['2026-12-25', 'Navidad', ley51],
      ],
    );
    // DOMAIN.md section 2, the published 2026 list, as written there.
    const published = 'Jan 1, 12; Mar 23; Apr 2, 3; May 1, 18; Jun 8, 15, 29; Jul 13, 20; Aug 7, 17; Oct 12; Nov 2, 16; Dec 8, 25';
    const months: Record<string, string> = { Jan: '01', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Oct: '10', Nov: '11', Dec: '12' };
    const dates = published.split('; ').flatMap((group) => {
      const [month, days] = [group.slice(0, 3), group.slice(4).split(', ')];
      return days.map((d) => `2026-${months[month]}-${d.padStart(2, '0')}`);
    });
    assert.deepEqual(list.map((h) => h.date), dates);
    assert.equal(list.find((h) => h.date === '2026-07-13')?.rule, '07-09 trasladable');
    assert.ok(list.every((h) => h.added === false));
  });

  test('9 July (Ley 2578 de 2026) moves to Monday from 2026 on: 13 July 2026, 12 July 2027, 9 July 2029', () => {
    const rosario = (year: number) =>
      holidays(year)
        .filter((h) => h.name === 'Nuestra Señora del Rosario de Chiquinquirá')
        .map((h) => h.date);
    assert.deepEqual(rosario(2025), []);
    assert.deepEqual(rosario(2026), ['2026-07-13']);
    assert.deepEqual(rosario(2027), ['2027-07-12']);
    assert.deepEqual(rosario(2028), ['2028-07-10']);
    assert.deepEqual(rosario(2029), ['2029-07-09']); // already a Monday: it stays
    assert.equal(new Date('2029-07-09T00:00:00Z').getUTCDay(), 1);
    assert.deepEqual(rosario(2030), ['2030-07-15']);
    // 2025: the only July holiday is Independencia (20 July, a Sunday); 9 July is a working day.
    assert.deepEqual(
      holidays(2025).filter((h) => h.date.startsWith('2025-07')).map((h) => h.name),
      ['Independencia'],
    );
    assert.equal(isHoliday('2025-07-14'), false);
    assert.equal(isHoliday('2026-07-13'), true);
    assert.equal(isHoliday('2027-07-12'), true);
  });

  test('2027-2030 by the rules (independent check against the published calendars)', () => {
    const dates = (year: number) => holidays(year).map((h) => h.date.slice(5)).join(' ');
    assert.equal(dates(2027), '01-01 01-11 03-22 03-25 03-26 05-01 05-10 05-31 06-07 07-05 07-12 07-20 08-07 08-16 10-18 11-01 11-15 12-08 12-25');
    assert.equal(dates(2028), '01-01 01-10 03-20 04-13 04-14 05-01 05-29 06-19 06-26 07-03 07-10 07-20 08-07 08-21 10-16 11-06 11-13 12-08 12-25');
    assert.equal(dates(2029), '01-01 01-08 03-19 03-29 03-30 05-01 05-14 06-04 06-11 07-02 07-09 07-20 08-07 08-20 10-15 11-05 11-12 12-08 12-25');
    // 2030: Sagrado Corazón and San Pedro share Monday 1 July.
    assert.equal(dates(2030), '01-01 01-07 03-25 04-18 04-19 05-01 06-03 06-24 07-01 07-01 07-15 07-20 08-07 08-19 10-14 11-04 11-11 12-08 12-25');
  });

  test('1984 (the first year of Ley 51) and 2100 answer; 1983 is refused', () => {
    assert.equal(holidays(1984).length, 18);
    assert.equal(holidays(1984)[1]?.date, '1984-01-09'); // Reyes Magos moved to Monday
    assert.equal(holidays(2100).length, 19);
    assert.equal(holidays(2100).at(-1)?.date, '2100-12-25');
    assert.throws(() => holidays(1983), RangeError);
  });

  test('2024 matches the published list (a moving holiday already on Monday stays: 11 Nov)', () => {
    assert.deepEqual(
      holidays(2024).map((h) => h.date),
      [
        '2024-01-01', '2024-01-08', '2024-03-25', '2024-03-28', '2024-03-29', '2024-05-01',
        '2024-05-13', '2024-06-03', '2024-06-10', '2024-07-01', '2024-07-20', '2024-08-07',
        '2024-08-19', '2024-10-14', '2024-11-04', '2024-11-11', '2024-12-08', '2024-12-25',
      ],
    );
  });

  test('2025: Sagrado Corazón and San Pedro share Monday 30 June as two entries', () => {
    const june30 = holidays(2025).filter((h) => h.date === '2025-06-30');
    assert.deepEqual(
      june30.map((h) => [h.date, h.name]),
      [
        ['2025-06-30', 'Sagrado Corazón'],
        ['2025-06-30', 'San Pedro y San Pablo'],
      ],
    );
  });

  test('Easter Sunday by the Gregorian computus', () => {
    const known: Record<number, string> = {
      1990: '1990-04-15',
      2000: '2000-04-23',
      2008: '2008-03-23',
      2011: '2011-04-24',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2038: '2038-04-25',
      2100: '2100-03-28',
    };
    for (const [year, date] of Object.entries(known)) assert.equal(easterSunday(Number(year)), date, year);
  });

  test('every year 1984-2100: 18 entries until 2025 and 19 from 2026, sorted, in the year, movable ones on Monday', () => {
    const fixedNames = new Set([
      'Año Nuevo',
      'Jueves Santo',
      'Viernes Santo',
      'Día del Trabajo',
      'Independencia',
      'Batalla de Boyacá',
      'Inmaculada Concepción',
      'Navidad',
    ]);
    for (let year = 1984; year <= 2100; year++) {
      const list = holidays(year);
      assert.equal(list.length, year < 2026 ? 18 : 19, `${year}`);
      const dates = list.map((h) => h.date);
      assert.deepEqual(dates, [...dates].sort(), `${year} sorted`);
      for (const h of list) {
        assert.ok(h.date.startsWith(`${year}-`), `${h.name} ${h.date}`);
        if (!fixedNames.has(h.name)) assert.equal(new Date(`${h.date}T00:00:00Z`).getUTCDay(), 1, h.name);
      }
      const easter = easterSunday(year);
      assert.equal(new Date(`${easter}T00:00:00Z`).getUTCDay(), 0, `Easter ${year} is a Sunday`);
    }
  });

  test('returns a copy: a caller mutating the list cannot change the next answer', () => {
    const first = holidays(2027);
    first.pop();
    first.reverse();
    assert.equal(holidays(2027).length, 19);
    assert.equal(holidays(2027)[0]?.name, 'Año Nuevo');
  });

  test('isHoliday, and years outside the law are refused', () => {
    assert.equal(isHoliday('2026-12-08'), true);
    assert.equal(isHoliday('2026-12-07'), false);
    assert.throws(() => holidays(1983), RangeError);
    assert.throws(() => holidays(2026.5), RangeError);
  });
});

describe('business days', () => {
  test('bogotaDate and bogotaHour shift UTC by five hours', () => {
    const lateFriday = new Date('2026-12-05T03:30:00Z'); // Friday 22:30 in Bogotá
    assert.equal(bogotaDate(lateFriday), '2026-12-04');
    assert.equal(bogotaHour(lateFriday), 22);
    assert.equal(bogotaDate(new Date('2026-12-05T05:00:00Z')), '2026-12-05');
    assert.equal(bogotaHour(new Date('2026-12-05T05:00:00Z')), 0);
    assert.throws(() => bogotaDate(new Date('no es una fecha')), RangeError);
  });

  test('isBusinessDay: weekdays minus holidays minus closure days', () => {
    assert.equal(isBusinessDay('2026-12-04', none), true); // Friday
    assert.equal(isBusinessDay('2026-12-05', none), false); // Saturday
    assert.equal(isBusinessDay('2026-12-06', none), false); // Sunday
    assert.equal(isBusinessDay('2026-12-08', none), false); // Inmaculada Concepción
    assert.equal(isBusinessDay('2026-12-09', closed('2026-12-09')), false);
    assert.throws(() => isBusinessDay('2026-02-30', none), RangeError);
    assert.throws(() => isBusinessDay('4/12/2026', none), RangeError);
  });

  test('isIsoDate accepts only real YYYY-MM-DD dates', () => {
    assert.equal(isIsoDate('2028-02-29'), true);
    assert.equal(isIsoDate('2026-02-29'), false);
    assert.equal(isIsoDate('2026-1-05'), false);
    assert.equal(isIsoDate('2026-12-04T00:00:00Z'), false);
  });

  test('nextBusinessDay is strictly after, skipping weekends and holidays', () => {
    assert.equal(nextBusinessDay('2026-12-04', none), '2026-12-07');
    assert.equal(nextBusinessDay('2026-12-07', none), '2026-12-09');
    assert.equal(nextBusinessDay('2026-12-31', none), '2027-01-04');
    assert.equal(nextBusinessDay('2026-04-01', none), '2026-04-06'); // Holy Thursday and Friday
  });

  test('addBusinessDays counts from the day after', () => {
    assert.equal(addBusinessDays('2026-12-04', 0, none), '2026-12-04');
    assert.equal(addBusinessDays('2026-12-04', 1, none), '2026-12-07');
    assert.equal(addBusinessDays('2026-12-04', 15, none), '2026-12-29');
    assert.throws(() => addBusinessDays('2026-12-04', -1, none), RangeError);
    assert.throws(() => addBusinessDays('2026-13-01', 0, none), RangeError);
  });

  test('businessDaysBetween counts from < d <= to, negative backwards', () => {
    assert.equal(businessDaysBetween('2026-12-04', '2026-12-29', none), 15);
    assert.equal(businessDaysBetween('2026-12-29', '2026-12-04', none), -15);
    assert.equal(businessDaysBetween('2026-12-04', '2026-12-04', none), 0);
    assert.equal(businessDaysBetween('2026-12-05', '2026-12-06', none), 0);
    assert.equal(businessDaysBetween('2026-12-04', '2026-12-07', none), 1);
    assert.equal(businessDaysBetween('2026-12-04', '2026-12-29', closed('2026-12-24')), 14);
  });

  test('businessDaysBetween undoes addBusinessDays for every day of 2026', () => {
    const rules = closed('2026-12-24', '2026-12-31');
    for (const day of daysOf(2026)) {
      for (const n of [1, 10, 15, 30]) {
        const due = addBusinessDays(day, n, rules);
        assert.equal(isBusinessDay(due, rules), true, `${day} + ${n}`);
        assert.equal(businessDaysBetween(day, due, rules), n, `${day} + ${n}`);
      }
    }
  });
});

describe('deadlines', () => {
  const deadline = (receivedAt: string, type: keyof typeof PQRS_TYPES, rules = none) =>
    computeDeadline(new Date(receivedAt), PQRS_TYPES[type].businessDays, rules);

  test('DOMAIN example: Friday 2026-12-04 15:00, petición, due Tuesday 2026-12-29', () => {
    assert.deepEqual(deadline('2026-12-04T15:00:00-05:00', 'peticion'), {
      effectiveReceipt: '2026-12-04',
      dueDate: '2026-12-29',
    });
  });

  test('received on Saturday, Sunday or a holiday counts from the next business day', () => {
    assert.deepEqual(deadline('2026-12-05T10:00:00-05:00', 'peticion'), {
      effectiveReceipt: '2026-12-07',
      dueDate: '2026-12-30',
    });
    assert.deepEqual(deadline('2026-12-06T23:59:00-05:00', 'peticion'), {
      effectiveReceipt: '2026-12-07',
      dueDate: '2026-12-30',
    });
    assert.deepEqual(deadline('2026-12-08T09:00:00-05:00', 'peticion'), {
      effectiveReceipt: '2026-12-09',
      dueDate: '2026-12-31',
    });
  });

  test('the Bogotá date decides, not the UTC date', () => {
    // Friday 23:59:59 in Bogotá is already Saturday in UTC.
    assert.equal(effectiveReceipt(new Date('2026-12-05T04:59:59Z'), none), '2026-12-04');
    assert.equal(effectiveReceipt(new Date('2026-12-05T05:00:00Z'), none), '2026-12-07');
  });

  test('across the year end (1 Jan and Reyes Magos 2027 on Monday 11 Jan)', () => {
    assert.deepEqual(deadline('2026-12-28T09:00:00-05:00', 'peticion'), {
      effectiveReceipt: '2026-12-28',
      dueDate: '2027-01-20',
    });
  });

  test('10 and 30 business-day types', () => {
    assert.equal(deadline('2026-12-04T15:00:00-05:00', 'informacion').dueDate, '2026-12-21');
    assert.equal(deadline('2026-12-04T15:00:00-05:00', 'consulta').dueDate, '2027-01-21');
    // Holy week: 2 and 3 April 2026 are holidays.
    assert.equal(deadline('2026-03-31T10:00:00-05:00', 'informacion').dueDate, '2026-04-16');
  });

  test('closure days are skipped, including on the day of receipt', () => {
    assert.equal(deadline('2026-12-04T15:00:00-05:00', 'peticion', closed('2026-12-24')).dueDate, '2026-12-30');
    assert.deepEqual(deadline('2026-12-04T15:00:00-05:00', 'peticion', closed('2026-12-04')), {
      effectiveReceipt: '2026-12-07',
      dueDate: '2026-12-30',
    });
  });

  test('cut-off hour: from that hour on, the request counts from the next business day', () => {
    const rules: CalendarRules = { closureDays: new Set(), cutoffHour: 17 };
    assert.equal(effectiveReceipt(new Date('2026-12-04T16:59:59-05:00'), rules), '2026-12-04');
    assert.equal(effectiveReceipt(new Date('2026-12-04T17:00:00-05:00'), rules), '2026-12-07');
    assert.equal(effectiveReceipt(new Date('2026-12-04T22:30:00Z'), rules), '2026-12-07'); // 17:30 Bogotá
    assert.equal(effectiveReceipt(new Date('2026-12-04T17:00:00-05:00'), none), '2026-12-04');
    // After the cut-off on a day before a holiday, receipt jumps the holiday too.
    assert.equal(effectiveReceipt(new Date('2026-12-07T18:00:00-05:00'), rules), '2026-12-09');
    assert.equal(computeDeadline(new Date('2026-12-04T17:00:00-05:00'), 15, rules).dueDate, '2026-12-30');
  });
});

describe('deadlines across the Mondays of Ley 2578 de 2026 (counted by hand)', () => {
  const due = (receivedAt: string, type: keyof typeof PQRS_TYPES) =>
    computeDeadline(new Date(receivedAt), PQRS_TYPES[type].businessDays, none).dueDate;

  test('2027: petición received Thursday 1 July is due Tuesday 27 July (5, 12 and 20 July skipped)', () => {
    // Jul 2 = 1; Jul 5 San Pedro; 6-9 = 2..5; Jul 12 Rosario; 13-16 = 6..9; 19 = 10; Jul 20
    // Independencia; 21-23 = 11..13; 26 = 14; 27 = 15. Without the new holiday it was 26 July.
    assert.equal(due('2027-07-01T10:00:00-05:00', 'peticion'), '2027-07-27');
  });

  test('2026: petición received Friday 3 July is due Tuesday 28 July (13 and 20 July skipped)', () => {
    // 6-10 = 1..5; Jul 13 Rosario; 14-17 = 6..9; Jul 20; 21-24 = 10..13; 27 = 14; 28 = 15.
    assert.equal(due('2026-07-03T10:00:00-05:00', 'peticion'), '2026-07-28');
  });

  test('2029: información received Tuesday 3 July is due Wednesday 18 July (Monday 9 July skipped)', () => {
    // 4-6 = 1..3; Jul 9 Rosario (already a Monday); 10-13 = 4..7; 16-18 = 8..10.
    assert.equal(due('2029-07-03T10:00:00-05:00', 'informacion'), '2029-07-18');
  });

  test('2025, before the law: petición received Tuesday 1 July is due Tuesday 22 July (no July Monday skipped)', () => {
    // 2-4 = 1..3; 7-11 = 4..8; 14-18 = 9..13; (20 July is a Sunday); 21 = 14; 22 = 15.
    assert.equal(due('2025-07-01T10:00:00-05:00', 'peticion'), '2025-07-22');
  });

  test('1984 and the end of 2100', () => {
    // 1984-01-02 Monday: 3-6 = 1..4; Jan 9 Reyes; 10-13 = 5..8; 16-20 = 9..13; 23 = 14; 24 = 15.
    assert.equal(due('1984-01-02T10:00:00-05:00', 'peticion'), '1984-01-24');
    // 2100-12-20 Monday: 21-24 = 1..4; 27-31 = 5..9; 2101: 3-7 = 10..14 (6 Jan moves to the 10th); 11 = 15.
    assert.equal(due('2100-12-20T10:00:00-05:00', 'peticion'), '2101-01-11');
  });
});

describe('holiday rules as data', () => {
  test('every built-in rule parses and carries its law and first year', () => {
    for (const rule of NATIONAL_RULES) {
      assert.equal(typeof parseRule(rule.rule), 'object', rule.name);
      assert.match(rule.source, /^Ley \d+ de \d{4}, art\. \d+$/, rule.name);
      assert.ok(rule.fromYear >= 1984, rule.name);
    }
    assert.equal(NATIONAL_RULES.find((r) => r.rule === '07-09 trasladable')?.fromYear, 2026);
  });

  test('parseRule reads the four forms and says in Spanish why anything else does not parse', () => {
    assert.deepEqual(parseRule('07-20'), { kind: 'fixed', month: 7, day: 20, moves: false });
    assert.deepEqual(parseRule('  07-09   Trasladable '), { kind: 'fixed', month: 7, day: 9, moves: true });
    assert.deepEqual(parseRule('pascua+43'), { kind: 'easter', offset: 43 });
    assert.deepEqual(parseRule('Pascua - 3'), { kind: 'easter', offset: -3 });
    assert.deepEqual(parseRule('2027-03-15'), { kind: 'once', date: '2027-03-15', year: 2027 });
    assert.equal(parseRule('13-01'), 'el mes 13 no existe');
    assert.equal(parseRule('04-31'), 'el 31 de abril no existe');
    assert.match(parseRule('02-29') as string, /29 de febrero/);
    assert.match(parseRule('12-28 trasladable') as string, /año siguiente/);
    assert.match(parseRule('pascua+400') as string, /entre -75 y \+240/);
    assert.equal(parseRule('2027-02-30'), 'la fecha 2027-02-30 no existe');
    assert.match(parseRule('el nueve de julio') as string, /^use MM-DD/);
  });

  test('a calendar with an added rule: in force from its first year to its last, memo kept apart', () => {
    const added = new HolidayCalendar([
      ...NATIONAL_RULES,
      { name: 'Festivo de prueba', rule: '03-10 trasladable', source: 'Ley 9999 de 2027, art. 1', fromYear: 2028, untilYear: 2029, added: true },
    ]);
    const test2028 = added.holidays(2028).find((h) => h.name === 'Festivo de prueba');
    assert.deepEqual(test2028, {
      date: '2028-03-13',
      name: 'Festivo de prueba',
      source: 'Ley 9999 de 2027, art. 1',
      rule: '03-10 trasladable',
      added: true,
    });
    assert.equal(added.holidays(2027).length, 19);
    assert.equal(added.holidays(2029).length, 20);
    assert.equal(added.holidays(2030).length, 19);
    // The same question, asked of both calendars in turn, gets each its own answer.
    const withRule: CalendarRules = { closureDays: new Set(), holidays: added };
    assert.equal(addBusinessDays('2028-03-10', 1, none), '2028-03-13');
    assert.equal(addBusinessDays('2028-03-10', 1, withRule), '2028-03-14');
    assert.equal(addBusinessDays('2028-03-10', 1, none), '2028-03-13');
    assert.equal(businessDaysBetween('2028-03-10', '2028-03-14', none), 2);
    assert.equal(businessDaysBetween('2028-03-10', '2028-03-14', withRule), 1);
    assert.throws(() => new HolidayCalendar([{ name: 'x', rule: 'nunca', source: 'y', fromYear: 2030 }]), RangeError);
  });
});

describe('time zone independence', () => {
  const calendarUrl = new URL('../../api/calendar/calendar.ts', import.meta.url).href;
  const holidaysUrl = new URL('../../api/calendar/holidays.ts', import.meta.url).href;
  // The same computation, run here and in child processes with other time zones.
  const script = `
    const calendar = await import(${JSON.stringify(calendarUrl)});
    const { computeDeadline, businessDaysBetween, bogotaDate, bogotaHour } = calendar;
    const { holidays } = await import(${JSON.stringify(holidaysUrl)});
    const rules = { closureDays: new Set(['2026-12-24']), cutoffHour: 16 };
    const out = { tz: new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset(), holidays: [], deadlines: [] };
    for (let y = 1984; y <= 2100; y++) out.holidays.push(holidays(y));
    for (let ms = Date.UTC(2026, 2, 1); ms < Date.UTC(2027, 1, 1); ms += 5 * 3600000) {
      const at = new Date(ms);
      const d = computeDeadline(at, 15, rules);
      out.deadlines.push([bogotaDate(at), bogotaHour(at), d.effectiveReceipt, d.dueDate,
        businessDaysBetween(d.effectiveReceipt, d.dueDate, rules)]);
    }
    process.stdout.write(JSON.stringify(out));
  `;
  const root = fileURLToPath(new URL('../..', import.meta.url));

  async function runWithTz(tz: string): Promise<{ tz: number; holidays: unknown; deadlines: unknown }> {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: root, env: { ...process.env, TZ: tz }, maxBuffer: 64 * 1024 * 1024 },
    );
    return JSON.parse(stdout);
  }

  test('Asia/Tokyo and America/Los_Angeles give the same results as UTC', async () => {
    const [utc, tokyo, losAngeles] = await Promise.all([
      runWithTz('UTC'),
      runWithTz('Asia/Tokyo'),
      runWithTz('America/Los_Angeles'),
    ]);
    // The children really ran in those zones.
    assert.equal(utc.tz, 0);
    assert.equal(tokyo.tz, -540);
    assert.equal(losAngeles.tz, 480);
    assert.deepEqual(tokyo.holidays, utc.holidays);
    assert.deepEqual(losAngeles.holidays, utc.holidays);
    assert.deepEqual(tokyo.deadlines, utc.deadlines);
    assert.deepEqual(losAngeles.deadlines, utc.deadlines);
    // And they agree with this process.
    assert.deepEqual(utc.holidays, Array.from({ length: 117 }, (_, i) => holidays(1984 + i)));
  });
});

describe('Bogotá days as instants', () => {
  test('midnight is 05:00 UTC, across a year end; a day range includes its last day', () => {
    assert.equal(bogotaMidnight('2026-03-02'), '2026-03-02T05:00:00.000Z');
    assert.equal(bogotaMidnight('2026-12-31', 1), '2027-01-01T05:00:00.000Z');
    assert.deepEqual(bogotaDayRange('2026-06-01', '2026-06-30'), { from: '2026-06-01T05:00:00.000Z', to: '2026-07-01T05:00:00.000Z' });
    assert.deepEqual(bogotaDayRange(undefined, null), { from: null, to: null });
  });
});
