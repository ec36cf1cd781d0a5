/**
 * Chat on the wire (issue 5): the citizen's REST calls and SSE events, and the agents' console.
 * The source of truth for both sides: the chat widget and the console import the types from
 * here (`import type`), never redefine them.
 */
import { z } from 'zod';
import { PQRS_TYPE_VALUES } from '../pqrs/catalog.ts';
import { consentFields, optionalEmail, optionalText, pageOf, pageParam, searchParam, text } from '../pqrs/schemas.ts';

/** Lengths shared by the widget (maxlength) and the server (zod). */
import { CHAT_LIMITS } from './limits.ts';

export { CHAT_LIMITS };

export const CHAT_STATES = ['waiting', 'active', 'closed'] as const;
export type ChatState = (typeof CHAT_STATES)[number];
export const CHAT_AUTHORS = ['citizen', 'staff', 'system'] as const;
export type ChatAuthor = (typeof CHAT_AUTHORS)[number];
/** Who ended a conversation: the citizen, an official, or the server after inactivity. */
export const CLOSED_BY = ['citizen', 'staff', 'idle'] as const;
export type ClosedBy = (typeof CLOSED_BY)[number];
/** `outside_event_window`: asked for an event (`?event=`), and outside its chat window. */
export const STATUS_REASONS = ['open', 'outside_hours', 'non_business_day', 'no_agents', 'outside_event_window'] as const;
export type StatusReason = (typeof STATUS_REASONS)[number];

/** The header that carries the conversation token (never the URL: URLs reach logs). */
export const CHAT_TOKEN_HEADER = 'x-chat-token';

// ---------------------------------------------------------------------------------------------
// Shared shapes

/** One stored message. `seq` is per conversation: 1, 2, 3… with no gaps. */
export const chatMessageSchema = z.object({
  seq: z.number().int(),
  author: z.enum(CHAT_AUTHORS),
  /** The official's display name for staff messages; null otherwise. */
  name: z.string().nullable(),
  /** Plain text, never HTML. */
  body: z.string(),
  at: z.string(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

/** `event: state`, sent on connect and on every change. */
export const chatStateEventSchema = z.object({
  state: z.enum(CHAT_STATES),
  /** 1 = next in the queue, while waiting; null otherwise. */
  position: z.number().int().nullable(),
  agentName: z.string().nullable(),
  closedBy: z.enum(CLOSED_BY).nullable(),
  radicado: z.string().nullable(),
});
export type ChatStateEvent = z.infer<typeof chatStateEventSchema>;

/** `event: typing`. */
export const chatTypingEventSchema = z.object({ author: z.enum(['citizen', 'staff']), typing: z.boolean() });
export type ChatTypingEvent = z.infer<typeof chatTypingEventSchema>;

/** `event: read`: the other side has read up to `seq`. */
export const chatReadEventSchema = z.object({ author: z.enum(['citizen', 'staff']), seq: z.number().int() });
export type ChatReadEvent = z.infer<typeof chatReadEventSchema>;

/** `event: converted`: the chat became a PQRSD; the tracking code is shown to the citizen once. */
export const chatConvertedEventSchema = z.object({ radicado: z.string(), trackingCode: z.string(), dueDate: z.string() });
export type ChatConvertedEvent = z.infer<typeof chatConvertedEventSchema>;

/**
 * The citizen's SSE stream, `GET /api/chat/conversations/:id/events` (headers `X-Chat-Token` and
 * `Accept: text/event-stream`; without the latter, 406): event name to the JSON in `data:`.
 * `message` events carry `id: <seq>`; reconnect with `Last-Event-ID: <last seq>`. A `state`
 * event comes first on every connection; `: ping` comments every 20 s.
 */
export interface ChatEventMap {
  message: ChatMessage;
  state: ChatStateEvent;
  typing: ChatTypingEvent;
  read: ChatReadEvent;
  converted: ChatConvertedEvent;
}
export type ChatEventName = keyof ChatEventMap;

// ---------------------------------------------------------------------------------------------
// Public API

/** The event a status or a conversation is for: its chat window, Bogotá instants with offset. */
export const chatEventSchema = z.object({ slug: z.string(), title: z.string(), opensAt: z.string(), closesAt: z.string() });
export type ChatEvent = z.infer<typeof chatEventSchema>;

/**
 * `GET /api/chat/status`, and `GET /api/chat/status?event=<slug>` for an event's chat window:
 * then online only within the window with one of the event's officials available and
 * connected (office hours do not apply), `nextOpening` is the window's opening while it is
 * ahead (null after), and `event` says which.
 */
export const chatStatusSchema = z.object({
  online: z.boolean(),
  reason: z.enum(STATUS_REASONS),
  /** Next start of an office-hours slot on a business day (ISO instant); null if none configured. */
  nextOpening: z.string().nullable(),
  event: chatEventSchema.optional(),
});
export type ChatStatus = z.infer<typeof chatStatusSchema>;

export const chatStatusQuery = z.object({
  event: z.string({ error: 'Evento: debe ser un texto.' }).trim().min(1, 'Evento: indique el identificador del evento.').max(200, 'Evento: máximo 200 caracteres.').optional(),
});

/** `POST /api/chat/conversations`. */
export const chatStartInput = z.object(
  {
    name: optionalText('Nombre', CHAT_LIMITS.name),
    email: optionalEmail(),
    topic: text('Tema', CHAT_LIMITS.topic, CHAT_LIMITS.topicMin),
    /** The event whose page the chat is on: the conversation goes to that event's officials. */
    event: z.string({ error: 'Evento: debe ser un texto.' }).trim().min(1, 'Evento: indique el identificador del evento.').max(200, 'Evento: máximo 200 caracteres.').optional(),
    ...consentFields,
  },
  { error: 'El cuerpo de la solicitud debe ser un objeto JSON.' },
);
export type ChatStartInput = z.input<typeof chatStartInput>;

/** The answer to `POST /api/chat/conversations`: send `token` as `X-Chat-Token` from then on. */
export const chatStartedSchema = z.object({ id: z.number().int(), token: z.string() });
export type ChatStarted = z.infer<typeof chatStartedSchema>;

export const chatIdParams = z.object({
  id: z
    .string()
    .regex(/^\d{1,12}$/, 'Conversación: el identificador debe ser un número.')
    .transform(Number),
});

export const chatRatingSchema = z.object({ score: z.number().int(), comment: z.string() });

/** `GET /api/chat/conversations/:id` (token). */
export const chatConversationSchema = z.object({
  id: z.number().int(),
  state: z.enum(CHAT_STATES),
  position: z.number().int().nullable(),
  agentName: z.string().nullable(),
  topic: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  createdAt: z.string(),
  messages: z.array(chatMessageSchema),
  radicado: z.string().nullable(),
  /** The tracking code of the PQRSD this chat became, until the conversation closes. */
  pendingTrackingCode: z.string().nullable(),
  rating: chatRatingSchema.nullable(),
  /** Slug of settings.chatSurvey once the chat is closed; null otherwise. */
  satisfactionSurvey: z.string().nullable(),
  /** After this long waiting, the widget offers the mailbox (settings.chatWaitNoticeMinutes × 60). */
  waitNoticeSeconds: z.number().int(),
  closedBy: z.enum(CLOSED_BY).nullable(),
});
export type ChatConversation = z.infer<typeof chatConversationSchema>;

/** `POST .../messages` (citizen and staff). */
export const chatMessageInput = z.object(
  { body: text('Mensaje', CHAT_LIMITS.body) },
  { error: 'Mensaje: envíe el texto del mensaje.' },
);
export type ChatMessageInput = z.input<typeof chatMessageInput>;

export const chatMessageCreatedSchema = z.object({ seq: z.number().int(), at: z.string() });
export type ChatMessageCreated = z.infer<typeof chatMessageCreatedSchema>;

/** `POST .../typing`. */
export const chatTypingInput = z.object(
  { typing: z.boolean({ error: 'Escribiendo: debe ser verdadero o falso.' }) },
  { error: 'Envíe { typing }.' },
);

/** `POST .../read`. */
export const chatReadInput = z.object(
  {
    seq: z
      .number({ error: 'Leído hasta: debe ser un número de mensaje.' })
      .int('Leído hasta: debe ser un número entero.')
      .min(0, 'Leído hasta: no puede ser negativo.'),
  },
  { error: 'Envíe { seq }.' },
);

export const chatClosedSchema = z.object({ state: z.literal('closed') });

/** `POST .../rating`. */
export const chatRatingInput = z.object(
  {
    score: z
      .number({ error: 'Calificación: elija de 1 a 5.' })
      .int('Calificación: elija de 1 a 5.')
      .min(1, 'Calificación: elija de 1 a 5.')
      .max(5, 'Calificación: elija de 1 a 5.'),
    comment: optionalText('Comentario', CHAT_LIMITS.comment),
  },
  { error: 'Envíe la calificación.' },
);
export type ChatRatingInput = z.input<typeof chatRatingInput>;

// ---------------------------------------------------------------------------------------------
// Staff API (/api/admin/chat)

export const availabilityInput = z.object(
  { available: z.boolean({ error: 'Disponible: debe ser verdadero o falso.' }) },
  { error: 'Envíe { available }.' },
);
export const availabilitySchema = z.object({ available: z.boolean() });

/** `GET /api/admin/chat/me`: connected = a console event stream of mine is open. */
export const chatMeSchema = z.object({ available: z.boolean(), connected: z.boolean() });
export type ChatMe = z.infer<typeof chatMeSchema>;

export const queueItemSchema = z.object({
  id: z.number().int(),
  name: z.string().nullable(),
  topic: z.string(),
  createdAt: z.string(),
  waitingSeconds: z.number().int(),
  /**
   * Started from an event's page: the event and its chat officials (`officials`, staff ids).
   * The queue stays in order of arrival for everyone; an official of the event sees these first.
   */
  event: z.object({ slug: z.string(), title: z.string(), officials: z.array(z.number().int()) }).nullable(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;

/**
 * The console's SSE stream, `GET /api/admin/chat/events` (session cookie and
 * `Accept: text/event-stream`; without the latter, 406): event name to the JSON in `data:`.
 * `queue` comes first on every connection. On reconnect the console re-fetches through REST
 * (no replay). While it is open and the availability flag is set, the official is online.
 */
export interface StaffChatEventMap {
  queue: { waiting: QueueItem[] };
  conversation: { id: number; state: ChatState; agentId: number | null; agentName: string | null };
  message: { conversationId: number } & ChatMessage;
  typing: { conversationId: number; typing: boolean };
  read: { conversationId: number; seq: number };
}
export type StaffChatEventName = keyof StaffChatEventMap;

export const adminChatListQuery = z.object({
  state: z.enum(CHAT_STATES, { error: 'Estado: elija waiting, active o closed.' }).optional(),
  /** Searches message text, name, e-mail and topic. */
  q: searchParam,
  /** `1`: only the conversations assigned to me. */
  mine: z.enum(['0', '1'], { error: 'Mías: use 1 o 0.' }).optional(),
  page: pageParam,
});

export const adminChatListItemSchema = z.object({
  id: z.number().int(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  topic: z.string(),
  state: z.enum(CHAT_STATES),
  agentName: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  messageCount: z.number().int(),
  radicado: z.string().nullable(),
});
export type AdminChatListItem = z.infer<typeof adminChatListItemSchema>;

export const adminChatListSchema = pageOf(adminChatListItemSchema);
export type AdminChatList = z.infer<typeof adminChatListSchema>;

/** `GET /api/admin/chat/conversations/:id`. */
export const adminChatDetailSchema = z.object({
  id: z.number().int(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  topic: z.string(),
  state: z.enum(CHAT_STATES),
  position: z.number().int().nullable(),
  agentId: z.number().int().nullable(),
  agentName: z.string().nullable(),
  createdAt: z.string(),
  takenAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.enum(CLOSED_BY).nullable(),
  radicado: z.string().nullable(),
  /** The event whose page the conversation started on. */
  event: z.object({ slug: z.string(), title: z.string() }).nullable(),
  messages: z.array(chatMessageSchema),
  /** Up to where the citizen has read. */
  citizenReadSeq: z.number().int(),
  consent: z.object({ at: z.string(), policyVersion: z.string(), ip: z.string() }),
  rating: chatRatingSchema.nullable(),
  /** Other conversations with the same e-mail, newest first. */
  earlier: z.array(z.object({ id: z.number().int(), createdAt: z.string(), topic: z.string(), state: z.enum(CHAT_STATES) })),
});
export type AdminChatDetail = z.infer<typeof adminChatDetailSchema>;

export const transferInput = z.object(
  {
    staffId: z
      .number({ error: 'Funcionario: elija a quién transferir.' })
      .int('Funcionario: elija a quién transferir.')
      .positive('Funcionario: elija a quién transferir.'),
  },
  { error: 'Envíe { staffId }.' },
);

/** `POST /api/admin/chat/conversations/:id/convert` and `/api/admin/mailbox/:id/convert`. */
export const convertInput = z.object(
  { type: z.enum(PQRS_TYPE_VALUES, { error: 'Tipo de solicitud: elija petición, queja, reclamo, etc.' }) },
  { error: 'Envíe el tipo de solicitud.' },
);
export type ConvertInput = z.input<typeof convertInput>;

export const convertedSchema = z.object({ radicado: z.string(), dueDate: z.string() });
export type Converted = z.infer<typeof convertedSchema>;

export const cannedSchema = z.object({ id: z.number().int(), title: z.string(), body: z.string() });
export type CannedReply = z.infer<typeof cannedSchema>;

export const cannedInput = z.object(
  { title: text('Título', CHAT_LIMITS.cannedTitle), body: text('Texto', CHAT_LIMITS.cannedBody) },
  { error: 'Envíe { title, body }.' },
);
export type CannedInput = z.input<typeof cannedInput>;

export const ratingsQuery = z.object({
  /** First Bogotá day included, YYYY-MM-DD. */
  from: z.iso.date({ error: 'Desde: use el formato AAAA-MM-DD.' }).optional(),
  /** Last Bogotá day included, YYYY-MM-DD. */
  to: z.iso.date({ error: 'Hasta: use el formato AAAA-MM-DD.' }).optional(),
});

/** `GET /api/admin/chat/ratings`: averages rounded to two decimals; months in Bogotá. */
export const ratingsReportSchema = z.object({
  byAgent: z.array(z.object({ staffId: z.number().int(), name: z.string(), count: z.number().int(), average: z.number() })),
  byMonth: z.array(z.object({ month: z.string(), count: z.number().int(), average: z.number() })),
});
export type RatingsReport = z.infer<typeof ratingsReportSchema>;
