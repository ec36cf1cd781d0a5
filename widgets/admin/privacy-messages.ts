/** Texts of the data-subject view of the staff page (`#/datos`), Spanish and English. */
import { catalog } from './catalog.ts';

/** What was found or anonymised for one person; `events` counts event registrations and questions. */
export interface SubjectCounts {
  pqrs: number;
  chats: number;
  mailbox: number;
  events: number;
  emails: number;
}

const es = {
  title: 'Datos personales',
  intro:
    'Atienda las solicitudes de los titulares (Ley 1581 de 2012): busque todo lo que se guarda de una persona por su correo o su número de documento, entrégueselo en un archivo JSON o anonimícelo. Cada búsqueda y cada anonimización quedan en la auditoría.',
  formLabel: 'Buscar los datos de una persona',
  email: 'Correo electrónico',
  documentNumber: 'Número de documento',
  hint: 'Escriba uno de los dos, o ambos.',
  search: 'Buscar',
  searching: 'Buscando…',
  found: (n: SubjectCounts) =>
    `Se encontraron ${n.pqrs} PQRSD, ${n.chats} conversaciones de chat, ${n.mailbox} mensajes del buzón, ${n.events} inscripciones o preguntas en eventos y ${n.emails} correos enviados.`,
  nothing: 'No se encontró nada guardado con esos datos.',
  tableCaption: 'PQRSD de la persona',
  radicado: 'Radicado',
  subject: 'Asunto',
  requester: 'Solicitante',
  anonymised: 'Anonimizado',
  download: 'Descargar JSON',
  anonymise: 'Anonimizar',
  confirmText:
    '¿Anonimizar estos datos? Se borran el nombre, el documento, el correo, el teléfono, la dirección y la IP del consentimiento; el radicado, el asunto, la descripción, la línea de tiempo y la respuesta se conservan como registro legal. No se puede deshacer.',
  confirm: 'Sí, anonimizar',
  cancel: 'Cancelar',
  done: (n: SubjectCounts) =>
    `Datos anonimizados: ${n.pqrs} PQRSD, ${n.chats} conversaciones, ${n.mailbox} mensajes del buzón, ${n.events} inscripciones o preguntas en eventos y ${n.emails} correos.`,
  fileName: (date: string) => `datos-personales-${date}.json`,
};

export const messages = catalog(es, {
  title: 'Personal data',
  intro:
    "Handle data subjects' requests (Colombian Law 1581 of 2012): find everything stored about a person by e-mail or document number, hand it over as a JSON file, or anonymise it. Every search and every anonymisation is audited.",
  formLabel: "Find a person's data",
  email: 'E-mail',
  documentNumber: 'Document number',
  hint: 'Type one of them, or both.',
  search: 'Search',
  searching: 'Searching…',
  found: (n) =>
    `Found ${n.pqrs} requests, ${n.chats} chat conversations, ${n.mailbox} mailbox messages, ${n.events} event registrations or questions and ${n.emails} e-mails sent.`,
  nothing: 'Nothing is stored with those details.',
  tableCaption: "The person's requests",
  radicado: 'Filing number',
  subject: 'Subject',
  requester: 'Requester',
  anonymised: 'Anonymised',
  download: 'Download JSON',
  anonymise: 'Anonymise',
  confirmText:
    'Anonymise this data? The name, document, e-mail, phone, address and consent IP are erased; the filing number, subject, description, timeline and answer are kept as the legal record. This cannot be undone.',
  confirm: 'Yes, anonymise',
  cancel: 'Cancel',
  done: (n) =>
    `Data anonymised: ${n.pqrs} requests, ${n.chats} conversations, ${n.mailbox} mailbox messages, ${n.events} event registrations or questions and ${n.emails} e-mails.`,
  fileName: (date) => `personal-data-${date}.json`,
});
