/**
 * The chat and mailbox views of the staff page in real Chromium against the real API: the agents'
 * console (availability, live queue, taking, answering, typing and read state, canned replies,
 * unread alerts, transfer, conversion to a PQRSD, closing), canned replies, transcripts, the
 * mailbox and the ratings report. Every state is checked with axe; one test uses only the keyboard.
 * The citizen's side is played through the public API.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { ChatConversation, ChatStarted, ChatStatus } from '../../api/chat/schemas.ts';
import type { Settings } from '../../api/settings/schemas.ts';
import type { EcamAdmin } from '../../widgets/admin/admin.ts';
import '../../widgets/admin/chat-shared.ts';
import {
  WAIT,
  apiLogin,
  apiPost,
  click,
  deepActive,
  fill,
  json,
  openPage,
  tabTo,
  text,
  v,
  vAll,
  view,
  waitForFocus,
  waitForView,
} from './admin-page.ts';
import { sendJson } from './helpers.ts';

const ALL_DAY = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, from: '00:00', to: '23:59' }));

let csrf = '';
let original: Settings | undefined;

/** The chat is open only on a business day within office hours: every hour, and the clock moved to a business day. */
before(async () => {
  ({ csrfToken: csrf } = await apiLogin());
  original = await json<Settings>(await fetch('/api/admin/settings'));
  await sendJson(csrf, 'PUT', '/api/admin/settings', { ...original, officeHours: ALL_DAY });
  for (let days = 0; days < 12; days++) {
    await executeServerCommand('ecam-clock', { days });
    const s = await json<ChatStatus>(await fetch('/api/chat/status'));
    if (s.reason !== 'non_business_day' && s.reason !== 'outside_hours') return;
  }
  throw new Error('no business day within 12 days');
});

after(async () => {
  ({ csrfToken: csrf } = await apiLogin());
  // Later test files find an empty queue: every conversation left open here is closed.
  for (const state of ['waiting', 'active']) {
    for (;;) {
      const { items } = await json<{ items: { id: number }[] }>(await fetch(`/api/admin/chat/conversations?state=${state}`));
      if (items.length === 0) break;
      for (const c of items) await sendJson(csrf, 'POST', `/api/admin/chat/conversations/${c.id}/close`, {});
    }
  }
  await sendJson(csrf, 'PUT', '/api/admin/chat/availability', { available: false });
  if (original) await sendJson(csrf, 'PUT', '/api/admin/settings', original);
  await executeServerCommand('ecam-clock', { days: 0 });
});

// ---- The citizen, through the public API ---------------------------------------------------

async function startChat(topic: string, name?: string, email?: string): Promise<ChatStarted> {
  const res = await fetch('/api/chat/conversations', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ topic, name, email, consent: true }),
  });
  return json<ChatStarted>(res, 201);
}

async function citizen<T>(c: ChatStarted, method: string, path: string, body?: unknown, status = 200): Promise<T> {
  const res = await fetch(`/api/chat/conversations/${c.id}${path}`, {
    method,
    headers: { 'x-chat-token': c.token, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const raw = await res.text();
  expect(res.status, raw).to.equal(status);
  return (raw ? JSON.parse(raw) : undefined) as T;
}

const say = (c: ChatStarted, body: string) => citizen<{ seq: number }>(c, 'POST', '/messages', { body }, 201);
const conversation = (c: ChatStarted) => citizen<ChatConversation>(c, 'GET', '');

// ---- The console -----------------------------------------------------------------------------

/** Opens the console, available, with its stream connected. */
async function openConsole(): Promise<EcamAdmin> {
  const el = await openPage('#/chat');
  await waitForView(el, 'ecam-admin-chat');
  await waitUntil(() => v(el, '#availability-on'), 'no availability choice', WAIT);
  const on = v<HTMLInputElement>(el, '#availability-on')!;
  if (!on.checked) click(on);
  await waitUntil(() => /^(Conectado|Connected)/.test(text(v(el, '.top [role="status"]'))), 'the stream never connected', WAIT);
  await waitUntil(async () => (await json<ChatStatus>(await fetch('/api/chat/status'))).online, 'the chat never went online', WAIT);
  return el;
}

function queueItem(el: EcamAdmin, who: string): HTMLElement | undefined {
  return vAll(el, 'section[aria-labelledby="h-queue"] li').find((li) => text(li).includes(who)) as HTMLElement | undefined;
}

/** Takes the queued conversation of `who` and waits for its panel. */
async function take(el: EcamAdmin, who: string): Promise<void> {
  await waitUntil(() => queueItem(el, who), `${who} never reached the queue`, WAIT);
  click(queueItem(el, who)!.querySelector('button'));
  await waitUntil(() => text(v(el, '#h-conversation')) === `Conversación con ${who}`, `the conversation with ${who} never opened`, WAIT);
}

const logText = (el: EcamAdmin) => text(v(el, '[role="log"]'));

describe('chat console', () => {
  it('starts away with nothing queued, then goes available and receives the queue live', async () => {
    ({ csrfToken: csrf } = await apiLogin());
    await sendJson(csrf, 'PUT', '/api/admin/chat/availability', { available: false });
    const el = await openPage('#/chat');
    await waitForView(el, 'ecam-admin-chat');
    await waitUntil(() => v(el, '#availability-off'), 'no availability choice', WAIT);
    await expect(el).to.be.accessible();
    expect(v<HTMLInputElement>(el, '#availability-off')!.checked).to.equal(true);
    expect(text(v(el, 'section[aria-labelledby="h-queue"]'))).to.include('Marque «Disponible»');
    expect((await json<ChatStatus>(await fetch('/api/chat/status'))).reason).to.equal('no_agents');

    click(v(el, '#availability-on'));
    await waitUntil(() => /Conectado/.test(text(v(el, '.top [role="status"]'))), 'the stream never connected', WAIT);
    await waitUntil(async () => (await json<ChatStatus>(await fetch('/api/chat/status'))).online, 'the chat never went online', WAIT);
    expect(text(v(el, '#h-queue'))).to.equal('En espera (0)');
    await expect(el).to.be.accessible();
    const mute = vAll(el, 'button').find((b) => text(b) === 'Silenciar el aviso sonoro')!;
    expect(mute.getAttribute('aria-pressed')).to.equal(localStorage.getItem('ecam-admin-chat-muted') === '1' ? 'true' : 'false');
    click(mute);
    await waitUntil(() => mute.getAttribute('aria-pressed') === 'true', 'not muted', WAIT);
    expect(localStorage.getItem('ecam-admin-chat-muted')).to.equal('1');
    click(mute);
    await waitUntil(() => mute.getAttribute('aria-pressed') === 'false', 'still muted', WAIT);

    // Citizen text with markup is shown as text, never parsed.
    await startChat('Certificado <img src=x onerror="alert(1)"> del curso', 'Laura <b>Pinzón</b>');
    await waitUntil(() => queueItem(el, 'Laura <b>Pinzón</b>'), 'the queue never showed the conversation', WAIT);
    expect(text(v(el, '#h-queue'))).to.equal('En espera (1)');
    const item = queueItem(el, 'Laura <b>Pinzón</b>')!;
    expect(item.querySelector('img, b')).to.equal(null);
    expect(text(item)).to.include('Certificado <img src=x onerror="alert(1)"> del curso');
    expect(text(item)).to.include('Espera desde hace menos de un minuto');
    expect(text(item.querySelector('button'))).to.equal('Tomar la conversación de Laura <b>Pinzón</b>');
    await expect(el).to.be.accessible();
  });

  it('takes a conversation and chats live: messages both ways, typing, read state, canned replies, PQRSD, close', async () => {
    ({ csrfToken: csrf } = await apiLogin());
    await apiPost(csrf, '/api/admin/chat/canned', { title: 'Saludo', body: 'Buenos días, con gusto le ayudo.' }, 201);
    const el = await openConsole();
    const earlier = await startChat('Préstamo de libros', 'Mateo Rincón', 'mateo.rincon@example.co');
    await citizen(earlier, 'POST', '/close');
    const chat = await startChat('Horario de la biblioteca', 'Mateo Rincón', 'mateo.rincon@example.co');
    await say(chat, '¿Hasta qué hora abre la biblioteca?');
    await take(el, 'Mateo Rincón');
    await waitUntil(() => logText(el).includes('¿Hasta qué hora abre la biblioteca?'), 'the earlier message is not in the log', WAIT);
    expect(v(el, '[role="log"]')!.getAttribute('aria-live')).to.equal('polite');
    await waitForFocus(el, '#composer');
    await expect(el).to.be.accessible();
    expect((await conversation(chat)).agentName).to.equal('Administrador');
    const earlierLink = vAll(el, 'a').find((a) => a.getAttribute('href') === `#/conversaciones/${earlier.id}`);
    expect(text(earlierLink)).to.include('Préstamo de libros (Terminada)');

    // The citizen writes and types; the console shows both live.
    await say(chat, 'Es para devolver un libro.');
    await waitUntil(() => logText(el).includes('Es para devolver un libro.'), 'the new message never arrived', WAIT);
    await citizen(chat, 'POST', '/typing', { typing: true }, 204);
    await waitUntil(() => text(v(el, '.typing')) === 'Mateo Rincón está escribiendo…', 'no typing indicator', WAIT);
    await citizen(chat, 'POST', '/typing', { typing: false }, 204);
    await waitUntil(() => text(v(el, '.typing')) === '', 'the typing indicator stayed', WAIT);

    // A canned reply goes where the cursor is, then Enter sends.
    const select = v<HTMLSelectElement>(el, '#canned')!;
    const option = Array.from(select.options).find((o) => o.textContent === 'Saludo')!;
    fill(select, option.value);
    click(vAll(el, 'button').find((b) => text(b) === 'Insertar en la respuesta')!);
    await waitUntil(() => v<HTMLTextAreaElement>(el, '#composer')!.value === 'Buenos días, con gusto le ayudo.', 'the canned reply was not inserted', WAIT);
    fill(v(el, '#composer'), `${v<HTMLTextAreaElement>(el, '#composer')!.value} Abrimos hasta las 6 p. m.`);
    v(el, '#composer')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await waitUntil(async () => (await conversation(chat)).messages.some((m) => m.body === 'Buenos días, con gusto le ayudo. Abrimos hasta las 6 p. m.'), 'the reply never reached the citizen', WAIT);
    await waitUntil(() => v<HTMLTextAreaElement>(el, '#composer')!.value === '', 'the composer was not emptied', WAIT);
    const mine = (await conversation(chat)).messages.find((m) => m.author === 'staff' && m.body.startsWith('Buenos días'))!;
    expect(mine.name).to.equal('Administrador');

    // The citizen reads it: «Leído» under my message.
    await citizen(chat, 'POST', '/read', { seq: mine.seq }, 204);
    await waitUntil(() => text(v(el, '[role="log"] .read')) === 'Leído', 'no read state', WAIT);

    // Converted to a PQRSD: the radicado for the official and for the citizen.
    fill(v(el, 'ecam-admin-convert')!.shadowRoot!.querySelector('select'), 'informacion');
    click(v(el, 'ecam-admin-convert')!.shadowRoot!.querySelector('button[type="submit"]'));
    await waitUntil(() => /Se radicó como ECAM-\d{4}-\d{6}/.test(text(v(el, 'ecam-admin-convert')!.shadowRoot!.querySelector('.status'))), 'no radicado', WAIT);
    const radicado = /ECAM-\d{4}-\d{6}/.exec(text(v(el, 'ecam-admin-convert')!.shadowRoot!.querySelector('.status')))![0];
    expect((await conversation(chat)).radicado).to.equal(radicado);
    await waitUntil(() => logText(el).includes(radicado), 'the system message with the radicado never arrived', WAIT);
    await expect(el).to.be.accessible();

    click(vAll(el, 'button').find((b) => text(b) === 'Cerrar la conversación')!);
    await waitUntil(() => /La conversación terminó/.test(text(v(el, '.panel .status'))), 'not closed', WAIT);
    expect((await conversation(chat)).state).to.equal('closed');
    await expect(el).to.be.accessible();
    click(vAll(el, 'button').find((b) => text(b) === 'Quitar de mis conversaciones')!);
    await waitUntil(() => !v(el, '#h-conversation'), 'the closed conversation stayed', WAIT);
  });

  it('counts unread messages of another conversation in its button and the page title, and transfers one', async () => {
    ({ csrfToken: csrf } = await apiLogin());
    const colleague = await apiPost<{ user: { id: number } }>(
      csrf,
      '/api/admin/users',
      { username: 'chat.colega', name: 'Camila Colega', password: 'clave-de-la-colega-chat', role: 'funcionario' },
      201,
    );
    const el = await openConsole();
    const a = await startChat('Inscripciones', 'Ana Uno');
    await take(el, 'Ana Uno');
    const b = await startChat('Certificados', 'Bruno Dos');
    await take(el, 'Bruno Dos');
    const before = document.title;

    // Bruno's conversation is open; Ana writes.
    await say(a, 'Hola, ¿sigue ahí?');
    const anaButton = () => vAll(el, '.tabs button').find((x) => text(x).startsWith('Ana Uno'));
    await waitUntil(() => text(anaButton()).includes('1 mensaje sin leer'), 'no unread count', WAIT);
    expect(document.title).to.equal('(1) Chat — ECAM');
    await expect(el).to.be.accessible();
    click(anaButton()!);
    await waitUntil(() => document.title === before, 'the title kept the count', WAIT);
    expect(text(v(el, '#h-conversation'))).to.equal('Conversación con Ana Uno');
    expect(text(anaButton())).not.to.include('sin leer');

    // Bruno goes to a colleague: his conversation leaves my list.
    click(vAll(el, '.tabs button').find((x) => text(x).startsWith('Bruno Dos'))!);
    await waitUntil(() => text(v(el, '#h-conversation')) === 'Conversación con Bruno Dos', 'Bruno never shown', WAIT);
    v<HTMLDetailsElement>(el, 'details')!.open = true;
    fill(v(el, '#transfer-to'), String(colleague.user.id));
    click(vAll(el, 'button').find((x) => text(x) === 'Transferir')!);
    await waitUntil(() => !vAll(el, '.tabs button').some((x) => text(x).startsWith('Bruno Dos')), 'Bruno stayed in my list', WAIT);
    expect((await conversation(b)).agentName).to.equal('Camila Colega');
    await expect(el).to.be.accessible();
    await citizen(a, 'POST', '/close');
  });

  it('is operable with the keyboard alone: take a conversation and answer it', async () => {
    const el = await openConsole();
    const chat = await startChat('Pago de matrícula', 'Teclado Tomás');
    await waitUntil(() => queueItem(el, 'Teclado Tomás'), 'not queued', WAIT);
    await tabTo((a) => a.localName === 'button' && text(a) === 'Tomar la conversación de Teclado Tomás', 'Tomar');
    await sendKeys({ press: 'Enter' });
    await waitForFocus(el, '#composer');
    await sendKeys({ type: 'Con gusto, ¿qué necesita pagar?' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await conversation(chat)).messages.some((m) => m.body === 'Con gusto, ¿qué necesita pagar?'), 'the answer never arrived', WAIT);
    expect(deepActive()?.id).to.equal('composer');
    await citizen(chat, 'POST', '/close');
  });
});

describe('canned replies, transcripts and ratings', () => {
  it('adds, edits and deletes a canned reply', async () => {
    const el = await openPage('#/respuestas');
    await waitForView(el, 'ecam-admin-chat-canned');
    await waitUntil(() => v(el, '#canned-title'), 'no form', WAIT);
    await expect(el).to.be.accessible();

    click(v(el, '#canned-form button[type="submit"]'));
    await waitUntil(() => text(v(el, '#canned-title-error')), 'no error for an empty title', WAIT);
    await waitForFocus(el, '#canned-title');
    await expect(el).to.be.accessible();

    fill(v(el, '#canned-title'), 'Despedida');
    fill(v(el, '#canned-body'), 'Gracias por escribirnos. Que tenga un buen día.');
    click(v(el, '#canned-form button[type="submit"]'));
    await waitUntil(() => text(v(el, '.status')) === 'Se agregó «Despedida».', 'not added', WAIT);
    click(vAll(el, 'button').find((b) => text(b) === 'Editar «Despedida»')!);
    await waitForFocus(el, '#canned-title');
    expect(v<HTMLInputElement>(el, '#canned-title')!.value).to.equal('Despedida');
    fill(v(el, '#canned-body'), 'Gracias por escribirnos.');
    click(v(el, '#canned-form button[type="submit"]'));
    await waitUntil(() => text(v(el, '.status')) === 'Se guardó «Despedida».', 'not saved', WAIT);
    const row = () => vAll(el, 'tbody tr').find((r) => text(r.querySelector('th')) === 'Despedida');
    expect(text(row()!.querySelector('td'))).to.equal('Gracias por escribirnos.');
    await expect(el).to.be.accessible();
    click(Array.from(row()!.querySelectorAll('button')).find((b) => text(b).startsWith('Eliminar'))!);
    await waitUntil(() => text(v(el, '.status')) === 'Se eliminó «Despedida».', 'not deleted', WAIT);
    expect(row()).to.equal(undefined);
  });

  it('finds a conversation by what was said, shows it read-only with its transcript, and reports its rating', async () => {
    const el = await openConsole();
    const chat = await startChat('Becas', 'Rosa Búsqueda', 'rosa.busqueda@example.co');
    await say(chat, 'Pregunto por la beca de jardinería ornamental');
    await take(el, 'Rosa Búsqueda');
    await citizen(chat, 'POST', '/close');
    await citizen(chat, 'POST', '/rating', { score: 4, comment: 'Muy amable' }, 201);

    location.hash = '#/conversaciones';
    await waitForView(el, 'ecam-admin-chat-transcripts');
    await waitUntil(() => v(el, 'table'), 'no list', WAIT);
    await expect(el).to.be.accessible();
    fill(v(el, '#t-q'), 'jardinería ornamental');
    click(v(el, 'form[role="search"] button[type="submit"]'));
    await waitUntil(() => text(v(el, '[role="status"]')) === '1 conversación encontrada.', 'search failed', WAIT);
    const link = v<HTMLAnchorElement>(el, 'tbody a')!;
    expect(text(v(el, 'tbody tr'))).to.include('Rosa Búsqueda');
    click(link);
    await waitUntil(() => text(v(el, 'h1')) === `Conversación ${chat.id}`, 'the conversation never opened', WAIT);
    await waitUntil(() => v(el, '[role="log"]'), 'no log', WAIT);
    expect(logText(el)).to.include('Pregunto por la beca de jardinería ornamental');
    expect(v(el, 'textarea')).to.equal(null);
    expect(text(v(el, 'dl'))).to.include('4 de 5: «Muy amable»');
    const download = vAll(el, 'a').find((a) => text(a) === 'Descargar la transcripción') as HTMLAnchorElement;
    const res = await fetch(download.href);
    expect(res.headers.get('content-type')).to.match(/^text\/plain/);
    expect(await res.text()).to.include('Pregunto por la beca de jardinería ornamental');
    await expect(el).to.be.accessible();

    location.hash = '#/calificaciones';
    await waitForView(el, 'ecam-admin-chat-ratings');
    await waitUntil(() => vAll(el, 'table').length === 2, 'no report', WAIT);
    const agentRow = vAll(el, 'table')[0]!.querySelector('tbody tr')!;
    expect(text(agentRow.querySelector('th'))).to.equal('Administrador');
    expect(text(agentRow)).to.include('4,00');
    expect(v(el, 'canvas[role="img"]')!.getAttribute('aria-label')).to.match(/^Gráfico de barras del promedio/);
    await expect(el).to.be.accessible();
    fill(v(el, '#ratings-from'), '2030-01-01');
    fill(v(el, '#ratings-to'), '2030-12-31');
    click(v(el, 'form button[type="submit"]'));
    await waitUntil(() => vAll(el, 'p').some((p) => text(p) === 'No hay calificaciones en este periodo.'), 'no empty report', WAIT);
    await expect(el).to.be.accessible();
  });
});

describe('mailbox', () => {
  it('lists, filters, opens, answers by e-mail and files a message as a PQRSD', async () => {
    const res = await fetch('/api/mailbox', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Olga Buzón',
        email: 'olga.buzon@example.co',
        subject: 'Horario de <i>atención</i>',
        message: 'Quisiera saber el horario de atención del día sábado.',
        consent: true,
      }),
    });
    const { id } = await json<{ id: number }>(res, 201);
    const el = await openPage('#/buzon');
    await waitForView(el, 'ecam-admin-mailbox');
    await waitUntil(() => v(el, 'table'), 'no list', WAIT);
    await expect(el).to.be.accessible();
    fill(v(el, '#m-estado'), 'nuevo');
    fill(v(el, '#m-q'), 'sábado');
    click(v(el, 'form[role="search"] button[type="submit"]'));
    await waitUntil(() => text(v(el, '[role="status"]')) === '1 mensaje encontrado.', 'filter failed', WAIT);
    expect(v(el, 'tbody i')).to.equal(null);
    click(vAll(el, 'tbody a').find((a) => text(a) === 'Horario de <i>atención</i>')!);

    await waitUntil(() => text(v(el, 'h1')) === 'Mensaje: Horario de <i>atención</i>', 'the message never opened', WAIT);
    expect(location.hash).to.equal(`#/buzon/${id}`);
    expect(text(v(el, '#h-message + p'))).to.equal('Quisiera saber el horario de atención del día sábado.');
    await expect(el).to.be.accessible();

    click(v(el, '#reply-form button[type="submit"]'));
    await waitUntil(() => text(v(el, '#reply-body-error')), 'no error for an empty reply', WAIT);
    await waitForFocus(el, '#reply-body');
    fill(v(el, '#reply-body'), 'Los sábados atendemos de 8:00 a 12:00.');
    click(v(el, '#reply-form button[type="submit"]'));
    await waitUntil(() => text(v(el, '#replied')) === 'Se envió la respuesta por correo.', 'no confirmation', WAIT);
    expect(text(v(el, 'ul.notes'))).to.include('Los sábados atendemos de 8:00 a 12:00.');
    await expect(el).to.be.accessible();

    const convert = v(el, 'ecam-admin-convert')!.shadowRoot!;
    fill(convert.querySelector('select'), 'consulta');
    click(convert.querySelector('button[type="submit"]'));
    await waitUntil(() => /Se radicó como ECAM-\d{4}-\d{6}/.test(text(convert.querySelector('.status'))), 'no radicado', WAIT);
    await waitUntil(() => /Radicado como PQRSD/.test(text(v(el, 'dl'))), 'the state did not change', WAIT);
    await expect(el).to.be.accessible();
  });
});

describe('chat settings', () => {
  it('saves the waiting notice, the idle close and the chat survey', async () => {
    const el = await openPage('#/ajustes');
    await waitForView(el, 'ecam-admin-settings');
    await waitUntil(() => v(el, '#settings-chatWaitNoticeMinutes'), 'no chat settings', WAIT);
    await expect(el).to.be.accessible();
    fill(v(el, '#settings-chatWaitNoticeMinutes'), '0');
    click(v(el, '#settings-form button[type="submit"]'));
    await waitUntil(() => text(v(el, '#settings-chatWaitNoticeMinutes-error')), 'no error for 0 minutes', WAIT);
    await waitForFocus(el, '#settings-chatWaitNoticeMinutes');
    await expect(el).to.be.accessible();
    fill(v(el, '#settings-chatWaitNoticeMinutes'), '5');
    fill(v(el, '#settings-chatIdleCloseMinutes'), '20');
    click(v(el, '#settings-form button[type="submit"]'));
    await waitUntil(() => text(v(el, '.status')) === 'Se guardaron los ajustes.', 'not saved', WAIT);
    const saved = await json<Settings>(await fetch('/api/admin/settings'));
    expect([saved.chatWaitNoticeMinutes, saved.chatIdleCloseMinutes]).to.deep.equal([5, 20]);
    expect(view(el)).to.not.equal(undefined);
  });
});

describe('languages', () => {
  it('speaks English when the page does', async () => {
    document.documentElement.lang = 'en';
    try {
      const el = await openConsole();
      expect(text(v(el, 'h1'))).to.equal('Chat with citizens');
      expect(text(v(el, 'label[for="availability-on"]'))).to.equal('Available');
      await expect(el).to.be.accessible();
      location.hash = '#/buzon';
      await waitForView(el, 'ecam-admin-mailbox');
      await waitUntil(() => /messages? found/.test(text(v(el, '[role="status"]'))), 'no English list', WAIT);
      expect(text(v(el, 'h1'))).to.equal('Contact mailbox');
    } finally {
      document.documentElement.lang = 'es';
    }
  });

  it('names the PQRSD types of «file as a PQRSD» in the page’s language', async () => {
    const types = async (lang: string) => {
      const convert = await fixture<HTMLElement>(html`<ecam-admin-convert lang=${lang} path="/chat/conversations/1"></ecam-admin-convert>`);
      await expect(convert).to.be.accessible();
      return Array.from(convert.shadowRoot!.querySelectorAll('#convert-type option'), (o) => text(o));
    };
    expect(await types('es')).to.deep.equal([
      'Elija un tipo',
      'Petición',
      'Solicitud de información',
      'Consulta',
      'Queja',
      'Reclamo',
      'Sugerencia',
      'Denuncia',
      'Felicitación',
    ]);
    expect(await types('en')).to.deep.equal([
      'Choose a type',
      'Petition',
      'Request for information',
      'Consultation',
      'Complaint',
      'Claim',
      'Suggestion',
      'Report of wrongdoing',
      'Compliment',
    ]);
  });
});
