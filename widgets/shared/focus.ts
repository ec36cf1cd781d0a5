import type { ReactiveElement } from 'lit';

/**
 * Moves the focus, once the pending render is done, to the element `selector` names in the
 * host's shadow root: the error summary, an alert, a new heading. Screen reader users hear what
 * changed, and keyboard users continue from there.
 */
export async function focusAfterRender(host: ReactiveElement, selector: string): Promise<void> {
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}
