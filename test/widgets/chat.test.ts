/**
 * `<ecam-chat>` in Chromium against the real API: the launcher (a chunk of the loader), the panel's
 * screens (each checked with axe), the live conversation with an official played by the test
 * through /api/admin/chat (session, availability and the console's open event stream), a
 * dropped stream, a reload, the end with rating, and the mailbox when nobody can answer.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { EcamChatPanel } from '../../widgets/chat/chat.ts';
import type { EcamChat } from '../../widgets/chat/launcher.ts';
import { SseParser } from '../../widgets/shared/sse.ts';
import { WAIT, json, sendJson, staffLogin, text } from './helpers.ts';

/** A Tuesday, a business day; 10:00 is within the default office hours (08:00-12:00). */
const OPEN_AT = '2026-12-01T10:00:00-05:00';
const STORAGE_KEY = `ecam-chat:${location.origin}`;

let csrfToken = '';
let staffStream: AbortController | undefined;

/** The official: logged in, available, with the console's stream open (else nobody is online). */
async function goOnline(): Promise<void> {
  ({ csrfToken } = await staffLogin());
  await sendJson(csrfToken, 'PUT', '/api/admin/chat/availability', { available: true });
  staffStream = new AbortController();
  const res = await fetch('/api/admin/chat/events', { headers: { accept: 'text/event-stream' }, signal: staffStream.signal });
  expect(res.status).to.equal(200);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new SseParser();
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.feed(value);
      }
    } catch {
      // Aborted at the end of the test.
    }
  })();
  await waitUntil(async () => (await json<{ online: boolean }>(await fetch('/api/chat/status'))).online, 'the chat never came online', WAIT);
}

async function goOffline(): Promise<void> {
  staffStream?.abort();
  staffStream = undefined;
}

const staff = <T>(method: string, path: string, body?: unknown, status = 200) =>
  sendJson<T>(csrfToken, method, `/api/admin/chat${path}`, body, status);

/** A staff call answered with 204 No Content (typing, read). */
async function staffNoContent(path: string, body: unknown): Promise<void> {
  const res = await fetch(`/api/admin/chat${path}`, {
    method: 'POST',
    headers: { 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.text()).to.equal(204);
}

function panelOf(el: EcamChat): EcamChatPanel {
  const panel = el.shadowRoot!.querySelector('ecam-chat-panel');
  if (!panel) throw new Error('the panel is not there');
  return panel;
}
const $ = <E extends Element = HTMLElement>(el: EcamChat, selector: string) =>
  panelOf(el).shadowRoot!.querySelector<E & HTMLElement>(selector);
const $$ = (el: EcamChat, selector: string) => [...panelOf(el).shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const launcher = (el: EcamChat) => el.shadowRoot!.querySelector('button')!;
const heading = (el: EcamChat) => text($(el, '.body h3'));
const log = (el: EcamChat) => $$(el, '[role="log"] .msg').map((m) => text(m.querySelector('.pre')));

async function waitFor(what: string, check: () => unknown): Promise<void> {
  await waitUntil(check, what, WAIT);
}

/** Opens the panel with a click and waits for a screen. */
async function open(el: EcamChat, title: string): Promise<void> {
  launcher(el).click();
  await waitFor(`the panel shows «${title}»`, () => el.shadowRoot!.querySelector('ecam-chat-panel') && heading(el) === title);
}

/** Types into a field of the panel as a person would (the input event the element listens to). */
function fill(el: EcamChat, id: string, value: string): void {
  const field = $<HTMLInputElement>(el, `#${id}`)!;
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function check(el: EcamChat, id: string): void {
  $<HTMLInputElement>(el, `#${id}`)!.click();
}

function conversationId(): number {
  return (JSON.parse(sessionStorage.getItem(STORAGE_KEY)!) as { id: number }).id;
}

/** A citizen's conversation started through the pre-chat form, waiting in the queue. */
async function startChat(el: EcamChat, topic = 'Certificado de un curso'): Promise<number> {
  await open(el, 'Hable con un funcionario');
  fill(el, 'c-name', 'Laura Gómez');
  fill(el, 'c-email', 'laura@example.co');
  fill(el, 'c-topic', topic);
  check(el, 'c-consent');
  $<HTMLButtonElement>(el, 'form button[type="submit"]')!.click();
  await waitFor('the waiting screen', () => heading(el) === 'Está en la fila');
  return conversationId();
}

async function mount(): Promise<EcamChat> {
  return fixture<EcamChat>(html`<ecam-chat inline></ecam-chat>`);
}

describe('<ecam-chat>', () => {
  before(async () => {
    sessionStorage.clear();
    localStorage.clear();
    await import('../../widgets/index.ts');
    // The loader fetches the launcher's chunk when the tag is first in the page.
    document.body.append(document.createElement('ecam-chat'));
    await customElements.whenDefined('ecam-chat');
    document.querySelector('body > ecam-chat')!.remove();
  });
  beforeEach(async () => {
    sessionStorage.clear();
    localStorage.clear();
    // Within office hours on a business day, whatever day the tests run: only officials decide.
    await executeServerCommand('ecam-clock', { days: (Date.parse(OPEN_AT) - Date.now()) / 86_400_000 });
  });
  afterEach(async () => {
    await goOffline();
    await executeServerCommand('ecam-clock', { days: 0 });
  });

  it('costs only its launcher until opened, says honestly nobody is online, and passes axe', async () => {
    const panelCode = () => performance.getEntriesByType('resource').filter((r) => r.name.includes('/widgets/chat/chat.ts'));
    const el = await fixture<EcamChat>(html`<ecam-chat></ecam-chat>`);
    await waitFor('the launcher label', () => text(launcher(el)) === 'Chat: dejar un mensaje');
    expect(panelCode()).to.have.length(0);
    expect(el.shadowRoot!.querySelector('ecam-chat-panel')).to.equal(null);
    expect(launcher(el).getAttribute('aria-expanded')).to.equal('false');
    await expect(el).to.be.accessible();

    await open(el, 'El chat no está disponible ahora');
    expect(panelCode()).to.have.length(1);
    expect(launcher(el).getAttribute('aria-expanded')).to.equal('true');
    expect(text($(el, '.body'))).to.include('En este momento no hay funcionarios disponibles.');
    await expect(el).to.be.accessible();

    // Minimise: the panel hides and the focus goes back to the launcher.
    $<HTMLButtonElement>(el, 'header button')!.click();
    expect(panelOf(el).hidden).to.equal(true);
    expect(launcher(el).getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.activeElement).to.equal(launcher(el));
  });

  it('speaks English on an English page, the launcher and the panel', async () => {
    const el = await fixture<EcamChat>(html`<ecam-chat inline lang="en"></ecam-chat>`);
    await waitFor('the English label', () => text(launcher(el)) === 'Chat: leave a message');
    await open(el, 'The chat is not available now');
    expect(text($(el, '.body'))).to.include('No official is available right now.');
    await expect(el).to.be.accessible();
  });

  it('offline: the mailbox form shows errors next to the fields, keeps the text and confirms on 201', async () => {
    const el = await mount();
    await open(el, 'El chat no está disponible ahora');
    await expect(el).to.be.accessible();

    fill(el, 'c-message', 'Quisiera saber las fechas de los cursos de 2027.');
    $<HTMLButtonElement>(el, 'form button[type="submit"]')!.click();
    await waitFor('the field errors', () => $$(el, '.error-message').length === 4);
    expect(text($(el, '#c-name-error'))).to.equal('Error: Nombre: es obligatorio.');
    expect(text($(el, '#c-consent-error'))).to.include('Autorización de datos');
    expect($(el, '#c-name')!.getAttribute('aria-invalid')).to.equal('true');
    expect(panelOf(el).shadowRoot!.activeElement?.id).to.equal('c-name');
    await expect(el).to.be.accessible();

    // A robot's honeypot is refused with the server's words, and nothing typed is lost.
    fill(el, 'c-name', 'Pedro Ruiz');
    fill(el, 'c-email', 'pedro@example.co');
    fill(el, 'c-subject', 'Cursos 2027');
    check(el, 'c-consent');
    $<HTMLInputElement>(el, '#c-website')!.value = 'http://spam.example';
    $<HTMLButtonElement>(el, 'form button[type="submit"]')!.click();
    await waitFor('the server refuses the honeypot', () => text($(el, '.alert')) === 'Deje este campo vacío.');
    expect($<HTMLTextAreaElement>(el, '#c-message')!.value).to.equal('Quisiera saber las fechas de los cursos de 2027.');

    $<HTMLInputElement>(el, '#c-website')!.value = '';
    if (!$<HTMLInputElement>(el, '#c-consent')!.checked) check(el, 'c-consent');
    $<HTMLButtonElement>(el, 'form button[type="submit"]')!.click();
    await waitFor('the confirmation', () => heading(el) === 'Recibimos su mensaje');
    expect(text($(el, '.body'))).to.include('pedro@example.co');
    await expect(el).to.be.accessible();

    ({ csrfToken } = await staffLogin());
    const list = await json<{ items: { subject: string; state: string }[] }>(await fetch('/api/admin/mailbox?q=Cursos%202027'));
    expect(list.items.map((i) => i.subject)).to.deep.equal(['Cursos 2027']);
  });

  it('keyboard only: opens with Enter, fills the pre-chat form and sends a message with Enter', async () => {
    await goOnline();
    const el = await fixture<EcamChat>(html`<ecam-chat></ecam-chat>`);
    await waitFor('the launcher label', () => text(launcher(el)) === 'Chat: en línea');
    launcher(el).focus();
    await sendKeys({ press: 'Enter' });
    await waitFor('the pre-chat form', () => el.shadowRoot!.querySelector('ecam-chat-panel') && heading(el) === 'Hable con un funcionario');
    await waitFor('the focus on the heading', () => panelOf(el).shadowRoot!.activeElement?.tagName === 'H3');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Laura' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(panelOf(el).shadowRoot!.activeElement?.id).to.equal('c-topic');
    await sendKeys({ type: 'Inscripciones' });
    await sendKeys({ press: 'Tab' }); // the policy link
    await sendKeys({ press: 'Tab' });
    expect(panelOf(el).shadowRoot!.activeElement?.id).to.equal('c-consent');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Enter' });
    await waitFor('the waiting screen', () => heading(el) === 'Está en la fila');
    await waitFor('the position in the queue', () => text($(el, 'p[role="status"]')) === 'Usted es el siguiente en ser atendido.');
    await expect(el).to.be.accessible();

    $(el, '#c-composer')!.focus();
    await sendKeys({ type: 'Hola, necesito ayuda' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Shift' });
    await sendKeys({ type: 'con la inscripción.' });
    await sendKeys({ press: 'Enter' });
    await waitFor('the message in the log', () => log(el).includes('Hola, necesito ayuda con la inscripción.'));
    expect($$(el, '[role="log"] .msg .pre').at(-1)!.textContent).to.equal('Hola, necesito ayuda\ncon la inscripción.');
    // The box empties once the server has stored it (the stream may show it a moment before).
    await waitFor('the empty composer', () => $<HTMLTextAreaElement>(el, '#c-composer')!.value === '');
    await waitFor('the full counter', () => text($(el, '#c-composer-count')) === 'Quedan 4000 caracteres');
  });

  it('shows the official, new messages in the live log as text, typing and read state', async () => {
    await goOnline();
    const el = await mount();
    const id = await startChat(el);
    await staff('POST', `/conversations/${id}/take`);
    await waitFor('the chatting screen', () => heading(el) === 'Conversa con Administrador' || heading(el).startsWith('Conversa con'));
    expect(log(el).some((m) => m.includes('tomó la conversación'))).to.equal(true);

    await staffNoContent(`/conversations/${id}/typing`, { typing: true });
    await waitFor('the typing indicator', () => text($(el, '.meta')).endsWith('está escribiendo…'));

    const hostile = '<img src=x onerror="window.hacked=1"> Buenos días, ¿en qué le ayudo?';
    await staff('POST', `/conversations/${id}/messages`, { body: hostile }, 201);
    await waitFor('the staff message', () => log(el).includes(hostile));
    const live = $(el, '[role="log"]')!;
    expect(live.getAttribute('aria-live')).to.equal('polite');
    expect(live.querySelector('img')).to.equal(null);
    expect(text($(el, '.meta'))).to.equal('');
    await expect(el).to.be.accessible();

    fill(el, 'c-composer', 'Necesito el certificado del curso de contratación.');
    $<HTMLButtonElement>(el, 'form button[type="submit"]')!.click();
    await waitFor('my message', () => log(el).includes('Necesito el certificado del curso de contratación.'));
    const mine = (await json<{ messages: { seq: number; author: string }[] }>(
      await fetch(`/api/admin/chat/conversations/${id}`),
    )).messages.findLast((m) => m.author === 'citizen')!;
    await staffNoContent(`/conversations/${id}/read`, { seq: mine.seq });
    await waitFor('the read state', () => text($(el, '.read')) === 'Leído');

    // Over 4,000 characters: the counter says so and the server is never asked.
    fill(el, 'c-composer', 'x'.repeat(4003));
    await panelOf(el).updateComplete;
    expect(text($(el, '#c-composer-count'))).to.equal('Sobran 3 caracteres');
    $<HTMLButtonElement>(el, 'form button[type="submit"]')!.click();
    await waitFor('the length error', () => text($(el, '#c-body-error')).includes('máximo 4000'));
    expect($<HTMLTextAreaElement>(el, '#c-composer')!.value).to.have.length(4003);
  });

  it('reconnects after a dropped stream and gets what was sent meanwhile, once', async () => {
    await goOnline();
    const el = await mount();
    const id = await startChat(el);
    await staff('POST', `/conversations/${id}/take`);
    await staff('POST', `/conversations/${id}/messages`, { body: 'Antes del corte' }, 201);
    await waitFor('the first message', () => log(el).includes('Antes del corte'));

    await executeServerCommand('ecam-drop-chat-streams', { ms: 1500 });
    await staff('POST', `/conversations/${id}/messages`, { body: 'Durante el corte 1' }, 201);
    await staff('POST', `/conversations/${id}/messages`, { body: 'Durante el corte 2' }, 201);
    await waitFor('the messages sent meanwhile', () => log(el).includes('Durante el corte 2'));
    await staff('POST', `/conversations/${id}/messages`, { body: 'Después del corte' }, 201);
    await waitFor('the live message after reconnecting', () => log(el).includes('Después del corte'));

    const all = log(el);
    for (const body of ['Antes del corte', 'Durante el corte 1', 'Durante el corte 2', 'Después del corte']) {
      expect(all.filter((m) => m === body), body).to.have.length(1);
    }
    expect(all.indexOf('Durante el corte 1')).to.be.lessThan(all.indexOf('Durante el corte 2'));
  });

  it('a reload resumes the conversation, its stream and the unsent text', async () => {
    await goOnline();
    const first = await mount();
    const id = await startChat(first);
    await staff('POST', `/conversations/${id}/take`);
    await staff('POST', `/conversations/${id}/messages`, { body: 'Hola, soy la funcionaria' }, 201);
    await waitFor('the message', () => log(first).includes('Hola, soy la funcionaria'));
    fill(first, 'c-composer', 'Un texto largo que todavía no envié');
    first.remove();

    // A new page of the same tab: the launcher finds the conversation and opens it by itself.
    const el = await mount();
    await waitFor('the conversation again', () => el.shadowRoot!.querySelector('ecam-chat-panel') && log(el).includes('Hola, soy la funcionaria'));
    expect($<HTMLTextAreaElement>(el, '#c-composer')!.value).to.equal('Un texto largo que todavía no envié');
    expect(conversationId()).to.equal(id);
    await staff('POST', `/conversations/${id}/messages`, { body: 'Sigo aquí' }, 201);
    await waitFor('a live message after the reload', () => log(el).includes('Sigo aquí'));
    expect(log(el).filter((m) => m === 'Hola, soy la funcionaria')).to.have.length(1);
  });

  it('converted and closed: radicado and code once, transcript, rating, the survey once, all accessible', async () => {
    await goOnline();
    // The sample survey of a new database is the chat's satisfaction survey.
    const settings = await sendJson<Record<string, unknown>>(csrfToken, 'GET', '/api/admin/settings');
    await sendJson(csrfToken, 'PUT', '/api/admin/settings', { ...settings, chatSurvey: 'satisfaccion-servicio' });
    const el = await mount();
    const id = await startChat(el);
    await staff('POST', `/conversations/${id}/take`);
    const converted = await staff<{ radicado: string }>('POST', `/conversations/${id}/convert`, { type: 'peticion' });
    await waitFor('the radicado', () => text($(el, '[part="converted"]')).includes(converted.radicado));
    const code = text($$(el, '[part="converted"] dd.code')[1]);
    expect(code).to.match(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expect(el).to.be.accessible();

    $$(el, 'form button').find((b) => text(b) === 'Terminar la conversación')!.click();
    await waitFor('the closed screen', () => heading(el) === 'La conversación terminó');
    expect(text($(el, '.body'))).to.include('Usted terminó la conversación.');
    await expect(el).to.be.accessible();

    $$(el, 'button').find((b) => text(b) === 'Descargar la conversación (.txt)')!.click();
    await waitFor('the download', () => text($(el, '.body > p[role="status"]')) === 'Descargada la conversación.');
    $$(el, 'button').find((b) => text(b) === 'Enviar la conversación a mi correo')!.click();
    await waitFor('the e-mail queued', () => text($(el, '.body > p[role="status"]')).includes('laura@example.co'));

    // The rating: nothing chosen is an error next to the group; then one score and a comment.
    $<HTMLButtonElement>(el, 'form button[type="submit"]')!.click();
    await waitFor('the rating error', () => text($(el, '#c-score-error')) === 'Error: Calificación: elija de 1 a 5.');
    check(el, 'c-score-4');
    fill(el, 'c-comment', 'Muy amable');
    $<HTMLButtonElement>(el, 'form button[type="submit"]')!.click();
    await waitFor('the thanks', () => text($(el, '#rated')) === 'Gracias por calificar la atención.');
    await expect(el).to.be.accessible();
    const detail = await json<{ rating: { score: number; comment: string } }>(await fetch(`/api/admin/chat/conversations/${id}`));
    expect(detail.rating).to.deep.equal({ score: 4, comment: 'Muy amable' });

    // The survey is offered, and its widget loaded only when asked for.
    $$(el, 'button').find((b) => text(b) === 'Responder la encuesta de satisfacción')!.click();
    await waitFor('the survey', () => $(el, 'ecam-survey')?.getAttribute('survey') === 'satisfaccion-servicio');
    await sendJson(csrfToken, 'PUT', '/api/admin/settings', { ...settings, chatSurvey: null });
  });

  it('a conversation whose token no longer works starts over, in Spanish', async () => {
    await goOnline();
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ id: 999999, token: 'no-es-un-token' }));
    const el = await mount();
    await waitFor('the pre-chat form', () => el.shadowRoot!.querySelector('ecam-chat-panel') && heading(el) === 'Hable con un funcionario');
    expect(text($(el, '.alert'))).to.equal('Esta conversación ya no está disponible en este navegador. Puede empezar una nueva.');
    expect(sessionStorage.getItem(STORAGE_KEY)).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
