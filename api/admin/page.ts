import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';

const SHELL = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../widgets/admin/index.html');

/**
 * `GET /admin` (and `/admin/`): the staff page, a static shell around `<ecam-admin>`; the
 * login and everything else happen in the browser against `/api/admin`. Its security headers
 * (the Content-Security-Policy it works under, no framing) are set for every route in
 * api/hardening.ts.
 */
const adminPage: FastifyPluginAsync = async (app) => {
  const html = fs.readFileSync(SHELL, 'utf8');
  for (const url of ['/admin', '/admin/']) {
    app.get(url, async (_req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .header('Cache-Control', 'no-cache')
        .send(html),
    );
  }
};

export default adminPage;
