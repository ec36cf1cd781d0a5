import { css, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { SurveyListItem } from '../../api/survey/schemas.ts';
import { contrastRatio } from '../shared/contrast.ts';
import { I18nController } from '../shared/i18n.ts';
import { tokens } from '../shared/styles.ts';
import { messages, type EmbedOption, type EmbedTag, type EmbedValue } from './embed-messages.ts';
import { AdminView, describedBy, errorMessage, fieldError } from './view.ts';

/** An option of a widget: how it is chosen. */
interface AttributeOption {
  name: EmbedOption;
  kind: 'text' | 'survey' | 'select' | 'flag';
  values?: EmbedValue[];
}

const LANG: AttributeOption = { name: 'lang', kind: 'select', values: ['', 'es', 'en'] };
const THEME: AttributeOption = { name: 'theme', kind: 'select', values: ['', 'light', 'dark'] };
const API_BASE: AttributeOption = { name: 'api-base', kind: 'text' };

/**
 * The attributes each widget documents in its class comment (custom-elements.json), in the
 * order a webmaster decides them.
 */
const ATTRIBUTES: Record<EmbedTag, AttributeOption[]> = {
  'ecam-pqrs': [{ name: 'tracker-url', kind: 'text' }, { name: 'policy-url', kind: 'text' }, LANG, THEME, API_BASE],
  'ecam-tracker': [LANG, THEME, API_BASE],
  'ecam-survey': [{ name: 'survey', kind: 'survey' }, { name: 'layout', kind: 'select', values: ['', 'steps'] }, LANG, THEME, API_BASE],
  'ecam-chat': [{ name: 'inline', kind: 'flag' }, LANG, API_BASE],
};

const TAGS = Object.keys(ATTRIBUTES) as EmbedTag[];

/** The colours a webmaster may change, each checked for contrast against its background. */
const COLORS = ['--ecam-primary', '--ecam-primary-contrast', '--ecam-text', '--ecam-heading'] as const;
type Color = (typeof COLORS)[number];
const SHAPE = ['--ecam-radius', '--ecam-font-family'] as const;
type Shape = (typeof SHAPE)[number];

/** WCAG 2.1 AA for text (1.4.3). */
const AA = 4.5;
const WHITE = '#ffffff';

/** `#36c` as `#3366cc`, the only form `<input type="color">` takes. */
function longHex(value: string): string {
  const v = value.trim().toLowerCase();
  return /^#[0-9a-f]{3}$/.test(v) ? `#${[...v.slice(1)].map((c) => c + c).join('')}` : v;
}

/** A token's light default, read from the widgets' own stylesheet (widgets/shared/styles.ts). */
function tokenDefault(name: string): string {
  return new RegExp(`${name}:\\s*([^;]+);`).exec(tokens.cssText)?.[1]?.trim() ?? '';
}

/** A CSS length for the corners: `0`, `5px`, `0.5rem`, `10%`. */
const RADIUS = /^(0|\d{1,3}(\.\d{1,3})?(px|rem|em|%))$/;

/** A font list as a webmaster writes it, without what could end the declaration or the `<style>`. */
const fontFamily = (value: string) => value.replace(/[;{}<>\\\n\r]/g, '').trim();

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The code a webmaster pastes: the loader, a `<style>` with the custom properties (only when
 * some differ from the defaults) and the element with its attributes (`true`: a flag).
 */
export function embedSnippet(
  origin: string,
  tag: EmbedTag,
  attributes: [string, string | true][],
  properties: [string, string][],
): string {
  const lines = [`<script type="module" src="${origin}/widgets/ecam.js"></script>`];
  if (properties.length) {
    lines.push('<style>', `  ${tag} {`, ...properties.map(([name, value]) => `    ${name}: ${value};`), '  }', '</style>');
  }
  const attrs = attributes.map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`)).join('');
  lines.push(`<${tag}${attrs}></${tag}>`);
  return lines.join('\n');
}

/**
 * Defines a widget in this page for its preview: the chunks the loader fetches (the loader itself
 * would not see the tag in this page's shadow root).
 */
const DEFINE: Record<EmbedTag, () => Promise<unknown>> = {
  'ecam-pqrs': () => import('../pqrs/pqrs.ts'),
  'ecam-tracker': () => import('../tracker/tracker.ts'),
  'ecam-survey': () => import('../survey/survey.ts'),
  'ecam-chat': () => import('../chat/launcher.ts'),
};

/**
 * «Insertar en su sitio»: the webmaster chooses a widget, its attributes and its colours, and
 * gets the code to paste (with a copy button) and a preview of the real widget with those
 * options. A colour that fails AA contrast is told next to it.
 *
 * @summary Código para insertar los widgets en el sitio de la entidad.
 */
export class EcamAdminEmbed extends AdminView {
  static override styles = [
    ...AdminView.styles,
    css`
      .layout {
        display: grid;
        gap: 1.5rem;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 24rem), 1fr));
        align-items: start;
      }
      .colors {
        display: grid;
        gap: 1rem;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
      }
      input[type='color'] {
        inline-size: 4rem;
        block-size: 2.5rem;
        padding: 0.125rem;
      }
      .warning {
        margin: 0.25rem 0 0;
        padding: 0.5rem 0.75rem;
        border-left: 4px solid var(--ecam-note-border);
        background: var(--ecam-note-surface);
        color: var(--ecam-text);
      }
      textarea.code {
        inline-size: 100%;
        font-family: ui-monospace, 'Cascadia Mono', Consolas, monospace;
        font-size: 0.875rem;
        white-space: pre;
        overflow-x: auto;
      }
      .preview {
        /* A containing block for the chat's floating button, so it stays in the frame. */
        contain: layout paint;
        min-block-size: 6rem;
        padding: 1rem;
        border: 2px dashed var(--ecam-rule);
        border-radius: var(--ecam-radius);
        background: #fff;
      }
    `,
  ];

  private i18n = new I18nController(this, messages);

  @state() private tag: EmbedTag = 'ecam-pqrs';
  /** Attribute values as typed or chosen; empty means «leave it out». */
  @state() private attrs: Partial<Record<EmbedOption, string>> = {};
  /** Custom property values that differ from the defaults. */
  @state() private props: Partial<Record<Color | Shape, string>> = {};
  @state() private surveys?: SurveyListItem[];
  @state() private loadError = '';
  @state() private copyStatus = '';

  /** The element in the preview, kept while only its colours change (it keeps its state). */
  private previewKey = '';

  // Not in connectedCallback: this view's code arrives after <ecam-admin> has set `api` on the
  // element, and Lit gives such properties back only at the first update.
  protected override firstUpdated(): void {
    void this.loadSurveys();
  }

  private async loadSurveys(): Promise<void> {
    try {
      const { items } = await this.api.get<{ items: SurveyListItem[] }>('/surveys');
      // Open surveys first: those are the ones a page can show today.
      this.surveys = [...items].sort((a, b) => Number(b.state === 'open') - Number(a.state === 'open'));
      this.attrs = { survey: this.surveys[0]?.slug ?? '', ...this.attrs };
      this.loadError = '';
    } catch (err) {
      this.surveys = [];
      this.loadError = errorMessage(err);
    }
  }

  /** The chosen attributes of the current widget, in its order; flags as `true`. */
  private chosenAttributes(): [EmbedOption, string | true][] {
    const chosen: [EmbedOption, string | true][] = [];
    for (const option of ATTRIBUTES[this.tag]) {
      const value = this.attrs[option.name]?.trim() ?? '';
      if (option.kind === 'flag') {
        if (value) chosen.push([option.name, true]);
      } else if (value) chosen.push([option.name, value]);
    }
    return chosen;
  }

  /** The custom properties to set: changed colours, a valid radius, a font list. */
  private chosenProperties(): [Color | Shape, string][] {
    const chosen: [Color | Shape, string][] = [];
    for (const name of COLORS) {
      const value = this.props[name];
      if (value && value !== longHex(tokenDefault(name))) chosen.push([name, value]);
    }
    const radius = this.props['--ecam-radius']?.trim();
    if (radius && RADIUS.test(radius)) chosen.push(['--ecam-radius', radius]);
    const font = fontFamily(this.props['--ecam-font-family'] ?? '');
    if (font) chosen.push(['--ecam-font-family', font]);
    return chosen;
  }

  private code(): string {
    return embedSnippet(location.origin, this.tag, this.chosenAttributes(), this.chosenProperties());
  }

  private color(name: Color): string {
    return this.props[name] ?? longHex(tokenDefault(name));
  }

  /** The contrast warning of a colour, if it fails AA where the widgets use it. */
  private contrastWarning(name: Color): string {
    const t = this.i18n.t;
    const [background, against] = name === '--ecam-primary-contrast' ? [this.color('--ecam-primary'), t.onPrimary] : [WHITE, t.onWhite];
    let ratio: number;
    try {
      ratio = contrastRatio(this.color(name), background);
    } catch {
      return ''; // Not a hex colour (a default written otherwise): nothing to measure.
    }
    if (ratio >= AA) return '';
    // Rounded down: 4.46 must not read as 4.5.
    const shown = new Intl.NumberFormat(this.i18n.locale, { maximumFractionDigits: 1 }).format(Math.floor(ratio * 10) / 10);
    return t.contrast(t.label(name), shown, against);
  }

  private handleWidget(e: Event): void {
    this.tag = (e.target as HTMLSelectElement).value as EmbedTag;
    this.copyStatus = '';
  }

  private handleAttribute(name: EmbedOption, e: Event): void {
    const input = e.target as HTMLInputElement | HTMLSelectElement;
    const value = input instanceof HTMLInputElement && input.type === 'checkbox' ? (input.checked ? 'on' : '') : input.value;
    this.attrs = { ...this.attrs, [name]: value };
    this.copyStatus = '';
  }

  private handleProperty(name: Color | Shape, e: Event): void {
    this.props = { ...this.props, [name]: (e.target as HTMLInputElement).value };
    this.copyStatus = '';
  }

  private handleResetStyle(): void {
    this.props = {};
    this.copyStatus = '';
  }

  private async handleCopy(): Promise<void> {
    const t = this.i18n.t;
    try {
      await navigator.clipboard.writeText(this.code());
      this.copyStatus = t.copied;
    } catch {
      // No clipboard permission (an old browser, a locked-down profile): the text is selected.
      this.renderRoot.querySelector<HTMLTextAreaElement>('#code')?.select();
      this.copyStatus = t.copyFailed;
    }
  }

  protected override updated(): void {
    this.updatePreview();
  }

  /** Puts the real widget in the preview: a new one when its attributes change, live colours otherwise. */
  private updatePreview(): void {
    const box = this.renderRoot.querySelector<HTMLElement>('.preview');
    if (!box) return;
    // The preview always talks to this server: another API origin is the page's business.
    const attributes = this.chosenAttributes().filter(([name]) => name !== 'api-base');
    const key = JSON.stringify([this.tag, attributes]);
    if (key !== this.previewKey || !box.firstElementChild) {
      this.previewKey = key;
      const el = document.createElement(this.tag);
      for (const [name, value] of attributes) el.setAttribute(name, value === true ? '' : value);
      box.replaceChildren(el);
      DEFINE[this.tag]().catch((err: unknown) => (this.loadError = errorMessage(err)));
    }
    const el = box.firstElementChild as HTMLElement;
    const chosen = new Map(this.chosenProperties());
    // Through the CSSOM, which the page's CSP allows (a style attribute it would refuse).
    for (const name of [...COLORS, ...SHAPE]) {
      const value = chosen.get(name);
      if (value) el.style.setProperty(name, value);
      else el.style.removeProperty(name);
    }
  }

  private renderAttribute(option: AttributeOption): TemplateResult {
    const t = this.i18n.t;
    const id = `opt-${option.name}`;
    const hint = t.hint(option.name);
    const hintId = hint ? `${id}-hint` : '';
    const value = this.attrs[option.name] ?? '';
    const hintText = hint ? html`<p class="hint" id=${hintId}>${hint}</p>` : nothing;
    switch (option.kind) {
      case 'flag':
        return html`<div class="check">
          <input type="checkbox" id=${id} .checked=${Boolean(value)} @change=${(e: Event) => this.handleAttribute(option.name, e)} />
          <label for=${id}>${t.label(option.name)}</label>
        </div>`;
      case 'select':
        return html`<div class="field">
          <label for=${id}>${t.label(option.name)}</label>
          <select id=${id} @change=${(e: Event) => this.handleAttribute(option.name, e)}>
            ${option.values!.map(
              (v) => html`<option value=${v} ?selected=${v === value}>${v ? t.value(v) : t.defaultOf(option.name)}</option>`,
            )}
          </select>
        </div>`;
      case 'survey':
        if (this.surveys?.length) {
          return html`<div class="field">
            <label for=${id}>${t.label(option.name)}</label>
            <select id=${id} @change=${(e: Event) => this.handleAttribute(option.name, e)}>
              ${this.surveys.map((s) => html`<option value=${s.slug} ?selected=${s.slug === value}>${t.surveyOption(s.title, s.slug)}</option>`)}
            </select>
          </div>`;
        }
        return html`<div class="field">
          <label for=${id}>${t.label(option.name)}</label>
          <p class="hint" id=${`${id}-hint`}>${t.noSurveys}</p>
          <input id=${id} aria-describedby=${`${id}-hint`} .value=${value} @change=${(e: Event) => this.handleAttribute(option.name, e)} />
        </div>`;
      case 'text':
        return html`<div class="field">
          <label for=${id}>${t.label(option.name)}</label>
          ${hintText}
          <input id=${id} aria-describedby=${hintId || nothing} .value=${value} @change=${(e: Event) => this.handleAttribute(option.name, e)} />
        </div>`;
    }
  }

  private renderColor(name: Color): TemplateResult {
    const t = this.i18n.t;
    const id = `css-${name.slice(2)}`;
    const warning = this.contrastWarning(name);
    return html`<div class="field">
      <label for=${id}>${t.label(name)}</label>
      <input type="color" id=${id} .value=${this.color(name)} aria-describedby=${warning ? `${id}-warning` : nothing} @input=${(e: Event) => this.handleProperty(name, e)} />
      <div aria-live="polite">${warning ? html`<p class="warning" id=${`${id}-warning`}>${warning}</p>` : nothing}</div>
    </div>`;
  }

  private renderShape(): TemplateResult {
    const t = this.i18n.t;
    const radius = this.props['--ecam-radius'] ?? '';
    const badRadius = radius.trim() !== '' && !RADIUS.test(radius.trim());
    const field = (name: Shape, id: string, error?: string) => html`<div class="field">
      <label for=${id}>${t.label(name)}</label>
      <p class="hint" id=${`${id}-hint`}>${t.hint(name)}</p>
      <input
        id=${id}
        .value=${this.props[name] ?? ''}
        placeholder=${tokenDefault(name)}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy(id, error, `${id}-hint`)}
        @change=${(e: Event) => this.handleProperty(name, e)}
      />
      ${fieldError(id, error)}
    </div>`;
    return html`${field('--ecam-radius', 'css-radius', badRadius ? t.badRadius : undefined)} ${field('--ecam-font-family', 'css-font')}`;
  }

  override render(): TemplateResult {
    const t = this.i18n.t;
    const colorsChanged = this.chosenProperties().some(([name]) => (COLORS as readonly string[]).includes(name));
    const darkNote = colorsChanged && this.attrs.theme !== 'light' && this.tag !== 'ecam-chat';
    return html`<h1 tabindex="-1">${t.title}</h1>
      <p>${t.intro}</p>
      <div class="alert" role="alert">${this.loadError}</div>
      <div class="layout">
        <form @submit=${(e: Event) => e.preventDefault()}>
          <div class="field">
            <label for="widget">${t.widget}</label>
            <select id="widget" @change=${this.handleWidget}>
              ${TAGS.map((tag) => html`<option value=${tag} ?selected=${tag === this.tag}>${t.widgetName(tag)} (&lt;${tag}&gt;)</option>`)}
            </select>
          </div>
          <fieldset>
            <legend>${t.options}</legend>
            ${ATTRIBUTES[this.tag].map((option) => this.renderAttribute(option))}
          </fieldset>
          <fieldset>
            <legend>${t.appearance}</legend>
            <div class="colors">${COLORS.map((name) => this.renderColor(name))}</div>
            ${this.renderShape()}
            ${darkNote ? html`<p class="hint">${t.darkNote}</p>` : nothing}
            <div class="actions"><button type="button" @click=${this.handleResetStyle}>${t.resetStyle}</button></div>
          </fieldset>
        </form>
        <div>
          <h2 id="code-title">${t.code}</h2>
          <p class="hint" id="code-hint">${t.codeHint}</p>
          <textarea id="code" class="code" readonly rows="8" aria-labelledby="code-title" aria-describedby="code-hint" .value=${this.code()}></textarea>
          <div class="actions">
            <button type="button" class="primary" @click=${this.handleCopy}>${t.copy}</button>
          </div>
          <p class="status" role="status">${this.copyStatus}</p>
          <h2 id="preview-title">${t.preview}</h2>
          <p class="hint" id="preview-hint">${t.previewHint}</p>
          <div class="preview" role="region" aria-labelledby="preview-title" aria-describedby="preview-hint" inert></div>
        </div>
      </div>`;
  }
}

if (!customElements.get('ecam-admin-embed')) customElements.define('ecam-admin-embed', EcamAdminEmbed);

declare global {
  interface HTMLElementTagNameMap {
    'ecam-admin-embed': EcamAdminEmbed;
  }
}
