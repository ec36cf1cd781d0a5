import { css, html, nothing, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { PqrsReport, ReportRow } from '../../api/reports/schemas.ts';
import { bogotaDate, formatDate, formatDateTime } from '../shared/format.ts';
import { I18nController } from '../shared/i18n.ts';
import { REPORT_COLUMNS } from '../../api/reports/columns.ts';
import { calendarPeriod } from '../../api/reports/periods.ts';
import { drawBarChart, type Chart } from './chart.ts';
import './published.ts';
import { pqrsMessages, type Period, type ReportColumn } from './messages-pqrs.ts';
import { AdminView, NO_ERRORS, describedBy, fieldError, formAlert, formErrors, type FormErrors } from './view.ts';

type PeriodKind = Period;

const PERIODS: PeriodKind[] = ['trimestre', 'semestre', 'anio', 'personalizado'];

/** The first and last day of the quarter, semester or year that contains `today` (Bogotá). */
export const periodOf = calendarPeriod;

/** The stacked bars: where each received request stands; together they add up to «received». */
const SERIES: [ReportColumn, string][] = [
  ['answeredOnTime', '#068460'],
  ['answeredLate', '#f5b700'],
  ['overdue', '#a80521'],
  ['open', '#3366cc'],
  ['transferred', '#5e5e5e'],
  ['withdrawn', '#b0b0b0'],
];

/**
 * The PQRSD report for a period: by type, as a table, a chart and a CSV download.
 *
 * @summary Reporte de PQRSD por periodo.
 */
export class EcamAdminReports extends AdminView {
  static override styles = [
    ...AdminView.styles,
    css`
      .chart {
        position: relative;
        height: 24rem;
        max-width: 60rem;
      }
    `,
  ];

  private i18n = new I18nController(this, pqrsMessages);

  @query('form') private form?: HTMLFormElement;
  @query('canvas') private canvas?: HTMLCanvasElement;

  @state() private kind: PeriodKind = 'trimestre';
  /** The kind of period of the report shown (the radio may have moved since). */
  @state() private shownKind: PeriodKind = 'trimestre';
  @state() private report?: PqrsReport;
  @state() private errors: FormErrors = NO_ERRORS;
  @state() private loading = false;

  private chart?: Chart<'bar'>;

  protected override willUpdate(): void {
    // The first load starts inside the first update (the properties from <ecam-admin> are set by then).
    if (!this.hasUpdated) void this.load(periodOf('trimestre', bogotaDate(new Date().toISOString())));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }

  protected override updated(): void {
    if (this.report && this.canvas) this.drawChart(this.report, this.canvas);
  }

  private async load(period: { from: string; to: string }): Promise<void> {
    this.loading = true;
    this.errors = NO_ERRORS;
    const kind = this.kind;
    try {
      this.report = await this.api.get<PqrsReport>('/reports/pqrs', period);
      this.shownKind = kind;
    } catch (err) {
      this.errors = formErrors(err);
      await this.focusProblem(this.form, this.errors);
    } finally {
      this.loading = false;
    }
  }

  private drawChart(report: PqrsReport, canvas: HTMLCanvasElement): void {
    const t = this.i18n.t;
    const labels = report.rows.map((r) => this.rowLabel(r));
    const datasets = SERIES.map(([key, color]) => ({
      label: t.column(key),
      data: report.rows.map((r) => Number(r[key] ?? 0)),
      backgroundColor: color,
      borderColor: '#fff',
      borderWidth: 1,
    }));
    this.chart = drawBarChart(
      canvas,
      {
        type: 'bar',
        data: { labels, datasets },
        options: {
          indexAxis: 'y',
          scales: {
            x: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t.requests } },
            y: { stacked: true },
          },
          plugins: { legend: { position: 'bottom' } },
        },
      },
      this.chart,
    );
  }

  private handleKind(e: Event): void {
    this.kind = (e.target as HTMLInputElement).value as PeriodKind;
  }

  private handleSubmit(e: SubmitEvent): void {
    e.preventDefault();
    if (this.kind !== 'personalizado') {
      void this.load(periodOf(this.kind, bogotaDate(new Date().toISOString())));
      return;
    }
    const d = new FormData(this.form);
    void this.load({ from: String(d.get('from') ?? ''), to: String(d.get('to') ?? '') });
  }

  private renderForm(): TemplateResult {
    const f = this.errors.fields;
    const today = bogotaDate(new Date().toISOString());
    const t = this.i18n.t;
    return html`<form novalidate aria-label=${t.periodForm} @submit=${this.handleSubmit}>
      ${formAlert(this.errors.alert)}
      <fieldset>
        <legend>${t.periodLegend}</legend>
        <div class="actions">
          ${PERIODS.map(
            (value) => html`<div class="check">
              <input
                type="radio"
                id="period-${value}"
                name="period"
                value=${value}
                .checked=${this.kind === value}
                @change=${this.handleKind}
              />
              <label for="period-${value}">${t.period(value)}</label>
            </div>`,
          )}
        </div>
      </fieldset>
      ${this.kind === 'personalizado'
        ? html`<div class="filters">
            <div class="field">
              <label for="report-from">${this.words.t.from}</label>
              ${fieldError('report-from', f.from)}
              <input
                id="report-from"
                name="from"
                type="date"
                max=${today}
                value=${this.report?.from ?? ''}
                aria-invalid=${f.from ? 'true' : 'false'}
                aria-describedby=${describedBy('report-from', f.from)}
              />
            </div>
            <div class="field">
              <label for="report-to">${this.words.t.to}</label>
              ${fieldError('report-to', f.to)}
              <input
                id="report-to"
                name="to"
                type="date"
                value=${this.report?.to ?? ''}
                aria-invalid=${f.to ? 'true' : 'false'}
                aria-describedby=${describedBy('report-to', f.to)}
              />
            </div>
          </div>`
        : nothing}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.loading}>${t.showReport}</button>
      </div>
    </form>`;
  }

  private number(value: number): string {
    return new Intl.NumberFormat(this.i18n.locale, { maximumFractionDigits: 1 }).format(value);
  }

  private cell(row: ReportRow, key: ReportColumn): string {
    const v = row[key];
    return v === null ? '—' : this.number(v);
  }

  /** A row's type in the page's language (the server names it in Spanish). */
  private rowLabel(row: ReportRow): string {
    return row.type === 'total' ? this.i18n.t.total : this.i18n.t.type(row.type);
  }

  private renderReport(r: PqrsReport): TemplateResult {
    const csv = this.api.url('/reports/pqrs.csv', { from: r.from, to: r.to });
    const { t, lang } = this.i18n;
    return html`<h2 id="h-report">${t.reportRange(formatDate(r.from, lang), formatDate(r.to, lang))}</h2>
      <p>${t.reportAsOf(formatDateTime(r.asOf, lang))}</p>
      <p><a class="button" href=${csv} download>${t.downloadCsv}</a></p>
      <div class="table-wrap" role="region" aria-label=${t.reportTable} tabindex="0">
        <table tabindex="0">
          <caption>
            ${t.reportCaption}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.kindOfRequest}</th>
              ${REPORT_COLUMNS.map((key) => html`<th scope="col" class="num">${t.column(key)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${r.rows.map(
              (row) => html`<tr>
                <th scope="row">${this.rowLabel(row)}</th>
                ${REPORT_COLUMNS.map((key) => html`<td class="num">${this.cell(row, key)}</td>`)}
              </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">${this.rowLabel(r.total)}</th>
              ${REPORT_COLUMNS.map((key) => html`<td class="num">${this.cell(r.total, key)}</td>`)}
            </tr>
          </tfoot>
        </table>
      </div>
      <div class="table-wrap" role="region" aria-label=${t.channelsTable} tabindex="0">
        <table>
          <caption>
            ${t.channelsCaption}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.intakeChannelLabel}</th>
              <th scope="col" class="num">${t.column('received')}</th>
            </tr>
          </thead>
          <tbody>
            ${r.channels.map(
              (c) => html`<tr>
                <th scope="row">${t.intakeChannel(c.channel)}</th>
                <td class="num">${this.number(c.received)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <h3>${t.chart}</h3>
      <div class="chart">
        <canvas role="img" aria-label=${t.chartLabel}></canvas>
      </div>
      <ecam-admin-published .api=${this.api} .user=${this.user} .period=${{ kind: this.shownKind, from: r.from, to: r.to }}></ecam-admin-published>`;
  }

  override render(): TemplateResult {
    const t = this.i18n.t;
    return html`<h1 tabindex="-1">${t.reportTitle}</h1>
      <p>${t.reportIntro}</p>
      ${this.renderForm()}
      <p role="status" aria-live="polite">${this.loading
        ? t.loadingReport
        : this.report
          ? t.reportLoaded(this.number(this.report.total.received))
          : ''}</p>
      ${this.report ? this.renderReport(this.report) : nothing}`;
  }
}

if (!customElements.get('ecam-admin-reports')) customElements.define('ecam-admin-reports', EcamAdminReports);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-reports': EcamAdminReports;
  }
}
