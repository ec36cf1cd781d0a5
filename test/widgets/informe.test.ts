/**
 * <ecam-informe> and the publication of reports in /admin, in real Chromium against the real API
 * (web-test-runner.config.mjs): the empty list and a connection error first, then an admin
 * publishes the quarter's report and a corrected version from the report view, and the citizens'
 * widget shows both versions, each checked with axe and used with the keyboard.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PublishedList, PublishedReport } from '../../api/reports/schemas.ts';
import type { EcamAdmin } from '../../widgets/admin/admin.ts';
import '../../widgets/informe/informe.ts';
import type { EcamInforme } from '../../widgets/informe/informe.ts';
import { apiLogin, apiLogout, apiPost, click, deepActive, fill, filePqrs, json, openPage, text, v, waitForView, WAIT } from './admin-page.ts';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: Element, selector: string) => Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>(selector));

/** The publication part inside the report view of the staff page. */
function pub(el: EcamAdmin): Element {
  const part = v(el, 'ecam-admin-published');
  if (!part) throw new Error('no publication part');
  return part;
}
const p = <T extends Element = HTMLElement>(el: EcamAdmin, selector: string) => pub(el).shadowRoot!.querySelector<T>(selector);
const pAll = (el: EcamAdmin, selector: string) => Array.from(pub(el).shadowRoot!.querySelectorAll<HTMLElement>(selector));

async function published(): Promise<PublishedList> {
  return json<PublishedList>(await fetch('/api/reports/published'));
}

const request = (type: string) => ({
  type,
  subject: 'Copia del acta del consejo directivo',
  description: 'Solicito copia del acta del consejo directivo de la escuela del mes pasado.',
  responseChannel: 'online',
  consent: true,
  requester: { kind: 'anonimo' },
});

describe('<ecam-informe> before anything is published', () => {
  it('says so when nothing is published yet', async () => {
    expect((await published()).reports, 'this file must run on a server with no published report').to.deep.equal([]);
    const el = await fixture<EcamInforme>(html`<ecam-informe></ecam-informe>`);
    await waitUntil(() => $(el, '.notice'), 'no empty state', WAIT);
    expect(text($(el, 'h3'))).to.equal('Informes publicados');
    expect(text($(el, '.notice'))).to.equal('La entidad aún no ha publicado informes de PQRSD.');
    await expect(el).to.be.accessible();
  });

  it('tells a connection failure and tries again', async () => {
    const el = await fixture<EcamInforme>(html`<ecam-informe api-base="http://127.0.0.1:9"></ecam-informe>`);
    await waitUntil(() => $(el, '[role="alert"]'), 'no error', WAIT);
    expect(text($(el, '[role="alert"]'))).to.equal('No pudimos conectar con el servidor. Revise su conexión a internet e intente de nuevo.');
    await expect(el).to.be.accessible();
    el.apiBase = location.origin;
    click($(el, 'button'));
    await waitUntil(() => $(el, '.notice'), 'the retry never loaded the list', WAIT);
  });
});

describe('publishing from /admin', () => {
  after(() => apiLogout());

  it('an admin publishes the report shown, then a corrected version; every state passes axe', async () => {
    await filePqrs(request('informacion'));
    await filePqrs(request('peticion'));
    await apiLogin();
    const el = await openPage('#/reportes');
    await waitForView(el, 'ecam-admin-reports');
    await waitUntil(() => v(el, 'ecam-admin-published') && p(el, 'h2') && p(el, 'ul, section > p:last-child'), 'no publication part', WAIT);
    await waitUntil(() => pAll(el, 'button.primary').length === 1, 'no publish button', WAIT);
    expect(text(p(el, 'h2'))).to.equal('Publicación en la página de transparencia');
    const button = p(el, 'button.primary')!;
    expect(text(button)).to.equal('Publicar este informe');
    await expect(el).to.be.accessible();

    // With the keyboard: the button, then the confirmation, which takes the focus.
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => p(el, '#publish-confirm') && deepActive() === p(el, '#publish-confirm'), 'the confirmation never took the focus', WAIT);
    expect(text(p(el, '#publish-confirm'))).to.match(/^¿Publicar el informe de «(Primer|Segundo|Tercer|Cuarto) trimestre de \d{4}»\? .*no se podrá retirar\.$/);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    expect(text(deepActive())).to.equal('Sí, publicar');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => /^Informe publicado: .*, versión 1\.$/.test(text(p(el, '[role="status"]'))), 'never published', WAIT);
    await waitUntil(() => pAll(el, 'li').length === 1, 'the list never showed it', WAIT);
    expect(text(pAll(el, 'li')[0])).to.match(/trimestre de \d{4}, versión 1, publicado el .* por Administrador\. CSV$/);
    const list = await published();
    expect(list.reports.map((r) => [r.kind, r.version])).to.deep.equal([['trimestre', 1]]);
    await expect(el).to.be.accessible();

    // A correction needs a reason, said next to its field.
    await waitUntil(() => p(el, '#publish-reason'), 'no correction form', WAIT);
    click(p(el, 'form button[type="submit"]'));
    await waitUntil(() => text(p(el, '#publish-reason-error')), 'no error for the reason', WAIT);
    expect(text(p(el, '#publish-reason-error'))).to.contain('Motivo de la corrección');
    await waitUntil(() => deepActive() === p(el, '#publish-reason'), 'the reason never took the focus', WAIT);
    await expect(el).to.be.accessible();
    fill(p(el, '#publish-reason'), 'Se corrige el tipo de una solicitud mal clasificada.');
    click(p(el, 'form button[type="submit"]'));
    await waitUntil(() => /versión 2\.$/.test(text(p(el, '[role="status"]'))), 'no version 2', WAIT);
    await waitUntil(() => pAll(el, 'li').length === 2, 'the list never showed version 2', WAIT);
    expect(text(pAll(el, 'li')[1])).to.contain('reemplazado por la versión 2');
    const csv = p<HTMLAnchorElement>(el, 'li a[download]')!;
    expect(new URL(csv.href).pathname).to.match(/^\/api\/reports\/published\/\d+\.csv$/);
    expect(csv.getAttribute('aria-label')).to.match(/^CSV de .*versión 2$/);
  });

  it('a funcionario sees the published reports but cannot publish', async () => {
    const admin = await apiLogin();
    await apiPost(admin.csrfToken, '/api/admin/users', { username: 'informe.func', name: 'Funcionaria de Prueba', role: 'funcionario', password: 'clave-funcionaria-123' }, 201);
    await apiLogout();
    await apiLogin('informe.func', 'clave-funcionaria-123');
    const el = await openPage('#/reportes');
    await waitForView(el, 'ecam-admin-reports');
    await waitUntil(() => v(el, 'ecam-admin-published') && pAll(el, 'li').length === 2, 'no list', WAIT);
    expect(pAll(el, 'button')).to.have.length(0);
    await expect(el).to.be.accessible();
  });
});

describe('access denied in the answer form of /admin', () => {
  after(() => apiLogout());

  it('is offered only for a request for information, and reaches the published figures through the answer', async () => {
    const info = await filePqrs(request('informacion'));
    const petition = await filePqrs(request('peticion'));
    await apiLogin();
    const el = await openPage(`#/solicitud/${petition.radicado}`);
    await waitForView(el, 'ecam-admin-request');
    await waitUntil(() => v(el, '#reply-text'), 'the petition never loaded', WAIT);
    expect(v(el, '#reply-denied')).to.equal(null);

    location.hash = `#/solicitud/${info.radicado}`;
    await waitUntil(() => v(el, '#reply-denied'), 'no access-denied checkbox on a request for information', WAIT);
    expect(text(v(el, 'label[for="reply-denied"]'))).to.contain('reservada o clasificada (Ley 1712 de 2014, arts. 18 y 19)');
    await expect(el).to.be.accessible();
    fill(v(el, '#reply-text'), 'Se niega el acceso: el acta contiene información clasificada.');
    click(v(el, '#reply-denied'));
    click(v(el, '#form-reply button[type="submit"]'));
    await waitUntil(() => !v(el, '#reply-text'), 'the answer was never sent', WAIT);
    const detail = await json<{ answer: { denied: boolean } }>(await fetch(`/api/admin/pqrs/${info.radicado}`));
    expect(detail.answer.denied).to.equal(true);
  });
});

describe('<ecam-informe> with published reports', () => {
  it('lists the versions, opens the current one with its figures, chart and CSV; the older one by keyboard', async () => {
    const list = await published();
    const [v2, v1] = list.reports;
    const el = await fixture<EcamInforme>(html`<ecam-informe></ecam-informe>`);
    await waitUntil(() => $(el, '#i-title'), 'no report', WAIT);
    const items = $$(el, '.list li');
    expect(items).to.have.length(2);
    expect(text(items[0]!.querySelector('button'))).to.match(/trimestre de \d{4} \(versión 2\)$/);
    expect(text(items[1])).to.contain('Reemplazado por la versión 2');
    expect(items[0]!.querySelector('button')!.getAttribute('aria-current')).to.equal('true');
    await expect(el).to.be.accessible();

    // The figures are the API's, frozen at publication.
    const report = await json<PublishedReport>(await fetch(`/api/reports/published/${v2!.id}`));
    expect(text($(el, '#i-title'))).to.match(/^Informe de PQRSD: .* trimestre de \d{4}$/);
    expect(text($(el, '.notice'))).to.equal('Esta versión corrige la versión 1. Motivo: Se corrige el tipo de una solicitud mal clasificada.');
    const info = report.snapshot.information;
    expect($$(el, '[aria-labelledby="i-info"] dd').map(text)).to.deep.equal([info.received, info.transferred, info.denied].map(String));
    expect(info.received).to.be.greaterThan(0);
    expect($$(el, '[aria-labelledby="i-info"] tbody tr')).to.have.length(info.requests.length);
    const total = $$(el, '[aria-labelledby="i-types"] tfoot td').map(text);
    expect(total[0]).to.equal(String(report.snapshot.report.total.received));
    expect($$(el, '[aria-labelledby="i-types"] tbody tr')).to.have.length(8);
    const web = $$(el, '[aria-labelledby="i-channels"] tbody tr').find((tr) => text(tr.querySelector('th')) === 'Formulario web')!;
    expect(text(web.querySelector('td'))).to.equal(String(report.snapshot.channels.find((c) => c.channel === 'web')!.received));

    // The chart: bars sized through the CSSOM, hidden from screen readers (the table says it).
    const bars = $$(el, '.bars [data-w]');
    expect(bars.length).to.be.greaterThan(0);
    expect(bars.every((b) => b.style.width.endsWith('%'))).to.equal(true);
    expect($(el, '.bars')!.getAttribute('aria-hidden')).to.equal('true');
    expect(text($(el, 'figcaption'))).to.contain('Los mismos datos están en la tabla «PQRSD por tipo»');

    const csv = $<HTMLAnchorElement>(el, 'a[download]')!;
    expect(new URL(csv.href).pathname).to.equal(`/api/reports/published/${v2!.id}.csv`);
    const res = await fetch(csv.href);
    expect(res.headers.get('content-type')).to.equal('text/csv; charset=utf-8');

    // Version 1 with the keyboard: its button, Enter, the focus on the new heading.
    items[1]!.querySelector('button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text($(el, '.notice')).startsWith('Esta versión fue reemplazada'), 'version 1 never opened', WAIT);
    await waitUntil(() => deepActive() === $(el, '#i-title'), 'the heading never took the focus', WAIT);
    expect(new URL($<HTMLAnchorElement>(el, 'a[download]')!.href).pathname).to.equal(`/api/reports/published/${v1!.id}.csv`);
    await expect(el).to.be.accessible();
    click($(el, '.notice button'));
    await waitUntil(() => new URL($<HTMLAnchorElement>(el, 'a[download]')!.href).pathname.endsWith(`/${v2!.id}.csv`), 'no way back to version 2', WAIT);
  });

  it('passes axe in the dark theme', async () => {
    const el = await fixture<EcamInforme>(html`<ecam-informe theme="dark"></ecam-informe>`);
    await waitUntil(() => $(el, '#i-title'), 'no report', WAIT);
    await expect(el).to.be.accessible();
  });

  it('speaks English on an English page', async () => {
    const el = await fixture<EcamInforme>(html`<ecam-informe lang="en"></ecam-informe>`);
    await waitUntil(() => $(el, '#i-title'), 'no report', WAIT);
    expect(text($(el, 'h3'))).to.equal('Published reports');
    expect(text($(el, '#i-title'))).to.match(/^PQRSD report: (First|Second|Third|Fourth) quarter of \d{4}$/);
    expect($$(el, '[aria-labelledby="i-types"] tbody th').map(text)).to.include('Request for information');
    expect(text($(el, 'a[download]'))).to.equal('Download the report (CSV)');
    await expect(el).to.be.accessible();
  });
});
