import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffActor } from '../chat/service.ts';
import { adminEventListQuery, adminEventListSchema, adminEventSchema, eventIdParams, eventInput } from './schemas.ts';
import { publicBase } from './routes.ts';
import { eventsService } from './service.ts';

/** `/api/admin/events`, inside the admin scope: the plan's events; every change is audited. */
const eventsAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const service = eventsService(app);

  app.get('/', { schema: { querystring: adminEventListQuery, response: { 200: adminEventListSchema } } }, async (req) =>
    service.list(req.query),
  );

  app.get('/:id', { schema: { params: eventIdParams, response: { 200: adminEventSchema } } }, async (req) =>
    service.detail(req.params.id),
  );

  app.post('/', { schema: { body: eventInput, response: { 201: adminEventSchema } } }, async (req, reply) =>
    reply.code(201).send(service.create(req.body, staffActor(req))),
  );

  app.put('/:id', { schema: { params: eventIdParams, body: eventInput, response: { 200: adminEventSchema } } }, async (req) =>
    service.update(req.params.id, req.body, staffActor(req), publicBase(app, req)),
  );

  app.post('/:id/publish', { schema: { params: eventIdParams, response: { 200: adminEventSchema } } }, async (req) =>
    service.publish(req.params.id, staffActor(req)),
  );

  app.post('/:id/cancel', { schema: { params: eventIdParams, response: { 200: adminEventSchema } } }, async (req) =>
    service.cancel(req.params.id, staffActor(req)),
  );
};

export default eventsAdminRoutes;
