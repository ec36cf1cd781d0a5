/** Texts of `<ecam-agenda>`. */
import { lazyCatalog } from '../shared/i18n.ts';
import { eventTexts } from './messages.ts';

const events = (n: number) => (n === 1 ? '1 evento' : `${n} eventos`);

const es = {
  ...eventTexts,
  filtersLabel: 'Filtrar el calendario de participación',
  kindFilter: 'Tipo de evento',
  allKinds: 'Todos los tipos',
  show: 'Mostrar',
  upcoming: 'Próximos',
  past: 'Realizados',
  previousMonth: 'Mes anterior',
  nextMonth: 'Mes siguiente',
  thisMonth: 'Este mes',
  monthCaption: (month: string) => `Eventos de ${month}`,
  monthEvents: (month: string) => `Eventos de ${month}, en detalle`,
  listLabel: (upcoming: boolean) => (upcoming ? 'Próximos eventos' : 'Eventos realizados'),
  countUpcoming: (n: number) => (n ? `${events(n)} ${n === 1 ? 'próximo' : 'próximos'}.` : 'No hay eventos próximos con este filtro.'),
  countPast: (n: number) => (n ? `${events(n)} ${n === 1 ? 'realizado' : 'realizados'} en el último año.` : 'No hay eventos realizados en el último año con este filtro.'),
  countMonth: (n: number, month: string) => (n ? `${events(n)} en ${month}.` : `No hay eventos en ${month} con este filtro.`),
  more: 'Ver el evento',
  moreAbout: (title: string) => `: ${title}`,
  registrationOpen: (remaining: number | null) =>
    remaining === null ? 'Inscripciones abiertas.' : remaining > 0 ? `Inscripciones abiertas: quedan ${remaining} cupos.` : 'Cupo completo.',
  waitlistOpen: 'Cupo completo: puede inscribirse en la lista de espera.',
  questionsOpen: 'Recibe preguntas de la ciudadanía.',
  subscribeTitle: 'Suscríbase al calendario',
  subscribeText: 'Reciba en su aplicación de calendario (Google, Outlook, Apple, Thunderbird) todos los eventos de participación, actualizados solos.',
  subscribe: 'Suscribirme al calendario',
  download: 'Descargar el calendario (.ics)',
  feedAddress: 'Dirección del calendario para copiar en su aplicación:',
};

export type Es = typeof es;

export const messages = lazyCatalog(es, () => import('./agenda-messages.en.ts'));
