import { LitElement, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { TrackResult } from '../../api/pqrs/workflow-schemas.ts';
import { ApiError, apiBase, errorText, postJson } from '../shared/api.ts';
import { surveyKey } from '../shared/draft.ts';
import { postForBlob, saveBlob } from '../shared/download.ts';
import { EcamTrackedEvent } from '../shared/events/ecam-tracked.ts';
import { formStyles } from '../shared/form-styles.ts';
import { bogotaDate, formatBytes, formatDate, formatDateTime, formatWait } from '../shared/format.ts';
import { I18nController } from '../shared/i18n.ts';
import { tokens } from '../shared/styles.ts';
import { messages } from './messages.ts';
import { trackerStyles } from './tracker.styles.ts';

type Field = 'radicado' | 'code';
type Attachment = NonNullable<TrackResult['answer']>['attachments'][number];

const FIELDS: Field[] = ['radicado', 'code'];
/** The names `<ecam-pqrs>` writes in the tracking link's fragment. */
const FRAGMENT_KEYS: Record<string, Field> = { radicado: 'radicado', codigo: 'code' };

const fid = (field: Field) => `t-${field}`;

/**
 * Splits a fragment such as `#seguimiento&radicado=ECAM-2026-000001&codigo=ABCD-EFGH-JKMN`
 * into the tracking values and what remains of it (`seguimiento`), which belongs to the page.
 */
function readFragment(hash: string): { values: Partial<Record<Field, string>>; rest: string } {
  const values: Partial<Record<Field, string>> = {};
  const rest: string[] = [];
  for (const part of hash.replace(/^#/, '').split('&')) {
    if (!part) continue;
    const [key, value] = Array.from(new URLSearchParams(part))[0] ?? ['', ''];
    const field = FRAGMENT_KEYS[key];
    if (field && part.includes('=')) values[field] = value.trim();
    else rest.push(part);
  }
  return { values, rest: rest.join('&') };
}

/**
 * Where a citizen's PQRSD stands: looked up with its radicado and tracking code (no account),
 * with the state in plain Spanish, the due date and business days left, the public timeline,
 * and the entity's answer with its attachments.
 *
 * The tracking code is never an attribute: it is typed by the citizen or read once from the
 * link `<ecam-pqrs>` gives (`#radicado=…&codigo=…`), then removed from the address bar.
 *
 * @summary Consulta del estado y la respuesta de una PQRSD.
 *
 * @event ecam-tracked - A request was found and is shown; `event.detail` holds `{ radicado, state }`.
 *
 * @csspart form - The lookup form.
 * @csspart field - Each field wrapper (label, hint, control, message).
 * @csspart error - A message next to a field.
 * @csspart alert - Lookup, connection and download messages.
 * @csspart button - Every button.
 * @csspart submit - The lookup button.
 * @csspart status - The section showing the request once found.
 * @csspart heading - The heading of that section (it receives the focus).
 * @csspart state - The current state and what it means.
 * @csspart details - The list with radicado, type, dates and due date.
 * @csspart days-left - The business days left, or how long ago the due date passed.
 * @csspart notice - Transfer, extension, completion and published-answer notices.
 * @csspart answer - The entity's answer.
 * @csspart answer-text - The text of the answer.
 * @csspart attachments - The list of the answer's files.
 * @csspart download - Each file's download button.
 * @csspart satisfaction - The invitation to the satisfaction survey (once the request is answered).
 * @csspart timeline - The ordered list of what happened, oldest first.
 * @csspart event - Each entry of the timeline.
 * @csspart another - The "Consultar otra solicitud" button.
 *
 * @cssproperty --ecam-primary - Buttons, links and focus accents (default #3366CC).
 * @cssproperty --ecam-primary-contrast - Text on primary buttons (default #fff).
 * @cssproperty --ecam-text - Body text (default #4B4B4B).
 * @cssproperty --ecam-heading - Headings and the current state (default #004884).
 * @cssproperty --ecam-surface-alt - Background of the state and notices (default #F2F5FA).
 * @cssproperty --ecam-error - Error messages and an overdue due date (default #A80521).
 * @cssproperty --ecam-font-family - Typeface (default "Work Sans", system-ui, sans-serif).
 * @cssproperty --ecam-radius - Corner radius of controls (default 5px).
 * @cssproperty --ecam-focus - Box shadow of the focus ring.
 * @cssproperty --ecam-surface - Background of the widget and its controls (default #fff).
 * @cssproperty --ecam-border - Edges of the controls (default #767676).
 * @attr theme - `light` or `dark` pins that theme; without it the widget follows the visitor's system (prefers-color-scheme).
 * @attr lang - `es` (Spanish, the default) or `en` (English); without it, the nearest `lang` of the page (`<html lang>`).
 */
export class EcamTracker extends LitElement {
  static override styles = [tokens, formStyles, trackerStyles];
  // Reactive properties declared here rather than with decorators, whose helpers would cost
  // every page with a widget ~0.6 KB gzip (bench/sizes.ts). Internal state is `attribute: false`
  // (what `state: true` means to Lit, and what the manifest's analyzer reads).
  static override properties: PropertyDeclarations = {
    values: { attribute: false },
    errors: { attribute: false },
    alert: { attribute: false },
    loading: { attribute: false },
    result: { attribute: false },
    downloading: { attribute: false },
    downloadAlert: { attribute: false },
    downloadStatus: { attribute: false },
    survey: { attribute: false },
    surveyAlert: { attribute: false },
    apiBase: { attribute: 'api-base' },
  };
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  private i18n = new I18nController(this, messages);

  private values: Record<Field, string> = { radicado: '', code: '' };
  /** Messages per field, from the browser's checks or the server's 400. */
  private errors: Partial<Record<Field, string>> = {};
  private alert = '';
  private loading = false;
  private result?: TrackResult;
  /** The attachment being downloaded, by id. */
  private downloading: number | null = null;
  private downloadAlert = '';
  private downloadStatus = '';
  /** The satisfaction survey: hidden until asked for, loading its code, or shown. */
  private survey: 'hidden' | 'loading' | 'shown' = 'hidden';
  private surveyAlert = '';

  /** Origin of the ECAM Participa API; defaults to the server the widget was loaded from. */
  apiBase?: string;

  /** What the shown result was found with; downloads are authorised by the same pair. */
  private found?: { radicado: string; code: string };
  /** Lookups started; a newer one makes the answer of an older one stale. */
  private lookups = 0;

  private get base(): string {
    return apiBase(this.apiBase);
  }

  /** Renders only once the texts in the element's language are here (English is fetched). */
  protected override scheduleUpdate(): void | Promise<void> {
    return this.i18n.whenReady(() => super.scheduleUpdate());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.handleHashChange);
    if (this.takeFragment()) void this.lookUp();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.handleHashChange);
  }

  private handleHashChange = (): void => {
    if (this.takeFragment()) void this.lookUp();
  };

  private handleInput(e: Event): void {
    const el = e.target as HTMLInputElement;
    const field = el.name as Field;
    if (!FIELDS.includes(field)) return;
    this.values = { ...this.values, [field]: el.value };
    if (this.errors[field]) {
      const { [field]: _fixed, ...rest } = this.errors;
      this.errors = rest;
    }
  }

  private handleSubmit(e: SubmitEvent): void {
    e.preventDefault();
    void this.lookUp();
  }

  private async handleAnother(): Promise<void> {
    this.lookups++;
    this.result = undefined;
    this.found = undefined;
    this.values = { radicado: '', code: '' };
    this.errors = {};
    this.alert = '';
    this.loading = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#${fid('radicado')}`)?.focus();
  }

  private async handleDownload(file: Attachment): Promise<void> {
    if (!this.found || this.downloading !== null) return;
    this.downloading = file.id;
    this.downloadAlert = '';
    const { t, lang } = this.i18n;
    this.downloadStatus = t.downloading(file.name);
    try {
      const blob = await postForBlob(`${this.base}/api/pqrs/track/attachments/${file.id}`, this.found);
      saveBlob(blob, file.name, this.renderRoot);
      this.downloadStatus = t.downloaded(file.name);
    } catch (err) {
      this.downloadStatus = '';
      const e = err instanceof ApiError ? err : new ApiError(0, undefined);
      this.downloadAlert =
        e.status === 0
          ? t.downloadOffline(file.name)
          : e.status === 429
            ? this.tooManyMessage(e)
            : e.status === 404
              ? t.gone(file.name)
              : errorText(e, lang, t);
    } finally {
      this.downloading = null;
    }
  }

  /**
   * Copies radicado and code from the URL fragment into the form, then removes them from the
   * address bar and the current history entry (the rest of the fragment stays). Returns
   * whether both were there, i.e. whether to look the request up at once.
   */
  private takeFragment(): boolean {
    const { values, rest } = readFragment(location.hash);
    if (values.radicado === undefined && values.code === undefined) return false;
    this.values = { radicado: values.radicado ?? '', code: values.code ?? '' };
    this.result = undefined;
    this.found = undefined;
    this.errors = {};
    this.alert = '';
    const url = `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`;
    try {
      history.replaceState(history.state, '', url);
    } catch {
      // A sandboxed frame may refuse; the lookup still works.
    }
    return !!(values.radicado && values.code);
  }

  /** The browser's checks, with the server's wording. */
  private validate(): Partial<Record<Field, string>> {
    const errors: Partial<Record<Field, string>> = {};
    const t = this.i18n.t;
    for (const field of FIELDS) {
      if (!this.values[field].trim()) errors[field] = t.required(field === 'code' ? t.codeLabel : t.radicadoLabel);
    }
    return errors;
  }

  private async lookUp(): Promise<void> {
    const errors = this.validate();
    this.alert = '';
    if (Object.keys(errors).length) return this.showFieldErrors(errors);
    const lookup = ++this.lookups;
    const body = { radicado: this.values.radicado.trim(), code: this.values.code.trim() };
    this.errors = {};
    this.loading = true;
    try {
      const result = await postJson<TrackResult>(`${this.base}/api/pqrs/track`, body);
      if (lookup !== this.lookups) return;
      this.found = { radicado: result.radicado, code: body.code };
      this.result = result;
      this.loading = false;
      this.downloadAlert = '';
      this.downloadStatus = '';
      this.survey = 'hidden';
      this.surveyAlert = '';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#status-title')?.focus();
      this.dispatchEvent(new EcamTrackedEvent({ radicado: result.radicado, state: result.state }));
    } catch (err) {
      if (lookup !== this.lookups) return;
      this.loading = false;
      await this.fail(err);
    }
  }

  private async fail(err: unknown): Promise<void> {
    const e = err instanceof ApiError ? err : new ApiError(0, undefined);
    const fields = Object.fromEntries(
      Object.entries(e.fields).filter(([key]) => FIELDS.includes(key as Field)),
    ) as Partial<Record<Field, string>>;
    if (e.status === 400 && Object.keys(fields).length) return this.showFieldErrors(fields);
    const { t, lang } = this.i18n;
    if (e.status === 0) return this.showAlert(t.offline);
    if (e.status === 404) return this.showAlert(t.notFound);
    if (e.status === 429) return this.showAlert(this.tooManyMessage(e));
    return this.showAlert(errorText(e, lang, t));
  }

  private tooManyMessage(e: ApiError): string {
    const { t, lang } = this.i18n;
    return t.tooMany(e.retryAfter ? formatWait(e.retryAfter, lang) : t.fewMinutes);
  }

  private async showFieldErrors(errors: Partial<Record<Field, string>>): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    const first = FIELDS.find((f) => errors[f]);
    if (first) this.renderRoot.querySelector<HTMLInputElement>(`#${fid(first)}`)?.focus();
  }

  private async showAlert(message: string): Promise<void> {
    this.alert = message;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('form .alert')?.focus();
  }

  private describedBy(field: Field): string {
    return [`${fid(field)}-hint`, this.errors[field] ? `${fid(field)}-error` : ''].filter(Boolean).join(' ');
  }

  private renderField(field: Field, label: string, hint: string): TemplateResult {
    const id = fid(field);
    const error = this.errors[field];
    return html`<div class="field" part="field">
      <label for=${id}>${label}</label>
      <p class="hint" id="${id}-hint">${hint}</p>
      ${error
        ? html`<p class="error-message" id="${id}-error" part="error">
            <span class="visually-hidden">${this.i18n.t.error}</span> ${error}
          </p>`
        : nothing}
      <input
        id=${id}
        name=${field}
        type="text"
        .value=${live(this.values[field])}
        required
        maxlength="40"
        autocomplete="off"
        autocapitalize="characters"
        spellcheck="false"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${this.describedBy(field)}
      />
    </div>`;
  }

  private renderForm(): TemplateResult {
    const year = new Date().getFullYear();
    const t = this.i18n.t;
    return html`<form
      part="form"
      novalidate
      aria-label=${t.formLabel}
      aria-busy=${this.loading ? 'true' : 'false'}
      @input=${this.handleInput}
      @submit=${this.handleSubmit}
    >
      <div class="alert ${this.alert ? 'shown' : ''}" part="alert" role="alert" tabindex="-1">${this.alert}</div>
      <p>${t.intro}</p>
      ${this.renderField('radicado', t.radicado, t.radicadoHint(year))}
      ${this.renderField('code', t.codeLabel, t.codeHint)}
      <p class="hint">${t.secret}</p>
      <div class="actions">
        <button type="submit" class="primary" part="button submit" ?disabled=${this.loading}>
          ${this.loading ? t.searching : t.search}
        </button>
      </div>
      <p class="visually-hidden" role="status">${this.loading ? t.searchingStatus : ''}</p>
    </form>`;
  }

  private renderDeadline(r: TrackResult): TemplateResult | typeof nothing {
    // Once transferred or archived, the entity's own due date no longer concerns the citizen.
    if (r.state === 'trasladada' || r.state === 'desistida') return nothing;
    const days = r.businessDaysLeft;
    const { t, lang } = this.i18n;
    let left: TemplateResult | typeof nothing = nothing;
    if (r.clockStopped) {
      left = html`<span class="days-left" part="days-left">${t.clockStopped}</span>`;
    } else if (days !== null) {
      left = html`<span class="days-left ${days < 0 ? 'overdue' : ''}" part="days-left">${t.daysLeft(days)}</span>`;
    }
    return html`<dt>${t.dueDate}</dt>
      <dd>
        ${formatDate(r.dueDate, lang)} ${left}
        ${r.extension
          ? html`<span class="hint">${t.extended(formatDate(r.originalDueDate, lang))}</span>`
          : nothing}
      </dd>`;
  }

  private renderNotices(r: TrackResult): TemplateResult[] {
    const notices: TemplateResult[] = [];
    const { t, lang } = this.i18n;
    if (r.transfer) {
      notices.push(html`<div class="notice" part="notice">
        <p><strong>${t.transferred(r.transfer.entity)}</strong></p>
        <p>${t.transferText(formatDateTime(r.transfer.at, lang))}</p>
      </div>`);
    }
    if (r.extension) {
      notices.push(html`<div class="notice" part="notice">
        <p><strong>${t.extensionTitle}</strong>${t.extensionText(formatDateTime(r.extension.at, lang), formatDate(r.dueDate, lang))}</p>
        <p class="pre">${t.reason(r.extension.reason)}</p>
      </div>`);
    }
    if (r.completion) {
      const c = r.completion;
      notices.push(html`<div class="notice" part="notice">
        <p>
          <strong>${c.expired ? t.completionExpired : t.completionTitle}</strong>
          ${c.expired ? t.completionExpiredOn(formatDate(c.deadline, lang)) : t.completionBy(formatDate(c.deadline, lang), c.extended)}
        </p>
        <p>${t.completionWhat}</p>
      </div>`);
    }
    if (r.notice) {
      const n = r.notice;
      const anonymous = n.kind === 'anonima';
      notices.push(html`<div class="notice" part="notice">
        <p><strong>${t.noticeTitle(anonymous)}</strong></p>
        <p>${t.noticeText(anonymous, formatDate(n.publishedOn, lang), formatDate(n.removalOn, lang))}</p>
        ${anonymous ? nothing : html`<p>${t.noticeNotified(formatDate(n.notifiedOn, lang))}</p>`}
        ${n.current ? html`<p>${t.noticeCurrent}</p>` : nothing}
      </div>`);
    }
    return notices;
  }

  private renderAnswer(answer: NonNullable<TrackResult['answer']>): TemplateResult {
    const { t, lang } = this.i18n;
    return html`<section class="answer" part="answer" aria-labelledby="answer-title">
      <h3 id="answer-title">${t.answerTitle}</h3>
      <p class="hint">${t.answeredAt(formatDateTime(answer.at, lang))}</p>
      <div class="answer-text pre" part="answer-text">${answer.text}</div>
      ${answer.attachments.length
        ? html`<p class="label" id="attachments-title">${t.answerFiles}</p>
            <ul class="files" part="attachments" aria-labelledby="attachments-title">
              ${answer.attachments.map(
                (f) => html`<li>
                  <button
                    type="button"
                    part="button download"
                    aria-disabled=${this.downloading === f.id ? 'true' : 'false'}
                    @click=${() => this.handleDownload(f)}
                  >
                    ${this.downloading === f.id ? t.downloadingButton : t.download} ${f.name}
                    <span class="size">(${formatBytes(f.size, lang)})</span>
                  </button>
                </li>`,
              )}
            </ul>`
        : nothing}
      <div class="alert ${this.downloadAlert ? 'shown' : ''}" part="alert" role="alert">${this.downloadAlert}</div>
      <p class="visually-hidden" role="status">${this.downloadStatus}</p>
    </section>`;
  }

  /** Loads `<ecam-survey>` only when the citizen asks for it: its code is a chunk of its own. */
  private async handleSurvey(): Promise<void> {
    if (this.survey !== 'hidden') return;
    this.survey = 'loading';
    this.surveyAlert = '';
    try {
      await import('../survey/survey.ts');
      this.survey = 'shown';
    } catch {
      this.survey = 'hidden';
      this.surveyAlert = this.i18n.t.surveyOffline;
    }
  }

  private renderSatisfaction({ slug, title }: NonNullable<TrackResult['satisfactionSurvey']>): TemplateResult {
    let answered = false;
    try {
      // The key <ecam-survey> sets once this browser answered the survey.
      answered = localStorage.getItem(surveyKey('done', slug)) !== null;
    } catch {
      // Storage disabled: the server still refuses a second answer.
    }
    const t = this.i18n.t;
    return html`<section part="satisfaction" aria-labelledby="satisfaction-title">
      <h3 id="satisfaction-title">${t.satisfaction}</h3>
      ${this.survey === 'shown'
        ? html`<ecam-survey survey=${slug} .apiBase=${this.apiBase}></ecam-survey>`
        : answered
          ? html`<p>${t.surveyDone}</p>`
          : html`<p>${t.surveyInvite(title)}</p>
              <div class="alert ${this.surveyAlert ? 'shown' : ''}" part="alert" role="alert">${this.surveyAlert}</div>
              <div class="actions">
                <button type="button" part="button" aria-disabled=${this.survey === 'loading' ? 'true' : 'false'} @click=${this.handleSurvey}>
                  ${t.surveyButton}
                </button>
              </div>`}
    </section>`;
  }

  private renderTimeline(r: TrackResult): TemplateResult {
    const { t, lang } = this.i18n;
    return html`<section aria-labelledby="timeline-title">
      <h3 id="timeline-title">${t.timeline}</h3>
      <p class="hint">${t.timelineOrder}</p>
      <ol class="timeline" part="timeline">
        ${r.events.map(
          (e) => html`<li part="event">
            <p class="event-when"><time datetime=${e.at}>${formatDateTime(e.at, lang)}</time></p>
            <p class="event-label">${t.state(e.state, e.label)}</p>
            ${e.publicNote ? html`<p class="pre">${e.publicNote}</p>` : nothing}
          </li>`,
        )}
      </ol>
    </section>`;
  }

  private renderStatus(r: TrackResult): TemplateResult {
    const late = bogotaDate(r.receivedAt) !== r.effectiveReceipt;
    const { t, lang } = this.i18n;
    return html`<section class="status" part="status" aria-labelledby="status-title">
      <h2 id="status-title" part="heading" tabindex="-1">${t.statusTitle(r.radicado)}</h2>
      <div class="notice state" part="state">
        <p class="state-label"><span class="visually-hidden">${t.stateLabel}</span>${t.state(r.state, r.stateLabel)}</p>
        <p>${t.stateDescription(r.state, r.stateDescription)}</p>
      </div>
      <dl part="details">
        <dt>${t.radicadoLabel}</dt>
        <dd class="code">${r.radicado}</dd>
        <dt>${t.typeLabel}</dt>
        <dd>${t.type(r.type, r.typeLabel)}</dd>
        <dt>${t.receivedAt}</dt>
        <dd>
          ${formatDateTime(r.receivedAt, lang)}
          ${late
            ? html`<span class="hint">${t.effective(formatDate(r.effectiveReceipt, lang))}</span>`
            : nothing}
        </dd>
        ${this.renderDeadline(r)}
      </dl>
      ${this.renderNotices(r)} ${r.answer ? this.renderAnswer(r.answer) : nothing}
      ${r.satisfactionSurvey ? this.renderSatisfaction(r.satisfactionSurvey) : nothing} ${this.renderTimeline(r)}
      <div class="actions">
        <button type="button" part="button another" @click=${this.handleAnother}>${t.another}</button>
      </div>
    </section>`;
  }

  override render(): TemplateResult {
    return this.result ? this.renderStatus(this.result) : this.renderForm();
  }
}

if (!customElements.get('ecam-tracker')) customElements.define('ecam-tracker', EcamTracker);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-tracker': EcamTracker;
  }
}
