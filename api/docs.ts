import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CHAT_TOKEN_HEADER } from './chat/schemas.ts';
import { pqrsInputSchema } from './pqrs/schemas.ts';

type Transform = typeof jsonSchemaTransform;
type RouteDoc = Parameters<Transform>[0];

/** Where the documentation lives: the page at `/api/docs`, the document at `/api/docs/json`. */
const DOCS_PREFIX = '/api/docs';

/** The OpenAPI name of the staff session (the cookie `ecam_session`, `__Host-ecam_session` over HTTPS). */
const STAFF_SESSION = 'sesionPersonal';
/** The OpenAPI name of a citizen's chat token (the header `X-Chat-Token`). */
const CHAT_TOKEN = 'fichaChat';

/**
 * Bodies a route reads by hand rather than through `schema.body` (zod validation would refuse
 * the multipart form), described here so the document still shows what to send.
 */
const HAND_READ_BODIES: Record<string, () => object> = {
  'POST /api/pqrs': () => {
    const json = z.toJSONSchema(pqrsInputSchema, { target: 'openapi-3.0', io: 'input', unrepresentable: 'any' });
    return {
      content: {
        'application/json': { schema: json },
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['data'],
            properties: {
              data: { type: 'string', description: 'El mismo JSON de `application/json`, como texto.' },
              files: { type: 'array', items: { type: 'string', format: 'binary' }, description: 'Los adjuntos.' },
            },
          },
        },
      },
    };
  },
};

/** Groups the operations by domain: `/api/pqrs/track` under `pqrs`, every staff route under `personal`. */
function tagOf(url: string): string {
  const [, , domain = 'api'] = url.split('/');
  return domain === 'admin' ? 'personal' : domain;
}

/**
 * The zod type provider's transform, plus what the schemas alone cannot say: only /api is
 * documented (not the pages and static files), staff routes say they need the session cookie
 * (and the CSRF header when they change something), a chat conversation's routes its token,
 * hand-read bodies are described.
 */
const transform: Transform = (doc: RouteDoc) => {
  const { route } = doc;
  // A plugin's `/` route is `/api/pqrs/` to Fastify; the API is called without the slash.
  const url = doc.url.replace(/(.)\/$/, '$1');
  if (!url.startsWith('/api/') || url.startsWith(DOCS_PREFIX)) return { schema: { hide: true }, url };
  const schema: Record<string, unknown> = { ...jsonSchemaTransform(doc).schema };
  if (schema.hide) return { schema, url };
  const methods = [route.method].flat();
  schema.tags ??= [tagOf(url)];
  const handRead = HAND_READ_BODIES[`${methods[0]} ${url}`];
  if (handRead && !schema.body) schema.body = handRead();
  if (/^\/api\/chat\/conversations\/:/.test(url)) schema.security = [{ [CHAT_TOKEN]: [] }];
  if (url.startsWith('/api/admin') && !route.config?.public) {
    const writes = methods.some((m) => m !== 'GET' && m !== 'HEAD');
    schema.security = [{ [STAFF_SESSION]: [] }];
    schema.description = [
      route.config?.role === 'admin' ? 'Solo administradores.' : 'Solo el personal con sesión.',
      writes ? 'Exige el encabezado `X-CSRF-Token` (lo da el inicio de sesión) y el mismo origen.' : '',
      schema.description ?? '',
    ]
      .filter(Boolean)
      .join(' ');
  }
  return { schema, url };
};

/**
 * OpenAPI 3 generated from the routes' zod schemas (@fastify/swagger), with Swagger UI at
 * `/api/docs` and the JSON at `/api/docs/json`. Registered before the routes, whose
 * definitions it collects as they are added.
 */
const docs: FastifyPluginAsync = async (app) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'ECAM Participa API',
        version: '1',
        description:
          'PQRSD, seguimiento, encuestas y la administración de ECAM Participa. Los errores son ' +
          '`{ "error": "mensaje", "fields": { "campo": "mensaje" } }` con un estado 4xx; todos los textos están en español.',
      },
      components: {
        securitySchemes: {
          [STAFF_SESSION]: {
            type: 'apiKey',
            in: 'cookie',
            name: 'ecam_session',
            description: 'Cookie de sesión del personal (`__Host-ecam_session` sobre HTTPS), creada por `POST /api/admin/session`.',
          },
          [CHAT_TOKEN]: {
            type: 'apiKey',
            in: 'header',
            name: CHAT_TOKEN_HEADER,
            description: 'La ficha que da `POST /api/chat/conversations` al ciudadano para su conversación.',
          },
        },
      },
    },
    transform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    // The site's one CSP (api/hardening.ts) holds here: Swagger UI's page loads its scripts,
    // its initializer and its styles as files from /api/docs/static. (Its bundle also sets one
    // inline style, which the CSP refuses without visible effect.)
    routePrefix: DOCS_PREFIX,
    theme: { title: 'API · ECAM Participa' },
    // No request to validator.swagger.io (the CSP would refuse it anyway).
    uiConfig: { validatorUrl: null, deepLinking: true },
  });
};

export default fp(docs, { name: 'ecam-docs' });
