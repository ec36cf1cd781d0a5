import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../admin/audit.ts';
import { ApiError } from '../errors.ts';
import { formatDate } from '../pqrs/workflow.ts';
import { parseRule } from './holidays.ts';
import { recomputeOpenDeadlines } from './recompute.ts';
import { holidayAddedResponse, holidayInput, holidaysQuery, holidaysResponse } from './schemas.ts';
import { calendarRules, forgetCalendar, holidayCalendar, holidayRules, insertHolidayRule } from './store.ts';

/**
 * `/api/admin/holidays`, admins only: national holidays decreed by a law newer than the software.
 * Adding one moves, in the same transaction, the due dates of the open requests it falls in.
 */
const holidayAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const adminOnly = { role: 'admin' } as const;

  // The same list as the public GET /api/calendar/holidays, for the staff page (same origin, no cache).
  app.get(
    '/',
    { config: adminOnly, schema: { querystring: holidaysQuery, response: { 200: holidaysResponse } } },
    async (req) => holidayCalendar(db).holidays(req.query.year),
  );

  app.post(
    '/',
    { config: adminOnly, schema: { body: holidayInput, response: { 201: holidayAddedResponse } } },
    async (req, reply) => {
      const input = req.body;
      const parsed = parseRule(input.rule);
      if (typeof parsed === 'string') throw new ApiError(400, 'Revise los campos marcados.', { rule: `Regla: ${parsed}.` });
      // The same rule in force in overlapping years would count one day twice in the list.
      const same = holidayRules(db).find(
        (r) =>
          r.rule === input.rule &&
          r.fromYear <= (input.untilYear ?? Infinity) &&
          input.fromYear <= (r.untilYear ?? Infinity),
      );
      if (same) throw new ApiError(409, `Esa regla ya está en el calendario: ${same.name} (${same.source}).`);
      if (parsed.kind === 'once') {
        const existing = holidayCalendar(db).holidays(parsed.year).find((h) => h.date === parsed.date);
        if (existing) throw new ApiError(409, `El ${formatDate(parsed.date)} ya es festivo: ${existing.name} (${existing.source}).`);
      }
      const staff = req.staff!;
      const now = app.now();
      const before = calendarRules(db);
      try {
        const result = db.transaction(() => {
          const holiday = insertHolidayRule(db, input, now, staff.id);
          const radicados = recomputeOpenDeadlines(db, input, before, calendarRules(db), staff, now);
          recordAudit(db, {
            staffId: staff.id,
            username: staff.username,
            action: 'settings.holiday_add',
            target: holiday.name,
            ip: req.ip,
            // Each moved request also has its own public event with the admin's name; the log keeps
            // the count and the first radicados, so a national holiday cannot bloat it.
            details: { ...input, moved: radicados.length, radicados: radicados.slice(0, 100) },
            at: now,
          });
          return { holiday, moved: radicados.length, radicados };
        })();
        return reply.code(201).send(result);
      } catch (err) {
        // Rolled back: the calendar kept in memory must not hold the rule either.
        forgetCalendar(db);
        throw err;
      }
    },
  );
};

export default holidayAdminRoutes;
