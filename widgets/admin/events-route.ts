/**
 * The addresses of the participation plan in the staff page, apart from the views (admin.ts
 * imports this, never the views): `#/participacion?anio=2027`, `#/evento/nuevo`,
 * `#/evento/12/editar`, `…/inscripciones`, `…/preguntas`, `…/memoria`.
 */
import type { Lang } from '../shared/i18n.ts';

/** The pages of one event, with their document titles. */
export const EVENT_PAGES = {
  nuevo: { es: 'Nuevo evento', en: 'New event' },
  editar: { es: 'Datos del evento', en: 'Event details' },
  inscripciones: { es: 'Inscripciones del evento', en: 'Event registrations' },
  preguntas: { es: 'Preguntas del evento', en: 'Event questions' },
  memoria: { es: 'Memoria del evento', en: 'Event results' },
} as const;
export type EventPage = keyof typeof EVENT_PAGES;

/** `12/editar` as the event's id and page, `nuevo` as a new event (id 0), or null. */
export function parseEventArg(arg: string): { id: number; page: EventPage } | null {
  if (arg === 'nuevo') return { id: 0, page: 'nuevo' };
  const m = /^([1-9]\d{0,11})\/([a-z]+)$/.exec(arg);
  if (!m || m[2] === 'nuevo' || !(m[2]! in EVENT_PAGES)) return null;
  return { id: Number(m[1]), page: m[2] as EventPage };
}

export const eventPageTitle = (page: EventPage, lang: Lang): string => EVENT_PAGES[page][lang];
