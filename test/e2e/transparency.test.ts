/**
 * The demo's transparency page as a visitor sees it, after an admin published the quarter's report
 * from /admin (issue 11 items 4 and 5): the built `<ecam-informe>` chunk loaded by the loader, axe
 * (WCAG 2.1 A and AA), the chart drawn under the demo's strict CSP, and the open-data links.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, ConsoleMessage } from 'playwright-core';
import { launchChromium, startServer, type RunningServer } from './server.ts';
import { ADMIN_PASSWORD, signIn } from './staff.ts';

let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD, ECAM_CHALLENGE: 'off', ECAM_RATE_LIMIT: 'off' });
  for (const type of ['informacion', 'peticion', 'queja']) {
    const res = await fetch(`${server.url}/api/pqrs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type,
        subject: 'Actas del consejo directivo',
        description: 'Solicito copia de las actas del consejo directivo de la escuela de este año.',
        responseChannel: 'online',
        consent: true,
        requester: { kind: 'anonimo' },
      }),
    });
    assert.equal(res.status, 201, await res.text());
  }
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('an admin publishes the quarter; the transparency page shows it, accessible, chart drawn under the CSP', async () => {
  const official = await browser.newContext();
  const admin = await official.newPage();
  await admin.goto(`${server.url}/admin#/reportes`);
  await signIn(admin);
  await admin.getByRole('button', { name: 'Publicar este informe' }).click();
  await admin.getByRole('button', { name: 'Sí, publicar' }).click();
  await admin.getByText(/^Informe publicado: .*, versión 1\.$/).waitFor();
  await official.close();

  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  const csp: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
  });
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto(`${server.url}/transparencia/`);
  const informe = page.locator('ecam-informe');
  await informe.getByRole('heading', { name: /^Informe de PQRSD: .* trimestre de \d{4}$/ }).waitFor();
  assert.ok(scripts.some((s) => /^\/widgets\/chunks\/informe-[\w-]+\.js$/.test(s)), scripts.join(' '));
  assert.ok(!scripts.some((s) => /\/chunks\/(pqrs|tracker|survey)-/.test(s)), 'only the code of the elements in the page');

  // The bars have their widths (set through the CSSOM, which the CSP allows) and the table says the same.
  const widths = await informe.locator('.bars [data-w]').evaluateAll((bars) => bars.map((b) => (b as HTMLElement).getBoundingClientRect().width));
  assert.ok(widths.length >= 3 && widths.every((w) => w > 0), String(widths));
  const infoRow = informe.getByRole('row', { name: /^Solicitud de información/ });
  assert.match((await infoRow.innerText()).replace(/\s+/g, ' '), /^Solicitud de información 1 /);
  assert.deepEqual(csp, []);

  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  assert.deepEqual(
    result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' > ')).join(' | ')}`),
    [],
  );

  // The CSV of the report and the open-data links of the page answer.
  const csv = await fetch(await informe.getByRole('link', { name: 'Descargar el informe (CSV)' }).evaluate((a) => (a as HTMLAnchorElement).href));
  assert.equal(csv.status, 200);
  for (const href of await page.locator('#datos-abiertos a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href))) {
    const res = await fetch(href);
    assert.equal(res.status, 200, href);
  }
  await visitor.close();
});
