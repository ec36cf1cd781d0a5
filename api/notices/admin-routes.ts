import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../errors.ts';
import { checkBody, checkSchema, failureBody, publishBody, requestNoticeSchema, staffNoticesSchema } from './schemas.ts';
import { noticesService, type NoticeActor } from './service.ts';

const radicadoParams = z.object({ radicado: z.string().max(40).transform((s) => s.toUpperCase()) });

function actor(req: FastifyRequest): NoticeActor {
  // The admin scope's guard has already refused requests without a session.
  if (!req.staff) throw new ApiError(401, 'Debe iniciar sesión.', undefined, 'session');
  return { id: req.staff.id, username: req.staff.username, ip: req.ip };
}

/**
 * `/api/admin/notices`, inside the admin scope (session, CSRF): every notice with its dates, and
 * for one request its notice panel, the personal-data check, publication and delivery failures.
 */
const noticesAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const notices = noticesService(app);

  /** Every notice, current and past, newest first. */
  app.get('/', { schema: { response: { 200: staffNoticesSchema } } }, async () => notices.all());

  /** Whether the request's answer may be published, the proposed text with its flags, failures. */
  app.get('/:radicado', { schema: { params: radicadoParams, response: { 200: requestNoticeSchema } } }, async (req) =>
    notices.state(req.params.radicado),
  );

  /** The personal data found in an edited text (nothing is stored). */
  app.post(
    '/:radicado/check',
    { schema: { params: radicadoParams, body: checkBody, response: { 200: checkSchema } } },
    async (req) => notices.check(req.params.radicado, req.body.text),
  );

  /** Publishes the text as the request's notice; 409 while a flag found in it is not confirmed. */
  app.post(
    '/:radicado',
    { schema: { params: radicadoParams, body: publishBody, response: { 201: requestNoticeSchema } } },
    async (req, reply) => reply.code(201).send(notices.publish(req.params.radicado, req.body, actor(req))),
  );

  /** Records that the answer could not be delivered (a bounced e-mail, a returned letter). */
  app.post(
    '/:radicado/delivery-failures',
    { schema: { params: radicadoParams, body: failureBody, response: { 201: requestNoticeSchema } } },
    async (req, reply) => reply.code(201).send(notices.recordFailure(req.params.radicado, req.body, actor(req))),
  );
};

export default noticesAdminRoutes;
