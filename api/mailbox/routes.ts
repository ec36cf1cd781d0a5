import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mailboxCreatedSchema, mailboxInput } from './schemas.ts';
import { mailboxService } from './service.ts';

/** `POST /api/mailbox`: a message to the entity, acknowledged by e-mail. */
const mailboxRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = mailboxService(app);

  app.post(
    '/',
    {
      config: { rateLimit: { max: app.config.rateLimitMax, timeWindow: '1 minute' } },
      schema: { body: mailboxInput, response: { 201: mailboxCreatedSchema } },
    },
    async (req, reply) => {
      const { name, email, subject, message } = req.body;
      return reply.code(201).send(await service.receive({ name, email, subject, message }, req.ip));
    },
  );
};

export default mailboxRoutes;
