import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendCsv } from '../csv.ts';
import { getPublished, listPublished, publishedCsv } from './published.ts';
import { publishedIdParams, publishedListSchema, publishedReportSchema } from './schemas.ts';

/**
 * `/api/reports`: the published PQRSD reports, public (the transparency page's `<ecam-informe>`).
 * A published report never changes; only its `replacedBy` can appear later, and the list grows,
 * so the JSON is revalidated on every visit and the CSV, the stored file itself, is cached long.
 */
const publishedRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  app.get('/published', { schema: { response: { 200: publishedListSchema } } }, async (_req, reply) => {
    reply.header('Cache-Control', 'no-cache');
    return { reports: listPublished(db) };
  });

  app.get('/published/:id', { schema: { params: publishedIdParams, response: { 200: publishedReportSchema } } }, async (req, reply) => {
    reply.header('Cache-Control', 'no-cache');
    return getPublished(db, req.params.id);
  });

  app.get('/published/:id.csv', { schema: { params: publishedIdParams } }, async (req, reply) => {
    const { csv, row } = publishedCsv(db, req.params.id);
    reply.header('Cache-Control', 'public, max-age=86400');
    return sendCsv(reply, `informe-pqrsd-${row.from}-${row.to}-v${row.version}.csv`, csv);
  });
};

export default publishedRoutes;
