import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CheckResult, Flag, RequestNotice } from '../../api/notices/schemas.ts';
import { formatDate, formatDateTime } from '../shared/format.ts';
import { I18nController } from '../shared/i18n.ts';
import { ApiError } from './api.ts';
import { noticesMessages } from './messages-notices.ts';
import { AdminView, NO_ERRORS, describedBy, errorMessage, fieldError, formAlert, formErrors, type FormErrors } from './view.ts';

/** Fired when a notice was published or a failure recorded: the request's history changed. */
export class EcamAdminNoticeChangedEvent extends Event {
  constructor() {
    super('ecam-admin-notice-changed', { bubbles: true, composed: true });
  }
}

/**
 * The notice part of a request's page: its published notice with the dates, or, when the answer
 * may be published, the editor (the answer as proposed text, the personal data the server found,
 * each to remove or confirm, a preview); and the form to record a failed delivery.
 *
 * @summary Aviso de una solicitud: publicación y entrega fallida.
 */
export class EcamAdminNoticePanel extends AdminView {
  private i18n = new I18nController(this, noticesMessages);

  @state() private info?: RequestNotice;
  @state() private loadError = '';
  @state() private text = '';
  @state() private flags: Flag[] = [];
  @state() private confirmed = new Set<string>();
  @state() private busy: 'check' | 'publish' | 'failure' | null = null;
  @state() private errors: { publish: FormErrors; failure: FormErrors } = { publish: NO_ERRORS, failure: NO_ERRORS };
  @state() private outcome = '';

  /** The radicado of the request. */
  @property() radicado = '';

  /** Changes when the request changes (its history grows): the panel reads its state again. */
  @property({ attribute: false }) stamp = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('radicado') && this.radicado) {
      this.info = undefined;
      this.outcome = '';
      void this.load();
    } else if (changed.has('stamp') && changed.get('stamp') !== undefined && this.radicado) {
      void this.load();
    }
  }

  private path(suffix = ''): string {
    return `/notices/${encodeURIComponent(this.radicado)}${suffix}`;
  }

  async load(): Promise<void> {
    this.loadError = '';
    try {
      this.show(await this.api.get<RequestNotice>(this.path()));
    } catch (err) {
      this.loadError = errorMessage(err);
    }
  }

  private show(info: RequestNotice): void {
    this.info = info;
    this.text = info.proposal?.text ?? '';
    this.flags = info.proposal?.flags ?? [];
    this.confirmed = new Set();
  }

  private get pending(): Flag[] {
    return this.flags.filter((f) => !this.confirmed.has(f.id));
  }

  private handleText(e: Event): void {
    this.text = (e.target as HTMLTextAreaElement).value;
  }

  /** Asks the server what personal data the text has now; confirmations of flags still found stay. */
  private async check(): Promise<void> {
    if (this.busy) return;
    this.busy = 'check';
    this.errors = { ...this.errors, publish: NO_ERRORS };
    try {
      const { flags } = await this.api.send<CheckResult>('POST', this.path('/check'), { text: this.text.trim() });
      this.flags = flags;
      this.confirmed = new Set([...this.confirmed].filter((id) => flags.some((f) => f.id === id)));
    } catch (err) {
      this.errors = { ...this.errors, publish: formErrors(err) };
    } finally {
      this.busy = null;
    }
  }

  private toggle(flag: Flag, e: Event): void {
    const next = new Set(this.confirmed);
    if ((e.target as HTMLInputElement).checked) next.add(flag.id);
    else next.delete(flag.id);
    this.confirmed = next;
  }

  /** Replaces every spelling of the flagged item in the text, then checks again. */
  private async suppress(flag: Flag): Promise<void> {
    const mark = this.i18n.t.suppressed;
    // Longest first, so "Ana María Pérez" goes before "Ana".
    for (const m of [...flag.matches].sort((a, b) => b.length - a.length)) this.text = this.text.split(m).join(mark);
    await this.check();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#flags-status')?.focus();
  }

  private async publish(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    this.busy = 'publish';
    this.errors = { ...this.errors, publish: NO_ERRORS };
    this.outcome = '';
    try {
      const info = await this.api.send<RequestNotice>('POST', this.path(), { text: this.text.trim(), confirmed: [...this.confirmed] });
      this.show(info);
      this.outcome = this.i18n.t.publishedDone(formatDate(info.notice!.removalOn, this.i18n.lang));
      this.dispatchEvent(new EcamAdminNoticeChangedEvent());
      this.busy = null;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#notice-outcome')?.focus();
    } catch (err) {
      this.busy = null;
      this.errors = { ...this.errors, publish: formErrors(err) };
      // The server found data not confirmed (the text changed since the last check): show them.
      if (err instanceof ApiError && err.code === 'personal-data') await this.check();
      this.errors = { ...this.errors, publish: formErrors(err) };
      await this.focusProblem(this.renderRoot.querySelector<HTMLFormElement>('#form-publish'), this.errors.publish);
    }
  }

  private async recordFailure(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const form = e.currentTarget as HTMLFormElement;
    const d = new FormData(form);
    this.busy = 'failure';
    this.errors = { ...this.errors, failure: NO_ERRORS };
    this.outcome = '';
    try {
      const info = await this.api.send<RequestNotice>('POST', this.path('/delivery-failures'), {
        channel: String(d.get('channel') ?? '') || undefined,
        reason: String(d.get('reason') ?? '').trim(),
      });
      form.reset();
      this.show(info);
      this.outcome = this.i18n.t.recorded;
      this.dispatchEvent(new EcamAdminNoticeChangedEvent());
      this.busy = null;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#notice-outcome')?.focus();
    } catch (err) {
      this.busy = null;
      this.errors = { ...this.errors, failure: formErrors(err) };
      await this.focusProblem(this.renderRoot.querySelector<HTMLFormElement>('#form-failure'), this.errors.failure);
    }
  }

  // ---- Rendering --------------------------------------------------------------------------

  private renderNotice(n: NonNullable<RequestNotice['notice']>): TemplateResult {
    const { t, lang } = this.i18n;
    return html`<section class="panel" aria-labelledby="notice-published">
      <h3 id="notice-published">${t.published}: ${t.kind(n.kind)}</h3>
      <p><strong>${n.current ? t.current : t.removed}</strong></p>
      <dl>
        <dt>${t.publishedOn}</dt>
        <dd>${formatDateTime(n.publishedAt, lang)}</dd>
        <dt>${t.removalOn}</dt>
        <dd>${formatDate(n.removalOn, lang)}</dd>
        <dt>${t.notifiedOn}</dt>
        <dd>${formatDate(n.notifiedOn, lang)}</dd>
        <dt>${t.publishedBy}</dt>
        <dd>${n.publishedBy ?? '—'}</dd>
      </dl>
      <h4>${t.noticeText}</h4>
      <p class="text">${n.text}</p>
    </section>`;
  }

  private renderFlags(): TemplateResult {
    const t = this.i18n.t;
    const pending = this.pending.length;
    return html`<fieldset>
      <legend>${t.flagsTitle}</legend>
      <p id="flags-status" class=${pending ? 'alert' : 'status'} role="status" tabindex="-1">
        ${this.flags.length === 0 ? t.noFlags : pending ? t.pending(pending) : t.ready}
      </p>
      ${this.flags.length
        ? html`<p class="hint">${t.flagsIntro}</p>
            <ul class="flags">
              ${this.flags.map((f, i) => {
                const id = `flag-${i}`;
                return html`<li>
                  <p>
                    <strong>${t.flagKind(f.kind)}:</strong> <span class="text">${f.text}</span>
                    <span class="hint">(${f.source === 'registro' ? t.fromRecord : t.byPattern}; ${t.times(f.count)})</span>
                  </p>
                  <div class="check">
                    <input id=${id} type="checkbox" .checked=${this.confirmed.has(f.id)} @change=${(e: Event) => this.toggle(f, e)} />
                    <label for=${id}>${t.confirm(f.text)}</label>
                  </div>
                  <button type="button" ?disabled=${this.busy !== null} @click=${() => this.suppress(f)}>${t.suppress(f.text)}</button>
                </li>`;
              })}
            </ul>`
        : nothing}
    </fieldset>`;
  }

  private renderEditor(info: RequestNotice): TemplateResult {
    const { t, lang } = this.i18n;
    const errors = this.errors.publish;
    const message = errors.fields.text;
    const dates = info.datesIfPublishedToday;
    return html`<section class="panel" aria-labelledby="title-publish">
      <h3 id="title-publish">${t.publishTitle}</h3>
      <p>${info.reason}</p>
      <p>${t.publishIntro(formatDate(dates.removalOn, lang), info.kind === 'aviso' ? formatDate(dates.notifiedOn, lang) : null)}</p>
      <form id="form-publish" novalidate aria-busy=${this.busy === 'publish' ? 'true' : 'false'} @submit=${this.publish}>
        ${formAlert(errors.alert)}
        <div class="field">
          <label for="notice-text">${t.textLabel}</label>
          <span class="hint" id="notice-text-hint">${t.textHint}</span>
          ${fieldError('notice-text', message)}
          <textarea
            id="notice-text"
            name="text"
            maxlength="20000"
            rows="10"
            .value=${this.text}
            aria-invalid=${message ? 'true' : 'false'}
            aria-describedby=${describedBy('notice-text', message, 'notice-text-hint')}
            @input=${this.handleText}
            @change=${this.check}
          ></textarea>
        </div>
        <div class="actions">
          <button type="button" ?disabled=${this.busy !== null} @click=${this.check}>${this.busy === 'check' ? t.checking : t.check}</button>
        </div>
        ${this.renderFlags()}
        <section aria-labelledby="notice-preview">
          <h4 id="notice-preview">${t.preview}</h4>
          <p class="hint">${t.previewHint}</p>
          <p class="text preview">${this.text.trim()}</p>
        </section>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.busy !== null}>${this.busy === 'publish' ? t.publishing : t.publish}</button>
        </div>
      </form>
    </section>`;
  }

  private renderFailureForm(info: RequestNotice): TemplateResult {
    const t = this.i18n.t;
    const errors = this.errors.failure;
    const channelError = errors.fields.channel;
    const reasonError = errors.fields.reason;
    return html`<section class="panel" aria-labelledby="title-failure">
      <h3 id="title-failure">${t.failureTitle}</h3>
      <p>${t.failureIntro}</p>
      <form id="form-failure" novalidate aria-busy=${this.busy === 'failure' ? 'true' : 'false'} @submit=${this.recordFailure}>
        ${formAlert(errors.alert)}
        <div class="field">
          <label for="failure-channel">${t.channel}</label>
          ${fieldError('failure-channel', channelError)}
          <select
            id="failure-channel"
            name="channel"
            aria-invalid=${channelError ? 'true' : 'false'}
            aria-describedby=${describedBy('failure-channel', channelError)}
          >
            ${info.failureChannels.length > 1 ? html`<option value="">${t.select}</option>` : nothing}
            ${info.failureChannels.map((c) => html`<option value=${c}>${t.channelName(c)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="failure-reason">${t.reason}</label>
          <span class="hint" id="failure-reason-hint">${t.reasonHint}</span>
          ${fieldError('failure-reason', reasonError)}
          <textarea
            id="failure-reason"
            name="reason"
            maxlength="1000"
            aria-invalid=${reasonError ? 'true' : 'false'}
            aria-describedby=${describedBy('failure-reason', reasonError, 'failure-reason-hint')}
          ></textarea>
        </div>
        <div class="actions">
          <button type="submit" ?disabled=${this.busy !== null}>${this.busy === 'failure' ? t.recording : t.record}</button>
        </div>
      </form>
    </section>`;
  }

  override render(): TemplateResult {
    const info = this.info;
    const { t, lang } = this.i18n;
    return html`<section aria-labelledby="h-notice">
      <h2 id="h-notice">${t.panelTitle}</h2>
      <div class="alert" role="alert">${this.loadError}</div>
      <div id="notice-outcome" class="status" role="status" tabindex="-1">${this.outcome}</div>
      ${info
        ? html`${info.notice ? this.renderNotice(info.notice) : info.proposal ? this.renderEditor(info) : html`<p>${info.reason}</p>`}
          ${info.failures.length
            ? html`<h3>${t.failures}</h3>
                <ul>
                  ${info.failures.map(
                    (f) => html`<li>
                      <p>${t.failureLine(formatDateTime(f.at, lang), t.channelName(f.channel), f.by ?? '—')}</p>
                      <p class="text">${f.reason}</p>
                    </li>`,
                  )}
                </ul>`
            : nothing}
          ${!info.notice && info.failureChannels.length ? this.renderFailureForm(info) : nothing}`
        : this.loadError
          ? nothing
          : html`<p role="status">${t.loading}</p>`}
    </section>`;
  }
}

if (!customElements.get('ecam-admin-notice-panel')) customElements.define('ecam-admin-notice-panel', EcamAdminNoticePanel);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-notice-panel': EcamAdminNoticePanel;
  }
}
