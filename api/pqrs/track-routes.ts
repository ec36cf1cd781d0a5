import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TRACKER_LOOKUPS } from '../appropriation/rollup.ts';
import { bumpCounter } from '../appropriation/store.ts';
import { bogotaDate } from '../calendar/calendar.ts';
import { sendAttachment } from './download.ts';
import { TRACK_NOT_FOUND, workflow } from './workflow.ts';
import { trackBody, trackSchema } from './workflow-schemas.ts';

/**
 * Public tracking, authorised by radicado + tracking code (both in the body, so the code never
 * lands in a URL or an access log). Any mismatch is the same 404 in the same time.
 */
const trackRoutes: FastifyPluginAsyncZod = async (app) => {
  const wf = workflow(app);
  // Per IP; active only when the rate-limit plugin is (config.rateLimit).
  const limited = { rateLimit: { max: 20, timeWindow: '1 minute' } };

  /** `POST /api/pqrs/track`: where the request stands, its public timeline and the answer. */
  app.post('/', { config: limited, schema: { body: trackBody, response: { 200: trackSchema } } }, async (req, reply) => {
    reply.header('Cache-Control', 'no-store');
    const found = wf.track(req.body.radicado, req.body.code);
    // Appropriation (issue 13): one more lookup today, nothing about the request or the person.
    // In the group commit, like every public write (awaited, so a closing server finishes it).
    const day = bogotaDate(app.now());
    await app.commit(() => bumpCounter(app.db, day, TRACKER_LOOKUPS));
    return found;
  });

  /** `POST /api/pqrs/track/attachments/:id`: an attachment of the answer (never the citizen's own files). */
  app.post(
    '/attachments/:id',
    { config: limited, schema: { params: z.object({ id: z.string() }), body: trackBody } },
    async (req, reply) => {
      // A malformed id is just another id that does not exist: the same 404.
      const id = /^\d{1,12}$/.test(req.params.id) ? Number(req.params.id) : 0;
      const file = wf.trackedAttachment(req.body.radicado, req.body.code, id);
      return sendAttachment(reply, app.config.uploadsDir, file, TRACK_NOT_FOUND);
    },
  );
};

export default trackRoutes;
