import fastJson from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

type ZodSchema = z.ZodType;

/**
 * zod marks objects `additionalProperties: false`; fast-json-stringify would then refuse (500) a
 * nullable or union object that carries an extra field instead of leaving the field out. Without
 * it, it still writes only the declared properties.
 */
function allowExtraProperties(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(allowExtraProperties);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'additionalProperties' && value === false))
      .map(([key, value]) => [key, allowExtraProperties(value)]),
  );
}

/**
 * Response serializer: each route's zod response schema becomes a JSON Schema compiled once by
 * fast-json-stringify (Fastify's own serializer), which writes only the declared properties, so a
 * field a handler did not mean to publish never leaves the server. It costs a fraction of
 * validating every answer with zod; a schema JSON Schema cannot express keeps the zod serializer.
 */
export const serializerCompiler: FastifySerializerCompiler<ZodSchema> = (route) => {
  let jsonSchema: object;
  try {
    jsonSchema = allowExtraProperties(z.toJSONSchema(route.schema, { target: 'draft-7', io: 'output' })) as object;
  } catch {
    return zodSerializerCompiler(route as never);
  }
  return fastJson(jsonSchema);
};
