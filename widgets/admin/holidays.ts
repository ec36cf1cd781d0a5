import { html, nothing, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import { parseRule } from '../../api/calendar/holidays.ts';
import type { HolidayAdded, HolidayInput, HolidayList } from '../../api/calendar/schemas.ts';
import { bogotaDate, formatDate } from '../shared/format.ts';
import { I18nController } from '../shared/i18n.ts';
import { holidayMessages } from './messages-holidays.ts';
import { AdminView, NO_ERRORS, describedBy, errorMessage, fieldError, formAlert, formErrors, type FormErrors } from './view.ts';

const FIRST_YEAR = 1984;
const LAST_YEAR = 2100;

type Field = 'name' | 'rule' | 'source' | 'fromYear' | 'untilYear';

/**
 * The national holidays of a chosen year with their legal source, and the form an administrator
 * uses to add one decreed by a new law (a section of Ajustes, which only admins open). Adding one
 * moves the due dates of the open requests it falls in; the section says how many.
 *
 * @summary Festivos nacionales (Ajustes).
 */
export class EcamAdminHolidays extends AdminView {
  @query('#holiday-form') private form?: HTMLFormElement;
  @query('#holiday-year-form') private yearForm?: HTMLFormElement;

  private i18n = new I18nController(this, holidayMessages);

  /** The year shown; this year in Bogotá at first. */
  @state() private year = Number(bogotaDate(new Date().toISOString()).slice(0, 4));
  @state() private list?: HolidayList;
  @state() private loadError = '';
  @state() private yearError = '';
  @state() private errors: FormErrors = NO_ERRORS;
  @state() private done = '';
  @state() private busy = false;

  protected override willUpdate(): void {
    if (!this.hasUpdated) void this.load(this.year);
  }

  private async load(year: number): Promise<void> {
    this.loadError = '';
    try {
      const list = await this.api.get<HolidayList>('/holidays', { year });
      this.year = year;
      this.list = list;
    } catch (err) {
      this.loadError = errorMessage(err);
    }
  }

  private async handleYear(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const raw = String(new FormData(this.yearForm).get('year') ?? '').trim();
    const year = Number(raw);
    this.yearError = '';
    if (!/^\d{4}$/.test(raw) || year < FIRST_YEAR || year > LAST_YEAR) {
      // The server says the same; said here, the field keeps the focus without a round trip.
      this.yearError = `${this.i18n.t.year}: ${FIRST_YEAR}–${LAST_YEAR}`;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#holiday-year')?.focus();
      return;
    }
    await this.load(year);
  }

  private async handleAdd(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const d = new FormData(this.form);
    const text = (k: Field) => String(d.get(k) ?? '').trim();
    const year = (k: Field) => (text(k) === '' ? undefined : Number(text(k)));
    const body: HolidayInput = {
      name: text('name'),
      rule: text('rule'),
      source: text('source'),
      fromYear: year('fromYear'),
      untilYear: year('untilYear') ?? null,
    };
    this.busy = true;
    this.done = '';
    this.errors = NO_ERRORS;
    try {
      const added = await this.api.send<HolidayAdded>('POST', '/holidays', body);
      this.form?.reset();
      this.done = this.i18n.t.added(added.holiday.name, added.moved);
      await this.load(added.holiday.fromYear <= this.year ? this.year : added.holiday.fromYear);
    } catch (err) {
      this.errors = formErrors(err);
      await this.focusProblem(this.form, this.errors);
    } finally {
      this.busy = false;
    }
  }

  /** The rule in words: «9 de julio, se traslada al lunes». */
  private describe(rule: string): string {
    const t = this.i18n.t;
    const parsed = parseRule(rule);
    if (typeof parsed === 'string') return rule;
    if (parsed.kind === 'easter') return t.easter(parsed.offset);
    if (parsed.kind === 'once') return t.once;
    return parsed.moves ? t.moves(parsed.day, parsed.month) : t.fixed(parsed.day, parsed.month);
  }

  private field(key: Field, label: string, opts: { hint?: string; type?: string; max?: number; optional?: boolean }): TemplateResult {
    const id = `holiday-${key}`;
    const message = this.errors.fields[key];
    const hintId = opts.hint ? `${id}-hint` : undefined;
    const number = opts.type === 'number';
    return html`<div class="field">
      <label for=${id}>${label} ${opts.optional ? html`<span class="hint">${this.words.t.optional}</span>` : nothing}</label>
      ${opts.hint ? html`<span class="hint" id=${hintId!}>${opts.hint}</span>` : nothing} ${fieldError(id, message)}
      <input
        id=${id}
        name=${key}
        type=${number ? 'number' : 'text'}
        inputmode=${number ? 'numeric' : nothing}
        min=${number ? FIRST_YEAR : nothing}
        max=${number ? LAST_YEAR : nothing}
        maxlength=${opts.max ?? nothing}
        autocomplete="off"
        aria-invalid=${message ? 'true' : 'false'}
        aria-describedby=${describedBy(id, message, hintId)}
      />
    </div>`;
  }

  private renderTable(list: HolidayList): TemplateResult {
    const { t, lang } = this.i18n;
    return html`<div class="table-wrap" role="region" aria-label=${t.tableLabel(this.year)} tabindex="0">
      <table>
        <caption>
          ${t.caption(this.year, list.length)}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.date}</th>
            <th scope="col">${t.name}</th>
            <th scope="col">${t.rule}</th>
            <th scope="col">${t.source}</th>
          </tr>
        </thead>
        <tbody>
          ${list.map(
            (h) => html`<tr>
              <th scope="row">${formatDate(h.date, lang)}</th>
              <td>${h.name}${h.added ? t.addedMark : ''}</td>
              <td>${this.describe(h.rule)}</td>
              <td>${h.source}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderForm(): TemplateResult {
    const t = this.i18n.t;
    return html`<form id="holiday-form" novalidate aria-labelledby="h-add-holiday" @submit=${this.handleAdd}>
      <h3 id="h-add-holiday">${t.addHeading}</h3>
      ${formAlert(this.errors.alert)}
      ${this.field('name', t.nameLabel, { max: 120 })}
      ${this.field('rule', t.ruleLabel, { hint: t.ruleHint, max: 40 })}
      ${this.field('source', t.sourceLabel, { hint: t.sourceHint, max: 200 })}
      <div class="filters">
        ${this.field('fromYear', t.fromLabel, { hint: t.fromHint, type: 'number' })}
        ${this.field('untilYear', t.untilLabel, { hint: t.untilHint, type: 'number', optional: true })}
      </div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.busy}>${this.busy ? t.adding : t.add}</button>
      </div>
    </form>`;
  }

  override render(): TemplateResult {
    const t = this.i18n.t;
    return html`<section aria-labelledby="h-holidays">
      <h2 id="h-holidays">${t.heading}</h2>
      <p>${t.intro}</p>
      <form id="holiday-year-form" novalidate aria-label=${t.yearForm} @submit=${this.handleYear}>
        <div class="filters">
          <div class="field">
            <label for="holiday-year">${t.year}</label>
            ${fieldError('holiday-year', this.yearError || undefined)}
            <input
              id="holiday-year"
              name="year"
              type="number"
              inputmode="numeric"
              min=${FIRST_YEAR}
              max=${LAST_YEAR}
              .value=${String(this.year)}
              aria-invalid=${this.yearError ? 'true' : 'false'}
              aria-describedby=${describedBy('holiday-year', this.yearError || undefined)}
            />
          </div>
          <div class="actions"><button type="submit">${t.show}</button></div>
        </div>
      </form>
      <div class="alert" role="alert">${this.loadError}</div>
      ${this.list ? this.renderTable(this.list) : this.loadError ? nothing : html`<p>${t.loading}</p>`}
      <div class="status" role="status">${this.done}</div>
      ${this.renderForm()}
    </section>`;
  }
}

if (!customElements.get('ecam-admin-holidays')) customElements.define('ecam-admin-holidays', EcamAdminHolidays);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-holidays': EcamAdminHolidays;
  }
}
