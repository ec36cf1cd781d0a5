import { css } from 'lit';

/**
 * What only the PQRSD form needs, on top of the shared `formStyles`. Mobile first: one column,
 * large touch targets; wider screens only get more air.
 */
export const pqrsStyles = css`
  form,
  .confirmation {
    display: grid;
    gap: 1.25rem;
    max-width: 44rem;
  }
  fieldset {
    display: grid;
    gap: 1rem;
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 0.75rem;
    color: var(--ecam-heading);
    font-size: 1.125rem;
    font-weight: 600;
  }
  input[type='file'] {
    padding: 0.375rem;
  }
  .options {
    display: grid;
    gap: 0.5rem;
  }
  .option {
    display: grid;
    grid-template-columns: 1.5rem 1fr;
    column-gap: 0.625rem;
    align-items: start;
    padding: 0.25rem 0;
  }
  .option input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.15rem 0 0;
    accent-color: var(--ecam-primary);
  }
  .option .hint {
    grid-column: 2;
  }
  .term {
    display: block;
    color: var(--ecam-text);
  }
  /* Live regions stay in the page while empty (so they announce), but out of the grid's gaps. */
  .alert:not(.shown),
  .deadline:not(.shown) {
    position: absolute;
  }
  .deadline {
    font-weight: 600;
    color: var(--ecam-heading);
  }
  .summary {
    padding: 1rem;
    border: 3px solid var(--ecam-error);
    border-radius: var(--ecam-radius);
  }
  .summary ul {
    margin: 0.5rem 0 0;
    padding-left: 1.25rem;
  }
  .summary a {
    color: var(--ecam-error);
    font-weight: 600;
  }
  .files {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .files li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    padding: 0.5rem 0.75rem;
    background: var(--ecam-surface-alt);
    border-radius: var(--ecam-radius);
    overflow-wrap: anywhere;
  }
  progress {
    width: 100%;
    height: 0.75rem;
    accent-color: var(--ecam-primary);
  }
  h2 {
    margin: 0;
    color: var(--ecam-success);
    font-size: 1.5rem;
    line-height: 1.25;
  }
`;
