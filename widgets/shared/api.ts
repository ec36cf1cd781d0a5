/**
 * The widgets' door to the ECAM Participa API: where it lives and how to call it.
 */

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

function defaultMessage(status: number): string {
  if (status === 0) return 'No pudimos conectar con el servidor.';
  if (status >= 500) return 'El servidor tuvo un problema. Intente de nuevo en unos minutos.';
  return 'La solicitud no pudo procesarse.';
}

/** Retry-After is either seconds or an HTTP date. */
function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function parseJson(text: string): unknown {
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

/** Calls the API and returns its parsed JSON; throws `ApiError` on a network or HTTP failure. */
export async function request<T>(url: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      ...init,
      headers: { accept: 'application/json', ...init.headers },
    });
  } catch {
    throw new ApiError(0, undefined);
  }
  const body = parseJson(await res.text().catch(() => ''));
  if (!res.ok) throw new ApiError(res.status, body, parseRetryAfter(res.headers.get('retry-after')));
  return body as T;
}

/** POSTs JSON and returns the parsed answer. */
export function postJson<T>(url: string, data: unknown): Promise<T> {
  return request<T>(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(data),
  });
}

/**
 * POSTs a multipart form with XMLHttpRequest, the only browser API that reports upload
 * progress; `onProgress` receives a fraction between 0 and 1.
 */
export function upload<T>(url: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ApiError(xhr.status, body, parseRetryAfter(xhr.getResponseHeader('retry-after'))));
    };
    xhr.onerror = xhr.onabort = xhr.ontimeout = () => reject(new ApiError(0, undefined));
    xhr.send(form);
  });
}

/**
 * POSTs JSON and returns the answer's body as a file (a download authorised by what is in the
 * body, so secrets never go in the URL); throws `ApiError` like `request`.
 */
export async function postForBlob(url: string, data: unknown): Promise<Blob> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { accept: '*/*', 'content-type': 'application/json' },
      body: JSON.stringify(data),
    });
  } catch {
    throw new ApiError(0, undefined);
  }
  if (!res.ok) {
    const body = parseJson(await res.text().catch(() => ''));
    throw new ApiError(res.status, body, parseRetryAfter(res.headers.get('retry-after')));
  }
  try {
    return await res.blob();
  } catch {
    // The connection dropped halfway through the file.
    throw new ApiError(0, undefined);
  }
}
