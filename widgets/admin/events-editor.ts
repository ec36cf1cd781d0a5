import { html, nothing, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import { EVENT_KINDS, EVENT_LIMITS } from '../../api/events/catalog.ts';
import type { SurveyListItem } from '../../api/survey/schemas.ts';
import { formatDateTime } from '../shared/format.ts';
import { GOALS, draftErrors, draftOf, emptyDraft, inputOf, type EventDraft, type PlanEvent } from './events-model.ts';
import { EventPageView } from './events-page.ts';
import { NO_ERRORS, describedBy, errorMessage, fieldError, formAlert, formErrors, type FormErrors } from './view.ts';

interface Official {
  id: number;
  name: string;
}

/** The id of a field's control from its path (`registration.capacity` -> `ev-registration-capacity`). */
const idOf = (path: string) => `ev-${path.replace(/\./g, '-')}`;

/**
 * Creates or edits an event: every field of the form, its tools (registration, questions, survey,
 * chat window) and goals, in Bogotá time; the server's field errors next to each field, nothing
 * typed lost. Publishing and cancelling ask first (cancelling e-mails every registrant).
 *
 * @summary Editor de un evento del plan.
 */
export class EcamAdminEventEditor extends EventPageView {
  @query('form') private form?: HTMLFormElement;

  @state() private draft: EventDraft = emptyDraft();
  @state() private errors: FormErrors = NO_ERRORS;
  @state() private busy = false;
  @state() private done = '';
  @state() private confirming: 'publish' | 'cancel' | null = null;
  @state() private actionError = '';
  @state() private officials: Official[] = [];
  @state() private surveys: SurveyListItem[] = [];

  protected override page = 'editar' as const;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!this.hasUpdated) void this.loadLists();
    if (changed.has('eventId') && !this.eventId) {
      this.event = undefined;
      this.draft = emptyDraft();
      this.errors = NO_ERRORS;
    }
    super.willUpdate(changed);
  }

  /** The staff who can be responsible or answer the chat, and the surveys to link. */
  private async loadLists(): Promise<void> {
    try {
      const [officials, surveys] = await Promise.all([
        this.api.get<Official[]>('/pqrs/assignees'),
        this.api.get<{ items: SurveyListItem[] }>('/surveys'),
      ]);
      this.officials = officials;
      this.surveys = surveys.items;
    } catch (err) {
      this.loadError = errorMessage(err);
    }
  }

  protected override async loaded(): Promise<void> {
    this.draft = draftOf(this.event!);
  }

  private handleInput(e: Event): void {
    const c = e.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const name = c.name;
    if (!name) return;
    const value = c instanceof HTMLInputElement && c.type === 'checkbox' ? c.checked : c.value;
    if (name.startsWith('goals.')) {
      this.draft = { ...this.draft, goals: { ...this.draft.goals, [name.slice(6)]: String(value) } };
    } else if (name === 'chatOfficial') {
      const id = Number(c.value);
      const set = new Set(this.draft.chatOfficials);
      if ((c as HTMLInputElement).checked) set.add(id);
      else set.delete(id);
      this.draft = { ...this.draft, chatOfficials: [...set] };
    } else {
      this.draft = { ...this.draft, [name]: value };
    }
  }

  private async handleSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    this.busy = true;
    this.errors = NO_ERRORS;
    this.done = '';
    const body = inputOf(this.draft);
    try {
      if (this.eventId) {
        this.event = await this.api.send<PlanEvent>('PUT', `/events/${this.eventId}`, body);
        this.done = this.ev.t.saved;
      } else {
        const created = await this.api.send<PlanEvent>('POST', '/events', body);
        this.event = created;
        this.done = this.ev.t.created;
        // The address of the new event; the same element stays and keeps the message.
        history.replaceState(null, '', `${location.pathname}${location.search}#/evento/${created.id}/editar`);
        this.eventId = created.id;
      }
      this.draft = draftOf(this.event);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#ev-done')?.focus();
    } catch (err) {
      const errors = formErrors(err);
      this.errors = { ...errors, fields: draftErrors(errors.fields) };
      await this.focusProblem(this.form, this.errors);
    } finally {
      this.busy = false;
    }
  }

  protected override async load(): Promise<void> {
    // After a creation the event is already here.
    if (this.event && this.event.id === this.eventId) return;
    await super.load();
  }

  private async ask(what: 'publish' | 'cancel'): Promise<void> {
    this.confirming = what;
    this.actionError = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#ev-confirm')?.focus();
  }

  private async closeConfirm(): Promise<void> {
    const what = this.confirming;
    this.confirming = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#ev-${what}`)?.focus();
  }

  private async act(what: 'publish' | 'cancel'): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.actionError = '';
    try {
      this.event = await this.api.send<PlanEvent>('POST', `/events/${this.eventId}/${what}`);
      this.confirming = null;
      this.done = what === 'publish' ? this.ev.t.published : this.ev.t.cancelled;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#ev-done')?.focus();
    } catch (err) {
      this.actionError = errorMessage(err);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#ev-actions .alert')?.focus();
    } finally {
      this.busy = false;
    }
  }

  // ---- fields ------------------------------------------------------------------------------

  private label(id: string, text: string, optional: boolean): TemplateResult {
    return html`<label for=${id}>${text}${optional ? html` <span class="hint">${this.words.t.optional}</span>` : nothing}</label>`;
  }

  private input(
    path: keyof EventDraft | `goals.${string}`,
    label: string,
    o: { type?: string; hint?: string; optional?: boolean; maxlength?: number; min?: number } = {},
  ): TemplateResult {
    const id = idOf(path);
    const message = this.errors.fields[path];
    const hintId = o.hint ? `${id}-hint` : undefined;
    const value = path.startsWith('goals.') ? this.draft.goals[path.slice(6) as keyof EventDraft['goals']] : String(this.draft[path as keyof EventDraft] ?? '');
    return html`<div class="field">
      ${this.label(id, label, Boolean(o.optional))} ${o.hint ? html`<span class="hint" id=${hintId!}>${o.hint}</span>` : nothing}
      ${fieldError(id, message)}
      <input
        id=${id}
        name=${path}
        type=${o.type ?? 'text'}
        maxlength=${o.type === 'text' || !o.type ? (o.maxlength ?? 200) : nothing}
        min=${o.min ?? nothing}
        inputmode=${o.type === 'number' ? 'numeric' : nothing}
        .value=${value}
        aria-invalid=${message ? 'true' : 'false'}
        aria-describedby=${describedBy(id, message, hintId)}
      />
    </div>`;
  }

  private textarea(path: 'summary' | 'body', label: string, hint: string, maxlength: number, rows: number): TemplateResult {
    const id = idOf(path);
    const message = this.errors.fields[path];
    return html`<div class="field">
      ${this.label(id, label, true)} <span class="hint" id="${id}-hint">${hint}</span> ${fieldError(id, message)}
      <textarea
        id=${id}
        name=${path}
        rows=${rows}
        maxlength=${maxlength}
        .value=${this.draft[path]}
        aria-invalid=${message ? 'true' : 'false'}
        aria-describedby=${describedBy(id, message, `${id}-hint`)}
      ></textarea>
    </div>`;
  }

  private select(path: 'kind' | 'responsibleId' | 'surveySlug', label: string, options: [string, string][], placeholder: string, hint?: string): TemplateResult {
    const id = idOf(path);
    const message = this.errors.fields[path];
    const hintId = hint ? `${id}-hint` : undefined;
    return html`<div class="field">
      ${this.label(id, label, path !== 'kind')} ${hint ? html`<span class="hint" id=${hintId!}>${hint}</span>` : nothing}
      ${fieldError(id, message)}
      <select id=${id} name=${path} aria-invalid=${message ? 'true' : 'false'} aria-describedby=${describedBy(id, message, hintId)}>
        <option value="" ?selected=${!this.draft[path]}>${placeholder}</option>
        ${options.map(([value, text]) => html`<option value=${value} ?selected=${this.draft[path] === value}>${text}</option>`)}
      </select>
    </div>`;
  }

  private check(path: 'registration' | 'waitlist' | 'questions' | 'chat', label: string): TemplateResult {
    const id = idOf(path);
    const message = this.errors.fields[path];
    return html`<div>
      ${fieldError(id, message)}
      <div class="check">
        <input id=${id} name=${path} type="checkbox" .checked=${this.draft[path]} aria-invalid=${message ? 'true' : 'false'} aria-describedby=${describedBy(id, message)} />
        <label for=${id}>${label}</label>
      </div>
    </div>`;
  }

  private renderOfficials(): TemplateResult {
    const t = this.ev.t;
    const id = idOf('chatOfficials');
    const message = this.errors.fields.chatOfficials ?? this.errors.fields.chat;
    return html`<fieldset aria-describedby=${describedBy(id, message)}>
      <legend>${t.chatOfficials}</legend>
      ${fieldError(id, message)}
      ${this.officials.map(
        (o) => html`<div class="check">
          <input
            id="ev-chat-official-${o.id}"
            name="chatOfficial"
            type="checkbox"
            value=${o.id}
            .checked=${this.draft.chatOfficials.includes(o.id)}
            aria-invalid=${message ? 'true' : 'false'}
          />
          <label for="ev-chat-official-${o.id}">${o.name}</label>
        </div>`,
      )}
    </fieldset>`;
  }

  private renderForm(): TemplateResult {
    const t = this.ev.t;
    const d = this.draft;
    const cancelled = this.event?.state === 'cancelled';
    return html`<form novalidate @submit=${this.handleSubmit} @input=${this.handleInput} @change=${this.handleInput}>
      ${formAlert(this.errors.alert)}
      <fieldset ?disabled=${cancelled}>
        <legend class="visually-hidden">${t.pageEdit}</legend>
        ${this.input('title', t.title, { maxlength: EVENT_LIMITS.title })}
        ${this.select('kind', t.kindLabel, EVENT_KINDS.map((k) => [k, t.kind(k)]), t.kindSelect)}
        ${this.input('slug', t.slug, { hint: t.slugHint, optional: true, maxlength: EVENT_LIMITS.slug })}
        ${this.textarea('summary', t.summary, t.summaryHint, EVENT_LIMITS.summary, 2)}
        ${this.textarea('body', t.body, t.bodyHint, EVENT_LIMITS.body, 6)}
        ${this.input('startsAt', t.startsAt, { type: 'datetime-local', hint: t.bogotaHint })}
        ${this.input('endsAt', t.endsAt, { type: 'datetime-local', hint: t.bogotaHint })}
        ${this.input('place', t.place, { hint: t.placeHint, optional: true, maxlength: EVENT_LIMITS.place })}
        ${this.input('onlineUrl', t.onlineUrl, { type: 'url', hint: t.onlineUrlHint, optional: true })}
        ${this.select('responsibleId', t.responsible, this.officials.map((o) => [String(o.id), o.name]), t.chooseOfficial)}
      </fieldset>
      <fieldset ?disabled=${cancelled}>
        <legend>${t.toolsTitle}</legend>
        ${this.check('registration', t.registrationOn)}
        ${d.registration
          ? html`${this.input('capacity', t.capacity, { type: 'number', min: 1, hint: t.capacityHint, optional: true })}
            ${this.check('waitlist', t.waitlist)}
            ${this.input('closesAt', t.closesAt, { type: 'datetime-local', hint: t.closesAtHint, optional: true })}`
          : nothing}
        ${this.check('questions', t.questionsOn)}
        ${this.select(
          'surveySlug',
          t.survey,
          this.surveys.map((s) => [s.slug, t.surveyOption(s.title, s.slug)]),
          t.noSurvey,
          t.surveyHint,
        )}
        ${this.check('chat', t.chatOn)}
        ${d.chat
          ? html`${this.renderOfficials()} ${this.input('chatOpensAt', t.chatOpensAt, { type: 'datetime-local', hint: t.bogotaHint })}
            ${this.input('chatClosesAt', t.chatClosesAt, { type: 'datetime-local', hint: t.bogotaHint })}`
          : nothing}
      </fieldset>
      <fieldset ?disabled=${cancelled} aria-describedby="ev-goals-hint">
        <legend>${t.goalsTitle}</legend>
        <p class="hint" id="ev-goals-hint">${t.goalsHint}</p>
        ${GOALS.map((k) => this.input(`goals.${k}`, t.goal(k), { type: 'number', min: 0, optional: true }))}
      </fieldset>
      ${cancelled
        ? nothing
        : html`<div class="actions">
            <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy && !this.confirming ? t.saving : this.eventId ? t.save : t.create}</button>
          </div>`}
    </form>`;
  }

  private renderActions(e: PlanEvent): TemplateResult {
    const { t, lang } = this.ev;
    const notify = e.counts.registered + e.counts.waitlisted;
    let body: TemplateResult;
    if (this.confirming) {
      const publish = this.confirming === 'publish';
      body = html`<div role="group" aria-labelledby="ev-confirm">
        <p id="ev-confirm" tabindex="-1">${publish ? t.publishConfirm : t.cancelConfirm(notify)}</p>
        <div class="actions">
          <button type="button" class=${publish ? 'primary' : 'danger'} ?disabled=${this.busy} @click=${() => this.act(this.confirming!)}>
            ${this.busy ? (publish ? t.publishing : t.cancelling) : publish ? t.publishYes : t.cancelYes}
          </button>
          <button type="button" @click=${this.closeConfirm}>${t.no}</button>
        </div>
      </div>`;
    } else if (e.state === 'cancelled') {
      body = html`<p>${t.cancelledNote(formatDateTime(e.cancelledAt ?? e.updatedAt, lang))}</p>`;
    } else {
      const canCancel = e.phase !== 'held';
      body = html`<p>${e.state === 'draft' ? t.draftNote : t.publishedNote(formatDateTime(e.publishedAt ?? e.updatedAt, lang))}
          ${e.phase === 'held' ? t.heldNote : nothing}</p>
        <div class="actions">
          ${e.state === 'draft' ? html`<button type="button" class="primary" id="ev-publish" @click=${() => this.ask('publish')}>${t.publish}</button>` : nothing}
          ${canCancel ? html`<button type="button" class="danger" id="ev-cancel" @click=${() => this.ask('cancel')}>${t.cancelEvent}</button>` : nothing}
        </div>`;
    }
    return html`<section id="ev-actions" aria-labelledby="ev-actions-title">
      <h2 id="ev-actions-title">${t.actionsTitle}</h2>
      ${this.actionError ? formAlert(this.actionError) : nothing} ${body}
    </section>`;
  }

  override render(): TemplateResult {
    const t = this.ev.t;
    const e = this.event;
    const isNew = !this.eventId;
    return html`${this.renderHeader(e, isNew ? t.newTitle : undefined)}
      <div class="status" role="status" id="ev-done" tabindex="-1">${this.done}</div>
      ${isNew || e
        ? html`${e ? html`<h2>${t.pageEdit}</h2>` : nothing}
            <p>${isNew ? t.newIntro : t.editIntro}</p>
            ${this.renderForm()} ${e ? this.renderActions(e) : nothing}`
        : nothing}`;
  }
}

if (!customElements.get('ecam-admin-event-editor')) customElements.define('ecam-admin-event-editor', EcamAdminEventEditor);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-event-editor': EcamAdminEventEditor;
  }
}
