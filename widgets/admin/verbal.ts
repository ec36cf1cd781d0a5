import { css, html, nothing, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
// Keys of the vocabulary objects rather than the catalog's *_VALUES arrays: the staff page using
// those would keep them in the chunk every citizens' widget loads (vite.config.ts, `shared`).
import { ATTACHMENT_ACCEPT, DOCUMENT_TYPES, PQRS_TYPES, type DocumentType, type PqrsType } from '../../api/pqrs/catalog.ts';
import { VERBAL_CHANNEL_VALUES } from '../../api/pqrs/channels.ts';
import type { Constancia, VerbalFiled, VerbalInput } from '../../api/pqrs/verbal-schemas.ts';
import { LIMITS } from '../../api/pqrs/catalog.ts';
import { VERBAL_LIMITS } from '../../api/pqrs/channels.ts';
import { formatBytes, formatDate, formatDateTime } from '../shared/format.ts';
import { I18nController } from '../shared/i18n.ts';
import { pqrsMessages } from './messages-pqrs.ts';
import { verbalMessages } from './messages-verbal.ts';
import { AdminView, NO_ERRORS, describedBy, fieldError, formAlert, formErrors, type FormErrors } from './view.ts';

/** A control's id from the API's field path: `requester.name` → `v-requester-name`. */
const idOf = (path: string) => `v-${path.replace(/\./g, '-')}`;

interface ControlOptions {
  type?: 'text' | 'email' | 'tel' | 'textarea';
  hint?: string;
  optional?: boolean;
  maxlength?: number;
  autocomplete?: string;
}

/**
 * "Radicar petición verbal" (Decreto 1166 de 2016): the form an official fills while the citizen
 * talks, in person or on the phone, filed at once through the common filing path; then the
 * constancia on screen, with the tracking code shown this once, a print button (only the
 * constancia prints) and its PDF.
 *
 * @summary Radicación de peticiones verbales por el personal.
 */
export class EcamAdminVerbal extends AdminView {
  static override styles = [
    ...AdminView.styles,
    css`
      form {
        display: grid;
        gap: 1rem;
        max-width: 60rem;
      }
      .grid {
        display: grid;
        gap: 0.75rem 1rem;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      }
      label .hint {
        margin-left: 0.25em;
      }
      fieldset > .hint {
        margin: 0 0 0.5rem;
      }
      .radios {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
      }
      .code {
        font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
        font-size: 1.5rem;
        font-weight: 700;
        letter-spacing: 0.08em;
      }
      .constancia dl {
        display: grid;
        grid-template-columns: minmax(10rem, 16rem) 1fr;
        gap: 0.25rem 1rem;
      }
      .constancia dd {
        margin: 0;
        white-space: pre-wrap;
      }
      .constancia h3 {
        margin: 1rem 0 0.5rem;
        border-bottom: 1px solid var(--ecam-rule);
      }
      .tools {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: center;
      }
      @media print {
        :host {
          color: #000;
          background: #fff;
        }
        .no-print {
          display: none !important;
        }
        .constancia {
          border: 0;
          padding: 0;
        }
      }
    `,
  ];

  private i18n = new I18nController(this, verbalMessages);
  private pqrs = new I18nController(this, pqrsMessages);

  @query('form') private form?: HTMLFormElement;

  @state() private errors: FormErrors = NO_ERRORS;
  @state() private busy = false;
  /** The answer to filing: shown as the constancia until the official starts another one. */
  @state() private filed?: VerbalFiled;

  override async focusHeading(): Promise<void> {
    await this.updateComplete;
    const target = this.filed ? '#constancia-title' : 'h1';
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  /** The body the API expects, from what the form holds. */
  private body(d: FormData): VerbalInput {
    const s = (name: string) => String(d.get(name) ?? '').trim();
    return {
      channel: s('channel') as VerbalInput['channel'],
      type: s('type') as VerbalInput['type'],
      requester: {
        kind: s('requester.kind') as 'natural',
        name: s('requester.name'),
        documentType: s('requester.documentType') as DocumentType,
        documentNumber: s('requester.documentNumber'),
        email: s('requester.email'),
        phone: s('requester.phone'),
        address: s('requester.address'),
        city: s('requester.city'),
      },
      representative: {
        name: s('representative.name'),
        documentType: s('representative.documentType') as DocumentType,
        documentNumber: s('representative.documentNumber'),
      },
      object: s('object'),
      reasons: s('reasons'),
      paperAnnexes: s('paperAnnexes')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
      consent: d.get('consent') === 'on',
      verbalStatement: d.get('verbalStatement') === 'on',
    } as VerbalInput;
  }

  private async handleSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy || !this.form) return;
    const d = new FormData(this.form);
    const multipart = new FormData();
    multipart.append('data', JSON.stringify(this.body(d)));
    for (const f of d.getAll('files') as File[]) if (f.name) multipart.append('files', f, f.name);
    this.busy = true;
    this.errors = NO_ERRORS;
    try {
      this.filed = await this.api.postForm<VerbalFiled>('/pqrs/verbal', multipart);
      this.busy = false;
      await this.focusHeading();
    } catch (err) {
      this.busy = false;
      // What was typed stays in the form (it is not re-rendered from state); each message goes to its field.
      this.errors = formErrors(err);
      await this.focusProblem(this.form, this.errors);
    }
  }

  private handleAnother(): void {
    this.filed = undefined;
    this.errors = NO_ERRORS;
    void this.focusHeading();
  }

  private handlePrint(): void {
    window.print();
  }

  private control(path: string, label: string, o: ControlOptions = {}): TemplateResult {
    const id = idOf(path);
    const message = this.errors.fields[path];
    const hintId = o.hint ? `${id}-hint` : undefined;
    const invalid = message ? 'true' : 'false';
    return html`<div class="field">
      <label for=${id}>${label}${o.optional ? html` <span class="hint">${this.i18n.t.optional}</span>` : nothing}</label>
      ${o.hint ? html`<span class="hint" id=${hintId!}>${o.hint}</span>` : nothing} ${fieldError(id, message)}
      ${o.type === 'textarea'
        ? html`<textarea
            id=${id}
            name=${path}
            maxlength=${o.maxlength ?? 5000}
            aria-invalid=${invalid}
            aria-describedby=${describedBy(id, message, hintId)}
          ></textarea>`
        : html`<input
            id=${id}
            name=${path}
            type=${o.type ?? 'text'}
            maxlength=${o.maxlength ?? 200}
            autocomplete=${o.autocomplete ?? 'off'}
            aria-invalid=${invalid}
            aria-describedby=${describedBy(id, message, hintId)}
          />`}
    </div>`;
  }

  private select(path: string, label: string, options: [string, string][], placeholder?: string, optional = false): TemplateResult {
    const id = idOf(path);
    const message = this.errors.fields[path];
    return html`<div class="field">
      <label for=${id}>${label}${optional ? html` <span class="hint">${this.i18n.t.optional}</span>` : nothing}</label>
      ${fieldError(id, message)}
      <select id=${id} name=${path} aria-invalid=${message ? 'true' : 'false'} aria-describedby=${describedBy(id, message)}>
        ${placeholder !== undefined ? html`<option value="">${placeholder}</option>` : nothing}
        ${options.map(([value, text]) => html`<option value=${value}>${text}</option>`)}
      </select>
    </div>`;
  }

  private check(path: string, label: string): TemplateResult {
    const id = idOf(path);
    const message = this.errors.fields[path];
    return html`<div>
      ${fieldError(id, message)}
      <div class="check">
        <input id=${id} name=${path} type="checkbox" aria-invalid=${message ? 'true' : 'false'} aria-describedby=${describedBy(id, message)} />
        <label for=${id}>${label}</label>
      </div>
    </div>`;
  }

  private documents(): [string, string][] {
    return (Object.keys(DOCUMENT_TYPES) as DocumentType[]).map((d) => [d, this.pqrs.t.document(d)]);
  }

  private renderForm(): TemplateResult {
    const t = this.i18n.t;
    const p = this.pqrs.t;
    const channelError = this.errors.fields.channel;
    const filesError = this.errors.fields.attachments;
    return html`<form novalidate @submit=${this.handleSubmit} aria-describedby="verbal-intro">
      ${formAlert(this.errors.alert)}
      <p>${t.officialIs(this.user.name)}</p>
      <fieldset aria-describedby=${describedBy('v-channel', channelError, 'v-channel-hint')}>
        <legend>${t.channel}</legend>
        <p class="hint" id="v-channel-hint">${t.channelHint}</p>
        ${fieldError('v-channel', channelError)}
        <div class="radios">
          ${VERBAL_CHANNEL_VALUES.map(
            (c) => html`<div class="check">
              <input id="v-channel-${c}" type="radio" name="channel" value=${c} aria-invalid=${channelError ? 'true' : 'false'} />
              <label for="v-channel-${c}">${p.intakeChannel(c)}</label>
            </div>`,
          )}
        </div>
      </fieldset>
      <div class="grid">
        ${this.select(
          'type',
          t.type,
          (Object.keys(PQRS_TYPES) as PqrsType[]).map((ty) => [ty, t.typeOption(p.type(ty), PQRS_TYPES[ty].businessDays)]),
          t.chooseType,
        )}
      </div>
      <fieldset>
        <legend>${t.requester}</legend>
        <div class="grid">
          ${this.select('requester.kind', t.kind, (['natural', 'juridica', 'menor'] as const).map((k) => [k, p.kind(k)]))}
          ${this.control('requester.name', t.fullName, { maxlength: LIMITS.name, autocomplete: 'off' })}
          ${this.select('requester.documentType', t.documentType, this.documents(), t.chooseDocument)}
          ${this.control('requester.documentNumber', t.documentNumber, { maxlength: LIMITS.documentNumber })}
        </div>
      </fieldset>
      <fieldset aria-describedby="v-representative-hint">
        <legend>${t.representative} <span class="hint">${t.optional}</span></legend>
        <p class="hint" id="v-representative-hint">${t.representativeHint}</p>
        <div class="grid">
          ${this.control('representative.name', t.fullName, { maxlength: LIMITS.name })}
          ${this.select('representative.documentType', t.documentType, this.documents().filter(([d]) => d !== 'NIT'), t.chooseDocument)}
          ${this.control('representative.documentNumber', t.documentNumber, { maxlength: LIMITS.documentNumber })}
        </div>
      </fieldset>
      <fieldset aria-describedby="v-address-hint">
        <legend>${t.answerAddress}</legend>
        <p class="hint" id="v-address-hint">${t.answerAddressHint}</p>
        <div class="grid">
          ${this.control('requester.email', t.email, { type: 'email', maxlength: LIMITS.email, optional: true })}
          ${this.control('requester.address', t.address, { maxlength: LIMITS.address, optional: true })}
          ${this.control('requester.city', t.city, { maxlength: LIMITS.city, optional: true })}
          ${this.control('requester.phone', t.phone, { type: 'tel', maxlength: LIMITS.phone, optional: true })}
        </div>
      </fieldset>
      <fieldset>
        <legend>${t.petition}</legend>
        ${this.control('object', t.object, { type: 'textarea', hint: t.objectHint, maxlength: VERBAL_LIMITS.object })}
        ${this.control('reasons', t.reasons, { type: 'textarea', maxlength: VERBAL_LIMITS.reasons })}
      </fieldset>
      <fieldset>
        <legend>${t.annexes} <span class="hint">${t.optional}</span></legend>
        <div class="field">
          <label for="v-files">${t.files}</label>
          <span class="hint" id="v-files-hint">${t.fileTypes}</span>
          ${fieldError('v-files', filesError)}
          <input
            id="v-files"
            name="files"
            type="file"
            multiple
            accept=${ATTACHMENT_ACCEPT}
            aria-invalid=${filesError ? 'true' : 'false'}
            aria-describedby=${describedBy('v-files', filesError, 'v-files-hint')}
          />
        </div>
        ${this.control('paperAnnexes', t.paper, { type: 'textarea', hint: t.paperHint, maxlength: 4200 })}
      </fieldset>
      ${this.check('consent', t.consent)} ${this.check('verbalStatement', t.statement)}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? t.submitting : t.submit}</button>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">${this.busy ? t.submitting : ''}</p>
    </form>`;
  }

  private person(p: { name: string | null; documentType: DocumentType | null; documentNumber: string | null }): TemplateResult {
    const t = this.i18n.t;
    return html`<dt>${t.fullName}</dt>
      <dd>${p.name ?? '—'}</dd>
      <dt>${t.identification}</dt>
      <dd>${p.documentType ? `${this.pqrs.t.document(p.documentType)} ${p.documentNumber ?? ''}` : '—'}</dd>`;
  }

  private renderConstancia(f: VerbalFiled): TemplateResult {
    const t = this.i18n.t;
    const p = this.pqrs.t;
    const lang = this.i18n.lang;
    const c: Constancia = f.constancia;
    const a = c.answerAddress;
    const list = (items: string[]) =>
      items.length ? html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>` : html`${t.none}`;
    return html`<div class="tools no-print">
        <p role="status">${f.mailed && a.email ? t.mailed(a.email) : t.notMailed}</p>
      </div>
      <div class="tools no-print">
        <button type="button" class="primary" @click=${this.handlePrint}>${t.print}</button>
        <a class="button" href=${this.api.url(`/pqrs/${c.radicado}/constancia.pdf`)} download>${t.downloadPdf}</a>
        <a href="#/solicitud/${c.radicado}">${t.openRequest}</a>
        <button type="button" @click=${this.handleAnother}>${t.another}</button>
      </div>
      <p class="hint no-print">${t.pdfNote}</p>
      <section class="panel constancia" aria-labelledby="constancia-title">
        <h2 id="constancia-title" tabindex="-1">${t.constanciaTitle}</h2>
        <p>${c.entityName}</p>
        <dl>
          <dt>${t.radicado}</dt>
          <dd><strong>${c.radicado}</strong></dd>
          <dt>${t.codeLabel}</dt>
          <dd><span class="code">${f.trackingCode}</span><br /><span class="hint no-print">${t.codeHint}</span></dd>
          <dt>${t.receivedAt}</dt>
          <dd>${formatDateTime(c.receivedAt, lang)}</dd>
          <dt>${t.channel}</dt>
          <dd>${p.intakeChannel(c.channel)}</dd>
          <dt>${t.type}</dt>
          <dd>${p.type(c.type)}</dd>
          <dt>${t.dueDate}</dt>
          <dd>${formatDate(c.dueDate, lang)} (${t.term(c.businessDays)})</dd>
        </dl>
        <h3>${t.requester}</h3>
        <dl>
          ${this.person(c.requester)}
          <dt>${t.kind}</dt>
          <dd>${p.kind(c.requester.kind)}</dd>
        </dl>
        <h3>${t.representative}</h3>
        ${c.representative ? html`<dl>${this.person(c.representative)}</dl>` : html`<p>${t.noRepresentative}</p>`}
        <h3>${t.answerAddress}</h3>
        <dl>
          <dt>${t.email}</dt>
          <dd>${a.email ?? '—'}</dd>
          <dt>${t.address}</dt>
          <dd>${a.address ? [a.address, a.city].filter(Boolean).join(', ') : '—'}</dd>
          <dt>${t.phone}</dt>
          <dd>${a.phone ?? '—'}</dd>
          <dt>${t.responseChannel}</dt>
          <dd>${p.channel(c.responseChannel)}</dd>
        </dl>
        <h3>${t.petition}</h3>
        <dl>
          <dt>${t.object}</dt>
          <dd>${c.object}</dd>
          <dt>${t.reasons}</dt>
          <dd>${c.reasons}</dd>
        </dl>
        <h3>${t.annexes}</h3>
        <dl>
          <dt>${t.files}</dt>
          <dd>${list(c.annexes.files.map((x) => `${x.name} (${formatBytes(x.size, lang)})`))}</dd>
          <dt>${t.paper}</dt>
          <dd>${list(c.annexes.paper)}</dd>
        </dl>
        <h3>${t.official}</h3>
        <p>${c.official.name} (${c.official.username})</p>
        <h3>${t.statementLabel}</h3>
        <p lang="es">${c.statement}</p>
        <h3>${t.howToTrack}</h3>
        <p lang="es">${c.howToTrack}</p>
      </section>`;
  }

  override render(): TemplateResult {
    const t = this.i18n.t;
    return html`<h1 tabindex="-1" class=${this.filed ? 'no-print' : ''}>${this.filed ? t.filedTitle : t.title}</h1>
      ${this.filed
        ? this.renderConstancia(this.filed)
        : html`<p id="verbal-intro">${t.intro}</p>
            ${this.renderForm()}`}`;
  }
}

if (!customElements.get('ecam-admin-verbal')) customElements.define('ecam-admin-verbal', EcamAdminVerbal);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-verbal': EcamAdminVerbal;
  }
}
