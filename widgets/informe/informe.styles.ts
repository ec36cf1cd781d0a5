import { css } from 'lit';

/** What only `<ecam-informe>` needs, on top of the shared tokens and form styles. */
export const informeStyles = css`
  :host {
    display: grid;
    gap: 1.5rem;
    --ecam-chart-on-time: #068460;
    --ecam-chart-late: #b35c00;
    --ecam-chart-overdue: #a80521;
    --ecam-chart-open: #3366cc;
    --ecam-chart-transferred: #5e5e5e;
    --ecam-chart-withdrawn: #a3a3a3;
  }
  section {
    display: grid;
    gap: 1rem;
    min-width: 0;
  }
  h3,
  h4 {
    margin: 0;
    color: var(--ecam-heading);
    line-height: 1.25;
  }
  h3 {
    font-size: 1.25rem;
  }
  h4 {
    font-size: 1.125rem;
  }
  .list {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .list li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: baseline;
  }
  .list button[aria-current='true'] {
    background: var(--ecam-primary);
    color: var(--ecam-primary-contrast);
  }
  .meta {
    color: var(--ecam-muted);
  }
  .scroll {
    overflow-x: auto;
    max-width: 100%;
  }
  .scroll:focus-visible {
    outline: none;
    box-shadow: var(--ecam-focus);
  }
  table {
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.5rem;
  }
  th,
  td {
    border: 1px solid var(--ecam-border);
    padding: 0.375rem 0.5rem;
    text-align: start;
    vertical-align: top;
  }
  thead th {
    background: var(--ecam-surface-alt);
  }
  .num {
    text-align: end;
  }
  tfoot th,
  tfoot td {
    font-weight: 700;
  }
  figure {
    display: grid;
    gap: 0.75rem;
    margin: 0;
  }
  figcaption {
    display: grid;
    gap: 0.25rem;
  }
  .bars {
    display: grid;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .bars li {
    display: grid;
    grid-template-columns: minmax(8rem, 14rem) 1fr;
    gap: 0.5rem;
    align-items: center;
  }
  .track {
    display: flex;
    height: 1.25rem;
  }
  .track span,
  .legend span {
    display: block;
    min-width: 0;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .legend li {
    display: flex;
    gap: 0.375rem;
    align-items: center;
  }
  .legend span {
    width: 1rem;
    height: 1rem;
  }
  [data-s='answeredOnTime'] {
    background: var(--ecam-chart-on-time);
  }
  [data-s='answeredLate'] {
    background: var(--ecam-chart-late);
  }
  [data-s='overdue'] {
    background: var(--ecam-chart-overdue);
  }
  [data-s='open'] {
    background: var(--ecam-chart-open);
  }
  [data-s='transferred'] {
    background: var(--ecam-chart-transferred);
  }
  [data-s='withdrawn'] {
    background: var(--ecam-chart-withdrawn);
  }
`;
