/** The Ajustes fieldset of the widgets' usage counts (issue 13): collect them or not. */
import { html, type TemplateResult } from 'lit';
import { catalog } from './catalog.ts';
import { fieldError } from './view.ts';

const es = {
  usageLegend: 'Conteo de uso de los widgets',
  usageLabel: 'Contar el uso de los widgets (mostrado, iniciado, completado, errores)',
  usageHint:
    'Solo conteos por día, página y tipo de dispositivo (teléfono u otro): sin cookies, sin dirección IP, sin identificadores. No se cuentan los navegadores que piden no ser rastreados (GPC o DNT). Las cifras del trabajo de la entidad se siguen calculando.',
};

export const usageMessages = catalog(es, {
  usageLegend: 'Widget usage counts',
  usageLabel: 'Count how the widgets are used (shown, started, completed, errors)',
  usageHint:
    'Only counts per day, page and device class (phone or other): no cookies, no IP address, no identifiers. Browsers that ask not to be tracked (GPC or DNT) are not counted. The figures of the entity’s own work are still computed.',
});

/** One checkbox, `name="usageMetrics"`, with the field's error. */
export function renderUsageMetrics(on: boolean, fields: Record<string, string>, t: (typeof usageMessages)['es']): TemplateResult {
  return html`<fieldset>
    <legend>${t.usageLegend}</legend>
    ${fieldError('settings-usageMetrics', fields.usageMetrics)}
    <div class="check">
      <input id="settings-usageMetrics" name="usageMetrics" type="checkbox" ?checked=${on} aria-describedby="settings-usageMetrics-hint" />
      <label for="settings-usageMetrics">${t.usageLabel}</label>
    </div>
    <p class="hint" id="settings-usageMetrics-hint">${t.usageHint}</p>
  </fieldset>`;
}
