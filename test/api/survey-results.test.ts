/**
 * Survey results on a few thousand seeded responses: every aggregate compared with values
 * computed here independently; date filter; text search; CSV export round-tripped by csv-parse.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { Answers, Question, QuestionResult } from '../../api/survey/schemas.ts';
import { insertResponse, surveyTallies } from '../../api/survey/store.ts';
import { ADMIN_PASSWORD, openSession, staffHeaders, type StaffSession } from '../admin-helpers.ts';
import { testApp } from '../helpers.ts';
import { matrix } from '../survey-questions.ts';

const { app } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD });
after(() => app.close());

const N = 3000;
const START = Date.parse('2026-12-01T05:00:00.000Z'); // midnight in Bogotá
const STEP = 7 * 60_000; // one response every 7 minutes: about 14.6 days

const PHRASES: [string, boolean][] = [
  // [text, contains «informacion» ignoring case and accents]
  ['Mejorar la información del sitio web', true],
  ['Más horarios en la tarde', false],
  ['La INFORMACIÓN fue clara', true],
  ['Todo bien, "gracias"; volveré\nal próximo curso', false],
  ['informacion sin tilde, escrita rápido', true],
];

const opt = (...values: string[]) => values.map((value) => ({ value, label: `Etiqueta ${value}` }));
const QUESTIONS: Question[] = [
  { id: 'sede', type: 'single', label: 'Sede', required: true, options: opt('norte', 'sur', 'centro') },
  { id: 'temas', type: 'multiple', label: 'Temas', required: false, max: 3, options: opt('a', 'b', 'c', 'd') },
  { id: 'nota', type: 'rating', label: 'Nota', required: true },
  { id: 'nps', type: 'nps', label: 'Recomendación', required: false },
  { id: 'curso', type: 'text', label: 'Curso', required: false },
  { id: 'resuelto', type: 'yesno', label: 'Resuelto', required: true },
  { id: 'motivo', type: 'textarea', label: 'Motivo', required: false, showIf: { question: 'resuelto', equals: false } },
  matrix('atencion', 'Atención', false, [['amabilidad', 'Amabilidad'], ['claridad', 'Claridad'], ['tiempo', 'Tiempo']], opt('1', '2', '3', '4', '5')),
];

/** Mulberry32: a small seeded PRNG, so every run seeds the same responses. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20261201);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const chance = (p: number) => random() < p;

function randomAnswers(): Answers {
  const a: Answers = { sede: pick(['norte', 'sur', 'centro']), nota: 1 + Math.floor(random() * 5), resuelto: chance(0.6) };
  if (chance(0.7)) {
    const chosen = ['a', 'b', 'c', 'd'].filter(() => chance(0.4)).slice(0, 3);
    if (chosen.length) a.temas = chosen;
  }
  if (chance(0.8)) a.nps = Math.floor(random() * 11);
  if (chance(0.3)) a.curso = pick(['Sistemas', 'Contabilidad', 'Inglés']);
  if (a.resuelto === false && chance(0.7)) a.motivo = pick(PHRASES)[0];
  if (chance(0.9)) {
    const m: Record<string, string> = {};
    for (const row of ['amabilidad', 'claridad', 'tiempo']) if (chance(0.85)) m[row] = pick(['1', '2', '3', '4', '5']);
    if (Object.keys(m).length) a.atencion = m;
  }
  return a;
}

interface Seeded {
  id: number;
  at: string;
  answers: Answers;
}
const seeded: Seeded[] = [];
let surveyId: number;
let admin: StaffSession;

before(async () => {
  admin = openSession(app, 1);
  const res = await app.inject({
    method: 'POST',
    url: '/api/admin/surveys',
    headers: staffHeaders(admin),
    payload: { slug: 'resultados', title: 'Resultados', resultsPublic: true, questions: QUESTIONS },
  });
  assert.equal(res.statusCode, 201, res.body);
  surveyId = res.json().id;
  assert.equal((await app.inject({ method: 'POST', url: `/api/admin/surveys/${surveyId}/open`, headers: staffHeaders(admin) })).statusCode, 200);
  app.db.transaction(() => {
    for (let i = 0; i < N; i++) {
      const at = new Date(START + i * STEP).toISOString();
      const answers = randomAnswers();
      seeded.push({ id: insertResponse(app.db, { surveyId, questions: QUESTIONS, at, tokenId: `t${i}`, invitationId: null, answers }), at, answers });
    }
    surveyTallies(app.db).flush();
  })();
});

// --- Independent computations ------------------------------------------------------------------

const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;
const bogotaDay = (at: string) => new Date(Date.parse(at) - 5 * 3_600_000).toISOString().slice(0, 10);

function expectedOptions(values: unknown[], buckets: { value: string | number | boolean; label: string }[], answered: number) {
  return buckets.map(({ value, label }) => {
    const count = values.filter((v) => v === value).length;
    return { value, label, count, percent: answered ? r1((100 * count) / answered) : 0 };
  });
}

/** `q`: only the search the PHRASES are labelled for. */
function expectedResults(rows: Seeded[], q?: 'informacion'): QuestionResult[] {
  return QUESTIONS.map((question) => {
    const given = rows.filter((r) => r.answers[question.id] !== undefined);
    const values = given.map((r) => r.answers[question.id]);
    const answered = given.length;
    const base = { id: question.id, type: question.type, label: question.label, answered };
    switch (question.type) {
      case 'single':
        return { ...base, options: expectedOptions(values, question.options!, answered) };
      case 'multiple':
        return { ...base, options: expectedOptions((values as string[][]).flat(), question.options!, answered) };
      case 'yesno':
        return { ...base, options: expectedOptions(values, [{ value: true, label: 'Sí' }, { value: false, label: 'No' }], answered) };
      case 'rating':
      case 'nps': {
        const scale = question.type === 'rating' ? [1, 2, 3, 4, 5] : [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        const nums = values as number[];
        const result: QuestionResult = {
          ...base,
          options: expectedOptions(nums, scale.map((n) => ({ value: n, label: String(n) })), answered),
          average: answered ? r2(nums.reduce((a, b) => a + b, 0) / answered) : null,
        };
        if (question.type === 'nps') {
          const promoters = nums.filter((n) => n >= 9).length;
          const detractors = nums.filter((n) => n <= 6).length;
          result.nps = { score: r1((100 * (promoters - detractors)) / answered), promoters, passives: answered - promoters - detractors, detractors };
        }
        return result;
      }
      case 'matrix':
        return {
          ...base,
          rows: question.rows!.map((row) => {
            const rowValues = (values as Record<string, string>[]).map((m) => m[row.id]).filter((v) => v !== undefined);
            return { id: row.id, label: row.label, options: expectedOptions(rowValues, question.options!, rowValues.length) };
          }),
        };
      default: {
        const matches = (text: string) => !q || PHRASES.some(([p, hasWord]) => p === text && hasWord);
        const texts = given
          .filter((r) => matches(r.answers[question.id] as string))
          .map((r) => ({ at: r.at, text: r.answers[question.id] as string }))
          .reverse()
          .slice(0, 500);
        return { ...base, texts };
      }
    }
  });
}

async function staffResults(query = '') {
  const res = await app.inject({ method: 'GET', url: `/api/admin/surveys/${surveyId}/results${query}`, headers: staffHeaders(admin) });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

describe('aggregates', () => {
  test('staff results match the independent computation for every question', async () => {
    const got = await staffResults();
    assert.equal(got.total, N);
    const expected = expectedResults(seeded);
    for (let i = 0; i < QUESTIONS.length; i++) assert.deepEqual(got.questions[i], expected[i], QUESTIONS[i]!.id);
  });

  test('sanity of the seed: every kind of answer is there in numbers', () => {
    const expected = expectedResults(seeded);
    assert.ok(expected.every((q) => q.answered > 100), 'each question answered more than 100 times');
    const nps = expected.find((q) => q.id === 'nps')!.nps!;
    assert.ok(nps.promoters > 0 && nps.passives > 0 && nps.detractors > 0);
    assert.ok(expected.find((q) => q.id === 'motivo')!.texts!.length === 500, 'more texts than the list holds');
  });

  test('public results are the same without the text answers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/surveys/resultados/results' });
    assert.equal(res.statusCode, 200);
    const expected = expectedResults(seeded).map(({ texts: _texts, ...q }) => q);
    assert.deepEqual(res.json(), { slug: 'resultados', title: 'Resultados', total: N, questions: expected });
  });

  test('date filter: Bogotá days, both included', async () => {
    const from = '2026-12-05';
    const to = '2026-12-09';
    const inRange = seeded.filter((r) => bogotaDay(r.at) >= from && bogotaDay(r.at) <= to);
    assert.ok(inRange.length > 500 && inRange.length < N);
    const got = await staffResults(`?from=${from}&to=${to}`);
    assert.equal(got.total, inRange.length);
    assert.deepEqual(got.questions, expectedResults(inRange));
  });

  test('text search ignores case and accents, and leaves the counts alone', async () => {
    const got = await staffResults('?q=informacion');
    const expected = expectedResults(seeded, 'informacion');
    const motivo = got.questions.find((q: QuestionResult) => q.id === 'motivo') as Required<QuestionResult>;
    assert.deepEqual(motivo, expected.find((q) => q.id === 'motivo'));
    assert.ok(motivo.texts.length > 0 && motivo.texts.every((t: { text: string }) => /informaci[oó]n/i.test(t.text)));
    assert.deepEqual(got.questions.find((q: QuestionResult) => q.id === 'curso').texts, []);
    assert.equal(got.total, N);
    assert.deepEqual(got.questions.find((q: QuestionResult) => q.id === 'nota'), expected.find((q) => q.id === 'nota'));
  });

  test('a bad filter is 400 with the field named', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/admin/surveys/${surveyId}/results?from=2026-13&to=2026-12-01`, headers: staffHeaders(admin) });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().fields.from, /^Desde:/);
    const unreal = await app.inject({ method: 'GET', url: `/api/admin/surveys/${surveyId}/responses.csv?from=2026-02-30`, headers: staffHeaders(admin) });
    assert.equal(unreal.statusCode, 400);
    assert.match(unreal.json().fields.from, /^Desde: escriba una fecha real/);
    const reversed = await app.inject({ method: 'GET', url: `/api/admin/surveys/${surveyId}/results?from=2026-12-09&to=2026-12-01`, headers: staffHeaders(admin) });
    assert.equal(reversed.statusCode, 400);
    assert.match(reversed.json().fields.to, /^Hasta:/);
  });

  test('a survey without responses: zeros, null averages', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/admin/surveys',
      headers: staffHeaders(admin),
      payload: { slug: 'sin-respuestas', title: 'Sin respuestas', questions: QUESTIONS },
    });
    const got = (await app.inject({ method: 'GET', url: `/api/admin/surveys/${res.json().id}/results`, headers: staffHeaders(admin) })).json();
    assert.equal(got.total, 0);
    assert.deepEqual(got.questions, expectedResults([]).map((q) => (q.type === 'nps' ? { ...q, nps: { score: 0, promoters: 0, passives: 0, detractors: 0 } } : q)));
  });
});

describe('CSV export', () => {
  const cellOf = (q: Question, a: Answers): string[] => {
    const v = a[q.id];
    if (q.type === 'matrix') return q.rows!.map((r) => (v as Record<string, string> | undefined)?.[r.id] ?? '');
    if (v === undefined) return [''];
    if (Array.isArray(v)) return [v.join('|')];
    if (typeof v === 'boolean') return [v ? 'Sí' : 'No'];
    return [String(v)];
  };
  const header = ['Respuesta', 'Fecha (UTC)', ...QUESTIONS.flatMap((q) => (q.type === 'matrix' ? q.rows!.map((r) => `${q.label} — ${r.label}`) : [q.label]))];

  async function csv(query = '') {
    const res = await app.inject({ method: 'GET', url: `/api/admin/surveys/${surveyId}/responses.csv${query}`, headers: staffHeaders(admin) });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="encuesta-resultados.*\.csv"$/);
    return res.body;
  }

  test('one row per response, one column per question (and per matrix row); round-trips through csv-parse', async () => {
    const body = await csv();
    assert.ok(body.startsWith('\uFEFF'), 'UTF-8 BOM');
    assert.ok(body.split('\r\n').length > N, 'CRLF line ends');
    const records = parse(body, { bom: true, delimiter: ';', record_delimiter: '\r\n' }) as string[][];
    assert.deepEqual(records[0], header);
    assert.equal(records.length, N + 1);
    const expected = seeded.map((r) => [String(r.id), r.at, ...QUESTIONS.flatMap((q) => cellOf(q, r.answers))]);
    assert.deepEqual(records.slice(1), expected);
    assert.ok(
      records.some((r) => r.includes('Todo bien, "gracias"; volveré\nal próximo curso')),
      'a text with quotes, a semicolon and a line break survives',
    );
  });

  test('date filter', async () => {
    const records = parse(await csv('?from=2026-12-03&to=2026-12-03'), { bom: true, delimiter: ';' }) as string[][];
    const expected = seeded.filter((r) => bogotaDay(r.at) === '2026-12-03').map((r) => String(r.id));
    assert.ok(expected.length > 100);
    assert.deepEqual(records.slice(1).map((r) => r[0]), expected);
  });
});
