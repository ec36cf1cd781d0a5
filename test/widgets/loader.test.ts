/** The loader fetches a widget's code only when its tag shows up, and tolerates a second copy. */
import { expect, waitUntil } from '@open-wc/testing';

describe('widgets/index.ts (ecam.js)', () => {
  it('loads <ecam-pqrs> only once the tag appears in the page', async () => {
    await import('../../widgets/index.ts');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(customElements.get('ecam-pqrs')).to.equal(undefined);

    const host = document.createElement('div');
    host.innerHTML = '<section><ecam-pqrs></ecam-pqrs></section>';
    document.body.append(host);
    await waitUntil(() => customElements.get('ecam-pqrs'), 'ecam-pqrs was never defined', { timeout: 10_000 });
    await customElements.whenDefined('ecam-pqrs');
    const el = host.querySelector('ecam-pqrs')!;
    expect(el.shadowRoot).to.exist;
    host.remove();
  });

  it('loads <ecam-agenda> and <ecam-event> (issue 12) when they appear, each on its own', async () => {
    await import('../../widgets/index.ts');
    expect(customElements.get('ecam-event')).to.equal(undefined);
    const host = document.createElement('div');
    host.innerHTML = '<ecam-agenda view="list"></ecam-agenda>';
    document.body.append(host);
    await waitUntil(() => customElements.get('ecam-agenda'), 'ecam-agenda was never defined', { timeout: 10_000 });
    expect(customElements.get('ecam-event')).to.equal(undefined);
    host.innerHTML = '<ecam-event event="no-existe"></ecam-event>';
    await waitUntil(() => customElements.get('ecam-event'), 'ecam-event was never defined', { timeout: 10_000 });
    host.remove();
  });

  it('can be included twice from different URLs without throwing', async () => {
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    // The same file under another URL is a separate module instance, as with two script tags.
    await import(/* @vite-ignore */ `${new URL('../../widgets/index.ts', import.meta.url).href}?copy=2`);
    const el = document.createElement('ecam-pqrs');
    document.body.append(el);
    await new Promise((resolve) => setTimeout(resolve, 300));
    window.removeEventListener('error', onError);
    expect(errors).to.deep.equal([]);
    el.remove();
  });
});
