/**
 * Issue 5 end to end, as `npm start` serves it (after `npm run build`): an official signs into
 * /admin and goes available; a citizen opens the chat on the demo page and writes; the official
 * takes the conversation and answers; the citizen reads it live; the citizen's connection drops
 * and comes back without losing or repeating what was said meanwhile; the official files the chat
 * as a PQRSD and both see the radicado.
 *
 * The chat opens only on business days within office hours, so the server's clock is moved to
 * the next business day (test/e2e/clock-server.ts) and the office hours cover the whole day.
 * The citizen reaches the server through a TCP relay that the test cuts and restores: a real
 * dropped connection (Chromium's offline emulation leaves an open stream alone).
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { isBusinessDay } from '../../api/calendar/calendar.ts';
import { launchChromium, startServer, type RunningServer } from './server.ts';
import { ADMIN_PASSWORD, signIn, staffPage } from './staff.ts';

const DAY_MS = 86_400_000;

/** Whole days from today (Bogotá) to the nearest business day. */
function daysToBusinessDay(): number {
  for (let days = 0; ; days++) {
    const date = new Date(Date.now() - 5 * 3_600_000 + days * DAY_MS).toISOString().slice(0, 10);
    if (isBusinessDay(date, { closureDays: new Set() })) return days;
  }
}

/** A TCP relay to `port`: the citizen's network, which `cut()` drops (open connections too) until `restore()`. */
async function relay(port: number) {
  const sockets = new Set<net.Socket>();
  let up = true;
  const srv = net.createServer((client) => {
    if (!up) return void client.destroy();
    const upstream = net.connect(port, '127.0.0.1');
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', end);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(srv.address() as net.AddressInfo).port}`,
    cut(): void {
      up = false;
      for (const s of sockets) s.destroy();
    },
    restore(): void {
      up = true;
    },
    close: () => new Promise<void>((resolve) => srv.close(() => resolve())),
  };
}

let server: RunningServer;
let browser: Browser;
let network: Awaited<ReturnType<typeof relay>>;

before(async () => {
  server = await startServer(
    { ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD, ECAM_TEST_CLOCK_DAYS: String(daysToBusinessDay()) },
    'test/e2e/clock-server.ts',
  );
  browser = await launchChromium();
  network = await relay(Number(new URL(server.url).port));
});

after(async () => {
  await browser?.close();
  network?.cut();
  await network?.close();
  await server?.stop();
});

/** Every day, all day, as office hours: saved through the staff API from the signed-in page. */
async function openAllDay(admin: Page): Promise<void> {
  const status = await admin.evaluate(async () => {
    const { csrfToken } = (await (await fetch('/api/admin/session')).json()) as { csrfToken: string };
    const settings = (await (await fetch('/api/admin/settings')).json()) as Record<string, unknown>;
    const officeHours = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, from: '00:00', to: '23:59' }));
    const res = await fetch('/api/admin/settings', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ ...settings, officeHours }),
    });
    return res.status;
  });
  assert.equal(status, 200);
}

test('an official and a citizen chat live, survive a dropped connection, and file the chat as a PQRSD', async () => {
  // ---- The official signs in and goes available. ----
  const { admin, cspViolations } = await staffPage(browser);
  await admin.goto(`${server.url}/admin`);
  await signIn(admin);
  await admin.getByRole('heading', { name: 'Bandeja de solicitudes' }).waitFor();
  await openAllDay(admin);
  await admin.getByRole('link', { name: 'Chat', exact: true }).click();
  await admin.getByRole('heading', { name: 'Chat con la ciudadanía' }).waitFor();
  await admin.getByLabel('Disponible', { exact: true }).check();
  await admin.getByText('Conectado: recibe la fila y los mensajes al instante.').waitFor();

  // ---- The citizen opens the chat on the demo page and writes. ----
  const citizenContext = await browser.newContext();
  const site = await citizenContext.newPage();
  await site.goto(`${network.url}/`);
  const chat = site.locator('ecam-chat');
  await chat.getByRole('button', { name: 'Chat: en línea' }).click();
  await chat.getByLabel('Nombre').fill('Julián Andrés Mora');
  await chat.getByRole('textbox', { name: /Correo electrónico/ }).fill('julian.mora@example.co');
  await chat.getByRole('textbox', { name: /Tema/ }).fill('Certificado del diplomado');
  await chat.getByLabel(/Autorizo a la ECAM/).check();
  await chat.getByRole('button', { name: 'Iniciar el chat' }).click();
  await chat.getByRole('heading', { name: 'Está en la fila' }).waitFor();
  await chat.getByRole('textbox', { name: 'Su mensaje' }).fill('Buenas tardes, necesito el certificado del diplomado.');
  await chat.getByRole('textbox', { name: 'Su mensaje' }).press('Enter');
  const citizenLog = chat.getByRole('log');
  await citizenLog.getByText('Buenas tardes, necesito el certificado del diplomado.').waitFor();

  // ---- The official takes it and answers; the citizen reads it live. ----
  await admin.getByRole('button', { name: 'Tomar la conversación de Julián Andrés Mora' }).click();
  await admin.getByRole('heading', { name: 'Conversación con Julián Andrés Mora' }).waitFor();
  const staffLog = admin.getByRole('log');
  await staffLog.getByText('Buenas tardes, necesito el certificado del diplomado.').waitFor();
  // Shown in the console, the citizen's message counts as read; the official's typing shows live.
  await chat.getByText('Leído', { exact: true }).waitFor();
  await admin.getByLabel('Su respuesta').fill('Con gusto. ¿En qué fecha terminó el diplomado?');
  await chat.getByText('Administrador está escribiendo…').waitFor();
  await admin.getByLabel('Su respuesta').press('Enter');
  await citizenLog.getByText('Con gusto. ¿En qué fecha terminó el diplomado?').waitFor();

  await chat.getByRole('textbox', { name: 'Su mensaje' }).fill('En octubre de este año.');
  await chat.getByRole('textbox', { name: 'Su mensaje' }).press('Enter');
  await staffLog.getByText('En octubre de este año.').waitFor();

  // ---- The citizen's connection drops; the official keeps writing; it comes back. ----
  network.cut();
  await chat.getByText('Se perdió la conexión. Reconectando…').waitFor();
  const meanwhile = ['Ya lo busco en el sistema.', 'Lo encontré: diplomado de gestión pública, octubre.'];
  for (const body of meanwhile) {
    await admin.getByLabel('Su respuesta').fill(body);
    await admin.getByLabel('Su respuesta').press('Enter');
    await staffLog.getByText(body).waitFor();
  }
  network.restore();
  for (const body of meanwhile) await citizenLog.getByText(body).waitFor();
  await chat.getByText('Se perdió la conexión. Reconectando…').waitFor({ state: 'hidden' });
  for (const body of meanwhile) assert.equal(await citizenLog.getByText(body, { exact: true }).count(), 1, `«${body}» once`);
  assert.equal(await citizenLog.getByText('Con gusto. ¿En qué fecha terminó el diplomado?', { exact: true }).count(), 1);

  // ---- The official files the chat as a PQRSD; both see the radicado. ----
  await admin.getByLabel('Tipo de solicitud').selectOption('peticion');
  await admin.getByRole('button', { name: 'Radicar como PQRSD' }).click();
  const filed = admin.getByRole('status').filter({ hasText: /Se radicó como ECAM-\d{4}-\d{6}\. Fecha límite/ });
  await filed.waitFor();
  const radicado = /ECAM-\d{4}-\d{6}/.exec((await filed.textContent())!)![0];
  await chat.getByRole('heading', { name: 'Su conversación quedó radicada como PQRSD' }).waitFor();
  await chat.getByText(radicado).first().waitFor();
  await staffLog.getByText(radicado).waitFor();
  assert.deepEqual(cspViolations, []);

  await citizenContext.close();
});
