import { css } from 'lit';

/** What both event widgets share on top of `formStyles`: titles, badges, links in a row. */
const common = css`
  :host {
    display: grid;
    /* A page may give the element a min-height (room while it loads): no stretched rows then. */
    align-content: start;
    /* One column that may shrink below its longest word (a URL on a 320 px screen). */
    grid-template-columns: minmax(0, 1fr);
    gap: 1.25rem;
    max-width: 72rem;
  }
  h2,
  h3 {
    margin: 0;
    color: var(--ecam-heading);
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  h2 {
    font-size: 1.375rem;
  }
  h3 {
    font-size: 1.25rem;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .badge {
    padding: 0.125rem 0.5rem;
    border: 1px solid var(--ecam-border);
    border-radius: var(--ecam-radius);
    background: var(--ecam-surface-alt);
    font-size: 0.875rem;
  }
  .badge.cancelled {
    border-color: var(--ecam-error);
    color: var(--ecam-error);
    font-weight: 600;
  }
  .links {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.25rem;
  }
  .url {
    overflow-wrap: anywhere;
  }
  h4 {
    margin: 0;
    color: var(--ecam-heading);
    font-size: 1.125rem;
  }
  form {
    display: grid;
    gap: 0.75rem;
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
  /* Plain text written by staff: its line breaks stay, long words wrap. */
  .text {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
`;

/** `<ecam-agenda>`: a list on phones; the month table when the element is wide (agenda.ts decides). */
export const agendaStyles = [
  common,
  css`
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem 2rem;
      align-items: end;
    }
    .filters .field {
      flex: 1 1 14rem;
      min-width: 0;
      margin: 0;
    }
    .filters select {
      width: 100%;
      max-width: 24rem;
    }
    fieldset.when {
      min-width: 0;
    }
    .options {
      display: flex;
      gap: 1.5rem;
    }
    .status {
      margin: 0;
    }
    ul.events {
      display: grid;
      gap: 1rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    article {
      display: grid;
      gap: 0.5rem;
      padding: 1rem;
      border: 1px solid var(--ecam-border);
      border-radius: var(--ecam-radius);
    }
    article > * {
      margin: 0;
    }
    .cancelled h3 {
      text-decoration: line-through;
    }
    .month-nav {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    table.month {
      width: 100%;
      border-collapse: collapse;
      table-layout: fixed;
    }
    caption {
      text-align: start;
      padding-bottom: 0.5rem;
    }
    th,
    td {
      border: 1px solid var(--ecam-border);
      padding: 0.25rem;
      vertical-align: top;
    }
    th abbr {
      text-decoration: none;
    }
    td {
      height: 6rem;
    }
    td.pad {
      background: var(--ecam-surface-alt);
    }
    td.today {
      background: var(--ecam-surface-alt);
      box-shadow: inset 0 0 0 2px var(--ecam-primary);
    }
    td.today .num {
      font-weight: 700;
    }
    td ul {
      margin: 0.25rem 0 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: 0.25rem;
      font-size: 0.875rem;
      line-height: 1.3;
    }
    td a {
      display: block;
      overflow-wrap: anywhere;
    }
    td li.cancelled a {
      text-decoration: line-through;
    }
    .time {
      font-weight: 600;
    }
    .subscribe {
      display: grid;
      gap: 0.5rem;
    }
    .subscribe > * {
      margin: 0;
    }
  `,
];

/** `<ecam-event>`. */
export const eventStyles = [
  common,
  css`
    section {
      display: grid;
      gap: 0.75rem;
    }
    section > * {
      margin: 0;
    }
    .cancelled-banner {
      padding: 0.75rem 1rem;
      border-left: 4px solid var(--ecam-error);
      background: var(--ecam-surface-alt);
      color: var(--ecam-error);
      font-weight: 600;
    }
    ol.questions {
      display: grid;
      gap: 1rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    ol.questions > li {
      padding: 0.75rem 1rem;
      border: 1px solid var(--ecam-border);
      border-radius: var(--ecam-radius);
    }
    .answer {
      margin: 0.5rem 0 0;
      padding-left: 0.75rem;
      border-left: 3px solid var(--ecam-primary);
    }
    table.figures {
      border-collapse: collapse;
    }
    table.figures th,
    table.figures td {
      padding: 0.25rem 0.75rem;
      border-bottom: 1px solid var(--ecam-border);
      text-align: start;
    }
    table.figures td {
      text-align: end;
    }
    .done {
      padding: 1rem;
      border-left: 4px solid var(--ecam-success);
      background: var(--ecam-surface-alt);
    }
    .done > * {
      margin: 0 0 0.5rem;
    }
  `,
];
