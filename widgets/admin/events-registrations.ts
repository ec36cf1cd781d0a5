import { css, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { AdminRegistration } from '../../api/events/schemas.ts';
import { formatDateTime } from '../shared/format.ts';
import { EventPageView } from './events-page.ts';
import { errorMessage, formAlert } from './view.ts';

/** Lower case without accents, so «jose» finds «José». */
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * The event's registrations with their state, the CSV download, and attendance on the day:
 * a search box by name or e-mail (Enter marks a single match), arrow keys between rows, Enter
 * or Space marks or unmarks; the count of attendees updates as each mark is saved.
 *
 * @summary Inscripciones y asistencia de un evento.
 */
export class EcamAdminEventRegistrations extends EventPageView {
  static override styles = [
    ...EventPageView.styles,
    css`
      tr.attended td,
      tr.attended th {
        background: var(--ecam-page);
      }
      .count {
        font-size: 1.2rem;
        font-weight: 700;
      }
    `,
  ];

  @state() private items?: AdminRegistration[];
  @state() private search = '';
  @state() private saving = new Set<number>();
  @state() private actionError = '';
  @state() private said = '';

  protected override page = 'inscripciones' as const;

  protected override async loaded(): Promise<void> {
    this.items = (await this.api.get<{ items: AdminRegistration[] }>(`/events/${this.eventId}/registrations`)).items;
  }

  private get shown(): AdminRegistration[] {
    const q = fold(this.search.trim());
    const items = this.items ?? [];
    return q ? items.filter((r) => fold(r.name).includes(q) || fold(r.email).includes(q)) : items;
  }

  private async toggle(r: AdminRegistration): Promise<void> {
    if (r.status !== 'registered' || this.saving.has(r.id)) return;
    const attended = !r.attendedAt;
    const t = this.ev.t;
    // Shown at once; put back if the server refuses.
    this.replace({ ...r, attendedAt: attended ? new Date().toISOString() : null });
    this.saving = new Set(this.saving).add(r.id);
    this.actionError = '';
    try {
      const saved = await this.api.send<AdminRegistration>('PUT', `/events/${this.eventId}/registrations/${r.id}/attendance`, { attended });
      this.replace(saved);
      this.said = attended ? t.marked(r.name) : t.unmarked(r.name);
    } catch (err) {
      this.replace(r);
      this.actionError = errorMessage(err);
    } finally {
      const s = new Set(this.saving);
      s.delete(r.id);
      this.saving = s;
    }
  }

  private replace(r: AdminRegistration): void {
    this.items = this.items?.map((x) => (x.id === r.id ? r : x));
  }

  private checkboxes(): HTMLInputElement[] {
    return Array.from(this.renderRoot.querySelectorAll<HTMLInputElement>('tbody input[type="checkbox"]'));
  }

  private handleSearchKey(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      this.checkboxes()[0]?.focus();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const matches = this.shown.filter((r) => r.status === 'registered');
      if (matches.length === 1) {
        // From the search box Enter only marks: a second Enter at the door never unmarks.
        const r = matches[0]!;
        if (r.attendedAt) this.said = this.ev.t.already(r.name);
        else void this.toggle(r);
        // Ready for the next person at the door.
        (e.target as HTMLInputElement).select();
      }
    }
  }

  private handleRowKey(e: KeyboardEvent, r: AdminRegistration): void {
    const boxes = this.checkboxes();
    const i = boxes.indexOf(e.target as HTMLInputElement);
    if (e.key === 'Enter') {
      e.preventDefault();
      void this.toggle(r);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = boxes[i + (e.key === 'ArrowDown' ? 1 : -1)];
      if (next) next.focus();
      else if (e.key === 'ArrowUp') this.renderRoot.querySelector<HTMLInputElement>('#reg-search')?.focus();
    }
  }

  private handleClick(e: Event, r: AdminRegistration): void {
    // The checkbox follows the saved state, not the browser's own toggle.
    e.preventDefault();
    void this.toggle(r);
  }

  private renderTable(items: AdminRegistration[], all: AdminRegistration[]): TemplateResult {
    const { t, lang } = this.ev;
    const registered = all.filter((r) => r.status === 'registered');
    const attended = registered.filter((r) => r.attendedAt).length;
    return html`<section aria-labelledby="att-title">
      <h2 id="att-title">${t.attendanceTitle}</h2>
      <p class="hint" id="att-hint">${t.attendanceHint}</p>
      <p class="count" role="status" id="att-count">${t.attendanceCount(attended, registered.length)}</p>
      <div class="field">
        <label for="reg-search">${t.search}</label>
        <input
          id="reg-search"
          type="search"
          autocomplete="off"
          .value=${this.search}
          aria-describedby="att-hint reg-matches"
          @input=${(e: Event) => (this.search = (e.target as HTMLInputElement).value)}
          @keydown=${this.handleSearchKey}
        />
        <span class="hint" id="reg-matches" aria-live="polite">${this.search.trim() ? t.matches(items.length) : ''}</span>
      </div>
      ${this.actionError ? formAlert(this.actionError) : nothing}
      <p class="visually-hidden" aria-live="polite">${this.said}</p>
      <div class="table-wrap">
        <table>
          <caption>${t.regCaption}</caption>
          <thead>
            <tr>
              <th scope="col">${t.attended}</th>
              <th scope="col">${t.name}</th>
              <th scope="col">${t.email}</th>
              <th scope="col">${t.status}</th>
              <th scope="col">${t.registeredAt}</th>
            </tr>
          </thead>
          <tbody>
            ${items.map(
              (r) => html`<tr class=${r.attendedAt ? 'attended' : ''}>
                <td>
                  ${r.status === 'registered'
                    ? html`<input
                        type="checkbox"
                        id="att-${r.id}"
                        .checked=${Boolean(r.attendedAt)}
                        aria-label=${t.attendedOf(r.name)}
                        aria-busy=${this.saving.has(r.id) ? 'true' : 'false'}
                        @click=${(e: Event) => this.handleClick(e, r)}
                        @keydown=${(e: KeyboardEvent) => this.handleRowKey(e, r)}
                      />`
                    : '—'}
                </td>
                <th scope="row">${r.name}</th>
                <td>${r.email}</td>
                <td>${t.regStatus(r.status)}</td>
                <td>${formatDateTime(r.createdAt, lang)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  override render(): TemplateResult {
    const t = this.ev.t;
    const e = this.event;
    const all = this.items;
    const count = (s: AdminRegistration['status']) => all?.filter((r) => r.status === s).length ?? 0;
    return html`${this.renderHeader(e)}
      ${e
        ? html`<h2>${t.registrationsTitle}</h2>
            ${!e.registration ? html`<p>${t.noRegistration}</p>` : nothing}
            ${all
              ? html`<p>${t.regSummary(count('registered'), count('waitlisted'), count('cancelled'))}</p>
                  <p><a class="button" href=${this.api.url(`/events/${e.id}/registrations.csv`)} download>${t.downloadCsv}</a></p>
                  ${all.length ? this.renderTable(this.shown, all) : html`<p>${t.noRegistrations}</p>`}`
              : this.loadError
                ? nothing
                : html`<p role="status">${t.loadingRegistrations}</p>`}`
        : nothing}`;
  }
}

if (!customElements.get('ecam-admin-event-registrations')) customElements.define('ecam-admin-event-registrations', EcamAdminEventRegistrations);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-event-registrations': EcamAdminEventRegistrations;
  }
}
