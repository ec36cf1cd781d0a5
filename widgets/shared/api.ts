/**
 * The widgets' door to the ECAM Participa API: where it lives and how to call it.
 */
import type { Lang } from './i18n.ts';
import { common, type Common } from './messages.ts';

/** A failed call: `status` 0 means the server could not be reached at all. */
export class ApiError extends Error {
  readonly status: number;
  /** The server's message for the citizen (Spanish), or a generic one. */
  readonly error: string;
  /** Messages per field path, e.g. `{ 'requester.email': '...' }`. */
  readonly fields: Record<string, string>;
  /** A machine-readable reason, e.g. `challenge` for a failed proof of work. */
  readonly code?: string;
  /** Seconds to wait, from the Retry-After header (429). */
  readonly retryAfter?: number;

  constructor(status: number, body: unknown, retryAfter?: number) {
    const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    const error = typeof b.error === 'string' && b.error ? b.error : defaultMessage(status);
    super(error);
    this.name = 'ApiError';
    this.status = status;
    this.error = error;
    this.fields =
      b.fields && typeof b.fields === 'object' ? (b.fields as Record<string, string>) : {};
    this.code = typeof b.code === 'string' ? b.code : undefined;
    this.retryAfter = retryAfter;
  }
}

/** The generic failure texts, in the reader's language (a widget passes its own catalog). */
type FailureTexts = Pick<Common, 'offline' | 'serverError' | 'failed'>;

function defaultMessage(status: number, t: FailureTexts = common): string {
  return status === 0 ? t.offline : status >= 500 ? t.serverError : t.failed;
}

/**
 * What to tell a person about a failed call: the server's own message (the API speaks Spanish),
 * or, for an English reader, ours (`t`) when the server could not say anything useful.
 */
export function errorText(e: ApiError, lang: Lang, t: FailureTexts): string {
  const ours = lang === 'en' && (e.status === 0 || e.status >= 500 || e.error === defaultMessage(e.status));
  return ours ? defaultMessage(e.status, t) : e.error;
}

/** Retry-After is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

export function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The API base for a widget: its `api-base` attribute when given, else the origin this code
 * was loaded from, so a webmaster only has to paste the script tag.
 */
export function apiBase(explicit?: string | null): string {
  return (explicit?.trim() || new URL(import.meta.url).origin).replace(/\/+$/, '');
}

/**
 * Fetches `url` and reads a successful answer with `read`; throws `ApiError` on a network or
 * HTTP failure (with the server's message and Retry-After), or when `read` fails halfway.
 */
export async function call<T>(url: string, init: RequestInit, read: (res: Response) => Promise<T>): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new ApiError(0, undefined);
  }
  if (!res.ok) {
    const body = parseJson(await res.text().catch(() => ''));
    throw new ApiError(res.status, body, parseRetryAfter(res.headers.get('retry-after')));
  }
  try {
    return await read(res);
  } catch {
    // The connection dropped halfway through the answer.
    throw new ApiError(0, undefined);
  }
}

/** Calls the API and returns its parsed JSON; throws `ApiError` on a network or HTTP failure. */
export function request<T>(url: string, init: RequestInit = {}): Promise<T> {
  const headers = { accept: 'application/json', ...init.headers };
  return call(url, { ...init, headers }, async (res) => parseJson(await res.text().catch(() => '')) as T);
}

/** POSTs JSON and returns the parsed answer. */
export function postJson<T>(url: string, data: unknown): Promise<T> {
  return request<T>(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(data),
  });
}

