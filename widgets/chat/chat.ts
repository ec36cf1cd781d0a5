import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { CHAT_LIMITS as CL, MAILBOX_LIMITS as MB } from '../../api/chat/limits.ts';
import type {
  ChatConversation,
  ChatConvertedEvent,
  ChatEventMap,
  ChatMessage,
  ChatMessageCreated,
  ChatStarted,
  ChatStatus,
} from '../../api/chat/schemas.ts';
import type { PublicSettings } from '../../api/settings/schemas.ts';
import { ApiError, apiBase, request } from '../shared/api.ts';
import { saveBlob } from '../shared/download.ts';
import { draftKey, loadDraft, saveDraft, surveyKey } from '../shared/draft.ts';
import { focusAfterRender } from '../shared/focus.ts';
import { formStyles } from '../shared/form-styles.ts';
import { TIME_ZONE, formatDate, formatDateTime, formatWait } from '../shared/format.ts';
import { I18nController } from '../shared/i18n.ts';
import { tokens } from '../shared/styles.ts';
import { chatStyles } from './chat.styles.ts';
import { messages } from './messages.ts';
import { openStream } from '../shared/sse.ts';

/** The custom properties (`--ecam-…`) a page may set on `<ecam-chat>`; the panel takes them. */
const TOKENS = 'primary primary-contrast text heading muted border surface surface-alt error success font-family radius focus'.split(' ');

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Silence after which the official no longer sees "escribiendo". */
const TYPING_IDLE_MS = 4000;

/** What the citizen types, kept as a draft so a reload loses nothing (never consent). */
interface Draft {
  name: string;
  email: string;
  topic: string;
  subject: string;
  message: string;
  composer: string;
}
const EMPTY: Draft = { name: '', email: '', topic: '', subject: '', message: '', composer: '' };

/**
 * The status for an event's chat window (issue 12 contract, `GET /api/chat/status?event=`): the
 * reason `outside_event_window` and the event's window are added by the server of this round.
 */
type EventChatStatus = Omit<ChatStatus, 'reason'> & {
  reason: ChatStatus['reason'] | 'outside_event_window';
  event?: { slug: string; title: string; opensAt: string; closesAt: string };
};

type View = 'loading' | 'error' | 'prechat' | 'offline' | 'mailbox' | 'mailboxSent' | 'conversation';
type Session = { id: number; token: string };

const fid = (key: string) => `c-${key}`;

/**
 * The chat panel `<ecam-chat>` opens: pre-chat form with the data notice, the queue, the
 * conversation (live over SSE, resumed after a reload), the end with transcript and rating,
 * and the contact mailbox when nobody can answer. Message text is only ever bound as text.
 *
 * @summary Panel del chat con un funcionario y buzón de contacto.
 *
 * @csspart header - The title bar with the minimise button.
 * @csspart form - The pre-chat, mailbox and rating forms.
 * @csspart field - Each field wrapper (label, hint, control, message).
 * @csspart error - A message next to a field.
 * @csspart alert - Connection and server messages.
 * @csspart notice - The data notice and the long-wait notice.
 * @csspart log - The conversation's messages.
 * @csspart message - Each message.
 * @csspart composer - The message box.
 * @csspart button - Every button.
 * @csspart converted - The radicado and tracking code when the chat became a PQRSD.
 *
 * @cssproperty --ecam-primary - Title bar, buttons and links (default #3366CC).
 * @cssproperty --ecam-surface-alt - The citizen's messages and notices (default #F2F5FA).
 * @cssproperty --ecam-error - Error messages (default #A80521).
 * @cssproperty --ecam-radius - Corner radius (default 5px).
 */
export class EcamChatPanel extends LitElement {
  static override styles = [tokens, formStyles, chatStyles];
  // Reactive properties declared here rather than with decorators, whose helpers would cost
  // every page with a widget ~0.6 KB gzip (bench/sizes.ts). Internal state is `attribute: false`
  // (what `state: true` means to Lit, and what the manifest's analyzer reads).
  static override properties: PropertyDeclarations = {
    view: { attribute: false },
    status: { attribute: false },
    site: { attribute: false },
    conv: { attribute: false },
    values: { attribute: false },
    consent: { attribute: false },
    errors: { attribute: false },
    alert: { attribute: false },
    busy: { attribute: false },
    staffTyping: { attribute: false },
    readSeq: { attribute: false },
    connected: { attribute: false },
    waitedLong: { attribute: false },
    converted: { attribute: false },
    score: { attribute: false },
    comment: { attribute: false },
    note: { attribute: false },
    survey: { attribute: false },
    sentTo: { attribute: false },
    apiBase: { attribute: 'api-base' },
  };
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  private i18n = new I18nController(this, messages);

  private view: View = 'loading';
  private status?: EventChatStatus;
  private site?: PublicSettings;
  private conv?: ChatConversation;
  private values: Draft = { ...EMPTY };
  private consent = false;
  /** Messages per field (`topic`, `body`…), from the browser's checks or the server's 400. */
  private errors: Record<string, string> = {};
  private alert = '';
  private busy = false;
  private staffTyping = false;
  /** The official has read up to this seq. */
  private readSeq = 0;
  private connected = true;
  private waitedLong = false;
  private converted?: Partial<ChatConvertedEvent> & { radicado: string; trackingCode: string };
  private score = 0;
  private comment = '';
  /** Polite announcements: downloads, e-mail queued, copied. */
  private note = '';
  private survey: 'hidden' | 'loading' | 'shown' = 'hidden';
  private sentTo = '';

  /** Origin of the ECAM Participa API; the launcher passes its own. */
  apiBase?: string;

  /** The sessionStorage key of `{ id, token }`, from the launcher (`chatKey` in launcher.ts). */
  storageKey = 'ecam-chat';

  /** The event whose officials this chat is for: its launcher's `event` (`<ecam-chat event>`); empty: the entity's chat. */
  private get event(): string {
    const root = this.getRootNode();
    return (root instanceof ShadowRoot && root.host.getAttribute('event')) || '';
  }

  private session?: Session;
  private stream?: { close: () => void };
  private waitTimer?: ReturnType<typeof setTimeout>;
  private typingTimer?: ReturnType<typeof setTimeout>;
  private typingSent = false;
  private readSent = 0;
  private launcherObserver?: MutationObserver;

  private get base(): string {
    return apiBase(this.apiBase);
  }

  /** No render before the texts of the page's language are here (English is its own chunk). */
  protected override scheduleUpdate(): void | Promise<void> {
    return this.i18n.whenReady(() => super.scheduleUpdate());
  }

  private get t() {
    return this.i18n.t;
  }

  private get lastSeq(): number {
    return this.conv?.messages.at(-1)?.seq ?? 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // So that `ecam-chat::part(button)` reaches inside the panel (set here, not by the launcher in the loader).
    this.setAttribute('exportparts', 'header,form,field,error,alert,notice,log,message,composer,button,converted');
    const saved = loadDraft(draftKey('chat'));
    if (saved) {
      const draft = { ...EMPTY };
      for (const key of Object.keys(EMPTY) as (keyof Draft)[]) if (typeof saved[key] === 'string') draft[key] = saved[key];
      this.values = draft;
    }
    this.addEventListener('focusin', this.markRead);
    this.followLauncher();
    request<PublicSettings>(`${this.base}/api/settings/public`).then(
      (site) => (this.site = site),
      () => undefined,
    );
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.launcherObserver?.disconnect();
    this.stream?.close();
    clearTimeout(this.waitTimer);
    clearTimeout(this.typingTimer);
  }

  protected override updated(changed: PropertyValues): void {
    // Keep the newest message in sight; no smooth scrolling, so reduced motion holds by itself.
    if (changed.has('conv') && this.conv?.state !== 'closed') this.scrollTop = this.scrollHeight;
  }

  /**
   * Inside `<ecam-chat>`, takes its theme: the `theme` attribute and the custom properties the
   * page set on it (the panel's own defaults would otherwise win over what it inherits), and again
   * whenever the page changes that element's attributes. Through the CSSOM, which a page's CSP
   * allows (unlike style attributes). Here and not in the launcher, which travels in the loader.
   */
  private followLauncher(): void {
    const root = this.getRootNode();
    if (!(root instanceof ShadowRoot)) return;
    const launcher = root.host;
    const sync = () => {
      const theme = launcher.getAttribute('theme');
      if (theme) this.setAttribute('theme', theme);
      else this.removeAttribute('theme');
      const style = getComputedStyle(launcher);
      for (const name of TOKENS) {
        const value = style.getPropertyValue(`--ecam-${name}`);
        if (value) this.style.setProperty(`--ecam-${name}`, value);
        else this.style.removeProperty(`--ecam-${name}`);
      }
    };
    sync();
    this.launcherObserver?.disconnect();
    this.launcherObserver = new MutationObserver(sync);
    this.launcherObserver.observe(launcher, { attributes: true, attributeFilter: ['theme', 'class', 'style'] });
  }

  // ---- Session and stream ------------------------------------------------------------------

  private readSession(): Session | undefined {
    try {
      const s = JSON.parse(sessionStorage.getItem(this.storageKey) ?? 'null') as Session | null;
      return s && typeof s.id === 'number' && typeof s.token === 'string' ? s : undefined;
    } catch {
      return undefined;
    }
  }

  private forget(): void {
    this.stream?.close();
    this.stream = undefined;
    this.session = undefined;
    this.conv = undefined;
    this.converted = undefined;
    clearTimeout(this.waitTimer);
    try {
      sessionStorage.removeItem(this.storageKey);
    } catch {
      // Storage disabled: the session only lived in memory.
    }
  }

  /** Resumes the conversation of this tab, else asks whether the chat is open. */
  private async start(): Promise<void> {
    this.view = 'loading';
    this.alert = '';
    this.session ??= this.readSession();
    if (this.session) {
      try {
        this.setConversation(await this.call<ChatConversation>('GET', `/chat/conversations/${this.session.id}`));
        this.openStream();
        return;
      } catch (err) {
        const e = err instanceof ApiError ? err : new ApiError(0, undefined);
        if (e.status !== 403 && e.status !== 404) return this.showError(e);
        this.forget();
        this.alert = this.t.startOver;
      }
    }
    await this.refreshStatus();
  }

  private async refreshStatus(): Promise<void> {
    try {
      const query = this.event ? `?event=${encodeURIComponent(this.event)}` : '';
      this.status = await this.call<EventChatStatus>('GET', `/chat/status${query}`);
      this.go(this.status.online ? 'prechat' : 'offline');
    } catch (err) {
      this.showError(err);
    }
  }

  private showError(err: unknown): void {
    this.alert = this.message(err);
    this.go('error');
  }

  /** Shows another screen; its heading takes the focus if the citizen is in the panel. */
  private go(view: View): void {
    this.view = view;
    this.errors = {};
    if (this.matches(':focus-within')) void focusAfterRender(this, 'h3');
  }

  /** Focus goes to the heading of what is shown (the launcher calls this on opening). */
  override focus(options?: FocusOptions): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.body h3, header button')?.focus(options));
  }

  private setConversation(conv: ChatConversation): void {
    this.conv = conv;
    if (conv.pendingTrackingCode && conv.radicado) {
      this.converted = { ...this.converted, radicado: conv.radicado, trackingCode: conv.pendingTrackingCode };
    }
    if (this.view !== 'conversation' && this.view !== 'mailbox') this.go('conversation');
    this.scheduleWaitNotice();
  }

  /** After `waitNoticeSeconds` in the queue, offer the mailbox (keeping what was typed). */
  private scheduleWaitNotice(): void {
    clearTimeout(this.waitTimer);
    const conv = this.conv;
    if (!conv || conv.state !== 'waiting' || this.waitedLong) return;
    // The browser's clock may differ from the server's: never count more than real waiting here.
    const waited = Math.max(0, Date.now() - Date.parse(conv.createdAt));
    const left = conv.waitNoticeSeconds * 1000 - (Number.isFinite(waited) ? waited : 0);
    this.waitTimer = setTimeout(() => (this.waitedLong = true), Math.max(0, left));
  }

  private openStream(): void {
    const session = this.session;
    if (!session) return;
    this.stream?.close();
    this.stream = openStream({
      url: `${this.base}/api/chat/conversations/${session.id}/events`,
      headers: () => ({ 'x-chat-token': session.token, 'last-event-id': String(this.lastSeq) }),
      onEvent: (e) => {
        try {
          this.handleEvent(e.event as keyof ChatEventMap, JSON.parse(e.data));
        } catch {
          // An event this version does not understand is not worth losing the stream over.
        }
      },
      onRefused: (status) => {
        if (status === 403 || status === 404) {
          this.forget();
          this.alert = this.t.startOver;
          void this.refreshStatus();
        }
      },
      onConnection: (connected) => (this.connected = connected),
    });
  }

  private handleEvent<K extends keyof ChatEventMap>(name: K, data: ChatEventMap[K]): void {
    const conv = this.conv;
    if (!conv) return;
    if (name === 'message') {
      const m = data as ChatMessage;
      this.addMessage(m);
      if (m.author === 'staff') {
        this.staffTyping = false;
        this.markRead();
      }
    } else if (name === 'state') {
      const s = data as ChatEventMap['state'];
      const closing = s.state === 'closed' && conv.state !== 'closed';
      this.conv = { ...conv, ...s };
      this.scheduleWaitNotice();
      // The closed view needs what only GET has: the survey, the rating.
      if (closing) void this.reload();
    } else if (name === 'typing') {
      const t = data as ChatEventMap['typing'];
      if (t.author === 'staff') this.staffTyping = t.typing;
    } else if (name === 'read') {
      const r = data as ChatEventMap['read'];
      if (r.author === 'staff') this.readSeq = Math.max(this.readSeq, r.seq);
    } else if (name === 'converted') {
      const c = data as ChatConvertedEvent;
      this.converted = c;
      this.conv = { ...conv, radicado: c.radicado };
    }
  }

  /** Adds a message once, in seq order, whether it came from the stream, a replay or our POST. */
  private addMessage(m: ChatMessage): void {
    const conv = this.conv;
    if (!conv || conv.messages.some((x) => x.seq === m.seq)) return;
    const list = [...conv.messages, m].sort((a, b) => a.seq - b.seq);
    this.conv = { ...conv, messages: list };
  }

  private async reload(): Promise<void> {
    if (!this.session) return;
    try {
      this.setConversation(await this.call<ChatConversation>('GET', `/chat/conversations/${this.session.id}`));
    } catch {
      // The stream state already shows it closed; the extras wait for the next load.
    }
  }

  /** Tells the official what the citizen has seen, when the panel is actually in view. */
  private markRead = (): void => {
    const seq = this.conv?.messages.findLast((m) => m.author === 'staff')?.seq ?? 0;
    if (!this.session || this.hidden || document.visibilityState !== 'visible' || seq <= this.readSent) return;
    this.readSent = seq;
    this.call('POST', `/chat/conversations/${this.session.id}/read`, { seq }).catch(() => undefined);
  };

  // ---- API ---------------------------------------------------------------------------------

  /** A call to `/api<path>` with the conversation's token, when there is one. */
  private call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (this.session) headers['x-chat-token'] = this.session.token;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return request<T>(`${this.base}/api${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /** The message for a failure that is not about one field. */
  private message(err: unknown): string {
    const e = err instanceof ApiError ? err : new ApiError(0, undefined);
    if (e.status === 0) return this.t.offline;
    if (e.status === 429) return this.t.tooMany(e.retryAfter ? formatWait(e.retryAfter, this.i18n.lang) : this.t.someMinutes);
    return e.error;
  }

  /**
   * Shows what went wrong where it belongs: 400 next to the fields, 403 start over, 409 the
   * closed conversation (or the offline screen), anything else in the alert. Typed text stays.
   */
  private async fail(err: unknown, fields: string[]): Promise<void> {
    let e = err instanceof ApiError ? err : new ApiError(0, undefined);
    const mine = Object.fromEntries(Object.entries(e.fields).filter(([k]) => fields.includes(k)));
    if (e.status === 400 && Object.keys(mine).length) return this.showFieldErrors(mine);
    // A field this screen does not show (the honeypot, say): its own message says more than "revise".
    if (e.status === 400 && Object.keys(e.fields).length) e = new ApiError(400, { error: Object.values(e.fields).join(' ') });
    if (e.status === 403 && this.session) {
      this.forget();
      this.alert = this.t.startOver;
      return this.refreshStatus();
    }
    if (e.status === 409 && e.code === 'offline') {
      this.alert = e.error;
      return this.refreshStatus();
    }
    if (e.status === 409 && this.session) await this.reload();
    this.alert = this.message(e);
    await focusAfterRender(this, '.alert');
  }

  private async showFieldErrors(errors: Record<string, string>): Promise<void> {
    this.errors = errors;
    this.alert = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  // ---- Handlers ----------------------------------------------------------------------------

  private handleInput(e: Event): void {
    const el = e.target as HTMLInputElement;
    const key = el.name;
    if (key === 'consent') this.consent = el.checked;
    else if (key === 'score') this.score = Number(el.value);
    else if (key === 'comment') this.comment = el.value;
    else if (key in EMPTY) {
      this.values = { ...this.values, [key]: el.value };
      saveDraft(draftKey('chat'), this.values);
      if (key === 'composer') this.typing();
    } else return;
    const field = key === 'composer' ? 'body' : key;
    if (this.errors[field]) {
      const { [field]: _fixed, ...rest } = this.errors;
      this.errors = rest;
    }
  }

  /** Lets the official see "escribiendo" while the citizen types, and stop a moment after. */
  private typing(): void {
    if (!this.session || this.conv?.state === 'closed') return;
    const path = `/chat/conversations/${this.session.id}/typing`;
    if (!this.typingSent) {
      this.typingSent = true;
      this.call('POST', path, { typing: true }).catch(() => undefined);
    }
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => {
      this.typingSent = false;
      this.call('POST', path, { typing: false }).catch(() => undefined);
    }, TYPING_IDLE_MS);
  }

  private required(errors: Record<string, string>, key: keyof Draft, label: string, min = 1): void {
    const v = this.values[key].trim();
    if (!v) errors[key] = this.t.required(label);
    else if (v.length < min) errors[key] = this.t.tooShort(label, min);
  }

  private async handleStart(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const t = this.t;
    const errors: Record<string, string> = {};
    this.required(errors, 'topic', t.topic, CL.topicMin);
    if (this.values.email.trim() && !EMAIL.test(this.values.email.trim())) errors.email = t.invalidEmail;
    if (!this.consent) errors.consent = t.consentRequired;
    if (Object.keys(errors).length) return this.showFieldErrors(errors);
    const form = e.target as HTMLFormElement;
    const v = this.values;
    this.busy = true;
    try {
      const started = await this.call<ChatStarted>('POST', '/chat/conversations', {
        name: v.name.trim() || undefined,
        email: v.email.trim() || undefined,
        topic: v.topic.trim(),
        ...(this.event ? { event: this.event } : {}),
        consent: true,
        website: (form.elements.namedItem('website') as HTMLInputElement | null)?.value ?? '',
      });
      this.session = started;
      try {
        sessionStorage.setItem(this.storageKey, JSON.stringify(started));
      } catch {
        // Storage disabled: the conversation lasts as long as the page.
      }
      this.values = { ...this.values, topic: '' };
      saveDraft(draftKey('chat'), this.values);
      this.consent = false;
      this.alert = '';
      this.waitedLong = false;
      this.readSeq = 0;
      this.readSent = 0;
      await this.start();
    } catch (err) {
      await this.fail(err, ['name', 'email', 'topic', 'consent']);
    } finally {
      this.busy = false;
    }
  }

  private handleComposerKey(e: KeyboardEvent): void {
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing) return;
    e.preventDefault();
    void this.send();
  }

  private handleSend(e: SubmitEvent): void {
    e.preventDefault();
    void this.send();
  }

  private async send(): Promise<void> {
    if (this.busy || !this.session) return;
    const body = this.values.composer.trim();
    if (!body) return this.showFieldErrors({ body: this.t.bodyRequired });
    if (body.length > CL.body) return this.showFieldErrors({ body: this.t.bodyTooLong(CL.body) });
    const path = `/chat/conversations/${this.session.id}`;
    this.busy = true;
    try {
      const created = await this.call<ChatMessageCreated>('POST', `${path}/messages`, { body });
      this.addMessage({ seq: created.seq, author: 'citizen', name: this.conv?.name ?? null, body, at: created.at });
      // Only what was sent leaves the box: anything typed meanwhile stays.
      const rest = this.values.composer.trim() === body ? '' : this.values.composer;
      this.values = { ...this.values, composer: rest };
      saveDraft(draftKey('chat'), this.values);
      this.alert = '';
      if (this.typingSent) {
        clearTimeout(this.typingTimer);
        this.typingSent = false;
        this.call('POST', `${path}/typing`, { typing: false }).catch(() => undefined);
      }
    } catch (err) {
      await this.fail(err, ['body']);
    } finally {
      this.busy = false;
    }
  }

  private async handleEnd(): Promise<void> {
    if (!this.session || this.busy) return;
    this.busy = true;
    try {
      await this.call('POST', `/chat/conversations/${this.session.id}/close`);
      await this.reload();
    } catch (err) {
      await this.fail(err, []);
    } finally {
      this.busy = false;
    }
  }

  /** From the queue to the mailbox, carrying over what the citizen already wrote. */
  private handleToMailbox(): void {
    const conv = this.conv;
    const v = this.values;
    this.values = {
      ...v,
      name: v.name || conv?.name || '',
      email: v.email || conv?.email || '',
      subject: v.subject || conv?.topic || '',
      message: v.message || v.composer,
    };
    saveDraft(draftKey('chat'), this.values);
    this.alert = '';
    this.go('mailbox');
  }

  private async handleMailbox(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this.busy) return;
    const t = this.t;
    const errors: Record<string, string> = {};
    this.required(errors, 'name', t.name, MB.nameMin);
    this.required(errors, 'email', t.email);
    if (!errors.email && !EMAIL.test(this.values.email.trim())) errors.email = t.invalidEmail;
    this.required(errors, 'subject', t.subject, MB.subjectMin);
    this.required(errors, 'message', t.message, MB.messageMin);
    if (!this.consent) errors.consent = t.consentRequired;
    if (Object.keys(errors).length) return this.showFieldErrors(errors);
    const form = e.target as HTMLFormElement;
    const v = this.values;
    this.busy = true;
    try {
      await this.call('POST', '/mailbox', {
        name: v.name.trim(),
        email: v.email.trim(),
        subject: v.subject.trim(),
        message: v.message.trim(),
        consent: true,
        website: (form.elements.namedItem('website') as HTMLInputElement | null)?.value ?? '',
      });
      this.sentTo = v.email.trim();
      // Left for the mailbox: nobody should take a conversation whose citizen has gone.
      if (this.session) {
        await this.call('POST', `/chat/conversations/${this.session.id}/close`).catch(() => undefined);
        this.forget();
      }
      this.values = { ...v, subject: '', message: '', composer: '' };
      saveDraft(draftKey('chat'), this.values);
      this.consent = false;
      this.alert = '';
      this.go('mailboxSent');
    } catch (err) {
      await this.fail(err, ['name', 'email', 'subject', 'message', 'consent']);
    } finally {
      this.busy = false;
    }
  }

  private async handleTranscript(): Promise<void> {
    if (!this.session) return;
    const { id, token } = this.session;
    this.note = '';
    try {
      let res: Response;
      try {
        res = await fetch(`${this.base}/api/chat/conversations/${id}/transcript`, { headers: { 'x-chat-token': token } });
      } catch {
        throw new ApiError(0, undefined);
      }
      if (!res.ok) throw new ApiError(res.status, await res.json().catch(() => undefined));
      saveBlob(await res.blob(), `conversacion-${id}.txt`, this.renderRoot);
      this.note = this.t.transcriptDone;
    } catch (err) {
      await this.fail(err, []);
    }
  }

  private async handleEmailTranscript(): Promise<void> {
    if (!this.session || !this.conv?.email) return;
    this.note = '';
    try {
      await this.call('POST', `/chat/conversations/${this.session.id}/transcript/email`);
      this.note = this.t.emailQueued(this.conv.email);
    } catch (err) {
      await this.fail(err, []);
    }
  }

  private async handleRate(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (!this.session || !this.conv || this.busy) return;
    if (!this.score) return this.showFieldErrors({ score: this.t.scoreRequired });
    this.busy = true;
    try {
      const rating = { score: this.score, comment: this.comment.trim() };
      await this.call('POST', `/chat/conversations/${this.session.id}/rating`, rating);
      this.conv = { ...this.conv, rating };
      this.alert = '';
      await focusAfterRender(this, '#rated');
    } catch (err) {
      await this.fail(err, ['score', 'comment']);
    } finally {
      this.busy = false;
    }
  }

  /** Loads `<ecam-survey>` only when asked for, as the tracker does: its code is its own chunk. */
  private async handleSurvey(): Promise<void> {
    if (this.survey !== 'hidden') return;
    this.survey = 'loading';
    try {
      await import('../survey/survey.ts');
      this.survey = 'shown';
    } catch {
      this.survey = 'hidden';
      this.alert = `${this.t.surveyFailed} ${this.t.offline}`;
    }
  }

  private async handleCopy(): Promise<void> {
    const c = this.converted;
    if (!c) return;
    try {
      await navigator.clipboard.writeText(`${this.t.radicado}: ${c.radicado}\n${this.t.trackingCode}: ${c.trackingCode}`);
      this.note = this.t.copied;
    } catch {
      this.note = this.t.copyFailed;
    }
  }

  private handleAgain(): void {
    this.forget();
    this.alert = '';
    this.note = '';
    this.score = 0;
    this.comment = '';
    this.survey = 'hidden';
    void this.start();
  }

  private handleMinimize(): void {
    this.dispatchEvent(new Event('ecam-chat-minimize', { bubbles: true }));
  }

  // ---- Rendering ---------------------------------------------------------------------------

  private renderAlert(): TemplateResult {
    return html`<div class="alert ${this.alert ? 'shown' : ''}" part="alert" role="alert" tabindex="-1">${this.alert}</div>`;
  }

  private fieldError(key: string): TemplateResult | typeof nothing {
    const error = this.errors[key];
    return error
      ? html`<p class="error-message" id="${fid(key)}-error" part="error">
          <span class="visually-hidden">${this.t.error}</span> ${error}
        </p>`
      : nothing;
  }

  private describedBy(key: string, ...more: string[]): string {
    return [...more, this.errors[key] ? `${fid(key)}-error` : ''].filter(Boolean).join(' ');
  }

  private textField(
    key: keyof Draft,
    label: string,
    opts: { required?: boolean; hint?: string; type?: string; max: number; min?: number; autocomplete?: string; area?: boolean },
  ): TemplateResult {
    const id = fid(key);
    const hint = opts.hint ? html`<p class="hint" id="${id}-hint">${opts.hint}</p>` : nothing;
    const describedBy = this.describedBy(key, opts.hint ? `${id}-hint` : '');
    const invalid = this.errors[key] ? 'true' : 'false';
    return html`<div class="field" part="field">
      <label for=${id}>${label}${opts.required ? nothing : html` <span class="optional">${this.t.optional}</span>`}</label>
      ${hint} ${this.fieldError(key)}
      ${opts.area
        ? html`<textarea
            id=${id}
            name=${key}
            .value=${live(this.values[key])}
            ?required=${opts.required}
            minlength=${opts.min ?? 0}
            maxlength=${opts.max}
            aria-invalid=${invalid}
            aria-describedby=${describedBy}
          ></textarea>`
        : html`<input
            id=${id}
            name=${key}
            type=${opts.type ?? 'text'}
            .value=${live(this.values[key])}
            ?required=${opts.required}
            minlength=${opts.min ?? 0}
            maxlength=${opts.max}
            autocomplete=${opts.autocomplete ?? 'off'}
            aria-invalid=${invalid}
            aria-describedby=${describedBy}
          />`}
    </div>`;
  }

  /** The data notice and the unticked consent box (Ley 1581 de 2012), as the PQRSD form has. */
  private renderConsent(): TemplateResult {
    const t = this.t;
    const site = this.site;
    const contact = site ? [site.contactEmail, site.contactPhone, site.contactAddress].filter(Boolean) : [];
    return html`<div class="notice" part="notice" id="data-notice">
        <p>
          <strong>${t.dataNoticeTitle}</strong> ${t.dataNotice(site?.entityName ?? t.theEntity)}<a
            href=${site?.policyUrl ?? '/politica-datos'}
            target="_blank"
            rel="noopener"
            >${t.policy}<span class="visually-hidden">${t.newTab}</span></a
          >.
        </p>
        ${contact.length ? html`<p>${t.rights(contact.join(' · '))}</p>` : nothing}
      </div>
      <div class="field" part="field">
        ${this.fieldError('consent')}
        <div class="option">
          <input
            type="checkbox"
            id=${fid('consent')}
            name="consent"
            .checked=${live(this.consent)}
            required
            aria-invalid=${this.errors.consent ? 'true' : 'false'}
            aria-describedby=${this.describedBy('consent', 'data-notice')}
          />
          <label for=${fid('consent')}>${t.consent}</label>
        </div>
      </div>
      <div class="hp" aria-hidden="true">
        <label for="c-website">${t.honeypot}</label>
        <input id="c-website" name="website" type="text" tabindex="-1" autocomplete="off" />
      </div>`;
  }

  private renderPrechat(): TemplateResult {
    const t = this.t;
    return html`<h3 tabindex="-1">${t.prechatTitle}</h3>
      ${this.renderAlert()}
      <p>${t.prechatIntro}</p>
      ${this.renderForm(
        this.handleStart,
        html`${this.textField('name', t.name, { max: CL.name, autocomplete: 'name' })}
        ${this.textField('email', t.email, { type: 'email', hint: t.emailHint, max: 254, autocomplete: 'email' })}
        ${this.textField('topic', t.topic, { required: true, hint: t.topicHint, min: CL.topicMin, max: CL.topic })}`,
        t.start,
      )}`;
  }

  /** A form of the panel: its fields, the data notice with consent, and the submit button. */
  private renderForm(submit: (e: SubmitEvent) => void, fields: TemplateResult, label: string): TemplateResult {
    return html`<form part="form" novalidate aria-busy=${this.busy ? 'true' : 'false'} @input=${this.handleInput} @submit=${submit}>
      ${fields} ${this.renderConsent()}
      <div class="actions">
        <button type="submit" class="primary" part="button" ?disabled=${this.busy}>${this.busy ? this.t.sending : label}</button>
      </div>
    </form>`;
  }

  private renderMailboxForm(): TemplateResult {
    const t = this.t;
    return this.renderForm(
      this.handleMailbox,
      html`${this.textField('name', t.name, { required: true, min: MB.nameMin, max: MB.name, autocomplete: 'name' })}
      ${this.textField('email', t.email, { required: true, type: 'email', hint: t.mailboxEmailHint, max: 254, autocomplete: 'email' })}
      ${this.textField('subject', t.subject, { required: true, min: MB.subjectMin, max: MB.subject })}
      ${this.textField('message', t.message, { required: true, hint: t.messageHint, min: MB.messageMin, max: MB.message, area: true })}`,
      t.mailboxSend,
    );
  }

  private renderOffline(): TemplateResult {
    const t = this.t;
    const s = this.status;
    return html`<h3 tabindex="-1">${t.offlineTitle}</h3>
      ${this.renderAlert()}
      ${s ? html`<p>${t.reason(s.reason)}</p>` : nothing}
      ${s?.event ? html`<p>${t.eventWindow(s.event.title, formatDateTime(s.event.opensAt, this.i18n.lang), formatDateTime(s.event.closesAt, this.i18n.lang))}</p>` : nothing}
      ${s?.nextOpening ? html`<p>${t.nextOpening(formatDateTime(s.nextOpening, this.i18n.lang))}</p>` : nothing}
      <p>${t.mailboxIntro}</p>
      ${this.renderMailboxForm()}`;
  }

  private renderMailbox(): TemplateResult {
    const t = this.t;
    return html`<h3 tabindex="-1">${t.mailboxTitle}</h3>
      ${this.renderAlert()}
      <p>${t.mailboxIntro}</p>
      ${this.renderMailboxForm()}
      <div class="actions">
        <button type="button" part="button" @click=${() => this.go('conversation')}>${t.backToChat}</button>
      </div>`;
  }

  private renderMailboxSent(): TemplateResult {
    const t = this.t;
    return html`<h3 tabindex="-1">${t.mailboxDone}</h3>
      <p>${t.mailboxDoneText(this.sentTo)}</p>
      <div class="actions">
        <button type="button" part="button" @click=${this.handleAgain}>${t.again}</button>
      </div>`;
  }

  private renderLog(conv: ChatConversation): TemplateResult {
    const t = this.t;
    const time = new Intl.DateTimeFormat(this.i18n.locale, { timeStyle: 'short', timeZone: TIME_ZONE });
    const who = (m: ChatMessage) => (m.author === 'citizen' ? t.you : m.author === 'staff' ? m.name || t.staff : t.system);
    const lastMine = conv.messages.findLast((m) => m.author === 'citizen');
    return html`<div class="log" role="log" aria-live="polite" aria-label=${t.log} part="log">
        ${repeat(
          conv.messages,
          (m) => m.seq,
          (m) => html`<div class="msg ${m.author}" part="message">
            <p class="who">${who(m)} <time datetime=${m.at}>${time.format(new Date(m.at))}</time></p>
            <p class="pre">${m.body}</p>
          </div>`,
        )}
      </div>
      ${lastMine && lastMine.seq <= this.readSeq ? html`<p class="meta read">${t.read}</p>` : nothing}`;
  }

  private renderComposer(): TemplateResult {
    const t = this.t;
    const length = this.values.composer.trim().length;
    const left = CL.body - length;
    return html`<form part="form" novalidate @input=${this.handleInput} @submit=${this.handleSend}>
      <div class="field" part="field">
        <label for=${fid('composer')}>${t.composer}</label>
        <p class="hint" id="${fid('composer')}-hint">${t.composerHint}</p>
        ${this.fieldError('body')}
        <textarea
          id=${fid('composer')}
          class="composer"
          name="composer"
          part="composer"
          .value=${live(this.values.composer)}
          aria-invalid=${this.errors.body ? 'true' : 'false'}
          aria-describedby="${fid('composer')}-hint ${fid('composer')}-count ${this.errors.body ? `${fid('body')}-error` : ''}"
          @keydown=${this.handleComposerKey}
        ></textarea>
        <p class="hint counter ${left < 0 ? 'over' : ''}" id="${fid('composer')}-count">
          ${left < 0 ? t.over(-left) : t.left(left)}
        </p>
      </div>
      <div class="actions">
        <button type="submit" class="primary" part="button" ?disabled=${this.busy}>${this.busy ? t.sending : t.send}</button>
        <button type="button" part="button" ?disabled=${this.busy} @click=${this.handleEnd}>${t.end}</button>
      </div>
    </form>`;
  }

  private renderConverted(): TemplateResult | typeof nothing {
    const c = this.converted;
    if (!c) return nothing;
    const t = this.t;
    return html`<section class="notice" part="converted" aria-labelledby="converted-title">
      <h3 id="converted-title">${t.convertedTitle}</h3>
      <p>${t.convertedIntro}</p>
      <dl>
        <dt>${t.radicado}</dt>
        <dd class="code">${c.radicado}</dd>
        ${c.dueDate ? html`<dt>${t.dueDate}</dt><dd>${formatDate(c.dueDate, this.i18n.lang)}</dd>` : nothing}
        <dt>${t.trackingCode}</dt>
        <dd class="code">${c.trackingCode}</dd>
      </dl>
      <div class="actions"><button type="button" part="button" @click=${this.handleCopy}>${t.copy}</button></div>
    </section>`;
  }

  private renderClosed(conv: ChatConversation): TemplateResult {
    const t = this.t;
    let answered = false;
    try {
      answered = !!conv.satisfactionSurvey && localStorage.getItem(surveyKey('done', conv.satisfactionSurvey)) !== null;
    } catch {
      // Storage disabled: the server still refuses a second answer.
    }
    return html`<p>${t.closedBy(conv.closedBy)}</p>
      <div class="actions">
        <button type="button" part="button" @click=${this.handleTranscript}>${t.transcript}</button>
        ${conv.email ? html`<button type="button" part="button" @click=${this.handleEmailTranscript}>${t.emailTranscript}</button>` : nothing}
      </div>
      ${conv.rating
        ? html`<p id="rated" tabindex="-1">${t.rated}</p>`
        : html`<form part="form" novalidate @input=${this.handleInput} @submit=${this.handleRate}>
            <fieldset aria-describedby=${this.errors.score ? `${fid('score')}-error` : nothing}>
              <legend>${t.ratingLegend}</legend>
              ${this.fieldError('score')}
              ${[1, 2, 3, 4, 5].map(
                (n) => html`<div class="option">
                  <input type="radio" id="c-score-${n}" name="score" value=${n} .checked=${live(this.score === n)} />
                  <label for="c-score-${n}">${t.scoreLabel(n, t.score(n))}</label>
                </div>`,
              )}
            </fieldset>
            <div class="field" part="field">
              <label for=${fid('comment')}>${t.comment} <span class="optional">${t.optional}</span></label>
              ${this.fieldError('comment')}
              <textarea
                id=${fid('comment')}
                name="comment"
                .value=${live(this.comment)}
                maxlength=${CL.comment}
                aria-invalid=${this.errors.comment ? 'true' : 'false'}
                aria-describedby=${this.describedBy('comment')}
              ></textarea>
            </div>
            <div class="actions">
              <button type="submit" class="primary" part="button" ?disabled=${this.busy}>${t.rate}</button>
            </div>
          </form>`}
      ${conv.satisfactionSurvey && !answered
        ? html`<section aria-labelledby="survey-title" class="stack">
            <h3 id="survey-title">${t.surveyTitle}</h3>
            ${this.survey === 'shown'
              ? html`<ecam-survey survey=${conv.satisfactionSurvey} .apiBase=${this.apiBase}></ecam-survey>`
              : html`<div class="actions">
                  <button type="button" part="button" aria-disabled=${this.survey === 'loading' ? 'true' : 'false'} @click=${this.handleSurvey}>
                    ${t.surveyOffer}
                  </button>
                </div>`}
          </section>`
        : nothing}
      <div class="actions">
        <button type="button" part="button" @click=${this.handleAgain}>${t.again}</button>
      </div>`;
  }

  private renderConversation(conv: ChatConversation): TemplateResult {
    const t = this.t;
    const title =
      conv.state === 'closed' ? t.closedTitle : conv.state === 'waiting' ? t.waitingTitle : conv.agentName ? t.chattingWith(conv.agentName) : t.chatting;
    return html`<h3 id="conv-title" tabindex="-1">${title}</h3>
      ${conv.state === 'waiting'
        ? html`<p role="status">${conv.position ? t.position(conv.position) : ''}</p>
            <p class="hint">${t.waitingHint}</p>
            ${this.waitedLong
              ? html`<div class="notice" part="notice">
                  <p>${t.waitNotice}</p>
                  <div class="actions"><button type="button" part="button" @click=${this.handleToMailbox}>${t.toMailbox}</button></div>
                </div>`
              : nothing}`
        : nothing}
      ${this.renderConverted()} ${this.renderLog(conv)}
      ${conv.state === 'closed'
        ? nothing
        : html`<p class="meta">${this.staffTyping ? t.typing(conv.agentName ?? t.staff) : ''}</p>
            <p class="meta" role="status">${this.connected ? '' : t.reconnecting}</p>`}
      ${this.renderAlert()} ${conv.state === 'closed' ? this.renderClosed(conv) : this.renderComposer()}
      <p class="visually-hidden" role="status">${this.note}</p>`;
  }

  private renderView(): TemplateResult {
    const t = this.t;
    switch (this.view) {
      case 'prechat':
        return this.renderPrechat();
      case 'offline':
        return this.renderOffline();
      case 'mailbox':
        return this.renderMailbox();
      case 'mailboxSent':
        return this.renderMailboxSent();
      case 'conversation':
        if (this.conv) return this.renderConversation(this.conv);
        return html`<p role="status">${t.loading}</p>`;
      case 'error':
        return html`<h3 tabindex="-1">${t.errorTitle}</h3>
          ${this.renderAlert()}
          <div class="actions"><button type="button" part="button" @click=${() => void this.start()}>${t.retry}</button></div>`;
      default:
        return html`<p role="status">${t.loading}</p>`;
    }
  }

  override render(): TemplateResult {
    const t = this.t;
    return html`<header part="header">
        <h2>${t.title}</h2>
        <button type="button" class="small" part="button" aria-label=${t.minimize} @click=${this.handleMinimize}>–</button>
      </header>
      <div class="body">${this.renderView()}</div>`;
  }
}

if (!customElements.get('ecam-chat-panel')) customElements.define('ecam-chat-panel', EcamChatPanel);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-chat-panel': EcamChatPanel;
  }
}
