import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** Field path (`requester.email`) to a Spanish message naming the field. */
export type FieldErrors = Record<string, string>;

/** An error meant for the client: its status, a Spanish message and, optionally, per-field messages. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly fields?: FieldErrors,
    /** A stable machine-readable reason the widgets can act on (e.g. `challenge`). */
    readonly code?: string,
  ) {
    super(message);
  }
}

const INVALID = 'Revise los campos marcados.';

function pathKey(path: PropertyKey[]): string {
  return path.length ? path.map(String).join('.') : 'body';
}

/** Turns zod issues into `{ path: message }`, keeping the first message per field. */
export function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of issues) fields[pathKey(issue.path)] ??= issue.message;
  return fields;
}

/** Validates `input` with `schema` or throws the same 400 the route validator would. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ApiError(400, INVALID, fieldErrors(result.error.issues));
  return result.data;
}

/** Spanish messages for the errors Fastify and its plugins raise before our handlers run. */
const KNOWN: Record<string, [number, string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'Tipo de contenido no admitido: envíe JSON o multipart/form-data.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'El cuerpo de la solicitud está vacío.'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'El cuerpo de la solicitud no es un JSON válido.'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'La solicitud es demasiado grande.'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'La longitud declarada del contenido no coincide.'],
  FST_REQ_FILE_TOO_LARGE: [413, 'Un archivo adjunto supera el tamaño máximo permitido.'],
  FST_FILES_LIMIT: [413, 'Adjuntó más archivos de los permitidos.'],
  FST_PARTS_LIMIT: [413, 'La solicitud tiene demasiadas partes.'],
  FST_FIELDS_LIMIT: [413, 'La solicitud tiene demasiados campos.'],
  FST_PROTO_VIOLATION: [400, 'Nombre de campo no permitido.'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, 'Se esperaba multipart/form-data.'],
  FST_ERR_VALIDATION: [400, INVALID],
};

const BY_STATUS: Record<number, string> = {
  400: 'La solicitud no es válida.',
  401: 'Debe iniciar sesión.',
  403: 'No tiene permiso para esta acción.',
  404: 'No encontrado.',
  405: 'Método no permitido.',
  406: 'Formato no aceptable.',
  409: 'La acción no es posible en el estado actual.',
  413: 'La solicitud es demasiado grande.',
  415: 'Tipo de contenido no admitido.',
  429: 'Demasiadas solicitudes. Espere un momento e intente de nuevo.',
};

/** Where the attachment errors belong in the form. */
const ATTACHMENT_CODES = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT']);

/**
 * The one error handler: validation becomes 400 with a Spanish message per field, known client
 * errors keep their status with a Spanish message, and 5xx never leak their message or stack.
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | ApiError | Error, request, reply) => {
    if (err instanceof ApiError) {
      return reply.code(err.statusCode).send({ error: err.message, fields: err.fields, code: err.code });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = fieldErrors(
        err.validation.map((v) => ({ path: v.instancePath.split('/').filter(Boolean), message: v.message ?? '' })),
      );
      return reply.code(400).send({ error: INVALID, fields });
    }
    const code = 'code' in err && typeof err.code === 'string' ? err.code : '';
    const known = KNOWN[code];
    const status = known?.[0] ?? ('statusCode' in err && typeof err.statusCode === 'number' ? err.statusCode : 500);
    if (status >= 500) {
      request.log.error({ err }, 'error no controlado');
      return reply.code(500).send({ error: 'Ocurrió un error interno. Intente de nuevo más tarde.' });
    }
    const message = known?.[1] ?? BY_STATUS[status] ?? BY_STATUS[400]!;
    const fields = ATTACHMENT_CODES.has(code) ? { attachments: message } : undefined;
    return reply.code(status).send({ error: message, fields });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: `No existe la ruta ${request.method} ${request.url.split('?')[0]}.` });
  });
}
