/**
 * Review before answering (visto bueno) on the staff page, in real Chromium against the real API:
 * the Ajustes field that puts a type under review, the author's view of an answer waiting, the
 * reviewer's "Devolver con comentario" and "Aprobar y enviar", the inbox filter, and the user
 * form's reviewer checkbox. Every state is checked with axe.
 */
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { UserRecord } from '../../api/admin/schemas.ts';
import type { Settings } from '../../api/settings/schemas.ts';
import type { PqrsDetail } from '../../api/pqrs/workflow-schemas.ts';
import type { EcamAdmin } from '../../widgets/admin/admin.ts';
import { WAIT, apiLogin, apiLogout, apiPost, click, fill, filePqrs, json, openPage, text, v, vAll, waitForFocus, waitForView } from './admin-page.ts';
import { sendJson } from './helpers.ts';

const AUTHOR = 'autora.revision';
const AUTHOR_PASSWORD = 'clave-de-la-autora-1';
const FIRST = 'Primera versión: no encontramos el certificado que pide en nuestros archivos.';
const SECOND = 'Adjuntamos el certificado del curso de sistemas que usted terminó en 2025.';

function queja() {
  return {
    type: 'queja',
    subject: 'Demora en la entrega del certificado',
    description: 'Pedí mi certificado hace dos meses y todavía no me lo entregan en la sede.',
    responseChannel: 'email',
    consent: true,
    requester: { kind: 'natural', documentType: 'CC', documentNumber: '1098111222', name: 'Rosa Díaz', email: 'rosa@example.co' },
  };
}

async function detail(radicado: string): Promise<PqrsDetail> {
  return json<PqrsDetail>(await fetch(`/api/admin/pqrs/${radicado}`));
}

async function openRequest(radicado: string): Promise<EcamAdmin> {
  const el = await openPage(`#/solicitud/${radicado}`);
  await waitForView(el, 'ecam-admin-request');
  await waitUntil(() => v(el, 'h2#h-content'), 'the request never loaded', WAIT);
  return el;
}

/** Replies as the author through the API (the reply form itself is covered by admin.test.ts). */
async function replyAsAuthor(radicado: string, answer: string): Promise<void> {
  await apiLogout();
  const { csrfToken } = await apiLogin(AUTHOR, AUTHOR_PASSWORD);
  const d = await sendJson<PqrsDetail>(csrfToken, 'POST', `/api/admin/pqrs/${radicado}/reply`, { text: answer });
  expect(d.state).to.equal('en_revision');
}

describe('review before answering', () => {
  let radicado = '';

  before(async () => {
    const { csrfToken } = await apiLogin();
    const users = await json<UserRecord[]>(await fetch('/api/admin/users'));
    if (!users.some((u) => u.username === AUTHOR)) {
      await apiPost(csrfToken, '/api/admin/users', { username: AUTHOR, name: 'Autora Revisión', role: 'funcionario', password: AUTHOR_PASSWORD }, 201);
    }
  });

  after(async () => {
    await apiLogout();
    const { csrfToken } = await apiLogin();
    const settings = await json<Settings>(await fetch('/api/admin/settings'));
    await sendJson(csrfToken, 'PUT', '/api/admin/settings', { ...settings, reviewTypes: [] });
  });

  it('Ajustes: a checkbox per type puts its answers under review', async () => {
    await apiLogout();
    await apiLogin();
    const el = await openPage('#/ajustes');
    await waitForView(el, 'ecam-admin-settings');
    await waitUntil(() => v(el, '#review-queja'), 'no review field', WAIT);
    expect(text(v(el, 'fieldset[aria-describedby="settings-reviewTypes-hint"] legend'))).to.equal('Revisión antes de responder (visto bueno)');
    expect(vAll(el, 'input[name="reviewTypes"]')).to.have.length(8);
    expect(text(v(el, 'label[for="review-queja"]'))).to.equal('Queja');
    expect(v<HTMLInputElement>(el, '#review-queja')!.checked).to.equal(false);
    await expect(el).to.be.accessible();

    click(v(el, '#review-queja'));
    click(v(el, '#settings-form button[type="submit"]'));
    await waitUntil(() => text(v(el, '.status')) === 'Se guardaron los ajustes.', 'not saved', WAIT);
    const saved = await json<Settings>(await fetch('/api/admin/settings'));
    expect(saved.reviewTypes).to.deep.equal(['queja']);
    expect(v<HTMLInputElement>(el, '#review-queja')!.checked).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('the author sees that the answer waits for review, with no approve button', async () => {
    radicado = (await filePqrs(queja())).radicado;
    await replyAsAuthor(radicado, FIRST);
    const el = await openRequest(radicado);
    await waitUntil(() => v(el, '#h-review'), 'no review section', WAIT);
    expect(text(v(el, '#h-review'))).to.equal('Respuesta en revisión');
    expect(text(v(el, '.review blockquote'))).to.equal(FIRST);
    expect(text(v(el, '.review .status'))).to.include('Su respuesta espera la revisión de otro funcionario');
    expect(v(el, '#form-approve')).to.equal(null);
    expect(v(el, '#form-return')).to.equal(null);
    expect(v(el, '#form-reply')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a reviewer returns it with a comment (required), then approves the next answer, which is sent', async () => {
    await apiLogout();
    await apiLogin();
    let el = await openRequest(radicado);
    await waitUntil(() => v(el, '#form-return'), 'no return form', WAIT);
    expect(text(v(el, '.review blockquote'))).to.equal(FIRST);
    expect(text(v(el, '#form-approve button[type="submit"]'))).to.equal('Aprobar y enviar');
    expect(text(v(el, '#form-return button[type="submit"]'))).to.equal('Devolver con comentario');
    expect(text(v(el, 'label[for="return-comment"]'))).to.equal('Comentario para quien respondió');
    await expect(el).to.be.accessible();

    // Without a comment: the field says why and takes the focus.
    click(v(el, '#form-return button[type="submit"]'));
    await waitUntil(() => text(v(el, '#return-comment-error')), 'no error for the empty comment', WAIT);
    expect(text(v(el, '#return-comment-error'))).to.include('Comentario para quien respondió');
    await waitForFocus(el, '#return-comment');
    await expect(el).to.be.accessible();

    fill(v(el, '#return-comment'), 'Sí tenemos el certificado: búsquelo en el archivo de 2025.');
    click(v(el, '#form-return button[type="submit"]'));
    await waitUntil(() => text(v(el, '#outcome')).startsWith('Listo'), 'not returned', WAIT);
    expect(text(v(el, '#outcome'))).to.equal('Listo: «Devolver con comentario». Estado: Radicada.');
    expect(text(v(el, '.notes'))).to.include('Sí tenemos el certificado');
    expect(text(v(el, '.review'))).to.include('Devuelta por admin');
    await expect(el).to.be.accessible();

    await replyAsAuthor(radicado, SECOND);
    await apiLogout();
    await apiLogin();
    fixtureCleanup();
    el = await openRequest(radicado);
    await waitUntil(() => v(el, '#form-approve'), 'no approve form', WAIT);
    expect(text(v(el, '.review blockquote'))).to.equal(SECOND);
    click(v(el, '#form-approve button[type="submit"]'));
    await waitUntil(() => text(v(el, '#outcome')).startsWith('Listo'), 'not approved', WAIT);
    expect(text(v(el, '#outcome'))).to.equal('Listo: «Aprobar y enviar». Estado: Respondida.');
    expect(text(v(el, '#h-answer'))).to.equal('Respuesta');
    expect(text(v(el, '.review'))).to.include('Aprobada por admin');
    await expect(el).to.be.accessible();
    const d = await detail(radicado);
    expect(d.state).to.equal('respondida');
    expect(d.answer!.text).to.equal(SECOND);
    expect(d.answer!.by!.username).to.equal(AUTHOR);
  });

  it('the inbox offers "Esperan mi revisión" to reviewers and flags near-due reviews', async () => {
    const other = (await filePqrs({ ...queja(), subject: 'Otra queja que espera revisión' })).radicado;
    await replyAsAuthor(other, FIRST);
    await apiLogout();
    await apiLogin();
    const el = await openPage('#/bandeja?estado=mi-revision');
    await waitForView(el, 'ecam-admin-inbox');
    await waitUntil(() => vAll(el, 'tbody tr').length > 0, 'no rows', WAIT);
    expect(v<HTMLSelectElement>(el, '#f-estado')!.value).to.equal('mi-revision');
    expect(text(v(el, '#f-estado option[value="mi-revision"]'))).to.equal('Esperan mi revisión');
    const rows = vAll(el, 'tbody tr').map((r) => text(r));
    expect(rows.some((r) => r.includes(other) && r.includes('En revisión'))).to.equal(true);
    expect(rows.some((r) => r.includes(radicado))).to.equal(false, 'the answered one no longer waits');
    await expect(el).to.be.accessible();
  });

  it('a review whose term ran out is flagged in the inbox (the term keeps running during review)', async () => {
    await executeServerCommand('ecam-clock', { days: 40 });
    try {
      await apiLogout();
      await apiLogin();
      const el = await openPage('#/bandeja?estado=en_revision');
      await waitForView(el, 'ecam-admin-inbox');
      await waitUntil(() => vAll(el, 'tbody tr').length > 0, 'no rows', WAIT);
      const row = vAll(el, 'tbody tr').find((r) => text(r).includes('Otra queja que espera revisión'));
      expect(text(row)).to.include('Revisar ya: el plazo venció');
      expect(row!.querySelector('.light-red')).to.not.equal(null);
      await expect(el).to.be.accessible();
    } finally {
      await executeServerCommand('ecam-clock', { days: 0 });
      await apiLogout();
      await apiLogin();
    }
  });

  it('Usuarios: the reviewer checkbox', async () => {
    const el = await openPage('#/usuarios');
    await waitForView(el, 'ecam-admin-users');
    await waitUntil(() => v(el, '#create-reviewer'), 'no reviewer checkbox', WAIT);
    expect(text(v(el, 'label[for="create-reviewer"]'))).to.equal('Revisor');
    await expect(el).to.be.accessible();

    // An admin makes the author a reviewer from her row's edit form.
    const authorRow = () => vAll(el, 'tbody tr').find((r) => text(r.querySelector('th')) === AUTHOR);
    await waitUntil(authorRow, 'the author is not listed', WAIT);
    const row = authorRow()!;
    expect(text(row.querySelector('td:nth-of-type(4)'))).to.equal('No');
    click(row.querySelector('button'));
    await waitUntil(() => v(el, '#edit-reviewer'), 'no edit form', WAIT);
    click(v(el, '#edit-reviewer'));
    click(v(el, 'form[aria-label] button[type="submit"].primary'));
    await waitUntil(() => text(v(el, '#done')), 'not saved', WAIT);
    const users = await json<UserRecord[]>(await fetch('/api/admin/users'));
    expect(users.find((u) => u.username === AUTHOR)!.reviewer).to.equal(true);
    await waitUntil(() => text(authorRow()?.querySelector('td:nth-of-type(4)')) === 'Sí', 'the table does not say so', WAIT);
    await expect(el).to.be.accessible();
  });
});
