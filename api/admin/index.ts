import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findSession, sessionCookie, sessionTimeouts } from '../auth/sessions.ts';
import type { StaffUser } from '../auth/users.ts';
import { ApiError } from '../errors.ts';
import { routeList, type RouteInfo } from '../hardening.ts';
import appropriationAdminRoutes from '../appropriation/admin-routes.ts';
import chatAdminRoutes from '../chat/admin-routes.ts';
import eventsAdminRoutes from '../events/admin-routes.ts';
import mailboxAdminRoutes from '../mailbox/admin-routes.ts';
import noticesAdminRoutes from '../notices/admin-routes.ts';
import pqrsAdminRoutes from '../pqrs/admin-routes.ts';
import privacyRoutes from '../privacy/routes.ts';
import reportsRoutes from '../reports/routes.ts';
import settingsAdminRoutes from '../settings/admin-routes.ts';
import holidayAdminRoutes from '../calendar/admin-routes.ts';
import surveyAdminRoutes from '../survey/admin-routes.ts';
import auditRoutes from './audit-routes.ts';
import sessionRoutes from './session-routes.ts';
import usersRoutes from './users-routes.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a session (only the login). */
    public?: boolean;
    /** Only staff with this role may call the route; absent: any signed-in staff member. */
    role?: 'admin';
  }
  interface FastifyRequest {
    /** The signed-in staff member, under /api/admin; null without a valid session. */
    staff: StaffUser | null;
    /** The session behind `staff`: its stored id hash and CSRF token. */
    staffSession: { idHash: string; csrfToken: string } | null;
  }
}

/** A route of the admin scope, as the guard sees it (`public`, `role`). */
export type AdminRoute = RouteInfo;

/** Every route registered under /api/admin (tests walk it so no route escapes the guard). */
export function adminRouteList(app: FastifyInstance): AdminRoute[] {
  return routeList(app).filter((r) => /^\/api\/admin(\/|$)/.test(r.url));
}

/** Whether a request is for the staff API; cors uses it to never answer cross-origin there. */
export function isAdminRequest(req: FastifyRequest): boolean {
  let path = req.url.split('?')[0]!;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape cannot route anywhere; the raw path is as good.
  }
  return /^\/+api\/+admin(\/|$)/i.test(path) || (req.routeOptions.url ?? '').startsWith('/api/admin');
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const CSRF_MESSAGE = 'La solicitud no vino de la página de administración. Recargue la página e intente de nuevo.';

/** The origin the browser says the request came from (Origin, else Referer), or null. */
function claimedOrigin(req: FastifyRequest): string | null | 'invalid' {
  const source = req.headers.origin ?? req.headers.referer;
  if (!source) return null;
  try {
    const origin = new URL(source).origin;
    return origin === 'null' ? 'invalid' : origin;
  } catch {
    return 'invalid';
  }
}

/** This server's own origins: the one the request was addressed to, and ECAM_PUBLIC_URL's. */
export function ownOrigins(req: FastifyRequest, publicUrl?: string): string[] {
  const origins: string[] = [];
  try {
    origins.push(new URL(`${req.protocol}://${req.host}`).origin);
  } catch {
    // No usable Host header: only the configured public origin can match.
  }
  if (publicUrl) origins.push(new URL(publicUrl).origin);
  return origins;
}

function sameToken(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Everything under `/api/admin`: staff only, same origin only. The guard (session, role, CSRF)
 * runs as hooks of this scope, so a route added here is protected by default; a route opens
 * itself up only through `config: { public: true }` (login) or narrows with `config: { role: 'admin' }`.
 */
const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;
  const timeouts = sessionTimeouts(config);

  await app.register(cookie);
  app.decorateRequest('staff', null);
  app.decorateRequest('staffSession', null);

  // onRequest: before the body is read or validated, so an anonymous caller learns nothing
  // about a route's input, and a forged request is refused before any work is done.
  app.addHook('onRequest', async (req, reply) => {
    reply.header('Cache-Control', 'no-store');
    const route = req.routeOptions.config;
    const session = findSession(db, sessionCookie(req), app.now(), timeouts);
    req.staff = session?.staff ?? null;
    req.staffSession = session && { idHash: session.idHash, csrfToken: session.csrfToken };

    if (!route.public && !req.staff) throw new ApiError(401, 'Debe iniciar sesión.', undefined, 'session');
    if (route.role && req.staff?.role !== route.role) {
      throw new ApiError(403, 'No tiene permiso para esta acción.', undefined, 'forbidden');
    }
    if (!STATE_CHANGING.has(req.method)) return;

    const origin = claimedOrigin(req);
    const sameOrigin = origin !== null && ownOrigins(req, config.publicUrl).includes(origin);
    if (route.public) {
      // The login needs no token (there is no session yet), but a browser posting it from a
      // foreign page says so in Origin, and that is refused.
      if (origin !== null && !sameOrigin) throw new ApiError(403, CSRF_MESSAGE, undefined, 'csrf');
      return;
    }
    if (!sameOrigin || !sameToken(req.headers['x-csrf-token'], req.staffSession!.csrfToken)) {
      throw new ApiError(403, CSRF_MESSAGE, undefined, 'csrf');
    }
  });

  await app.register(sessionRoutes, { prefix: '/session' });
  await app.register(usersRoutes, { prefix: '/users' });
  await app.register(auditRoutes, { prefix: '/audit' });
  await app.register(settingsAdminRoutes, { prefix: '/settings' });
  await app.register(holidayAdminRoutes, { prefix: '/holidays' });
  await app.register(pqrsAdminRoutes, { prefix: '/pqrs' });
  await app.register(reportsRoutes, { prefix: '/reports' });
  await app.register(surveyAdminRoutes, { prefix: '/surveys' });
  await app.register(chatAdminRoutes, { prefix: '/chat' });
  await app.register(mailboxAdminRoutes, { prefix: '/mailbox' });
  await app.register(privacyRoutes, { prefix: '/privacy' });
  await app.register(noticesAdminRoutes, { prefix: '/notices' });
  await app.register(eventsAdminRoutes, { prefix: '/events' });
  await app.register(appropriationAdminRoutes, { prefix: '/appropriation' });
};

export default adminRoutes;
