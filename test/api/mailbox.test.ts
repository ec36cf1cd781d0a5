/** The contact mailbox: the citizen's message and acknowledgement, and staff reply and conversion. */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { ADMIN_PASSWORD, openSession, staffHeaders, staffSession } from '../admin-helpers.ts';
import { testApp } from '../helpers.ts';

const now = new Date('2026-12-04T20:00:00Z'); // Friday 4 December 2026, 15:00 in Bogotá
const { app } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD }, () => now);
const limited = await testApp({ ECAM_RATE_LIMIT: 'on', ECAM_RATE_LIMIT_MAX: '3' });
after(async () => {
  await app.close();
  await limited.app.close();
});

const valid = (overrides: Record<string, unknown> = {}) => ({
  name: 'Diana Rojas',
  email: 'diana@example.co',
  subject: 'Horario de la sede',
  message: '¿Cuál es el horario de atención de la sede del centro en diciembre?',
  consent: true,
  ...overrides,
});
const send = (payload: object, target = app) => target.inject({ method: 'POST', url: '/api/mailbox', payload });
const lastMail = () => app.db.prepare('SELECT to_address AS "to", subject, body FROM outbox ORDER BY id DESC LIMIT 1').get() as { to: string; subject: string; body: string };

describe('the citizen writes', () => {
  test('201 with the id; stored with consent; an acknowledgement e-mail is queued', async () => {
    const res = await send(valid({ message: 'Hola <b>equipo</b>, ¿cuál es el horario en diciembre?' }));
    assert.equal(res.statusCode, 201, res.body);
    const { id } = res.json();
    const row = app.db.prepare('SELECT * FROM mailbox_messages WHERE id = ?').get(id) as Record<string, string>;
    assert.equal(row.state, 'nuevo');
    assert.equal(row.message, 'Hola <b>equipo</b>, ¿cuál es el horario en diciembre?', 'plain text, as typed');
    assert.equal(row.consent_at, now.toISOString());
    assert.equal(row.consent_policy, app.config.policyVersion);
    assert.equal(row.consent_ip, '127.0.0.1');
    const mail = lastMail();
    assert.equal(mail.to, 'diana@example.co');
    assert.equal(mail.subject, 'Recibimos su mensaje: Horario de la sede');
    assert.ok(mail.body.includes('Cordial saludo, Diana Rojas:'));
    assert.ok(mail.body.includes('2026-12-04 15:00'));
  });

  test('400 in Spanish per field', async () => {
    const res = await send({ name: 'D', email: 'diana', subject: 'ab', message: 'corto', consent: false, website: 'x' });
    assert.equal(res.statusCode, 400);
    const { fields } = res.json();
    assert.equal(fields.name, 'Nombre: escriba al menos 2 caracteres.');
    assert.match(fields.email, /^Correo electrónico: escriba una dirección válida/);
    assert.equal(fields.subject, 'Asunto: escriba al menos 3 caracteres.');
    assert.equal(fields.message, 'Mensaje: escriba al menos 10 caracteres.');
    assert.match(fields.consent, /^Autorización de datos:/);
    assert.equal(fields.website, 'Deje este campo vacío.');
    assert.equal((await send(valid({ message: 'x'.repeat(5001) }))).json().fields.message, 'Mensaje: máximo 5000 caracteres.');
    assert.equal((await send(valid({ email: undefined }))).json().fields.email, 'Correo electrónico: es obligatorio.');
  });

  test('429 per IP when limits are on', async () => {
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await send(valid(), limited.app)).statusCode);
    assert.deepEqual(codes, [201, 201, 201, 429]);
    const res = await send(valid(), limited.app);
    assert.match(res.json().error, /^Demasiadas solicitudes/);
  });
});

describe('staff', () => {
  test('list with search and state; detail; reply by e-mail (respondido, audited)', async () => {
    const { id } = (await send(valid({ subject: 'Certificado perdido', message: 'Perdí el certificado del curso 4455, ¿cómo pido otro?' }))).json();
    const agent = await staffSession(app, 'buzon.agente', 'funcionario');
    const headers = staffHeaders(agent);
    const list = (q: string) => app.inject({ url: `/api/admin/mailbox?${q}`, headers }).then((r) => r.json());
    assert.deepEqual((await list('q=4455')).items.map((i: { id: number }) => i.id), [id]);
    assert.ok((await list('state=nuevo')).items.some((i: { id: number }) => i.id === id));
    assert.equal((await app.inject({ url: '/api/admin/mailbox?state=x', headers })).statusCode, 400);

    const reply = await app.inject({
      method: 'POST',
      url: `/api/admin/mailbox/${id}/reply`,
      headers,
      payload: { body: 'Puede pedir el duplicado en la secretaría académica.' },
    });
    assert.equal(reply.statusCode, 200, reply.body);
    const detail = reply.json();
    assert.equal(detail.state, 'respondido');
    assert.equal(detail.message, 'Perdí el certificado del curso 4455, ¿cómo pido otro?');
    assert.deepEqual(detail.replies.map((r: { body: string; staffName: string }) => [r.body, r.staffName]), [
      ['Puede pedir el duplicado en la secretaría académica.', 'buzon.agente'],
    ]);
    const mail = lastMail();
    assert.equal(mail.to, 'diana@example.co');
    assert.equal(mail.subject, 'Re: Certificado perdido');
    assert.ok(mail.body.includes('Puede pedir el duplicado en la secretaría académica.'));
    assert.ok(mail.body.includes('> Perdí el certificado del curso 4455, ¿cómo pido otro?'));
    const audit = app.db.prepare("SELECT action, staff_id AS staffId FROM audit_log WHERE target = ?").all(`mailbox:${id}`);
    assert.deepEqual(audit, [{ action: 'mailbox.reply', staffId: agent.id }]);
    assert.equal((await app.inject({ method: 'POST', url: `/api/admin/mailbox/${id}/reply`, headers, payload: { body: ' ' } })).statusCode, 400);
    assert.equal((await app.inject({ url: '/api/admin/mailbox/999999', headers })).statusCode, 404);
  });

  test('convert to a PQRSD: radicado, due date, the message as description, the citizen e-mailed the radicado', async () => {
    const { id } = (await send(valid({ subject: 'Queja por atención', message: 'El viernes me atendieron de mala manera en la ventanilla 2.' }))).json();
    const headers = staffHeaders(openSession(app, 1));
    const res = await app.inject({ method: 'POST', url: `/api/admin/mailbox/${id}/convert`, headers, payload: { type: 'queja' } });
    assert.equal(res.statusCode, 200, res.body);
    const { radicado, dueDate } = res.json();
    // Received Friday 4 December 2026; 15 business days skipping 8 and 25 December: Tuesday 29 (DOMAIN.md's example).
    assert.equal(dueDate, '2026-12-29');
    const pqrs = app.db.prepare('SELECT * FROM pqrs WHERE radicado = ?').get(radicado) as Record<string, string>;
    assert.equal(pqrs.type, 'queja');
    assert.equal(pqrs.name, 'Diana Rojas');
    assert.equal(pqrs.response_channel, 'email');
    assert.ok(pqrs.description.endsWith('El viernes me atendieron de mala manera en la ventanilla 2.'));
    const mail = lastMail();
    assert.equal(mail.to, 'diana@example.co');
    assert.ok(mail.subject.includes(radicado));
    // This citizen never saw a tracking code: the e-mail says where the answer will come instead.
    assert.match(mail.body, /Le enviaremos la respuesta a este correo electrónico\./);
    assert.doesNotMatch(mail.body, /código de seguimiento/);
    const detail = (await app.inject({ url: `/api/admin/mailbox/${id}`, headers })).json();
    assert.equal(detail.state, 'convertido');
    assert.equal(detail.radicado, radicado);
    assert.equal((await app.inject({ method: 'POST', url: `/api/admin/mailbox/${id}/convert`, headers, payload: { type: 'queja' } })).statusCode, 409);
    assert.equal((await app.inject({ method: 'POST', url: `/api/admin/mailbox/${id}/convert`, headers, payload: { type: 'x' } })).statusCode, 400);
  });
});
