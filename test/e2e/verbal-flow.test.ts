/**
 * A verbal petition end to end, on the real server with a real SMTP sink: an official signs in
 * at /admin, files what a citizen says on the phone, sees the constancia at once and downloads
 * its PDF; the citizen gets the constancia by e-mail and follows the request in <ecam-tracker>
 * on the demo page with the code from that e-mail.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { PDFParse } from 'pdf-parse';
import type { Browser } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { track } from './citizen.ts';
import { launchChromium, startServer, type RunningServer } from './server.ts';
import { ADMIN_PASSWORD, signIn, staffPage } from './staff.ts';

/** A message as the SMTP sink received it: recipient and decoded text. */
interface Received {
  to: string;
  text: string;
}

/** The text of a single-part message (quoted-printable or 8-bit, as nodemailer writes it). */
function decode(raw: string): string {
  const [headers, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (!/quoted-printable/i.test(headers!)) return body;
  const bytes = body
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

const received: Received[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, done) {
    let raw = '';
    stream.on('data', (c: Buffer) => (raw += c.toString('latin1')));
    stream.on('end', () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), text: decode(raw) });
      done();
    });
  },
});

let server: RunningServer;
let browser: Browser;

before(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as { port: number }).port;
  server = await startServer({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD, SMTP_URL: `smtp://127.0.0.1:${port}` });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise<void>((resolve) => smtp.close(resolve));
});

test('staff file a verbal petition, the constancia is shown and downloads as PDF, the citizen tracks it with the e-mailed code', async () => {
  const { official, admin, cspViolations } = await staffPage(browser);
  await admin.goto(`${server.url}/admin`);
  await signIn(admin);
  await admin.getByRole('link', { name: 'Radicar petición verbal' }).click();
  await admin.getByRole('heading', { name: 'Radicar petición verbal' }).waitFor();

  // The official types while the citizen talks on the phone.
  await admin.getByLabel('Verbal telefónica').check();
  await admin.getByLabel('Tipo de solicitud').selectOption('informacion');
  const requester = admin.getByRole('group', { name: 'Solicitante' });
  await requester.getByLabel('Nombre completo').fill('Martín Alonso Ortíz Peña');
  await requester.getByLabel('Tipo de documento').selectOption('CC');
  await requester.getByLabel('Número de documento').fill('1.098.222.333');
  const address = admin.getByRole('group', { name: 'Dirección para la respuesta' });
  await address.getByLabel('Correo electrónico').fill('martin.ortiz@example.co');
  await address.getByLabel('Teléfono').fill('607 634 5566');
  await admin.getByLabel('Objeto de la petición').fill('Copia del acta de la audiencia de rendición de cuentas de 2026.');
  await admin.getByLabel('Razones en que se fundamenta').fill('Soy veedor ciudadano y hago seguimiento a los compromisos de la entidad.');
  await admin.getByLabel(/autorizó el tratamiento de sus datos/).check();
  await admin.getByLabel(/Declaro que esta petición se presentó verbalmente/).check();
  await admin.getByRole('button', { name: 'Radicar petición verbal' }).click();

  // The constancia at once, with the code to read out on the phone.
  await admin.getByRole('heading', { name: 'Constancia de radicación de petición verbal' }).waitFor();
  const constancia = admin.locator('ecam-admin-verbal .constancia');
  const shown = (await constancia.innerText()).replace(/\s+/g, ' ');
  const radicado = /ECAM-\d{4}-\d{6}/.exec(shown)![0];
  const code = (await constancia.locator('.code').innerText()).trim();
  assert.match(code, /^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  for (const expected of ['Verbal telefónica', 'Solicitud de información', 'Martín Alonso Ortíz Peña', 'Cédula de ciudadanía 1.098.222.333', 'martin.ortiz@example.co', 'Copia del acta de la audiencia', 'Soy veedor ciudadano', 'Administrador (admin)', 'presentada verbalmente, por vía telefónica']) {
    assert.ok(shown.includes(expected), `the constancia shows «${expected}»`);
  }
  await admin.getByRole('button', { name: 'Imprimir' }).waitFor();
  await admin.getByText(`La constancia, con el código, se envió a martin.ortiz@example.co.`).waitFor();

  // The PDF downloads, and reads back with every field (not the code: see the constancia module).
  const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: 'Descargar PDF' }).click()]);
  assert.equal(download.suggestedFilename(), `constancia-${radicado}.pdf`);
  const parser = new PDFParse({ data: fs.readFileSync((await download.path())!) });
  const pdf = (await parser.getText()).text.replace(/\s+/g, ' ');
  await parser.destroy();
  for (const expected of [radicado, 'Martín Alonso Ortíz Peña', 'Verbal telefónica', 'Copia del acta de la audiencia', 'Administrador', 'presentada verbalmente']) {
    assert.ok(pdf.includes(expected), `the PDF shows «${expected}»`);
  }
  assert.ok(!pdf.includes(code));
  assert.deepEqual(cspViolations, []);
  await official.close();

  // The e-mail reaches the citizen with the constancia and the code.
  const deadline = Date.now() + 20_000;
  while (!received.some((m) => m.text.includes(radicado)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const mail = received.find((m) => m.text.includes(radicado));
  assert.ok(mail, 'the constancia was e-mailed');
  assert.equal(mail.to, 'martin.ortiz@example.co');
  assert.ok(mail.text.includes('Se deja constancia expresa de que esta petición fue presentada verbalmente'));
  const mailedCode = /Código de seguimiento: ([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4})/.exec(mail.text)?.[1];
  assert.equal(mailedCode, code);

  // The citizen follows it on the entity's page with the code from the e-mail.
  const citizen = await browser.newPage();
  await citizen.goto(`${server.url}/`);
  const tracker = citizen.locator('ecam-tracker');
  await track(tracker, radicado, mailedCode!);
  await tracker.getByText(radicado).first().waitFor();
  await tracker.getByText('Radicada', { exact: false }).first().waitFor();
  await citizen.close();
});
