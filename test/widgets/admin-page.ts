/**
 * What the staff page's browser tests share: calls to the real API (through the test server's
 * proxy, the session cookie kept by the browser) and ways to reach into <ecam-admin>'s views.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ChallengeResponse } from '../../api/challenge/routes.ts';
import type { PqrsCreated } from '../../api/pqrs/schemas.ts';
import '../../widgets/admin/admin.ts';
import type { EcamAdmin } from '../../widgets/admin/admin.ts';
import { ADMIN_PASSWORD, WAIT, json, sendJson, staffLogin, text } from './helpers.ts';
import { solveChallenge } from '../../widgets/shared/pow.ts';

export { ADMIN_PASSWORD, WAIT, json, text };
/** Logs in through the API (the browser keeps the cookie); resolves to the CSRF token and user id. */
export const apiLogin = staffLogin;

/** Ends this browser's staff session, if any. */
export async function apiLogout(): Promise<void> {
  const res = await fetch('/api/admin/session');
  if (res.status !== 200) return;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  await fetch('/api/admin/session', { method: 'DELETE', headers: { 'x-csrf-token': csrfToken } });
}

/** A JSON POST as staff, checked against `status`. */
export function apiPost<T>(csrfToken: string, path: string, body: unknown, status = 200): Promise<T> {
  return sendJson<T>(csrfToken, 'POST', path, body, status);
}

/** Files a PQRSD as a citizen through `POST /api/pqrs` (JSON), solving the proof of work like the form does. */
export async function filePqrs(body: Record<string, unknown>): Promise<PqrsCreated> {
  const c = await json<ChallengeResponse>(await fetch('/api/challenge'));
  const altcha = c.enabled ? await solveChallenge({ ...c, maxnumber: c.maxnumber ?? 1_000_000 }) : undefined;
  const res = await fetch('/api/pqrs', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...body, ...(altcha ? { altcha } : {}) }),
  });
  return json<PqrsCreated>(res, 201);
}

// ---- The page ------------------------------------------------------------------------------

/** The view inside <ecam-admin>'s main (an `ecam-admin-*` element), if any. */
export function view(el: EcamAdmin): HTMLElement | undefined {
  const main = el.shadowRoot!.querySelector('main');
  return Array.from(main?.children ?? []).find((c) => c.localName.startsWith('ecam-admin-')) as HTMLElement | undefined;
}

/** An element inside the current view's shadow root. */
export function v<T extends Element = HTMLElement>(el: EcamAdmin, selector: string): T | null {
  return (view(el)?.shadowRoot?.querySelector(selector) as T | null) ?? null;
}

export function vAll(el: EcamAdmin, selector: string): Element[] {
  return Array.from(view(el)?.shadowRoot?.querySelectorAll(selector) ?? []);
}

/** The focused element, through shadow roots. */
export function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/**
 * Waits until the element at `selector` in the view has the focus. (Never `expect(element)`:
 * a failed assertion holding a DOM node cannot be sent back to the test runner.)
 */
export async function waitForFocus(el: EcamAdmin, selector: string): Promise<void> {
  await waitUntil(() => v(el, selector) && deepActive() === v(el, selector), `${selector} never got the focus`, WAIT);
}

/**
 * Submits a date range that ends before it starts (fields `#${prefix}-from` and `#${prefix}-to`)
 * and checks what the view says: the error next to «Hasta», the focus on that field, and axe.
 */
export async function submitWrongRange(el: EcamAdmin, prefix: string, submit: string, from: string, to: string): Promise<void> {
  fill(v(el, `#${prefix}-from`), from);
  fill(v(el, `#${prefix}-to`), to);
  click(v(el, submit));
  await waitUntil(() => text(v(el, `#${prefix}-to-error`)), 'no error for the range', WAIT);
  expect(text(v(el, `#${prefix}-to-error`))).to.equal('Error: Hasta: debe ser igual o posterior a «Desde».');
  await waitForFocus(el, `#${prefix}-to`);
  await expect(el).to.be.accessible();
}

export async function waitForView(el: EcamAdmin, tag: string): Promise<void> {
  await waitUntil(() => view(el)?.localName === tag && view(el)!.shadowRoot, `${tag} never appeared`, WAIT);
  await (view(el) as unknown as { updateComplete: Promise<unknown> }).updateComplete;
}

/** Mounts the page at `hash` and waits until it knows whether someone is signed in. */
export async function openPage(hash: string): Promise<EcamAdmin> {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  const el = await fixture<EcamAdmin>(html`<ecam-admin></ecam-admin>`);
  // Until then it says «Cargando…» under a heading of its own.
  const own = () => text(el.shadowRoot!.querySelector('main > div > h1'));
  await waitUntil(() => view(el) || (own() && own() !== 'Administración'), 'the page never showed a view', WAIT);
  return el;
}

/** Types into a control the way the browser reports it: value, then input and change events. */
export function fill(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null, value: string): void {
  if (!control) throw new Error('no such control');
  control.value = value;
  control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

export function click(node: Element | null): void {
  if (!node) throw new Error('nothing to click');
  (node as HTMLElement).click();
}

/** Presses Tab until the focused element matches, as a keyboard user would. */
export async function tabTo(match: (el: Element) => boolean, what: string, max = 60): Promise<Element> {
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    const a = deepActive();
    if (a && match(a)) return a;
  }
  throw new Error(`Tab never reached ${what}`);
}
