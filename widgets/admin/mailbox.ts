import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MailboxDetail, MailboxList, MailboxState } from '../../api/mailbox/schemas.ts';
import { formatDateTime } from '../shared/format.ts';
import { I18nController } from '../shared/i18n.ts';
import { chatMessages, mailboxMessages } from './chat-messages.ts';
import { listHref, parseListFilters, renderPager } from './chat-shared.ts';
import { AdminView, NO_ERRORS, describedBy, errorMessage, fieldError, formAlert, formErrors, type FormErrors } from './view.ts';

const STATES: MailboxState[] = ['nuevo', 'respondido', 'convertido'];
/** Keep in step with MAILBOX_LIMITS.reply in api/mailbox/schemas.ts. */
const REPLY_MAX = 10_000;

/**
 * The contact mailbox: the messages citizens leave when the chat is closed or busy
 * (`#/buzon`, with state filter and search), and one message (`#/buzon/12`) to answer by
 * e-mail or file as a PQRSD.
 *
 * @summary Buzón de contacto.
 */
export class EcamAdminMailbox extends AdminView {
  private i18n = new I18nController(this, mailboxMessages);
  /** The pager and the PQRSD form speak the chat views' words. */
  private chatI18n = new I18nController(this, chatMessages);

  @state() private list?: MailboxList;
  @state() private detail?: MailboxDetail;
  @state() private loading = false;
  @state() private error = '';
  @state() private errors: FormErrors = NO_ERRORS;
  @state() private replied = '';
  @state() private busy = false;

  /** The filters, as the query part of the page address (`estado=nuevo&q=certificado`). */
  @property() params = '';
  /** The message shown; 0 for the list. */
  @property({ type: Number }) messageId = 0;

  private loadSeq = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('params') || changed.has('messageId')) {
      this.errors = NO_ERRORS;
      this.replied = '';
      void this.load();
    }
  }

  private async load(): Promise<void> {
    const seq = ++this.loadSeq;
    this.loading = true;
    this.error = '';
    try {
      if (this.messageId) {
        const detail = await this.api.get<MailboxDetail>(`/mailbox/${this.messageId}`);
        if (seq === this.loadSeq) this.detail = detail;
      } else {
        const f = parseListFilters(this.params);
        const list = await this.api.get<MailboxList>('/mailbox', { q: f.q.trim(), state: f.estado, page: f.pagina });
        if (seq === this.loadSeq) this.list = list;
      }
    } catch (err) {
      if (seq === this.loadSeq) {
        this.list = this.detail = undefined;
        this.error = errorMessage(err);
      }
    } finally {
      if (seq === this.loadSeq) this.loading = false;
    }
  }

  private handleFilter(e: SubmitEvent): void {
    e.preventDefault();
    const d = new FormData(e.currentTarget as HTMLFormElement);
    const href = listHref('#/buzon', { q: String(d.get('q') ?? '').trim(), estado: String(d.get('estado') ?? ''), pagina: 1 });
    if (location.hash === href || (href === '#/buzon' && !this.params)) void this.load();
    else location.hash = href;
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
      this.detail = await this.api.get<MailboxDetail>(`/mailbox/${this.messageId}`);
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
    void this.api
      .get<MailboxDetail>(`/mailbox/${this.messageId}`)
      .then((d) => (this.detail = d))
      .catch(() => undefined);
  }

  private renderList(): TemplateResult {
    const t = this.i18n.t;
    const lang = this.i18n.lang;
    const f = parseListFilters(this.params);
    const list = this.list;
    return html`<h1 tabindex="-1">${t.title}</h1>
      <form class="filters" role="search" aria-label=${t.filterLabel} @submit=${this.handleFilter}>
        <div class="field">
          <label for="m-estado">${t.state}</label>
          <select id="m-estado" name="estado">
            <option value="">${t.allStates}</option>
            ${STATES.map((s) => html`<option value=${s} ?selected=${f.estado === s}>${t.stateLabel(s)}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="m-q">${t.search}</label>
          <input id="m-q" name="q" type="search" maxlength="200" .value=${f.q} aria-describedby="m-q-hint" />
          <span class="hint" id="m-q-hint">${t.searchHint}</span>
        </div>
        <div class="actions">
          <button type="submit" class="primary">${t.filter}</button>
          <a class="button" href="#/buzon">${t.clearFilters}</a>
        </div>
      </form>
      <p role="status" aria-live="polite">${this.loading ? this.chatI18n.t.loading : list ? t.found(list.total) : ''}</p>
      <div class="alert" role="alert">${this.error}</div>
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
              ${renderPager(list, (p) => listHref('#/buzon', { ...f, pagina: p }), t.pages, this.chatI18n.t)}`
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
            maxlength=${REPLY_MAX}
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
      ${d ? this.renderDetail(d) : this.error ? nothing : html`<p role="status">${this.chatI18n.t.loading}</p>`}`;
  }
}

if (!customElements.get('ecam-admin-mailbox')) customElements.define('ecam-admin-mailbox', EcamAdminMailbox);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-mailbox': EcamAdminMailbox;
  }
}
