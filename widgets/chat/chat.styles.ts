import { css } from 'lit';

/** The chat panel: a card with the conversation as bubbles. Use after `tokens` and `formStyles`. */
export const chatStyles = css`
  :host {
    width: min(24rem, calc(100vw - 2rem));
    max-height: min(40rem, calc(100vh - 6rem));
    overflow: auto;
    background: var(--ecam-surface);
    border: 1px solid var(--ecam-border);
    border-radius: var(--ecam-radius);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.2);
  }
  header {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    padding: 0.5rem 0.75rem 0.5rem 1rem;
    background: var(--ecam-primary);
    color: var(--ecam-primary-contrast);
  }
  header h2 {
    margin: 0;
    font-size: 1.125rem;
  }
  header button {
    border-color: var(--ecam-primary-contrast);
  }
  .body,
  .stack,
  form {
    display: grid;
    gap: 1rem;
    padding: 1rem;
  }
  .stack,
  form {
    padding: 0;
  }
  h3 {
    margin: 0;
    color: var(--ecam-heading);
    font-size: 1.125rem;
  }
  .notice {
    display: grid;
    gap: 0.5rem;
  }
  .option {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
  }
  .option input {
    width: 1.25rem;
    height: 1.25rem;
    margin-top: 0.125rem;
    flex: none;
  }
  .option label {
    font-weight: 400;
  }
  fieldset {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    margin-bottom: 0.25rem;
    padding: 0;
    font-weight: 600;
  }
  .alert:not(.shown) {
    display: none;
  }
  .log {
    display: grid;
    gap: 0.5rem;
  }
  .msg {
    max-width: 90%;
    padding: 0.5rem 0.75rem;
    border-radius: var(--ecam-radius);
    border: 1px solid var(--ecam-border);
  }
  .msg.citizen {
    justify-self: end;
    background: var(--ecam-surface-alt);
    border-color: transparent;
  }
  .msg.system {
    justify-self: center;
    border-style: dashed;
    font-style: italic;
  }
  .who {
    font-size: 0.875rem;
    font-weight: 600;
  }
  .who time {
    font-weight: 400;
    color: var(--ecam-muted);
  }
  .pre {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .meta {
    color: var(--ecam-muted);
    font-size: 0.875rem;
    min-height: 1.25rem;
  }
  .read {
    text-align: end;
  }
  textarea.composer {
    min-height: 4.5rem;
  }
  .counter.over {
    color: var(--ecam-error);
    font-weight: 600;
  }
`;
