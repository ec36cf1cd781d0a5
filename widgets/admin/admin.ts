import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SessionInfo } from '../../api/admin/schemas.ts';
import { apiBase } from '../shared/api.ts';
import { I18nController, type Lang } from '../shared/i18n.ts';
import { tokens } from '../shared/styles.ts';
import { adminStyles } from './admin.styles.ts';
import { AdminApi } from './api.ts';
import { messages, type NavView } from './messages.ts';
import { errorMessage } from './view.ts';
import { eventPageTitle, parseEventArg } from './events-route.ts';
import type { AdminView } from './view.ts';
import './account.ts';
import './audit.ts';
import './privacy.ts';
import './inbox.ts';
import './login.ts';
import type { EcamAdminLoginEvent } from './login.ts';
import './request.ts';
import './settings.ts';
import './users.ts';

export type ViewName =
  | 'bandeja'
  | 'solicitud'
  | 'reportes'
  | 'encuestas'
  | 'encuesta'
  | 'auditoria'
  | 'datos'
  | 'ajustes'
  | 'usuarios'
  | 'cuenta'
  | 'chat'
  | 'conversaciones'
  | 'respuestas'
  | 'calificaciones'
  | 'buzon'
  | 'insertar'
  | 'verbal'
  | 'avisos'
  | 'participacion'
  | 'evento';

/** The pages of one survey: `#/encuesta/12/editar`, `#/encuesta/12/vista-previa`, `#/encuesta/12/resultados`. */
const SURVEY_PAGES = {
  editar: 'Encuesta',
  'vista-previa': 'Vista previa de la encuesta',
  resultados: 'Resultados de la encuesta',
} as const;
export type SurveyPage = keyof typeof SURVEY_PAGES;

/** `12/editar` as the survey's id and page, or null. */
export function parseSurveyArg(arg: string): { id: number; page: SurveyPage } | null {
  const m = /^([1-9]\d{0,9})\/([a-z-]+)$/.exec(arg);
  if (!m || !(m[2]! in SURVEY_PAGES)) return null;
  return { id: Number(m[1]), page: m[2] as SurveyPage };
}

/** Where the page is: `#/solicitud/ECAM-2026-000001`, `#/bandeja?tipo=queja`. */
interface Route {
  view: ViewName;
  /** The part after the view (a radicado). */
  arg: string;
  /** The query after `?` (inbox filters). */
  params: string;
}

/** The sections in the navigation, in order; `admin` ones are hidden from funcionarios. */
const SECTIONS: { view: NavView; label: string; admin?: boolean }[] = [
  { view: 'bandeja', label: 'Bandeja' },
  { view: 'verbal', label: 'Radicar petición verbal' },
  { view: 'chat', label: 'Chat' },
  { view: 'buzon', label: 'Buzón' },
  { view: 'conversaciones', label: 'Conversaciones' },
  { view: 'reportes', label: 'Reportes' },
  { view: 'avisos', label: 'Avisos' },
  { view: 'participacion', label: 'Participación' },
  { view: 'encuestas', label: 'Encuestas' },
  { view: 'insertar', label: 'Insertar en su sitio' },
  { view: 'auditoria', label: 'Auditoría', admin: true },
  { view: 'datos', label: 'Datos personales', admin: true },
  { view: 'ajustes', label: 'Ajustes', admin: true },
  { view: 'usuarios', label: 'Usuarios', admin: true },
  { view: 'cuenta', label: 'Mi cuenta' },
];

const TITLES: Record<ViewName, string> = {
  bandeja: 'Bandeja de solicitudes',
  solicitud: 'Solicitud',
  reportes: 'Reporte de PQRSD',
  encuestas: 'Encuestas',
  encuesta: 'Encuesta',
  auditoria: 'Registro de auditoría',
  datos: 'Datos personales',
  ajustes: 'Ajustes',
  usuarios: 'Usuarios',
  cuenta: 'Mi cuenta',
  chat: 'Chat con la ciudadanía',
  conversaciones: 'Conversaciones del chat',
  respuestas: 'Respuestas predefinidas',
  calificaciones: 'Calificaciones del chat',
  buzon: 'Buzón de contacto',
  insertar: 'Insertar en su sitio',
  verbal: 'Radicar petición verbal',
  avisos: 'Avisos publicados',
  participacion: 'Plan de participación',
  evento: 'Evento',
};

/** The chat and mailbox views, each fetched the first time it is opened. */
const CHAT_CHUNKS: Partial<Record<ViewName, () => Promise<unknown>>> = {
  chat: () => import('./chat.ts'),
  conversaciones: () => import('./chat-transcripts.ts'),
  respuestas: () => import('./chat-canned.ts'),
  calificaciones: () => import('./chat-ratings.ts'),
  buzon: () => import('./mailbox.ts'),
};

const DEFAULT_HASH = '#/bandeja';

/** Where the staff page remembers the language chosen with its switch. */
const LANG_KEY = 'ecam-admin-lang';

function savedLang(): Lang | undefined {
  try {
    const lang = localStorage.getItem(LANG_KEY);
    return lang === 'es' || lang === 'en' ? lang : undefined;
  } catch {
    return undefined;
  }
}

/** The route of a location hash, or null for anything else. */
export function parseRoute(hash: string): Route | null {
  const m = /^#\/([a-z]+)(?:\/([^?]*))?(?:\?(.*))?$/.exec(hash);
  if (!m || !(m[1]! in TITLES)) return null;
  const view = m[1] as ViewName;
  let arg = '';
  try {
    arg = decodeURIComponent(m[2] ?? '');
  } catch {
    return null;
  }
  if (view === 'solicitud' && !arg) return null;
  if (view === 'encuesta' && !parseSurveyArg(arg)) return null;
  if (view === 'evento' && !parseEventArg(arg)) return null;
  return { view, arg, params: m[3] ?? '' };
}

/**
 * The staff page: login, then the inbox, a request's page with its actions, reports, audit log,
 * settings and users, each at its own address (`#/bandeja`, `#/solicitud/<radicado>`, …) so the
 * browser's back button and bookmarks work. Same origin as the API.
 *
 * @summary Administración de ECAM Participa.
 */
export class EcamAdmin extends LitElement {
  static override styles = [
    tokens,
    adminStyles,
    css`
      :host {
        min-height: 100vh;
        /* Important, as the tokens paint every widget's host with --ecam-surface. */
        background-color: var(--ecam-page) !important;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        align-items: center;
        padding: 0.5rem 1rem;
        background: var(--ecam-heading);
        color: var(--ecam-surface);
      }
      .bar p {
        margin: 0;
      }
      .brand {
        font-weight: 700;
        margin-right: auto !important;
      }
      .lang {
        display: flex;
        gap: 0.25rem;
      }
      .lang button[aria-pressed='true'] {
        background: var(--ecam-surface);
        color: var(--ecam-heading);
      }
      .bar button {
        border-color: var(--ecam-surface);
        background: transparent;
        color: var(--ecam-surface);
      }
      .bar :focus-visible {
        box-shadow: 0 0 0 3px var(--ecam-heading), 0 0 0 6px var(--ecam-surface);
      }
      nav {
        background: var(--ecam-surface);
        border-bottom: 1px solid var(--ecam-rule);
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        margin: 0 auto;
        padding: 0.5rem 1rem;
        list-style: none;
        max-width: 80rem;
      }
      nav a {
        display: inline-block;
        padding: 0.375rem 0.25rem;
        font-weight: 600;
      }
      nav a[aria-current='page'] {
        color: var(--ecam-heading);
        text-decoration-thickness: 3px;
      }
      main {
        max-width: 80rem;
        margin: 0 auto;
        padding: 1rem;
        background: var(--ecam-surface);
      }
      .skip {
        position: absolute;
        left: -9999px;
      }
      /* A view that prints (the constancia of a verbal petition) prints without the page's frame. */
      @media print {
        .bar,
        nav,
        .skip {
          display: none !important;
        }
        main {
          max-width: none;
          padding: 0;
        }
      }
      .skip:focus {
        left: 1rem;
        top: 0.5rem;
        z-index: 1;
        background: var(--ecam-surface);
        color: var(--ecam-primary);
      }
    `,
  ];

  private i18n = new I18nController(this, messages);

  /** Undefined while the session is being checked; null when nobody is signed in. */
  @state() private session?: SessionInfo | null;
  @state() private route: Route = parseRoute(location.hash) ?? { view: 'bandeja', arg: '', params: '' };
  /** Said on the login page: the session ended, or the person logged out. */
  @state() private notice = '';
  @state() private startError = '';

  /** Origin of the API; defaults to the server this code was loaded from (the page's own). */
  @property({ attribute: 'api-base' }) apiBase?: string;

  private api!: AdminApi;
  /** Views fetched the first time someone opens them (reports and survey results bring Chart.js). */
  private chunks = new Map<string, Promise<unknown>>();
  /** Set when the next render should put the focus on the page's heading. */
  private focusPending = false;

  override connectedCallback(): void {
    // The language chosen last time, before the first render (the page itself says Spanish).
    const lang = savedLang();
    if (lang) document.documentElement.lang = lang;
    super.connectedCallback();
    this.api ??= new AdminApi(apiBase(this.apiBase), () => this.sessionLost());
    window.addEventListener('hashchange', this.handleHashChange);
    this.handleHashChange();
    void this.checkSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.handleHashChange);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('route') || changed.has('session')) && this.session) {
      const r = this.route;
      if (r.view === 'reportes') this.loadChunk('reports', () => import('./reports.ts'));
      else if (r.view === 'encuesta' && parseSurveyArg(r.arg)?.page === 'resultados') {
        this.loadChunk('survey-results', () => import('./surveys-results.ts'));
      } else if (r.view === 'encuestas' || r.view === 'encuesta') this.loadChunk('surveys', () => import('./surveys.ts'));
      else if (CHAT_CHUNKS[r.view]) this.loadChunk(r.view, CHAT_CHUNKS[r.view]!);
      else if (r.view === 'insertar') this.loadChunk('embed', () => import('./embed.ts'));
      else if (r.view === 'verbal') this.loadChunk('verbal', () => import('./verbal.ts'));
      else if (r.view === 'avisos') this.loadChunk('notices', () => import('./notices.ts'));
      else if (r.view === 'participacion' || r.view === 'evento') this.loadChunk('events', () => import('./events.ts'));
    }
  }

  /** Starts fetching a lazily loaded view once; a failure is told, and the next visit tries again. */
  private loadChunk(name: string, load: () => Promise<unknown>): void {
    if (this.chunks.has(name)) return;
    this.startError = '';
    this.chunks.set(
      name,
      load().catch((err: unknown) => {
        this.chunks.delete(name);
        this.startError = errorMessage(err);
      }),
    );
  }

  protected override updated(): void {
    this.updateTitle();
    if (this.focusPending) {
      this.focusPending = false;
      void this.focusHeading();
    }
  }

  private async checkSession(): Promise<void> {
    this.startError = '';
    try {
      this.session = await this.api.session();
    } catch (err) {
      this.startError = errorMessage(err);
    }
  }

  private sessionLost(): void {
    if (!this.session) return;
    this.session = null;
    this.notice = this.i18n.t.sessionEnded;
    this.focusPending = true;
  }

  private handleHashChange = (): void => {
    const next = parseRoute(location.hash);
    if (!next) {
      // An unknown address (or none) shows the inbox, without a second history entry.
      history.replaceState(null, '', `${location.pathname}${location.search}${DEFAULT_HASH}`);
      this.setRoute({ view: 'bandeja', arg: '', params: '' });
      return;
    }
    this.setRoute(next);
  };

  private setRoute(next: Route): void {
    const prev = this.route;
    // A new page (not just other filters) is announced by moving the focus to its heading.
    if (this.hasUpdated && (prev.view !== next.view || prev.arg !== next.arg)) this.focusPending = true;
    this.route = next;
  }

  private handleLogin(e: EcamAdminLoginEvent): void {
    this.session = e.detail;
    this.notice = '';
    this.focusPending = true;
  }

  private async handleLogout(): Promise<void> {
    try {
      await this.api.logout();
    } catch {
      // Whatever the server says, this page forgets the session; the cookie dies with it or on expiry.
    }
    this.session = null;
    this.notice = this.i18n.t.loggedOut;
    this.focusPending = true;
  }

  private async focusHeading(): Promise<void> {
    await this.updateComplete;
    const main = this.renderRoot.querySelector('main');
    const view = Array.from(main?.children ?? []).find((el) => el.localName.startsWith('ecam-admin-')) as AdminView | undefined;
    if (view) {
      await customElements.whenDefined(view.localName);
      await view.focusHeading();
    } else {
      main?.querySelector<HTMLElement>('h1')?.focus();
    }
  }

  /** A button rather than a link: the page's addresses are its routes, and the target is in shadow DOM. */
  private handleSkip(): void {
    void this.focusHeading();
  }

  /** The switch in the header: the whole page (every view) follows `<html lang>`, remembered here. */
  private handleLang(lang: Lang): void {
    document.documentElement.lang = lang;
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // Storage disabled: the choice lasts until the page is reloaded.
    }
  }

  private updateTitle(): void {
    const r = this.route;
    const t = this.i18n.t;
    const survey = r.view === 'encuesta' ? parseSurveyArg(r.arg) : null;
    const event = r.view === 'evento' ? parseEventArg(r.arg) : null;
    const page = !this.session
      ? t.signIn
      : r.view === 'solicitud'
        ? t.request(r.arg)
        : survey
          ? t.title(survey.page, SURVEY_PAGES[survey.page])
          : event
            ? eventPageTitle(event.page, this.i18n.lang)
            : t.title(r.view, TITLES[r.view]);
    document.title = t.pageTitle(page);
  }

  private renderView(user: SessionInfo['user']): TemplateResult {
    const r = this.route;
    const section = SECTIONS.find((s) => s.view === r.view);
    if (section?.admin && user.role !== 'admin') {
      const t = this.i18n.t;
      return html`<div>
        <h1 tabindex="-1">${t.noPermission}</h1>
        <p>${t.adminsOnly} <a href=${DEFAULT_HASH}>${t.toInbox}</a>.</p>
      </div>`;
    }
    switch (r.view) {
      case 'bandeja':
        return html`<ecam-admin-inbox .api=${this.api} .user=${user} .params=${r.params}></ecam-admin-inbox>`;
      case 'solicitud':
        return html`<ecam-admin-request .api=${this.api} .user=${user} .radicado=${r.arg}></ecam-admin-request>`;
      case 'reportes':
        return html`<div class="alert" role="alert">${this.startError}</div>
          <ecam-admin-reports .api=${this.api} .user=${user}></ecam-admin-reports>`;
      case 'encuestas':
        return html`<div class="alert" role="alert">${this.startError}</div>
          <ecam-admin-surveys .api=${this.api} .user=${user}></ecam-admin-surveys>`;
      case 'encuesta': {
        const s = parseSurveyArg(r.arg)!;
        const tag =
          s.page === 'resultados'
            ? html`<ecam-admin-survey-results .api=${this.api} .user=${user} .surveyId=${s.id}></ecam-admin-survey-results>`
            : s.page === 'vista-previa'
              ? html`<ecam-admin-survey-preview .api=${this.api} .user=${user} .surveyId=${s.id}></ecam-admin-survey-preview>`
              : html`<ecam-admin-survey-builder .api=${this.api} .user=${user} .surveyId=${s.id}></ecam-admin-survey-builder>`;
        return html`<div class="alert" role="alert">${this.startError}</div>
          ${tag}`;
      }
      case 'auditoria':
        return html`<ecam-admin-audit .api=${this.api} .user=${user}></ecam-admin-audit>`;
      case 'datos':
        return html`<ecam-admin-privacy .api=${this.api} .user=${user}></ecam-admin-privacy>`;
      case 'ajustes':
        return html`<ecam-admin-settings .api=${this.api} .user=${user}></ecam-admin-settings>`;
      case 'usuarios':
        return html`<ecam-admin-users .api=${this.api} .user=${user}></ecam-admin-users>`;
      case 'cuenta':
        return html`<ecam-admin-account .api=${this.api} .user=${user}></ecam-admin-account>`;
      case 'chat':
        return html`<div class="alert" role="alert">${this.startError}</div>
          <ecam-admin-chat .api=${this.api} .user=${user}></ecam-admin-chat>`;
      case 'conversaciones':
        return html`<div class="alert" role="alert">${this.startError}</div>
          <ecam-admin-chat-transcripts .api=${this.api} .user=${user} .params=${r.params} .conversationId=${Number(r.arg) || 0}></ecam-admin-chat-transcripts>`;
      case 'respuestas':
        return html`<div class="alert" role="alert">${this.startError}</div>
          <ecam-admin-chat-canned .api=${this.api} .user=${user}></ecam-admin-chat-canned>`;
      case 'calificaciones':
        return html`<div class="alert" role="alert">${this.startError}</div>
          <ecam-admin-chat-ratings .api=${this.api} .user=${user}></ecam-admin-chat-ratings>`;
      case 'buzon':
        return html`<div class="alert" role="alert">${this.startError}</div>
          <ecam-admin-mailbox .api=${this.api} .user=${user} .params=${r.params} .messageId=${Number(r.arg) || 0}></ecam-admin-mailbox>`;
      case 'insertar':
        return html`<div class="alert" role="alert">${this.startError}</div>
          <ecam-admin-embed .api=${this.api} .user=${user}></ecam-admin-embed>`;
      case 'verbal':
        return html`<div class="alert" role="alert">${this.startError}</div>
          <ecam-admin-verbal .api=${this.api} .user=${user}></ecam-admin-verbal>`;
      case 'avisos':
        return html`<div class="alert" role="alert">${this.startError}</div>
          <ecam-admin-notices .api=${this.api} .user=${user}></ecam-admin-notices>`;
      case 'participacion':
        return html`<div class="alert" role="alert">${this.startError}</div>
          <ecam-admin-events .api=${this.api} .user=${user} .params=${r.params}></ecam-admin-events>`;
      case 'evento': {
        const e = parseEventArg(r.arg)!;
        const tag =
          e.page === 'inscripciones'
            ? html`<ecam-admin-event-registrations .api=${this.api} .user=${user} .eventId=${e.id}></ecam-admin-event-registrations>`
            : e.page === 'preguntas'
              ? html`<ecam-admin-event-questions .api=${this.api} .user=${user} .eventId=${e.id}></ecam-admin-event-questions>`
              : e.page === 'memoria'
                ? html`<ecam-admin-event-results .api=${this.api} .user=${user} .eventId=${e.id}></ecam-admin-event-results>`
                : html`<ecam-admin-event-editor .api=${this.api} .user=${user} .eventId=${e.id}></ecam-admin-event-editor>`;
        return html`<div class="alert" role="alert">${this.startError}</div>
          ${tag}`;
      }
    }
  }

  private renderNav(user: SessionInfo['user']): TemplateResult {
    const v = this.route.view;
    const current = v === 'solicitud' ? 'bandeja' : v === 'encuesta' ? 'encuestas' : v === 'evento' ? 'participacion' : v === 'respuestas' || v === 'calificaciones' ? 'chat' : v;
    return html`<nav aria-label=${this.i18n.t.navLabel}>
      <ul>
        ${SECTIONS.filter((s) => !s.admin || user.role === 'admin').map(
          (s) => html`<li>
            <a href="#/${s.view}" aria-current=${s.view === current ? 'page' : nothing}>${this.i18n.t.section(s.view, s.label)}</a>
          </li>`,
        )}
      </ul>
    </nav>`;
  }

  override render(): TemplateResult {
    const s = this.session;
    const { t, lang } = this.i18n;
    return html`<button type="button" class="skip" @click=${this.handleSkip}>${t.skip}</button>
      <header class="bar">
        <p class="brand">${t.brand}</p>
        ${s
          ? html`<p>${t.sessionOf} <strong>${s.user.name}</strong> (${t.role(s.user.role)})</p>
              <button type="button" @click=${this.handleLogout}>${t.logout}</button>`
          : nothing}
        <div class="lang" role="group" aria-label=${t.language}>
          ${(['es', 'en'] as const).map(
            (l) => html`<button type="button" lang=${l} aria-pressed=${l === lang ? 'true' : 'false'} @click=${() => this.handleLang(l)}>
              ${l === 'es' ? 'Español' : 'English'}
            </button>`,
          )}
        </div>
      </header>
      ${s ? this.renderNav(s.user) : nothing}
      <main id="contenido">
        ${s
          ? this.renderView(s.user)
          : s === null
            ? html`<ecam-admin-login .api=${this.api} .notice=${this.notice} @ecam-admin-login=${this.handleLogin}></ecam-admin-login>`
            : html`<div>
                <h1 tabindex="-1">${t.admin}</h1>
                <div class="alert" role="alert">${this.startError}</div>
                ${this.startError
                  ? html`<button type="button" @click=${this.checkSession}>${t.retry}</button>`
                  : html`<p role="status">${t.loading}</p>`}
              </div>`}
      </main>`;
  }
}

if (!customElements.get('ecam-admin')) customElements.define('ecam-admin', EcamAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin': EcamAdmin;
  }
}
