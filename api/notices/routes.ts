import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { noticesListSchema, noticesQuery } from './schemas.ts';
import { noticesService } from './service.ts';

/**
 * `GET /api/notices`: the notices on the website today (CPACA art. 69; answers to anonymous
 * requests), public by law; `?radicado=…` narrows it to that request's notice. A radicado with
 * no current notice, or none at all, is the same empty list: nothing else about requests leaks.
 */
const noticesRoutes: FastifyPluginAsyncZod = async (app) => {
  const notices = noticesService(app);
  app.get(
    '/',
    {
      config: { rateLimit: { max: app.config.rateLimitMax, timeWindow: '1 minute' } },
      schema: { querystring: noticesQuery, response: { 200: noticesListSchema } },
    },
    async (req, reply) => {
      // Asked again each time: a notice appears when staff publish it and goes at Bogotá midnight.
      reply.header('Cache-Control', 'no-cache');
      return notices.current(req.query.radicado || undefined);
    },
  );
};

export default noticesRoutes;
