/**
 * <ecam-pqrs> in real Chromium against the real API (started by web-test-runner.config.mjs and
 * proxied at /api, proof of work on). Each state is checked with axe first, then through what a
 * person sees and does.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../widgets/pqrs/pqrs.ts';
import type { EcamPqrs } from '../../widgets/pqrs/pqrs.ts';

const WAIT = { timeout: 20_000, interval: 20 };

function q<T extends Element = HTMLElement>(el: EcamPqrs, selector: string): T | null {
  return el.shadowRoot!.querySelector<T>(selector as never) as T | null;
}

function field<T extends HTMLElement = HTMLInputElement>(el: EcamPqrs, name: string, value?: string): T {
  const selector = value === undefined ? `[name="${name}"]` : `[name="${name}"][value="${value}"]`;
  const control = q<T>(el, selector);
  if (!control) throw new Error(`No control ${selector}`);
  return control;
}

/** Types into a control the way the browser reports it: value, then an input event. */
async function type(el: EcamPqrs, name: string, value: string): Promise<void> {
  const control = field<HTMLInputElement>(el, name);
  control.value = value;
  control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function choose(el: EcamPqrs, name: string, value: string): Promise<void> {
  field(el, name, value).click();
  await el.updateComplete;
}

async function fillValid(el: EcamPqrs, overrides: { email?: string; name?: string } = {}): Promise<void> {
  await choose(el, 'requester.kind', 'natural');
  await type(el, 'requester.name', overrides.name ?? 'Ana María Pérez');
  await type(el, 'requester.email', overrides.email ?? 'ana.perez@example.com');
  await choose(el, 'type', 'peticion');
  await type(el, 'subject', 'Certificado de un curso');
  await type(el, 'description', 'Solicito una copia del certificado del curso de sistemas que terminé en 2025.');
  await choose(el, 'responseChannel', 'email');
  field(el, 'consent').click();
  await el.updateComplete;
}

function submitButton(el: EcamPqrs): HTMLButtonElement {
  return q<HTMLButtonElement>(el, 'button[type="submit"]')!;
}

async function waitForReceipt(el: EcamPqrs): Promise<void> {
  await waitUntil(() => q(el, '#done-title'), 'the acknowledgement did not appear', WAIT);
}

function errorFor(el: EcamPqrs, key: string): string {
  return q(el, `#f-${key.replace('.', '-')}-error`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

function pdfFile(name = 'cedula.pdf'): File {
  const text = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';
  return new File([text], name, { type: 'application/pdf' });
}

async function attach(el: EcamPqrs, ...files: File[]): Promise<void> {
  const input = field(el, 'attachments');
  const transfer = new DataTransfer();
  for (const f of files) transfer.items.add(f);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

function newForm(): Promise<EcamPqrs> {
  return fixture<EcamPqrs>(html`<ecam-pqrs tracker-url="/seguimiento"></ecam-pqrs>`);
}

describe('<ecam-pqrs>', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => localStorage.clear());

  it('renders an accessible empty form with the PQRSD vocabulary and an unticked consent', async () => {
    const el = await newForm();
    await expect(el).to.be.accessible();

    const types = el.shadowRoot!.querySelectorAll('input[name="type"]');
    expect(types).to.have.length(8);
    const consulta = q(el, 'label[for="f-type-consulta"]')!.parentElement!;
    expect(consulta.textContent).to.contain('Plazo: 30 días hábiles');
    expect(el.shadowRoot!.querySelectorAll('input[name="requester.kind"]')).to.have.length(4);
    expect(field(el, 'consent').checked).to.equal(false);
    expect(q(el, 'a[href="/politica-datos"]')).to.exist;
    // The controller and the limits come from the server's settings.
    await waitUntil(() => q(el, '[part~="notice"]')!.textContent!.includes('Escuela de Capacitación Municipal de Floridablanca'), 'the notice did not name the controller', WAIT);
    expect(q(el, '#f-attachments-hint')!.textContent).to.contain('Hasta 5 archivos de máximo 10 MB');
    const notice = q(el, '[part~="notice"]')!.textContent!;
    for (const word of ['ECAM', 'conocer', 'actualizar', 'rectificar', 'suprimir', 'revocar']) {
      expect(notice).to.contain(word);
    }

    const honeypot = field(el, 'website');
    expect(honeypot.tabIndex).to.equal(-1);
    expect(honeypot.autocomplete).to.equal('off');
    expect(honeypot.closest('[aria-hidden="true"]')).to.exist;
    expect(honeypot.getBoundingClientRect().right).to.be.below(0);

    const files = field(el, 'attachments');
    expect(files.multiple).to.equal(true);
    expect(files.accept).to.contain('.pdf');
  });

  it('changes the fields with the kind of requester', async () => {
    const el = await newForm();

    await choose(el, 'requester.kind', 'anonimo');
    await expect(el).to.be.accessible();
    expect(q(el, '[name="requester.name"]')).to.equal(null);
    expect(q(el, '[part~="note"]')!.textContent).to.contain('Ley 962 de 2005');
    const channels = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="responseChannel"]');
    expect(Array.from(channels, (c) => c.value)).to.deep.equal(['online']);
    expect(channels[0]!.checked).to.equal(true);

    await choose(el, 'requester.kind', 'juridica');
    expect(q(el, 'label[for="f-requester-name"]')!.textContent).to.contain('Razón social');
    const nit = field<HTMLSelectElement>(el, 'requester.documentType');
    expect(Array.from(nit.options, (o) => o.value).filter(Boolean)).to.deep.equal(['NIT']);
    expect(nit.value).to.equal('NIT');

    await choose(el, 'requester.kind', 'menor');
    const docs = field<HTMLSelectElement>(el, 'requester.documentType');
    const values = Array.from(docs.options, (o) => o.value);
    expect(values).to.include.members(['TI', 'RC']);
    expect(values).not.to.include('NIT');
    expect(values).not.to.include('CC');
  });

  it('shows the legal due date of the chosen type before sending', async () => {
    const el = await newForm();
    await choose(el, 'type', 'consulta');
    const deadline = () => q(el, '[part~="deadline"]')!.textContent!.trim();
    await waitUntil(() => deadline().startsWith('Si radica hoy, la respuesta vence el'), 'no due date', WAIT);

    const expected = await (await fetch('/api/calendar/deadline?type=consulta')).json();
    const long = new Intl.DateTimeFormat('es-CO', { dateStyle: 'full', timeZone: 'UTC' }).format(
      new Date(`${expected.dueDate}T00:00:00Z`),
    );
    expect(deadline()).to.equal(`Si radica hoy, la respuesta vence el ${long}.`);
    await expect(el).to.be.accessible();
  });

  it('checks the form in the browser first, with an accessible summary that leads to each field', async () => {
    const el = await newForm();
    submitButton(el).click();
    await waitUntil(() => q(el, '[part~="error-summary"]'), 'no summary', WAIT);
    await expect(el).to.be.accessible();

    const summary = q(el, '[part~="error-summary"]')!;
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    expect(summary.getAttribute('role')).to.equal('alert');
    for (const key of ['requester.name', 'type', 'subject', 'description', 'responseChannel', 'consent']) {
      expect(errorFor(el, key), key).not.to.equal('');
    }
    const subject = field(el, 'subject');
    expect(subject.getAttribute('aria-invalid')).to.equal('true');
    expect(subject.getAttribute('aria-describedby')).to.contain('f-subject-error');

    const link = Array.from(summary.querySelectorAll('a')).find((a) => a.textContent!.includes('Asunto'))!;
    link.click();
    expect(el.shadowRoot!.activeElement).to.equal(subject);
    expect(location.hash).to.equal('');

    // The server's rules, mirrored: lengths, formats and the fields a choice makes necessary.
    await type(el, 'subject', 'Hola');
    await type(el, 'requester.phone', '12-34');
    await type(el, 'requester.documentNumber', 'a/b');
    await choose(el, 'responseChannel', 'postal');
    submitButton(el).click();
    await el.updateComplete;
    expect(errorFor(el, 'subject')).to.contain('al menos 5 caracteres');
    expect(errorFor(el, 'requester.phone')).to.contain('al menos 7 dígitos');
    expect(errorFor(el, 'requester.documentNumber')).to.contain('solo letras, dígitos');
    expect(errorFor(el, 'requester.documentType')).to.contain('elija una opción');
    expect(errorFor(el, 'requester.address')).to.contain('es obligatorio');
    expect(errorFor(el, 'requester.city')).to.contain('es obligatorio');
    await type(el, 'requester.phone', '+57 (607) 555-1234');
    await type(el, 'requester.documentNumber', '1.098.765-4');
    submitButton(el).click();
    await el.updateComplete;
    expect(errorFor(el, 'requester.phone')).to.equal('');
    expect(errorFor(el, 'requester.documentNumber')).to.equal('');

    await choose(el, 'requester.kind', 'juridica');
    submitButton(el).click();
    await el.updateComplete;
    expect(errorFor(el, 'requester.name')).to.equal('Error: Razón social: es obligatorio.');
  });

  it('shows the server’s field errors next to the right fields and keeps the text', async () => {
    const el = await newForm();
    // The browser accepts both; the server does not (no top-level domain; a control character).
    await fillValid(el, { email: 'ana@localhost', name: 'Ana\u0007 Pérez' });
    submitButton(el).click();
    await waitUntil(() => errorFor(el, 'requester.email'), 'no server error', WAIT);
    await expect(el).to.be.accessible();

    expect(errorFor(el, 'requester.email')).to.contain('dirección válida');
    expect(errorFor(el, 'requester.name')).to.contain('caracteres no permitidos');
    expect(field(el, 'requester.email').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(q(el, '[part~="error-summary"]'));
    expect(field(el, 'subject').value).to.equal('Certificado de un curso');
    expect(field(el, 'consent').checked).to.equal(true);

    // Fixing the fields files the request (a fresh proof of work is solved for the retry).
    await type(el, 'requester.email', 'ana.perez@example.com');
    expect(errorFor(el, 'requester.email')).to.equal('');
    await type(el, 'requester.name', 'Ana Pérez');
    submitButton(el).click();
    await waitForReceipt(el);
  });

  it('sends the honeypot as `website`, which the server refuses when filled', async () => {
    const el = await newForm();
    await fillValid(el);
    field(el, 'website').value = 'https://spam.example';
    submitButton(el).click();
    await waitUntil(() => q(el, '[part~="error-summary"]'), 'no error', WAIT);
    expect(q(el, '[part~="error-summary"]')!.textContent).to.contain('Deje este campo vacío');
  });

  it('solves a new proof of work and sends again once when the server refuses a spent one', async () => {
    const el = await newForm();
    await fillValid(el);
    // Spend the solution the widget prepared in the background, as a replay would.
    const prepared = await (el as unknown as { altcha: Promise<string> }).altcha;
    expect(prepared).to.be.a('string');
    const replay = await fetch('/api/pqrs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'sugerencia',
        subject: 'Solicitud de otra pestaña',
        description: 'Una solicitud enviada antes con la misma prueba de trabajo.',
        responseChannel: 'online',
        consent: true,
        requester: { kind: 'anonimo' },
        altcha: prepared,
      }),
    });
    expect(replay.status).to.equal(201);

    submitButton(el).click();
    await waitForReceipt(el);
    expect(q(el, '[part~="radicado"]')!.textContent).to.match(/^ECAM-/);
  });

  it('shows an accessible sending state', async () => {
    const el = await newForm();
    await fillValid(el);
    await executeServerCommand('ecam-delay-next-filing', { ms: 2500 });
    submitButton(el).click();
    await waitUntil(() => submitButton(el).disabled, 'not sending', WAIT);
    expect(submitButton(el).textContent!.trim()).to.equal('Enviando…');
    expect(q(el, 'form')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    await waitForReceipt(el);
  });

  it('files a request and shows an accessible acknowledgement with radicado, code and tracking link', async () => {
    const el = await newForm();
    await fillValid(el);
    const submitted = oneEvent(el, 'ecam-submitted');
    submitButton(el).click();
    const event = await submitted;
    await waitForReceipt(el);
    await expect(el).to.be.accessible();

    const radicado = q(el, '[part~="radicado"]')!.textContent!.trim();
    const code = q(el, '[part~="tracking-code"]')!.textContent!.trim();
    expect(radicado).to.match(/^ECAM-/);
    expect(code).to.match(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(event.detail.radicado).to.equal(radicado);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(q(el, '#done-title'));

    const text = q(el, '[part~="confirmation"]')!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Fecha y hora de recepción');
    expect(text).to.contain('Fecha límite de respuesta');
    expect(text).to.contain('15 días hábiles');
    expect(text).to.contain('Guarde el radicado y el código');

    const link = q<HTMLAnchorElement>(el, '[part~="tracker-link"]')!;
    const url = new URL(link.href);
    expect(url.pathname).to.equal('/seguimiento');
    expect(url.search).to.equal('');
    const fragment = new URLSearchParams(url.hash.slice(1));
    expect(fragment.get('radicado')).to.equal(radicado);
    expect(fragment.get('codigo')).to.equal(code);

    // A draft never outlives its filing.
    expect(localStorage.getItem(`ecam-pqrs-draft:${location.pathname}`)).to.equal(null);

    q<HTMLButtonElement>(el, '[part~="copy-button"]')!.click();
    await waitUntil(() => q(el, '[role="status"]')!.textContent!.trim(), 'no copy message', WAIT);

    const another = Array.from(el.shadowRoot!.querySelectorAll('button')).find((b) => b.textContent!.includes('otra'))!;
    another.click();
    await waitUntil(() => q(el, 'form'), 'no new form', WAIT);
    expect(field(el, 'subject').value).to.equal('');
    expect(field(el, 'consent').checked).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'requester.kind', 'natural'));
  });

  it('keeps the tracker page’s own fragment when linking with radicado and code', async () => {
    const el = await fixture<EcamPqrs>(html`<ecam-pqrs tracker-url="/#seguimiento"></ecam-pqrs>`);
    await choose(el, 'requester.kind', 'anonimo');
    await choose(el, 'type', 'denuncia');
    await type(el, 'subject', 'Cobro irregular en una inscripción');
    await type(el, 'description', 'El 3 de marzo, en la sede principal, un funcionario pidió dinero por inscribir un curso gratuito.');
    field(el, 'consent').click();
    submitButton(el).click();
    await waitForReceipt(el);
    const href = q<HTMLAnchorElement>(el, '[part~="tracker-link"]')!.getAttribute('href')!;
    expect(href).to.match(/^\/#seguimiento&radicado=ECAM-[^&]+&codigo=[2-9A-Z-]+$/);
    expect(q(el, '[part~="confirmation"]')!.textContent).not.to.contain('acuse de recibo a su correo');
  });

  it('can be filled and sent with the keyboard alone', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <button id="before">Antes</button>
      <ecam-pqrs></ecam-pqrs>
    </div>`);
    const el = wrapper.querySelector('ecam-pqrs')!;
    await el.updateComplete;
    const focused = () => el.shadowRoot!.activeElement as HTMLInputElement | null;

    // Walk the whole form once: every control is reachable, the honeypot never is.
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    const seen = new Set<string>();
    for (let i = 0; i < 60 && !(focused()?.type === 'submit'); i++) {
      await sendKeys({ press: 'Tab' });
      if (focused()) seen.add(focused()!.name || focused()!.id);
    }
    expect(focused()?.type).to.equal('submit');
    for (const name of ['requester.kind', 'requester.documentType', 'requester.documentNumber', 'requester.name',
      'requester.email', 'requester.phone', 'requester.address', 'requester.city', 'type', 'subject',
      'description', 'responseChannel', 'attachments', 'consent']) {
      expect(seen, name).to.include(name);
    }
    expect(seen).not.to.include('website');

    async function tabTo(name: string) {
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
      for (let i = 0; i < 60; i++) {
        await sendKeys({ press: 'Tab' });
        const f = focused();
        if (f && (f.name === name || f.type === name)) return;
      }
      throw new Error(`Tab never reached ${name}`);
    }

    await tabTo('requester.name');
    await sendKeys({ type: 'Pedro Gómez' });
    await tabTo('requester.email');
    await sendKeys({ type: 'pedro.gomez@example.com' });
    await tabTo('type');
    await sendKeys({ press: 'ArrowDown' }); // peticion -> informacion, checked by the arrow key
    await sendKeys({ press: 'ArrowUp' }); // back to peticion
    await tabTo('subject');
    await sendKeys({ type: 'Horario de atención' });
    await tabTo('description');
    await sendKeys({ type: 'Quisiera conocer el horario de atención de la sede principal.' });
    await tabTo('responseChannel');
    await sendKeys({ press: 'Space' });
    await tabTo('consent');
    await sendKeys({ press: 'Space' });
    expect(field(el, 'consent').checked).to.equal(true);
    expect(field(el, 'type', 'peticion').checked).to.equal(true);
    expect(field(el, 'responseChannel', 'email').checked).to.equal(true);

    const submitted = oneEvent(el, 'ecam-submitted');
    await tabTo('submit');
    expect(focused()?.type).to.equal('submit');
    await sendKeys({ press: 'Enter' });
    await submitted;
    await waitForReceipt(el);
    expect(el.shadowRoot!.activeElement?.id).to.equal('done-title');
  });

  it('restores the draft after a reload, except consent and files', async () => {
    const el = await newForm();
    await choose(el, 'requester.kind', 'juridica');
    await type(el, 'requester.name', 'Comercializadora Santander S.A.S.');
    await type(el, 'requester.documentNumber', '900123456-7');
    await type(el, 'requester.city', 'Floridablanca');
    await choose(el, 'type', 'reclamo');
    await type(el, 'subject', 'Factura duplicada');
    await type(el, 'description', 'Nos llegaron dos facturas por el mismo curso de capacitación.');
    await choose(el, 'responseChannel', 'postal');
    field(el, 'consent').click();
    await attach(el, pdfFile());
    el.remove();

    const again = await newForm();
    expect(field(again, 'requester.kind', 'juridica').checked).to.equal(true);
    expect(field(again, 'requester.name').value).to.equal('Comercializadora Santander S.A.S.');
    expect(field<HTMLSelectElement>(again, 'requester.documentType').value).to.equal('NIT');
    expect(field(again, 'requester.documentNumber').value).to.equal('900123456-7');
    expect(field(again, 'requester.city').value).to.equal('Floridablanca');
    expect(field(again, 'type', 'reclamo').checked).to.equal(true);
    expect(field(again, 'subject').value).to.equal('Factura duplicada');
    expect(field<HTMLTextAreaElement>(again, 'description').value).to.contain('dos facturas');
    expect(field(again, 'responseChannel', 'postal').checked).to.equal(true);
    expect(field(again, 'consent').checked).to.equal(false);
    expect(q(again, '[part~="file-list"]')).to.equal(null);
    expect(localStorage.getItem(`ecam-pqrs-draft:${location.pathname}`)).not.to.contain('consent');
  });

  it('uploads a real PDF with a labelled progress bar', async () => {
    const el = await newForm();
    await fillValid(el);
    await attach(el, pdfFile());
    const list = q(el, '[part~="file-list"]')!;
    expect(list.textContent).to.contain('cedula.pdf');
    expect(list.textContent).to.match(/KB/);
    expect(list.querySelector('button')!.textContent).to.contain('Quitar');

    await executeServerCommand('ecam-delay-next-filing', { ms: 2000 });
    submitButton(el).click();
    await waitUntil(() => q(el, 'progress'), 'no progress bar', WAIT);
    expect(q(el, 'label[for="f-progress"]')!.textContent).to.contain('Subiendo archivos');
    await expect(el).to.be.accessible();
    await waitForReceipt(el);
  });

  it('keeps every word when the server refuses an attachment by its content', async () => {
    const el = await newForm();
    await fillValid(el);
    const exe = new Uint8Array(4096);
    exe.set([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);
    for (let i = 64; i < exe.length; i++) exe[i] = (i * 7919) % 256;
    await attach(el, new File([exe], 'informe.pdf', { type: 'application/pdf' }));
    submitButton(el).click();
    await waitUntil(() => errorFor(el, 'attachments'), 'no attachment error', WAIT);
    await expect(el).to.be.accessible();

    expect(errorFor(el, 'attachments')).to.contain('informe.pdf');
    expect(field(el, 'attachments').getAttribute('aria-invalid')).to.equal('true');
    expect(field(el, 'subject').value).to.equal('Certificado de un curso');
    expect(field<HTMLTextAreaElement>(el, 'description').value).to.contain('certificado del curso');
    expect(field(el, 'requester.email').value).to.equal('ana.perez@example.com');
    expect(field(el, 'consent').checked).to.equal(true);
    expect(errorFor(el, 'subject')).to.equal('');

    // Removing the file and sending again works, with a new proof of work.
    q<HTMLButtonElement>(el, '[part~="file-list"] button')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'attachments'));
    submitButton(el).click();
    await waitForReceipt(el);
  });

  it('checks the number, size and kind of attachments before sending, in Spanish', async () => {
    const el = await newForm();
    await attach(el, new File(['MZ'], 'programa.exe'));
    expect(errorFor(el, 'attachments')).to.contain('no es de un tipo admitido');

    await attach(el, new File([new Uint8Array(11 * 1024 * 1024)], 'escaneo.pdf'));
    expect(errorFor(el, 'attachments')).to.contain('el máximo es 10 MB');

    await attach(el, ...Array.from({ length: 6 }, (_, i) => pdfFile(`anexo-${i + 1}.pdf`)));
    expect(errorFor(el, 'attachments')).to.contain('máximo 5 archivos');
    expect(q(el, '[part~="file-list"]')!.querySelectorAll('li')).to.have.length(5);
    await expect(el).to.be.accessible();
  });

  it('says it could not connect, and loses nothing, when the API is unreachable', async () => {
    const el = await fixture<EcamPqrs>(html`<ecam-pqrs api-base="http://127.0.0.1:9"></ecam-pqrs>`);
    await fillValid(el);
    submitButton(el).click();
    const alert = () => q(el, '[part~="alert"]')!.textContent!.trim();
    await waitUntil(() => alert(), 'no alert', WAIT);
    expect(alert()).to.contain('No pudimos conectar');
    expect(el.shadowRoot!.activeElement).to.equal(q(el, '[part~="alert"]'));
    expect(field(el, 'subject').value).to.equal('Certificado de un curso');
    expect(field(el, 'consent').checked).to.equal(true);
    expect(submitButton(el).disabled).to.equal(false);
    await expect(el).to.be.accessible();
  });
});
