import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { TrackResult } from '../../api/pqrs/workflow-schemas.ts';
import { ApiError, apiBase, postForBlob, postJson } from '../shared/api.ts';
import { surveyKey } from '../shared/draft.ts';
import { saveBlob } from '../shared/download.ts';
import { EcamTrackedEvent } from '../shared/events.ts';
import { formStyles } from '../shared/form-styles.ts';
import { bogotaDate, formatBytes, formatDate, formatDateTime, formatWait } from '../shared/format.ts';
import { tokens } from '../shared/styles.ts';
import { trackerStyles } from './tracker.styles.ts';

type Field = 'radicado' | 'code';
type Attachment = NonNullable<TrackResult['answer']>['attachments'][number];

/** Field labels as the server names them, so client and server messages read alike. */
const LABELS: Record<Field, string> = { radicado: 'Radicado', code: 'Código de seguimiento' };
const FIELDS = Object.keys(LABELS) as Field[];
/** The names `<ecam-pqrs>` writes in the tracking link's fragment. */
const FRAGMENT_KEYS: Record<string, Field> = { radicado: 'radicado', codigo: 'code' };

const NOT_FOUND = 'No encontramos una solicitud con ese radicado y código. Revise ambos datos.';
const OFFLINE = 'No pudimos conectar con el servidor. Revise su conexión a internet e intente de nuevo.';

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

/** "Quedan 12 días hábiles", "Vence hoy", "Vencida hace 3 días hábiles". */
function daysLeftText(days: number): string {
  const n = Math.abs(days);
  const unit = n === 1 ? 'día hábil' : 'días hábiles';
  if (days < 0) return `Vencida hace ${n} ${unit}`;
  if (days === 0) return 'Vence hoy';
  return `${n === 1 ? 'Queda' : 'Quedan'} ${n} ${unit}`;
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
 * @csspart notice - Transfer, extension and completion notices.
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
 */
export class EcamTracker extends LitElement {
  static override styles = [tokens, formStyles, trackerStyles];
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  @query('#status-title') private statusTitle?: HTMLElement;
  @query('form .alert') private formAlert?: HTMLElement;

  @state() private values: Record<Field, string> = { radicado: '', code: '' };
  /** Messages per field, from the browser's checks or the server's 400. */
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private alert = '';
  @state() private loading = false;
  @state() private result?: TrackResult;
  /** The attachment being downloaded, by id. */
  @state() private downloading: number | null = null;
  @state() private downloadAlert = '';
  @state() private downloadStatus = '';
  /** The satisfaction survey: hidden until asked for, loading its code, or shown. */
  @state() private survey: 'hidden' | 'loading' | 'shown' = 'hidden';
  @state() private surveyAlert = '';

  /** Origin of the ECAM Participa API; defaults to the server the widget was loaded from. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** What the shown result was found with; downloads are authorised by the same pair. */
  private found?: { radicado: string; code: string };
  /** Lookups started; a newer one makes the answer of an older one stale. */
  private lookups = 0;

  private get base(): string {
    return apiBase(this.apiBase);
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
    this.downloadStatus = `Descargando ${file.name}…`;
    try {
      const blob = await postForBlob(`${this.base}/api/pqrs/track/attachments/${file.id}`, this.found);
      saveBlob(blob, file.name, this.renderRoot);
      this.downloadStatus = `Descargado: ${file.name}.`;
    } catch (err) {
      this.downloadStatus = '';
      const e = err instanceof ApiError ? err : new ApiError(0, undefined);
      this.downloadAlert =
        e.status === 0
          ? `No pudimos descargar «${file.name}». ${OFFLINE}`
          : e.status === 429
            ? this.tooManyMessage(e)
            : e.status === 404
              ? `El archivo «${file.name}» ya no está disponible. Consulte de nuevo su solicitud.`
              : e.error;
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
    for (const field of FIELDS) {
      if (!this.values[field].trim()) errors[field] = `${LABELS[field]}: es obligatorio.`;
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
      this.statusTitle?.focus();
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
    if (e.status === 0) return this.showAlert(OFFLINE);
    if (e.status === 404) return this.showAlert(NOT_FOUND);
    if (e.status === 429) return this.showAlert(this.tooManyMessage(e));
    return this.showAlert(e.error);
  }

  private tooManyMessage(e: ApiError): string {
    const wait = e.retryAfter ? formatWait(e.retryAfter) : 'unos minutos';
    return `Se hicieron demasiadas consultas desde su conexión. Espere ${wait} e intente de nuevo.`;
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
    this.formAlert?.focus();
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
            <span class="visually-hidden">Error:</span> ${error}
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
    return html`<form
      part="form"
      novalidate
      aria-label="Consultar el estado de una solicitud"
      aria-busy=${this.loading ? 'true' : 'false'}
      @input=${this.handleInput}
      @submit=${this.handleSubmit}
    >
      <div class="alert ${this.alert ? 'shown' : ''}" part="alert" role="alert" tabindex="-1">${this.alert}</div>
      <p>Escriba el número de radicado y el código de seguimiento que recibió al presentar su solicitud.</p>
      ${this.renderField('radicado', 'Número de radicado', `Está en el acuse de recibo, por ejemplo ECAM-${year}-000123.`)}
      ${this.renderField(
        'code',
        'Código de seguimiento',
        'Son 12 letras y números, por ejemplo ABCD-EFGH-JKMN. Puede escribirlo con o sin guiones, en mayúsculas o minúsculas.',
      )}
      <p class="hint">No comparta su código: con él cualquier persona puede ver su solicitud y la respuesta.</p>
      <div class="actions">
        <button type="submit" class="primary" part="button submit" ?disabled=${this.loading}>
          ${this.loading ? 'Consultando…' : 'Consultar'}
        </button>
      </div>
      <p class="visually-hidden" role="status">${this.loading ? 'Consultando su solicitud…' : ''}</p>
    </form>`;
  }

  private renderDeadline(r: TrackResult): TemplateResult | typeof nothing {
    // Once transferred or archived, the entity's own due date no longer concerns the citizen.
    if (r.state === 'trasladada' || r.state === 'desistida') return nothing;
    const days = r.businessDaysLeft;
    let left: TemplateResult | typeof nothing = nothing;
    if (r.clockStopped) {
      left = html`<span class="days-left" part="days-left">
        Plazo suspendido mientras completa su solicitud: la fecha se correrá los días hábiles que tarde en hacerlo.
      </span>`;
    } else if (days !== null) {
      left = html`<span class="days-left ${days < 0 ? 'overdue' : ''}" part="days-left">${daysLeftText(days)}</span>`;
    }
    return html`<dt>Fecha límite de respuesta</dt>
      <dd>
        ${formatDate(r.dueDate)} ${left}
        ${r.extension
          ? html`<span class="hint">Prorrogada; la fecha inicial era el ${formatDate(r.originalDueDate)}.</span>`
          : nothing}
      </dd>`;
  }

  private renderNotices(r: TrackResult): TemplateResult[] {
    const notices: TemplateResult[] = [];
    if (r.transfer) {
      notices.push(html`<div class="notice" part="notice">
        <p><strong>Trasladada a ${r.transfer.entity}</strong></p>
        <p>Esa entidad es la competente y le responderá directamente. Fecha del traslado: ${formatDateTime(r.transfer.at)}</p>
      </div>`);
    }
    if (r.extension) {
      notices.push(html`<div class="notice" part="notice">
        <p><strong>Plazo prorrogado</strong> el ${formatDateTime(r.extension.at)}, hasta el ${formatDate(r.dueDate)}.</p>
        <p class="pre">Motivo: ${r.extension.reason}</p>
      </div>`);
    }
    if (r.completion) {
      const c = r.completion;
      notices.push(html`<div class="notice" part="notice">
        <p>
          <strong>${c.expired ? 'El plazo para completar su solicitud venció' : 'Complete su solicitud'}</strong>
          ${c.expired ? `el ${formatDate(c.deadline)}.` : `a más tardar el ${formatDate(c.deadline)}${c.extended ? ' (plazo ampliado)' : ''}.`}
        </p>
        <p>En el historial está lo que la entidad le pidió.</p>
      </div>`);
    }
    return notices;
  }

  private renderAnswer(answer: NonNullable<TrackResult['answer']>): TemplateResult {
    return html`<section class="answer" part="answer" aria-labelledby="answer-title">
      <h3 id="answer-title">Respuesta de la entidad</h3>
      <p class="hint">Respondida el ${formatDateTime(answer.at)}</p>
      <div class="answer-text pre" part="answer-text">${answer.text}</div>
      ${answer.attachments.length
        ? html`<p class="label" id="attachments-title">Archivos de la respuesta</p>
            <ul class="files" part="attachments" aria-labelledby="attachments-title">
              ${answer.attachments.map(
                (f) => html`<li>
                  <button
                    type="button"
                    part="button download"
                    aria-disabled=${this.downloading === f.id ? 'true' : 'false'}
                    @click=${() => this.handleDownload(f)}
                  >
                    ${this.downloading === f.id ? 'Descargando' : 'Descargar'} ${f.name}
                    <span class="size">(${formatBytes(f.size)})</span>
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
      this.surveyAlert = `No pudimos abrir la encuesta. ${OFFLINE}`;
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
    return html`<section part="satisfaction" aria-labelledby="satisfaction-title">
      <h3 id="satisfaction-title">¿Cómo le pareció la atención?</h3>
      ${this.survey === 'shown'
        ? html`<ecam-survey survey=${slug} .apiBase=${this.apiBase}></ecam-survey>`
        : answered
          ? html`<p>Gracias: ya respondió la encuesta.</p>`
          : html`<p>Cuéntenos en la encuesta «${title}»; toma un par de minutos.</p>
              <div class="alert ${this.surveyAlert ? 'shown' : ''}" part="alert" role="alert">${this.surveyAlert}</div>
              <div class="actions">
                <button type="button" part="button" aria-disabled=${this.survey === 'loading' ? 'true' : 'false'} @click=${this.handleSurvey}>
                  Responder la encuesta de satisfacción
                </button>
              </div>`}
    </section>`;
  }

  private renderTimeline(r: TrackResult): TemplateResult {
    return html`<section aria-labelledby="timeline-title">
      <h3 id="timeline-title">Historial de la solicitud</h3>
      <p class="hint">De lo más antiguo a lo más reciente.</p>
      <ol class="timeline" part="timeline">
        ${r.events.map(
          (e) => html`<li part="event">
            <p class="event-when"><time datetime=${e.at}>${formatDateTime(e.at)}</time></p>
            <p class="event-label">${e.label}</p>
            ${e.publicNote ? html`<p class="pre">${e.publicNote}</p>` : nothing}
          </li>`,
        )}
      </ol>
    </section>`;
  }

  private renderStatus(r: TrackResult): TemplateResult {
    const late = bogotaDate(r.receivedAt) !== r.effectiveReceipt;
    return html`<section class="status" part="status" aria-labelledby="status-title">
      <h2 id="status-title" part="heading" tabindex="-1">Estado de la solicitud ${r.radicado}</h2>
      <div class="state" part="state">
        <p class="state-label"><span class="visually-hidden">Estado: </span>${r.stateLabel}</p>
        <p>${r.stateDescription}</p>
      </div>
      <dl part="details">
        <dt>Radicado</dt>
        <dd class="code">${r.radicado}</dd>
        <dt>Tipo de solicitud</dt>
        <dd>${r.typeLabel}</dd>
        <dt>Fecha y hora de recepción</dt>
        <dd>
          ${formatDateTime(r.receivedAt)}
          ${late
            ? html`<span class="hint">Se entiende recibida el ${formatDate(r.effectiveReceipt)}, primer día hábil.</span>`
            : nothing}
        </dd>
        ${this.renderDeadline(r)}
      </dl>
      ${this.renderNotices(r)} ${r.answer ? this.renderAnswer(r.answer) : nothing}
      ${r.satisfactionSurvey ? this.renderSatisfaction(r.satisfactionSurvey) : nothing} ${this.renderTimeline(r)}
      <div class="actions">
        <button type="button" part="button another" @click=${this.handleAnother}>Consultar otra solicitud</button>
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
