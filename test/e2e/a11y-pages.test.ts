/**
 * Whole pages as a visitor's browser shows them (issue 6 items 1 and 5): axe (WCAG 2.1 A and AA)
 * on the demo pages and on every view of /admin in Spanish and English, light and dark theme; no horizontal
 * scrolling at 200 % zoom or 320 px wide; the loader fetches only the code of the elements in
 * the page, can be included twice, adds no globals; and the widgets cause no layout shift.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, startServer, type RunningServer } from './server.ts';
import { ADMIN_PASSWORD, signIn } from './staff.ts';
import { bare, startStaticHost, type StaticHost } from './static-host.ts';

let server: RunningServer;
let site: StaticHost;
let browser: Browser;
let radicado = '';

before(async () => {
  site = await startStaticHost();
  server = await startServer({
    ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD,
    ECAM_ALLOWED_ORIGINS: site.origin,
    // Nothing here is about abuse protection; one request for the request view.
    ECAM_CHALLENGE: 'off',
    ECAM_RATE_LIMIT: 'off',
  });
  const res = await fetch(`${server.url}/api/pqrs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'peticion',
      subject: 'Certificado del curso',
      description: 'Necesito el certificado del curso de contabilidad básica que terminé en junio.',
      responseChannel: 'online',
      consent: true,
      requester: { kind: 'natural', documentType: 'CC', documentNumber: '1098765432', name: 'Luz Marina Rojas' },
    }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  radicado = ((await res.json()) as { radicado: string }).radicado;
  const events = (await (await fetch(`${server.url}/api/events?kind=rendicion-cuentas`)).json()) as { slug: string }[];
  sampleEvent = events[0]!.slug;
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  await site?.close();
});

/** The event page of the demo shows the sample rendición de cuentas (its slug carries the year). */
const EVENT_PAGE = '/participe/evento.html';
const DEMO_PAGES = ['/', '/temas/', '/participe/', EVENT_PAGE];
let sampleEvent = '';
const THEMES = ['light', 'dark'] as const;
const LANGS = ['es', 'en'] as const;

/** Turns the demo page to English (`<html lang>`) and waits until the widgets have their English texts. */
async function inEnglish(page: Page): Promise<void> {
  await page.evaluate(() => (document.documentElement.lang = 'en'));
  const english = {
    'ecam-pqrs': 'Who is making the request?',
    'ecam-tracker': 'Filing number',
    'ecam-survey': 'You have answered',
    'ecam-agenda': 'Kind of event',
    'ecam-event': 'Add to my calendar',
  };
  for (const [tag, text] of Object.entries(english)) {
    for (const widget of await page.locator(tag).all()) await widget.getByText(text).first().waitFor({ state: 'attached' });
  }
}

/** axe with the WCAG 2.1 A and AA rules; the failures name the rule and the first nodes. */
async function axe(page: Page, where: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' > ')).join(' | ')}`);
  assert.deepEqual(found, [], where);
}

/** A demo page with every widget on it ready (the surveys loaded). */
async function openDemo(page: Page, path: string): Promise<void> {
  await page.goto(`${server.url}${path}${path === EVENT_PAGE ? `?evento=${sampleEvent}` : ''}`);
  if (path.startsWith('/participe/')) {
    const ready = path === EVENT_PAGE ? 'ecam-event [part~="title"]' : 'ecam-agenda [part~="month"], ecam-agenda [part~="event"]';
    await page.locator(ready).first().waitFor();
    return;
  }
  const surveys = page.locator('ecam-survey form');
  await surveys.first().waitFor();
  for (const form of await surveys.all()) await form.waitFor();
}

/** Horizontal overflow of the whole document, in CSS pixels (0 when nothing scrolls sideways). */
function sideways(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth);
}

/** The addresses of /admin to visit: every section of the navigation, a request, a survey's pages and an event's. */
async function adminRoutes(page: Page): Promise<string[]> {
  const sections = await page.locator('ecam-admin nav a[href^="#/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  assert.ok(sections.length >= 6, sections.join(' '));
  await showRoute(page, '#/encuestas');
  const surveyLink = await page.locator('a[href^="#/encuesta/"]').first().getAttribute('href');
  const id = /^#\/encuesta\/(\d+)\//.exec(surveyLink ?? '')?.[1];
  assert.ok(id, `no survey link in #/encuestas (${surveyLink})`);
  // An event of the seeded plan and its pages (details, registrations, questions, results).
  const event = await page.evaluate(async () => ((await (await fetch('/api/admin/events')).json()) as { items: { id: number }[] }).items[0]?.id);
  assert.ok(event, 'no event in the seeded plan');
  return [
    ...sections,
    `#/solicitud/${radicado}`,
    ...['editar', 'vista-previa', 'resultados'].map((p) => `#/encuesta/${id}/${p}`),
    ...['editar', 'inscripciones', 'preguntas', 'memoria'].map((p) => `#/evento/${event}/${p}`),
  ];
}

/** Moves /admin to `hash` and waits until the view has its heading and nothing says it is loading. */
async function showRoute(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.locator('ecam-admin main h1').first().waitFor();
  await page.getByText(/^\s*(Cargando|Loading)/).first().waitFor({ state: 'detached' });
}

/** A signed-in staff page in a context of its own (axe needs a context). */
async function adminPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto(`${server.url}/admin`);
  await signIn(page);
  await page.locator('ecam-admin nav').waitFor();
  return { context, page };
}

describe('axe on whole pages, in both languages and both themes', () => {
  for (const lang of LANGS) {
    for (const colorScheme of THEMES) {
      const where = (what: string) => `${what} (${lang}, ${colorScheme})`;

      test(`the demo pages pass axe (${lang}, ${colorScheme})`, async () => {
        const context = await browser.newContext({ colorScheme });
        const page = await context.newPage();
        for (const path of DEMO_PAGES) {
          await openDemo(page, path);
          if (lang === 'en') await inEnglish(page);
          if (path === '/') {
            const surface = await page.locator('ecam-pqrs').evaluate((el) => getComputedStyle(el).backgroundColor);
            assert.equal(surface, colorScheme === 'dark' ? 'rgb(20, 25, 31)' : 'rgb(255, 255, 255)');
          }
          await axe(page, where(path));
        }
        await context.close();
      });

      test(`every view of /admin passes axe (${lang}, ${colorScheme})`, async () => {
        const context = await browser.newContext({ colorScheme });
        const page = await context.newPage();
        await page.goto(`${server.url}/admin`);
        await page.getByRole('heading', { name: 'Ingreso del personal' }).waitFor();
        await axe(page, where('login'));
        await signIn(page);
        await page.locator('ecam-admin nav').waitFor();
        if (lang === 'en') {
          // The switch in the header, as an official would.
          await page.getByRole('button', { name: 'English' }).click();
          await page.locator('ecam-admin nav').getByText('Inbox').waitFor();
        }
        const background = await page.locator('ecam-admin').evaluate((el) => getComputedStyle(el).backgroundColor);
        assert.equal(background, colorScheme === 'dark' ? 'rgb(13, 17, 22)' : 'rgb(246, 248, 249)');
        for (const route of await adminRoutes(page)) {
          await showRoute(page, route);
          await axe(page, where(route));
        }
        await context.close();
      });
    }
  }
});

describe('reflow: 200 % zoom and 320 px wide, no horizontal scrolling', () => {
  // 200 % zoom of a 1280 × 720 window lays the page out in 640 × 360 CSS pixels.
  const SIZES = [
    { name: '200 % zoom', viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 },
    { name: '320 px', viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 },
  ];
  for (const size of SIZES) {
    test(`demo pages and /admin at ${size.name}`, async () => {
      const { context, page } = await adminPage({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });
      const overflow: Record<string, number> = {};
      for (const route of await adminRoutes(page)) {
        await showRoute(page, route);
        overflow[route] = await sideways(page);
      }
      for (const path of DEMO_PAGES) {
        await openDemo(page, path);
        overflow[path] = await sideways(page);
      }
      assert.deepEqual(Object.entries(overflow).filter(([, px]) => px > 0), []);
      await context.close();
    });
  }
});

describe('the loader on the host page', () => {
  test('a page with only <ecam-survey> fetches the survey code and nothing of the other widgets', async () => {
    site.page('/solo-encuesta', bare(server.url, '<ecam-survey survey="satisfaccion-servicio"></ecam-survey>'));
    const page = await browser.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.url().startsWith(`${server.url}/widgets/`)) scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${site.origin}/solo-encuesta`);
    await page.locator('ecam-survey form').waitFor();
    assert.ok(scripts.some((s) => /\/chunks\/survey-[\w-]+\.js$/.test(s)), scripts.join(' '));
    assert.deepEqual(scripts.filter((s) => /\/chunks\/(pqrs|tracker|chat|admin)\b/.test(s) || s.endsWith('/admin.js')), []);
    // (The chat's launcher is part of the loader itself; its panel is a chunk, not fetched here.)
    assert.deepEqual(await page.evaluate(() => ['ecam-pqrs', 'ecam-tracker'].filter((t) => customElements.get(t))), []);
    await page.close();
  });

  test('including the loader twice (same and another URL) is harmless, and it adds no globals of its own', async () => {
    const widgets = '<ecam-tracker></ecam-tracker><ecam-survey survey="satisfaccion-servicio"></ecam-survey>';
    const twice = `<script type="module" src="${server.url}/widgets/ecam.js"></script><script type="module" src="${server.url}/widgets/ecam.js?otra-copia"></script>`;
    site.page('/dos-veces', bare(server.url, widgets + twice));
    site.page('/sin-widgets', bare(server.url, '').replace(/<script type="module"[^>]*><\/script>/, ''));

    const clean = await browser.newPage();
    await clean.goto(`${site.origin}/sin-widgets`);
    const baseline = new Set(await clean.evaluate(() => Object.getOwnPropertyNames(window)));
    await clean.close();

    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${site.origin}/dos-veces`);
    await page.locator('ecam-survey form').waitFor();
    await page.locator('ecam-tracker form').waitFor();
    assert.deepEqual(errors, []);
    assert.deepEqual(
      await page.evaluate(() => [...document.querySelectorAll('ecam-tracker, ecam-survey')].map((el) => el.shadowRoot!.querySelectorAll('form').length)),
      [1, 1],
    );
    // Lit registers its version in three arrays (so that two copies of Lit can be detected) and
    // keeps decorator metadata in a fourth; those are the only names the widgets add to the page.
    const added = (await page.evaluate(() => Object.getOwnPropertyNames(window))).filter((k) => !baseline.has(k));
    assert.deepEqual(added.sort(), ['litElementVersions', 'litHtmlVersions', 'litPropertyMetadata', 'reactiveElementVersions']);
    await page.close();
  });

  for (const path of DEMO_PAGES) {
    test(`the widgets shift nothing on ${path} (layout-shift sum 0)`, async () => {
      const page = await browser.newPage();
      await openDemo(page, path);
      // Buffered entries cover the whole load, from navigation on.
      const shifts = await page.evaluate(
        () =>
          new Promise<number[]>((resolve) => {
            const values: number[] = [];
            new PerformanceObserver((list) => {
              for (const e of list.getEntries()) values.push((e as unknown as { value: number }).value);
            }).observe({ type: 'layout-shift', buffered: true });
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(values)));
          }),
      );
      assert.deepEqual(shifts, []);
      await page.close();
    });
  }
});
