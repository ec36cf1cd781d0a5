/**
 * What keeps the server standing under load and attack, in one place: security headers
 * (helmet, with the one Content-Security-Policy of the site), load shedding (under-pressure),
 * body size limits, slow-client timeouts and logs without personal data.
 */
import v8 from 'node:v8';
import helmet from 'helmet';
import underPressure from '@fastify/under-pressure';
import type { Server } from 'node:http';
import type { FastifyHttpOptions, FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from './config.ts';

/** Largest request body of any route, unless the route sets its own (uploads do). */
export const BODY_LIMIT = 1024 * 1024;

/** Seconds a client is asked to wait (Retry-After) when the server sheds load. */
export const RETRY_AFTER_SECONDS = 10;

export const OVERLOAD_MESSAGE = 'El servicio está atendiendo demasiadas solicitudes. Intente de nuevo en unos segundos.';

/**
 * The Content-Security-Policy of every response. Nothing inline and nothing from elsewhere: the
 * admin shell loads /widgets/admin.js, Lit's styles are constructed stylesheets and Chart.js
 * sizes its canvas through the CSSOM, none of which needs 'unsafe-inline'. No framing
 * (clickjacking of the staff actions). JSON answers carry it too: opened as a page, they can
 * run nothing.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The demo page stands in for the entity's own site, whose CSP is the entity's business; its
 * one inline `<style>` is allowed there and nowhere else.
 */
export const DEMO_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** The path of a URL without its query string: queries may hold a searched name or a token. */
function pathOnly(url: string | undefined): string {
  return (url ?? '').split('?')[0]!;
}

/**
 * Options for the Fastify constructor: body limit, slow-client timeouts and the logger.
 * Logs name the method, the path and the status, never the query string, an IP, a header
 * (cookies, CSRF tokens), a body or a tracking code.
 */
export function serverOptions(config: Config): FastifyHttpOptions<Server> {
  return {
    bodyLimit: BODY_LIMIT,
    // Slowloris: the headers must all arrive within 10 s and the whole request (uploads of up
    // to 50 MB on a slow line included) within 5 minutes; checked every second. Keep-alive
    // sockets idle longer than 10 s are closed.
    http: { headersTimeout: 10_000, connectionsCheckingInterval: 1_000 },
    requestTimeout: 300_000,
    keepAliveTimeout: 10_000,
    logger: {
      level: config.logLevel,
      serializers: {
        req: (req: { method?: string; url?: string; routeOptions?: { url?: string } }) => ({
          method: req.method,
          url: pathOnly(req.url),
        }),
        res: (reply: { statusCode?: number }) => ({ statusCode: reply.statusCode }),
      },
      // Whatever a future log line passes by mistake.
      redact: {
        paths: [
          'req.headers', 'res.headers', 'headers', 'body', 'cookie', 'password', 'trackingCode', 'code', 'token',
          'email', 'documentNumber', 'name', 'phone', 'address', '*.email', '*.documentNumber', '*.phone', '*.address',
        ],
        censor: '[oculto]',
      },
    },
  };
}

/** A registered route, as the tests that walk every route (fuzzing, body limits) see it. */
export interface RouteInfo {
  method: string;
  url: string;
  /** The route's own body limit, when it accepts more than BODY_LIMIT (uploads). */
  bodyLimit?: number;
  /** `config: { public: true }`: open without a staff session (the staff login). */
  public: boolean;
  /** `config: { role: 'admin' }`: for admins only. */
  role?: 'admin';
}

// Keyed by the HTTP server, which a Fastify instance shares with every scope inside it.
const routeLists = new WeakMap<Server, RouteInfo[]>();

/** Every route of the app, public and staff, including those added after this was written. */
export function routeList(app: FastifyInstance): RouteInfo[] {
  return routeLists.get(app.server) ?? [];
}

/**
 * Security headers and load shedding, for every route (registered first in buildApp).
 * Widgets and the public API are embedded by other sites, so their resources are
 * cross-origin-readable; the staff page and API are same-origin only.
 */
export async function registerHardening(
  app: FastifyInstance,
  config: Config,
  isStaffRequest: (req: FastifyRequest) => boolean,
): Promise<void> {
  const routes: RouteInfo[] = [];
  routeLists.set(app.server, routes);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      routes.push({ method, url: r.url, bodyLimit: r.bodyLimit, public: r.config?.public === true, role: r.config?.role });
    }
  });

  // helmet's middleware, built once: @fastify/helmet rebuilds it (parsing the CSP) on every
  // request, which cost about 15 µs a request here; the headers are the same.
  const securityHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    // The admin page's fetches need their Origin header: with 'no-referrer' a browser would send
    // `Origin: null` and the CSRF guard would refuse every staff action.
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
  });
  app.addHook('onRequest', (req, reply, done) => {
    securityHeaders(req.raw, reply.raw, (err?: unknown) => {
      if (!err && isStaffRequest(req)) reply.raw.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
      done(err as Error | undefined);
    });
  });

  await app.register(underPressure, {
    maxEventLoopDelay: config.maxEventLoopDelayMs,
    maxHeapUsedBytes: config.maxHeapBytes ?? Math.round(v8.getHeapStatistics().heap_size_limit * 0.9),
    retryAfter: RETRY_AFTER_SECONDS,
    // The plugin's own answer would go through the error handler as an anonymous 500.
    pressureHandler: async (_req, reply) => {
      void reply.code(503).header('Retry-After', String(RETRY_AFTER_SECONDS)).send({ error: OVERLOAD_MESSAGE, code: 'overload' });
    },
  });
}
