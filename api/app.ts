import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import calendarRoutes from './calendar/routes.ts';
import chatRoutes from './chat/routes.ts';
import challengeRoutes from './challenge/routes.ts';
import { Challenges } from './challenge/service.ts';
import type { Config } from './config.ts';
import metricsRoutes from './appropriation/routes.ts';
import { groupCommit, walSync } from './db/group-commit.ts';
import { openDb, type Db } from './db/index.ts';
import adminRoutes, { isAdminRequest } from './admin/index.ts';
import adminPage from './admin/page.ts';
import { ensureFirstAdmin } from './auth/users.ts';
import docs from './docs.ts';
import eventsRoutes from './events/routes.ts';
import { ApiError, registerErrorHandling } from './errors.ts';
import { DEMO_CSP, registerHardening, serverOptions } from './hardening.ts';
import healthRoutes from './health/routes.ts';
import { serializerCompiler } from './serializer.ts';
import { Mailer } from './mail/outbox.ts';
import mailboxRoutes from './mailbox/routes.ts';
import noticesRoutes from './notices/routes.ts';
import pqrsRoutes from './pqrs/routes.ts';
import openDataRoutes from './open-data/routes.ts';
import publishedReportsRoutes from './reports/published-routes.ts';
import settingsRoutes from './settings/routes.ts';
import surveyRoutes from './survey/routes.ts';
import { surveyTallies } from './survey/store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Db;
    mailer: Mailer;
    /** Null when `ECAM_CHALLENGE=off`. */
    challenges: Challenges | null;
    /** Runs a public write in the next group commit; resolves once it is on disk. */
    commit: <T>(write: () => T) => Promise<T>;
    /** The current instant; tests pass a fixed clock to buildApp. */
    now: () => Date;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WIDGETS_DIR = path.join(root, 'dist', 'widgets');
const DEMO_DIR = path.join(root, 'demo');

/** Builds the whole server: API under /api, built widgets under /widgets/, the demo page at /. */
export async function buildApp(
  config: Config,
  options: FastifyServerOptions = {},
  now: () => Date = () => new Date(),
): Promise<FastifyInstance> {
  const app = Fastify({
    ...serverOptions(config),
    trustProxy: config.trustProxy,
    // Errors raised before routing (an undecodable URL, a bad Content-Type) in Spanish JSON too.
    frameworkErrors: (error, _req, reply: FastifyReply) => {
      reply.code(400).send({ error: 'La dirección o los encabezados de la solicitud no son válidos.', code: error.code });
    },
    ...options,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  const db = openDb(config.dbFile);
  fs.mkdirSync(config.uploadsDir, { recursive: true });
  const mailer = new Mailer(db, config, app.log);
  app.decorate('config', config);
  app.decorate('db', db);
  app.decorate('mailer', mailer);
  app.decorate('now', now);
  const durable = walSync(db, config.dbFile);
  app.decorate('commit', groupCommit(db, [surveyTallies(db)], durable));
  app.decorate('challenges', config.challenge ? new Challenges(db, config.challengeMaxNumber) : null);
  app.addHook('onClose', async () => {
    await mailer.close();
    durable.close();
    db.close();
  });
  await ensureFirstAdmin(db, config, app.log, now());

  await registerHardening(app, config, (req) => isAdminRequest(req) || /^\/admin(\/|$)/.test(req.url));
  await app.register(cors, {
    // Only the configured embedding sites may call the public API from a browser; the staff
    // API answers no cross-origin request at all (not even a preflight).
    delegator: (req, cb) => {
      // The widgets' code is public and module scripts are fetched with CORS: any site may load
      // it (an unlisted one then gets the widget's connection error from the API, not a blank).
      if (req.url.startsWith('/widgets/')) return cb(null, { origin: '*', methods: ['GET'] });
      const origin = req.headers.origin;
      const allowed = !isAdminRequest(req) && (!origin || config.allowedOrigins.includes(origin));
      cb(null, { origin: allowed, methods: ['GET', 'POST', 'DELETE'] });
    },
  });
  if (config.rateLimit) {
    await app.register(rateLimit, {
      global: false,
      errorResponseBuilder: (_req, ctx) =>
        new ApiError(429, `Demasiadas solicitudes desde su conexión. Intente de nuevo en ${Math.ceil(ctx.ttl / 1000)} segundos.`),
    });
  }
  await app.register(multipart, {
    limits: {
      fileSize: config.maxFileBytes,
      files: config.maxFiles,
      fields: 5,
      fieldSize: 200_000,
      parts: config.maxFiles + 5,
    },
  });

  // OpenAPI (/api/docs) first: it collects the routes registered after it.
  await app.register(docs);
  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(calendarRoutes, { prefix: '/api/calendar' });
  await app.register(chatRoutes, { prefix: '/api/chat' });
  await app.register(eventsRoutes, { prefix: '/api/events' });
  await app.register(challengeRoutes, { prefix: '/api/challenge' });
  await app.register(mailboxRoutes, { prefix: '/api/mailbox' });
  await app.register(metricsRoutes, { prefix: '/api/metrics' });
  await app.register(noticesRoutes, { prefix: '/api/notices' });
  await app.register(pqrsRoutes, { prefix: '/api/pqrs' });
  await app.register(settingsRoutes, { prefix: '/api/settings' });
  await app.register(surveyRoutes, { prefix: '/api/surveys' });
  await app.register(publishedReportsRoutes, { prefix: '/api/reports' });
  await app.register(openDataRoutes, { prefix: '/api/open-data' });
  await app.register(adminRoutes, { prefix: '/api/admin' });
  await app.register(adminPage);

  if (fs.existsSync(WIDGETS_DIR)) {
    await app.register(fastifyStatic, {
      root: WIDGETS_DIR,
      prefix: '/widgets/',
      // The build writes .br and .gz copies; the one the browser accepts is sent.
      preCompressed: true,
      // Chunks carry a content hash; the loader's name is stable, so it is cached briefly.
      setHeaders: (reply, file) =>
        reply.header(
          'Cache-Control',
          file.includes(`${path.sep}chunks${path.sep}`) ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
        ),
    });
  }
  // redirect: /politica-datos answers with its folder's index, as a web server would.
  await app.register(fastifyStatic, {
    root: DEMO_DIR,
    prefix: '/',
    decorateReply: false,
    index: 'index.html',
    redirect: true,
    setHeaders: (reply) => reply.header('Content-Security-Policy', DEMO_CSP),
  });

  mailer.start();
  return app;
}
