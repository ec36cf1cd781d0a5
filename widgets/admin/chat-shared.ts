/**
 * What the chat and mailbox views share: the message log (citizen text only ever as text), the
 * waiting time in words, a pager, and `<ecam-admin-convert>`, the form that files a chat or a
 * mailbox message as a PQRSD and shows its radicado.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AdminChatDetail, ChatMessage, Converted } from '../../api/chat/schemas.ts';
import { PQRS_TYPES, type PqrsType } from '../../api/pqrs/catalog.ts';
import { formatDate, formatDateTime } from '../shared/format.ts';
import { I18nController, type Lang } from '../shared/i18n.ts';
import { chatMessages } from './chat-messages.ts';
import { pqrsMessages } from './messages-pqrs.ts';
import { AdminView, NO_ERRORS, describedBy, fieldError, formAlert, formErrors, type FormErrors } from './view.ts';

type T = (typeof chatMessages)['es'];

/** Styles of the message log and the chat panels. */
export const chatStyles = css`
  .log {
    margin: 0 0 1rem;
    padding: 0.75rem;
    max-height: 28rem;
    overflow-y: auto;
    border: 1px solid var(--ecam-border);
    border-radius: var(--ecam-radius);
    background: var(--ecam-surface);
  }
  ol.log-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  ol.log-list li {
    max-width: 46rem;
    padding: 0.5rem 0.75rem;
    border-radius: var(--ecam-radius);
    background: var(--ecam-surface);
    border: 1px solid var(--ecam-border);
  }
  ol.log-list li.staff {
    justify-self: end;
    background: var(--ecam-surface-alt);
    border-color: var(--ecam-primary);
  }
  ol.log-list li.system {
    justify-self: center;
    background: transparent;
    border: 0;
    font-style: italic;
  }
  .who {
    display: block;
    font-size: 0.875rem;
    font-weight: 600;
    color: var(--ecam-muted);
  }
  .body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .read {
    display: block;
    text-align: right;
    font-size: 0.875rem;
    color: var(--ecam-muted);
  }
`;

/** Who wrote a message, as the log shows it. */
export function authorName(m: Pick<ChatMessage, 'author' | 'name'>, citizenName: string | null, t: T): string {
  if (m.author === 'system') return t.system;
  if (m.author === 'staff') return m.name ?? t.official;
  return citizenName ?? t.citizen;
}

/** A conversation's messages as a log; `readSeq` marks the last staff message the citizen read. */
export function renderLog(
  messages: ChatMessage[],
  opts: { citizenName: string | null; label: string; t: T; lang: Lang; readSeq?: number; live?: boolean },
): TemplateResult {
  const { t, lang } = opts;
  const lastStaff = [...messages].reverse().find((m) => m.author === 'staff');
  return html`<div class="log" role="log" aria-live=${opts.live ? 'polite' : 'off'} aria-label=${opts.label} tabindex="0">
    <ol class="log-list">
    ${messages.length
      ? messages.map(
          (m) => html`<li class=${m.author}>
            <span class="who">${t.said(authorName(m, opts.citizenName, t), formatDateTime(m.at, lang))}</span>
            <span class="body">${m.body}</span>
            ${opts.readSeq !== undefined && m === lastStaff && opts.readSeq >= m.seq ? html`<span class="read">${t.read}</span>` : nothing}
          </li>`,
        )
      : html`<li class="system">${t.noMessages}</li>`}
    </ol>
  </div>`;
}

/** A list's filters as they appear in the page address (`#/buzon?estado=nuevo&q=beca&pagina=2`). */
export interface ListFilters {
  q: string;
  estado: string;
  pagina: number;
}

export function parseListFilters(params: string): ListFilters {
  const p = new URLSearchParams(params);
  const page = Number(p.get('pagina'));
  return { q: p.get('q') ?? '', estado: p.get('estado') ?? '', pagina: Number.isInteger(page) && page > 0 ? page : 1 };
}

/** The page address of a list (`#/conversaciones`) with these filters. */
export function listHref(base: string, f: ListFilters): string {
  const p = new URLSearchParams();
  if (f.q) p.set('q', f.q);
  if (f.estado) p.set('estado', f.estado);
  if (f.pagina > 1) p.set('pagina', String(f.pagina));
  const s = p.toString();
  return `${base}${s ? `?${s}` : ''}`;
}

/** The other conversations of the same e-mail, as links to their read-only transcripts. */
export function renderEarlier(earlier: AdminChatDetail['earlier'], t: T, lang: Lang): TemplateResult {
  return earlier.length
    ? html`<ul>
        ${earlier.map(
          (x) => html`<li>
            <a href="#/conversaciones/${x.id}">${t.earlierItem(formatDateTime(x.createdAt, lang), x.topic, t.stateLabel(x.state))}</a>
          </li>`,
        )}
      </ul>`
    : html`<p>${t.earlierNone}</p>`;
}

/** "hace 3 min" for a wait of `seconds`. */
export function waitedAgo(seconds: number, t: T, locale: string): string {
  if (seconds < 60) return t.justNow;
  const minutes = Math.floor(seconds / 60);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'always', style: 'short' });
  return minutes < 60 ? rtf.format(-minutes, 'minute') : rtf.format(-Math.floor(minutes / 60), 'hour');
}

/** A list's page links (`href(page)` gives each page's address); nothing for a single page. */
export function renderPager(
  list: { total: number; page: number; pageSize: number },
  href: (page: number) => string,
  label: string,
  t: Pick<T, 'pageOf' | 'prevPage' | 'nextPage'>,
): TemplateResult | typeof nothing {
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  if (pages <= 1) return nothing;
  return html`<nav class="pager" aria-label=${label}>
    <p>${t.pageOf(list.page, pages)}</p>
    <ul>
      ${list.page > 1 ? html`<li><a href=${href(list.page - 1)}>${t.prevPage}</a></li>` : nothing}
      ${list.page < pages ? html`<li><a href=${href(list.page + 1)}>${t.nextPage}</a></li>` : nothing}
    </ul>
  </nav>`;
}

/** Event `ecam-admin-converted`: a chat or mailbox message became a PQRSD. */
export class EcamAdminConvertedEvent extends CustomEvent<Converted> {
  constructor(detail: Converted) {
    super('ecam-admin-converted', { detail, bubbles: true, composed: true });
  }
}

/**
 * Files the chat or mailbox message at `path` (`/chat/conversations/3`) as a PQRSD of the type
 * chosen, and shows the radicado once there is one (given, or just filed).
 *
 * @summary Radicar como PQRSD.
 * @event ecam-admin-converted - With `{ radicado, dueDate }` after filing.
 */
export class EcamAdminConvert extends AdminView {
  static override styles = [...AdminView.styles, css`:host { display: block; }`];

  private i18n = new I18nController(this, chatMessages);
  /** The PQRSD types by name, in the page's language. */
  private pqrsI18n = new I18nController(this, pqrsMessages);

  @state() private errors: FormErrors = NO_ERRORS;
  @state() private busy = false;
  @state() private dueDate = '';

  /** The admin API path of what is converted, without `/convert`. */
  @property() path = '';
  /** The radicado it already has, if any. */
  @property() radicado: string | null = null;

  private async handleSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const form = e.currentTarget as HTMLFormElement;
    const type = String(new FormData(form).get('type') ?? '');
    this.busy = true;
    this.errors = NO_ERRORS;
    try {
      const done = await this.api.send<Converted>('POST', `${this.path}/convert`, { type });
      this.radicado = done.radicado;
      this.dueDate = done.dueDate;
      this.dispatchEvent(new EcamAdminConvertedEvent(done));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.status')?.focus();
    } catch (err) {
      this.errors = formErrors(err);
      await this.focusProblem(form, this.errors);
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    const t = this.i18n.t;
    const lang = this.i18n.lang;
    if (this.radicado) {
      return html`<div class="status" role="status" tabindex="-1">
        ${this.dueDate ? t.convertedAs(this.radicado, formatDate(this.dueDate, lang)) : html`${t.radicadoLabel}: `}
        <a href="#/solicitud/${this.radicado}" aria-label=${t.openRequest(this.radicado)}>${this.radicado}</a>
      </div>`;
    }
    const message = this.errors.fields.type;
    return html`<form novalidate aria-label=${t.convertTitle} @submit=${this.handleSubmit}>
      ${formAlert(this.errors.alert)}
      <div class="field">
        <label for="convert-type">${t.convertType}</label>
        <span class="hint" id="convert-type-hint">${t.convertHint}</span>
        ${fieldError('convert-type', message)}
        <select
          id="convert-type"
          name="type"
          aria-invalid=${message ? 'true' : 'false'}
          aria-describedby=${describedBy('convert-type', message, 'convert-type-hint')}
        >
          <option value="">${t.chooseType}</option>
          ${(Object.keys(PQRS_TYPES) as PqrsType[]).map((k) => html`<option value=${k}>${this.pqrsI18n.t.type(k)}</option>`)}
        </select>
      </div>
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${this.busy ? t.converting : t.convertSubmit}</button>
      </div>
    </form>`;
  }
}

if (!customElements.get('ecam-admin-convert')) customElements.define('ecam-admin-convert', EcamAdminConvert);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-convert': EcamAdminConvert;
  }
  interface HTMLElementEventMap {
    'ecam-admin-converted': EcamAdminConvertedEvent;
  }
}
