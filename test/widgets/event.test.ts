/**
 * <ecam-event> in real Chromium against the real API (web-test-runner.config.mjs, proxied at
 * /api): the sample rendición de cuentas of migration 012 and events staff create through the
 * admin API; every state with axe (loading, details, registered, waitlisted, full, cancelled,
 * not found, errors, question sent, cancellation), keyboard-only registration and question,
 * drafts that survive a reload. The last block (live feed, results, chat window) needs the
 * server slice of this round's contract.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { AdminEvent, AdminQuestion, AdminRegistration, PublicEvent, RegistrationCreated } from '../../api/events/schemas.ts';
import '../../widgets/events/event.ts';
import type { EcamEvent } from '../../widgets/events/event.ts';
import '../../widgets/chat/launcher.ts';
import { bogotaDate } from '../../widgets/shared/format.ts';
import { click, deepActive, fill, tabTo } from './admin-page.ts';
import { WAIT, json, staffCall, text } from './helpers.ts';

const DAY = 86_400_000;
const BODY = 'Primera línea de la descripción.\nSegunda línea <b>sin HTML</b> <img src=x onerror="window.pwned=1">';

/** A Bogotá wall-clock time `days` from now at `hour` (`2027-03-10T09:00`). */
function local(days: number, hour: number): string {
  return `${bogotaDate(new Date(Date.now() + days * DAY).toISOString())}T${String(hour).padStart(2, '0')}:00`;
}

/** An instant `ms` from now, with its offset (for events in progress). */
const instant = (ms: number) => new Date(Date.now() + ms).toISOString();

let counter = 0;
/** Creates and publishes an event through the admin API. */
async function createEvent(body: Record<string, unknown> = {}, publish = true): Promise<AdminEvent> {
  counter += 1;
  const created = await staffCall<AdminEvent>(
    'POST',
    '/api/admin/events',
    {
      title: `Foro de prueba ${counter} ${Date.now()}`,
      kind: 'foro',
      summary: 'Un foro para probar el widget.',
      body: BODY,
      startsAt: local(10, 9),
      endsAt: local(10, 11),
      place: 'Auditorio principal',
      onlineUrl: 'https://meet.example.org/foro',
      questions: true,
      ...body,
    },
    201,
  );
  return publish ? staffCall<AdminEvent>('POST', `/api/admin/events/${created.id}/publish`) : created;
}

async function register(slug: string, name: string, email: string, status = 201): Promise<RegistrationCreated> {
  const res = await fetch(`/api/events/${slug}/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, email, consent: true }),
  });
  return json<RegistrationCreated>(res, status);
}

const q = <T extends Element = HTMLElement>(el: EcamEvent, s: string) => el.shadowRoot!.querySelector<T>(s as never) as T | null;
const qa = (el: EcamEvent, s: string) => Array.from(el.shadowRoot!.querySelectorAll(s));

async function mount(slug: string, attrs: { lang?: string; apiBase?: string } = {}): Promise<EcamEvent> {
  const el = await fixture<EcamEvent>(html`<ecam-event event=${slug} lang=${attrs.lang ?? 'es'} api-base=${attrs.apiBase ?? ''}></ecam-event>`);
  return el;
}

async function ready(el: EcamEvent): Promise<void> {
  await waitUntil(() => q(el, '[part~="title"]'), 'the event never showed', WAIT);
  await el.updateComplete;
}

/** The sample rendición de cuentas of migration 012 (upcoming, registration and questions). */
async function sampleSlug(): Promise<string> {
  const list = await json<PublicEvent[]>(await fetch(`/api/events?kind=rendicion-cuentas&from=${bogotaDate(new Date().toISOString())}`));
  return list.find((e) => e.slug.startsWith('rendicion-de-cuentas-'))!.slug;
}

beforeEach(() => {
  localStorage.clear();
  history.replaceState(null, '', location.pathname);
});

describe('<ecam-event> against today\'s API', () => {
  it('shows the loading state, then the sample rendición de cuentas with its details, inert body and .ics (axe in both)', async () => {
    const slug = await sampleSlug();
    const el = await mount(slug);
    expect(text(q(el, '[part~="status"]'))).to.equal('Cargando el evento…');
    await expect(el).to.be.accessible();
    await ready(el);
    expect(text(q(el, '[part~="title"]'))).to.equal('Audiencia pública de rendición de cuentas');
    expect(qa(el, '[part~="badge"]').map(text)).to.deep.equal(['Rendición de cuentas', 'Próximo']);
    expect(text(q(el, '[part~="details"]'))).to.contain('Auditorio principal de la ECAM');
    const body = q(el, '.text[part~="text"]')!;
    expect(body.textContent).to.contain('\n');
    expect(getComputedStyle(body).whiteSpace).to.equal('pre-line');
    const ics = q<HTMLAnchorElement>(el, `a[href$="/api/events/${slug}.ics"]`)!;
    const res = await fetch(ics.href);
    expect(res.headers.get('content-type')).to.contain('text/calendar');
    expect(await res.text()).to.contain('BEGIN:VEVENT');
    expect(text(q(el, '#reg-title'))).to.equal('Inscripción');
    expect(text(q(el, '[part~="registration"]'))).to.contain('Quedan');
    expect(text(q(el, '#questions-title'))).to.equal('Preguntas de la ciudadanía');
    await expect(el).to.be.accessible();
  });

  it('renders staff text inert: tags stay text, nothing runs', async () => {
    const ev = await createEvent();
    const el = await mount(ev.slug);
    await ready(el);
    const body = q(el, '.text[part~="text"]')!;
    expect(body.querySelector('b, img')).to.equal(null);
    expect(body.textContent).to.contain('<b>sin HTML</b>');
    expect((window as unknown as { pwned?: number }).pwned).to.equal(undefined);
  });

  it('says so for an unknown event, a draft, and a page without ?evento= (axe)', async () => {
    const draft = await createEvent({}, false);
    for (const slug of ['no-existe-este-evento', draft.slug]) {
      const el = await mount(slug);
      await waitUntil(() => text(q(el, '[part~="status"]')).startsWith('No encontramos'), `no not-found state for ${slug}`, WAIT);
      expect(q(el, '[part~="title"]')).to.equal(null);
      await expect(el).to.be.accessible();
    }
    const el = await fixture<EcamEvent>(html`<ecam-event></ecam-event>`);
    await waitUntil(() => text(q(el, '[part~="status"]')).includes('?evento='), 'no message without a slug', WAIT);
    await expect(el).to.be.accessible();
  });

  it('takes the event from ?evento= when it has no event attribute', async () => {
    const ev = await createEvent();
    history.replaceState(null, '', `${location.pathname}?evento=${ev.slug}`);
    const el = await fixture<EcamEvent>(html`<ecam-event></ecam-event>`);
    await ready(el);
    expect(text(q(el, '[part~="title"]'))).to.equal(ev.title);
  });

  it('shows a connection error with a retry button (axe)', async () => {
    const el = await mount('cualquiera', { apiBase: 'http://127.0.0.1:9' });
    await waitUntil(() => text(q(el, '[part~="alert"]')), 'no error', WAIT);
    expect(text(q(el, '[part~="alert"]'))).to.contain('No pudimos conectar con el servidor');
    expect(text(q(el, 'button'))).to.equal('Intentar de nuevo');
    await expect(el).to.be.accessible();
  });

  it('registers with the keyboard only, then the next person lands on the waiting list (axe in each state)', async () => {
    const ev = await createEvent({ registration: { enabled: true, capacity: 1, waitlist: true } });
    let el = await mount(ev.slug);
    await ready(el);
    el.focus();
    await tabTo((a) => a.id === 'reg-name', 'the name field');
    await sendKeys({ type: 'Ana María Pérez' });
    await tabTo((a) => a.id === 'reg-email', 'the e-mail field');
    await sendKeys({ type: 'ana.perez@example.org' });
    await tabTo((a) => a.id === 'reg-consent', 'the consent box');
    await sendKeys({ press: 'Space' });
    await tabTo((a) => a.localName === 'button' && a.getAttribute('type') === 'submit', 'the send button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(q(el, '#reg-done')), 'not registered', WAIT);
    expect(text(q(el, '#reg-done'))).to.equal('Quedó inscrito en el evento');
    expect(deepActive()?.id).to.equal('reg-done');
    await expect(el).to.be.accessible();

    // Full now: the form offers the waiting list.
    el = await mount(ev.slug);
    await ready(el);
    expect(text(q(el, '[part~="registration"]'))).to.contain('El cupo está completo');
    expect(text(q(el, '#reg-title ~ form button[type="submit"]'))).to.equal('Inscribirme en la lista de espera');
    fill(q(el, '#reg-name'), 'Pedro Gómez');
    fill(q(el, '#reg-email'), 'pedro.gomez@example.org');
    click(q(el, '#reg-consent'));
    click(q(el, '#reg-title ~ form button[type="submit"]'));
    await waitUntil(() => text(q(el, '#reg-done')), 'not waitlisted', WAIT);
    expect(text(q(el, '#reg-done'))).to.equal('Quedó en la lista de espera');
    await expect(el).to.be.accessible();
    const regs = await staffCall<{ items: AdminRegistration[] }>('GET', `/api/admin/events/${ev.id}/registrations`);
    expect(regs.items.map((r) => [r.email, r.status])).to.deep.equal([
      ['ana.perez@example.org', 'registered'],
      ['pedro.gomez@example.org', 'waitlisted'],
    ]);
  });

  it('names each wrong field, keeps what was typed, and shows the 409 of a second registration (axe)', async () => {
    const ev = await createEvent({ registration: { enabled: true, capacity: 10, waitlist: false } });
    await register(ev.slug, 'Luz Marina Rojas', 'luz.rojas@example.org');
    const el = await mount(ev.slug);
    await ready(el);
    click(q(el, '#reg-title ~ form button[type="submit"]'));
    await waitUntil(() => q(el, '#reg-summary'), 'no error summary', WAIT);
    expect(qa(el, '#reg-summary li').map(text)).to.deep.equal([
      'Nombre: escriba su nombre (mínimo 2 caracteres).',
      'Correo electrónico: es obligatorio.',
      'Autorización de datos: debe marcar la casilla para aceptar el tratamiento de datos personales.',
    ]);
    expect(q(el, '#reg-name')!.getAttribute('aria-invalid')).to.equal('true');
    expect(q(el, '#reg-name')!.getAttribute('aria-describedby')).to.equal('reg-name-error');
    expect(deepActive()?.id).to.equal('reg-summary');
    await expect(el).to.be.accessible();

    fill(q(el, '#reg-name'), 'Luz Marina Rojas');
    fill(q(el, '#reg-email'), 'LUZ.ROJAS@example.org');
    click(q(el, '#reg-consent'));
    click(q(el, '#reg-title ~ form button[type="submit"]'));
    await waitUntil(() => text(q(el, '#reg-email-error')).includes('ya está inscrito'), 'no 409 at the e-mail', WAIT);
    expect(text(q(el, '#reg-email-error'))).to.equal('Error: Correo electrónico: ya está inscrito en este evento.');
    expect(text(q(el, '#reg-alert'))).to.equal('Ya hay una inscripción a este evento con ese correo electrónico.');
    expect(q<HTMLInputElement>(el, '#reg-name')!.value).to.equal('Luz Marina Rojas');
    expect(q<HTMLInputElement>(el, '#reg-email')!.value).to.equal('LUZ.ROJAS@example.org');
    await expect(el).to.be.accessible();
  });

  it('says an event is full when it has no waiting list, and offers no form (axe)', async () => {
    const ev = await createEvent({ registration: { enabled: true, capacity: 1, waitlist: false } });
    await register(ev.slug, 'Primera Persona', 'primera@example.org');
    const el = await mount(ev.slug);
    await ready(el);
    expect(text(q(el, '[part~="registration"]'))).to.contain('El cupo de este evento está completo y no tiene lista de espera.');
    expect(q(el, '#reg-name')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows a cancelled event as cancelled, without forms (axe)', async () => {
    const ev = await createEvent({ registration: { enabled: true, capacity: 5, waitlist: true } });
    await staffCall('POST', `/api/admin/events/${ev.id}/cancel`);
    const el = await mount(ev.slug);
    await ready(el);
    expect(text(q(el, '.cancelled-banner'))).to.equal('Este evento fue cancelado.');
    expect(qa(el, '[part~="badge"]').map(text)).to.deep.equal(['Foro o diálogo', 'Cancelado']);
    expect(q(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('cancels a registration from the e-mail link (#cancelar=), promotes the waiting list and clears the address (axe)', async () => {
    const ev = await createEvent({ registration: { enabled: true, capacity: 1, waitlist: true } });
    const first = await register(ev.slug, 'Quien Cancela', 'cancela@example.org');
    await register(ev.slug, 'Quien Espera', 'espera@example.org');

    history.replaceState(null, '', `${location.pathname}?evento=${ev.slug}#cancelar=ficha-que-no-existe`);
    let el = await fixture<EcamEvent>(html`<ecam-event></ecam-event>`);
    await ready(el);
    click(q(el, '[part~="cancel"] button.primary'));
    await waitUntil(() => text(q(el, '#cancel-result')), 'no error for a wrong token', WAIT);
    expect(text(q(el, '#cancel-result'))).to.contain('No hay una inscripción activa');
    await expect(el).to.be.accessible();

    history.replaceState(null, '', `${location.pathname}?evento=${ev.slug}#cancelar=${first.cancelToken}`);
    el = await fixture<EcamEvent>(html`<ecam-event></ecam-event>`);
    await ready(el);
    expect(text(q(el, '#cancel-title'))).to.equal('Cancelar su inscripción');
    await expect(el).to.be.accessible();
    click(q(el, '[part~="cancel"] button.primary'));
    await waitUntil(() => text(q(el, '#cancel-result')) === 'Su inscripción fue cancelada. Gracias por avisar.', 'not cancelled', WAIT);
    expect(location.hash).to.equal('');
    expect(location.search).to.equal(`?evento=${ev.slug}`);
    await expect(el).to.be.accessible();
    const regs = await staffCall<{ items: AdminRegistration[] }>('GET', `/api/admin/events/${ev.id}/registrations`);
    expect(regs.items.map((r) => [r.email, r.status])).to.deep.equal([
      ['cancela@example.org', 'cancelled'],
      ['espera@example.org', 'registered'],
    ]);
  });

  it('sends a question with the keyboard only; once staff publish and answer it, the page shows both (axe)', async () => {
    const ev = await createEvent();
    let el = await mount(ev.slug);
    await ready(el);
    expect(text(q(el, '[part~="questions"]'))).to.contain('Aún no hay preguntas publicadas.');
    el.focus();
    await tabTo((a) => a.id === 'ask-question', 'the question field');
    await sendKeys({ type: '¿Cuántos cupos tendrán los cursos del próximo año?' });
    await tabTo((a) => a.id === 'ask-consent', 'the consent box');
    await sendKeys({ press: 'Space' });
    await tabTo((a) => a.localName === 'button' && a.textContent?.trim() === 'Enviar pregunta', 'the send button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(q(el, '#ask-done')), 'no confirmation', WAIT);
    expect(text(q(el, '#ask-done'))).to.contain('Recibimos su pregunta');
    await expect(el).to.be.accessible();

    const questions = await staffCall<{ items: AdminQuestion[] }>('GET', `/api/admin/events/${ev.id}/questions`);
    const question = questions.items[0]!;
    expect(question.question).to.equal('¿Cuántos cupos tendrán los cursos del próximo año?');
    await staffCall('PUT', `/api/admin/events/${ev.id}/questions/${question.id}`, { state: 'published', answer: 'Habrá 300 cupos.\nLa oferta sale en enero.' });
    el = await mount(ev.slug);
    await ready(el);
    expect(text(q(el, '[part~="question"]'))).to.contain('¿Cuántos cupos tendrán los cursos del próximo año?');
    expect(text(q(el, '[part~="question"] .answer'))).to.contain('Habrá 300 cupos.');
    await expect(el).to.be.accessible();
  });

  it('names the question field when it is too short, and the server\'s message for a wrong e-mail', async () => {
    const ev = await createEvent();
    const el = await mount(ev.slug);
    await ready(el);
    fill(q(el, '#ask-question'), 'Corta');
    fill(q(el, '#ask-email'), 'no-es-correo');
    click(q(el, '#ask-consent'));
    click(q(el, 'form[aria-labelledby="ask-title"] button[type="submit"]'));
    await waitUntil(() => q(el, '#ask-summary'), 'no summary', WAIT);
    expect(qa(el, '#ask-summary li').map(text)).to.deep.equal([
      'Pregunta: escriba al menos 10 caracteres.',
      'Correo electrónico: escriba una dirección válida, por ejemplo nombre@dominio.co.',
    ]);
    expect(q<HTMLTextAreaElement>(el, '#ask-question')!.value).to.equal('Corta');
    await expect(el).to.be.accessible();
  });

  it('keeps drafts of both forms across a reload (never the consent)', async () => {
    const ev = await createEvent({ registration: { enabled: true, capacity: 10, waitlist: false } });
    let el = await mount(ev.slug);
    await ready(el);
    fill(q(el, '#reg-name'), 'Borrador de Nombre');
    fill(q(el, '#reg-email'), 'borrador@example.org');
    click(q(el, '#reg-consent'));
    fill(q(el, '#ask-question'), '¿Esta pregunta sobrevive a la recarga?');
    el.remove();
    el = await mount(ev.slug);
    await ready(el);
    expect(q<HTMLInputElement>(el, '#reg-name')!.value).to.equal('Borrador de Nombre');
    expect(q<HTMLInputElement>(el, '#reg-email')!.value).to.equal('borrador@example.org');
    expect(q<HTMLInputElement>(el, '#reg-consent')!.checked).to.equal(false);
    expect(q<HTMLTextAreaElement>(el, '#ask-question')!.value).to.equal('¿Esta pregunta sobrevive a la recarga?');
    // Another event keeps its own draft.
    const other = await createEvent();
    const el2 = await mount(other.slug);
    await ready(el2);
    expect(q<HTMLTextAreaElement>(el2, '#ask-question')!.value).to.equal('');
  });

  it('offers the linked survey once the event has started, loading it only on demand', async () => {
    const ev = await createEvent({ startsAt: instant(-3_600_000), endsAt: instant(3_600_000), surveySlug: 'satisfaccion-servicio', questions: false });
    const el = await mount(ev.slug);
    await ready(el);
    expect(qa(el, '[part~="badge"]').map(text)).to.deep.equal(['Foro o diálogo', 'En curso']);
    expect(q(el, 'ecam-survey')).to.equal(null);
    click(q(el, '[part~="survey"] button'));
    await waitUntil(() => q(el, 'ecam-survey')?.shadowRoot?.querySelector('form'), 'the survey never opened', WAIT);
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en" (axe)', async () => {
    const ev = await createEvent({ registration: { enabled: true, capacity: 10, waitlist: true } });
    const el = await mount(ev.slug, { lang: 'en' });
    await ready(el);
    expect(text(q(el, '#reg-title'))).to.equal('Registration');
    expect(qa(el, '[part~="badge"]').map(text)).to.deep.equal(['Forum or dialogue', 'Upcoming']);
    await expect(el).to.be.accessible();
  });
});

// These need the server slice of this round (GET /api/events/:slug/live, results, chat window);
// they fail on a server without it.
describe('<ecam-event> with the contract of this round (live feed, results, chat window)', () => {
  it('shows a question answered while the event is in progress without a reload, and announces it politely', async () => {
    const ev = await createEvent({ startsAt: instant(-3_600_000), endsAt: instant(3_600_000) });
    const el = await mount(ev.slug);
    await ready(el);
    await waitUntil(() => text(q(el, '[part~="questions"] .hint')).includes('se actualiza sola'), 'the live feed never connected', WAIT);
    const res = await fetch(`/api/events/${ev.slug}/questions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: '¿Transmitirán la audiencia por la radio?', consent: true }),
    });
    const { id } = await json<{ id: number }>(res, 201);
    await staffCall('PUT', `/api/admin/events/${ev.id}/questions/${id}`, { state: 'published', answer: 'Sí, por la emisora comunitaria.' });
    await waitUntil(() => text(q(el, '[part~="question"] .answer')).includes('emisora comunitaria'), 'the answer never arrived live', WAIT);
    expect(text(q(el, '[aria-live="polite"].visually-hidden'))).to.equal('Nueva respuesta publicada a: ¿Transmitirán la audiencia por la radio?');
    await staffCall('PUT', `/api/admin/events/${ev.id}/questions/${id}`, { state: 'hidden', answer: null });
    await waitUntil(() => !q(el, '[part~="question"]'), 'the hidden question stayed', WAIT);
    await expect(el).to.be.accessible();
  });

  it('shows the published results: the text and the figures as a table (axe)', async () => {
    const ev = await createEvent({ startsAt: local(-3, 9), endsAt: local(-3, 11) });
    await staffCall('PUT', `/api/admin/events/${ev.id}/results`, { text: 'Asistieron vecinos de ocho barrios.\nSe respondieron todas las preguntas.', publish: true });
    const el = await mount(ev.slug);
    await ready(el);
    expect(text(q(el, '#results-title'))).to.equal('Resultados del evento');
    expect(text(q(el, '[part~="results"] .text'))).to.contain('ocho barrios');
    const rows = qa(el, '[part~="figures"] tbody tr').map((r) => text(r.querySelector('th')));
    expect(rows).to.include.members(['Personas inscritas', 'Asistentes', 'Preguntas recibidas', 'Preguntas respondidas']);
    await expect(el).to.be.accessible();
  });

  it('says when the officials of the event answer in the chat, and <ecam-chat event> asks for that event', async () => {
    await staffCall('GET', '/api/admin/session');
    const { user } = await json<{ user: { id: number } }>(await fetch('/api/admin/session'));
    const id = user.id;
    const ev = await createEvent({ chat: { officials: [id], opensAt: local(10, 8), closesAt: local(10, 12) } });
    const el = await mount(ev.slug);
    await ready(el);
    expect(text(q(el, '[part~="chat"]'))).to.match(/^Los funcionarios de este evento responden en el chat de .+ a .+\.$/);
    await expect(el).to.be.accessible();
    const status = await json<{ online: boolean; reason: string }>(await fetch(`/api/chat/status?event=${ev.slug}`));
    expect(status.reason).to.equal('outside_event_window');
    // An event without a chat window: no chat button.
    const plain = await createEvent();
    const chat = await fixture<HTMLElement>(html`<ecam-chat inline event=${plain.slug}></ecam-chat>`);
    await waitUntil(() => chat.hidden, 'the chat of an event without a window stayed', WAIT);
  });
});
