/**
 * «Radicar petición verbal» (/admin#/verbal) in real Chromium against the real API: axe on the
 * form, on its errors and on the constancia; errors next to their fields keeping what was typed;
 * the constancia with every field and the tracking code; the PDF link; the channel in the inbox.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { EcamAdmin } from '../../widgets/admin/admin.ts';
import { WAIT, apiLogin, apiLogout, click, deepActive, fill, openPage, tabTo, text, v, vAll, waitForFocus, waitForView } from './admin-page.ts';

async function openVerbal(): Promise<EcamAdmin> {
  const el = await openPage('#/verbal');
  await waitForView(el, 'ecam-admin-verbal');
  await waitUntil(() => v(el, 'form'), 'the form never appeared', WAIT);
  return el;
}

const submit = (el: EcamAdmin) => click(vAll(el, 'button').find((b) => text(b) === 'Radicar petición verbal') ?? null);

before(async () => {
  await apiLogin();
});
after(async () => {
  await apiLogout();
});

describe('Radicar petición verbal', () => {
  it('is in the navigation for staff, with a labelled, accessible form', async () => {
    const el = await openVerbal();
    await expect(el).to.be.accessible();
    const link = el.shadowRoot!.querySelector('nav a[href="#/verbal"]');
    expect(text(link)).to.equal('Radicar petición verbal');
    expect(link!.getAttribute('aria-current')).to.equal('page');
    expect(text(v(el, 'h1'))).to.equal('Radicar petición verbal');
    expect(text(v(el, 'form'))).to.contain('Recibe y radica: Administrador (usted).');
    for (const label of ['Verbal presencial', 'Verbal telefónica', 'Verbal por otro medio de voz', 'Objeto de la petición', 'Razones en que se fundamenta', 'Documentos digitalizados', 'Documentos entregados en papel']) {
      expect(vAll(el, 'label').map(text), label).to.include(label);
    }
    // Every control has a label.
    for (const control of vAll(el, 'input, select, textarea')) {
      expect(v(el, `label[for="${control.id}"]`), control.id).to.not.equal(null);
    }
  });

  it('can be filled from the keyboard: the channel radios, then Tab through the fields', async () => {
    const el = await openVerbal();
    (v(el, '#v-channel-presencial') as HTMLInputElement).focus();
    await sendKeys({ press: 'ArrowRight' });
    expect((v(el, '#v-channel-telefonica') as HTMLInputElement).checked).to.equal(true);
    await tabTo((a) => a.id === 'v-type', 'the type');
    await tabTo((a) => a.id === 'v-requester-name', 'the name');
    await sendKeys({ type: 'Pedro Páez' });
    expect((v(el, '#v-requester-name') as HTMLInputElement).value).to.equal('Pedro Páez');
  });

  it('shows each error next to its field, keeps what was typed, and stays accessible', async () => {
    const el = await openVerbal();
    fill(v(el, '#v-requester-name'), 'Pedro Pablo Páez');
    fill(v(el, '#v-object'), '¿Puedo inscribirme tarde al curso de contratación?');
    submit(el);
    await waitUntil(() => text(v(el, '#v-channel-error')), 'no error for the channel', WAIT);
    expect(text(v(el, '.alert'))).to.equal('Revise los campos marcados.');
    expect(text(v(el, '#v-channel-error'))).to.contain('Canal: elija presencial, telefónica');
    expect(text(v(el, '#v-type-error'))).to.contain('Tipo de solicitud');
    expect(text(v(el, '#v-requester-documentType-error'))).to.contain('Tipo de documento del solicitante: es obligatorio.');
    expect(text(v(el, '#v-requester-documentNumber-error'))).to.contain('Número de documento del solicitante: es obligatorio.');
    expect(text(v(el, '#v-requester-address-error'))).to.contain('Dirección para la respuesta');
    expect(text(v(el, '#v-reasons-error'))).to.contain('Razones de la petición');
    expect(text(v(el, '#v-verbalStatement-error'))).to.contain('Declaración de petición verbal');
    expect(text(v(el, '#v-consent-error'))).to.contain('Autorización de datos');
    expect(v(el, '#v-requester-name-error')).to.equal(null);
    expect(v(el, '#v-reasons')!.getAttribute('aria-invalid')).to.equal('true');
    expect(v(el, '#v-reasons')!.getAttribute('aria-describedby')).to.equal('v-reasons-error');
    // What was typed is still there.
    expect((v(el, '#v-requester-name') as HTMLInputElement).value).to.equal('Pedro Pablo Páez');
    expect((v(el, '#v-object') as HTMLTextAreaElement).value).to.equal('¿Puedo inscribirme tarde al curso de contratación?');
    // The focus goes to the first field with a problem.
    expect(deepActive()?.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('files it and shows the constancia at once, with the code, print and PDF; the inbox shows the channel', async () => {
    const el = await openVerbal();
    click(v(el, '#v-channel-presencial'));
    fill(v(el, '#v-type'), 'reclamo');
    fill(v(el, '#v-requester-name'), 'Gloria Inés Ñañez');
    fill(v(el, '#v-requester-documentType'), 'CC');
    fill(v(el, '#v-requester-documentNumber'), '63.444.555');
    fill(v(el, '#v-representative-name'), 'Andrés Felipe Ñañez');
    fill(v(el, '#v-representative-documentType'), 'TI');
    fill(v(el, '#v-representative-documentNumber'), '1098111222');
    fill(v(el, '#v-requester-address'), 'Calle 30 # 25-10');
    fill(v(el, '#v-requester-city'), 'Floridablanca');
    fill(v(el, '#v-object'), 'No me han entregado el certificado del diplomado de gestión pública.');
    fill(v(el, '#v-reasons'), 'Terminé el diplomado en octubre y aprobé todas las evaluaciones.');
    fill(v(el, '#v-paperAnnexes'), 'Copia del recibo de pago\n\nCopia de la cédula');
    const files = v<HTMLInputElement>(el, '#v-files')!;
    const dt = new DataTransfer();
    dt.items.add(new File(['%PDF-1.4\n%%EOF\n'], 'recibo escaneado.pdf', { type: 'application/pdf' }));
    files.files = dt.files;
    click(v(el, '#v-consent'));
    click(v(el, '#v-verbalStatement'));
    submit(el);

    await waitUntil(() => v(el, '#constancia-title'), 'the constancia never appeared', WAIT);
    await waitForFocus(el, '#constancia-title');
    await expect(el).to.be.accessible();
    expect(text(v(el, 'h1'))).to.equal('Petición radicada');
    const shown = text(v(el, '.constancia'));
    const radicado = /ECAM-\d{4}-\d{6}/.exec(shown)![0];
    const code = text(v(el, '.code'));
    expect(code).to.match(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    for (const expected of [
      'Constancia de radicación de petición verbal',
      'Fecha y hora de recibo',
      'Verbal presencial',
      'Reclamo',
      'Fecha límite de respuesta',
      '(15 días hábiles)',
      'Gloria Inés Ñañez',
      'Cédula de ciudadanía 63.444.555',
      'Andrés Felipe Ñañez',
      'Tarjeta de identidad 1098111222',
      'Calle 30 # 25-10, Floridablanca',
      'Correo postal',
      'No me han entregado el certificado del diplomado de gestión pública.',
      'Terminé el diplomado en octubre',
      'recibo escaneado.pdf',
      'Copia del recibo de pago',
      'Copia de la cédula',
      'admin',
      'presentada verbalmente, en forma presencial',
      'Seguimiento de solicitudes',
    ]) {
      expect(shown, expected).to.contain(expected);
    }
    expect(text(v(el, '[role="status"]'))).to.contain('no dio correo electrónico');
    expect(vAll(el, 'button').map(text)).to.include('Imprimir');
    const pdf = vAll(el, 'a').find((a) => text(a) === 'Descargar PDF') as HTMLAnchorElement;
    expect(pdf.getAttribute('href')).to.match(new RegExp(`/api/admin/pqrs/${radicado}/constancia\\.pdf$`));
    const res = await fetch(pdf.href);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('application/pdf');
    expect(new TextDecoder().decode((await res.arrayBuffer()).slice(0, 5))).to.equal('%PDF-');

    // Only the constancia prints: the buttons, the heading and the page's frame are hidden for print.
    await emulateMedia({ media: 'print' });
    try {
      const shownInPrint = (node: Element | null) => !!node && getComputedStyle(node).display !== 'none';
      expect(vAll(el, '.tools').some(shownInPrint)).to.equal(false);
      expect(shownInPrint(v(el, 'h1'))).to.equal(false);
      expect(shownInPrint(el.shadowRoot!.querySelector('nav'))).to.equal(false);
      expect(shownInPrint(el.shadowRoot!.querySelector('header'))).to.equal(false);
      expect(shownInPrint(v(el, '.constancia'))).to.equal(true);
      expect(shownInPrint(v(el, '.code'))).to.equal(true);
    } finally {
      await emulateMedia({ media: 'screen' });
    }

    // «Radicar otra» brings an empty form back.
    click(vAll(el, 'button').find((b) => text(b) === 'Radicar otra petición verbal') ?? null);
    await waitUntil(() => v(el, 'form'), 'no new form', WAIT);
    expect((v(el, '#v-requester-name') as HTMLInputElement).value).to.equal('');

    // The inbox shows the channel.
    location.hash = `#/bandeja?q=${radicado}`;
    await waitForView(el, 'ecam-admin-inbox');
    await waitUntil(() => vAll(el, 'tbody tr').length === 1, 'the request is not in the inbox', WAIT);
    expect(vAll(el, 'thead th').map(text)).to.include('Canal');
    expect(text(v(el, 'tbody tr'))).to.contain('Verbal presencial');
    await expect(el).to.be.accessible();

    // The request page names the channel and links the constancia.
    location.hash = `#/solicitud/${radicado}`;
    await waitForView(el, 'ecam-admin-request');
    await waitUntil(() => vAll(el, 'a').some((a) => text(a) === 'Constancia de la petición verbal (PDF)'), 'no constancia link', WAIT);
    expect(text(v(el, 'dl'))).to.contain('Verbal presencial');
  });

  it('speaks English when the page does', async () => {
    document.documentElement.lang = 'en';
    try {
      const el = await openVerbal();
      expect(text(v(el, 'h1'))).to.equal('File a verbal petition');
      expect(vAll(el, 'label').map(text)).to.include('Verbal, by phone');
      await expect(el).to.be.accessible();
    } finally {
      document.documentElement.lang = 'es';
    }
  });
});
