/**
 * What the pages of one event share: loading it, its heading with kind, dates and state, and the
 * links between its pages (details, registrations, questions, results).
 */
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TIME_ZONE } from '../shared/format.ts';
import { I18nController, localeOf, type Lang } from '../shared/i18n.ts';
import type { EventPage } from './events-route.ts';
import type { PlanEvent } from './events-model.ts';
import { eventsMessages } from './messages-events.ts';
import { AdminView, errorMessage } from './view.ts';

/** An event's start and end in Bogotá, the day said once when it is the same: "6 de enero de 2027, 9:00 a. m. – 12:00 p. m.". */
export function formatSpan(startsAt: string, endsAt: string, lang: Lang): string {
  const f = new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'long', timeStyle: 'short', timeZone: TIME_ZONE });
  return f.formatRange(new Date(startsAt), new Date(endsAt));
}

/** The tools' icons, decoration beside their words (never alone): registration, questions, survey, chat. */
const ICON_PATHS = {
  registration: 'M9 2h6v2h3a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3V2zm0 9v2h6v-2H9zm0 4v2h4v-2H9z',
  questions: 'M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm-1 14v2h2v-2h-2zm1-10a4 4 0 0 0-4 4h2a2 2 0 1 1 2 2h-1v3h2v-1.2A4 4 0 0 0 12 6z',
  survey: 'M4 20V10h4v10H4zm6 0V4h4v16h-4zm6 0v-7h4v7h-4z',
  chat: 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z',
} as const;
export type ToolIcon = keyof typeof ICON_PATHS;

export function toolIcon(name: ToolIcon): TemplateResult {
  return html`<svg class="icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path fill="currentColor" d=${ICON_PATHS[name]}></path></svg>`;
}

/** Styles of the plan's views on top of the staff page's. */
export const eventStyles = css`
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .icon {
    vertical-align: -0.2em;
    color: var(--ecam-primary);
  }
  .subnav ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0 0 1rem;
    padding: 0;
    list-style: none;
  }
  .subnav a[aria-current='page'] {
    font-weight: 700;
    text-decoration-thickness: 3px;
  }
  .badge {
    display: inline-block;
    padding: 0 0.4rem;
    border: 1px solid currentColor;
    border-radius: 0.25rem;
    font-size: 0.9em;
  }
  select,
  input,
  textarea {
    max-width: 100%;
  }
  .status-line {
    color: var(--ecam-muted, inherit);
  }
`;

/** The base of an event's pages: `eventId` is set by `<ecam-admin>` from the address. */
export class EventPageView extends AdminView {
  static override styles = [...AdminView.styles, eventStyles];

  protected ev = new I18nController(this, eventsMessages);

  /** The event's number (0: a new one). */
  @property({ type: Number }) eventId = 0;

  @state() protected event?: PlanEvent;
  @state() protected loadError = '';

  /** Which page this is, for the links between pages. */
  protected page: EventPage = 'editar';

  protected override willUpdate(changed: PropertyValues): void {
    // The first load starts inside the first update (the properties from <ecam-admin> are set by then).
    if (changed.has('eventId')) void this.load();
  }

  protected async load(): Promise<void> {
    this.loadError = '';
    if (!this.eventId) return;
    try {
      this.event = await this.api.get<PlanEvent>(`/events/${this.eventId}`);
      await this.loaded();
    } catch (err) {
      this.loadError = errorMessage(err);
    }
  }

  /** Loads what the page shows besides the event. */
  protected async loaded(): Promise<void> {}

  /** The event's heading, state line and the links between its pages. */
  protected renderHeader(e: PlanEvent | undefined, heading?: string): TemplateResult {
    const { t, lang } = this.ev;
    const year = e ? Number(e.startsAt.slice(0, 4)) : new Date().getFullYear();
    const pages: [EventPage, string][] = [
      ['editar', t.pageEdit],
      ['inscripciones', t.pageRegistrations],
      ['preguntas', t.pageQuestions],
      ['memoria', t.pageResults],
    ];
    return html`<p><a href="#/participacion?anio=${year}">${t.backToPlan(year)}</a></p>
      <h1 tabindex="-1">${heading ?? e?.title ?? t.loadingEvent}</h1>
      ${e
        ? html`<p class="status-line">
              ${t.kind(e.kind)} · ${formatSpan(e.startsAt, e.endsAt, lang)} ·
              <span class="badge">${t.stateLine(t.state(e.state), t.phase(e.phase))}</span>
            </p>
            <nav class="subnav" aria-label=${t.eventPages}>
              <ul>
                ${pages.map(
                  ([page, label]) => html`<li>
                    <a href="#/evento/${e.id}/${page}" aria-current=${page === this.page ? 'page' : nothing}>${label}</a>
                  </li>`,
                )}
              </ul>
            </nav>`
        : nothing}
      <div class="alert" role="alert">${this.loadError}</div>
      ${!e && !this.loadError && this.eventId ? html`<p role="status">${t.loadingEvent}</p>` : nothing}`;
  }
}
