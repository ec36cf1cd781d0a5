import { css } from 'lit';
import { dark } from '../shared/styles.ts';

/**
 * Styles shared by every view of the staff page, on top of the widgets' tokens. Contrast on
 * white (AA 4.5:1): the traffic-light badges carry their word in text with 4.7:1 or more.
 */
export const adminStyles = css`
  :host {
    --ecam-light-green: #068460;
    --ecam-light-amber: #f5b700;
    --ecam-light-red: #a80521;
    /* The page behind the views, table rules and internal notes (staff page only). */
    --ecam-page: #f6f8f9;
    --ecam-rule: #d0d0d0;
    --ecam-note-surface: #fff8e1;
    --ecam-note-border: #6b4c00;
  }
  ${dark(css`
    --ecam-page: #0d1116;
    --ecam-rule: #3d4653;
    --ecam-note-surface: #2b2414;
    --ecam-note-border: #e0b44c;
  `)}
  h1,
  h2,
  h3 {
    color: var(--ecam-heading);
    line-height: 1.25;
    margin: 0 0 0.75rem;
  }
  h1 {
    font-size: 1.75rem;
  }
  h2 {
    font-size: 1.3rem;
    margin-top: 1.5rem;
  }
  h3 {
    font-size: 1.1rem;
  }
  h1:focus {
    outline: none;
  }
  h1:focus-visible {
    box-shadow: var(--ecam-focus);
  }
  p {
    margin: 0 0 0.75rem;
  }
  a {
    color: var(--ecam-primary);
    text-underline-offset: 0.15em;
  }
  form {
    display: grid;
    gap: 1rem;
  }
  .filters {
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
    align-items: end;
    padding: 1rem;
    background: var(--ecam-surface-alt);
    border-radius: var(--ecam-radius);
  }
  .field {
    display: grid;
    gap: 0.25rem;
    align-content: start;
  }
  label,
  .label,
  legend {
    font-weight: 600;
  }
  fieldset {
    margin: 0;
    padding: 0.75rem 1rem 1rem;
    border: 1px solid var(--ecam-border);
    border-radius: var(--ecam-radius);
    min-width: 0;
  }
  .hint {
    color: var(--ecam-muted);
    font-size: 0.9375rem;
    font-weight: 400;
  }
  input:not([type='radio'], [type='checkbox']),
  select,
  textarea {
    width: 100%;
    min-height: 2.5rem;
    padding: 0.375rem 0.625rem;
    border: 1px solid var(--ecam-border);
    border-radius: var(--ecam-radius);
    background: var(--ecam-surface);
    color: inherit;
    font: inherit;
  }
  textarea {
    min-height: 7rem;
    resize: vertical;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  .check input {
    width: 1.25rem;
    height: 1.25rem;
    accent-color: var(--ecam-primary);
  }
  [aria-invalid='true'] {
    border-color: var(--ecam-error) !important;
    border-width: 2px !important;
  }
  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 2.5rem;
    padding: 0.375rem 1rem;
    border: 2px solid var(--ecam-primary);
    border-radius: var(--ecam-radius);
    background: var(--ecam-surface);
    color: var(--ecam-primary);
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }
  button.primary,
  .button.primary {
    background: var(--ecam-primary);
    color: var(--ecam-primary-contrast);
  }
  button.danger {
    border-color: var(--ecam-error);
    color: var(--ecam-error);
  }
  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }
  .error-message {
    color: var(--ecam-error);
    font-weight: 600;
    margin: 0;
  }
  .alert:empty,
  .status:empty {
    display: none;
  }
  .alert {
    padding: 0.75rem 1rem;
    border: 3px solid var(--ecam-error);
    border-radius: var(--ecam-radius);
    white-space: pre-line;
  }
  .status {
    padding: 0.75rem 1rem;
    border-left: 4px solid var(--ecam-success);
    background: var(--ecam-surface-alt);
    white-space: pre-line;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    margin: 0.5rem 0 1rem;
  }
  /* On a phone or at 200 % zoom a wide table scrolls inside itself, never the page (WCAG 1.4.10
     lets data tables keep their two dimensions); tables with nothing focusable inside carry
     tabindex="0" so the keyboard can scroll them too. */
  @media (max-width: 60rem) {
    table {
      display: block;
      /* Also the containing block of visually hidden text in its cells, which would else stick out. */
      position: relative;
      max-width: 100%;
      overflow-x: auto;
    }
  }
  caption {
    text-align: left;
    font-weight: 600;
    color: var(--ecam-heading);
    padding: 0.5rem 0;
  }
  th,
  td {
    padding: 0.5rem;
    border-bottom: 1px solid var(--ecam-rule);
    text-align: left;
    vertical-align: top;
  }
  thead th {
    background: var(--ecam-surface-alt);
    border-bottom: 2px solid var(--ecam-border);
  }
  td.num,
  th.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  tfoot th,
  tfoot td {
    font-weight: 700;
    border-top: 2px solid var(--ecam-border);
  }
  .light {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    padding: 0.125rem 0.5rem;
    border-radius: 999px;
    font-weight: 700;
    white-space: nowrap;
  }
  .light::before {
    content: '';
    width: 0.625rem;
    height: 0.625rem;
    border-radius: 50%;
    background: currentColor;
  }
  .light-green {
    background: var(--ecam-light-green);
    color: #fff;
  }
  .light-amber {
    background: var(--ecam-light-amber);
    color: #1f1f1f;
  }
  .light-red {
    background: var(--ecam-light-red);
    color: #fff;
  }
  .light-none {
    background: #e6e6e6;
    color: #1f1f1f;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(9rem, max-content) 1fr;
    gap: 0.375rem 1rem;
    margin: 0 0 1rem;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .pager {
    display: flex;
    gap: 1rem;
    align-items: center;
    flex-wrap: wrap;
  }
  .pager ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  ul.notes {
    list-style: none;
    padding: 0;
  }
  .panel {
    padding: 1rem;
    border: 1px solid var(--ecam-rule);
    border-radius: var(--ecam-radius);
    margin-bottom: 1rem;
  }
  .note {
    border-left: 4px solid var(--ecam-note-border);
    background: var(--ecam-note-surface);
  }
`;
