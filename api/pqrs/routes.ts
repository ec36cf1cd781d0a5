import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { uploadBodyLimit, withUpload } from './attachments.ts';
import { pqrsCreatedSchema, pqrsInputSchema } from './schemas.ts';
import { pqrsService } from './service.ts';
import trackRoutes from './track-routes.ts';

/**
 * `POST /api/pqrs`: files a PQRSD. JSON, or multipart/form-data with the same JSON in a `data`
 * field and the attachments as `files` parts. Nothing is stored unless everything is valid.
 */
const pqrsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = pqrsService(app);
  const { config } = app;

  await app.register(trackRoutes, { prefix: '/track' });

  app.post(
    '/',
    {
      bodyLimit: uploadBodyLimit(config),
      config: { rateLimit: { max: config.rateLimitMax, timeWindow: '1 minute' } },
      schema: { response: { 201: pqrsCreatedSchema } },
    },
    async (req, reply) =>
      withUpload(req, config.uploadsDir, pqrsInputSchema, async (data, files) => {
        if (app.challenges) await app.challenges.verify(data.altcha);
        return reply.code(201).send(await service.file(data, files, req.ip, app.now()));
      }),
  );
};

export default pqrsRoutes;
