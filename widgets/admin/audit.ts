import { html, nothing, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { AuditEntryWire } from '../../api/admin/schemas.ts';
import { formatDateTime } from '../shared/format.ts';
import { AUDIT_ACTION_CODES } from './messages.ts';
import { AdminView, NO_ERRORS, describedBy, fieldError, formAlert, formErrors, type FormErrors } from './view.ts';

interface AuditPage {
  items: AuditEntryWire[];
  total: number;
  page: number;
  pageSize: number;
}

interface AuditFilters {
  from: string;
  to: string;
  staff: string;
  action: string;
}

const NO_FILTERS: AuditFilters = { from: '', to: '', staff: '', action: '' };

/** The details of an entry as plain text, `clave: valor` separated by semicolons. */
function detailsText(details: Record<string, unknown> | null): string {
  if (!details) return '';
  return Object.entries(details)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');
}

/**
 * The audit log for admins: every staff action and login, newest first, with filters.
 *
 * @summary Registro de auditoría.
 */
export class EcamAdminAudit extends AdminView {
  @query('form') private form?: HTMLFormElement;

  @state() private filters: AuditFilters = NO_FILTERS;
  @state() private result?: AuditPage;
  @state() private errors: FormErrors = NO_ERRORS;
  @state() private loading = false;

  protected override willUpdate(): void {
    // The first load starts inside the first update (the properties from <ecam-admin> are set by then).
    if (!this.hasUpdated) void this.load(1);
  }

  private async load(page: number): Promise<void> {
    this.loading = true;
    this.errors = NO_ERRORS;
    try {
      this.result = await this.api.get<AuditPage>('/audit', { ...this.filters, page });
    } catch (err) {
      this.errors = formErrors(err);
      await this.focusProblem(this.form, this.errors);
    } finally {
      this.loading = false;
    }
  }

  private handleSubmit(e: SubmitEvent): void {
    e.preventDefault();
    const d = new FormData(this.form);
    const get = (k: keyof AuditFilters) => String(d.get(k) ?? '').trim();
    this.filters = { from: get('from'), to: get('to'), staff: get('staff'), action: get('action') };
    void this.load(1);
  }

  private handleReset(): void {
    this.filters = NO_FILTERS;
    this.form?.reset();
    void this.load(1);
  }

  private renderFilters(): TemplateResult {
    const f = this.errors.fields;
    const t = this.words.t;
    const date = (name: 'from' | 'to', label: string) => {
      const id = `audit-${name}`;
      return html`<div class="field">
        <label for=${id}>${label}</label>
        ${fieldError(id, f[name])}
        <input
          id=${id}
          name=${name}
          type="date"
          .value=${this.filters[name]}
          aria-invalid=${f[name] ? 'true' : 'false'}
          aria-describedby=${describedBy(id, f[name])}
        />
      </div>`;
    };
    return html`<form class="filters" role="search" aria-label=${t.auditFilters} novalidate @submit=${this.handleSubmit}>
      ${formAlert(this.errors.alert)} ${date('from', t.from)} ${date('to', t.to)}
      <div class="field">
        <label for="audit-staff">${t.username}</label>
        ${fieldError('audit-staff', f.staff)}
        <input id="audit-staff" name="staff" maxlength="100" autocomplete="off" .value=${this.filters.staff} />
      </div>
      <div class="field">
        <label for="audit-action">${t.action}</label>
        <select id="audit-action" name="action">
          <option value="">${t.all}</option>
          ${AUDIT_ACTION_CODES.map(
            (value) => html`<option value=${value} ?selected=${this.filters.action === value}>${t.auditAction(value)}</option>`,
          )}
        </select>
      </div>
      <div class="actions">
        <button type="submit" class="primary">${t.filter}</button>
        <button type="button" @click=${this.handleReset}>${t.clearFilters}</button>
      </div>
    </form>`;
  }

  private renderTable(r: AuditPage): TemplateResult {
    const { t, lang } = this.words;
    if (!r.items.length) return html`<p>${t.noAudit}</p>`;
    const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
    return html`<div class="table-wrap" role="region" aria-label=${t.auditTable} tabindex="0">
        <table tabindex="0">
          <caption>
            ${t.auditCaption}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.dateTime}</th>
              <th scope="col">${t.username}</th>
              <th scope="col">${t.action}</th>
              <th scope="col">${t.about}</th>
              <th scope="col">${t.fromIp}</th>
              <th scope="col">${t.details}</th>
            </tr>
          </thead>
          <tbody>
            ${r.items.map(
              (e) => html`<tr>
                <td>${formatDateTime(e.at, lang)}</td>
                <td>${e.username}</td>
                <td>${t.auditAction(e.action)}</td>
                <td>${e.target ?? ''}</td>
                <td>${e.ip}</td>
                <td class="text">${detailsText(e.details)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${pages > 1
        ? html`<nav class="pager" aria-label=${t.auditPages}>
            <p>${t.pageOf(r.page, pages)}</p>
            <ul>
              ${r.page > 1 ? html`<li><button type="button" @click=${() => this.load(r.page - 1)}>${t.previousPage}</button></li>` : nothing}
              ${r.page < pages ? html`<li><button type="button" @click=${() => this.load(r.page + 1)}>${t.nextPage}</button></li>` : nothing}
            </ul>
          </nav>`
        : nothing}`;
  }

  override render(): TemplateResult {
    const n = this.result?.total ?? 0;
    const t = this.words.t;
    return html`<h1 tabindex="-1">${t.auditTitle}</h1>
      <p>${t.auditIntro}</p>
      ${this.renderFilters()}
      <p role="status" aria-live="polite">
        ${this.loading ? t.loadingAudit : this.result ? t.auditCount(n) : ''}
      </p>
      ${this.result ? this.renderTable(this.result) : nothing}`;
  }
}

if (!customElements.get('ecam-admin-audit')) customElements.define('ecam-admin-audit', EcamAdminAudit);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-audit': EcamAdminAudit;
  }
}
