import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { PQRS_TYPES, type PqrsType } from '../../api/pqrs/catalog.ts';
import { PQRS_STATES, type PqrsState } from '../../api/pqrs/states.ts';
import type { Inbox } from '../../api/pqrs/workflow-schemas.ts';
import { formatDate } from '../shared/format.ts';
import { lightLabel } from './labels.ts';
import { AdminView, errorMessage } from './view.ts';

/** States whose request still waits for an answer. */
const OPEN_STATES: PqrsState[] = ['radicada', 'asignada', 'en_tramite', 'pendiente_ciudadano'];

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
      const state = f.estado === 'abiertas' ? OPEN_STATES.join(',') : f.estado;
      const inbox = await this.api.get<Inbox>('/pqrs', {
        type: f.tipo,
        state,
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
    return html`<form class="filters" role="search" aria-label="Filtrar solicitudes" @submit=${this.handleSubmit}>
      <div class="field">
        <label for="f-tipo">Tipo</label>
        <select id="f-tipo" name="tipo">
          <option value="">Todos los tipos</option>
          ${(Object.keys(PQRS_TYPES) as PqrsType[]).map(
            (t) => html`<option value=${t} ?selected=${f.tipo === t}>${PQRS_TYPES[t].label}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="f-estado">Estado</label>
        <select id="f-estado" name="estado">
          <option value="">Todos los estados</option>
          <option value="abiertas" ?selected=${f.estado === 'abiertas'}>Abiertas (sin respuesta)</option>
          ${(Object.keys(PQRS_STATES) as PqrsState[]).map(
            (s) => html`<option value=${s} ?selected=${f.estado === s}>${PQRS_STATES[s].label}</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="f-responsable">Responsable</label>
        <select id="f-responsable" name="responsable">
          <option value="">Todos</option>
          <option value="me" ?selected=${f.responsable === 'me'}>Mías</option>
          <option value="none" ?selected=${f.responsable === 'none'}>Sin asignar</option>
          ${this.assignees.map(
            (a) => html`<option value=${String(a.id)} ?selected=${f.responsable === String(a.id)}>${a.name} (${a.username})</option>`,
          )}
        </select>
      </div>
      <div class="field">
        <label for="f-q">Buscar</label>
        <input id="f-q" name="q" type="search" maxlength="100" .value=${f.q} aria-describedby="f-q-hint" />
        <span class="hint" id="f-q-hint">Radicado, asunto o nombre del solicitante.</span>
      </div>
      <div class="check">
        <input id="f-vencidas" name="vencidas" type="checkbox" value="1" .checked=${f.vencidas} />
        <label for="f-vencidas">Solo vencidas</label>
      </div>
      <div class="actions">
        <button type="submit" class="primary">Filtrar</button>
        <a class="button" href="#/bandeja">Quitar filtros</a>
      </div>
    </form>`;
  }

  private renderTable(inbox: Inbox): TemplateResult {
    if (!inbox.items.length) return html`<p>No hay solicitudes con estos filtros.</p>`;
    return html`<div class="table-wrap" role="region" aria-label="Tabla de solicitudes" tabindex="0">
      <table>
        <caption>
          Solicitudes, la fecha límite más próxima primero
        </caption>
        <thead>
          <tr>
            <th scope="col">Radicado</th>
            <th scope="col">Asunto</th>
            <th scope="col">Solicitante</th>
            <th scope="col">Tipo</th>
            <th scope="col">Estado</th>
            <th scope="col">Responsable</th>
            <th scope="col">Fecha límite</th>
            <th scope="col">Plazo</th>
          </tr>
        </thead>
        <tbody>
          ${inbox.items.map((r) => {
            const l = lightLabel(r);
            return html`<tr>
              <th scope="row"><a href="#/solicitud/${r.radicado}">${r.radicado}</a></th>
              <td class="text">${r.subject}</td>
              <td>${r.requesterName ?? html`<em>Anónimo</em>`}</td>
              <td>${r.typeLabel}</td>
              <td>
                ${r.stateLabel}${r.completionExpired
                  ? html`<br /><span class="hint">Venció el plazo para completar</span>`
                  : nothing}
              </td>
              <td>${r.assignee ? r.assignee.name : html`<em>Sin asignar</em>`}</td>
              <td>${formatDate(r.dueDate)}</td>
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

  private renderPager(inbox: Inbox, f: Filters): TemplateResult | typeof nothing {
    const pages = Math.max(1, Math.ceil(inbox.total / inbox.pageSize));
    if (pages <= 1) return nothing;
    return html`<nav class="pager" aria-label="Páginas de la bandeja">
      <p>Página ${inbox.page} de ${pages}</p>
      <ul>
        ${inbox.page > 1 ? html`<li><a href=${inboxHref({ ...f, pagina: inbox.page - 1 })}>Página anterior</a></li>` : nothing}
        ${inbox.page < pages ? html`<li><a href=${inboxHref({ ...f, pagina: inbox.page + 1 })}>Página siguiente</a></li>` : nothing}
      </ul>
    </nav>`;
  }

  private summary(): string {
    if (this.loading) return 'Cargando solicitudes…';
    if (!this.inbox) return '';
    const n = this.inbox.total;
    return n === 1 ? '1 solicitud encontrada.' : `${n} solicitudes encontradas.`;
  }

  override render(): TemplateResult {
    const f = parseFilters(this.params);
    return html`<h1 tabindex="-1">Bandeja de solicitudes</h1>
      ${this.renderFilters(f)}
      <p role="status" aria-live="polite">${this.summary()}</p>
      <div class="alert" role="alert">${this.error}</div>
      ${this.inbox ? this.renderTable(this.inbox) : nothing} ${this.inbox ? this.renderPager(this.inbox, f) : nothing}`;
  }
}

if (!customElements.get('ecam-admin-inbox')) customElements.define('ecam-admin-inbox', EcamAdminInbox);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-inbox': EcamAdminInbox;
  }
}
