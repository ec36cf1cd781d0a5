/**
 * A municipal site on an origin of its own (another port), for the embedding tests: it serves
 * the pages it is given, each with the widgets' `<script>` pointing at the API server, as a
 * webmaster would paste it. Nothing from the API's origin is served here.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { freePort } from './server.ts';

export interface StaticHost {
  /** `http://127.0.0.1:<port>`, the origin to put in ECAM_ALLOWED_ORIGINS. */
  origin: string;
  /** Serves `html` at `pathname` from now on. */
  page: (pathname: string, html: string) => void;
  close: () => Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Starts an empty site on a free port of the loopback interface. */
export async function startStaticHost(): Promise<StaticHost> {
  const port = await freePort();
  const pages = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (html === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('No existe');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    page: (pathname, html) => pages.set(pathname, html),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A file of the repository (e.g. `demo/index.html`) with its widget script taken from `api`. */
export function pageFrom(file: string, api: string): string {
  return fs.readFileSync(path.join(ROOT, file), 'utf8').replaceAll('src="/widgets/ecam.js"', `src="${api}/widgets/ecam.js"`);
}

/** The CSP source of an inline `<style>` or `<script>` body: `'sha256-…'`. */
export function cspHash(body: string): string {
  return `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
}

/** A page with only `body` in it and the loader from `api`. */
export function bare(api: string, body: string, lang = 'es'): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Prueba</title><link rel="icon" href="data:,"></head><body><main>${body}</main><script type="module" src="${api}/widgets/ecam.js"></script></body></html>`;
}
