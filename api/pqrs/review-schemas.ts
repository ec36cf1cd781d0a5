/**
 * What crosses the wire for the review before answering (visto bueno, issue 11): the bodies of
 * `approve` and `return`, and the `review` part of a request's detail. Rules in review.ts.
 */
import { z } from 'zod';
import { optionalText, text } from './schemas.ts';
import { PQRS_STATE_VALUES } from './states.ts';

const OBJECT = 'El cuerpo de la solicitud debe ser un objeto JSON.';

export const approveBody = z.preprocess(
  (v) => v ?? {},
  z.object(
    {
      /** Kept with the review (its history); never shown to the citizen. */
      comment: optionalText('Comentario', 2000),
    },
    { error: OBJECT },
  ),
);
export const returnBody = z.object(
  {
    /** What the author should change: kept as an internal note, never shown to the citizen. */
    comment: text('Comentario para quien respondió', 2000, 5),
  },
  { error: OBJECT },
);
export type ApproveInput = z.output<typeof approveBody>;
export type ReturnInput = z.output<typeof returnBody>;

const staffRef = z.object({ id: z.number(), username: z.string(), name: z.string() });

export const reviewInfoSchema = z.object({
  /** The request's type needs review before answering (setting `reviewTypes`), as of now. */
  required: z.boolean(),
  /** The answer waiting for review (state en_revision), or null. */
  pending: z
    .object({
      id: z.number().int(),
      submittedAt: z.string(),
      author: staffRef,
      /** The proposed answer's text. */
      text: z.string(),
      /** The whole reply input as submitted (text, denied, ...): what approval will send. */
      input: z.record(z.string(), z.unknown()),
      /** The proposed attachments; each is `GET .../:radicado/review/attachments/:index`. */
      attachments: z.array(z.object({ index: z.number().int(), name: z.string(), size: z.number(), mime: z.string() })),
      /** The state a returned answer sends the request back to. */
      previousState: z.enum(PQRS_STATE_VALUES),
      /** The author is the only active reviewer, so they may approve their own answer. */
      authorIsSoleReviewer: z.boolean(),
    })
    .nullable(),
  /** Earlier submissions and what became of them, oldest first. */
  history: z.array(
    z.object({
      id: z.number().int(),
      submittedAt: z.string(),
      author: z.string(),
      decision: z.enum(['approved', 'returned']),
      decidedAt: z.string(),
      reviewer: z.string(),
      comment: z.string().nullable(),
    }),
  ),
});
export type ReviewInfo = z.infer<typeof reviewInfoSchema>;
