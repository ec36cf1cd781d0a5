import { css, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { AdminChatDetail, AdminChatList, ChatState } from '../../api/chat/schemas.ts';
import { formatDateTime } from '../shared/format.ts';
import { I18nController } from '../shared/i18n.ts';
import { chatMessages } from './chat-messages.ts';
import { ListDetailView, chatStyles, renderEarlier, renderLog } from './chat-shared.ts';
import { AdminView } from './view.ts';

const STATES: ChatState[] = ['waiting', 'active', 'closed'];

/**
 * Every chat conversation, searchable by what was said, name, e-mail or topic (`#/conversaciones`),
 * and one of them read-only with its transcript to download (`#/conversaciones/12`).
 *
 * @summary Conversaciones del chat y sus transcripciones.
 */
export class EcamAdminChatTranscripts extends ListDetailView<AdminChatList, AdminChatDetail> {
  static override styles = [
    ...AdminView.styles,
    chatStyles,
    css`
      .log {
        max-height: none;
      }
    `,
  ];

  private i18n = new I18nController(this, chatMessages);

  /** The conversation shown read-only; 0 for the list. */
  @property({ type: Number }) conversationId = 0;

  protected readonly href = '#/conversaciones';
  protected readonly path = '/chat/conversations';
  protected get itemId(): number {
    return this.conversationId;
  }

  private renderList(): TemplateResult {
    const t = this.i18n.t;
    const lang = this.i18n.lang;
    const list = this.list;
    return html`<h1 tabindex="-1">${t.transcriptsTitle}</h1>
      <p><a href="#/chat">${t.backToConsole}</a> · <a href="#/calificaciones">${t.linkRatings}</a></p>
      ${this.renderFilters('t', STATES, t)}
      ${list
        ? list.items.length
          ? html`<div class="table-wrap" role="region" aria-label=${t.tableCaption} tabindex="0">
                <table>
                  <caption>
                    ${t.tableCaption}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">${t.colDate}</th>
                      <th scope="col">${t.colPerson}</th>
                      <th scope="col">${t.colTopic}</th>
                      <th scope="col">${t.colState}</th>
                      <th scope="col">${t.colAgent}</th>
                      <th scope="col" class="num">${t.colMessages}</th>
                      <th scope="col">${t.colRadicado}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${list.items.map(
                      (c) => html`<tr>
                        <th scope="row"><a href="#/conversaciones/${c.id}">${formatDateTime(c.createdAt, lang)}</a></th>
                        <td>${c.name ?? t.noName}${c.email ? html`<br /><span class="hint">${c.email}</span>` : nothing}</td>
                        <td class="text">${c.topic}</td>
                        <td>${t.stateLabel(c.state)}</td>
                        <td>${c.agentName ?? t.noAgent}</td>
                        <td class="num">${c.messageCount}</td>
                        <td>${c.radicado ? html`<a href="#/solicitud/${c.radicado}">${c.radicado}</a>` : nothing}</td>
                      </tr>`,
                    )}
                  </tbody>
                </table>
              </div>
              ${this.renderListPager(list, t)}`
          : html`<p>${t.noneFound}</p>`
        : nothing}`;
  }

  private renderDetail(): TemplateResult {
    const t = this.i18n.t;
    const lang = this.i18n.lang;
    const d = this.detail;
    return html`<h1 tabindex="-1">${t.transcriptTitle(this.conversationId)}</h1>
      <p><a href="#/conversaciones">${t.backToList}</a></p>
      <div class="alert" role="alert">${this.error}</div>
      ${d
        ? html`<dl>
              <dt>${t.colPerson}</dt>
              <dd>${d.name ?? t.noName}</dd>
              <dt>${t.email}</dt>
              <dd>${d.email ?? t.noEmail}</dd>
              <dt>${t.topic}</dt>
              <dd class="text">${d.topic}</dd>
              <dt>${t.state}</dt>
              <dd>${t.stateLabel(d.state)}${d.closedBy ? ` (${t.closedByLabel(d.closedBy)})` : ''}</dd>
              <dt>${t.agent}</dt>
              <dd>${d.agentName ?? t.noAgent}</dd>
              <dt>${t.started}</dt>
              <dd>${formatDateTime(d.createdAt, lang)}</dd>
              <dt>${t.consent}</dt>
              <dd>${t.consentText(formatDateTime(d.consent.at, lang), d.consent.policyVersion, d.consent.ip)}</dd>
              <dt>${t.rating}</dt>
              <dd>${d.rating ? t.ratingText(d.rating.score, d.rating.comment) : t.noRating}</dd>
              <dt>${t.radicadoLabel}</dt>
              <dd>${d.radicado ? html`<a href="#/solicitud/${d.radicado}">${d.radicado}</a>` : '—'}</dd>
            </dl>
            <p>
              <a class="button" href=${this.api.url(`/chat/conversations/${d.id}/transcript`)} download="conversacion-${d.id}.txt">${t.download}</a>
            </p>
            ${renderLog(d.messages, { citizenName: d.name, label: t.messagesLog(d.name ?? t.noName), t, lang })}
            <h2>${t.earlierTitle}</h2>
            ${renderEarlier(d.earlier, t, lang)}`
        : this.renderDetailLoading()}`;
  }

  override render(): TemplateResult {
    return this.conversationId ? this.renderDetail() : this.renderList();
  }
}

if (!customElements.get('ecam-admin-chat-transcripts')) customElements.define('ecam-admin-chat-transcripts', EcamAdminChatTranscripts);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-chat-transcripts': EcamAdminChatTranscripts;
  }
}
