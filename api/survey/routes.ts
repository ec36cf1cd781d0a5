import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError } from '../errors.ts';
import { surveyResults } from './results.ts';
import { createdSchema, publicResultsSchema, publicSurveySchema, responseBodySchema, slugParams, tokenSchema } from './schemas.ts';
import { assertAnswerable, issueToken, prepareResponse, publicSurvey, surveyStatus } from './service.ts';
import { getSurveyBySlug } from './store.ts';

const NOT_FOUND = 'No existe una encuesta con esa dirección.';

/**
 * `/api/surveys/:slug`, public: the definition, a browser token, the answer, and the results
 * when staff made them public. Drafts do not exist for the public (404).
 */
const surveyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, config } = app;
  const perIp = { rateLimit: { max: config.rateLimitMax, timeWindow: '1 minute' } };

  const find = (slug: string) => {
    const survey = getSurveyBySlug(db, slug);
    const status = survey && surveyStatus(survey, app.now());
    if (!survey || !status) throw new ApiError(404, NOT_FOUND);
    return { survey, status };
  };

  app.get('/:slug', { schema: { params: slugParams, response: { 200: publicSurveySchema } } }, async (req, reply) => {
    const { survey, status } = find(req.params.slug);
    reply.header('Cache-Control', 'no-cache');
    return publicSurvey(survey, status);
  });

  // A per-browser token: the widget keeps it and sends it with the answer, which it can do once.
  app.post(
    '/:slug/token',
    { config: perIp, schema: { params: slugParams, response: { 201: tokenSchema } } },
    async (req, reply) => {
      const survey = assertAnswerable(getSurveyBySlug(db, req.params.slug), app.now());
      return reply.code(201).send({ token: issueToken(db, survey.slug, app.now()) });
    },
  );

  app.post(
    '/:slug/responses',
    { config: perIp, schema: { params: slugParams, body: responseBodySchema, response: { 201: createdSchema } } },
    async (req, reply) => {
      const now = app.now();
      const survey = assertAnswerable(getSurveyBySlug(db, req.params.slug), now);
      const write = prepareResponse(db, survey, req.body, now);
      // Answered only once the response is on disk.
      return reply.code(201).send({ id: await app.commit(write) });
    },
  );

  app.get('/:slug/results', { schema: { params: slugParams, response: { 200: publicResultsSchema } } }, async (req, reply) => {
    const { survey } = find(req.params.slug);
    if (!survey.resultsPublic) throw new ApiError(404, 'Los resultados de esta encuesta no son públicos.');
    reply.header('Cache-Control', 'public, max-age=30');
    return surveyResults(db, survey, {}, false);
  });
};

export default surveyRoutes;
