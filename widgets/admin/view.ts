/**
 * What every view of the staff page shares: the API client and the signed-in user (given by
 * `<ecam-admin>`), focus on the heading when the view is opened, and the way errors are told.
 */
import { LitElement, html, nothing, type CSSResult, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { StaffUserWire } from '../../api/admin/schemas.ts';
import { errorText } from '../shared/api.ts';
import { formatWait } from '../shared/format.ts';
import { tokens } from '../shared/styles.ts';
import { adminStyles } from './admin.styles.ts';
import { ApiError, type AdminApi } from './api.ts';
import { I18nController } from '../shared/i18n.ts';
import { adminText, messages, pageLang } from './messages.ts';

/** A form's messages: a general one, and one per field path as the API names them. */
export interface FormErrors {
  alert: string;
  fields: Record<string, string>;
}

export const NO_ERRORS: FormErrors = { alert: '', fields: {} };

/** The message a person should read for a failed call (the server's own words stay Spanish). */
export function errorMessage(err: unknown): string {
  const e = err instanceof ApiError ? err : new ApiError(0, undefined);
  const lang = pageLang();
  const t = adminText();
  if (e.status === 0) return t.offline;
  if (e.status === 401 && e.code === 'session') return t.sessionOver;
  if (e.status === 429 && e.retryAfter && !/Intente de nuevo/.test(e.error)) {
    return `${e.error} ${t.wait(formatWait(e.retryAfter, lang))}`;
  }
  return errorText(e, lang, t);
}

/** A failed call as form errors: field messages next to their fields, the rest on top. */
export function formErrors(err: unknown): FormErrors {
  const fields = err instanceof ApiError ? err.fields : {};
  return { alert: errorMessage(err), fields };
}

/** The base of the views: `api` and `user` are set by `<ecam-admin>`. */
export class AdminView extends LitElement {
  static override styles: CSSResult[] = [tokens, adminStyles];

  /** The staff page's common texts in its language (`<html lang>`); re-renders when it changes. */
  protected readonly words = new I18nController(this, messages);

  /** The staff API client of the page. */
  @property({ attribute: false }) api!: AdminApi;

  /** Who is signed in. */
  @property({ attribute: false }) user!: StaffUserWire;

  /** Moves the focus to the view's heading, as a page load would for a screen reader. */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  /** Focuses the first field with an error, else the form's message. */
  protected async focusProblem(form: HTMLFormElement | null | undefined, errors: FormErrors): Promise<void> {
    await this.updateComplete;
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid && Object.keys(errors.fields).length) invalid.focus();
    else form?.querySelector<HTMLElement>('.alert')?.focus();
  }
}

/** The id of a field's error message. */
export const errorId = (id: string) => `${id}-error`;

/** The error message of a field, if any, with an id its control points at. */
export function fieldError(id: string, message: string | undefined): TemplateResult | typeof nothing {
  return message
    ? html`<p class="error-message" id=${errorId(id)}><span class="visually-hidden">${adminText().error}</span> ${message}</p>`
    : nothing;
}

/** `aria-describedby` for a control: its hint and its error, when present. */
export function describedBy(id: string, message: string | undefined, hint?: string): string | typeof nothing {
  const ids = [hint, message ? errorId(id) : ''].filter(Boolean).join(' ');
  return ids || nothing;
}

/** The message box on top of a form: an alert, focusable so it can be announced and reached. */
export function formAlert(message: string): TemplateResult {
  return html`<div class="alert" role="alert" tabindex="-1">${message}</div>`;
}

/** A list's page links (`href(page)` gives each page's address); nothing for a single page. */
export function renderPager(
  list: { total: number; page: number; pageSize: number },
  href: (page: number) => string,
  label: string,
): TemplateResult | typeof nothing {
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  if (pages <= 1) return nothing;
  const t = adminText();
  return html`<nav class="pager" aria-label=${label}>
    <p>${t.pageOf(list.page, pages)}</p>
    <ul>
      ${list.page > 1 ? html`<li><a href=${href(list.page - 1)}>${t.previousPage}</a></li>` : nothing}
      ${list.page < pages ? html`<li><a href=${href(list.page + 1)}>${t.nextPage}</a></li>` : nothing}
    </ul>
  </nav>`;
}
