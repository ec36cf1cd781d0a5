import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicSettingsSchema } from './schemas.ts';
import { getSettings } from './store.ts';

/** `GET /api/settings/public`: the controller and contact data the widgets' data notice shows. */
const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/public', { schema: { response: { 200: publicSettingsSchema } } }, async (_req, reply) => {
    // Short: an admin's correction should reach the notice within a minute.
    reply.header('Cache-Control', 'public, max-age=60');
    const s = getSettings(app.db, app.config);
    return {
      entityName: s.entityName,
      contactEmail: s.contactEmail,
      contactPhone: s.contactPhone,
      contactAddress: s.contactAddress,
      policyUrl: app.config.policyUrl,
      policyVersion: app.config.policyVersion,
      attachments: { maxFiles: app.config.maxFiles, maxFileBytes: app.config.maxFileBytes },
    };
  });
};

export default settingsRoutes;
