import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit, type AuditEntry } from '../admin/audit.ts';
import { ApiError } from '../errors.ts';
import { sendCsv } from '../csv.ts';
import { responsesCsv, surveyResults } from './results.ts';
import {
  idParams,
  invitationsInputSchema,
  invitationsSchema,
  resultsQuery,
  staffResultsSchema,
  surveyInputSchema,
  surveyListSchema,
  surveySchema,
  type Survey,
  type SurveyState,
} from './schemas.ts';
import { FROZEN_MESSAGE, hashInvitation, newInvitationCode } from './service.ts';
import {
  deleteSurvey,
  getSurvey,
  insertInvitation,
  insertSurvey,
  listSurveys,
  setSurveyState,
  slugTaken,
  updateSurvey,
} from './store.ts';

const SLUG_TAKEN = { slug: 'Identificador (slug): ya lo usa otra encuesta.' };

/**
 * `/api/admin/surveys`, inside the admin scope (session, CSRF): build, open, close, duplicate and
 * delete surveys; invitations for identified surveys; results and the CSV of raw responses.
 * Every change is audited in the transaction that makes it.
 */
const surveyAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app;

  const find = (id: number): Survey => {
    const survey = getSurvey(db, id);
    if (!survey) throw new ApiError(404, 'No existe esa encuesta.');
    return survey;
  };

  /** Runs `change` and its audit entry in one transaction. */
  const audited = <T>(req: { staff: { id: number; username: string } | null; ip: string }, entry: Pick<AuditEntry, 'action' | 'target' | 'details'>, change: () => T): T =>
    db.transaction(() => {
      const result = change();
      recordAudit(db, { staffId: req.staff!.id, username: req.staff!.username, ip: req.ip, at: app.now(), ...entry });
      return result;
    })();

  app.get('/', { schema: { response: { 200: surveyListSchema } } }, async () => ({ items: listSurveys(db) }));

  app.post('/', { schema: { body: surveyInputSchema, response: { 201: surveySchema } } }, async (req, reply) => {
    const input = req.body;
    const id = audited(req, { action: 'survey.create', target: input.slug }, () => {
      if (slugTaken(db, input.slug)) throw new ApiError(409, 'Ya existe una encuesta con ese identificador.', SLUG_TAKEN);
      return insertSurvey(db, input, app.now().toISOString());
    });
    return reply.code(201).send(find(id));
  });

  app.get('/:id', { schema: { params: idParams, response: { 200: surveySchema } } }, async (req) => find(req.params.id));

  app.put('/:id', { schema: { params: idParams, body: surveyInputSchema, response: { 200: surveySchema } } }, async (req) => {
    const { id } = req.params;
    const input = req.body;
    audited(req, { action: 'survey.update', target: input.slug }, () => {
      const survey = find(id);
      if (survey.state !== 'draft') throw new ApiError(409, FROZEN_MESSAGE, undefined, 'frozen');
      if (input.slug !== survey.slug && slugTaken(db, input.slug)) {
        throw new ApiError(409, 'Ya existe una encuesta con ese identificador.', SLUG_TAKEN);
      }
      updateSurvey(db, id, input, app.now().toISOString());
    });
    return find(id);
  });

  app.delete('/:id', { schema: { params: idParams } }, async (req, reply) => {
    const { id } = req.params;
    const survey = find(id);
    audited(req, { action: 'survey.delete', target: survey.slug }, () => {
      if (find(id).state !== 'draft') {
        throw new ApiError(409, 'Solo se borran borradores: una encuesta abierta o cerrada conserva sus respuestas.', undefined, 'frozen');
      }
      deleteSurvey(db, id);
    });
    return reply.code(204).send();
  });

  const transition = (action: 'open' | 'close', from: SurveyState[], to: SurveyState, refusal: string) =>
    app.post(`/:id/${action}`, { schema: { params: idParams, response: { 200: surveySchema } } }, async (req) => {
      const { id } = req.params;
      audited(req, { action: `survey.${action}`, target: find(id).slug }, () => {
        const survey = find(id);
        if (!from.includes(survey.state)) throw new ApiError(409, refusal);
        if (to === 'open' && survey.questions.length === 0) throw new ApiError(409, 'La encuesta no tiene preguntas: agregue al menos una antes de abrirla.');
        setSurveyState(db, id, to, app.now().toISOString());
      });
      return find(id);
    });
  transition('open', ['draft', 'closed'], 'open', 'La encuesta ya está abierta.');
  transition('close', ['open'], 'closed', 'Solo se cierra una encuesta abierta.');

  app.post('/:id/duplicate', { schema: { params: idParams, response: { 201: surveySchema } } }, async (req, reply) => {
    const source = find(req.params.id);
    const copy = audited(req, { action: 'survey.duplicate', target: source.slug }, () => {
      let slug = `${source.slug}-copia`.slice(0, 74);
      for (let n = 2; slugTaken(db, slug); n++) slug = `${source.slug}-copia-${n}`.slice(-80);
      const { title, description, opensAt, closesAt, anonymous, resultsPublic, thankYou, questions } = source;
      return insertSurvey(
        db,
        { slug, title: `${title} (copia)`.slice(0, 200), description, opensAt, closesAt, anonymous, resultsPublic, thankYou, questions },
        app.now().toISOString(),
      );
    });
    return reply.code(201).send(find(copy));
  });

  app.post(
    '/:id/invitations',
    {
      schema: {
        params: idParams,
        body: invitationsInputSchema.extend({
          /** The page that embeds the survey; `?invitacion=<code>` is added to it. Default: this server's demo page. */
          pageUrl: z.url({ protocol: /^https?$/, error: 'Página de la encuesta: escriba una dirección http(s) completa.' }).optional(),
        }),
        response: { 201: invitationsSchema },
      },
    },
    async (req, reply) => {
      const survey = find(req.params.id);
      if (survey.anonymous) throw new ApiError(409, 'Las invitaciones son para encuestas identificadas; esta es anónima.');
      if (survey.state === 'closed') throw new ApiError(409, 'La encuesta está cerrada.');
      const base = req.body.pageUrl ?? `${app.config.publicUrl ?? `${req.protocol}://${req.host}`}/`;
      const codes = Array.from({ length: req.body.count }, newInvitationCode);
      audited(req, { action: 'survey.invite', target: survey.slug, details: { count: codes.length } }, () => {
        const at = app.now().toISOString();
        for (const code of codes) insertInvitation(db, survey.id, hashInvitation(code), at);
      });
      const links = codes.map((code) => {
        const url = new URL(base);
        url.searchParams.set('encuesta', survey.slug);
        url.searchParams.set('invitacion', code);
        return url.toString();
      });
      return reply.code(201).send({ links });
    },
  );

  app.get('/:id/results', { schema: { params: idParams, querystring: resultsQuery, response: { 200: staffResultsSchema } } }, async (req) =>
    surveyResults(db, find(req.params.id), req.query, true),
  );

  app.get('/:id/responses.csv', { schema: { params: idParams, querystring: resultsQuery } }, async (req, reply) => {
    const survey = find(req.params.id);
    const { from, to } = req.query;
    const csv = audited(req, { action: 'survey.export', target: survey.slug, details: { from: from ?? null, to: to ?? null } }, () =>
      responsesCsv(db, survey, req.query),
    );
    return sendCsv(reply, `encuesta-${survey.slug}${from ? `-${from}` : ''}${to ? `-${to}` : ''}.csv`, csv);
  });
};

export default surveyAdminRoutes;
