/**
 * The contact mailbox on the wire (issue 5): what the citizen sends when the chat is offline or
 * the wait is long, and the staff's list, reply and conversion to a PQRSD. The chat widget and
 * the console import the types from here (`import type`).
 */
import { z } from 'zod';
import { MAILBOX_LIMITS } from '../chat/limits.ts';
import { consentFields, email, pageOf, pageParam, searchParam, text } from '../pqrs/schemas.ts';

export { convertInput, convertedSchema, type ConvertInput, type Converted } from '../chat/schemas.ts';

export { MAILBOX_LIMITS };

export const MAILBOX_STATES = ['nuevo', 'respondido', 'convertido'] as const;
export type MailboxState = (typeof MAILBOX_STATES)[number];

/** `POST /api/mailbox`. */
export const mailboxInput = z.object(
  {
    name: text('Nombre', MAILBOX_LIMITS.name, MAILBOX_LIMITS.nameMin),
    email: email(),
    subject: text('Asunto', MAILBOX_LIMITS.subject, MAILBOX_LIMITS.subjectMin),
    message: text('Mensaje', MAILBOX_LIMITS.message, MAILBOX_LIMITS.messageMin),
    ...consentFields,
  },
  { error: 'El cuerpo de la solicitud debe ser un objeto JSON.' },
);
export type MailboxInput = z.input<typeof mailboxInput>;

export const mailboxCreatedSchema = z.object({ id: z.number().int() });
export type MailboxCreated = z.infer<typeof mailboxCreatedSchema>;

export const mailboxIdParams = z.object({
  id: z
    .string()
    .regex(/^\d{1,12}$/, 'Mensaje: el identificador debe ser un número.')
    .transform(Number),
});

export const mailboxListQuery = z.object({
  state: z.enum(MAILBOX_STATES, { error: 'Estado: elija nuevo, respondido o convertido.' }).optional(),
  /** Searches name, e-mail, subject and message. */
  q: searchParam,
  page: pageParam,
});

export const mailboxListItemSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  subject: z.string(),
  state: z.enum(MAILBOX_STATES),
  createdAt: z.string(),
  radicado: z.string().nullable(),
});
export type MailboxListItem = z.infer<typeof mailboxListItemSchema>;

export const mailboxListSchema = pageOf(mailboxListItemSchema);
export type MailboxList = z.infer<typeof mailboxListSchema>;

export const mailboxReplySchema = z.object({
  id: z.number().int(),
  body: z.string(),
  staffName: z.string(),
  at: z.string(),
});
export type MailboxReply = z.infer<typeof mailboxReplySchema>;

/** `GET /api/admin/mailbox/:id`. */
export const mailboxDetailSchema = mailboxListItemSchema.extend({
  /** Plain text, never HTML. */
  message: z.string(),
  consent: z.object({ at: z.string(), policyVersion: z.string(), ip: z.string() }),
  replies: z.array(mailboxReplySchema),
});
export type MailboxDetail = z.infer<typeof mailboxDetailSchema>;

/** `POST /api/admin/mailbox/:id/reply`: sent by e-mail through the outbox. */
export const mailboxReplyInput = z.object(
  { body: text('Respuesta', MAILBOX_LIMITS.reply) },
  { error: 'Escriba la respuesta.' },
);
export type MailboxReplyInput = z.input<typeof mailboxReplyInput>;
