import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../admin/audit.ts';
import { periodQuery, publishBody, publishedListSchema, publishedSummarySchema, reportSchema } from './schemas.ts';
import { listPublished, publishReport } from './published.ts';
import { sendCsv } from '../csv.ts';
import { pqrsReport, reportCsv } from './service.ts';

/** `/api/admin/reports`, inside the admin scope: the PQRSD report as JSON and as CSV, and its publication. */
const reportsRoutes: FastifyPluginAsyncZod = async (app) => {
  const report = (period: { from: string; to: string }) => pqrsReport(app.db, period, app.now());

  app.get('/pqrs', { schema: { querystring: periodQuery, response: { 200: reportSchema } } }, async (req) => report(req.query));

  app.get('/pqrs.csv', { schema: { querystring: periodQuery } }, async (req, reply) => {
    const { from, to } = req.query;
    return sendCsv(reply, `reporte-pqrsd-${from}-${to}.csv`, reportCsv(report(req.query)));
  });

  // Published reports (issue 11 item 4): any staff member sees the list; only admins publish,
  // since a publication speaks for the entity and can never be taken back, only corrected.
  app.get('/published', { schema: { response: { 200: publishedListSchema } } }, async () => ({ reports: listPublished(app.db) }));

  app.post(
    '/published',
    { config: { role: 'admin' }, schema: { body: publishBody, response: { 201: publishedSummarySchema } } },
    async (req, reply) => {
      const staff = req.staff!;
      const now = app.now();
      const published = app.db.transaction(() => {
        const p = publishReport(app.db, req.body, staff, now);
        recordAudit(app.db, {
          staffId: staff.id,
          username: staff.username,
          action: 'report.publish',
          target: `${p.from}/${p.to} v${p.version}`,
          ip: req.ip,
          at: now,
          details: { id: p.id, kind: p.kind, replaces: p.replaces?.id ?? null },
        });
        return p;
      })();
      return reply.code(201).send(published);
    },
  );
};

export default reportsRoutes;
