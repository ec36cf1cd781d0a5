import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { PublicEvent } from '../../api/events/schemas.ts';
import type { PublicSettings } from '../../api/settings/schemas.ts';
import { ApiError, apiBase, errorText, request } from '../shared/api.ts';
import { formStyles } from '../shared/form-styles.ts';
import { bogotaDate } from '../shared/format.ts';
import { I18nController, localeOf } from '../shared/i18n.ts';
import { tokens } from '../shared/styles.ts';
import { messages } from './agenda-messages.ts';
import { KIND_LIST } from './messages.ts';
import { agendaStyles } from './events.styles.ts';
import { eventPage, formatRange, formatTime, icsUrl } from './format.ts';

type Mode = 'month' | 'list';
/** Wider than this (CSS pixels), the agenda shows the month; narrower, the list (a phone). */
const WIDE = 640;
const DAY = 86_400_000;

/** `YYYY-MM-DD` plus `days` (calendar arithmetic on UTC noon: no daylight saving anywhere). */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** The days of a month's grid, Monday first: `null` pads the first and last week. */
function monthWeeks(month: string): (string | null)[][] {
  const first = `${month}-01`;
  const lead = (new Date(`${first}T12:00:00Z`).getUTCDay() + 6) % 7;
  const days: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = first; d.startsWith(month); d = addDays(d, 1)) days.push(d);
  while (days.length % 7) days.push(null);
  return Array.from({ length: days.length / 7 }, (_, i) => days.slice(i * 7, i * 7 + 7));
}

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}

/** JSON for a `<script>` element: `<` escaped, so no text of an event can close the element. */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * schema.org `Event`s for search engines: cancelled events keep their entry with
 * `EventCancelled`; the place is a `Place`, the online link a `VirtualLocation`.
 */
export function eventsJsonLd(items: PublicEvent[], o: { organizer: string; page: (slug: string) => string | undefined }): object {
  return {
    '@context': 'https://schema.org',
    '@graph': items.map((e) => {
      const place = e.place ? { '@type': 'Place', name: e.place, address: e.place } : undefined;
      const online = e.onlineUrl ? { '@type': 'VirtualLocation', url: e.onlineUrl } : undefined;
      const url = o.page(e.slug);
      return {
        '@type': 'Event',
        name: e.title,
        ...(e.summary ? { description: e.summary } : {}),
        startDate: e.startsAt,
        endDate: e.endsAt,
        eventStatus: `https://schema.org/${e.state === 'cancelled' ? 'EventCancelled' : 'EventScheduled'}`,
        eventAttendanceMode: `https://schema.org/${place && online ? 'Mixed' : online ? 'Online' : 'Offline'}EventAttendanceMode`,
        location: place && online ? [place, online] : (place ?? online ?? { '@type': 'Place', name: o.organizer, address: o.organizer }),
        organizer: { '@type': 'Organization', name: o.organizer },
        ...(url ? { url: new URL(url, location.href).href } : {}),
      };
    }),
  };
}

/**
 * The entity's participation calendar (the "Participa" menu): upcoming and past events, by
 * kind, as a month on wide screens and as a list on phones, each with its .ics and a link to
 * its page, and the subscription to the whole calendar. It also writes the events as
 * schema.org `Event` JSON-LD in a `<script type="application/ld+json">` child of the element
 * (light DOM), so search engines list them.
 *
 * @summary Calendario de participación: eventos próximos y realizados.
 *
 * @csspart filters - The kind filter and the upcoming/past choice.
 * @csspart button - Every button.
 * @csspart status - The live region that says how many events there are.
 * @csspart alert - Connection errors.
 * @csspart month - The month table (wide screens).
 * @csspart day - Each day of the month table.
 * @csspart list - The list of events.
 * @csspart event - Each event of the list.
 * @csspart badge - The kind, phase and cancelled marks of an event.
 * @csspart subscribe - The subscription to the calendar feed.
 *
 * @cssproperty --ecam-primary - Buttons, links and focus accents (default #3366CC).
 * @cssproperty --ecam-primary-contrast - Text on primary buttons (default #fff).
 * @cssproperty --ecam-text - Body text (default #4B4B4B).
 * @cssproperty --ecam-heading - Headings (default #004884).
 * @cssproperty --ecam-surface-alt - Background of today and of badges (default #F2F5FA).
 * @cssproperty --ecam-error - Error messages and cancelled events (default #A80521).
 * @cssproperty --ecam-font-family - Typeface (default "Work Sans", system-ui, sans-serif).
 * @cssproperty --ecam-radius - Corner radius (default 5px).
 * @cssproperty --ecam-surface - Background (default #fff).
 * @cssproperty --ecam-border - Edges of the table, the events and controls (default #767676).
 * @attr theme - `light` or `dark` pins that theme; without it the widget follows the visitor's system (prefers-color-scheme).
 * @attr lang - `es` (Spanish, the default) or `en` (English); without it, the nearest `lang` of the page (`<html lang>`).
 */
export class EcamAgenda extends LitElement {
  static override styles = [tokens, formStyles, agendaStyles];
  // Declared here rather than with decorators (their helpers cost every page bytes; see tracker.ts).
  static override properties: PropertyDeclarations = {
    items: { attribute: false },
    loading: { attribute: false },
    alert: { attribute: false },
    wide: { attribute: false },
    past: { attribute: false },
    month: { attribute: false },
    eventUrl: { attribute: 'event-url' },
    kind: { reflect: true },
    view: {},
    apiBase: { attribute: 'api-base' },
  };

  private i18n = new I18nController(this, messages);

  private items?: PublicEvent[];
  private loading = false;
  private alert = '';
  /** The element is wider than `WIDE` (set by a ResizeObserver: a container query in script). */
  private wide = false;
  /** The list shows the events held in the last year instead of the upcoming ones. */
  private past = false;
  /** The month on screen, `YYYY-MM` (Bogotá). */
  private month = bogotaDate(new Date().toISOString()).slice(0, 7);
  private loads = 0;
  private resize?: ResizeObserver;
  private organizer?: string;

  /** Page of one event, with `{slug}` where the event's identifier goes, e.g. `/participe/evento.html?evento={slug}`. */
  eventUrl?: string;

  /** Shows only events of this kind (`rendicion-cuentas`, `inscripciones`, `foro`, `consulta-normativa`, `feria-servicio`, `capacitacion`, `otro`); the visitor can change it. */
  kind = '';

  /** `month` or `list` pins the view; without it: the month when the element is at least 640 px wide, the list when narrower. */
  view?: 'month' | 'list';

  /** Origin of the ECAM Participa API; defaults to the server the widget was loaded from. */
  apiBase?: string;

  private get mode(): Mode {
    return this.view === 'month' || this.view === 'list' ? this.view : this.wide ? 'month' : 'list';
  }

  private get base(): string {
    return apiBase(this.apiBase);
  }

  /** Renders only once the texts in the element's language are here (English is fetched). */
  protected override scheduleUpdate(): void | Promise<void> {
    return this.i18n.whenReady(() => super.scheduleUpdate());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.wide = this.getBoundingClientRect().width >= WIDE;
    this.resize = new ResizeObserver(([entry]) => {
      const wide = (entry?.contentRect.width ?? 0) >= WIDE;
      // Next frame: a re-render inside the observer's callback would be a resize loop.
      if (wide !== this.wide) requestAnimationFrame(() => (this.wide = wide));
    });
    this.resize.observe(this);
    // The organizer of the JSON-LD: the entity's name as configured.
    request<PublicSettings>(`${this.base}/api/settings/public`).then(
      (s) => {
        this.organizer = s.entityName;
        this.writeJsonLd();
      },
      () => undefined,
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.kind && !(KIND_LIST as string[]).includes(this.kind)) this.kind = '';
    const keys = ['kind', 'past', 'month', 'wide', 'view', 'apiBase'];
    if (!this.hasUpdated || keys.some((k) => changed.has(k))) {
      const key = this.rangeKey();
      if (key !== this.loadedKey) void this.load(key);
    }
  }

  private loadedKey = '';

  /** What to ask the API for in the current view: `from|to|kind`. */
  private rangeKey(): string {
    const today = bogotaDate(new Date().toISOString());
    let from: string;
    let to: string;
    if (this.mode === 'month') {
      from = `${this.month}-01`;
      to = addDays(`${shiftMonth(this.month, 1)}-01`, -1);
    } else if (this.past) [from, to] = [addDays(today, -366), today];
    else [from, to] = [today, addDays(today, 366)];
    return `${from}|${to}|${this.kind}`;
  }

  private async load(key: string): Promise<void> {
    const load = ++this.loads;
    this.loadedKey = key;
    this.loading = true;
    this.alert = '';
    const [from, to, kind] = key.split('|');
    const query = new URLSearchParams({ from: from!, to: to! });
    if (kind) query.set('kind', kind);
    try {
      const items = await request<PublicEvent[]>(`${this.base}/api/events?${query}`);
      if (load !== this.loads) return;
      this.items = items;
      this.writeJsonLd();
    } catch (err) {
      if (load !== this.loads) return;
      const e = err instanceof ApiError ? err : new ApiError(0, undefined);
      this.alert = errorText(e, this.i18n.lang, this.i18n.t);
      this.loadedKey = '';
    } finally {
      if (load === this.loads) this.loading = false;
    }
  }

  /** The events on screen as JSON-LD, in a light-DOM child the element owns. */
  private writeJsonLd(): void {
    if (!this.items) return;
    let script = this.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"][data-ecam-agenda]');
    if (!script) {
      script = document.createElement('script');
      script.type = 'application/ld+json';
      script.dataset.ecamAgenda = '';
      this.append(script);
    }
    const data = eventsJsonLd(this.items, { organizer: this.organizer ?? 'ECAM', page: (slug) => eventPage(this.eventUrl, slug) });
    script.textContent = scriptJson(data);
  }

  /** What the list or month shows: upcoming ones first in the list, the latest first among the past. */
  private get shown(): PublicEvent[] {
    const items = this.items ?? [];
    if (this.mode === 'month') return items;
    return this.past ? items.filter((e) => e.phase === 'held').reverse() : items.filter((e) => e.phase !== 'held');
  }

  private handleKind(e: Event): void {
    this.kind = (e.target as HTMLSelectElement).value;
  }

  private handleWhen(e: Event): void {
    this.past = (e.target as HTMLInputElement).value === 'past';
  }

  private handleRetry(): void {
    void this.load(this.rangeKey());
  }

  private monthName(month: string): string {
    return new Intl.DateTimeFormat(this.i18n.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));
  }

  private statusText(): string {
    const t = this.i18n.t;
    if (this.loading) return t.loading;
    if (!this.items || this.alert) return '';
    const n = this.shown.length;
    if (this.mode === 'month') return t.countMonth(n, this.monthName(this.month));
    return this.past ? t.countPast(n) : t.countUpcoming(n);
  }

  private renderFilters(): TemplateResult {
    const t = this.i18n.t;
    return html`<form part="filters" class="filters" role="search" aria-label=${t.filtersLabel} @submit=${(e: Event) => e.preventDefault()}>
      <div class="field">
        <label for="kind">${t.kindFilter}</label>
        <select id="kind" name="kind" .value=${this.kind} @change=${this.handleKind}>
          <option value="" ?selected=${!this.kind}>${t.allKinds}</option>
          ${KIND_LIST.map((k) => html`<option value=${k} ?selected=${this.kind === k}>${t.kind(k)}</option>`)}
        </select>
      </div>
      ${this.mode === 'list'
        ? html`<fieldset class="when">
            <legend>${t.show}</legend>
            <div class="options">
              ${(['upcoming', 'past'] as const).map(
                (w) => html`<div class="option">
                  <input type="radio" id="when-${w}" name="when" value=${w} .checked=${this.past === (w === 'past')} @change=${this.handleWhen} />
                  <label for="when-${w}">${t[w]}</label>
                </div>`,
              )}
            </div>
          </fieldset>`
        : nothing}
    </form>`;
  }

  private renderBadges(e: PublicEvent): TemplateResult {
    const t = this.i18n.t;
    return html`<p class="badges">
      <span part="badge" class="badge">${t.kind(e.kind)}</span>
      ${e.state === 'cancelled'
        ? html`<span part="badge" class="badge cancelled">${t.cancelled}</span>`
        : html`<span part="badge" class="badge">${t.phase(e.phase)}</span>`}
    </p>`;
  }

  private renderEvent(e: PublicEvent): TemplateResult {
    const { t, lang } = this.i18n;
    const id = `e-${e.slug}`;
    const page = eventPage(this.eventUrl, e.slug);
    const r = e.registration;
    const live = e.state === 'published' && e.phase !== 'held';
    return html`<li>
      <article part="event" class=${e.state === 'cancelled' ? 'cancelled' : ''} aria-labelledby=${id}>
        <h3 id=${id}>${page ? html`<a href=${page}>${e.title}</a>` : e.title}</h3>
        ${this.renderBadges(e)}
        <dl>
          <dt>${t.whenLabel}</dt>
          <dd>${formatRange(e, lang)}</dd>
          ${e.place ? html`<dt>${t.placeLabel}</dt><dd>${e.place}</dd>` : nothing}
          ${e.onlineUrl ? html`<dt>${t.onlineLabel}</dt><dd class="url">${e.onlineUrl}</dd>` : nothing}
        </dl>
        ${e.summary ? html`<p class="abstract">${e.summary}</p>` : nothing}
        ${live && r?.open
          ? html`<p>${r.remaining === 0 && r.waitlist ? t.waitlistOpen : t.registrationOpen(r.remaining)}</p>`
          : nothing}
        ${live && e.questions ? html`<p>${t.questionsOpen}</p>` : nothing}
        <p class="links">
          ${page ? html`<a href=${page}>${t.more}<span class="visually-hidden">${t.moreAbout(e.title)}</span></a>` : nothing}
          <a href=${icsUrl(this.base, e.slug)} download="${e.slug}.ics"
            >${t.addToCalendar}<span class="visually-hidden">${t.addToCalendarOf(e.title)}</span></a
          >
        </p>
      </article>
    </li>`;
  }

  private renderMonth(): TemplateResult {
    const { t, lang } = this.i18n;
    const name = this.monthName(this.month);
    const today = bogotaDate(new Date().toISOString());
    const byDay = new Map<string, PublicEvent[]>();
    for (const e of this.items ?? []) {
      // An event spanning several days appears on each of them within the month.
      for (let d = bogotaDate(e.startsAt), end = bogotaDate(e.endsAt); d <= end; d = addDays(d, 1)) {
        if (d.startsWith(this.month)) byDay.set(d, [...(byDay.get(d) ?? []), e]);
      }
    }
    const weekday = (d: number, style: 'long' | 'short') =>
      new Intl.DateTimeFormat(localeOf(lang), { weekday: style, timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + d, 12)));
    const dayLabel = (d: string) =>
      new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${d}T12:00:00Z`));
    return html`<div class="month-nav">
        <button type="button" part="button" @click=${() => (this.month = shiftMonth(this.month, -1))}>
          <span aria-hidden="true">‹</span> ${t.previousMonth}
        </button>
        <button type="button" part="button" @click=${() => (this.month = today.slice(0, 7))}>${t.thisMonth}</button>
        <button type="button" part="button" @click=${() => (this.month = shiftMonth(this.month, 1))}>
          ${t.nextMonth} <span aria-hidden="true">›</span>
        </button>
      </div>
      <table part="month" class="month">
        <caption>
          <h2>${t.monthCaption(name)}</h2>
        </caption>
        <thead>
          <tr>
            ${[0, 1, 2, 3, 4, 5, 6].map((d) => html`<th scope="col"><abbr title=${weekday(d, 'long')}>${weekday(d, 'short')}</abbr></th>`)}
          </tr>
        </thead>
        <tbody>
          ${monthWeeks(this.month).map(
            (week) => html`<tr>
              ${week.map((d) => {
                if (!d) return html`<td class="pad"></td>`;
                const events = byDay.get(d) ?? [];
                return html`<td part="day" class=${d === today ? 'today' : ''} aria-current=${d === today ? 'date' : nothing}>
                  <span class="num"><span aria-hidden="true">${Number(d.slice(8))}</span><span class="visually-hidden">${dayLabel(d)}</span></span>
                  ${events.length
                    ? html`<ul>
                        ${events.map((e) => {
                          const page = eventPage(this.eventUrl, e.slug);
                          const label = html`${bogotaDate(e.startsAt) === d ? html`<span class="time">${formatTime(e.startsAt, lang)}</span> ` : nothing}${e.state === 'cancelled'
                            ? html`<span class="visually-hidden">${t.cancelled}: </span>`
                            : nothing}${e.title}`;
                          return html`<li class=${e.state === 'cancelled' ? 'cancelled' : ''}>
                            ${page ? html`<a href=${page}>${label}</a>` : html`<a href="#e-${e.slug}" @click=${(ev: Event) => this.focusEvent(ev, e.slug)}>${label}</a>`}
                          </li>`;
                        })}
                      </ul>`
                    : nothing}
                </td>`;
              })}
            </tr>`,
          )}
        </tbody>
      </table>
      ${this.shown.length
        ? html`<h2 class="list-title">${t.monthEvents(name)}</h2>
            <ul part="list" class="events">${this.shown.map((e) => this.renderEvent(e))}</ul>`
        : nothing}`;
  }

  /** Without an event page, a day's link scrolls to the event's details below the month. */
  private focusEvent(ev: Event, slug: string): void {
    ev.preventDefault();
    const target = this.renderRoot.querySelector<HTMLElement>(`#e-${CSS.escape(slug)}`);
    target?.setAttribute('tabindex', '-1');
    target?.focus();
  }

  private renderSubscribe(): TemplateResult {
    const t = this.i18n.t;
    const feed = `${this.base}/api/events.ics`;
    const webcal = feed.replace(/^https?:/, 'webcal:');
    return html`<section part="subscribe" class="subscribe notice" aria-labelledby="subscribe-title">
      <h2 id="subscribe-title">${t.subscribeTitle}</h2>
      <p>${t.subscribeText}</p>
      <p class="links">
        <a href=${webcal}>${t.subscribe}</a>
        <a href=${feed} download="eventos.ics">${t.download}</a>
      </p>
      <p>${t.feedAddress} <code class="url">${feed}</code></p>
    </section>`;
  }

  override render(): TemplateResult {
    const t = this.i18n.t;
    const mode = this.mode;
    // The subscription comes before the events: what loads late goes last, moving nothing.
    return html`${this.renderFilters()} ${this.renderSubscribe()}
      <p part="status" class="status" role="status" aria-live="polite">${this.statusText()}</p>
      <div class="alert ${this.alert ? 'shown' : ''}" part="alert" role="alert">${this.alert}</div>
      ${this.alert ? html`<div><button type="button" part="button" @click=${this.handleRetry}>${t.retry}</button></div>` : nothing}
      ${this.items && !this.alert
        ? mode === 'month'
          ? this.renderMonth()
          : this.shown.length
            ? html`<ul part="list" class="events" aria-label=${t.listLabel(!this.past)}>${this.shown.map((e) => this.renderEvent(e))}</ul>`
            : nothing
        : nothing}`;
  }
}

if (!customElements.get('ecam-agenda')) customElements.define('ecam-agenda', EcamAgenda);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-agenda': EcamAgenda;
  }
}

