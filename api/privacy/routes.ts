import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAudit } from '../admin/audit.ts';
import { anonymiseResultSchema, privacyExportSchema, subjectBody } from './schemas.ts';
import { anonymiseSubject, exportSubject } from './store.ts';

/**
 * `/api/admin/privacy` (admins only): a person's data by e-mail or document number, exported
 * or anonymised. POST, so the address or number never sits in a URL (nor in the logs); the
 * audit names the radicados and counts, never the address or the number.
 */
const privacyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;
  const adminOnly = { role: 'admin' } as const;

  app.post(
    '/export',
    { config: adminOnly, schema: { body: subjectBody, response: { 200: privacyExportSchema } } },
    async (req) => {
      const now = app.now();
      return db.transaction(() => {
        const data = exportSubject(db, req.body, now);
        recordAudit(db, {
          staffId: req.staff!.id,
          username: req.staff!.username,
          action: 'privacy.export',
          target: data.pqrs.map((p) => p.radicado).join(', ') || null,
          ip: req.ip,
          details: { pqrs: data.pqrs.length, chats: data.chats.length, mailbox: data.mailbox.length, emails: data.emails.length },
          at: now,
        });
        return data;
      })();
    },
  );

  app.post(
    '/anonymise',
    { config: adminOnly, schema: { body: subjectBody, response: { 200: anonymiseResultSchema } } },
    async (req) => {
      const now = app.now();
      return db.transaction(() => {
        const result = anonymiseSubject(db, req.body, now);
        recordAudit(db, {
          staffId: req.staff!.id,
          username: req.staff!.username,
          action: 'privacy.anonymise',
          target: result.pqrs.join(', ') || null,
          ip: req.ip,
          details: { pqrs: result.pqrs.length, chats: result.chats, mailbox: result.mailbox, emails: result.emails },
          at: now,
        });
        return result;
      })();
    },
  );
};

export default privacyRoutes;
