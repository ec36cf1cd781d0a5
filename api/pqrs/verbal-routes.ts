import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiError } from '../errors.ts';
import { uploadBodyLimit, withUpload } from './attachments.ts';
import { constanciaPdf } from './constancia.ts';
import { contentDisposition } from './download.ts';
import { verbalService } from './verbal.ts';
import { constanciaSchema, verbalFiledSchema, verbalInputSchema } from './verbal-schemas.ts';

const radicadoParams = z.object({ radicado: z.string().max(40).transform((s) => s.toUpperCase()) });

/**
 * Verbal petitions, inside `/api/admin/pqrs` (the admin guard checks session and CSRF; every
 * staff member may file one):
 * - `POST /verbal`: files it at once. JSON, or multipart/form-data with the JSON in a `data`
 *   field and the scanned documents as `files` parts (the limits and checks of the citizens' form).
 * - `GET /:radicado/constancia`: the constancia as JSON; `GET /:radicado/constancia.pdf`, as PDF.
 */
const verbalRoutes: FastifyPluginAsyncZod = async (app) => {
  const verbal = verbalService(app);
  const { config } = app;

  const constancia = (radicado: string) =>
    verbal.constancia(radicado) ??
    (() => {
      throw new ApiError(404, `La solicitud ${radicado} no existe o no es una petición verbal: no tiene constancia.`);
    })();

  app.post('/verbal', { bodyLimit: uploadBodyLimit(config), schema: { response: { 201: verbalFiledSchema } } }, async (req, reply) =>
    withUpload(req, config.uploadsDir, verbalInputSchema, async (data, files) => {
      // The admin scope's guard has already refused requests without a session.
      if (!req.staff) throw new ApiError(401, 'Debe iniciar sesión.', undefined, 'session');
      return reply.code(201).send(await verbal.file(data, files, req.staff, req.ip));
    }),
  );

  app.get('/:radicado/constancia', { schema: { params: radicadoParams, response: { 200: constanciaSchema } } }, async (req) =>
    constancia(req.params.radicado),
  );

  app.get('/:radicado/constancia.pdf', { schema: { params: radicadoParams } }, async (req, reply) => {
    const c = constancia(req.params.radicado);
    const pdf = await constanciaPdf(c);
    return reply
      .header('Content-Type', 'application/pdf')
      .header('Content-Disposition', contentDisposition(`constancia-${c.radicado}.pdf`))
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store')
      .send(pdf);
  });
};

export default verbalRoutes;
