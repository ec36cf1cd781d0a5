import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { fileTypeFromFile } from 'file-type';
import type { z } from 'zod';
import type { Config } from '../config.ts';
import { ApiError, parseOrThrow } from '../errors.ts';
import { ATTACHMENT_MIME_TYPES } from './catalog.ts';

export interface StoredFile {
  originalName: string;
  storedName: string;
  mime: string;
  size: number;
  sha256: string;
}

/** A display-safe file name: no path, no control characters, bounded length. */
function cleanName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001F\u007F]/g, '').trim();
  return (base || 'adjunto').slice(-200);
}

/**
 * Streams an uploaded part to the uploads directory under a random name, hashing it on the way.
 * The multipart size limit aborts the stream with a 413, and the partial file is removed.
 */
async function receiveFile(part: MultipartFile, uploadsDir: string): Promise<StoredFile> {
  const storedName = randomBytes(16).toString('hex');
  const target = path.join(uploadsDir, storedName);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(part.file, meter, fs.createWriteStream(target, { flags: 'wx', mode: 0o600 }));
  } catch (err) {
    fs.rmSync(target, { force: true });
    throw err;
  }
  return { originalName: cleanName(part.filename), storedName, mime: '', size, sha256: hash.digest('hex') };
}

/** Plain text has no magic bytes: accept it when it holds no binary control bytes. */
async function looksLikeText(file: string): Promise<boolean> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return bytesRead > 0 && !buf.subarray(0, bytesRead).some((b) => b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b));
  } finally {
    await handle.close();
  }
}

/**
 * Decides each file's type by its content (magic bytes), never by its name; throws 415 naming
 * the first file that is not an accepted kind.
 */
async function checkTypes(files: StoredFile[], uploadsDir: string): Promise<void> {
  const allowed = Object.values(ATTACHMENT_MIME_TYPES).join(', ');
  for (const f of files) {
    const file = path.join(uploadsDir, f.storedName);
    const detected = await fileTypeFromFile(file);
    const mime = detected ? detected.mime : (await looksLikeText(file)) ? 'text/plain' : '';
    if (!(mime in ATTACHMENT_MIME_TYPES)) {
      const message = `Adjuntos: «${f.originalName}» no es un tipo de archivo permitido (${allowed}).`;
      throw new ApiError(415, message, { attachments: message });
    }
    f.mime = mime;
  }
}

/** Removes stored files whose request was not recorded. */
function discardFiles(files: StoredFile[], uploadsDir: string): void {
  for (const f of files) fs.rmSync(path.join(uploadsDir, f.storedName), { force: true });
}

const MALFORMED = 'El formulario enviado está incompleto o mal formado. Envíelo de nuevo.';

/** The body size a request with the most and largest attachments allowed may have. */
export function uploadBodyLimit(config: Pick<Config, 'maxFiles' | 'maxFileBytes'>): number {
  return config.maxFiles * config.maxFileBytes + 1024 * 1024;
}

/** The JSON of a multipart request's `data` field. */
function parseDataField(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    return JSON.parse(value);
  } catch {
    throw new ApiError(400, 'El campo «data» no es un JSON válido.', { body: 'El campo «data» no es un JSON válido.' });
  }
}

/**
 * Reads a JSON body, or a multipart one (the same JSON in a `data` field, attachments as `files`
 * parts), validates it with `schema`, checks the files' types by content and hands both to `use`.
 * If anything fails, the stored files are removed: a rejected request leaves nothing behind.
 */
export async function withUpload<S extends z.ZodType, T>(
  req: FastifyRequest,
  uploadsDir: string,
  schema: S,
  use: (data: z.output<S>, files: StoredFile[]) => T | Promise<T>,
): Promise<T> {
  const files: StoredFile[] = [];
  try {
    let raw: unknown = req.body;
    if (req.isMultipart()) {
      raw = undefined;
      try {
        for await (const part of req.parts()) {
          if (part.type === 'field') {
            if (part.fieldname === 'data') raw = parseDataField(part.value);
          } else if (part.fieldname !== 'files' || !part.filename) {
            part.file.resume();
          } else {
            files.push(await receiveFile(part, uploadsDir));
          }
        }
      } catch (err) {
        // Limits and our own refusals carry a status; anything else is a body the parser could not read.
        if (typeof (err as { statusCode?: unknown }).statusCode === 'number') throw err;
        throw new ApiError(400, MALFORMED, { body: MALFORMED });
      }
    }
    const data = parseOrThrow(schema, raw);
    await checkTypes(files, uploadsDir);
    return await use(data, files);
  } catch (err) {
    discardFiles(files, uploadsDir);
    throw err;
  }
}
