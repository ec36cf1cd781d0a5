import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { periodQuery, reportSchema } from './schemas.ts';
import { sendCsv } from '../csv.ts';
import { pqrsReport, reportCsv } from './service.ts';

/** `/api/admin/reports`, inside the admin scope: the PQRSD report as JSON and as CSV. */
const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const report = (period: { from: string; to: string }) => pqrsReport(app.db, period, app.now());

  app.get('/pqrs', { schema: { querystring: periodQuery, response: { 200: reportSchema } } }, async (req) => report(req.query));

  app.get('/pqrs.csv', { schema: { querystring: periodQuery } }, async (req, reply) => {
    const { from, to } = req.query;
    return sendCsv(reply, `reporte-pqrsd-${from}-${to}.csv`, reportCsv(report(req.query)));
  });
};

export default reportsRoutes;
