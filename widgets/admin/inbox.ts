import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { PQRS_TYPES, type PqrsType } from '../../api/pqrs/catalog.ts';
import { PQRS_STATES, type PqrsState } from '../../api/pqrs/states.ts';
import type { Inbox } from '../../api/pqrs/workflow-schemas.ts';
import { formatDate } from '../shared/format.ts';
import { I18nController } from '../shared/i18n.ts';
import { lightLabel } from './labels.ts';
import { pqrsMessages } from './messages-pqrs.ts';
import { reviewMessages } from './messages-review.ts';
import { canReview } from '../../api/auth/roles.ts';
import { AdminView, errorMessage, renderPager } from './view.ts';

/** States whose request still waits for an answer. */
const OPEN_STATES: PqrsState[] = ['radicada', 'asignada', 'en_tramite', 'en_revision', 'pendiente_ciudadano'];
/** The `estado` filter value for "Esperan mi revisión" (answers in review I may decide). */
const MY_REVIEW = 'mi-revision';

interface Assignee {
  id: number;
  username: string;
  name: string;
}

/** The inbox filters as they appear in the page address (`#/bandeja?tipo=queja&pagina=2`). */
interface Filters {
  tipo: string;
  estado: string;
  responsable: string;
  vencidas: boolean;
  q: string;
  pagina: number;
}

function parseFilters(params: string): Filters {
  const p = new URLSearchParams(params);
  const page = Number(p.get('pagina'));
  return {
    tipo: p.get('tipo') ?? '',
    estado: p.get('estado') ?? '',
    responsable: p.get('responsable') ?? '',
    vencidas: p.get('vencidas') === '1',
    q: p.get('q') ?? '',
    pagina: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The page address of a set of filters. */
function inboxHref(f: Filters): string {
  const p = new URLSearchParams();
  if (f.tipo) p.set('tipo', f.tipo);
  if (f.estado) p.set('estado', f.estado);
  if (f.responsable) p.set('responsable', f.responsable);
  if (f.vencidas) p.set('vencidas', '1');
  if (f.q) p.set('q', f.q);
  if (f.pagina > 1) p.set('pagina', String(f.pagina));
  const s = p.toString();
  return `#/bandeja${s ? `?${s}` : ''}`;
}

/**
 * The inbox: every request, the nearest due date first, with filters, pages and the deadline
 * traffic light in words and colour.
 *
 * @summary Bandeja de solicitudes del personal.
 */
export class EcamAdminInbox extends AdminView {
  private i18n = new I18nController(this, pqrsMessages);
  /** Texts of review before answering. */
  private reviewI18n = new I18nController(this, reviewMessages);

  @query('form') private form?: HTMLFormElement;

  @state() private inbox?: Inbox;
  @state() private assignees: Assignee[] = [];
  @state() private loading = false;
  @state() private error = '';

  /** The filters, as the query part of the page address (`tipo=queja&pagina=2`). */
  @property() params = '';

  private loadSeq = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated) {
      this.api
        .get<Assignee[]>('/pqrs/assignees')
        .then((list) => (this.assignees = list))
        .catch(() => undefined);
    }
    if (changed.has('params')) void this.load();
  }

  /** Fetches the page of requests the filters describe. */
  async load(): Promise<void> {
    const f = parseFilters(this.params);
    const seq = ++this.loadSeq;
    this.loading = true;
    this.error = '';
    try {
      const state = f.estado === 'abiertas' ? OPEN_STATES.join(',') : f.estado === MY_REVIEW ? undefined : f.estado;
      const inbox = await this.api.get<Inbox>('/pqrs', {
        type: f.tipo,
        state,
        review: f.estado === MY_REVIEW ? 'mine' : undefined,
        assignee: f.responsable,
        overdue: f.vencidas ? 'true' : undefined,
        q: f.q.trim(),
        page: f.pagina,
      });
      // An older answer arriving after a newer one must not overwrite it.
      if (seq === this.loadSeq) this.inbox = inbox;
    } catch (err) {
      if (seq === this.loadSeq) {
        this.inbox = undefined;
        this.error = errorMessage(err);
      }
    } finally {
      if (seq === this.loadSeq) this.loading = false;
    }
  }

  private handleSubmit(e: SubmitEvent): void {
    e.preventDefault();
    const d = new FormData(this.form);
    const href = inboxHref({
      tipo: String(d.get('tipo') ?? ''),
      estado: String(d.get('estado') ?? ''),
      responsable: String(d.get('responsable') ?? ''),
      vencidas: d.get('vencidas') === '1',
      q: String(d.get('q') ?? '').trim(),
      pagina: 1,
    });
    // The same filters again: the address does not change, so refresh by hand.
    if (location.hash === href || (href === '#/bandeja' && !this.params)) void this.load();
    else location.hash = href;
  }

  private renderFilters(f: Filters): TemplateResult {
    const t = this.i18n.t;
    return html`<form class="filters" role="search" aria-label=${t.filters} @submit=${this.handleSubmit}>
      <div class="field">
        <label for="f-tipo">${t.kindOfRequest}</label>
        <select id="f-tipo" name="tipo">
          <option value="">${t.allTypes}</option>
          ${(Object.keys(PQRS_TYPES) as PqrsType[]).map(
            (type) => html`<option value=${type} ?selected=${f.tipo === type}>${t.type(type)}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="f-estado">${t.stateLabel}</label>
        <select id="f-estado" name="estado">
          <option value="">${t.allStates}</option>
          <option value="abiertas" ?selected=${f.estado === 'abiertas'}>${t.openStates}</option>
          ${this.user && canReview(this.user)
            ? html`<option value=${MY_REVIEW} ?selected=${f.estado === MY_REVIEW}>${this.reviewI18n.t.awaitingMyReview}</option>`
            : nothing}
          ${(Object.keys(PQRS_STATES) as PqrsState[]).map(
            (s) => html`<option value=${s} ?selected=${f.estado === s}>${t.state(s)}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="f-responsable">${t.assignee}</label>
        <select id="f-responsable" name="responsable">
          <option value="">${t.everyone}</option>
          <option value="me" ?selected=${f.responsable === 'me'}>${t.mine}</option>
          <option value="none" ?selected=${f.responsable === 'none'}>${t.unassigned}</option>
          ${this.assignees.map(
            (a) => html`<option value=${String(a.id)} ?selected=${f.responsable === String(a.id)}>${a.name} (${a.username})</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="f-q">${t.search}</label>
        <input id="f-q" name="q" type="search" maxlength="100" .value=${f.q} aria-describedby="f-q-hint" />
        <span class="hint" id="f-q-hint">${t.searchHint}</span>
      </div>
      <div class="check">
        <input id="f-vencidas" name="vencidas" type="checkbox" value="1" .checked=${f.vencidas} />
        <label for="f-vencidas">${t.overdueOnly}</label>
      </div>
      <div class="actions">
        <button type="submit" class="primary">${this.words.t.filter}</button>
        <a class="button" href="#/bandeja">${this.words.t.clearFilters}</a>
      </div>
    </form>`;
  }

  private renderTable(inbox: Inbox): TemplateResult {
    const { t, lang } = this.i18n;
    if (!inbox.items.length) return html`<p>${t.noRequests}</p>`;
    return html`<div class="table-wrap" role="region" aria-label=${t.requestsTable} tabindex="0">
      <table>
        <caption>
          ${t.requestsCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.radicado}</th>
            <th scope="col">${t.subject}</th>
            <th scope="col">${t.requester}</th>
            <th scope="col">${t.kindOfRequest}</th>
            <th scope="col">${t.intakeChannelLabel}</th>
            <th scope="col">${t.stateLabel}</th>
            <th scope="col">${t.assignee}</th>
            <th scope="col">${t.dueDate}</th>
            <th scope="col">${t.term}</th>
          </tr>
        </thead>
        <tbody>
          ${inbox.items.map((r) => {
            const l = lightLabel(r);
            return html`<tr>
              <th scope="row"><a href="#/solicitud/${r.radicado}">${r.radicado}</a></th>
              <td class="text">${r.subject}</td>
              <td>${r.requesterName ?? html`<em>${t.anonymous}</em>`}</td>
              <td>${t.type(r.type)}</td>
              <td>${t.intakeChannel(r.channel)}</td>
              <td>
                ${t.state(r.state)}${r.completionExpired
                  ? html`<br /><span class="hint">${t.completionExpired}</span>`
                  : nothing}${r.state === 'en_revision' && (r.light === 'amber' || r.light === 'red')
                  ? html`<br /><strong>${r.light === 'red' ? this.reviewI18n.t.reviewOverdue : this.reviewI18n.t.reviewDueSoon}</strong>`
                  : nothing}
              </td>
              <td>${r.assignee ? r.assignee.name : html`<em>${t.unassigned}</em>`}</td>
              <td>${formatDate(r.dueDate, lang)}</td>
              <td>
                <span class="light light-${l.light}">${l.word}</span><br />
                <span class="hint">${l.detail}</span>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }

  private summary(): string {
    if (this.loading) return this.i18n.t.loadingRequests;
    if (!this.inbox) return '';
    const n = this.inbox.total;
    return this.i18n.t.found(n);
  }

  override render(): TemplateResult {
    const f = parseFilters(this.params);
    return html`<h1 tabindex="-1">${this.i18n.t.inboxTitle}</h1>
      ${this.renderFilters(f)}
      <p role="status" aria-live="polite">${this.summary()}</p>
      <div class="alert" role="alert">${this.error}</div>
      ${this.inbox ? this.renderTable(this.inbox) : nothing} ${this.inbox ? renderPager(this.inbox, (p) => inboxHref({ ...f, pagina: p }), this.i18n.t.inboxPages) : nothing}`;
  }
}

if (!customElements.get('ecam-admin-inbox')) customElements.define('ecam-admin-inbox', EcamAdminInbox);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-inbox': EcamAdminInbox;
  }
}
