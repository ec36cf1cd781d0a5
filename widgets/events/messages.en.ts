/** English of the texts both event widgets use (see messages.ts); fetched with each element's English. */
import type { Messages } from '../shared/i18n.ts';
import { commonEn } from '../shared/messages.en.ts';
import type { EventFigures, EventKind, EventPhase } from '../../api/events/schemas.ts';
import type { EventTexts } from './messages.ts';

/** English names of kinds, phases and figures, shared with the staff page. */
export const KIND_NAMES_EN: Record<EventKind, string> = {
  'rendicion-cuentas': 'Public accountability hearing',
  inscripciones: 'Enrolment period',
  foro: 'Forum or dialogue',
  'consulta-normativa': 'Consultation on a draft rule',
  'feria-servicio': 'Service fair',
  capacitacion: 'Training',
  otro: 'Other',
};
export const PHASE_NAMES_EN: Record<EventPhase, string> = { upcoming: 'Upcoming', 'in-progress': 'In progress', held: 'Held' };
export const FIGURE_NAMES_EN: Record<keyof EventFigures, string> = {
  registered: 'People registered',
  waitlisted: 'On the waiting list',
  attended: 'Attendees',
  questionsReceived: 'Questions received',
  questionsPublished: 'Questions published',
  questionsAnswered: 'Questions answered',
  surveyAnswers: 'Survey answers',
};

export const eventTextsEn: Messages<EventTexts> = {
  ...commonEn,
  kind: (k) => KIND_NAMES_EN[k] ?? k,
  phase: (p) => PHASE_NAMES_EN[p] ?? p,
  figureLabel: (key) => FIGURE_NAMES_EN[key as keyof EventFigures] ?? key,
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
