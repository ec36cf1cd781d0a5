import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { OpenAPIV3 } from 'openapi-types';
import { adminRouteList } from '../../api/admin/index.ts';
import { launchChromium } from '../e2e/server.ts';
import { testApp } from '../helpers.ts';

const { app } = await testApp();
after(() => app.close());

const res = await app.inject('/api/docs/json');
const doc = res.json() as OpenAPIV3.Document;

type Operation = OpenAPIV3.OperationObject;
const operation = (path: string, method: string): Operation | undefined =>
  (doc.paths[path] as Record<string, Operation> | undefined)?.[method.toLowerCase()];

/**
 * Every `METHOD /path` the app answers, read from Fastify's own route tree (not from the
 * document under test): each line of `printRoutes` is a segment below its parent's.
 */
function registeredRoutes(instance: FastifyInstance): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of instance.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    stack.length = m[1]!.length / 4;
    stack.push(m[2]!);
    for (const method of m[3]?.split(', ') ?? []) routes.push(`${method} ${stack.join('')}`);
  }
  return routes;
}

/** `/api/surveys/:slug/` as OpenAPI writes it: `/api/surveys/{slug}`. */
const openapiPath = (url: string) => url.replace(/(.)\/$/, '$1').replace(/:(\w+)/g, '{$1}');

const publicRoutes = [
  ...new Set(
    registeredRoutes(app)
      .filter((r) => !/^(HEAD|OPTIONS) /.test(r))
      .map((r) => r.split(' ') as [string, string])
      .filter(([, url]) => url.startsWith('/api/') && !url.startsWith('/api/docs') && !url.startsWith('/api/admin'))
      .map(([method, url]) => `${method} ${openapiPath(url)}`),
  ),
];

/**
 * Public writes that take no body (a survey token is asked for with an empty POST). Any other
 * public write must document its body: one read by hand goes in api/docs.ts HAND_READ_BODIES.
 */
const BODYLESS = [
  'POST /api/surveys/{slug}/token',
  'POST /api/chat/conversations/{id}/close',
  'POST /api/chat/conversations/{id}/transcript/email',
];

/** Every `$ref` in the document, and every JSON Schema keyword OpenAPI 3.0 does not have. */
function walk(node: unknown, at: string, refs: string[], problems: string[]): void {
  if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${at}/${i}`, refs, problems));
  if (!node || typeof node !== 'object') return;
  const obj = node as Record<string, unknown>;
  if (typeof obj.$ref === 'string') refs.push(obj.$ref);
  for (const key of ['$schema', '$defs', 'const', 'prefixItems', 'if', 'then', 'else', 'unevaluatedProperties', 'dependentSchemas']) {
    if (key in obj && !at.includes('/properties/')) problems.push(`${at}: ${key}`);
  }
  if ('type' in obj && typeof obj.type !== 'string' && !at.endsWith('/properties')) problems.push(`${at}: type ${JSON.stringify(obj.type)}`);
  if ('exclusiveMinimum' in obj && typeof obj.exclusiveMinimum !== 'boolean') problems.push(`${at}: exclusiveMinimum`);
  for (const [key, value] of Object.entries(obj)) walk(value, `${at}/${key}`, refs, problems);
}

describe('GET /api/docs/json', () => {
  test('is an OpenAPI 3.0 document: info, paths, responses with descriptions, declared path parameters', () => {
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^application\/json/);
    assert.match(doc.openapi, /^3\.0\.\d+$/);
    assert.equal(typeof doc.info.title, 'string');
    assert.equal(typeof doc.info.version, 'string');
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      assert.match(path, /^\/api\//, path);
      for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
        const name = `${method.toUpperCase()} ${path}`;
        assert.ok(['get', 'put', 'post', 'delete', 'patch'].includes(method), name);
        assert.ok(!ids.has(name), `${name} twice`);
        ids.add(name);
        const responses = Object.entries(op.responses);
        assert.ok(responses.length > 0, `${name}: no responses`);
        for (const [status, r] of responses) {
          assert.match(status, /^([1-5]\d\d|[1-5]XX|default)$/, `${name} ${status}`);
          assert.equal(typeof (r as OpenAPIV3.ResponseObject).description, 'string', `${name} ${status}: description`);
        }
        const params = (op.parameters ?? []) as OpenAPIV3.ParameterObject[];
        for (const p of params) {
          assert.ok(['query', 'header', 'path', 'cookie'].includes(p.in), `${name}: ${p.name} in ${p.in}`);
          assert.ok(p.schema, `${name}: ${p.name} has a schema`);
        }
        for (const [, param] of path.matchAll(/\{(\w+)\}/g)) {
          const declared = params.find((p) => p.in === 'path' && p.name === param);
          assert.ok(declared?.required, `${name}: path parameter ${param} declared and required`);
        }
        const body = op.requestBody as OpenAPIV3.RequestBodyObject | undefined;
        for (const [type, media] of Object.entries(body?.content ?? {})) assert.ok(media.schema, `${name}: ${type} has a schema`);
      }
    }
  });

  test('uses only OpenAPI 3.0 schema keywords, and every $ref points inside the document', () => {
    const refs: string[] = [];
    const problems: string[] = [];
    walk(doc, '#', refs, problems);
    assert.deepEqual(problems, []);
    for (const ref of refs) {
      assert.match(ref, /^#\//, ref);
      const target = ref
        .slice(2)
        .split('/')
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
      assert.ok(target, `${ref} resolves`);
    }
  });

  test('lists every public route, each with its request schema', () => {
    assert.ok(publicRoutes.length >= 12, publicRoutes.join('\n'));
    for (const route of publicRoutes) {
      const bodyless = BODYLESS.includes(route);
      const [method, path] = route.split(' ') as [string, string];
      const op = operation(path, method);
      assert.ok(op, `${route} is documented`);
      assert.ok(!JSON.stringify(op.security ?? []).includes('sesionPersonal'), `${route} needs no staff session`);
      if (!bodyless && (method === 'POST' || method === 'PUT' || method === 'PATCH')) {
        const body = op.requestBody as OpenAPIV3.RequestBodyObject | undefined;
        const schema = body?.content['application/json']?.schema as OpenAPIV3.SchemaObject | undefined;
        assert.ok(schema?.properties || schema?.anyOf || schema?.oneOf, `${route}: its JSON body schema`);
      }
    }
  });

  test('gives the fields of a request body, its query parameters and its answers as the zod schemas say', () => {
    const deadline = operation('/api/calendar/deadline', 'get')!;
    const type = (deadline.parameters as OpenAPIV3.ParameterObject[]).find((p) => p.name === 'type');
    assert.equal(type?.in, 'query');
    assert.equal(type?.required, true);
    assert.ok(((type?.schema as OpenAPIV3.SchemaObject).enum ?? []).includes('peticion'));

    const track = operation('/api/pqrs/track', 'post')!;
    const trackBody = (track.requestBody as OpenAPIV3.RequestBodyObject).content['application/json']!.schema as OpenAPIV3.SchemaObject;
    assert.deepEqual(Object.keys(trackBody.properties ?? {}).sort(), ['code', 'radicado']);
    assert.ok(track.responses['200']);
  });

  test('describes the filing as JSON and as multipart (the same JSON in `data`, the files in `files`)', () => {
    const filing = operation('/api/pqrs', 'post')!;
    const content = (filing.requestBody as OpenAPIV3.RequestBodyObject).content;
    const json = content['application/json']!.schema as OpenAPIV3.SchemaObject;
    for (const field of ['type', 'subject', 'description', 'requester', 'consent']) assert.ok(json.properties?.[field], field);
    const form = content['multipart/form-data']!.schema as OpenAPIV3.SchemaObject;
    assert.deepEqual(Object.keys(form.properties ?? {}), ['data', 'files']);
    const created = filing.responses['201'] as OpenAPIV3.ResponseObject;
    const createdSchema = created.content?.['application/json']?.schema as OpenAPIV3.SchemaObject;
    assert.ok(createdSchema.properties?.radicado && createdSchema.properties.trackingCode);
  });

  test('lists the staff routes as needing the session cookie, the CSRF header on writes, and the login as open', () => {
    const scheme = doc.components?.securitySchemes?.sesionPersonal as OpenAPIV3.ApiKeySecurityScheme;
    assert.deepEqual([scheme.type, scheme.in, scheme.name], ['apiKey', 'cookie', 'ecam_session']);
    const staff = adminRouteList(app).filter((r) => r.method !== 'HEAD');
    assert.ok(staff.length > 10);
    for (const r of staff) {
      const op = operation(openapiPath(r.url), r.method);
      assert.ok(op, `${r.method} ${r.url} is documented`);
      assert.deepEqual(op.tags, ['personal']);
      if (r.public) {
        assert.equal(op.security, undefined, `${r.method} ${r.url} is open`);
        continue;
      }
      assert.deepEqual(op.security, [{ sesionPersonal: [] }], `${r.method} ${r.url}`);
      if (r.method !== 'GET') assert.match(op.description ?? '', /X-CSRF-Token/, `${r.method} ${r.url}`);
      if (r.role === 'admin') assert.match(op.description ?? '', /Solo administradores/, `${r.method} ${r.url}`);
    }
  });

  test("marks a chat conversation's routes as needing its token, in the X-Chat-Token header", () => {
    const scheme = doc.components?.securitySchemes?.fichaChat as OpenAPIV3.ApiKeySecurityScheme;
    assert.deepEqual([scheme.type, scheme.in, scheme.name], ['apiKey', 'header', 'x-chat-token']);
    const conversation = publicRoutes.filter((r) => r.includes('/api/chat/conversations/{id}'));
    assert.ok(conversation.length >= 5, conversation.join('\n'));
    for (const route of conversation) {
      const [method, path] = route.split(' ') as [string, string];
      assert.deepEqual(operation(path, method)!.security, [{ fichaChat: [] }], route);
    }
    assert.equal(operation('/api/chat/conversations', 'post')!.security, undefined, 'starting a conversation needs no token');
  });

  test('leaves out the pages, the widget files and the documentation itself', () => {
    for (const path of Object.keys(doc.paths)) assert.ok(!/^\/(admin|widgets)|^\/api\/docs/.test(path), path);
  });
});

describe('GET /api/docs', () => {
  test('answers Swagger UI under the site CSP, with its scripts and styles as files', async () => {
    const page = await app.inject('/api/docs');
    assert.equal(page.statusCode, 200);
    assert.match(page.headers['content-type'] as string, /^text\/html/);
    const csp = page.headers['content-security-policy'] as string;
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.doesNotMatch(page.body, /<script>|<style>| style=/, 'nothing inline');
    const assets = [...page.body.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    assert.ok(assets.length >= 4, assets.join(', '));
    for (const asset of assets) {
      const file = await app.inject(asset);
      assert.equal(file.statusCode, 200, asset);
    }
  });

  // Swagger UI's bundle also tries one inline style (refused, with no visible effect): only
  // a refused script would break the page.
  test('renders the operations in Chromium with no script refused by the CSP', async () => {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    const browser = await launchChromium();
    try {
      // Swagger UI renders the operations as they come into view: a tall window shows them all.
      const page = await browser.newPage({ viewport: { width: 1280, height: 20_000 } });
      const violations: string[] = [];
      page.on('console', (msg) => {
        if (/Content.Security.Policy/i.test(msg.text()) && !/inline style/.test(msg.text())) violations.push(msg.text());
      });
      await page.goto(`http://127.0.0.1:${port}/api/docs`);
      await page.getByText('/api/pqrs/track', { exact: true }).first().waitFor();
      assert.ok(await page.getByRole('heading', { name: 'personal' }).isVisible());
      assert.ok(await page.getByText('/api/admin/pqrs/{radicado}/reply', { exact: true }).isVisible());
      assert.deepEqual(violations, []);
    } finally {
      await browser.close();
    }
  });
});
