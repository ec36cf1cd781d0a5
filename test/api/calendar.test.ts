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
import { easterSunday, holidays, isHoliday } from '../../api/calendar/holidays.ts';
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
  test('2026 matches the published list, with the names of the law', () => {
    assert.deepEqual(holidays(2026), [
      { date: '2026-01-01', name: 'Año Nuevo' },
      { date: '2026-01-12', name: 'Reyes Magos' },
      { date: '2026-03-23', name: 'San José' },
      { date: '2026-04-02', name: 'Jueves Santo' },
      { date: '2026-04-03', name: 'Viernes Santo' },
      { date: '2026-05-01', name: 'Día del Trabajo' },
      { date: '2026-05-18', name: 'Ascensión del Señor' },
      { date: '2026-06-08', name: 'Corpus Christi' },
      { date: '2026-06-15', name: 'Sagrado Corazón' },
      { date: '2026-06-29', name: 'San Pedro y San Pablo' },
      { date: '2026-07-20', name: 'Independencia' },
      { date: '2026-08-07', name: 'Batalla de Boyacá' },
      { date: '2026-08-17', name: 'Asunción de la Virgen' },
      { date: '2026-10-12', name: 'Día de la Raza' },
      { date: '2026-11-02', name: 'Todos los Santos' },
      { date: '2026-11-16', name: 'Independencia de Cartagena' },
      { date: '2026-12-08', name: 'Inmaculada Concepción' },
      { date: '2026-12-25', name: 'Navidad' },
    ]);
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
    assert.deepEqual(june30, [
      { date: '2025-06-30', name: 'Sagrado Corazón' },
      { date: '2025-06-30', name: 'San Pedro y San Pablo' },
    ]);
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

  test('every year 1990-2100: 18 entries, sorted, in the year, movable ones on Monday', () => {
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
    for (let year = 1990; year <= 2100; year++) {
      const list = holidays(year);
      assert.equal(list.length, 18, `${year}`);
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
    assert.equal(holidays(2027).length, 18);
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
    for (let y = 1990; y <= 2100; y++) out.holidays.push(holidays(y));
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
    assert.deepEqual(utc.holidays, Array.from({ length: 111 }, (_, i) => holidays(1990 + i)));
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
