/**
 * Texts of the chat's settings in the settings view (issue 5), apart from the chat views'
 * catalog so that the staff page's first download does not carry it.
 */
import { catalog } from './catalog.ts';

export const chatSettingsMessages = catalog(
  {
    settingsChat: 'Chat',
    waitNotice: 'Minutos de espera antes de ofrecer el buzón',
    waitNoticeHint: 'Si nadie toma la conversación en este tiempo, el chat ofrece dejar un mensaje en el buzón, sin perder lo escrito.',
    idleClose: 'Minutos sin mensajes para cerrar una conversación',
    idleCloseHint: 'Una conversación en curso sin mensajes durante este tiempo se cierra y se avisa a ambos lados.',
    chatSurvey: 'Encuesta de satisfacción del chat',
    chatSurveyHint: 'El chat invita a responderla una vez, al terminar la conversación.',
  },
  {
    settingsChat: 'Chat',
    waitNotice: 'Minutes of waiting before offering the mailbox',
    waitNoticeHint: 'If nobody takes the conversation within this time, the chat offers to leave a message in the mailbox, keeping what was written.',
    idleClose: 'Minutes without messages to close a conversation',
    idleCloseHint: 'An ongoing conversation without messages for this long is closed and both sides are told.',
    chatSurvey: 'Chat satisfaction survey',
    chatSurveyHint: 'The chat invites the citizen to answer it once, when the conversation ends.',
  },
);
