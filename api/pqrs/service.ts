import type { FastifyInstance } from 'fastify';
import { bogotaDate, computeDeadline } from '../calendar/calendar.ts';
import { calendarRules } from '../calendar/store.ts';
import { ApiError } from '../errors.ts';
import { getSettings } from '../settings/store.ts';
import type { StoredFile } from './attachments.ts';
import { PQRS_TYPES } from './catalog.ts';
import { type PqrsChannel } from './channels.ts';
import type { PqrsCreated, PqrsData } from './schemas.ts';
import { pqrsStore } from './store.ts';
import { hashTrackingCode, newTrackingCode } from './tracking-code.ts';

const dateTime = new Intl.DateTimeFormat('es-CO', { dateStyle: 'full', timeStyle: 'short', timeZone: 'America/Bogota' });
const longDate = new Intl.DateTimeFormat('es-CO', { dateStyle: 'full', timeZone: 'UTC' });

/**
 * Where a request came from: the citizen's form, staff filing a chat or a mailbox message, a
 * verbal petition typed by the official who heard it (api/pqrs/verbal.ts), or a question of an
 * event left unanswered (api/events/service.ts).
 */
export type FiledFrom = 'form' | 'chat' | 'mailbox' | 'verbal' | 'event';

/** The channel recorded for each origin (reports and the inbox show it); a verbal one says which. */
const CHANNEL: Record<FiledFrom, PqrsChannel> = { form: 'web', chat: 'chat', mailbox: 'buzon', verbal: 'presencial', event: 'evento' };

/** What a filing from another door adds to the common path. */
export interface FilingOptions {
  /** The channel, when the origin has several (a verbal petition: presencial, telefónica, …). */
  channel?: PqrsChannel;
  /** Runs inside the filing's transaction once the request is recorded (before its e-mail is queued). */
  alsoInTransaction?: (record: { id: number; radicado: string }) => void;
  /** The e-mail to the citizen instead of the acknowledgement (a verbal petition's constancia). */
  acknowledgement?: (created: PqrsCreated) => { subject: string; body: string };
}

/**
 * How the citizen follows the request: the code was shown on screen (form, chat), never was
 * (mailbox: answered by e-mail), or is sent here because the citizen was not there when staff
 * filed it (a question of an event).
 */
const FOLLOW_UP: Record<FiledFrom, string[] | ((trackingCode: string) => string[])> = {
  form: [
    'Para consultar el estado use el radicado y el código de seguimiento que se le mostró al radicar.',
    'Por seguridad, el código no se envía por correo: consérvelo.',
  ],
  chat: [
    'Para consultar el estado use el radicado y el código de seguimiento que se le mostró en el chat.',
    'Por seguridad, el código no se envía por correo: consérvelo.',
  ],
  mailbox: ['Le enviaremos la respuesta a este correo electrónico.'],
  verbal: ['Para consultar el estado use el radicado y el código de seguimiento que le dio el funcionario al radicar.'],
  event: (trackingCode) => [
    'Su pregunta quedó sin respuesta al terminar el evento, así que la radicamos como una petición: la entidad',
    'debe responderla dentro del término de ley. Le enviaremos la respuesta a este correo electrónico.',
    '',
    `Código de seguimiento: ${trackingCode}`,
    'Con el radicado y este código puede consultar el estado en el seguimiento de solicitudes del sitio web.',
  ],
};

/** The acknowledgement of CPACA art. 61: date, time and radicado, plus the legal due date. */
function acknowledgement(data: PqrsData, radicado: string, trackingCode: string, receivedAt: Date, dueDate: string, entity: string, from: FiledFrom) {
  const t = PQRS_TYPES[data.type];
  const followUp = FOLLOW_UP[from];
  const name = data.requester.kind === 'anonimo' ? '' : (data.requester.name ?? '');
  return {
    subject: `Radicado ${radicado}: recibimos su ${t.label.toLowerCase()}`,
    body: [
      `Cordial saludo${name ? `, ${name}` : ''}:`,
      '',
      `${entity} recibió su ${t.label.toLowerCase()} el ${dateTime.format(receivedAt)} (hora de Colombia).`,
      '',
      `Radicado: ${radicado}`,
      `Asunto: ${data.subject}`,
      `Fecha límite de respuesta: ${longDate.format(new Date(`${dueDate}T00:00:00Z`))} (${t.businessDays} días hábiles, Ley 1755 de 2015).`,
      '',
      ...(typeof followUp === 'function' ? followUp(trackingCode) : followUp),
      '',
      'Este es un mensaje automático; por favor no lo responda.',
    ].join('\n'),
  };
}

/** Files a PQRSD: deadline from the calendar, radicado, hashed tracking code, acknowledgement. */
export function pqrsService(app: FastifyInstance) {
  const store = pqrsStore(app.db);
  const { config, mailer } = app;

  return {
    async file(
      data: PqrsData,
      files: StoredFile[],
      ip: string,
      now: Date,
      from: FiledFrom = 'form',
      options: FilingOptions = {},
    ): Promise<PqrsCreated> {
      // Prefix, cut-off hour and entity name as the admins last set them.
      const settings = getSettings(app.db, config);
      const businessDays = PQRS_TYPES[data.type].businessDays;
      const rules = calendarRules(app.db, settings.cutoffHour ?? undefined);
      const { effectiveReceipt, dueDate } = computeDeadline(now, businessDays, rules);
      const trackingCode = newTrackingCode();
      const receivedAt = now.toISOString();
      const email = data.requester.kind === 'anonimo' ? undefined : data.requester.email;
      const created = (radicado: string): PqrsCreated =>
        ({ radicado, trackingCode, receivedAt, effectiveReceipt, dueDate, businessDays, type: data.type });
      const { radicado } = await app.commit(() => store.create({
        prefix: settings.radicadoPrefix,
        year: Number(bogotaDate(now).slice(0, 4)),
        data,
        channel: options.channel ?? CHANNEL[from],
        receivedAt,
        effectiveReceipt,
        businessDays,
        dueDate,
        consentIp: ip,
        consentPolicy: config.policyVersion,
        files,
        trackingHash: (r) => hashTrackingCode(r, trackingCode),
        alsoInTransaction: (r, id) => {
          options.alsoInTransaction?.({ id, radicado: r });
          if (!email) return;
          const mail = options.acknowledgement?.(created(r)) ?? acknowledgement(data, r, trackingCode, now, dueDate, settings.entityName, from);
          mailer.enqueue({ to: email, ...mail });
        },
      }));
      if (email) void mailer.flush();
      return created(radicado);
    },
  };
}

/**
 * Files what staff received by another channel (a chat conversation, a mailbox message) as a
 * PQRSD, once: 409 when it already has a radicado or is being filed right now (`filing` holds the
 * ids in flight). `record` stores the radicado inside a group commit; its result is passed on.
 */
export async function fileOnce<T>(
  app: FastifyInstance,
  item: { id: number; radicado: string | null; consentIp: string; from: Exclude<FiledFrom, 'form'> },
  filing: Set<number>,
  data: () => PqrsData,
  record: (created: PqrsCreated) => T,
): Promise<{ created: PqrsCreated; recorded: T }> {
  const what = item.from === 'chat' ? 'Esta conversación' : 'Este mensaje';
  if (item.radicado) throw new ApiError(409, `${what} ya se radicó como ${item.radicado}.`, undefined, 'converted');
  if (filing.has(item.id)) throw new ApiError(409, `${what} ya se está radicando.`, undefined, 'converted');
  filing.add(item.id);
  try {
    const created = await pqrsService(app).file(data(), [], item.consentIp, app.now(), item.from);
    const recorded = await app.commit(() => record(created));
    return { created, recorded };
  } finally {
    filing.delete(item.id);
  }
}
