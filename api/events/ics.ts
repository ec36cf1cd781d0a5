/**
 * The events as iCalendar (RFC 5545) through ical-generator: times in America/Bogota with its
 * VTIMEZONE, a UID that never changes (`evento-<id>@<host>`: the id, not the slug, which staff
 * may edit), cancelled events as STATUS:CANCELLED so subscribed calendars strike them out.
 */
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalTZDateStub } from 'ical-generator';
import type { EventRow } from './store.ts';

const TZID = 'America/Bogota';
const OFFSET_MS = 5 * 3_600_000;

/** Bogotá has kept UTC-5 without daylight saving since 1993. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TZID}`,
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0500',
  'TZNAME:-05',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/** A Date whose local getters read Bogotá's wall clock, whatever the server's TZ. */
class BogotaWallClock extends Date {
  private wall(): Date {
    return new Date(this.getTime() - OFFSET_MS);
  }
  override getFullYear() {
    return this.wall().getUTCFullYear();
  }
  override getMonth() {
    return this.wall().getUTCMonth();
  }
  override getDate() {
    return this.wall().getUTCDate();
  }
  override getHours() {
    return this.wall().getUTCHours();
  }
  override getMinutes() {
    return this.wall().getUTCMinutes();
  }
  override getSeconds() {
    return this.wall().getUTCSeconds();
  }
}

/**
 * An instant ical-generator writes as Bogotá's wall time next to TZID. It speaks the library's
 * protocol for @date-fns/tz's TZDate (`internal`, `tzComponents`, `withTimeZone`), so the output
 * does not depend on the server's TZ and no date library is needed for a zone without DST.
 */
class BogotaInstant extends Date implements ICalTZDateStub {
  timeZone = TZID;
  internal = new Date(this.getTime());
  tzComponents() {
    return undefined;
  }
  withTimeZone(): ICalTZDateStub {
    return Object.assign(new BogotaWallClock(this.getTime()), { withTimeZone: () => this.withTimeZone() });
  }
}

export interface IcsOptions {
  /** The calendar's name, e.g. "Participación · ECAM". */
  name: string;
  /** Host part of the UIDs. */
  uidHost: string;
  /** The page of an event, for URL; null to leave it out. */
  eventUrl: (row: EventRow) => string | null;
}

export function eventsIcs(rows: EventRow[], o: IcsOptions): string {
  const cal = ical({
    name: o.name,
    prodId: { company: 'ECAM Participa', product: 'Agenda de participación', language: 'ES' },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone (DTSTAMP stays UTC); each event names its own, whose VTIMEZONE this writes.
    timezone: { name: null, generator: (tz) => (tz === TZID ? VTIMEZONE : null) },
    ttl: 3600,
  });
  for (const r of rows) {
    const description = [r.summary, r.body].filter(Boolean).join('\n\n');
    const location = [r.place, r.online_url].filter(Boolean).join(' · ');
    cal.createEvent({
      id: `evento-${r.id}@${o.uidHost}`,
      timezone: TZID,
      start: new BogotaInstant(Date.parse(r.starts_at)),
      end: new BogotaInstant(Date.parse(r.ends_at)),
      stamp: new Date(r.updated_at),
      lastModified: new Date(r.updated_at),
      summary: r.title,
      description: description || null,
      location: location || null,
      url: o.eventUrl(r),
      status: r.state === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
