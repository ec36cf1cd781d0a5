import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { bogotaDate, computeDeadline } from '../../api/calendar/calendar.ts';
import type { Config } from '../../api/config.ts';
import { PQRS_TYPES, PQRS_TYPE_VALUES } from '../../api/pqrs/catalog.ts';
import { hashTrackingCode } from '../../api/pqrs/tracking-code.ts';
import { multipart, testApp, validPqrs } from '../helpers.ts';

const RADICADO = /^ECAM-\d{4}-\d{6}$/;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

let app: FastifyInstance;
let config: Config;
let base: string;

before(async () => {
  ({ app, config } = await testApp({ ECAM_MAX_FILE_MB: '0.05', ECAM_MAX_FILES: '2' }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
after(() => app.close());

const post = (body: unknown) => app.inject({ method: 'POST', url: '/api/pqrs', payload: body as object });
const count = (table: string) => (app.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const uploads = () => fs.readdirSync(config.uploadsDir);

describe('POST /api/pqrs, happy path', () => {
  for (const type of PQRS_TYPE_VALUES) {
    test(`files a ${type} with radicado, legal due date and hashed tracking code`, async () => {
      const res = await post(validPqrs({ type }));
      assert.equal(res.statusCode, 201, res.body);
      const body = res.json();
      assert.match(body.radicado, RADICADO);
      assert.match(body.trackingCode, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
      assert.equal(body.type, type);
      assert.equal(body.businessDays, PQRS_TYPES[type].businessDays);
      const expected = computeDeadline(new Date(body.receivedAt), PQRS_TYPES[type].businessDays, { closureDays: new Set() });
      assert.equal(body.dueDate, expected.dueDate);
      assert.equal(body.effectiveReceipt, expected.effectiveReceipt);

      const row = app.db.prepare('SELECT * FROM pqrs WHERE radicado = ?').get(body.radicado) as Record<string, unknown>;
      assert.equal(row.type, type);
      assert.equal(row.name, 'Ana María Pérez');
      assert.equal(row.tracking_hash, hashTrackingCode(body.radicado, body.trackingCode));
      assert.ok(!JSON.stringify(row).includes(body.trackingCode), 'the code itself is never stored');
      assert.equal(row.consent_policy, config.policyVersion);
      assert.equal(row.consent_ip, '127.0.0.1');
      assert.equal(row.consent_at, body.receivedAt);
      const events = app.db.prepare('SELECT state FROM pqrs_events WHERE pqrs_id = ?').all(row.id);
      assert.deepEqual(events, [{ state: 'radicada' }]);
    });
  }

  test('queues the acknowledgement e-mail with radicado, date and due date, but not the code', async () => {
    const res = await post(validPqrs({}, { email: 'acuse@example.co' }));
    const { radicado, trackingCode } = res.json();
    const mail = app.db.prepare('SELECT * FROM outbox WHERE to_address = ?').get('acuse@example.co') as Record<string, string>;
    assert.match(mail.subject, new RegExp(radicado));
    assert.match(mail.body, /Fecha límite de respuesta: .*2\d{3}/);
    assert.ok(!mail.body.includes(trackingCode));
  });

  test('an anonymous request is accepted and keeps no personal data', async () => {
    const res = await post(validPqrs({ type: 'denuncia', responseChannel: 'online' }, { kind: 'anonimo' }));
    assert.equal(res.statusCode, 201, res.body);
    const row = app.db.prepare('SELECT * FROM pqrs WHERE radicado = ?').get(res.json().radicado) as Record<string, unknown>;
    assert.equal(row.requester_kind, 'anonimo');
    for (const k of ['name', 'email', 'phone', 'address', 'city', 'document_number', 'document_type']) assert.equal(row[k], null, k);
    const mails = app.db.prepare('SELECT count(*) AS n FROM outbox WHERE subject LIKE ?').get(`%${res.json().radicado}%`);
    assert.deepEqual(mails, { n: 0 });
  });

  test('a legal person files with NIT; text is trimmed and normalised', async () => {
    const res = await post(
      validPqrs({ subject: '  Cotización  de cursos  ', responseChannel: 'postal' }, { kind: 'juridica', documentType: 'NIT', documentNumber: '900123456-7', name: 'Empresa S.A.S.' }),
    );
    assert.equal(res.statusCode, 201, res.body);
    const row = app.db.prepare('SELECT subject FROM pqrs WHERE radicado = ?').get(res.json().radicado) as { subject: string };
    assert.equal(row.subject, 'Cotización  de cursos');
  });
});

describe('POST /api/pqrs, bad input: 400 with a Spanish message per field, nothing stored', () => {
  const cases: [string, unknown, Record<string, RegExp>][] = [
    ['empty object', {}, { type: /Tipo de solicitud/, subject: /Asunto: es obligatorio/, description: /Descripción/, consent: /Autorización/, requester: /solicitante/i }],
    ['unknown type', validPqrs({ type: 'tutela' }), { type: /Tipo de solicitud/ }],
    ['short subject', validPqrs({ subject: 'abc' }), { subject: /Asunto: escriba al menos 5/ }],
    ['subject too long', validPqrs({ subject: 'a'.repeat(201) }), { subject: /Asunto: máximo 200/ }],
    ['short description', validPqrs({ description: 'corta' }), { description: /Descripción: escriba al menos 20/ }],
    ['description of spaces', validPqrs({ description: ' '.repeat(50) }), { description: /Descripción/ }],
    ['control characters', validPqrs({ subject: 'Hola\u0000mundo cruel' }), { subject: /caracteres no permitidos/ }],
    ['subject not a string', validPqrs({ subject: 42 }), { subject: /Asunto: debe ser un texto/ }],
    ['consent false', validPqrs({ consent: false }), { consent: /Autorización de datos/ }],
    ['consent as string', validPqrs({ consent: 'true' }), { consent: /Autorización de datos/ }],
    ['no channel', validPqrs({ responseChannel: 'fax' }), { responseChannel: /Medio de respuesta/ }],
    ['bad e-mail', validPqrs({}, { email: 'ana@' }), { 'requester.email': /Correo electrónico: escriba una dirección válida/ }],
    ['e-mail channel without e-mail', validPqrs({}, { email: '' }), { 'requester.email': /necesario para recibir la respuesta/ }],
    ['postal channel without address', validPqrs({ responseChannel: 'postal' }, { address: '', city: '' }), { 'requester.address': /Dirección/, 'requester.city': /Municipio/ }],
    ['no name', validPqrs({}, { name: '' }), { 'requester.name': /Nombre: es obligatorio/ }],
    ['company without name', validPqrs({}, { kind: 'juridica', documentType: 'NIT', name: undefined }), { 'requester.name': /Razón social/ }],
    ['document number without type', validPqrs({}, { documentType: '' }), { 'requester.documentType': /Tipo de documento/ }],
    ['type without number', validPqrs({}, { documentNumber: '' }), { 'requester.documentNumber': /Número de documento/ }],
    ['unknown document type', validPqrs({}, { documentType: 'DNI' }), { 'requester.documentType': /Tipo de documento/ }],
    ['NIT for a person', validPqrs({}, { documentType: 'NIT' }), { 'requester.documentType': /NIT/ }],
    ['CC for a company', validPqrs({}, { kind: 'juridica', documentType: 'CC' }), { 'requester.documentType': /NIT/ }],
    ['bad document number', validPqrs({}, { documentNumber: '12 34<script>' }), { 'requester.documentNumber': /Número de documento/ }],
    ['bad phone', validPqrs({}, { phone: '12ab' }), { 'requester.phone': /Teléfono/ }],
    ['unknown requester kind', validPqrs({}, { kind: 'robot' }), { 'requester.kind': /Tipo de solicitante/ }],
    ['anonymous by e-mail', validPqrs({}, { kind: 'anonimo' }), { responseChannel: /anónima/ }],
    ['honeypot filled', validPqrs({ website: 'http://spam.example' }), { website: /vacío/ }],
    ['an array', [1, 2], { body: /objeto JSON/ }],
  ];
  for (const [name, body, expected] of cases) {
    test(name, async () => {
      const before = count('pqrs');
      const res = await post(body);
      assert.equal(res.statusCode, 400, res.body);
      const json = res.json();
      assert.equal(json.error, 'Revise los campos marcados.');
      for (const [field, message] of Object.entries(expected)) assert.match(json.fields[field] ?? '', message, `${field} in ${res.body}`);
      assert.equal(count('pqrs'), before);
    });
  }

  test('malformed JSON and wrong content types get Spanish 4xx', async () => {
    const bad = await app.inject({ method: 'POST', url: '/api/pqrs', headers: { 'content-type': 'application/json' }, payload: '{"type":' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error, /no es un JSON válido/);
    const xml = await app.inject({ method: 'POST', url: '/api/pqrs', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    assert.equal(xml.statusCode, 415);
    assert.match(xml.json().error, /Tipo de contenido no admitido/);
    const empty = await app.inject({ method: 'POST', url: '/api/pqrs' });
    assert.equal(empty.statusCode, 400);
    assert.equal(empty.json().fields.body, 'El cuerpo de la solicitud debe ser un objeto JSON.');
  });

  test('a multipart body the parser cannot read gets a Spanish 400, never a 5xx', async () => {
    const bodies: [string, string][] = [
      ['multipart/form-data; boundary=otro', '--x\r\nContent-Disposition: form-data; name="data"\r\n\r\n{}\r\n'],
      ['multipart/form-data', 'sin límite de partes'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="data"\r\n\r\n{}'],
    ];
    for (const [type, payload] of bodies) {
      const res = await app.inject({ method: 'POST', url: '/api/pqrs', headers: { 'content-type': type }, payload });
      assert.equal(res.statusCode, 400, res.body);
      assert.match(res.json().error, /incompleto o mal formado/);
    }
  });

  test('an undecodable URL gets a Spanish JSON 400', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/surveys/%E0%A4%A' });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().error, /no son válidos/);
  });

  test('an unknown route answers a JSON 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nada' });
    assert.equal(res.statusCode, 404);
    assert.match(res.json().error, /No existe la ruta/);
  });
});

describe('POST /api/pqrs with attachments (multipart, over real HTTP)', () => {
  const send = (data: unknown, files: Parameters<typeof multipart>[1]) =>
    fetch(`${base}/api/pqrs`, { method: 'POST', body: multipart(data, files) });

  test('stores good files under random names, typed by content', async () => {
    const res = await send(validPqrs(), [
      { name: 'carta.pdf', content: PDF },
      { name: 'foto sin extension', content: PNG },
    ]);
    assert.equal(res.status, 201, await res.clone().text());
    const { radicado } = await res.json();
    const rows = app.db
      .prepare('SELECT a.* FROM pqrs_attachments a JOIN pqrs p ON p.id = a.pqrs_id WHERE p.radicado = ? ORDER BY a.id')
      .all(radicado) as { original_name: string; stored_name: string; mime: string; size: number }[];
    assert.deepEqual(rows.map((r) => [r.original_name, r.mime, r.size]), [
      ['carta.pdf', 'application/pdf', PDF.length],
      ['foto sin extension', 'image/png', PNG.length],
    ]);
    for (const r of rows) {
      assert.match(r.stored_name, /^[0-9a-f]{32}$/);
      assert.deepEqual(fs.readFileSync(`${config.uploadsDir}/${r.stored_name}`), r.mime === 'image/png' ? PNG : PDF);
    }
  });

  test('accepts plain text and rejects a binary renamed .txt', async () => {
    const ok = await send(validPqrs(), [{ name: 'nota.txt', content: 'Hola, adjunto los hechos.\nGracias.' }]);
    assert.equal(ok.status, 201);
    const bad = await send(validPqrs(), [{ name: 'nota.txt', content: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]) }]);
    assert.equal(bad.status, 415);
  });

  test('a file of a forbidden type by content gets 415 naming it, and nothing is stored', async () => {
    const before = [count('pqrs'), uploads().length];
    const res = await send(validPqrs(), [
      { name: 'bueno.pdf', content: PDF },
      { name: 'factura.pdf', content: Buffer.from('MZ\x90\x00binario de windows', 'latin1') },
    ]);
    assert.equal(res.status, 415);
    const body = await res.json();
    assert.match(body.fields.attachments, /«factura.pdf» no es un tipo de archivo permitido/);
    assert.deepEqual([count('pqrs'), uploads().length], before);
  });

  test('a file over the size limit gets 413, and nothing is stored', async () => {
    const before = [count('pqrs'), uploads().length];
    const res = await send(validPqrs(), [{ name: 'grande.pdf', content: Buffer.concat([PDF, Buffer.alloc(60 * 1024, 32)]) }]);
    assert.equal(res.status, 413);
    assert.match((await res.json()).fields.attachments, /supera el tamaño máximo/);
    assert.deepEqual([count('pqrs'), uploads().length], before);
  });

  test('more files than allowed gets 413, and nothing is stored', async () => {
    const before = [count('pqrs'), uploads().length];
    const res = await send(validPqrs(), [1, 2, 3].map((i) => ({ name: `${i}.pdf`, content: PDF })));
    assert.equal(res.status, 413);
    assert.match((await res.json()).fields.attachments, /más archivos de los permitidos/);
    assert.deepEqual([count('pqrs'), uploads().length], before);
  });

  test('invalid fields with files: 400 per field and the files are discarded', async () => {
    const before = uploads().length;
    const res = await send(validPqrs({ subject: '' }), [{ name: 'carta.pdf', content: PDF }]);
    assert.equal(res.status, 400);
    assert.match((await res.json()).fields.subject, /Asunto/);
    assert.equal(uploads().length, before);
  });

  test('a data field that is not JSON gets 400', async () => {
    const form = new FormData();
    form.append('data', '{no es json');
    const res = await fetch(`${base}/api/pqrs`, { method: 'POST', body: form });
    assert.equal(res.status, 400);
    assert.match((await res.json()).error, /«data» no es un JSON válido/);
  });
});

test('200 simultaneous filings get 200 distinct, consecutive radicados', async () => {
  const year = Number(bogotaDate(new Date()).slice(0, 4));
  const last = () =>
    (app.db.prepare('SELECT last FROM radicado_sequences WHERE prefix = ? AND year = ?').get('ECAM', year) as { last: number } | undefined)?.last ?? 0;
  const start = last();
  const responses = await Promise.all(
    Array.from({ length: 200 }, () =>
      fetch(`${base}/api/pqrs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(validPqrs()) }),
    ),
  );
  const radicados = await Promise.all(responses.map(async (r) => (assert.equal(r.status, 201), (await r.json()).radicado as string)));
  const numbers = radicados.map((r) => Number(r.slice(-6))).sort((a, b) => a - b);
  assert.equal(new Set(radicados).size, 200);
  assert.deepEqual(numbers, Array.from({ length: 200 }, (_, i) => start + 1 + i));
  assert.equal(last(), start + 200);
});
