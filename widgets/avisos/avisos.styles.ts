import { css } from 'lit';

/** What only `<ecam-avisos>` needs, on top of the shared `formStyles`. Mobile first: one column. */
export const avisosStyles = css`
  :host {
    display: grid;
    gap: 1.25rem;
    max-width: 48rem;
  }
  form {
    display: grid;
    gap: 0.75rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .row input {
    flex: 1 1 14rem;
    width: auto;
    text-transform: uppercase;
  }
  ul {
    display: grid;
    gap: 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  article {
    display: grid;
    gap: 0.75rem;
    padding: 1rem;
    border: 1px solid var(--ecam-border);
    border-radius: var(--ecam-radius);
  }
  h3 {
    margin: 0;
    color: var(--ecam-heading);
    font-size: 1.25rem;
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  /* The notice is plain text written by staff: its line breaks stay, long words wrap. */
  .text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
`;
