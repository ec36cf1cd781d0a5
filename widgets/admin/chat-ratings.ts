import { css, html, nothing, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { RatingsReport } from '../../api/chat/schemas.ts';
import { I18nController } from '../shared/i18n.ts';
import { drawBarChart, type Chart } from './chart.ts';
import { chatMessages } from './chat-messages.ts';
import { AdminView, NO_ERRORS, describedBy, fieldError, formAlert, formErrors, type FormErrors } from './view.ts';

/**
 * What citizens rated at the end of their chats, per official and per month, for any period:
 * tables, and the monthly average as a chart (Chart.js, in this lazily loaded view only).
 *
 * @summary Calificaciones del chat.
 */
export class EcamAdminChatRatings extends AdminView {
  static override styles = [
    ...AdminView.styles,
    css`
      .chart {
        position: relative;
        height: 18rem;
        max-width: 48rem;
      }
    `,
  ];

  private i18n = new I18nController(this, chatMessages);

  @query('canvas') private canvas?: HTMLCanvasElement;

  @state() private report?: RatingsReport;
  @state() private errors: FormErrors = NO_ERRORS;
  @state() private loading = false;

  private chart?: Chart<'bar'>;

  protected override willUpdate(): void {
    // The first load starts inside the first update (the properties from <ecam-admin> are set by then).
    if (!this.hasUpdated) void this.load({});
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }

  protected override updated(): void {
    const r = this.report;
    if (!r || !this.canvas) return;
    this.chart = drawBarChart(
      this.canvas,
      {
        type: 'bar',
        data: {
          labels: r.byMonth.map((m) => this.month(m.month)),
          datasets: [{ label: this.i18n.t.colAverage, data: r.byMonth.map((m) => m.average), backgroundColor: '#3366cc' }],
        },
        options: {
          scales: {
            y: { min: 0, max: 5, ticks: { stepSize: 1 } },
          },
          plugins: { legend: { display: false } },
        },
      },
      this.chart,
    );
  }

  private async load(range: { from?: string; to?: string }, form?: HTMLFormElement): Promise<void> {
    this.loading = true;
    this.errors = NO_ERRORS;
    try {
      this.report = await this.api.get<RatingsReport>('/chat/ratings', range);
    } catch (err) {
      this.report = undefined;
      this.errors = formErrors(err);
      await this.focusProblem(form, this.errors);
    } finally {
      this.loading = false;
    }
  }

  private handleSubmit(e: SubmitEvent): void {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const d = new FormData(form);
    void this.load({ from: String(d.get('from') ?? '') || undefined, to: String(d.get('to') ?? '') || undefined }, form);
  }

  private average(n: number): string {
    return new Intl.NumberFormat(this.i18n.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
  }

  private month(ym: string): string {
    const d = new Date(`${ym}-15T12:00:00Z`);
    return Number.isNaN(d.getTime()) ? ym : new Intl.DateTimeFormat(this.i18n.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
  }

  private table(caption: string, head: string, rows: { label: string; count: number; average: number }[]): TemplateResult {
    const t = this.i18n.t;
    return html`<div class="table-wrap" role="region" aria-label=${caption} tabindex="0">
      <table tabindex="0">
        <caption>
          ${caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${head}</th>
            <th scope="col" class="num">${t.colCount}</th>
            <th scope="col" class="num">${t.colAverage}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) => html`<tr>
              <th scope="row">${r.label}</th>
              <td class="num">${r.count}</td>
              <td class="num">${this.average(r.average)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  override render(): TemplateResult {
    const t = this.i18n.t;
    const f = this.errors.fields;
    const r = this.report;
    const field = (name: 'from' | 'to') => html`<div class="field">
      <label for="ratings-${name}">${t[name]} <span class="hint">${t.optional}</span></label>
      ${fieldError(`ratings-${name}`, f[name])}
      <input
        id="ratings-${name}"
        name=${name}
        type="date"
        aria-invalid=${f[name] ? 'true' : 'false'}
        aria-describedby=${describedBy(`ratings-${name}`, f[name])}
      />
    </div>`;
    return html`<h1 tabindex="-1">${t.ratingsTitle}</h1>
      <p>${t.ratingsIntro} <a href="#/chat">${t.backToConsole}</a></p>
      <form class="filters" novalidate aria-label=${t.ratingsTitle} @submit=${this.handleSubmit}>
        ${formAlert(this.errors.alert)} ${field('from')} ${field('to')}
        <div class="actions"><button type="submit" class="primary" ?disabled=${this.loading}>${t.show}</button></div>
      </form>
      <p role="status">${this.loading ? t.loading : ''}</p>
      ${r
        ? r.byAgent.length || r.byMonth.length
          ? html`${this.table(
              t.byAgentCaption,
              t.colAgent,
              r.byAgent.map((a) => ({ label: a.name, count: a.count, average: a.average })),
            )}
            <div class="chart"><canvas role="img" aria-label=${t.chartLabel}></canvas></div>
            ${this.table(
              t.byMonthCaption,
              t.colMonth,
              r.byMonth.map((m) => ({ label: this.month(m.month), count: m.count, average: m.average })),
            )}`
          : html`<p>${t.noRatings}</p>`
        : nothing}`;
  }
}

if (!customElements.get('ecam-admin-chat-ratings')) customElements.define('ecam-admin-chat-ratings', EcamAdminChatRatings);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-chat-ratings': EcamAdminChatRatings;
  }
}
