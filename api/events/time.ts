/** Bogotá's wall clock for the events' wire format (UTC-5 all year, no daylight saving). */

const OFFSET_MS = 5 * 3_600_000;

/** An ISO instant as Bogotá's wall clock with its offset: `2027-03-10T09:00:00-05:00`. */
export function bogotaIso(iso: string): string {
  return `${new Date(Date.parse(iso) - OFFSET_MS).toISOString().slice(0, 19)}-05:00`;
}

const longDay = new Intl.DateTimeFormat('es-CO', { timeZone: 'America/Bogota', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** "miércoles 10 de marzo de 2027, 09:00" in Bogotá. */
export function bogotaLong(iso: string): string {
  return `${longDay.format(new Date(iso)).replace(/,/g, '')}, ${bogotaIso(iso).slice(11, 16)}`;
}

/** "el sábado 13 de marzo de 2027 de 08:00 a 12:00", or "del … al …" across days, in Bogotá. */
export function bogotaSpan(from: string, to: string): string {
  const day = (iso: string) => longDay.format(new Date(iso)).replace(/,/g, '');
  const hour = (iso: string) => bogotaIso(iso).slice(11, 16);
  if (bogotaIso(from).slice(0, 10) === bogotaIso(to).slice(0, 10)) return `el ${day(from)} de ${hour(from)} a ${hour(to)}`;
  return `del ${bogotaLong(from)} al ${bogotaLong(to)}`;
}
