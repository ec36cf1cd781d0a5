import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../errors.ts';
import { uploadBodyLimit, withUpload } from './attachments.ts';
import { approveBody, returnBody } from './review-schemas.ts';
import { sendAttachment } from './download.ts';
import verbalRoutes from './verbal-routes.ts';
import { workflow, type Actor, type PqrsAction } from './workflow.ts';
import {
  assignBody,
  closeBody,
  completeBody,
  desistBody,
  detailSchema,
  extendBody,
  extendCompletionBody,
  inboxQuery,
  inboxSchema,
  noteBody,
  replyBody,
  requestCompletionBody,
  startBody,
  transferBody,
} from './workflow-schemas.ts';

const radicadoParams = z.object({ radicado: z.string().max(40).transform((s) => s.toUpperCase()) });
const fileParams = radicadoParams.extend({
  id: z.coerce.number({ error: 'Adjunto: número inválido.' }).int('Adjunto: número inválido.').positive('Adjunto: número inválido.'),
});

/** The body of every action but `reply` (which may be multipart). */
const ACTION_BODIES = {
  assign: assignBody,
  start: startBody,
  'request-completion': requestCompletionBody,
  'extend-completion': extendCompletionBody,
  complete: completeBody,
  extend: extendBody,
  transfer: transferBody,
  desist: desistBody,
  close: closeBody,
  approve: approveBody,
  return: returnBody,
} satisfies Record<Exclude<PqrsAction, 'reply'>, z.ZodType>;

function actor(req: FastifyRequest): Actor {
  // The admin scope's guard has already refused requests without a session.
  if (!req.staff) throw new ApiError(401, 'Debe iniciar sesión.', undefined, 'session');
  return { id: req.staff.id, username: req.staff.username, ip: req.ip };
}

/**
 * `/api/admin/pqrs`, inside the admin scope (its guard checks session, role and CSRF):
 * the inbox, a request's detail and attachments, and the workflow actions.
 */
const pqrsAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const wf = workflow(app);
  const { config } = app;

  await app.register(verbalRoutes);

  /** The inbox: filters, sorted by due date, with the deadline traffic light. */
  app.get('/', { schema: { querystring: inboxQuery, response: { 200: inboxSchema } } }, async (req) =>
    wf.inbox(req.query, actor(req).id),
  );

  /** Active staff members a request can be assigned to. */
  app.get(
    '/assignees',
    { schema: { response: { 200: z.array(z.object({ id: z.number(), username: z.string(), name: z.string() })) } } },
    async () => wf.assignees(),
  );

  app.get('/:radicado', { schema: { params: radicadoParams, response: { 200: detailSchema } } }, async (req) =>
    wf.detail(req.params.radicado),
  );

  /** Any attachment of the request (the citizen's or the answer's), as a download. */
  app.get('/:radicado/attachments/:id', { schema: { params: fileParams } }, async (req, reply) =>
    sendAttachment(reply, config.uploadsDir, wf.attachment(req.params.radicado, req.params.id), 'El archivo ya no está disponible.'),
  );

  for (const [action, body] of Object.entries(ACTION_BODIES) as [keyof typeof ACTION_BODIES, z.ZodType][]) {
    app.post(
      `/:radicado/${action}`,
      { schema: { params: radicadoParams, body, response: { 200: detailSchema } } },
      async (req) => wf.act(action, req.params.radicado, actor(req), req.body),
    );
  }

  /**
   * The answer: JSON `{ text, denied? }`, or multipart/form-data with that JSON in a `data`
   * field and the attachments as `files` parts (the same limits and type checks as the intake).
   */
  app.post(
    '/:radicado/reply',
    {
      bodyLimit: uploadBodyLimit(config),
      schema: { params: radicadoParams, response: { 200: detailSchema } },
    },
    async (req) =>
      withUpload(req, config.uploadsDir, replyBody, (data, files) =>
        wf.act('reply', req.params.radicado, actor(req), { ...data, files }),
      ),
  );

  /** A proposed attachment of the answer waiting for review (staff only; the tracker never offers it). */
  app.get(
    '/:radicado/review/attachments/:index',
    {
      schema: {
        params: radicadoParams.extend({
          index: z.coerce.number({ error: 'Adjunto: número inválido.' }).int('Adjunto: número inválido.').min(0, 'Adjunto: número inválido.'),
        }),
      },
    },
    async (req, reply) =>
      sendAttachment(reply, config.uploadsDir, wf.reviewAttachment(req.params.radicado, req.params.index), 'El archivo ya no está disponible.'),
  );

  /** An internal note: staff only, never shown to the citizen. */
  app.post(
    '/:radicado/notes',
    { schema: { params: radicadoParams, body: noteBody, response: { 200: detailSchema } } },
    async (req) => wf.addNote(req.params.radicado, actor(req), req.body.text),
  );
};

export default pqrsAdminRoutes;
