/**
 * Review before answering, "visto bueno" (issue 11 item 6; api/pqrs/review.ts), through the staff
 * and tracking APIs on a real database: the reviewTypes setting, every transition (reply to
 * en_revision or straight to respondida, approve, return, answer again), who may decide, the
 * running legal term, what the citizen sees, the e-mail through the outbox, and the audit log.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { businessDaysBetween } from '../../api/calendar/calendar.ts';
import { calendarRules } from '../../api/calendar/store.ts';
import type { PqrsDetail } from '../../api/pqrs/workflow-schemas.ts';
import { REVIEW_PUBLIC_NOTE } from '../../api/pqrs/review.ts';
import { ADMIN_PASSWORD, openSession, staffHeaders, staffSession } from '../admin-helpers.ts';
import { multipart, testApp, validPqrs } from '../helpers.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');

let clock = new Date('2026-03-02T14:00:00Z');
const { app } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD }, () => clock);
after(() => app.close());

function at(date: string, time = '09:00'): void {
  clock = new Date(`${date}T${time}:00-05:00`);
}

const ADMIN = 1;
/** Writes answers; no reviewer role. */
let autora: number;
/** A funcionaria with the reviewer flag. */
let revisora: number;
/** Another funcionario without the role. */
let otro: number;

const headers = (staffId: number) => staffHeaders(openSession(app, staffId));

interface Filed {
  radicado: string;
  trackingCode: string;
  dueDate: string;
}

async function file(overrides: Record<string, unknown> = {}, requester: Record<string, unknown> = {}): Promise<Filed> {
  const res = await app.inject({ method: 'POST', url: '/api/pqrs', payload: validPqrs(overrides, requester) });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

function act(radicado: string, action: string, staffId: number, body?: object) {
  return app.inject({
    method: 'POST',
    url: `/api/admin/pqrs/${radicado}/${action}`,
    headers: headers(staffId),
    ...(body ? { payload: body } : {}),
  });
}

async function ok(radicado: string, action: string, staffId: number, body?: object): Promise<PqrsDetail> {
  const res = await act(radicado, action, staffId, body);
  assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
  return res.json();
}

async function detail(radicado: string, staffId = ADMIN): Promise<PqrsDetail> {
  const res = await app.inject({ method: 'GET', url: `/api/admin/pqrs/${radicado}`, headers: headers(staffId) });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

async function track(f: Filed) {
  const res = await app.inject({ method: 'POST', url: '/api/pqrs/track', payload: { radicado: f.radicado, code: f.trackingCode } });
  assert.equal(res.statusCode, 200, res.body);
  return { json: res.json(), body: res.body };
}

async function putSettings(reviewTypes: unknown, staffId = ADMIN) {
  const current = (await app.inject({ method: 'GET', url: '/api/admin/settings', headers: headers(ADMIN) })).json();
  return app.inject({ method: 'PUT', url: '/api/admin/settings', headers: headers(staffId), payload: { ...current, reviewTypes } });
}

const auditOf = (target: string) =>
  (app.db.prepare('SELECT username, action, details FROM audit_log WHERE target = ? ORDER BY id').all(target) as {
    username: string;
    action: string;
    details: string | null;
  }[]).map((a) => ({ ...a, details: a.details ? (JSON.parse(a.details) as Record<string, unknown>) : null }));

const mailsFor = (radicado: string) =>
  app.db.prepare('SELECT to_address AS "to", subject, body FROM outbox WHERE subject LIKE ? ORDER BY id').all(`%${radicado}%`) as {
    to: string;
    subject: string;
    body: string;
  }[];

const answerFiles = (radicado: string) =>
  app.db
    .prepare("SELECT count(*) FROM pqrs_attachments a JOIN pqrs p ON p.id = a.pqrs_id WHERE p.radicado = ? AND a.kind = 'answer'")
    .pluck()
    .get(radicado) as number;

const ANSWER = 'Adjuntamos el certificado del curso de sistemas que usted terminó en 2025.';

describe('review before answering', () => {
  before(async () => {
    autora = (await staffSession(app, 'autora', 'funcionario')).id;
    otro = (await staffSession(app, 'otro', 'funcionario')).id;
  });

  test('settings: reviewTypes defaults to none, is validated, stored in catalog order and audited', async () => {
    const initial = (await app.inject({ method: 'GET', url: '/api/admin/settings', headers: headers(ADMIN) })).json();
    assert.deepEqual(initial.reviewTypes, []);

    const unknown = await putSettings(['queja', 'chisme']);
    assert.equal(unknown.statusCode, 400, unknown.body);
    assert.deepEqual(unknown.json().fields, { 'reviewTypes.1': 'Tipos con revisión: use una lista con peticion, informacion, consulta, queja, reclamo, sugerencia, denuncia, felicitacion.' });
    const notList = await putSettings('peticion');
    assert.equal(notList.statusCode, 400);
    assert.match(notList.json().fields.reviewTypes, /^Tipos con revisión:/);
    const funcionario = await putSettings(['peticion'], autora);
    assert.equal(funcionario.statusCode, 403, 'only admins change settings');

    const saved = await putSettings(['queja', 'peticion', 'queja']);
    assert.equal(saved.statusCode, 200, saved.body);
    assert.deepEqual(saved.json().reviewTypes, ['peticion', 'queja']);
    const audit = auditOf('reviewTypes').at(-1)!;
    assert.equal(audit.action, 'settings.update');
    assert.deepEqual(audit.details, { reviewTypes: ['peticion', 'queja'] });

    // A client that does not know the field (an older page) leaves it as none: absent means none.
    const { reviewTypes: _drop, ...withoutField } = saved.json();
    const older = await app.inject({ method: 'PUT', url: '/api/admin/settings', headers: headers(ADMIN), payload: withoutField });
    assert.equal(older.statusCode, 200);
    assert.deepEqual(older.json().reviewTypes, []);
    assert.equal((await putSettings(['peticion', 'informacion', 'queja'])).statusCode, 200);
  });

  test('reply → respondida at once when the type does not need review', async () => {
    at('2026-03-02');
    const f = await file({ type: 'sugerencia' });
    const d = await ok(f.radicado, 'reply', autora, { text: ANSWER });
    assert.equal(d.state, 'respondida');
    assert.equal(d.review.required, false);
    assert.equal(d.review.pending, null);
    assert.equal(d.answer!.by!.username, 'autora');
    assert.equal(mailsFor(f.radicado).filter((m) => /respuesta a su solicitud/.test(m.subject)).length, 1);
  });

  test('an admin who is the only reviewer may approve their own answer (recorded as self-approved)', async () => {
    at('2026-03-02');
    const f = await file({ type: 'queja' });
    const waiting = await ok(f.radicado, 'reply', ADMIN, { text: ANSWER });
    assert.equal(waiting.state, 'en_revision');
    assert.equal(waiting.review.pending!.authorIsSoleReviewer, true);
    const d = await ok(f.radicado, 'approve', ADMIN);
    assert.equal(d.state, 'respondida');
    assert.equal(auditOf(f.radicado).at(-1)!.details!.selfApproved, true);
  });

  describe('with a reviewer', () => {
    before(async () => {
      revisora = (await staffSession(app, 'revisora', 'funcionario')).id;
      const res = await app.inject({ method: 'PATCH', url: `/api/admin/users/${revisora}`, headers: headers(ADMIN), payload: { reviewer: true } });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().reviewer, true);
      assert.deepEqual(auditOf('revisora').at(-1)!.details, { reviewer: true });
      const session = await app.inject({ method: 'GET', url: '/api/admin/session', headers: headers(revisora) });
      assert.equal(session.json().user.reviewer, true, 'the staff page learns the role from the session');
    });

    test('the whole path: reply → en_revision, return → back with the comment, answer again, approve → sent', async () => {
      at('2026-03-02');
      // An information request, the one type whose answer may deny access (Ley 1712).
      const f = await file({ type: 'informacion' });
      await ok(f.radicado, 'assign', ADMIN, { staffId: autora });
      await ok(f.radicado, 'start', autora);
      const filedDue = (await detail(f.radicado)).dueDate;

      // reply: kept, not sent. The access-denied flag and the files travel with the kept input.
      at('2026-03-05');
      const res = await app.inject({
        method: 'POST',
        url: `/api/admin/pqrs/${f.radicado}/reply`,
        headers: headers(autora),
        payload: multipart({ text: 'Primera versión de la respuesta, que niega el acceso.', denied: true }, [
          { name: 'Borrador de resolución.pdf', content: PDF, type: 'application/pdf' },
        ]),
      });
      assert.equal(res.statusCode, 200, res.body);
      const waiting = res.json() as PqrsDetail;
      assert.equal(waiting.state, 'en_revision');
      assert.equal(waiting.stateLabel, 'En revisión');
      assert.equal(waiting.answer, null, 'nothing answered yet');
      assert.deepEqual(waiting.actions.sort(), ['approve', 'assign', 'extend', 'return']);
      const p = waiting.review.pending!;
      assert.equal(p.author.username, 'autora');
      assert.equal(p.text, 'Primera versión de la respuesta, que niega el acceso.');
      assert.deepEqual(p.input, { text: 'Primera versión de la respuesta, que niega el acceso.', denied: true });
      assert.equal(p.previousState, 'en_tramite');
      assert.equal(p.authorIsSoleReviewer, false);
      assert.deepEqual(p.attachments.map((a) => [a.index, a.name, a.size]), [[0, 'Borrador de resolución.pdf', PDF.length]]);
      assert.equal(mailsFor(f.radicado).filter((m) => /respuesta/.test(m.subject)).length, 0, 'no e-mail yet');
      assert.equal(answerFiles(f.radicado), 0, 'no answer file the tracker could offer');
      const file0 = await app.inject({ method: 'GET', url: `/api/admin/pqrs/${f.radicado}/review/attachments/0`, headers: headers(revisora) });
      assert.equal(file0.statusCode, 200);
      assert.deepEqual(file0.rawPayload, PDF);
      const file9 = await app.inject({ method: 'GET', url: `/api/admin/pqrs/${f.radicado}/review/attachments/9`, headers: headers(revisora) });
      assert.equal(file9.statusCode, 404);

      // The citizen: the truthful state, never the unapproved text or files.
      const seen = await track(f);
      assert.equal(seen.json.state, 'en_revision');
      assert.equal(seen.json.stateLabel, 'En revisión');
      assert.match(seen.json.stateDescription, /La respuesta está preparada y la está revisando un funcionario/);
      assert.equal(seen.json.events.at(-1).publicNote, REVIEW_PUBLIC_NOTE);
      assert.equal(seen.json.answer, undefined);
      assert.ok(!seen.body.includes('Primera versión') && !seen.body.includes('Borrador de resolución'), seen.body);
      const trackedFile = await app.inject({ method: 'POST', url: `/api/pqrs/track/attachments/0`, payload: { radicado: f.radicado, code: f.trackingCode } });
      assert.notEqual(trackedFile.statusCode, 200);

      // The term keeps running: same due date, days left counted from today, light on.
      at('2026-03-16');
      const running = await detail(f.radicado);
      assert.equal(running.dueDate, filedDue);
      assert.equal(running.clockStopped, false);
      assert.equal(running.businessDaysLeft, businessDaysBetween('2026-03-16', filedDue, calendarRules(app.db)));
      assert.equal(running.light, running.businessDaysLeft! <= 5 ? 'amber' : 'green');

      // Only a reviewer decides; 'otro' has no role and the author cannot approve her own.
      for (const who of [otro, autora]) {
        const refused = await act(f.radicado, 'approve', who);
        assert.equal(refused.statusCode, 403, refused.body);
        assert.equal(refused.json().code, 'forbidden');
        assert.equal((await act(f.radicado, 'return', who, { comment: 'Quiero cambiarla.' })).statusCode, 403);
      }
      assert.equal((await act(f.radicado, 'reply', autora, { text: ANSWER })).statusCode, 409, 'no second answer while one waits');
      const short = await act(f.radicado, 'return', revisora, { comment: 'no' });
      assert.equal(short.statusCode, 400);
      assert.match(short.json().fields.comment, /^Comentario para quien respondió:/);

      // return: back to en_tramite, the comment an internal note, nothing for the citizen.
      const comment = 'Falta citar el artículo 14 de la Ley 1755 y el acceso no debe negarse.';
      const returned = await ok(f.radicado, 'return', revisora, { comment });
      assert.equal(returned.state, 'en_tramite');
      assert.equal(returned.review.pending, null);
      assert.deepEqual(
        returned.review.history.map((h) => [h.decision, h.author, h.reviewer, h.comment]),
        [['returned', 'autora', 'revisora', comment]],
      );
      assert.ok(returned.notes.some((n) => n.author === 'revisora' && n.text.includes(comment)));
      assert.ok(returned.actions.includes('reply'));
      const afterReturn = await track(f);
      assert.equal(afterReturn.json.state, 'en_tramite');
      assert.ok(!afterReturn.body.includes('artículo 14') && !afterReturn.body.includes('Primera versión'));

      // answer again → en_revision; approval sends exactly the kept input.
      at('2026-03-17');
      await ok(f.radicado, 'reply', autora, { text: ANSWER, denied: false });
      at('2026-03-18', '10:30');
      const approved = await ok(f.radicado, 'approve', revisora, { comment: 'Bien fundamentada.' });
      assert.equal(approved.state, 'respondida');
      assert.equal(approved.answer!.text, ANSWER);
      assert.equal(approved.answer!.denied, false);
      assert.equal(approved.answer!.by!.username, 'autora', 'the author answered; the approver is recorded');
      assert.equal(approved.answer!.at, new Date('2026-03-18T10:30:00-05:00').toISOString(), 'answered when approved');
      assert.deepEqual(
        approved.review.history.map((h) => [h.decision, h.reviewer, h.comment]),
        [
          ['returned', 'revisora', comment],
          ['approved', 'revisora', 'Bien fundamentada.'],
        ],
      );
      const mails = mailsFor(f.radicado).filter((m) => /respuesta a su solicitud/.test(m.subject));
      assert.equal(mails.length, 1, 'the e-mail goes out once, on approval');
      assert.equal(mails[0]!.to, 'ana@example.co');
      assert.ok(mails[0]!.body.includes(ANSWER));
      assert.ok(!mails[0]!.body.includes('Primera versión'));
      const published = await track(f);
      assert.equal(published.json.answer.text, ANSWER);

      // Approving twice: 409, nothing changes.
      const twice = await act(f.radicado, 'approve', revisora);
      assert.equal(twice.statusCode, 409, twice.body);
      assert.equal(twice.json().code, 'transition');
      assert.equal(mailsFor(f.radicado).filter((m) => /respuesta a su solicitud/.test(m.subject)).length, 1);

      // Every step audited, by whom, with the transition.
      const audit = auditOf(f.radicado).filter((a) => /^pqrs\.(reply|approve|return)$/.test(a.action));
      assert.deepEqual(
        audit.map((a) => [a.action, a.username, a.details!.from, a.details!.to]),
        [
          ['pqrs.reply', 'autora', 'en_tramite', 'en_revision'],
          ['pqrs.return', 'revisora', 'en_revision', 'en_tramite'],
          ['pqrs.reply', 'autora', 'en_tramite', 'en_revision'],
          ['pqrs.approve', 'revisora', 'en_revision', 'respondida'],
        ],
      );
      const approval = audit.at(-1)!.details!;
      assert.equal(approval.author, 'autora');
      assert.equal(approval.selfApproved, false);
      assert.equal(approval.mailed, true);
      assert.ok(!JSON.stringify(audit).includes('artículo 14'), 'comments stay with the request, not in the audit log');
    });

    test('a reviewer who wrote the answer needs another reviewer; admins review too', async () => {
      at('2026-03-02');
      const f = await file({ type: 'queja' });
      await ok(f.radicado, 'reply', revisora, { text: ANSWER });
      const own = await act(f.radicado, 'approve', revisora);
      assert.equal(own.statusCode, 403);
      assert.equal(own.json().code, 'own-answer');
      const d = await ok(f.radicado, 'approve', ADMIN);
      assert.equal(d.state, 'respondida');
      assert.equal(d.answer!.by!.username, 'revisora');
    });

    test('a returned answer goes back to the state it was written in', async () => {
      at('2026-03-02');
      const f = await file();
      await ok(f.radicado, 'reply', autora, { text: ANSWER });
      const d = await ok(f.radicado, 'return', ADMIN, { comment: 'Primero asigne la solicitud.' });
      assert.equal(d.state, 'radicada');
    });

    test('the inbox: "En revisión" filter, "Esperan mi revisión", and the deadline light on near-due ones', async () => {
      at('2026-03-02');
      const early = await file({ subject: 'Revisión que vence pronto' });
      at('2026-03-20');
      const late = await file({ subject: 'Revisión con tiempo' });
      await ok(early.radicado, 'reply', autora, { text: ANSWER });
      await ok(late.radicado, 'reply', revisora, { text: ANSWER });

      const inbox = async (staffId: number, query: string) => {
        const res = await app.inject({ method: 'GET', url: `/api/admin/pqrs?${query}`, headers: headers(staffId) });
        assert.equal(res.statusCode, 200, res.body);
        return res.json() as { items: { radicado: string; state: string; light: string | null; businessDaysLeft: number | null }[] };
      };
      const inReview = await inbox(ADMIN, 'state=en_revision');
      const radicados = inReview.items.map((i) => i.radicado);
      assert.ok(radicados.includes(early.radicado) && radicados.includes(late.radicado));
      assert.ok(inReview.items.every((i) => i.state === 'en_revision'));
      assert.ok(radicados.indexOf(early.radicado) < radicados.indexOf(late.radicado), 'the nearest due date first');
      const soon = inReview.items.find((i) => i.radicado === early.radicado)!;
      assert.equal(soon.light, 'amber', 'near-due reviews are flagged');
      assert.ok(soon.businessDaysLeft! <= 5);

      const mineForRevisora = (await inbox(revisora, 'review=mine')).items.map((i) => i.radicado);
      assert.ok(mineForRevisora.includes(early.radicado));
      assert.ok(!mineForRevisora.includes(late.radicado), 'not her own answer');
      const mineForAdmin = (await inbox(ADMIN, 'review=mine')).items.map((i) => i.radicado);
      assert.ok(mineForAdmin.includes(early.radicado) && mineForAdmin.includes(late.radicado));
      assert.deepEqual((await inbox(autora, 'review=mine')).items, [], 'nothing waits for a funcionario without the role');
      const bad = await app.inject({ method: 'GET', url: '/api/admin/pqrs?review=todas', headers: headers(ADMIN) });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.json().fields.review, /^Revisión:/);
    });

    test('switching review off later does not release answers already waiting', async () => {
      at('2026-03-02');
      const f = await file({ type: 'queja' });
      await ok(f.radicado, 'reply', autora, { text: ANSWER });
      assert.equal((await putSettings([])).statusCode, 200);
      const d = await detail(f.radicado);
      assert.equal(d.state, 'en_revision');
      assert.equal(d.review.required, false);
      assert.ok(d.review.pending);
      assert.equal((await ok(f.radicado, 'approve', revisora)).state, 'respondida');
      assert.equal((await putSettings(['peticion', 'queja'])).statusCode, 200);
    });
  });
});
