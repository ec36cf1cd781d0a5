import { LitElement, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { NoticesList, PublicNotice } from '../../api/notices/schemas.ts';
import { ApiError, apiBase, errorText, request } from '../shared/api.ts';
import { formStyles } from '../shared/form-styles.ts';
import { formatDate, formatWait } from '../shared/format.ts';
import { I18nController } from '../shared/i18n.ts';
import { tokens } from '../shared/styles.ts';
import { avisosStyles } from './avisos.styles.ts';
import { messages } from './messages.ts';

/**
 * The notices the entity publishes on its website (Ley 1437 de 2011, art. 69): answers it could
 * not deliver and answers to anonymous requests, without personal data, each shown for 5 business
 * days. Lists the current ones and finds one by radicado. The text is plain text (never HTML).
 *
 * @summary Avisos de notificación y respuestas a solicitudes anónimas.
 *
 * @csspart form - The search by radicado.
 * @csspart button - Every button.
 * @csspart status - The live region that says how many notices there are or what a search found.
 * @csspart alert - Connection and search errors.
 * @csspart list - The list of notices.
 * @csspart notice - Each notice.
 * @csspart text - The text of a notice.
 *
 * @cssproperty --ecam-primary - Buttons, links and focus accents (default #3366CC).
 * @cssproperty --ecam-primary-contrast - Text on primary buttons (default #fff).
 * @cssproperty --ecam-text - Body text (default #4B4B4B).
 * @cssproperty --ecam-heading - Headings (default #004884).
 * @cssproperty --ecam-error - Error messages (default #A80521).
 * @cssproperty --ecam-font-family - Typeface (default "Work Sans", system-ui, sans-serif).
 * @cssproperty --ecam-radius - Corner radius (default 5px).
 * @cssproperty --ecam-surface - Background (default #fff).
 * @cssproperty --ecam-border - Edges of the notices and controls (default #767676).
 * @attr theme - `light` or `dark` pins that theme; without it the widget follows the visitor's system (prefers-color-scheme).
 * @attr lang - `es` (Spanish, the default) or `en` (English); without it, the nearest `lang` of the page (`<html lang>`).
 */
export class EcamAvisos extends LitElement {
  static override styles = [tokens, formStyles, avisosStyles];
  // Declared here rather than with decorators (their helpers cost every page bytes; see tracker.ts).
  static override properties: PropertyDeclarations = {
    list: { attribute: false },
    query: { attribute: false },
    searched: { attribute: false },
    fieldError: { attribute: false },
    alert: { attribute: false },
    loading: { attribute: false },
    apiBase: { attribute: 'api-base' },
  };

  private i18n = new I18nController(this, messages);

  private list?: NoticesList;
  /** What is typed in the search field. */
  private query = '';
  /** The radicado the shown list was searched for; empty for the whole list. */
  private searched = '';
  private fieldError = '';
  private alert = '';
  private loading = false;
  /** Loads started; a newer one makes the answer of an older one stale. */
  private loads = 0;

  /** Origin of the ECAM Participa API; defaults to the server the widget was loaded from. */
  apiBase?: string;

  /** Renders only once the texts in the element's language are here (English is fetched). */
  protected override scheduleUpdate(): void | Promise<void> {
    return this.i18n.whenReady(() => super.scheduleUpdate());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.list && !this.loading) void this.load('');
  }

  private handleInput(e: Event): void {
    this.query = (e.target as HTMLInputElement).value;
    this.fieldError = '';
  }

  private handleSubmit(e: SubmitEvent): void {
    e.preventDefault();
    const radicado = this.query.trim().toUpperCase();
    if (!radicado) {
      this.fieldError = this.i18n.t.required;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#radicado')?.focus());
      return;
    }
    void this.load(radicado);
  }

  private handleShowAll(): void {
    this.query = '';
    void this.load('');
  }

  private handleRetry(): void {
    void this.load(this.searched);
  }

  /** Fetches the current notices, or the one of `radicado`. */
  private async load(radicado: string): Promise<void> {
    const load = ++this.loads;
    this.loading = true;
    this.alert = '';
    this.fieldError = '';
    const query = radicado ? `?radicado=${encodeURIComponent(radicado)}` : '';
    try {
      const list = await request<NoticesList>(`${apiBase(this.apiBase)}/api/notices${query}`);
      if (load !== this.loads) return;
      this.list = list;
      this.searched = radicado;
    } catch (err) {
      if (load !== this.loads) return;
      const e = err instanceof ApiError ? err : new ApiError(0, undefined);
      const { t, lang } = this.i18n;
      if (e.status === 400 && e.fields.radicado) this.fieldError = e.fields.radicado;
      else this.alert = e.status === 429 ? t.tooMany(e.retryAfter ? formatWait(e.retryAfter, lang) : t.fewMinutes) : errorText(e, lang, t);
      this.searched = radicado;
    } finally {
      if (load === this.loads) this.loading = false;
    }
  }

  /** What the live region says: loading, how many, or what a search found. */
  private statusText(): string {
    const t = this.i18n.t;
    if (this.loading) return t.loading;
    if (!this.list || this.alert) return '';
    const n = this.list.items.length;
    if (this.searched) return n ? t.found(this.searched) : t.notFound(this.searched);
    return t.count(n);
  }

  private renderNotice(n: PublicNotice): TemplateResult {
    const { t, lang } = this.i18n;
    const id = `aviso-${n.radicado}`;
    return html`<li>
      <article part="notice" aria-labelledby=${id}>
        <h3 id=${id}>${t.title(n.kind, n.radicado)}</h3>
        <dl>
          <dt>${t.typeLabel}</dt>
          <dd>${t.type(n.type, n.typeLabel)}</dd>
          <dt>${t.kindLabel}</dt>
          <dd>${t.kind(n.kind, n.kindLabel)}</dd>
          <dt>${t.publishedOn}</dt>
          <dd>${formatDate(n.publishedOn, lang)}</dd>
          <dt>${t.removalOn}</dt>
          <dd>${formatDate(n.removalOn, lang)}</dd>
          ${n.kind === 'aviso'
            ? html`<dt>${t.notifiedOn}</dt>
                <dd>${formatDate(n.notifiedOn, lang)} <span class="hint">${t.notifiedHint}</span></dd>`
            : nothing}
        </dl>
        <p class="label" id="${id}-text">${t.textLabel}</p>
        <p class="text" part="text">${n.text}</p>
      </article>
    </li>`;
  }

  override render(): TemplateResult {
    const t = this.i18n.t;
    const items = this.alert ? [] : (this.list?.items ?? []);
    const error = this.fieldError;
    return html`<form part="form" role="search" aria-label=${t.searchLabel} novalidate @submit=${this.handleSubmit}>
        <label for="radicado">${t.radicado}</label>
        <p class="hint" id="radicado-hint">${t.radicadoHint(new Date().getFullYear())}</p>
        ${error
          ? html`<p class="error-message" id="radicado-error"><span class="visually-hidden">${t.error}</span> ${error}</p>`
          : nothing}
        <div class="row">
          <input
            id="radicado"
            name="radicado"
            type="text"
            .value=${this.query}
            maxlength="40"
            autocomplete="off"
            spellcheck="false"
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? 'radicado-hint radicado-error' : 'radicado-hint'}
            @input=${this.handleInput}
          />
          <button type="submit" class="primary" part="button">${t.search}</button>
          ${this.searched
            ? html`<button type="button" part="button" @click=${this.handleShowAll}>${t.showAll}</button>`
            : nothing}
        </div>
      </form>
      <p part="status" role="status" aria-live="polite">${this.statusText()}</p>
      <div class="alert ${this.alert ? 'shown' : ''}" part="alert" role="alert">${this.alert}</div>
      ${this.alert ? html`<div><button type="button" part="button" @click=${this.handleRetry}>${t.retry}</button></div>` : nothing}
      ${items.length ? html`<ul part="list" aria-label=${t.listLabel}>${items.map((n) => this.renderNotice(n))}</ul>` : nothing}`;
  }
}

if (!customElements.get('ecam-avisos')) customElements.define('ecam-avisos', EcamAvisos);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-avisos': EcamAvisos;
  }
}
