/**
 * The states of a PQRSD, with the words the citizen reads in the tracker. Plain data with no
 * imports, so the widgets can import it too; the transitions live in workflow.ts.
 */

export const PQRS_STATES = {
  radicada: {
    label: 'Radicada',
    description:
      'La entidad recibió su solicitud y le dio un número de radicado. Pronto la asignará a un funcionario para que la atienda.',
    clock: 'running',
  },
  asignada: {
    label: 'Asignada',
    description: 'Un funcionario de la entidad quedó a cargo de su solicitud y es responsable de responderla.',
    clock: 'running',
  },
  en_tramite: {
    label: 'En trámite',
    description: 'El funcionario a cargo está estudiando su solicitud y preparando la respuesta.',
    clock: 'running',
  },
  // Review before answering (issue 11): the answer is written and waits for a reviewer's
  // approval; the legal term keeps running and the citizen never sees the unapproved text.
  en_revision: {
    label: 'En revisión',
    description: 'La respuesta está preparada y la está revisando un funcionario de la entidad antes de enviársela.',
    clock: 'running',
  },
  pendiente_ciudadano: {
    label: 'Pendiente de información suya',
    description:
      'La entidad le pidió completar su solicitud con datos o documentos que faltan. Mientras tanto el plazo de respuesta está suspendido. ' +
      'Tiene un mes para completarla y puede pedir un mes más; si no lo hace, la solicitud se archiva por desistimiento (Ley 1755 de 2015, art. 17).',
    clock: 'stopped',
  },
  trasladada: {
    label: 'Trasladada a otra entidad',
    description:
      'Lo que usted pide es competencia de otra entidad: le enviamos su solicitud y esa entidad le responderá directamente (Ley 1755 de 2015, art. 21).',
    clock: 'done',
  },
  respondida: {
    label: 'Respondida',
    description: 'La entidad respondió su solicitud. La respuesta aparece en esta consulta.',
    clock: 'done',
  },
  cerrada: {
    label: 'Cerrada',
    description: 'El trámite de su solicitud terminó.',
    clock: 'done',
  },
  desistida: {
    label: 'Desistimiento',
    description:
      'La solicitud se archivó porque no recibimos la información pedida dentro del plazo. Puede presentarla de nuevo cuando quiera, con la información completa.',
    clock: 'done',
  },
} as const;

export type PqrsState = keyof typeof PQRS_STATES;
export const PQRS_STATE_VALUES = Object.keys(PQRS_STATES) as [PqrsState, ...PqrsState[]];

/** Deadline traffic light: green, more than 5 business days left; amber, 5 or fewer; red, overdue. */
export type DeadlineLight = 'green' | 'amber' | 'red';

/** What an action does: its button label and, per state it is allowed in, the state it leads to. */
export interface PqrsActionDef {
  label: string;
  from: Partial<Record<PqrsState, PqrsState>>;
}

/**
 * The state machine: an action is allowed only in the states listed in its `from`. Legal
 * conditions beyond the state (windows, deadlines) are checked in workflow.ts.
 */
const ACTIONS = {
  assign: {
    label: 'Asignar',
    from: {
      radicada: 'asignada',
      asignada: 'asignada',
      en_tramite: 'en_tramite',
      pendiente_ciudadano: 'pendiente_ciudadano',
      en_revision: 'en_revision',
    },
  },
  start: { label: 'Iniciar trámite', from: { asignada: 'en_tramite' } },
  reply: { label: 'Responder', from: { radicada: 'respondida', asignada: 'respondida', en_tramite: 'respondida' } },
  'request-completion': {
    label: 'Pedir que complete la solicitud',
    from: { asignada: 'pendiente_ciudadano', en_tramite: 'pendiente_ciudadano' },
  },
  'extend-completion': { label: 'Ampliar el plazo para completar', from: { pendiente_ciudadano: 'pendiente_ciudadano' } },
  complete: { label: 'Registrar la información recibida', from: { pendiente_ciudadano: 'en_tramite' } },
  extend: {
    label: 'Prorrogar el plazo de respuesta',
    from: { radicada: 'radicada', asignada: 'asignada', en_tramite: 'en_tramite', en_revision: 'en_revision' },
  },
  transfer: { label: 'Trasladar por competencia', from: { radicada: 'trasladada', asignada: 'trasladada', en_tramite: 'trasladada' } },
  desist: { label: 'Archivar por desistimiento', from: { pendiente_ciudadano: 'desistida' } },
  close: { label: 'Cerrar', from: { respondida: 'cerrada', trasladada: 'cerrada' } },
  // Review (api/pqrs/review.ts). A reply to a type that needs review leads to en_revision
  // instead of respondida; a returned answer goes back to the state it was written in (the
  // `from` below names the usual one, en_tramite).
  approve: { label: 'Aprobar y enviar', from: { en_revision: 'respondida' } },
  return: { label: 'Devolver con comentario', from: { en_revision: 'en_tramite' } },
} as const;

export type PqrsAction = keyof typeof ACTIONS;
export const PQRS_ACTIONS: Record<PqrsAction, PqrsActionDef> = ACTIONS;
export const PQRS_ACTION_VALUES = Object.keys(ACTIONS) as [PqrsAction, ...PqrsAction[]];
