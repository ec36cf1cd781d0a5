import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { OptionResult, QuestionResult, StaffResults, Survey } from '../../api/survey/schemas.ts';
import { formatDate, formatDateTime } from '../shared/format.ts';
import { I18nController } from '../shared/i18n.ts';
import { drawBarChart, type Chart } from './chart.ts';
import { surveyMessages } from './messages-surveys.ts';
import { surveyStyles, surveyTabs } from './surveys-labels.ts';
import { AdminView, NO_ERRORS, describedBy, fieldError, formAlert, formErrors, type FormErrors } from './view.ts';


/** Bars of a matrix's scale, from the first point to the last (red to green for a Likert scale). */
const SCALE_COLORS = ['#a80521', '#c9541f', '#8a6d00', '#4d7c0f', '#068460', '#3366cc', '#6b4c9a', '#5e5e5e', '#004884', '#b0006a', '#2b6b6b'];

interface Filters {
  from: string;
  to: string;
  q: string;
}

/**
 * A survey's results for staff: per question counts and percentages as a table and a chart,
 * averages, the NPS, the text answers (searchable), a date range, and the raw CSV.
 *
 * @summary Resultados de una encuesta.
 */
export class EcamAdminSurveyResults extends AdminView {
  static override styles = [
    ...AdminView.styles,
    surveyStyles,
    css`
      .chart {
        position: relative;
        max-width: 48rem;
      }
      section {
        border-top: 1px solid #d0d0d0;
        padding-top: 0.5rem;
      }
      ul.texts {
        display: grid;
        gap: 0.5rem;
        padding: 0;
        list-style: none;
        max-height: 30rem;
        overflow-y: auto;
      }
      ul.texts li {
        padding: 0.5rem 0.75rem;
        background: var(--ecam-surface-alt);
        border-radius: var(--ecam-radius);
      }
    `,
  ];

  private i18n = new I18nController(this, surveyMessages);

  @query('#results-form') private form?: HTMLFormElement;

  @state() private survey?: Survey;
  @state() private results?: StaffResults;
  @state() private filters: Filters = { from: '', to: '', q: '' };
  @state() private errors: FormErrors = NO_ERRORS;
  @state() private loading = false;

  /** The survey's id, from the page address. */
  @property({ type: Number }) surveyId = 0;

  private charts = new Map<string, Chart<'bar'>>();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('surveyId') && this.surveyId) void this.load(this.filters);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const c of this.charts.values()) c.destroy();
    this.charts.clear();
  }

  protected override updated(): void {
    if (this.results) this.drawCharts(this.results);
  }

  private async load(filters: Filters): Promise<void> {
    this.loading = true;
    this.errors = NO_ERRORS;
    try {
      const [survey, results] = await Promise.all([
        this.survey && this.survey.id === this.surveyId ? this.survey : this.api.get<Survey>(`/surveys/${this.surveyId}`),
        this.api.get<StaffResults>(`/surveys/${this.surveyId}/results`, { from: filters.from, to: filters.to, q: filters.q.trim() }),
      ]);
      this.survey = survey;
      this.results = results;
      this.filters = filters;
    } catch (err) {
      this.errors = formErrors(err);
      await this.focusProblem(this.form, this.errors);
    } finally {
      this.loading = false;
    }
  }

  private handleSubmit(e: SubmitEvent): void {
    e.preventDefault();
    const d = new FormData(this.form);
    void this.load({ from: String(d.get('from') ?? ''), to: String(d.get('to') ?? ''), q: String(d.get('q') ?? '') });
  }

  private drawCharts(r: StaffResults): void {
    const seen = new Set<string>();
    for (const q of r.questions) {
      const canvas = this.renderRoot.querySelector<HTMLCanvasElement>(`#chart-${CSS.escape(q.id)}`);
      if (!canvas) continue;
      seen.add(q.id);
      // The height grows with the bars. Set through the CSSOM: the page's CSP refuses style
      // attributes (which is what lit's styleMap writes on its first render).
      const bars = q.type === 'matrix' ? (q.rows?.length ?? 0) : (q.options?.length ?? 0);
      canvas.parentElement!.style.height = `${Math.max(8, bars * 2 + (q.type === 'matrix' ? 5 : 3))}rem`;
      const count = {
        beginAtZero: true,
        ticks: { precision: 0 },
        title: { display: true, text: this.i18n.t.answersAxis },
      };
      const config =
        q.type === 'matrix'
          ? {
              type: 'bar' as const,
              data: {
                labels: (q.rows ?? []).map((row) => row.label),
                datasets: (q.rows?.[0]?.options ?? []).map((o, k) => ({
                  label: o.label,
                  data: (q.rows ?? []).map((row) => row.options[k]?.count ?? 0),
                  backgroundColor: SCALE_COLORS[k % SCALE_COLORS.length],
                })),
              },
              options: {
                indexAxis: 'y' as const,
                scales: { x: { ...count, stacked: true }, y: { stacked: true } },
                plugins: { legend: { position: 'bottom' as const } },
              },
            }
          : {
              type: 'bar' as const,
              data: {
                labels: (q.options ?? []).map((o) => o.label),
                datasets: [{ label: this.i18n.t.answersAxis, data: (q.options ?? []).map((o) => o.count), backgroundColor: '#3366cc' }],
              },
              options: {
                indexAxis: 'y' as const,
                scales: { x: count },
                plugins: { legend: { display: false } },
              },
            };
      this.charts.set(q.id, drawBarChart(canvas, config, this.charts.get(q.id)));
    }
    for (const [id, chart] of this.charts) {
      if (!seen.has(id)) {
        chart.destroy();
        this.charts.delete(id);
      }
    }
  }

  private renderFilters(): TemplateResult {
    const f = this.errors.fields;
    const v = this.filters;
    const t = this.i18n.t;
    return html`<form id="results-form" class="filters" novalidate aria-label=${t.resultsFilters} @submit=${this.handleSubmit}>
      ${formAlert(this.errors.alert)}
      <div class="field">
        <label for="results-from">${this.words.t.from}</label>
        ${fieldError('results-from', f.from)}
        <input
          id="results-from"
          name="from"
          type="date"
          .value=${v.from}
          aria-invalid=${f.from ? 'true' : 'false'}
          aria-describedby=${describedBy('results-from', f.from)}
        />
      </div>
      <div class="field">
        <label for="results-to">${this.words.t.to}</label>
        ${fieldError('results-to', f.to)}
        <input
          id="results-to"
          name="to"
          type="date"
          .value=${v.to}
          aria-invalid=${f.to ? 'true' : 'false'}
          aria-describedby=${describedBy('results-to', f.to)}
        />
      </div>
      <div class="field">
        <label for="results-q">${t.searchTexts}</label>
        ${fieldError('results-q', f.q)}
        <input
          id="results-q"
          name="q"
          type="search"
          maxlength="200"
          .value=${v.q}
          aria-invalid=${f.q ? 'true' : 'false'}
          aria-describedby=${describedBy('results-q', f.q)}
        />
      </div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.loading}>${t.showResults}</button>
      </div>
    </form>`;
  }

  /** A number as the page's language writes it; percentages with one decimal. */
  private number(value: number, digits = 2): string {
    return new Intl.NumberFormat(this.i18n.locale, { maximumFractionDigits: digits }).format(value);
  }

  private pct(p: number): string {
    return `${this.number(p, 1)} %`;
  }

  private optionTable(q: QuestionResult, options: OptionResult[]): TemplateResult {
    const t = this.i18n.t;
    return html`<div class="table-wrap" role="region" aria-label=${t.tableOf(q.label)} tabindex="0">
      <table tabindex="0">
        <caption>
          ${t.answersTo(q.label, q.type === 'multiple')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.answer}</th>
            <th scope="col" class="num">${t.count}</th>
            <th scope="col" class="num">${t.percent}</th>
          </tr>
        </thead>
        <tbody>
          ${options.map(
            (o) => html`<tr>
              <th scope="row">${o.label}</th>
              <td class="num">${o.count}</td>
              <td class="num">${this.pct(o.percent)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private matrixTable(q: QuestionResult): TemplateResult {
    const rows = q.rows ?? [];
    const scale = rows[0]?.options ?? [];
    const t = this.i18n.t;
    return html`<div class="table-wrap" role="region" aria-label=${t.tableOf(q.label)} tabindex="0">
      <table tabindex="0">
        <caption>
          ${t.matrixCaption(q.label)}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.row}</th>
            ${scale.map((o) => html`<th scope="col" class="num">${o.label}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) => html`<tr>
              <th scope="row">${row.label}</th>
              ${row.options.map((o) => html`<td class="num">${o.count} (${this.pct(o.percent)})</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderTexts(q: QuestionResult): TemplateResult {
    const texts = q.texts ?? [];
    const search = this.filters.q.trim();
    const { t, lang } = this.i18n;
    return html`<p class="summary">
        ${texts.length === 0 ? (search ? t.noMatch(search) : t.noTexts) : t.texts(texts.length, search)}
      </p>
      ${texts.length
        ? html`<ul class="texts" aria-label=${t.textsOf(q.label)}>
            ${texts.map((x) => html`<li><span class="hint">${formatDateTime(x.at, lang)}</span><br /><span class="text">${x.text}</span></li>`)}
          </ul>`
        : nothing}`;
  }

  private renderQuestion(q: QuestionResult, i: number, total: number): TemplateResult {
    const chart = q.type === 'matrix' ? (q.rows?.length ?? 0) > 0 : (q.options?.length ?? 0) > 0;
    const t = this.i18n.t;
    return html`<section aria-labelledby="h-q-${q.id}">
      <h2 id="h-q-${q.id}">${i + 1}. ${q.label}</h2>
      <p>
        ${t.answered(t.questionType(q.type), q.answered, total)}
        ${q.average !== undefined && q.average !== null ? html`${t.average} <strong>${this.number(q.average)}</strong>.` : nothing}
      </p>
      ${q.nps
        ? html`<p>
            NPS: <strong>${this.number(q.nps.score)}</strong> ${t.nps(q.nps.promoters, q.nps.passives, q.nps.detractors)}
          </p>`
        : nothing}
      ${q.type === 'matrix' ? this.matrixTable(q) : q.options ? this.optionTable(q, q.options) : nothing}
      ${q.type === 'text' || q.type === 'textarea' ? this.renderTexts(q) : nothing}
      ${chart
        ? html`<div class="chart">
            <canvas id="chart-${q.id}" role="img" aria-label=${t.chartOf(q.label)}></canvas>
          </div>`
        : nothing}
    </section>`;
  }

  private renderResults(r: StaffResults): TemplateResult {
    const f = this.filters;
    const csv = this.api.url(`/surveys/${this.surveyId}/responses.csv`, { from: f.from, to: f.to });
    const { t, lang } = this.i18n;
    const period =
      f.from || f.to
        ? `${f.from ? t.since(formatDate(f.from, lang)) : ''}${f.from && f.to ? ' ' : ''}${f.to ? t.until(formatDate(f.to, lang)) : ''}`
        : t.allDates;
    return html`<p>${t.period(period)} <strong>${r.total}</strong>.</p>
      <p><a class="button" href=${csv} download>${t.downloadCsv}</a> <span class="hint">${t.csvHint}</span></p>
      ${r.questions.map((q, i) => this.renderQuestion(q, i, r.total))}`;
  }

  override render(): TemplateResult {
    const s = this.survey;
    const r = this.results;
    const t = this.i18n.t;
    return html`<h1 tabindex="-1">${t.resultsTitle(s?.title ?? '')}</h1>
      ${s ? surveyTabs(s.id, s.state, 'resultados') : nothing} ${this.renderFilters()}
      <p role="status" aria-live="polite">
        ${this.loading ? t.loadingResults : r ? t.resultsLoaded(r.total) : ''}
      </p>
      ${r ? this.renderResults(r) : nothing}`;
  }
}

if (!customElements.get('ecam-admin-survey-results')) customElements.define('ecam-admin-survey-results', EcamAdminSurveyResults);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-survey-results': EcamAdminSurveyResults;
  }
}
