import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fastify from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { serializerCompiler } from '../../api/serializer.ts';

async function appAnswering(schema: z.ZodType, value: unknown) {
  const app = Fastify().withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.get('/', { schema: { response: { 200: schema } } }, async () => value as never);
  return (await app.inject({ method: 'GET', url: '/' })).body;
}

test('only declared fields leave the server, at every depth', async () => {
  const schema = z.object({
    radicado: z.string(),
    answer: z.object({ text: z.string() }).nullable(),
    events: z.array(z.object({ at: z.string(), publicNote: z.string().nullable() })),
  });
  const body = await appAnswering(schema, {
    radicado: 'ECAM-2026-000001',
    trackingHash: 'secreto',
    answer: { text: 'Respuesta', internalNote: 'no publicar' },
    events: [{ at: '2026-11-30', publicNote: null, actorEmail: 'funcionario@ecam.gov.co' }],
  });
  assert.deepEqual(JSON.parse(body), {
    radicado: 'ECAM-2026-000001',
    answer: { text: 'Respuesta' },
    events: [{ at: '2026-11-30', publicNote: null }],
  });
});

test('unions, enums, optional fields and text that needs escaping', async () => {
  const schema = z.union([z.object({ enabled: z.literal(false) }), z.object({ enabled: z.literal(true), salt: z.string() })]);
  assert.deepEqual(JSON.parse(await appAnswering(schema, { enabled: false })), { enabled: false });
  assert.deepEqual(JSON.parse(await appAnswering(schema, { enabled: true, salt: 'a"b\\c</script>' })), { enabled: true, salt: 'a"b\\c</script>' });
  const optional = z.object({ code: z.string().optional(), n: z.number() });
  assert.deepEqual(JSON.parse(await appAnswering(optional, { n: 1 })), { n: 1 });
});
