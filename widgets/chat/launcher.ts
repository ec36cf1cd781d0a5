import type { ChatStatus } from '../../api/chat/schemas.ts';
import type { Lang } from '../shared/i18n.ts';

/** Where the panel keeps `{ id, token }`, per API origin, for the browser tab's session. */
const chatKey = (base: string): string => `ecam-chat:${base}`;

// Not in messages.ts: that catalog would then travel in the loader.
const LABELS: Record<Lang, [online: string, offline: string]> = {
  es: ['Chat: en línea', 'Chat: dejar un mensaje'],
  en: ['Chat: online', 'Chat: leave a message'],
};

/** The button in the dark palette (widgets/shared/styles.ts), unless the page sets its own colours. */
const DARK_BUTTON = 'button{background:var(--ecam-primary,#8cb1ff);color:var(--ecam-primary-contrast,#0b1526)}';

// The panel sizes itself (chat.styles.ts); inline, it takes the width of the page's column.
// The button is as wide as its longest label from the start, so the status arriving moves nothing.
const STYLE = `:host{position:fixed;right:1rem;bottom:1rem;z-index:2147483000;display:grid;justify-items:end;gap:.5rem}
:host([inline]){position:static;justify-items:stretch}
:host([inline]) [part=panel]{width:auto;max-height:none}
:host([hidden]){display:none}
button{min-height:2.75rem;min-width:17em;white-space:nowrap;padding:.5rem 1.25rem;border:0;border-radius:var(--ecam-radius,5px);background:var(--ecam-primary,#36c);color:var(--ecam-primary-contrast,#fff);font:600 1rem var(--ecam-font-family,'Work Sans',system-ui,sans-serif);cursor:pointer}
button:focus-visible{outline:3px solid transparent;box-shadow:var(--ecam-focus,0 0 0 3px #fff,0 0 0 6px #004884)}
@media (prefers-color-scheme:dark){:host(:not([theme=light])) ${DARK_BUTTON}}
:host([theme=dark]) ${DARK_BUTTON}`;

/** Shared by every `<ecam-chat>` of the page, made on first use. */
let sheet: CSSStyleSheet | undefined;

/**
 * `<ecam-chat>`: the chat's launcher, defined by the loader itself, so it must stay tiny (no
 * Lit, no shared chunk: ~0.6 KB gzip). It says honestly whether someone can answer now, and on
 * the first activation fetches the panel (Lit, chat.ts) and shows it above the button.
 *
 * @summary Botón de chat con un funcionario; abre el panel del chat.
 *
 * @attr api-base - Origin of the ECAM Participa API; defaults to the server the widget was loaded from.
 * @attr event - The slug of an event of the participation plan (`<ecam-event>`): the chat then says when that event's officials answer and starts conversations for them; an empty value takes the `evento` parameter of the page's address. An event without a chat window hides the button.
 * @attr {boolean} inline - Shows the button (and the panel) where the element is, instead of floating in the bottom-right corner.
 * @attr lang - `es` (Spanish, the default) or `en` (English); without it, the nearest `lang` of the page (`<html lang>`).
 * @attr theme - `light` or `dark` pins that theme on the button and the panel; without it they follow the visitor's system (prefers-color-scheme).
 *
 * @csspart launcher - The button that opens and minimises the chat.
 * @csspart panel - The chat panel (`<ecam-chat-panel>`); its own parts (form, field, button…) are exported too.
 *
 * @cssproperty --ecam-primary - Background of the button (default #3366CC); every `--ecam-…` set on the element also themes the panel.
 * @cssproperty --ecam-primary-contrast - Text of the button (default #fff).
 */
export class EcamChat extends HTMLElement {
  private button?: HTMLButtonElement;
  private panel?: HTMLElement & { apiBase?: string; storageKey?: string };

  /** The API origin: the `api-base` attribute, else the server this code was loaded from. */
  get base(): string {
    return (this.getAttribute('api-base')?.trim() || new URL(import.meta.url).origin).replace(/\/+$/, '');
  }

  connectedCallback(): void {
    if (this.button) return;
    const root = this.attachShadow({ mode: 'open' });
    // A constructed sheet, not a <style> element: a host page's CSP (`style-src 'self'`) refuses the latter.
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(STYLE);
    }
    root.adoptedStyleSheets = [sheet];
    root.innerHTML = `<button type="button" part="launcher" aria-expanded="false">Chat</button>`;
    this.button = root.querySelector('button')!;
    this.button.onclick = () => void this.toggle();
    root.addEventListener('ecam-chat-minimize', () => {
      void this.toggle();
      this.button!.focus();
    });
    const lang = (this.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang).startsWith('en') ? 'en' : 'es';
    // An event's chat: a blank `event` becomes the page's `?evento=` (the panel reads the
    // attribute). Its status is 404 when the event has no chat window: then there is no button.
    let event = this.getAttribute('event');
    if (event === '') this.setAttribute('event', (event = new URLSearchParams(location.search).get('evento') ?? ''));
    fetch(`${this.base}/api/chat/status${event ? `?event=${encodeURIComponent(event)}` : ''}`)
      .then((res) => ((this.hidden = res.status === 404), res.ok ? (res.json() as Promise<ChatStatus>) : undefined))
      .then((s) => s && (this.button!.textContent = LABELS[lang][s.online ? 0 : 1]))
      .catch(() => undefined);
    // A conversation under way in this tab (a reload, another page of the site): resume it.
    try {
      if (sessionStorage.getItem(chatKey(this.base))) void this.toggle();
    } catch {
      // Storage disabled: nothing to resume.
    }
  }

  /** Shows the panel (loading its code the first time) or minimises it. */
  private async toggle(): Promise<void> {
    const b = this.button!;
    if (b.ariaBusy) return;
    const open = b.ariaExpanded !== 'true';
    if (!this.panel) {
      b.ariaBusy = 'true';
      try {
        await import('./chat.ts');
      } catch (err) {
        // The next activation tries again (a flaky connection, say).
        console.error('ECAM Participa: no se pudo cargar <ecam-chat>', err);
        return;
      } finally {
        b.ariaBusy = null;
      }
      this.panel = document.createElement('ecam-chat-panel');
      this.panel.apiBase = this.base;
      this.panel.storageKey = chatKey(this.base);
      this.panel.setAttribute('part', 'panel');
      this.shadowRoot!.prepend(this.panel);
    }
    b.ariaExpanded = String(open);
    this.panel.hidden = !open;
    if (open) this.panel.focus();
  }
}

if (!customElements.get('ecam-chat')) customElements.define('ecam-chat', EcamChat);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-chat': EcamChat;
  }
}
