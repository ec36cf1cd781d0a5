// Widget tests in real Chromium against the real API (no mocks). Run under tsx so this file can
// import the TypeScript server: `NODE_OPTIONS=--import=tsx web-test-runner` (npm run test:widgets).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { buildApp } from './api/app.ts';
import { loadConfig } from './api/config.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/chromium.ts';

const rootDir = path.dirname(fileURLToPath(import.meta.url));

/** The API on a fresh temporary data directory, proof of work ON with a small search space. */
const api = {
  app: undefined,
  port: 0,
  dataDir: '',
  /** Path -> milliseconds to hold the next POST to it, so a test can look at the waiting state. */
  delays: new Map(),
  /** Days the API's clock runs ahead of the real one (`ecam-clock { days }`; tests set it back to 0). */
  clockDays: 0,
  /** Open citizen chat streams (`ecam-drop-chat-streams` cuts them) and until when new ones wait. */
  chatStreams: new Set(),
  chatStreamsHeldUntil: 0,
};

/** The first admin's password (test/admin-helpers.ts ADMIN_PASSWORD); browser tests log in with it. */
const ADMIN_PASSWORD = 'clave-admin-de-prueba';

const apiPlugin = {
  name: 'ecam-api',
  async serverStart() {
    api.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecam-wtr-'));
    const config = loadConfig({
      ECAM_DATA_DIR: api.dataDir,
      ECAM_RATE_LIMIT: 'off',
      ECAM_CHALLENGE: 'on',
      ECAM_CHALLENGE_MAX_NUMBER: '1000',
      ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LOG_LEVEL: 'silent',
      // This process also builds the test pages: its event loop stalls are not overload.
      ECAM_MAX_EVENT_LOOP_DELAY_MS: '0',
    });
    api.app = await buildApp(config, {}, () => new Date(Date.now() + api.clockDays * 86_400_000));
    await api.app.listen({ host: '127.0.0.1', port: 0 });
    api.port = api.app.server.address().port;
  },
  async serverStop() {
    await api.app?.close();
    if (api.dataDir) fs.rmSync(api.dataDir, { recursive: true, force: true });
  },
  // `ecam-delay-next-filing { ms }` holds the next `POST /api/pqrs`; `ecam-delay-next-post { path, ms }` any path;
  // `ecam-clock { days }` moves the API's clock (overdue requests, expired terms).
  executeCommand({ command, payload }) {
    if (command === 'ecam-delay-next-filing') api.delays.set('/api/pqrs', Number(payload?.ms) || 0);
    else if (command === 'ecam-delay-next-post') api.delays.set(String(payload?.path), Number(payload?.ms) || 0);
    else if (command === 'ecam-clock') api.clockDays = Number(payload?.days) || 0;
    // A dropped connection: cuts the citizens' chat streams and holds reconnections for `ms`.
    else if (command === 'ecam-drop-chat-streams') {
      api.chatStreamsHeldUntil = Date.now() + (Number(payload?.ms) || 0);
      for (const cut of api.chatStreams) cut();
      api.chatStreams.clear();
    }
    else return undefined;
    return true;
  },
};

/**
 * Proxies `/api/*` to the API, byte for byte (multipart included), so the widget under test uses
 * its default API base: the origin its code was loaded from. Source files under /api (the
 * catalog the widget imports) are still served by the test server.
 */
async function apiProxy(ctx, next) {
  if (!ctx.path.startsWith('/api/')) return next();
  const file = path.join(rootDir, decodeURIComponent(ctx.path));
  if (file.startsWith(rootDir) && fs.existsSync(file) && fs.statSync(file).isFile()) return next();

  const delay = ctx.method === 'POST' ? api.delays.get(ctx.path) : undefined;
  if (delay) {
    api.delays.delete(ctx.path);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  const chatStream = /^\/api\/chat\/conversations\/\d+\/events$/.test(ctx.path);
  if (chatStream && api.chatStreamsHeldUntil > Date.now()) {
    await new Promise((resolve) => setTimeout(resolve, api.chatStreamsHeldUntil - Date.now()));
  }
  ctx.respond = false;
  await new Promise((resolve) => {
    const upstream = http.request(
      { host: '127.0.0.1', port: api.port, method: ctx.method, path: ctx.url, headers: ctx.req.headers },
      (res) => {
        ctx.res.writeHead(res.statusCode ?? 502, res.headers);
        res.pipe(ctx.res);
        res.on('end', resolve);
        res.on('error', resolve);
      },
    );
    upstream.on('error', (err) => {
      if (!ctx.res.headersSent) ctx.res.writeHead(502, { 'content-type': 'application/json' });
      ctx.res.end(JSON.stringify({ error: `Proxy: ${err.message}` }));
      resolve();
    });
    if (chatStream) {
      const cut = () => {
        upstream.destroy();
        ctx.res.destroy();
      };
      api.chatStreams.add(cut);
      ctx.res.on('close', () => api.chatStreams.delete(cut));
    }
    ctx.req.pipe(upstream);
  });
}

/**
 * `/widgets/ecam.js`, the loader's public address, answers its source (as the built server
 * answers the bundle), so a page under test can load it the way a webmaster's page does.
 */
function loaderAlias(ctx, next) {
  if (ctx.path === '/widgets/ecam.js') ctx.url = '/widgets/index.ts';
  return next();
}

export default {
  rootDir,
  files: 'test/widgets/**/*.test.ts',
  nodeResolve: true,
  // One page at a time: drafts live in localStorage, shared by every page of the origin.
  concurrency: 1,
  testFramework: { config: { timeout: 30000 } },
  middleware: [loaderAlias, apiProxy],
  plugins: [esbuildPlugin({ ts: true, tsconfig: path.join(rootDir, 'tsconfig.json') }), apiPlugin],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
};
