/**
 * Issue 4 end to end, as `npm start` serves it (after `npm run build`): staff build a survey in
 * /admin and open it, a citizen answers it on the demo page (its <ecam-survey> pointed at the new
 * survey), and staff see the answer in the results.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serverAndBrowser, signIn, staffPage } from './staff.ts';

const SLUG = 'curso-de-sistemas-2026';

const e2e = serverAndBrowser();

test('staff build and open a survey in /admin, a citizen answers it, staff see the answer in the results', async () => {
  const { server, browser } = e2e;
  // ---- Staff build the survey and open it. ----
  const { official, admin, cspViolations } = await staffPage(browser);
  await admin.goto(`${server.url}/admin#/encuestas`);
  await signIn(admin);

  await admin.getByRole('heading', { name: 'Encuestas', exact: true }).waitFor();
  await admin.getByRole('row', { name: /satisfaccion-servicio/ }).waitFor();
  await admin.getByLabel('Título').fill('Curso de sistemas 2026');
  await admin.getByRole('button', { name: 'Crear encuesta' }).click();

  await admin.getByRole('heading', { name: 'Editar encuesta: Curso de sistemas 2026' }).waitFor();
  assert.equal(await admin.getByLabel('Identificador (slug)').inputValue(), SLUG);
  await admin.getByLabel('Descripción').fill('Cuéntenos cómo le fue en el curso.');

  await admin.getByRole('button', { name: 'Añadir pregunta' }).click();
  const first = admin.getByRole('group', { name: /^Pregunta 1\b/ });
  await first.getByLabel('Texto de la pregunta').fill('¿En qué jornada estudió?');
  await first.getByLabel('Obligatoria').check();
  await first.getByLabel('Texto de la opción 1').fill('Mañana');
  await first.getByLabel('Texto de la opción 2').fill('Noche');

  await admin.getByRole('button', { name: 'Añadir pregunta' }).click();
  const second = admin.getByRole('group', { name: /^Pregunta 2\b/ });
  await second.getByLabel('Tipo').selectOption('yesno');
  await second.getByLabel('Texto de la pregunta').fill('¿Recomendaría el curso?');
  await second.getByLabel('Obligatoria').check();

  await admin.getByRole('button', { name: 'Guardar y abrir' }).click();
  await admin.getByRole('status').filter({ hasText: 'Se guardó y se abrió la encuesta' }).waitFor();
  await admin.getByRole('heading', { name: 'Encuesta: Curso de sistemas 2026' }).waitFor();

  // ---- A citizen answers it on the demo page. ----
  const citizen = await browser.newContext();
  const page = await citizen.newPage();
  await page.goto(`${server.url}/`);
  const survey = page.locator('ecam-survey');
  await survey.getByRole('heading', { level: 2 }).first().waitFor();
  await survey.evaluate((el, slug) => el.setAttribute('survey', slug), SLUG);
  await survey.getByRole('heading', { name: 'Curso de sistemas 2026' }).waitFor();
  await survey.getByRole('radio', { name: 'Noche' }).check();
  await survey.getByRole('radio', { name: 'Sí' }).check();
  await survey.getByRole('button', { name: 'Enviar respuestas' }).click();
  await survey.getByText('¡Gracias por su opinión! Nos ayuda a mejorar.').waitFor();

  // ---- Staff see it in the results. ----
  await admin.getByRole('link', { name: 'Resultados' }).click();
  await admin.getByRole('heading', { name: 'Resultados: Curso de sistemas 2026' }).waitFor();
  await admin.getByRole('status').filter({ hasText: 'Resultados cargados: 1 respuesta.' }).waitFor();
  const jornada = admin.getByRole('table', { name: /¿En qué jornada estudió\?/ });
  assert.deepEqual(await jornada.getByRole('row', { name: /^Noche/ }).getByRole('cell').allTextContents(), ['1', '100 %']);
  assert.deepEqual(await jornada.getByRole('row', { name: /^Mañana/ }).getByRole('cell').allTextContents(), ['0', '0 %']);
  const recomienda = admin.getByRole('table', { name: /¿Recomendaría el curso\?/ });
  assert.deepEqual(await recomienda.getByRole('row', { name: /^Sí/ }).getByRole('cell').allTextContents(), ['1', '100 %']);
  await admin.getByRole('img', { name: /Gráfico de barras de «¿En qué jornada estudió\?»/ }).waitFor();
  const csv = await admin.getByRole('link', { name: 'Descargar CSV' }).getAttribute('href');
  const res = await official.request.get(csv!);
  assert.equal(res.status(), 200);
  assert.match(await res.text(), /noche/);
  assert.deepEqual(cspViolations, []);

  await official.close();
  await citizen.close();
});
