import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Question, QuestionType, ShowIf, Survey } from '../../api/survey/schemas.ts';
import { formatDateTime } from '../shared/format.ts';
import { I18nController } from '../shared/i18n.ts';
import { pageLang } from './messages.ts';
import { surveyMessages } from './messages-surveys.ts';
import {
  fromLocalInput,
  slugify,
  surveyStyles,
  surveyTabs,
  toLocalInput,
} from './surveys-labels.ts';
import { AdminView, NO_ERRORS, describedBy, errorMessage, fieldError, formAlert, formErrors, type FormErrors } from './view.ts';

/** A question being edited: `key` keeps its controls (and their ids) while it moves. */
type EditQuestion = Question & { key: number };

/** The settings form's values; dates as `datetime-local` values in Bogotá time. */
interface Draft {
  slug: string;
  title: string;
  description: string;
  opensAt: string;
  closesAt: string;
  anonymous: boolean;
  resultsPublic: boolean;
  thankYou: string;
  questions: EditQuestion[];
}

/** The agreement scale a new matrix starts with (Likert, five points): survey content, in Spanish. */
const LIKERT = ['Muy en desacuerdo', 'En desacuerdo', 'Ni de acuerdo ni en desacuerdo', 'De acuerdo', 'Muy de acuerdo'];

/** The question types, in the order the type list offers them. */
const QUESTION_TYPES: QuestionType[] = ['single', 'multiple', 'rating', 'nps', 'text', 'textarea', 'yesno', 'matrix'];

const hasOptions = (t: QuestionType) => t === 'single' || t === 'multiple' || t === 'matrix';

/** What a question's answer can equal, for «Mostrar solo si»: [JSON of the value, words]. */
function branchValues(q: Question, t = surveyMessages[pageLang()]): [string, string][] {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return (q.options ?? []).map((o) => [JSON.stringify(o.value || slugify(o.label)), o.label || o.value]);
    case 'yesno':
      return [
        ['true', t.yes],
        ['false', t.no],
      ];
    case 'rating':
      return [1, 2, 3, 4, 5].map((n) => [String(n), String(n)]);
    case 'nps':
      return Array.from({ length: 11 }, (_, n) => [String(n), String(n)]);
    default:
      return [];
  }
}

/**
 * One survey: while a draft, its builder (settings and ordered questions, every control operable
 * by keyboard); once open or closed, its definition read-only. Open, close, duplicate, delete a
 * draft, and invitation links for identified surveys.
 *
 * @summary Editor de encuestas.
 */
export class EcamAdminSurveyBuilder extends AdminView {
  static override styles = [
    ...AdminView.styles,
    surveyStyles,
    css`
      .question {
        display: grid;
        gap: 0.75rem;
      }
      .question legend {
        font-size: 1.05rem;
      }
      .pair {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: 0.75rem;
        align-items: end;
      }
      ol.items {
        display: grid;
        gap: 0.5rem;
        margin: 0;
        padding-left: 1.5rem;
      }
      ol.items li .pair {
        grid-template-columns: 2fr 1fr auto;
      }
      textarea.links {
        min-height: 10rem;
        font-family: ui-monospace, monospace;
        font-size: 0.875rem;
      }
      .confirm {
        border-left: 4px solid var(--ecam-error);
      }
    `,
  ];

  private i18n = new I18nController(this, surveyMessages);

  @query('#survey-form') private form?: HTMLFormElement;
  @query('#invite-form') private inviteForm?: HTMLFormElement;

  @state() private survey?: Survey;
  @state() private draft?: Draft;
  @state() private loadError = '';
  @state() private errors: FormErrors = NO_ERRORS;
  @state() private inviteErrors: FormErrors = NO_ERRORS;
  @state() private links: string[] = [];
  @state() private confirmingDelete = false;
  @state() private busy = false;
  /** Said in the live region: saves, moves, state changes. */
  @state() private status = '';

  /** The survey's id, from the page address. */
  @property({ type: Number }) surveyId = 0;

  private nextKey = 1;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('surveyId') && this.surveyId) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.adopt(await this.api.get<Survey>(`/surveys/${this.surveyId}`));
      this.loadError = '';
    } catch (err) {
      this.loadError = errorMessage(err);
    }
  }

  /** Takes the server's survey as the one shown, and a fresh editable copy of it. */
  private adopt(s: Survey): void {
    // The same questions keep their keys (so their controls, and the focus, stay after a save).
    const keys = this.survey?.id === s.id ? (this.draft?.questions.map((q) => q.key) ?? []) : [];
    this.survey = s;
    this.draft = {
      slug: s.slug,
      title: s.title,
      description: s.description,
      opensAt: toLocalInput(s.opensAt),
      closesAt: toLocalInput(s.closesAt),
      anonymous: s.anonymous,
      resultsPublic: s.resultsPublic,
      thankYou: s.thankYou,
      questions: s.questions.map((q, i) => ({ ...structuredClone(q), key: keys[i] ?? this.nextKey++ })),
    };
  }

  /** The definition to send, as the API takes it. */
  private payload(d: Draft): unknown {
    return {
      slug: d.slug.trim(),
      title: d.title,
      description: d.description,
      opensAt: fromLocalInput(d.opensAt),
      closesAt: fromLocalInput(d.closesAt),
      anonymous: d.anonymous,
      resultsPublic: d.resultsPublic,
      thankYou: d.thankYou,
      questions: d.questions.map(({ key: _key, ...q }) => {
        const out: Question = { id: q.id, type: q.type, label: q.label, required: q.required };
        if (hasOptions(q.type)) {
          out.options = (q.options ?? []).map((o, j) => ({ label: o.label, value: o.value.trim() || slugify(o.label) || String(j + 1) }));
        }
        if (q.type === 'matrix') out.rows = (q.rows ?? []).map((r, j) => ({ label: r.label, id: r.id.trim() || `f${j + 1}` }));
        if (q.type === 'multiple') {
          if (q.min !== undefined) out.min = q.min;
          if (q.max !== undefined) out.max = q.max;
        }
        if (q.showIf) out.showIf = q.showIf;
        return out;
      }),
    };
  }

  private touch(): void {
    this.requestUpdate('draft');
  }

  // ---- Settings ----

  private setText(key: 'slug' | 'title' | 'description' | 'thankYou' | 'opensAt' | 'closesAt', e: Event): void {
    this.draft![key] = (e.target as HTMLInputElement).value;
    this.touch();
  }

  private setFlag(key: 'anonymous' | 'resultsPublic', value: boolean): void {
    this.draft![key] = value;
    this.touch();
  }

  // ---- Questions ----

  private newId(): string {
    const used = new Set(this.draft!.questions.map((q) => q.id));
    let n = this.draft!.questions.length + 1;
    while (used.has(`p${n}`)) n++;
    return `p${n}`;
  }

  private async focusById(id: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  private async addQuestion(): Promise<void> {
    const q: EditQuestion = { key: this.nextKey++, id: this.newId(), type: 'single', label: '', required: false, options: [] };
    this.withTypeDefaults(q, 'single');
    this.draft!.questions.push(q);
    this.status = this.i18n.t.added(this.draft!.questions.length);
    this.touch();
    await this.focusById(`q${q.key}-type`);
  }

  private async removeQuestion(i: number): Promise<void> {
    const qs = this.draft!.questions;
    const [gone] = qs.splice(i, 1);
    // Questions shown only after the removed one's answer would point nowhere.
    for (const q of qs) if (q.showIf?.question === gone!.id) delete q.showIf;
    this.status = this.i18n.t.removed(i + 1, gone!.label);
    this.touch();
    const next = qs[i] ?? qs[i - 1];
    await this.focusById(next ? `q${next.key}-type` : 'add-question');
  }

  private async moveQuestion(i: number, by: -1 | 1): Promise<void> {
    const qs = this.draft!.questions;
    const j = i + by;
    if (j < 0 || j >= qs.length) return;
    [qs[i], qs[j]] = [qs[j]!, qs[i]!];
    const q = qs[j]!;
    this.status = this.i18n.t.moved(q.label, j + 1, qs.length);
    this.touch();
    // The focus stays on the button pressed, unless it is now at the end and disabled.
    const atEdge = (by === -1 && j === 0) || (by === 1 && j === qs.length - 1);
    await this.focusById(`q${q.key}-${(by === -1) !== atEdge ? 'up' : 'down'}`);
  }

  private withTypeDefaults(q: EditQuestion, type: QuestionType): void {
    q.type = type;
    if (hasOptions(type)) {
      if (type === 'matrix' && !(q.options ?? []).some((o) => o.label)) {
        q.options = LIKERT.map((label, j) => ({ label, value: String(j + 1) }));
      } else if (!q.options?.length) {
        q.options = [
          { label: '', value: '' },
          { label: '', value: '' },
        ];
      }
    } else delete q.options;
    if (type === 'matrix') q.rows ??= [{ id: 'f1', label: '' }];
    else delete q.rows;
    if (type !== 'multiple') {
      delete q.min;
      delete q.max;
    }
  }

  private setType(q: EditQuestion, e: Event): void {
    this.withTypeDefaults(q, (e.target as HTMLSelectElement).value as QuestionType);
    // A later question branching on this one may now ask for a value it cannot take.
    for (const other of this.draft!.questions) if (other.showIf?.question === q.id) delete other.showIf;
    this.touch();
  }

  private setQuestionText(q: EditQuestion, key: 'label' | 'id', e: Event): void {
    const value = (e.target as HTMLInputElement).value;
    if (key === 'id') {
      for (const other of this.draft!.questions) if (other.showIf?.question === q.id) other.showIf.question = value;
    }
    q[key] = value;
    this.touch();
  }

  private setLimit(q: EditQuestion, key: 'min' | 'max', e: Event): void {
    const v = (e.target as HTMLInputElement).value;
    if (v === '') delete q[key];
    else q[key] = Number(v);
    this.touch();
  }

  private async addItem(q: EditQuestion, kind: 'options' | 'rows'): Promise<void> {
    if (kind === 'options') (q.options ??= []).push({ label: '', value: '' });
    else (q.rows ??= []).push({ id: `f${(q.rows?.length ?? 0) + 1}`, label: '' });
    this.touch();
    const n = (kind === 'options' ? q.options! : q.rows!).length - 1;
    await this.focusById(`q${q.key}-${kind === 'options' ? 'o' : 'r'}${n}-label`);
  }

  private async removeItem(q: EditQuestion, kind: 'options' | 'rows', j: number): Promise<void> {
    const list = (kind === 'options' ? q.options : q.rows) ?? [];
    list.splice(j, 1);
    this.status = this.i18n.t.itemRemoved(kind === 'options', j + 1);
    this.touch();
    const p = kind === 'options' ? 'o' : 'r';
    await this.focusById(list.length ? `q${q.key}-${p}${Math.min(j, list.length - 1)}-label` : `q${q.key}-add-${p}`);
  }

  private setShowIfQuestion(q: EditQuestion, e: Event): void {
    const id = (e.target as HTMLSelectElement).value;
    if (!id) delete q.showIf;
    else {
      const target = this.draft!.questions.find((o) => o.id === id);
      const first = target ? branchValues(target)[0] : undefined;
      q.showIf = { question: id, equals: first ? (JSON.parse(first[0]) as ShowIf['equals']) : '' };
    }
    this.touch();
  }

  private setShowIfEquals(q: EditQuestion, e: Event): void {
    if (q.showIf) q.showIf.equals = JSON.parse((e.target as HTMLSelectElement).value) as ShowIf['equals'];
    this.touch();
  }

  // ---- Writes ----

  /** Runs a write; on failure its messages go next to the fields (or on top) and take the focus. */
  private async run(write: () => Promise<void>, form: () => HTMLFormElement | null | undefined = () => this.form): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.status = '';
    this.errors = NO_ERRORS;
    try {
      await write();
      return true;
    } catch (err) {
      this.errors = formErrors(err);
      await this.focusProblem(form(), this.errors);
      return false;
    } finally {
      this.busy = false;
    }
  }

  private save(): Promise<void> {
    return this.api.send<Survey>('PUT', `/surveys/${this.surveyId}`, this.payload(this.draft!)).then((s) => this.adopt(s));
  }

  private async handleSave(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (await this.run(() => this.save())) this.status = this.i18n.t.saved(formatDateTime(this.survey!.updatedAt, this.i18n.lang));
  }

  private async handleOpen(): Promise<void> {
    const ok = await this.run(async () => {
      await this.save();
      this.adopt(await this.api.send<Survey>('POST', `/surveys/${this.surveyId}/open`));
    });
    if (ok) {
      this.status = this.i18n.t.opened;
      await this.focusStatus();
    }
  }

  private async handleClose(): Promise<void> {
    const ok = await this.run(
      async () => this.adopt(await this.api.send<Survey>('POST', `/surveys/${this.surveyId}/close`)),
      () => this.actionsForm(),
    );
    if (ok) {
      this.status = this.i18n.t.closed;
      await this.focusStatus();
    }
  }

  private async handleReopen(): Promise<void> {
    const ok = await this.run(
      async () => this.adopt(await this.api.send<Survey>('POST', `/surveys/${this.surveyId}/open`)),
      () => this.actionsForm(),
    );
    if (ok) {
      this.status = this.i18n.t.reopened;
      await this.focusStatus();
    }
  }

  private async handleDuplicate(): Promise<void> {
    await this.run(async () => {
      const copy = await this.api.send<Survey>('POST', `/surveys/${this.surveyId}/duplicate`);
      location.hash = `#/encuesta/${copy.id}/editar`;
    }, () => this.actionsForm());
  }

  private async handleDelete(): Promise<void> {
    await this.run(async () => {
      await this.api.send<unknown>('DELETE', `/surveys/${this.surveyId}`);
      location.hash = '#/encuestas';
    }, () => this.actionsForm());
  }

  private async askDelete(confirming: boolean): Promise<void> {
    this.confirmingDelete = confirming;
    await this.focusById(confirming ? 'confirm-delete' : 'delete');
  }

  private async handleInvite(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const count = Number(new FormData(this.inviteForm).get('count'));
    this.busy = true;
    this.inviteErrors = NO_ERRORS;
    try {
      this.links = (await this.api.send<{ links: string[] }>('POST', `/surveys/${this.surveyId}/invitations`, { count })).links;
      await this.focusById('invite-links');
    } catch (err) {
      this.inviteErrors = formErrors(err);
      await this.focusProblem(this.inviteForm, this.inviteErrors);
    } finally {
      this.busy = false;
    }
  }

  private async handleCopy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.links.join('\n'));
      this.status = this.i18n.t.copiedLinks(this.links.length);
    } catch {
      this.status = this.i18n.t.notCopied;
      this.renderRoot.querySelector<HTMLTextAreaElement>('#invite-links')?.select();
    }
  }

  private actionsForm(): HTMLFormElement | null {
    return this.renderRoot.querySelector('#actions-form');
  }

  private async focusStatus(): Promise<void> {
    await this.focusById('survey-status');
  }

  // ---- Rendering ----

  /** A text control with its label, hint and error. */
  private input(
    id: string,
    label: string,
    value: string,
    onInput: (e: Event) => void,
    error: string | undefined,
    opts: { type?: string; hint?: string; maxlength?: number; multiline?: boolean; required?: boolean } = {},
  ): TemplateResult {
    const hintId = opts.hint ? `${id}-hint` : undefined;
    const described = describedBy(id, error, hintId);
    const invalid = error ? 'true' : 'false';
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${opts.hint ? html`<span class="hint" id=${hintId!}>${opts.hint}</span>` : nothing} ${fieldError(id, error)}
      ${opts.multiline
        ? html`<textarea
            id=${id}
            maxlength=${opts.maxlength ?? nothing}
            .value=${value}
            aria-invalid=${invalid}
            aria-describedby=${described}
            @input=${onInput}
          ></textarea>`
        : html`<input
            id=${id}
            type=${opts.type ?? 'text'}
            maxlength=${opts.maxlength ?? nothing}
            ?required=${opts.required ?? false}
            .value=${value}
            aria-invalid=${invalid}
            aria-describedby=${described}
            @input=${onInput}
          />`}
    </div>`;
  }

  private renderSettings(d: Draft): TemplateResult {
    const f = this.errors.fields;
    const t = this.i18n.t;
    return html`<fieldset>
      <legend>${t.surveyData}</legend>
      <div class="question">
        ${this.input('s-title', t.title, d.title, (e) => this.setText('title', e), f.title, { maxlength: 200, required: true })}
        ${this.input('s-slug', t.slugLabel, d.slug, (e) => this.setText('slug', e), f.slug, {
          maxlength: 80,
          hint: t.slugBuilderHint,
        })}
        ${this.input('s-description', t.description, d.description, (e) => this.setText('description', e), f.description, {
          multiline: true,
          maxlength: 2000,
        })}
        <div class="pair">
          ${this.input('s-opensAt', t.opensOptional, d.opensAt, (e) => this.setText('opensAt', e), f.opensAt, {
            type: 'datetime-local',
            hint: t.opensHint,
          })}
          ${this.input('s-closesAt', t.closesOptional, d.closesAt, (e) => this.setText('closesAt', e), f.closesAt, {
            type: 'datetime-local',
            hint: t.closesHint,
          })}
        </div>
        <fieldset>
          <legend>${t.whoAnswers}</legend>
          ${fieldError('s-anonymous', f.anonymous)}
          <div class="check">
            <input type="radio" id="s-anonymous" name="anonymous" .checked=${d.anonymous} @change=${() => this.setFlag('anonymous', true)} />
            <label for="s-anonymous">${t.anonymousOption}</label>
          </div>
          <div class="check">
            <input type="radio" id="s-identified" name="anonymous" .checked=${!d.anonymous} @change=${() => this.setFlag('anonymous', false)} />
            <label for="s-identified">${t.identifiedOption}</label>
          </div>
        </fieldset>
        <div class="check">
          <input
            type="checkbox"
            id="s-resultsPublic"
            .checked=${d.resultsPublic}
            @change=${(e: Event) => this.setFlag('resultsPublic', (e.target as HTMLInputElement).checked)}
          />
          <label for="s-resultsPublic">${t.publicResultsOption}</label>
        </div>
        ${this.input('s-thankYou', t.thankYou, d.thankYou, (e) => this.setText('thankYou', e), f.thankYou, {
          multiline: true,
          maxlength: 1000,
        })}
      </div>
    </fieldset>`;
  }

  private renderItems(q: EditQuestion, i: number, kind: 'options' | 'rows'): TemplateResult {
    const f = this.errors.fields;
    const p = kind === 'options' ? 'o' : 'r';
    const base = `questions.${i}.${kind}`;
    const items = (kind === 'options' ? q.options : q.rows) ?? [];
    const t = this.i18n.t;
    const legend = kind === 'rows' ? t.rows : q.type === 'matrix' ? t.scale : t.options;
    const option = kind === 'options';
    const groupId = `q${q.key}-${kind}`;
    return html`<fieldset id=${groupId} aria-describedby=${describedBy(groupId, f[base])}>
      <legend>${legend} de la pregunta ${i + 1}</legend>
      ${fieldError(groupId, f[base])}
      <ol class="items">
        ${items.map((item, j) => {
          const id = `q${q.key}-${p}${j}`;
          const code = kind === 'options' ? (item as { value: string }).value : (item as { id: string }).id;
          const codeKey = kind === 'options' ? 'value' : 'id';
          return html`<li>
            <div class="pair">
              ${this.input(`${id}-label`, t.itemText(option, j + 1), item.label, (e) => {
                item.label = (e.target as HTMLInputElement).value;
                this.touch();
              }, f[`${base}.${j}.label`], { maxlength: 500 })}
              ${this.input(`${id}-${codeKey}`, t.itemCode(option, j + 1), code, (e) => {
                const v = (e.target as HTMLInputElement).value;
                if (kind === 'options') (item as { value: string }).value = v;
                else (item as { id: string }).id = v;
                this.touch();
              }, f[`${base}.${j}.${codeKey}`], { maxlength: kind === 'options' ? 60 : 40 })}
              <button type="button" class="danger" @click=${() => this.removeItem(q, kind, j)}>
                ${t.remove}<span class="visually-hidden">${t.removeItem(option, j + 1, i + 1)}</span>
              </button>
            </div>
          </li>`;
        })}
      </ol>
      ${option ? html`<p class="hint">${t.valueHint}</p>` : nothing}
      <div class="actions">
        <button type="button" id="q${q.key}-add-${p}" @click=${() => this.addItem(q, kind)}>
          ${t.addItem(option)}<span class="visually-hidden">${t.toQuestion(i + 1)}</span>
        </button>
      </div>
    </fieldset>`;
  }

  private renderShowIf(q: EditQuestion, i: number): TemplateResult {
    const f = this.errors.fields;
    const earlier = this.draft!.questions.slice(0, i).filter((o) => branchValues(o).length);
    const qId = `q${q.key}-showif`;
    const qErr = f[`questions.${i}.showIf.question`] ?? f[`questions.${i}.showIf`];
    const eqErr = f[`questions.${i}.showIf.equals`];
    const target = q.showIf ? this.draft!.questions.find((o) => o.id === q.showIf!.question) : undefined;
    const t = this.i18n.t;
    return html`<div class="pair">
      <div class="field">
        <label for=${qId}>${t.showIf}</label>
        ${fieldError(qId, qErr)}
        <select
          id=${qId}
          aria-invalid=${qErr ? 'true' : 'false'}
          aria-describedby=${describedBy(qId, qErr)}
          @change=${(e: Event) => this.setShowIfQuestion(q, e)}
        >
          <option value="" ?selected=${!q.showIf}>${t.always}</option>
          ${earlier.map(
            (o) => html`<option value=${o.id} ?selected=${q.showIf?.question === o.id}>${t.answerTo(o.label || o.id)}</option>`,
          )}
          ${q.showIf && !target ? html`<option value=${q.showIf.question} selected>${t.gone(q.showIf.question)}</option>` : nothing}
        </select>
      </div>
      ${q.showIf && target
        ? html`<div class="field">
            <label for="${qId}-equals">${target.type === 'multiple' ? t.includes : t.equals}</label>
            ${fieldError(`${qId}-equals`, eqErr)}
            <select
              id="${qId}-equals"
              aria-invalid=${eqErr ? 'true' : 'false'}
              aria-describedby=${describedBy(`${qId}-equals`, eqErr)}
              @change=${(e: Event) => this.setShowIfEquals(q, e)}
            >
              ${branchValues(target, t).map(
                ([value, label]) => html`<option value=${value} ?selected=${JSON.stringify(q.showIf!.equals) === value}>${label}</option>`,
              )}
            </select>
          </div>`
        : nothing}
    </div>`;
  }

  private renderQuestion(q: EditQuestion, i: number, total: number): TemplateResult {
    const f = this.errors.fields;
    const at = (k: string) => f[`questions.${i}.${k}`];
    const k = q.key;
    const t = this.i18n.t;
    return html`<fieldset class="question" id="q${k}">
      <legend>${t.question(i + 1)}${q.label ? html`: ${q.label}` : nothing}</legend>
      <div class="pair">
        <div class="field">
          <label for="q${k}-type">${t.type}</label>
          ${fieldError(`q${k}-type`, at('type'))}
          <select
            id="q${k}-type"
            aria-invalid=${at('type') ? 'true' : 'false'}
            aria-describedby=${describedBy(`q${k}-type`, at('type'))}
            @change=${(e: Event) => this.setType(q, e)}
          >
            ${QUESTION_TYPES.map((type) => html`<option value=${type} ?selected=${q.type === type}>${t.questionType(type)}</option>`)}
          </select>
        </div>
        ${this.input(`q${k}-id`, t.questionId, q.id, (e) => this.setQuestionText(q, 'id', e), at('id'), {
          maxlength: 40,
          hint: t.questionIdHint,
        })}
      </div>
      ${this.input(`q${k}-label`, t.questionText, q.label, (e) => this.setQuestionText(q, 'label', e), at('label'), { maxlength: 500 })}
      <div class="check">
        <input type="checkbox" id="q${k}-required" .checked=${q.required} @change=${(e: Event) => {
          q.required = (e.target as HTMLInputElement).checked;
          this.touch();
        }} />
        <label for="q${k}-required">${t.required}</label>
      </div>
      ${hasOptions(q.type) ? this.renderItems(q, i, 'options') : nothing}
      ${q.type === 'matrix' ? this.renderItems(q, i, 'rows') : nothing}
      ${q.type === 'multiple'
        ? html`<div class="pair">
            ${this.input(`q${k}-min`, t.minChoices, String(q.min ?? ''), (e) => this.setLimit(q, 'min', e), at('min'), {
              type: 'number',
            })}
            ${this.input(`q${k}-max`, t.maxChoices, String(q.max ?? ''), (e) => this.setLimit(q, 'max', e), at('max'), {
              type: 'number',
            })}
          </div>`
        : nothing}
      ${this.renderShowIf(q, i)}
      <div class="actions">
        <button type="button" id="q${k}-up" ?disabled=${i === 0} @click=${() => this.moveQuestion(i, -1)}>
          ${t.up}<span class="visually-hidden">${t.theQuestion(i + 1)}</span>
        </button>
        <button type="button" id="q${k}-down" ?disabled=${i === total - 1} @click=${() => this.moveQuestion(i, 1)}>
          ${t.down}<span class="visually-hidden">${t.theQuestion(i + 1)}</span>
        </button>
        <button type="button" class="danger" id="q${k}-remove" @click=${() => this.removeQuestion(i)}>
          ${t.remove}<span class="visually-hidden">${t.theQuestion(i + 1)}</span>
        </button>
      </div>
    </fieldset>`;
  }

  private renderBuilder(d: Draft): TemplateResult {
    const qErr = this.errors.fields.questions;
    const t = this.i18n.t;
    return html`<form id="survey-form" novalidate aria-label=${t.definitionForm} @submit=${this.handleSave}>
      ${formAlert(this.errors.alert)} ${this.renderSettings(d)}
      <h2 id="h-questions">${t.questions}</h2>
      ${fieldError('questions', qErr)}
      ${d.questions.length ? nothing : html`<p>${t.noQuestions}</p>`}
      ${repeat(
        d.questions,
        (q) => q.key,
        (q, i) => this.renderQuestion(q, i, d.questions.length),
      )}
      <div class="actions">
        <button type="button" id="add-question" @click=${this.addQuestion}>${t.addQuestion}</button>
      </div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.busy}>${t.save}</button>
        <button type="button" id="open" ?disabled=${this.busy || !d.questions.length} @click=${this.handleOpen} aria-describedby="open-hint">
          ${t.saveAndOpen}
        </button>
        <span class="hint" id="open-hint">${t.openHint}</span>
      </div>
    </form>`;
  }

  private renderDefinition(s: Survey): TemplateResult {
    const { t, lang } = this.i18n;
    const when = (iso: string | null, none: string) => (iso ? formatDateTime(iso, lang) : none);
    return html`<p class="status note">${t.frozen(s.state === 'open')}</p>
      <dl>
        <dt>${t.questionId}</dt>
        <dd>${s.slug}</dd>
        <dt>${t.description}</dt>
        <dd class="text">${s.description || '—'}</dd>
        <dt>${t.opens}</dt>
        <dd>${when(s.opensAt, t.sinceOpened)}</dd>
        <dt>${t.closes}</dt>
        <dd>${when(s.closesAt, t.untilClosed)}</dd>
        <dt>${t.whoAnswers}</dt>
        <dd>${s.anonymous ? t.anonymous : t.identified}</dd>
        <dt>${t.publicResults}</dt>
        <dd>${s.resultsPublic ? t.yes : t.no}</dd>
        <dt>${t.responses}</dt>
        <dd>${s.responses}</dd>
        <dt>${t.thanks}</dt>
        <dd class="text">${s.thankYou}</dd>
      </dl>
      <h2>${t.questions}</h2>
      <ol>
        ${s.questions.map(
          (q) => html`<li>
            ${q.label}
            <span class="hint">${t.questionSummary(t.questionType(q.type), q.required, q.showIf?.question, String(q.showIf?.equals))}</span>
          </li>`,
        )}
      </ol>`;
  }

  private renderActions(s: Survey): TemplateResult {
    const draft = s.state === 'draft';
    const t = this.i18n.t;
    return html`<h2 id="h-actions">${t.actions}</h2>
      <form id="actions-form" aria-labelledby="h-actions" @submit=${(e: Event) => e.preventDefault()}>
        ${draft ? nothing : formAlert(this.errors.alert)}
        <div class="actions">
          ${s.state === 'open'
            ? html`<button type="button" id="close" ?disabled=${this.busy} @click=${this.handleClose}>${t.close}</button>`
            : nothing}
          ${s.state === 'closed'
            ? html`<button type="button" id="reopen" ?disabled=${this.busy} @click=${this.handleReopen}>${t.reopen}</button>`
            : nothing}
          <button type="button" id="duplicate" ?disabled=${this.busy} @click=${this.handleDuplicate}>${t.duplicate}</button>
          ${draft && !this.confirmingDelete
            ? html`<button type="button" class="danger" id="delete" @click=${() => this.askDelete(true)}>${t.deleteDraft}</button>`
            : nothing}
        </div>
        ${draft && this.confirmingDelete
          ? html`<div class="panel confirm" role="group" aria-labelledby="confirm-delete-text">
              <p id="confirm-delete-text">${t.confirmDelete(s.title)}</p>
              <div class="actions">
                <button type="button" class="danger" id="confirm-delete" ?disabled=${this.busy} @click=${this.handleDelete}>${t.yesDelete}</button>
                <button type="button" id="cancel-delete" @click=${() => this.askDelete(false)}>${t.cancel}</button>
              </div>
            </div>`
          : nothing}
      </form>`;
  }

  private renderInvitations(s: Survey): TemplateResult | typeof nothing {
    if (s.anonymous || s.state === 'closed') return nothing;
    const f = this.inviteErrors.fields;
    const t = this.i18n.t;
    return html`<h2 id="h-invite">${t.invitations}</h2>
      <p>${t.invitationsIntro} ${s.state === 'draft' ? t.saveFirst : ''}</p>
      <form id="invite-form" class="filters" novalidate aria-labelledby="h-invite" @submit=${this.handleInvite}>
        ${formAlert(this.inviteErrors.alert)}
        <div class="field">
          <label for="invite-count">${t.linkCount}</label>
          ${fieldError('invite-count', f.count)}
          <input
            id="invite-count"
            name="count"
            type="number"
            min="1"
            max="500"
            value="10"
            aria-invalid=${f.count ? 'true' : 'false'}
            aria-describedby=${describedBy('invite-count', f.count)}
          />
        </div>
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.busy}>${t.generate}</button>
        </div>
      </form>
      ${this.links.length
        ? html`<div class="field">
            <label for="invite-links">${t.links(this.links.length)}</label>
            <textarea id="invite-links" class="links" readonly .value=${this.links.join('\n')}></textarea>
            <div class="actions"><button type="button" @click=${this.handleCopy}>${t.copyLinks}</button></div>
          </div>`
        : nothing}`;
  }

  override render(): TemplateResult {
    const s = this.survey;
    const d = this.draft;
    const { t, lang } = this.i18n;
    return html`<h1 tabindex="-1">${s ? t.heading(s.state === 'draft', s.title) : t.survey}</h1>
      ${s ? surveyTabs(s.id, s.state, 'editar') : nothing}
      <div class="alert" role="alert">${this.loadError}</div>
      <p class="status" id="survey-status" role="status" aria-live="polite" tabindex="-1">${this.status}</p>
      ${s && d
        ? html`<p>${t.statusLabel} <strong>${t.state(s.state)}</strong>${t.lastChanged(formatDateTime(s.updatedAt, lang))}</p>
            ${s.state === 'draft' ? this.renderBuilder(d) : this.renderDefinition(s)} ${this.renderActions(s)} ${this.renderInvitations(s)}`
        : this.loadError
          ? nothing
          : html`<p>${this.words.t.loading}</p>`}`;
  }
}

if (!customElements.get('ecam-admin-survey-builder')) customElements.define('ecam-admin-survey-builder', EcamAdminSurveyBuilder);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-survey-builder': EcamAdminSurveyBuilder;
  }
}
