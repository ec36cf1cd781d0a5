/**
 * Surveys: the public API (definition, token, answers validated against the definition,
 * duplicates, closed / draft / scheduled surveys, invitations) and the staff API (build, open,
 * close, duplicate, delete, audit). Real app, real SQLite.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { surveyInputSchema, type Question } from '../../api/survey/schemas.ts';
import { ADMIN_PASSWORD, openSession, staffHeaders, staffSession, type StaffSession } from '../admin-helpers.ts';
import { testApp } from '../helpers.ts';
import { matrix } from '../survey-questions.ts';

let clock = new Date('2026-12-01T15:00:00.000Z');
const { app } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD }, () => clock);
after(() => app.close());

let admin: StaffSession;
before(() => {
  admin = openSession(app, 1);
});

const options = (...values: string[]) => values.map((value) => ({ value, label: `Opción ${value.toUpperCase()}` }));

/** One question of every type, with branching on a yes/no, a single and a multiple choice. */
const QUESTIONS: Question[] = [
  { id: 's1', type: 'single', label: 'Sede', required: true, options: options('a', 'b', 'c') },
  { id: 's1b', type: 'text', label: '¿Por qué la sede B?', required: false, showIf: { question: 's1', equals: 'b' } },
  { id: 'm1', type: 'multiple', label: 'Temas', required: false, min: 1, max: 2, options: options('a', 'b', 'c', 'd') },
  { id: 'm1c', type: 'text', label: '¿Qué del tema C?', required: false, showIf: { question: 'm1', equals: 'c' } },
  { id: 'r1', type: 'rating', label: 'Calificación', required: true },
  { id: 'n1', type: 'nps', label: 'Recomendación', required: false },
  { id: 't1', type: 'text', label: 'Nombre del curso', required: false },
  { id: 'ta1', type: 'textarea', label: 'Comentarios', required: false },
  { id: 'y1', type: 'yesno', label: '¿Le resolvieron?', required: true },
  { id: 'y1no', type: 'textarea', label: '¿Qué faltó?', required: true, showIf: { question: 'y1', equals: false } },
  matrix('mx', 'Atención', true, [['r1', 'Amabilidad'], ['r2', 'Claridad']], options('1', '2', '3')),
  matrix('mxo', 'Instalaciones', false, [['r1', 'Aseo'], ['r2', 'Acceso']], options('1', '2', '3')),
];

const VALID = { s1: 'a', r1: 3, y1: true, mx: { r1: '1', r2: '2' } };

function definition(slug: string, overrides: Record<string, unknown> = {}) {
  return { slug, title: `Encuesta ${slug}`, description: 'Para probar.', questions: QUESTIONS, ...overrides };
}

async function staff(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, session = admin) {
  return app.inject({ method, url: `/api/admin/surveys${url}`, headers: staffHeaders(session), ...(payload ? { payload } : {}) });
}

/** Creates a survey through the staff API and opens it; returns its id. */
async function openSurvey(slug: string, overrides: Record<string, unknown> = {}): Promise<number> {
  const created = await staff('POST', '/', definition(slug, overrides));
  assert.equal(created.statusCode, 201, created.body);
  const { id } = created.json();
  const opened = await staff('POST', `/${id}/open`);
  assert.equal(opened.statusCode, 200, opened.body);
  return id;
}

async function token(slug: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: `/api/surveys/${slug}/token` });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().token;
}

async function answer(slug: string, answers: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const body = { answers, token: await token(slug), ...extra };
  return app.inject({ method: 'POST', url: `/api/surveys/${slug}/responses`, payload: body });
}

const count = (slug: string) =>
  app.db.prepare('SELECT count(*) FROM survey_responses r JOIN surveys s ON s.id = r.survey_id WHERE s.slug = ?').pluck().get(slug) as number;

const storedAnswers = (id: number) =>
  JSON.parse(app.db.prepare('SELECT answers FROM survey_responses WHERE id = ?').pluck().get(id) as string) as Record<string, unknown>;

describe('the seeded sample survey', () => {
  test('is open, anonymous, with public results and a representative set of questions', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/surveys/satisfaccion-servicio' });
    assert.equal(res.statusCode, 200);
    const s = res.json();
    assert.equal(s.title, 'Encuesta de satisfacción del servicio');
    assert.equal(s.status, 'open');
    assert.equal(s.anonymous, true);
    assert.equal(s.resultsPublic, true);
    const types = s.questions.map((q: Question) => q.type);
    for (const t of ['rating', 'nps', 'single', 'yesno', 'multiple', 'matrix', 'textarea']) assert.ok(types.includes(t), t);
    const matrix = s.questions.find((q: Question) => q.type === 'matrix');
    assert.deepEqual(matrix.rows.map((r: { label: string }) => r.label), ['Amabilidad', 'Claridad de la información', 'Tiempo de respuesta']);
    assert.equal(matrix.options[0].label, 'Muy en desacuerdo');
    assert.equal(matrix.options.at(-1).label, 'Muy de acuerdo');
    assert.deepEqual(s.questions.find((q: Question) => q.showIf)?.showIf, { question: 'resuelto', equals: false });
    assert.equal(s.questions.find((q: Question) => q.type === 'multiple').max, 2);
    // The seed is a definition staff could have written.
    assert.ok(surveyInputSchema.safeParse({ ...s }).success, JSON.stringify(surveyInputSchema.safeParse(s).error?.issues));
  });

  test('takes an answer', async () => {
    const res = await answer('satisfaccion-servicio', {
      calificacion: 5,
      recomendacion: 10,
      canal: 'web',
      resuelto: false,
      motivo: 'Más horarios',
      mejoras: ['horarios', 'cursos'],
      atencion: { amabilidad: '5', claridad: '4', tiempo: '3' },
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(typeof res.json().id, 'number');
  });
});

describe('answers are validated against the definition', () => {
  const slug = 'validacion';
  before(() => openSurvey(slug));

  const invalid: [string, unknown, string][] = [
    ['s1', 'z', 'not an option'],
    ['s1', 1, 'a number'],
    ['s1', ['a'], 'a list'],
    ['s1', null, 'required, missing'],
    ['s1', '', 'required, blank'],
    ['m1', 'a', 'not a list'],
    ['m1', ['a', 'z'], 'an unknown option'],
    ['m1', ['a', 'a'], 'a repeated option'],
    ['m1', ['a', 'b', 'c'], 'more than max'],
    ['m1', [1], 'a number in the list'],
    ['r1', 0, 'below 1'],
    ['r1', 6, 'above 5'],
    ['r1', 3.5, 'not an integer'],
    ['r1', '3', 'a string'],
    ['r1', undefined, 'required, missing'],
    ['n1', -1, 'below 0'],
    ['n1', 11, 'above 10'],
    ['n1', 7.2, 'not an integer'],
    ['n1', '7', 'a string'],
    ['t1', 'x'.repeat(501), 'over 500 characters'],
    ['t1', 5, 'not a text'],
    ['t1', 'a\u0001b', 'a control character'],
    ['ta1', 'x'.repeat(5001), 'over 5000 characters'],
    ['ta1', { text: 'hola' }, 'an object'],
    ['y1', 'true', 'a string'],
    ['y1', 1, 'a number'],
    ['y1', undefined, 'required, missing'],
    ['mx', { r1: '1' }, 'a row missing in a required matrix'],
    ['mx', { r1: '1', r2: '9' }, 'a value off the scale'],
    ['mx', { r1: '1', r2: '2', r3: '1' }, 'an unknown row'],
    ['mx', ['1', '2'], 'a list'],
    ['mx', '1', 'a string'],
    ['mx', {}, 'required, empty'],
    ['mxo', { r9: '1' }, 'an unknown row in an optional matrix'],
    ['zz', 'hola', 'not a question of the survey'],
  ];
  for (const [id, value, what] of invalid) {
    test(`${id}: ${what} -> 400 on answers.${id}, nothing stored`, async () => {
      const before = count(slug);
      const answers: Record<string, unknown> = { ...VALID, [id]: value };
      if (value === undefined) delete answers[id];
      const res = await answer(slug, answers);
      assert.equal(res.statusCode, 400, res.body);
      const body = res.json();
      assert.equal(body.error, 'Revise las respuestas marcadas.');
      assert.deepEqual(Object.keys(body.fields), [`answers.${id}`]);
      assert.match(body.fields[`answers.${id}`], /[a-záéíóúñ]{3}/i, 'a Spanish message');
      assert.equal(count(slug), before);
    });
  }

  test('every error at once, each under its question', async () => {
    const res = await answer(slug, { s1: 'z', r1: 9, y1: 'no', mx: {} });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(Object.keys(res.json().fields).sort(), ['answers.mx', 'answers.r1', 'answers.s1', 'answers.y1']);
    assert.equal(res.json().fields['answers.r1'], '«Calificación»: elija una calificación de 1 a 5.');
  });

  const valid: [string, Record<string, unknown>][] = [
    ['only the required ones', {}],
    ['the lowest rating and NPS', { r1: 1, n1: 0 }],
    ['the highest rating and NPS', { r1: 5, n1: 10 }],
    ['a multiple choice at its max', { m1: ['a', 'd'] }],
    ['an optional multiple choice left empty', { m1: [] }],
    ['texts at their limits', { t1: 'x'.repeat(500), ta1: 'y'.repeat(5000) }],
    ['an optional matrix partly answered', { mxo: { r2: '3' } }],
    ['optional answers sent as null', { n1: null, t1: null, mxo: null }],
  ];
  for (const [what, extra] of valid) {
    test(`valid: ${what} -> 201`, async () => {
      const res = await answer(slug, { ...VALID, ...extra });
      assert.equal(res.statusCode, 201, res.body);
    });
  }

  test('texts are stored trimmed; blanks and empty lists are not stored', async () => {
    const res = await answer(slug, { ...VALID, t1: '  Sistemas básicos  ', ta1: '   ', m1: [] });
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(storedAnswers(res.json().id), { ...VALID, t1: 'Sistemas básicos' });
  });

  test('the body must carry answers as an object', async () => {
    const res = await app.inject({ method: 'POST', url: `/api/surveys/${slug}/responses`, payload: { answers: [1], token: await token(slug) } });
    assert.equal(res.statusCode, 400);
    assert.ok(res.json().fields.answers);
  });
});

describe('branching', () => {
  const slug = 'ramificacion';
  before(() => openSurvey(slug));

  test('an answer to a hidden question is refused (yes/no)', async () => {
    const res = await answer(slug, { ...VALID, y1: true, y1no: 'Nada' });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(Object.keys(res.json().fields), ['answers.y1no']);
    assert.match(res.json().fields['answers.y1no'], /no aplica/);
  });

  test('a hidden required question is not required', async () => {
    const res = await answer(slug, { ...VALID, y1: true });
    assert.equal(res.statusCode, 201, res.body);
  });

  test('a shown required question is required', async () => {
    const res = await answer(slug, { ...VALID, y1: false });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(Object.keys(res.json().fields), ['answers.y1no']);
    assert.equal(res.json().fields['answers.y1no'], '«¿Qué faltó?»: es obligatoria.');
    const ok = await answer(slug, { ...VALID, y1: false, y1no: 'Una respuesta a tiempo.' });
    assert.equal(ok.statusCode, 201, ok.body);
  });

  test('on a single choice: shown only for the given option', async () => {
    assert.equal((await answer(slug, { ...VALID, s1: 'a', s1b: 'Cerca' })).statusCode, 400);
    assert.equal((await answer(slug, { ...VALID, s1: 'b', s1b: 'Cerca' })).statusCode, 201);
  });

  test('on a multiple choice: shown when the option is among those chosen', async () => {
    assert.equal((await answer(slug, { ...VALID, m1: ['a'], m1c: 'Redes' })).statusCode, 400);
    assert.equal((await answer(slug, { ...VALID, m1: ['a', 'c'], m1c: 'Redes' })).statusCode, 201);
  });

  test('a question depending on an unanswered one is hidden', async () => {
    const res = await answer(slug, { ...VALID, m1c: 'Redes' });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(Object.keys(res.json().fields), ['answers.m1c']);
  });
});

describe('one answer per browser token', () => {
  const slug = 'duplicados';
  before(() => openSurvey(slug));
  const post = (body: object) => app.inject({ method: 'POST', url: `/api/surveys/${slug}/responses`, payload: body });

  test('the same token answers once: the second is 409 with a kind message', async () => {
    const t = await token(slug);
    assert.equal((await post({ answers: VALID, token: t })).statusCode, 201);
    const again = await post({ answers: { ...VALID, r1: 1 }, token: t });
    assert.equal(again.statusCode, 409);
    assert.deepEqual(again.json(), { error: 'Ya respondió esta encuesta. ¡Gracias por su opinión!', code: 'duplicate' });
    assert.equal(count(slug), 1);
  });

  test('two answers with one token at the same moment: one is stored', async () => {
    const before = count(slug);
    const t = await token(slug);
    const results = await Promise.all([post({ answers: VALID, token: t }), post({ answers: VALID, token: t })]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 409]);
    assert.equal(count(slug), before + 1);
  });

  test('answers sharing one commit, a duplicate among them: the counters match what was stored', async () => {
    const id = await openSurvey('lote');
    const tokens = await Promise.all(Array.from({ length: 20 }, () => token('lote')));
    const bodies = tokens.map((t, i) => ({ answers: { ...VALID, r1: 1 + (i % 5) }, token: t }));
    bodies.push({ answers: VALID, token: tokens[3]! });
    // Sent together, they are written in one batch; the duplicate rolls it back and each is retried alone.
    const results = await Promise.all(bodies.map((b) => app.inject({ method: 'POST', url: '/api/surveys/lote/responses', payload: b })));
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [...Array(20).fill(201), 409]);
    const stored = (app.db.prepare('SELECT answers FROM survey_responses WHERE survey_id = ?').pluck().all(id) as string[]).map(
      (a) => JSON.parse(a) as { r1: number },
    );
    const results1 = (await staff('GET', `/${id}/results`)).json();
    const r1 = (results1.questions ?? results1).find((q: { id: string }) => q.id === 'r1');
    assert.equal(r1.answered, 20);
    for (const option of r1.options) {
      assert.equal(option.count, stored.filter((a) => String(a.r1) === String(option.value)).length, `r1 = ${option.value}`);
    }
  });

  test('no token, a forged one, another survey\'s, or an expired one: 403, nothing stored', async () => {
    const before = count(slug);
    const good = await token(slug);
    const [id, s, issued, sig] = good.split('.') as [string, string, string, string];
    const other = await token('satisfaccion-servicio');
    const cases: [string, string | undefined][] = [
      ['none', undefined],
      ['garbage', 'hola'],
      ['a changed signature', `${id}.${s}.${issued}.${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`],
      ['a changed id', `${'A'.repeat(22)}.${s}.${issued}.${sig}`],
      ['a changed date', `${id}.${s}.${Number(issued) - 1}.${sig}`],
      ['a non-ASCII signature', `${id}.${s}.${issued}.${'ñ'.repeat(43)}`],
      ["another survey's token", other],
    ];
    for (const [what, t] of cases) {
      const res = await post({ answers: VALID, ...(t === undefined ? {} : { token: t }) });
      assert.equal(res.statusCode, 403, `${what}: ${res.body}`);
      assert.equal(res.json().code, 'token', what);
    }
    const saved = clock;
    clock = new Date(clock.getTime() + 401 * 86_400_000);
    try {
      const res = await post({ answers: VALID, token: good });
      assert.equal(res.statusCode, 403, 'a token older than 400 days');
    } finally {
      clock = saved;
    }
    assert.equal(count(slug), before);
    // The good token still works: nothing above used it up.
    assert.equal((await post({ answers: VALID, token: good })).statusCode, 201);
  });

  test('tokens survive a restart: the key is in the database', () => {
    const secret = app.db.prepare("SELECT value ->> '$' FROM settings WHERE key = 'surveyTokenSecret'").pluck().get() as string;
    assert.match(secret, /^[0-9a-f]{64}$/);
  });
});

describe('rate limit per IP', () => {
  test('tokens and answers are limited when ECAM_RATE_LIMIT is on', async () => {
    const { app: limited } = await testApp({ ECAM_RATE_LIMIT: 'on', ECAM_RATE_LIMIT_MAX: '2' });
    try {
      const url = '/api/surveys/satisfaccion-servicio/token';
      assert.equal((await limited.inject({ method: 'POST', url })).statusCode, 201);
      assert.equal((await limited.inject({ method: 'POST', url })).statusCode, 201);
      const third = await limited.inject({ method: 'POST', url });
      assert.equal(third.statusCode, 429);
      assert.match(third.json().error, /Demasiadas solicitudes/);
      const responses = '/api/surveys/satisfaccion-servicio/responses';
      for (let i = 0; i < 2; i++) assert.equal((await limited.inject({ method: 'POST', url: responses, payload: { answers: {} } })).statusCode, 403);
      assert.equal((await limited.inject({ method: 'POST', url: responses, payload: { answers: {} } })).statusCode, 429);
    } finally {
      await limited.close();
    }
  });
});

describe('closed, draft, unknown and scheduled surveys', () => {
  test('closed: the definition says so without questions; token and answer are 410', async () => {
    const id = await openSurvey('cerrada');
    const t = await token('cerrada');
    assert.equal((await staff('POST', `/${id}/close`)).statusCode, 200);
    const def = await app.inject({ method: 'GET', url: '/api/surveys/cerrada' });
    assert.equal(def.statusCode, 200);
    assert.equal(def.json().status, 'closed');
    assert.deepEqual(def.json().questions, []);
    assert.equal((await app.inject({ method: 'POST', url: '/api/surveys/cerrada/token' })).statusCode, 410);
    const res = await app.inject({ method: 'POST', url: '/api/surveys/cerrada/responses', payload: { answers: VALID, token: t } });
    assert.equal(res.statusCode, 410);
    assert.equal(res.json().code, 'closed');
    assert.equal(count('cerrada'), 0);
  });

  test('past its closing date: closed (410)', async () => {
    await openSurvey('vencida', { closesAt: '2026-12-01T16:00:00-05:00' });
    const t = await token('vencida');
    const saved = clock;
    clock = new Date('2026-12-01T21:00:00.000Z');
    try {
      assert.equal((await app.inject({ method: 'GET', url: '/api/surveys/vencida' })).json().status, 'closed');
      const res = await app.inject({ method: 'POST', url: '/api/surveys/vencida/responses', payload: { answers: VALID, token: t } });
      assert.equal(res.statusCode, 410);
    } finally {
      clock = saved;
    }
  });

  test('draft and unknown: 404 everywhere', async () => {
    const created = await staff('POST', '/', definition('borrador', { resultsPublic: true }));
    assert.equal(created.statusCode, 201);
    for (const slug of ['borrador', 'no-existe']) {
      for (const [method, url] of [
        ['GET', ''],
        ['POST', '/token'],
        ['POST', '/responses'],
        ['GET', '/results'],
      ] as const) {
        const res = await app.inject({ method, url: `/api/surveys/${slug}${url}`, ...(method === 'POST' ? { payload: { answers: VALID, token: 'x' } } : {}) });
        assert.equal(res.statusCode, 404, `${method} ${slug}${url}: ${res.body}`);
      }
    }
    assert.equal(count('borrador'), 0);
  });

  test('an invalid slug is 400, not a lookup', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/surveys/NO%20VALE' });
    assert.equal(res.statusCode, 400);
    assert.ok(res.json().fields.slug);
  });

  test('scheduled: shown as such until it opens, then answerable', async () => {
    await openSurvey('programada', { opensAt: '2026-12-02T08:00:00-05:00' });
    const def = await app.inject({ method: 'GET', url: '/api/surveys/programada' });
    assert.equal(def.json().status, 'scheduled');
    assert.equal(def.json().opensAt, '2026-12-02T13:00:00.000Z');
    assert.deepEqual(def.json().questions, []);
    const early = await app.inject({ method: 'POST', url: '/api/surveys/programada/token' });
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().code, 'scheduled');
    const saved = clock;
    clock = new Date('2026-12-02T13:00:00.000Z');
    try {
      assert.equal((await app.inject({ method: 'GET', url: '/api/surveys/programada' })).json().status, 'open');
      assert.equal((await answer('programada', VALID)).statusCode, 201);
    } finally {
      clock = saved;
    }
  });

  test('results: public only when staff chose so', async () => {
    await openSurvey('privada', { resultsPublic: false });
    assert.equal((await app.inject({ method: 'GET', url: '/api/surveys/privada/results' })).statusCode, 404);
    await openSurvey('publica', { resultsPublic: true });
    await answer('publica', { ...VALID, t1: 'Texto privado' });
    const res = await app.inject({ method: 'GET', url: '/api/surveys/publica/results' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().total, 1);
    assert.ok(!res.body.includes('Texto privado'), 'text answers are never public');
    assert.ok(res.json().questions.every((q: { texts?: unknown }) => q.texts === undefined));
  });
});

describe('identified surveys: single-use invitations', () => {
  let id: number;
  let codes: string[];
  before(async () => {
    id = await openSurvey('identificada', { anonymous: false });
    const res = await staff('POST', `/${id}/invitations`, { count: 3, pageUrl: 'https://www.floridablanca.gov.co/encuestas?x=1' });
    assert.equal(res.statusCode, 201, res.body);
    const links: string[] = res.json().links;
    assert.equal(links.length, 3);
    codes = links.map((l) => {
      const url = new URL(l);
      assert.equal(url.origin + url.pathname, 'https://www.floridablanca.gov.co/encuestas');
      assert.equal(url.searchParams.get('x'), '1');
      assert.equal(url.searchParams.get('encuesta'), 'identificada');
      return url.searchParams.get('invitacion')!;
    });
    assert.equal(new Set(codes).size, 3);
  });

  test('without an invitation, or with a made-up one: 403, nothing stored', async () => {
    for (const extra of [{}, { invitation: 'inventada' }]) {
      const res = await answer('identificada', VALID, extra);
      assert.equal(res.statusCode, 403, res.body);
      assert.equal(res.json().code, 'invitation');
    }
    assert.equal(count('identificada'), 0);
  });

  test('each link answers once, even from another browser', async () => {
    assert.equal((await answer('identificada', VALID, { invitation: codes[0] })).statusCode, 201);
    const again = await answer('identificada', VALID, { invitation: codes[0] });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'duplicate');
    assert.equal((await answer('identificada', VALID, { invitation: codes[1] })).statusCode, 201);
    assert.equal(count('identificada'), 2);
  });

  test('an invalid answer does not use the invitation up', async () => {
    assert.equal((await answer('identificada', { ...VALID, r1: 0 }, { invitation: codes[2] })).statusCode, 400);
    assert.equal((await answer('identificada', VALID, { invitation: codes[2] })).statusCode, 201);
  });

  test('one link used from two browsers at the same moment: one answer is stored', async () => {
    const res = await staff('POST', `/${id}/invitations`, { count: 1 });
    const code = new URL(res.json().links[0]).searchParams.get('invitacion')!;
    const before = count('identificada');
    const results = await Promise.all([answer('identificada', VALID, { invitation: code }), answer('identificada', VALID, { invitation: code })]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 409]);
    assert.equal(count('identificada'), before + 1);
  });

  test('codes are stored hashed only', () => {
    const stored = app.db.prepare('SELECT code_hash FROM survey_invitations WHERE survey_id = ?').pluck().all(id) as string[];
    assert.equal(stored.length, 4);
    for (const code of codes) assert.ok(!stored.includes(code));
    assert.ok(stored.every((h) => /^[0-9a-f]{64}$/.test(h)));
  });

  test('an anonymous survey gets no invitations', async () => {
    const anon = await openSurvey('anonima-sin-invitaciones');
    const res = await staff('POST', `/${anon}/invitations`, { count: 1 });
    assert.equal(res.statusCode, 409);
  });

  test('count is validated', async () => {
    const res = await staff('POST', `/${id}/invitations`, { count: 0 });
    assert.equal(res.statusCode, 400);
    assert.ok(res.json().fields.count);
  });
});

describe('staff: build, open, close, duplicate, delete', () => {
  test('create a draft, read it, list it', async () => {
    const res = await staff('POST', '/', definition('nueva'));
    assert.equal(res.statusCode, 201, res.body);
    const s = res.json();
    assert.equal(s.state, 'draft');
    assert.equal(s.anonymous, true, 'anonymous by default');
    assert.equal(s.resultsPublic, false);
    assert.equal(s.thankYou, '¡Gracias por su opinión! Nos ayuda a mejorar.');
    assert.deepEqual(s.questions, QUESTIONS);
    assert.deepEqual((await staff('GET', `/${s.id}`)).json(), s);
    const list = (await staff('GET', '/')).json().items;
    assert.ok(list.some((i: { slug: string; questions?: unknown }) => i.slug === 'nueva' && i.questions === undefined));
    assert.equal(list.find((i: { slug: string }) => i.slug === 'satisfaccion-servicio').responses >= 1, true);
  });

  test('invalid definitions: 400 with Spanish messages per field', async () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['a bad slug', { slug: 'Con Espacios' }, 'slug'],
      ['no title', { title: '  ' }, 'title'],
      ['closing before opening', { opensAt: '2026-12-10T00:00:00-05:00', closesAt: '2026-12-09T00:00:00-05:00' }, 'closesAt'],
      ['a date without zone', { opensAt: '2026-12-10' }, 'opensAt'],
      ['a single choice with one option', { questions: [{ id: 'a', type: 'single', label: 'A', options: options('x') }] }, 'questions.0.options'],
      ['a matrix without rows', { questions: [{ id: 'a', type: 'matrix', label: 'A', options: options('1', '2') }] }, 'questions.0.rows'],
      ['a repeated id', { questions: [{ id: 'a', type: 'rating', label: 'A' }, { id: 'a', type: 'nps', label: 'B' }] }, 'questions.1.id'],
      ['an unknown type', { questions: [{ id: 'a', type: 'fecha', label: 'A' }] }, 'questions.0.type'],
      ['max below min', { questions: [{ id: 'a', type: 'multiple', label: 'A', options: options('x', 'y'), min: 2, max: 1 }] }, 'questions.0.max'],
      ['min on a rating', { questions: [{ id: 'a', type: 'rating', label: 'A', min: 1 }] }, 'questions.0.min'],
      [
        'branching on a later question',
        { questions: [{ id: 'a', type: 'text', label: 'A', showIf: { question: 'b', equals: true } }, { id: 'b', type: 'yesno', label: 'B' }] },
        'questions.0.showIf.question',
      ],
      [
        'branching on a value the question cannot take',
        { questions: [{ id: 'b', type: 'yesno', label: 'B' }, { id: 'a', type: 'text', label: 'A', showIf: { question: 'b', equals: 'sí' } }] },
        'questions.1.showIf.equals',
      ],
      [
        'branching on a text answer',
        { questions: [{ id: 'b', type: 'text', label: 'B' }, { id: 'a', type: 'text', label: 'A', showIf: { question: 'b', equals: 'x' } }] },
        'questions.1.showIf.question',
      ],
    ];
    for (const [what, overrides, field] of cases) {
      const res = await staff('POST', '/', definition('invalida', overrides));
      assert.equal(res.statusCode, 400, `${what}: ${res.body}`);
      const message = res.json().fields?.[field];
      assert.ok(message, `${what}: ${res.body}`);
      assert.match(message, /^[A-ZÁÉÍÓÚÑ«]/, `${what}: names the field`);
    }
  });

  test('a slug in use is 409', async () => {
    const res = await staff('POST', '/', definition('satisfaccion-servicio'));
    assert.equal(res.statusCode, 409);
    assert.ok(res.json().fields.slug);
  });

  test('a draft is edited; an open one is not (409), a duplicate is', async () => {
    const { id } = (await staff('POST', '/', definition('editable'))).json();
    const edited = await staff('PUT', `/${id}`, definition('editable', { title: 'Nuevo título', questions: QUESTIONS.slice(0, 1) }));
    assert.equal(edited.statusCode, 200, edited.body);
    assert.equal(edited.json().title, 'Nuevo título');
    assert.equal(edited.json().questions.length, 1);

    const empty = await staff('POST', '/', definition('vacia', { questions: [] }));
    assert.equal((await staff('POST', `/${empty.json().id}/open`)).statusCode, 409, 'no questions, no opening');

    assert.equal((await staff('POST', `/${id}/open`)).statusCode, 200);
    assert.equal((await staff('POST', `/${id}/open`)).statusCode, 409, 'already open');
    const frozen = await staff('PUT', `/${id}`, definition('editable', { title: 'Otro' }));
    assert.equal(frozen.statusCode, 409);
    assert.equal(frozen.json().error, 'Una encuesta abierta no cambia: duplíquela para cambiarla.');
    assert.equal((await staff('GET', `/${id}`)).json().title, 'Nuevo título');

    const copy = await staff('POST', `/${id}/duplicate`);
    assert.equal(copy.statusCode, 201, copy.body);
    assert.equal(copy.json().slug, 'editable-copia');
    assert.equal(copy.json().state, 'draft');
    assert.equal(copy.json().title, 'Nuevo título (copia)');
    assert.deepEqual(copy.json().questions, QUESTIONS.slice(0, 1));
    assert.equal((await staff('POST', `/${id}/duplicate`)).json().slug, 'editable-copia-2');
    const changed = await staff('PUT', `/${copy.json().id}`, definition('editable-copia', { title: 'Cambiada' }));
    assert.equal(changed.statusCode, 200);

    assert.equal((await staff('POST', `/${id}/close`)).statusCode, 200);
    assert.equal((await staff('POST', `/${id}/close`)).statusCode, 409, 'already closed');
    assert.equal((await staff('PUT', `/${id}`, definition('editable'))).statusCode, 409, 'closed is frozen too');
  });

  test('only drafts are deleted', async () => {
    const open = await openSurvey('no-se-borra');
    const refused = await staff('DELETE', `/${open}`);
    assert.equal(refused.statusCode, 409);
    assert.equal((await staff('GET', `/${open}`)).statusCode, 200);
    const { id } = (await staff('POST', '/', definition('se-borra'))).json();
    assert.equal((await staff('DELETE', `/${id}`)).statusCode, 204);
    assert.equal((await staff('GET', `/${id}`)).statusCode, 404);
    assert.equal((await staff('DELETE', `/${id}`)).statusCode, 404);
  });

  test('unknown id: 404; bad id: 400', async () => {
    assert.equal((await staff('GET', '/99999')).statusCode, 404);
    assert.equal((await staff('GET', '/abc')).statusCode, 400);
  });

  test('a funcionario may manage surveys', async () => {
    const funcionario = await staffSession(app, 'encuestadora', 'funcionario');
    const res = await staff('POST', '/', definition('de-funcionario'), funcionario);
    assert.equal(res.statusCode, 201, res.body);
  });

  test('every change is audited', async () => {
    const { id } = (await staff('POST', '/', definition('auditada'))).json();
    await staff('PUT', `/${id}`, definition('auditada', { title: 'Auditada' }));
    await staff('POST', `/${id}/duplicate`);
    await staff('POST', `/${id}/open`);
    await staff('GET', `/${id}/responses.csv`);
    await staff('POST', `/${id}/close`);
    const { id: draft } = (await staff('POST', '/', definition('auditada-borrador'))).json();
    await staff('DELETE', `/${draft}`);
    const actions = app.db
      .prepare("SELECT action FROM audit_log WHERE target IN ('auditada', 'auditada-borrador') ORDER BY id")
      .pluck()
      .all();
    assert.deepEqual(actions, [
      'survey.create',
      'survey.update',
      'survey.duplicate',
      'survey.open',
      'survey.export',
      'survey.close',
      'survey.create',
      'survey.delete',
    ]);
    const invite = app.db.prepare("SELECT username, details FROM audit_log WHERE action = 'survey.invite' ORDER BY id").get() as { username: string; details: string };
    assert.equal(invite.username, 'admin');
    assert.deepEqual(JSON.parse(invite.details), { count: 3 }, 'the first invitations of the identified survey');
  });

  test('a refused change leaves no audit entry', async () => {
    const before = app.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'survey.update'").pluck().get();
    const open = await openSurvey('sin-auditoria');
    assert.equal((await staff('PUT', `/${open}`, definition('sin-auditoria'))).statusCode, 409);
    assert.equal(app.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'survey.update'").pluck().get(), before);
  });
});
