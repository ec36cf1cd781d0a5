/**
 * Theming of every citizen widget in real Chromium: GOV.CO defaults, the dark theme (system
 * preference or the `theme` attribute), custom properties and `::part` from the host page,
 * reduced motion, and AA contrast of both default palettes (axe, and `contrastRatio` on the
 * tokens as the browser computes them). `<ecam-chat>` is checked on its launcher and on its
 * opened panel; the staff page's charts take their colours from its theme.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import { contrastRatio } from '../../widgets/shared/contrast.ts';
import '../../widgets/pqrs/pqrs.ts';
import '../../widgets/survey/survey.ts';
import '../../widgets/tracker/tracker.ts';
import '../../widgets/chat/launcher.ts';
import { Chart } from '../../widgets/admin/chart.ts';
import { apiLogin, openPage, v, waitForView } from './admin-page.ts';
import { WAIT } from './helpers.ts';

const SURVEY = 'satisfaccion-servicio';

/** Each citizen widget, mounted and ready (the survey once its definition has loaded). */
const WIDGETS: { tag: string; mount: (attrs?: string) => Promise<LitElement> }[] = [
  { tag: 'ecam-pqrs', mount: (attrs = '') => mount(`<ecam-pqrs ${attrs}></ecam-pqrs>`) },
  { tag: 'ecam-tracker', mount: (attrs = '') => mount(`<ecam-tracker ${attrs}></ecam-tracker>`) },
  {
    tag: 'ecam-survey',
    mount: async (attrs = '') => {
      const el = await mount(`<ecam-survey survey="${SURVEY}" ${attrs}></ecam-survey>`);
      await waitUntil(() => el.shadowRoot!.querySelector('form'), 'the survey never loaded', WAIT);
      return el;
    },
  },
];

async function mount(markup: string): Promise<LitElement> {
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.innerHTML = markup;
  const el = wrapper.firstElementChild as LitElement;
  await el.updateComplete;
  return el;
}

function shadow(el: Element, selector: string): HTMLElement {
  const found = el.shadowRoot!.querySelector<HTMLElement>(selector);
  expect(found, selector).to.exist;
  return found!;
}

const token = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(name).trim();
const WHITE = 'rgb(255, 255, 255)';
const DARK_SURFACE = 'rgb(20, 25, 31)';

afterEach(async () => {
  await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  document.getElementById('host-theme')?.remove();
});

describe('contrastRatio (widgets/shared/contrast.ts)', () => {
  it('gives the WCAG ratio of two hex colours, in either order', () => {
    expect(contrastRatio('#000000', '#ffffff')).to.be.closeTo(21, 1e-9);
    expect(contrastRatio('#fff', '#FFF')).to.equal(1);
    expect(contrastRatio('#3366CC', '#ffffff')).to.be.closeTo(5.37, 0.01);
    expect(contrastRatio('#ffffff', '#3366cc')).to.equal(contrastRatio('#3366cc', '#ffffff'));
    expect(contrastRatio('#767676', '#fff')).to.be.closeTo(4.54, 0.01);
  });

  it('refuses what is not a hex colour', () => {
    expect(() => contrastRatio('azul', '#fff')).to.throw(RangeError, /Color no válido/);
    expect(() => contrastRatio('#12345', '#fff')).to.throw(RangeError);
  });
});

describe('default palettes', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`the ${scheme} tokens meet AA: text 4.5:1 on both surfaces, control edges 3:1`, async () => {
      await emulateMedia({ colorScheme: scheme });
      const el = await WIDGETS[1]!.mount();
      const t = (name: string) => token(el, `--ecam-${name}`);
      for (const bg of ['surface', 'surface-alt'])
        for (const fg of ['text', 'heading', 'muted', 'primary', 'error'])
          expect(contrastRatio(t(fg), t(bg)), `${fg} on ${bg}`).to.be.at.least(4.5);
      expect(contrastRatio(t('success'), t('surface')), 'success').to.be.at.least(4.5);
      expect(contrastRatio(t('primary-contrast'), t('primary')), 'text on primary buttons').to.be.at.least(4.5);
      expect(contrastRatio(t('border'), t('surface')), 'control edges').to.be.at.least(3);
    });
  }
});

for (const w of WIDGETS) {
  describe(`<${w.tag}> themes`, () => {
    it('uses the GOV.CO defaults in the light theme, painting its own surface', async () => {
      const el = await w.mount();
      await expect(el).to.be.accessible();
      expect(getComputedStyle(el).backgroundColor).to.equal(WHITE);
      expect(getComputedStyle(el).colorScheme).to.equal('light');
      expect(getComputedStyle(el).fontFamily).to.match(/^"Work Sans", system-ui/);
      const submit = shadow(el, '[part~="submit"]');
      expect(getComputedStyle(submit).backgroundColor).to.equal('rgb(51, 102, 204)');
      expect(getComputedStyle(submit).color).to.equal(WHITE);
      expect(getComputedStyle(submit).borderRadius).to.equal('5px');
    });

    it('follows a dark system preference, and passes axe there', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const el = await w.mount();
      await expect(el).to.be.accessible();
      expect(getComputedStyle(el).backgroundColor).to.equal(DARK_SURFACE);
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      const submit = shadow(el, '[part~="submit"]');
      expect(getComputedStyle(submit).backgroundColor).to.equal('rgb(140, 177, 255)');
      const input = shadow(el, 'input:not([type="radio"], [type="checkbox"], [type="file"]), textarea');
      expect(getComputedStyle(input).backgroundColor).to.equal(DARK_SURFACE);
    });

    it('keeps the theme the host pins with the theme attribute, whatever the system says', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      const light = await w.mount('theme="light"');
      await expect(light).to.be.accessible();
      expect(getComputedStyle(light).backgroundColor).to.equal(WHITE);

      await emulateMedia({ colorScheme: 'light' });
      const dark = await w.mount('theme="dark"');
      await expect(dark).to.be.accessible();
      expect(getComputedStyle(dark).backgroundColor).to.equal(DARK_SURFACE);
    });

    it('takes custom properties and ::part rules from the host page', async () => {
      const style = document.createElement('style');
      style.id = 'host-theme';
      style.textContent = `
        .brand { --ecam-primary: #004884; --ecam-radius: 0px; --ecam-font-family: Georgia, serif; }
        .brand::part(submit) { text-transform: uppercase; }
        .brand::part(form) { padding: 7px; }`;
      document.head.append(style);
      const el = await w.mount('class="brand"');
      await expect(el).to.be.accessible();
      const submit = shadow(el, '[part~="submit"]');
      expect(getComputedStyle(submit).backgroundColor).to.equal('rgb(0, 72, 132)');
      expect(getComputedStyle(submit).borderRadius).to.equal('0px');
      expect(getComputedStyle(submit).textTransform).to.equal('uppercase');
      expect(getComputedStyle(submit).fontFamily).to.equal('Georgia, serif');
      expect(getComputedStyle(shadow(el, '[part~="form"]')).paddingTop).to.equal('7px');
      // Every widget names its main pieces the same way.
      for (const part of ['form', 'field', 'button']) shadow(el, `[part~="${part}"]`);
    });

    it('drops transitions and animations when the visitor asks for reduced motion', async () => {
      await emulateMedia({ reducedMotion: 'reduce' });
      const el = await w.mount();
      for (const node of [shadow(el, '[part~="submit"]'), shadow(el, '[part~="field"]')]) {
        const style = getComputedStyle(node);
        expect(parseFloat(style.transitionDuration)).to.be.below(0.001);
        expect(parseFloat(style.animationDuration)).to.be.below(0.001);
      }
    });
  });
}

// ---- <ecam-chat>: the launcher the loader defines, and the panel it opens ------------------

/** `<ecam-chat inline>` with its panel opened and showing a form (the chat's or the mailbox's). */
async function openChat(attrs = ''): Promise<{ el: HTMLElement; launcher: HTMLElement; panel: LitElement }> {
  const el: HTMLElement = await mount(`<ecam-chat inline ${attrs}></ecam-chat>`);
  const launcher = shadow(el, '[part~="launcher"]');
  launcher.click();
  await waitUntil(() => el.shadowRoot!.querySelector('ecam-chat-panel')?.shadowRoot?.querySelector('[part~="form"]'), 'the panel never showed a form', WAIT);
  const panel = el.shadowRoot!.querySelector<LitElement>('ecam-chat-panel')!;
  await panel.updateComplete;
  return { el, launcher, panel };
}

const background = (node: Element) => getComputedStyle(node).backgroundColor;

describe('<ecam-chat> themes', () => {
  afterEach(() => sessionStorage.clear());

  it('uses the GOV.CO defaults in the light theme, on the launcher and the panel', async () => {
    const { el, launcher, panel } = await openChat();
    await expect(el).to.be.accessible();
    expect(background(launcher)).to.equal('rgb(51, 102, 204)');
    expect(getComputedStyle(launcher).color).to.equal(WHITE);
    expect(getComputedStyle(launcher).borderRadius).to.equal('5px');
    expect(background(panel)).to.equal(WHITE);
    expect(getComputedStyle(panel).colorScheme).to.equal('light');
    expect(getComputedStyle(panel).fontFamily).to.match(/^"Work Sans", system-ui/);
    expect(background(shadow(panel, 'button.primary[part~="button"]'))).to.equal('rgb(51, 102, 204)');
  });

  it('follows a dark system preference, and passes axe there', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const { el, launcher, panel } = await openChat();
    await expect(el).to.be.accessible();
    expect(background(launcher)).to.equal('rgb(140, 177, 255)');
    expect(contrastRatio(token(panel, '--ecam-primary-contrast'), token(panel, '--ecam-primary'))).to.be.at.least(4.5);
    expect(background(panel)).to.equal(DARK_SURFACE);
    expect(getComputedStyle(panel).colorScheme).to.equal('dark');
    expect(background(shadow(panel, 'button.primary[part~="button"]'))).to.equal('rgb(140, 177, 255)');
    expect(background(shadow(panel, '[part~="field"] input, [part~="field"] textarea'))).to.equal(DARK_SURFACE);
  });

  it('keeps the theme the host pins with the theme attribute, on the launcher and the panel', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const light = await openChat('theme="light"');
    await expect(light.el).to.be.accessible();
    expect(background(light.launcher)).to.equal('rgb(51, 102, 204)');
    expect(background(light.panel)).to.equal(WHITE);
    light.el.remove();
    sessionStorage.clear();

    await emulateMedia({ colorScheme: 'light' });
    const dark = await openChat('theme="dark"');
    await expect(dark.el).to.be.accessible();
    expect(background(dark.launcher)).to.equal('rgb(140, 177, 255)');
    expect(background(dark.panel)).to.equal(DARK_SURFACE);

    // Changed later, it follows.
    dark.el.setAttribute('theme', 'light');
    await waitUntil(() => background(dark.panel) === WHITE, 'the panel kept the dark theme', WAIT);
    expect(background(dark.launcher)).to.equal('rgb(51, 102, 204)');
  });

  it('takes custom properties and ::part rules from the host page', async () => {
    const style = document.createElement('style');
    style.id = 'host-theme';
    style.textContent = `
      .brand { --ecam-primary: #004884; --ecam-radius: 0px; --ecam-font-family: Georgia, serif; }
      .brand::part(launcher) { text-transform: uppercase; }
      .brand::part(form) { padding: 7px; }
      .brand::part(button) { letter-spacing: 1px; }`;
    document.head.append(style);
    const { el, launcher, panel } = await openChat('class="brand"');
    await expect(el).to.be.accessible();
    expect(background(launcher)).to.equal('rgb(0, 72, 132)');
    expect(getComputedStyle(launcher).borderRadius).to.equal('0px');
    expect(getComputedStyle(launcher).textTransform).to.equal('uppercase');
    expect(getComputedStyle(launcher).fontFamily).to.equal('Georgia, serif');
    const button = shadow(panel, 'button.primary[part~="button"]');
    expect(background(button)).to.equal('rgb(0, 72, 132)');
    expect(getComputedStyle(button).borderRadius).to.equal('0px');
    expect(getComputedStyle(button).fontFamily).to.equal('Georgia, serif');
    expect(getComputedStyle(button).letterSpacing).to.equal('1px');
    expect(getComputedStyle(shadow(panel, '[part~="form"]')).paddingTop).to.equal('7px');
    for (const part of ['header', 'form', 'field', 'button']) shadow(panel, `[part~="${part}"]`);

    // The page changes its mind while the chat is open: the panel follows.
    el.classList.remove('brand');
    await waitUntil(() => background(button) === 'rgb(51, 102, 204)', 'the panel kept the page’s colour', WAIT);
    expect(getComputedStyle(button).borderRadius).to.equal('5px');
  });

  it('drops transitions and animations when the visitor asks for reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const { launcher, panel } = await openChat();
    for (const node of [launcher, shadow(panel, '[part~="button"]'), shadow(panel, '[part~="field"]'), shadow(panel, '[part~="header"]')]) {
      const style = getComputedStyle(node);
      expect(parseFloat(style.transitionDuration)).to.be.below(0.001);
      expect(parseFloat(style.animationDuration)).to.be.below(0.001);
    }
  });
});

// ---- The staff page's charts ------------------------------------------------------------------

describe('staff page charts', () => {
  it('draw their axis, legend and grid in the colours of the theme, and repaint when it changes', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    await apiLogin();
    const el = await openPage('#/reportes');
    await waitForView(el, 'ecam-admin-reports');
    await waitUntil(() => v(el, 'canvas') && Chart.getChart(v<HTMLCanvasElement>(el, 'canvas')!), 'no chart', WAIT);
    const canvas = v<HTMLCanvasElement>(el, 'canvas')!;
    const chart = Chart.getChart(canvas)!;
    const colours = () => {
      const o = chart.options as unknown as {
        scales: Record<'x' | 'y', { ticks: { color: string }; grid: { color: string }; title: { color: string } }>;
        plugins: { legend: { labels: { color: string } } };
      };
      return [o.scales.x.ticks.color, o.scales.y.ticks.color, o.scales.x.title.color, o.plugins.legend.labels.color, o.scales.x.grid.color];
    };
    const view = canvas.getRootNode() instanceof ShadowRoot ? (canvas.getRootNode() as ShadowRoot).host : canvas;
    expect(token(view, '--ecam-text')).to.equal('#e6e9ed');
    expect(colours()).to.deep.equal(['#e6e9ed', '#e6e9ed', '#e6e9ed', '#e6e9ed', '#3d4653']);
    expect(contrastRatio(token(view, '--ecam-text'), token(view, '--ecam-surface'))).to.be.at.least(4.5);
    await expect(el).to.be.accessible();

    await emulateMedia({ colorScheme: 'light' });
    await waitUntil(() => colours()[0] === '#4b4b4b', 'the chart kept the dark colours', WAIT);
    expect(colours()).to.deep.equal(['#4b4b4b', '#4b4b4b', '#4b4b4b', '#4b4b4b', '#d0d0d0']);
  });
});
