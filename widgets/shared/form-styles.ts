import { css } from 'lit';

/**
 * The controls every widget shares, GOV.CO style and mobile first: labels, hints, inputs,
 * field messages, notices, the honeypot, alerts, buttons, links and definition lists. Use after
 * `tokens`.
 */
export const formStyles = css`
  p {
    margin: 0;
  }
  .field {
    display: grid;
    gap: 0.375rem;
  }
  label,
  .label {
    font-weight: 600;
  }
  .optional {
    font-weight: 400;
  }
  .hint {
    color: var(--ecam-muted);
    font-size: 0.9375rem;
  }
  input:not([type='radio'], [type='checkbox']),
  select,
  textarea {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--ecam-border);
    border-radius: var(--ecam-radius);
    background: var(--ecam-surface);
    color: inherit;
    font: inherit;
  }
  textarea {
    min-height: 9rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--ecam-error) !important;
    border-width: 2px !important;
  }
  .error-message {
    color: var(--ecam-error);
    font-weight: 600;
  }
  /* A notice beside the form (data treatment, anonymity, a request's state): a bar of the main colour. */
  .notice {
    padding: 0.75rem 1rem;
    border-left: 4px solid var(--ecam-primary);
    background: var(--ecam-surface-alt);
    border-radius: 0 var(--ecam-radius) var(--ecam-radius) 0;
  }
  /* The honeypot field: out of sight and reach, so only a bot fills it in. */
  .hp {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .alert.shown {
    padding: 1rem;
    border: 3px solid var(--ecam-error);
    border-radius: var(--ecam-radius);
  }
  a {
    color: var(--ecam-primary);
    text-decoration-thickness: 1px;
    text-underline-offset: 0.15em;
  }
  button {
    min-height: 2.75rem;
    padding: 0.5rem 1.25rem;
    border: 2px solid var(--ecam-primary);
    border-radius: var(--ecam-radius);
    background: var(--ecam-surface);
    color: var(--ecam-primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  button.primary {
    background: var(--ecam-primary);
    color: var(--ecam-primary-contrast);
  }
  button:disabled {
    cursor: progress;
    opacity: 0.75;
  }
  button.small {
    min-height: 2.25rem;
    padding: 0.25rem 0.75rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }
  dl {
    display: grid;
    gap: 0.25rem 1rem;
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0 0 0.5rem;
  }
  .code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 1.25rem;
    font-weight: 700;
    letter-spacing: 0.05em;
  }
  @media (min-width: 40rem) {
    dl {
      grid-template-columns: max-content 1fr;
    }
    dd {
      margin: 0;
    }
  }
`;
