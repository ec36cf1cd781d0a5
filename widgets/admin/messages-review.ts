/** Texts of the review before answering (visto bueno) on the staff page, Spanish and English. */
import { catalog } from './catalog.ts';

const es = {
  // Request page
  pendingTitle: 'Respuesta en revisión',
  pendingBy: (name: string, when: string) => `Escrita por ${name} (${when}). Aún no se ha enviado ni publicado: el ciudadano solo ve que está en revisión.`,
  deniesAccess: 'La respuesta niega el acceso a la información, total o parcialmente.',
  proposedFiles: 'Adjuntos propuestos',
  yourAnswerWaits: 'Su respuesta espera la revisión de otro funcionario con el rol de revisor. Se enviará al ciudadano cuando la aprueben; si se la devuelven, verá el comentario en las notas internas y podrá responder de nuevo.',
  waitsForReviewer: 'Esta respuesta espera la revisión de un funcionario con el rol de revisor.',
  soleReviewer: 'Usted es el único revisor activo, por eso puede aprobar su propia respuesta.',
  termRuns: 'El plazo legal sigue corriendo durante la revisión.',
  approveIntro: 'Al aprobar, la respuesta se envía al ciudadano y se publica en la consulta en línea tal como está arriba, con la fecha de hoy.',
  approveComment: 'Comentario para el registro',
  approveCommentHint: 'Queda en el historial de revisiones; el ciudadano no lo ve.',
  returnIntro: 'La solicitud vuelve al estado en que se escribió la respuesta, para que su autor la corrija y responda de nuevo.',
  returnComment: 'Comentario para quien respondió',
  returnCommentHint: 'Qué debe cambiar (mínimo 5 caracteres). Queda como nota interna; el ciudadano no lo ve.',
  approveButton: 'Aprobar y enviar',
  returnButton: 'Devolver con comentario',
  historyTitle: 'Revisiones anteriores',
  approvedBy: (reviewer: string, when: string) => `Aprobada por ${reviewer} el ${when}`,
  returnedBy: (reviewer: string, when: string) => `Devuelta por ${reviewer} el ${when}`,
  writtenBy: (author: string) => `respuesta de ${author}`,
  needsReview: 'Las respuestas a este tipo de solicitud pasan por revisión antes de enviarse.',
  // Inbox
  awaitingMyReview: 'Esperan mi revisión',
  reviewDueSoon: 'Revisar pronto: el plazo está por vencer',
  reviewOverdue: 'Revisar ya: el plazo venció',
  // Settings
  reviewLegend: 'Revisión antes de responder (visto bueno)',
  reviewHint:
    'Las respuestas a los tipos marcados no se envían de inmediato: quedan «En revisión» hasta que un revisor o un administrador las apruebe o las devuelva. El plazo legal sigue corriendo.',
  // Users
  reviewerLabel: 'Revisor',
  reviewerHint: 'Puede aprobar o devolver respuestas en revisión. Los administradores siempre pueden.',
  reviewerYes: 'Sí',
  reviewerNo: 'No',
};

export const reviewMessages = catalog(es, {
  pendingTitle: 'Answer under review',
  pendingBy: (name, when) => `Written by ${name} (${when}). Not sent or published yet: the citizen only sees that it is under review.`,
  deniesAccess: 'The answer denies access to the information, wholly or partly.',
  proposedFiles: 'Proposed attachments',
  yourAnswerWaits:
    'Your answer is waiting for review by another official with the reviewer role. It will be sent to the citizen once approved; if it is returned, you will see the comment in the internal notes and can answer again.',
  waitsForReviewer: 'This answer is waiting for review by an official with the reviewer role.',
  soleReviewer: 'You are the only active reviewer, so you may approve your own answer.',
  termRuns: 'The legal time limit keeps running during the review.',
  approveIntro: 'On approval the answer is sent to the citizen and published in the online tracker exactly as shown above, dated today.',
  approveComment: 'Comment for the record',
  approveCommentHint: 'Kept in the review history; the citizen does not see it.',
  returnIntro: 'The request goes back to the state the answer was written in, so its author can correct it and answer again.',
  returnComment: 'Comment for the author',
  returnCommentHint: 'What should change (at least 5 characters). Kept as an internal note; the citizen does not see it.',
  approveButton: 'Approve and send',
  returnButton: 'Return with a comment',
  historyTitle: 'Earlier reviews',
  approvedBy: (reviewer, when) => `Approved by ${reviewer} on ${when}`,
  returnedBy: (reviewer, when) => `Returned by ${reviewer} on ${when}`,
  writtenBy: (author) => `answer by ${author}`,
  needsReview: 'Answers to this type of request are reviewed before they are sent.',
  awaitingMyReview: 'Waiting for my review',
  reviewDueSoon: 'Review soon: the time limit is near',
  reviewOverdue: 'Review now: the time limit has passed',
  reviewLegend: 'Review before answering',
  reviewHint:
    'Answers to the checked types are not sent at once: they stay “Under review” until a reviewer or an administrator approves or returns them. The legal time limit keeps running.',
  reviewerLabel: 'Reviewer',
  reviewerHint: 'May approve or return answers under review. Administrators always may.',
  reviewerYes: 'Yes',
  reviewerNo: 'No',
});
