import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { UserRecord } from '../../api/admin/schemas.ts';
import { I18nController } from '../shared/i18n.ts';
import { reviewMessages } from './messages-review.ts';
import { AdminView, NO_ERRORS, describedBy, errorMessage, fieldError, formAlert, formErrors, type FormErrors } from './view.ts';


type FormName = 'create' | 'edit' | 'password';

/**
 * Staff accounts for admins: the list, new accounts, role and active changes, and password
 * resets. Accounts are deactivated, never deleted (the audit log keeps naming them).
 *
 * @summary Usuarios del personal.
 */
export class EcamAdminUsers extends AdminView {
  /** Texts of the reviewer role (review before answering). */
  private reviewI18n = new I18nController(this, reviewMessages);

  @state() private users: UserRecord[] = [];
  @state() private loadError = '';
  @state() private editing?: UserRecord;
  @state() private errors: Partial<Record<FormName, FormErrors>> = {};
  @state() private done = '';
  @state() private busy = false;

  protected override willUpdate(): void {
    // The first load starts inside the first update (the properties from <ecam-admin> are set by then).
    if (!this.hasUpdated) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.users = await this.api.get<UserRecord[]>('/users');
      this.loadError = '';
    } catch (err) {
      this.loadError = errorMessage(err);
    }
  }

  private async edit(user: UserRecord): Promise<void> {
    this.editing = user;
    this.errors = {};
    this.done = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#h-edit')?.focus();
  }

  /** Runs a write from one of the forms; shows its errors in that form or what was done. */
  private async run(name: FormName, e: SubmitEvent, write: (d: FormData) => Promise<string>): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const form = e.currentTarget as HTMLFormElement;
    this.busy = true;
    this.done = '';
    this.errors = { ...this.errors, [name]: NO_ERRORS };
    try {
      this.done = await write(new FormData(form));
      form.reset();
      await this.load();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#done')?.focus();
    } catch (err) {
      const errors = formErrors(err);
      this.errors = { ...this.errors, [name]: errors };
      await this.focusProblem(form, errors);
    } finally {
      this.busy = false;
    }
  }

  private handleCreate(e: SubmitEvent): Promise<void> {
    return this.run('create', e, async (d) => {
      const password = String(d.get('password') ?? '');
      const created = await this.api.send<{ user: UserRecord; password?: string }>('POST', '/users', {
        username: String(d.get('username') ?? ''),
        name: String(d.get('name') ?? ''),
        email: String(d.get('email') ?? ''),
        role: String(d.get('role') ?? ''),
        reviewer: d.get('reviewer') === 'on',
        ...(password ? { password } : {}),
      });
      const t = this.words.t;
      const base = t.userCreated(created.user.username);
      return created.password ? `${base}${t.initialPassword(created.password)}` : base;
    });
  }

  private handleEdit(e: SubmitEvent): Promise<void> {
    const user = this.editing!;
    return this.run('edit', e, async (d) => {
      this.editing = await this.api.send<UserRecord>('PATCH', `/users/${user.id}`, {
        name: String(d.get('name') ?? ''),
        email: String(d.get('email') ?? ''),
        role: String(d.get('role') ?? ''),
        reviewer: d.get('reviewer') === 'on',
        active: d.get('active') === 'on',
      });
      return this.words.t.userSaved(user.username);
    });
  }

  private handlePassword(e: SubmitEvent): Promise<void> {
    const user = this.editing!;
    return this.run('password', e, async (d) => {
      await this.api.send<UserRecord>('PATCH', `/users/${user.id}`, { password: String(d.get('password') ?? '') });
      return this.words.t.passwordReset(user.username);
    });
  }

  private input(
    form: FormName,
    name: string,
    label: string,
    opts: { type?: string; value?: string; optional?: boolean; hint?: string; autocomplete?: string; max?: number } = {},
  ): TemplateResult {
    const id = `${form}-${name}`;
    const message = this.errors[form]?.fields[name];
    const hintId = opts.hint ? `${id}-hint` : undefined;
    return html`<div class="field">
      <label for=${id}>${label}${opts.optional ? html` <span class="hint">${this.words.t.optional}</span>` : nothing}</label>
      ${opts.hint ? html`<span class="hint" id=${hintId!}>${opts.hint}</span>` : nothing} ${fieldError(id, message)}
      <input
        id=${id}
        name=${name}
        type=${opts.type ?? 'text'}
        value=${opts.value ?? ''}
        maxlength=${opts.max ?? 120}
        autocomplete=${opts.autocomplete ?? 'off'}
        aria-invalid=${message ? 'true' : 'false'}
        aria-describedby=${describedBy(id, message, hintId)}
      />
    </div>`;
  }

  private roleSelect(form: FormName, selected: string): TemplateResult {
    const id = `${form}-role`;
    const message = this.errors[form]?.fields.role;
    return html`<div class="field">
      <label for=${id}>${this.words.t.roleLabel}</label>
      ${fieldError(id, message)}
      <select id=${id} name="role" aria-invalid=${message ? 'true' : 'false'} aria-describedby=${describedBy(id, message, `${id}-hint`)}>
        ${(['funcionario', 'admin'] as const).map((r) => html`<option value=${r} ?selected=${selected === r}>${this.words.t.role(r)}</option>`)}
      </select>
      <span class="hint" id="${id}-hint">${this.words.t.roleHint}</span>
    </div>`;
  }

  /** The reviewer checkbox: may approve or return answers in review. */
  private reviewerCheck(form: FormName, checked: boolean): TemplateResult {
    const r = this.reviewI18n.t;
    return html`<div class="check">
        <input id="${form}-reviewer" name="reviewer" type="checkbox" ?checked=${checked} aria-describedby="${form}-reviewer-hint" />
        <label for="${form}-reviewer">${r.reviewerLabel}</label>
      </div>
      <span class="hint" id="${form}-reviewer-hint">${r.reviewerHint}</span>`;
  }

  private renderEdit(u: UserRecord): TemplateResult {
    const t = this.words.t;
    return html`<section class="panel" aria-labelledby="h-edit">
      <h2 id="h-edit" tabindex="-1">${t.editUser(u.name, u.username)}</h2>
      <form novalidate aria-label=${t.userData(u.username)} @submit=${this.handleEdit}>
        ${formAlert(this.errors.edit?.alert ?? '')}
        ${this.input('edit', 'name', t.name, { value: u.name, autocomplete: 'off' })}
        ${this.input('edit', 'email', t.email, { type: 'email', value: u.email ?? '', optional: true, max: 254 })}
        ${this.roleSelect('edit', u.role)} ${this.reviewerCheck('edit', u.reviewer)}
        <div class="check">
          <input id="edit-active" name="active" type="checkbox" ?checked=${u.active} aria-describedby="edit-active-hint" />
          <label for="edit-active">${t.activeAccount}</label>
        </div>
        <span class="hint" id="edit-active-hint">${t.activeHint}</span>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.busy}>${t.saveChanges}</button>
          <button type="button" @click=${() => (this.editing = undefined)}>${t.cancel}</button>
        </div>
      </form>
      <h3>${t.resetPassword}</h3>
      <form novalidate aria-label=${t.resetPasswordOf(u.username)} @submit=${this.handlePassword}>
        ${formAlert(this.errors.password?.alert ?? '')}
        <input type="text" name="username" autocomplete="username" value=${u.username} hidden />
        ${this.input('password', 'password', t.newPassword, { type: 'password', autocomplete: 'new-password', hint: t.passwordHint, max: 256 })}
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${t.resetPasswordButton}</button>
        </div>
      </form>
    </section>`;
  }

  override render(): TemplateResult {
    const t = this.words.t;
    return html`<h1 tabindex="-1">${t.users}</h1>
      <div class="alert" role="alert">${this.loadError}</div>
      <div id="done" class="status text" role="status" tabindex="-1">${this.done}</div>
      <div class="table-wrap" role="region" aria-label=${t.usersTable} tabindex="0">
        <table>
          <caption>
            Cuentas del personal
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.username}</th>
              <th scope="col">${t.name}</th>
              <th scope="col">${t.email}</th>
              <th scope="col">${t.roleLabel}</th>
              <th scope="col">${this.reviewI18n.t.reviewerLabel}</th>
              <th scope="col">${t.state}</th>
              <th scope="col"><span class="visually-hidden">${t.actions}</span></th>
            </tr>
          </thead>
          <tbody>
            ${this.users.map(
              (u) => html`<tr>
                <th scope="row">${u.username}</th>
                <td>${u.name}</td>
                <td>${u.email ?? ''}</td>
                <td>${t.role(u.role)}</td>
                <td>${u.reviewer ? this.reviewI18n.t.reviewerYes : this.reviewI18n.t.reviewerNo}</td>
                <td>${u.active ? t.active : t.inactive}</td>
                <td><button type="button" @click=${() => this.edit(u)}>${t.edit}<span class="visually-hidden">${t.editWho(u.username)}</span></button></td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${this.editing ? this.renderEdit(this.editing) : nothing}
      <section class="panel" aria-labelledby="h-create">
        <h2 id="h-create">${t.createUser}</h2>
        <form novalidate aria-labelledby="h-create" @submit=${this.handleCreate}>
          ${formAlert(this.errors.create?.alert ?? '')}
          ${this.input('create', 'username', t.username, { hint: t.usernameHint, max: 40 })}
          ${this.input('create', 'name', t.name)}
          ${this.input('create', 'email', t.email, { type: 'email', optional: true, max: 254 })}
          ${this.roleSelect('create', 'funcionario')} ${this.reviewerCheck('create', false)}
          ${this.input('create', 'password', t.initialPasswordLabel, {
            type: 'password',
            optional: true,
            autocomplete: 'new-password',
            hint: t.initialPasswordHint,
            max: 256,
          })}
          <div class="actions">
            <button type="submit" class="primary" ?disabled=${this.busy}>${t.createUserButton}</button>
          </div>
        </form>
      </section>`;
  }
}

if (!customElements.get('ecam-admin-users')) customElements.define('ecam-admin-users', EcamAdminUsers);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-users': EcamAdminUsers;
  }
}
