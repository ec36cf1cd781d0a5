import { css } from 'lit';

/** What only the survey needs, on top of the shared `formStyles`. Mobile first: one column. */
export const surveyStyles = css`
  /* Layout follows the room the page gives the widget, not the whole screen. */
  :host {
    container-type: inline-size;
  }
  form,
  section,
  .questions {
    display: grid;
    gap: 1.25rem;
    max-width: 44rem;
  }
  h2,
  h3,
  h4 {
    margin: 0;
    color: var(--ecam-heading);
    line-height: 1.25;
  }
  h2 {
    font-size: 1.5rem;
  }
  h3 {
    font-size: 1.25rem;
  }
  h4 {
    font-size: 1.0625rem;
  }
  fieldset {
    display: grid;
    gap: 0.5rem;
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 0.5rem;
    font-weight: 600;
  }
  .question {
    display: grid;
    gap: 0.5rem;
    padding-bottom: 1.25rem;
    border-bottom: 1px solid var(--ecam-surface-alt);
  }
  .question > fieldset > legend {
    color: var(--ecam-heading);
    font-size: 1.125rem;
  }
  .options {
    display: grid;
    gap: 0.5rem;
  }
  .option {
    display: flex;
    gap: 0.625rem;
    align-items: center;
  }
  input[type='radio'],
  input[type='checkbox'] {
    flex: none;
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--ecam-primary);
  }
  /* Rating and NPS: numbered buttons in a row that wraps on narrow screens. */
  .scale {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
  }
  .scale .option {
    flex-direction: column;
    gap: 0.125rem;
    min-width: 2.75rem;
    padding: 0.375rem 0.25rem;
    border: 1px solid var(--ecam-border);
    border-radius: var(--ecam-radius);
  }
  .row {
    padding: 0.5rem 0;
    border-top: 1px solid var(--ecam-surface-alt);
  }
  .row legend {
    margin-bottom: 0.25rem;
  }
  .option label {
    font-weight: 400;
  }
  .summary,
  .alert.shown {
    padding: 1rem;
    border: 3px solid var(--ecam-error);
    border-radius: var(--ecam-radius);
  }
  .alert:not(.shown) {
    position: absolute;
  }
  .summary ul {
    margin: 0.5rem 0 0;
    padding-left: 1.25rem;
  }
  .summary a {
    color: var(--ecam-error);
    font-weight: 600;
  }
  progress {
    width: 100%;
    height: 0.75rem;
    accent-color: var(--ecam-primary);
  }
  .results section {
    gap: 0.5rem;
  }
  .results ul {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .results li {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.125rem 0.75rem;
  }
  .bar {
    grid-column: 1 / -1;
    height: 0.75rem;
    border: 1px solid var(--ecam-border);
    border-radius: var(--ecam-radius);
    background: var(--ecam-surface);
  }
  .bar span {
    display: block;
    height: 100%;
    background: var(--ecam-primary);
  }
  .pre {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  /* The matrix: each row's scale stacks on phones and lines up in columns when there is room. */
  @container (min-width: 36rem) {
    .row .options {
      grid-template-columns: repeat(auto-fit, minmax(6.5rem, 1fr));
      align-items: start;
    }
    .row .option {
      flex-direction: column;
      text-align: center;
    }
  }
`;
