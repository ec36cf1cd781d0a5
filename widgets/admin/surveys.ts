/**
 * The survey views of the staff page (list, builder, preview), one chunk fetched the first time
 * someone opens `#/encuestas`. The results view is a chunk of its own (it brings Chart.js).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { Survey, SurveyListItem } from '../../api/survey/schemas.ts';
import { formatDateTime } from '../shared/format.ts';
import { I18nController } from '../shared/i18n.ts';
import { surveyMessages } from './messages-surveys.ts';
import { slugify } from './surveys-labels.ts';
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
  private i18n = new I18nController(this, surveyMessages);

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
    const { t, lang } = this.i18n;
    if (!items.length) return html`<p>${t.noSurveys}</p>`;
    const when = (iso: string | null) => (iso ? formatDateTime(iso, lang) : '—');
    return html`<div class="table-wrap" role="region" aria-label=${t.surveysTable} tabindex="0">
      <table>
        <caption>
          ${t.surveysCaption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.title}</th>
            <th scope="col">${t.slug}</th>
            <th scope="col">${t.stateLabel}</th>
            <th scope="col" class="num">${t.responses}</th>
            <th scope="col">${t.opens}</th>
            <th scope="col">${t.closes}</th>
            <th scope="col">${t.results}</th>
          </tr>
        </thead>
        <tbody>
          ${items.map(
            (s) => html`<tr>
              <th scope="row"><a href="#/encuesta/${s.id}/editar">${s.title}</a></th>
              <td>${s.slug}</td>
              <td>${t.state(s.state)}</td>
              <td class="num">${s.responses}</td>
              <td>${when(s.opensAt)}</td>
              <td>${when(s.closesAt)}</td>
              <td>
                ${s.state === 'draft'
                  ? html`<span class="hint">${t.noResponsesDraft}</span>`
                  : html`<a href="#/encuesta/${s.id}/resultados">${t.results}<span class="visually-hidden">${t.resultsOf(s.title)}</span></a>`}
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderCreate(): TemplateResult {
    const f = this.errors.fields;
    const t = this.i18n.t;
    return html`<h2 id="h-new">${t.newSurvey}</h2>
      <form novalidate aria-labelledby="h-new" @submit=${this.handleCreate}>
        ${formAlert(this.errors.alert)}
        <div class="field">
          <label for="new-title">${t.title}</label>
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
          <label for="new-slug">${t.slugLabel} <span class="hint">${this.words.t.optional}</span></label>
          <span class="hint" id="new-slug-hint">${t.slugHint}</span>
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
          <button type="submit" class="primary" ?disabled=${this.busy}>${t.create}</button>
        </div>
      </form>`;
  }

  override render(): TemplateResult {
    const t = this.i18n.t;
    return html`<h1 tabindex="-1">${t.surveys}</h1>
      <p>${t.intro}</p>
      <div class="alert" role="alert">${this.loadError}</div>
      ${this.items ? this.renderTable(this.items) : this.loadError ? nothing : html`<p role="status">${this.words.t.loading}</p>`}
      ${this.renderCreate()}`;
  }
}

if (!customElements.get('ecam-admin-surveys')) customElements.define('ecam-admin-surveys', EcamAdminSurveys);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-surveys': EcamAdminSurveys;
  }
}
