/**
 * Data-subject operations (Ley 1581): an admin exports everything stored about an e-mail or a
 * document number and anonymises it; the legal record stays, the personal fields go, and
 * both actions are audited without the address or the number.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { chatStore } from '../../api/chat/store.ts';
import { ADMIN_PASSWORD, openSession, staffHeaders, staffSession, type StaffSession } from '../admin-helpers.ts';
import { testApp, validPqrs } from '../helpers.ts';

const { app } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD });
after(() => app.close());

const PERSON = { name: 'Rosalba Mantilla', email: 'Rosalba.Mantilla@example.co', documentNumber: '63.456.789', phone: '3157778899', address: 'Calle 9 # 10-11', city: 'Girón' };
const OTHER = { name: 'Otro Ciudadano', email: 'otro@example.co', documentNumber: '1111111' };

let admin: StaffSession;
const filed: { radicado: string; trackingCode: string }[] = [];

const post = (url: string, payload: Record<string, unknown>, session: StaffSession = admin) =>
  app.inject({ method: 'POST', url: `/api/admin/privacy${url}`, headers: staffHeaders(session), payload });

before(async () => {
  admin = openSession(app, 1);
  // Two requests by e-mail and by document (written differently), one by someone else.
  filed.push((await app.inject({ method: 'POST', url: '/api/pqrs', payload: validPqrs({}, PERSON) })).json());
  filed.push((await app.inject({ method: 'POST', url: '/api/pqrs', payload: validPqrs({ responseChannel: 'online' }, { ...PERSON, email: undefined, documentNumber: '63456789' }) })).json());
  filed.push((await app.inject({ method: 'POST', url: '/api/pqrs', payload: validPqrs({}, OTHER) })).json());
  const mailbox = await app.inject({
    method: 'POST',
    url: '/api/mailbox',
    payload: { name: PERSON.name, email: PERSON.email.toLowerCase(), subject: 'Horario de la biblioteca', message: 'Quisiera saber el horario de la biblioteca en diciembre.', consent: true },
  });
  assert.equal(mailbox.statusCode, 201, mailbox.body);
  const chats = chatStore(app.db);
  const at = app.now().toISOString();
  const id = chats.insertConversation({ tokenHash: 'x'.repeat(64), name: PERSON.name, email: PERSON.email, topic: 'Certificados', at, consentPolicy: '2026-01', consentIp: '10.1.2.3' });
  chats.insertMessage({ conversationId: id, author: 'citizen', staffId: null, body: 'Hola, necesito mi certificado.', at });
});

describe('export', () => {
  test('finds everything by e-mail (any case) or by document (any punctuation)', async () => {
    const res = await post('/export', { email: 'rosalba.mantilla@EXAMPLE.co', documentNumber: '63456789' });
    assert.equal(res.statusCode, 200, res.body);
    const data = res.json();
    assert.deepEqual(data.pqrs.map((p: { radicado: string }) => p.radicado), [filed[0]!.radicado, filed[1]!.radicado]);
    const first = data.pqrs[0];
    assert.equal(first.requester.name, PERSON.name);
    assert.equal(first.requester.phone, PERSON.phone);
    assert.equal(first.consent.policy, '2026-01');
    assert.equal(first.events[0].state, 'radicada');
    assert.deepEqual(first.attachments, []);
    assert.equal(data.mailbox.length, 1);
    assert.equal(data.chats.length, 1);
    assert.equal(data.chats[0].messages[0].body, 'Hola, necesito mi certificado.');
    assert.ok(data.emails.length >= 1, 'the acknowledgement e-mail');
    assert.ok(!JSON.stringify(data).includes(OTHER.name), 'nobody else');
  });

  test('by document alone finds only the requests with that document', async () => {
    const data = (await post('/export', { documentNumber: '63 456 789' })).json();
    assert.equal(data.pqrs.length, 2);
    assert.equal(data.chats.length, 0);
  });

  test('nothing given, or a malformed e-mail: 400 naming the field', async () => {
    const none = await post('/export', {});
    assert.equal(none.statusCode, 400);
    assert.ok(none.json().fields.email);
    const bad = await post('/export', { email: 'no-es-correo' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().fields.email, /Correo electrónico/);
  });

  test('is for admins only', async () => {
    const funcionario = await staffSession(app, 'funcionario-datos', 'funcionario');
    assert.equal((await post('/export', { email: PERSON.email }, funcionario)).statusCode, 403);
    assert.equal((await post('/anonymise', { email: PERSON.email }, funcionario)).statusCode, 403);
  });
});

describe('anonymise', () => {
  test('blanks the personal fields, keeps the legal record, audits without the address', async () => {
    const res = await post('/anonymise', { email: PERSON.email, documentNumber: PERSON.documentNumber });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().pqrs, [filed[0]!.radicado, filed[1]!.radicado]);
    assert.equal(res.json().chats, 1);
    assert.equal(res.json().mailbox, 1);

    const row = app.db.prepare('SELECT * FROM pqrs WHERE radicado = ?').get(filed[0]!.radicado) as Record<string, unknown>;
    for (const k of ['name', 'email', 'document_number', 'document_type', 'phone', 'address', 'city']) assert.equal(row[k], null, k);
    assert.equal(row.consent_ip, '');
    assert.equal(row.subject, validPqrs().subject);
    assert.equal(row.description, validPqrs().description);
    assert.ok(row.consent_at);

    // Still trackable by the citizen with the code: the record is whole.
    const track = await app.inject({ method: 'POST', url: '/api/pqrs/track', payload: { radicado: filed[0]!.radicado, code: filed[0]!.trackingCode } });
    assert.equal(track.statusCode, 200);

    const dump = JSON.stringify([
      app.db.prepare('SELECT * FROM pqrs').all(),
      app.db.prepare('SELECT * FROM chat_conversations').all(),
      app.db.prepare('SELECT * FROM mailbox_messages').all(),
      app.db.prepare('SELECT * FROM outbox').all(),
      app.db.prepare('SELECT * FROM audit_log').all(),
    ]).toLowerCase();
    for (const trace of [PERSON.name, PERSON.email, PERSON.phone, PERSON.address, '63456789', '63.456.789', '10.1.2.3']) {
      assert.ok(!dump.includes(trace.toLowerCase()), `${trace} is gone`);
    }
    assert.ok(dump.includes(OTHER.email), "someone else's data is untouched");
    assert.equal(app.db.prepare("SELECT count(*) FROM chat_messages").pluck().get(), 1, 'the transcript stays');

    const audit = app.db.prepare("SELECT action, target, details FROM audit_log WHERE action LIKE 'privacy.%' ORDER BY id").all() as { action: string; target: string }[];
    assert.deepEqual([...new Set(audit.map((a) => a.action))], ['privacy.export', 'privacy.anonymise']);
    assert.equal(audit.at(-1)!.target, `${filed[0]!.radicado}, ${filed[1]!.radicado}`);

    const after = (await post('/export', { email: PERSON.email })).json();
    assert.equal(after.pqrs.length + after.chats.length + after.mailbox.length + after.emails.length, 0);
  });
});
