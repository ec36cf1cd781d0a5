import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendCsv } from '../csv.ts';
import { ApiError } from '../errors.ts';
import { monthsBetween } from './months.ts';
import { appropriationQuery, appropriationSchema, MAX_PERIOD_MONTHS, type MonthPeriod } from './schemas.ts';
import { appropriation, appropriationCsv } from './service.ts';

/**
 * `/api/admin/appropriation`: the appropriation dashboard's figures (any signed-in staff member).
 * `?from=YYYY-MM&to=YYYY-MM`, both included; one of them alone is a one-month period; none: the
 * current month. Only counts: no personal data, so reads are not audited.
 */
const appropriationAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;

  const periodOf = (q: { from?: string; to?: string }): MonthPeriod | undefined => {
    if (!q.from && !q.to) return undefined;
    const p = { from: q.from ?? q.to!, to: q.to ?? q.from! };
    if (monthsBetween(p.from, p.to).length > MAX_PERIOD_MONTHS) {
      throw new ApiError(400, 'Revise los campos marcados.', { to: `Hasta: el periodo puede tener como máximo ${MAX_PERIOD_MONTHS} meses.` });
    }
    return p;
  };

  app.get(
    '/',
    {
      schema: {
        querystring: appropriationQuery,
        response: { 200: appropriationSchema },
        description: 'Uso y calidad de cada herramienta en el periodo, el periodo anterior y el mismo periodo del año anterior; embudos de los widgets.',
      },
    },
    async (req, reply) => {
      reply.header('Cache-Control', 'no-store');
      return appropriation(db, config, periodOf(req.query), app.now());
    },
  );

  app.get(
    '.csv',
    { schema: { querystring: appropriationQuery, description: 'Todas las cifras de apropiación como CSV (hoja de cálculo es-CO).' } },
    async (req, reply) => {
      const a = appropriation(db, config, periodOf(req.query), app.now());
      const name = a.period.from === a.period.to ? a.period.from : `${a.period.from}_${a.period.to}`;
      reply.header('Cache-Control', 'no-store');
      return sendCsv(reply, `apropiacion-${name}.csv`, appropriationCsv(a));
    },
  );
};

export default appropriationAdminRoutes;
