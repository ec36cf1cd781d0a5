import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendCsv } from '../csv.ts';
import { parseOrThrow } from '../errors.ts';
import { periodQuery } from '../reports/schemas.ts';
import { dictionarySchema, DICTIONARY, openDataQuery, openDataSchema } from './schemas.ts';
import { openData, openDataCsv, openDataPeriod } from './service.ts';

/**
 * `/api/open-data`: the PQRSD dataset for datos.gov.co and anyone else, public and without
 * personal data (schemas.ts). A period is at most five years, so one answer stays bounded.
 */
const openDataRoutes: FastifyPluginAsyncZod = async (app) => {
  // A period of five years can be tens of thousands of rows: a caller may ask a few times a minute.
  const config = { rateLimit: { max: 20, timeWindow: '1 minute' } };
  const data = (q: { from?: string; to?: string }) => {
    const now = app.now();
    // The defaults filled in, the same checks as any period (order, at most five years).
    return openData(app.db, parseOrThrow(periodQuery, openDataPeriod(q, now)), now);
  };

  app.get('/pqrs.json', { config, schema: { querystring: openDataQuery, response: { 200: openDataSchema } } }, async (req, reply) => {
    reply.header('Cache-Control', 'public, max-age=300');
    return data(req.query);
  });

  app.get('/pqrs.csv', { config, schema: { querystring: openDataQuery } }, async (req, reply) => {
    const d = data(req.query);
    reply.header('Cache-Control', 'public, max-age=300');
    return sendCsv(reply, `pqrsd-${d.from}-${d.to}.csv`, openDataCsv(d));
  });

  app.get('/pqrs/dictionary', { schema: { response: { 200: dictionarySchema } } }, async (_req, reply) => {
    reply.header('Cache-Control', 'public, max-age=3600');
    return DICTIONARY;
  });
};

export default openDataRoutes;
