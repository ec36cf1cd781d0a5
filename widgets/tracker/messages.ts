/**
 * Texts of `<ecam-tracker>`. Names of types and states come from the server in Spanish; their
 * English is in widgets/pqrs/vocabulary.en.ts, keyed by the same values.
 */
import type { PqrsType } from '../../api/pqrs/catalog.ts';
import type { PqrsState } from '../../api/pqrs/states.ts';
import { lazyCatalog } from '../shared/i18n.ts';
import { common } from '../shared/messages.ts';

const OFFLINE = common.offline;

const es = {
  ...common,
  radicadoLabel: 'Radicado',
  codeLabel: 'Código de seguimiento',
  required: (label: string) => `${label}: es obligatorio.`,
  notFound: 'No encontramos una solicitud con ese radicado y código. Revise ambos datos.',
  /** "Quedan 12 días hábiles", "Vence hoy", "Vencida hace 3 días hábiles". */
  daysLeft: (days: number) => {
    const n = Math.abs(days);
    const unit = n === 1 ? 'día hábil' : 'días hábiles';
    if (days < 0) return `Vencida hace ${n} ${unit}`;
    if (days === 0) return 'Vence hoy';
    return `${n === 1 ? 'Queda' : 'Quedan'} ${n} ${unit}`;
  },
  // The server already says these in Spanish; English readers get them from the vocabulary.
  type: (_type: PqrsType, spanish: string) => spanish,
  state: (_state: PqrsState, spanish: string) => spanish,
  stateDescription: (_state: PqrsState, spanish: string) => spanish,
  downloading: (name: string) => `Descargando ${name}…`,
  downloaded: (name: string) => `Descargado: ${name}.`,
  downloadOffline: (name: string) => `No pudimos descargar «${name}». ${OFFLINE}`,
  gone: (name: string) => `El archivo «${name}» ya no está disponible. Consulte de nuevo su solicitud.`,
  tooMany: (wait: string) => `Se hicieron demasiadas consultas desde su conexión. Espere ${wait} e intente de nuevo.`,
  formLabel: 'Consultar el estado de una solicitud',
  intro: 'Escriba el número de radicado y el código de seguimiento que recibió al presentar su solicitud.',
  radicado: 'Número de radicado',
  radicadoHint: (year: number) => `Está en el acuse de recibo, por ejemplo ECAM-${year}-000123.`,
  codeHint:
    'Son 12 letras y números, por ejemplo ABCD-EFGH-JKMN. Puede escribirlo con o sin guiones, en mayúsculas o minúsculas.',
  secret: 'No comparta su código: con él cualquier persona puede ver su solicitud y la respuesta.',
  searching: 'Consultando…',
  search: 'Consultar',
  searchingStatus: 'Consultando su solicitud…',
  clockStopped:
    'Plazo suspendido mientras completa su solicitud: la fecha se correrá los días hábiles que tarde en hacerlo.',
  dueDate: 'Fecha límite de respuesta',
  extended: (date: string) => `Prorrogada; la fecha inicial era el ${date}.`,
  transferred: (entity: string) => `Trasladada a ${entity}`,
  transferText: (date: string) =>
    `Esa entidad es la competente y le responderá directamente. Fecha del traslado: ${date}`,
  extensionTitle: 'Plazo prorrogado',
  extensionText: (at: string, due: string) => ` el ${at}, hasta el ${due}.`,
  reason: (reason: string) => `Motivo: ${reason}`,
  completionExpired: 'El plazo para completar su solicitud venció',
  completionExpiredOn: (date: string) => `el ${date}.`,
  completionTitle: 'Complete su solicitud',
  completionBy: (date: string, extended: boolean) => `a más tardar el ${date}${extended ? ' (plazo ampliado)' : ''}.`,
  completionWhat: 'En el historial está lo que la entidad le pidió.',
  answerTitle: 'Respuesta de la entidad',
  answeredAt: (date: string) => `Respondida el ${date}`,
  answerFiles: 'Archivos de la respuesta',
  downloadingButton: 'Descargando',
  download: 'Descargar',
  surveyOffline: `No pudimos abrir la encuesta. ${OFFLINE}`,
  satisfaction: '¿Cómo le pareció la atención?',
  surveyDone: 'Gracias: ya respondió la encuesta.',
  surveyInvite: (title: string) => `Cuéntenos en la encuesta «${title}»; toma un par de minutos.`,
  surveyButton: 'Responder la encuesta de satisfacción',
  timeline: 'Historial de la solicitud',
  timelineOrder: 'De lo más antiguo a lo más reciente.',
  statusTitle: (radicado: string) => `Estado de la solicitud ${radicado}`,
  stateLabel: 'Estado: ',
  typeLabel: 'Tipo de solicitud',
  receivedAt: 'Fecha y hora de recepción',
  effective: (date: string) => `Se entiende recibida el ${date}, primer día hábil.`,
  another: 'Consultar otra solicitud',
  noticeTitle: (anonymous: boolean) => (anonymous ? 'Respuesta publicada en el sitio web' : 'Respuesta publicada por aviso'),
  noticeText: (anonymous: boolean, from: string, to: string) =>
    anonymous
      ? `Por ser una solicitud anónima, la respuesta se publicó sin datos personales en el sitio web de la entidad del ${from} al ${to}.`
      : `No fue posible entregarle la respuesta; se publicó en el sitio web de la entidad del ${from} al ${to}.`,
  noticeNotified: (date: string) => `La notificación se entiende surtida al terminar el ${date} (Ley 1437 de 2011, art. 69).`,
  noticeCurrent: 'Está publicada ahora en la sección de avisos de la página de transparencia.',
};

export type Es = typeof es;

export const messages = lazyCatalog(es, () => import('./messages.en.ts'));
