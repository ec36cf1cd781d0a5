import { html, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import { AdminView, NO_ERRORS, describedBy, fieldError, formAlert, formErrors, type FormErrors } from './view.ts';

/**
 * The signed-in staff member's own account: who they are and a password change.
 *
 * @summary Mi cuenta.
 */
export class EcamAdminAccount extends AdminView {
  @query('form') private form?: HTMLFormElement;

  @state() private errors: FormErrors = NO_ERRORS;
  @state() private done = '';
  @state() private busy = false;

  private async handleSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const d = new FormData(this.form);
    this.busy = true;
    this.done = '';
    this.errors = NO_ERRORS;
    try {
      await this.api.send<void>('POST', '/session/password', {
        currentPassword: String(d.get('currentPassword') ?? ''),
        newPassword: String(d.get('newPassword') ?? ''),
      });
      this.form?.reset();
      this.done = this.words.t.passwordChanged;
    } catch (err) {
      this.errors = formErrors(err);
      await this.focusProblem(this.form, this.errors);
    } finally {
      this.busy = false;
    }
  }

  private password(name: 'currentPassword' | 'newPassword', label: string, autocomplete: string, hint?: string): TemplateResult {
    const id = `account-${name}`;
    const message = this.errors.fields[name];
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : ''} ${fieldError(id, message)}
      <input
        id=${id}
        name=${name}
        type="password"
        maxlength="256"
        autocomplete=${autocomplete}
        aria-invalid=${message ? 'true' : 'false'}
        aria-describedby=${describedBy(id, message, hint ? `${id}-hint` : undefined)}
      />
    </div>`;
  }

  override render(): TemplateResult {
    const t = this.words.t;
    return html`<h1 tabindex="-1">${t.account}</h1>
      <dl>
        <dt>${t.username}</dt>
        <dd>${this.user.username}</dd>
        <dt>${t.name}</dt>
        <dd>${this.user.name}</dd>
        <dt>${t.roleLabel}</dt>
        <dd>${t.role(this.user.role)}</dd>
      </dl>
      <h2 id="h-password">${t.changePassword}</h2>
      <div class="status" role="status">${this.done}</div>
      <form novalidate aria-labelledby="h-password" @submit=${this.handleSubmit}>
        ${formAlert(this.errors.alert)}
        <input type="text" name="username" autocomplete="username" value=${this.user.username} hidden />
        ${this.password('currentPassword', t.currentPassword, 'current-password')}
        ${this.password('newPassword', t.newPassword, 'new-password', t.passwordHint)}
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.busy}>${t.changePasswordButton}</button>
        </div>
      </form>`;
  }
}

if (!customElements.get('ecam-admin-account')) customElements.define('ecam-admin-account', EcamAdminAccount);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-account': EcamAdminAccount;
  }
}
