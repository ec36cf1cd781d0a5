import { html, nothing, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import type { OfficeHours, Settings } from '../../api/settings/schemas.ts';
import type { SurveyListItem } from '../../api/survey/schemas.ts';
import { PQRS_TYPES } from '../../api/pqrs/catalog.ts';
import { EN_TYPES } from '../pqrs/vocabulary.en.ts';
import { formatDate } from '../shared/format.ts';
import { I18nController } from '../shared/i18n.ts';
import { chatSettingsMessages } from './chat-settings-messages.ts';
import './holidays.ts';
import { settingsMessages } from './messages-settings.ts';
import { renderReviewTypes } from './settings-review.ts';
import { renderUsageMetrics, usageMessages } from './settings-usage.ts';
import { reviewMessages } from './messages-review.ts';
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

  /** The texts of the chat settings (issue 5). */
  private chatI18n = new I18nController(this, chatSettingsMessages);
  private i18n = new I18nController(this, settingsMessages);
  /** The texts of review before answering (issue 11). */
  private reviewI18n = new I18nController(this, reviewMessages);
  private usageI18n = new I18nController(this, usageMessages);

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
      this.surveys = surveys.items.filter((x) => x.state === 'open' || x.slug === settings.pqrsSurvey || x.slug === settings.chatSurvey);
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
    const chatSurvey = String(d.get('chatSurvey') ?? '');
    const minutes = (k: string) => (String(d.get(k) ?? '').trim() === '' ? null : Number(d.get(k)));
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
        chatWaitNoticeMinutes: minutes('chatWaitNoticeMinutes'),
        chatIdleCloseMinutes: minutes('chatIdleCloseMinutes'),
        chatSurvey: chatSurvey === '' ? null : chatSurvey,
        reviewTypes: d.getAll('reviewTypes').map(String),
        usageMetrics: d.get('usageMetrics') === 'on',
      });
      this.hours = this.settings.officeHours.map((h) => ({ ...h }));
      this.saved = this.i18n.t.saved;
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
      this.saved = this.i18n.t.closureAdded(formatDate(added.date, this.i18n.lang));
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
      this.saved = this.i18n.t.closureRemoved(formatDate(date, this.i18n.lang));
    } catch (err) {
      this.closureErrors = formErrors(err);
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#closure-date')?.focus();
  }

  /** A select of the settings form (`options` its `<option>`s), with its hint and error. */
  private selectField(key: 'cutoffHour' | 'pqrsSurvey' | 'chatSurvey', label: string, hint: string, options: TemplateResult): TemplateResult {
    const id = `settings-${key}`;
    const message = this.errors.fields[key];
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <span class="hint" id="${id}-hint">${hint}</span>
      ${fieldError(id, message)}
      <select id=${id} name=${key} aria-invalid=${message ? 'true' : 'false'} aria-describedby=${describedBy(id, message, `${id}-hint`)}>
        ${options}
      </select>
    </div>`;
  }

  /** "Ninguna" and every survey (closed ones marked), `chosen` selected. */
  private surveyOptions(chosen: string | null): TemplateResult {
    const t = this.i18n.t;
    return html`<option value="" ?selected=${chosen === null}>${t.none}</option>
      ${this.surveys.map((x) => html`<option value=${x.slug} ?selected=${chosen === x.slug}>${x.title}${x.state === 'open' ? '' : t.closedSuffix}</option>`)}`;
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
    const t = this.i18n.t;
    const weekday = this.words.t.weekday;
    return html`<fieldset>
      <legend>${t.hours}</legend>
      <p class="hint">${t.hoursHint}</p>
      ${fieldError('hours', f.officeHours)}
      ${this.hours.length
        ? html`<div class="table-wrap" role="region" aria-label=${t.hoursTable} tabindex="0">
            <table>
              <caption class="visually-hidden">
                ${t.hoursCaption}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${t.day}</th>
                  <th scope="col">${this.words.t.from}</th>
                  <th scope="col">${this.words.t.to}</th>
                  <th scope="col"><span class="visually-hidden">${t.remove}</span></th>
                </tr>
              </thead>
              <tbody>
                ${this.hours.map((h, i) => {
                  const err = (k: string) => f[`officeHours.${i}.${k}`];
                  const dayName = weekday(h.day);
                  return html`<tr>
                    <td>
                      <label class="visually-hidden" for="hour-${i}-day">${t.slotDay(i + 1)}</label>
                      <select id="hour-${i}-day" @change=${(e: Event) => this.setHour(i, 'day', (e.target as HTMLSelectElement).value)}>
                        ${[1, 2, 3, 4, 5, 6, 7].map((d) => html`<option value=${d} ?selected=${h.day === d}>${weekday(d)}</option>`)}
                      </select>
                    </td>
                    ${(['from', 'to'] as const).map(
                      (k) => html`<td>
                        <label class="visually-hidden" for="hour-${i}-${k}">${t.slotTime(k === 'from', i + 1, dayName)}</label>
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
                        ${t.remove}<span class="visually-hidden">${t.removeSlot(i + 1, dayName, h.from, h.to)}</span>
                      </button>
                    </td>
                  </tr>`;
                })}
              </tbody>
            </table>
          </div>`
        : html`<p>${t.noHours}</p>`}
      <button type="button" id="add-hour" @click=${this.addHour}>${t.addSlot}</button>
    </fieldset>`;
  }

  /** The chat's waiting notice, idle close and satisfaction survey. */
  private renderChat(s: Settings): TemplateResult {
    const t = this.chatI18n.t;
    const f = this.errors.fields;
    const number = (key: 'chatWaitNoticeMinutes' | 'chatIdleCloseMinutes', label: string, hint: string, max: number) => {
      const id = `settings-${key}`;
      return html`<div class="field">
        <label for=${id}>${label}</label>
        <span class="hint" id="${id}-hint">${hint}</span>
        ${fieldError(id, f[key])}
        <input
          id=${id}
          name=${key}
          type="number"
          inputmode="numeric"
          min="1"
          max=${max}
          step="1"
          value=${s[key]}
          aria-invalid=${f[key] ? 'true' : 'false'}
          aria-describedby=${describedBy(id, f[key], `${id}-hint`)}
        />
      </div>`;
    };
    return html`<fieldset>
      <legend>${t.settingsChat}</legend>
      ${number('chatWaitNoticeMinutes', t.waitNotice, t.waitNoticeHint, 60)}
      ${number('chatIdleCloseMinutes', t.idleClose, t.idleCloseHint, 240)}
      ${this.selectField('chatSurvey', t.chatSurvey, t.chatSurveyHint, this.surveyOptions(s.chatSurvey))}
    </fieldset>`;
  }

  private renderSettingsForm(s: Settings): TemplateResult {
    const t = this.i18n.t;
    return html`<form id="settings-form" novalidate aria-labelledby="h-entity" @submit=${this.handleSave}>
      <h2 id="h-entity">${t.entity}</h2>
      ${formAlert(this.errors.alert)}
      ${this.textField('entityName', t.entityName, { max: 200, autocomplete: 'organization', hint: t.entityNameHint })}
      ${this.textField('contactEmail', t.contactEmail, { type: 'email', max: 254 })}
      ${this.textField('contactPhone', t.contactPhone, { type: 'tel', max: 60 })}
      ${this.textField('contactAddress', t.contactAddress, { max: 200 })}
      ${this.textField('radicadoPrefix', t.prefix, { max: 12, hint: t.prefixHint })}
      ${this.selectField(
        'cutoffHour',
        t.cutoff,
        t.cutoffHint,
        html`<option value="" ?selected=${s.cutoffHour === null}>${t.noCutoff}</option>
          ${Array.from({ length: 24 }, (_, h) => html`<option value=${h} ?selected=${s.cutoffHour === h}>${String(h).padStart(2, '0')}:00</option>`)}`,
      )}
      ${this.selectField('pqrsSurvey', t.pqrsSurvey, t.pqrsSurveyHint, this.surveyOptions(s.pqrsSurvey))}
      ${this.renderHours()} ${this.renderChat(s)}
      ${renderReviewTypes(s.reviewTypes, this.errors.fields, this.reviewI18n.t, (type) => this.i18n.lang === 'en' ? EN_TYPES[type][0] : PQRS_TYPES[type].label)}
      ${renderUsageMetrics(s.usageMetrics, this.errors.fields, this.usageI18n.t)}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? t.saving : t.save}</button>
      </div>
    </form>`;
  }

  private renderClosures(): TemplateResult {
    const f = this.closureErrors.fields;
    const { t, lang } = this.i18n;
    return html`<section aria-labelledby="h-closures">
      <h2 id="h-closures">${t.closures}</h2>
      <p>${t.closuresIntro}</p>
      ${this.closures.length
        ? html`<div class="table-wrap" role="region" aria-label=${t.closuresTable} tabindex="0">
            <table>
              <caption>
                ${t.closuresCaption}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${t.date}</th>
                  <th scope="col">${t.reason}</th>
                  <th scope="col"><span class="visually-hidden">${t.remove}</span></th>
                </tr>
              </thead>
              <tbody>
                ${this.closures.map(
                  (c) => html`<tr>
                    <th scope="row">${formatDate(c.date, lang)}</th>
                    <td>${c.reason}</td>
                    <td>
                      <button type="button" class="danger" @click=${() => this.removeClosure(c.date)}>
                        ${t.remove}<span class="visually-hidden">${t.removeDate(formatDate(c.date, lang))}</span>
                      </button>
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p>${t.noClosures}</p>`}
      <form id="closure-form" novalidate aria-label=${t.addClosureForm} @submit=${this.handleAddClosure}>
        ${formAlert(this.closureErrors.alert)}
        <div class="filters">
          <div class="field">
            <label for="closure-date">${t.date}</label>
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
            <label for="closure-reason">${t.reason} <span class="hint">${this.words.t.optional}</span></label>
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
        <div class="actions"><button type="submit">${t.addClosure}</button></div>
      </form>
    </section>`;
  }

  override render(): TemplateResult {
    return html`<h1 tabindex="-1">${this.i18n.t.title}</h1>
      <div class="alert" role="alert">${this.loadError}</div>
      <div class="status" role="status">${this.saved}</div>
      ${this.settings ? html`${this.renderSettingsForm(this.settings)} ${this.renderClosures()}` : this.loadError ? nothing : html`<p>${this.words.t.loading}</p>`}
      ${this.settings ? html`<ecam-admin-holidays .api=${this.api} .user=${this.user}></ecam-admin-holidays>` : nothing}`;
  }
}

if (!customElements.get('ecam-admin-settings')) customElements.define('ecam-admin-settings', EcamAdminSettings);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-settings': EcamAdminSettings;
  }
}
