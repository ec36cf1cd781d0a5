/** English of the texts both event widgets use (see messages.ts); fetched with each element's English. */
import type { Messages } from '../shared/i18n.ts';
import { commonEn } from '../shared/messages.en.ts';
import type { EventKind, EventPhase } from '../../api/events/schemas.ts';
import type { EventTexts } from './messages.ts';

const KINDS: Record<EventKind, string> = {
  'rendicion-cuentas': 'Public accountability hearing',
  inscripciones: 'Enrolment period',
  foro: 'Forum or dialogue',
  'consulta-normativa': 'Consultation on a draft rule',
  'feria-servicio': 'Service fair',
  capacitacion: 'Training',
  otro: 'Other',
};
const PHASES: Record<EventPhase, string> = { upcoming: 'Upcoming', 'in-progress': 'In progress', held: 'Held' };

export const eventTextsEn: Messages<EventTexts> = {
  ...commonEn,
  kind: (k) => KINDS[k] ?? k,
  phase: (p) => PHASES[p] ?? p,
  cancelled: 'Cancelled',
  kindLabel: 'Kind',
  whenLabel: 'Date and time',
  placeLabel: 'Place',
  onlineLabel: 'Online',
  onlineLink: 'Link to the broadcast or meeting',
  stateLabel: 'Status',
  range: (start, end) => `${start} to ${end}`,
  addToCalendar: 'Add to my calendar',
  addToCalendarOf: (title) => ` "${title}" (.ics file)`,
  loading: 'Loading…',
  retry: 'Try again',
};
