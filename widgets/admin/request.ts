import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ATTACHMENT_ACCEPT, DOCUMENT_TYPES, PQRS_TYPES, REQUESTER_KINDS, RESPONSE_CHANNELS } from '../../api/pqrs/catalog.ts';
import { PQRS_ACTIONS, type PqrsAction } from '../../api/pqrs/states.ts';
import type { PqrsDetail } from '../../api/pqrs/workflow-schemas.ts';
import { bogotaDate, formatBytes, formatDate, formatDateTime } from '../shared/format.ts';
import { ApiError } from './api.ts';
import { lightLabel } from './labels.ts';
import { AdminView, NO_ERRORS, describedBy, errorMessage, fieldError, formAlert, formErrors, type FormErrors } from './view.ts';

interface Assignee {
  id: number;
  username: string;
  name: string;
}

type Attachment = PqrsDetail['attachments'][number];

/** The forms of the page: the workflow actions and the internal note. */
type FormName = PqrsAction | 'notes';

/** What each action's button says, when it is not the action's own label. */
const SUBMIT_LABELS: Partial<Record<PqrsAction, string>> = {
  reply: 'Enviar respuesta',
  'request-completion': 'Enviar el pedido al ciudadano',
  complete: 'Registrar la información recibida',
  extend: 'Prorrogar el plazo',
  transfer: 'Trasladar la solicitud',
  close: 'Cerrar la solicitud',
};

/**
 * One request as staff see it: the citizen's data and text, attachments, the public timeline,
 * the internal notes, and a form for each action the state machine allows now.
 *
 * @summary Detalle de una solicitud y sus acciones.
 */
export class EcamAdminRequest extends AdminView {
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
      const what = name === 'notes' ? 'Se agregó la nota interna.' : `Listo: «${PQRS_ACTIONS[name].label}». Estado: ${detail.stateLabel}.`;
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
        this.refusal = `No se pudo «${name === 'notes' ? 'agregar la nota' : PQRS_ACTIONS[name].label}»: ${errors.alert}`;
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
      <label for=${id}>${label}${opts.required === false ? html` <span class="hint">(opcional)</span>` : nothing}</label>
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
          <button type="submit" class="primary" ?disabled=${this.busy !== null}>${busy ? 'Enviando…' : submit}</button>
        </div>
      </form>
    </section>`;
  }

  private renderAction(a: PqrsAction, d: PqrsDetail): TemplateResult {
    const label = PQRS_ACTIONS[a].label;
    const submit = SUBMIT_LABELS[a] ?? label;
    const optionalNote = (hint: string) =>
      this.control(a, 'note', 'Nota para el ciudadano', { type: 'textarea', required: false, hint, maxlength: 2000 });
    switch (a) {
      case 'assign': {
        const id = 'assign-staffId';
        const message = this.errors.assign?.fields.staffId;
        return this.actionForm(
          a,
          d.assignee ? 'Cambiar el responsable' : label,
          nothing,
          html`<div class="field">
            <label for=${id}>Funcionario</label>
            ${fieldError(id, message)}
            <select id=${id} name="staffId" aria-invalid=${message ? 'true' : 'false'} aria-describedby=${describedBy(id, message)}>
              <option value="">Seleccione…</option>
              ${this.assignees
                .filter((s) => s.id !== d.assignee?.id)
                .map((s) => html`<option value=${String(s.id)}>${s.name} (${s.username})</option>`)}
            </select>
          </div>`,
          d.assignee ? 'Cambiar responsable' : 'Asignar',
        );
      }
      case 'start':
        return this.actionForm(a, label, html`<p>Indica al ciudadano que la solicitud está en estudio.</p>`, nothing, submit);
      case 'reply':
        return this.actionForm(
          a,
          'Responder al ciudadano',
          html`<p>
            La respuesta se publica en la consulta del ciudadano${d.responseChannel === 'email' && d.requester.email
              ? ' y se le envía por correo electrónico'
              : ''}.
          </p>`,
          html`${this.control(a, 'text', 'Respuesta', { type: 'textarea', maxlength: 20000, hint: 'Mínimo 10 caracteres.' })}
            <div class="check">
              <input id="reply-denied" name="denied" type="checkbox" />
              <label for="reply-denied">La respuesta niega el acceso a la información, total o parcialmente</label>
            </div>
            <div class="field">
              <label for="reply-files">Archivos adjuntos de la respuesta <span class="hint">(opcional)</span></label>
              <span class="hint" id="reply-files-hint">PDF, JPG, PNG, DOCX, XLSX, ODT o TXT.</span>
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
          html`<p>
            El plazo de respuesta se suspende y el ciudadano tiene un mes para completar (Ley 1755 de 2015, art. 17).
            Se puede pedir hasta el ${formatDate(d.limits.completionRequestUntil)}.
          </p>`,
          this.control(a, 'message', 'Qué falta', { type: 'textarea', hint: 'El ciudadano lee este texto. Mínimo 10 caracteres.' }),
          submit,
        );
      case 'extend-completion':
        return this.actionForm(
          a,
          label,
          html`<p>A petición del ciudadano, un mes más para completar (una sola vez).</p>`,
          optionalNote('El ciudadano lee este texto.'),
          submit,
        );
      case 'complete':
        return this.actionForm(
          a,
          label,
          html`<p>El plazo de respuesta se reanuda desde el día siguiente al recibo.</p>`,
          this.control(a, 'completedOn', 'Fecha de recibo', { type: 'date', value: bogotaDate(new Date().toISOString()) }),
          submit,
        );
      case 'extend':
        return this.actionForm(
          a,
          label,
          html`<p>
            Solo antes del vencimiento y una vez; la nueva fecha no puede pasar del ${formatDate(d.limits.maxExtendedDueDate)}
            (el doble del término; Ley 1755 de 2015, art. 14, parágrafo). El motivo se le muestra al ciudadano.
          </p>`,
          html`${this.control(a, 'newDueDate', 'Nueva fecha límite', { type: 'date', max: d.limits.maxExtendedDueDate })}
          ${this.control(a, 'reason', 'Motivo de la prórroga', { type: 'textarea', maxlength: 2000, hint: 'Mínimo 10 caracteres.' })}`,
          submit,
        );
      case 'transfer':
        return this.actionForm(
          a,
          label,
          html`<p>
            Si la solicitud es competencia de otra entidad (Ley 1755 de 2015, art. 21). Plazo para trasladar: hasta el
            ${formatDate(d.limits.transferUntil)}.
          </p>`,
          html`${this.control(a, 'entity', 'Entidad competente', { maxlength: 200 })} ${optionalNote('El ciudadano lee este texto.')}`,
          submit,
        );
      case 'desist':
        return this.actionForm(
          a,
          label,
          html`<p>Venció el plazo para completar sin recibir la información pedida.</p>`,
          this.control(a, 'note', 'Motivo', { type: 'textarea', required: false, maxlength: 2000 }),
          submit,
        );
      case 'close':
        return this.actionForm(a, label, nothing, optionalNote('Por ejemplo, el motivo del cierre. El ciudadano lee este texto.'), submit);
    }
  }

  private files(list: Attachment[]): TemplateResult {
    if (!list.length) return html`<p>Sin archivos adjuntos.</p>`;
    return html`<ul>
      ${list.map(
        (f) => html`<li>
          <a href=${this.api.url(`/pqrs/${encodeURIComponent(this.radicado)}/attachments/${f.id}`)} download=${f.name}
            >${f.name}</a
          >
          <span class="hint">(${formatBytes(f.size)})</span>
        </li>`,
      )}
    </ul>`;
  }

  private renderSummary(d: PqrsDetail): TemplateResult {
    const l = lightLabel(d);
    return html`<dl>
      <dt>Estado</dt>
      <dd>${d.stateLabel}<br /><span class="hint">${d.stateDescription}</span></dd>
      <dt>Tipo</dt>
      <dd>${d.typeLabel} (${PQRS_TYPES[d.type].businessDays} días hábiles)</dd>
      <dt>Recibida</dt>
      <dd>
        ${formatDateTime(d.receivedAt)}${bogotaDate(d.receivedAt) !== d.effectiveReceipt
          ? html`<br /><span class="hint">Se entiende recibida el ${formatDate(d.effectiveReceipt)}.</span>`
          : nothing}
      </dd>
      <dt>Fecha límite</dt>
      <dd>
        ${formatDate(d.dueDate)} <span class="light light-${l.light}">${l.word}</span> <span>${l.detail}</span>
        ${d.dueDate !== d.originalDueDate ? html`<br /><span class="hint">Fecha límite inicial: ${formatDate(d.originalDueDate)}</span>` : nothing}
      </dd>
      ${d.extension
        ? html`<dt>Prórroga</dt>
            <dd>${formatDateTime(d.extension.at)}. Motivo: <span class="text">${d.extension.reason}</span></dd>`
        : nothing}
      ${d.completion
        ? html`<dt>Pendiente del ciudadano</dt>
            <dd>
              Pedido el ${formatDateTime(d.completion.requestedAt)}; plazo para completar hasta el ${formatDate(d.completion.deadline)}${d
                .completion.extended
                ? ' (ampliado)'
                : ''}.${d.completion.expired ? html` <strong>El plazo venció.</strong>` : nothing}
            </dd>`
        : nothing}
      ${d.transfer
        ? html`<dt>Trasladada a</dt>
            <dd>${d.transfer.entity} (${formatDateTime(d.transfer.at)})</dd>`
        : nothing}
      <dt>Responsable</dt>
      <dd>${d.assignee ? `${d.assignee.name} (${d.assignee.username})` : 'Sin asignar'}</dd>
      <dt>Medio de respuesta</dt>
      <dd>${RESPONSE_CHANNELS[d.responseChannel]}</dd>
    </dl>`;
  }

  private renderRequester(d: PqrsDetail): TemplateResult {
    const r = d.requester;
    const row = (label: string, value: string | null) =>
      value ? html`<dt>${label}</dt><dd>${value}</dd>` : nothing;
    return html`<section aria-labelledby="h-requester">
      <h2 id="h-requester">Datos del solicitante</h2>
      <dl>
        <dt>Solicitante</dt>
        <dd>${REQUESTER_KINDS[r.kind]}</dd>
        ${row('Documento', r.documentType ? `${DOCUMENT_TYPES[r.documentType]} ${r.documentNumber ?? ''}`.trim() : r.documentNumber)}
        ${row('Nombre', r.name)} ${row('Correo electrónico', r.email)} ${row('Teléfono', r.phone)} ${row('Dirección', r.address)}
        ${row('Municipio', r.city)}
        <dt>Autorización de datos</dt>
        <dd>${formatDateTime(d.consent.at)} (política ${d.consent.policy})</dd>
      </dl>
    </section>`;
  }

  private renderTimeline(d: PqrsDetail): TemplateResult {
    return html`<section aria-labelledby="h-timeline">
      <h2 id="h-timeline">Historial</h2>
      <p class="hint">Lo que el ciudadano ve en la consulta, con quién hizo cada cambio.</p>
      <ol>
        ${d.events.map(
          (e) => html`<li>
            <p>
              <strong>${e.label}</strong> · ${formatDateTime(e.at)}${e.actor ? html` · por ${e.actor}` : html` · por el ciudadano`}
            </p>
            ${e.publicNote ? html`<p class="text">${e.publicNote}</p>` : nothing}
          </li>`,
        )}
      </ol>
    </section>`;
  }

  private renderNotes(d: PqrsDetail): TemplateResult {
    return html`<section aria-labelledby="h-notes">
      <h2 id="h-notes">Notas internas</h2>
      ${d.notes.length
        ? html`<ul class="notes">
            ${d.notes.map(
              (n) => html`<li class="panel note">
                <p><strong>Nota interna — no la ve el ciudadano.</strong> ${n.author} · ${formatDateTime(n.at)}</p>
                <p class="text">${n.text}</p>
              </li>`,
            )}
          </ul>`
        : html`<p>Sin notas internas.</p>`}
      ${this.actionForm(
        'notes',
        'Agregar una nota interna',
        html`<p>Solo la ve el personal de la entidad; nunca se publica.</p>`,
        this.control('notes', 'text', 'Nota interna — no la ve el ciudadano', { type: 'textarea' }),
        'Agregar nota interna',
      )}
    </section>`;
  }

  override render(): TemplateResult {
    const d = this.detail;
    return html`<p><a href="#/bandeja">← Volver a la bandeja</a></p>
      <h1 tabindex="-1">Solicitud ${this.radicado}</h1>
      <div class="alert" role="alert">${this.loadError}</div>
      <div id="outcome" class="status" role="status" tabindex="-1">${this.outcome}</div>
      ${d
        ? html`${this.renderSummary(d)}
            <section aria-labelledby="h-content">
              <h2 id="h-content">${d.subject}</h2>
              <p class="hint">Asunto y descripción, tal como los escribió el ciudadano.</p>
              <p class="text">${d.description}</p>
              <h3>Archivos del ciudadano</h3>
              ${this.files(d.attachments)}
            </section>
            ${d.answer
              ? html`<section aria-labelledby="h-answer">
                  <h2 id="h-answer">Respuesta</h2>
                  <p>
                    ${formatDateTime(d.answer.at)}${d.answer.by ? ` · por ${d.answer.by.name}` : ''}${d.answer.denied
                      ? ' · niega el acceso a la información'
                      : ''}
                  </p>
                  <p class="text">${d.answer.text}</p>
                  ${d.answer.attachments.length ? this.files(d.answer.attachments) : nothing}
                </section>`
              : nothing}
            ${this.renderRequester(d)}
            <section aria-labelledby="h-actions">
              <h2 id="h-actions">Acciones</h2>
              <div id="refusal" class="alert" role="alert" tabindex="-1">${this.refusal}</div>
              ${d.actions.length
                ? d.actions.map((a) => this.renderAction(a, d))
                : html`<p>No hay acciones posibles en el estado «${d.stateLabel}».</p>`}
            </section>
            ${this.renderTimeline(d)} ${this.renderNotes(d)}`
        : this.loadError
          ? nothing
          : html`<p role="status">Cargando la solicitud…</p>`}`;
  }
}

if (!customElements.get('ecam-admin-request')) customElements.define('ecam-admin-request', EcamAdminRequest);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-request': EcamAdminRequest;
  }
}
