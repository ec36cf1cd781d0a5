/**
 * «Insertar en su sitio» (/admin#/insertar) in real Chromium against the real API: axe on each
 * state, the snippet following the options, the preview rendering the real widget (the chat's
 * launcher through the loader at /widgets/ecam.js), a colour that fails contrast told next to it.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { Survey } from '../../api/survey/schemas.ts';
import type { EcamAdmin } from '../../widgets/admin/admin.ts';
import { WAIT, apiLogin, apiLogout, apiPost, click, fill, openPage, text, v, vAll, view } from './admin-page.ts';

const LOADER = `<script type="module" src="${location.origin}/widgets/ecam.js"></script>`;

const button = (el: EcamAdmin, name: string) => (vAll(el, 'button').find((b) => text(b) === name) as HTMLElement | undefined) ?? null;

const code = (el: EcamAdmin) => v<HTMLTextAreaElement>(el, '#code')!.value;

/** The element in the preview frame, once defined and rendered by its own code. */
async function previewed(el: EcamAdmin, tag: string): Promise<HTMLElement> {
  await waitUntil(
    () => {
      const w = v(el, '.preview')?.firstElementChild;
      return w?.localName === tag && customElements.get(tag) && w.shadowRoot?.childElementCount;
    },
    `the preview never showed <${tag}>`,
    WAIT,
  );
  return v(el, '.preview')!.firstElementChild as HTMLElement;
}

async function openEmbed(): Promise<EcamAdmin> {
  const el = await openPage('#/insertar');
  await waitUntil(() => v(el, '#widget'), 'the embed view never appeared', WAIT);
  return el;
}

let csrfToken = '';
let survey: Survey;

before(async () => {
  ({ csrfToken } = await apiLogin());
  const slug = `insertar-${Date.now().toString(36)}`;
  const created = await apiPost<Survey>(
    csrfToken,
    '/api/admin/surveys',
    { slug, title: 'Satisfacción con el curso', questions: [{ id: 'volveria', type: 'yesno', label: '¿Volvería?', required: true }] },
    201,
  );
  survey = await apiPost<Survey>(csrfToken, `/api/admin/surveys/${created.id}/open`, {});
});

after(async () => {
  document.documentElement.lang = 'es';
  localStorage.removeItem('ecam-admin-lang');
  await apiLogout();
});

describe('Insertar en su sitio', () => {
  it('is in the navigation and starts with the PQRSD form: the two lines and the real widget', async () => {
    const el = await openEmbed();
    await expect(el).to.be.accessible();
    const link = el.shadowRoot!.querySelector('nav a[href="#/insertar"]');
    expect(text(link)).to.equal('Insertar en su sitio');
    expect(link!.getAttribute('aria-current')).to.equal('page');
    expect(text(v(el, 'h1'))).to.equal('Insertar en su sitio');
    expect(code(el)).to.equal(`${LOADER}\n<ecam-pqrs></ecam-pqrs>`);
    const widget = await previewed(el, 'ecam-pqrs');
    // The real form, with its own labels, inside a frame nobody can use by mistake.
    await waitUntil(() => widget.shadowRoot!.querySelector('form'), 'the form never rendered', WAIT);
    expect(v(el, '.preview')!.hasAttribute('inert')).to.equal(true);
    // The list of surveys came (the view's code arrived after <ecam-admin> gave it the API client).
    await waitUntil(() => v(el, '#widget') && (view(el) as unknown as { surveys?: unknown[] }).surveys, 'no survey list', WAIT);
    expect(text(v(el, '.alert'))).to.equal('');
  });

  it('follows the chosen options in the snippet and the preview', async () => {
    const el = await openEmbed();
    fill(v(el, '#opt-tracker-url'), '/seguimiento');
    fill(v(el, '#opt-lang'), 'en');
    fill(v(el, '#opt-theme'), 'dark');
    await waitUntil(() => code(el).includes('tracker-url'), 'the snippet never changed', WAIT);
    expect(code(el)).to.equal(`${LOADER}\n<ecam-pqrs tracker-url="/seguimiento" lang="en" theme="dark"></ecam-pqrs>`);
    const widget = await previewed(el, 'ecam-pqrs');
    expect(widget.getAttribute('tracker-url')).to.equal('/seguimiento');
    expect(widget.getAttribute('lang')).to.equal('en');
    await expect(el).to.be.accessible();

    // Another API origin goes in the snippet, never in the preview (it talks to this server).
    fill(v(el, '#opt-api-base'), 'https://otro.example.co');
    await waitUntil(() => code(el).includes('api-base="https://otro.example.co"'), 'api-base not in the snippet', WAIT);
    expect((await previewed(el, 'ecam-pqrs')).hasAttribute('api-base')).to.equal(false);

    fill(v(el, '#widget'), 'ecam-tracker');
    await waitUntil(() => code(el).includes('<ecam-tracker'), 'the tracker never replaced the form', WAIT);
    expect(code(el)).to.equal(`${LOADER}\n<ecam-tracker lang="en" theme="dark" api-base="https://otro.example.co"></ecam-tracker>`);
    await previewed(el, 'ecam-tracker');
    await expect(el).to.be.accessible();
  });

  it('offers the surveys by name and previews the chosen one with its layout', async () => {
    const el = await openEmbed();
    fill(v(el, '#widget'), 'ecam-survey');
    await waitUntil(() => v(el, '#opt-survey'), 'no survey field', WAIT);
    const select = v<HTMLSelectElement>(el, '#opt-survey')!;
    // The surveys' names arrive from the API after the field shows.
    const names = () => Array.from(select.options).map((o) => o.textContent!.trim());
    await waitUntil(() => names().includes(`Satisfacción con el curso (${survey.slug})`), 'the survey is not offered by name', WAIT);
    fill(select, survey.slug);
    fill(v(el, '#opt-layout'), 'steps');
    await waitUntil(() => code(el).includes('layout="steps"'), 'the layout never reached the snippet', WAIT);
    expect(code(el)).to.equal(`${LOADER}\n<ecam-survey survey="${survey.slug}" layout="steps"></ecam-survey>`);
    const widget = await previewed(el, 'ecam-survey');
    await waitUntil(() => text(widget.shadowRoot!.querySelector('h2, h1')).includes('Satisfacción con el curso'), 'the survey never showed', WAIT);
    await expect(el).to.be.accessible();
  });

  it('previews the chat launcher from the loader, floating or inline', async () => {
    const el = await openEmbed();
    fill(v(el, '#widget'), 'ecam-chat');
    await waitUntil(() => v(el, '#opt-inline'), 'no inline option', WAIT);
    expect(code(el)).to.equal(`${LOADER}\n<ecam-chat></ecam-chat>`);
    const floating = await previewed(el, 'ecam-chat');
    expect(floating.shadowRoot!.querySelector('button')).to.exist;
    click(v(el, '#opt-inline'));
    await waitUntil(() => code(el).includes('<ecam-chat inline>'), 'inline never reached the snippet', WAIT);
    expect((await previewed(el, 'ecam-chat')).hasAttribute('inline')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('warns next to a colour that fails AA contrast, and puts the colours in the snippet and the preview', async () => {
    const el = await openEmbed();
    expect(v(el, '.warning')).to.equal(null);
    fill(v(el, '#css-ecam-primary'), '#77aaff');
    await waitUntil(() => v(el, '#css-ecam-primary-warning'), 'no contrast warning', WAIT);
    expect(text(v(el, '#css-ecam-primary-warning'))).to.equal(
      'Atención: «Color principal (botones y enlaces)» tiene un contraste de 2,3:1 sobre el fondo blanco; las pautas WCAG 2.1 AA piden al menos 4,5:1 para el texto. Algunas personas no podrán leerlo.',
    );
    expect(v(el, '#css-ecam-primary')!.getAttribute('aria-describedby')).to.equal('css-ecam-primary-warning');
    // White text on that light blue fails too: told on the text colour's field.
    expect(text(v(el, '#css-ecam-primary-contrast-warning'))).to.include('con el color principal');
    expect(code(el)).to.equal(`${LOADER}\n<style>\n  ecam-pqrs {\n    --ecam-primary: #77aaff;\n  }\n</style>\n<ecam-pqrs></ecam-pqrs>`);
    const widget = await previewed(el, 'ecam-pqrs');
    expect(widget.style.getPropertyValue('--ecam-primary')).to.equal('#77aaff');
    expect(text(v(el, 'form'))).to.include('tema oscuro');
    await expect(el).to.be.accessible();

    fill(v(el, '#css-ecam-primary'), '#004884');
    await waitUntil(() => !v(el, '.warning'), 'the warning stayed with a dark blue', WAIT);
    expect(code(el)).to.include('--ecam-primary: #004884;');
  });

  it('takes a CSS length for the corners and says so otherwise; resets the appearance', async () => {
    const el = await openEmbed();
    fill(v(el, '#css-radius'), 'redondo');
    await waitUntil(() => v(el, '#css-radius-error'), 'no error for the radius', WAIT);
    expect(text(v(el, '#css-radius-error'))).to.equal('Error: Redondeo de las esquinas: escriba una medida CSS como 0, 5px o 0.5rem.');
    expect(v(el, '#css-radius')!.getAttribute('aria-invalid')).to.equal('true');
    expect(code(el)).not.to.include('--ecam-radius');
    await expect(el).to.be.accessible();
    fill(v(el, '#css-radius'), '0');
    fill(v(el, '#css-font'), 'Georgia, serif; } body { display: none');
    await waitUntil(() => code(el).includes('--ecam-radius: 0;'), 'the radius never reached the snippet', WAIT);
    // Nothing typed can end the declaration or the <style>.
    expect(code(el)).to.include('--ecam-font-family: Georgia, serif  body  display: none;');
    click(button(el, 'Restablecer colores y forma'));
    await waitUntil(() => !code(el).includes('<style>'), 'the appearance was not reset', WAIT);
  });

  it('copies the code, or selects it and says how when the browser refuses', async () => {
    const el = await openEmbed();
    click(button(el, 'Copiar el código'));
    await waitUntil(() => text(v(el, '[role="status"]')), 'nothing said after copying', WAIT);
    const said = text(v(el, '[role="status"]'));
    expect(['Código copiado.', 'No se pudo copiar: seleccione el texto del código y cópielo con Ctrl+C.']).to.include(said);
    if (said !== 'Código copiado.') {
      const area = v<HTMLTextAreaElement>(el, '#code')!;
      expect(area.selectionEnd - area.selectionStart).to.equal(area.value.length);
    }
  });

  it('speaks English with the page in English', async () => {
    document.documentElement.lang = 'en';
    try {
      const el = await openEmbed();
      expect(text(v(el, 'h1'))).to.equal('Embed on your site');
      expect(text(el.shadowRoot!.querySelector('nav a[href="#/insertar"]'))).to.equal('Embed on your site');
      fill(v(el, '#css-ecam-text'), '#aaaaaa');
      await waitUntil(() => v(el, '#css-ecam-text-warning'), 'no warning in English', WAIT);
      expect(text(v(el, '#css-ecam-text-warning'))).to.match(/^Warning: “Text colour” has a contrast of 2\.3:1 on the white background/);
      await expect(el).to.be.accessible();
    } finally {
      document.documentElement.lang = 'es';
    }
  });
});

describe('embedSnippet', () => {
  it('writes the loader, the custom properties and the element, escaping attribute values', async () => {
    // Imported here, after the page tests: there the view's code arrives lazily, as in production.
    const { embedSnippet } = await import('../../widgets/admin/embed.ts');
    expect(embedSnippet('https://participa.ecam.gov.co', 'ecam-chat', [['inline', true], ['lang', 'en']], [])).to.equal(
      '<script type="module" src="https://participa.ecam.gov.co/widgets/ecam.js"></script>\n<ecam-chat inline lang="en"></ecam-chat>',
    );
    expect(embedSnippet('https://x.co', 'ecam-pqrs', [['tracker-url', '/a?b=1&c="2"<']], [['--ecam-primary', '#004884']])).to.equal(
      [
        '<script type="module" src="https://x.co/widgets/ecam.js"></script>',
        '<style>',
        '  ecam-pqrs {',
        '    --ecam-primary: #004884;',
        '  }',
        '</style>',
        '<ecam-pqrs tracker-url="/a?b=1&amp;c=&quot;2&quot;&lt;"></ecam-pqrs>',
      ].join('\n'),
    );
  });
});
