import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { launchChromium, startServer, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: Browser;

before(async () => {
  // As `npm start` runs it: challenge and rate limits on, the built widgets, the demo page.
  server = await startServer();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a citizen files a PQRSD on the demo page and leaves with a radicado stored in the database', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/`);
  const form = page.locator('ecam-pqrs');
  await form.getByLabel('Persona natural').check();
  await form.getByLabel('Tipo de documento').selectOption('CC');
  await form.getByLabel('Número de documento').fill('1098765432');
  await form.getByLabel('Nombre completo').fill('Luz Marina Rojas');
  await form.getByRole('textbox', { name: 'Correo electrónico' }).fill('luz.rojas@example.co');
  await form.getByLabel('Reclamo', { exact: true }).check();
  await form.getByText(/Si radica hoy, la respuesta vence el/).waitFor();
  await form.getByLabel('Asunto').fill('Certificado sin entregar');
  await form.getByLabel('Descripción').fill('Terminé el curso de contabilidad básica en junio y aún no recibo el certificado.');
  await form.getByRole('radio', { name: 'Correo electrónico' }).check();
  await form.getByLabel(/Autorizo a la ECAM/).check();
  await form.getByRole('button', { name: 'Enviar solicitud' }).click();

  await form.getByRole('heading', { name: 'Su solicitud fue radicada' }).waitFor();
  const radicado = (await form.locator('[part="radicado"]').textContent())!.trim();
  const code = (await form.locator('[part="tracking-code"]').textContent())!.trim();
  assert.match(radicado, /^ECAM-\d{4}-000001$/);
  assert.match(code, /^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);

  const db = new Database(path.join(server.dataDir, 'ecam.sqlite'), { readonly: true });
  const row = db.prepare('SELECT type, name, email, subject, response_channel FROM pqrs WHERE radicado = ?').get(radicado);
  db.close();
  assert.deepEqual(row, {
    type: 'reclamo',
    name: 'Luz Marina Rojas',
    email: 'luz.rojas@example.co',
    subject: 'Certificado sin entregar',
    response_channel: 'email',
  });
  await page.close();
});

test('the data notice links to the policy page the demo serves', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}/`);
  const link = page.locator('ecam-pqrs').getByRole('link', { name: /política de tratamiento de datos personales/ });
  const href = await link.getAttribute('href');
  const res = await page.goto(new URL(href!, server.url).href);
  assert.equal(res?.status(), 200);
  await page.getByRole('heading', { name: 'Política de tratamiento de datos personales' }).waitFor();
  await page.close();
});
