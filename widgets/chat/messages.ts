/**
 * Texts of the chat panel, Spanish first; English in messages.en.ts, fetched only by pages in
 * English (see widgets/shared/i18n.ts). The launcher's two labels live in launcher.ts:
 * importing this catalog there would put it in the loader.
 */
import { lazyCatalog } from '../shared/i18n.ts';
import { common } from '../shared/messages.ts';

const es = {
  ...common,
  title: 'Chat con la ECAM',
  minimize: 'Minimizar el chat',
  loading: 'Cargando el chat…',
  sending: 'Enviando…',
  optional: '(opcional)',
  error: 'Error:',
  newTab: ' (se abre en una pestaña nueva)',
  tooMany: (wait: string) => `Envió demasiadas solicitudes seguidas. Espere ${wait} e intente de nuevo.`,
  someMinutes: 'unos minutos',
  retry: 'Intentar de nuevo',
  errorTitle: 'No pudimos abrir el chat',
  prechatTitle: 'Hable con un funcionario',
  startOver: 'Esta conversación ya no está disponible en este navegador. Puede empezar una nueva.',
  // Pre-chat form
  prechatIntro: 'Converse en línea con un funcionario de la entidad. Cuéntenos el tema para comunicarle con quien pueda ayudarle.',
  name: 'Nombre',
  email: 'Correo electrónico',
  emailHint: 'Necesario para recibir la transcripción de la conversación.',
  topic: 'Tema',
  topicHint: '¿Sobre qué quiere conversar? (mínimo 3 caracteres)',
  dataNotice: (entity: string) =>
    `${entity}, responsable del tratamiento, usará los datos de esta conversación (nombre, correo y lo que escriba) para atenderle, conservar la transcripción y elaborar los informes que exige la ley. Usted tiene derecho a conocer, actualizar, rectificar y suprimir sus datos, y a revocar esta autorización (Ley 1581 de 2012). Lea la `,
  dataNoticeTitle: 'Tratamiento de datos personales.',
  theEntity: 'La entidad',
  policy: 'política de tratamiento de datos personales',
  rights: (contact: string) => `Para ejercer sus derechos: ${contact}.`,
  consent: 'Autorizo a la ECAM a tratar mis datos personales para atender esta conversación.',
  consentRequired: 'Autorización de datos: debe marcar la casilla para aceptar el tratamiento de datos personales.',
  required: (label: string) => `${label}: es obligatorio.`,
  tooShort: (label: string, min: number) => `${label}: mínimo ${min} caracteres.`,
  invalidEmail: 'Correo electrónico: escriba una dirección válida, por ejemplo nombre@dominio.co.',
  honeypot: 'Sitio web (deje este campo vacío)',
  start: 'Iniciar el chat',
  // Waiting and chatting
  waitingTitle: 'Está en la fila',
  position: (n: number) => (n === 1 ? 'Usted es el siguiente en ser atendido.' : `Hay ${n - 1} personas antes que usted.`),
  waitingHint: 'Puede escribir su mensaje mientras espera; el funcionario lo verá al tomar la conversación.',
  waitNotice: 'La espera se está alargando. Si prefiere, déjenos un mensaje en el buzón y le responderemos por correo; conservamos lo que escribió.',
  toMailbox: 'Dejar un mensaje en el buzón',
  chattingWith: (agent: string) => `Conversa con ${agent}`,
  chatting: 'Conversación en curso',
  log: 'Mensajes de la conversación',
  you: 'Usted',
  staff: 'Funcionario',
  system: 'Aviso',
  said: (who: string, time: string) => `${who}, ${time}:`,
  read: 'Leído',
  typing: (agent: string) => `${agent} está escribiendo…`,
  reconnecting: 'Se perdió la conexión. Reconectando…',
  composer: 'Su mensaje',
  composerHint: 'Enter envía; Mayúsculas+Enter hace un salto de línea.',
  left: (n: number) => `Quedan ${n} caracteres`,
  over: (n: number) => `Sobran ${n} caracteres`,
  bodyRequired: 'Mensaje: escriba algo antes de enviar.',
  bodyTooLong: (max: number) => `Mensaje: máximo ${max} caracteres.`,
  send: 'Enviar',
  end: 'Terminar la conversación',
  // Converted
  convertedTitle: 'Su conversación quedó radicada como PQRSD',
  convertedIntro: 'Guarde estos datos: el código de seguimiento se muestra solo esta vez.',
  radicado: 'Radicado',
  dueDate: 'Fecha límite de respuesta',
  trackingCode: 'Código de seguimiento',
  copy: 'Copiar radicado y código',
  copied: 'Copiado.',
  copyFailed: 'No se pudo copiar; seleccione el texto y cópielo.',
  // Closed
  closedTitle: 'La conversación terminó',
  closedBy: (by: 'citizen' | 'staff' | 'idle' | null) =>
    by === 'staff'
      ? 'El funcionario cerró la conversación.'
      : by === 'idle'
        ? 'Se cerró por inactividad.'
        : 'Usted terminó la conversación.',
  transcript: 'Descargar la conversación (.txt)',
  transcriptDone: 'Descargada la conversación.',
  emailTranscript: 'Enviar la conversación a mi correo',
  emailQueued: (email: string) => `La enviaremos a ${email} en unos minutos.`,
  ratingLegend: '¿Cómo calificaría la atención?',
  score: (n: number) => ['', 'Muy mala', 'Mala', 'Regular', 'Buena', 'Muy buena'][n] ?? '',
  scoreLabel: (n: number, label: string) => `${n}: ${label}`,
  comment: 'Comentario',
  rate: 'Enviar calificación',
  rated: 'Gracias por calificar la atención.',
  scoreRequired: 'Calificación: elija de 1 a 5.',
  surveyTitle: '¿Nos ayuda con una encuesta corta?',
  surveyOffer: 'Responder la encuesta de satisfacción',
  surveyFailed: 'No pudimos abrir la encuesta.',
  again: 'Iniciar otra conversación',
  // Offline and mailbox
  offlineTitle: 'El chat no está disponible ahora',
  reason: (reason: 'open' | 'outside_hours' | 'non_business_day' | 'no_agents' | 'outside_event_window') =>
    reason === 'outside_event_window'
      ? 'Los funcionarios de este evento responden en el chat solo durante su horario.'
      : reason === 'outside_hours'
      ? 'Estamos fuera del horario de atención.'
      : reason === 'non_business_day'
        ? 'Hoy no es día hábil.'
        : 'En este momento no hay funcionarios disponibles.',
  nextOpening: (when: string) => `Próxima apertura del chat: ${when}`,
  eventWindow: (title: string, from: string, to: string) => `Chat de «${title}»: de ${from} a ${to}.`,
  mailboxIntro: 'Déjenos un mensaje en el buzón de contacto y le responderemos por correo electrónico.',
  mailboxTitle: 'Buzón de contacto',
  subject: 'Asunto',
  message: 'Mensaje',
  messageHint: 'Mínimo 10 caracteres.',
  mailboxEmailHint: 'Le responderemos a esta dirección.',
  mailboxSend: 'Enviar mensaje',
  mailboxDone: 'Recibimos su mensaje',
  mailboxDoneText: (email: string) => `Le enviamos un acuse de recibo a ${email} y le responderemos a esa dirección.`,
  backToChat: 'Volver a la conversación',
};

export type Es = typeof es;
export const messages = lazyCatalog(es, () => import('./messages.en.ts'));
