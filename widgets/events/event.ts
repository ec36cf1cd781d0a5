import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { EventLiveMap, EventPhase, PublicEventDetail, PublicQuestion, RegistrationCreated } from '../../api/events/schemas.ts';
import type { PublicSettings } from '../../api/settings/schemas.ts';
import { ApiError, apiBase, errorText, postJson, request } from '../shared/api.ts';
import { draftKey, loadDraft, saveDraft } from '../shared/draft.ts';
import { EcamQuestionSentEvent } from '../shared/events/ecam-question-sent.ts';
import { EcamRegisteredEvent } from '../shared/events/ecam-registered.ts';
import { focusAfterRender } from '../shared/focus.ts';
import { formStyles } from '../shared/form-styles.ts';
import { formatDateTime, formatWait } from '../shared/format.ts';
import { I18nController } from '../shared/i18n.ts';
import { openStream } from '../shared/sse.ts';
import { tokens } from '../shared/styles.ts';
import { messages } from './event-messages.ts';
import { eventStyles } from './events.styles.ts';
import { formatRange, icsUrl } from './format.ts';

type Question = PublicQuestion;
type Detail = PublicEventDetail;

type View = 'loading' | 'missing' | 'error' | 'ready';
type FormName = 'reg' | 'ask';
interface Form {
  values: Record<string, string>;
  consent: boolean;
  errors: Record<string, string>;
  summary: boolean;
  alert: string;
  busy: boolean;
}

/** The API's limits (only types may be imported from api/: no zod in a citizen's page). */
// The server's limits (api/events/catalog.ts EVENT_LIMITS.name, QUESTION_LIMITS), written out: importing
// that module would add a chunk shared with the staff page (about 230 bytes) to every event page.
const LIMITS = { name: 120, email: 254, question: 1000, questionMin: 10 };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const FIELDS: Record<FormName, string[]> = { reg: ['name', 'email'], ask: ['question', 'name', 'email'] };
/** The longest wait `setTimeout` takes; beyond it the page is reloaded long before anyway. */
const MAX_TIMER = 2 ** 31 - 1;

const emptyForm = (name: FormName): Form => ({
  values: Object.fromEntries(FIELDS[name].map((k) => [k, ''])),
  consent: false,
  errors: {},
  summary: false,
  alert: '',
  busy: false,
});

/** `#cancelar=<token>` of the page (the link of the confirmation e-mail). */
function cancelTokenFromUrl(): string | undefined {
  return new URLSearchParams(location.hash.replace(/^#/, '')).get('cancelar')?.trim() || undefined;
}

/**
 * The page of one event of the participation plan: its details and state (upcoming, in
 * progress, held, cancelled), registration with the waiting list, the cancellation of a
 * registration from the e-mail's link (`#cancelar=<token>`), citizens' questions and the
 * published answers (live while the event is in progress), the event's survey once it has
 * started, its chat hours, and its results once published. What the citizen types is kept as a
 * draft in the browser until sent.
 *
 * @summary Página de un evento: detalles, inscripción, preguntas y resultados.
 *
 * @event ecam-registered - The citizen is registered or waitlisted; `event.detail` holds `{ event, status }`.
 * @event ecam-question-sent - The entity received a question; `event.detail.event` holds the slug.
 *
 * @csspart title - The event's title.
 * @csspart badge - The kind, phase and cancelled marks.
 * @csspart details - The date, place and link of the event.
 * @csspart text - The description of the event and the results' text.
 * @csspart status - Loading and not-found messages.
 * @csspart alert - Connection and server messages.
 * @csspart registration - The registration section.
 * @csspart cancel - The cancellation of a registration (`#cancelar=` links).
 * @csspart questions - The questions section.
 * @csspart question - Each published question with its answer.
 * @csspart form - The registration and question forms.
 * @csspart field - Each field of the forms.
 * @csspart error - A message next to a field.
 * @csspart error-summary - The list of errors at the top of a form.
 * @csspart button - Every button.
 * @csspart submit - The send buttons.
 * @csspart confirmation - The "registered", "waitlisted" and "question received" messages.
 * @csspart survey - The survey section.
 * @csspart chat - The chat hours of the event.
 * @csspart results - The results section.
 * @csspart figures - The table of figures of the results.
 *
 * @cssproperty --ecam-primary - Buttons, links and focus accents (default #3366CC).
 * @cssproperty --ecam-primary-contrast - Text on primary buttons (default #fff).
 * @cssproperty --ecam-text - Body text (default #4B4B4B).
 * @cssproperty --ecam-heading - Headings (default #004884).
 * @cssproperty --ecam-surface-alt - Background of notices and badges (default #F2F5FA).
 * @cssproperty --ecam-error - Error messages and the cancelled state (default #A80521).
 * @cssproperty --ecam-success - Edge of confirmations (default #068460).
 * @cssproperty --ecam-font-family - Typeface (default "Work Sans", system-ui, sans-serif).
 * @cssproperty --ecam-radius - Corner radius (default 5px).
 * @cssproperty --ecam-focus - Box shadow of the focus ring.
 * @cssproperty --ecam-surface - Background (default #fff).
 * @cssproperty --ecam-border - Edges of the questions and controls (default #767676).
 * @attr theme - `light` or `dark` pins that theme; without it the widget follows the visitor's system (prefers-color-scheme).
 * @attr lang - `es` (Spanish, the default) or `en` (English); without it, the nearest `lang` of the page (`<html lang>`).
 */
export class EcamEvent extends LitElement {
  static override styles = [tokens, formStyles, eventStyles];
  // Declared here rather than with decorators (their helpers cost every page bytes; see tracker.ts).
  static override properties: PropertyDeclarations = {
    view: { attribute: false },
    ev: { attribute: false },
    reg: { attribute: false },
    ask: { attribute: false },
    registered: { attribute: false },
    asked: { attribute: false },
    cancelToken: { attribute: false },
    cancelState: { attribute: false },
    cancelAlert: { attribute: false },
    liveState: { attribute: false },
    announcement: { attribute: false },
    survey: { attribute: false },
    site: { attribute: false },
    alert: { attribute: false },
    event: {},
    apiBase: { attribute: 'api-base' },
    policyUrl: { attribute: 'policy-url' },
  };
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  private i18n = new I18nController(this, messages);

  private view: View = 'loading';
  private ev?: Detail;
  private reg = emptyForm('reg');
  private ask = emptyForm('ask');
  private registered?: RegistrationCreated['status'];
  private asked = false;
  private cancelToken?: string;
  private cancelState: 'ask' | 'busy' | 'done' = 'ask';
  private cancelAlert = '';
  private liveState: 'off' | 'on' | 'lost' = 'off';
  /** What the polite live region says: a new answer, the results; never every keystroke. */
  private announcement = '';
  private survey: 'hidden' | 'loading' | 'shown' = 'hidden';
  private site?: PublicSettings;
  /** A failed load of an event already shown (its page stays). */
  private alert = '';

  /** The event's identifier (slug); without it, the `evento` parameter of the page's address. */
  event = '';

  /** Origin of the ECAM Participa API; defaults to the server the widget was loaded from. */
  apiBase?: string;

  /** Page with the entity's personal data policy; defaults to the one configured on the server. */
  policyUrl?: string;

  private loads = 0;
  private stream?: { close: () => void };
  /** The last question change seen on the live feed (`Last-Event-ID` on reconnection). */
  private lastSeq?: string;
  private startTimer?: ReturnType<typeof setTimeout>;

  private get base(): string {
    return apiBase(this.apiBase);
  }

  private get slug(): string {
    return this.event.trim() || new URLSearchParams(location.search).get('evento')?.trim() || '';
  }

  private get url(): string {
    return `${this.base}/api/events/${encodeURIComponent(this.slug)}`;
  }

  private get draftKey(): string {
    return `${draftKey('event')}:${this.slug}`;
  }

  /** Renders only once the texts in the element's language are here (English is fetched). */
  protected override scheduleUpdate(): void | Promise<void> {
    return this.i18n.whenReady(() => super.scheduleUpdate());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.cancelToken = cancelTokenFromUrl();
    request<PublicSettings>(`${this.base}/api/settings/public`).then(
      (site) => (this.site = site),
      () => undefined,
    );
    if (this.hasUpdated) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.closeLive();
    clearTimeout(this.startTimer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.hasUpdated || changed.has('event') || changed.has('apiBase')) {
      this.restoreDraft();
      void this.load();
    }
  }

  private restoreDraft(): void {
    const saved = loadDraft(this.draftKey);
    for (const name of ['reg', 'ask'] as const) {
      const form = emptyForm(name);
      const values = saved?.[name];
      if (values && typeof values === 'object') {
        for (const k of FIELDS[name]) {
          const v = (values as Record<string, unknown>)[k];
          if (typeof v === 'string') form.values[k] = v;
        }
      }
      this[name] = form;
    }
  }

  private saveDraft(): void {
    saveDraft(this.draftKey, { reg: this.reg.values, ask: this.ask.values });
  }

  /** Loads the event; `quiet` keeps what is shown while reloading (after a registration, say). */
  private async load(quiet = false): Promise<void> {
    const load = ++this.loads;
    if (!this.slug) {
      this.view = 'missing';
      return;
    }
    if (!quiet) this.view = this.ev ? this.view : 'loading';
    try {
      // Revalidated every time: places left and answers change by the minute (the API lets
      // caches keep the detail 30 s, fine for shared caches, not for the citizen who just acted).
      const ev = await request<Detail>(this.url, { cache: 'no-cache' });
      if (load !== this.loads) return;
      this.ev = ev;
      // The live feed starts from what this answer reflects: nothing changed since is lost.
      if (!this.stream) this.lastSeq = String(ev.liveSeq);
      this.view = 'ready';
      this.alert = '';
      this.followPhase();
    } catch (err) {
      if (load !== this.loads) return;
      const e = err instanceof ApiError ? err : new ApiError(0, undefined);
      if (e.status === 404) {
        this.ev = undefined;
        this.view = 'missing';
      } else if (this.ev) this.alert = errorText(e, this.i18n.lang, this.i18n.t);
      else {
        this.alert = errorText(e, this.i18n.lang, this.i18n.t);
        this.view = 'error';
      }
    }
  }

  /** Opens the live feed while the event is in progress; reloads when an upcoming one starts. */
  private followPhase(): void {
    const ev = this.ev;
    clearTimeout(this.startTimer);
    if (!ev || ev.state === 'cancelled' || ev.phase === 'held') return this.closeLive();
    if (ev.phase === 'in-progress') return this.openLive();
    const wait = Date.parse(ev.startsAt) - Date.now();
    if (wait < MAX_TIMER) this.startTimer = setTimeout(() => void this.load(true), Math.max(0, wait) + 1000);
  }

  private openLive(): void {
    if (this.stream) return;
    this.stream = openStream({
      url: `${this.url}/live`,
      headers: (): Record<string, string> => (this.lastSeq ? { 'last-event-id': this.lastSeq } : {}),
      onEvent: (e) => {
        if (e.id) this.lastSeq = e.id;
        try {
          this.handleLive(e.event, JSON.parse(e.data));
        } catch {
          // A frame this version does not understand is not worth losing the feed over.
        }
      },
      onRefused: () => {
        this.stream = undefined;
        this.liveState = 'off';
      },
      onConnection: (connected) => (this.liveState = connected ? 'on' : 'lost'),
    });
  }

  private closeLive(): void {
    this.stream?.close();
    this.stream = undefined;
    this.liveState = 'off';
  }

  /** A frame of `GET /api/events/:slug/live`: `state`, `question`, `question-removed`, `results`. */
  private handleLive(kind: string, data: unknown): void {
    const ev = this.ev;
    if (!ev || !data || typeof data !== 'object') return;
    const t = this.i18n.t;
    if (kind === 'state') {
      const s = data as { state?: Detail['state']; phase?: EventPhase };
      this.ev = { ...ev, state: s.state ?? ev.state, phase: s.phase ?? ev.phase };
      if (this.ev.phase === 'held' || this.ev.state === 'cancelled') {
        if (this.ev.phase === 'held') this.announcement = t.liveEnded;
        this.followPhase();
      }
    } else if (kind === 'question') {
      const q = data as Question;
      const before = ev.publishedQuestions.find((x) => x.id === q.id);
      const list = before ? ev.publishedQuestions.map((x) => (x.id === q.id ? q : x)) : [...ev.publishedQuestions, q];
      this.ev = { ...ev, publishedQuestions: list };
      if (q.answer && q.answer !== before?.answer) this.announcement = t.liveAnswer(q.question);
      else if (!before) this.announcement = t.liveQuestion(q.question);
    } else if (kind === 'question-removed') {
      const id = (data as { id?: number }).id;
      this.ev = { ...ev, publishedQuestions: ev.publishedQuestions.filter((x) => x.id !== id) };
    } else if (kind === 'results') {
      this.ev = { ...ev, results: data as EventLiveMap['results'] };
      this.announcement = t.liveResults;
    }
  }

  private handleInput(name: FormName, e: Event): void {
    const el = e.target as HTMLInputElement;
    const key = el.name;
    if (!key || key === 'website') return;
    const form = this[name];
    const errors = { ...form.errors };
    delete errors[key];
    if (key === 'consent') this[name] = { ...form, consent: el.checked, errors };
    else {
      this[name] = { ...form, values: { ...form.values, [key]: el.value }, errors };
      this.saveDraft();
    }
  }

  /** The browser's checks, worded as the server's (the field named first). */
  private check(name: FormName): Record<string, string> {
    const t = this.i18n.t;
    const { values: v, consent } = this[name];
    const errors: Record<string, string> = {};
    if (name === 'ask' && v.question!.trim().length < LIMITS.questionMin) errors.question = t.questionShort(LIMITS.questionMin);
    if (name === 'reg' && v.name!.trim().length < 2) errors.name = t.nameRequired;
    const email = v.email!.trim();
    if (name === 'reg' && !email) errors.email = t.emailRequired;
    else if (email && !EMAIL.test(email)) errors.email = t.emailInvalid;
    if (!consent) errors.consent = t.consentRequired;
    return errors;
  }

  private showErrors(name: FormName, errors: Record<string, string>, alert = ''): void {
    this[name] = { ...this[name], errors, summary: Object.keys(errors).length > 0, alert, busy: false };
    void focusAfterRender(this, Object.keys(errors).length ? `#${name}-summary` : `#${name}-alert`);
  }

  /** A failed send: the server's field messages at their fields, anything else as an alert; what was typed stays. */
  private fail(name: FormName, err: unknown): void {
    const e = err instanceof ApiError ? err : new ApiError(0, undefined);
    const { t, lang } = this.i18n;
    const fields: Record<string, string> = {};
    for (const [path, message] of Object.entries(e.fields)) {
      const key = path.split('.')[0]!;
      if (key === 'consent' || FIELDS[name].includes(key)) fields[key] = message;
    }
    const alert =
      e.status === 429
        ? t.tooMany(e.retryAfter ? formatWait(e.retryAfter, lang) : t.fewMinutes)
        : e.status === 0
          ? `${t.offline} ${t.keptOffline}`
          : Object.keys(fields).length && e.status === 400
            ? ''
            : errorText(e, lang, t);
    this.showErrors(name, fields, alert);
    // The event changed under the citizen (full, closed, cancelled): show it as it is now.
    if (e.status === 400 || e.status === 409) void this.load(true);
  }

  private async handleRegister(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.reg.busy) return;
    const errors = this.check('reg');
    if (Object.keys(errors).length) return this.showErrors('reg', errors);
    const v = this.reg.values;
    const website = ((e.target as HTMLFormElement).elements.namedItem('website') as HTMLInputElement | null)?.value ?? '';
    this.reg = { ...this.reg, busy: true, alert: '', errors: {}, summary: false };
    try {
      const created = await postJson<RegistrationCreated>(`${this.url}/registrations`, {
        name: v.name!.trim(),
        email: v.email!.trim(),
        consent: true,
        website,
      });
      this.registered = created.status;
      this.reg = emptyForm('reg');
      this.saveDraft();
      this.dispatchEvent(new EcamRegisteredEvent({ event: this.slug, status: created.status }));
      void focusAfterRender(this, '#reg-done');
      void this.load(true);
    } catch (err) {
      this.fail('reg', err);
    }
  }

  private async handleAsk(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.ask.busy) return;
    const errors = this.check('ask');
    if (Object.keys(errors).length) return this.showErrors('ask', errors);
    const v = this.ask.values;
    const website = ((e.target as HTMLFormElement).elements.namedItem('website') as HTMLInputElement | null)?.value ?? '';
    this.ask = { ...this.ask, busy: true, alert: '', errors: {}, summary: false };
    try {
      await postJson(`${this.url}/questions`, {
        question: v.question!.trim(),
        name: v.name!.trim() || undefined,
        email: v.email!.trim() || undefined,
        consent: true,
        website,
      });
      this.asked = true;
      // The name and e-mail stay for the next question; the question goes.
      this.ask = { ...emptyForm('ask'), values: { ...v, question: '' } };
      this.saveDraft();
      this.dispatchEvent(new EcamQuestionSentEvent({ event: this.slug }));
      void focusAfterRender(this, '#ask-done');
    } catch (err) {
      this.fail('ask', err);
    }
  }

  private handleAskAnother(): void {
    this.asked = false;
    void focusAfterRender(this, '#ask-question');
  }

  private async handleCancel(): Promise<void> {
    if (this.cancelState === 'busy' || !this.cancelToken) return;
    this.cancelState = 'busy';
    this.cancelAlert = '';
    try {
      await request(`${this.url}/registrations`, {
        method: 'DELETE',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ cancelToken: this.cancelToken }),
      });
      this.cancelState = 'done';
      this.forgetToken();
      void this.load(true);
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, undefined);
      this.cancelAlert = errorText(e, this.i18n.lang, this.i18n.t);
      this.cancelState = 'ask';
    }
    void focusAfterRender(this, '#cancel-result');
  }

  private handleKeep(): void {
    this.forgetToken();
    this.cancelToken = undefined;
  }

  /** The token leaves the address bar (and the history entry), so it is not shared or bookmarked. */
  private forgetToken(): void {
    history.replaceState(history.state, '', location.pathname + location.search);
  }

  private async handleSurvey(): Promise<void> {
    if (this.survey !== 'hidden') return;
    this.survey = 'loading';
    try {
      // Its own chunk: the event page pays for the survey only when the citizen opens it.
      await import('../survey/survey.ts');
      this.survey = 'shown';
    } catch {
      this.survey = 'hidden';
      this.alert = this.i18n.t.offline;
    }
  }

  private renderField(name: FormName, key: string, label: string, o: { type?: string; autocomplete?: string; hint?: string; optional?: boolean; max?: number; multiline?: boolean }): TemplateResult {
    const t = this.i18n.t;
    const form = this[name];
    const id = `${name}-${key}`;
    const error = form.errors[key];
    const describedBy = [o.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    const common = {
      id,
      value: form.values[key] ?? '',
    };
    return html`<div class="field" part="field">
      <label for=${id}>${label}${o.optional ? html` <span class="optional">${t.optional}</span>` : nothing}</label>
      ${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : nothing}
      ${error ? html`<p class="error-message" part="error" id="${id}-error"><span class="visually-hidden">${t.error}</span> ${error}</p>` : nothing}
      ${o.multiline
        ? html`<textarea
            id=${common.id}
            name=${key}
            .value=${live(common.value)}
            ?required=${!o.optional}
            maxlength=${o.max ?? nothing}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy}
          ></textarea>`
        : html`<input
            id=${common.id}
            name=${key}
            type=${o.type ?? 'text'}
            .value=${live(common.value)}
            ?required=${!o.optional}
            maxlength=${o.max ?? nothing}
            autocomplete=${o.autocomplete ?? nothing}
            spellcheck=${o.type === 'email' ? 'false' : nothing}
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy}
          />`}
    </div>`;
  }

  private renderSummary(name: FormName): TemplateResult | typeof nothing {
    const form = this[name];
    const entries = Object.entries(form.errors);
    if (!form.summary || !entries.length) return nothing;
    return html`<div class="summary" part="error-summary" id="${name}-summary" role="alert" tabindex="-1" aria-labelledby="${name}-summary-title">
      <p id="${name}-summary-title"><strong>${this.i18n.t.review(entries.length)}</strong></p>
      <ul>
        ${entries.map(
          ([key, message]) =>
            html`<li>
              <a
                href="#${name}-${key}"
                @click=${(e: Event) => {
                  e.preventDefault();
                  this.renderRoot.querySelector<HTMLElement>(`#${name}-${key}`)?.focus();
                }}
                >${message}</a
              >
            </li>`,
        )}
      </ul>
    </div>`;
  }

  /** The data notice (Ley 1581), the consent box and the honeypot of a form. */
  private renderConsent(name: FormName): TemplateResult {
    const t = this.i18n.t;
    const form = this[name];
    const error = form.errors.consent;
    const id = `${name}-consent`;
    return html`<div class="notice" part="notice" id="${name}-notice">
        <p>
          <strong>${t.dataTitle}</strong> ${this.site?.entityName ?? t.theEntity}${name === 'reg' ? t.dataNoticeRegistration : t.dataNoticeQuestion}
          <a href=${this.policyUrl ?? this.site?.policyUrl ?? '/politica-datos'} target="_blank" rel="noopener"
            >${t.policy}<span class="visually-hidden">${t.newTab}</span></a
          >.
        </p>
      </div>
      <div class="field" part="field">
        ${error ? html`<p class="error-message" part="error" id="${id}-error"><span class="visually-hidden">${t.error}</span> ${error}</p>` : nothing}
        <div class="option">
          <input
            type="checkbox"
            id=${id}
            name="consent"
            .checked=${live(form.consent)}
            required
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? `${id}-error ${name}-notice` : `${name}-notice`}
          />
          <label for=${id}>${t.consentLabel}</label>
        </div>
      </div>
      <div class="hp" aria-hidden="true">
        <label for="${name}-website">${t.honeypot}</label>
        <input id="${name}-website" name="website" type="text" tabindex="-1" autocomplete="off" />
      </div>`;
  }

  private renderCancel(): TemplateResult | typeof nothing {
    if (!this.cancelToken && this.cancelState !== 'done') return nothing;
    const t = this.i18n.t;
    if (this.cancelState === 'done')
      return html`<section part="cancel confirmation" class="done" aria-labelledby="cancel-title">
        <h3 id="cancel-title">${t.cancelTitle}</h3>
        <p id="cancel-result" tabindex="-1" role="status">${t.cancelDone}</p>
      </section>`;
    return html`<section part="cancel" class="notice" aria-labelledby="cancel-title">
      <h3 id="cancel-title">${t.cancelTitle}</h3>
      <p>${t.cancelText}</p>
      <div class="alert ${this.cancelAlert ? 'shown' : ''}" part="alert" id="cancel-result" role="alert" tabindex="-1">${this.cancelAlert}</div>
      <div class="actions">
        <button type="button" class="primary" part="button submit" ?disabled=${this.cancelState === 'busy'} @click=${this.handleCancel}>
          ${this.cancelState === 'busy' ? t.cancelling : t.cancelConfirm}
        </button>
        <button type="button" part="button" @click=${this.handleKeep}>${t.cancelKeep}</button>
      </div>
    </section>`;
  }

  private renderRegistration(ev: Detail): TemplateResult | typeof nothing {
    const r = ev.registration;
    if (!r || ev.state === 'cancelled' || ev.phase !== 'upcoming') return nothing;
    const { t, lang } = this.i18n;
    const full = r.remaining === 0;
    const form = this.reg;
    let body: TemplateResult;
    if (this.registered) {
      const waiting = this.registered === 'waitlisted';
      body = html`<div class="done" part="confirmation">
        <p id="reg-done" tabindex="-1" role="status"><strong>${waiting ? t.waitlisted : t.registered}</strong></p>
        <p>${waiting ? t.waitlistedText : t.registeredText}</p>
      </div>`;
    } else if (full && !r.waitlist) body = html`<p class="notice">${t.full}</p>`;
    else if (!r.open) body = html`<p>${t.closed}</p>`;
    else
      body = html`<p>${full ? t.fullWaitlist : r.remaining === null ? t.noLimit : t.remaining(r.remaining)} ${t.closesAt(formatDateTime(r.closesAt, lang))}</p>
        <form
          part="form"
          novalidate
          aria-labelledby="reg-title"
          aria-busy=${form.busy ? 'true' : 'false'}
          @input=${(e: Event) => this.handleInput('reg', e)}
          @submit=${this.handleRegister}
        >
          ${this.renderSummary('reg')}
          <div class="alert ${form.alert ? 'shown' : ''}" part="alert" id="reg-alert" role="alert" tabindex="-1">${form.alert}</div>
          ${this.renderField('reg', 'name', t.name, { autocomplete: 'name', max: LIMITS.name })}
          ${this.renderField('reg', 'email', t.email, { type: 'email', autocomplete: 'email', hint: t.emailHint, max: LIMITS.email })}
          ${this.renderConsent('reg')}
          <div class="actions">
            <button type="submit" class="primary" part="button submit" ?disabled=${form.busy}>
              ${form.busy ? t.registering : full ? t.joinWaitlist : t.register}
            </button>
          </div>
        </form>`;
    return html`<section part="registration" aria-labelledby="reg-title">
      <h3 id="reg-title">${t.registration}</h3>
      ${body}
    </section>`;
  }

  private renderQuestions(ev: Detail): TemplateResult | typeof nothing {
    const t = this.i18n.t;
    const list = ev.publishedQuestions;
    if (!ev.questions && !list.length) return nothing;
    const open = ev.questions && ev.state === 'published' && ev.phase !== 'held';
    const form = this.ask;
    return html`<section part="questions" aria-labelledby="questions-title">
      <h3 id="questions-title">${t.questions}</h3>
      ${this.liveState !== 'off' ? html`<p class="hint">${this.liveState === 'on' ? t.liveOn : t.liveOff}</p>` : nothing}
      ${list.length
        ? html`<ol class="questions">
            ${list.map(
              (q) => html`<li part="question">
                <p class="text">${q.question}</p>
                ${q.merged ? html`<p class="hint">${t.merged(q.merged)}</p>` : nothing}
                ${q.answer
                  ? html`<div class="answer">
                      <p><strong>${t.answerLabel}</strong></p>
                      <p class="text">${q.answer}</p>
                    </div>`
                  : html`<p class="hint">${t.pendingAnswer}</p>`}
              </li>`,
            )}
          </ol>`
        : html`<p>${t.noQuestions}</p>`}
      ${open
        ? this.asked
          ? html`<div class="done" part="confirmation">
              <p id="ask-done" tabindex="-1" role="status">${t.asked}</p>
              <button type="button" part="button" @click=${this.handleAskAnother}>${t.askAnother}</button>
            </div>`
          : html`<form
              part="form"
              novalidate
              aria-labelledby="ask-title"
              aria-busy=${form.busy ? 'true' : 'false'}
              @input=${(e: Event) => this.handleInput('ask', e)}
              @submit=${this.handleAsk}
            >
              <h4 id="ask-title">${t.askTitle}</h4>
              <p class="hint">${t.askHint}</p>
              ${this.renderSummary('ask')}
              <div class="alert ${form.alert ? 'shown' : ''}" part="alert" id="ask-alert" role="alert" tabindex="-1">${form.alert}</div>
              ${this.renderField('ask', 'question', t.question, {
                multiline: true,
                hint: t.questionHint(LIMITS.questionMin, LIMITS.question),
                max: LIMITS.question,
              })}
              ${this.renderField('ask', 'name', t.askName, { autocomplete: 'name', optional: true, max: LIMITS.name })}
              ${this.renderField('ask', 'email', t.askEmail, {
                type: 'email',
                autocomplete: 'email',
                optional: true,
                hint: t.askEmailHint,
                max: LIMITS.email,
              })}
              ${this.renderConsent('ask')}
              <div class="actions">
                <button type="submit" class="primary" part="button submit" ?disabled=${form.busy}>${form.busy ? t.asking : t.ask}</button>
              </div>
            </form>`
        : nothing}
    </section>`;
  }

  private renderSurvey(ev: Detail): TemplateResult | typeof nothing {
    if (!ev.survey || ev.state !== 'published' || ev.phase === 'upcoming') return nothing;
    const t = this.i18n.t;
    return html`<section part="survey" aria-labelledby="survey-title">
      <h3 id="survey-title">${t.surveyTitle}</h3>
      ${this.survey === 'shown'
        ? html`<ecam-survey survey=${ev.survey} .apiBase=${this.apiBase}></ecam-survey>`
        : html`<p>${t.surveyText}</p>
            <div class="actions">
              <button type="button" class="primary" part="button" aria-disabled=${this.survey === 'loading' ? 'true' : 'false'} @click=${this.handleSurvey}>
                ${t.openSurvey}
              </button>
            </div>`}
    </section>`;
  }

  private renderResults(ev: Detail): TemplateResult | typeof nothing {
    const r = ev.results;
    if (!r) return nothing;
    const { t, lang } = this.i18n;
    const figures = Object.entries(r.figures).filter((entry): entry is [string, number] => typeof entry[1] === 'number');
    const number = new Intl.NumberFormat(this.i18n.locale);
    return html`<section part="results" aria-labelledby="results-title">
      <h3 id="results-title">${t.results}</h3>
      ${r.publishedAt ? html`<p class="hint">${t.resultsPublished(formatDateTime(r.publishedAt, lang))}</p>` : nothing}
      ${r.text ? html`<p class="text" part="text">${r.text}</p>` : nothing}
      <table part="figures" class="figures">
        <caption>
          ${t.figures}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.figure}</th>
            <th scope="col">${t.value}</th>
          </tr>
        </thead>
        <tbody>
          ${figures.map(([key, value]) => html`<tr><th scope="row">${t.figureLabel(key)}</th><td>${number.format(value)}</td></tr>`)}
        </tbody>
      </table>
    </section>`;
  }

  private renderEvent(ev: Detail): TemplateResult {
    const { t, lang } = this.i18n;
    return html`<div class="head">
        <h2 part="title" id="title">${ev.title}</h2>
        <p class="badges">
          <span part="badge" class="badge">${t.kind(ev.kind)}</span>
          ${ev.state === 'cancelled'
            ? html`<span part="badge" class="badge cancelled">${t.cancelled}</span>`
            : html`<span part="badge" class="badge">${t.phase(ev.phase)}</span>`}
        </p>
      </div>
      ${ev.state === 'cancelled' ? html`<p class="cancelled-banner">${t.cancelledBanner}</p>` : nothing}
      <section aria-labelledby="details-title">
        <h3 id="details-title" class="visually-hidden">${t.details}</h3>
        <dl part="details">
          <dt>${t.whenLabel}</dt>
          <dd>${formatRange(ev, lang)}</dd>
          ${ev.place ? html`<dt>${t.placeLabel}</dt><dd>${ev.place}</dd>` : nothing}
          ${ev.onlineUrl
            ? html`<dt>${t.onlineLabel}</dt>
                <dd><a class="url" href=${ev.onlineUrl} target="_blank" rel="noopener">${ev.onlineUrl}<span class="visually-hidden">${t.newTab}</span></a></dd>`
            : nothing}
        </dl>
        ${ev.summary ? html`<p><strong>${ev.summary}</strong></p>` : nothing}
        ${ev.body ? html`<p class="text" part="text">${ev.body}</p>` : nothing}
        <p class="links">
          <a href=${icsUrl(this.base, ev.slug)} download="${ev.slug}.ics">${t.addToCalendar}<span class="visually-hidden">${t.addToCalendarOf(ev.title)}</span></a>
        </p>
        ${ev.chat && ev.state === 'published' && ev.phase !== 'held'
          ? html`<p part="chat" class="notice">${t.chat(formatDateTime(ev.chat.opensAt, lang), formatDateTime(ev.chat.closesAt, lang))}</p>`
          : nothing}
      </section>
      ${this.renderResults(ev)} ${this.renderRegistration(ev)} ${this.renderSurvey(ev)} ${this.renderQuestions(ev)}`;
  }

  override render(): TemplateResult {
    const t = this.i18n.t;
    const ev = this.ev;
    return html`${this.renderCancel()}
      <p part="status" class="status" role="status">${this.view === 'loading' ? t.loadingEvent : this.view === 'missing' ? (this.slug ? t.missing : t.noSlug) : ''}</p>
      <div class="alert ${this.alert ? 'shown' : ''}" part="alert" role="alert">${this.alert}</div>
      ${this.view === 'error' ? html`<div><button type="button" part="button" @click=${() => void this.load()}>${t.retry}</button></div>` : nothing}
      ${ev && this.view === 'ready' ? this.renderEvent(ev) : nothing}
      <p class="visually-hidden" aria-live="polite">${this.announcement}</p>`;
  }
}

if (!customElements.get('ecam-event')) customElements.define('ecam-event', EcamEvent);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-event': EcamEvent;
  }
}
