import { html, nothing, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { AnonymiseResult, PrivacyExport, PrivacySubject } from '../../api/privacy/schemas.ts';
import { saveBlob } from '../shared/download.ts';
import { I18nController } from '../shared/i18n.ts';
import { messages, type SubjectCounts } from './privacy-messages.ts';
import { AdminView, NO_ERRORS, describedBy, fieldError, formAlert, formErrors, type FormErrors } from './view.ts';

/**
 * Data-subject requests (Ley 1581 de 2012), for admins: find a person's data by e-mail or
 * document number, download it as JSON, anonymise it after a confirmation.
 *
 * @summary Datos personales.
 */
/** How many records of each kind a search found. */
function foundCounts(r: PrivacyExport): SubjectCounts {
  return {
    pqrs: r.pqrs.length,
    chats: r.chats.length,
    mailbox: r.mailbox.length,
    events: r.eventRegistrations.length + r.eventQuestions.length,
    emails: r.emails.length,
  };
}

export class EcamAdminPrivacy extends AdminView {
  private i18n = new I18nController(this, messages);

  @query('form') private form?: HTMLFormElement;

  @state() private subject: PrivacySubject = {};
  @state() private result?: PrivacyExport;
  @state() private done?: AnonymiseResult;
  @state() private errors: FormErrors = NO_ERRORS;
  @state() private busy = false;
  @state() private confirming = false;

  private async handleSearch(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const d = new FormData(this.form);
    this.subject = { email: String(d.get('email') ?? ''), documentNumber: String(d.get('documentNumber') ?? '') };
    this.done = undefined;
    await this.search();
  }

  private async search(): Promise<void> {
    this.busy = true;
    this.errors = NO_ERRORS;
    this.confirming = false;
    try {
      this.result = await this.api.send<PrivacyExport>('POST', '/privacy/export', this.subject);
    } catch (err) {
      this.result = undefined;
      this.errors = formErrors(err);
      await this.focusProblem(this.form, this.errors);
    } finally {
      this.busy = false;
    }
  }

  private handleDownload(): void {
    if (!this.result) return;
    const blob = new Blob([JSON.stringify(this.result, null, 2)], { type: 'application/json' });
    saveBlob(blob, this.i18n.t.fileName(this.result.generatedAt.slice(0, 10)), this.renderRoot);
  }

  private async askAnonymise(confirming: boolean): Promise<void> {
    this.confirming = confirming;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(confirming ? '#confirm-anonymise' : '#anonymise')?.focus();
  }

  private async handleAnonymise(): Promise<void> {
    this.busy = true;
    this.errors = NO_ERRORS;
    try {
      const done = await this.api.send<AnonymiseResult>('POST', '/privacy/anonymise', this.subject);
      await this.search();
      this.done = done;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#status')?.focus();
    } catch (err) {
      this.errors = formErrors(err);
      this.busy = false;
    }
  }

  private renderForm(): TemplateResult {
    const t = this.i18n.t;
    const f = this.errors.fields;
    const field = (name: 'email' | 'documentNumber', type: string, autocomplete: string) => {
      const id = `privacy-${name}`;
      return html`<div class="field">
        <label for=${id}>${t[name]}</label>
        ${fieldError(id, f[name])}
        <input
          id=${id}
          name=${name}
          type=${type}
          maxlength=${name === 'email' ? 254 : 40}
          autocomplete=${autocomplete}
          .value=${this.subject[name] ?? ''}
          aria-invalid=${f[name] ? 'true' : 'false'}
          aria-describedby=${describedBy(id, f[name], 'privacy-hint')}
        />
      </div>`;
    };
    return html`<form class="filters" role="search" aria-label=${t.formLabel} novalidate @submit=${this.handleSearch}>
      ${formAlert(this.errors.alert)}
      <p id="privacy-hint">${t.hint}</p>
      ${field('email', 'email', 'off')} ${field('documentNumber', 'text', 'off')}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.busy}>${t.search}</button>
      </div>
    </form>`;
  }

  private renderResult(r: PrivacyExport): TemplateResult {
    const t = this.i18n.t;
    if (!Object.values(foundCounts(r)).some(Boolean)) return html`<p>${t.nothing}</p>`;
    return html`${r.pqrs.length
        ? html`<div class="table-wrap" role="region" aria-label=${t.tableCaption} tabindex="0">
            <table>
              <caption>
                ${t.tableCaption}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${t.radicado}</th>
                  <th scope="col">${t.subject}</th>
                  <th scope="col">${t.requester}</th>
                </tr>
              </thead>
              <tbody>
                ${r.pqrs.map(
                  (p) => html`<tr>
                    <td>${p.radicado}</td>
                    <td class="text">${p.subject}</td>
                    <td class="text">
                      ${[p.requester.name, p.requester.documentNumber, p.requester.email].filter(Boolean).join(' · ') || t.anonymised}
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : nothing}
      <div class="actions">
        <button type="button" id="download" @click=${this.handleDownload}>${t.download}</button>
        ${this.confirming
          ? nothing
          : html`<button type="button" class="danger" id="anonymise" ?disabled=${this.busy} @click=${() => this.askAnonymise(true)}>
              ${t.anonymise}
            </button>`}
      </div>
      ${this.confirming
        ? html`<div class="panel confirm" role="group" aria-labelledby="confirm-anonymise-text">
            <p id="confirm-anonymise-text">${t.confirmText}</p>
            <div class="actions">
              <button type="button" class="danger" id="confirm-anonymise" ?disabled=${this.busy} @click=${this.handleAnonymise}>
                ${t.confirm}
              </button>
              <button type="button" id="cancel-anonymise" @click=${() => this.askAnonymise(false)}>${t.cancel}</button>
            </div>
          </div>`
        : nothing}`;
  }

  override render(): TemplateResult {
    const t = this.i18n.t;
    const r = this.result;
    const d = this.done;
    return html`<h1 tabindex="-1">${t.title}</h1>
      <p>${t.intro}</p>
      ${this.renderForm()}
      <p role="status" aria-live="polite" id="status" tabindex="-1">
        ${this.busy
          ? t.searching
          : d
            ? t.done({ pqrs: d.pqrs.length, chats: d.chats, mailbox: d.mailbox, events: d.eventRegistrations + d.eventQuestions, emails: d.emails })
            : r
              ? t.found(foundCounts(r))
              : ''}
      </p>
      ${r ? this.renderResult(r) : nothing}`;
  }
}

if (!customElements.get('ecam-admin-privacy')) customElements.define('ecam-admin-privacy', EcamAdminPrivacy);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-privacy': EcamAdminPrivacy;
  }
}
