import { html, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { SessionInfo } from '../../api/admin/schemas.ts';
import { ApiError } from './api.ts';
import { AdminView, NO_ERRORS, describedBy, errorMessage, fieldError, formAlert, type FormErrors } from './view.ts';

/** Fired by `<ecam-admin-login>` once the staff member is in. */
export class EcamAdminLoginEvent extends Event {
  readonly detail: SessionInfo;

  constructor(detail: SessionInfo) {
    super('ecam-admin-login', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

/**
 * The staff login: username and password, one answer for any wrong pair, and the lockout
 * message (with the wait) after too many failures.
 *
 * @summary Ingreso del personal de la entidad.
 * @event ecam-admin-login - Signed in; `event.detail` is the session (user and CSRF token).
 */
export class EcamAdminLogin extends AdminView {
  @query('form') private form?: HTMLFormElement;

  @state() private errors: FormErrors = NO_ERRORS;
  @state() private busy = false;

  /** A message to show above the form, e.g. that the session ended. */
  @property() notice = '';

  private async handleSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const data = new FormData(this.form);
    const username = String(data.get('username') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const fields: Record<string, string> = {};
    const t = this.words.t;
    if (!username) fields.username = t.usernameRequired;
    if (!password) fields.password = t.passwordRequired;
    if (Object.keys(fields).length) {
      this.errors = { alert: t.bothRequired, fields };
      return this.focusProblem(this.form, this.errors);
    }
    this.busy = true;
    this.errors = NO_ERRORS;
    try {
      const session = await this.api.login(username, password);
      this.form?.reset();
      this.dispatchEvent(new EcamAdminLoginEvent(session));
    } catch (err) {
      const fieldsFromServer = err instanceof ApiError && err.status === 400 ? err.fields : {};
      this.errors = { alert: errorMessage(err), fields: fieldsFromServer };
      // A wrong password is retyped; the username usually stays right.
      const pw = this.form?.querySelector<HTMLInputElement>('#login-password');
      if (pw) pw.value = '';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.alert')?.focus();
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    const f = this.errors.fields;
    const t = this.words.t;
    return html`<h1 tabindex="-1">${t.loginTitle}</h1>
      <p>${t.loginIntro}</p>
      <p class="status" role="status">${this.notice}</p>
      <form novalidate aria-label=${t.loginForm} aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.handleSubmit}>
        ${formAlert(this.errors.alert)}
        <div class="field">
          <label for="login-username">${t.username}</label>
          ${fieldError('login-username', f.username)}
          <input
            id="login-username"
            name="username"
            autocomplete="username"
            autocapitalize="none"
            spellcheck="false"
            required
            maxlength="100"
            aria-invalid=${f.username ? 'true' : 'false'}
            aria-describedby=${describedBy('login-username', f.username)}
          />
        </div>
        <div class="field">
          <label for="login-password">${t.password}</label>
          ${fieldError('login-password', f.password)}
          <input
            id="login-password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            maxlength="256"
            aria-invalid=${f.password ? 'true' : 'false'}
            aria-describedby=${describedBy('login-password', f.password)}
          />
        </div>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? t.signingIn : t.signInButton}</button>
        </div>
      </form>`;
  }
}

if (!customElements.get('ecam-admin-login')) customElements.define('ecam-admin-login', EcamAdminLogin);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-login': EcamAdminLogin;
  }
  interface HTMLElementEventMap {
    'ecam-admin-login': EcamAdminLoginEvent;
  }
}
