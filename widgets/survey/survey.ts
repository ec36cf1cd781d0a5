import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { isShown } from '../../api/survey/branching.ts';
import type {
  AnswerValue,
  Answers,
  OptionResult,
  PublicResults,
  PublicSurvey,
  Question,
} from '../../api/survey/schemas.ts';
import { ApiError, apiBase, errorText, postJson, request } from '../shared/api.ts';
import { clearDraft, loadDraft, saveDraft, surveyKey } from '../shared/draft.ts';
import { EcamSurveySubmittedEvent } from '../shared/events/ecam-survey-submitted.ts';
import { focusAfterRender } from '../shared/focus.ts';
import { formStyles } from '../shared/form-styles.ts';
import { formatDateTime, formatWait } from '../shared/format.ts';
import { I18nController } from '../shared/i18n.ts';
import { tokens } from '../shared/styles.ts';
import { messages } from './messages.ts';
import { surveyStyles } from './survey.styles.ts';

type Phase = 'loading' | 'missing' | 'offline' | 'form' | 'thanks' | 'answered';
type Choice = [value: string | number | boolean, label: string];

/** SURVEY_LIMITS.text / .textarea of the API (only types may be imported from it: no zod here). */
const MAX_LENGTH = { text: 500, textarea: 5000 } as const;
const RATING: Choice[] = [1, 2, 3, 4, 5].map((n) => [n, String(n)]);
const NPS: Choice[] = Array.from({ length: 11 }, (_, n) => [n, String(n)]);

/** The id of a question's box (summary links point there); its controls use `cid`. */
const qid = (id: string) => `q-${id}`;

function stored(k: string): string | null {
  try {
    return localStorage.getItem(k);
  } catch {
    return null;
  }
}

function store(k: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(k);
    else localStorage.setItem(k, value);
  } catch {
    // Full or disabled storage: the server's duplicate check still holds.
  }
}

/** Whether a value counts as an answer (blank text, no choice or an empty matrix do not). */
function given(v: AnswerValue | undefined): v is AnswerValue {
  if (v === undefined || v === '') return false;
  if (typeof v === 'string') return !!v.trim();
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** A restored draft value must have the shape its question takes (a survey may have changed). */
function fits(q: Question, v: unknown): v is AnswerValue {
  switch (q.type) {
    case 'multiple':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'rating':
    case 'nps':
      return typeof v === 'number';
    case 'yesno':
      return typeof v === 'boolean';
    case 'matrix':
      return !!v && typeof v === 'object' && !Array.isArray(v);
    default:
      return typeof v === 'string';
  }
}

/** The questions shown for these answers: the server's rule, counting only shown questions' answers. */
function visibleQuestions(questions: Question[], answers: Answers): Question[] {
  const shownAnswers: Partial<Answers> = {};
  return questions.filter((q) => {
    const shown = isShown(q, shownAnswers);
    if (shown && answers[q.id] !== undefined) shownAnswers[q.id] = answers[q.id];
    return shown;
  });
}

/**
 * The invitation code of an identified survey, from the page address (`?invitacion=` or
 * `#invitacion=`); ignored when the link names another survey (`encuesta=<slug>`).
 */
function invitationFromUrl(slug: string): string | undefined {
  const params = [new URLSearchParams(location.search), new URLSearchParams(location.hash.replace(/^#/, ''))];
  const get = (name: string) => params.map((p) => p.get(name)?.trim()).find(Boolean);
  const survey = get('encuesta');
  return survey && survey !== slug ? undefined : get('invitacion');
}

/**
 * An opinion survey of the ECAM: all its questions on one page, or one per screen
 * (`layout="steps"`), answers kept in the browser until sent, one answer per browser, and the
 * results as bars afterwards when the entity publishes them.
 *
 * @summary Encuesta de opinión o satisfacción.
 *
 * @event ecam-survey-submitted - The answers were recorded; `event.detail.survey` holds the slug.
 *
 * @csspart title - The survey's title.
 * @csspart form - The form.
 * @csspart progress - The progress indicator (label and bar).
 * @csspart question - Each question.
 * @csspart field - Each question too (the name the other widgets use for their fields).
 * @csspart error - A message next to a question.
 * @csspart error-summary - The list of errors at the top of the form.
 * @csspart alert - Connection and server messages.
 * @csspart button - Every button.
 * @csspart submit - The send button.
 * @csspart status - The message of a survey that cannot be answered (not found, closed, not yet open).
 * @csspart thanks - The thank-you text, or the "already answered" message.
 * @csspart results - The public results.
 * @csspart bar - Each result bar.
 *
 * @cssproperty --ecam-primary - Buttons, links, bars and focus accents (default #3366CC).
 * @cssproperty --ecam-primary-contrast - Text on primary buttons (default #fff).
 * @cssproperty --ecam-text - Body text (default #4B4B4B).
 * @cssproperty --ecam-heading - Headings and question labels (default #004884).
 * @cssproperty --ecam-surface-alt - Background of notices and separators (default #F2F5FA).
 * @cssproperty --ecam-error - Error messages and borders (default #A80521).
 * @cssproperty --ecam-font-family - Typeface (default "Work Sans", system-ui, sans-serif).
 * @cssproperty --ecam-radius - Corner radius of controls (default 5px).
 * @cssproperty --ecam-focus - Box shadow of the focus ring.
 * @cssproperty --ecam-surface - Background of the widget and its controls (default #fff).
 * @cssproperty --ecam-border - Edges of the controls (default #767676).
 * @attr theme - `light` or `dark` pins that theme; without it the widget follows the visitor's system (prefers-color-scheme).
 * @attr lang - `es` (Spanish, the default) or `en` (English); without it, the nearest `lang` of the page (`<html lang>`).
 */
export class EcamSurvey extends LitElement {
  static override styles = [tokens, formStyles, surveyStyles];
  // Reactive properties declared here rather than with decorators, whose helpers would cost
  // every page with a widget ~0.6 KB gzip (bench/sizes.ts). Internal state is `attribute: false`
  // (what `state: true` means to Lit, and what the manifest's analyzer reads).
  static override properties: PropertyDeclarations = {
    phase: { attribute: false },
    def: { attribute: false },
    results: { attribute: false },
    answers: { attribute: false },
    errors: { attribute: false },
    summary: { attribute: false },
    alert: { attribute: false },
    submitting: { attribute: false },
    step: { attribute: false },
    survey: {},
    layout: {},
    apiBase: { attribute: 'api-base' },
    definition: { attribute: false },
  };
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  private i18n = new I18nController(this, messages);

  private phase: Phase = 'loading';
  private def?: PublicSurvey;
  private results?: PublicResults;
  private answers: Answers = {};
  /** Messages per question id, from the browser's checks or the server's 400. */
  private errors: Record<string, string> = {};
  private summary = false;
  private alert = '';
  private submitting = false;
  /** The index, among the shown questions, of the one on screen (`layout="steps"`). */
  private step = 0;

  /** The survey's slug, e.g. `satisfaccion-servicio`. */
  survey = '';

  /** `steps`: one question per screen with Siguiente/Anterior; otherwise all on one page. */
  layout: 'page' | 'steps' = 'page';

  /** Origin of the ECAM Participa API; defaults to the server the widget was loaded from. */
  apiBase?: string;

  /**
   * A definition to show instead of loading `survey` (the staff preview of a draft): nothing is
   * then read from or sent to the API, nor kept in the browser; Enviar only shows the thanks.
   */
  definition?: PublicSurvey;

  /** Why there is nothing to answer: the server's 409 message, else ours (a browser that answered). */
  private answeredMessage?: string;
  /** Loads started; a newer one makes the answer of an older one stale. */
  private loads = 0;

  private get base(): string {
    return `${apiBase(this.apiBase)}/api/surveys/${encodeURIComponent(this.survey)}`;
  }

  /** Renders only once the texts in the element's language are here (English is fetched). */
  protected override scheduleUpdate(): void | Promise<void> {
    return this.i18n.whenReady(() => super.scheduleUpdate());
  }

  private get steps(): boolean {
    return this.layout === 'steps';
  }

  private get visible(): Question[] {
    return visibleQuestions(this.def?.questions ?? [], this.answers);
  }

  protected override updated(): void {
    // Bar widths through the CSSOM, not a style attribute, which a strict CSP on the host page blocks.
    for (const bar of this.renderRoot.querySelectorAll<HTMLElement>('[data-percent]')) bar.style.width = `${bar.dataset.percent}%`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('survey') && !changed.has('definition')) return;
    if (!this.definition) return void this.load();
    this.loads++;
    this.def = this.definition;
    this.answers = {};
    this.errors = {};
    this.summary = false;
    this.alert = '';
    this.step = 0;
    this.phase = 'form';
  }

  private async load(): Promise<void> {
    const load = ++this.loads;
    this.phase = 'loading';
    this.results = undefined;
    this.alert = '';
    this.answeredMessage = undefined;
    try {
      const def = await request<PublicSurvey>(this.base);
      if (load !== this.loads) return;
      this.def = def;
      const done = def.status === 'open' && stored(surveyKey('done', this.survey)) !== null;
      if (def.status === 'open' && !done) this.restore(def);
      this.phase = done ? 'answered' : 'form';
      if (done || def.status === 'closed') void this.loadResults();
    } catch (err) {
      if (load !== this.loads) return;
      this.phase = err instanceof ApiError && err.status === 404 ? 'missing' : 'offline';
      if (this.phase === 'offline') {
        this.alert = err instanceof ApiError && err.status ? errorText(err, this.i18n.lang, this.i18n.t) : this.i18n.t.offline;
      }
    }
  }

  private async loadResults(): Promise<void> {
    if (!this.def?.resultsPublic) return;
    try {
      // Revalidated: the citizen's own answer, just sent, must be counted.
      this.results = await request<PublicResults>(`${this.base}/results`, { cache: 'no-cache' });
    } catch {
      // The thanks stand on their own; results are a bonus.
    }
  }

  private restore(def: PublicSurvey): void {
    const saved = loadDraft(surveyKey('draft', def.slug)) ?? {};
    const answers: Answers = {};
    for (const q of def.questions) if (fits(q, saved[q.id])) answers[q.id] = saved[q.id] as AnswerValue;
    this.answers = answers;
    this.errors = {};
    this.summary = false;
    this.step = 0;
  }

  private setAnswer(q: Question, value: AnswerValue | undefined): void {
    const { [q.id]: _old, ...rest } = this.answers;
    this.answers = value === undefined ? rest : { ...rest, [q.id]: value };
    if (!this.definition) saveDraft(surveyKey('draft', this.survey), this.answers);
    const error = this.check(q);
    const { [q.id]: _fixed, ...errors } = this.errors;
    // Fixing a question clears its message at once; a new problem waits for Siguiente or Enviar.
    this.errors = this.errors[q.id] && error ? { ...errors, [q.id]: error } : errors;
  }

  private handleToggle(q: Question, value: string, e: Event): void {
    const box = e.target as HTMLInputElement;
    const chosen = (this.answers[q.id] as string[] | undefined) ?? [];
    if (box.checked && q.max && chosen.length >= q.max) {
      // The limit is enforced where it is chosen, and said next to the question.
      box.checked = false;
      this.errors = { ...this.errors, [q.id]: this.i18n.t.tooManyChosen(q.max) };
      return;
    }
    this.setAnswer(q, box.checked ? [...chosen, value] : chosen.filter((v) => v !== value));
  }

  /** The browser's checks of one shown question, with messages like the server's. */
  private check(q: Question): string {
    const v = this.answers[q.id];
    const t = this.i18n.t;
    if (q.type === 'matrix') {
      const missing = (q.rows ?? []).filter((r) => !(v as Record<string, string> | undefined)?.[r.id]);
      if (q.required && missing.length) return t.missingRows(missing.map((r) => r.label).join(', '));
      return '';
    }
    if (!given(v)) return q.required ? t.required : '';
    if (q.type === 'multiple' && Array.isArray(v)) {
      if (q.min && v.length < q.min) return t.atLeast(q.min);
      if (q.max && v.length > q.max) return t.atMost(q.max);
    }
    return '';
  }

  private collectErrors(questions: Question[]): Record<string, string> {
    const errors: Record<string, string> = {};
    for (const q of questions) {
      const message = this.check(q);
      if (message) errors[q.id] = message;
    }
    return errors;
  }

  private async focusQuestion(id: string, e?: Event): Promise<void> {
    e?.preventDefault();
    if (this.steps) {
      const at = this.visible.findIndex((q) => q.id === id);
      if (at >= 0) this.step = at;
      await this.updateComplete;
    }
    const box = this.renderRoot.querySelector(`#${qid(id)}`);
    const inputs = Array.from(box?.querySelectorAll<HTMLInputElement>('input, textarea') ?? []);
    (inputs.find((i) => i.checked) ?? inputs[0])?.focus();
  }

  private async showErrors(errors: Record<string, string>): Promise<void> {
    this.errors = errors;
    this.summary = true;
    await focusAfterRender(this, '.summary');
  }

  private async showAlert(message: string): Promise<void> {
    this.alert = message;
    await focusAfterRender(this, '.alert');
  }

  private async handleStep(delta: 1 | -1): Promise<void> {
    const current = this.visible[this.step];
    if (delta > 0 && current) {
      const error = this.check(current);
      if (error) return this.showErrors({ [current.id]: error });
    }
    this.summary = false;
    this.alert = '';
    this.step = Math.max(0, Math.min(this.step + delta, this.visible.length - 1));
    const next = this.visible[this.step];
    if (next) await this.focusQuestion(next.id);
  }

  private handleSubmit(e: SubmitEvent): void {
    e.preventDefault();
    if (this.steps && this.step < this.visible.length - 1) void this.handleStep(1);
    else void this.send();
  }

  /** The stored token for this survey, or a new one from the server (kept for next time). */
  private async token(): Promise<string> {
    const saved = stored(surveyKey('token', this.survey));
    if (saved) return saved;
    const { token } = await postJson<{ token: string }>(`${this.base}/token`, {});
    store(surveyKey('token', this.survey), token);
    return token;
  }

  private async send(retried = false): Promise<void> {
    if (this.submitting) return;
    const shown = this.visible;
    const invalid = this.collectErrors(shown);
    this.alert = '';
    if (Object.keys(invalid).length) return this.showErrors(invalid);
    if (this.definition) return this.finish('thanks');
    // Only what is on screen: answers to questions hidden by branching stay behind.
    const answers: Answers = {};
    for (const q of shown) {
      const v = this.answers[q.id];
      if (given(v)) answers[q.id] = typeof v === 'string' ? v.trim() : v;
    }
    const invitation = invitationFromUrl(this.survey);
    this.errors = {};
    this.summary = false;
    this.submitting = true;
    try {
      await postJson(`${this.base}/responses`, { answers, token: await this.token(), ...(invitation ? { invitation } : {}) });
      this.submitting = false;
      await this.finish('thanks');
      this.dispatchEvent(new EcamSurveySubmittedEvent({ survey: this.survey }));
    } catch (err) {
      this.submitting = false;
      const e = err instanceof ApiError ? err : new ApiError(0, undefined);
      if (e.status === 403 && e.code === 'token' && !retried) {
        // A token from an older key or another survey: get a fresh one and try once more.
        store(surveyKey('token', this.survey), null);
        return this.send(true);
      }
      await this.fail(e);
    }
  }

  private async fail(e: ApiError): Promise<void> {
    // Closed, withdrawn or not yet open since it was loaded: show what it is now.
    if (e.status === 410 || e.status === 404 || e.code === 'scheduled') return this.load();
    if (e.status === 409) return this.finish('answered', e.error);
    const { t, lang } = this.i18n;
    if (e.status === 0) return this.showAlert(t.sendOffline);
    if (e.status === 429) {
      return this.showAlert(t.tooManyRequests(e.retryAfter ? formatWait(e.retryAfter, lang) : t.fewMinutes));
    }
    const ids = new Set(this.visible.map((q) => q.id));
    const errors: Record<string, string> = {};
    for (const [field, message] of Object.entries(e.fields)) {
      const id = field.replace(/^answers\./, '');
      if (ids.has(id)) errors[id] = message;
    }
    if (Object.keys(errors).length) {
      if (this.steps) this.step = Math.max(0, this.visible.findIndex((q) => errors[q.id]));
      return this.showErrors(errors);
    }
    return this.showAlert(errorText(e, lang, t));
  }

  private async finish(phase: 'thanks' | 'answered', message?: string): Promise<void> {
    this.answeredMessage = message;
    if (!this.definition) {
      clearDraft(surveyKey('draft', this.survey));
      store(surveyKey('done', this.survey), new Date().toISOString());
    }
    this.answers = {};
    this.phase = phase;
    await focusAfterRender(this, '#done-title');
    if (!this.definition) await this.loadResults();
  }

  /**
   * The prefix of the ids inside a question: its position, since question ids, row ids and
   * suffixes such as `-error` could otherwise combine into the same id.
   */
  private cid(q: Question): string {
    return `c${this.def?.questions.indexOf(q) ?? 0}`;
  }

  private error(q: Question): TemplateResult | typeof nothing {
    const message = this.errors[q.id];
    return message
      ? html`<p class="error-message" id="${this.cid(q)}-error" part="error">
          <span class="visually-hidden">${this.i18n.t.error}</span> ${message}
        </p>`
      : nothing;
  }

  private describedBy(q: Question, hint: boolean): string | typeof nothing {
    const ids = [hint ? `${this.cid(q)}-hint` : '', this.errors[q.id] ? `${this.cid(q)}-error` : ''].filter(Boolean);
    return ids.join(' ') || nothing;
  }

  /** A radio group or a set of checkboxes; `name` tells the groups of a matrix apart. */
  private choices(q: Question, name: string, choices: Choice[], checked: (v: Choice[0]) => boolean, set: (v: Choice[0], e: Event) => void) {
    const box = q.type === 'multiple' ? 'checkbox' : 'radio';
    return choices.map(([value, label], i) => {
      const id = `${name}-${i}`;
      return html`<div class="option">
        <input
          type=${box}
          id=${id}
          name=${name}
          value=${String(value)}
          .checked=${live(checked(value))}
          aria-invalid=${this.errors[q.id] ? 'true' : 'false'}
          @change=${(e: Event) => set(value, e)}
        />
        <label for=${id}>${label}</label>
      </div>`;
    });
  }

  private hint(q: Question): string {
    const t = this.i18n.t;
    if (q.type === 'multiple') {
      const { min, max } = q;
      if (min && max) return min === max ? t.chooseExactly(min) : t.chooseBetween(min, max);
      if (min) return t.chooseAtLeast(min);
      if (max) return t.chooseAtMost(max);
      return t.chooseAny;
    }
    return q.type === 'rating' ? t.ratingHint : q.type === 'nps' ? t.npsHint : '';
  }

  private renderQuestion(q: Question, n: number): TemplateResult {
    const id = this.cid(q);
    const v = this.answers[q.id];
    const { t } = this.i18n;
    const label = html`${q.label}${q.required ? nothing : html` <span class="optional">${t.optional}</span>`}`;
    if (q.type === 'text' || q.type === 'textarea') {
      const common = {
        value: typeof v === 'string' ? v : '',
        input: (e: Event) => this.setAnswer(q, (e.target as HTMLInputElement).value || undefined),
      };
      return html`<div class="question field" part="question field" id=${qid(q.id)}>
        <label for="${id}-input"><span class="visually-hidden">${t.question(n)}</span>${label}</label>
        ${this.error(q)}
        ${q.type === 'text'
          ? html`<input
              id="${id}-input"
              type="text"
              maxlength=${MAX_LENGTH.text}
              .value=${live(common.value)}
              aria-invalid=${this.errors[q.id] ? 'true' : 'false'}
              aria-describedby=${this.describedBy(q, false)}
              @input=${common.input}
            />`
          : html`<textarea
              id="${id}-input"
              maxlength=${MAX_LENGTH.textarea}
              .value=${live(common.value)}
              aria-invalid=${this.errors[q.id] ? 'true' : 'false'}
              aria-describedby=${this.describedBy(q, false)}
              @input=${common.input}
            ></textarea>`}
      </div>`;
    }
    const hint = this.hint(q);
    let body: TemplateResult | TemplateResult[];
    if (q.type === 'matrix') {
      const rows = (v as Record<string, string> | undefined) ?? {};
      const scale: Choice[] = (q.options ?? []).map((o) => [o.value, o.label]);
      body = (q.rows ?? []).map(
        (r, i) => html`<fieldset class="row">
          <legend>${r.label}</legend>
          <div class="options">
            ${this.choices(q, `${id}-r${i}`, scale, (x) => rows[r.id] === x, (x) =>
              this.setAnswer(q, { ...rows, [r.id]: String(x) }),
            )}
          </div>
        </fieldset>`,
      );
    } else {
      const choices: Choice[] =
        q.type === 'rating'
          ? RATING
          : q.type === 'nps'
            ? NPS
            : q.type === 'yesno'
              ? [
                  [true, t.yes],
                  [false, t.no],
                ]
              : (q.options ?? []).map((o): Choice => [o.value, o.label]);
      const set =
        q.type === 'multiple'
          ? (x: Choice[0], e: Event) => this.handleToggle(q, String(x), e)
          : (x: Choice[0]) => this.setAnswer(q, x);
      const checked = (x: Choice[0]) => (Array.isArray(v) ? v.includes(String(x)) : v === x);
      body = html`<div class="options ${q.type === 'rating' || q.type === 'nps' ? 'scale' : ''}">
        ${this.choices(q, id, choices, checked, set)}
      </div>`;
    }
    return html`<div class="question" part="question field" id=${qid(q.id)}>
      <fieldset aria-describedby=${this.describedBy(q, !!hint)}>
        <legend><span class="visually-hidden">${t.question(n)}</span>${label}</legend>
        ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
        <div aria-live="polite">${this.error(q)}</div>
        ${body}
      </fieldset>
    </div>`;
  }

  private renderSummary(): TemplateResult | typeof nothing {
    const entries = Object.entries(this.errors);
    if (!this.summary || !entries.length) return nothing;
    const labels = new Map(this.visible.map((q) => [q.id, q.label]));
    return html`<div class="summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="summary-title">
      <p id="summary-title"><strong>${this.i18n.t.review(entries.length, this.steps && this.step < this.visible.length - 1)}</strong></p>
      <ul>
        ${entries.map(
          ([id, message]) =>
            html`<li><a href="#${qid(id)}" @click=${(e: Event) => this.focusQuestion(id, e)}>${labels.get(id) ?? id}: ${message}</a></li>`,
        )}
      </ul>
    </div>`;
  }

  private renderProgress(shown: Question[]): TemplateResult {
    const total = shown.length;
    const done = this.steps ? Math.min(this.step + 1, total) : shown.filter((q) => !this.check(q) && given(this.answers[q.id])).length;
    const label = this.steps ? this.i18n.t.step(done, total) : this.i18n.t.progress(done, total);
    return html`<div class="field" part="progress">
      <label for="s-progress">${label}</label>
      <progress id="s-progress" max=${total || 1} .value=${done}></progress>
    </div>`;
  }

  private renderForm(def: PublicSurvey): TemplateResult {
    const shown = this.visible;
    const step = Math.min(this.step, shown.length - 1);
    const last = !this.steps || step === shown.length - 1;
    const onScreen = this.steps ? shown.slice(step, step + 1) : shown;
    const t = this.i18n.t;
    return html`<form
      part="form"
      novalidate
      aria-labelledby="s-title"
      aria-busy=${this.submitting ? 'true' : 'false'}
      @submit=${this.handleSubmit}
    >
      ${this.renderSummary()}
      <div class="alert ${this.alert ? 'shown' : ''}" part="alert" role="alert" tabindex="-1">${this.alert}</div>
      ${!def.anonymous && !invitationFromUrl(def.slug)
        ? html`<p class="notice">${t.invitationOnly}</p>`
        : nothing}
      ${this.renderProgress(shown)}
      <div class="questions">${onScreen.map((q) => this.renderQuestion(q, shown.indexOf(q) + 1))}</div>
      <div class="actions">
        ${this.steps && step > 0
          ? html`<button type="button" part="button" @click=${() => this.handleStep(-1)}>${t.previous}</button>`
          : nothing}
        <button type="submit" class="primary" part="button submit" ?disabled=${this.submitting}>
          ${!last ? t.next : this.submitting ? t.sending : t.send}
        </button>
      </div>
      <p class="visually-hidden" role="status">${this.submitting ? t.sendingStatus : ''}</p>
    </form>`;
  }

  private renderBars(options: OptionResult[]): TemplateResult {
    return html`<ul>
      ${options.map(
        (o) => html`<li>
          <span>${o.label}</span>
          <span>${o.count} (${this.number(o.percent, 1)} %)</span>
          <span class="bar" part="bar" aria-hidden="true"><span data-percent=${o.percent}></span></span>
        </li>`,
      )}
    </ul>`;
  }

  /** A number as the reader writes it ("4,5" or "4.5"). */
  private number(value: number, digits: number): string {
    return new Intl.NumberFormat(this.i18n.locale, { maximumFractionDigits: digits }).format(value);
  }

  private renderResults(r: PublicResults): TemplateResult {
    const t = this.i18n.t;
    return html`<section class="results" part="results" aria-labelledby="r-title">
      <h3 id="r-title">${t.results}</h3>
      <p>${t.respondents(r.total)}</p>
      ${r.questions
        // What people write is never public; its count alone would say nothing.
        .filter((q) => q.type !== 'text' && q.type !== 'textarea')
        .map(
          (q) => html`<section>
            <h4>${q.label}</h4>
            <p class="hint">${t.answers(q.answered)}</p>
            ${q.average != null ? html`<p>${t.average(this.number(q.average, 2))}</p>` : nothing}
            ${q.nps
              ? html`<p>${t.nps(this.number(q.nps.score, 2), q.nps.promoters, q.nps.passives, q.nps.detractors)}</p>`
              : nothing}
            ${q.options ? this.renderBars(q.options) : nothing}
            ${(q.rows ?? []).map((row) => html`<p class="label">${row.label}</p>${this.renderBars(row.options)}`)}
          </section>`,
        )}
    </section>`;
  }

  private renderState(def: PublicSurvey): TemplateResult {
    const { t, lang } = this.i18n;
    const when = (at: string | null | undefined) => (at ? formatDateTime(at, lang) : undefined);
    const message =
      this.phase === 'thanks'
        ? def.thankYou
        : this.phase === 'answered'
          ? (this.answeredMessage ?? t.answered)
          : def.status === 'scheduled'
            ? t.opens(when(def.opensAt))
            : t.closed(when(def.closesAt));
    const done = this.phase === 'thanks' || this.phase === 'answered';
    return html`<div class="notice ${done ? 'pre' : ''}" part=${done ? 'thanks' : 'status'} id="done-title" tabindex="-1">${message}</div>
      ${this.definition && done ? html`<p class="hint">${t.preview}</p>` : nothing}
      ${this.results ? this.renderResults(this.results) : nothing}`;
  }

  override render(): TemplateResult {
    const def = this.def;
    const t = this.i18n.t;
    if (this.phase === 'loading') return html`<p role="status">${t.loading}</p>`;
    if (this.phase === 'missing') return html`<p class="notice" part="status">${t.missing}</p>`;
    if (this.phase === 'offline' || !def) {
      return html`<div class="alert shown" part="alert" role="alert">${this.alert}</div>
        <div class="actions"><button type="button" part="button" @click=${this.load}>${t.retry}</button></div>`;
    }
    return html`<section aria-labelledby="s-title">
      <h2 id="s-title" part="title">${def.title}</h2>
      ${def.description ? html`<p class="pre">${def.description}</p>` : nothing}
      ${this.phase === 'form' && def.status === 'open' ? this.renderForm(def) : this.renderState(def)}
    </section>`;
  }
}

if (!customElements.get('ecam-survey')) customElements.define('ecam-survey', EcamSurvey);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-survey': EcamSurvey;
  }
}
