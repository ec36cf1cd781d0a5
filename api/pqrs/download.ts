import fs from 'node:fs';
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import { ApiError } from '../errors.ts';
import type { StoredAttachment } from './workflow.ts';

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\]/g, '_');
  const exact = encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

/**
 * Sends a stored attachment as a download: its detected type, never rendered by the browser in
 * our origin (attachment, nosniff, a sandboxing CSP) and never cached by shared caches.
 */
export function sendAttachment(reply: FastifyReply, uploadsDir: string, file: StoredAttachment, notFound: string) {
  const full = path.join(uploadsDir, file.storedName);
  if (!fs.existsSync(full)) throw new ApiError(404, notFound);
  return reply
    .header('Content-Type', file.mime)
    .header('Content-Length', String(file.size))
    .header('Content-Disposition', contentDisposition(file.name))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Security-Policy', "default-src 'none'; sandbox")
    .header('Cache-Control', 'private, no-store')
    .send(fs.createReadStream(full));
}
