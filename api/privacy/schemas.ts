/** Wire shapes of the data-subject operations (Ley 1581 de 2012); the admin page imports the types. */
import { z } from 'zod';
import { optionalEmail, optionalText } from '../pqrs/schemas.ts';

/** Whose data: an e-mail address, a document number, or both (either one matches). */
export const subjectBody = z
  .object(
    {
      email: optionalEmail(),
      documentNumber: optionalText('Número de documento', 40).refine(
        (s) => s === undefined || /[0-9A-Za-z]/.test(s),
        'Número de documento: escriba letras o dígitos.',
      ),
    },
    { error: 'Escriba un correo electrónico o un número de documento.' },
  )
  .refine((b) => b.email !== undefined || b.documentNumber !== undefined, {
    message: 'Escriba un correo electrónico o un número de documento.',
    path: ['email'],
  });
export type PrivacySubject = z.infer<typeof subjectBody>;

const consent = z.object({ at: z.string(), policy: z.string(), ip: z.string() });

const pqrsRecord = z.object({
  radicado: z.string(),
  type: z.string(),
  state: z.string(),
  subject: z.string(),
  description: z.string(),
  receivedAt: z.string(),
  dueDate: z.string(),
  responseChannel: z.string(),
  requester: z.object({
    kind: z.string(),
    documentType: z.string().nullable(),
    documentNumber: z.string().nullable(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    city: z.string().nullable(),
  }),
  consent,
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  /** The public timeline, as the tracker shows it. */
  events: z.array(z.object({ at: z.string(), state: z.string(), publicNote: z.string().nullable() })),
  attachments: z.array(z.object({ name: z.string(), mime: z.string(), size: z.number(), kind: z.string() })),
});

const chatRecord = z.object({
  id: z.number(),
  createdAt: z.string(),
  state: z.string(),
  topic: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  radicado: z.string().nullable(),
  consent,
  messages: z.array(z.object({ seq: z.number(), author: z.string(), body: z.string(), createdAt: z.string() })),
});

const mailboxRecord = z.object({
  id: z.number(),
  createdAt: z.string(),
  state: z.string(),
  name: z.string(),
  email: z.string(),
  subject: z.string(),
  message: z.string(),
  radicado: z.string().nullable(),
  consent,
  replies: z.array(z.object({ body: z.string(), createdAt: z.string() })),
});

/** A registration to an event of the participation plan (api/events). */
const eventRegistrationRecord = z.object({
  event: z.string(),
  eventSlug: z.string(),
  name: z.string(),
  email: z.string(),
  status: z.string(),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
  consent,
});

/** A question asked for an event (api/events). */
const eventQuestionRecord = z.object({
  event: z.string(),
  question: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  state: z.string(),
  answer: z.string().nullable(),
  createdAt: z.string(),
  consent,
});

const mailRecord = z.object({ createdAt: z.string(), subject: z.string(), body: z.string(), sentAt: z.string().nullable() });

/** Everything stored about a person. Survey responses are never stored with personal data. */
export const privacyExportSchema = z.object({
  generatedAt: z.string(),
  subject: z.object({ email: z.string().nullable(), documentNumber: z.string().nullable() }),
  pqrs: z.array(pqrsRecord),
  chats: z.array(chatRecord),
  mailbox: z.array(mailboxRecord),
  eventRegistrations: z.array(eventRegistrationRecord),
  eventQuestions: z.array(eventQuestionRecord),
  /** E-mails the entity sent (or has queued) to the address. */
  emails: z.array(mailRecord),
});
export type PrivacyExport = z.infer<typeof privacyExportSchema>;

/** How many records had their personal fields blanked. */
export const anonymiseResultSchema = z.object({
  pqrs: z.array(z.string()),
  chats: z.number(),
  mailbox: z.number(),
  eventRegistrations: z.number(),
  eventQuestions: z.number(),
  emails: z.number(),
});
export type AnonymiseResult = z.infer<typeof anonymiseResultSchema>;
