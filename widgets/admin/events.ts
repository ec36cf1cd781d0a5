/**
 * The participation plan in the staff page (issue 12, DOMAIN.md section 7), one chunk fetched the
 * first time someone opens `#/participacion` or an event: the year's plan by month, and the pages
 * of each event (editor, registrations and attendance, questions, results).
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { I18nController, localeOf } from '../shared/i18n.ts';
import type { SurveyListItem } from '../../api/survey/schemas.ts';
import { byMonth, goalRows, percentOf, type PlanEvent } from './events-model.ts';
import { eventStyles, formatSpan, toolIcon } from './events-page.ts';
import { eventsMessages } from './messages-events.ts';
import { AdminView, errorMessage, formAlert } from './view.ts';
import './events-editor.ts';
import './events-registrations.ts';
import './events-questions.ts';
import './events-results.ts';

/** The year of `?anio=2027`, else this year (in Bogotá). */
export function yearOf(params: string): number {
  const y = Number(new URLSearchParams(params).get('anio'));
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota', year: 'numeric' }).format(new Date()));
}


/**
 * The year's plan: twelve months, each event with its kind, state and phase, responsible, tools
 * and goals against what happened; a year picker; a new event; copying the plan to the next year.
 *
 * @summary Plan de participación del año.
 */
export class EcamAdminEvents extends AdminView {
  static override styles = [
    ...AdminView.styles,
    eventStyles,
    css`
      .months {
        display: grid;
        gap: 0.75rem;
      }
      .month {
        border-top: 2px solid var(--ecam-rule);
        padding-top: 0.5rem;
      }
      .month h2 {
        margin-top: 0;
        font-size: 1.15rem;
      }
      .events {
        display: grid;
        gap: 0.75rem;
        grid-template-columns: repeat(auto-fill, minmax(min(20rem, 100%), 1fr));
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .card {
        border: 1px solid var(--ecam-rule);
        border-radius: 0.375rem;
        padding: 0.75rem;
      }
      .card h3 {
        margin-bottom: 0.25rem;
      }
      .card dl {
        margin: 0;
        grid-template-columns: minmax(6rem, max-content) minmax(0, 1fr);
      }
      .goal meter {
        width: 8rem;
        max-width: 100%;
        vertical-align: middle;
      }
      .year {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
        align-items: end;
      }
      .year form {
        display: flex;
        gap: 0.5rem;
        align-items: end;
      }
      .year input {
        width: 7rem;
      }
    `,
  ];

  private i18n = new I18nController(this, eventsMessages);

  /** The query of the address (`anio=2027`). */
  @property({ attribute: false }) params = '';

  @state() private items?: PlanEvent[];
  /** Survey titles by slug, to name an event's survey. */
  @state() private surveyTitles = new Map<string, string>();
  @state() private loadError = '';
  @state() private confirming = false;
  @state() private busy = false;
  @state() private copyError = '';
  @state() private copied?: { n: number; to: number };

  private get year(): number {
    return yearOf(this.params);
  }

  /** The year shown (0 before the first load). */
  private shownYear = 0;

  protected override willUpdate(): void {
    // The first load starts inside the first update (the properties from <ecam-admin> are set by then).
    if (this.year === this.shownYear) return;
    this.shownYear = this.year;
    this.confirming = false;
    this.copyError = '';
    this.copied = undefined;
    void this.load();
  }

  private async load(): Promise<void> {
    const year = this.year;
    this.items = undefined;
    this.loadError = '';
    try {
      const [{ items }, surveys] = await Promise.all([
        this.api.get<{ items: PlanEvent[] }>('/events', { year }),
        this.api.get<{ items: SurveyListItem[] }>('/surveys'),
      ]);
      this.surveyTitles = new Map(surveys.items.map((s) => [s.slug, s.title]));
      if (year === this.year) this.items = items;
    } catch (err) {
      this.loadError = errorMessage(err);
    }
  }

  private handleYear(e: SubmitEvent): void {
    e.preventDefault();
    const value = Number(new FormData(e.target as HTMLFormElement).get('year'));
    if (Number.isInteger(value) && value >= 2000 && value <= 2100) location.hash = `#/participacion?anio=${value}`;
  }

  private async handleCopy(): Promise<void> {
    if (this.busy) return;
    const from = this.year;
    const to = from + 1;
    this.busy = true;
    this.copyError = '';
    try {
      const { items } = await this.api.send<{ items: PlanEvent[] }>('POST', '/events/copy-year', { from, to });
      this.confirming = false;
      this.copied = { n: items.length, to };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#copy-result')?.focus();
    } catch (err) {
      this.copyError = errorMessage(err);
    } finally {
      this.busy = false;
    }
  }

  private async openConfirm(): Promise<void> {
    this.confirming = true;
    this.copied = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#copy-confirm')?.focus();
  }

  private async closeConfirm(): Promise<void> {
    this.confirming = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#copy-open')?.focus();
  }

  private renderCopy(items: PlanEvent[]): TemplateResult {
    const t = this.i18n.t;
    const from = this.year;
    const to = from + 1;
    const n = items.filter((e) => e.state !== 'cancelled').length;
    const copied = this.copied;
    return html`${copied
        ? html`<div class="status" role="status" id="copy-result" tabindex="-1">
            ${t.copied(copied.n, copied.to)} <a href="#/participacion?anio=${copied.to}">${t.seePlan(copied.to)}</a>
          </div>`
        : nothing}
      ${this.copyError ? formAlert(this.copyError) : nothing}
      ${this.confirming
        ? html`<div role="group" aria-labelledby="copy-confirm">
            <p id="copy-confirm" tabindex="-1">${t.copyConfirm(from, to, n)}</p>
            <div class="actions">
              <button type="button" class="primary" ?disabled=${this.busy} @click=${this.handleCopy}>${this.busy ? t.copying : t.copyYes}</button>
              <button type="button" @click=${this.closeConfirm}>${t.no}</button>
            </div>
          </div>`
        : n
          ? html`<div class="actions"><button type="button" id="copy-open" @click=${this.openConfirm}>${t.copyPlan(from, to)}</button></div>`
          : nothing}`;
  }

  private renderEvent(e: PlanEvent): TemplateResult {
    const { t, lang } = this.i18n;
    const tools: TemplateResult[] = [];
    if (e.registration?.enabled)
      tools.push(html`<li>${toolIcon('registration')} ${t.toolRegistration(e.registration.capacity, e.registration.waitlist)}</li>`);
    if (e.questions) tools.push(html`<li>${toolIcon('questions')} ${t.toolQuestions}</li>`);
    if (e.surveySlug) tools.push(html`<li>${toolIcon('survey')} ${t.toolSurvey(this.surveyTitles.get(e.surveySlug) ?? e.surveySlug)}</li>`);
    if (e.chat) tools.push(html`<li>${toolIcon('chat')} ${t.toolChat}</li>`);
    const goals = goalRows(e);
    return html`<li class="card">
      <h3><a href="#/evento/${e.id}/editar">${e.title}</a></h3>
      <dl>
        <dt>${t.kindLabel}</dt>
        <dd>${t.kind(e.kind)}</dd>
        <dt>${t.whenLabel}</dt>
        <dd>${formatSpan(e.startsAt, e.endsAt, lang)}</dd>
        <dt>${t.stateLabel}</dt>
        <dd><span class="badge">${t.stateLine(t.state(e.state), t.phase(e.phase))}</span></dd>
        <dt>${t.responsibleLabel}</dt>
        <dd>${e.responsible?.name ?? t.noResponsible}</dd>
        <dt>${t.toolsLabel}</dt>
        <dd>${tools.length ? html`<ul class="tools">${tools}</ul>` : t.noTools}</dd>
        <dt>${t.goalsLabel}</dt>
        <dd>
          ${goals.length
            ? html`<ul class="tools">
                ${goals.map(
                  (g) => html`<li class="goal">
                    ${t.goalLine(t.goal(g.key), g.actual, g.goal)}
                    ${g.actual === null
                      ? t.goalUnknown
                      : html`${t.goalPercent(percentOf(g.actual, g.goal))}
                          <meter aria-hidden="true" min="0" max=${Math.max(g.goal, 1)} value=${Math.min(g.actual, Math.max(g.goal, 1))}></meter>`}
                  </li>`,
                )}
              </ul>`
            : t.noGoals}
        </dd>
      </dl>
    </li>`;
  }

  private renderPlan(items: PlanEvent[]): TemplateResult {
    const { t, lang } = this.i18n;
    const months = byMonth(items);
    const name = new Intl.DateTimeFormat(localeOf(lang), { month: 'long', timeZone: 'UTC' });
    return html`<div class="months">
      ${months.map((list, m) => {
        const month = name.format(new Date(Date.UTC(this.year, m, 1)));
        const label = `${month.charAt(0).toUpperCase()}${month.slice(1)} ${this.year}`;
        return html`<section class="month" aria-labelledby="month-${m}">
          <h2 id="month-${m}">${label} <span class="hint">(${t.monthCount(list.length)})</span></h2>
          ${list.length ? html`<ul class="events">${list.map((e) => this.renderEvent(e))}</ul>` : html`<p class="hint">${t.noEventsInMonth}</p>`}
        </section>`;
      })}
    </div>`;
  }

  override render(): TemplateResult {
    const t = this.i18n.t;
    const year = this.year;
    const items = this.items;
    return html`<h1 tabindex="-1">${t.planTitle}</h1>
      <p>${t.planIntro}</p>
      <div class="year">
        <form @submit=${this.handleYear} aria-label=${t.year}>
          <div class="field">
            <label for="plan-year">${t.year}</label>
            <input id="plan-year" name="year" type="number" min="2000" max="2100" .value=${String(year)} />
          </div>
          <button type="submit">${t.show}</button>
        </form>
        <a href="#/participacion?anio=${year - 1}">${t.previousYear(year - 1)}</a>
        <a href="#/participacion?anio=${year + 1}">${t.nextYear(year + 1)}</a>
        <a class="button primary" href="#/evento/nuevo">${t.newEvent}</a>
      </div>
      <div class="alert" role="alert">${this.loadError}</div>
      ${items
        ? html`<p role="status">${t.planSummary(year, items.length)}</p>
            ${this.renderCopy(items)} ${items.length ? this.renderPlan(items) : html`<p>${t.emptyYear(year)}</p>`}`
        : this.loadError
          ? nothing
          : html`<p role="status">${t.loadingPlan}</p>`}`;
  }
}

if (!customElements.get('ecam-admin-events')) customElements.define('ecam-admin-events', EcamAdminEvents);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-events': EcamAdminEvents;
  }
}
