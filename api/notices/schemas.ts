/**
 * What crosses the wire for notices (avisos): the public list and search, the tracker's view of a
 * request's notice, and the staff routes. Widgets import the types with `import type`.
 */
import { z } from 'zod';
import { PQRS_TYPE_VALUES } from '../pqrs/catalog.ts';
import { text } from '../pqrs/schemas.ts';
import { FLAG_KINDS } from './personal-data.ts';
import { DELIVERY_CHANNEL_VALUES, NOTICE_KIND_VALUES } from './rules.ts';

const OBJECT = 'El cuerpo de la solicitud debe ser un objeto JSON.';

/** The dates every view of a notice shows (Bogotá dates, YYYY-MM-DD). */
const dates = {
  /** The day it was published (it does not count among the 5 business days). */
  publishedOn: z.string(),
  /** The last day it is shown; removed at the end of it. */
  removalOn: z.string(),
  /** Notification is done at the end of this day (CPACA art. 69). */
  notifiedOn: z.string(),
};

/** A notice as anybody may read it: no name, no contact, no text of the request. */
export const publicNoticeSchema = z.object({
  radicado: z.string(),
  type: z.enum(PQRS_TYPE_VALUES),
  typeLabel: z.string(),
  kind: z.enum(NOTICE_KIND_VALUES),
  kindLabel: z.string(),
  ...dates,
  /** Plain text with line breaks (never HTML), personal data removed by staff. */
  text: z.string(),
});
export type PublicNotice = z.infer<typeof publicNoticeSchema>;

export const noticesQuery = z.object({
  radicado: z
    .string({ error: 'Radicado: debe ser un texto.' })
    .trim()
    .max(40, 'Radicado: máximo 40 caracteres.')
    .transform((s) => s.toUpperCase())
    .optional(),
});

export const noticesListSchema = z.object({
  /** The notices on the website today, newest first (only the one of the radicado when searched). */
  items: z.array(publicNoticeSchema),
  /** The Bogotá date the list is for. */
  today: z.string(),
});
export type NoticesList = z.infer<typeof noticesListSchema>;

/** What the tracker says about the request's notice. */
export const trackNoticeSchema = z.object({
  kind: z.enum(NOTICE_KIND_VALUES),
  kindLabel: z.string(),
  ...dates,
  /** Shown on the website today. */
  current: z.boolean(),
});
export type TrackNotice = z.infer<typeof trackNoticeSchema>;

// ---- Staff ----------------------------------------------------------------------------------

export const flagSchema = z.object({
  /** Stable across edits: `nombre:ana maria perez`, `documento:1098765432`. */
  id: z.string(),
  kind: z.enum(FLAG_KINDS),
  text: z.string(),
  matches: z.array(z.string()),
  count: z.number().int(),
  source: z.enum(['registro', 'patron']),
});
export type Flag = z.infer<typeof flagSchema>;

export const staffNoticeSchema = publicNoticeSchema.extend({
  id: z.number().int(),
  publishedAt: z.string(),
  publishedBy: z.string().nullable(),
  current: z.boolean(),
  /** Flags staff confirmed as publishable. */
  confirmed: z.array(z.string()),
});
export type StaffNotice = z.infer<typeof staffNoticeSchema>;

export const staffNoticesSchema = z.object({ items: z.array(staffNoticeSchema), today: z.string() });
export type StaffNotices = z.infer<typeof staffNoticesSchema>;

export const deliveryFailureSchema = z.object({
  at: z.string(),
  channel: z.enum(DELIVERY_CHANNEL_VALUES),
  reason: z.string(),
  by: z.string().nullable(),
});

/** A request as the notice panel of its page sees it. */
export const requestNoticeSchema = z.object({
  radicado: z.string(),
  /** What it would be published as; null when it may not be published. */
  kind: z.enum(NOTICE_KIND_VALUES).nullable(),
  /** Why (or why not), in Spanish. */
  reason: z.string(),
  /** The answer as proposed text, with what was found in it; null when nothing can be published. */
  proposal: z.object({ text: z.string(), flags: z.array(flagSchema) }).nullable(),
  notice: staffNoticeSchema.nullable(),
  failures: z.array(deliveryFailureSchema),
  /** Channels a failure can be recorded for (those with an address in the record). */
  failureChannels: z.array(z.enum(DELIVERY_CHANNEL_VALUES)),
  /** If published today: the dates it would get. */
  datesIfPublishedToday: z.object(dates),
});
export type RequestNotice = z.infer<typeof requestNoticeSchema>;

const noticeText = text('Texto del aviso', 20_000, 10);

export const checkBody = z.object({ text: noticeText }, { error: OBJECT });
export const checkSchema = z.object({ flags: z.array(flagSchema) });
export type CheckResult = z.infer<typeof checkSchema>;

export const publishBody = z.object(
  {
    text: noticeText,
    /** Ids of the flags staff confirm may be published as they are. */
    confirmed: z
      .array(z.string({ error: 'Confirmaciones: cada una debe ser un texto.' }).max(300, 'Confirmaciones: cada una máximo 300 caracteres.'), {
        error: 'Confirmaciones: debe ser una lista.',
      })
      .max(500, 'Confirmaciones: máximo 500.')
      .default([]),
  },
  { error: OBJECT },
);
export type PublishInput = z.output<typeof publishBody>;

export const failureBody = z.object(
  {
    channel: z.enum(DELIVERY_CHANNEL_VALUES, { error: 'Medio: elija correo electrónico o correo postal.' }),
    reason: text('Motivo', 1000, 5),
  },
  { error: OBJECT },
);
export type FailureInput = z.output<typeof failureBody>;
