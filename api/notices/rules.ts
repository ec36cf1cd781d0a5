/**
 * The legal rules of notices (CPACA art. 69; DOMAIN.md section 1), as plain functions over plain
 * data: which requests may have their answer published, and the dates of a publication.
 *
 * - Dates: a notice published on day P is shown the rest of P and the next 5 business days of
 *   api/calendar (weekends, national holidays and closure days do not count); P itself does not
 *   count, because it is never a whole day (terms run from the day after the act, as the PQRSD
 *   terms run from the day after receipt). It is removed at the end of the 5th business day
 *   (`removalOn = addBusinessDays(P, 5)`), and notification is done at the end of the next
 *   business day (`notifiedOn = nextBusinessDay(removalOn)`): art. 69 says "al finalizar el día
 *   siguiente al retiro del aviso", and days in legal terms are business days (Ley 4 de 1913,
 *   art. 62; CGP art. 118), the same calendar the response terms use.
 * - Eligibility: only an answered request (state respondida or cerrada). An anonymous one is
 *   published as "respuesta anónima" (Res. 1519 de 2020, transparency menu); one whose answer
 *   cannot be delivered (no e-mail or postal address for the channel chosen, or a delivery failure
 *   staff recorded) as "aviso". A request answered in the tracker by the citizen's choice is
 *   delivered there: it needs a recorded failure first. One notice per request.
 */
import { addBusinessDays, bogotaDate, nextBusinessDay, type CalendarRules } from '../calendar/calendar.ts';
import type { RequesterKind, ResponseChannel } from '../pqrs/catalog.ts';
import type { PqrsState } from '../pqrs/states.ts';

/** CPACA art. 69: "por el término de cinco (5) días". */
export const NOTICE_BUSINESS_DAYS = 5;

export const NOTICE_KINDS = {
  aviso: 'Aviso (respuesta que no se pudo entregar)',
  anonima: 'Respuesta a solicitud anónima',
} as const;
export type NoticeKind = keyof typeof NOTICE_KINDS;
export const NOTICE_KIND_VALUES = Object.keys(NOTICE_KINDS) as [NoticeKind, ...NoticeKind[]];

export const DELIVERY_CHANNELS = { email: 'Correo electrónico', postal: 'Correo postal' } as const;
export type DeliveryChannel = keyof typeof DELIVERY_CHANNELS;
export const DELIVERY_CHANNEL_VALUES = Object.keys(DELIVERY_CHANNELS) as [DeliveryChannel, ...DeliveryChannel[]];

export interface NoticeDates {
  publishedOn: string;
  removalOn: string;
  notifiedOn: string;
}

/** The dates of a notice published at `publishedAt` (see the header). */
export function noticeDates(publishedAt: Date, rules: CalendarRules): NoticeDates {
  const publishedOn = bogotaDate(publishedAt);
  const removalOn = addBusinessDays(publishedOn, NOTICE_BUSINESS_DAYS, rules);
  return { publishedOn, removalOn, notifiedOn: nextBusinessDay(removalOn, rules) };
}

/** Whether a notice is on the website on Bogotá day `today`. */
export function isCurrent(n: Pick<NoticeDates, 'publishedOn' | 'removalOn'>, today: string): boolean {
  return n.publishedOn <= today && today <= n.removalOn;
}

/** What eligibility looks at. */
export interface EligibilityInput {
  state: PqrsState;
  hasAnswer: boolean;
  requesterKind: RequesterKind;
  responseChannel: ResponseChannel;
  email: string | null;
  address: string | null;
  failures: number;
}

export type Eligibility = { kind: NoticeKind; reason: string } | { kind: null; reason: string };

/** Whether the answer may be published, as what, and why (in Spanish, for staff). */
export function eligibility(r: EligibilityInput): Eligibility {
  if (!r.hasAnswer || (r.state !== 'respondida' && r.state !== 'cerrada')) {
    return { kind: null, reason: 'La solicitud aún no tiene una respuesta enviada: el aviso publica la respuesta.' };
  }
  if (r.requesterKind === 'anonimo') {
    return { kind: 'anonima', reason: 'Solicitud anónima: su respuesta se publica sin datos personales (Resolución 1519 de 2020).' };
  }
  if (r.failures > 0) {
    return { kind: 'aviso', reason: 'Se registró que la respuesta no se pudo entregar: se publica por aviso (CPACA, art. 69).' };
  }
  if ((r.responseChannel === 'email' && !r.email) || (r.responseChannel === 'postal' && !r.address)) {
    return { kind: 'aviso', reason: 'No hay dirección para entregar la respuesta: se publica por aviso (CPACA, art. 69).' };
  }
  return {
    kind: null,
    reason:
      r.responseChannel === 'online'
        ? 'El ciudadano consulta la respuesta en línea. Si pidió otro medio y no fue posible entregarla, registre la entrega fallida.'
        : 'La respuesta se envió al medio que eligió el ciudadano. Si no fue posible entregarla, registre la entrega fallida.',
  };
}

/** The channels a delivery failure can be recorded for: those with an address in the record. */
export function failureChannels(r: Pick<EligibilityInput, 'requesterKind' | 'email' | 'address' | 'state' | 'hasAnswer'>): DeliveryChannel[] {
  if (r.requesterKind === 'anonimo' || !r.hasAnswer || (r.state !== 'respondida' && r.state !== 'cerrada')) return [];
  return DELIVERY_CHANNEL_VALUES.filter((c) => (c === 'email' ? !!r.email : !!r.address));
}
