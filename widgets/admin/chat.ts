import { css, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { CHAT_LIMITS } from '../../api/chat/limits.ts';
import type {
  AdminChatDetail,
  AdminChatList,
  CannedReply,
  ChatMe,
  ChatMessage,
  ChatMessageCreated,
  QueueItem,
  StaffChatEventMap,
  StaffChatEventName,
} from '../../api/chat/schemas.ts';
import { formatDateTime } from '../shared/format.ts';
import { I18nController } from '../shared/i18n.ts';
import { ApiError } from './api.ts';
import { chatMessages } from './chat-messages.ts';
import { chatStyles, renderEarlier, renderLog, waitedAgo } from './chat-shared.ts';
import { AdminView, NO_ERRORS, describedBy, errorMessage, fieldError, formAlert, formErrors, type FormErrors } from './view.ts';

/** After this long without a keystroke the citizen is told the official stopped typing. */
const TYPING_IDLE_MS = 3000;
/** Whether the sound alert is muted, kept in this browser. */
const MUTE_KEY = 'ecam-admin-chat-muted';

interface Assignee {
  id: number;
  username: string;
  name: string;
}

/** A conversation of mine, open in the console. */
interface Open {
  detail: AdminChatDetail;
  unread: number;
  citizenTyping: boolean;
  /** What I am writing to this person, kept while another conversation is shown. */
  draft: string;
  errors: FormErrors;
  busy: boolean;
}

/** A queued conversation, with the local time its wait was last reported (for the ticking wait). */
interface Waiting {
  item: QueueItem;
  seenAt: number;
}

/**
 * The agents' console: my availability, the waiting queue with live waiting times, and my
 * conversations side by side (each with its unread count), fed by the staff event stream
 * (`GET /api/admin/chat/events`, same origin, session cookie) while the view is open.
 *
 * @summary Consola del chat para el personal.
 */
export class EcamAdminChat extends AdminView {
  static override styles = [
    ...AdminView.styles,
    chatStyles,
    css`
      .top {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem 2rem;
        align-items: start;
        margin-bottom: 1rem;
      }
      .top fieldset {
        display: flex;
        gap: 1rem;
        flex-wrap: wrap;
      }
      .top nav ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.25rem;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(14rem, 20rem) 1fr;
        gap: 1.5rem;
      }
      @media (max-width: 50rem) {
        .layout {
          grid-template-columns: 1fr;
        }
      }
      ul.plain {
        list-style: none;
        margin: 0 0 1rem;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      ul.plain li {
        padding: 0.5rem;
        border: 1px solid var(--ecam-border);
        border-radius: var(--ecam-radius);
      }
      .tabs button {
        width: 100%;
        justify-content: space-between;
        gap: 0.5rem;
        text-align: left;
      }
      .tabs button[aria-current='true'] {
        background: var(--ecam-primary);
        color: var(--ecam-primary-contrast);
      }
      .badge {
        display: inline-block;
        min-width: 1.5rem;
        padding: 0 0.375rem;
        border-radius: 999px;
        background: var(--ecam-error);
        color: var(--ecam-surface);
        text-align: center;
      }
      .typing {
        min-height: 1.5rem;
        font-style: italic;
      }
      details {
        margin-top: 1rem;
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        color: var(--ecam-primary);
      }
    `,
  ];

  private i18n = new I18nController(this, chatMessages);

  @state() private me?: ChatMe;
  @state() private streamState: 'off' | 'connecting' | 'open' | 'lost' = 'off';
  @state() private queue: Waiting[] = [];
  @state() private open: Open[] = [];
  @state() private selected: number | null = null;
  @state() private canned: CannedReply[] = [];
  @state() private staff: Assignee[] = [];
  @state() private taking: number | null = null;
  @state() private error = '';
  /** What just happened (taken, transferred away, new message), read out politely. */
  @state() private notice = '';
  @state() private muted = localStorage.getItem(MUTE_KEY) === '1';
  /** Ticks every few seconds so waiting times move. */
  @state() private now = Date.now();

  private source?: EventSource;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private ticker?: ReturnType<typeof setInterval>;
  private typingTimer?: ReturnType<typeof setTimeout>;
  /** The conversation I last told that I am typing, if I still am. */
  private typingIn: number | null = null;
  private audio?: AudioContext;
  /** document.title before the unread count was put in it. */
  private baseTitle: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.handleVisibility);
    this.ticker = setInterval(() => (this.now = Date.now()), 10_000);
    if (this.hasUpdated) void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.handleVisibility);
    clearInterval(this.ticker);
    clearTimeout(this.retryTimer);
    this.stopTyping();
    this.closeStream();
    this.setUnreadTitle(0);
    void this.audio?.close();
    this.audio = undefined;
  }

  protected override firstUpdated(): void {
    void this.start();
  }

  /** Loads my state, conversations, canned replies and colleagues; opens the stream if I take chats. */
  private async start(): Promise<void> {
    this.error = '';
    try {
      await this.refresh();
      const [canned, staff] = await Promise.all([
        this.api.get<CannedReply[]>('/chat/canned'),
        this.api.get<Assignee[]>('/pqrs/assignees'),
      ]);
      this.canned = canned;
      this.staff = staff.filter((s) => s.id !== this.user.id);
    } catch (err) {
      this.error = errorMessage(err);
    }
    this.syncStream();
  }

  /** Re-reads my availability and my active conversations (on start and after every reconnection). */
  private async refresh(): Promise<void> {
    const [me, mine] = await Promise.all([
      this.api.get<ChatMe>('/chat/me'),
      this.api.get<AdminChatList>('/chat/conversations', { mine: 1, state: 'active' }),
    ]);
    this.me = me;
    const ids = new Set([...mine.items.map((c) => c.id), ...this.open.map((o) => o.detail.id)]);
    await Promise.all([...ids].map((id) => this.reload(id)));
    if (this.selected === null && this.open.length) this.selected = this.open[0]!.detail.id;
  }

  /** Fetches one conversation and puts it in my list (or updates it), keeping draft and unread. */
  private async reload(id: number): Promise<void> {
    this.keep(await this.api.get<AdminChatDetail>(`/chat/conversations/${id}`));
  }

  private keep(detail: AdminChatDetail): void {
    const id = detail.id;
    const mine = detail.agentId === this.user.id;
    const existing = this.open.find((o) => o.detail.id === id);
    if (!mine && !existing) return;
    if (existing) this.patch(id, { detail });
    else this.open = [...this.open, { detail, unread: 0, citizenTyping: false, draft: '', errors: NO_ERRORS, busy: false }];
  }

  private patch(id: number, change: Partial<Open>): void {
    this.open = this.open.map((o) => (o.detail.id === id ? { ...o, ...change } : o));
  }

  private find(id: number): Open | undefined {
    return this.open.find((o) => o.detail.id === id);
  }

  // ---- The event stream ---------------------------------------------------------------------

  /** The stream is open while I am available or still have conversations to finish. */
  private syncStream(): void {
    const wanted = !!this.me?.available || this.open.some((o) => o.detail.state === 'active');
    if (wanted && !this.source && this.isConnected) this.openStream();
    else if (!wanted) this.closeStream();
  }

  private openStream(): void {
    clearTimeout(this.retryTimer);
    const es = new EventSource(this.api.url('/chat/events'));
    this.source = es;
    this.streamState = 'connecting';
    es.addEventListener('open', () => {
      // Events before this moment (and during a reconnection) never arrive: the REST calls give the truth.
      this.streamState = 'open';
      void this.refresh().catch((err: unknown) => (this.error = errorMessage(err)));
    });
    es.addEventListener('error', () => {
      if (this.source !== es) return;
      this.streamState = 'lost';
      if (es.readyState === EventSource.CLOSED) {
        // The browser gave up (the session ended, or the server refused): check, then try again.
        this.source = undefined;
        this.retryTimer = setTimeout(() => void this.retry(), 3000);
      }
    });
    const on = <K extends StaffChatEventName>(name: K, handle: (data: StaffChatEventMap[K]) => void) =>
      es.addEventListener(name, (e) => {
        if (this.source !== es) return;
        try {
          handle(JSON.parse((e as MessageEvent<string>).data) as StaffChatEventMap[K]);
        } catch {
          // A malformed event is dropped; the next refresh brings the truth.
        }
      });
    on('queue', (d) => {
      const seenAt = Date.now();
      this.queue = d.waiting.map((item) => ({ item, seenAt }));
    });
    on('conversation', (d) => void this.handleConversation(d));
    on('message', (d) => this.handleMessage(d));
    on('typing', (d) => this.patch(d.conversationId, { citizenTyping: d.typing }));
    on('read', (d) => {
      const o = this.find(d.conversationId);
      if (o && d.seq > o.detail.citizenReadSeq) this.patch(d.conversationId, { detail: { ...o.detail, citizenReadSeq: d.seq } });
    });
  }

  private closeStream(): void {
    this.source?.close();
    this.source = undefined;
    this.streamState = 'off';
    this.queue = [];
  }

  private async retry(): Promise<void> {
    try {
      // A 401 here tells <ecam-admin> that the session is gone, which removes this view.
      await this.refresh();
      this.syncStream();
    } catch {
      this.retryTimer = setTimeout(() => void this.retry(), 10_000);
    }
  }

  private async handleConversation(d: StaffChatEventMap['conversation']): Promise<void> {
    const o = this.find(d.id);
    if (d.agentId !== null && d.agentId !== this.user.id && d.state !== 'closed') {
      // Transferred away (by me or an admin): it leaves my list.
      if (o) {
        this.open = this.open.filter((x) => x.detail.id !== d.id);
        if (this.selected === d.id) this.selected = this.open[0]?.detail.id ?? null;
        this.notice = this.i18n.t.transferred(this.who(o.detail), d.agentName ?? this.i18n.t.official);
        this.updateUnreadTitle();
      }
      return;
    }
    try {
      await this.reload(d.id);
    } catch (err) {
      this.error = errorMessage(err);
    }
    if (!o && this.find(d.id) && this.selected === null) this.selected = d.id;
    this.syncStream();
  }

  private handleMessage(d: StaffChatEventMap['message']): void {
    const { conversationId, ...m } = d;
    const o = this.find(conversationId);
    if (!o) return;
    const last = o.detail.messages[o.detail.messages.length - 1]?.seq ?? 0;
    if (m.seq <= last && o.detail.messages.some((x) => x.seq === m.seq)) return;
    if (m.seq > last + 1) {
      // A gap: something was missed, so the whole conversation is read again.
      void this.reload(conversationId).catch(() => undefined);
    } else {
      this.addMessage(conversationId, m);
    }
    if (m.author !== 'citizen') return;
    const seen = this.selected === conversationId && !document.hidden;
    const cur = this.find(conversationId)!;
    if (seen) {
      this.patch(conversationId, { citizenTyping: false });
      void this.markRead(conversationId, m.seq);
    } else {
      this.patch(conversationId, { unread: cur.unread + 1, citizenTyping: false });
      this.notice = this.i18n.t.newFrom(this.who(cur.detail));
      this.beep();
    }
    this.updateUnreadTitle();
  }

  private addMessage(id: number, m: ChatMessage): void {
    const o = this.find(id);
    if (!o || o.detail.messages.some((x) => x.seq === m.seq)) return;
    const messages = [...o.detail.messages, m].sort((a, b) => a.seq - b.seq);
    this.patch(id, { detail: { ...o.detail, messages } });
  }

  private async markRead(id: number, seq: number): Promise<void> {
    try {
      await this.api.send('POST', `/chat/conversations/${id}/read`, { seq });
    } catch {
      // Read receipts are a courtesy; the next one carries the same information.
    }
  }

  // ---- Alerts: title and sound --------------------------------------------------------------

  private handleVisibility = (): void => {
    if (document.hidden || this.selected === null) return;
    this.showConversation(this.selected);
  };

  private updateUnreadTitle(): void {
    this.setUnreadTitle(this.open.reduce((n, o) => n + o.unread, 0));
  }

  private setUnreadTitle(n: number): void {
    if (n > 0) {
      this.baseTitle ??= document.title;
      document.title = this.i18n.t.titleUnread(n);
    } else if (this.baseTitle !== null) {
      document.title = this.baseTitle;
      this.baseTitle = null;
    }
  }

  /**
   * A short soft tone, synthesised: there is no audio file to fetch. Browsers play it once the
   * person has interacted with the page (signing in, opening this view), which staff always have.
   */
  private beep(): void {
    if (this.muted || typeof AudioContext === 'undefined') return;
    let ctx: AudioContext;
    try {
      ctx = this.audio ??= new AudioContext();
    } catch {
      return; // No sound on this device: the title still counts the messages.
    }
    void ctx.resume().catch(() => undefined);
    const t0 = ctx.currentTime;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.setValueAtTime(880, t0);
    osc.frequency.setValueAtTime(660, t0 + 0.12);
    gain.gain.setValueAtTime(0.0001, t0);
    gain.gain.exponentialRampToValueAtTime(0.15, t0 + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.3);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t0);
    osc.stop(t0 + 0.32);
  }

  private handleMute(): void {
    this.muted = !this.muted;
    localStorage.setItem(MUTE_KEY, this.muted ? '1' : '0');
  }

  // ---- Actions ------------------------------------------------------------------------------

  private async handleAvailability(available: boolean): Promise<void> {
    this.error = '';
    try {
      const r = await this.api.send<{ available: boolean }>('PUT', '/chat/availability', { available });
      this.me = { available: r.available, connected: this.me?.connected ?? false };
    } catch (err) {
      this.error = errorMessage(err);
    }
    this.syncStream();
  }

  private async handleTake(item: QueueItem): Promise<void> {
    if (this.taking !== null) return;
    this.taking = item.id;
    this.error = '';
    try {
      this.keep(await this.api.send<AdminChatDetail>('POST', `/chat/conversations/${item.id}/take`));
      this.queue = this.queue.filter((w) => w.item.id !== item.id);
      this.notice = this.i18n.t.tookIt(item.name ?? this.i18n.t.noName);
      this.showConversation(item.id);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#composer')?.focus();
    } catch (err) {
      this.error = err instanceof ApiError && err.status === 409 ? `${this.i18n.t.takenByOther} ${errorMessage(err)}` : errorMessage(err);
    } finally {
      this.taking = null;
    }
  }

  /** Shows a conversation: its unread messages count as read, and the citizen is told so. */
  private showConversation(id: number): void {
    this.selected = id;
    const o = this.find(id);
    if (!o) return;
    const last = [...o.detail.messages].reverse().find((m) => m.author === 'citizen');
    if (o.unread || last) {
      this.patch(id, { unread: 0 });
      if (last && !document.hidden) void this.markRead(id, last.seq);
    }
    this.updateUnreadTitle();
  }

  private handleComposerInput(id: number, e: InputEvent): void {
    this.patch(id, { draft: (e.target as HTMLTextAreaElement).value });
    if (this.typingIn !== id) {
      this.stopTyping();
      this.typingIn = id;
      void this.api.send('POST', `/chat/conversations/${id}/typing`, { typing: true }).catch(() => undefined);
    }
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  private stopTyping(): void {
    clearTimeout(this.typingTimer);
    const id = this.typingIn;
    this.typingIn = null;
    if (id !== null) void this.api.send('POST', `/chat/conversations/${id}/typing`, { typing: false }).catch(() => undefined);
  }

  private handleComposerKey(e: KeyboardEvent): void {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      (e.target as HTMLTextAreaElement).form?.requestSubmit();
    }
  }

  private async handleSend(id: number, e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const o = this.find(id);
    if (!o || o.busy) return;
    const form = e.currentTarget as HTMLFormElement;
    const body = o.draft.trim();
    this.stopTyping();
    this.patch(id, { busy: true, errors: NO_ERRORS });
    try {
      const created = await this.api.send<ChatMessageCreated>('POST', `/chat/conversations/${id}/messages`, { body });
      this.addMessage(id, { seq: created.seq, at: created.at, author: 'staff', name: this.user.name, body });
      this.patch(id, { draft: '', busy: false });
    } catch (err) {
      const errors = formErrors(err);
      this.patch(id, { busy: false, errors });
      if (err instanceof ApiError && err.status === 409) void this.reload(id).catch(() => undefined);
      await this.focusProblem(form, errors);
    }
  }

  private async handleInsertCanned(id: number): Promise<void> {
    const select = this.renderRoot.querySelector<HTMLSelectElement>('#canned');
    const reply = this.canned.find((c) => String(c.id) === select?.value);
    const box = this.renderRoot.querySelector<HTMLTextAreaElement>('#composer');
    if (!reply || !box) return;
    const o = this.find(id)!;
    const at = box.selectionStart ?? o.draft.length;
    const end = box.selectionEnd ?? at;
    const draft = `${o.draft.slice(0, at)}${reply.body}${o.draft.slice(end)}`;
    this.patch(id, { draft });
    await this.updateComplete;
    box.focus();
    box.setSelectionRange(at + reply.body.length, at + reply.body.length);
  }

  private async handleAction(id: number, action: 'close' | 'transfer', body?: unknown): Promise<void> {
    const o = this.find(id);
    if (!o || o.busy) return;
    this.patch(id, { busy: true, errors: NO_ERRORS });
    try {
      const detail = await this.api.send<AdminChatDetail>('POST', `/chat/conversations/${id}/${action}`, body);
      if (action === 'transfer') {
        const to = this.staff.find((s) => s.id === (body as { staffId: number }).staffId);
        this.open = this.open.filter((x) => x.detail.id !== id);
        this.selected = this.open[0]?.detail.id ?? null;
        this.notice = this.i18n.t.transferred(this.who(o.detail), to?.name ?? this.i18n.t.official);
        await this.focusHeading();
      } else {
        this.keep(detail);
        this.patch(id, { busy: false });
      }
    } catch (err) {
      this.patch(id, { busy: false, errors: formErrors(err) });
    }
    this.updateUnreadTitle();
    this.syncStream();
  }

  private handleTransfer(id: number, e: SubmitEvent): void {
    e.preventDefault();
    const staffId = Number(new FormData(e.currentTarget as HTMLFormElement).get('staffId') || 0);
    void this.handleAction(id, 'transfer', { staffId });
  }

  private dismiss(id: number): void {
    this.open = this.open.filter((x) => x.detail.id !== id);
    this.selected = this.open[0]?.detail.id ?? null;
    this.updateUnreadTitle();
    void this.focusHeading();
  }

  private who(d: Pick<AdminChatDetail, 'name'>): string {
    return d.name ?? this.i18n.t.noName;
  }

  // ---- Rendering ----------------------------------------------------------------------------

  private renderTop(): TemplateResult {
    const t = this.i18n.t;
    const available = !!this.me?.available;
    const stream =
      this.streamState === 'open' ? t.streamOn : this.streamState === 'lost' ? t.streamLost : this.streamState === 'connecting' ? t.streamConnecting : '';
    return html`<div class="top">
      <fieldset>
        <legend>${t.myStatus}</legend>
        ${([true, false] as const).map(
          (v) => html`<div class="check">
            <input
              type="radio"
              name="availability"
              id="availability-${v ? 'on' : 'off'}"
              .checked=${available === v}
              ?disabled=${!this.me}
              aria-describedby="availability-hint"
              @change=${() => this.handleAvailability(v)}
            />
            <label for="availability-${v ? 'on' : 'off'}">${v ? t.available : t.away}</label>
          </div>`,
        )}
        <p class="hint" id="availability-hint">${t.availableHint}</p>
      </fieldset>
      <div>
        <p role="status">${stream || (this.me && !available ? t.awayNote : '')}</p>
        <button type="button" aria-pressed=${this.muted ? 'true' : 'false'} @click=${this.handleMute}>${t.mute}</button>
      </div>
      <nav aria-label=${t.consoleLinks}>
        <ul>
          <li><a href="#/respuestas">${t.linkCanned}</a></li>
          <li><a href="#/conversaciones">${t.linkTranscripts}</a></li>
          <li><a href="#/calificaciones">${t.linkRatings}</a></li>
        </ul>
      </nav>
    </div>`;
  }

  private renderQueue(): TemplateResult {
    const t = this.i18n.t;
    const locale = this.i18n.locale;
    const list = this.queue;
    return html`<section aria-labelledby="h-queue">
      <h2 id="h-queue">${t.queueTitle(list.length)}</h2>
      ${!this.source
        ? html`<p>${t.queueAway}</p>`
        : list.length
          ? html`<ul class="plain">
              ${list.map(({ item, seenAt }) => {
                const who = item.name ?? t.noName;
                const waited = item.waitingSeconds + Math.max(0, Math.floor((this.now - seenAt) / 1000));
                return html`<li>
                  <strong>${who}</strong>
                  <p class="text">${item.topic}</p>
                  <p class="hint">${t.waitingSince(waitedAgo(waited, t, locale))}</p>
                  <button type="button" class="primary" ?disabled=${this.taking !== null} @click=${() => this.handleTake(item)}>
                    ${this.taking === item.id ? t.taking : t.take}<span class="visually-hidden">${t.takeWho(who)}</span>
                  </button>
                </li>`;
              })}
            </ul>`
          : html`<p>${t.queueEmpty}</p>`}
    </section>`;
  }

  private renderMine(): TemplateResult {
    const t = this.i18n.t;
    return html`<section aria-labelledby="h-mine">
      <h2 id="h-mine">${t.mineTitle}</h2>
      ${this.open.length
        ? html`<ul class="plain tabs">
            ${this.open.map(
              (o) => html`<li>
                <button
                  type="button"
                  aria-current=${this.selected === o.detail.id ? 'true' : 'false'}
                  @click=${() => this.showConversation(o.detail.id)}
                >
                  <span>${this.who(o.detail)} · ${t.stateLabel(o.detail.state)}</span>
                  ${o.unread
                    ? html`<span class="badge" aria-hidden="true">${o.unread}</span><span class="visually-hidden">, ${t.unread(o.unread)}</span>`
                    : nothing}
                </button>
              </li>`,
            )}
          </ul>`
        : html`<p>${t.mineEmpty}</p>`}
    </section>`;
  }

  private renderConversation(o: Open): TemplateResult {
    const t = this.i18n.t;
    const lang = this.i18n.lang;
    const d = o.detail;
    const id = d.id;
    const who = this.who(d);
    const active = d.state === 'active';
    const bodyError = o.errors.fields.body;
    return html`<section class="panel" aria-labelledby="h-conversation">
      <h2 id="h-conversation" tabindex="-1">${t.conversationWith(who)}</h2>
      <dl>
        <dt>${t.topic}</dt>
        <dd class="text">${d.topic}</dd>
        <dt>${t.email}</dt>
        <dd>${d.email ?? t.noEmail}</dd>
        <dt>${t.started}</dt>
        <dd>${formatDateTime(d.createdAt, lang)}</dd>
      </dl>
      ${renderLog(d.messages, { citizenName: d.name, label: t.messagesLog(who), t, lang, readSeq: d.citizenReadSeq, live: true })}
      <p class="typing" role="status">${o.citizenTyping && active ? t.typing(who) : ''}</p>
      ${active
        ? html`<form id="send-form" novalidate @submit=${(e: SubmitEvent) => this.handleSend(id, e)}>
            ${formAlert(o.errors.alert)}
            <div class="field">
              <label for="composer">${t.composer}</label>
              <span class="hint" id="composer-hint">${t.composerHint}</span>
              ${fieldError('composer', bodyError)}
              <textarea
                id="composer"
                maxlength=${CHAT_LIMITS.body}
                .value=${o.draft}
                aria-invalid=${bodyError ? 'true' : 'false'}
                aria-describedby=${describedBy('composer', bodyError, 'composer-hint')}
                @input=${(e: InputEvent) => this.handleComposerInput(id, e)}
                @keydown=${this.handleComposerKey}
              ></textarea>
            </div>
            <div class="actions">
              <button type="submit" class="primary" ?disabled=${o.busy}>${o.busy ? t.sending : t.send}</button>
              ${this.canned.length
                ? html`<label for="canned">${t.canned}</label>
                    <select id="canned">
                      <option value="">${t.cannedNone}</option>
                      ${this.canned.map((c) => html`<option value=${String(c.id)}>${c.title}</option>`)}
                    </select>
                    <button type="button" @click=${() => this.handleInsertCanned(id)}>${t.insert}</button>`
                : html`<span class="hint">${t.noCanned} <a href="#/respuestas">${t.linkCanned}</a></span>`}
            </div>
          </form>
          <div class="actions">
            <button type="button" class="danger" ?disabled=${o.busy} @click=${() => this.handleAction(id, 'close')}>${t.close}</button>
          </div>
          <details>
            <summary>${t.transferTitle}</summary>
            ${this.staff.length
              ? html`<form class="filters" aria-label=${t.transferTitle} @submit=${(e: SubmitEvent) => this.handleTransfer(id, e)}>
                  <div class="field">
                    <label for="transfer-to">${t.transferTo}</label>
                    <select id="transfer-to" name="staffId">
                      ${this.staff.map((s) => html`<option value=${String(s.id)}>${s.name} (${s.username})</option>`)}
                    </select>
                  </div>
                  <div class="actions"><button type="submit" ?disabled=${o.busy}>${t.transferSubmit}</button></div>
                </form>`
              : html`<p>${t.noOtherStaff}</p>`}
          </details>`
        : html`<div class="status">${t.closed(t.closedByLabel(d.closedBy ?? 'staff'))}</div>
            <div class="actions"><button type="button" @click=${() => this.dismiss(id)}>${t.dismiss}</button></div>`}
      <h3>${t.convertTitle}</h3>
      <ecam-admin-convert .api=${this.api} .user=${this.user} .path=${`/chat/conversations/${id}`} .radicado=${d.radicado}></ecam-admin-convert>
      <h3>${t.earlierTitle}</h3>
      ${renderEarlier(d.earlier, t, lang)}
    </section>`;
  }

  override render(): TemplateResult {
    const t = this.i18n.t;
    const current = this.open.find((o) => o.detail.id === this.selected);
    return html`<h1 tabindex="-1">${t.consoleTitle}</h1>
      <div class="alert" role="alert">${this.error}</div>
      <p class="visually-hidden" role="status">${this.notice}</p>
      ${this.me ? this.renderTop() : html`<p>${t.loading}</p>`}
      <div class="layout">
        <div>${this.renderQueue()} ${this.renderMine()}</div>
        <div>${current ? this.renderConversation(current) : nothing}</div>
      </div>`;
  }
}

if (!customElements.get('ecam-admin-chat')) customElements.define('ecam-admin-chat', EcamAdminChat);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-chat': EcamAdminChat;
  }
}
