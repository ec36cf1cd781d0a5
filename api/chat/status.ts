/**
 * Whether the chat is open now (DOMAIN.md section 6): a business day in Bogotá (weekday, not a
 * holiday, not a closure day), within the office hours of the settings, and at least one
 * official really there (availability flag set AND a console stream open).
 */
import { bogotaDate, bogotaMidnight, isBusinessDay, type CalendarRules } from '../calendar/calendar.ts';
import type { OfficeHours } from '../settings/schemas.ts';
import type { ChatStatus } from './schemas.ts';

const DAY_MS = 86_400_000;

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** ISO weekday (1 Monday … 7 Sunday) of a YYYY-MM-DD date. */
function isoWeekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}

/** The instant of `hh:mm` in Bogotá on `date`. */
function bogotaInstant(date: string, minutes: number): Date {
  return new Date(Date.parse(bogotaMidnight(date)) + minutes * 60_000);
}

/** Whether `now` falls within an office-hours slot (`from` included, `to` excluded) of its Bogotá day. */
export function withinOfficeHours(now: Date, hours: readonly OfficeHours[]): boolean {
  const date = bogotaDate(now);
  const day = isoWeekday(date);
  const minute = Math.floor((now.getTime() - Date.parse(bogotaMidnight(date))) / 60_000);
  return hours.some((h) => h.day === day && minutesOf(h.from) <= minute && minute < minutesOf(h.to));
}

/** The next start of an office-hours slot on a business day, strictly after `now`; null if none within a year. */
export function nextOpening(now: Date, hours: readonly OfficeHours[], rules: CalendarRules): string | null {
  if (hours.length === 0) return null;
  const today = bogotaDate(now);
  for (let d = 0; d <= 366; d++) {
    const date = new Date(Date.parse(`${today}T00:00:00Z`) + d * DAY_MS).toISOString().slice(0, 10);
    if (!isBusinessDay(date, rules)) continue;
    const day = isoWeekday(date);
    const starts = hours
      .filter((h) => h.day === day)
      .map((h) => bogotaInstant(date, minutesOf(h.from)))
      .filter((t) => t.getTime() > now.getTime())
      .sort((a, b) => a.getTime() - b.getTime());
    if (starts[0]) return starts[0].toISOString();
  }
  return null;
}

/** The public status; `anyAgent` says whether an official is available and connected. */
export function chatStatus(now: Date, hours: readonly OfficeHours[], rules: CalendarRules, anyAgent: boolean): ChatStatus {
  const next = nextOpening(now, hours, rules);
  if (!isBusinessDay(bogotaDate(now), rules)) return { online: false, reason: 'non_business_day', nextOpening: next };
  if (!withinOfficeHours(now, hours)) return { online: false, reason: 'outside_hours', nextOpening: next };
  if (!anyAgent) return { online: false, reason: 'no_agents', nextOpening: next };
  return { online: true, reason: 'open', nextOpening: next };
}

/**
 * The status of an event's chat window (issue 12): online between `opensAt` (included) and
 * `closesAt` (excluded) when one of the event's officials is there; office hours and business
 * days do not apply (staff chose the window). A cancelled event's window never opens.
 */
export function eventChatStatus(
  now: Date,
  window: { opensAt: string; closesAt: string; cancelled: boolean },
  anyOfficial: boolean,
): Pick<ChatStatus, 'online' | 'reason' | 'nextOpening'> {
  const t = now.toISOString();
  if (window.cancelled || t >= window.closesAt) return { online: false, reason: 'outside_event_window', nextOpening: null };
  if (t < window.opensAt) return { online: false, reason: 'outside_event_window', nextOpening: window.opensAt };
  if (!anyOfficial) return { online: false, reason: 'no_agents', nextOpening: null };
  return { online: true, reason: 'open', nextOpening: null };
}
