import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { MAILBOX_LIMITS } from '../../api/chat/limits.ts';
import type { MailboxDetail, MailboxList, MailboxState } from '../../api/mailbox/schemas.ts';
import { formatDateTime } from '../shared/format.ts';
import { I18nController } from '../shared/i18n.ts';
import { chatMessages, mailboxMessages } from './chat-messages.ts';
import { ListDetailView } from './chat-shared.ts';
import { NO_ERRORS, describedBy, fieldError, formAlert, formErrors, type FormErrors } from './view.ts';

const STATES: MailboxState[] = ['nuevo', 'respondido', 'convertido'];

/**
 * The contact mailbox: the messages citizens leave when the chat is closed or busy
 * (`#/buzon`, with state filter and search), and one message (`#/buzon/12`) to answer by
 * e-mail or file as a PQRSD.
 *
 * @summary Buzón de contacto.
 */
export class EcamAdminMailbox extends ListDetailView<MailboxList, MailboxDetail> {
  private i18n = new I18nController(this, mailboxMessages);
  /** The pager and the PQRSD form speak the chat views' words. */
  private chatI18n = new I18nController(this, chatMessages);

  @state() private errors: FormErrors = NO_ERRORS;
  @state() private replied = '';
  @state() private busy = false;

  /** The message shown; 0 for the list. */
  @property({ type: Number }) messageId = 0;

  protected readonly href = '#/buzon';
  protected readonly path = '/mailbox';
  protected get itemId(): number {
    return this.messageId;
  }

  protected override opened(): void {
    this.errors = NO_ERRORS;
    this.replied = '';
  }

  private async handleReply(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const form = e.currentTarget as HTMLFormElement;
    const body = String(new FormData(form).get('body') ?? '');
    this.busy = true;
    this.errors = NO_ERRORS;
    this.replied = '';
    try {
      await this.api.send('POST', `/mailbox/${this.messageId}/reply`, { body });
      form.reset();
      await this.reloadDetail();
      this.replied = this.i18n.t.replied;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#replied')?.focus();
    } catch (err) {
      this.errors = formErrors(err);
      await this.focusProblem(form, this.errors);
    } finally {
      this.busy = false;
    }
  }

  private handleConverted(): void {
    // The state and radicado changed on the server; the form keeps showing the radicado.
    this.reloadDetail().catch(() => undefined);
  }

  private renderList(): TemplateResult {
    const t = this.i18n.t;
    const lang = this.i18n.lang;
    const list = this.list;
    return html`<h1 tabindex="-1">${t.title}</h1>
      ${this.renderFilters('m', STATES, t)}
      ${list
        ? list.items.length
          ? html`<div class="table-wrap" role="region" aria-label=${t.tableCaption} tabindex="0">
                <table>
                  <caption>
                    ${t.tableCaption}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">${t.colSubject}</th>
                      <th scope="col">${t.colFrom}</th>
                      <th scope="col">${t.colState}</th>
                      <th scope="col">${t.colDate}</th>
                      <th scope="col">${t.colRadicado}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${list.items.map(
                      (m) => html`<tr>
                        <th scope="row" class="text"><a href="#/buzon/${m.id}">${m.subject}</a></th>
                        <td>${m.name}<br /><span class="hint">${m.email}</span></td>
                        <td>${t.stateLabel(m.state)}</td>
                        <td>${formatDateTime(m.createdAt, lang)}</td>
                        <td>${m.radicado ? html`<a href="#/solicitud/${m.radicado}">${m.radicado}</a>` : nothing}</td>
                      </tr>`,
                    )}
                  </tbody>
                </table>
              </div>
              ${this.renderListPager(list, t)}`
          : html`<p>${t.noneFound}</p>`
        : nothing}`;
  }

  private renderDetail(d: MailboxDetail): TemplateResult {
    const t = this.i18n.t;
    const ct = this.chatI18n.t;
    const lang = this.i18n.lang;
    const message = this.errors.fields.body;
    return html`<dl>
        <dt>${t.from}</dt>
        <dd>${d.name} &lt;${d.email}&gt;</dd>
        <dt>${t.received}</dt>
        <dd>${formatDateTime(d.createdAt, lang)}</dd>
        <dt>${t.state}</dt>
        <dd>${t.stateLabel(d.state)}</dd>
        <dt>${t.consent}</dt>
        <dd>${ct.consentText(formatDateTime(d.consent.at, lang), d.consent.policyVersion, d.consent.ip)}</dd>
      </dl>
      <section class="panel" aria-labelledby="h-message">
        <h2 id="h-message">${t.message}</h2>
        <p class="text">${d.message}</p>
      </section>
      <h2>${t.repliesTitle}</h2>
      ${d.replies.length
        ? html`<ul class="notes">
            ${d.replies.map(
              (r) => html`<li class="panel">
                <p class="hint">${t.replyBy(r.staffName, formatDateTime(r.at, lang))}</p>
                <p class="text">${r.body}</p>
              </li>`,
            )}
          </ul>`
        : html`<p>${t.noReplies}</p>`}
      <div class="status" id="replied" role="status" tabindex="-1">${this.replied}</div>
      <form id="reply-form" novalidate aria-labelledby="h-reply" @submit=${this.handleReply}>
        <h2 id="h-reply">${t.replyTitle}</h2>
        ${formAlert(this.errors.alert)}
        <div class="field">
          <label for="reply-body">${t.replyField}</label>
          <span class="hint" id="reply-body-hint">${t.replyHint(d.email)}</span>
          ${fieldError('reply-body', message)}
          <textarea
            id="reply-body"
            name="body"
            maxlength=${MAILBOX_LIMITS.reply}
            aria-invalid=${message ? 'true' : 'false'}
            aria-describedby=${describedBy('reply-body', message, 'reply-body-hint')}
          ></textarea>
        </div>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? t.replying : t.replySubmit}</button>
        </div>
      </form>
      <h2>${ct.convertTitle}</h2>
      <ecam-admin-convert
        .api=${this.api}
        .user=${this.user}
        .path=${`/mailbox/${d.id}`}
        .radicado=${d.radicado}
        @ecam-admin-converted=${this.handleConverted}
      ></ecam-admin-convert>`;
  }

  override render(): TemplateResult {
    if (!this.messageId) return this.renderList();
    const t = this.i18n.t;
    const d = this.detail;
    return html`<h1 tabindex="-1">${d ? t.messageTitle(d.subject) : t.title}</h1>
      <p><a href="#/buzon">${t.backToList}</a></p>
      <div class="alert" role="alert">${this.error}</div>
      ${d ? this.renderDetail(d) : this.renderDetailLoading()}`;
  }
}

if (!customElements.get('ecam-admin-mailbox')) customElements.define('ecam-admin-mailbox', EcamAdminMailbox);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-mailbox': EcamAdminMailbox;
  }
}
