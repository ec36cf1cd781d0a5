/**
 * <ecam-avisos> in real Chromium against the real API (web-test-runner.config.mjs, proxied at
 * /api): a request filed anonymously, answered and published as a notice by staff through the
 * API, then the widget's states (list, search, not found, empty, error, English), each with axe.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { RequestNotice } from '../../api/notices/schemas.ts';
import '../../widgets/avisos/avisos.ts';
import type { EcamAvisos } from '../../widgets/avisos/avisos.ts';
import '../../widgets/tracker/tracker.ts';
import type { EcamTracker } from '../../widgets/tracker/tracker.ts';
import { filePqrs } from './admin-page.ts';
import { WAIT, staffCall, text } from './helpers.ts';

const NOTICE_TEXT = 'Respetado ciudadano:\nEl curso de sistemas abre inscripciones en enero.\n<b>Esto no es HTML</b>\nCordial saludo.';

let radicado = '';
let trackingCode = '';

before(async () => {
  const filed = await filePqrs({
    type: 'consulta',
    subject: 'Fechas de inscripción',
    description: 'Quisiera saber cuándo abren las inscripciones del curso de sistemas del próximo año.',
    responseChannel: 'online',
    consent: true,
    requester: { kind: 'anonimo' },
  });
  radicado = filed.radicado;
  trackingCode = filed.trackingCode;
  await staffCall('POST', `/api/admin/pqrs/${radicado}/reply`, { text: 'El curso de sistemas abre inscripciones en enero.' });
  await staffCall<RequestNotice>('POST', `/api/admin/notices/${radicado}`, { text: NOTICE_TEXT }, 201);
});

afterEach(async () => {
  await executeServerCommand('ecam-clock', { days: 0 });
});

const q = <T extends Element = HTMLElement>(el: EcamAvisos, s: string) => el.shadowRoot!.querySelector<T>(s as never) as T | null;
const qa = (el: EcamAvisos, s: string) => Array.from(el.shadowRoot!.querySelectorAll(s));
const status = (el: EcamAvisos) => text(q(el, '[role="status"]'));

async function mount(attrs: { apiBase?: string; lang?: string } = {}): Promise<EcamAvisos> {
  const el = await fixture<EcamAvisos>(html`<ecam-avisos api-base=${attrs.apiBase ?? ''} lang=${attrs.lang ?? 'es'}></ecam-avisos>`);
  await waitUntil(() => status(el) && !/Cargando|Loading/.test(status(el)), 'the list never loaded', WAIT);
  return el;
}

function search(el: EcamAvisos, value: string): void {
  const input = q<HTMLInputElement>(el, '#radicado')!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  q<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
}

describe('<ecam-avisos>', () => {
  it('lists the current notices, each with its dates and its text as plain text', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    expect(status(el)).to.match(/^Hay \d+ avisos? vigentes?\.$/);
    const list = q(el, 'ul[aria-label="Avisos vigentes"]');
    expect(list).to.exist;
    const item = qa(el, 'li').find((li) => text(li.querySelector('h3')).includes(radicado))!;
    expect(item, 'the published notice is listed').to.exist;
    expect(text(item.querySelector('h3'))).to.equal(`Respuesta a solicitud anónima: radicado ${radicado}`);
    const dl = text(item.querySelector('dl'));
    expect(dl).to.include('Tipo de solicitud Consulta');
    expect(dl).to.include('Publicado el');
    expect(dl).to.include('Se retira al terminar el');
    expect(dl, 'notification date only for an aviso').not.to.include('Notificación surtida');
    const body = item.querySelector('[part="text"]')!;
    expect(body.textContent).to.equal(NOTICE_TEXT);
    expect(body.querySelector('b'), 'the text is never HTML').to.equal(null);
    expect(getComputedStyle(body).whiteSpace).to.equal('pre-wrap');
  });

  it('finds a notice by radicado, in any case, and goes back to the whole list', async () => {
    const el = await mount();
    search(el, radicado.toLowerCase());
    await waitUntil(() => status(el).startsWith('Hay un aviso vigente del radicado'), 'the search never answered', WAIT);
    expect(status(el)).to.equal(`Hay un aviso vigente del radicado ${radicado}.`);
    expect(qa(el, 'li').length).to.equal(1);
    await expect(el).to.be.accessible();
    const all = qa(el, 'button').find((b) => text(b) === 'Ver todos los avisos') as HTMLButtonElement;
    all.click();
    await waitUntil(() => /^Hay \d+ avisos? vigentes?\.$/.test(status(el)), 'the whole list never came back', WAIT);
    expect(q<HTMLInputElement>(el, '#radicado')!.value).to.equal('');
  });

  it('says so when a radicado has no current notice, and asks for one when empty', async () => {
    const el = await mount();
    search(el, 'ECAM-1999-000001');
    await waitUntil(() => status(el).startsWith('No hay un aviso vigente'), 'the search never answered', WAIT);
    expect(qa(el, 'li').length).to.equal(0);
    expect(q(el, 'ul')).to.equal(null);
    await expect(el).to.be.accessible();

    search(el, '  ');
    await waitUntil(() => text(q(el, '#radicado-error')), 'no field error', WAIT);
    expect(text(q(el, '#radicado-error'))).to.equal('Error: Número de radicado: es obligatorio.');
    expect(q(el, '#radicado')!.getAttribute('aria-invalid')).to.equal('true');
    expect(q(el, '#radicado')!.getAttribute('aria-describedby')).to.equal('radicado-hint radicado-error');
    expect(el.shadowRoot!.activeElement?.id).to.equal('radicado');
    await expect(el).to.be.accessible();
  });

  it('is empty once every notice has been removed (five business days later)', async () => {
    await executeServerCommand('ecam-clock', { days: 30 });
    const el = await mount();
    expect(status(el)).to.equal('No hay avisos publicados en este momento.');
    expect(q(el, 'ul')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('tells a connection failure and lets the visitor try again', async () => {
    const el = await mount({ apiBase: 'http://127.0.0.1:9' }).catch(() => undefined);
    const shown = el ?? (await fixture<EcamAvisos>(html`<ecam-avisos api-base="http://127.0.0.1:9"></ecam-avisos>`));
    await waitUntil(() => text(q(shown, '[role="alert"]')), 'no error shown', WAIT);
    expect(text(q(shown, '[role="alert"]'))).to.equal('No pudimos conectar con el servidor. Revise su conexión a internet e intente de nuevo.');
    expect(qa(shown, 'button').some((b) => text(b) === 'Intentar de nuevo')).to.equal(true);
    await expect(shown).to.be.accessible();
  });

  it('the tracker of that request says its answer was published, and until when', async () => {
    const el = await fixture<EcamTracker>(html`<ecam-tracker></ecam-tracker>`);
    const root = el.shadowRoot!;
    const set = (id: string, value: string) => {
      const input = root.querySelector<HTMLInputElement>(`#${id}`)!;
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    };
    set('t-radicado', radicado);
    set('t-code', trackingCode);
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => root.querySelector('#status-title'), 'the request was never shown', WAIT);
    const notice = Array.from(root.querySelectorAll('[part="notice"]')).find((n) => text(n).startsWith('Respuesta publicada en el sitio web'));
    expect(notice, 'the notice is shown').to.exist;
    expect(text(notice)).to.match(/Por ser una solicitud anónima, la respuesta se publicó sin datos personales en el sitio web de la entidad del .+ al .+\. Está publicada ahora/);
    await expect(el).to.be.accessible();
  });

  it('speaks English on an English page', async () => {
    const el = await mount({ lang: 'en' });
    expect(status(el)).to.match(/^There (is|are) \d+ current notices?\.$/);
    const item = qa(el, 'li').find((li) => text(li.querySelector('h3')).includes(radicado))!;
    expect(text(item.querySelector('h3'))).to.equal(`Answer to an anonymous request: filing number ${radicado}`);
    expect(text(item.querySelector('dl'))).to.include('Type of request Consultation');
    expect(text(q(el, 'label'))).to.equal('Filing number');
    await expect(el).to.be.accessible();
  });
});
