/**
 * The data-subject view of the staff page (`#/datos`, admins only) in real Chromium against the
 * real API: finding a person's data by e-mail or document number, downloading it as JSON, and
 * anonymising it only after a confirmation, which blanks the PQRSD's personal fields and keeps
 * the record. Every state is checked with axe; one test uses only the keyboard.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PqrsDetail } from '../../api/pqrs/workflow-schemas.ts';
import type { PrivacyExport } from '../../api/privacy/schemas.ts';
import type { EcamAdmin } from '../../widgets/admin/admin.ts';
import {
  WAIT,
  apiLogin,
  apiPost,
  click,
  fill,
  filePqrs,
  json,
  openPage,
  tabTo,
  text,
  v,
  vAll,
  waitForFocus,
  waitForView,
} from './admin-page.ts';

/** A citizen with every personal field filled in; `email` and `documentNumber` make it unique. */
function request(name: string, email: string, documentNumber: string) {
  return {
    type: 'peticion',
    subject: `Certificado laboral de ${name}`,
    description: 'Solicito una copia de mi certificado laboral con las funciones y el tiempo de servicio.',
    responseChannel: 'email',
    consent: true,
    requester: {
      kind: 'natural',
      documentType: 'CC',
      documentNumber,
      name,
      email,
      phone: '+57 300 555 0101',
      address: 'Carrera 7 # 12-30',
      city: 'Bucaramanga',
    },
  };
}

const status = (el: EcamAdmin) => text(v(el, '#status'));

async function openPrivacy(): Promise<EcamAdmin> {
  await apiLogin();
  const el = await openPage('#/datos');
  await waitForView(el, 'ecam-admin-privacy');
  return el;
}

/** Types the subject in the form and searches, waiting for the answer. */
async function search(el: EcamAdmin, subject: { email?: string; documentNumber?: string }): Promise<void> {
  fill(v(el, '#privacy-email'), subject.email ?? '');
  fill(v(el, '#privacy-documentNumber'), subject.documentNumber ?? '');
  click(v(el, 'button[type="submit"]'));
  await waitUntil(() => status(el).startsWith('Se encontraron'), 'no answer to the search', WAIT);
}

/** The staff API's view of a PQRSD. */
async function detail(radicado: string): Promise<PqrsDetail> {
  return json<PqrsDetail>(await fetch(`/api/admin/pqrs/${radicado}`));
}

describe('personal data (#/datos)', () => {
  it('starts empty, asks for an e-mail or a document number, and says when nothing is stored', async () => {
    const el = await openPrivacy();
    await expect(el).to.be.accessible();
    expect(text(v(el, 'h1'))).to.equal('Datos personales');
    expect(status(el)).to.equal('');
    expect(v(el, 'table')).to.equal(null);

    click(v(el, 'button[type="submit"]'));
    await waitUntil(() => text(v(el, '#privacy-email-error')), 'no error for the empty form', WAIT);
    expect(text(v(el, '#privacy-email-error'))).to.include('Escriba un correo electrónico o un número de documento.');
    await waitForFocus(el, '#privacy-email');
    expect(v(el, '#privacy-email')!.getAttribute('aria-describedby')).to.equal('privacy-hint privacy-email-error');
    await expect(el).to.be.accessible();

    await search(el, { email: 'nadie.registrado@example.co' });
    expect(status(el)).to.equal('Se encontraron 0 PQRSD, 0 conversaciones de chat, 0 mensajes del buzón, 0 inscripciones o preguntas en eventos y 0 correos enviados.');
    expect(text(v(el, '[role="search"] ~ p:not([role])'))).to.equal('No se encontró nada guardado con esos datos.');
    expect(v(el, '#anonymise')).to.equal(null);
    expect(v(el, '#privacy-email-error')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('finds a person who only registered for an event (the participation plan), rather than saying nothing is stored', async () => {
    const events = await json<{ slug: string; registration: { open: boolean } | null }[]>(await fetch('/api/events'));
    const open = events.find((e) => e.registration?.open);
    expect(open, 'the sample plan has an event open for registration').to.not.equal(undefined);
    const res = await fetch(`/api/events/${open!.slug}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Rocío Solo Eventos', email: 'rocio.eventos@example.co', consent: true }),
    });
    expect(res.status).to.equal(201);
    const el = await openPrivacy();
    await search(el, { email: 'rocio.eventos@example.co' });
    // The confirmation e-mail of the registration is one of the e-mails found.
    expect(status(el)).to.match(/^Se encontraron 0 PQRSD, 0 conversaciones de chat, 0 mensajes del buzón, 1 inscripciones o preguntas en eventos y \d+ correos enviados\.$/);
    expect(el.shadowRoot!.textContent).to.not.include('No se encontró nada guardado con esos datos.');
    expect(v(el, '#anonymise')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('finds a person by document number written any way, and downloads everything as JSON', async () => {
    const filed = await filePqrs(request('Teresa Titular Gómez', 'teresa.titular@example.co', '52.777.314'));
    const el = await openPrivacy();
    await search(el, { documentNumber: '52777314' });
    await waitUntil(() => status(el).startsWith('Se encontraron 1 PQRSD'), `unexpected status «${status(el)}»`, WAIT);
    await expect(el).to.be.accessible();
    const rows = vAll(el, 'tbody tr');
    expect(rows).to.have.length(1);
    expect(text(rows[0])).to.include(filed.radicado);
    expect(text(rows[0])).to.include('Teresa Titular Gómez · 52.777.314 · teresa.titular@example.co');

    // The view hands the browser an object URL in a temporary <a download>; read that file.
    const saved = new Promise<{ name: string; body: Blob }>((resolve, reject) => {
      const onClick = (e: Event) => {
        const a = e.composedPath()[0];
        if (!(a instanceof HTMLAnchorElement) || !a.hasAttribute('download')) return;
        document.removeEventListener('click', onClick, true);
        e.preventDefault();
        fetch(a.href).then((r) => r.blob()).then((body) => resolve({ name: a.download, body }), reject);
      };
      document.addEventListener('click', onClick, true);
    });
    click(v(el, '#download'));
    const file = await saved;
    expect(file.body.type).to.equal('application/json');
    const data = JSON.parse(await file.body.text()) as PrivacyExport;
    expect(file.name).to.equal(`datos-personales-${data.generatedAt.slice(0, 10)}.json`);
    expect(data.subject).to.deep.equal({ email: null, documentNumber: '52777314' });
    expect(data.pqrs.map((p) => p.radicado)).to.deep.equal([filed.radicado]);
    expect(data.pqrs[0]!.requester).to.include({ name: 'Teresa Titular Gómez', email: 'teresa.titular@example.co', phone: '+57 300 555 0101' });
    expect([data.chats, data.mailbox]).to.deep.equal([[], []]);
  });

  it('anonymises only after a confirmation; the PQRSD keeps its record without personal fields', async () => {
    const filed = await filePqrs(request('Rodrigo Reservado', 'rodrigo.reservado@example.co', '1.005.443.221'));
    const el = await openPrivacy();
    await search(el, { email: 'Rodrigo.Reservado@example.co' });
    await waitUntil(() => status(el).startsWith('Se encontraron 1 PQRSD'), `unexpected status «${status(el)}»`, WAIT);

    // Asking shows the consequences and moves the focus to the confirmation; cancelling changes nothing.
    click(v(el, '#anonymise'));
    await waitForFocus(el, '#confirm-anonymise');
    expect(text(v(el, '#confirm-anonymise-text'))).to.match(/^¿Anonimizar estos datos\?.*No se puede deshacer\.$/);
    expect(v(el, '[role="group"]')!.getAttribute('aria-labelledby')).to.equal('confirm-anonymise-text');
    await expect(el).to.be.accessible();
    click(v(el, '#cancel-anonymise'));
    await waitForFocus(el, '#anonymise');
    expect(v(el, '#confirm-anonymise')).to.equal(null);
    expect((await detail(filed.radicado)).requester.name).to.equal('Rodrigo Reservado');

    click(v(el, '#anonymise'));
    await waitForFocus(el, '#confirm-anonymise');
    click(v(el, '#confirm-anonymise'));
    await waitUntil(() => status(el).startsWith('Datos anonimizados'), 'never anonymised', WAIT);
    expect(status(el)).to.match(/^Datos anonimizados: 1 PQRSD, 0 conversaciones, 0 mensajes del buzón, 0 inscripciones o preguntas en eventos y \d+ correos\.$/);
    await waitForFocus(el, '#status');
    expect(v(el, 'table')).to.equal(null);
    await expect(el).to.be.accessible();

    // The request itself: radicado, subject and timeline kept; name, document, contact gone.
    const d = await detail(filed.radicado);
    expect(d.subject).to.equal('Certificado laboral de Rodrigo Reservado');
    expect(d.requester).to.include({ kind: 'natural', documentType: null, documentNumber: null, name: null, email: null, phone: null, address: null, city: null });
    location.hash = `#/solicitud/${filed.radicado}`;
    await waitForView(el, 'ecam-admin-request');
    await waitUntil(() => v(el, 'section[aria-labelledby="h-requester"]'), 'the request never showed its requester', WAIT);
    const requester = text(v(el, 'section[aria-labelledby="h-requester"]'));
    expect(requester).to.include('Persona natural');
    for (const personal of ['Rodrigo', '1.005.443.221', 'rodrigo.reservado', '555 0101', 'Carrera 7', 'Bucaramanga']) {
      expect(requester).not.to.include(personal);
    }
    await expect(el).to.be.accessible();

    // The audit log says who looked and who anonymised, in words.
    location.hash = '#/auditoria';
    await waitForView(el, 'ecam-admin-audit');
    await waitUntil(() => vAll(el, 'tbody tr').length, 'no audit entries', WAIT);
    const entries = vAll(el, 'tbody tr').map((tr) => text(tr));
    const anonymised = entries.findIndex((e) => e.includes('Datos personales anonimizados'));
    expect(anonymised, entries.join('\n')).to.be.at.least(0);
    expect(entries[anonymised]).to.include(filed.radicado);
    expect(entries.slice(anonymised + 1).some((e) => e.includes('Datos personales consultados') && e.includes(filed.radicado))).to.equal(true);
  });

  it('names every chat, mailbox and personal-data action in the audit filter', async () => {
    await apiLogin();
    const el = await openPage('#/auditoria');
    await waitForView(el, 'ecam-admin-audit');
    await waitUntil(() => v(el, '#audit-action'), 'no action filter', WAIT);
    const options = new Map(vAll(el, '#audit-action option').map((o) => [(o as HTMLOptionElement).value, text(o)]));
    for (const [code, label] of [
      ['chat.take', 'Conversación de chat tomada'],
      ['chat.transfer', 'Conversación de chat transferida'],
      ['chat.close', 'Conversación de chat terminada'],
      ['chat.convert', 'Chat radicado como PQRSD'],
      ['chat.canned.create', 'Respuesta predefinida creada'],
      ['chat.canned.update', 'Respuesta predefinida modificada'],
      ['chat.canned.delete', 'Respuesta predefinida eliminada'],
      ['mailbox.reply', 'Mensaje del buzón respondido'],
      ['mailbox.convert', 'Mensaje del buzón radicado como PQRSD'],
      ['privacy.export', 'Datos personales consultados'],
      ['privacy.anonymise', 'Datos personales anonimizados'],
    ]) {
      expect(options.get(code!), code).to.equal(label);
    }
  });

  it('is operable with the keyboard alone: search, change one’s mind, anonymise', async () => {
    const filed = await filePqrs(request('Karla Teclado', 'karla.teclado@example.co', '80111222'));
    const el = await openPrivacy();
    await tabTo((a) => a.id === 'privacy-documentNumber', 'the document number');
    await sendKeys({ type: '80111222' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => status(el).startsWith('Se encontraron 1 PQRSD'), `unexpected status «${status(el)}»`, WAIT);
    expect(text(v(el, 'tbody'))).to.include(filed.radicado);

    await tabTo((a) => a.id === 'anonymise', 'Anonimizar');
    await sendKeys({ press: 'Enter' });
    await waitForFocus(el, '#confirm-anonymise');
    await sendKeys({ press: 'Tab' });
    await waitForFocus(el, '#cancel-anonymise');
    await sendKeys({ press: 'Enter' });
    await waitForFocus(el, '#anonymise');

    await sendKeys({ press: 'Enter' });
    await waitForFocus(el, '#confirm-anonymise');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => status(el).startsWith('Datos anonimizados: 1 PQRSD'), 'never anonymised', WAIT);
    await waitForFocus(el, '#status');
    expect((await detail(filed.radicado)).requester.documentNumber).to.equal(null);
  });

  it('is for administrators only', async () => {
    const { csrfToken } = await apiLogin();
    const official = { username: 'funcionario.privacidad', name: 'Fabio Funcionario', password: 'clave-del-funcionario-privacidad' };
    await apiPost(csrfToken, '/api/admin/users', { ...official, role: 'funcionario' }, 201);
    try {
      const other = await apiLogin(official.username, official.password);
      await apiPost(other.csrfToken, '/api/admin/privacy/export', { email: 'nadie@example.co' }, 403);
      const el = await openPage('#/datos');
      await waitUntil(() => /Sin permiso/.test(text(el.shadowRoot!.querySelector('main'))), 'no refusal', WAIT);
      expect(v(el, '#privacy-email')).to.equal(null);
      await expect(el).to.be.accessible();
    } finally {
      await apiLogin();
    }
  });
});
