/** What both event widgets compute from an event: its dates in Bogotá, its links. */
import type { PublicEvent } from '../../api/events/schemas.ts';
import { TIME_ZONE } from '../shared/format.ts';
import { localeOf, type Lang } from '../shared/i18n.ts';

/** "10 de marzo de 2027, 9:00 a. m. – 12:00 p. m." (the date once when both ends share it). */
export function formatRange(e: Pick<PublicEvent, 'startsAt' | 'endsAt'>, lang: Lang): string {
  const f = new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE });
  return f.formatRange(new Date(e.startsAt), new Date(e.endsAt));
}

/** The hour only, "9:00 a. m." (the month view's cells). */
export function formatTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(localeOf(lang), { timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
}

/** `GET /api/events/:slug.ics`: one event for the citizen's calendar app. */
export const icsUrl = (base: string, slug: string): string => `${base}/api/events/${encodeURIComponent(slug)}.ics`;

/** The page of an event: the `event-url` template with `{slug}` replaced; undefined without one. */
export function eventPage(template: string | undefined, slug: string): string | undefined {
  return template?.trim() ? template.replaceAll('{slug}', encodeURIComponent(slug)) : undefined;
}
