import { css } from 'lit';

/** What only the tracker needs, on top of the shared `formStyles`. Mobile first: one column. */
export const trackerStyles = css`
  form,
  .status,
  .answer,
  section {
    display: grid;
    gap: 1.25rem;
    max-width: 44rem;
  }
  .answer,
  section section {
    gap: 0.75rem;
  }
  h2,
  h3 {
    margin: 0;
    color: var(--ecam-heading);
    line-height: 1.25;
  }
  h2 {
    font-size: 1.5rem;
    overflow-wrap: anywhere;
  }
  h3 {
    font-size: 1.25rem;
  }
  input {
    text-transform: uppercase;
  }
  .notice {
    display: grid;
    gap: 0.375rem;
  }
  .state-label {
    color: var(--ecam-heading);
    font-size: 1.25rem;
    font-weight: 700;
  }
  dd .hint,
  .days-left {
    display: block;
  }
  .days-left {
    font-weight: 600;
  }
  .days-left.overdue {
    width: fit-content;
    margin-top: 0.25rem;
    padding: 0.125rem 0.5rem;
    border: 2px solid var(--ecam-error);
    border-radius: var(--ecam-radius);
    color: var(--ecam-error);
    font-weight: 700;
  }
  /* Text written by people (answer, notes, reasons) keeps its line breaks; long words wrap. */
  .pre {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .answer {
    padding: 1rem;
    border: 1px solid var(--ecam-border);
    border-radius: var(--ecam-radius);
  }
  .files {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .files button {
    width: 100%;
    text-align: left;
    overflow-wrap: anywhere;
  }
  .files .size {
    font-weight: 400;
  }
  [aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
  .timeline {
    display: grid;
    gap: 0;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .timeline li {
    display: grid;
    gap: 0.25rem;
    position: relative;
    padding: 0 0 1.25rem 1.5rem;
    border-left: 2px solid var(--ecam-border);
    margin-left: 0.5rem;
  }
  .timeline li:last-child {
    border-left-color: transparent;
    padding-bottom: 0;
  }
  .timeline li::before {
    content: '';
    position: absolute;
    left: -0.5625rem;
    top: 0.25rem;
    width: 1rem;
    height: 1rem;
    border: 2px solid var(--ecam-primary);
    border-radius: 50%;
    background: var(--ecam-surface);
  }
  .timeline li:last-child::before {
    background: var(--ecam-primary);
  }
  .event-when {
    color: var(--ecam-muted);
    font-size: 0.9375rem;
  }
  .event-label {
    color: var(--ecam-heading);
    font-weight: 700;
  }
  @media (min-width: 40rem) {
    .files button {
      width: auto;
    }
  }
`;
