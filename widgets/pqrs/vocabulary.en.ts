/**
 * English names of the PQRSD vocabulary whose Spanish lives with the API (api/pqrs/catalog.ts,
 * api/pqrs/states.ts), keyed by the same values: a value added there fails the build until it
 * has its English here. Used by the English texts of the form, the tracker and the staff page.
 */
import type { DocumentType, PqrsType, RequesterKind, ResponseChannel } from '../../api/pqrs/catalog.ts';
import type { PqrsChannel } from '../../api/pqrs/channels.ts';
import type { PqrsAction, PqrsState } from '../../api/pqrs/states.ts';

export const EN_TYPES: Record<PqrsType, [label: string, help: string]> = {
  peticion: ['Petition', 'A request of general or particular interest to the entity.'],
  informacion: ['Request for information', 'Ask for public information or copies of documents.'],
  consulta: ['Consultation', "Ask for the entity's opinion on a matter it is in charge of."],
  queja: ['Complaint', 'Dissatisfaction with the conduct of a public servant.'],
  reclamo: ['Claim', 'A failure or irregularity in a service.'],
  sugerencia: ['Suggestion', 'An idea to improve a service or procedure.'],
  denuncia: ['Report of wrongdoing', 'Possibly irregular conduct, including corruption.'],
  felicitacion: ['Compliment', 'Recognition of a public servant or a service.'],
};

export const EN_KINDS: Record<RequesterKind, string> = {
  natural: 'Individual',
  juridica: 'Legal entity (company or organisation)',
  menor: 'Child or adolescent',
  anonimo: 'Anonymous',
};

export const EN_DOCUMENTS: Record<DocumentType, string> = {
  CC: 'Colombian citizenship card (CC)',
  CE: 'Foreigner ID card (CE)',
  TI: 'Identity card for minors (TI)',
  NIT: 'Tax ID number (NIT)',
  PA: 'Passport',
  PPT: 'Temporary Protection Permit (PPT)',
  RC: 'Civil birth registration (RC)',
};

export const EN_CHANNELS: Record<ResponseChannel, string> = {
  email: 'Email',
  postal: 'Post (to a street address)',
  online: 'Check online (with the filing number and tracking code)',
};

export const EN_STATES: Record<PqrsState, [label: string, description: string]> = {
  radicada: [
    'Filed',
    'The entity received your request and gave it a filing number. It will soon assign it to an official to deal with it.',
  ],
  asignada: ['Assigned', 'An official of the entity is in charge of your request and responsible for answering it.'],
  en_tramite: ['In progress', 'The official in charge is studying your request and preparing the answer.'],
  en_revision: ['Under review', 'The answer is ready and an official of the entity is reviewing it before sending it to you.'],
  pendiente_ciudadano: [
    'Waiting for information from you',
    'The entity asked you to complete your request with missing details or documents. Meanwhile the time limit for the answer is suspended. ' +
      'You have one month to complete it and can ask for one more; otherwise the request is archived as withdrawn (Law 1755 of 2015, art. 17).',
  ],
  trasladada: [
    'Transferred to another entity',
    'What you ask for is the responsibility of another entity: we sent it your request and that entity will answer you directly (Law 1755 of 2015, art. 21).',
  ],
  respondida: ['Answered', 'The entity answered your request. The answer is shown on this page.'],
  cerrada: ['Closed', 'The handling of your request has ended.'],
  desistida: [
    'Withdrawn',
    'The request was archived because we did not receive the requested information in time. You can file it again whenever you want, with the complete information.',
  ],
};

export const EN_ACTIONS: Record<PqrsAction, string> = {
  assign: 'Assign',
  start: 'Start handling',
  reply: 'Reply',
  'request-completion': 'Ask to complete the request',
  'extend-completion': 'Extend the time to complete',
  complete: 'Record the information received',
  extend: 'Extend the time limit for the answer',
  transfer: 'Transfer to the competent entity',
  desist: 'Archive as withdrawn',
  close: 'Close',
  approve: 'Approve and send',
  return: 'Return with a comment',
};

/** The channels a request comes in by (api/pqrs/channels.ts PQRS_CHANNELS). */
export const EN_FILING_CHANNELS: Record<PqrsChannel, string> = {
  web: 'Web form',
  chat: 'Chat',
  buzon: 'Contact mailbox',
  presencial: 'Verbal, in person',
  telefonica: 'Verbal, by phone',
  otro_verbal: 'Verbal, by other voice means',
  evento: 'Question at an event',
};
