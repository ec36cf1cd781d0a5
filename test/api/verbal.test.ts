/**
 * Verbal petitions (Decreto 1166 de 2016) through the staff API: filing at once through the
 * common path, every field of the constancia in the JSON and in the PDF (read back with
 * pdf-parse), the e-mail with the tracking code, 400s naming each field, the audit entry, the
 * channel in the inbox, the request's detail and the report, and the normal workflow afterwards.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PDFParse } from 'pdf-parse';
import { pdfText } from '../../api/documents/pdf.ts';
import { verbalStatement } from '../../api/pqrs/verbal.ts';
import type { Constancia, VerbalFiled } from '../../api/pqrs/verbal-schemas.ts';
import { ADMIN_PASSWORD, openSession, staffHeaders, staffSession } from '../admin-helpers.ts';
import { multipart, testApp } from '../helpers.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');

// Friday 4 December 2026, 10:30 in Bogotá: a peticion (15 business days) is due Tuesday 29 December.
const clock = new Date('2026-12-04T15:30:00Z');
const { app } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD }, () => clock);
after(() => app.close());

let officialId: number;
before(async () => {
  officialId = (await staffSession(app, 'íñigo.núñez', 'funcionario')).id;
  app.db.prepare("UPDATE staff SET name = 'Íñigo Núñez Peñaloza' WHERE id = ?").run(officialId);
});
const headers = () => staffHeaders(openSession(app, officialId));

/** A complete verbal petition; `overrides` replace top-level fields, `requester` merges. */
function verbalBody(overrides: Record<string, unknown> = {}, requester: Record<string, unknown> = {}) {
  return {
    channel: 'telefonica',
    type: 'peticion',
    requester: {
      kind: 'natural',
      name: 'José Ángel Muñoz Ibáñez',
      documentType: 'CC',
      documentNumber: '91.234.567',
      email: 'jose.munoz@example.co',
      phone: '300 765 4321',
      address: 'Carrera 8 # 4-15, barrio Caña Dulce',
      city: 'Floridablanca',
      ...requester,
    },
    representative: { name: 'María Fernanda Güiza Peña', documentType: 'CE', documentNumber: 'E-445566' },
    object: '¿Cuándo abren las inscripciones del curso de atención al ciudadano? Pido información sobre el cupo.',
    reasons: 'Soy funcionario de la alcaldía y necesito el curso para mi evaluación de desempeño del año.',
    paperAnnexes: ['Copia de la cédula (1 folio)', 'Certificación laboral de la alcaldía'],
    consent: true,
    verbalStatement: true,
    ...overrides,
  };
}

async function fileVerbal(body: unknown = verbalBody(), files: { name: string; content: Buffer; type?: string }[] = []) {
  return app.inject({
    method: 'POST',
    url: '/api/admin/pqrs/verbal',
    headers: headers(),
    payload: files.length ? multipart(body, files) : (body as object),
  });
}

/** Every value a constancia must show, as it must read. */
function expectedTexts(c: Constancia): string[] {
  return [
    c.radicado,
    'viernes, 4 de diciembre de 2026', // date of receipt
    '10:30', // time of receipt (Bogotá)
    'Verbal telefónica',
    'Petición',
    'martes, 29 de diciembre de 2026', // due date
    'José Ángel Muñoz Ibáñez',
    'Cédula de ciudadanía 91.234.567',
    'María Fernanda Güiza Peña',
    'Cédula de extranjería E-445566',
    'jose.munoz@example.co',
    'Carrera 8 # 4-15, barrio Caña Dulce, Floridablanca',
    '¿Cuándo abren las inscripciones del curso de atención al ciudadano?',
    'necesito el curso para mi evaluación de desempeño',
    'cédula escaneada.pdf',
    'Copia de la cédula (1 folio)',
    'Certificación laboral de la alcaldía',
    'Íñigo Núñez Peñaloza',
    'presentada verbalmente, por vía telefónica',
    'Decreto 1166 de 2016',
    'Seguimiento de solicitudes',
  ];
}

describe('filing a verbal petition', () => {
  let filed: VerbalFiled;

  before(async () => {
    const res = await fileVerbal(verbalBody(), [{ name: 'cédula escaneada.pdf', content: PDF, type: 'application/pdf' }]);
    assert.equal(res.statusCode, 201, res.body);
    filed = res.json();
  });

  test('gets a radicado, a tracking code shown once, and the due date of a written petition', () => {
    assert.match(filed.radicado, /^ECAM-2026-\d{6}$/);
    assert.match(filed.trackingCode, /^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    assert.equal(filed.receivedAt, clock.toISOString());
    assert.equal(filed.dueDate, '2026-12-29');
    assert.equal(filed.businessDays, 15);
    assert.equal(filed.mailed, true);
    const row = app.db.prepare('SELECT channel, tracking_hash, response_channel, subject, state FROM pqrs WHERE radicado = ?').get(filed.radicado) as Record<string, string>;
    assert.equal(row.channel, 'telefonica');
    assert.equal(row.response_channel, 'email');
    assert.equal(row.state, 'radicada');
    assert.ok(!row.tracking_hash.includes(filed.trackingCode), 'the code is stored only hashed');
  });

  test('the constancia JSON carries every field of Decreto 1166 de 2016', async () => {
    const c = filed.constancia;
    assert.equal(c.radicado, filed.radicado);
    assert.equal(c.receivedAt, clock.toISOString());
    assert.equal(c.channel, 'telefonica');
    assert.equal(c.type, 'peticion');
    assert.deepEqual(c.requester, { kind: 'natural', name: 'José Ángel Muñoz Ibáñez', documentType: 'CC', documentNumber: '91.234.567' });
    assert.deepEqual(c.representative, { name: 'María Fernanda Güiza Peña', documentType: 'CE', documentNumber: 'E-445566' });
    assert.deepEqual(c.answerAddress, {
      email: 'jose.munoz@example.co',
      address: 'Carrera 8 # 4-15, barrio Caña Dulce',
      city: 'Floridablanca',
      phone: '300 765 4321',
    });
    assert.match(c.object, /^¿Cuándo abren/);
    assert.match(c.reasons, /evaluación de desempeño/);
    assert.deepEqual(c.annexes.paper, ['Copia de la cédula (1 folio)', 'Certificación laboral de la alcaldía']);
    assert.deepEqual(c.annexes.files.map((f) => [f.name, f.mime]), [['cédula escaneada.pdf', 'application/pdf']]);
    assert.deepEqual(c.official, { name: 'Íñigo Núñez Peñaloza', username: 'íñigo.núñez' });
    assert.equal(c.statement, verbalStatement('telefonica'));
    assert.match(c.statement, /presentada verbalmente, por vía telefónica/);
    assert.equal(c.dueDate, '2026-12-29');
    assert.match(c.howToTrack, /Seguimiento de solicitudes/);

    const again = await app.inject({ url: `/api/admin/pqrs/${filed.radicado.toLowerCase()}/constancia`, headers: headers() });
    assert.equal(again.statusCode, 200);
    assert.deepEqual(again.json(), c);
    assert.ok(!again.body.includes(filed.trackingCode), 'a later copy never has the code');
  });

  test('the PDF carries every field, accents included, and never the tracking code', async () => {
    const res = await app.inject({ url: `/api/admin/pqrs/${filed.radicado}/constancia.pdf`, headers: headers() });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.match(String(res.headers['content-disposition']), new RegExp(`attachment; filename="constancia-${filed.radicado}.pdf"`));
    const parser = new PDFParse({ data: res.rawPayload });
    const { text } = await parser.getText();
    const info = await parser.getInfo();
    await parser.destroy();
    // pdf-parse keeps line breaks where the PDF wraps; compare with single spaces.
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of expectedTexts(filed.constancia)) assert.ok(flat.includes(expected), `the PDF shows «${expected}»:\n${flat}`);
    assert.ok(flat.includes('Constancia de radicación de petición verbal'));
    assert.ok(flat.includes('Entregado al solicitante al radicar'));
    assert.ok(!flat.includes(filed.trackingCode));
    assert.equal(info.info?.Title, 'Constancia de radicación de petición verbal');
  });

  test('the e-mail carries the constancia and the tracking code', () => {
    const mails = app.db.prepare('SELECT to_address AS "to", subject, body FROM outbox WHERE subject LIKE ?').all(`%${filed.radicado}%`) as {
      to: string;
      subject: string;
      body: string;
    }[];
    assert.equal(mails.length, 1, 'one e-mail: the constancia replaces the acknowledgement');
    const mail = mails[0]!;
    assert.equal(mail.to, 'jose.munoz@example.co');
    assert.match(mail.subject, /constancia de su petición verbal/);
    assert.ok(mail.body.includes(`Código de seguimiento: ${filed.trackingCode}`));
    const flat = mail.body.replace(/\s+/g, ' ');
    for (const expected of expectedTexts(filed.constancia)) assert.ok(flat.includes(expected), `the e-mail shows «${expected}»`);
  });

  test('is audited with who, what and where, without personal data', () => {
    const entries = app.db.prepare("SELECT staff_id AS staffId, action, target, details FROM audit_log WHERE action = 'pqrs.verbal'").all() as {
      staffId: number;
      target: string;
      details: string;
    }[];
    const entry = entries.find((e) => e.target === filed.radicado);
    assert.ok(entry);
    assert.equal(entry.staffId, officialId);
    assert.deepEqual(JSON.parse(entry.details), {
      channel: 'telefonica',
      type: 'peticion',
      files: 1,
      paperAnnexes: 2,
      representative: true,
      mailed: true,
    });
    assert.ok(!entry.details.includes('Muñoz') && !entry.details.includes(filed.trackingCode));
  });

  test('shows its channel in the inbox and the detail, and follows the normal workflow', async () => {
    const inbox = await app.inject({ url: '/api/admin/pqrs', headers: headers() });
    const item = inbox.json().items.find((i: { radicado: string }) => i.radicado === filed.radicado);
    assert.equal(item.channel, 'telefonica');
    const detail = await app.inject({ url: `/api/admin/pqrs/${filed.radicado}`, headers: headers() });
    assert.equal(detail.json().channel, 'telefonica');
    assert.match(detail.json().description, /Objeto de la petición:\n¿Cuándo abren/);
    assert.ok(detail.json().actions.includes('assign'));
    const assign = await app.inject({
      method: 'POST',
      url: `/api/admin/pqrs/${filed.radicado}/assign`,
      headers: headers(),
      payload: { staffId: officialId },
    });
    assert.equal(assign.statusCode, 200, assign.body);
    assert.equal(assign.json().state, 'asignada');
  });

  test('the citizen tracks it with the radicado and the code', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/pqrs/track', payload: { radicado: filed.radicado, code: filed.trackingCode } });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().radicado, filed.radicado);
  });
});

describe('what the constancia may lack', () => {
  test('without e-mail the answer goes by post, nothing is mailed, and no representative is fine', async () => {
    const res = await fileVerbal(verbalBody({ channel: 'presencial', representative: { name: '', documentType: '', documentNumber: '' }, paperAnnexes: [] }, { email: '' }));
    assert.equal(res.statusCode, 201, res.body);
    const f: VerbalFiled = res.json();
    assert.equal(f.mailed, false);
    assert.equal(f.constancia.representative, null);
    assert.equal(f.constancia.responseChannel, 'postal');
    assert.equal(f.constancia.answerAddress.email, null);
    assert.deepEqual(f.constancia.annexes, { files: [], paper: [] });
    assert.match(f.constancia.statement, /en forma presencial/);
    const mails = app.db.prepare('SELECT count(*) AS n FROM outbox WHERE subject LIKE ?').get(`%${f.radicado}%`) as { n: number };
    assert.equal(mails.n, 0);
    const pdf = await app.inject({ url: `/api/admin/pqrs/${f.radicado}/constancia.pdf`, headers: headers() });
    const parser = new PDFParse({ data: pdf.rawPayload });
    const flat = (await parser.getText()).text.replace(/\s+/g, ' ');
    await parser.destroy();
    assert.ok(flat.includes('No actúa por medio de representante.'));
    assert.ok(flat.includes('Verbal presencial'));
  });

  test('a request filed on the web form has no constancia', async () => {
    const web = await app.inject({
      method: 'POST',
      url: '/api/pqrs',
      payload: { type: 'queja', subject: 'Atención en ventanilla', description: 'Me atendieron mal en la ventanilla de inscripciones.', responseChannel: 'online', consent: true, requester: { kind: 'anonimo' } },
    });
    assert.equal(web.statusCode, 201, web.body);
    for (const suffix of ['constancia', 'constancia.pdf']) {
      const res = await app.inject({ url: `/api/admin/pqrs/${web.json().radicado}/${suffix}`, headers: headers() });
      assert.equal(res.statusCode, 404);
      assert.match(res.json().error, /no es una petición verbal/);
    }
    const detail = await app.inject({ url: `/api/admin/pqrs/${web.json().radicado}`, headers: headers() });
    assert.equal(detail.json().channel, 'web');
  });
});

describe('bad input', () => {
  test('no requester, or not an object: 400, never 5xx', async () => {
    for (const body of [{}, { requester: 'Ana' }, { requester: null }, []]) {
      const res = await fileVerbal(body);
      assert.equal(res.statusCode, 400, `${JSON.stringify(body)}: ${res.body}`);
    }
  });

  test('an empty body names every missing field of the statement, in Spanish', async () => {
    const res = await fileVerbal({ requester: {} });
    assert.equal(res.statusCode, 400);
    const fields = res.json().fields as Record<string, string>;
    assert.deepEqual(Object.keys(fields).sort(), [
      'channel',
      'consent',
      'object',
      'reasons',
      'requester.address',
      'requester.documentNumber',
      'requester.documentType',
      'requester.kind',
      'requester.name',
      'type',
      'verbalStatement',
    ]);
    assert.match(fields['requester.name']!, /^Nombre completo del solicitante: es obligatorio/);
    assert.match(fields['requester.documentType']!, /^Tipo de documento del solicitante: es obligatorio/);
    assert.match(fields['requester.documentNumber']!, /^Número de documento del solicitante/);
    assert.match(fields.object!, /^Objeto de la petición/);
    assert.match(fields.reasons!, /^Razones de la petición/);
    assert.match(fields.verbalStatement!, /^Declaración de petición verbal: marque la casilla/);
    assert.match(fields.channel!, /^Canal: elija presencial, telefónica/);
  });

  test('neither e-mail nor address, a half representative, a statement not ticked', async () => {
    const before = (app.db.prepare('SELECT count(*) AS n FROM pqrs').get() as { n: number }).n;
    const res = await fileVerbal(
      verbalBody({ verbalStatement: false, representative: { name: 'Pedro Pérez' }, channel: 'web' }, { email: '', address: '', city: '' }),
    );
    assert.equal(res.statusCode, 400);
    const fields = res.json().fields as Record<string, string>;
    assert.equal(fields['requester.address'], 'Dirección para la respuesta: escriba una dirección física o un correo electrónico.');
    assert.match(fields['representative.documentType']!, /^Tipo de documento del representante: es obligatorio/);
    assert.match(fields['representative.documentNumber']!, /^Número de documento del representante: es obligatorio/);
    assert.match(fields.verbalStatement!, /^Declaración de petición verbal/);
    assert.match(fields.channel!, /^Canal:/, 'web is not a verbal channel');
    assert.equal((app.db.prepare('SELECT count(*) AS n FROM pqrs').get() as { n: number }).n, before, 'nothing filed');
  });

  test('an anonymous requester, a company with a CC and an attachment that is not allowed', async () => {
    const anon = await fileVerbal(verbalBody({}, { kind: 'anonimo' }));
    assert.equal(anon.statusCode, 400);
    assert.match(anon.json().fields['requester.kind'], /^Tipo de solicitante/);
    const company = await fileVerbal(verbalBody({}, { kind: 'juridica' }));
    assert.equal(company.statusCode, 400);
    assert.match(company.json().fields['requester.documentType'], /NIT/);
    const exe = await fileVerbal(verbalBody(), [{ name: 'virus.exe', content: Buffer.from('MZ\x90\x00\x03\x00\x00\x00') }]);
    assert.equal(exe.statusCode, 415);
    assert.match(exe.json().fields.attachments, /virus\.exe/);
  });

  test('a radicado that is not a verbal petition, or does not exist: 404, never 5xx', async () => {
    const res = await app.inject({ url: '/api/admin/pqrs/ECAM-1999-000001/constancia.pdf', headers: headers() });
    assert.equal(res.statusCode, 404);
  });
});

describe('the PDF text', () => {
  test('Spanish letters and signs pass; other scripts become their base letter or «?»', () => {
    assert.equal(pdfText('¿Año? ¡Sí! «Güiza» – “Peña” €'), '¿Año? ¡Sí! «Güiza» – “Peña” €');
    assert.equal(pdfText('Nguyễn 李\u202Fp. m.'), 'Nguyen ? p. m.');
  });
});

describe('the PQRSD report', () => {
  test('counts what was received by channel, every channel listed', async () => {
    const res = await app.inject({ url: '/api/admin/reports/pqrs?from=2026-12-01&to=2026-12-31', headers: headers() });
    assert.equal(res.statusCode, 200, res.body);
    const report = res.json() as { total: { received: number }; channels: { channel: string; label: string; received: number }[] };
    const received = Object.fromEntries(report.channels.map((c) => [c.channel, c.received]));
    const filed = app.db.prepare('SELECT channel, count(*) AS n FROM pqrs GROUP BY channel').all() as { channel: string; n: number }[];
    assert.ok(filed.some((f) => f.channel === 'telefonica') && filed.some((f) => f.channel === 'presencial'));
    assert.deepEqual(received, {
      web: 0,
      chat: 0,
      buzon: 0,
      presencial: 0,
      telefonica: 0,
      otro_verbal: 0,
      evento: 0,
      ...Object.fromEntries(filed.map((f) => [f.channel, f.n])),
    });
    assert.equal(report.channels.reduce((a, c) => a + c.received, 0), report.total.received);
    assert.equal(report.channels.find((c) => c.channel === 'telefonica')!.label, 'Verbal telefónica');
  });
});

describe('personal data', () => {
  test('anonymising the requester or the representative blanks the representative too', async () => {
    const res = await fileVerbal(
      verbalBody({ representative: { name: 'Rosa Elvira Cáceres', documentType: 'CC', documentNumber: '63.555.111' } }, { email: 'olga@example.co', documentNumber: '37.111.222' }),
    );
    assert.equal(res.statusCode, 201, res.body);
    const { radicado } = res.json() as VerbalFiled;
    const admin = staffHeaders(openSession(app, 1));
    const anon = await app.inject({ method: 'POST', url: '/api/admin/privacy/anonymise', headers: admin, payload: { documentNumber: '63555111' } });
    assert.equal(anon.statusCode, 200, anon.body);
    const c = (await app.inject({ url: `/api/admin/pqrs/${radicado}/constancia`, headers: headers() })).json() as Constancia;
    assert.equal(c.representative, null);
    assert.equal(c.requester.name, 'José Ángel Muñoz Ibáñez', 'the requester was not the one asking');
    const pdf = await app.inject({ url: `/api/admin/pqrs/${radicado}/constancia.pdf`, headers: headers() });
    assert.equal(pdf.statusCode, 200);
  });
});
