/**
 * Languages of the widgets and the admin page: Spanish (the source) and English.
 *
 * The staff page keeps each view's texts in a catalog (widgets/admin/catalog.ts):
 *
 *   const es = { send: 'Enviar', left: (n: number) => `Quedan ${n} caracteres` };
 *   export const messages = catalog(es, { send: 'Send', left: (n) => `${n} characters left` });
 *
 * The types make the compiler check that English has every key with the same shape, so a
 * missing or misspelt text fails `npm run build` (which type-checks first).
 * The element picks its language with `I18nController`: its own `lang` attribute, else the
 * nearest ancestor's (crossing shadow roots), else `<html lang>`, else Spanish.
 *
 * A citizen widget, whose every byte a municipal page pays for, keeps its English in a chunk of
 * its own fetched only by pages that need it: `lazyCatalog(es, () => import('./messages.en.ts'))`,
 * with `export const en: Messages<Es> = {...}` there (checked by the compiler just the same), and
 * delays its renders until the texts are here so nobody sees a flash of Spanish:
 *
 *   protected override scheduleUpdate() { return this.i18n.whenReady(() => super.scheduleUpdate()); }
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Lang = 'es' | 'en';

/** A catalog's entry: a plain text, or a function of the values it mentions. */
export type Text = string | ((...args: never[]) => string);

/** The shape every language of a catalog must have, taken from the Spanish source. */
export type Messages<T extends Record<string, Text>> = {
  [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : string;
};


/** Texts whose English may still have to be fetched (`load`); `en` once it is here. */
export interface Catalog<M> {
  es: M;
  en?: M;
  load?: () => Promise<{ en: M }>;
}

/** A widget's texts, with the English in a module of its own that is fetched on first use. */
export function lazyCatalog<T extends Record<string, Text>>(
  es: T,
  load: () => Promise<{ en: Messages<T> }>,
): Catalog<Messages<T>> {
  return { es: es as unknown as Messages<T>, load };
}

/** Fetches (once per catalog) the English of a lazy catalog; a failure leaves the Spanish. */
const loading = new WeakMap<Catalog<unknown>, Promise<void>>();
function loadEnglish(messages: Catalog<unknown>): Promise<void> | undefined {
  if (messages.en || !messages.load) return undefined;
  let pending = loading.get(messages);
  if (!pending) {
    pending = messages.load().then(
      (m) => void (messages.en = m.en),
      () => void loading.delete(messages),
    );
    loading.set(messages, pending);
  }
  return pending;
}

function normalize(tag: string | null | undefined): Lang {
  return tag?.trim().toLowerCase().startsWith('en') ? 'en' : 'es';
}

/** The language an element should speak: nearest `lang` attribute (through shadow roots), else Spanish. */
export function langOf(el: Element): Lang {
  let node: Element | null = el;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    if (found) return normalize(found.getAttribute('lang'));
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return normalize(document.documentElement.lang);
}

/** The Intl locale of a language: Colombian Spanish, or English. */
export function localeOf(lang: Lang): string {
  return lang === 'en' ? 'en-US' : 'es-CO';
}

/**
 * Gives an element its texts (`this.i18n.t.send`) and re-renders it when its language
 * changes (its own or `<html>`'s `lang` attribute).
 */
export class I18nController<M> implements ReactiveController {
  lang: Lang = 'es';
  private observer?: MutationObserver;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly messages: Catalog<M>,
  ) {
    host.addController(this);
  }

  /** The texts in the element's language (Spanish while English is on its way or failed to come). */
  get t(): M {
    return (this.lang === 'en' && this.messages.en) || this.messages.es;
  }

  /** Runs `update` once the texts in the element's language are here (at once if they are). */
  whenReady(update: () => void): void | Promise<void> {
    const pending = this.lang === 'en' ? loadEnglish(this.messages as Catalog<unknown>) : undefined;
    return pending ? pending.then(update) : update();
  }

  /** The Intl locale for dates and numbers. */
  get locale(): string {
    return localeOf(this.lang);
  }

  hostConnected(): void {
    this.refresh();
    this.observer = new MutationObserver(() => this.refresh());
    this.observer.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  private refresh(): void {
    const lang = langOf(this.host);
    if (lang === this.lang) return;
    this.lang = lang;
    this.host.requestUpdate();
  }
}
