/**
 * Stored text is rendered inert: a PQRSD whose fields and answer carry script and markup
 * payloads shows them literally, as text, in the staff page and in the citizen's tracker, in
 * Chromium. The check is on the DOM (no element, attribute or script comes from the payload)
 * and on execution (no dialog, no global set), not on the CSP, which would only hide a hole.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startServer, type RunningServer } from './server.ts';
import { ADMIN_PASSWORD, signIn } from './staff.ts';
import { validPqrs } from '../helpers.ts';

const PAYLOADS = {
  subject: '<img src=x onerror="window.__xss=1"> Asunto',
  description: '<script>window.__xss=2</script><svg onload="window.__xss=3"></svg> La descripción tiene marcas.',
  name: '"><img src=x onerror=alert(1)>',
  address: "javascript:alert('x') <b>negrita</b>",
  answer: '<iframe srcdoc="<script>parent.__xss=4</script>"></iframe> Respuesta con <a href="javascript:alert(5)">enlace</a>.',
};

let server: RunningServer;
let browser: Browser;
let filed: { radicado: string; trackingCode: string };

before(async () => {
  server = await startServer({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD, ECAM_CHALLENGE: 'off', ECAM_RATE_LIMIT: 'off' });
  browser = await launchChromium();
  const json = { 'content-type': 'application/json' };
  const res = await fetch(`${server.url}/api/pqrs`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(validPqrs({ subject: PAYLOADS.subject, description: PAYLOADS.description, responseChannel: 'online' }, { name: PAYLOADS.name, address: PAYLOADS.address })),
  });
  assert.equal(res.status, 201, await res.clone().text());
  filed = await res.json();
  const login = await fetch(`${server.url}/api/admin/session`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) });
  const staff = { ...json, cookie: login.headers.get('set-cookie')!.split(';')[0]!, origin: server.url, 'x-csrf-token': (await login.json()).csrfToken };
  const act = (action: string, body: unknown) =>
    fetch(`${server.url}/api/admin/pqrs/${filed.radicado}/${action}`, { method: 'POST', headers: staff, body: JSON.stringify(body) });
  assert.equal((await act('assign', { staffId: 1 })).status, 200);
  const reply = await act('reply', { text: PAYLOADS.answer });
  assert.equal(reply.status, 200, await reply.text());
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** What the payloads could have produced anywhere in the page, shadow roots included. */
async function injected(page: Page): Promise<{ xss: unknown; found: string[] }> {
  // No inner named functions: the page runs this code as it is, without the test's helpers.
  return page.evaluate(() => {
    const found: string[] = [];
    const roots: (Document | ShadowRoot)[] = [document];
    while (roots.length) {
      for (const el of Array.from(roots.pop()!.querySelectorAll('*'))) {
        const tag = el.localName;
        if (tag === 'iframe' || tag === 'svg' || (tag === 'img' && el.getAttribute('src') === 'x') || tag === 'b') found.push(tag);
        if (tag === 'script' && /__xss/.test(el.textContent ?? '')) found.push('script');
        for (const a of Array.from(el.attributes)) if (/^on/i.test(a.name)) found.push(`${tag}[${a.name}]`);
        if (tag === 'a' && /^javascript:/i.test(el.getAttribute('href') ?? '')) found.push('a[href=javascript:]');
        if (el.shadowRoot) roots.push(el.shadowRoot);
      }
    }
    return { xss: (window as unknown as { __xss?: unknown }).__xss, found };
  });
}

/** A page that fails the test on any dialog (alert). */
async function watchedPage(): Promise<{ page: Page; dialogs: string[] }> {
  const page = await (await browser.newContext()).newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return { page, dialogs };
}

test('the staff page shows the payloads as text', async () => {
  const { page, dialogs } = await watchedPage();
  await page.goto(`${server.url}/admin#/solicitud/${filed.radicado}`);
  await signIn(page);
  await page.getByRole('heading', { name: `Solicitud ${filed.radicado}` }).waitFor();
  for (const text of [PAYLOADS.subject, PAYLOADS.description, PAYLOADS.name, PAYLOADS.answer]) {
    await page.getByText(text, { exact: false }).first().waitFor();
  }
  const { xss, found } = await injected(page);
  assert.equal(xss, undefined);
  assert.deepEqual(found, []);
  assert.deepEqual(dialogs, []);
});

test("the citizen's tracker shows the payloads as text", async () => {
  const { page, dialogs } = await watchedPage();
  await page.goto(`${server.url}/#seguimiento&radicado=${filed.radicado}&codigo=${filed.trackingCode}`);
  const tracker = page.locator('ecam-tracker');
  await tracker.getByText(PAYLOADS.answer, { exact: false }).waitFor();
  const { xss, found } = await injected(page);
  assert.equal(xss, undefined);
  assert.deepEqual(found, []);
  assert.deepEqual(dialogs, []);
});
