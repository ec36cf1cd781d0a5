import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  ATTACHMENT_ACCEPT,
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
import { ApiError, apiBase, errorText, postJson, request } from '../shared/api.ts';
import { clearDraft, draftKey, loadDraft, saveDraft } from '../shared/draft.ts';
import { EcamSubmittedEvent } from '../shared/events/ecam-submitted.ts';
import { bogotaDate, formatBytes, formatDate, formatDateTime, formatWait } from '../shared/format.ts';
import { focusAfterRender } from '../shared/focus.ts';
import { I18nController } from '../shared/i18n.ts';
import { formStyles } from '../shared/form-styles.ts';
import { tokens } from '../shared/styles.ts';
import { LABELS, messages, type Field } from './messages.ts';
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

/** The fields messages point at, named as the server names them so both read alike. */
const isField = (key: string): key is Field => Object.hasOwn(LABELS, key);

const ACCEPTED_EXTENSIONS = ATTACHMENT_ACCEPT.split(',');
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
 * @cssproperty --ecam-surface - Background of the widget and its controls (default #fff).
 * @cssproperty --ecam-border - Edges of the controls (default #767676).
 * @attr theme - `light` or `dark` pins that theme; without it the widget follows the visitor's system (prefers-color-scheme).
 * @attr lang - `es` (Spanish, the default) or `en` (English); without it, the nearest `lang` of the page (`<html lang>`).
 */
export class EcamPqrs extends LitElement {
  static override styles = [tokens, formStyles, pqrsStyles];
  // Reactive properties declared here rather than with decorators, whose helpers would cost
  // every page with a widget ~0.6 KB gzip (bench/sizes.ts). Internal state is `attribute: false`
  // (what `state: true` means to Lit, and what the manifest's analyzer reads).
  static override properties: PropertyDeclarations = {
    values: { attribute: false },
    files: { attribute: false },
    consent: { attribute: false },
    errors: { attribute: false },
    summary: { attribute: false },
    alert: { attribute: false },
    submitting: { attribute: false },
    progress: { attribute: false },
    deadline: { attribute: false },
    site: { attribute: false },
    receipt: { attribute: false },
    copied: { attribute: false },
    apiBase: { attribute: 'api-base' },
    trackerUrl: { attribute: 'tracker-url' },
    policyUrl: { attribute: 'policy-url' },
  };
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  private i18n = new I18nController(this, messages);

  private values: Draft = { ...EMPTY };
  private files: File[] = [];
  private consent = false;
  /** Messages per field path (`requester.email`), from the browser's checks or the server. */
  private errors: Record<string, string> = {};
  private summary = false;
  private alert = '';
  private submitting = false;
  /** Upload progress between 0 and 1 while files are being sent. */
  private progress: number | null = null;
  private deadline?: Deadline;
  /** The controller, its contact and the attachment limits, as configured on the server. */
  private site?: PublicSettings;
  private receipt?: PqrsCreated & { email: boolean };
  private copied = '';

  /** Origin of the ECAM Participa API; defaults to the server the widget was loaded from. */
  apiBase?: string;

  /** Page with the `<ecam-tracker>`; the acknowledgement links there with radicado and code. */
  trackerUrl?: string;

  /** Page with the entity's personal data policy; defaults to the one configured on the server. */
  policyUrl?: string;

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

  /** Renders only once the texts in the element's language are here (English is fetched). */
  protected override scheduleUpdate(): void | Promise<void> {
    return this.i18n.whenReady(() => super.scheduleUpdate());
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
        // The solver is a chunk of its own, fetched only when the server asks for a proof of
        // work, while the citizen is still typing: it is not in what the page loads up front.
        const { solveChallenge } = await import('../shared/pow.ts');
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
    const { t, lang } = this.i18n;
    for (const file of chosen) {
      const ext = file.name.slice(file.name.lastIndexOf('.')).toLowerCase();
      if (files.some((f) => f.name === file.name && f.size === file.size)) continue;
      if (!ACCEPTED_EXTENSIONS.includes(ext)) {
        problems.push(t.notAccepted(file.name, t.accepted));
      } else if (file.size === 0) {
        problems.push(t.emptyFile(file.name));
      } else if (file.size > maxFileBytes) {
        problems.push(t.tooBig(file.name, formatBytes(file.size, lang), formatBytes(maxFileBytes, lang)));
      } else if (files.length >= maxFiles) {
        problems.push(t.tooMany(maxFiles, file.name));
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

  /** The browser's own checks (required, length, e-mail, pattern) with our own messages. */
  private validate(): Record<string, string> {
    const errors: Record<string, string> = {};
    const t = this.i18n.t;
    const controls = Array.from(this.renderRoot.querySelector('form')?.elements ?? []) as HTMLInputElement[];
    for (const el of controls) {
      const key = el.name;
      const company = this.values.kind === 'juridica';
      if (!isField(key) || errors[key] || el.type === 'file') continue;
      const label = company && key === 'requester.name' ? t.companyName : company && key === 'requester.documentNumber' ? t.nit : t.label(key);
      const v = el.validity;
      const value = el.type === 'radio' || el.type === 'checkbox' ? '' : el.value.trim();
      const min = MIN_LENGTHS[key as keyof typeof MIN_LENGTHS];
      let message = '';
      if (el.type === 'checkbox') {
        if (v.valueMissing) message = t.mustConsent(label);
      } else if (v.valueMissing || (el.required && el.type !== 'radio' && !value)) {
        message = el.type === 'radio' || el.tagName === 'SELECT' ? t.choose(label) : t.required(label);
      } else if (min && value.length < min) {
        // Checked by hand: the browser only flags minlength on text the person typed, not restored drafts.
        message = t.minLength(label, min);
      } else if (v.typeMismatch) {
        message = t.email(label);
      } else if (v.patternMismatch) {
        message = el.title ? `${label}: ${el.title}` : t.format(label);
      } else if (v.tooLong) {
        message = t.maxLength(label, el.maxLength);
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
      // The upload code comes only with the first attachment (a lighter page for everyone else).
      const { upload } = await import('../shared/upload.ts').catch(() => {
        throw new ApiError(0, undefined);
      });
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
    const { t, lang } = this.i18n;
    if (e.status === 0) return this.showAlert(t.offline);
    if (e.status === 429) {
      return this.showAlert(t.tooManyRequests(e.retryAfter ? formatWait(e.retryAfter, lang) : t.fewMinutes));
    }
    if (e.status === 413 || e.status === 415) {
      return this.showErrors({ attachments: e.fields.attachments ?? e.error });
    }
    if (e.status === 400 && Object.keys(e.fields).length) return this.showErrors(e.fields);
    return this.showAlert(errorText(e, lang, t));
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
    const t = this.i18n.t;
    const text = t.copyText(r.radicado, r.trackingCode);
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
    this.copied = ok ? t.copied : t.notCopied;
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
          <span class="visually-hidden">${this.i18n.t.error}</span> ${message}
        </p>`
      : nothing;
  }

  private optional(): TemplateResult {
    return html` <span class="optional">${this.i18n.t.optional}</span>`;
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
      <label for=${id}>${label}${opts.required ? nothing : this.optional()}</label>
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
    const t = this.i18n.t;
    if (v.kind === 'anonimo') return html`<p class="notice" part="note">${t.anonymous}</p>`;
    const juridica = v.kind === 'juridica';
    const docKey = 'requester.documentType';
    const docId = fid(docKey);
    return html`<fieldset>
      <legend>${juridica ? t.companyData : t.yourData}</legend>
      <div class="field" part="field">
        <label for=${docId}>${t.label(docKey)}${v.documentNumber.trim() ? nothing : this.optional()}</label>
        ${this.fieldError(docKey)}
        <select
          id=${docId}
          name=${docKey}
          .value=${live(v.documentType)}
          ?required=${!!v.documentNumber.trim()}
          aria-invalid=${this.errors[docKey] ? 'true' : 'false'}
          aria-describedby=${this.describedBy(docKey)}
        >
          <option value="">${t.select}</option>
          ${DOCS_BY_KIND[v.kind].map(
            (d) => html`<option value=${d} ?selected=${v.documentType === d}>${t.document(d)}</option>`,
          )}
        </select>
      </div>
      ${this.textField('documentNumber', juridica ? t.nit : t.label('requester.documentNumber'), {
        required: !!v.documentType,
        pattern: '[A-Za-z0-9.\\-]{3,20}',
        title: t.documentTitle,
        hint: juridica ? t.nitHint : undefined,
      })}
      ${this.textField('name', juridica ? t.companyName : t.fullName, {
        required: true,
        autocomplete: juridica ? 'organization' : 'name',
      })}
      ${this.textField('email', t.label('requester.email'), {
        required: v.responseChannel === 'email',
        type: 'email',
        autocomplete: 'email',
        hint: t.emailHint,
      })}
      ${this.textField('phone', t.label('requester.phone'), {
        type: 'tel',
        autocomplete: 'tel',
        pattern: '(?:[\\s\\+\\(\\)\\-]*[0-9]){7,}[\\s\\+\\(\\)\\-]*',
        title: t.phoneTitle,
      })}
      ${this.textField('address', t.label('requester.address'), {
        required: v.responseChannel === 'postal',
        autocomplete: 'street-address',
      })}
      ${this.textField('city', t.label('requester.city'), {
        required: v.responseChannel === 'postal',
        autocomplete: 'address-level2',
      })}
    </fieldset>`;
  }

  private renderAttachments(): TemplateResult {
    const key = 'attachments';
    const id = fid(key);
    const { t, lang } = this.i18n;
    return html`<div class="field" part="field">
      <label for=${id}>${t.label(key)}${this.optional()}</label>
      <p class="hint" id="${id}-hint">${t.filesHint(this.limits.maxFiles, formatBytes(this.limits.maxFileBytes, lang), t.accepted)}</p>
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
        ${t.fileCount(this.files.length)}
      </p>
      ${this.files.length
        ? html`<ul class="files" part="file-list">
            ${this.files.map(
              (f, i) => html`<li>
                <span>${f.name} <span class="hint">(${formatBytes(f.size, lang)})</span></span>
                <button type="button" class="small" part="button" @click=${() => this.removeFile(i)}>
                  ${t.remove}<span class="visually-hidden"> ${f.name}</span>
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
      <p id="summary-title"><strong>${this.i18n.t.review(entries.length)}</strong></p>
      <ul>
        ${entries.map(([key, message]) =>
          isField(key)
            ? html`<li><a href="#${fid(key)}" @click=${(e: Event) => this.focusField(key, e)}>${message}</a></li>`
            : html`<li>${message}</li>`,
        )}
      </ul>
    </div>`;
  }

  private renderForm(): TemplateResult {
    const v = this.values;
    const { t, lang } = this.i18n;
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
      aria-label=${t.formLabel}
      @input=${this.handleInput}
      @submit=${this.handleSubmit}
    >
      ${this.renderSummary()}
      <div class="alert ${this.alert ? 'shown' : ''}" part="alert" role="alert" tabindex="-1">${this.alert}</div>
      <p class="hint">${t.allRequired}</p>

      ${this.radioGroup(
        'requester.kind',
        t.who,
        (Object.keys(REQUESTER_KINDS) as RequesterKind[]).map((k) => [k, t.kind(k)]),
        v.kind,
      )}
      ${this.renderRequester()}
      ${this.radioGroup(
        'type',
        t.label('type'),
        (Object.keys(PQRS_TYPES) as PqrsType[]).map((type) => [
          type,
          t.type(type),
          html`${t.typeHelp(type)} <span class="term">${t.term(PQRS_TYPES[type].businessDays)}</span>`,
        ]),
        v.type,
      )}
      <p class="deadline ${deadline ? 'shown' : ''}" part="deadline" aria-live="polite">
        ${deadline ? t.dueIfToday(formatDate(deadline.dueDate, lang)) : nothing}
      </p>

      ${this.textField('subject', t.label('subject'), { required: true, hint: t.subjectHint })}
      <div class="field" part="field">
        <label for=${fid('description')}>${t.label('description')}</label>
        <p class="hint" id="${fid('description')}-hint">${t.descriptionHint}</p>
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
        t.how,
        channels.map((c) => [c, t.channel(c)]),
        v.responseChannel,
      )}
      ${this.renderAttachments()}

      <div class="notice" part="notice" id="data-notice">
        <p>
          <strong>${t.dataTitle}</strong> ${site?.entityName ?? t.theEntity}${t.dataNotice}
          <a href=${this.policyUrl ?? site?.policyUrl ?? '/politica-datos'} target="_blank" rel="noopener"
            >${t.policy}<span class="visually-hidden">${t.newTab}</span></a
          >.
        </p>
        ${contact.length ? html`<p>${t.rights(contact.join(' · '))}</p>` : nothing}
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
          <label for=${fid('consent')}>${t.consentLabel}</label>
        </div>
      </div>

      <div class="hp" aria-hidden="true">
        <label for="f-website">${t.honeypot}</label>
        <input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off" />
      </div>

      ${this.progress !== null
        ? html`<div class="field" part="field">
            <label for="f-progress">${t.uploading(Math.round(this.progress * 100))}</label>
            <progress id="f-progress" part="progress" max="100" .value=${Math.round(this.progress * 100)}></progress>
          </div>`
        : nothing}
      <div class="actions">
        <button type="submit" class="primary" part="button submit" ?disabled=${this.submitting}>
          ${this.submitting ? t.sending : t.send}
        </button>
      </div>
    </form>`;
  }

  private renderReceipt(r: PqrsCreated & { email: boolean }): TemplateResult {
    const href = this.trackerHref(r);
    const late = bogotaDate(r.receivedAt) !== r.effectiveReceipt;
    const { t, lang } = this.i18n;
    return html`<section class="confirmation" part="confirmation" aria-labelledby="done-title">
      <h2 id="done-title" tabindex="-1">${t.filed}</h2>
      <dl>
        <dt>${t.radicado}</dt>
        <dd class="code" part="radicado">${r.radicado}</dd>
        <dt>${t.kindOfRequest}</dt>
        <dd>${r.type in PQRS_TYPES ? t.type(r.type) : r.type}</dd>
        <dt>${t.receivedAt}</dt>
        <dd>
          ${formatDateTime(r.receivedAt, lang)}
          ${late ? html`<br /><span class="hint">${t.lateReceipt(formatDate(r.effectiveReceipt, lang))}</span>` : nothing}
        </dd>
        <dt>${t.dueDate}</dt>
        <dd>${formatDate(r.dueDate, lang)} ${t.businessDays(r.businessDays)}</dd>
        <dt>${t.trackingCode}</dt>
        <dd class="code" part="tracking-code">${r.trackingCode}</dd>
      </dl>
      <p>
        <strong>${t.keep}</strong> ${t.keepWhy}
        ${r.email ? t.emailCopy : nothing}
      </p>
      <div class="actions">
        <button type="button" part="button copy-button" @click=${this.handleCopy}>${t.copy}</button>
        ${href ? html`<a part="tracker-link" href=${href}>${t.track}</a>` : nothing}
      </div>
      <p role="status">${this.copied}</p>
      <div class="actions">
        <button type="button" part="button" @click=${this.handleAnother}>${t.another}</button>
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
