/**
 * The survey views of the staff page (list, builder, preview), one chunk fetched the first time
 * someone opens `#/encuestas`. The results view is a chunk of its own (it brings Chart.js).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { Survey, SurveyListItem } from '../../api/survey/schemas.ts';
import { formatDateTime } from '../shared/format.ts';
import { SURVEY_STATE_LABELS, slugify } from './surveys-labels.ts';
import { AdminView, NO_ERRORS, describedBy, errorMessage, fieldError, formAlert, formErrors, type FormErrors } from './view.ts';
import './surveys-builder.ts';
import './surveys-preview.ts';

/**
 * Every survey with its state, answers and dates, and the form that starts a new one (a draft,
 * then edited in the builder).
 *
 * @summary Encuestas de opinión.
 */
export class EcamAdminSurveys extends AdminView {
  @query('form') private form?: HTMLFormElement;

  @state() private items?: SurveyListItem[];
  @state() private loadError = '';
  @state() private errors: FormErrors = NO_ERRORS;
  @state() private busy = false;

  protected override willUpdate(): void {
    // The first load starts inside the first update (the properties from <ecam-admin> are set by then).
    if (!this.hasUpdated) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.items = (await this.api.get<{ items: SurveyListItem[] }>('/surveys')).items;
      this.loadError = '';
    } catch (err) {
      this.loadError = errorMessage(err);
    }
  }

  private async handleCreate(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const d = new FormData(this.form);
    const title = String(d.get('title') ?? '').trim();
    const slug = String(d.get('slug') ?? '').trim() || slugify(title);
    this.busy = true;
    this.errors = NO_ERRORS;
    try {
      const created = await this.api.send<Survey>('POST', '/surveys', { title, slug, questions: [] });
      location.hash = `#/encuesta/${created.id}/editar`;
    } catch (err) {
      this.errors = formErrors(err);
      await this.focusProblem(this.form, this.errors);
    } finally {
      this.busy = false;
    }
  }

  private renderTable(items: SurveyListItem[]): TemplateResult {
    if (!items.length) return html`<p>Todavía no hay encuestas.</p>`;
    const when = (iso: string | null) => (iso ? formatDateTime(iso) : '—');
    return html`<div class="table-wrap" role="region" aria-label="Tabla de encuestas" tabindex="0">
      <table>
        <caption>
          Encuestas, la más reciente primero
        </caption>
        <thead>
          <tr>
            <th scope="col">Título</th>
            <th scope="col">Identificador</th>
            <th scope="col">Estado</th>
            <th scope="col" class="num">Respuestas</th>
            <th scope="col">Apertura</th>
            <th scope="col">Cierre</th>
            <th scope="col">Resultados</th>
          </tr>
        </thead>
        <tbody>
          ${items.map(
            (s) => html`<tr>
              <th scope="row"><a href="#/encuesta/${s.id}/editar">${s.title}</a></th>
              <td>${s.slug}</td>
              <td>${SURVEY_STATE_LABELS[s.state]}</td>
              <td class="num">${s.responses}</td>
              <td>${when(s.opensAt)}</td>
              <td>${when(s.closesAt)}</td>
              <td>
                ${s.state === 'draft'
                  ? html`<span class="hint">Sin respuestas (borrador)</span>`
                  : html`<a href="#/encuesta/${s.id}/resultados">Resultados<span class="visually-hidden"> de «${s.title}»</span></a>`}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderCreate(): TemplateResult {
    const f = this.errors.fields;
    return html`<h2 id="h-new">Nueva encuesta</h2>
      <form novalidate aria-labelledby="h-new" @submit=${this.handleCreate}>
        ${formAlert(this.errors.alert)}
        <div class="field">
          <label for="new-title">Título</label>
          ${fieldError('new-title', f.title)}
          <input
            id="new-title"
            name="title"
            maxlength="200"
            required
            aria-invalid=${f.title ? 'true' : 'false'}
            aria-describedby=${describedBy('new-title', f.title)}
          />
        </div>
        <div class="field">
          <label for="new-slug">Identificador (slug) <span class="hint">(opcional)</span></label>
          <span class="hint" id="new-slug-hint">Va en la dirección de la encuesta. Si lo deja vacío, se toma del título.</span>
          ${fieldError('new-slug', f.slug)}
          <input
            id="new-slug"
            name="slug"
            maxlength="80"
            aria-invalid=${f.slug ? 'true' : 'false'}
            aria-describedby=${describedBy('new-slug', f.slug, 'new-slug-hint')}
          />
        </div>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.busy}>Crear encuesta</button>
        </div>
      </form>`;
  }

  override render(): TemplateResult {
    return html`<h1 tabindex="-1">Encuestas</h1>
      <p>Encuestas de opinión y satisfacción. Una encuesta abierta no cambia sus preguntas: duplíquela para cambiarla.</p>
      <div class="alert" role="alert">${this.loadError}</div>
      ${this.items ? this.renderTable(this.items) : this.loadError ? nothing : html`<p role="status">Cargando…</p>`}
      ${this.renderCreate()}`;
  }
}

if (!customElements.get('ecam-admin-surveys')) customElements.define('ecam-admin-surveys', EcamAdminSurveys);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-surveys': EcamAdminSurveys;
  }
}
