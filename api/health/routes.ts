import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../errors.ts';

/**
 * `GET /api/health`: 200 only when the database answers a query that reads its schema (a
 * closed, deleted or unreadable database file fails it); otherwise 503, so a load balancer or
 * a monitor takes the instance out.
 */
const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  // A closed connection makes even a prepared statement throw, so it may be kept.
  const schemaRow = app.db.prepare('SELECT 1 FROM sqlite_schema LIMIT 1').pluck();
  app.get(
    '/health',
    { schema: { response: { 200: z.object({ status: z.literal('ok') }) } } },
    async (req, reply) => {
      try {
        schemaRow.get();
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
