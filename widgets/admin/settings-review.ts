/** The Ajustes fieldset of review before answering: which PQRSD types need a reviewer's approval. */
import { html, type TemplateResult } from 'lit';
import { PQRS_TYPES, type PqrsType } from '../../api/pqrs/catalog.ts';
import type { reviewMessages } from './messages-review.ts';
import { fieldError } from './view.ts';

/** One checkbox per type (`name="reviewTypes"`), the chosen ones checked, with the field's error. */
export function renderReviewTypes(
  chosen: readonly PqrsType[],
  fields: Record<string, string>,
  t: (typeof reviewMessages)['es'],
  label: (type: PqrsType) => string,
): TemplateResult {
  const message = fields.reviewTypes ?? Object.entries(fields).find(([k]) => k.startsWith('reviewTypes.'))?.[1];
  return html`<fieldset aria-describedby="settings-reviewTypes-hint">
    <legend>${t.reviewLegend}</legend>
    <p class="hint" id="settings-reviewTypes-hint">${t.reviewHint}</p>
    ${fieldError('settings-reviewTypes', message)}
    ${(Object.keys(PQRS_TYPES) as PqrsType[]).map(
      (type) => html`<div class="check">
        <input id="review-${type}" name="reviewTypes" type="checkbox" value=${type} ?checked=${chosen.includes(type)} />
        <label for="review-${type}">${label(type)}</label>
      </div>`,
    )}
  </fieldset>`;
}
