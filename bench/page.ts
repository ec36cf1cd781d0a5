/**
 * The demo page in Chromium (playwright-core + the Performance API), with and without the
 * widgets' script: total blocking time the widgets add, layout shift, and the time from the
 * loader's request to the first widget on screen. Medians of `runs` loads. Also its Lighthouse
 * accessibility score (the `lighthouse` package against the same Chromium).
 */
import lighthouse from 'lighthouse';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/chromium.ts';
import { freePort, launchChromium } from '../test/e2e/server.ts';

export interface PageMeasure {
  /** Sum of (long task − 50 ms) until the page settles, with the widgets minus without. */
  tbtAddedMs: number;
  /** Layout-shift sum with the widgets (target 0). */
  cls: number;
  /** From the request for ecam.js to the first frame with a rendered widget. */
  scriptToFirstWidgetMs: number;
}

// Runs in the page before anything else: long tasks, layout shifts and the first widget frame.
const PROBE = `(() => {
  const probe = { longTasks: [], shifts: 0, firstWidget: null };
  Object.defineProperty(window, '__ecamBench', { value: probe });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => probe.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => (probe.shifts += e.value))).observe({ type: 'layout-shift', buffered: true });
  const look = () => {
    const el = document.querySelector('ecam-pqrs, ecam-tracker, ecam-survey');
    if (el && el.shadowRoot && el.shadowRoot.childElementCount > 0) probe.firstWidget = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function load(browser: Browser, url: string, withWidgets: boolean) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page: Page = await context.newPage();
  await page.addInitScript(PROBE);
  if (!withWidgets) {
    const html = (await (await fetch(url)).text()).replace(/<script type="module" src="\/widgets\/ecam\.js"><\/script>/, '');
    await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  }
  await page.goto(url, { waitUntil: 'load' });
  if (withWidgets) await page.locator('ecam-survey form').waitFor();
  await page.waitForTimeout(1000);
  const r = await page.evaluate(() => {
    const p = (window as unknown as { __ecamBench: { longTasks: number[]; shifts: number; firstWidget: number | null } }).__ecamBench;
    const script = performance.getEntriesByType('resource').find((e) => e.name.includes('/widgets/ecam.js'));
    return {
      tbt: p.longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
      cls: p.shifts,
      toWidget: script && p.firstWidget != null ? p.firstWidget - script.startTime : NaN,
    };
  });
  await context.close();
  return r;
}

export async function measureDemoPage(url: string, runs: number): Promise<PageMeasure> {
  const browser = await launchChromium();
  try {
    const withW = [];
    const without = [];
    for (let i = 0; i < runs; i++) {
      without.push(await load(browser, url, false));
      withW.push(await load(browser, url, true));
    }
    return {
      tbtAddedMs: Math.round(median(withW.map((r) => r.tbt)) - median(without.map((r) => r.tbt))),
      cls: Math.max(...withW.map((r) => r.cls)),
      scriptToFirstWidgetMs: Math.round(median(withW.map((r) => r.toWidget))),
    };
  } finally {
    await browser.close();
  }
}

export interface AccessibilityScore {
  /** Lighthouse's accessibility category, 0–100 (target 100). */
  score: number;
  /** The ids of the audits that failed (empty at 100). */
  failing: string[];
}

/**
 * Lighthouse's accessibility category for the page at `url`: Chromium started by playwright with
 * a DevTools port, and Lighthouse driving it through that port. Desktop screen, no throttling
 * (the accessibility audits do not depend on speed, and it keeps the run to a few seconds).
 */
export async function accessibilityScore(url: string): Promise<AccessibilityScore> {
  const port = await freePort();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`], headless: true });
  try {
    const result = await lighthouse(url, {
      port,
      onlyCategories: ['accessibility'],
      formFactor: 'desktop',
      screenEmulation: { mobile: false, width: 1280, height: 720, deviceScaleFactor: 1, disabled: false },
      throttlingMethod: 'provided',
      logLevel: 'error',
      output: 'json',
    });
    if (!result) throw new Error('Lighthouse no devolvió resultados');
    const { lhr } = result;
    const category = lhr.categories.accessibility;
    if (lhr.runtimeError || !category || category.score === null) {
      throw new Error(`Lighthouse no pudo medir la página: ${lhr.runtimeError?.message ?? 'sin puntaje'}`);
    }
    const failing = category.auditRefs.filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score === 0).map((ref) => ref.id);
    return { score: Math.round(category.score * 100), failing };
  } finally {
    await browser.close();
  }
}
