/**
 * The national holidays section of Ajustes (`#/ajustes`, admins only) in real Chromium against
 * the real API: a year's holidays with their legal source, the form's Spanish field errors, and a
 * holiday added with the keyboard alone, which moves the due date of an open request; the citizen
 * then reads why in <ecam-tracker>. Every state is checked with axe.
 * The test server's database is shared by every widget test file: the holiday added here is in
 * 2099, where no other test files a request.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../widgets/tracker/tracker.ts';
import type { EcamTracker } from '../../widgets/tracker/tracker.ts';
import type { EcamAdmin } from '../../widgets/admin/admin.ts';
import { WAIT, apiLogin, apiLogout, click, deepActive, filePqrs, fill, openPage, tabTo, text, v, waitForView } from './admin-page.ts';

/** The holidays section inside the settings view. */
function section(el: EcamAdmin): ShadowRoot {
  const holidays = v(el, 'ecam-admin-holidays');
  if (!holidays?.shadowRoot) throw new Error('no holidays section');
  return holidays.shadowRoot;
}
const h = <T extends Element = HTMLElement>(el: EcamAdmin, selector: string) => section(el).querySelector<T>(selector as never) as T | null;
const rows = (el: EcamAdmin) => Array.from(section(el).querySelectorAll('tbody tr')).map((r) => text(r));

async function openHolidays(): Promise<EcamAdmin> {
  await apiLogin();
  const el = await openPage('#/ajustes');
  await waitForView(el, 'ecam-admin-settings');
  await waitUntil(() => v(el, 'ecam-admin-holidays')?.shadowRoot?.querySelector('tbody tr'), 'the holidays never appeared', WAIT);
  return el;
}

async function showYear(el: EcamAdmin, year: number): Promise<void> {
  fill(h<HTMLInputElement>(el, '#holiday-year'), String(year));
  click(h(el, '#holiday-year-form button[type="submit"]'));
  await waitUntil(() => text(h(el, 'caption')).includes(String(year)), `${year} never shown`, WAIT);
}

describe('<ecam-admin-holidays> in Ajustes', () => {
  afterEach(async () => {
    await executeServerCommand('ecam-clock', { days: 0 });
    await apiLogout();
    history.replaceState(null, '', `${location.pathname}${location.search}`);
  });

  it('shows the holidays of a chosen year with their legal source', async () => {
    const el = await openHolidays();
    await expect(el).to.be.accessible();
    await showYear(el, 2026);
    expect(text(h(el, 'caption'))).to.equal('Festivos nacionales de 2026 (19)');
    const all = rows(el);
    expect(all).to.have.length(19);
    const rosario = all.find((r) => r.includes('Chiquinquirá'))!;
    expect(rosario).to.contain('lunes, 13 de julio de 2026');
    expect(rosario).to.contain('9 de julio, se traslada al lunes');
    expect(rosario).to.contain('Ley 2578 de 2026, art. 6');
    expect(all.find((r) => r.includes('Ascensión'))).to.contain('43 días después del Domingo de Pascua');
    expect(all.find((r) => r.includes('Navidad'))).to.contain('Ley 51 de 1983, art. 1');

    await showYear(el, 2025);
    expect(rows(el)).to.have.length(18);
    expect(rows(el).some((r) => r.includes('Chiquinquirá'))).to.equal(false);
    await showYear(el, 1984);
    expect(rows(el)).to.have.length(18);
    await expect(el).to.be.accessible();

    fill(h<HTMLInputElement>(el, '#holiday-year'), '1983');
    click(h(el, '#holiday-year-form button[type="submit"]'));
    await waitUntil(() => text(h(el, '#holiday-year-error')), 'no year error', WAIT);
    expect(text(h(el, '#holiday-year-error'))).to.equal('Error: Año: 1984–2100');
    expect(deepActive()).to.equal(h(el, '#holiday-year'));
    await expect(el).to.be.accessible();
  });

  it('says in Spanish which field is wrong, next to it, and focuses the first one', async () => {
    const el = await openHolidays();
    fill(h<HTMLInputElement>(el, '#holiday-name'), 'Festivo de prueba');
    fill(h<HTMLInputElement>(el, '#holiday-rule'), 'el nueve de julio');
    fill(h<HTMLInputElement>(el, '#holiday-source'), 'Ley 2600 de 2027, art. 1');
    fill(h<HTMLInputElement>(el, '#holiday-fromYear'), '1983');
    click(h(el, '#holiday-form button[type="submit"]'));
    await waitUntil(() => text(h(el, '#holiday-rule-error')), 'no rule error', WAIT);
    expect(text(h(el, '#holiday-rule-error'))).to.match(/^Error: Regla: use MM-DD \(fecha fija\)/);
    expect(text(h(el, '#holiday-fromYear-error'))).to.equal('Error: Primer año: debe estar entre 1984 y 2100');
    expect(h(el, '#holiday-rule')!.getAttribute('aria-invalid')).to.equal('true');
    expect(h(el, '#holiday-rule')!.getAttribute('aria-describedby')).to.equal('holiday-rule-hint holiday-rule-error');
    await waitUntil(() => deepActive() === h(el, '#holiday-rule'), 'the rule field never got the focus', WAIT);
    await expect(el).to.be.accessible();
  });

  it('adds a holiday with the keyboard alone; the open request it falls in gets a new due date the citizen sees', async () => {
    // Filed Monday 2 March 2099 (the API's clock moved there): petición due Tuesday 24 March by hand
    // (3-6 = 1..4; 9-13 = 5..9; 16-20 = 10..14; 23 March San José; 24 = 15).
    await executeServerCommand('ecam-clock', { days: (Date.parse('2099-03-02T12:00:00-05:00') - Date.now()) / 86_400_000 });
    const filed = await filePqrs({
      type: 'peticion',
      subject: 'Certificado de asistencia',
      description: 'Solicito el certificado de asistencia al curso de contratación pública.',
      responseChannel: 'online',
      consent: true,
      requester: { kind: 'anonimo' },
    });
    expect(filed.dueDate).to.equal('2099-03-24');
    await executeServerCommand('ecam-clock', { days: 0 });

    const el = await openHolidays();
    const typeInto = async (id: string, value: string) => {
      // Ajustes has many controls before this section (the office hours alone have 20).
      await tabTo((a) => a.id === id, id, 250);
      await sendKeys({ type: value });
    };
    await typeInto('holiday-name', 'Jornada nacional de duelo');
    await typeInto('holiday-rule', '2099-03-17');
    await typeInto('holiday-source', 'Decreto 1234 de 2099, art. 1');
    await typeInto('holiday-fromYear', '2099');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(h(el, '[role="status"]')), 'never added', WAIT);
    expect(text(h(el, '[role="status"]'))).to.equal(
      'Se agregó el festivo Jornada nacional de duelo. Se recalculó la fecha límite de 1 solicitud abierta.',
    );
    await waitUntil(() => text(h(el, 'caption')).includes('2099'), 'the year of the new holiday never shown', WAIT);
    const row = rows(el).find((r) => r.includes('Jornada nacional de duelo'))!;
    expect(row).to.contain('martes, 17 de marzo de 2099');
    expect(row).to.contain('(agregado por la entidad)');
    expect(row).to.contain('Solo ese día');
    expect(row).to.contain('Decreto 1234 de 2099, art. 1');
    expect(h<HTMLInputElement>(el, '#holiday-name')!.value).to.equal('');
    await expect(el).to.be.accessible();

    // The citizen's tracker: the new due date and the entry that says why.
    const tracker = await fixture<EcamTracker>(html`<ecam-tracker></ecam-tracker>`);
    const input = (name: string) => tracker.shadowRoot!.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
    fill(input('radicado'), filed.radicado);
    fill(input('code'), filed.trackingCode);
    tracker.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => tracker.shadowRoot!.querySelector('#status-title'), 'the status never appeared', WAIT);
    const details = text(tracker.shadowRoot!.querySelector('[part~="details"]'));
    expect(details).to.contain('miércoles, 25 de marzo de 2099');
    const timeline = text(tracker.shadowRoot!.querySelector('ol[part~="timeline"]'));
    expect(timeline).to.contain(
      'Nueva fecha límite por el festivo Jornada nacional de duelo del martes, 17 de marzo de 2099 (Decreto 1234 de 2099, art. 1)',
    );
    await expect(tracker).to.be.accessible();
  });
});
