/**
 * The widgets on a hostile host page (issue 6 item 6, test/hostile-host/index.html): global CSS
 * that reverts and restyles everything, inherited text styles, class names the widgets also use,
 * an old jQuery-like `$`, AMD's `define`, a patched Array prototype, and a page CSP that lets
 * only the widgets' origin run code or be called. They must render, pass axe and file a PQRSD.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { filePqrs, track } from './citizen.ts';
import { launchChromium, startServer, type RunningServer } from './server.ts';
import { cspHash, startStaticHost, type StaticHost } from './static-host.ts';

let api: RunningServer;
let site: StaticHost;
let browser: Browser;

/** The hostile page with its CSP filled in: the API origin, and its own inline style and script by hash. */
function hostilePage(apiOrigin: string): string {
  const template = fs.readFileSync(path.resolve(import.meta.dirname, '../hostile-host/index.html'), 'utf8');
  const style = /<style>([\s\S]*?)<\/style>/.exec(template)![1]!;
  const script = /<script>([\s\S]*?)<\/script>/.exec(template)![1]!;
  const csp = [
    "default-src 'none'",
    `script-src ${apiOrigin} ${cspHash(script)}`,
    `style-src ${cspHash(style)}`,
    `connect-src ${apiOrigin}`,
    `img-src ${apiOrigin} data:`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return template.replace('{{CSP}}', csp).replace('{{API}}', apiOrigin);
}

before(async () => {
  site = await startStaticHost();
  api = await startServer({ ECAM_ALLOWED_ORIGINS: site.origin, ECAM_CHALLENGE_MAX_NUMBER: '2000' });
  site.page('/', hostilePage(api.url));
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await api?.stop();
  await site?.close();
});

/** The page, with what went wrong on it: uncaught errors, console errors, CSP violations. */
async function openHostile(): Promise<{ page: Page; problems: string[] }> {
  // A context of its own: axe needs one (browser.newPage() pages cannot run it).
  const page = await (await browser.newContext()).newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  await page.goto(`${site.origin}/`);
  return { page, problems };
}

test('the hostile page really is hostile: its CSS, globals and CSP are in force', async () => {
  const { page } = await openHostile();
  const host = await page.evaluate(() => ({
    transform: getComputedStyle(document.body).textTransform,
    boxSizing: getComputedStyle(document.body).boxSizing,
    jquery: (window as unknown as { $: { fn: { jquery: string } } }).$.fn.jquery,
    amd: typeof (window as unknown as { define?: unknown }).define,
  }));
  assert.deepEqual(host, { transform: 'uppercase', boxSizing: 'content-box', jquery: '1.4.2', amd: 'function' });
  // Code from anywhere but the widgets' origin is refused.
  const blocked = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.src = 'https://example.com/x.js';
    return new Promise<boolean>((resolve) => {
      document.addEventListener('securitypolicyviolation', () => resolve(true), { once: true });
      document.body.append(s);
    });
  });
  assert.equal(blocked, true);
  await page.context().close();
});

test('the widgets render unchanged there, pass axe, and a PQRSD can be filed and tracked', async () => {
  const { page, problems } = await openHostile();
  await page.locator('ecam-survey form').waitFor();
  await page.locator('ecam-tracker form').waitFor();

  // Inside the shadow roots nothing of the page's styling arrives but the font size.
  const inside = await page.evaluate(() =>
    ['ecam-pqrs', 'ecam-tracker', 'ecam-survey'].map((tag) => {
      const host = document.querySelector(tag)!;
      const form = host.shadowRoot!.querySelector('form')!;
      const input = form.querySelector<HTMLElement>('input:not([type="radio"], [type="checkbox"]), textarea')!;
      const s = getComputedStyle(input);
      const label = getComputedStyle(form.querySelector('label, legend')!);
      return {
        tag,
        formShown: getComputedStyle(form).display !== 'none',
        boxSizing: s.boxSizing,
        transform: label.textTransform,
        letterSpacing: label.letterSpacing,
        fontStyle: label.fontStyle,
        indent: label.textIndent,
        color: getComputedStyle(host).color,
        // No control sticks out of its form (content-box would add padding and border to 100%).
        overflow: input.getBoundingClientRect().right - form.getBoundingClientRect().right,
      };
    }),
  );
  for (const w of inside) {
    assert.deepEqual(
      { ...w, overflow: w.overflow <= 0.5 },
      { tag: w.tag, formShown: true, boxSizing: 'border-box', transform: 'none', letterSpacing: 'normal', fontStyle: 'normal', indent: '0px', color: 'rgb(75, 75, 75)', overflow: true },
    );
  }

  // No widget took AMD's define for its loader. axe itself would (it is UMD), so it runs without it.
  assert.equal(await page.evaluate(() => (window as unknown as { define: { calls: unknown[] } }).define.calls.length), 0);
  await page.evaluate(() => {
    const w = window as unknown as { define?: unknown; hiddenDefine?: unknown };
    [w.hiddenDefine, w.define] = [w.define, undefined];
  });
  const axe = await new AxeBuilder({ page }).include('ecam-pqrs').include('ecam-tracker').include('ecam-survey').analyze();
  await page.evaluate(() => {
    const w = window as unknown as { define?: unknown; hiddenDefine?: unknown };
    [w.define, w.hiddenDefine] = [w.hiddenDefine, undefined];
  });
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);

  const { radicado, code } = await filePqrs(page.locator('ecam-pqrs'));
  assert.match(radicado, /^ECAM-\d{4}-\d{6}$/);
  const tracker = page.locator('ecam-tracker');
  await track(tracker, radicado, code);
  await tracker.getByRole('heading', { name: `Estado de la solicitud ${radicado}` }).waitFor();

  // The widgets left the page's globals alone and added none of their own.
  assert.equal(await page.evaluate(() => (window as unknown as { $: { fn: { jquery: string } } }).$.fn.jquery), '1.4.2');
  assert.deepEqual(problems, []);
  await page.context().close();
});
