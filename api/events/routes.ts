import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { openSse } from '../sse.ts';
import {
  cancelRegistrationInput,
  eventListQuery,
  publicEventDetailSchema,
  publicEventListSchema,
  questionCreatedSchema,
  questionInput,
  registrationCancelledSchema,
  registrationCreatedSchema,
  registrationRequest,
  slugParams,
} from './schemas.ts';
import { eventsService } from './service.ts';

/** The site's address for links in e-mails and calendars: ECAM_PUBLIC_URL, else the request's. */
export function publicBase(app: FastifyInstance, req: FastifyRequest): string {
  return (app.config.publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, '');
}

const CALENDAR = 'text/calendar; charset=utf-8';

/** The position a live client resumes from: a non-negative integer, else none (nothing old). */
function lastEventId(header: string | string[] | undefined): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || !/^\d{1,15}$/.test(value.trim())) return null;
  return Number(value.trim());
}

/** How often the reminder job looks for events starting within a day. */
const REMIND_EVERY_MS = 5 * 60_000;

/**
 * `/api/events`: the participation calendar (published and cancelled events, never drafts), as
 * JSON and as iCalendar, and registration with a cancel token.
 */
const eventsRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = eventsService(app);
  const writeLimit = { rateLimit: { max: app.config.rateLimitMax, timeWindow: '1 minute' } };

  // The day-before reminders and the survey invitations after the event: at start (catching
  // up after a stop) and every few minutes.
  const base = (app.config.publicUrl ?? `http://localhost:${app.config.port}`).replace(/\/+$/, '');
  const remind = () => {
    try {
      service.remind(base);
      service.inviteToSurvey(base);
    } catch (err) {
      app.log.error({ err }, 'recordatorios de eventos');
    }
  };
  const reminder = setInterval(remind, REMIND_EVERY_MS);
  reminder.unref();
  app.addHook('onReady', async () => remind());
  // preClose, not onClose: Fastify waits for open connections before onClose, so streams end first.
  app.addHook('preClose', async () => {
    clearInterval(reminder);
    service.closeLive();
  });

  app.get(
    '/',
    { schema: { querystring: eventListQuery, response: { 200: publicEventListSchema }, description: 'Eventos publicados y cancelados entre dos días de Bogotá (incluidos).' } },
    async (req, reply) => {
      reply.header('Cache-Control', 'public, max-age=60');
      return service.publicList(req.query);
    },
  );

  app.get('.ics', { schema: { description: 'Todos los eventos publicados y cancelados como iCalendar (para suscribirse).' } }, async (req, reply) => {
    reply.header('Cache-Control', 'public, max-age=300');
    reply.header('Content-Disposition', 'inline; filename="eventos.ics"');
    return reply.type(CALENDAR).send(service.ics(publicBase(app, req)));
  });

  app.get(
    '/:slug.ics',
    { schema: { params: slugParams, description: 'Un evento como iCalendar.' } },
    async (req, reply) => {
      const body = service.ics(publicBase(app, req), req.params.slug);
      reply.header('Cache-Control', 'public, max-age=300');
      reply.header('Content-Disposition', `attachment; filename="${req.params.slug}.ics"`);
      return reply.type(CALENDAR).send(body);
    },
  );

  app.get('/:slug', { schema: { params: slugParams, response: { 200: publicEventDetailSchema } } }, async (req, reply) => {
    reply.header('Cache-Control', 'public, max-age=30');
    return service.publicDetail(req.params.slug);
  });

  app.get(
    '/:slug/live',
    {
      schema: {
        params: slugParams,
        description:
          'Transmisión en vivo (Server-Sent Events, pídala con «Accept: text/event-stream»): `state` {state, phase} al conectar y en cada cambio; ' +
          '`question` (id: número de cambio) con la pregunta publicada cada vez que aparece, se responde o cambia; `question-removed` {id} cuando sale de la lista; ' +
          '`results` cuando se publican los resultados. Con «Last-Event-ID: n» reenvía cada pregunta cambiada después de n, en orden.',
      },
    },
    async (req, reply) => {
      service.watch(req.params.slug, () => openSse(req, reply), lastEventId(req.headers['last-event-id']));
    },
  );

  app.post(
    '/:slug/registrations',
    {
      config: writeLimit,
      schema: { params: slugParams, body: registrationRequest, response: { 201: registrationCreatedSchema } },
    },
    async (req, reply) => {
      const { name, email } = req.body;
      return reply.code(201).send(await service.register(req.params.slug, { name, email }, req.ip, publicBase(app, req)));
    },
  );

  app.post(
    '/:slug/questions',
    { config: writeLimit, schema: { params: slugParams, body: questionInput, response: { 201: questionCreatedSchema } } },
    async (req, reply) => {
      const { question, name, email } = req.body;
      return reply.code(201).send(await service.ask(req.params.slug, { question, name, email }, req.ip));
    },
  );

  app.delete(
    '/:slug/registrations',
    {
      config: writeLimit,
      schema: {
        params: slugParams,
        body: cancelRegistrationInput,
        response: { 200: registrationCancelledSchema },
        description: 'Cancela una inscripción. La ficha va en el cuerpo JSON, nunca en la dirección.',
      },
    },
    async (req) => {
      await service.cancelRegistration(req.params.slug, req.body.cancelToken, publicBase(app, req));
      return { cancelled: true };
    },
  );
};

export default eventsRoutes;
