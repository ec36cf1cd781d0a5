import type { FastifyInstance, FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError } from '../errors.ts';
import { openSse } from '../sse.ts';
import {
  CHAT_TOKEN_HEADER,
  chatClosedSchema,
  chatConversationSchema,
  chatIdParams,
  chatMessageCreatedSchema,
  chatMessageInput,
  chatRatingInput,
  chatReadInput,
  chatStartedSchema,
  chatStartInput,
  chatStatusQuery,
  chatStatusSchema,
  chatTypingInput,
} from './schemas.ts';
import { bogotaSpan } from '../events/time.ts';
import { chatService, closeIdleConversations } from './service.ts';

/** How often the sweeper looks for idle conversations. */
const SWEEP_EVERY_MS = 30_000;

/** Rate limits of a route keyed by conversation and IP (a no-op when limits are off). */
export function perConversation(max: number, timeWindow = '1 minute') {
  return {
    rateLimit: {
      max,
      timeWindow,
      keyGenerator: (req: FastifyRequest) => `${(req.params as { id?: string }).id ?? ''}|${req.ip}`,
    },
  };
}

/**
 * One per-IP limit shared by all the routes it guards, on top of a route's own limit (the
 * plugin runs one limiter per request, so this one is checked by hand); none when limits are off.
 */
export function sharedIpLimit(app: FastifyInstance, max: number): onRequestHookHandler[] {
  if (!app.config.rateLimit) return [];
  const check = app.createRateLimit({ max, timeWindow: '1 minute', keyGenerator: (req) => req.ip });
  return [
    async (req) => {
      const result = await check(req);
      if (!result.isAllowed && result.isExceeded) {
        throw new ApiError(429, `Demasiadas solicitudes desde su conexión. Intente de nuevo en ${result.ttlInSeconds} segundos.`);
      }
    },
  ];
}

/** The transcript as a plain-text download: citizen text is never served as HTML. */
export function sendTranscript(reply: FastifyReply, id: number, text: string) {
  return reply
    .header('content-type', 'text/plain; charset=utf-8')
    .header('content-disposition', `attachment; filename="conversacion-${id}.txt"`)
    .header('x-content-type-options', 'nosniff')
    .send(text);
}

/**
 * `/api/chat`: the citizen's side. After `POST /conversations`, every call carries the token in
 * `X-Chat-Token`; live events come by SSE on `/conversations/:id/events`.
 */
const chatRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = chatService(app);
  const { hub, store } = service;
  const perIp = sharedIpLimit(app, 240);
  const token = (req: FastifyRequest) => req.headers[CHAT_TOKEN_HEADER];

  const sweeper = setInterval(() => {
    closeIdleConversations(app, app.now()).catch((err: unknown) => app.log.error({ err }, 'cierre por inactividad del chat'));
  }, SWEEP_EVERY_MS);
  sweeper.unref();
  // preClose, not onClose: Fastify's own close waits for every open connection before the
  // onClose hooks run, so open streams must end before it.
  app.addHook('preClose', async () => {
    clearInterval(sweeper);
    hub.close();
  });

  app.get(
    '/status',
    { config: { rateLimit: { max: 60, timeWindow: '1 minute' } }, schema: { querystring: chatStatusQuery, response: { 200: chatStatusSchema } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      if (req.query.event === undefined) return service.status(app.now());
      const { eventId: _, ...status } = service.eventStatus(req.query.event, app.now());
      return status;
    },
  );

  app.post(
    '/conversations',
    {
      config: { rateLimit: { max: app.config.rateLimitMax, timeWindow: '1 minute' } },
      schema: { body: chatStartInput, response: { 201: chatStartedSchema } },
    },
    async (req, reply) => {
      const now = app.now();
      const forEvent = req.body.event === undefined ? null : service.eventStatus(req.body.event, now);
      const status = forEvent ?? service.status(now);
      if (!status.online) {
        const why =
          status.reason === 'no_agents'
            ? forEvent
              ? 'no hay funcionarios del evento disponibles'
              : 'no hay funcionarios disponibles'
            : status.reason === 'outside_event_window'
              ? `el chat de «${forEvent!.event!.title}» atiende ${bogotaSpan(forEvent!.event!.opensAt, forEvent!.event!.closesAt)} (hora de Colombia)`
              : 'estamos fuera del horario de atención';
        throw new ApiError(409, `El chat no está disponible: ${why}. Puede escribirnos por el buzón de contacto.`, undefined, 'offline');
      }
      return reply.code(201).send(await service.open(req.body, req.ip, now, forEvent?.eventId ?? null));
    },
  );

  app.get(
    '/conversations/:id',
    { onRequest: perIp, schema: { params: chatIdParams, response: { 200: chatConversationSchema } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return service.citizenView(service.authorize(req.params.id, token(req)));
    },
  );

  /** The live stream: missed messages first (after Last-Event-ID), then events as they happen. */
  app.get('/conversations/:id/events', { onRequest: perIp, schema: { params: chatIdParams } }, async (req, reply) => {
    const row = service.authorize(req.params.id, token(req));
    const lastEventId = Number(req.headers['last-event-id'] ?? 0);
    const lastSeq = Number.isSafeInteger(lastEventId) && lastEventId > 0 ? Math.min(lastEventId, row.last_seq) : 0;
    const stream = openSse(req, reply);
    // Subscribe before reading the database: nothing committed in between is lost, and the
    // stream's seq check drops what would come twice.
    const sub = hub.addCitizen(row.id, stream, lastSeq);
    stream.send('state', service.stateEvent(store.conversation(row.id)!));
    hub.replay(sub, store.messagesSince(row.id, lastSeq));
  });

  app.post(
    '/conversations/:id/messages',
    {
      onRequest: perIp,
      config: perConversation(20),
      schema: { params: chatIdParams, body: chatMessageInput, response: { 201: chatMessageCreatedSchema } },
    },
    async (req, reply) => {
      const row = service.authorize(req.params.id, token(req));
      return reply.code(201).send(await service.post(row.id, 'citizen', null, req.body.body));
    },
  );

  app.post(
    '/conversations/:id/typing',
    { onRequest: perIp, config: perConversation(120), schema: { params: chatIdParams, body: chatTypingInput } },
    async (req, reply) => {
      service.typing(service.authorize(req.params.id, token(req)), 'citizen', req.body.typing);
      return reply.code(204).send();
    },
  );

  app.post(
    '/conversations/:id/read',
    { onRequest: perIp, config: perConversation(120), schema: { params: chatIdParams, body: chatReadInput } },
    async (req, reply) => {
      service.read(service.authorize(req.params.id, token(req)), 'citizen', req.body.seq);
      return reply.code(204).send();
    },
  );

  app.post(
    '/conversations/:id/close',
    { onRequest: perIp, schema: { params: chatIdParams, response: { 200: chatClosedSchema } } },
    async (req) => {
      const row = service.authorize(req.params.id, token(req));
      await service.close(row.id, null);
      return { state: 'closed' as const };
    },
  );

  app.get('/conversations/:id/transcript', { onRequest: perIp, schema: { params: chatIdParams } }, async (req, reply) => {
    const row = service.authorize(req.params.id, token(req));
    return sendTranscript(reply, row.id, service.transcript(row));
  });

  app.post(
    '/conversations/:id/transcript/email',
    { onRequest: perIp, config: perConversation(3, '10 minutes'), schema: { params: chatIdParams } },
    async (req, reply) => {
      await service.emailTranscript(service.authorize(req.params.id, token(req)));
      return reply.code(202).send();
    },
  );

  app.post(
    '/conversations/:id/rating',
    { onRequest: perIp, config: perConversation(10), schema: { params: chatIdParams, body: chatRatingInput } },
    async (req, reply) => {
      const row = service.authorize(req.params.id, token(req));
      await service.rate(row, req.body.score, req.body.comment ?? '');
      return reply.code(201).send();
    },
  );
};

export default chatRoutes;
