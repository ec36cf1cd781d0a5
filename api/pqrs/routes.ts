import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, parseOrThrow } from '../errors.ts';
import { checkTypes, discardFiles, receiveFile, type StoredFile } from './attachments.ts';
import { pqrsCreatedSchema, pqrsInputSchema } from './schemas.ts';
import { pqrsService } from './service.ts';

/** The JSON of a multipart request's `data` field. */
function parseDataField(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    throw new ApiError(400, 'El campo «data» no es un JSON válido.', { body: 'El campo «data» no es un JSON válido.' });
  }
}

/**
 * `POST /api/pqrs`: files a PQRSD. JSON, or multipart/form-data with the same JSON in a `data`
 * field and the attachments as `files` parts. Nothing is stored unless everything is valid.
 */
const pqrsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = pqrsService(app);
  const { config } = app;

  app.post(
    '/',
    {
      bodyLimit: config.maxFiles * config.maxFileBytes + 1024 * 1024,
      config: { rateLimit: { max: config.rateLimitMax, timeWindow: '1 minute' } },
      schema: { response: { 201: pqrsCreatedSchema } },
    },
    async (req, reply) => {
      const files: StoredFile[] = [];
      try {
        let raw: unknown = req.body;
        if (req.isMultipart()) {
          raw = undefined;
          for await (const part of req.parts()) {
            if (part.type === 'field') {
              if (part.fieldname === 'data') raw = parseDataField(part.value);
            } else if (part.fieldname !== 'files' || !part.filename) {
              part.file.resume();
            } else {
              files.push(await receiveFile(part, config.uploadsDir));
            }
          }
        }
        const data = parseOrThrow(pqrsInputSchema, raw);
        await checkTypes(files, config.uploadsDir);
        if (app.challenges) await app.challenges.verify(data.altcha);
        const created = await service.file(data, files, req.ip, app.now());
        return reply.code(201).send(created);
      } catch (err) {
        discardFiles(files, config.uploadsDir);
        throw err;
      }
    },
  );
};

export default pqrsRoutes;
