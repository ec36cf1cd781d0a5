import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** `GET /api/health`: answers only when the database answers. */
const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const ping = app.db.prepare('SELECT 1 AS ok');
  app.get(
    '/health',
    { schema: { response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => {
      ping.get();
      return { status: 'ok' as const };
    },
  );
};

export default healthRoutes;
