import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import {
  ATTACHMENT_ACCEPT,
  DOCUMENT_TYPES,
  LIMITS,
  MIN_LENGTHS,
  PQRS_TYPES,
  REQUESTER_KINDS,
  RESPONSE_CHANNELS,
  type DocumentType,
  type PqrsType,
  type RequesterKind,
  type ResponseChannel,
} from '../../api/pqrs/catalog.ts';
import type { Deadline } from '../../api/calendar/schemas.ts';
import type { ChallengeResponse } from '../../api/challenge/routes.ts';
import type { PublicSettings } from '../../api/settings/schemas.ts';
import type { PqrsCreated, PqrsInput } from '../../api/pqrs/schemas.ts';
import { ApiError, apiBase, postJson, request, upload } from '../shared/api.ts';
import { clearDraft, draftKey, loadDraft, saveDraft } from '../shared/draft.ts';
import { EcamSubmittedEvent } from '../shared/events.ts';
import { bogotaDate, formatBytes, formatDate, formatDateTime, formatWait } from '../shared/format.ts';
import { solveChallenge } from '../shared/pow.ts';
import { focusAfterRender } from '../shared/focus.ts';
import { formStyles } from '../shared/form-styles.ts';
import { tokens } from '../shared/styles.ts';
import { pqrsStyles } from './pqrs.styles.ts';

/** What the citizen types; saved as a draft on every change (never files or consent). */
interface Draft {
  kind: RequesterKind;
  documentType: DocumentType | '';
  documentNumber: string;
  name: string;
  email: string;
  phone: string;
  address: string;
  city: string;
  type: PqrsType | '';
  subject: string;
  description: string;
  responseChannel: ResponseChannel | '';
}

type RequesterField = 'documentNumber' | 'name' | 'email' | 'phone' | 'address' | 'city';

const EMPTY: Draft = {
  kind: 'natural',
  documentType: '',
  documentNumber: '',
  name: '',
  email: '',
  phone: '',
  address: '',
  city: '',
  type: '',
  subject: '',
  description: '',
  responseChannel: '',
};

/** Document types that make sense for each kind of requester (the server refuses NIT for people). */
const DOCS_BY_KIND: Record<RequesterKind, DocumentType[]> = {
  natural: ['CC', 'CE', 'PA', 'PPT'],
  juridica: ['NIT'],
  menor: ['TI', 'RC', 'PA', 'PPT'],
  anonimo: [],
};

/** Field labels as the server names them, so client and server messages read alike. */
const LABELS: Record<string, string> = {
  'requester.kind': 'Tipo de solicitante',
  'requester.documentType': 'Tipo de documento',
  'requester.documentNumber': 'Número de documento',
  'requester.name': 'Nombre',
  'requester.email': 'Correo electrónico',
  'requester.phone': 'Teléfono',
  'requester.address': 'Dirección',
  'requester.city': 'Municipio',
  type: 'Tipo de solicitud',
  subject: 'Asunto',
  description: 'Descripción',
  responseChannel: 'Medio de respuesta',
  attachments: 'Archivos adjuntos',
  consent: 'Autorización de datos',
};

const ACCEPTED_EXTENSIONS = ATTACHMENT_ACCEPT.split(',');
const ACCEPTED_LIST = 'PDF, JPG, PNG, DOCX, XLSX, ODT o TXT';
const fid = (key: string) => `f-${key.replace('.', '-')}`;

/**
 * The PQRSD form of the ECAM: petitions, complaints, claims, suggestions and reports, with
 * attachments, the legal due date shown before sending, and an acknowledgement with radicado.
 *
 * @summary Formulario de PQRSD (peticiones, quejas, reclamos, sugerencias y denuncias).
 *
 * @event ecam-submitted - The request was filed; `event.detail.radicado` holds its number.
 *
 * @csspart form - The form.
 * @csspart field - Each field wrapper (label, hint, control, message).
 * @csspart error - A message next to a field.
 * @csspart error-summary - The list of errors at the top of the form.
 * @csspart alert - Connection and server messages.
 * @csspart notice - The personal data notice.
 * @csspart deadline - The expected due date for the chosen type.
 * @csspart progress - The upload progress bar.
 * @csspart button - Every button.
 * @csspart submit - The send button.
 * @csspart confirmation - The acknowledgement shown after filing.
 * @csspart radicado - The filing number in the acknowledgement.
 * @csspart tracking-code - The tracking code in the acknowledgement.
 * @csspart tracker-link - The link to the tracking page.
 *
 * @cssproperty --ecam-primary - Buttons, links and focus accents (default #3366CC).
 * @cssproperty --ecam-primary-contrast - Text on primary buttons (default #fff).
 * @cssproperty --ecam-text - Body text (default #4B4B4B).
 * @cssproperty --ecam-error - Error messages and borders (default #A80521).
 * @cssproperty --ecam-success - The acknowledgement heading (default #068460).
 * @cssproperty --ecam-font-family - Typeface (default "Work Sans", system-ui, sans-serif).
 * @cssproperty --ecam-radius - Corner radius of controls (default 5px).
 * @cssproperty --ecam-focus - Box shadow of the focus ring.
 */
export class EcamPqrs extends LitElement {
  static override styles = [tokens, formStyles, pqrsStyles];
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  @query('form') private form?: HTMLFormElement;

  @state() private values: Draft = { ...EMPTY };
  @state() private files: File[] = [];
  @state() private consent = false;
  /** Messages per field path (`requester.email`), from the browser's checks or the server. */
  @state() private errors: Record<string, string> = {};
  @state() private summary = false;
  @state() private alert = '';
  @state() private submitting = false;
  /** Upload progress between 0 and 1 while files are being sent. */
  @state() private progress: number | null = null;
  @state() private deadline?: Deadline;
  /** The controller, its contact and the attachment limits, as configured on the server. */
  @state() private site?: PublicSettings;
  @state() private receipt?: PqrsCreated & { email: boolean };
  @state() private copied = '';

  /** Origin of the ECAM Participa API; defaults to the server the widget was loaded from. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** Page with the `<ecam-tracker>`; the acknowledgement links there with radicado and code. */
  @property({ attribute: 'tracker-url' }) trackerUrl?: string;

  /** Page with the entity's personal data policy; defaults to the one configured on the server. */
  @property({ attribute: 'policy-url' }) policyUrl?: string;

  /** The solved proof of work for the next send, started once the citizen begins typing. */
  private altcha?: Promise<string | undefined>;
  private deadlines = new Map<PqrsType, Promise<Deadline>>();

  private get base(): string {
    return apiBase(this.apiBase);
  }

  /** The server's limits once known; until then the defaults it ships with. */
  private get limits(): PublicSettings['attachments'] {
    return this.site?.attachments ?? { maxFiles: 5, maxFileBytes: 10 * 1024 * 1024 };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.restoreDraft();
    // Without these the notice names the entity generically; the server checks the limits anyway.
    request<PublicSettings>(`${this.base}/api/settings/public`).then(
      (site) => (this.site = site),
      () => undefined,
    );
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('values')) {
      const type = this.values.type;
      if (type && this.deadline?.type !== type) void this.loadDeadline(type);
    }
  }

  private restoreDraft(): void {
    const saved = loadDraft(draftKey('pqrs'));
    if (!saved) return;
    const draft = { ...EMPTY };
    for (const key of Object.keys(EMPTY) as (keyof Draft)[]) {
      if (typeof saved[key] === 'string') (draft as Record<string, string>)[key] = saved[key];
    }
    // A draft from an older version of the form must not smuggle in unknown choices.
    if (!(draft.kind in REQUESTER_KINDS)) draft.kind = 'natural';
    if (draft.type && !(draft.type in PQRS_TYPES)) draft.type = '';
    if (draft.responseChannel && !(draft.responseChannel in RESPONSE_CHANNELS)) draft.responseChannel = '';
    if (draft.documentType && !DOCS_BY_KIND[draft.kind].includes(draft.documentType)) draft.documentType = '';
    this.values = draft;
  }

  private async loadDeadline(type: PqrsType): Promise<void> {
    let pending = this.deadlines.get(type);
    if (!pending) {
      pending = request<Deadline>(`${this.base}/api/calendar/deadline?type=${encodeURIComponent(type)}`);
      this.deadlines.set(type, pending);
    }
    try {
      const deadline = await pending;
      if (this.values.type === type) this.deadline = deadline;
    } catch {
      // Without the calendar the form still shows each type's term in business days.
      this.deadlines.delete(type);
    }
  }

  /** Starts (once) fetching and solving a proof-of-work challenge in the background. */
  private prepareChallenge(): Promise<string | undefined> {
    if (!this.altcha) {
      const solving = (async () => {
        const c = await request<ChallengeResponse>(`${this.base}/api/challenge`);
        if (!c.enabled) return undefined;
        const payload = await solveChallenge({ ...c, maxnumber: c.maxnumber ?? 1_000_000 });
        if (!payload) throw new ApiError(403, undefined);
        return payload;
      })();
      // A failed attempt (offline, say) is retried on the next send instead of being cached.
      solving.catch(() => {
        if (this.altcha === solving) this.altcha = undefined;
      });
      this.altcha = solving;
    }
    return this.altcha;
  }

  private handleInput(e: Event): void {
    const el = e.target as HTMLInputElement;
    const key = el.name;
    if (!key || key === 'website' || key === 'attachments') return;
    void this.prepareChallenge().catch(() => undefined);
    if (key === 'consent') {
      this.consent = el.checked;
    } else {
      const field = key.replace('requester.', '') as keyof Draft;
      const next = { ...this.values, [field]: el.value } as Draft;
      if (field === 'kind') {
        // Each kind of requester has its own documents; an anonymous one can only track online.
        const docs = DOCS_BY_KIND[next.kind];
        if (next.documentType && !docs.includes(next.documentType)) next.documentType = '';
        if (next.kind === 'juridica') next.documentType = 'NIT';
        if (next.kind === 'anonimo') next.responseChannel = 'online';
        // Messages about fields that just disappeared or changed meaning would only confuse.
        this.errors = Object.fromEntries(Object.entries(this.errors).filter(([k]) => !k.startsWith('requester.')));
      }
      this.values = next;
      saveDraft(draftKey('pqrs'), this.values);
    }
    if (this.errors[key]) {
      const { [key]: _fixed, ...rest } = this.errors;
      this.errors = rest;
    }
  }

  private handleFiles(e: Event): void {
    const input = e.target as HTMLInputElement;
    const chosen = Array.from(input.files ?? []);
    input.value = '';
    const problems: string[] = [];
    const files = [...this.files];
    const { maxFiles, maxFileBytes } = this.limits;
    for (const file of chosen) {
      const ext = file.name.slice(file.name.lastIndexOf('.')).toLowerCase();
      if (files.some((f) => f.name === file.name && f.size === file.size)) continue;
      if (!ACCEPTED_EXTENSIONS.includes(ext)) {
        problems.push(`«${file.name}» no es de un tipo admitido (${ACCEPTED_LIST}).`);
      } else if (file.size === 0) {
        problems.push(`«${file.name}» está vacío.`);
      } else if (file.size > maxFileBytes) {
        problems.push(`«${file.name}» pesa ${formatBytes(file.size)}; el máximo es ${formatBytes(maxFileBytes)} por archivo.`);
      } else if (files.length >= maxFiles) {
        problems.push(`Puede adjuntar máximo ${maxFiles} archivos; «${file.name}» no se agregó.`);
      } else {
        files.push(file);
      }
    }
    this.files = files;
    const { attachments: _old, ...rest } = this.errors;
    this.errors = problems.length ? { ...rest, attachments: problems.join(' ') } : rest;
  }

  private async removeFile(index: number): Promise<void> {
    this.files = this.files.filter((_, i) => i !== index);
    const { attachments: _old, ...rest } = this.errors;
    this.errors = rest;
    await this.updateComplete;
    // The removed button took the focus with it; give it back to the file picker.
    this.renderRoot.querySelector<HTMLElement>(`#${fid('attachments')}`)?.focus();
  }

  /** The browser's own checks (required, length, e-mail, pattern) with Spanish messages. */
  private validate(): Record<string, string> {
    const errors: Record<string, string> = {};
    const controls = Array.from(this.form?.elements ?? []) as HTMLInputElement[];
    for (const el of controls) {
      const key = el.name;
      const company = this.values.kind === 'juridica';
      const label = company && key === 'requester.name' ? 'Razón social' : company && key === 'requester.documentNumber' ? 'NIT' : LABELS[key];
      if (!label || errors[key] || el.type === 'file') continue;
      const v = el.validity;
      const value = el.type === 'radio' || el.type === 'checkbox' ? '' : el.value.trim();
      const min = MIN_LENGTHS[key as keyof typeof MIN_LENGTHS];
      let message = '';
      if (el.type === 'checkbox') {
        if (v.valueMissing) message = `${label}: debe marcar la casilla para aceptar el tratamiento de datos personales.`;
      } else if (v.valueMissing || (el.required && el.type !== 'radio' && !value)) {
        message = el.type === 'radio' || el.tagName === 'SELECT' ? `${label}: elija una opción.` : `${label}: es obligatorio.`;
      } else if (min && value.length < min) {
        // Checked by hand: the browser only flags minlength on text the person typed, not restored drafts.
        message = `${label}: escriba al menos ${min} caracteres.`;
      } else if (v.typeMismatch) {
        message = `${label}: escriba una dirección válida, por ejemplo nombre@dominio.co.`;
      } else if (v.patternMismatch) {
        message = el.title ? `${label}: ${el.title}` : `${label}: revise el formato.`;
      } else if (v.tooLong) {
        message = `${label}: máximo ${el.maxLength} caracteres.`;
      }
      if (message) errors[key] = message;
    }
    return errors;
  }

  private async showErrors(errors: Record<string, string>): Promise<void> {
    this.errors = errors;
    this.summary = true;
    await focusAfterRender(this, '.summary');
  }

  private async showAlert(message: string): Promise<void> {
    this.alert = message;
    await focusAfterRender(this, '.alert');
  }

  private focusField(key: string, e?: Event): void {
    e?.preventDefault();
    const group = Array.from(this.renderRoot.querySelectorAll<HTMLInputElement>('[name]')).filter((el) => el.name === key);
    const el = group.find((r) => r.checked) ?? group[0];
    el?.focus();
    el?.scrollIntoView({ block: 'center' });
  }

  private body(altcha: string | undefined): PqrsInput {
    const v = this.values;
    const requester: Record<string, string> = { kind: v.kind };
    if (v.kind !== 'anonimo') {
      if (v.documentType) requester.documentType = v.documentType;
      for (const k of ['documentNumber', 'name', 'email', 'phone', 'address', 'city'] as RequesterField[]) {
        if (v[k].trim()) requester[k] = v[k].trim();
      }
    }
    const website = this.renderRoot.querySelector<HTMLInputElement>('[name="website"]')?.value ?? '';
    return {
      type: v.type as PqrsType,
      subject: v.subject.trim(),
      description: v.description.trim(),
      responseChannel: v.responseChannel as ResponseChannel,
      consent: true,
      requester: requester as PqrsInput['requester'],
      ...(altcha ? { altcha } : {}),
      website,
    };
  }

  /** Sends once; a stale or spent proof of work is solved again and sent a second time. */
  private async send(retried = false): Promise<PqrsCreated> {
    const altcha = await this.prepareChallenge();
    // Any attempt spends the solution, whatever the answer.
    this.altcha = undefined;
    const url = `${this.base}/api/pqrs`;
    const body = this.body(altcha);
    try {
      if (!this.files.length) return await postJson<PqrsCreated>(url, body);
      const data = new FormData();
      data.append('data', JSON.stringify(body));
      for (const file of this.files) data.append('files', file, file.name);
      this.progress = 0;
      return await upload<PqrsCreated>(url, data, (p) => (this.progress = p));
    } catch (err) {
      if (!retried && err instanceof ApiError && err.status === 403 && err.code === 'challenge') {
        return this.send(true);
      }
      throw err;
    }
  }

  private async handleSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.submitting) return;
    this.alert = '';
    const invalid = this.validate();
    if (Object.keys(invalid).length) return this.showErrors(invalid);
    this.errors = {};
    this.summary = false;
    this.submitting = true;
    try {
      const created = await this.send();
      await this.done(created);
    } catch (err) {
      this.submitting = false;
      this.progress = null;
      // Ready the next proof of work while the citizen reads the message.
      void this.prepareChallenge().catch(() => undefined);
      await this.fail(err);
    }
  }

  private async fail(err: unknown): Promise<void> {
    const e = err instanceof ApiError ? err : new ApiError(0, undefined);
    if (e.status === 0) {
      return this.showAlert(
        'No pudimos conectar con el servidor. Revise su conexión a internet e intente de nuevo: lo que escribió sigue en el formulario.',
      );
    }
    if (e.status === 429) {
      const wait = e.retryAfter ? formatWait(e.retryAfter) : 'unos minutos';
      return this.showAlert(`Se enviaron demasiadas solicitudes desde su conexión. Espere ${wait} e intente de nuevo.`);
    }
    if (e.status === 413 || e.status === 415) {
      return this.showErrors({ attachments: e.fields.attachments ?? e.error });
    }
    if (e.status === 400 && Object.keys(e.fields).length) return this.showErrors(e.fields);
    return this.showAlert(e.error);
  }

  private async done(created: PqrsCreated): Promise<void> {
    clearDraft(draftKey('pqrs'));
    this.receipt = { ...created, email: this.values.kind !== 'anonimo' && !!this.values.email.trim() };
    this.values = { ...EMPTY };
    this.files = [];
    this.consent = false;
    this.submitting = false;
    this.progress = null;
    this.copied = '';
    this.deadline = undefined;
    await focusAfterRender(this, '#done-title');
    this.dispatchEvent(new EcamSubmittedEvent({ radicado: created.radicado }));
  }

  private async handleCopy(): Promise<void> {
    const r = this.receipt;
    if (!r) return;
    const text = `Radicado: ${r.radicado}\nCódigo de seguimiento: ${r.trackingCode}`;
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      // No Clipboard API (plain http, old browser, denied): the old selection trick.
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'hp';
      this.renderRoot.appendChild(area);
      area.select();
      ok = document.execCommand('copy');
      area.remove();
    }
    this.copied = ok
      ? 'Copiado: radicado y código de seguimiento.'
      : 'No se pudo copiar; anote el radicado y el código a mano.';
  }

  private async handleAnother(): Promise<void> {
    this.receipt = undefined;
    this.errors = {};
    this.summary = false;
    this.alert = '';
    await this.updateComplete;
    this.focusField('requester.kind');
  }

  private trackerHref(r: PqrsCreated): string | undefined {
    if (!this.trackerUrl) return undefined;
    // In the fragment, never the query: the code stays out of server logs and Referer headers.
    const [url, hash] = this.trackerUrl.split('#');
    const params = new URLSearchParams({ radicado: r.radicado, codigo: r.trackingCode }).toString();
    return `${url}#${hash ? `${hash}&` : ''}${params}`;
  }

  private fieldError(key: string): TemplateResult | typeof nothing {
    const message = this.errors[key];
    return message
      ? html`<p class="error-message" id="${fid(key)}-error" part="error">
          <span class="visually-hidden">Error:</span> ${message}
        </p>`
      : nothing;
  }

  private describedBy(key: string, hint?: string): string | typeof nothing {
    const ids = [hint, this.errors[key] ? `${fid(key)}-error` : ''].filter(Boolean).join(' ');
    return ids || nothing;
  }

  private textField(
    field: RequesterField | 'subject',
    label: string,
    opts: { required?: boolean; type?: string; autocomplete?: string; pattern?: string; title?: string; hint?: string; inputmode?: string } = {},
  ): TemplateResult {
    const key = field === 'subject' ? field : `requester.${field}`;
    const id = fid(key);
    const max = LIMITS[field];
    return html`<div class="field" part="field">
      <label for=${id}>${label}${opts.required ? nothing : html` <span class="optional">(opcional)</span>`}</label>
      ${opts.hint ? html`<p class="hint" id="${id}-hint">${opts.hint}</p>` : nothing}
      ${this.fieldError(key)}
      <input
        id=${id}
        name=${key}
        type=${opts.type ?? 'text'}
        .value=${live(this.values[field])}
        maxlength=${max}
        minlength=${field === 'subject' ? MIN_LENGTHS.subject : nothing}
        ?required=${!!opts.required}
        autocomplete=${opts.autocomplete ?? 'off'}
        inputmode=${opts.inputmode ?? nothing}
        pattern=${opts.pattern ?? nothing}
        title=${opts.title ?? nothing}
        aria-invalid=${this.errors[key] ? 'true' : 'false'}
        aria-describedby=${this.describedBy(key, opts.hint ? `${id}-hint` : undefined)}
      />
    </div>`;
  }

  private radioGroup<T extends string>(
    key: string,
    legend: string,
    options: [T, string, (TemplateResult | string)?][],
    selected: string,
  ): TemplateResult {
    const id = fid(key);
    return html`<fieldset part="field" aria-describedby=${this.describedBy(key)}>
      <legend id="${id}-legend">${legend}</legend>
      ${this.fieldError(key)}
      <div class="options">
        ${options.map(
          ([value, label, hint]) => html`<div class="option">
            <input
              type="radio"
              id="${id}-${value}"
              name=${key}
              value=${value}
              .checked=${live(selected === value)}
              required
              aria-invalid=${this.errors[key] ? 'true' : 'false'}
              aria-describedby=${hint ? `${id}-${value}-hint` : nothing}
            />
            <label for="${id}-${value}">${label}</label>
            ${hint ? html`<p class="hint" id="${id}-${value}-hint">${hint}</p>` : nothing}
          </div>`,
        )}
      </div>
    </fieldset>`;
  }

  private renderRequester(): TemplateResult {
    const v = this.values;
    if (v.kind === 'anonimo') {
      return html`<p class="note" part="note">
        Puede radicar sin identificarse. Si presenta una queja o denuncia anónima, describa hechos concretos
        (qué pasó, dónde, cuándo y quiénes participaron) para que la entidad pueda actuar (Ley 962 de 2005,
        art. 81). La respuesta solo se publica en la consulta en línea, con el radicado y el código de seguimiento
        que recibirá al enviar.
      </p>`;
    }
    const juridica = v.kind === 'juridica';
    const docKey = 'requester.documentType';
    const docId = fid(docKey);
    return html`<fieldset>
      <legend>${juridica ? 'Datos de la empresa u organización' : 'Sus datos'}</legend>
      <div class="field" part="field">
        <label for=${docId}>Tipo de documento${v.documentNumber.trim() ? nothing : html` <span class="optional">(opcional)</span>`}</label>
        ${this.fieldError(docKey)}
        <select
          id=${docId}
          name=${docKey}
          .value=${live(v.documentType)}
          ?required=${!!v.documentNumber.trim()}
          aria-invalid=${this.errors[docKey] ? 'true' : 'false'}
          aria-describedby=${this.describedBy(docKey)}
        >
          <option value="">Seleccione…</option>
          ${DOCS_BY_KIND[v.kind].map(
            (d) => html`<option value=${d} ?selected=${v.documentType === d}>${DOCUMENT_TYPES[d]}</option>`,
          )}
        </select>
      </div>
      ${this.textField('documentNumber', juridica ? 'NIT' : 'Número de documento', {
        required: !!v.documentType,
        pattern: '[A-Za-z0-9.\\-]{3,20}',
        title: 'use solo letras, dígitos, puntos o guiones (3 a 20).',
        hint: juridica ? 'Con o sin dígito de verificación.' : undefined,
      })}
      ${this.textField('name', juridica ? 'Razón social' : 'Nombre completo', {
        required: true,
        autocomplete: juridica ? 'organization' : 'name',
      })}
      ${this.textField('email', 'Correo electrónico', {
        required: v.responseChannel === 'email',
        type: 'email',
        autocomplete: 'email',
        hint: 'Le enviaremos el acuse de recibo y, si lo elige, la respuesta.',
      })}
      ${this.textField('phone', 'Teléfono', {
        type: 'tel',
        autocomplete: 'tel',
        pattern: '(?:[\\s\\+\\(\\)\\-]*[0-9]){7,}[\\s\\+\\(\\)\\-]*',
        title: 'escriba al menos 7 dígitos (se permiten +, espacios, guiones y paréntesis).',
      })}
      ${this.textField('address', 'Dirección', {
        required: v.responseChannel === 'postal',
        autocomplete: 'street-address',
      })}
      ${this.textField('city', 'Municipio', {
        required: v.responseChannel === 'postal',
        autocomplete: 'address-level2',
      })}
    </fieldset>`;
  }

  private renderAttachments(): TemplateResult {
    const key = 'attachments';
    const id = fid(key);
    return html`<div class="field" part="field">
      <label for=${id}>Archivos adjuntos <span class="optional">(opcional)</span></label>
      <p class="hint" id="${id}-hint">
        Hasta ${this.limits.maxFiles} archivos de máximo ${formatBytes(this.limits.maxFileBytes)} cada uno: ${ACCEPTED_LIST}.
      </p>
      <div aria-live="polite">${this.fieldError(key)}</div>
      <input
        id=${id}
        name=${key}
        type="file"
        multiple
        accept=${ATTACHMENT_ACCEPT}
        aria-invalid=${this.errors[key] ? 'true' : 'false'}
        aria-describedby=${this.describedBy(key, `${id}-hint ${id}-count`)}
        @change=${this.handleFiles}
      />
      <p class="visually-hidden" id="${id}-count" aria-live="polite">
        ${this.files.length === 1 ? '1 archivo adjunto' : `${this.files.length} archivos adjuntos`}
      </p>
      ${this.files.length
        ? html`<ul class="files" part="file-list">
            ${this.files.map(
              (f, i) => html`<li>
                <span>${f.name} <span class="hint">(${formatBytes(f.size)})</span></span>
                <button type="button" class="small" part="button" @click=${() => this.removeFile(i)}>
                  Quitar<span class="visually-hidden"> ${f.name}</span>
                </button>
              </li>`,
            )}
          </ul>`
        : nothing}
    </div>`;
  }

  private renderSummary(): TemplateResult | typeof nothing {
    const entries = Object.entries(this.errors);
    if (!this.summary || !entries.length) return nothing;
    return html`<div class="summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="summary-title">
      <p id="summary-title"><strong>Revise ${entries.length === 1 ? 'este dato' : 'estos datos'} antes de enviar:</strong></p>
      <ul>
        ${entries.map(([key, message]) =>
          LABELS[key]
            ? html`<li><a href="#${fid(key)}" @click=${(e: Event) => this.focusField(key, e)}>${message}</a></li>`
            : html`<li>${message}</li>`,
        )}
      </ul>
    </div>`;
  }

  private renderForm(): TemplateResult {
    const v = this.values;
    const site = this.site;
    const contact = site ? [site.contactEmail, site.contactPhone, site.contactAddress].filter(Boolean) : [];
    const deadline = this.deadline?.type === v.type ? this.deadline : undefined;
    const channels = (Object.keys(RESPONSE_CHANNELS) as ResponseChannel[]).filter(
      (c) => v.kind !== 'anonimo' || c === 'online',
    );
    return html`<form
      part="form"
      novalidate
      aria-busy=${this.submitting ? 'true' : 'false'}
      aria-label="Formulario de PQRSD"
      @input=${this.handleInput}
      @submit=${this.handleSubmit}
    >
      ${this.renderSummary()}
      <div class="alert ${this.alert ? 'shown' : ''}" part="alert" role="alert" tabindex="-1">${this.alert}</div>
      <p class="hint">Todos los campos son obligatorios, salvo los marcados como (opcional).</p>

      ${this.radioGroup(
        'requester.kind',
        '¿Quién presenta la solicitud?',
        (Object.keys(REQUESTER_KINDS) as RequesterKind[]).map((k) => [k, REQUESTER_KINDS[k]]),
        v.kind,
      )}
      ${this.renderRequester()}
      ${this.radioGroup(
        'type',
        'Tipo de solicitud',
        (Object.keys(PQRS_TYPES) as PqrsType[]).map((t) => [
          t,
          PQRS_TYPES[t].label,
          html`${PQRS_TYPES[t].help} <span class="term">Plazo: ${PQRS_TYPES[t].businessDays} días hábiles</span>`,
        ]),
        v.type,
      )}
      <p class="deadline ${deadline ? 'shown' : ''}" part="deadline" aria-live="polite">
        ${deadline ? `Si radica hoy, la respuesta vence el ${formatDate(deadline.dueDate)}.` : nothing}
      </p>

      ${this.textField('subject', 'Asunto', { required: true, hint: 'En pocas palabras, de qué se trata (mínimo 5 caracteres).' })}
      <div class="field" part="field">
        <label for=${fid('description')}>Descripción</label>
        <p class="hint" id="${fid('description')}-hint">
          Cuente qué solicita y por qué, con los hechos, fechas y lugares que ayuden a atenderla (mínimo 20 caracteres).
        </p>
        ${this.fieldError('description')}
        <textarea
          id=${fid('description')}
          name="description"
          .value=${live(v.description)}
          required
          minlength=${MIN_LENGTHS.description}
          maxlength=${LIMITS.description}
          aria-invalid=${this.errors.description ? 'true' : 'false'}
          aria-describedby=${this.describedBy('description', `${fid('description')}-hint`)}
        ></textarea>
      </div>

      ${this.radioGroup(
        'responseChannel',
        '¿Cómo quiere recibir la respuesta?',
        channels.map((c) => [c, RESPONSE_CHANNELS[c]]),
        v.responseChannel,
      )}
      ${this.renderAttachments()}

      <div class="notice" part="notice" id="data-notice">
        <p>
          <strong>Tratamiento de datos personales.</strong> ${site?.entityName ?? 'La entidad'}, responsable del
          tratamiento, usará los datos de este formulario (identificación, contacto y contenido de su solicitud) para
          radicarla, tramitarla, responderle y elaborar los informes que exige la ley. Usted tiene derecho a conocer,
          actualizar, rectificar y suprimir sus datos, y a revocar esta autorización (Ley 1581 de 2012). Lea la
          <a href=${this.policyUrl ?? site?.policyUrl ?? '/politica-datos'} target="_blank" rel="noopener"
            >política de tratamiento de datos personales<span class="visually-hidden"> (se abre en una pestaña nueva)</span></a
          >.
        </p>
        ${contact.length ? html`<p>Para ejercer sus derechos: ${contact.join(' · ')}.</p>` : nothing}
      </div>
      <div class="field" part="field">
        ${this.fieldError('consent')}
        <div class="option">
          <input
            type="checkbox"
            id=${fid('consent')}
            name="consent"
            .checked=${live(this.consent)}
            required
            aria-invalid=${this.errors.consent ? 'true' : 'false'}
            aria-describedby=${this.describedBy('consent', 'data-notice')}
          />
          <label for=${fid('consent')}>Autorizo a la ECAM a tratar mis datos personales para atender esta solicitud.</label>
        </div>
      </div>

      <div class="hp" aria-hidden="true">
        <label for="f-website">Sitio web (deje este campo vacío)</label>
        <input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off" />
      </div>

      ${this.progress !== null
        ? html`<div class="field" part="field">
            <label for="f-progress">Subiendo archivos: ${Math.round(this.progress * 100)} %</label>
            <progress id="f-progress" part="progress" max="100" .value=${Math.round(this.progress * 100)}></progress>
          </div>`
        : nothing}
      <div class="actions">
        <button type="submit" class="primary" part="button submit" ?disabled=${this.submitting}>
          ${this.submitting ? 'Enviando…' : 'Enviar solicitud'}
        </button>
      </div>
    </form>`;
  }

  private renderReceipt(r: PqrsCreated & { email: boolean }): TemplateResult {
    const href = this.trackerHref(r);
    const late = bogotaDate(r.receivedAt) !== r.effectiveReceipt;
    return html`<section class="confirmation" part="confirmation" aria-labelledby="done-title">
      <h2 id="done-title" tabindex="-1">Su solicitud fue radicada</h2>
      <dl>
        <dt>Número de radicado</dt>
        <dd class="code" part="radicado">${r.radicado}</dd>
        <dt>Tipo</dt>
        <dd>${PQRS_TYPES[r.type]?.label ?? r.type}</dd>
        <dt>Fecha y hora de recepción</dt>
        <dd>
          ${formatDateTime(r.receivedAt)}
          ${late ? html`<br /><span class="hint">Llegó en un día no hábil: se entiende recibida el ${formatDate(r.effectiveReceipt)}.</span>` : nothing}
        </dd>
        <dt>Fecha límite de respuesta</dt>
        <dd>${formatDate(r.dueDate)} (${r.businessDays} días hábiles)</dd>
        <dt>Código de seguimiento</dt>
        <dd class="code" part="tracking-code">${r.trackingCode}</dd>
      </dl>
      <p>
        <strong>Guarde el radicado y el código de seguimiento:</strong> los necesita para consultar el estado de su
        solicitud y su respuesta, y el código no se vuelve a mostrar.
        ${r.email ? 'También le enviaremos el acuse de recibo a su correo electrónico.' : nothing}
      </p>
      <div class="actions">
        <button type="button" part="button copy-button" @click=${this.handleCopy}>Copiar radicado y código</button>
        ${href ? html`<a part="tracker-link" href=${href}>Consultar el estado</a>` : nothing}
      </div>
      <p role="status">${this.copied}</p>
      <div class="actions">
        <button type="button" part="button" @click=${this.handleAnother}>Radicar otra solicitud</button>
      </div>
    </section>`;
  }

  override render(): TemplateResult {
    return this.receipt ? this.renderReceipt(this.receipt) : this.renderForm();
  }
}

if (!customElements.get('ecam-pqrs')) customElements.define('ecam-pqrs', EcamPqrs);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-pqrs': EcamPqrs;
  }
}
