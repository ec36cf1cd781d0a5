/**
 * Texts both event widgets use (kinds, phases, dates, calendar links); each element's catalog
 * includes them (`{ ...eventTexts, ... }`), as the widgets' catalogs include `common`.
 */
import type { EventFigures, EventKind, EventPhase } from '../../api/events/schemas.ts';
import { common } from '../shared/messages.ts';

/** The names of kinds, phases and figures, shared with the staff page (widgets/admin/messages-events.ts). */
export const KIND_NAMES: Record<EventKind, string> = {
  'rendicion-cuentas': 'Rendición de cuentas',
  inscripciones: 'Inscripciones',
  foro: 'Foro o diálogo',
  'consulta-normativa': 'Consulta de proyecto normativo',
  'feria-servicio': 'Feria de servicio',
  capacitacion: 'Capacitación',
  otro: 'Otro',
};
/** The kinds in the staff's order (only types come from api/: its values would bring zod along). */
export const KIND_LIST = Object.keys(KIND_NAMES) as EventKind[];
export const PHASE_NAMES: Record<EventPhase, string> = { upcoming: 'Próximo', 'in-progress': 'En curso', held: 'Realizado' };
export const FIGURE_NAMES: Record<keyof EventFigures, string> = {
  registered: 'Personas inscritas',
  waitlisted: 'En lista de espera',
  attended: 'Asistentes',
  questionsReceived: 'Preguntas recibidas',
  questionsPublished: 'Preguntas publicadas',
  questionsAnswered: 'Preguntas respondidas',
  surveyAnswers: 'Respuestas a la encuesta',
};

export const eventTexts = {
  ...common,
  kind: (k: EventKind) => KIND_NAMES[k] ?? k,
  phase: (p: EventPhase) => PHASE_NAMES[p] ?? p,
  figureLabel: (key: string) => FIGURE_NAMES[key as keyof EventFigures] ?? key,
  cancelled: 'Cancelado',
  kindLabel: 'Tipo',
  whenLabel: 'Fecha y hora',
  placeLabel: 'Lugar',
  onlineLabel: 'En línea',
  onlineLink: 'Enlace de la transmisión o reunión',
  stateLabel: 'Estado',
  /** "10 de marzo de 2027, 9:00 a. m. a 12:00 p. m." (same day) or both dates. */
  range: (start: string, end: string) => `${start} a ${end}`,
  addToCalendar: 'Agregar a mi calendario',
  addToCalendarOf: (title: string) => ` «${title}» (archivo .ics)`,
  loading: 'Cargando…',
  retry: 'Intentar de nuevo',
};
export type EventTexts = typeof eventTexts;
