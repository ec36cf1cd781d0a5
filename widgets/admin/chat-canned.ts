import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { CHAT_LIMITS } from '../../api/chat/limits.ts';
import type { CannedReply } from '../../api/chat/schemas.ts';
import { I18nController } from '../shared/i18n.ts';
import { chatMessages } from './chat-messages.ts';
import { AdminView, NO_ERRORS, describedBy, errorMessage, fieldError, formAlert, formErrors, type FormErrors } from './view.ts';

/**
 * The canned replies of the chat: a list, a form to add one, and the same form to edit one.
 *
 * @summary Respuestas predefinidas del chat.
 */
export class EcamAdminChatCanned extends AdminView {
  private i18n = new I18nController(this, chatMessages);

  @state() private items: CannedReply[] = [];
  @state() private loaded = false;
  @state() private loadError = '';
  /** The reply being edited, or null for the "new reply" form. */
  @state() private editing: CannedReply | null = null;
  @state() private errors: FormErrors = NO_ERRORS;
  @state() private saved = '';
  @state() private busy = false;

  /** Only administrators edit the replies; the API says so too. */
  private get isAdmin(): boolean {
    return this.user.role === 'admin';
  }

  protected override willUpdate(): void {
    if (!this.hasUpdated) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.items = await this.api.get<CannedReply[]>('/chat/canned');
      this.loaded = true;
    } catch (err) {
      this.loadError = errorMessage(err);
    }
  }

  private async handleSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const t = this.i18n.t;
    const form = e.currentTarget as HTMLFormElement;
    const d = new FormData(form);
    const body = { title: String(d.get('title') ?? ''), body: String(d.get('body') ?? '') };
    const editing = this.editing;
    this.busy = true;
    this.saved = '';
    this.errors = NO_ERRORS;
    try {
      if (editing) {
        const updated = await this.api.send<CannedReply>('PUT', `/chat/canned/${editing.id}`, body);
        this.items = this.items.map((c) => (c.id === editing.id ? updated : c));
        this.saved = t.cannedSaved(updated.title);
      } else {
        const created = await this.api.send<CannedReply>('POST', '/chat/canned', body);
        this.items = [...this.items, created];
        this.saved = t.cannedAdded(created.title);
      }
      this.editing = null;
      form.reset();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.status')?.focus();
    } catch (err) {
      this.errors = formErrors(err);
      await this.focusProblem(form, this.errors);
    } finally {
      this.busy = false;
    }
  }

  private async edit(c: CannedReply | null): Promise<void> {
    this.editing = c;
    this.errors = NO_ERRORS;
    this.saved = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#canned-title')?.focus();
  }

  private async removeReply(c: CannedReply): Promise<void> {
    this.saved = '';
    this.errors = NO_ERRORS;
    try {
      await this.api.send<void>('DELETE', `/chat/canned/${c.id}`);
      this.items = this.items.filter((x) => x.id !== c.id);
      if (this.editing?.id === c.id) this.editing = null;
      this.saved = this.i18n.t.cannedDeleted(c.title);
    } catch (err) {
      this.errors = formErrors(err);
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.status:not(:empty), .alert:not(:empty)')?.focus();
  }

  private renderList(): TemplateResult {
    const t = this.i18n.t;
    if (!this.items.length) return html`<p>${t.noCanned}</p>`;
    return html`<div class="table-wrap" role="region" aria-label=${t.cannedListCaption} tabindex="0">
      <table>
        <caption>
          ${t.cannedListCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.cannedTitleField}</th>
            <th scope="col">${t.cannedBodyField}</th>
            ${this.isAdmin ? html`<th scope="col">${t.actions}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${this.items.map(
            (c) => html`<tr>
              <th scope="row">${c.title}</th>
              <td class="text">${c.body}</td>
              ${this.isAdmin ? html`<td>
                <div class="actions">
                  <button type="button" @click=${() => this.edit(c)}>${t.cannedEdit(c.title)}</button>
                  <button type="button" class="danger" @click=${() => this.removeReply(c)}>
                    ${t.cannedDelete}<span class="visually-hidden"> «${c.title}»</span>
                  </button>
                </div>
              </td>` : nothing}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderForm(): TemplateResult {
    const t = this.i18n.t;
    const f = this.errors.fields;
    const c = this.editing;
    const heading = c ? t.cannedEdit(c.title) : t.cannedNew;
    return html`<form id="canned-form" novalidate aria-labelledby="h-canned-form" @submit=${this.handleSubmit}>
      <h2 id="h-canned-form">${heading}</h2>
      ${formAlert(this.errors.alert)}
      <div class="field">
        <label for="canned-title">${t.cannedTitleField}</label>
        ${fieldError('canned-title', f.title)}
        <input
          id="canned-title"
          name="title"
          maxlength=${CHAT_LIMITS.cannedTitle}
          .value=${c?.title ?? ''}
          aria-invalid=${f.title ? 'true' : 'false'}
          aria-describedby=${describedBy('canned-title', f.title)}
        />
      </div>
      <div class="field">
        <label for="canned-body">${t.cannedBodyField}</label>
        ${fieldError('canned-body', f.body)}
        <textarea
          id="canned-body"
          name="body"
          maxlength=${CHAT_LIMITS.cannedBody}
          .value=${c?.body ?? ''}
          aria-invalid=${f.body ? 'true' : 'false'}
          aria-describedby=${describedBy('canned-body', f.body)}
        ></textarea>
      </div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.busy}>${c ? t.cannedSave : t.cannedAdd}</button>
        ${c ? html`<button type="button" @click=${() => this.edit(null)}>${t.cannedCancel}</button>` : nothing}
      </div>
    </form>`;
  }

  override render(): TemplateResult {
    const t = this.i18n.t;
    return html`<h1 tabindex="-1">${t.cannedTitle}</h1>
      <p>${t.cannedIntro} <a href="#/chat">${t.backToConsole}</a></p>
      <div class="alert" role="alert">${this.loadError}</div>
      <div class="status" role="status" tabindex="-1">${this.saved}</div>
      ${this.isAdmin ? nothing : html`<p>${t.cannedAdminOnly}</p>`}
      ${this.loaded ? html`${this.renderList()} ${this.isAdmin ? this.renderForm() : nothing}` : this.loadError ? nothing : html`<p>${t.loading}</p>`}`;
  }
}

if (!customElements.get('ecam-admin-chat-canned')) customElements.define('ecam-admin-chat-canned', EcamAdminChatCanned);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-chat-canned': EcamAdminChatCanned;
  }
}
