/**
 * Ajustes → "Conteo de uso de los widgets" (issue 13), in real Chromium against the real API:
 * the checkbox shows the saved value, unticking it saves `usageMetrics: false`, and the state
 * passes axe.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { Settings } from '../../api/settings/schemas.ts';
import { WAIT, apiLogin, apiLogout, click, json, openPage, text, v, waitForView } from './admin-page.ts';
import { sendJson } from './helpers.ts';

describe('Ajustes: widget usage counts', () => {
  after(async () => {
    await apiLogout();
    const { csrfToken } = await apiLogin();
    const settings = await json<Settings>(await fetch('/api/admin/settings'));
    await sendJson(csrfToken, 'PUT', '/api/admin/settings', { ...settings, usageMetrics: true });
  });

  it('a checkbox, ticked by default, turns the counting off', async () => {
    await apiLogout();
    await apiLogin();
    const el = await openPage('#/ajustes');
    await waitForView(el, 'ecam-admin-settings');
    await waitUntil(() => v(el, '#settings-usageMetrics'), 'no usage field', WAIT);
    expect(text(v(el, 'label[for="settings-usageMetrics"]'))).to.equal('Contar el uso de los widgets (mostrado, iniciado, completado, errores)');
    expect(text(v(el, '#settings-usageMetrics-hint'))).to.include('sin cookies, sin dirección IP');
    expect(v<HTMLInputElement>(el, '#settings-usageMetrics')!.checked).to.equal(true);
    await expect(el).to.be.accessible();

    click(v(el, '#settings-usageMetrics'));
    click(v(el, '#settings-form button[type="submit"]'));
    await waitUntil(() => text(v(el, '.status')) === 'Se guardaron los ajustes.', 'not saved', WAIT);
    expect((await json<Settings>(await fetch('/api/admin/settings'))).usageMetrics).to.equal(false);
    expect(v<HTMLInputElement>(el, '#settings-usageMetrics')!.checked).to.equal(false);
    await expect(el).to.be.accessible();
  });
});
