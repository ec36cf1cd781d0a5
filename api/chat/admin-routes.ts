import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sessionAlive, sessionTimeouts } from '../auth/sessions.ts';
import { ApiError } from '../errors.ts';
import { openSse } from '../sse.ts';
import { sendTranscript } from './routes.ts';
import {
  adminChatDetailSchema,
  adminChatListQuery,
  adminChatListSchema,
  availabilityInput,
  availabilitySchema,
  cannedInput,
  cannedSchema,
  chatIdParams,
  chatMeSchema,
  chatMessageCreatedSchema,
  chatMessageInput,
  chatReadInput,
  chatTypingInput,
  convertedSchema,
  convertInput,
  ratingsQuery,
  ratingsReportSchema,
  transferInput,
} from './schemas.ts';
import { chatService, staffActor } from './service.ts';

const PAGE_SIZE = 25;
/** How often an open console stream checks that its session is still valid. */
export const SESSION_CHECK_MS = 30_000;


const ok = z.object({ ok: z.literal(true) });

/**
 * `/api/admin/chat`, inside the admin scope (session, role, CSRF, audit): the agents' console.
 * Canned replies are edited by admins; everything else is for any official.
 */
const chatAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = chatService(app);
  const { hub, store } = service;
  const adminOnly = { role: 'admin' } as const;
  const timeouts = sessionTimeouts(app.config);

  app.put('/availability', { schema: { body: availabilityInput, response: { 200: availabilitySchema } } }, async (req) => {
    await service.setAvailable(staffActor(req), req.body.available);
    return { available: req.body.available };
  });

  app.get('/me', { schema: { response: { 200: chatMeSchema } } }, async (req) => {
    const me = staffActor(req);
    return { available: store.isAvailable(me.id), connected: hub.staffConnected(me.id) };
  });

  /** The console's stream: the queue at once, then what concerns this official. */
  app.get('/events', async (req, reply) => {
    const me = staffActor(req);
    const idHash = req.staffSession!.idHash;
    const stream = openSse(req, reply);
    hub.addStaff(me.id, stream);
    stream.send('queue', { waiting: service.queue(app.now()) });
    // The stream lives no longer than its session (idle or absolute timeout, logout, an account
    // deactivated): the console then reconnects, gets a 401 and shows the login.
    const check = setInterval(() => {
      if (!sessionAlive(app.db, idHash, app.now(), timeouts)) stream.end();
    }, SESSION_CHECK_MS);
    check.unref();
    stream.whenEnded(() => clearInterval(check));
  });

  app.get('/conversations', { schema: { querystring: adminChatListQuery, response: { 200: adminChatListSchema } } }, async (req) => {
    const { state, q, mine, page = 1 } = req.query;
    const agentId = mine === '1' ? staffActor(req).id : undefined;
    const { items, total } = store.list({ state, q: q || undefined, agentId, page, pageSize: PAGE_SIZE });
    return {
      items: items.map((r) => ({
        id: r.id,
        name: r.name,
        email: r.email,
        topic: r.topic,
        state: r.state,
        agentName: r.agent_name,
        createdAt: r.created_at,
        closedAt: r.closed_at,
        messageCount: r.message_count,
        radicado: r.radicado,
      })),
      total,
      page,
      pageSize: PAGE_SIZE,
    };
  });

  app.get('/conversations/:id', { schema: { params: chatIdParams, response: { 200: adminChatDetailSchema } } }, async (req) =>
    service.detail(req.params.id),
  );

  app.post('/conversations/:id/take', { schema: { params: chatIdParams, response: { 200: adminChatDetailSchema } } }, async (req) => {
    await service.take(req.params.id, staffActor(req));
    return service.detail(req.params.id);
  });

  app.post(
    '/conversations/:id/messages',
    { schema: { params: chatIdParams, body: chatMessageInput, response: { 201: chatMessageCreatedSchema } } },
    async (req, reply) => reply.code(201).send(await service.post(req.params.id, 'staff', staffActor(req), req.body.body)),
  );

  app.post('/conversations/:id/typing', { schema: { params: chatIdParams, body: chatTypingInput } }, async (req, reply) => {
    const row = service.load(req.params.id);
    service.mayAct(row, staffActor(req));
    service.typing(row, 'staff', req.body.typing);
    return reply.code(204).send();
  });

  app.post('/conversations/:id/read', { schema: { params: chatIdParams, body: chatReadInput } }, async (req, reply) => {
    const row = service.load(req.params.id);
    service.mayAct(row, staffActor(req));
    service.read(row, 'staff', req.body.seq);
    return reply.code(204).send();
  });

  app.post('/conversations/:id/close', { schema: { params: chatIdParams, response: { 200: adminChatDetailSchema } } }, async (req) => {
    await service.close(req.params.id, staffActor(req));
    return service.detail(req.params.id);
  });

  app.post(
    '/conversations/:id/transfer',
    { schema: { params: chatIdParams, body: transferInput, response: { 200: adminChatDetailSchema } } },
    async (req) => {
      await service.transfer(req.params.id, staffActor(req), req.body.staffId);
      return service.detail(req.params.id);
    },
  );

  app.post(
    '/conversations/:id/convert',
    { schema: { params: chatIdParams, body: convertInput, response: { 200: convertedSchema } } },
    async (req) => service.convert(req.params.id, staffActor(req), req.body.type),
  );

  app.get('/conversations/:id/transcript', { schema: { params: chatIdParams } }, async (req, reply) => {
    const row = service.load(req.params.id);
    return sendTranscript(reply, row.id, service.transcript(row));
  });

  app.get('/canned', { schema: { response: { 200: z.array(cannedSchema) } } }, async () => store.canned());

  app.post('/canned', { config: adminOnly, schema: { body: cannedInput, response: { 201: cannedSchema } } }, async (req, reply) => {
    const me = staffActor(req);
    const id = await app.commit(() => {
      const id = store.insertCanned({ ...req.body, staffId: me.id, at: app.now().toISOString() });
      service.audit(me, 'chat.canned.create', `canned:${id}`, { title: req.body.title });
      return id;
    });
    return reply.code(201).send(store.cannedOne(id)!);
  });

  app.put(
    '/canned/:id',
    { config: adminOnly, schema: { params: chatIdParams, body: cannedInput, response: { 200: cannedSchema } } },
    async (req) => {
      const me = staffActor(req);
      await app.commit(() => {
        if (!store.updateCanned({ id: req.params.id, ...req.body, at: app.now().toISOString() })) {
          throw new ApiError(404, 'No existe esa respuesta predefinida.');
        }
        service.audit(me, 'chat.canned.update', `canned:${req.params.id}`, { title: req.body.title });
      });
      return store.cannedOne(req.params.id)!;
    },
  );

  app.delete('/canned/:id', { config: adminOnly, schema: { params: chatIdParams, response: { 200: ok } } }, async (req) => {
    const me = staffActor(req);
    await app.commit(() => {
      if (!store.deleteCanned(req.params.id)) throw new ApiError(404, 'No existe esa respuesta predefinida.');
      service.audit(me, 'chat.canned.delete', `canned:${req.params.id}`);
    });
    return { ok: true as const };
  });

  app.get('/ratings', { schema: { querystring: ratingsQuery, response: { 200: ratingsReportSchema } } }, async (req) =>
    service.ratings(req.query.from, req.query.to),
  );
};

export default chatAdminRoutes;
