import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listAudit } from './audit.ts';
import { auditPage, auditQuery } from './schemas.ts';

const PAGE_SIZE = 50;

/** `GET /api/admin/audit?from&to&staff&action&page`: the audit log, newest first, admins only. */
const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    { config: { role: 'admin' }, schema: { querystring: auditQuery, response: { 200: auditPage } } },
    async (req) => {
      const page = req.query.page ?? 1;
      const { items, total } = listAudit(app.db, { ...req.query, page, pageSize: PAGE_SIZE });
      return { items, total, page, pageSize: PAGE_SIZE };
    },
  );
};

export default auditRoutes;
