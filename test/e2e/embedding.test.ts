/**
 * Cross-origin embedding (issue 6 item 2): the demo page served by a municipal site on another
 * origin, with the script tag pointing at the API server. An origin in ECAM_ALLOWED_ORIGINS
 * works end to end; any other origin still gets the widgets' code but no answer from the API
 * (no CORS header), and the widgets say so; the staff API never answers another origin.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import zlib from 'node:zlib';
import { after, before, test } from 'node:test';
import type { Browser, Response } from 'playwright-core';
import { filePqrs, track } from './citizen.ts';
import { launchChromium, startServer, type RunningServer } from './server.ts';
import { pageFrom, startStaticHost, type StaticHost } from './static-host.ts';

let api: RunningServer;
let site: StaticHost;
let stranger: StaticHost;
let browser: Browser;

before(async () => {
  site = await startStaticHost();
  stranger = await startStaticHost();
  // As in production (challenge and rate limits on), with a quick proof of work.
  api = await startServer({ ECAM_ALLOWED_ORIGINS: site.origin, ECAM_CHALLENGE_MAX_NUMBER: '2000' });
  for (const host of [site, stranger]) host.page('/', pageFrom('demo/index.html', api.url));
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await api?.stop();
  await site?.close();
  await stranger?.close();
});

/** Every response the page gets from the API server, with its CORS headers. */
function apiResponses(page: import('playwright-core').Page): Response[] {
  const seen: Response[] = [];
  page.on('response', (r) => {
    if (r.url().startsWith(`${api.url}/api/`)) seen.push(r);
  });
  return seen;
}

/** The CORS headers of a request sent with `origin`, as the browser would send it. */
async function corsHeaders(path: string, origin: string, init: RequestInit = {}) {
  const res = await fetch(`${api.url}${path}`, { ...init, headers: { origin, ...init.headers } });
  await res.arrayBuffer();
  return {
    status: res.status,
    allowOrigin: res.headers.get('access-control-allow-origin'),
    allowCredentials: res.headers.get('access-control-allow-credentials'),
  };
}

test('a page on an allowed origin files a PQRSD and tracks it, talking to the API on its own origin', async () => {
  const page = await browser.newPage();
  const responses = apiResponses(page);
  const sameOriginApi: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(`${site.origin}/api/`)) sameOriginApi.push(r.url());
  });
  await page.goto(`${site.origin}/`);

  // The survey loads its definition across origins as soon as it appears.
  await page.locator('ecam-survey form').waitFor();
  const { radicado, code } = await filePqrs(page.locator('ecam-pqrs'));
  assert.match(radicado, /^ECAM-\d{4}-\d{6}$/);

  const tracker = page.locator('ecam-tracker');
  await track(tracker, radicado, code);
  await tracker.getByRole('heading', { name: `Estado de la solicitud ${radicado}` }).waitFor();

  // The API origin came from the script's own URL: nothing was asked of the embedding site.
  assert.deepEqual(sameOriginApi, []);
  const posts = responses.filter((r) => r.request().method() === 'POST').map((r) => new URL(r.url()).pathname);
  assert.ok(posts.includes('/api/pqrs') && posts.includes('/api/pqrs/track'), posts.join(', '));
  for (const r of responses) {
    const headers = await r.allHeaders();
    assert.equal(headers['access-control-allow-origin'], site.origin, r.url());
    // No cookie ever crosses: the public API needs no credentials.
    assert.equal(headers['access-control-allow-credentials'], undefined, r.url());
  }
  await page.close();
});

test('a page on an origin not in ECAM_ALLOWED_ORIGINS gets no CORS answer, and the widgets say they cannot connect', async () => {
  const page = await browser.newPage();
  const responses = apiResponses(page);
  const refused: string[] = [];
  page.on('requestfailed', (r) => {
    if (r.url().startsWith(`${api.url}/api/`)) refused.push(new URL(r.url()).pathname);
  });
  await page.goto(`${stranger.origin}/`);

  // The code itself is public and loads; the API is what refuses.
  const survey = page.locator('ecam-survey');
  await survey.getByRole('alert').filter({ hasText: 'No pudimos conectar con el servidor' }).waitFor();
  await survey.getByRole('button', { name: 'Intentar de nuevo' }).waitFor();

  const tracker = page.locator('ecam-tracker');
  await track(tracker, 'ECAM-2026-000001', 'ABCD-EFGH-JKMN');
  await tracker.getByRole('alert').filter({ hasText: 'No pudimos conectar con el servidor' }).waitFor();

  // The browser read no answer of the API: every call it made failed on CORS.
  assert.ok(refused.includes('/api/surveys/satisfaccion-servicio') && refused.includes('/api/pqrs/track'), refused.join(', '));
  assert.deepEqual(responses.map((r) => r.url()), []);

  assert.deepEqual(await corsHeaders('/api/surveys/satisfaccion-servicio', stranger.origin), {
    status: 200,
    allowOrigin: null,
    allowCredentials: null,
  });
  const preflight = await corsHeaders('/api/pqrs', stranger.origin, {
    method: 'OPTIONS',
    headers: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
  assert.equal(preflight.allowOrigin, null);
  // The widgets' code answers any origin (module scripts are fetched with CORS).
  assert.equal((await corsHeaders('/widgets/ecam.js', stranger.origin)).allowOrigin, '*');
  await page.close();
});

test('the staff API never answers another origin, not even an allowed one', async () => {
  for (const path of ['/api/admin/session', '/api/admin/pqrs']) {
    assert.equal((await corsHeaders(path, site.origin)).allowOrigin, null, path);
    const preflight = await corsHeaders(path, site.origin, {
      method: 'OPTIONS',
      headers: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-csrf-token' },
    });
    assert.equal(preflight.allowOrigin, null, `preflight ${path}`);
  }
  // The same from a page of the allowed site: the browser refuses to hand over any answer.
  const page = await browser.newPage();
  await page.goto(`${site.origin}/`);
  const outcome = await page.evaluate(async (base) => {
    const results: string[] = [];
    for (const init of [{}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"admin","password":"x"}' }]) {
      results.push(await fetch(`${base}/api/admin/session`, init).then((r) => `answered ${r.status}`, () => 'refused'));
    }
    return results;
  }, api.url);
  assert.deepEqual(outcome, ['refused', 'refused']);
  await page.close();
});

test('the widgets travel compressed: brotli or gzip as the browser accepts, the same bytes once decoded', async () => {
  const url = `${api.url}/widgets/ecam.js`;
  const raw = async (encoding: string) => {
    // node's fetch would decode (and ask for br itself): read the bytes as sent, with the header as given.
    return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      http.get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
  };
  const plain = await raw('identity');
  assert.equal(plain.headers['content-encoding'], undefined);
  const br = await raw('gzip, deflate, br');
  assert.equal(br.headers['content-encoding'], 'br');
  assert.match(String(br.headers.vary), /accept-encoding/i);
  assert.ok(br.body.length < plain.body.length / 2, `${br.body.length} bytes of ${plain.body.length}`);
  assert.deepEqual(zlib.brotliDecompressSync(br.body), plain.body);
  const gz = await raw('gzip');
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.deepEqual(zlib.gunzipSync(gz.body), plain.body);
});
