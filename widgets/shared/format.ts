/** Dates, sizes and waits formatted for the reader's language. Bogotá has no daylight saving. */
import { localeOf, type Lang } from './i18n.ts';

export const TIME_ZONE = 'America/Bogota';

/** A date-only value (`2026-12-29`) as "martes, 29 de diciembre de 2026", never shifted a day. */
export function formatDate(isoDate: string, lang: Lang = 'es'): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDate;
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'full', timeZone: 'UTC' }).format(d);
}

/** An instant as Bogotá date and time: "4 de diciembre de 2026, 3:00 p. m.". */
export function formatDateTime(iso: string, lang: Lang = 'es'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE }).format(d);
}

/** The Bogotá calendar date of an instant, as `YYYY-MM-DD`. */
export function bogotaDate(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date(iso));
}

/** A file size the way people read it: "850 KB", "1,2 MB" (binary units, as the server's limit). */
export function formatBytes(bytes: number, lang: Lang = 'es'): string {
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / 1024 / 1024, 'MB'];
  return `${new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value)} ${unit}`;
}

/** A wait in seconds as "45 segundos" or "3 minutos". */
export function formatWait(seconds: number, lang: Lang = 'es'): string {
  const [value, unit] = seconds < 60 ? [seconds, 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return new Intl.NumberFormat(localeOf(lang), { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
