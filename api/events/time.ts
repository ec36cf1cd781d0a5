/** Bogotá's wall clock for the events' wire format (UTC-5 all year, no daylight saving). */

const OFFSET_MS = 5 * 3_600_000;

/** An ISO instant as Bogotá's wall clock with its offset: `2027-03-10T09:00:00-05:00`. */
export function bogotaIso(iso: string): string {
  return `${new Date(Date.parse(iso) - OFFSET_MS).toISOString().slice(0, 19)}-05:00`;
}
