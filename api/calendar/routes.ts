import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PQRS_TYPES } from '../pqrs/catalog.ts';
import { computeDeadline } from './calendar.ts';
import { deadlineQuery, deadlineResponse, holidaysQuery, holidaysResponse } from './schemas.ts';
import { getSettings } from '../settings/store.ts';
import { calendarRules, holidayCalendar } from './store.ts';

/** `GET /api/calendar/holidays` and `GET /api/calendar/deadline`: public, read-only. */
const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/holidays',
    { schema: { querystring: holidaysQuery, response: { 200: holidaysResponse } } },
    async (req, reply) => {
      // Fixed by law, but an administrator may add one decreed by a new law: an hour at most.
      reply.header('Cache-Control', 'public, max-age=3600');
      return holidayCalendar(app.db).holidays(req.query.year);
    },
  );

  app.get(
    '/deadline',
    { schema: { querystring: deadlineQuery, response: { 200: deadlineResponse } } },
    async (req) => {
      const { type } = req.query;
      const receivedAt = req.query.receivedAt ?? new Date();
      const businessDays = PQRS_TYPES[type].businessDays;
      const rules = calendarRules(app.db, getSettings(app.db, app.config).cutoffHour ?? undefined);
      const { effectiveReceipt, dueDate } = computeDeadline(receivedAt, businessDays, rules);
      return { type, receivedAt: receivedAt.toISOString(), effectiveReceipt, businessDays, dueDate };
    },
  );
};

export default calendarRoutes;
