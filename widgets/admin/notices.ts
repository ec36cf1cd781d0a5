import { html, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { StaffNotices } from '../../api/notices/schemas.ts';
import { formatDate, formatDateTime } from '../shared/format.ts';
import { I18nController } from '../shared/i18n.ts';
import { pqrsMessages } from './messages-pqrs.ts';
import { noticesMessages } from './messages-notices.ts';
import { AdminView, errorMessage } from './view.ts';

/**
 * Every notice published (current and past) with its dates: publication, removal and
 * notification (CPACA art. 69), and who published it; each links to its request.
 *
 * @summary Lista de avisos publicados.
 */
export class EcamAdminNotices extends AdminView {
  private i18n = new I18nController(this, noticesMessages);
  private pqrs = new I18nController(this, pqrsMessages);

  @state() private list?: StaffNotices;
  @state() private loadError = '';

  // Not in connectedCallback: this view's code arrives after <ecam-admin> has set `api` on the
  // element, and Lit gives such properties back only at the first update.
  protected override firstUpdated(): void {
    void this.load();
  }

  async load(): Promise<void> {
    this.loadError = '';
    try {
      this.list = await this.api.get<StaffNotices>('/notices');
    } catch (err) {
      this.loadError = errorMessage(err);
    }
  }

  private renderTable(list: StaffNotices): TemplateResult {
    const { t, lang } = this.i18n;
    const p = this.pqrs.t;
    return html`<div class="table-wrap">
      <table>
        <caption>${t.listCaption}</caption>
        <thead>
          <tr>
            <th scope="col">${t.radicado}</th>
            <th scope="col">${t.kindLabel}</th>
            <th scope="col">${p.kindOfRequest}</th>
            <th scope="col">${t.stateLabel}</th>
            <th scope="col">${t.publishedOn}</th>
            <th scope="col">${t.removalOn}</th>
            <th scope="col">${t.notifiedOn}</th>
            <th scope="col">${t.publishedBy}</th>
          </tr>
        </thead>
        <tbody>
          ${list.items.map(
            (n) => html`<tr>
              <th scope="row"><a href="#/solicitud/${encodeURIComponent(n.radicado)}">${n.radicado}</a></th>
              <td>${t.kind(n.kind)}</td>
              <td>${p.type(n.type)}</td>
              <td>${n.current ? t.stateCurrent : t.stateRemoved}</td>
              <td>${formatDateTime(n.publishedAt, lang)}</td>
              <td>${formatDate(n.removalOn, lang)}</td>
              <td>${formatDate(n.notifiedOn, lang)}</td>
              <td>${n.publishedBy ?? '—'}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  override render(): TemplateResult {
    const t = this.i18n.t;
    const list = this.list;
    return html`<h1 tabindex="-1">${t.listTitle}</h1>
      <p>${t.listIntro}</p>
      <div class="alert" role="alert">${this.loadError}</div>
      ${list
        ? list.items.length
          ? this.renderTable(list)
          : html`<p>${t.none}</p>`
        : this.loadError
          ? ''
          : html`<p role="status">${t.loadingList}</p>`}`;
  }
}

if (!customElements.get('ecam-admin-notices')) customElements.define('ecam-admin-notices', EcamAdminNotices);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-notices': EcamAdminNotices;
  }
}
