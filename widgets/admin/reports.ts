import { css, html, nothing, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { PqrsReport, ReportRow } from '../../api/reports/schemas.ts';
import { bogotaDate, formatDate, formatDateTime } from '../shared/format.ts';
import { CHART_TEXT, drawBarChart, type Chart } from './chart.ts';
import { AdminView, NO_ERRORS, describedBy, fieldError, formAlert, formErrors, type FormErrors } from './view.ts';

type PeriodKind = 'trimestre' | 'semestre' | 'anio' | 'personalizado';

const PERIODS: [PeriodKind, string][] = [
  ['trimestre', 'Este trimestre'],
  ['semestre', 'Este semestre'],
  ['anio', 'Este año'],
  ['personalizado', 'Otro periodo'],
];

/** The first and last day of the quarter, semester or year that contains `today` (Bogotá). */
export function periodOf(kind: Exclude<PeriodKind, 'personalizado'>, today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const months = kind === 'trimestre' ? 3 : kind === 'semestre' ? 6 : 12;
  const first = Math.floor((m - 1) / months) * months + 1;
  const last = first + months - 1;
  const lastDay = new Date(Date.UTC(y, last, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(last)}-${pad(lastDay)}` };
}

/** The columns of the table and the CSV, with the words of the report (DOMAIN.md section 5). */
const COLUMNS: [Exclude<keyof ReportRow, 'type' | 'label'>, string][] = [
  ['received', 'Recibidas'],
  ['answeredOnTime', 'Respondidas a tiempo'],
  ['answeredLate', 'Respondidas fuera de término'],
  ['open', 'Abiertas en término'],
  ['overdue', 'Vencidas sin respuesta'],
  ['transferred', 'Trasladadas'],
  ['withdrawn', 'Desistimiento'],
  ['denied', 'Acceso negado'],
  ['avgBusinessDays', 'Promedio de días hábiles para responder'],
  ['maxBusinessDays', 'Máximo de días hábiles para responder'],
];

/** The stacked bars: where each received request stands; together they add up to «received». */
const SERIES: [keyof ReportRow, string, string][] = [
  ['answeredOnTime', 'Respondidas a tiempo', '#068460'],
  ['answeredLate', 'Respondidas fuera de término', '#f5b700'],
  ['overdue', 'Vencidas sin respuesta', '#a80521'],
  ['open', 'Abiertas en término', '#3366cc'],
  ['transferred', 'Trasladadas', '#5e5e5e'],
  ['withdrawn', 'Desistimiento', '#b0b0b0'],
];

const number = new Intl.NumberFormat('es-CO', { maximumFractionDigits: 1 });

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

  @query('form') private form?: HTMLFormElement;
  @query('canvas') private canvas?: HTMLCanvasElement;

  @state() private kind: PeriodKind = 'trimestre';
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
    try {
      this.report = await this.api.get<PqrsReport>('/reports/pqrs', period);
    } catch (err) {
      this.errors = formErrors(err);
      await this.focusProblem(this.form, this.errors);
    } finally {
      this.loading = false;
    }
  }

  private drawChart(report: PqrsReport, canvas: HTMLCanvasElement): void {
    const labels = report.rows.map((r) => r.label);
    const datasets = SERIES.map(([key, label, color]) => ({
      label,
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
            x: { stacked: true, beginAtZero: true, ticks: { precision: 0, color: CHART_TEXT }, title: { display: true, text: 'Solicitudes' } },
            y: { stacked: true, ticks: { color: CHART_TEXT } },
          },
          plugins: { legend: { position: 'bottom', labels: { color: CHART_TEXT } } },
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
    return html`<form novalidate aria-label="Periodo del reporte" @submit=${this.handleSubmit}>
      ${formAlert(this.errors.alert)}
      <fieldset>
        <legend>Periodo</legend>
        <div class="actions">
          ${PERIODS.map(
            ([value, label]) => html`<div class="check">
              <input
                type="radio"
                id="period-${value}"
                name="period"
                value=${value}
                .checked=${this.kind === value}
                @change=${this.handleKind}
              />
              <label for="period-${value}">${label}</label>
            </div>`,
          )}
        </div>
      </fieldset>
      ${this.kind === 'personalizado'
        ? html`<div class="filters">
            <div class="field">
              <label for="report-from">Desde</label>
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
              <label for="report-to">Hasta</label>
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
        <button type="submit" class="primary" ?disabled=${this.loading}>Ver reporte</button>
      </div>
    </form>`;
  }

  private cell(row: ReportRow, key: (typeof COLUMNS)[number][0]): string {
    const v = row[key];
    return v === null ? '—' : number.format(v);
  }

  private renderReport(r: PqrsReport): TemplateResult {
    const csv = this.api.url('/reports/pqrs.csv', { from: r.from, to: r.to });
    return html`<h2 id="h-report">Del ${formatDate(r.from)} al ${formatDate(r.to)}</h2>
      <p>Cada solicitud recibida en el periodo se cuenta una vez, según cómo estaba el ${formatDateTime(r.asOf)}.</p>
      <p><a class="button" href=${csv} download>Descargar CSV</a></p>
      <div class="table-wrap" role="region" aria-label="Tabla del reporte" tabindex="0">
        <table>
          <caption>
            PQRSD recibidas por tipo
          </caption>
          <thead>
            <tr>
              <th scope="col">Tipo</th>
              ${COLUMNS.map(([, label]) => html`<th scope="col" class="num">${label}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${r.rows.map(
              (row) => html`<tr>
                <th scope="row">${row.label}</th>
                ${COLUMNS.map(([key]) => html`<td class="num">${this.cell(row, key)}</td>`)}
              </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">${r.total.label}</th>
              ${COLUMNS.map(([key]) => html`<td class="num">${this.cell(r.total, key)}</td>`)}
            </tr>
          </tfoot>
        </table>
      </div>
      <h3>Gráfico</h3>
      <div class="chart">
        <canvas
          role="img"
          aria-label="Gráfico de barras apiladas: por tipo, cuántas solicitudes se respondieron a tiempo, fuera de término, están vencidas, abiertas, trasladadas o desistidas. Los mismos datos están en la tabla."
        ></canvas>
      </div>`;
  }

  override render(): TemplateResult {
    return html`<h1 tabindex="-1">Reporte de PQRSD</h1>
      <p>Recibidas, respondidas a tiempo y fuera de término, vencidas, trasladadas, negadas y tiempos de respuesta en días hábiles (Ley 1712 de 2014 y Ley 1474 de 2011, art. 76).</p>
      ${this.renderForm()}
      <p role="status" aria-live="polite">${this.loading
        ? 'Cargando el reporte…'
        : this.report
          ? `Reporte cargado: ${number.format(this.report.total.received)} solicitudes recibidas en el periodo.`
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
