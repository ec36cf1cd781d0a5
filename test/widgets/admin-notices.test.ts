/**
 * The notices on the staff page, in real Chromium against the real API: the panel of a request's
 * page (the proposed text with its personal-data flags, suppress or confirm each, the server's
 * refusal, the preview, publication), the failed-delivery form, the list of notices, English.
 * Every state is checked with axe.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { PqrsCreated } from '../../api/pqrs/schemas.ts';
import type { EcamAdmin } from '../../widgets/admin/admin.ts';
import { WAIT, apiLogin, apiPost, click, deepActive, fill, filePqrs, openPage, text, v, vAll, view, waitForView } from './admin-page.ts';

const ANSWER =
  'Señora Ana María Pérez:\nEl curso de sistemas abre inscripciones en enero. Informes con Luz Marina Soto al 300 123 4567.\nCordial saludo.';

async function answered(requester: Record<string, unknown>, responseChannel: string, answer = ANSWER): Promise<PqrsCreated> {
  const filed = await filePqrs({
    type: 'peticion',
    subject: 'Inscripciones del curso',
    description: 'Quisiera saber cuándo abren las inscripciones del curso de sistemas del próximo año.',
    responseChannel,
    consent: true,
    requester,
  });
  const { csrfToken } = await apiLogin();
  await apiPost(csrfToken, `/api/admin/pqrs/${filed.radicado}/reply`, { text: answer });
  return filed;
}

/** The notice panel inside the request's page. */
function panel(el: EcamAdmin): HTMLElement | null {
  return (view(el)?.shadowRoot?.querySelector('ecam-admin-notice-panel') as HTMLElement | null) ?? null;
}
const p = <T extends Element = HTMLElement>(el: EcamAdmin, s: string) => (panel(el)?.shadowRoot?.querySelector(s) as T | null) ?? null;
const pAll = (el: EcamAdmin, s: string) => Array.from(panel(el)?.shadowRoot?.querySelectorAll(s) ?? []);
const button = (el: EcamAdmin, label: string) => pAll(el, 'button').find((b) => text(b) === label) as HTMLButtonElement | undefined;

async function openRequest(radicado: string): Promise<EcamAdmin> {
  const el = await openPage(`#/solicitud/${radicado}`);
  await waitForView(el, 'ecam-admin-request');
  await waitUntil(() => p(el, 'h2#h-notice') && !text(panel(el)!.shadowRoot!.querySelector('section')).includes('Cargando'), 'the notice panel never loaded', WAIT);
  return el;
}

afterEach(() => {
  document.documentElement.lang = 'es';
});

describe('notices on the staff page', () => {
  it('an anonymous request: suppress or confirm each flag, the refusal, the preview, then publish', async () => {
    const filed = await answered({ kind: 'anonimo' }, 'online');
    const el = await openRequest(filed.radicado);
    expect(text(p(el, '#title-publish'))).to.equal('Publicar aviso');
    const textarea = p<HTMLTextAreaElement>(el, '#notice-text')!;
    expect(textarea.value).to.equal(ANSWER);
    const flags = () => pAll(el, 'ul.flags > li').map((li) => text(li.querySelector('p')));
    expect(flags()).to.have.length(3);
    expect(flags()[0]).to.match(/^Nombre: Ana María Pérez/);
    expect(flags().join(' ')).to.include('Teléfono: 300 123 4567');
    expect(text(p(el, '#flags-status'))).to.equal('Faltan 3 datos por suprimir o confirmar.');
    await expect(el).to.be.accessible();

    // Publishing with flags left: the server refuses and says which.
    click(button(el, 'Publicar aviso')!);
    await waitUntil(() => text(p(el, '#form-publish .alert')), 'no refusal shown', WAIT);
    expect(text(p(el, '#form-publish .alert'))).to.match(/^El texto tiene datos personales sin confirmar: «Ana María Pérez» \(nombre\)/);
    expect(p(el, '#notice-text')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    // Suppress the citizen's name and the phone; confirm the official's name.
    click(button(el, 'Suprimir «Ana María Pérez» del texto')!);
    await waitUntil(() => flags().length === 2, 'the name was not suppressed', WAIT);
    expect(deepActive()?.id).to.equal('flags-status');
    click(button(el, 'Suprimir «300 123 4567» del texto')!);
    await waitUntil(() => flags().length === 1, 'the phone was not suppressed', WAIT);
    const confirm = pAll(el, 'ul.flags input[type="checkbox"]')[0] as HTMLInputElement;
    expect(text(p(el, `label[for="${confirm.id}"]`))).to.equal('Confirmo que «Luz Marina Soto» puede publicarse');
    click(confirm);
    await waitUntil(() => text(p(el, '#flags-status')) === 'Todos los datos encontrados están suprimidos o confirmados.', 'not ready', WAIT);
    const expected = 'Señora [dato suprimido]:\nEl curso de sistemas abre inscripciones en enero. Informes con Luz Marina Soto al [dato suprimido].\nCordial saludo.';
    expect(p<HTMLTextAreaElement>(el, '#notice-text')!.value).to.equal(expected);
    expect(p(el, '.preview')!.textContent).to.equal(expected);
    await expect(el).to.be.accessible();

    click(button(el, 'Publicar aviso')!);
    await waitUntil(() => text(p(el, '#notice-outcome')).startsWith('Aviso publicado.'), 'never published', WAIT);
    await waitUntil(() => p(el, '#notice-published'), 'the published notice is not shown', WAIT);
    expect(text(p(el, '#notice-published'))).to.equal('Publicado: Respuesta a solicitud anónima');
    expect(text(p(el, 'dl'))).to.include('Se retira al terminar el');
    expect(text(p(el, 'section.panel p.text'))).to.equal(text({ textContent: expected } as Element));
    expect(p(el, '#form-publish')).to.equal(null);
    // The request's history (shown to the citizen) says it was published.
    await waitUntil(() => vAll(el, '#h-timeline ~ ol li').some((li) => text(li).includes('se publicó como respuesta a solicitud anónima')), 'no history entry', WAIT);
    await expect(el).to.be.accessible();
  });

  it('a delivered answer: record the failed delivery (with field errors first), then the editor appears', async () => {
    const filed = await answered(
      { kind: 'natural', documentType: 'CC', documentNumber: '1098765432', name: 'Ana María Pérez', email: 'ana@example.co' },
      'email',
    );
    const el = await openRequest(filed.radicado);
    expect(p(el, '#form-publish')).to.equal(null);
    expect(text(panel(el)!.shadowRoot!.querySelector('section > p'))).to.match(/registre la entrega fallida/);
    expect(text(p(el, '#title-failure'))).to.equal('Registrar entrega fallida');
    await expect(el).to.be.accessible();

    click(button(el, 'Registrar entrega fallida')!);
    await waitUntil(() => text(p(el, '#failure-reason-error')), 'no field error', WAIT);
    expect(text(p(el, '#failure-reason-error'))).to.match(/^Error: Motivo: /);
    expect(deepActive()?.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    fill(p<HTMLSelectElement>(el, '#failure-channel'), 'email');
    fill(p<HTMLTextAreaElement>(el, '#failure-reason'), 'El servidor de correo respondió que el buzón no existe.');
    click(button(el, 'Registrar entrega fallida')!);
    await waitUntil(() => text(p(el, '#notice-outcome')) === 'Entrega fallida registrada.', 'never recorded', WAIT);
    await waitUntil(() => p(el, '#form-publish'), 'the editor never appeared', WAIT);
    expect(text(p(el, '#title-publish ~ p'))).to.match(/no se pudo entregar/);
    expect(pAll(el, 'ul.flags > li').map((li) => text(li.querySelector('p')))[0]).to.match(/^Nombre: Ana María Pérez \(dato del registro/);
    expect(text(panel(el)!.shadowRoot!.querySelector('h3:not([id])'))).to.equal('Entregas fallidas');
    await expect(el).to.be.accessible();
  });

  it('the list of notices, from the navigation, and in English', async () => {
    await apiLogin();
    const el = await openPage('#/bandeja');
    const link = Array.from(el.shadowRoot!.querySelectorAll('nav a')).find((a) => text(a) === 'Avisos') as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal('#/avisos');
    click(link);
    await waitForView(el, 'ecam-admin-notices');
    await waitUntil(() => v(el, 'table'), 'no table', WAIT);
    expect(text(v(el, 'h1'))).to.equal('Avisos publicados');
    expect(text(v(el, 'caption'))).to.equal('Avisos vigentes y pasados, del más reciente al más antiguo');
    const row = vAll(el, 'tbody tr')[0]!;
    expect(text(row.querySelector('td:nth-of-type(3)'))).to.equal('Vigente');
    await expect(el).to.be.accessible();

    document.documentElement.lang = 'en';
    await waitUntil(() => text(v(el, 'h1')) === 'Published notices', 'not in English', WAIT);
    expect(text(row.querySelector('td:nth-of-type(3)'))).to.equal('Current');
    expect(text(link)).to.equal('Notices');
    await expect(el).to.be.accessible();
  });
});
