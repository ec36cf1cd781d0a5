/**
 * Texts of `<ecam-pqrs>`. The Spanish names of types, documents and channels live with the API
 * (api/pqrs/catalog.ts); their English names in messages.en.ts, keyed by the same values.
 */
import {
  DOCUMENT_TYPES,
  PQRS_TYPES,
  REQUESTER_KINDS,
  RESPONSE_CHANNELS,
  type DocumentType,
  type PqrsType,
  type RequesterKind,
  type ResponseChannel,
} from '../../api/pqrs/catalog.ts';
import { lazyCatalog } from '../shared/i18n.ts';
import { common } from '../shared/messages.ts';

/** The fields a message can point at, named as the server names them. */
export type Field =
  | 'requester.kind'
  | 'requester.documentType'
  | 'requester.documentNumber'
  | 'requester.name'
  | 'requester.email'
  | 'requester.phone'
  | 'requester.address'
  | 'requester.city'
  | 'type'
  | 'subject'
  | 'description'
  | 'responseChannel'
  | 'attachments'
  | 'consent';

/** Every field with its Spanish label; `isField` in pqrs.ts reads its keys too. */
export const LABELS: Record<Field, string> = {
  'requester.kind': 'Tipo de solicitante',
  'requester.documentType': 'Tipo de documento',
  'requester.documentNumber': 'Número de documento',
  'requester.name': 'Nombre',
  'requester.email': 'Correo electrónico',
  'requester.phone': 'Teléfono',
  'requester.address': 'Dirección',
  'requester.city': 'Municipio',
  type: 'Tipo de solicitud',
  subject: 'Asunto',
  description: 'Descripción',
  responseChannel: 'Medio de respuesta',
  attachments: 'Archivos adjuntos',
  consent: 'Autorización de datos',
};

const es = {
  ...common,
  label: (field: Field) => LABELS[field],
  kind: (kind: RequesterKind) => REQUESTER_KINDS[kind],
  document: (doc: DocumentType) => DOCUMENT_TYPES[doc],
  channel: (channel: ResponseChannel) => RESPONSE_CHANNELS[channel],
  type: (type: PqrsType) => PQRS_TYPES[type].label,
  typeHelp: (type: PqrsType) => PQRS_TYPES[type].help,
  term: (days: number) => `Plazo: ${days} días hábiles`,
  accepted: 'PDF, JPG, PNG, DOCX, XLSX, ODT o TXT',
  notAccepted: (name: string, list: string) => `«${name}» no es de un tipo admitido (${list}).`,
  emptyFile: (name: string) => `«${name}» está vacío.`,
  tooBig: (name: string, size: string, max: string) => `«${name}» pesa ${size}; el máximo es ${max} por archivo.`,
  tooMany: (max: number, name: string) => `Puede adjuntar máximo ${max} archivos; «${name}» no se agregó.`,
  companyName: 'Razón social',
  nit: 'NIT',
  mustConsent: (label: string) => `${label}: debe marcar la casilla para aceptar el tratamiento de datos personales.`,
  choose: (label: string) => `${label}: elija una opción.`,
  required: (label: string) => `${label}: es obligatorio.`,
  minLength: (label: string, min: number) => `${label}: escriba al menos ${min} caracteres.`,
  email: (label: string) => `${label}: escriba una dirección válida, por ejemplo nombre@dominio.co.`,
  format: (label: string) => `${label}: revise el formato.`,
  maxLength: (label: string, max: number) => `${label}: máximo ${max} caracteres.`,
  offline: `${common.offline} Lo que escribió sigue en el formulario.`,
  tooManyRequests: (wait: string) => `Se enviaron demasiadas solicitudes desde su conexión. Espere ${wait} e intente de nuevo.`,
  copyText: (radicado: string, code: string) => `Radicado: ${radicado}\nCódigo de seguimiento: ${code}`,
  copied: 'Copiado: radicado y código de seguimiento.',
  notCopied: 'No se pudo copiar; anote el radicado y el código a mano.',
  anonymous:
    'Puede radicar sin identificarse. Si presenta una queja o denuncia anónima, describa hechos concretos (qué pasó, dónde, cuándo y quiénes participaron) para que la entidad pueda actuar (Ley 962 de 2005, art. 81). La respuesta solo se publica en la consulta en línea, con el radicado y el código de seguimiento que recibirá al enviar.',
  companyData: 'Datos de la empresa u organización',
  yourData: 'Sus datos',
  select: 'Seleccione…',
  fullName: 'Nombre completo',
  documentTitle: 'use solo letras, dígitos, puntos o guiones (3 a 20).',
  nitHint: 'Con o sin dígito de verificación.',
  emailHint: 'Le enviaremos el acuse de recibo y, si lo elige, la respuesta.',
  phoneTitle: 'escriba al menos 7 dígitos (se permiten +, espacios, guiones y paréntesis).',
  filesHint: (max: number, size: string, list: string) => `Hasta ${max} archivos de máximo ${size} cada uno: ${list}.`,
  fileCount: (n: number) => (n === 1 ? '1 archivo adjunto' : `${n} archivos adjuntos`),
  remove: 'Quitar',
  review: (n: number) => `Revise ${n === 1 ? 'este dato' : 'estos datos'} antes de enviar:`,
  formLabel: 'Formulario de PQRSD',
  allRequired: 'Todos los campos son obligatorios, salvo los marcados como (opcional).',
  who: '¿Quién presenta la solicitud?',
  dueIfToday: (date: string) => `Si radica hoy, la respuesta vence el ${date}.`,
  subjectHint: 'En pocas palabras, de qué se trata (mínimo 5 caracteres).',
  descriptionHint:
    'Cuente qué solicita y por qué, con los hechos, fechas y lugares que ayuden a atenderla (mínimo 20 caracteres).',
  how: '¿Cómo quiere recibir la respuesta?',
  dataTitle: 'Tratamiento de datos personales.',
  theEntity: 'La entidad',
  dataNotice:
    ', responsable del tratamiento, usará los datos de este formulario (identificación, contacto y contenido de su solicitud) para radicarla, tramitarla, responderle y elaborar los informes que exige la ley. Usted tiene derecho a conocer, actualizar, rectificar y suprimir sus datos, y a revocar esta autorización (Ley 1581 de 2012). Lea la',
  policy: 'política de tratamiento de datos personales',
  rights: (contact: string) => `Para ejercer sus derechos: ${contact}.`,
  consentLabel: 'Autorizo a la ECAM a tratar mis datos personales para atender esta solicitud.',
  honeypot: 'Sitio web (deje este campo vacío)',
  uploading: (percent: number) => `Subiendo archivos: ${percent} %`,
  sending: 'Enviando…',
  send: 'Enviar solicitud',
  filed: 'Su solicitud fue radicada',
  radicado: 'Número de radicado',
  kindOfRequest: 'Tipo',
  receivedAt: 'Fecha y hora de recepción',
  lateReceipt: (date: string) => `Llegó en un día no hábil: se entiende recibida el ${date}.`,
  dueDate: 'Fecha límite de respuesta',
  businessDays: (n: number) => `(${n} días hábiles)`,
  trackingCode: 'Código de seguimiento',
  keep: 'Guarde el radicado y el código de seguimiento:',
  keepWhy: 'los necesita para consultar el estado de su solicitud y su respuesta, y el código no se vuelve a mostrar.',
  emailCopy: 'También le enviaremos el acuse de recibo a su correo electrónico.',
  copy: 'Copiar radicado y código',
  track: 'Consultar el estado',
  another: 'Radicar otra solicitud',
};

export type Es = typeof es;

export const messages = lazyCatalog(es, () => import('./messages.en.ts'));
