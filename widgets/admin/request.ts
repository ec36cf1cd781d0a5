import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ATTACHMENT_ACCEPT, PQRS_TYPES } from '../../api/pqrs/catalog.ts';
import { VERBAL_CHANNEL_VALUES } from '../../api/pqrs/channels.ts';
import type { PqrsAction } from '../../api/pqrs/states.ts';
import type { PqrsDetail } from '../../api/pqrs/workflow-schemas.ts';
import { bogotaDate, formatBytes, formatDate, formatDateTime } from '../shared/format.ts';
import { I18nController } from '../shared/i18n.ts';
import { ApiError } from './api.ts';
import { lightLabel } from './labels.ts';
import './notice-panel.ts';
import { pqrsMessages } from './messages-pqrs.ts';
import { reviewMessages } from './messages-review.ts';
import { mayApprove, mayReturn, renderReview } from './request-review.ts';
import { AdminView, NO_ERRORS, describedBy, errorMessage, fieldError, formAlert, formErrors, type FormErrors } from './view.ts';

interface Assignee {
  id: number;
  username: string;
  name: string;
}

type Attachment = PqrsDetail['attachments'][number];

/** The forms of the page: the workflow actions and the internal note. */
type FormName = PqrsAction | 'notes';

/**
 * One request as staff see it: the citizen's data and text, attachments, the public timeline,
 * the internal notes, and a form for each action the state machine allows now.
 *
 * @summary Detalle de una solicitud y sus acciones.
 */
export class EcamAdminRequest extends AdminView {
  private i18n = new I18nController(this, pqrsMessages);
  /** Texts of the review before answering (request-review.ts). */
  private reviewI18n = new I18nController(this, reviewMessages);

  @state() private detail?: PqrsDetail;
  @state() private assignees: Assignee[] = [];
  @state() private loadError = '';
  @state() private errors: Partial<Record<FormName, FormErrors>> = {};
  @state() private busy: FormName | null = null;
  /** What the last action did, read out and focused. */
  @state() private outcome = '';
  /** Why the API refused the last action (409), read out and focused. */
  @state() private refusal = '';

  /** The radicado of the request shown. */
  @property() radicado = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('radicado') && this.radicado) {
      this.detail = undefined;
      this.outcome = '';
      this.refusal = '';
      this.errors = {};
      void this.load();
    }
  }

  /** Fetches the request and the staff it can be assigned to. */
  async load(): Promise<void> {
    this.loadError = '';
    try {
      const [detail, assignees] = await Promise.all([
        this.api.get<PqrsDetail>(`/pqrs/${encodeURIComponent(this.radicado)}`),
        this.api.get<Assignee[]>('/pqrs/assignees'),
      ]);
      this.detail = detail;
      this.assignees = assignees;
    } catch (err) {
      this.loadError = errorMessage(err);
    }
  }

  private path(suffix: string): string {
    return `/pqrs/${encodeURIComponent(this.radicado)}/${suffix}`;
  }

  /** The JSON body of an action from its form, as the API's schemas name the fields. */
  private body(action: PqrsAction, d: FormData): Record<string, unknown> {
    const text = (name: string) => String(d.get(name) ?? '').trim();
    const optional = (name: string) => text(name) || undefined;
    switch (action) {
      case 'assign':
        return { staffId: Number(d.get('staffId') || 0) };
      case 'reply':
        return { text: text('text'), denied: d.get('denied') === 'on' };
      case 'request-completion':
        return { message: text('message') };
      case 'complete':
        return { completedOn: optional('completedOn') };
      case 'extend':
        return { newDueDate: text('newDueDate'), reason: text('reason') };
      case 'transfer':
        return { entity: text('entity'), note: optional('note') };
      case 'extend-completion':
      case 'desist':
      case 'close':
        return { note: optional('note') };
      case 'approve':
        return { comment: optional('comment') };
      case 'return':
        return { comment: text('comment') };
      default:
        return {};
    }
  }

  private async submit(name: FormName, e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const form = e.currentTarget as HTMLFormElement;
    const d = new FormData(form);
    this.busy = name;
    this.errors = { ...this.errors, [name]: NO_ERRORS };
    this.outcome = '';
    this.refusal = '';
    try {
      let detail: PqrsDetail;
      if (name === 'notes') {
        detail = await this.api.send<PqrsDetail>('POST', this.path('notes'), { text: String(d.get('text') ?? '').trim() });
      } else if (name === 'reply' && (d.getAll('files') as File[]).some((f) => f.size > 0 || f.name)) {
        const multipart = new FormData();
        multipart.append('data', JSON.stringify(this.body('reply', d)));
        for (const f of d.getAll('files') as File[]) if (f.name) multipart.append('files', f, f.name);
        detail = await this.api.postForm<PqrsDetail>(this.path('reply'), multipart);
      } else {
        detail = await this.api.send<PqrsDetail>('POST', this.path(name), this.body(name, d));
      }
      form.reset();
      this.detail = detail;
      const t = this.i18n.t;
      const what = name === 'notes' ? t.noteAdded : t.done(t.action(name), t.state(detail.state));
      this.outcome = [what, ...(detail.warnings ?? [])].join('\n');
      this.busy = null;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#outcome')?.focus();
    } catch (err) {
      this.busy = null;
      const errors = formErrors(err);
      if (err instanceof ApiError && err.status === 409) {
        // Refused by the state machine or the law: said above the actions, since the request may
        // have changed meanwhile and is shown again as it is now (its form may be gone).
        this.errors = { ...this.errors, [name]: { alert: '', fields: errors.fields } };
        const t = this.i18n.t;
        this.refusal = t.refused(name === 'notes' ? t.addTheNote : t.action(name), errors.alert);
        await this.load();
        await this.updateComplete;
        const form = this.renderRoot.querySelector<HTMLFormElement>(`#form-${name}`);
        const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
        (invalid ?? this.renderRoot.querySelector<HTMLElement>('#refusal'))?.focus();
        return;
      }
      this.errors = { ...this.errors, [name]: errors };
      await this.focusProblem(this.renderRoot.querySelector<HTMLFormElement>(`#form-${name}`), errors);
    }
  }

  // ---- Rendering --------------------------------------------------------------------------

  /** A labelled text control of an action form; `name` is the API's field name. */
  private control(
    form: FormName,
    name: string,
    label: string,
    opts: { type?: 'text' | 'date' | 'textarea'; hint?: string; required?: boolean; min?: string; max?: string; value?: string; maxlength?: number } = {},
  ): TemplateResult {
    const id = `${form}-${name}`;
    const message = this.errors[form]?.fields[name];
    const hintId = opts.hint ? `${id}-hint` : undefined;
    const common = {
      invalid: message ? 'true' : 'false',
      describedby: describedBy(id, message, hintId),
    };
    return html`<div class="field">
      <label for=${id}>${label}${opts.required === false ? html` <span class="hint">${this.words.t.optional}</span>` : nothing}</label>
      ${opts.hint ? html`<span class="hint" id=${hintId!}>${opts.hint}</span>` : nothing} ${fieldError(id, message)}
      ${opts.type === 'textarea'
        ? html`<textarea
            id=${id}
            name=${name}
            maxlength=${opts.maxlength ?? 5000}
            aria-invalid=${common.invalid}
            aria-describedby=${common.describedby}
          ></textarea>`
        : html`<input
            id=${id}
            name=${name}
            type=${opts.type ?? 'text'}
            min=${opts.min ?? nothing}
            max=${opts.max ?? nothing}
            value=${opts.value ?? nothing}
            maxlength=${opts.type === 'date' ? nothing : (opts.maxlength ?? 200)}
            aria-invalid=${common.invalid}
            aria-describedby=${common.describedby}
          />`}
    </div>`;
  }

  private actionForm(name: FormName, title: string, intro: TemplateResult | typeof nothing, fields: TemplateResult | typeof nothing, submit: string): TemplateResult {
    const busy = this.busy === name;
    return html`<section class="panel" aria-labelledby="title-${name}">
      <h3 id="title-${name}">${title}</h3>
      ${intro}
      <form id="form-${name}" novalidate aria-busy=${busy ? 'true' : 'false'} @submit=${(e: SubmitEvent) => this.submit(name, e)}>
        ${formAlert(this.errors[name]?.alert ?? '')} ${fields}
        <div class="actions">
          <button type="submit" class="primary" ?disabled=${this.busy !== null}>${busy ? this.i18n.t.sending : submit}</button>
        </div>
      </form>
    </section>`;
  }

  private renderAction(a: PqrsAction, d: PqrsDetail): TemplateResult | typeof nothing {
    const { t, lang } = this.i18n;
    const label = t.action(a);
    const submit = t.submit(a);
    const optionalNote = (hint: string) =>
      this.control(a, 'note', t.noteForCitizen, { type: 'textarea', required: false, hint, maxlength: 2000 });
    switch (a) {
      case 'assign': {
        const id = 'assign-staffId';
        const message = this.errors.assign?.fields.staffId;
        return this.actionForm(
          a,
          d.assignee ? t.changeAssignee : label,
          nothing,
          html`<div class="field">
            <label for=${id}>${t.staffMember}</label>
            ${fieldError(id, message)}
            <select id=${id} name="staffId" aria-invalid=${message ? 'true' : 'false'} aria-describedby=${describedBy(id, message)}>
              <option value="">${t.select}</option>
              ${this.assignees
                .filter((s) => s.id !== d.assignee?.id)
                .map((s) => html`<option value=${String(s.id)}>${s.name} (${s.username})</option>`)}
            </select>
          </div>`,
          d.assignee ? t.changeAssigneeButton : t.assign,
        );
      }
      case 'start':
        return this.actionForm(a, label, html`<p>${t.startIntro}</p>`, nothing, submit);
      case 'reply':
        return this.actionForm(
          a,
          t.replyTitle,
          html`<p>${t.replyIntro(d.responseChannel === 'email' && !!d.requester.email)}</p>`,
          html`${this.control(a, 'text', t.answer, { type: 'textarea', maxlength: 20000, hint: t.min10 })}
            ${d.type === 'informacion'
              ? html`<div class="check">
                  <input id="reply-denied" name="denied" type="checkbox" />
                  <label for="reply-denied">${t.denied}</label>
                </div>`
              : nothing}
            <div class="field">
              <label for="reply-files">${t.replyFiles} <span class="hint">${this.words.t.optional}</span></label>
              <span class="hint" id="reply-files-hint">${t.fileTypes}</span>
              ${fieldError('reply-files', this.errors.reply?.fields.attachments)}
              <input
                id="reply-files"
                name="files"
                type="file"
                multiple
                accept=${ATTACHMENT_ACCEPT}
                aria-describedby=${describedBy('reply-files', this.errors.reply?.fields.attachments, 'reply-files-hint')}
              />
            </div>`,
          submit,
        );
      case 'request-completion':
        return this.actionForm(
          a,
          label,
          html`<p>${t.completionIntro(formatDate(d.limits.completionRequestUntil, lang))}</p>`,
          this.control(a, 'message', t.missing, { type: 'textarea', hint: t.citizenReadsMin10 }),
          submit,
        );
      case 'extend-completion':
        return this.actionForm(
          a,
          label,
          html`<p>${t.extendCompletionIntro}</p>`,
          optionalNote(t.citizenReads),
          submit,
        );
      case 'complete':
        return this.actionForm(
          a,
          label,
          html`<p>${t.completeIntro}</p>`,
          this.control(a, 'completedOn', t.receivedOn, { type: 'date', value: bogotaDate(new Date().toISOString()) }),
          submit,
        );
      case 'extend':
        return this.actionForm(
          a,
          label,
          html`<p>${t.extendIntro(formatDate(d.limits.maxExtendedDueDate, lang))}</p>`,
          html`${this.control(a, 'newDueDate', t.newDueDate, { type: 'date', max: d.limits.maxExtendedDueDate })}
          ${this.control(a, 'reason', t.extensionReason, { type: 'textarea', maxlength: 2000, hint: t.min10 })}`,
          submit,
        );
      case 'transfer':
        return this.actionForm(
          a,
          label,
          html`<p>${t.transferIntro(formatDate(d.limits.transferUntil, lang))}</p>`,
          html`${this.control(a, 'entity', t.competentEntity, { maxlength: 200 })} ${optionalNote(t.citizenReads)}`,
          submit,
        );
      case 'desist':
        return this.actionForm(
          a,
          label,
          html`<p>${t.desistIntro}</p>`,
          this.control(a, 'note', t.reason, { type: 'textarea', required: false, maxlength: 2000 }),
          submit,
        );
      case 'close':
        return this.actionForm(a, label, nothing, optionalNote(t.closeHint), submit);
      case 'approve': {
        const r = this.reviewI18n.t;
        const comment = this.control(a, 'comment', r.approveComment, { type: 'textarea', required: false, hint: r.approveCommentHint, maxlength: 2000 });
        return mayApprove(this.user, d) ? this.actionForm(a, label, html`<p>${r.approveIntro}</p>`, comment, submit) : nothing;
      }
      case 'return': {
        const r = this.reviewI18n.t;
        const comment = this.control(a, 'comment', r.returnComment, { type: 'textarea', hint: r.returnCommentHint, maxlength: 2000 });
        return mayReturn(this.user, d) ? this.actionForm(a, label, html`<p>${r.returnIntro}</p>`, comment, submit) : nothing;
      }
    }
  }

  private files(list: Attachment[]): TemplateResult {
    if (!list.length) return html`<p>${this.i18n.t.noFiles}</p>`;
    return html`<ul>
      ${list.map(
        (f) => html`<li>
          <a href=${this.api.url(`/pqrs/${encodeURIComponent(this.radicado)}/attachments/${f.id}`)} download=${f.name}
            >${f.name}</a
          >
          <span class="hint">(${formatBytes(f.size, this.i18n.lang)})</span>
        </li>`,
      )}
    </ul>`;
  }

  private renderSummary(d: PqrsDetail): TemplateResult {
    const l = lightLabel(d, this.words.t);
    const { t, lang } = this.i18n;
    return html`<dl>
      <dt>${t.stateLabel}</dt>
      <dd>${t.state(d.state)}<br /><span class="hint">${t.stateDescription(d.state)}</span></dd>
      <dt>${t.kindOfRequest}</dt>
      <dd>${t.type(d.type)} ${t.businessDays(PQRS_TYPES[d.type].businessDays)}</dd>
      <dt>${t.received}</dt>
      <dd>
        ${formatDateTime(d.receivedAt, lang)}${bogotaDate(d.receivedAt) !== d.effectiveReceipt
          ? html`<br /><span class="hint">${t.effective(formatDate(d.effectiveReceipt, lang))}</span>`
          : nothing}
      </dd>
      <dt>${t.dueDate}</dt>
      <dd>
        ${formatDate(d.dueDate, lang)} <span class="light light-${l.light}">${l.word}</span> <span>${l.detail}</span>
        ${d.dueDate !== d.originalDueDate ? html`<br /><span class="hint">${t.originalDueDate(formatDate(d.originalDueDate, lang))}</span>` : nothing}
      </dd>
      ${d.extension
        ? html`<dt>${t.extension}</dt>
            <dd>${t.extensionText(formatDateTime(d.extension.at, lang))}<span class="text">${d.extension.reason}</span></dd>`
        : nothing}
      ${d.completion
        ? html`<dt>${t.pendingCitizen}</dt>
            <dd>
              ${t.completionText(formatDateTime(d.completion.requestedAt, lang), formatDate(d.completion.deadline, lang), d.completion.extended)}${d
                .completion.expired
                ? html` <strong>${t.completionOver}</strong>`
                : nothing}
            </dd>`
        : nothing}
      ${d.transfer
        ? html`<dt>${t.transferredTo}</dt>
            <dd>${d.transfer.entity} (${formatDateTime(d.transfer.at, lang)})</dd>`
        : nothing}
      <dt>${t.assignee}</dt>
      <dd>${d.assignee ? `${d.assignee.name} (${d.assignee.username})` : t.unassigned}</dd>
      <dt>${t.responseChannel}</dt>
      <dd>${t.channel(d.responseChannel)}</dd>
      <dt>${t.intakeChannelLabel}</dt>
      <dd>
        ${t.intakeChannel(d.channel)}${(VERBAL_CHANNEL_VALUES as readonly string[]).includes(d.channel)
          ? html`<br /><a href=${this.api.url(`/pqrs/${d.radicado}/constancia.pdf`)} download>${t.constanciaPdf}</a>`
          : nothing}
      </dd>
    </dl>`;
  }

  private renderRequester(d: PqrsDetail): TemplateResult {
    const r = d.requester;
    const row = (label: string, value: string | null) =>
      value ? html`<dt>${label}</dt><dd>${value}</dd>` : nothing;
    const { t, lang } = this.i18n;
    return html`<section aria-labelledby="h-requester">
      <h2 id="h-requester">${t.requesterData}</h2>
      <dl>
        <dt>${t.requester}</dt>
        <dd>${t.kind(r.kind)}</dd>
        ${row(t.documentLabel, r.documentType ? `${t.document(r.documentType)} ${r.documentNumber ?? ''}`.trim() : r.documentNumber)}
        ${row(t.name, r.name)} ${row(t.email, r.email)} ${row(t.phone, r.phone)} ${row(t.address, r.address)}
        ${row(t.city, r.city)}
        <dt>${t.consent}</dt>
        <dd>${t.consentText(formatDateTime(d.consent.at, lang), d.consent.policy)}</dd>
      </dl>
    </section>`;
  }

  private renderTimeline(d: PqrsDetail): TemplateResult {
    const { t, lang } = this.i18n;
    return html`<section aria-labelledby="h-timeline">
      <h2 id="h-timeline">${t.timeline}</h2>
      <p class="hint">${t.timelineHint}</p>
      <ol>
        ${d.events.map(
          (e) => html`<li>
            <p>
              <strong>${t.state(e.state)}</strong> · ${formatDateTime(e.at, lang)}${e.actor ? t.by(e.actor) : t.byCitizen}
            </p>
            ${e.publicNote ? html`<p class="text">${e.publicNote}</p>` : nothing}
          </li>`,
        )}
      </ol>
    </section>`;
  }

  private renderNotes(d: PqrsDetail): TemplateResult {
    const { t, lang } = this.i18n;
    return html`<section aria-labelledby="h-notes">
      <h2 id="h-notes">${t.notes}</h2>
      ${d.notes.length
        ? html`<ul class="notes">
            ${d.notes.map(
              (n) => html`<li class="panel note">
                <p><strong>${t.internalNote}</strong> ${n.author} · ${formatDateTime(n.at, lang)}</p>
                <p class="text">${n.text}</p>
              </li>`,
            )}
          </ul>`
        : html`<p>${t.noNotes}</p>`}
      ${this.actionForm(
        'notes',
        t.addNoteTitle,
        html`<p>${t.addNoteIntro}</p>`,
        this.control('notes', 'text', t.noteLabel, { type: 'textarea' }),
        t.addNote,
      )}
    </section>`;
  }

  override render(): TemplateResult {
    const d = this.detail;
    const { t, lang } = this.i18n;
    return html`<p><a href="#/bandeja">${t.backToInbox}</a></p>
      <h1 tabindex="-1">${t.request(this.radicado)}</h1>
      <div class="alert" role="alert">${this.loadError}</div>
      <div id="outcome" class="status" role="status" tabindex="-1">${this.outcome}</div>
      ${d
        ? html`${this.renderSummary(d)}
            <section aria-labelledby="h-content">
              <h2 id="h-content">${d.subject}</h2>
              <p class="hint">${t.contentHint}</p>
              <p class="text">${d.description}</p>
              <h3>${t.citizenFiles}</h3>
              ${this.files(d.attachments)}
            </section>
            ${d.answer
              ? html`<section aria-labelledby="h-answer">
                  <h2 id="h-answer">${t.answer}</h2>
                  <p>
                    ${formatDateTime(d.answer.at, lang)}${d.answer.by ? t.by(d.answer.by.name) : ''}${d.answer.denied
                      ? t.deniesAccess
                      : ''}
                  </p>
                  <p class="text">${d.answer.text}</p>
                  ${d.answer.attachments.length ? this.files(d.answer.attachments) : nothing}
                </section>`
              : nothing}
            ${renderReview(d, this.user, this.reviewI18n.t, lang, (i) => this.api.url(`${this.path('review/attachments')}/${i}`))}
            ${this.renderRequester(d)}
            <section aria-labelledby="h-actions">
              <h2 id="h-actions">${t.actions}</h2>
              <div id="refusal" class="alert" role="alert" tabindex="-1">${this.refusal}</div>
              ${d.actions.length
                ? d.actions.map((a) => this.renderAction(a, d))
                : html`<p>${t.noActions(t.state(d.state))}</p>`}
            </section>
            <ecam-admin-notice-panel .api=${this.api} .user=${this.user} .radicado=${this.radicado} .stamp=${`${d.state}:${d.events.length}`} @ecam-admin-notice-changed=${this.load}></ecam-admin-notice-panel>
            ${this.renderTimeline(d)} ${this.renderNotes(d)}`
        : this.loadError
          ? nothing
          : html`<p role="status">${t.loadingRequest}</p>`}`;
  }
}

if (!customElements.get('ecam-admin-request')) customElements.define('ecam-admin-request', EcamAdminRequest);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-request': EcamAdminRequest;
  }
}
