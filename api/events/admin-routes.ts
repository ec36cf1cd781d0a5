import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffActor } from '../chat/service.ts';
import { sendCsv } from '../csv.ts';
import {
  adminEventListQuery,
  adminEventListSchema,
  adminEventSchema,
  adminQuestionListSchema,
  adminQuestionSchema,
  moderationInput,
  questionIdParams,
  adminRegistrationListSchema,
  adminRegistrationSchema,
  attendanceInput,
  copyYearInput,
  copyYearResultSchema,
  eventIdParams,
  eventInput,
  mergeInput,
  questionFiledSchema,
  registrationIdParams,
  resultsInput,
} from './schemas.ts';
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

  app.post('/copy-year', { schema: { body: copyYearInput, response: { 201: copyYearResultSchema } } }, async (req, reply) =>
    reply.code(201).send(service.copyYear(req.body.from, req.body.to, staffActor(req))),
  );

  app.post('/:id/publish', { schema: { params: eventIdParams, response: { 200: adminEventSchema } } }, async (req) =>
    service.publish(req.params.id, staffActor(req)),
  );

  app.post('/:id/cancel', { schema: { params: eventIdParams, response: { 200: adminEventSchema } } }, async (req) =>
    service.cancel(req.params.id, staffActor(req)),
  );

  app.get('/:id/registrations', { schema: { params: eventIdParams, response: { 200: adminRegistrationListSchema } } }, async (req) =>
    service.registrations(req.params.id),
  );

  app.get('/:id/registrations.csv', { schema: { params: eventIdParams, description: 'Las inscripciones en CSV para hoja de cálculo.' } }, async (req, reply) => {
    const { filename, csv } = service.registrationsCsv(req.params.id);
    return sendCsv(reply, filename, csv);
  });

  app.put(
    '/:id/registrations/:registration/attendance',
    { schema: { params: registrationIdParams, body: attendanceInput, response: { 200: adminRegistrationSchema } } },
    async (req) => service.attendance(req.params.id, req.params.registration, req.body.attended, staffActor(req)),
  );

  app.get('/:id/questions', { schema: { params: eventIdParams, response: { 200: adminQuestionListSchema } } }, async (req) =>
    service.questions(req.params.id),
  );

  app.put(
    '/:id/questions/:question',
    { schema: { params: questionIdParams, body: moderationInput, response: { 200: adminQuestionSchema } } },
    async (req) => service.moderate(req.params.id, req.params.question, req.body, staffActor(req)),
  );

  app.post(
    '/:id/questions/:question/merge',
    {
      schema: {
        params: questionIdParams,
        body: mergeInput,
        response: { 200: adminQuestionSchema },
        description: 'Fusiona la pregunta con otra similar del mismo evento; responde la pregunta de destino.',
      },
    },
    async (req) => service.merge(req.params.id, req.params.question, req.body.into, staffActor(req)),
  );

  app.post(
    '/:id/questions/:question/pqrs',
    {
      schema: {
        params: questionIdParams,
        response: { 201: questionFiledSchema },
        description: 'Radica como petición (canal «evento») una pregunta que quedó sin responder, cuando el evento ya terminó.',
      },
    },
    async (req, reply) => reply.code(201).send(await service.fileQuestion(req.params.id, req.params.question, staffActor(req))),
  );

  app.put(
    '/:id/results',
    {
      schema: {
        params: eventIdParams,
        body: resultsInput,
        response: { 200: adminEventSchema },
        description: 'Guarda la memoria del evento y la publica (solo cuando el evento terminó) o la retira.',
      },
    },
    async (req) => service.results(req.params.id, req.body, staffActor(req)),
  );
};

export default eventsAdminRoutes;
