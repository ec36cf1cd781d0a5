import { html, nothing, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { OfficeHours, Settings } from '../../api/settings/schemas.ts';
import type { SurveyListItem } from '../../api/survey/schemas.ts';
import { formatDate } from '../shared/format.ts';
import { WEEKDAYS } from './labels.ts';
import { AdminView, NO_ERRORS, describedBy, errorMessage, fieldError, formAlert, formErrors, type FormErrors } from './view.ts';

interface ClosureDay {
  date: string;
  reason: string;
}

type TextKey = 'entityName' | 'contactEmail' | 'contactPhone' | 'contactAddress' | 'radicadoPrefix';

/**
 * Settings for admins: the entity and contact data of the personal data notice, the radicado
 * prefix, the office hours, the cut-off hour and the closure days that feed the calendar.
 *
 * @summary Ajustes de la entidad.
 */
export class EcamAdminSettings extends AdminView {
  @query('#settings-form') private form?: HTMLFormElement;
  @query('#closure-form') private closureForm?: HTMLFormElement;

  @state() private settings?: Settings;
  @state() private hours: OfficeHours[] = [];
  @state() private closures: ClosureDay[] = [];
  /** Surveys that can be offered after an answered PQRSD: the open ones, plus the one set now. */
  @state() private surveys: Pick<SurveyListItem, 'slug' | 'title' | 'state'>[] = [];
  @state() private loadError = '';
  @state() private errors: FormErrors = NO_ERRORS;
  @state() private closureErrors: FormErrors = NO_ERRORS;
  @state() private saved = '';
  @state() private busy = false;

  protected override willUpdate(): void {
    // The first load starts inside the first update (the properties from <ecam-admin> are set by then).
    if (!this.hasUpdated) void this.load();
  }

  private async load(): Promise<void> {
    try {
      const [settings, closures, surveys] = await Promise.all([
        this.api.get<Settings>('/settings'),
        this.api.get<ClosureDay[]>('/settings/closures'),
        this.api.get<{ items: SurveyListItem[] }>('/surveys'),
      ]);
      this.settings = settings;
      this.surveys = surveys.items.filter((x) => x.state === 'open' || x.slug === settings.pqrsSurvey);
      this.hours = settings.officeHours.map((h) => ({ ...h }));
      this.closures = closures;
    } catch (err) {
      this.loadError = errorMessage(err);
    }
  }

  private setHour(i: number, key: keyof OfficeHours, value: string): void {
    this.hours = this.hours.map((h, k) => (k === i ? { ...h, [key]: key === 'day' ? Number(value) : value } : h));
  }

  private async addHour(): Promise<void> {
    const last = this.hours[this.hours.length - 1];
    this.hours = [...this.hours, { day: last ? Math.min(7, last.day + 1) : 1, from: '08:00', to: '12:00' }];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#hour-${this.hours.length - 1}-day`)?.focus();
  }

  private async removeHour(i: number): Promise<void> {
    this.hours = this.hours.filter((_, k) => k !== i);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#add-hour')?.focus();
  }

  private async handleSave(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const d = new FormData(this.form);
    const text = (k: TextKey) => String(d.get(k) ?? '');
    const cutoff = String(d.get('cutoffHour') ?? '');
    const survey = String(d.get('pqrsSurvey') ?? '');
    this.busy = true;
    this.saved = '';
    this.errors = NO_ERRORS;
    try {
      this.settings = await this.api.send<Settings>('PUT', '/settings', {
        entityName: text('entityName'),
        contactEmail: text('contactEmail'),
        contactPhone: text('contactPhone'),
        contactAddress: text('contactAddress'),
        radicadoPrefix: text('radicadoPrefix'),
        officeHours: this.hours,
        cutoffHour: cutoff === '' ? null : Number(cutoff),
        pqrsSurvey: survey === '' ? null : survey,
      });
      this.hours = this.settings.officeHours.map((h) => ({ ...h }));
      this.saved = 'Se guardaron los ajustes.';
    } catch (err) {
      this.errors = formErrors(err);
      await this.focusProblem(this.form, this.errors);
    } finally {
      this.busy = false;
    }
  }

  private async handleAddClosure(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const d = new FormData(this.closureForm);
    this.closureErrors = NO_ERRORS;
    this.saved = '';
    try {
      const added = await this.api.send<ClosureDay>('POST', '/settings/closures', {
        date: String(d.get('date') ?? ''),
        reason: String(d.get('reason') ?? ''),
      });
      this.closures = [...this.closures.filter((c) => c.date !== added.date), added].sort((a, b) => a.date.localeCompare(b.date));
      this.closureForm?.reset();
      this.saved = `Se agregó el día de cierre ${formatDate(added.date)}.`;
    } catch (err) {
      this.closureErrors = formErrors(err);
      await this.focusProblem(this.closureForm, this.closureErrors);
    }
  }

  private async removeClosure(date: string): Promise<void> {
    this.saved = '';
    this.closureErrors = NO_ERRORS;
    try {
      await this.api.send<void>('DELETE', `/settings/closures/${date}`);
      this.closures = this.closures.filter((c) => c.date !== date);
      this.saved = `Se quitó el día de cierre ${formatDate(date)}.`;
    } catch (err) {
      this.closureErrors = formErrors(err);
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#closure-date')?.focus();
  }

  private textField(key: TextKey, label: string, opts: { type?: string; hint?: string; max: number; autocomplete?: string }): TemplateResult {
    const id = `settings-${key}`;
    const message = this.errors.fields[key];
    const hintId = opts.hint ? `${id}-hint` : undefined;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      ${opts.hint ? html`<span class="hint" id=${hintId!}>${opts.hint}</span>` : nothing} ${fieldError(id, message)}
      <input
        id=${id}
        name=${key}
        type=${opts.type ?? 'text'}
        maxlength=${opts.max}
        autocomplete=${opts.autocomplete ?? 'off'}
        value=${this.settings?.[key] ?? ''}
        aria-invalid=${message ? 'true' : 'false'}
        aria-describedby=${describedBy(id, message, hintId)}
      />
    </div>`;
  }

  private renderHours(): TemplateResult {
    const f = this.errors.fields;
    return html`<fieldset>
      <legend>Horario de atención</legend>
      <p class="hint">Franjas en que el personal atiende (el chat las usa). Hora de Bogotá, formato de 24 horas.</p>
      ${fieldError('hours', f.officeHours)}
      ${this.hours.length
        ? html`<div class="table-wrap" role="region" aria-label="Tabla del horario de atención" tabindex="0">
            <table>
              <caption class="visually-hidden">
                Franjas del horario de atención
              </caption>
              <thead>
                <tr>
                  <th scope="col">Día</th>
                  <th scope="col">Desde</th>
                  <th scope="col">Hasta</th>
                  <th scope="col"><span class="visually-hidden">Quitar</span></th>
                </tr>
              </thead>
              <tbody>
                ${this.hours.map((h, i) => {
                  const err = (k: string) => f[`officeHours.${i}.${k}`];
                  const dayName = WEEKDAYS[h.day] ?? '';
                  return html`<tr>
                    <td>
                      <label class="visually-hidden" for="hour-${i}-day">Día de la franja ${i + 1}</label>
                      <select id="hour-${i}-day" @change=${(e: Event) => this.setHour(i, 'day', (e.target as HTMLSelectElement).value)}>
                        ${WEEKDAYS.slice(1).map((name, k) => html`<option value=${k + 1} ?selected=${h.day === k + 1}>${name}</option>`)}
                      </select>
                    </td>
                    ${(['from', 'to'] as const).map(
                      (k) => html`<td>
                        <label class="visually-hidden" for="hour-${i}-${k}">${k === 'from' ? 'Desde' : 'Hasta'}, franja ${i + 1} (${dayName})</label>
                        ${fieldError(`hour-${i}-${k}`, err(k))}
                        <input
                          id="hour-${i}-${k}"
                          type="time"
                          .value=${h[k]}
                          aria-invalid=${err(k) ? 'true' : 'false'}
                          aria-describedby=${describedBy(`hour-${i}-${k}`, err(k))}
                          @change=${(e: Event) => this.setHour(i, k, (e.target as HTMLInputElement).value)}
                        />
                      </td>`,
                    )}
                    <td>
                      <button type="button" class="danger" @click=${() => this.removeHour(i)}>
                        Quitar<span class="visually-hidden"> la franja ${i + 1} (${dayName} ${h.from}–${h.to})</span>
                      </button>
                    </td>
                  </tr>`;
                })}
              </tbody>
            </table>
          </div>`
        : html`<p>Sin franjas: el chat se mostrará como fuera de horario.</p>`}
      <button type="button" id="add-hour" @click=${this.addHour}>Agregar franja</button>
    </fieldset>`;
  }

  private renderSettingsForm(s: Settings): TemplateResult {
    const f = this.errors.fields;
    return html`<form id="settings-form" novalidate aria-labelledby="h-entity" @submit=${this.handleSave}>
      <h2 id="h-entity">Entidad y aviso de datos personales</h2>
      ${formAlert(this.errors.alert)}
      ${this.textField('entityName', 'Nombre de la entidad', { max: 200, autocomplete: 'organization', hint: 'Responsable del tratamiento de datos; aparece en el aviso de datos y en los correos.' })}
      ${this.textField('contactEmail', 'Correo de contacto', { type: 'email', max: 254 })}
      ${this.textField('contactPhone', 'Teléfono de contacto', { type: 'tel', max: 60 })}
      ${this.textField('contactAddress', 'Dirección de contacto', { max: 200 })}
      ${this.textField('radicadoPrefix', 'Prefijo del radicado', { max: 12, hint: 'De 1 a 12 letras sin tildes o dígitos; los radicados nuevos serán PREFIJO-AAAA-NNNNNN.' })}
      <div class="field">
        <label for="settings-cutoffHour">Hora de corte</label>
        <span class="hint" id="settings-cutoffHour-hint">Lo que llegue después de esta hora se entiende recibido el día hábil siguiente.</span>
        ${fieldError('settings-cutoffHour', f.cutoffHour)}
        <select
          id="settings-cutoffHour"
          name="cutoffHour"
          aria-invalid=${f.cutoffHour ? 'true' : 'false'}
          aria-describedby=${describedBy('settings-cutoffHour', f.cutoffHour, 'settings-cutoffHour-hint')}
        >
          <option value="" ?selected=${s.cutoffHour === null}>Sin hora de corte</option>
          ${Array.from({ length: 24 }, (_, h) => html`<option value=${h} ?selected=${s.cutoffHour === h}>${String(h).padStart(2, '0')}:00</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="settings-pqrsSurvey">Encuesta de satisfacción de PQRSD</label>
        <span class="hint" id="settings-pqrsSurvey-hint">La consulta de seguimiento invita a responderla cuando la solicitud ya tiene respuesta.</span>
        ${fieldError('settings-pqrsSurvey', f.pqrsSurvey)}
        <select
          id="settings-pqrsSurvey"
          name="pqrsSurvey"
          aria-invalid=${f.pqrsSurvey ? 'true' : 'false'}
          aria-describedby=${describedBy('settings-pqrsSurvey', f.pqrsSurvey, 'settings-pqrsSurvey-hint')}
        >
          <option value="" ?selected=${s.pqrsSurvey === null}>Ninguna</option>
          ${this.surveys.map(
            (x) => html`<option value=${x.slug} ?selected=${s.pqrsSurvey === x.slug}>${x.title}${x.state === 'open' ? '' : ' (cerrada)'}</option>`,
          )}
        </select>
      </div>
      ${this.renderHours()}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? 'Guardando…' : 'Guardar ajustes'}</button>
      </div>
    </form>`;
  }

  private renderClosures(): TemplateResult {
    const f = this.closureErrors.fields;
    return html`<section aria-labelledby="h-closures">
      <h2 id="h-closures">Días de cierre</h2>
      <p>Días hábiles en que la entidad no atiende: no cuentan en los plazos de las solicitudes.</p>
      ${this.closures.length
        ? html`<div class="table-wrap" role="region" aria-label="Tabla de días de cierre" tabindex="0">
            <table>
              <caption>
                Días de cierre declarados
              </caption>
              <thead>
                <tr>
                  <th scope="col">Fecha</th>
                  <th scope="col">Motivo</th>
                  <th scope="col"><span class="visually-hidden">Quitar</span></th>
                </tr>
              </thead>
              <tbody>
                ${this.closures.map(
                  (c) => html`<tr>
                    <th scope="row">${formatDate(c.date)}</th>
                    <td>${c.reason}</td>
                    <td>
                      <button type="button" class="danger" @click=${() => this.removeClosure(c.date)}>
                        Quitar<span class="visually-hidden"> el ${formatDate(c.date)}</span>
                      </button>
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p>No hay días de cierre declarados.</p>`}
      <form id="closure-form" novalidate aria-label="Agregar un día de cierre" @submit=${this.handleAddClosure}>
        ${formAlert(this.closureErrors.alert)}
        <div class="filters">
          <div class="field">
            <label for="closure-date">Fecha</label>
            ${fieldError('closure-date', f.date)}
            <input
              id="closure-date"
              name="date"
              type="date"
              aria-invalid=${f.date ? 'true' : 'false'}
              aria-describedby=${describedBy('closure-date', f.date)}
            />
          </div>
          <div class="field">
            <label for="closure-reason">Motivo <span class="hint">(opcional)</span></label>
            ${fieldError('closure-reason', f.reason)}
            <input
              id="closure-reason"
              name="reason"
              maxlength="200"
              aria-invalid=${f.reason ? 'true' : 'false'}
              aria-describedby=${describedBy('closure-reason', f.reason)}
            />
          </div>
        </div>
        <div class="actions"><button type="submit">Agregar día de cierre</button></div>
      </form>
    </section>`;
  }

  override render(): TemplateResult {
    return html`<h1 tabindex="-1">Ajustes</h1>
      <div class="alert" role="alert">${this.loadError}</div>
      <div class="status" role="status">${this.saved}</div>
      ${this.settings ? html`${this.renderSettingsForm(this.settings)} ${this.renderClosures()}` : this.loadError ? nothing : html`<p>Cargando…</p>`}`;
  }
}

if (!customElements.get('ecam-admin-settings')) customElements.define('ecam-admin-settings', EcamAdminSettings);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-settings': EcamAdminSettings;
  }
}
