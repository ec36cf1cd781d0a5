import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../admin/audit.ts';
import { addClosureDay, listClosureDays, removeClosureDay } from '../calendar/store.ts';
import { ApiError } from '../errors.ts';
import { getSurveyBySlug } from '../survey/store.ts';
import { closureDayInput, closureDayParams, closureDaySchema, settingsInput, settingsSchema } from './schemas.ts';
import { getSettings, saveSettings } from './store.ts';

/**
 * `/api/admin/settings`, admins only: entity name and contact for the data notice, radicado
 * prefix, office hours, cut-off hour, and the closure days that feed the calendar.
 */
const settingsAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;
  const adminOnly = { role: 'admin' } as const;

  app.get('/', { config: adminOnly, schema: { response: { 200: settingsSchema } } }, async () => getSettings(db, config));

  app.put(
    '/',
    { config: adminOnly, schema: { body: settingsInput, response: { 200: settingsSchema } } },
    async (req) => {
      // A satisfaction survey the tracker or the chat offers must exist and not be a draft.
      const fields: Record<string, string> = {};
      for (const key of ['pqrsSurvey', 'chatSurvey'] as const) {
        const slug = req.body[key];
        if (slug != null && (getSurveyBySlug(db, slug)?.state ?? 'draft') === 'draft') {
          fields[key] = 'Encuesta de satisfacción: elija una encuesta abierta o cerrada (no un borrador).';
        }
      }
      if (Object.keys(fields).length > 0) throw new ApiError(400, 'Revise la configuración.', fields);
      const next = { ...req.body, usageMetrics: req.body.usageMetrics ?? getSettings(db, config).usageMetrics };
      db.transaction(() => {
        const changed = saveSettings(db, config, next);
        if (changed.length === 0) return;
        recordAudit(db, {
          staffId: req.staff!.id,
          username: req.staff!.username,
          action: 'settings.update',
          target: changed.join(','),
          ip: req.ip,
          details: Object.fromEntries(changed.map((k) => [k, next[k]])),
          at: app.now(),
        });
      })();
      return getSettings(db, config);
    },
  );

  app.get(
    '/closures',
    { config: adminOnly, schema: { response: { 200: z.array(closureDaySchema) } } },
    async () => listClosureDays(db),
  );

  app.post(
    '/closures',
    { config: adminOnly, schema: { body: closureDayInput, response: { 201: closureDaySchema } } },
    async (req, reply) => {
      const { date, reason } = req.body;
      db.transaction(() => {
        addClosureDay(db, date, reason);
        recordAudit(db, {
          staffId: req.staff!.id,
          username: req.staff!.username,
          action: 'settings.closure_add',
          target: date,
          ip: req.ip,
          details: { reason },
          at: app.now(),
        });
      })();
      return reply.code(201).send({ date, reason });
    },
  );

  app.delete(
    '/closures/:date',
    { config: adminOnly, schema: { params: closureDayParams } },
    async (req, reply) => {
      const { date } = req.params;
      const removed = db.transaction(() => {
        if (!removeClosureDay(db, date)) return false;
        recordAudit(db, {
          staffId: req.staff!.id,
          username: req.staff!.username,
          action: 'settings.closure_remove',
          target: date,
          ip: req.ip,
          at: app.now(),
        });
        return true;
      })();
      if (!removed) throw new ApiError(404, `El ${date} no es un día de cierre.`);
      return reply.code(204).send();
    },
  );
};

export default settingsAdminRoutes;
