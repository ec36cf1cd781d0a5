/**
 * The loader a webmaster's `<script type="module" src="https://…/widgets/ecam.js">` points at.
 * It costs almost nothing up front: a widget's code is fetched only when its tag is in the
 * page, now or later (content rendered late, tabs, modals). No globals, no global CSS.
 */

/** Tag name -> the chunk that defines it. A new widget is one more line here. */
const widgets: Record<string, () => Promise<unknown>> = {
  'ecam-pqrs': () => import('./pqrs/pqrs.ts'),
  'ecam-tracker': () => import('./tracker/tracker.ts'),
  'ecam-survey': () => import('./survey/survey.ts'),
  'ecam-avisos': () => import('./avisos/avisos.ts'),
  'ecam-informe': () => import('./informe/informe.ts'),
  'ecam-agenda': () => import('./events/agenda.ts'),
  'ecam-event': () => import('./events/event.ts'),
  // The chat's launcher is tiny and has no Lit: it says at once whether someone can answer; the
  // panel (Lit) is fetched on the first click. A chunk too, so pages without a chat pay nothing.
  'ecam-chat': () => import('./chat/launcher.ts'),
};

const tags = Object.keys(widgets);
const requested = new Set<string>();

function load(tag: string): void {
  // Already defined also covers a second copy of this loader served from another URL.
  if (requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  widgets[tag]!().catch((err: unknown) => {
    // A later appearance of the tag may try again (a flaky connection, say).
    requested.delete(tag);
    console.error(`ECAM Participa: no se pudo cargar <${tag}>`, err);
  });
}

function scan(root: Element | Document): void {
  for (const tag of tags) {
    if (requested.has(tag)) continue;
    if ((root instanceof Element && root.localName === tag) || root.querySelector(tag)) load(tag);
  }
}

scan(document);
// The observer stays: a page rarely holds every widget, so "all defined" almost never comes, and
// once a tag is requested its check is one Set lookup per added element.
new MutationObserver((mutations) => {
  for (const m of mutations) for (const node of m.addedNodes) if (node instanceof Element) scan(node);
}).observe(document, { childList: true, subtree: true });

export {};
