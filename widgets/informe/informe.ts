import { LitElement, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { PublishedList, PublishedReport, PublishedSummary, ReportRow } from '../../api/reports/schemas.ts';
import { REPORT_COLUMNS } from '../../api/reports/columns.ts';
import { ApiError, apiBase, errorText, request } from '../shared/api.ts';
import { formStyles } from '../shared/form-styles.ts';
import { bogotaDate, formatDate, formatDateTime } from '../shared/format.ts';
import { I18nController } from '../shared/i18n.ts';
import { tokens } from '../shared/styles.ts';
import { informeStyles } from './informe.styles.ts';
import { messages, type Standing } from './messages.ts';

/** The parts of each bar: where every received request stands; together they make «received». */
const SEGMENTS: Standing[] = ['answeredOnTime', 'answeredLate', 'overdue', 'open', 'transferred', 'withdrawn'];

/**
 * The PQRSD reports the entity published (Ley 1712 de 2014 art. 11 h; Ley 1474 de 2011 art. 76):
 * the list of published versions and, for the one chosen, the figures for requests for public
 * information (Decreto 1081 de 2015 art. 2.1.1.6.2), the table by type with a chart drawn from
 * it, the requests by channel, and the CSV. Each report is shown as it was published.
 *
 * @summary Informes de PQRSD publicados, para la página de transparencia.
 *
 * @csspart list - The list of published reports.
 * @csspart report - The report shown.
 * @csspart heading - The report's heading (it receives the focus when a report is chosen).
 * @csspart button - Every button.
 * @csspart csv - The CSV download link.
 * @csspart notice - Correction and replacement notices.
 * @csspart table - Each table.
 * @csspart chart - The chart (a picture of the table by type).
 * @csspart alert - Connection messages.
 *
 * @cssproperty --ecam-primary - Buttons, links and focus accents (default #3366CC).
 * @cssproperty --ecam-primary-contrast - Text on primary buttons and on the chosen report (default #fff).
 * @cssproperty --ecam-text - Body text (default #4B4B4B).
 * @cssproperty --ecam-heading - Headings (default #004884).
 * @cssproperty --ecam-muted - Publication dates in the list (default #5E5E5E).
 * @cssproperty --ecam-surface-alt - Table headers and notices (default #F2F5FA).
 * @cssproperty --ecam-border - Table borders (default #767676).
 * @cssproperty --ecam-font-family - Typeface (default "Work Sans", system-ui, sans-serif).
 * @cssproperty --ecam-chart-on-time - Chart: answered on time (default #068460).
 * @cssproperty --ecam-chart-late - Chart: answered late (default #B35C00).
 * @cssproperty --ecam-chart-overdue - Chart: overdue (default #A80521).
 * @cssproperty --ecam-chart-open - Chart: open within term (default #3366CC).
 * @cssproperty --ecam-chart-transferred - Chart: transferred (default #5E5E5E).
 * @cssproperty --ecam-chart-withdrawn - Chart: closed for withdrawal (default #A3A3A3).
 * @attr theme - `light` or `dark` pins that theme; without it the widget follows the visitor's system (prefers-color-scheme).
 * @attr lang - `es` (Spanish, the default) or `en` (English); without it, the nearest `lang` of the page (`<html lang>`).
 */
export class EcamInforme extends LitElement {
  static override styles = [tokens, formStyles, informeStyles];
  // Declared here rather than with decorators (their helpers cost every page ~0.6 KB gzip).
  static override properties: PropertyDeclarations = {
    list: { attribute: false },
    listAlert: { attribute: false },
    report: { attribute: false },
    reportAlert: { attribute: false },
    loadingReport: { attribute: false },
    apiBase: { attribute: 'api-base' },
  };

  private i18n = new I18nController(this, messages);

  private list?: PublishedSummary[];
  private listAlert = '';
  private report?: PublishedReport;
  private reportAlert = '';
  private loadingReport = false;
  /** The report asked for last; an older answer arriving late is dropped. */
  private wanted?: number;

  /** Origin of the ECAM Participa API; defaults to the server the widget was loaded from. */
  apiBase?: string;

  private get base(): string {
    return `${apiBase(this.apiBase)}/api/reports/published`;
  }

  /** Renders only once the texts in the element's language are here (English is fetched). */
  protected override scheduleUpdate(): void | Promise<void> {
    return this.i18n.whenReady(() => super.scheduleUpdate());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.list) void this.loadList();
  }

  protected override updated(): void {
    // Bar widths through the CSSOM, not a style attribute, which a strict CSP on the host page blocks.
    for (const bar of this.renderRoot.querySelectorAll<HTMLElement>('[data-w]')) bar.style.width = `${bar.dataset.w}%`;
  }

  private failure(err: unknown): string {
    const e = err instanceof ApiError ? err : new ApiError(0, undefined);
    return errorText(e, this.i18n.lang, this.i18n.t);
  }

  private async loadList(): Promise<void> {
    this.listAlert = '';
    try {
      const { reports } = await request<PublishedList>(this.base);
      this.list = reports;
      // The newest version of the newest period opens by itself.
      const first = reports.find((r) => !r.replacedBy);
      if (first && !this.report) void this.open(first.id, false);
    } catch (err) {
      this.list = undefined;
      this.listAlert = this.failure(err);
    }
  }

  private async open(id: number, focus = true): Promise<void> {
    this.wanted = id;
    this.loadingReport = true;
    this.reportAlert = '';
    try {
      const report = await request<PublishedReport>(`${this.base}/${id}`);
      if (this.wanted !== id) return;
      this.report = report;
    } catch (err) {
      if (this.wanted !== id) return;
      this.report = undefined;
      this.reportAlert = this.failure(err);
    } finally {
      if (this.wanted === id) this.loadingReport = false;
    }
    if (focus && this.report) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#i-title')?.focus();
    }
  }

  private date = (iso: string) => formatDate(iso, this.i18n.lang);

  private periodName(r: PublishedSummary): string {
    return this.i18n.t.period(r.kind, r.from, r.to, this.date);
  }

  private number(value: number | null): string {
    return value === null ? this.i18n.t.none : new Intl.NumberFormat(this.i18n.locale, { maximumFractionDigits: 1 }).format(value);
  }

  private rowLabel(row: ReportRow): string {
    return row.type === 'total' ? this.i18n.t.total : this.i18n.t.type(row.type, row.label);
  }

  private renderList(list: PublishedSummary[]): TemplateResult {
    const { t, lang } = this.i18n;
    return html`<section part="list" aria-labelledby="i-list">
      <h3 id="i-list">${t.listTitle}</h3>
      ${list.length === 0
        ? html`<p class="notice">${t.empty}</p>`
        : html`<ul class="list">
            ${list.map(
              (r) => html`<li>
                <button
                  type="button"
                  part="button"
                  aria-current=${this.report?.id === r.id ? 'true' : 'false'}
                  @click=${() => this.open(r.id)}
                >
                  ${this.periodName(r)} (${t.version(r.version)})
                </button>
                <span class="meta">${t.publishedOn(formatDate(bogotaDate(r.publishedAt), lang))}${r.replacedBy
                    ? html` · ${t.replacedBy(r.replacedBy.version)}`
                    : nothing}</span>
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  private renderInformation(r: PublishedReport): TemplateResult {
    const t = this.i18n.t;
    const info = r.snapshot.information;
    return html`<section aria-labelledby="i-info">
      <h4 id="i-info">${t.infoTitle}</h4>
      <p>${t.infoIntro}</p>
      <dl>
        <dt>${t.infoReceived}</dt>
        <dd>${this.number(info.received)}</dd>
        <dt>${t.infoTransferred}</dt>
        <dd>${this.number(info.transferred)}</dd>
        <dt>${t.infoDenied}</dt>
        <dd>${this.number(info.denied)}</dd>
      </dl>
      ${info.requests.length === 0
        ? html`<p>${t.infoNone}</p>`
        : html`<div class="scroll" role="region" aria-label=${t.scrollTable(t.infoTable)} tabindex="0">
            <table part="table">
              <caption>
                ${t.infoTable}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${t.radicado}</th>
                  <th scope="col">${t.receivedOn}</th>
                  <th scope="col">${t.standing}</th>
                  <th scope="col">${t.answeredOn}</th>
                  <th scope="col" class="num">${t.businessDays}</th>
                  <th scope="col">${t.deniedColumn}</th>
                </tr>
              </thead>
              <tbody>
                ${info.requests.map(
                  (q) => html`<tr>
                    <th scope="row">${q.radicado}</th>
                    <td>${this.date(q.receivedOn)}</td>
                    <td>${t.standingLabel(q.standing)}</td>
                    <td>${q.answeredOn ? this.date(q.answeredOn) : t.none}</td>
                    <td class="num">${this.number(q.businessDays)}</td>
                    <td>${q.businessDays === null ? t.none : q.denied ? t.yes : t.no}</td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}
    </section>`;
  }

  private renderTypes(r: PublishedReport): TemplateResult {
    const t = this.i18n.t;
    const { rows, total } = r.snapshot.report;
    const cells = (row: ReportRow) => REPORT_COLUMNS.map((c) => html`<td class="num">${this.number(row[c])}</td>`);
    return html`<section aria-labelledby="i-types">
      <h4 id="i-types">${t.typesTitle}</h4>
      <div class="scroll" role="region" aria-label=${t.scrollTable(t.typesTitle)} tabindex="0">
        <table part="table">
          <caption>
            ${t.typesTable}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.kindOfRequest}</th>
              ${REPORT_COLUMNS.map((c) => html`<th scope="col" class="num">${t.column(c)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${rows.map((row) => html`<tr><th scope="row">${this.rowLabel(row)}</th>${cells(row)}</tr>`)}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">${t.total}</th>
              ${cells(total)}
            </tr>
          </tfoot>
        </table>
      </div>
      ${this.renderChart(rows)}
    </section>`;
  }

  /** Stacked bars drawn with CSS, scaled to the type with most requests; the table above says the same. */
  private renderChart(rows: ReportRow[]): TemplateResult | typeof nothing {
    const t = this.i18n.t;
    const shown = rows.filter((row) => row.received > 0);
    if (!shown.length) return nothing;
    const max = Math.max(...shown.map((row) => row.received));
    return html`<figure part="chart">
      <figcaption>
        <strong>${t.chartTitle}</strong>
        <span>${t.chartNote}</span>
      </figcaption>
      <ul class="legend" aria-hidden="true">
        ${SEGMENTS.map((s) => html`<li><span data-s=${s}></span>${t.column(s)}</li>`)}
      </ul>
      <ul class="bars" aria-hidden="true">
        ${shown.map(
          (row) => html`<li>
            <span>${this.rowLabel(row)} (${this.number(row.received)})</span>
            <span class="track">
              ${SEGMENTS.filter((s) => row[s] > 0).map(
                (s) => html`<span data-s=${s} data-w=${(row[s] / max) * 100} title=${`${t.column(s)}: ${this.number(row[s])}`}></span>`,
              )}
            </span>
          </li>`,
        )}
      </ul>
    </figure>`;
  }

  private renderChannels(r: PublishedReport): TemplateResult {
    const t = this.i18n.t;
    return html`<section aria-labelledby="i-channels">
      <h4 id="i-channels">${t.channelsTitle}</h4>
      <table part="table">
        <caption class="visually-hidden">
          ${t.channelsTitle}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.channel}</th>
            <th scope="col" class="num">${t.column('received')}</th>
          </tr>
        </thead>
        <tbody>
          ${r.snapshot.channels.map(
            (c) => html`<tr>
              <th scope="row">${t.channelLabel(c.channel, c.label)}</th>
              <td class="num">${this.number(c.received)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }

  private renderReport(r: PublishedReport): TemplateResult {
    const { t, lang } = this.i18n;
    return html`<section part="report" aria-labelledby="i-title">
      <h3 id="i-title" part="heading" tabindex="-1">${t.reportTitle(this.periodName(r))}</h3>
      <dl>
        <dt>${t.periodLabel}</dt>
        <dd>${t.periodRange(this.date(r.from), this.date(r.to))}</dd>
        <dt>${t.versionLabel}</dt>
        <dd>${r.version}</dd>
        <dt>${t.publishedLabel}</dt>
        <dd>${formatDateTime(r.publishedAt, lang)}</dd>
        <dt>${t.publishedByLabel}</dt>
        <dd>${r.publishedBy}</dd>
        <dt>${t.asOfLabel}</dt>
        <dd>${formatDateTime(r.snapshot.report.asOf, lang)}</dd>
      </dl>
      ${r.replaces ? html`<p class="notice" part="notice">${t.corrects(r.replaces.version, r.reason ?? '')}</p>` : nothing}
      ${r.replacedBy
        ? html`<div class="notice" part="notice">
            <p>${t.replacedNotice(r.replacedBy.version)}</p>
            <div class="actions">
              <button type="button" part="button" @click=${() => this.open(r.replacedBy!.id)}>${t.openVersion(r.replacedBy.version)}</button>
            </div>
          </div>`
        : nothing}
      <p><a part="csv" href=${`${this.base}/${r.id}.csv`} download>${t.csv}</a></p>
      ${this.renderInformation(r)} ${this.renderTypes(r)} ${this.renderChannels(r)}
    </section>`;
  }

  override render(): TemplateResult {
    const t = this.i18n.t;
    if (this.listAlert) {
      return html`<div class="alert shown" part="alert" role="alert">${this.listAlert}</div>
        <div class="actions"><button type="button" part="button" @click=${this.loadList}>${t.retry}</button></div>`;
    }
    if (!this.list) return html`<p role="status">${t.loading}</p>`;
    return html`${this.renderList(this.list)}
      <p class="visually-hidden" role="status">${this.loadingReport ? t.loadingReport : ''}</p>
      ${this.reportAlert
        ? html`<div class="alert shown" part="alert" role="alert">${this.reportAlert}</div>
            <div class="actions">
              <button type="button" part="button" @click=${() => this.wanted && this.open(this.wanted)}>${t.retry}</button>
            </div>`
        : nothing}
      ${this.report ? this.renderReport(this.report) : nothing}`;
  }
}

if (!customElements.get('ecam-informe')) customElements.define('ecam-informe', EcamInforme);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-informe': EcamInforme;
  }
}
