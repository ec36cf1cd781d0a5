import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { EVENT_LIMITS } from '../../api/events/catalog.ts';
import { formatDateTime } from '../shared/format.ts';
import { type EventFigures, type EventResults, type GoalKey, type PlanEvent } from './events-model.ts';
import { EventPageView } from './events-page.ts';
import { NO_ERRORS, describedBy, fieldError, formAlert, formErrors, type FormErrors } from './view.ts';

const FIGURES: (keyof EventFigures)[] = ['registered', 'waitlisted', 'attended', 'questionsReceived', 'questionsPublished', 'questionsAnswered', 'surveyAnswers'];
/** The goal each figure answers to (the contract's map). */
const GOAL_OF: Partial<Record<keyof EventFigures, GoalKey>> = {
  registered: 'registrations',
  attended: 'attendance',
  questionsReceived: 'questions',
  surveyAnswers: 'surveyAnswers',
};

/**
 * The event's results (memoria): the figures the server computes from the data, a text by staff,
 * saved and published (only once the event has ended) or withdrawn.
 *
 * @summary Memoria de un evento.
 */
export class EcamAdminEventResults extends EventPageView {
  @state() private text?: string;
  @state() private errors: FormErrors = NO_ERRORS;
  @state() private busy = false;
  @state() private done = '';

  protected override page = 'memoria' as const;

  protected override async loaded(): Promise<void> {
    this.text ??= (this.event!.results as EventResults | undefined)?.text ?? '';
  }

  private async save(publish: boolean): Promise<void> {
    if (this.busy) return;
    const t = this.ev.t;
    const wasPublished = Boolean((this.event?.results as EventResults | undefined)?.publishedAt);
    this.busy = true;
    this.errors = NO_ERRORS;
    this.done = '';
    try {
      this.event = await this.api.send<PlanEvent>('PUT', `/events/${this.eventId}/results`, { text: this.text ?? '', publish });
      this.done = publish ? t.resultsDone : wasPublished ? t.resultsWithdrawn : t.resultsSaved;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#res-done')?.focus();
    } catch (err) {
      this.errors = formErrors(err);
      await this.focusProblem(this.renderRoot.querySelector('form'), this.errors);
    } finally {
      this.busy = false;
    }
  }

  private renderFigures(e: PlanEvent): TemplateResult {
    const t = this.ev.t;
    const f = e.figures;
    return html`<div class="table-wrap">
      <table>
        <caption>${t.figuresCaption}</caption>
        <thead>
          <tr>
            <th scope="col">${t.figure}</th>
            <th scope="col" class="num">${t.value}</th>
            <th scope="col" class="num">${t.goalCol}</th>
          </tr>
        </thead>
        <tbody>
          ${FIGURES.map((k) => {
            const value = f[k];
            const goal = GOAL_OF[k] ? e.goals[GOAL_OF[k]!] : undefined;
            return html`<tr>
              <th scope="row">${t.figureName(k)}</th>
              <td class="num">${typeof value === 'number' ? value : k === 'surveyAnswers' && e.figures && !e.surveySlug ? t.noSurveyFigure : t.noFigure}</td>
              <td class="num">${typeof goal === 'number' ? goal : '—'}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }

  override render(): TemplateResult {
    const { t, lang } = this.ev;
    const e = this.event;
    if (!e) return this.renderHeader(e);
    const results = e.results as EventResults | undefined;
    const held = e.phase === 'held';
    const message = this.errors.fields.text;
    return html`${this.renderHeader(e)}
      <h2>${t.resultsTitle}</h2>
      <p>${t.resultsIntro}</p>
      ${this.renderFigures(e)}
      <div class="status" role="status" id="res-done" tabindex="-1">${this.done}</div>
      <p>${results?.publishedAt ? t.resultsPublished(formatDateTime(results.publishedAt, lang)) : t.resultsUnpublished}
        ${held ? nothing : t.resultsNotYet(formatDateTime(e.endsAt, lang))}</p>
      <form novalidate @submit=${(ev: SubmitEvent) => (ev.preventDefault(), this.save(true))}>
        ${formAlert(this.errors.alert)}
        <div class="field">
          <label for="res-text">${t.resultsText}</label>
          <span class="hint" id="res-text-hint">${t.resultsHint}</span> ${fieldError('res-text', message)}
          <textarea
            id="res-text"
            name="text"
            rows="10"
            maxlength=${EVENT_LIMITS.body}
            .value=${this.text ?? ''}
            aria-invalid=${message ? 'true' : 'false'}
            aria-describedby=${describedBy('res-text', message, 'res-text-hint')}
            @input=${(ev: Event) => (this.text = (ev.target as HTMLTextAreaElement).value)}
          ></textarea>
        </div>
        <div class="actions">
          <button type="button" ?disabled=${this.busy} @click=${() => this.save(false)}>${results?.publishedAt ? t.unpublishResults : t.saveResults}</button>
          ${held ? html`<button type="submit" class="primary" ?disabled=${this.busy}>${t.publishResults}</button>` : nothing}
        </div>
      </form>`;
  }
}

if (!customElements.get('ecam-admin-event-results')) customElements.define('ecam-admin-event-results', EcamAdminEventResults);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-event-results': EcamAdminEventResults;
  }
}
