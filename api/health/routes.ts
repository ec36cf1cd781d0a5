import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../errors.ts';

/**
 * `GET /api/health`: 200 only when the database answers a query that reads its schema (a
 * closed, deleted or unreadable database file fails it); otherwise 503, so a load balancer or
 * a monitor takes the instance out.
 */
const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    { schema: { response: { 200: z.object({ status: z.literal('ok') }) } } },
    async (req, reply) => {
      try {
        // Not a cached prepared statement: it must notice a database closed under it.
        app.db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
      } catch (err) {
        req.log.error({ err }, 'la base de datos no responde');
        reply.header('Retry-After', '10');
        throw new ApiError(503, 'El servicio no está disponible: la base de datos no responde.', undefined, 'database');
      }
      return { status: 'ok' as const };
    },
  );
};

export default healthRoutes;
