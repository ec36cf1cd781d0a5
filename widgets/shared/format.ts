/** Spanish (Colombia) formatting shared by the widgets. Bogotá has no daylight saving. */

const LOCALE = 'es-CO';
export const TIME_ZONE = 'America/Bogota';

/** A date-only value (`2026-12-29`) as "martes, 29 de diciembre de 2026", never shifted a day. */
export function formatDate(isoDate: string): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDate;
  return new Intl.DateTimeFormat(LOCALE, { dateStyle: 'full', timeZone: 'UTC' }).format(d);
}

/** An instant as Bogotá date and time: "4 de diciembre de 2026, 3:00 p. m.". */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE }).format(d);
}

/** The Bogotá calendar date of an instant, as `YYYY-MM-DD`. */
export function bogotaDate(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date(iso));
}

/** A file size the way people read it: "850 KB", "1,2 MB" (binary units, as the server's limit). */
export function formatBytes(bytes: number): string {
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / 1024 / 1024, 'MB'];
  return `${new Intl.NumberFormat(LOCALE, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value)} ${unit}`;
}

/** A wait in seconds as "45 segundos" or "3 minutos". */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} ${seconds === 1 ? 'segundo' : 'segundos'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} ${minutes === 1 ? 'minuto' : 'minutos'}`;
}
