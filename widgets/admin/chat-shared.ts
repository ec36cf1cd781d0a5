/**
 * What the chat and mailbox views share: the message log (citizen text only ever as text), the
 * waiting time in words, the list-and-item view (`ListDetailView`), and `<ecam-admin-convert>`,
 * the form that files a chat or a mailbox message as a PQRSD and shows its radicado.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AdminChatDetail, ChatMessage, Converted } from '../../api/chat/schemas.ts';
import { PQRS_TYPES, type PqrsType } from '../../api/pqrs/catalog.ts';
import { formatDate, formatDateTime } from '../shared/format.ts';
import { I18nController, type Lang } from '../shared/i18n.ts';
import { chatMessages } from './chat-messages.ts';
import { pqrsMessages } from './messages-pqrs.ts';
import { AdminView, NO_ERRORS, describedBy, errorMessage, fieldError, formAlert, formErrors, renderPager, type FormErrors } from './view.ts';

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

/** What a list view says around its table: the filter form, the count, the pager's label. */
export interface ListWords<S extends string> {
  filterLabel: string;
  search: string;
  searchHint: string;
  state: string;
  allStates: string;
  stateLabel: (s: S) => string;
  filter: string;
  clearFilters: string;
  found: (n: number) => string;
  pages: string;
}

/**
 * A list with its filters in the page address (`#/buzon?estado=nuevo&q=beca&pagina=2`) and one of
 * its items (`#/buzon/12`): loads whichever is shown (the last call asked wins), and renders the
 * filter form, the count and the pager. The subclass renders the table and the item.
 */
export abstract class ListDetailView<L extends { total: number; page: number; pageSize: number }, D> extends AdminView {
  @state() protected list?: L;
  @state() protected detail?: D;
  @state() protected loading = false;
  @state() protected error = '';

  /** The filters, as the query part of the page address (`q=certificado&estado=closed`). */
  @property() params = '';

  /** The list's page address (`#/buzon`). */
  protected abstract readonly href: string;
  /** The list's staff API path (`/mailbox`); an item is at `/mailbox/12`. */
  protected abstract readonly path: string;
  /** The id of the item shown; 0 for the list. */
  protected abstract get itemId(): number;

  private loadSeq = 0;
  /** The list page or item last loaded (`12?` or `0?estado=nuevo`). */
  private shown = '';

  protected override willUpdate(): void {
    const shown = `${this.itemId}?${this.params}`;
    if (shown === this.shown) return;
    this.shown = shown;
    this.opened();
    void this.load();
  }

  /** Called when another list page or item is opened, before it loads. */
  protected opened(): void {}

  /** Fetches the item shown again (after it changed on the server). */
  protected async reloadDetail(): Promise<void> {
    this.detail = await this.api.get<D>(`${this.path}/${this.itemId}`);
  }

  private async load(): Promise<void> {
    const seq = ++this.loadSeq;
    this.loading = true;
    this.error = '';
    try {
      if (this.itemId) {
        const detail = await this.api.get<D>(`${this.path}/${this.itemId}`);
        if (seq === this.loadSeq) this.detail = detail;
      } else {
        const f = parseListFilters(this.params);
        const list = await this.api.get<L>(this.path, { q: f.q.trim(), state: f.estado, page: f.pagina });
        if (seq === this.loadSeq) this.list = list;
      }
    } catch (err) {
      if (seq === this.loadSeq) {
        this.list = this.detail = undefined;
        this.error = errorMessage(err);
      }
    } finally {
      if (seq === this.loadSeq) this.loading = false;
    }
  }

  private handleFilter(e: SubmitEvent): void {
    e.preventDefault();
    const d = new FormData(e.currentTarget as HTMLFormElement);
    const href = listHref(this.href, { q: String(d.get('q') ?? '').trim(), estado: String(d.get('estado') ?? ''), pagina: 1 });
    if (location.hash === href || (href === this.href && !this.params)) void this.load();
    else location.hash = href;
  }

  /** The filter form (ids `${prefix}-q`, `${prefix}-estado`), the count and the error of the list. */
  protected renderFilters<S extends string>(prefix: string, states: readonly S[], t: ListWords<S>): TemplateResult {
    const f = parseListFilters(this.params);
    return html`<form class="filters" role="search" aria-label=${t.filterLabel} @submit=${this.handleFilter}>
        <div class="field">
          <label for="${prefix}-q">${t.search}</label>
          <input id="${prefix}-q" name="q" type="search" maxlength="200" .value=${f.q} aria-describedby="${prefix}-q-hint" />
          <span class="hint" id="${prefix}-q-hint">${t.searchHint}</span>
        </div>
        <div class="field">
          <label for="${prefix}-estado">${t.state}</label>
          <select id="${prefix}-estado" name="estado">
            <option value="">${t.allStates}</option>
            ${states.map((s) => html`<option value=${s} ?selected=${f.estado === s}>${t.stateLabel(s)}</option>`)}
          </select>
        </div>
        <div class="actions">
          <button type="submit" class="primary">${t.filter}</button>
          <a class="button" href=${this.href}>${t.clearFilters}</a>
        </div>
      </form>
      <p role="status" aria-live="polite">${this.loading ? this.words.t.loading : this.list ? t.found(this.list.total) : ''}</p>
      <div class="alert" role="alert">${this.error}</div>`;
  }

  /** The list's page links. */
  protected renderListPager(list: L, t: Pick<ListWords<string>, 'pages'>): TemplateResult | typeof nothing {
    const f = parseListFilters(this.params);
    return renderPager(list, (p) => listHref(this.href, { ...f, pagina: p }), t.pages);
  }

  /** "Cargando…" while the item shown loads, unless it failed. */
  protected renderDetailLoading(): TemplateResult | typeof nothing {
    return this.error ? nothing : html`<p role="status">${this.words.t.loading}</p>`;
  }
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
