/**
 * Issue 3 end to end, as `npm start` serves it (after `npm run build`): a citizen files a PQRSD
 * on the demo page, an official signs into /admin, finds it, assigns and answers it, and the
 * citizen opens the tracking link and reads the answer.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serverAndBrowser, signIn, staffPage } from './staff.ts';

const ANSWER = 'Su certificado del curso de contabilidad básica ya está listo: puede recogerlo en la sede principal.';

const e2e = serverAndBrowser();

test('a citizen files, an official assigns and answers at /admin, the citizen reads the answer', async () => {
  const { server, browser } = e2e;
  // ---- The citizen files on the demo page. ----
  const citizen = await browser.newContext();
  const filing = await citizen.newPage();
  await filing.goto(`${server.url}/`);
  const form = filing.locator('ecam-pqrs');
  await form.getByLabel('Persona natural').check();
  await form.getByLabel('Tipo de documento').selectOption('CC');
  await form.getByLabel('Número de documento').fill('63555111');
  await form.getByLabel('Nombre completo').fill('Marta Lucía Gómez');
  await form.getByRole('textbox', { name: 'Correo electrónico' }).fill('marta.gomez@example.co');
  await form.getByLabel('Petición', { exact: true }).check();
  await form.getByLabel('Asunto').fill('Certificado del curso de contabilidad');
  await form.getByLabel('Descripción').fill('Terminé el curso de contabilidad básica en mayo y necesito el certificado para un trabajo.');
  await form.getByRole('radio', { name: 'Consultar en línea' }).check();
  await form.getByLabel(/Autorizo a la ECAM/).check();
  await form.getByRole('button', { name: 'Enviar solicitud' }).click();

  await form.getByRole('heading', { name: 'Su solicitud fue radicada' }).waitFor();
  const radicado = (await form.locator('[part="radicado"]').textContent())!.trim();
  const trackingLink = (await form.getByRole('link', { name: 'Consultar el estado' }).getAttribute('href'))!;
  assert.match(radicado, /^ECAM-\d{4}-\d{6}$/);
  assert.match(trackingLink, new RegExp(`^/#seguimiento&radicado=${radicado}&codigo=[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$`));

  // ---- An official signs in, finds it, assigns it and answers it. ----
  const { official, admin, cspViolations } = await staffPage(browser);
  const shell = await admin.goto(`${server.url}/admin`);
  assert.equal(shell!.status(), 200);
  assert.match(shell!.headers()['content-security-policy'] ?? '', /script-src 'self'/);
  await signIn(admin);

  await admin.getByRole('heading', { name: 'Bandeja de solicitudes' }).waitFor();
  await admin.getByLabel('Buscar').fill(radicado);
  await admin.getByRole('button', { name: 'Filtrar' }).click();
  const row = admin.getByRole('row', { name: new RegExp(radicado) });
  await row.getByText('En término').waitFor();
  assert.match((await row.textContent())!, /Sin asignar/);
  await row.getByRole('link', { name: radicado }).click();

  await admin.getByRole('heading', { name: `Solicitud ${radicado}` }).waitFor();
  await admin.getByText('Marta Lucía Gómez').waitFor();
  await admin.getByLabel('Funcionario').selectOption({ label: 'Administrador (admin)' });
  await admin.getByRole('button', { name: 'Asignar', exact: true }).click();
  await admin.getByRole('status').filter({ hasText: 'Listo: «Asignar». Estado: Asignada.' }).waitFor();

  await admin.getByLabel('Respuesta', { exact: true }).fill(ANSWER);
  await admin.getByRole('button', { name: 'Enviar respuesta' }).click();
  await admin.getByRole('status').filter({ hasText: 'Listo: «Responder». Estado: Respondida.' }).waitFor();
  await admin.getByRole('region', { name: 'Respuesta', exact: true }).getByText(ANSWER).waitFor();

  // The report (a chunk of its own, with Chart.js, loaded on demand) counts it as answered on time.
  await admin.getByRole('link', { name: 'Reportes' }).click();
  await admin.getByRole('heading', { name: 'Reporte de PQRSD' }).waitFor();
  const peticiones = admin.getByRole('row', { name: /^Petición/ });
  await peticiones.waitFor();
  const cells = await peticiones.getByRole('cell').allTextContents();
  assert.deepEqual(cells.slice(0, 2), ['1', '1'], 'received 1, answered on time 1');
  await admin.getByRole('img', { name: /Gráfico de barras/ }).waitFor();
  assert.deepEqual(cspViolations, []);

  // ---- The citizen opens the tracking link and reads the answer. ----
  const tracking = await citizen.newPage();
  await tracking.goto(`${server.url}${trackingLink}`);
  const tracker = tracking.locator('ecam-tracker');
  await tracker.getByRole('heading', { name: `Estado de la solicitud ${radicado}` }).waitFor();
  await tracker.getByText('Respondida', { exact: true }).first().waitFor();
  const answer = tracker.getByRole('region', { name: 'Respuesta de la entidad' });
  assert.equal((await answer.locator('[part="answer-text"]').textContent())!.trim(), ANSWER);
  // The code left the address bar once it was read.
  assert.doesNotMatch(tracking.url(), /codigo=/);

  await official.close();
  await citizen.close();
});
