/**
 * Public tracking: radicado + code give the status, timeline and answer; any mismatch is one
 * and the same 404; answer attachments are downloaded with the same code, intake files never.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { businessDaysBetween } from '../../api/calendar/calendar.ts';
import { calendarRules } from '../../api/calendar/store.ts';
import { PQRS_STATES } from '../../api/pqrs/workflow.ts';
import { ADMIN_PASSWORD, openSession, staffHeaders } from '../admin-helpers.ts';
import { multipart, testApp, validPqrs } from '../helpers.ts';

const NOT_FOUND = { error: 'No encontramos una solicitud con ese radicado y código.' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
const TXT = Buffer.from('Copia del acta de grado número 45.\n', 'utf8');

let clock = new Date('2026-03-02T09:30:00-05:00');
const { app } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD }, () => clock);
after(() => app.close());

const headers = () => staffHeaders(openSession(app, 1));
const trackReq = (radicado: string, code: string) =>
  app.inject({ method: 'POST', url: '/api/pqrs/track', payload: { radicado, code } });
const download = (id: number | string, radicado: string, code: string) =>
  app.inject({ method: 'POST', url: `/api/pqrs/track/attachments/${id}`, payload: { radicado, code } });

/** A code of the same shape that is not this one. */
function otherCode(code: string): string {
  const first = code[0] === 'A' ? 'B' : 'A';
  return first + code.slice(1);
}

let radicado: string;
let code: string;
let intakeId: number;
before(async () => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/pqrs',
    payload: multipart(validPqrs({ type: 'informacion' }), [{ name: 'solicitud.pdf', content: PDF, type: 'application/pdf' }]),
  });
  assert.equal(res.statusCode, 201, res.body);
  ({ radicado, trackingCode: code } = res.json());
  const detail = await app.inject({ method: 'GET', url: `/api/admin/pqrs/${radicado}`, headers: headers() });
  intakeId = detail.json().attachments[0].id;
});

describe('POST /api/pqrs/track', () => {
  test('the right code shows state, dates and the public timeline', async () => {
    clock = new Date('2026-03-04T11:00:00-05:00');
    const res = await trackReq(radicado, code);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['cache-control'], 'no-store');
    const body = res.json();
    assert.equal(body.radicado, radicado);
    assert.equal(body.type, 'informacion');
    assert.equal(body.state, 'radicada');
    assert.equal(body.stateLabel, PQRS_STATES.radicada.label);
    assert.equal(body.stateDescription, PQRS_STATES.radicada.description);
    assert.equal(body.receivedAt, '2026-03-02T14:30:00.000Z');
    // 10 business days from Monday 2 March 2026.
    assert.equal(body.dueDate, '2026-03-16');
    assert.equal(body.businessDaysLeft, businessDaysBetween('2026-03-04', '2026-03-16', calendarRules(app.db)));
    assert.equal(body.businessDaysLeft, 8);
    assert.deepEqual(body.events, [
      { at: '2026-03-02T14:30:00.000Z', state: 'radicada', label: 'Radicada', publicNote: 'Solicitud radicada y recibida por la entidad.' },
    ]);
    assert.equal(body.answer, undefined);
    assert.ok(!('description' in body) && !res.body.includes('Ana María'), 'no personal data in the tracker');
  });

  test('the code is accepted in lower case, without dashes and with spaces; the radicado in lower case', async () => {
    for (const typed of [code.toLowerCase(), code.replace(/-/g, ''), ` ${code.replace(/-/g, ' ')} `]) {
      const res = await trackReq(radicado, typed);
      assert.equal(res.statusCode, 200, typed);
    }
    assert.equal((await trackReq(radicado.toLowerCase(), code)).statusCode, 200);
  });

  test('a wrong code and an unknown radicado get exactly the same 404', async () => {
    const wrong = await trackReq(radicado, otherCode(code));
    const unknown = await trackReq('ECAM-2026-999999', code);
    const garbage = await trackReq('no-es-un-radicado', 'x');
    const otherRequestsCode = await (async () => {
      const other = (await app.inject({ method: 'POST', url: '/api/pqrs', payload: validPqrs() })).json();
      return trackReq(radicado, other.trackingCode);
    })();
    for (const res of [wrong, unknown, garbage, otherRequestsCode]) {
      assert.equal(res.statusCode, 404);
      assert.deepEqual(res.json(), NOT_FOUND);
      assert.equal(res.body, wrong.body);
      assert.equal(res.headers['content-type'], wrong.headers['content-type']);
    }
  });

  test('missing fields are a 400 naming them', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/pqrs/track', payload: { radicado } });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().fields.code, /Código de seguimiento: es obligatorio/);
    const empty = await app.inject({ method: 'POST', url: '/api/pqrs/track', payload: { radicado: ' ', code } });
    assert.match(empty.json().fields.radicado, /Radicado: es obligatorio/);
  });

  test('the answer appears after the reply, with its attachments downloadable by the same code', async () => {
    clock = new Date('2026-03-10T16:00:00-05:00');
    const reply = await app.inject({
      method: 'POST',
      url: `/api/admin/pqrs/${radicado}/reply`,
      headers: headers(),
      payload: multipart({ text: 'Adjuntamos la copia del acta que pidió.' }, [
        { name: 'acta de grado.txt', content: TXT, type: 'text/plain' },
        { name: 'constancia.pdf', content: PDF, type: 'application/pdf' },
      ]),
    });
    assert.equal(reply.statusCode, 200, reply.body);

    const body = (await trackReq(radicado, code)).json();
    assert.equal(body.state, 'respondida');
    assert.equal(body.businessDaysLeft, null);
    assert.equal(body.answer.text, 'Adjuntamos la copia del acta que pidió.');
    assert.equal(body.answer.at, '2026-03-10T21:00:00.000Z');
    assert.deepEqual(
      body.answer.attachments.map((a: { name: string; mime: string; size: number }) => [a.name, a.mime, a.size]),
      [
        ['acta de grado.txt', 'text/plain', TXT.length],
        ['constancia.pdf', 'application/pdf', PDF.length],
      ],
    );
    assert.deepEqual(body.events.at(-1), {
      at: '2026-03-10T21:00:00.000Z',
      state: 'respondida',
      label: 'Respondida',
      publicNote: 'La entidad respondió su solicitud.',
    });

    const [txt, pdf] = body.answer.attachments as { id: number }[];
    const got = await download(txt!.id, radicado, code.toLowerCase());
    assert.equal(got.statusCode, 200, got.body);
    assert.equal(got.headers['content-type'], 'text/plain');
    assert.equal(got.headers['x-content-type-options'], 'nosniff');
    assert.match(String(got.headers['content-disposition']), /^attachment; filename="acta de grado\.txt"/);
    assert.deepEqual(got.rawPayload, TXT);
    assert.deepEqual((await download(pdf!.id, radicado, code)).rawPayload, PDF);

    const wrongCode = await download(txt!.id, radicado, otherCode(code));
    const unknownRadicado = await download(txt!.id, 'ECAM-2026-999999', code);
    const intakeFile = await download(intakeId, radicado, code);
    const noSuchFile = await download(999_999, radicado, code);
    const notANumber = await download('uno', radicado, code);
    for (const res of [wrongCode, unknownRadicado, intakeFile, noSuchFile, notANumber]) {
      assert.equal(res.statusCode, 404);
      assert.deepEqual(res.json(), NOT_FOUND);
    }
  });

  test("another request's code does not open this request's answer files", async () => {
    const other = (await app.inject({ method: 'POST', url: '/api/pqrs', payload: validPqrs() })).json();
    const body = (await trackReq(radicado, code)).json();
    const res = await download(body.answer.attachments[0].id, other.radicado, other.trackingCode);
    assert.equal(res.statusCode, 404);
    assert.deepEqual(res.json(), NOT_FOUND);
  });
});

describe('a repeated lookup', () => {
  // The tracker reuses a recent answer (api/pqrs/track-cache.ts): these prove it never shows
  // anything a fresh lookup would not.
  test('shows a staff action at once, turns the day at Bogotá midnight, and still checks the code', async () => {
    clock = new Date('2026-04-06T23:59:30-05:00');
    const filed = (await app.inject({ method: 'POST', url: '/api/pqrs', payload: validPqrs() })).json();
    const first = (await trackReq(filed.radicado, filed.trackingCode)).json();
    assert.equal(first.state, 'radicada');

    assert.equal((await trackReq(filed.radicado, otherCode(filed.trackingCode))).statusCode, 404, 'a wrong code on a cached answer');
    assert.deepEqual((await trackReq(filed.radicado, otherCode(filed.trackingCode))).json(), NOT_FOUND);

    clock = new Date('2026-04-07T00:00:10-05:00');
    const nextDay = (await trackReq(filed.radicado, filed.trackingCode)).json();
    assert.equal(nextDay.businessDaysLeft, first.businessDaysLeft - 1, 'a new business day counts at once');

    const assign = await app.inject({ method: 'POST', url: `/api/admin/pqrs/${filed.radicado}/assign`, headers: headers(), payload: { staffId: 1 } });
    assert.equal(assign.statusCode, 200, assign.body);
    const after = (await trackReq(filed.radicado, filed.trackingCode)).json();
    assert.equal(after.state, 'asignada', 'the action shows on the very next lookup');
    assert.equal(after.events.length, first.events.length + 1);
  });
});

describe('rate limit', async () => {
  const limited = await testApp({ ECAM_RATE_LIMIT: 'on' });
  after(() => limited.app.close());

  test('lookups are limited per IP to 20 a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const res = await limited.app.inject({ method: 'POST', url: '/api/pqrs/track', payload: { radicado: 'ECAM-2026-000001', code: 'AAAA-BBBB-CCCC' } });
      statuses.push(res.statusCode);
    }
    assert.deepEqual(statuses, [...Array(20).fill(404), 429]);
    const other = await limited.app.inject({
      method: 'POST',
      url: '/api/pqrs/track',
      remoteAddress: '10.0.0.2',
      payload: { radicado: 'ECAM-2026-000001', code: 'AAAA-BBBB-CCCC' },
    });
    assert.equal(other.statusCode, 404, 'another IP is not limited');
  });
});
