import { css, type CSSResult } from 'lit';

/**
 * Declarations that apply in the dark theme: when the visitor's system asks for it and the host
 * did not pin `theme="light"` on the element, or when the host sets `theme="dark"`.
 */
export function dark(declarations: CSSResult): CSSResult {
  return css`
    @media (prefers-color-scheme: dark) {
      :host(:not([theme='light'])) {
        ${declarations}
      }
    }
    :host([theme='dark']) {
      ${declarations}
    }
  `;
}

/** The dark palette: every pair the widgets use is AA or better (see test/widgets/theme.test.ts). */
const darkTokens = css`
  --ecam-primary: #8cb1ff;
  --ecam-primary-contrast: #0b1526;
  --ecam-text: #e6e9ed;
  --ecam-heading: #a9c8ff;
  --ecam-muted: #b8bfc9;
  --ecam-border: #8b95a3;
  --ecam-surface: #14191f;
  --ecam-surface-alt: #1f2937;
  --ecam-error: #ff9aa8;
  --ecam-success: #6fd6a9;
  --ecam-focus: 0 0 0 3px #14191f, 0 0 0 6px #a9c8ff;
  color-scheme: dark !important;
`;

/**
 * Design tokens shared by every widget, with GOV.CO defaults, a dark theme and reduced motion.
 * A host page themes a widget by setting these custom properties on the element, e.g.
 * `ecam-pqrs, ecam-tracker { --ecam-primary: #004884 }` (a value set on the element wins over
 * the defaults below; one set only on an ancestor does not reach inside).
 * The widget paints its own surface, so its contrast never depends on the host's background.
 * Contrast on white (WCAG 2.1 AA needs 4.5:1): text #4B4B4B 8.7:1, primary #3366CC 5.4:1,
 * error #A80521 7.7:1, success #068460 4.7:1, border #767676 4.5:1 (3:1 needed).
 * Work Sans is used when the page already has it; the widgets never download a font.
 */
export const tokens = css`
  :host {
    --ecam-primary: #3366cc;
    --ecam-primary-contrast: #fff;
    --ecam-text: #4b4b4b;
    --ecam-heading: #004884;
    --ecam-muted: #5e5e5e;
    --ecam-border: #767676;
    --ecam-surface: #fff;
    --ecam-surface-alt: #f2f5fa;
    --ecam-error: #a80521;
    --ecam-success: #068460;
    --ecam-font-family: 'Work Sans', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --ecam-radius: 5px;
    --ecam-focus: 0 0 0 3px #fff, 0 0 0 6px #004884;

    display: block;
    font-size: 1rem;
    /* Important inside a shadow root beats anything the page says about the element (say,
       "* { all: revert; box-sizing: content-box }") or passes down to it ("body { text-transform:
       uppercase }"): the host themes the widget through the tokens above. Its size and font size
       (zoom, the visitor's text size) still come from the page. */
    color-scheme: light !important;
    box-sizing: border-box !important;
    background-color: var(--ecam-surface) !important;
    color: var(--ecam-text) !important;
    font-family: var(--ecam-font-family) !important;
    font-style: normal !important;
    font-weight: 400 !important;
    line-height: 1.5 !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-align: start !important;
    text-indent: 0 !important;
    text-shadow: none !important;
    text-transform: none !important;
    white-space: normal !important;
  }
  ${dark(darkTokens)}
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid transparent;
    box-shadow: var(--ecam-focus);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;
