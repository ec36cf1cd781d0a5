/**
 * What the end-to-end files with a staff member share: the real server (challenge and rate limits
 * on, as in production; the first admin's password from the environment) and Chromium for the
 * file's tests, a staff page that records CSP violations, and signing in on /admin's form.
 */
import { after, before } from 'node:test';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { launchChromium, startServer, type RunningServer } from './server.ts';

/** ECAM_ADMIN_PASSWORD of the server that `serverAndBrowser()` starts. */
export const ADMIN_PASSWORD = 'clave-del-admin-e2e-2026';

export interface E2e {
  server: RunningServer;
  browser: Browser;
}

/** Starts the server and Chromium before this file's tests and stops both after them. */
export function serverAndBrowser(): E2e {
  const e2e = {} as E2e;
  before(async () => {
    e2e.server = await startServer({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD });
    e2e.browser = await launchChromium();
  });
  after(async () => {
    await e2e.browser?.close();
    await e2e.server?.stop();
  });
  return e2e;
}

/** A page in a browser context of its own, with the CSP violations it reports on its console. */
export async function staffPage(browser: Browser): Promise<{ official: BrowserContext; admin: Page; cspViolations: string[] }> {
  const official = await browser.newContext();
  const admin = await official.newPage();
  const cspViolations: string[] = [];
  admin.on('console', (m: ConsoleMessage) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  return { official, admin, cspViolations };
}

/** Signs in as the first admin once /admin shows its login form. */
export async function signIn(admin: Page): Promise<void> {
  await admin.getByRole('heading', { name: 'Ingreso del personal' }).waitFor();
  await admin.getByLabel('Usuario').fill('admin');
  await admin.getByLabel('Contraseña').fill(ADMIN_PASSWORD);
  await admin.getByRole('button', { name: 'Ingresar' }).click();
}
