import { css, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { QUESTION_LIMITS } from '../../api/events/catalog.ts';
import { formatDateTime } from '../shared/format.ts';
import { moderationOrder, type PlanQuestion } from './events-model.ts';
import { EventPageView } from './events-page.ts';
import { describedBy, errorMessage, fieldError } from './view.ts';
import { ApiError } from './api.ts';

/**
 * The moderation queue of an event's questions, pending first: publish with or without an answer,
 * edit the answer, hide, merge into another question, and, once the event has ended, file an
 * unanswered question as a PQRSD (the radicado links to the request).
 *
 * @summary Moderación de las preguntas de un evento.
 */
export class EcamAdminEventQuestions extends EventPageView {
  static override styles = [
    ...EventPageView.styles,
    css`
      .questions {
        display: grid;
        gap: 1rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .question {
        border: 1px solid var(--ecam-rule);
        border-left-width: 4px;
        border-radius: 0.375rem;
        padding: 0.75rem;
      }
      .question.pending {
        border-left-color: var(--ecam-primary);
      }
      .question blockquote {
        margin: 0 0 0.5rem;
        white-space: pre-line;
      }
      .merge {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
      }
    `,
  ];

  @state() private items?: PlanQuestion[];
  @state() private busy = 0;
  /** Per question: the message of its last failure, and field errors (answer, merge). */
  @state() private problems: Record<number, { alert: string; answer?: string; into?: string }> = {};
  @state() private said = '';
  /** Answers being written, by question: kept across re-renders and failures. */
  private answers = new Map<number, string>();
  private targets = new Map<number, string>();

  protected override page = 'preguntas' as const;

  protected override async loaded(): Promise<void> {
    this.items = (await this.api.get<{ items: PlanQuestion[] }>(`/events/${this.eventId}/questions`)).items;
  }

  /** The display number of a question (its id, as the public page and the audit log name it). */
  private answerOf(q: PlanQuestion): string {
    return this.answers.get(q.id) ?? q.answer ?? '';
  }

  private async run(q: PlanQuestion, call: () => Promise<unknown>, message: () => string, focusAfter = `#q-${q.id} h3`): Promise<void> {
    if (this.busy) return;
    this.busy = q.id;
    this.problems = { ...this.problems, [q.id]: { alert: '' } };
    try {
      await call();
      this.answers.delete(q.id);
      this.items = (await this.api.get<{ items: PlanQuestion[] }>(`/events/${this.eventId}/questions`)).items;
      this.said = message();
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(focusAfter)?.focus();
    } catch (err) {
      const fields = err instanceof ApiError ? err.fields : {};
      this.problems = { ...this.problems, [q.id]: { alert: errorMessage(err), answer: fields.answer, into: fields.into } };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#q-${q.id} [aria-invalid="true"], #q-${q.id} .alert`)?.focus();
    } finally {
      this.busy = 0;
    }
  }

  private moderate(q: PlanQuestion, state: 'published' | 'hidden', answer: string | null): Promise<void> {
    const t = this.ev.t;
    return this.run(
      q,
      () => this.api.send('PUT', `/events/${this.eventId}/questions/${q.id}`, { state, answer }),
      () => t.questionDone(q.id, t.qState(state)),
    );
  }

  private publishWithAnswer(q: PlanQuestion): void {
    const answer = this.answerOf(q).trim();
    if (!answer) {
      this.problems = { ...this.problems, [q.id]: { alert: '', answer: this.ev.t.answerNeeded } };
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#q-${q.id}-answer`)?.focus());
      return;
    }
    void this.moderate(q, 'published', answer);
  }

  private merge(q: PlanQuestion): void {
    const into = Number(this.targets.get(q.id) ?? 0);
    const t = this.ev.t;
    if (!into) {
      this.problems = { ...this.problems, [q.id]: { alert: '', into: `${t.mergeInto}: ${t.mergeChoose.toLowerCase()}` } };
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#q-${q.id}-into`)?.focus());
      return;
    }
    void this.run(
      q,
      () => this.api.send('POST', `/events/${this.eventId}/questions/${q.id}/merge`, { into }),
      () => t.merged(q.id, into),
      `#q-${into} h3`,
    );
  }

  private fileAsPqrs(q: PlanQuestion): void {
    let radicado = '';
    void this.run(
      q,
      async () => {
        radicado = (await this.api.send<{ radicado: string }>('POST', `/events/${this.eventId}/questions/${q.id}/pqrs`)).radicado;
      },
      () => this.ev.t.filed(q.id, radicado),
    );
  }

  private renderQuestion(q: PlanQuestion, all: PlanQuestion[]): TemplateResult {
    const { t, lang } = this.ev;
    const p = this.problems[q.id] ?? { alert: '' };
    const id = `q-${q.id}`;
    const open = q.state === 'pending' || q.state === 'published';
    const held = this.event?.phase === 'held';
    const targets = all.filter((o) => o.id !== q.id && (o.state === 'published' || o.state === 'pending'));
    const disabled = this.busy !== 0;
    return html`<li class="question ${q.state}" id=${id}>
      <h3 id="${id}-title" tabindex="-1">${t.questionHeading(q.id)} · <span class="badge">${t.qState(q.state)}</span></h3>
      <blockquote>${q.question}</blockquote>
      <p class="hint">${t.askedBy(q.name, q.email, formatDateTime(q.createdAt, lang))}</p>
      ${q.state === 'merged' && q.mergedInto ? html`<p>${t.mergedInto(q.mergedInto)}</p>` : nothing}
      ${q.radicado
        ? html`<p><strong>${t.filedAs}:</strong> <a href="#/solicitud/${encodeURIComponent(q.radicado)}">${q.radicado}</a></p>`
        : nothing}
      ${p.alert ? html`<div class="alert" role="alert" tabindex="-1">${p.alert}</div>` : nothing}
      ${open
        ? html`<div class="field">
              <label for="${id}-answer">${t.answer} <span class="hint">${this.words.t.optional}</span></label>
              <span class="hint" id="${id}-answer-hint">${t.answerHint}</span> ${fieldError(`${id}-answer`, p.answer)}
              <textarea
                id="${id}-answer"
                rows="3"
                maxlength=${QUESTION_LIMITS.answer}
                .value=${this.answerOf(q)}
                aria-invalid=${p.answer ? 'true' : 'false'}
                aria-describedby=${describedBy(`${id}-answer`, p.answer, `${id}-answer-hint`)}
                @input=${(e: Event) => this.answers.set(q.id, (e.target as HTMLTextAreaElement).value)}
              ></textarea>
            </div>
            <div class="actions">
              ${q.state === 'pending'
                ? html`<button type="button" class="primary" ?disabled=${disabled} @click=${() => this.publishWithAnswer(q)}>${t.publishWithAnswer}</button>
                    <button type="button" ?disabled=${disabled} @click=${() => this.moderate(q, 'published', null)}>${t.publishQuestion}</button>`
                : html`<button type="button" class="primary" ?disabled=${disabled} @click=${() => this.publishWithAnswer(q)}>${t.saveAnswer}</button>`}
              <button type="button" ?disabled=${disabled} @click=${() => this.moderate(q, 'hidden', q.answer)}>${t.hide}</button>
              ${held && !q.answer && !q.radicado
                ? html`<button type="button" ?disabled=${disabled} aria-describedby="${id}-pqrs-hint" @click=${() => this.fileAsPqrs(q)}>${t.fileAsPqrs}</button>`
                : nothing}
            </div>
            ${held && !q.answer && !q.radicado ? html`<p class="hint" id="${id}-pqrs-hint">${t.pqrsHint}</p>` : nothing}
            ${targets.length
              ? html`<div class="merge">
                  <div class="field">
                    <label for="${id}-into">${t.mergeInto}</label>
                    ${fieldError(`${id}-into`, p.into)}
                    <select
                      id="${id}-into"
                      aria-invalid=${p.into ? 'true' : 'false'}
                      aria-describedby=${describedBy(`${id}-into`, p.into)}
                      @change=${(e: Event) => this.targets.set(q.id, (e.target as HTMLSelectElement).value)}
                    >
                      <option value="">${t.mergeChoose}</option>
                      ${targets.map((o) => html`<option value=${o.id} ?selected=${this.targets.get(q.id) === String(o.id)}>${t.mergeOption(o.id, o.question)}</option>`)}
                    </select>
                  </div>
                  <button type="button" ?disabled=${disabled} @click=${() => this.merge(q)}>${t.merge}</button>
                </div>`
              : nothing}`
        : q.state === 'hidden'
          ? html`<div class="actions">
              <button type="button" ?disabled=${disabled} @click=${() => this.moderate(q, 'published', q.answer)}>${t.unhide}</button>
            </div>`
          : nothing}
    </li>`;
  }

  override render(): TemplateResult {
    const t = this.ev.t;
    const e = this.event;
    const items = this.items;
    return html`${this.renderHeader(e)}
      ${e
        ? html`<h2>${t.questionsTitle}</h2>
            ${e.questions ? html`<p>${t.questionsIntro}</p>` : html`<p>${t.questionsOff}</p>`}
            <p class="visually-hidden" aria-live="polite">${this.said}</p>
            ${items
              ? items.length
                ? html`<p>${t.queueSummary(items.filter((q) => q.state === 'pending').length, items.length)}</p>
                    <ul class="questions">
                      ${moderationOrder(items).map((q) => this.renderQuestion(q, items))}
                    </ul>`
                : html`<p>${t.noQuestions}</p>`
              : this.loadError
                ? nothing
                : html`<p role="status">${t.loadingQuestions}</p>`}`
        : nothing}`;
  }
}

if (!customElements.get('ecam-admin-event-questions')) customElements.define('ecam-admin-event-questions', EcamAdminEventQuestions);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-event-questions': EcamAdminEventQuestions;
  }
}
