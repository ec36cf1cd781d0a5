/**
 * The staff page's door to `/api/admin`: same origin, the session cookie sent by the browser,
 * and the CSRF token of the session on every write (the guard in api/admin/index.ts asks for it).
 */
import type { SessionInfo } from '../../api/admin/schemas.ts';
import { ApiError, request } from '../shared/api.ts';

export { ApiError };

type Query = Record<string, string | number | boolean | undefined | null>;

/** `?a=1&b=2` from the defined, non-empty values of `query`. */
export function queryString(query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * One per page: knows the API origin and the session's CSRF token, and tells the page when the
 * session is gone (401 on any call but the login), so it can show the login again.
 */
export class AdminApi {
  /** Set at login and by `GET /session`; sent as `X-CSRF-Token` on writes. */
  csrfToken = '';

  constructor(
    readonly base: string,
    private readonly onSessionLost: () => void = () => undefined,
  ) {}

  /** The absolute URL of an admin API path (`/pqrs`), for links such as downloads. */
  url(path: string, query?: Query): string {
    return `${this.base}/api/admin${path}${queryString(query)}`;
  }

  private async call<T>(path: string, init: RequestInit, query?: Query): Promise<T> {
    try {
      return await request<T>(this.url(path, query), init);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401 && err.code === 'session') this.onSessionLost();
      throw err;
    }
  }

  get<T>(path: string, query?: Query): Promise<T> {
    return this.call<T>(path, { method: 'GET' }, query);
  }

  /** A write with a JSON body (or none). */
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { 'x-csrf-token': this.csrfToken };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return this.call<T>(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  }

  /** A multipart POST (answer attachments). */
  postForm<T>(path: string, form: FormData): Promise<T> {
    return this.call<T>(path, { method: 'POST', headers: { 'x-csrf-token': this.csrfToken }, body: form });
  }

  /** Who is signed in, or null without a valid session. */
  async session(): Promise<SessionInfo | null> {
    try {
      const s = await request<SessionInfo>(this.url('/session'));
      this.csrfToken = s.csrfToken;
      return s;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return null;
      throw err;
    }
  }

  async login(username: string, password: string): Promise<SessionInfo> {
    const s = await request<SessionInfo>(this.url('/session'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    this.csrfToken = s.csrfToken;
    return s;
  }

  async logout(): Promise<void> {
    try {
      await request<void>(this.url('/session'), { method: 'DELETE', headers: { 'x-csrf-token': this.csrfToken } });
    } finally {
      this.csrfToken = '';
    }
  }
}
