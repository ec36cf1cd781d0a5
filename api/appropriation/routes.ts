import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ownOrigins } from '../admin/index.ts';
import { bogotaDate } from '../calendar/calendar.ts';
import { getSettings } from '../settings/store.ts';
import type { UsageDevice } from './catalog.ts';
import { usageReportInput } from './schemas.ts';
import { runRollup } from './rollup.ts';
import { bumpUsage, type UsageKey } from './store.ts';

/** How often the rollup job looks for months to compute (it computes only those not final). */
const ROLLUP_EVERY_MS = 10 * 60_000;

/** A phone, by the User-Agent's usual markers (tablets count as "other"); the header is never kept. */
export function deviceOf(userAgent: string | undefined): UsageDevice {
  return /\b(iPhone|iPod|Mobile|Windows Phone|Opera Mini)\b|Android.*Mobile/i.test(userAgent ?? '') ? 'phone' : 'other';
}

/** The browser asked not to be tracked (Global Privacy Control or Do Not Track). */
export function optedOut(req: FastifyRequest): boolean {
  return req.headers['sec-gpc'] === '1' || req.headers.dnt === '1';
}

/**
 * The origin of the page that sent the report: the Origin header (browsers send it with every
 * POST, beacons included), else the Referer's origin. Only the API's own site and the configured
 * embedding sites count; anything else is null (the report is then not counted).
 */
export function pageOrigin(app: FastifyInstance, req: FastifyRequest): string | null {
  let origin = req.headers.origin;
  if (!origin || origin === 'null') {
    try {
      origin = req.headers.referer ? new URL(req.headers.referer).origin : undefined;
    } catch {
      origin = undefined;
    }
  }
  if (!origin) return null;
  return ownOrigins(req, app.config.publicUrl).includes(origin) || app.config.allowedOrigins.includes(origin) ? origin : null;
}

/**
 * `POST /api/metrics`: the widgets' usage counts (issue 13). Each event adds one to a daily
 * counter of (Bogotá day, widget, page, measure, phone/other); nothing else of the request is kept.
 */
const metricsRoutes: FastifyPluginAsyncZod = async (app) => {
  // The month figures of the work: at start (catching up after a stop) and every few minutes.
  const rollup = () => {
    try {
      runRollup(app.db, app.config, app.now());
    } catch (err) {
      app.log.error({ err }, 'cifras de apropiación');
    }
  };
  const job = setInterval(rollup, ROLLUP_EVERY_MS);
  job.unref();
  app.addHook('onReady', async () => rollup());
  app.addHook('preClose', async () => clearInterval(job));

  // navigator.sendBeacon sends a string as text/plain (a "simple" request, with no preflight):
  // here, and only here, text/plain is read as JSON.
  app.addContentTypeParser('text/plain', { parseAs: 'string', bodyLimit: 32_768 }, app.getDefaultJsonParser('error', 'error'));

  app.post(
    '/',
    {
      bodyLimit: 32_768,
      // Several reports per page view and many people behind one municipal network address:
      // a wider window than the forms', still a flood stopper.
      config: { rateLimit: { max: app.config.rateLimitMax * 6, timeWindow: '1 minute' } },
      schema: {
        body: usageReportInput,
        description:
          'Conteos de uso de los widgets (mostrado, iniciado, completado, errores) por día, página y tipo de dispositivo; acepta JSON como text/plain (sendBeacon). Sin cookies, IP ni identificadores; Sec-GPC: 1 o DNT: 1 no se cuentan.',
      },
    },
    async (req, reply) => {
      reply.code(204);
      const { events } = req.body;
      if (events.length === 0 || optedOut(req) || !getSettings(app.db, app.config).usageMetrics) return reply.send();
      const origin = pageOrigin(app, req);
      if (origin === null) return reply.send();
      const day = bogotaDate(app.now());
      const device = deviceOf(req.headers['user-agent']);
      const increments = new Map<string, { key: UsageKey; n: number }>();
      for (const e of events) {
        const key: UsageKey = { day, widget: e.widget, origin, path: e.path, measure: e.measure, device };
        const id = JSON.stringify(key);
        const entry = increments.get(id);
        if (entry) entry.n++;
        else increments.set(id, { key, n: 1 });
      }
      await app.commit(() => bumpUsage(app.db, increments));
      return reply.send();
    },
  );
};

export default metricsRoutes;
