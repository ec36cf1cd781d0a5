/**
 * <ecam-tracker> in real Chromium against the real API (started by web-test-runner.config.mjs
 * and proxied at /api, proof of work on). Requests are filed through the public API and handled
 * by a real staff session; each state is checked with axe, then through what a person sees.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { ChallengeResponse } from '../../api/challenge/routes.ts';
import type { PqrsCreated } from '../../api/pqrs/schemas.ts';
import type { PqrsDetail, TrackResult } from '../../api/pqrs/workflow-schemas.ts';
import { solveChallenge } from '../../widgets/shared/pow.ts';
import '../../widgets/tracker/tracker.ts';
import type { EcamTracker } from '../../widgets/tracker/tracker.ts';
import type { EcamSurvey } from '../../widgets/survey/survey.ts';

const WAIT = { timeout: 20_000, interval: 20 };
/** ECAM_ADMIN_PASSWORD of the test server (web-test-runner.config.mjs). */
const ADMIN_PASSWORD = 'clave-admin-de-prueba';
const NOT_FOUND = 'No encontramos una solicitud con ese radicado y código. Revise ambos datos.';

// ---- The API, as a citizen and as staff --------------------------------------------------

async function json<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  expect(res.status, text).to.equal(status);
  return JSON.parse(text) as T;
}

/** Files a request through `POST /api/pqrs`, solving the proof of work like the form does. */
async function fileRequest(type = 'peticion'): Promise<PqrsCreated> {
  const c = await json<ChallengeResponse>(await fetch('/api/challenge'));
  const altcha = c.enabled ? await solveChallenge({ ...c, maxnumber: c.maxnumber ?? 1_000_000 }) : undefined;
  const body = {
    type,
    subject: 'Certificado del curso de sistemas',
    description: 'Solicito una copia del certificado del curso de sistemas que terminé en 2025.',
    responseChannel: 'online',
    consent: true,
    requester: { kind: 'natural', documentType: 'CC', documentNumber: '1098765432', name: 'Ana María Pérez' },
    ...(altcha ? { altcha } : {}),
  };
  const res = await fetch('/api/pqrs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return json<PqrsCreated>(res, 201);
}

let staff: Promise<{ id: number; csrfToken: string }> | undefined;

/** Logs in once as the first admin; the browser keeps the session cookie. */
function staffSession(): Promise<{ id: number; csrfToken: string }> {
  staff ??= (async () => {
    const res = await fetch('/api/admin/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    const body = await json<{ user: { id: number }; csrfToken: string }>(res);
    return { id: body.user.id, csrfToken: body.csrfToken };
  })();
  return staff;
}

/** A workflow action on a request, as the admin page sends it (JSON or multipart). */
async function act(radicado: string, action: string, body: object | FormData): Promise<PqrsDetail> {
  const s = await staffSession();
  const multipart = body instanceof FormData;
  const res = await fetch(`/api/admin/pqrs/${radicado}/${action}`, {
    method: 'POST',
    headers: { 'x-csrf-token': s.csrfToken, ...(multipart ? {} : { 'content-type': 'application/json' }) },
    body: multipart ? body : JSON.stringify(body),
  });
  return json<PqrsDetail>(res);
}

async function assign(radicado: string): Promise<void> {
  await act(radicado, 'assign', { staffId: (await staffSession()).id });
}

// ---- The widget --------------------------------------------------------------------------

function q<T extends Element = HTMLElement>(el: EcamTracker, selector: string): T | null {
  return el.shadowRoot!.querySelector<T>(selector as never) as T | null;
}

function input(el: EcamTracker, name: 'radicado' | 'code'): HTMLInputElement {
  return q<HTMLInputElement>(el, `input[name="${name}"]`) ?? expect.fail(`no input ${name}`);
}

function text(node: Element | null | undefined): string {
  return node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

async function type(el: EcamTracker, name: 'radicado' | 'code', value: string): Promise<void> {
  const control = input(el, name);
  control.value = value;
  control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

function submit(el: EcamTracker): void {
  q<HTMLButtonElement>(el, 'button[type="submit"]')!.click();
}

async function waitForStatus(el: EcamTracker): Promise<void> {
  await waitUntil(() => q(el, '#status-title'), 'the status never appeared', WAIT);
  await el.updateComplete;
}

async function waitForAlert(el: EcamTracker): Promise<string> {
  await waitUntil(() => text(q(el, 'form [role="alert"]')), 'no alert', WAIT);
  return text(q(el, 'form [role="alert"]'));
}

async function lookUp(el: EcamTracker, r: { radicado: string; trackingCode: string }): Promise<void> {
  await type(el, 'radicado', r.radicado);
  await type(el, 'code', r.trackingCode);
  submit(el);
  await waitForStatus(el);
}

function newTracker(): Promise<EcamTracker> {
  return fixture<EcamTracker>(html`<ecam-tracker></ecam-tracker>`);
}

const longDate = (isoDate: string) =>
  new Intl.DateTimeFormat('es-CO', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));

describe('<ecam-tracker>', () => {
  afterEach(() => history.replaceState(null, '', `${location.pathname}${location.search}`));

  it('renders an accessible empty form with labels, format examples and no code in the page', async () => {
    const el = await newTracker();
    await expect(el).to.be.accessible();

    expect(text(q(el, `label[for="${input(el, 'radicado').id}"]`))).to.equal('Número de radicado');
    expect(text(q(el, `label[for="${input(el, 'code').id}"]`))).to.equal('Código de seguimiento');
    expect(text(q(el, '#t-radicado-hint'))).to.match(/por ejemplo ECAM-\d{4}-000123/);
    expect(text(q(el, '#t-code-hint'))).to.contain('ABCD-EFGH-JKMN');
    expect(input(el, 'code').getAttribute('aria-describedby')).to.equal('t-code-hint');
    expect(input(el, 'code').autocomplete).to.equal('off');
    expect(el.getAttributeNames()).to.deep.equal([]);
    expect(el.shadowRoot!.delegatesFocus).to.equal(true);
  });

  it('checks both fields before asking the server', async () => {
    const el = await newTracker();
    await type(el, 'code', 'ABCD-EFGH-JKMN');
    submit(el);
    await el.updateComplete;
    expect(text(q(el, '#t-radicado-error'))).to.equal('Error: Radicado: es obligatorio.');
    expect(input(el, 'radicado').getAttribute('aria-invalid')).to.equal('true');
    expect(input(el, 'radicado').getAttribute('aria-describedby')).to.equal('t-radicado-hint t-radicado-error');
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'radicado'));
    expect(input(el, 'code').value).to.equal('ABCD-EFGH-JKMN');
    await expect(el).to.be.accessible();

    // Typing clears the message of that field.
    await type(el, 'radicado', 'E');
    expect(q(el, '#t-radicado-error')).to.equal(null);
    expect(input(el, 'radicado').getAttribute('aria-invalid')).to.equal('false');
  });

  it('says a wrong code and an unknown radicado alike, keeping what the citizen typed', async () => {
    const filed = await fileRequest();
    const el = await newTracker();
    await type(el, 'radicado', filed.radicado);
    await type(el, 'code', 'ZZZZ-ZZZZ-ZZZZ');
    submit(el);
    expect(await waitForAlert(el)).to.equal(NOT_FOUND);
    expect(input(el, 'radicado').value).to.equal(filed.radicado);
    expect(input(el, 'code').value).to.equal('ZZZZ-ZZZZ-ZZZZ');
    expect(q(el, '#status-title')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(q(el, 'form [role="alert"]'));
    await expect(el).to.be.accessible();

    await type(el, 'radicado', 'ECAM-1999-999999');
    await type(el, 'code', filed.trackingCode);
    submit(el);
    await el.updateComplete;
    expect(text(q(el, 'form [role="alert"]'))).to.equal('');
    expect(await waitForAlert(el)).to.equal(NOT_FOUND);
    expect(input(el, 'radicado').value).to.equal('ECAM-1999-999999');
  });

  it('shows that it is working while the server answers', async () => {
    const filed = await fileRequest();
    const el = await newTracker();
    await type(el, 'radicado', filed.radicado);
    await type(el, 'code', filed.trackingCode);
    await executeServerCommand('ecam-delay-next-post', { path: '/api/pqrs/track', ms: 3000 });
    submit(el);
    await el.updateComplete;

    const form = q(el, 'form')!;
    expect(form.getAttribute('aria-busy')).to.equal('true');
    const button = q<HTMLButtonElement>(el, 'button[type="submit"]')!;
    expect(text(button)).to.equal('Consultando…');
    expect(button.disabled).to.equal(true);
    expect(text(q(el, 'form [role="status"]'))).to.equal('Consultando su solicitud…');
    await expect(el).to.be.accessible();

    await waitForStatus(el);
    expect(q(el, 'form')).to.equal(null);
  });

  it('shows an accessible status: state in plain words, dates, business days left and the timeline', async () => {
    const filed = await fileRequest('consulta');
    const el = await newTracker();
    const tracked = oneEvent(el, 'ecam-tracked');
    // Lower case and no dashes: the code is compared in canonical form.
    await lookUp(el, { radicado: filed.radicado.toLowerCase(), trackingCode: filed.trackingCode.replace(/-/g, '').toLowerCase() });
    expect((await tracked).detail).to.deep.equal({ radicado: filed.radicado, state: 'radicada' });
    await expect(el).to.be.accessible();

    const heading = q(el, '#status-title')!;
    expect(el.shadowRoot!.activeElement).to.equal(heading);
    expect(heading.tagName).to.equal('H2');
    expect(text(heading)).to.equal(`Estado de la solicitud ${filed.radicado}`);

    const api = await json<TrackResult>(
      await fetch('/api/pqrs/track', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ radicado: filed.radicado, code: filed.trackingCode }),
      }),
    );
    const state = text(q(el, '[part~="state"]'));
    expect(state).to.contain('Radicada');
    expect(state).to.contain('La entidad recibió su solicitud');
    const details = text(q(el, '[part~="details"]'));
    expect(api.typeLabel).to.equal('Consulta');
    expect(details).to.contain('Tipo de solicitud Consulta');
    const received = new Intl.DateTimeFormat('es-CO', { dateStyle: 'long', timeStyle: 'short', timeZone: 'America/Bogota' }).format(
      new Date(filed.receivedAt),
    );
    expect(details).to.contain(received);
    expect(details).to.contain(longDate(filed.dueDate));
    const days = api.businessDaysLeft!;
    expect(days).to.be.above(20);
    expect(text(q(el, '[part~="days-left"]'))).to.equal(`Quedan ${days} días hábiles`);
    expect(q(el, '.overdue')).to.equal(null);
    expect(q(el, '[part~="answer"]')).to.equal(null);

    const items = el.shadowRoot!.querySelectorAll('ol[part~="timeline"] > li');
    expect(items).to.have.length(1);
    expect(items[0]!.querySelector('time')!.getAttribute('datetime')).to.equal(api.events[0]!.at);
    expect(text(items[0]!)).to.contain('Radicada');
  });

  it('is prefilled from the tracking link, looks the request up at once and removes the code from the address', async () => {
    const filed = await fileRequest();
    history.replaceState(null, '', `${location.pathname}#seguimiento&radicado=${filed.radicado}&codigo=${filed.trackingCode}`);
    const el = await newTracker();
    await waitForStatus(el);
    expect(text(q(el, '[part~="details"] .code'))).to.equal(filed.radicado);
    expect(el.shadowRoot!.activeElement).to.equal(q(el, '#status-title'));
    // The page's own fragment stays; radicado and code leave the address bar and this history entry.
    expect(location.hash).to.equal('#seguimiento');
    expect(location.href).not.to.contain(filed.trackingCode);
    expect(el.outerHTML).not.to.contain(filed.trackingCode);

    // A link followed while the page is open works too.
    const other = await fileRequest('queja');
    location.hash = `radicado=${other.radicado}&codigo=${other.trackingCode}`;
    await waitUntil(() => text(q(el, '[part~="details"] .code')) === other.radicado, 'the new link was not followed', WAIT);
    expect(location.hash).to.equal('');
    expect(location.href).not.to.contain(other.trackingCode);
  });

  it('only prefills when the link lacks the code, and then waits for it', async () => {
    history.replaceState(null, '', `${location.pathname}#radicado=ECAM-2026-000042`);
    const el = await newTracker();
    expect(input(el, 'radicado').value).to.equal('ECAM-2026-000042');
    expect(input(el, 'code').value).to.equal('');
    expect(q(el, 'form')!.getAttribute('aria-busy')).to.equal('false');
    expect(location.hash).to.equal('');
  });

  it('can be used with the keyboard alone', async () => {
    const filed = await fileRequest();
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <button id="before">Antes</button>
      <ecam-tracker></ecam-tracker>
    </div>`);
    const el = wrapper.querySelector('ecam-tracker')!;
    await el.updateComplete;
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();

    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'radicado'));
    await sendKeys({ type: filed.radicado });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'code'));
    await sendKeys({ type: filed.trackingCode });
    await sendKeys({ press: 'Enter' });
    await waitForStatus(el);
    expect(el.shadowRoot!.activeElement).to.equal(q(el, '#status-title'));

    // Onwards to "Consultar otra solicitud", which brings back an empty form.
    for (let i = 0; i < 20 && !(el.shadowRoot!.activeElement as HTMLElement | null)?.matches('[part~="another"]'); i++) {
      await sendKeys({ press: 'Tab' });
    }
    expect(text(el.shadowRoot!.activeElement)).to.equal('Consultar otra solicitud');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => q(el, 'form'), 'no form', WAIT);
    expect(input(el, 'radicado').value).to.equal('');
    expect(input(el, 'code').value).to.equal('');
    expect(el.shadowRoot!.activeElement).to.equal(input(el, 'radicado'));
  });

  it('shows the answer as text with its line breaks, and downloads its files with the same code', async () => {
    const filed = await fileRequest();
    await assign(filed.radicado);
    const answer = 'Señora Ana María:\n\nAdjuntamos el certificado. <img src=x onerror=alert(1)>\n<b>Atentamente</b>, la ECAM.';
    const certificate = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';
    const form = new FormData();
    form.append('data', JSON.stringify({ text: answer }));
    form.append('files', new File([certificate], 'certificado de asistencia.pdf', { type: 'application/pdf' }));
    form.append('files', new File(['Horario: lunes a viernes, de 8:00 a. m. a 6:00 p. m.\n'.repeat(40)], 'horario.txt', { type: 'text/plain' }));
    await act(filed.radicado, 'reply', form);

    const el = await newTracker();
    await lookUp(el, filed);
    await expect(el).to.be.accessible();

    expect(text(q(el, '[part~="state"]'))).to.contain('Respondida');
    expect(q(el, '[part~="days-left"]')).to.equal(null);
    const shown = q(el, '[part~="answer-text"]')!;
    expect(shown.textContent).to.equal(answer);
    expect(shown.innerText).to.equal(answer);
    expect(getComputedStyle(shown).whiteSpace).to.equal('pre-wrap');
    expect(el.shadowRoot!.querySelector('img, b, [onerror]')).to.equal(null);

    const events = Array.from(el.shadowRoot!.querySelectorAll('ol[part~="timeline"] > li'), (li) => text(li.querySelector('.event-label')));
    expect(events).to.deep.equal(['Radicada', 'Asignada', 'Respondida']);
    const times = Array.from(el.shadowRoot!.querySelectorAll('ol[part~="timeline"] time'), (t) => t.getAttribute('datetime')!);
    expect([...times].sort()).to.deep.equal(times);

    const buttons = Array.from(el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="download"]'));
    expect(buttons).to.have.length(2);
    expect(text(buttons[0])).to.match(/^Descargar certificado de asistencia\.pdf \(\d+(,\d)? KB\)$/);
    expect(text(buttons[1])).to.match(/^Descargar horario\.txt \(\d+(,\d)? KB\)$/);

    // The widget hands the browser an object URL in a temporary <a download>; read that file.
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
    buttons[0]!.click();
    const file = await saved;
    expect(file.name).to.equal('certificado de asistencia.pdf');
    expect(file.body.size).to.equal(new Blob([certificate]).size);
    expect(await file.body.text()).to.equal(certificate);
    await waitUntil(() => text(q(el, '[part~="answer"] [role="status"]')) === 'Descargado: certificado de asistencia.pdf.', 'no download message', WAIT);
    expect(text(q(el, '[part~="answer"] [role="alert"]'))).to.equal('');
  });

  it('explains an extension, a transfer and a request to complete', async () => {
    const extended = await fileRequest();
    const detail = await act(extended.radicado, 'assign', { staffId: (await staffSession()).id });
    await act(extended.radicado, 'extend', {
      newDueDate: detail.limits.maxExtendedDueDate,
      reason: 'Debemos consultar los archivos de 2019,\nque están en otra sede.',
    });
    let el = await newTracker();
    await lookUp(el, extended);
    await expect(el).to.be.accessible();
    const notice = text(q(el, '[part~="notice"]'));
    expect(notice).to.contain('Plazo prorrogado');
    expect(q(el, '[part~="notice"] .pre')!.textContent).to.equal('Motivo: Debemos consultar los archivos de 2019,\nque están en otra sede.');
    const details = text(q(el, '[part~="details"]'));
    expect(details).to.contain(longDate(detail.limits.maxExtendedDueDate));
    expect(details).to.contain(`Prorrogada; la fecha inicial era el ${longDate(extended.dueDate)}.`);

    const transferred = await fileRequest();
    await act(transferred.radicado, 'transfer', { entity: 'Alcaldía de Floridablanca' });
    el = await newTracker();
    await lookUp(el, transferred);
    await expect(el).to.be.accessible();
    expect(text(q(el, '[part~="state"]'))).to.contain('Trasladada a otra entidad');
    expect(text(q(el, '[part~="notice"]'))).to.contain('Trasladada a Alcaldía de Floridablanca Esa entidad es la competente');
    expect(text(q(el, '[part~="details"]'))).not.to.contain('Fecha límite');

    const incomplete = await fileRequest();
    await assign(incomplete.radicado);
    await act(incomplete.radicado, 'request-completion', { message: 'Adjunte copia de su documento de identidad.' });
    el = await newTracker();
    await lookUp(el, incomplete);
    await expect(el).to.be.accessible();
    expect(text(q(el, '[part~="state"]'))).to.contain('Pendiente de información suya');
    expect(text(q(el, '[part~="days-left"]'))).to.contain('Plazo suspendido');
    expect(text(q(el, '[part~="notice"]'))).to.match(/Complete su solicitud a más tardar el /);
    expect(text(el.shadowRoot!.querySelector('ol[part~="timeline"] > li:last-child'))).to.contain(
      'Adjunte copia de su documento de identidad.',
    );
  });

  it('warns, still legibly, when the due date has passed', async () => {
    const filed = await fileRequest();
    const el = await newTracker();
    try {
      // Sixty calendar days later: well past the 15 business days of a petición.
      await executeServerCommand('ecam-clock', { days: 60 });
      await lookUp(el, filed);
      const api = await json<TrackResult>(
        await fetch('/api/pqrs/track', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ radicado: filed.radicado, code: filed.trackingCode }),
        }),
      );
      expect(api.overdue).to.equal(true);
      const late = -api.businessDaysLeft!;
      expect(late).to.be.above(1);
      const warning = q(el, '[part~="days-left"]')!;
      expect(text(warning)).to.equal(`Vencida hace ${late} días hábiles`);
      expect(warning.classList.contains('overdue')).to.equal(true);
      expect(getComputedStyle(warning).color).to.equal('rgb(168, 5, 33)');
      await expect(el).to.be.accessible();
    } finally {
      await executeServerCommand('ecam-clock', { days: 0 });
    }
  });

  it('invites to the satisfaction survey after the answer, once per browser', async () => {
    const s = await staffSession();
    const call = async <T>(method: string, path: string, body?: unknown): Promise<T> =>
      json<T>(
        await fetch(path, {
          method,
          headers: { 'x-csrf-token': s.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: body === undefined ? undefined : JSON.stringify(body),
        }),
        method === 'POST' && path === '/api/admin/surveys' ? 201 : 200,
      );
    const slug = `satisfaccion-pqrsd-${Date.now()}`;
    const survey = await call<{ id: number }>('POST', '/api/admin/surveys', {
      slug,
      title: 'Atención de PQRSD',
      description: '',
      questions: [{ id: 'r1', type: 'rating', label: '¿Cómo califica la respuesta?', required: true }],
    });
    await call('POST', `/api/admin/surveys/${survey.id}/open`);
    const settings = await call<Record<string, unknown>>('GET', '/api/admin/settings');
    await call('PUT', '/api/admin/settings', { ...settings, pqrsSurvey: slug });
    try {
      const filed = await fileRequest();
      const el = await newTracker();
      await lookUp(el, filed);
      expect(q(el, '[part~="satisfaction"]'), 'no invitation before the answer').to.equal(null);

      await assign(filed.radicado);
      const form = new FormData();
      form.append('data', JSON.stringify({ text: 'Le enviamos la información pedida.' }));
      await act(filed.radicado, 'reply', form);
      const answered = await newTracker();
      await lookUp(answered, filed);
      const section = q(answered, '[part~="satisfaction"]') ?? expect.fail('no invitation');
      expect(text(section.querySelector('h3'))).to.equal('¿Cómo le pareció la atención?');
      await expect(answered).to.be.accessible();

      const button = [...section.querySelectorAll('button')].find((b) => text(b) === 'Responder la encuesta de satisfacción');
      (button ?? expect.fail('no survey button')).click();
      const widget = await waitUntil(() => q<EcamSurvey>(answered, 'ecam-survey'), 'the survey never appeared', WAIT).then(
        () => q<EcamSurvey>(answered, 'ecam-survey')!,
      );
      expect(widget.survey).to.equal(slug);
      const radios = () => [...widget.shadowRoot!.querySelectorAll<HTMLInputElement>('#q-r1 input[type="radio"]')];
      await waitUntil(() => radios().length === 5, 'the survey questions never appeared', WAIT);
      await expect(answered).to.be.accessible();
      radios()[4]!.click();
      await widget.updateComplete;
      const submitted = oneEvent(widget, 'ecam-survey-submitted');
      widget.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      expect((await submitted).detail).to.deep.equal({ survey: slug });

      const again = await newTracker();
      await lookUp(again, filed);
      const thanks = q(again, '[part~="satisfaction"]') ?? expect.fail('no satisfaction section');
      expect(text(thanks.querySelector('p'))).to.equal('Gracias: ya respondió la encuesta.');
      expect(thanks.querySelector('button')).to.equal(null);
      await expect(again).to.be.accessible();
    } finally {
      await call('PUT', '/api/admin/settings', { ...settings, pqrsSurvey: null });
      await call('POST', `/api/admin/surveys/${survey.id}/close`);
      localStorage.removeItem(`ecam-survey-done:${slug}`);
      localStorage.removeItem(`ecam-survey-token:${slug}`);
    }
  });

  it('tells the citizen to retry when the server cannot be reached, keeping the values', async () => {
    // Port 9 (discard) is closed here: a real connection failure, no mock.
    const el = await fixture<EcamTracker>(html`<ecam-tracker api-base="http://127.0.0.1:9"></ecam-tracker>`);
    await type(el, 'radicado', 'ECAM-2026-000001');
    await type(el, 'code', 'ABCD-EFGH-JKMN');
    submit(el);
    expect(await waitForAlert(el)).to.equal(
      'No pudimos conectar con el servidor. Revise su conexión a internet e intente de nuevo.',
    );
    expect(input(el, 'radicado').value).to.equal('ECAM-2026-000001');
    expect(input(el, 'code').value).to.equal('ABCD-EFGH-JKMN');
    await expect(el).to.be.accessible();
  });
});
