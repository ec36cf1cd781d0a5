import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';

const SHELL = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../widgets/admin/index.html');

/**
 * Nothing inline and nothing from elsewhere: the shell loads /widgets/admin.js, Lit's styles are
 * constructed stylesheets, and Chart.js sizes its canvas through the CSSOM, none of which needs
 * 'unsafe-inline'. No framing (clickjacking of the staff actions).
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * `GET /admin` (and `/admin/`): the staff page, a static shell around `<ecam-admin>`; the
 * login and everything else happen in the browser against `/api/admin`.
 */
const adminPage: FastifyPluginAsync = async (app) => {
  const html = fs.readFileSync(SHELL, 'utf8');
  for (const url of ['/admin', '/admin/']) {
    app.get(url, async (_req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('Cache-Control', 'no-cache')
        .header('Content-Security-Policy', CSP)
        .header('X-Frame-Options', 'DENY')
        .header('X-Content-Type-Options', 'nosniff')
        .header('Referrer-Policy', 'same-origin')
        .send(html),
    );
  }
};

export default adminPage;
