import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffActor } from '../chat/service.ts';
import {
  convertedSchema,
  convertInput,
  mailboxDetailSchema,
  mailboxIdParams,
  mailboxListQuery,
  mailboxListSchema,
  mailboxReplyInput,
} from './schemas.ts';
import { mailboxService } from './service.ts';


/** `/api/admin/mailbox`, inside the admin scope: list, read, answer by e-mail, file as PQRSD. */
const mailboxAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = mailboxService(app);

  app.get('/', { schema: { querystring: mailboxListQuery, response: { 200: mailboxListSchema } } }, async (req) =>
    service.list(req.query),
  );

  app.get('/:id', { schema: { params: mailboxIdParams, response: { 200: mailboxDetailSchema } } }, async (req) =>
    service.detail(req.params.id),
  );

  app.post(
    '/:id/reply',
    { schema: { params: mailboxIdParams, body: mailboxReplyInput, response: { 200: mailboxDetailSchema } } },
    async (req) => {
      await service.reply(req.params.id, staffActor(req), req.body.body);
      return service.detail(req.params.id);
    },
  );

  app.post(
    '/:id/convert',
    { schema: { params: mailboxIdParams, body: convertInput, response: { 200: convertedSchema } } },
    async (req) => service.convert(req.params.id, staffActor(req), req.body.type),
  );
};

export default mailboxAdminRoutes;
