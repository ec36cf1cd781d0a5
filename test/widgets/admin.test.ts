/**
 * The staff page (<ecam-admin>) in real Chromium against the real API (started by
 * web-test-runner.config.mjs with ECAM_ADMIN_PASSWORD and proxied at /api). Every view is checked
 * with axe, then through what a staff member sees and does; one test uses only the keyboard.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { ChallengeResponse } from '../../api/challenge/routes.ts';
import type { PqrsCreated } from '../../api/pqrs/schemas.ts';
import type { PqrsDetail } from '../../api/pqrs/workflow-schemas.ts';
import type { PqrsReport } from '../../api/reports/schemas.ts';
import { solveChallenge } from '../../widgets/shared/pow.ts';
import {
  ADMIN_PASSWORD,
  WAIT,
  apiLogin,
  apiLogout,
  apiPost,
  click,
  deepActive,
  fill,
  json,
  openPage,
  submitWrongRange,
  tabTo,
  text,
  v,
  vAll,
  waitForFocus,
  waitForView,
} from './admin-page.ts';

const FUNCIONARIA = { username: 'funcionaria.prueba', name: 'Fernanda Funcionaria', password: 'clave-de-la-funcionaria' };

// ---- The API, as a citizen and as staff --------------------------------------------------

function pdfFile(name: string): File {
  const text = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';
  return new File([text], name, { type: 'application/pdf' });
}

/** Files a request through `POST /api/pqrs`, solving the proof of work like the form does. */
async function fileRequest(type: string, subject: string, description?: string, files: File[] = []): Promise<PqrsCreated> {
  const c = await json<ChallengeResponse>(await fetch('/api/challenge'));
  const altcha = c.enabled ? await solveChallenge({ ...c, maxnumber: c.maxnumber ?? 1_000_000 }) : undefined;
  const body = {
    type,
    subject,
    description: description ?? 'Solicito una copia del certificado del curso de sistemas que terminé en 2025.',
    responseChannel: 'online',
    consent: true,
    requester: { kind: 'natural', documentType: 'CC', documentNumber: '1098765432', name: 'Ana María Pérez' },
    ...(altcha ? { altcha } : {}),
  };
  if (!files.length) {
    const res = await fetch('/api/pqrs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return json<PqrsCreated>(res, 201);
  }
  const form = new FormData();
  form.append('data', JSON.stringify(body));
  for (const f of files) form.append('files', f, f.name);
  return json<PqrsCreated>(await fetch('/api/pqrs', { method: 'POST', body: form }), 201);
}

let funcionaria: Promise<number> | undefined;

/** The funcionaria's account (created once, by the admin); resolves to her id. */
function ensureFuncionaria(): Promise<number> {
  funcionaria ??= (async () => {
    const { csrfToken } = await apiLogin();
    const created = await apiPost<{ user: { id: number } }>(csrfToken, '/api/admin/users', { ...FUNCIONARIA, role: 'funcionario' }, 201);
    return created.user.id;
  })();
  return funcionaria;
}

/** Moves the API's clock so that today (Bogotá) is `date`, at noon. */
async function setToday(date: string): Promise<void> {
  const days = (Date.parse(`${date}T12:00:00-05:00`) - Date.now()) / 86_400_000;
  await executeServerCommand('ecam-clock', { days });
}

// ---- The tests -------------------------------------------------------------------------------

describe('<ecam-admin>', () => {
  beforeEach(async () => {
    await executeServerCommand('ecam-clock', { days: 0 });
    await apiLogout();
  });
  afterEach(async () => {
    await executeServerCommand('ecam-clock', { days: 0 });
    history.replaceState(null, '', `${location.pathname}${location.search}`);
  });

  it('shows an accessible login, its errors and the lockout, then the inbox', async () => {
    const el = await openPage('#/bandeja');
    await waitForView(el, 'ecam-admin-login');
    await expect(el).to.be.accessible();
    expect(text(v(el, 'h1'))).to.equal('Ingreso del personal');
    expect(text(el.shadowRoot!.querySelector('nav'))).to.equal('');
    expect(v<HTMLInputElement>(el, '#login-password')!.type).to.equal('password');
    expect(v<HTMLInputElement>(el, '#login-username')!.autocomplete).to.equal('username');

    // Empty: both fields say what is missing, and the first one gets the focus.
    click(v(el, 'button[type="submit"]'));
    await waitUntil(() => text(v(el, '#login-username-error')), 'no field error', WAIT);
    expect(text(v(el, '#login-username-error'))).to.equal('Error: Usuario: es obligatorio.');
    expect(text(v(el, '#login-password-error'))).to.equal('Error: Contraseña: es obligatoria.');
    expect(v(el, '#login-username')!.getAttribute('aria-invalid')).to.equal('true');
    expect(v(el, '#login-username')!.getAttribute('aria-describedby')).to.equal('login-username-error');
    expect(text(v(el, 'form [role="alert"]'))).to.equal('Escriba el usuario y la contraseña.');
    await waitForFocus(el, '#login-username');
    await expect(el).to.be.accessible();

    // A wrong password: the server's one answer, announced as an alert that takes the focus.
    fill(v(el, '#login-username'), 'admin.no.existe');
    fill(v(el, '#login-password'), 'no-es-la-clave');
    click(v(el, 'button[type="submit"]'));
    await waitUntil(() => text(v(el, 'form [role="alert"]')) === 'Usuario o contraseña incorrectos.', 'no alert', WAIT);
    await waitForFocus(el, 'form [role="alert"]');
    expect(v<HTMLInputElement>(el, '#login-password')!.value).to.equal('');
    expect(v<HTMLInputElement>(el, '#login-username')!.value).to.equal('admin.no.existe');
    await expect(el).to.be.accessible();

    // Five failures in all lock the username: the next try says so, with the wait.
    for (let i = 0; i < 4; i++) {
      const res = await fetch('/api/admin/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin.no.existe', password: `clave-equivocada-${i}` }),
      });
      expect(res.status).to.equal(401);
    }
    fill(v(el, '#login-password'), 'otra-clave-equivocada');
    click(v(el, 'button[type="submit"]'));
    await waitUntil(() => text(v(el, 'form [role="alert"]')).startsWith('Demasiados'), 'no lockout message', WAIT);
    expect(text(v(el, 'form [role="alert"]'))).to.match(/^Demasiados intentos fallidos con este usuario\. Intente de nuevo en 15 minutos\./);
    await expect(el).to.be.accessible();

    // The right pair: the inbox, its heading focused, who is in and the admin's sections.
    fill(v(el, '#login-username'), 'admin');
    fill(v(el, '#login-password'), ADMIN_PASSWORD);
    click(v(el, 'button[type="submit"]'));
    await waitForView(el, 'ecam-admin-inbox');
    await waitForFocus(el, 'h1');
    expect(text(v(el, 'h1'))).to.equal('Bandeja de solicitudes');
    expect(text(el.shadowRoot!.querySelector('header'))).to.contain('Sesión de Administrador (Administrador)');
    const nav = Array.from(el.shadowRoot!.querySelectorAll('nav a'), (a) => text(a));
    expect(nav).to.deep.equal(['Bandeja', 'Radicar petición verbal', 'Chat', 'Buzón', 'Conversaciones', 'Reportes', 'Avisos', 'Participación', 'Encuestas', 'Insertar en su sitio', 'Auditoría', 'Datos personales', 'Ajustes', 'Usuarios', 'Mi cuenta']);
    expect(el.shadowRoot!.querySelector('nav a[aria-current="page"]')!.textContent).to.equal('Bandeja');
    expect(document.title).to.equal('Bandeja de solicitudes · Administración · ECAM Participa');

    // Logging out comes back to the login, saying so.
    click(el.shadowRoot!.querySelector('header button'));
    await waitForView(el, 'ecam-admin-login');
    await waitUntil(() => text(v(el, '[role="status"]')) === 'Cerró la sesión.', 'no logout notice', WAIT);
    expect((await fetch('/api/admin/session')).status).to.equal(401);
  });

  it('lists requests with the traffic light in words and colour, nearest due date first', async () => {
    const token = `Semaforo${Date.now()}`;
    const info = await fileRequest('informacion', `${token} información`);
    const peticion = await fileRequest('peticion', `${token} petición`);
    const consulta = await fileRequest('consulta', `${token} consulta`);
    // Today becomes the petición's due date: it has 0 days left (amber), the información (10
    // days) is overdue (red) and the consulta (30 days) has 15 left (green).
    await setToday(peticion.dueDate);
    await apiLogin();

    // No match: an accessible empty inbox.
    const empty = await openPage('#/bandeja?q=ninguna-solicitud-dice-esto');
    await waitForView(empty, 'ecam-admin-inbox');
    await waitUntil(() => text(v(empty, '[role="status"]')) === '0 solicitudes encontradas.', 'no empty summary', WAIT);
    expect(vAll(empty, 'p').map(text)).to.include('No hay solicitudes con estos filtros.');
    expect(v<HTMLInputElement>(empty, '#f-q')!.value).to.equal('ninguna-solicitud-dice-esto');
    await expect(empty).to.be.accessible();
    empty.remove();

    const el = await openPage(`#/bandeja?q=${token}`);
    await waitForView(el, 'ecam-admin-inbox');
    await waitUntil(() => vAll(el, 'tbody tr').length === 3, 'three rows never appeared', WAIT);
    await expect(el).to.be.accessible();
    expect(text(v(el, 'caption'))).to.equal('Solicitudes, la fecha límite más próxima primero');
    expect(vAll(el, 'thead th').every((th) => th.getAttribute('scope') === 'col')).to.equal(true);

    const rows = vAll(el, 'tbody tr').map((tr) => ({
      radicado: text(tr.querySelector('th[scope="row"] a')),
      light: tr.querySelector('.light')!,
      plazo: text(tr.querySelector('td:last-child')),
    }));
    expect(rows.map((r) => r.radicado)).to.deep.equal([info.radicado, peticion.radicado, consulta.radicado]);
    expect(rows.map((r) => text(r.light))).to.deep.equal(['Vencida', 'Por vencer', 'En término']);
    expect(rows[0]!.plazo).to.match(/^Vencida Vencida hace 5 días hábiles$/);
    expect(rows[1]!.plazo).to.equal('Por vencer Vence hoy');
    expect(rows[2]!.plazo).to.equal('En término Quedan 15 días hábiles');
    // Colour as well as words: red, amber and green badges.
    const colours = rows.map((r) => getComputedStyle(r.light).backgroundColor);
    expect(colours).to.deep.equal(['rgb(168, 5, 33)', 'rgb(245, 183, 0)', 'rgb(6, 132, 96)']);
    expect(vAll(el, `a[href="#/solicitud/${peticion.radicado}"]`)).to.have.length(1);

    // The filters change the address and the list: only the overdue one.
    click(v(el, '#f-vencidas'));
    click(v(el, 'form button[type="submit"]'));
    await waitUntil(() => vAll(el, 'tbody tr').length === 1, 'the overdue filter did not apply', WAIT);
    expect(location.hash).to.equal(`#/bandeja?vencidas=1&q=${token}`);
    expect(text(v(el, 'tbody th[scope="row"]'))).to.equal(info.radicado);
    await waitUntil(() => text(v(el, '[role="status"]')) === '1 solicitud encontrada.', 'no summary', WAIT);

    // By type, and "sin asignar" / "mías".
    history.replaceState(null, '', `${location.pathname}${location.search}#/bandeja?q=${token}`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitUntil(() => vAll(el, 'tbody tr').length === 3, 'the filters were not cleared', WAIT);
    fill(v(el, '#f-tipo'), 'consulta');
    click(v(el, 'form button[type="submit"]'));
    await waitUntil(() => vAll(el, 'tbody tr').length === 1, 'the type filter did not apply', WAIT);
    expect(text(v(el, 'tbody th[scope="row"]'))).to.equal(consulta.radicado);
    fill(v(el, '#f-tipo'), '');
    fill(v(el, '#f-responsable'), 'me');
    click(v(el, 'form button[type="submit"]'));
    await waitUntil(() => text(v(el, '[role="status"]')) === '0 solicitudes encontradas.', '"mías" did not apply', WAIT);
    fill(v(el, '#f-responsable'), 'none');
    click(v(el, 'form button[type="submit"]'));
    await waitUntil(() => vAll(el, 'tbody tr').length === 3, '"sin asignar" did not apply', WAIT);
  });

  it('pages through the inbox', async () => {
    const token = `Paginas${Date.now()}`;
    for (let i = 0; i < 26; i++) await fileRequest('peticion', `${token} ${i}`);
    await apiLogin();
    const el = await openPage(`#/bandeja?q=${token}`);
    await waitForView(el, 'ecam-admin-inbox');
    await waitUntil(() => vAll(el, 'tbody tr').length === 25, 'the first page never appeared', WAIT);
    expect(text(v(el, 'nav.pager p'))).to.equal('Página 1 de 2');
    expect(v(el, 'nav.pager')!.getAttribute('aria-label')).to.equal('Páginas de la bandeja');
    await expect(el).to.be.accessible();
    click(v(el, 'nav.pager a'));
    await waitUntil(() => vAll(el, 'tbody tr').length === 1, 'the second page never appeared', WAIT);
    expect(text(v(el, 'nav.pager p'))).to.equal('Página 2 de 2');
    expect(text(v(el, 'nav.pager a'))).to.equal('Página anterior');
  });

  it('shows a request as text, its notes apart, and the refusal of a stale action', async () => {
    const filed = await fileRequest(
      'peticion',
      'Certificado <b>urgente</b>',
      'Necesito el certificado. <img src=x onerror="window.__pwned=1"> Gracias por su atención.',
    );
    const { csrfToken } = await apiLogin();
    const el = await openPage(`#/solicitud/${filed.radicado}`);
    await waitForView(el, 'ecam-admin-request');
    await waitUntil(() => v(el, '#h-content'), 'the request never loaded', WAIT);
    await expect(el).to.be.accessible();

    expect(text(v(el, 'h1'))).to.equal(`Solicitud ${filed.radicado}`);
    expect(text(v(el, '#h-content'))).to.equal('Certificado <b>urgente</b>');
    expect(vAll(el, '#h-content b')).to.have.length(0);
    expect(vAll(el, 'img')).to.have.length(0);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(text(v(el, '[aria-labelledby="h-requester"]'))).to.contain('Ana María Pérez');
    expect(text(v(el, '[aria-labelledby="h-requester"]'))).to.contain('Cédula de ciudadanía 1098765432');
    expect(text(v(el, '[aria-labelledby="h-timeline"] ol'))).to.contain('Radicada');
    const actions = vAll(el, '[aria-labelledby="h-actions"] h3').map(text);
    expect(actions).to.deep.equal(['Asignar', 'Responder al ciudadano', 'Prorrogar el plazo de respuesta', 'Trasladar por competencia']);

    // An internal note, marked as such.
    fill(v(el, '#notes-text'), 'Llamar a la oficina de certificados antes de responder.');
    click(v(el, '#form-notes button[type="submit"]'));
    await waitUntil(() => vAll(el, 'ul.notes li').length === 1, 'the note never appeared', WAIT);
    expect(text(v(el, 'ul.notes li'))).to.match(/^Nota interna — no la ve el ciudadano\. admin · .+ Llamar a la oficina de certificados antes de responder\.$/);
    expect(text(v(el, '#outcome'))).to.equal('Se agregó la nota interna.');
    await waitForFocus(el, '#outcome');
    await expect(el).to.be.accessible();

    // A field error from the server, next to its field.
    click(v(el, '#form-reply button[type="submit"]'));
    await waitUntil(() => text(v(el, '#reply-text-error')), 'no field error', WAIT);
    expect(text(v(el, '#reply-text-error'))).to.match(/^Error: Respuesta: /);
    await waitForFocus(el, '#reply-text');
    await expect(el).to.be.accessible();

    // Someone else answers meanwhile; assigning from this page is refused with the reason, and
    // the page shows the request as it is now.
    await apiPost<PqrsDetail>(csrfToken, `/api/admin/pqrs/${filed.radicado}/reply`, { text: 'Le enviamos el certificado a su correo.' });
    fill(v(el, '#assign-staffId'), String(v<HTMLSelectElement>(el, '#assign-staffId')!.options[1]!.value));
    click(v(el, '#form-assign button[type="submit"]'));
    await waitUntil(() => text(v(el, '#refusal')), 'no refusal', WAIT);
    expect(text(v(el, '#refusal'))).to.equal(
      'No se pudo «Asignar»: La acción «Asignar» no es posible en una solicitud en estado «Respondida».',
    );
    await waitForFocus(el, '#refusal');
    expect(vAll(el, '#form-assign')).to.have.length(0);
    expect(text(v(el, '[aria-labelledby="h-answer"]'))).to.contain('Le enviamos el certificado a su correo.');
    expect(vAll(el, '[aria-labelledby="h-actions"] h3').map(text)).to.deep.equal(['Cerrar']);
    await expect(el).to.be.accessible();
  });

  it('downloads the citizen’s files and sends an answer with a file of its own', async () => {
    const filed = await fileRequest('informacion', 'Copia del acta de grado', undefined, [pdfFile('solicitud-firmada.pdf')]);
    await apiLogin();
    const el = await openPage(`#/solicitud/${filed.radicado}`);
    await waitForView(el, 'ecam-admin-request');
    await waitUntil(() => v(el, '#reply-files'), 'the request never loaded', WAIT);

    const intake = v<HTMLAnchorElement>(el, '[aria-labelledby="h-content"] a[download]')!;
    expect(text(intake)).to.equal('solicitud-firmada.pdf');
    const download = await fetch(intake.href);
    expect(download.status).to.equal(200);
    expect(download.headers.get('content-disposition')).to.match(/^attachment; filename="solicitud-firmada\.pdf"/);
    expect((await download.text()).startsWith('%PDF-1.4')).to.equal(true);

    fill(v(el, '#reply-text'), 'Adjuntamos la copia del acta de grado que solicitó.');
    const input = v<HTMLInputElement>(el, '#reply-files')!;
    const files = new DataTransfer();
    files.items.add(pdfFile('acta-de-grado.pdf'));
    input.files = files.files;
    click(v(el, '#form-reply button[type="submit"]'));
    await waitUntil(() => text(v(el, '#outcome')).startsWith('Listo: «Responder»'), 'the answer was never sent', WAIT);
    const answerFile = v<HTMLAnchorElement>(el, '[aria-labelledby="h-answer"] a[download]')!;
    expect(text(answerFile)).to.equal('acta-de-grado.pdf');
    expect((await fetch(answerFile.href)).status).to.equal(200);
    await expect(el).to.be.accessible();
  });

  it('runs the other actions from their forms: completion, extension, transfer, close', async () => {
    const filed = await fileRequest('peticion', 'Horario de los cursos de inglés');
    const { csrfToken, id } = await apiLogin();
    await apiPost<PqrsDetail>(csrfToken, `/api/admin/pqrs/${filed.radicado}/assign`, { staffId: id });
    const el = await openPage(`#/solicitud/${filed.radicado}`);
    await waitForView(el, 'ecam-admin-request');
    await waitUntil(() => v(el, '#form-request-completion'), 'the request never loaded', WAIT);

    /** Fills an action's form, sends it and waits for the page to say it is done. */
    const act = async (action: string, label: string, fields: Record<string, string>, state: string) => {
      for (const [name, value] of Object.entries(fields)) fill(v(el, `#${action}-${name}`), value);
      click(v(el, `#form-${action} button[type="submit"]`));
      await waitUntil(() => text(v(el, '#outcome')).startsWith(`Listo: «${label}»`), `${action} never happened`, WAIT);
      expect(text(v(el, '#outcome'))).to.equal(`Listo: «${label}». Estado: ${state}.`);
    };

    await act('request-completion', 'Pedir que complete la solicitud', { message: 'Indique de qué sede quiere el horario.' }, 'Pendiente de información suya');
    expect(text(v(el, 'dl'))).to.contain('Pendiente del ciudadano');
    expect(text(v(el, 'dl'))).to.contain('plazo suspendido');
    await expect(el).to.be.accessible();
    await act('extend-completion', 'Ampliar el plazo para completar', {}, 'Pendiente de información suya');
    expect(text(v(el, 'dl'))).to.contain('(ampliado)');
    // The date of receipt is today by default.
    await act('complete', 'Registrar la información recibida', {}, 'En trámite');

    const detail = await json<PqrsDetail>(await fetch(`/api/admin/pqrs/${filed.radicado}`));
    const newDue = detail.limits.maxExtendedDueDate;
    await act('extend', 'Prorrogar el plazo de respuesta', { newDueDate: newDue, reason: 'Debemos consultar a la coordinación académica.' }, 'En trámite');
    expect(text(v(el, 'dl'))).to.contain('Motivo: Debemos consultar a la coordinación académica.');
    expect(vAll(el, '#form-extend')).to.have.length(0);

    await act('transfer', 'Trasladar por competencia', { entity: 'Servicio Nacional de Aprendizaje (SENA)', note: 'El SENA dicta esos cursos.' }, 'Trasladada a otra entidad');
    expect(text(v(el, 'dl'))).to.contain('Trasladada a Servicio Nacional de Aprendizaje (SENA)');
    await act('close', 'Cerrar', { note: 'Trámite terminado con el traslado.' }, 'Cerrada');
    expect(text(v(el, '[aria-labelledby="h-actions"]'))).to.contain('No hay acciones posibles en el estado «Cerrada».');
    const timeline = vAll(el, '[aria-labelledby="h-timeline"] li strong').map(text);
    expect(timeline).to.deep.equal([
      'Radicada',
      'Asignada',
      'Pendiente de información suya',
      'Pendiente de información suya',
      'En trámite',
      'En trámite',
      'Trasladada a otra entidad',
      'Cerrada',
    ]);
    await expect(el).to.be.accessible();
  });

  it('answers a request with the keyboard only: log in, open it, assign it, reply', async () => {
    const funcionariaId = await ensureFuncionaria();
    await apiLogout();
    const filed = await fileRequest('queja', 'Atención descortés en la ventanilla');
    const el = await openPage(`#/bandeja?q=${filed.radicado}`);
    await waitForView(el, 'ecam-admin-login');

    await tabTo((a) => a.id === 'login-username', 'the username');
    await sendKeys({ type: 'admin' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.id).to.equal('login-password');
    await sendKeys({ type: ADMIN_PASSWORD });
    await sendKeys({ press: 'Enter' });

    await waitForView(el, 'ecam-admin-inbox');
    await waitUntil(() => vAll(el, 'tbody tr').length === 1, 'the request is not in the inbox', WAIT);
    await waitForFocus(el, 'h1');
    await tabTo((a) => a.localName === 'a' && text(a) === filed.radicado, 'the radicado link');
    await sendKeys({ press: 'Enter' });

    await waitForView(el, 'ecam-admin-request');
    await waitUntil(() => v(el, '#assign-staffId'), 'the request never loaded', WAIT);
    await waitForFocus(el, 'h1');
    expect(document.title).to.equal(`Solicitud ${filed.radicado} · Administración · ECAM Participa`);

    // Assign it to the funcionaria: the select is changed with the arrow keys.
    const select = (await tabTo((a) => a.id === 'assign-staffId', 'the assignee select')) as HTMLSelectElement;
    for (let i = 0; i < 10 && select.value !== String(funcionariaId); i++) await sendKeys({ press: 'ArrowDown' });
    expect(select.value).to.equal(String(funcionariaId));
    await sendKeys({ press: 'Tab' });
    expect(text(deepActive())).to.equal('Asignar');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(v(el, '#outcome')).startsWith('Listo: «Asignar»'), 'the assignment never happened', WAIT);
    expect(text(v(el, '#outcome'))).to.equal('Listo: «Asignar». Estado: Asignada.');
    await waitForFocus(el, '#outcome');
    expect(text(v(el, 'dl'))).to.contain(`Responsable ${FUNCIONARIA.name} (${FUNCIONARIA.username})`);

    // Reply.
    await tabTo((a) => a.id === 'reply-text', 'the answer');
    await sendKeys({ type: 'Presentamos excusas: hablamos con el funcionario y tomamos medidas.' });
    await tabTo((a) => text(a) === 'Enviar respuesta', 'the send button');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(v(el, '#outcome')).startsWith('Listo: «Responder»'), 'the answer was never sent', WAIT);
    expect(text(v(el, '#outcome'))).to.equal('Listo: «Responder». Estado: Respondida.');
    expect(text(v(el, '[aria-labelledby="h-answer"]'))).to.contain(
      'Presentamos excusas: hablamos con el funcionario y tomamos medidas.',
    );
    expect(text(v(el, '[aria-labelledby="h-timeline"] ol'))).to.contain('Respondida');
    await expect(el).to.be.accessible();
  });

  it('shows the report for a period as a table, a chart and a CSV link', async () => {
    await fileRequest('denuncia', 'Cobro indebido en un curso');
    await apiLogin();
    const el = await openPage('#/reportes');
    await waitForView(el, 'ecam-admin-reports');
    // The first table: by type (the second counts by channel).
    await waitUntil(() => v(el, 'table')?.querySelectorAll('tbody tr').length === 8, 'the report never appeared', WAIT);
    await expect(el).to.be.accessible();

    expect(text(v(el, 'caption'))).to.equal('PQRSD recibidas por tipo');
    expect(vAll(el, 'tbody th[scope="row"]').map(text)).to.include('Denuncia');
    const headers = vAll(el, 'thead th').map(text);
    expect(headers.slice(0, 4)).to.deep.equal(['Tipo', 'Recibidas', 'Respondidas a tiempo', 'Respondidas fuera de término']);
    // The table says what the API says for the same period.
    const link = v<HTMLAnchorElement>(el, 'a[download]')!;
    expect(text(link)).to.equal('Descargar CSV');
    const url = new URL(link.href);
    expect(url.pathname).to.equal('/api/admin/reports/pqrs.csv');
    const period = { from: url.searchParams.get('from')!, to: url.searchParams.get('to')! };
    expect(period.from).to.match(/^\d{4}-(01|04|07|10)-01$/);
    const api = await json<PqrsReport>(await fetch(`/api/admin/reports/pqrs?from=${period.from}&to=${period.to}`));
    const denuncia = vAll(el, 'tbody tr').find((tr) => text(tr.querySelector('th')) === 'Denuncia')!;
    expect(text(denuncia.querySelector('td'))).to.equal(String(api.rows.find((r) => r.type === 'denuncia')!.received));
    expect(text(v(el, 'tfoot td'))).to.equal(String(api.total.received));
    const csv = await fetch(link.href);
    expect(csv.headers.get('content-type')).to.equal('text/csv; charset=utf-8');
    expect((await csv.text()).split('\r\n')[0]).to.match(/^\uFEFF?Tipo de solicitud;Recibidas;/);

    // The chart: a described image, drawn.
    const canvas = v<HTMLCanvasElement>(el, 'canvas')!;
    expect(canvas.getAttribute('role')).to.equal('img');
    expect(canvas.getAttribute('aria-label')).to.contain('Los mismos datos están en la tabla');
    await waitUntil(() => canvas.width > 0 && canvas.height > 0, 'the chart was never drawn', WAIT);

    // Another period: a wrong range is said next to its field.
    click(v(el, '#period-personalizado'));
    await waitUntil(() => v(el, '#report-from'), 'no custom dates', WAIT);
    await submitWrongRange(el, 'report', 'form button[type="submit"]', '2026-06-30', '2026-01-01');

    fill(v(el, '#report-from'), '2026-01-01');
    fill(v(el, '#report-to'), '2026-06-30');
    click(v(el, 'form button[type="submit"]'));
    await waitUntil(() => new URL(v<HTMLAnchorElement>(el, 'a[download]')!.href).searchParams.get('to') === '2026-06-30', 'no new period', WAIT);
    expect(text(v(el, '#h-report'))).to.equal('Del jueves, 1 de enero de 2026 al martes, 30 de junio de 2026');
  });

  it('shows the audit log to admins, filtered by action and date', async () => {
    const failed = await fetch('/api/admin/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'auditoria.prueba', password: 'no-es-la-clave' }),
    });
    expect(failed.status).to.equal(401);
    await apiLogin();
    const el = await openPage('#/auditoria');
    await waitForView(el, 'ecam-admin-audit');
    await waitUntil(() => vAll(el, 'tbody tr').length > 0, 'the log never appeared', WAIT);
    await expect(el).to.be.accessible();
    expect(text(v(el, 'caption'))).to.equal('Registro de auditoría, lo más reciente primero');
    expect(text(v(el, 'tbody tr'))).to.contain('Inicio de sesión');

    fill(v(el, '#audit-action'), 'session.login_failed');
    click(v(el, 'form button[type="submit"]'));
    await waitUntil(
      () => vAll(el, 'tbody tr').length > 0 && vAll(el, 'tbody tr').every((tr) => text(tr).includes('Inicio de sesión fallido')),
      'the action filter did not apply',
      WAIT,
    );
    expect(vAll(el, 'tbody tr').some((tr) => text(tr).includes('auditoria.prueba'))).to.equal(true);
    await expect(el).to.be.accessible();

    fill(v(el, '#audit-from'), '2099-01-01');
    click(v(el, 'form button[type="submit"]'));
    await waitUntil(() => text(v(el, '[role="status"]')) === '0 registros.', 'the date filter did not apply', WAIT);
    expect(vAll(el, 'p').map(text)).to.include('No hay registros con estos filtros.');
  });

  it('lets admins edit the settings and the closure days', async () => {
    const { csrfToken } = await apiLogin();
    const before = await json<Record<string, unknown>>(await fetch('/api/admin/settings'));
    const el = await openPage('#/ajustes');
    await waitForView(el, 'ecam-admin-settings');
    await waitUntil(() => v(el, '#settings-entityName'), 'the settings never appeared', WAIT);
    await expect(el).to.be.accessible();
    expect(v<HTMLInputElement>(el, '#settings-radicadoPrefix')!.value).to.equal('ECAM');
    expect(vAll(el, 'input[type="time"]')).to.have.length(20);

    fill(v(el, '#settings-contactEmail'), 'esto-no-es-un-correo');
    click(v(el, '#settings-form button[type="submit"]'));
    await waitUntil(() => text(v(el, '#settings-contactEmail-error')), 'no e-mail error', WAIT);
    await waitForFocus(el, '#settings-contactEmail');
    await expect(el).to.be.accessible();

    // The satisfaction survey of answered PQRSD: none, or one of the open surveys.
    const select = v<HTMLSelectElement>(el, '#settings-pqrsSurvey')!;
    expect(text(v(el, 'label[for="settings-pqrsSurvey"]'))).to.equal('Encuesta de satisfacción de PQRSD');
    const surveys = await json<{ items: { slug: string; title: string; state: string }[] }>(await fetch('/api/admin/surveys'));
    const open = surveys.items.filter((x) => x.state === 'open');
    expect([...select.options].map((o) => [o.value, text(o)])).to.deep.equal([['', 'Ninguna'], ...open.map((x) => [x.slug, x.title])]);
    expect(select.value).to.equal('');
    select.value = select.options[select.options.length - 1]!.value;

    fill(v(el, '#settings-contactEmail'), 'atencion@ecam.gov.co');
    fill(v(el, '#settings-contactPhone'), '+57 607 649 0000');
    click(v(el, '#settings-form button[type="submit"]'));
    await waitUntil(() => text(v(el, '.status')) === 'Se guardaron los ajustes.', 'never saved', WAIT);
    const stored = await json<{ pqrsSurvey: string | null }>(await fetch('/api/admin/settings'));
    expect(stored.pqrsSurvey).to.equal(select.value === '' ? null : select.value);
    const saved = await json<{ contactEmail: string; contactPhone: string }>(await fetch('/api/settings/public', { cache: 'no-store' }));
    expect(saved.contactEmail).to.equal('atencion@ecam.gov.co');
    expect(saved.contactPhone).to.equal('+57 607 649 0000');

    // A closure day far away, so the other tests' deadlines do not move; then removed.
    fill(v(el, '#closure-date'), '2099-03-16');
    fill(v(el, '#closure-reason'), 'Inventario anual');
    click(v(el, '#closure-form button[type="submit"]'));
    await waitUntil(() => vAll(el, '[aria-labelledby="h-closures"] tbody tr').length === 1, 'the closure day never appeared', WAIT);
    expect(text(v(el, '[aria-labelledby="h-closures"] tbody tr'))).to.contain('Inventario anual');
    await expect(el).to.be.accessible();
    click(v(el, '[aria-labelledby="h-closures"] tbody button'));
    await waitUntil(() => text(v(el, '.status')).startsWith('Se quitó el día de cierre'), 'never removed', WAIT);
    expect(vAll(el, '[aria-labelledby="h-closures"] tbody tr')).to.have.length(0);

    // The other test files share this server: leave the settings as they were.
    const res = await fetch('/api/admin/settings', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify(before),
    });
    expect(res.status).to.equal(200);
  });

  it('lets admins create and edit users, and hides the admin sections from funcionarios', async () => {
    await apiLogin();
    const el = await openPage('#/usuarios');
    await waitForView(el, 'ecam-admin-users');
    await waitUntil(() => vAll(el, 'tbody tr').length > 0, 'the users never appeared', WAIT);
    await expect(el).to.be.accessible();

    const username = `nuevo.${Date.now() % 100000}`;
    fill(v(el, '#create-username'), username);
    fill(v(el, '#create-name'), 'Nuevo Funcionario');
    click(v(el, 'form[aria-labelledby="h-create"] button[type="submit"]'));
    await waitUntil(() => text(v(el, '#done')).startsWith(`Se creó el usuario «${username}»`), 'never created', WAIT);
    const password = /Contraseña inicial: (\S+)/.exec(text(v(el, '#done')))?.[1];
    expect(password).to.be.a('string');
    await waitForFocus(el, '#done');
    const row = () => vAll(el, 'tbody tr').find((tr) => text(tr.querySelector('th')) === username);
    await waitUntil(() => row(), 'the new user is not listed', WAIT);
    expect(text(row())).to.contain('Funcionario');
    await expect(el).to.be.accessible();

    // Deactivate the account.
    click(row()!.querySelector('button'));
    await waitUntil(() => v(el, '#edit-active'), 'no edit form', WAIT);
    await waitForFocus(el, '#h-edit');
    click(v(el, '#edit-active'));
    click(v(el, 'form[aria-label^="Datos de"] button[type="submit"]'));
    await waitUntil(() => text(row()).includes('Inactiva'), 'never deactivated', WAIT);
    await expect(el).to.be.accessible();
    el.remove();

    // A funcionaria sees neither the admin sections nor their content.
    await apiLogout();
    await ensureFuncionaria();
    await apiLogout();
    await apiLogin(FUNCIONARIA.username, FUNCIONARIA.password);
    const page = await openPage('#/usuarios');
    await waitUntil(() => text(page.shadowRoot!.querySelector('main h1')) === 'Sin permiso', 'no refusal', WAIT);
    const nav = Array.from(page.shadowRoot!.querySelectorAll('nav a'), (a) => text(a));
    expect(nav).to.deep.equal(['Bandeja', 'Radicar petición verbal', 'Chat', 'Buzón', 'Conversaciones', 'Reportes', 'Avisos', 'Participación', 'Encuestas', 'Insertar en su sitio', 'Mi cuenta']);
    expect(text(page.shadowRoot!.querySelector('header'))).to.contain(`Sesión de ${FUNCIONARIA.name} (Funcionario)`);
    await expect(page).to.be.accessible();
  });

  it('changes one’s own password and sends a lost session back to the login', async () => {
    await apiLogin();
    const el = await openPage('#/cuenta');
    await waitForView(el, 'ecam-admin-account');
    await expect(el).to.be.accessible();
    fill(v(el, '#account-currentPassword'), 'no-es-mi-clave');
    fill(v(el, '#account-newPassword'), 'una-clave-nueva-y-larga');
    click(v(el, 'form button[type="submit"]'));
    await waitUntil(() => text(v(el, '#account-currentPassword-error')), 'no error', WAIT);
    expect(text(v(el, '#account-currentPassword-error'))).to.equal('Error: Contraseña actual: no es correcta.');
    await expect(el).to.be.accessible();

    // The session ends elsewhere: the next call brings the login back, with a notice.
    await apiLogout();
    location.hash = '#/bandeja';
    await waitForView(el, 'ecam-admin-login');
    expect(text(v(el, '[role="status"]'))).to.match(/^Su sesión terminó/);
    await waitForFocus(el, 'h1');
    await expect(el).to.be.accessible();
  });
});
