/**
 * What the browser tests share: reading the API's answers and a staff session against the test
 * server of web-test-runner.config.mjs (proxied at /api).
 */
import { expect } from '@open-wc/testing';

export const WAIT = { timeout: 20_000, interval: 20 };
/** ECAM_ADMIN_PASSWORD of the test server (web-test-runner.config.mjs). */
export const ADMIN_PASSWORD = 'clave-admin-de-prueba';

/** The parsed body of `res`, after checking its status (the body is in the failure message). */
export async function json<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  expect(res.status, text).to.equal(status);
  return JSON.parse(text) as T;
}

/** Logs in through the API; the browser keeps the session cookie. Returns the CSRF token and user id. */
export async function staffLogin(username = 'admin', password = ADMIN_PASSWORD): Promise<{ csrfToken: string; id: number }> {
  const res = await fetch('/api/admin/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = await json<{ csrfToken: string; user: { id: number } }>(res);
  return { csrfToken: body.csrfToken, id: body.user.id };
}

/** A JSON call with the session's CSRF token, checked against `status`. */
export async function sendJson<T>(csrfToken: string, method: string, path: string, body?: unknown, status = 200): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: { 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return json<T>(res, status);
}

let admin: Promise<{ csrfToken: string; id: number }> | undefined;

/** A JSON call as staff (logged in once per page as the first admin), checked against `status`. */
export async function staffCall<T>(method: string, path: string, body?: unknown, status = 200): Promise<T> {
  admin ??= staffLogin();
  return sendJson<T>((await admin).csrfToken, method, path, body, status);
}

/** Answers a survey through the public API as a new browser would: a token, then the answers. */
export async function answerSurvey(slug: string, answers: Record<string, unknown>): Promise<void> {
  const { token } = await json<{ token: string }>(await fetch(`/api/surveys/${slug}/token`, { method: 'POST' }), 201);
  const res = await fetch(`/api/surveys/${slug}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ answers, token }),
  });
  await json(res, 201);
}

/** Normalised text of a node, as a person reads it. */
export function text(node: Element | null | undefined): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}
