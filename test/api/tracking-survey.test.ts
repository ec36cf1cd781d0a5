/**
 * Satisfaction after service: the admin setting `pqrsSurvey` names a survey, and the tracker's
 * lookup offers it once the request is answered (respondida, cerrada), only while it can be
 * answered. Real app, real SQLite.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ADMIN_PASSWORD, openSession, staffHeaders } from '../admin-helpers.ts';
import { multipart, testApp, validPqrs } from '../helpers.ts';

const clock = new Date('2026-03-02T09:30:00-05:00');
const { app } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD }, () => clock);
after(() => app.close());

const headers = () => staffHeaders(openSession(app, 1));
const track = async (radicado: string, code: string) => {
  const res = await app.inject({ method: 'POST', url: '/api/pqrs/track', payload: { radicado, code } });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
};

/** Saves the settings in force with `pqrsSurvey` changed. */
async function setSurvey(pqrsSurvey: string | null) {
  const current = await app.inject({ method: 'GET', url: '/api/admin/settings', headers: headers() });
  assert.equal(current.statusCode, 200, current.body);
  return app.inject({ method: 'PUT', url: '/api/admin/settings', headers: headers(), payload: { ...(current.json() as object), pqrsSurvey } });
}

async function createSurvey(slug: string, open: boolean): Promise<number> {
  const created = await app.inject({
    method: 'POST',
    url: '/api/admin/surveys',
    headers: headers(),
    payload: { slug, title: `Encuesta ${slug}`, description: '', questions: [{ id: 'r1', type: 'rating', label: 'Atención', required: true }] },
  });
  assert.equal(created.statusCode, 201, created.body);
  const { id } = created.json();
  if (open) {
    const opened = await app.inject({ method: 'POST', url: `/api/admin/surveys/${id}/open`, headers: headers() });
    assert.equal(opened.statusCode, 200, opened.body);
  }
  return id;
}

let radicado: string;
let code: string;
let openId: number;
before(async () => {
  const res = await app.inject({ method: 'POST', url: '/api/pqrs', payload: multipart(validPqrs({ type: 'peticion' }), []) });
  assert.equal(res.statusCode, 201, res.body);
  ({ radicado, trackingCode: code } = res.json());
  openId = await createSurvey('atencion-pqrsd', true);
  await createSurvey('borrador-pqrsd', false);
});

describe('settings: pqrsSurvey', () => {
  test('defaults to none', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/admin/settings', headers: headers() });
    assert.equal(res.json().pqrsSurvey, null);
  });

  test('an unknown slug or a draft is a 400 on pqrsSurvey, and nothing is saved', async () => {
    for (const slug of ['no-existe', 'borrador-pqrsd']) {
      const res = await setSurvey(slug);
      assert.equal(res.statusCode, 400, res.body);
      assert.match(res.json().fields.pqrsSurvey, /Encuesta de satisfacción/);
    }
    const wrongType = await app.inject({
      method: 'PUT',
      url: '/api/admin/settings',
      headers: headers(),
      payload: { entityName: 'ECAM', radicadoPrefix: 'ECAM', officeHours: [], pqrsSurvey: 12 },
    });
    assert.equal(wrongType.statusCode, 400, wrongType.body);
    assert.match(wrongType.json().fields.pqrsSurvey, /Encuesta de satisfacción/);
    const res = await app.inject({ method: 'GET', url: '/api/admin/settings', headers: headers() });
    assert.equal(res.json().pqrsSurvey, null);
  });

  test("the chat's survey (chatSurvey) is checked the same way", async () => {
    const current = (await app.inject({ method: 'GET', url: '/api/admin/settings', headers: headers() })).json() as object;
    const put = (chatSurvey: string) =>
      app.inject({ method: 'PUT', url: '/api/admin/settings', headers: headers(), payload: { ...current, chatSurvey } });
    for (const slug of ['no-existe', 'borrador-pqrsd']) {
      const res = await put(slug);
      assert.equal(res.statusCode, 400, res.body);
      assert.deepEqual(Object.keys(res.json().fields), ['chatSurvey']);
    }
    const saved = await put('atencion-pqrsd');
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().chatSurvey, 'atencion-pqrsd');
  });
});

describe('tracking: satisfactionSurvey', () => {
  test('not offered before the answer, even when configured', async () => {
    const saved = await setSurvey('atencion-pqrsd');
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().pqrsSurvey, 'atencion-pqrsd');
    const body = await track(radicado, code);
    assert.equal(body.state, 'radicada');
    assert.equal('satisfactionSurvey' in body, false);
  });

  test('offered after the reply and after closing, when configured', async () => {
    const reply = await app.inject({
      method: 'POST',
      url: `/api/admin/pqrs/${radicado}/reply`,
      headers: headers(),
      payload: multipart({ text: 'Le enviamos la información pedida.' }, []),
    });
    assert.equal(reply.statusCode, 200, reply.body);
    let body = await track(radicado, code);
    assert.equal(body.state, 'respondida');
    assert.deepEqual(body.satisfactionSurvey, { slug: 'atencion-pqrsd', title: 'Encuesta atencion-pqrsd' });

    const closed = await app.inject({ method: 'POST', url: `/api/admin/pqrs/${radicado}/close`, headers: headers() });
    assert.equal(closed.statusCode, 200, closed.body);
    body = await track(radicado, code);
    assert.equal(body.state, 'cerrada');
    assert.deepEqual(body.satisfactionSurvey, { slug: 'atencion-pqrsd', title: 'Encuesta atencion-pqrsd' });
  });

  test('omitted when the setting is none', async () => {
    assert.equal((await setSurvey(null)).statusCode, 200);
    const body = await track(radicado, code);
    assert.equal(body.state, 'cerrada');
    assert.equal('satisfactionSurvey' in body, false);
  });

  test('omitted once the survey is closed (the setting still names it)', async () => {
    assert.equal((await setSurvey('atencion-pqrsd')).statusCode, 200);
    assert.ok((await track(radicado, code)).satisfactionSurvey);
    const closed = await app.inject({ method: 'POST', url: `/api/admin/surveys/${openId}/close`, headers: headers() });
    assert.equal(closed.statusCode, 200, closed.body);
    const body = await track(radicado, code);
    assert.equal('satisfactionSurvey' in body, false);
    // A closed survey may stay selected (it is not a draft); it is just not offered.
    const saved = await setSurvey('atencion-pqrsd');
    assert.equal(saved.statusCode, 200, saved.body);
  });
});
