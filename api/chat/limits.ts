/**
 * The lengths of the chat and the contact mailbox (issue 5), one place for the server (zod) and
 * the widgets (minlength/maxlength). Plain data with no imports, like api/pqrs/catalog.ts, so the
 * widgets import it without pulling server code into the bundle.
 */

export const CHAT_LIMITS = { name: 120, topicMin: 3, topic: 200, body: 4000, comment: 1000, cannedTitle: 120, cannedBody: 4000 } as const;

export const MAILBOX_LIMITS = {
  nameMin: 2,
  name: 120,
  subjectMin: 3,
  subject: 200,
  messageMin: 10,
  message: 5000,
  reply: 10_000,
} as const;
