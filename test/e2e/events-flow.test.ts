/**
 * The participation plan end to end (issue 12), on the real server with its clock moved by the
 * test (test/e2e/clock-server.ts): an official creates and publishes a forum with registration,
 * questions and the evaluation survey at /admin; a citizen finds it in <ecam-agenda> on the demo's
 * "Participe" page, opens its page, registers and asks; the official publishes the question; on
 * the day, with the citizen's page open, the official's answer appears there live; after the
 * event the official publishes the memoria and the citizen's page shows it.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startServer, type RunningServer } from './server.ts';
import { ADMIN_PASSWORD, signIn, staffPage } from './staff.ts';

const clockFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ecam-clock-')), 'offset');
let server: RunningServer;
let browser: Browser;

/** Moves the server's clock so that its "now" is `instant` (the browser's clock stays real). */
async function moveServerClockTo(instant: Date): Promise<void> {
  fs.writeFileSync(clockFile, String(instant.getTime() - Date.now()));
  // The server polls the file every 50 ms.
  await new Promise((r) => setTimeout(r, 300));
}

before(async () => {
  fs.writeFileSync(clockFile, '0');
  server = await startServer({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD, ECAM_TEST_CLOCK_FILE: clockFile }, 'test/e2e/clock-server.ts');
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(path.dirname(clockFile), { recursive: true, force: true });
});

/** The Bogotá date `days` from now, `YYYY-MM-DD`. */
function bogotaDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000 - 5 * 3_600_000).toISOString().slice(0, 10);
}

const TITLE = 'Foro ciudadano sobre la oferta de cursos 2027';
const QUESTION = '¿Habrá cursos de sistemas en horario nocturno para quienes trabajan de día?';
const ANSWER = 'Sí: desde febrero abrimos dos grupos de sistemas de 6 a 9 de la noche.';

async function openPlan(admin: Page): Promise<void> {
  await admin.getByRole('link', { name: 'Participación' }).click();
  await admin.getByRole('heading', { name: 'Plan de participación' }).waitFor();
}

test('staff publish an event; a citizen finds it in the agenda, registers and asks; the answer arrives live; the memoria appears after the event', async () => {
  const day = bogotaDay(3);
  const { official, admin, cspViolations } = await staffPage(browser);
  await admin.goto(`${server.url}/admin`);
  await signIn(admin);

  // The official creates the forum with its tools, then publishes it.
  await openPlan(admin);
  await admin.getByRole('button', { name: 'Nuevo evento' }).or(admin.getByRole('link', { name: 'Nuevo evento' })).first().click();
  await admin.getByRole('heading', { name: 'Nuevo evento' }).waitFor();
  await admin.getByLabel('Título').fill(TITLE);
  await admin.getByLabel('Tipo', { exact: true }).selectOption('foro');
  await admin.getByLabel('Resumen').fill('Escuchamos qué cursos necesita la ciudadanía para el próximo año.');
  await admin.getByLabel('Descripción').fill('Agenda:\n1. Balance de 2026.\n2. Propuestas de la ciudadanía.');
  await admin.getByLabel('Inicio').fill(`${day}T10:00`);
  await admin.getByLabel('Fin').fill(`${day}T12:00`);
  await admin.getByLabel('Lugar').fill('Auditorio de la ECAM, Floridablanca');
  await admin.getByLabel('Recibir inscripciones').check();
  await admin.getByLabel(/^Cupo/).fill('40');
  await admin.getByLabel(/Recibir preguntas de la ciudadanía/).check();
  const survey = admin.getByLabel('Encuesta de evaluación');
  const surveyValue = await survey.locator('option').nth(1).getAttribute('value');
  await survey.selectOption(surveyValue!);
  await admin.getByLabel('Meta de inscripciones').or(admin.getByRole('group', { name: 'Metas' }).getByLabel('Inscripciones')).first().fill('30');
  await admin.getByRole('button', { name: 'Crear borrador' }).click();
  await admin.getByText('Evento creado como borrador.').waitFor();
  await admin.getByRole('button', { name: 'Publicar el evento' }).click();
  await admin.getByRole('button', { name: 'Sí, publicar' }).click();
  await admin.getByText('Evento publicado.').waitFor();

  // A citizen finds it in the participation calendar of the entity's site and opens its page.
  const citizen = await browser.newPage();
  await citizen.goto(`${server.url}/participe/`);
  const agenda = citizen.locator('ecam-agenda');
  await agenda.getByRole('link', { name: TITLE }).first().click();
  await citizen.waitForURL(/\/participe\/evento\.html\?evento=/);
  const slug = new URL(citizen.url()).searchParams.get('evento')!;
  const event = citizen.locator('ecam-event');
  await event.getByRole('heading', { name: TITLE }).waitFor();

  // Registers and asks (the widget tests do the same with the keyboard alone).
  const registration = event.getByRole('region', { name: 'Inscripción' }).or(event.locator('form').filter({ hasText: 'Inscribirme' })).first();
  await registration.getByLabel('Nombre completo').fill('Camilo Andrés Suárez');
  await registration.getByLabel('Correo electrónico').fill('camilo.suarez@example.co');
  await registration.getByLabel(/Autorizo el tratamiento/).check();
  await registration.getByRole('button', { name: 'Inscribirme' }).click();
  await event.getByText('Quedó inscrito en el evento').waitFor();

  const ask = event.locator('form').filter({ hasText: 'Enviar pregunta' });
  await ask.getByLabel('Su pregunta').fill(QUESTION);
  await ask.getByLabel(/Autorizo el tratamiento/).check();
  await ask.getByRole('button', { name: 'Enviar pregunta' }).click();
  await event.getByText('Recibimos su pregunta.', { exact: false }).waitFor();

  // The official sees the registration and publishes the question (no answer yet).
  await openPlan(admin);
  await admin.getByRole('link', { name: TITLE }).first().click();
  await admin.getByRole('link', { name: 'Inscripciones' }).first().click();
  await admin.getByText('camilo.suarez@example.co').waitFor();
  await admin.getByRole('link', { name: 'Preguntas' }).first().click();
  const card = admin.locator('article, li, section').filter({ hasText: QUESTION }).last();
  await card.getByRole('button', { name: 'Publicar sin respuesta' }).click();
  await admin.getByText('publicada', { exact: false }).first().waitFor();

  // The day of the forum, 10:30: the citizen opens the event page; the official answers and the
  // answer appears on the open page without a reload.
  await moveServerClockTo(new Date(`${day}T10:30:00-05:00`));
  await citizen.reload();
  await event.getByText(QUESTION).waitFor();
  await event.getByText('Preguntas y respuestas en vivo', { exact: false }).waitFor();
  // The survey is offered once the event has started.
  await event.getByText('Encuesta del evento').waitFor();

  // Three days later the official's session has expired: they sign in again, back to the questions.
  await admin.reload();
  await signIn(admin);
  await admin.getByRole('heading', { name: 'Preguntas de la ciudadanía' }).waitFor();
  const answered = admin.locator('article, li, section').filter({ hasText: QUESTION }).last();
  await answered.getByLabel('Respuesta pública').fill(ANSWER);
  await answered.getByRole('button', { name: /Guardar respuesta|Publicar con respuesta/ }).first().click();
  await event.getByText(ANSWER).waitFor({ timeout: 10_000 });

  // After the forum: the page says it was held; the official publishes the memoria; the citizen sees it.
  await moveServerClockTo(new Date(`${day}T12:30:00-05:00`));
  await event.getByText('El evento terminó.').waitFor({ state: 'attached', timeout: 10_000 });
  await admin.getByRole('link', { name: 'Memoria' }).first().click();
  // Two hours idle: the session ended; signing in comes back to the same page.
  await signIn(admin);
  await admin.getByRole('heading', { name: 'Memoria del evento' }).waitFor();
  await admin.getByLabel('Texto de la memoria').fill('Asistieron 1 persona inscrita; se respondió la pregunta sobre cursos nocturnos.');
  await admin.getByRole('button', { name: 'Publicar la memoria' }).click();
  await admin.getByText('Memoria publicada en la página del evento.').waitFor();

  await citizen.reload();
  await event.getByText('se respondió la pregunta sobre cursos nocturnos', { exact: false }).waitFor();
  const figures = await event.locator('table').innerText();
  assert.match(figures, /Personas inscritas\s*1/);
  assert.match(figures, /Preguntas respondidas\s*1/);

  // The public detail agrees with the page.
  const detail = (await (await fetch(`${server.url}/api/events/${slug}`)).json()) as { results: { figures: { registered: number; questionsAnswered: number } } };
  assert.equal(detail.results.figures.registered, 1);
  assert.equal(detail.results.figures.questionsAnswered, 1);
  assert.deepEqual(cspViolations, []);
  await official.close();
  await citizen.close();
});
