/** Texts of `<ecam-survey>` (the questions are the entity's own, in its words). */
import { lazyCatalog } from '../shared/i18n.ts';
import { common } from '../shared/messages.ts';

const OFFLINE = common.offline;
const options = (n: number) => `${n} ${n === 1 ? 'opción' : 'opciones'}`;

const es = {
  ...common,
  answered: 'Ya respondió esta encuesta. ¡Gracias por su opinión!',
  yes: 'Sí',
  no: 'No',
  ratingHint: '1 = muy insatisfecho, 5 = muy satisfecho.',
  npsHint: '0 = nada probable, 10 = muy probable.',
  tooManyChosen: (max: number) => `Puede elegir máximo ${max}; quite una opción para elegir otra.`,
  missingRows: (rows: string) => `Responda todas las filas; falta: ${rows}.`,
  required: 'Responda esta pregunta.',
  atLeast: (n: number) => `Elija al menos ${options(n)}.`,
  atMost: (n: number) => `Elija máximo ${options(n)}.`,
  sendOffline: `${OFFLINE} Sus respuestas siguen en el formulario.`,
  tooManyRequests: (wait: string) => `Se enviaron demasiadas respuestas desde su conexión. Espere ${wait} e intente de nuevo.`,
  chooseExactly: (n: number) => `Elija ${n}.`,
  chooseBetween: (min: number, max: number) => `Elija entre ${min} y ${max}.`,
  chooseAtLeast: (n: number) => `Elija al menos ${n}.`,
  chooseAtMost: (n: number) => `Elija máximo ${n}.`,
  chooseAny: 'Puede elegir varias.',
  question: (n: number) => `Pregunta ${n}: `,
  review: (n: number, next: boolean) =>
    `Revise ${n === 1 ? 'esta respuesta' : 'estas respuestas'} antes de ${next ? 'seguir' : 'enviar'}:`,
  step: (n: number, total: number) => `Pregunta ${n} de ${total}`,
  progress: (n: number, total: number) => `Ha respondido ${n} de ${total} ${total === 1 ? 'pregunta' : 'preguntas'}`,
  invitationOnly: 'Esta encuesta se responde con el enlace de invitación que recibió de la entidad.',
  previous: 'Anterior',
  next: 'Siguiente',
  sending: 'Enviando…',
  send: 'Enviar respuestas',
  sendingStatus: 'Enviando sus respuestas…',
  results: 'Resultados',
  respondents: (n: number) => `${n === 1 ? '1 persona ha respondido' : `${n} personas han respondido`}.`,
  answers: (n: number) => `${n} ${n === 1 ? 'respuesta' : 'respuestas'}`,
  average: (value: string) => `Promedio: ${value}`,
  nps: (score: string, promoters: number, passives: number, detractors: number) =>
    `NPS: ${score} (promotores: ${promoters}, pasivos: ${passives}, detractores: ${detractors})`,
  opens: (date: string | undefined) => `Esta encuesta abre el ${date ?? 'próximamente'}.`,
  closed: (date: string | undefined) =>
    `Esta encuesta ${date ? `cerró el ${date}` : 'está cerrada'}. Gracias por su interés.`,
  preview: 'Vista previa: las respuestas no se enviaron ni se guardaron.',
  loading: 'Cargando la encuesta…',
  missing: 'No encontramos esta encuesta. Revise el enlace o consulte a la entidad.',
  retry: 'Intentar de nuevo',
};

export type Es = typeof es;

export const messages = lazyCatalog(es, () => import('./messages.en.ts'));
