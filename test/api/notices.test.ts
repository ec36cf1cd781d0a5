/**
 * Notices (avisos, CPACA art. 69; issue 11 item 3): the dates by business days (across holidays
 * and closure days), the personal-data flags, publication through the staff API with its 400s,
 * 409s, guard and audit, delivery failures, the public list and search, and the tracker.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { addClosureDay, calendarRules } from '../../api/calendar/store.ts';
import { findPersonalData } from '../../api/notices/personal-data.ts';
import { knownData } from '../../api/notices/service.ts';
import { eligibility, isCurrent, noticeDates } from '../../api/notices/rules.ts';
import type { NoticesList, RequestNotice, StaffNotices } from '../../api/notices/schemas.ts';
import type { TrackResult } from '../../api/pqrs/workflow-schemas.ts';
import { ADMIN_PASSWORD, openSession, staffHeaders, staffSession } from '../admin-helpers.ts';
import { testApp, validPqrs } from '../helpers.ts';

let clock = new Date('2026-12-01T14:00:00Z');
const { app } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD }, () => clock);
after(() => app.close());

/** Moves the test clock to `date` at `time`, Bogotá. */
function at(date: string, time = '09:00'): void {
  clock = new Date(`${date}T${time}:00-05:00`);
}
const ADMIN_ID = 1;
/** A fresh session per call: the clock jumps by days, past any session timeout. */
const headers = (staffId = ADMIN_ID) => staffHeaders(openSession(app, staffId));
const noRules = { closureDays: new Set<string>() };

interface Filed {
  radicado: string;
  trackingCode: string;
}

async function file(overrides: Record<string, unknown> = {}, requester: Record<string, unknown> = {}): Promise<Filed> {
  const res = await app.inject({ method: 'POST', url: '/api/pqrs', payload: validPqrs(overrides, requester) });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

async function reply(radicado: string, text: string): Promise<void> {
  const res = await app.inject({ method: 'POST', url: `/api/admin/pqrs/${radicado}/reply`, headers: headers(), payload: { text } });
  assert.equal(res.statusCode, 200, res.body);
}

const ANONYMOUS = { responseChannel: 'online' };
const NOBODY = { kind: 'anonimo', documentType: undefined, documentNumber: undefined, name: undefined, email: undefined, phone: undefined, address: undefined, city: undefined };

async function noticeState(radicado: string): Promise<RequestNotice> {
  const res = await app.inject({ method: 'GET', url: `/api/admin/notices/${radicado}`, headers: headers() });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

const publish = (radicado: string, body: unknown, staffId = ADMIN_ID) =>
  app.inject({ method: 'POST', url: `/api/admin/notices/${radicado}`, headers: headers(staffId), payload: body as object });

const publicList = async (query = ''): Promise<NoticesList> => {
  const res = await app.inject({ method: 'GET', url: `/api/notices${query}` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
};

async function track(f: Filed): Promise<TrackResult> {
  const res = await app.inject({ method: 'POST', url: '/api/pqrs/track', payload: { radicado: f.radicado, code: f.trackingCode } });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

const auditOf = (radicado: string) =>
  app.db.prepare('SELECT username, action, details FROM audit_log WHERE target = ? ORDER BY id').all(radicado) as {
    username: string;
    action: string;
    details: string | null;
  }[];

describe('dates: 5 business days after the publication day', () => {
  test('published on Friday 4 December 2026: 8 December is a holiday, so it is removed on Monday 14 and notified on the 15th', () => {
    const d = noticeDates(new Date('2026-12-04T10:00:00-05:00'), noRules);
    assert.deepEqual(d, { publishedOn: '2026-12-04', removalOn: '2026-12-14', notifiedOn: '2026-12-15' });
  });

  test('across Christmas and New Year: published Tuesday 22 December, removed 30 December, notified 31 December', () => {
    assert.deepEqual(noticeDates(new Date('2026-12-22T16:00:00-05:00'), noRules), {
      publishedOn: '2026-12-22',
      removalOn: '2026-12-30',
      notifiedOn: '2026-12-31',
    });
    // Published on 29 December: 30, 31, (1 January holiday), 4, 5, 6 January; notified the 7th.
    assert.deepEqual(noticeDates(new Date('2026-12-29T09:00:00-05:00'), noRules), {
      publishedOn: '2026-12-29',
      removalOn: '2027-01-06',
      notifiedOn: '2027-01-07',
    });
  });

  test('a Bogotá evening is still that day (UTC already says tomorrow)', () => {
    assert.equal(noticeDates(new Date('2026-12-04T23:30:00-05:00'), noRules).publishedOn, '2026-12-04');
  });

  test('published on a Saturday, the count starts on Monday', () => {
    assert.deepEqual(noticeDates(new Date('2026-12-05T09:00:00-05:00'), noRules), {
      publishedOn: '2026-12-05',
      removalOn: '2026-12-14',
      notifiedOn: '2026-12-15',
    });
  });

  test('a closure day declared by the entity does not count either', () => {
    const rules = { closureDays: new Set(['2026-12-10']) };
    assert.deepEqual(noticeDates(new Date('2026-12-04T10:00:00-05:00'), rules), {
      publishedOn: '2026-12-04',
      removalOn: '2026-12-15',
      notifiedOn: '2026-12-16',
    });
  });

  test('current from the publication day through the removal day', () => {
    const n = { publishedOn: '2026-12-04', removalOn: '2026-12-14' };
    assert.equal(isCurrent(n, '2026-12-03'), false);
    assert.equal(isCurrent(n, '2026-12-04'), true);
    assert.equal(isCurrent(n, '2026-12-14'), true);
    assert.equal(isCurrent(n, '2026-12-15'), false);
  });
});

describe('eligibility', () => {
  const base = {
    state: 'respondida' as const,
    hasAnswer: true,
    requesterKind: 'natural' as const,
    responseChannel: 'email' as const,
    email: 'ana@example.co',
    address: null,
    failures: 0,
  };
  test('anonymous: respuesta anónima; no address or a failure: aviso; delivered: no', () => {
    assert.equal(eligibility({ ...base, requesterKind: 'anonimo', responseChannel: 'online', email: null }).kind, 'anonima');
    assert.equal(eligibility({ ...base, email: null }).kind, 'aviso');
    assert.equal(eligibility({ ...base, responseChannel: 'postal' }).kind, 'aviso');
    assert.equal(eligibility({ ...base, failures: 1 }).kind, 'aviso');
    assert.equal(eligibility(base).kind, null);
    assert.equal(eligibility({ ...base, responseChannel: 'online' }).kind, null);
  });
  test('only an answer that was sent', () => {
    for (const state of ['radicada', 'en_tramite', 'trasladada', 'desistida'] as const) {
      assert.equal(eligibility({ ...base, requesterKind: 'anonimo', state, hasAnswer: state === 'en_tramite' }).kind, null, state);
    }
    assert.equal(eligibility({ ...base, requesterKind: 'anonimo', state: 'cerrada' }).kind, 'anonima');
  });
});

describe('personal data found in the text', () => {
  const known = { names: ['Ana María Pérez', 'Jorge Eliécer Ruiz'], documents: ['1098765432'], emails: ['ana@example.co'], phones: ['+57 300 123 4567'] };
  const text = [
    'Señora Ana María Pérez:',
    'En respuesta a su solicitud ECAM-2026-000123, la Escuela de Capacitación Municipal de Floridablanca le informa que el certificado está listo.',
    'Su apoderado, el señor RUIZ, puede reclamarlo. También puede llamar a Carlos Andrés Gómez al 300 123 4567 o al (607) 634 5678, o escribir a ana@example.co o atencion@ecam.gov.co.',
    'La cédula 1.098.765.432 y la CE 98765432 figuran en el acta. El valor es $ 1.500.000, según la Ley 1755 de 2015, el lunes 14 de diciembre.',
    'Cordial saludo,',
    'Martha Lucía Rodríguez',
    'Directora',
  ].join('\n');
  const flags = findPersonalData(text, known, ['Escuela de Capacitación Municipal de Floridablanca']);
  const ids = flags.map((f) => f.id);

  test('names: the requester and representative from the record (whole, or a part in capitals), and others by their shape', () => {
    assert.ok(ids.includes('nombre:ana maria perez'));
    assert.ok(ids.includes('nombre:ruiz'), 'a part of the representative\'s name, in capitals');
    assert.equal(flags.find((f) => f.id === 'nombre:ruiz')!.source, 'registro');
    assert.ok(ids.includes('nombre:carlos andres gomez'));
    assert.ok(ids.includes('nombre:martha lucia rodriguez'));
    assert.equal(flags.find((f) => f.id === 'nombre:carlos andres gomez')!.source, 'patron');
  });

  test('documents, with or without dots, known or not', () => {
    assert.ok(ids.includes('documento:1098765432'));
    assert.equal(flags.find((f) => f.id === 'documento:1098765432')!.text, '1.098.765.432');
    assert.ok(ids.includes('documento:98765432'));
  });

  test('e-mails and phones, mobile and landline', () => {
    assert.ok(ids.includes('correo:ana@example.co'));
    assert.ok(ids.includes('correo:atencion@ecam.gov.co'));
    assert.ok(ids.includes('telefono:3001234567'));
    assert.ok(ids.includes('telefono:6076345678'));
  });

  test('not flagged: the radicado, money, laws, dates, the entity, greetings', () => {
    const all = flags.map((f) => f.text).join(' | ');
    for (const word of ['ECAM', '000123', '1.500.000', '1755', 'Escuela', 'Floridablanca', 'Cordial', 'Directora', 'Señora', 'diciembre']) {
      assert.ok(!all.includes(word), `${word} is not personal data: ${all}`);
    }
    assert.equal(flags.length, 10, all);
  });

  test('a part of a known name only when capitalised; the record\'s representative columns count too', () => {
    const f = findPersonalData('A la luz de la ley, Luz Rojas y la señora Rojas.', { names: ['Luz Marina Rojas'], documents: [], emails: [], phones: [] });
    assert.deepEqual(f.map((x) => [x.id, x.count]), [['nombre:luz', 1], ['nombre:rojas', 2]]);
    const known = knownData({ name: 'Ana Pérez', email: null, representative_name: 'Jorge Ruiz', representative_document_number: '91234567', phone: '3001234567', subject: 'Ana' });
    assert.deepEqual(known, { names: ['Ana Pérez', 'Jorge Ruiz'], documents: ['91234567'], emails: [], phones: ['3001234567'] });
  });

  test('the same value twice is one flag, with every spelling', () => {
    const f = findPersonalData('Ana María Pérez. Reciba, ANA MARÍA PÉREZ, nuestro saludo.', { ...known, names: ['Ana María Pérez'] });
    assert.equal(f.length, 1);
    assert.equal(f[0]!.count, 2);
    assert.deepEqual(f[0]!.matches, ['Ana María Pérez', 'ANA MARÍA PÉREZ']);
  });
});

describe('publishing through the staff API', () => {
  let anon: Filed;
  const ANSWER =
    'Señora Ana María Pérez:\nEl curso de sistemas abre inscripciones en enero. Para más información llame al 300 123 4567 o escriba a ana@example.co.\nCédula 1098765432.';
  const CLEAN = 'Respetada ciudadana:\nEl curso de sistemas abre inscripciones en enero.\nCordial saludo.';

  test('an anonymous request, answered: the proposal is the answer, with its flags', async () => {
    at('2026-12-01');
    anon = await file(ANONYMOUS, NOBODY);
    let s = await noticeState(anon.radicado);
    assert.equal(s.kind, null, 'not before it is answered');
    assert.equal(s.proposal, null);
    const early = await publish(anon.radicado, { text: CLEAN });
    assert.equal(early.statusCode, 409);
    assert.match(early.json().error, /aún no tiene una respuesta/);

    at('2026-12-04', '10:00');
    await reply(anon.radicado, ANSWER);
    s = await noticeState(anon.radicado);
    assert.equal(s.kind, 'anonima');
    assert.equal(s.proposal!.text, ANSWER);
    assert.deepEqual(
      s.proposal!.flags.map((f) => f.kind).sort(),
      ['correo', 'documento', 'nombre', 'telefono'],
    );
    assert.deepEqual(s.datesIfPublishedToday, { publishedOn: '2026-12-04', removalOn: '2026-12-14', notifiedOn: '2026-12-15' });
    assert.deepEqual(s.failureChannels, [], 'an anonymous request has no address to fail');
  });

  test('400 with Spanish field messages', async () => {
    const cases: [unknown, string, RegExp][] = [
      [{}, 'text', /Texto del aviso: es obligatorio/],
      [{ text: 'corto' }, 'text', /Texto del aviso: escriba al menos 10/],
      [{ text: CLEAN, confirmed: 'todo' }, 'confirmed', /Confirmaciones: debe ser una lista/],
      [[], 'body', /objeto JSON/],
    ];
    for (const [body, field, message] of cases) {
      const res = await publish(anon.radicado, body);
      assert.equal(res.statusCode, 400, res.body);
      assert.match(res.json().fields[field], message);
    }
    const check = await app.inject({ method: 'POST', url: `/api/admin/notices/${anon.radicado}/check`, headers: headers(), payload: { text: 1 } });
    assert.equal(check.statusCode, 400);
    assert.match(check.json().fields.text, /Texto del aviso: debe ser un texto/);
  });

  test('409 while a flag is not confirmed, naming each one; nothing is stored', async () => {
    const res = await publish(anon.radicado, { text: ANSWER, confirmed: ['nombre:ana maria perez', 'correo:ana@example.co'] });
    assert.equal(res.statusCode, 409);
    const body = res.json();
    assert.equal(body.code, 'personal-data');
    assert.match(body.error, /datos personales sin confirmar: «300 123 4567» \(teléfono\), «1098765432» \(documento\)/);
    assert.doesNotMatch(body.error, /Ana María/);
    assert.equal(app.db.prepare('SELECT count(*) FROM notices').pluck().get(), 0);
  });

  test('the check route finds what is left in an edited text', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/admin/notices/${anon.radicado}/check`,
      headers: headers(),
      payload: { text: 'Respetada ciudadana: llame a Pedro Pablo Díaz al 315 987 6543.' },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().flags.map((f: { id: string }) => f.id), ['nombre:pedro pablo diaz', 'telefono:3159876543']);
  });

  test('a confirmed flag may be published as it is; the notice is public through its removal day', async () => {
    const text = 'Respetada ciudadana:\nEl curso abre en enero. Informes con la coordinadora Luz Marina Soto.\nCordial saludo.';
    const res = await publish(anon.radicado, { text, confirmed: ['nombre:luz marina soto'] });
    assert.equal(res.statusCode, 201, res.body);
    const s: RequestNotice = res.json();
    assert.equal(s.notice!.kind, 'anonima');
    assert.equal(s.notice!.text, text);
    assert.deepEqual(
      [s.notice!.publishedOn, s.notice!.removalOn, s.notice!.notifiedOn],
      ['2026-12-04', '2026-12-14', '2026-12-15'],
    );
    assert.deepEqual(s.notice!.confirmed, ['nombre:luz marina soto']);
    assert.equal(s.proposal, null);

    const again = await publish(anon.radicado, { text });
    assert.equal(again.statusCode, 409);
    assert.match(again.json().error, /ya se publicó como aviso el viernes, 4 de diciembre de 2026/);

    const audit = auditOf(anon.radicado).find((a) => a.action === 'notice.publish')!;
    assert.equal(audit.username, 'admin');
    assert.deepEqual(JSON.parse(audit.details!), {
      kind: 'anonima',
      publishedOn: '2026-12-04',
      removalOn: '2026-12-14',
      notifiedOn: '2026-12-15',
      length: text.length,
      confirmedFlags: 1,
    });
  });

  test('public list: on the website from publication to removal, then gone; search by radicado', async () => {
    for (const [day, shown] of [
      ['2026-12-04', true],
      ['2026-12-08', true],
      ['2026-12-14', true],
      ['2026-12-15', false],
    ] as const) {
      at(day, '23:59');
      const list = await publicList();
      assert.equal(list.today, day);
      assert.equal(list.items.some((n) => n.radicado === anon.radicado), shown, day);
    }
    at('2026-12-09');
    const list = await publicList();
    const n = list.items.find((i) => i.radicado === anon.radicado)!;
    assert.deepEqual(Object.keys(n).sort(), ['kind', 'kindLabel', 'notifiedOn', 'publishedOn', 'radicado', 'removalOn', 'text', 'type', 'typeLabel']);
    assert.equal(n.kindLabel, 'Respuesta a solicitud anónima');

    const found = await publicList(`?radicado=${anon.radicado.toLowerCase()}`);
    assert.deepEqual(found.items.map((i) => i.radicado), [anon.radicado]);
  });

  test('a search says nothing about requests without a current notice', async () => {
    at('2026-12-09');
    const other = await file();
    const a = await app.inject({ method: 'GET', url: `/api/notices?radicado=${other.radicado}` });
    const b = await app.inject({ method: 'GET', url: '/api/notices?radicado=ECAM-1999-999999' });
    assert.equal(a.statusCode, 200);
    assert.equal(a.body, b.body);
    assert.deepEqual(a.json().items, []);
    const long = await app.inject({ method: 'GET', url: `/api/notices?radicado=${'X'.repeat(41)}` });
    assert.equal(long.statusCode, 400);
    assert.match(long.json().fields.radicado, /Radicado: máximo 40 caracteres/);
  });

  test('the tracker shows the notice, current and then removed', async () => {
    at('2026-12-09');
    let t = await track(anon);
    assert.deepEqual(t.notice, {
      kind: 'anonima',
      kindLabel: 'Respuesta a solicitud anónima',
      publishedOn: '2026-12-04',
      removalOn: '2026-12-14',
      notifiedOn: '2026-12-15',
      current: true,
    });
    assert.match(t.events.at(-1)!.publicNote!, /se publicó como respuesta a solicitud anónima/);
    at('2026-12-16');
    t = await track(anon);
    assert.equal(t.notice!.current, false);
    const plain = await track(await file());
    assert.equal(plain.notice, undefined);
  });
});

describe('delivery failures', () => {
  test('a delivered answer cannot be published until staff record that it failed, with the reason kept internal', async () => {
    at('2026-12-16');
    const f = await file({ responseChannel: 'email' });
    const early = await app.inject({
      method: 'POST',
      url: `/api/admin/notices/${f.radicado}/delivery-failures`,
      headers: headers(),
      payload: { channel: 'email', reason: 'El correo rebotó' },
    });
    assert.equal(early.statusCode, 409, 'not before the answer');
    await reply(f.radicado, 'Señora Ana María Pérez: su certificado está listo en la oficina.');
    let s = await noticeState(f.radicado);
    assert.equal(s.kind, null);
    assert.match(s.reason, /registre la entrega fallida/);
    assert.deepEqual(s.failureChannels, ['email', 'postal']);
    const refused = await publish(f.radicado, { text: 'Respetada ciudadana: su certificado está listo.' });
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().code, 'not-eligible');

    const bad = await app.inject({
      method: 'POST',
      url: `/api/admin/notices/${f.radicado}/delivery-failures`,
      headers: headers(),
      payload: { channel: 'paloma', reason: '' },
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().fields.channel, /Medio: elija correo electrónico o correo postal/);
    assert.match(bad.json().fields.reason, /Motivo/);

    const reason = 'El servidor de ana@example.co respondió que el buzón no existe.';
    const res = await app.inject({
      method: 'POST',
      url: `/api/admin/notices/${f.radicado}/delivery-failures`,
      headers: headers(),
      payload: { channel: 'email', reason },
    });
    assert.equal(res.statusCode, 201, res.body);
    s = res.json();
    assert.equal(s.kind, 'aviso');
    assert.equal(s.failures.length, 1);
    assert.equal(s.failures[0]!.reason, reason);
    assert.equal(s.failures[0]!.by, 'admin');

    const t = await track(f);
    const last = t.events.at(-1)!.publicNote!;
    assert.match(last, /No fue posible entregar la respuesta por correo electrónico/);
    assert.doesNotMatch(JSON.stringify(t), /buzón no existe/);
    const audit = auditOf(f.radicado).find((a) => a.action === 'notice.delivery-failure')!;
    assert.deepEqual(JSON.parse(audit.details!), { channel: 'email', reasonLength: reason.length });

    const pub = await publish(f.radicado, { text: 'Respetada ciudadana: su certificado está listo en la oficina.' });
    assert.equal(pub.statusCode, 201, pub.body);
    assert.equal(pub.json().notice.kind, 'aviso');
    assert.match((await track(f)).events.at(-1)!.publicNote!, /notificación se entiende surtida al finalizar el jueves, 24 de diciembre de 2026/);
  });

  test('a failure is recorded only for a channel with an address; without an address for the chosen channel it is an aviso at once', async () => {
    at('2026-12-16');
    const f = await file({ responseChannel: 'postal' }, { email: undefined });
    await reply(f.radicado, 'Respuesta enviada por correo postal a la dirección indicada.');
    assert.deepEqual((await noticeState(f.radicado)).failureChannels, ['postal']);
    const wrong = await app.inject({
      method: 'POST',
      url: `/api/admin/notices/${f.radicado}/delivery-failures`,
      headers: headers(),
      payload: { channel: 'email', reason: 'No hay correo' },
    });
    assert.equal(wrong.statusCode, 409);
    assert.match(wrong.json().error, /no tiene correo electrónico registrado/);
    app.db.prepare("UPDATE pqrs SET address = NULL WHERE radicado = ?").run(f.radicado);
    assert.equal((await noticeState(f.radicado)).kind, 'aviso');
  });

  test("a verbal petition's representative, recorded apart from the request, is flagged too", async () => {
    at('2026-12-16');
    const filed = await app.inject({
      method: 'POST',
      url: '/api/admin/pqrs/verbal',
      headers: headers(),
      payload: {
        channel: 'presencial',
        type: 'peticion',
        requester: { kind: 'natural', name: 'Olga Lucía Rueda', documentType: 'CC', documentNumber: '63.444.555', email: 'olga@example.co' },
        representative: { name: 'Hernando Villamizar Ortiz', documentType: 'CC', documentNumber: '91.777.888' },
        object: 'Pide copia del certificado del curso de contratación estatal.',
        reasons: 'Lo necesita para una convocatoria de empleo público.',
        paperAnnexes: [],
        consent: true,
        verbalStatement: true,
      },
    });
    assert.equal(filed.statusCode, 201, filed.body);
    const { radicado } = filed.json() as { radicado: string };
    await reply(radicado, 'Se entregó el certificado a su apoderado hernando villamizar ortiz.');
    const failed = await app.inject({
      method: 'POST',
      url: `/api/admin/notices/${radicado}/delivery-failures`,
      headers: headers(),
      payload: { channel: 'email', reason: 'El correo rebotó' },
    });
    assert.equal(failed.statusCode, 201, failed.body);
    const flagged = (await noticeState(radicado)).proposal!.flags.map((f) => `${f.kind}:${f.text}`);
    assert.ok(flagged.includes('nombre:hernando villamizar ortiz'), flagged.join(', '));
  });
});

describe('closure days and the staff list', () => {
  test('a closure day declared before publication moves the removal; staff see current and past notices', async () => {
    at('2026-12-16');
    addClosureDay(app.db, '2026-12-21', 'Cierre de fin de año');
    const anon = await file(ANONYMOUS, NOBODY);
    await reply(anon.radicado, 'Respetada ciudadana: la inscripción abre en enero.');
    const res = await publish(anon.radicado, { text: 'Respetada ciudadana: la inscripción abre en enero.' });
    assert.equal(res.statusCode, 201, res.body);
    // 17, 18, (19-20 weekend, 21 closed), 22, 23, (24?) -> 17, 18, 22, 23, 24.
    const expected = ['2026-12-16', '2026-12-24', '2026-12-28'];
    const n = res.json().notice;
    assert.deepEqual([n.publishedOn, n.removalOn, n.notifiedOn], expected);
    assert.equal(calendarRules(app.db).closureDays.has('2026-12-21'), true);

    const list = await app.inject({ method: 'GET', url: '/api/admin/notices', headers: headers() });
    assert.equal(list.statusCode, 200);
    const all: StaffNotices = list.json();
    assert.equal(all.items.length, 3);
    assert.deepEqual(all.items.map((i) => i.current), [true, true, false]);
    assert.equal(all.items[0]!.publishedBy, 'admin');
  });

  test('the guard: no session 401, a forged write 403, a funcionario may publish', async () => {
    const anonList = await app.inject({ method: 'GET', url: '/api/admin/notices' });
    assert.equal(anonList.statusCode, 401);
    const forged = await app.inject({
      method: 'POST',
      url: '/api/admin/notices/ECAM-2026-000001',
      headers: { cookie: openSession(app, ADMIN_ID).cookie, origin: 'https://evil.example' },
      payload: { text: 'Respetada ciudadana.' },
    });
    assert.equal(forged.statusCode, 403);
    const f = (await staffSession(app, 'funcionaria', 'funcionario')).id;
    const res = await app.inject({ method: 'GET', url: '/api/admin/notices', headers: headers(f) });
    assert.equal(res.statusCode, 200);
  });
});
