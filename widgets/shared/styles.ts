import { css } from 'lit';

/**
 * Design tokens shared by every widget, with GOV.CO defaults. A host page themes the widgets
 * by setting these custom properties on the element (or any ancestor).
 * Contrast on white (WCAG 2.1 AA needs 4.5:1): text #4B4B4B 8.7:1, primary #3366CC 5.4:1,
 * error #A80521 7.7:1, success #068460 4.7:1.
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
    --ecam-font-family: 'Work Sans', system-ui, sans-serif;
    --ecam-radius: 5px;
    --ecam-focus: 0 0 0 3px #fff, 0 0 0 6px #004884;

    display: block;
    box-sizing: border-box;
    color: var(--ecam-text);
    font-family: var(--ecam-font-family);
    font-size: 1rem;
    line-height: 1.5;
  }
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
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;
