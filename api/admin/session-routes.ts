import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { attemptSucceeded, beginAttempt } from '../auth/lockout.ts';
import { dummyVerify, hashPassword, verifyPassword } from '../auth/passwords.ts';
import {
  clearSessionCookie,
  createSession,
  revokeSession,
  revokeUserSessions,
  sessionTimeouts,
  setSessionCookie,
} from '../auth/sessions.ts';
import { findForLogin, normalizeUsername, setPasswordHash, staffUser } from '../auth/users.ts';
import { ApiError } from '../errors.ts';
import { recordAudit } from './audit.ts';
import { loginBody, passwordChangeBody, sessionResponse } from './schemas.ts';

/** The one answer for an unknown user, a wrong password and an inactive account. */
const BAD_CREDENTIALS = 'Usuario o contraseña incorrectos.';

/** 429 for a locked username, known or not, with Retry-After in seconds. */
function locked(reply: FastifyReply, seconds: number): ApiError {
  reply.header('Retry-After', String(seconds));
  const minutes = Math.ceil(seconds / 60);
  return new ApiError(
    429,
    `Demasiados intentos fallidos con este usuario. Intente de nuevo en ${minutes} ${minutes === 1 ? 'minuto' : 'minutos'}.`,
    undefined,
    'locked',
  );
}

/**
 * `/api/admin/session`: `POST` logs in (public), `GET` says who is in, `DELETE` logs out;
 * `POST /password` changes one's own password.
 */
const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;
  const timeouts = sessionTimeouts(config);

  app.post(
    '/',
    {
      // Per IP when rate limits are on; the per-username lockout below applies always.
      config: { public: true, rateLimit: { max: 10, timeWindow: '15 minutes' } },
      schema: { body: loginBody, response: { 200: sessionResponse } },
    },
    async (req, reply) => {
      const now = app.now();
      const username = normalizeUsername(req.body.username);
      const audit = { username, ip: req.ip, at: now };
      const lockedFor = beginAttempt(db, username, now);
      if (lockedFor) {
        recordAudit(db, { ...audit, staffId: null, action: 'session.login_locked' });
        throw locked(reply, lockedFor);
      }
      const user = findForLogin(db, username);
      // An unknown user costs the same hash as a known one, so timing does not tell them apart.
      const ok = user ? await verifyPassword(req.body.password, user.passwordHash) : await dummyVerify(req.body.password);
      if (!user || !ok || !user.active) {
        const reason = !user ? 'unknown-user' : !ok ? 'wrong-password' : 'inactive';
        recordAudit(db, { ...audit, staffId: user?.id ?? null, action: 'session.login_failed', details: { reason } });
        throw new ApiError(401, BAD_CREDENTIALS, undefined, 'credentials');
      }
      attemptSucceeded(db, username);
      // A fresh id at every login; a session this browser already had ends here.
      if (req.staffSession) revokeSession(db, req.staffSession.idHash);
      const client = { ip: req.ip, userAgent: req.headers['user-agent'] ?? '' };
      const { id, csrfToken } = createSession(db, user.id, client, now, timeouts);
      recordAudit(db, { ...audit, staffId: user.id, action: 'session.login' });
      setSessionCookie(req, reply, id);
      return { user: staffUser(user), csrfToken };
    },
  );

  app.get('/', { schema: { response: { 200: sessionResponse } } }, async (req) => ({
    user: req.staff!,
    csrfToken: req.staffSession!.csrfToken,
  }));

  app.delete('/', async (req, reply) => {
    revokeSession(db, req.staffSession!.idHash);
    recordAudit(db, { staffId: req.staff!.id, username: req.staff!.username, action: 'session.logout', ip: req.ip, at: app.now() });
    clearSessionCookie(req, reply);
    return reply.code(204).send();
  });

  app.post('/password', { schema: { body: passwordChangeBody } }, async (req, reply) => {
    const staff = req.staff!;
    const now = app.now();
    const audit = { staffId: staff.id, username: staff.username, ip: req.ip, at: now };
    // Guessing the current password from a stolen session meets the same lockout as the login.
    const lockedFor = beginAttempt(db, staff.username, now);
    if (lockedFor) throw locked(reply, lockedFor);
    const user = findForLogin(db, staff.username)!;
    if (!(await verifyPassword(req.body.currentPassword, user.passwordHash))) {
      recordAudit(db, { ...audit, action: 'session.password_failed' });
      throw new ApiError(400, 'Revise los campos marcados.', { currentPassword: 'Contraseña actual: no es correcta.' });
    }
    attemptSucceeded(db, staff.username);
    setPasswordHash(db, staff.id, await hashPassword(req.body.newPassword));
    // Other browsers signed in with the old password are signed out; this one stays.
    revokeUserSessions(db, staff.id, req.staffSession!.idHash);
    recordAudit(db, { ...audit, action: 'session.password' });
    return reply.code(204).send();
  });
};

export default sessionRoutes;
