import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PeriodKind } from '../../api/reports/periods.ts';
import type { PublishedList, PublishedSummary } from '../../api/reports/schemas.ts';
import { formatDate, formatDateTime } from '../shared/format.ts';
import { I18nController } from '../shared/i18n.ts';
import { publishedMessages } from './messages-published.ts';
import { AdminView, NO_ERRORS, describedBy, fieldError, formAlert, formErrors, type FormErrors } from './view.ts';

/**
 * The publication part of the report view: "Publicar este informe" for the period shown (admins),
 * a corrected version when it is published already, and the list of every published version.
 *
 * @summary Publicación de informes de PQRSD.
 */
export class EcamAdminPublished extends AdminView {
  static override styles = [
    ...AdminView.styles,
    css`
      section,
      form {
        display: grid;
        gap: 1rem;
        margin-block-start: 1.5rem;
      }
      form {
        margin: 0;
      }
      h2,
      h3,
      p {
        margin: 0;
      }
    `,
  ];

  private i18n = new I18nController(this, publishedMessages);

  /** The period of the report shown in the view. */
  @property({ attribute: false }) period?: { kind: PeriodKind; from: string; to: string };

  @state() private list?: PublishedSummary[];
  @state() private confirming = false;
  @state() private busy = false;
  @state() private errors: FormErrors = NO_ERRORS;
  @state() private status = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadList();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    const before = changed.get('period') as EcamAdminPublished['period'];
    const p = this.period;
    if (before && p && (before.kind !== p.kind || before.from !== p.from || before.to !== p.to)) {
      this.confirming = false;
      this.errors = NO_ERRORS;
      this.status = '';
    }
  }

  private async loadList(): Promise<void> {
    try {
      this.list = (await this.api.get<PublishedList>('/reports/published')).reports;
    } catch (err) {
      this.errors = formErrors(err);
    }
  }

  private name(r: { kind: PeriodKind; from: string; to: string }): string {
    return this.i18n.t.periodName(r.kind, r.from, r.to, (d) => formatDate(d, this.i18n.lang));
  }

  /** The newest version published for the period shown, if any. */
  private get latest(): PublishedSummary | undefined {
    const p = this.period;
    return p && this.list?.find((r) => r.from === p.from && r.to === p.to && !r.replacedBy);
  }

  private async publish(reason?: string): Promise<void> {
    const p = this.period;
    if (!p) return;
    const latest = this.latest;
    this.busy = true;
    this.errors = NO_ERRORS;
    try {
      const done = await this.api.send<PublishedSummary>('POST', '/reports/published', {
        ...p,
        ...(latest ? { replaces: latest.id, reason } : {}),
      });
      this.confirming = false;
      this.status = this.i18n.t.published(this.name(done), done.version);
      await this.loadList();
    } catch (err) {
      this.errors = formErrors(err);
      await this.updateComplete;
      const invalid = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
      (invalid ?? this.renderRoot.querySelector<HTMLElement>('.alert'))?.focus();
    } finally {
      this.busy = false;
    }
  }

  private async handleConfirm(): Promise<void> {
    this.confirming = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#publish-confirm')?.focus();
  }

  private handleCorrection(e: SubmitEvent): void {
    e.preventDefault();
    const reason = String(new FormData(e.target as HTMLFormElement).get('reason') ?? '').trim();
    void this.publish(reason);
  }

  private renderPublish(): TemplateResult | typeof nothing {
    const p = this.period;
    if (!p || !this.list) return nothing;
    const t = this.i18n.t;
    const name = this.name(p);
    const latest = this.latest;
    if (this.user.role !== 'admin') return html`<p>${t.onlyAdmins}</p>`;
    if (latest) {
      const f = this.errors.fields;
      return html`<p>${t.latest(latest.version, formatDateTime(latest.publishedAt, this.i18n.lang))}</p>
        <form novalidate aria-labelledby="h-correct" @submit=${this.handleCorrection}>
          <h3 id="h-correct">${t.correctTitle}</h3>
          <div class="field">
            <label for="publish-reason">${t.reasonLabel}</label>
            <span class="hint" id="publish-reason-hint">${t.reasonHint}</span>
            ${fieldError('publish-reason', f.reason)}
            <textarea
              id="publish-reason"
              name="reason"
              maxlength="1000"
              rows="3"
              aria-invalid=${f.reason ? 'true' : 'false'}
              aria-describedby=${describedBy('publish-reason', f.reason, 'publish-reason-hint')}
            ></textarea>
          </div>
          <div class="actions">
            <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? t.publishing : t.publishCorrection(latest.version + 1)}</button>
          </div>
        </form>`;
    }
    if (this.confirming) {
      return html`<div role="group" aria-labelledby="publish-confirm">
        <p id="publish-confirm" tabindex="-1">${t.confirm(name)}</p>
        <div class="actions">
          <button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.publish()}>
            ${this.busy ? t.publishing : t.confirmYes}
          </button>
          <button type="button" @click=${() => (this.confirming = false)}>${t.cancel}</button>
        </div>
      </div>`;
    }
    return html`<p>${t.notPublished(name)}</p>
      <div class="actions"><button type="button" class="primary" @click=${this.handleConfirm}>${t.publish}</button></div>`;
  }

  private renderList(list: PublishedSummary[]): TemplateResult {
    const { t, lang } = this.i18n;
    if (!list.length) return html`<p>${t.listEmpty}</p>`;
    return html`<ul>
      ${list.map((r) => {
        const entry = t.entry(this.name(r), r.version);
        return html`<li>
          <strong>${entry}</strong>, ${t.entryMeta(formatDateTime(r.publishedAt, lang), r.publishedBy)}${r.replacedBy
            ? html`, ${t.replacedBy(r.replacedBy.version)}`
            : nothing}.
          <a href=${`${this.api.base}/api/reports/published/${r.id}.csv`} download aria-label=${t.csvOf(entry)}>CSV</a>
        </li>`;
      })}
    </ul>`;
  }

  override render(): TemplateResult {
    const t = this.i18n.t;
    return html`<section aria-labelledby="h-publish">
      <h2 id="h-publish">${t.publishTitle}</h2>
      <p>${t.publishIntro}</p>
      ${this.errors.alert ? formAlert(this.errors.alert) : nothing}
      <p class="status" role="status">${this.status}</p>
      ${this.renderPublish()}
      <h3>${t.listTitle}</h3>
      ${this.list ? this.renderList(this.list) : nothing}
    </section>`;
  }
}

if (!customElements.get('ecam-admin-published')) customElements.define('ecam-admin-published', EcamAdminPublished);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-published': EcamAdminPublished;
  }
}
