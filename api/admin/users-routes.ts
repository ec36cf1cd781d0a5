import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hashPassword, randomPassword } from '../auth/passwords.ts';
import { revokeUserSessions } from '../auth/sessions.ts';
import { createUser, listUsers, setPasswordHash, updateUser } from '../auth/users.ts';
import { ApiError } from '../errors.ts';
import { recordAudit } from './audit.ts';
import { userCreateBody, userCreatedResponse, userIdParams, userPatchBody, userRecordSchema } from './schemas.ts';

/** `/api/admin/users`: staff accounts, for admins only. Accounts are deactivated, never deleted. */
const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const adminOnly = { role: 'admin' } as const;

  app.get('/', { config: adminOnly, schema: { response: { 200: z.array(userRecordSchema) } } }, async () => listUsers(db));

  app.post(
    '/',
    { config: adminOnly, schema: { body: userCreateBody, response: { 201: userCreatedResponse } } },
    async (req, reply) => {
      const { password: given, ...data } = req.body;
      const password = given ?? randomPassword();
      const passwordHash = await hashPassword(password);
      const now = app.now();
      const user = db.transaction(() => {
        const created = createUser(db, { ...data, passwordHash }, now);
        if (created) {
          recordAudit(db, {
            staffId: req.staff!.id,
            username: req.staff!.username,
            action: 'user.create',
            target: created.username,
            ip: req.ip,
            details: { role: created.role, reviewer: created.reviewer, name: created.name, email: created.email },
            at: now,
          });
        }
        return created;
      })();
      if (!user) {
        const message = 'Usuario: ya existe una cuenta con ese nombre de usuario.';
        throw new ApiError(409, message, { username: message }, 'username-taken');
      }
      return reply.code(201).send({ user, password: given ? undefined : password });
    },
  );

  app.patch(
    '/:id',
    { config: adminOnly, schema: { params: userIdParams, body: userPatchBody, response: { 200: userRecordSchema } } },
    async (req) => {
      const { password, ...changes } = req.body;
      const passwordHash = password === undefined ? undefined : await hashPassword(password);
      const now = app.now();
      const result = db.transaction(() => {
        const updated = updateUser(db, req.params.id, changes);
        if (typeof updated === 'string') return updated;
        if (passwordHash) setPasswordHash(db, updated.id, passwordHash);
        // A new password or a deactivation ends the account's sessions everywhere.
        if (passwordHash || changes.active === false) revokeUserSessions(db, updated.id);
        recordAudit(db, {
          staffId: req.staff!.id,
          username: req.staff!.username,
          action: 'user.update',
          target: updated.username,
          ip: req.ip,
          details: { ...changes, ...(passwordHash ? { password: 'restablecida' } : {}) },
          at: now,
        });
        return updated;
      })();
      if (result === 'not-found') throw new ApiError(404, 'No existe ese usuario.');
      if (result === 'last-admin') {
        throw new ApiError(
          409,
          'Debe quedar al menos un administrador activo: active o nombre otro administrador antes de este cambio.',
          undefined,
          'last-admin',
        );
      }
      return result;
    },
  );
};

export default usersRoutes;
