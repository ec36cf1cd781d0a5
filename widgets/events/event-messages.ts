/** Texts of `<ecam-event>`. */
import { lazyCatalog } from '../shared/i18n.ts';
import { eventTexts } from './messages.ts';

const es = {
  ...eventTexts,
  loadingEvent: 'Cargando el evento…',
  missing: 'No encontramos este evento. Revise el enlace o consulte el calendario de participación de la entidad.',
  noSlug: 'Esta página no indica qué evento mostrar (falta ?evento= en la dirección).',
  cancelledBanner: 'Este evento fue cancelado.',
  details: 'Detalles del evento',
  // Registration
  registration: 'Inscripción',
  remaining: (n: number) => (n === 1 ? 'Queda 1 cupo.' : `Quedan ${n} cupos.`),
  noLimit: 'Sin límite de cupos.',
  fullWaitlist: 'El cupo está completo: si se inscribe, quedará en la lista de espera y le avisaremos por correo si se libera un cupo.',
  full: 'El cupo de este evento está completo y no tiene lista de espera.',
  // No final period: a Spanish time already ends in one («9:00 a. m.»).
  closesAt: (when: string) => `Las inscripciones cierran el ${when}`,
  closed: 'Las inscripciones a este evento están cerradas.',
  name: 'Nombre completo',
  email: 'Correo electrónico',
  emailHint: 'Allí le enviaremos la confirmación con el evento para su calendario y el enlace para cancelar.',
  register: 'Inscribirme',
  joinWaitlist: 'Inscribirme en la lista de espera',
  registering: 'Enviando…',
  registered: 'Quedó inscrito en el evento',
  registeredText: 'Le enviamos la confirmación por correo, con el evento para su calendario y un enlace para cancelar si no puede asistir.',
  waitlisted: 'Quedó en la lista de espera',
  waitlistedText: 'Si alguien cancela, le asignamos el cupo en orden de llegada y le avisamos por correo. El correo trae un enlace para salir de la lista.',
  // Cancel
  cancelTitle: 'Cancelar su inscripción',
  cancelText: 'Si no puede asistir, cancele su inscripción: el cupo pasa a la primera persona de la lista de espera.',
  cancelConfirm: 'Sí, cancelar mi inscripción',
  cancelling: 'Cancelando…',
  cancelDone: 'Su inscripción fue cancelada. Gracias por avisar.',
  cancelKeep: 'No cancelar',
  // Questions
  questions: 'Preguntas de la ciudadanía',
  askTitle: 'Haga su pregunta',
  askHint: 'Un funcionario la revisa antes de publicarla; la respuesta se publica en esta página. No escriba datos personales en la pregunta.',
  question: 'Su pregunta',
  questionHint: (min: number, max: number) => `Entre ${min} y ${max} caracteres.`,
  askName: 'Nombre',
  askEmail: 'Correo electrónico',
  askEmailHint: 'Solo para avisarle; nunca se publica.',
  ask: 'Enviar pregunta',
  asking: 'Enviando…',
  asked: 'Recibimos su pregunta. Se publicará en esta página cuando un funcionario la revise.',
  askAnother: 'Hacer otra pregunta',
  noQuestions: 'Aún no hay preguntas publicadas.',
  answerLabel: 'Respuesta de la entidad',
  pendingAnswer: 'Pendiente de respuesta.',
  merged: (n: number) => (n === 1 ? 'Agrupa 1 pregunta similar.' : `Agrupa ${n} preguntas similares.`),
  liveOn: 'Preguntas y respuestas en vivo: esta lista se actualiza sola.',
  liveOff: 'Se perdió la conexión en vivo; reintentando…',
  liveAnswer: (q: string) => `Nueva respuesta publicada a: ${q}`,
  liveQuestion: (q: string) => `Nueva pregunta publicada: ${q}`,
  liveResults: 'Se publicaron los resultados del evento.',
  liveEnded: 'El evento terminó.',
  // Data notice (Ley 1581)
  dataTitle: 'Tratamiento de datos personales.',
  theEntity: 'La entidad',
  dataNoticeRegistration:
    ', responsable del tratamiento, usará su nombre y correo para gestionar su inscripción, enviarle la confirmación, recordatorios y la encuesta del evento, y contar la asistencia. Usted tiene derecho a conocer, actualizar, rectificar y suprimir sus datos, y a revocar esta autorización (Ley 1581 de 2012). Lea la',
  dataNoticeQuestion:
    ', responsable del tratamiento, usará los datos que deje (opcionales) para responderle y, si su pregunta queda sin responder al terminar el evento, radicarla como petición. Usted tiene derecho a conocer, actualizar, rectificar y suprimir sus datos, y a revocar esta autorización (Ley 1581 de 2012). Lea la',
  policy: 'política de tratamiento de datos personales',
  consentLabel: 'Autorizo el tratamiento de mis datos personales para este fin.',
  honeypot: 'Sitio web (deje este campo vacío)',
  // Client-side checks, worded as the server's (the field first)
  nameRequired: 'Nombre: escriba su nombre (mínimo 2 caracteres).',
  emailRequired: 'Correo electrónico: es obligatorio.',
  emailInvalid: 'Correo electrónico: escriba una dirección válida, por ejemplo nombre@dominio.co.',
  questionShort: (min: number) => `Pregunta: escriba al menos ${min} caracteres.`,
  consentRequired: 'Autorización de datos: debe marcar la casilla para aceptar el tratamiento de datos personales.',
  review: (n: number) => (n === 1 ? 'Revise este dato:' : `Revise estos ${n} datos:`),
  tooMany: (wait: string) => `Se enviaron demasiadas solicitudes desde su conexión. Espere ${wait} e intente de nuevo.`,
  keptOffline: 'Lo que escribió sigue en el formulario.',
  // Survey, chat, results
  surveyTitle: 'Encuesta del evento',
  surveyText: 'Cuéntenos cómo le pareció el evento: son pocas preguntas y es anónima.',
  openSurvey: 'Responder la encuesta',
  chat: (from: string, to: string) => `Los funcionarios de este evento responden en el chat de ${from} a ${to}.`,
  results: 'Resultados del evento',
  resultsPublished: (when: string) => `Publicados el ${when}.`,
  figures: 'Cifras del evento',
  figure: 'Dato',
  value: 'Cifra',
};

export type Es = typeof es;

export const messages = lazyCatalog(es, () => import('./event-messages.en.ts'));
