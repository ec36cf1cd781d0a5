/**
 * `npm run bench [-- --quick]`: starts the real server on a temporary database and measures, in
 * one run, each public endpoint against `GET /api/health` as the baseline, plus bundle sizes.
 * Absolute numbers depend on the machine; the ratios to the baseline are what we compare.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { openDb } from '../api/db/index.ts';
import { issueToken } from '../api/survey/service.ts';
import { getSurveyBySlug, insertResponse, surveyTallies } from '../api/survey/store.ts';
import { startServer } from '../test/e2e/server.ts';
import { validPqrs } from '../test/helpers.ts';

const quick = process.argv.includes('--quick');
const duration = quick ? 3 : 10;
const connections = 50;
const root = path.resolve(import.meta.dirname, '..');
const widgetsDir = path.join(root, 'dist', 'widgets');

interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
  target?: string;
  /** Concurrent clients; the public endpoints get `connections`. */
  clients?: number;
  /** A new body for every request (e.g. a fresh survey token each), instead of `body`. */
  nextBody?: () => string;
}

const scenarios: Scenario[] = [
  { name: 'GET /api/health (base)', method: 'GET', path: '/api/health' },
  {
    name: 'GET /api/calendar/deadline',
    method: 'GET',
    path: '/api/calendar/deadline?type=peticion&receivedAt=2026-12-04T15%3A00%3A00-05%3A00',
  },
  { name: 'POST /api/pqrs', method: 'POST', path: '/api/pqrs', body: JSON.stringify(validPqrs()), target: '>= 0.25' },
];

async function measure(url: string, s: Scenario) {
  const result = await autocannon({
    url: url + s.path,
    method: s.method,
    body: s.body,
    headers: { ...(s.body || s.nextBody ? { 'content-type': 'application/json' } : {}), ...s.headers },
    connections: s.clients ?? connections,
    duration,
    ...(s.nextBody ? { requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: s.nextBody!() }) }] } : {}),
  });
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) throw new Error(`${s.name}: ${bad} failed requests of ${result.requests.total}`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total };
}

function gzipSize(file: string): number {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}
function brotliSize(file: string): number {
  return zlib.brotliCompressSync(fs.readFileSync(file)).length;
}

/** Every built file with its raw, gzip and brotli size. */
function bundleSizes() {
  if (!fs.existsSync(path.join(widgetsDir, 'ecam.js'))) execFileSync('npx', ['vite', 'build'], { cwd: root, stdio: 'ignore' });
  const files = ['ecam.js', ...fs.readdirSync(path.join(widgetsDir, 'chunks')).map((f) => `chunks/${f}`)].filter((f) => f.endsWith('.js'));
  return files.map((file) => {
    const full = path.join(widgetsDir, file);
    return { file, raw: fs.statSync(full).size, gzip: gzipSize(full), brotli: brotliSize(full) };
  });
}

/** The files a chunk pulls in through static imports, itself included. */
function closure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = fs.readFileSync(path.join(widgetsDir, file), 'utf8');
  for (const m of code.matchAll(/(?:from|import)\s*["'`]\.\/([^"'`]+\.js)["'`]/g))
    closure(path.posix.join(path.posix.dirname(file), m[1]!), seen);
  return seen;
}

/** For each tag the loader knows: what a page with only that element downloads (gzip bytes). */
function perWidget(bundles: ReturnType<typeof bundleSizes>) {
  const gzip = new Map(bundles.map((b) => [b.file, b.gzip]));
  const loader = fs.readFileSync(path.join(widgetsDir, 'ecam.js'), 'utf8');
  return [...loader.matchAll(/"(ecam-[a-z-]+)":\(\)=>import\(["'`]\.\/([^"'`]+)["'`]\)/g)].map(([, tag, chunk]) => {
    const files = closure(chunk!, closure('ecam.js'));
    return { tag: tag!, gzip: [...files].reduce((sum, f) => sum + (gzip.get(f) ?? 0), 0) };
  });
}

const ADMIN_PASSWORD = 'clave-de-la-medicion';
const SURVEY = 'satisfaccion-servicio';
/**
 * Tokens for the submission scenario: every answer needs one of its own (a reused one is a 409),
 * so the pool is far above what a run of `duration` seconds can send.
 */
const SURVEY_TOKENS = duration * 20_000;
const SURVEY_RESPONSES = 100_000;

/** A valid answer to the seeded survey, varied by `i`. */
function surveyAnswer(i: number) {
  return {
    calificacion: 1 + (i % 5),
    recomendacion: i % 11,
    canal: ['presencial', 'telefono', 'correo', 'web'][i % 4]!,
    resuelto: i % 3 !== 0,
    ...(i % 3 === 0 ? { motivo: `Faltó información sobre el trámite ${i}.` } : {}),
    mejoras: i % 2 ? ['horarios'] : ['tramites', 'cursos'],
    atencion: { amabilidad: String(1 + (i % 5)), claridad: String(1 + ((i * 7) % 5)), tiempo: String(1 + ((i * 3) % 5)) },
    ...(i % 4 === 0 ? { comentarios: `Comentario de prueba número ${i}.` } : {}),
  };
}

/** Tokens for the seeded survey, signed with the server's key read from its database file. */
function surveyTokens(dataDir: string, n: number): string[] {
  const db = new Database(path.join(dataDir, 'ecam.sqlite'), { readonly: true });
  try {
    return Array.from({ length: n }, () => issueToken(db, SURVEY, new Date()));
  } finally {
    db.close();
  }
}

/** Writes `n` responses to the seeded survey straight into a new database, before its server starts. */
function seedSurveyResponses(dataDir: string, n: number): number {
  const db = openDb(path.join(dataDir, 'ecam.sqlite'));
  try {
    const survey = getSurveyBySlug(db, SURVEY)!;
    const start = Date.parse('2026-01-01T13:00:00Z');
    db.transaction(() => {
      for (let i = 0; i < n; i++) {
        const at = new Date(start + i * 5 * 60_000).toISOString();
        insertResponse(db, { surveyId: survey.id, questions: survey.questions, at, tokenId: `bench-${i}`, invitationId: null, answers: surveyAnswer(i) });
      }
      surveyTallies(db).flush();
    })();
    return survey.id;
  } finally {
    db.close();
  }
}

const INBOX_SIZE = 10_000;
const STAFF_CLIENTS = 5;

async function fileOne(url: string): Promise<{ radicado: string; trackingCode: string }> {
  const res = await fetch(`${url}/api/pqrs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(validPqrs()) });
  if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Logs the first admin in and returns the Cookie header of the session. */
async function staffCookie(url: string): Promise<string> {
  const res = await fetch(`${url}/api/admin/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

const rows: { name: string; rps: number; p50: number; p99: number; total: number; ratio: number; target?: string }[] = [];
const env = { ECAM_CHALLENGE: 'off', ECAM_RATE_LIMIT: 'off', LOG_LEVEL: 'warn', ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD };
const server = await startServer(env);
let inboxCount = 0;
let base = 0;
try {
  const tracked = await fileOne(server.url);
  scenarios.push({
    name: 'POST /api/pqrs/track',
    method: 'POST',
    path: '/api/pqrs/track',
    body: JSON.stringify({ radicado: tracked.radicado, code: tracked.trackingCode }),
    target: '>= 0.5',
  });
  const tokens = surveyTokens(server.dataDir, SURVEY_TOKENS);
  let sent = 0;
  scenarios.push({
    name: 'POST /api/surveys/…/responses',
    method: 'POST',
    path: `/api/surveys/${SURVEY}/responses`,
    nextBody: () => JSON.stringify({ answers: surveyAnswer(sent), token: tokens[sent++] }),
    target: '>= 0.3',
  });
  for (const s of scenarios) {
    const m = await measure(server.url, s);
    base ||= m.rps;
    rows.push({ name: s.name, ...m, ratio: m.rps / base, target: s.target });
  }

  // The inbox on a database of exactly INBOX_SIZE requests, on a server of its own.
  const inbox = await startServer(env);
  try {
    for (let done = 0; done < INBOX_SIZE; done += 100) await Promise.all(Array.from({ length: 100 }, () => fileOne(inbox.url)));
    inboxCount = INBOX_SIZE;
    const cookie = await staffCookie(inbox.url);
    for (const [name, query] of [
      ['GET /api/admin/pqrs (inbox)', ''],
      ['GET /api/admin/pqrs?q=… (search)', '?q=certificado&type=peticion'],
    ] as const) {
      // A municipal office has a handful of officials working the inbox at once, not fifty.
      const m = await measure(inbox.url, { name, method: 'GET', path: `/api/admin/pqrs${query}`, headers: { cookie }, clients: STAFF_CLIENTS });
      rows.push({ name: `${name} ${INBOX_SIZE / 1000}k, ${STAFF_CLIENTS} clients`, ...m, ratio: m.rps / base, target: 'p99 < 50 ms' });
    }
  } finally {
    await inbox.stop();
  }

  // Survey results on exactly SURVEY_RESPONSES responses, seeded before a server of its own starts.
  const surveyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecam-bench-survey-'));
  const surveyId = seedSurveyResponses(surveyDir, SURVEY_RESPONSES);
  const surveys = await startServer({ ...env, ECAM_DATA_DIR: surveyDir });
  try {
    const cookie = await staffCookie(surveys.url);
    const name = `GET /api/admin/surveys/:id/results ${SURVEY_RESPONSES / 1000}k, ${STAFF_CLIENTS} clients`;
    const m = await measure(surveys.url, { name, method: 'GET', path: `/api/admin/surveys/${surveyId}/results`, headers: { cookie }, clients: STAFF_CLIENTS });
    rows.push({ name, ...m, ratio: m.rps / base, target: 'p99 < 300 ms' });
  } finally {
    await surveys.stop();
  }
} finally {
  await server.stop();
}

const bundles = bundleSizes();
const pad = (v: string | number, n: number) => String(v).padStart(n);
console.log(`\nEndpoints (${connections} connections unless said, ${duration} s each)`);
console.log(`${'endpoint'.padEnd(40)}${pad('req/s', 10)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('ratio', 8)}  target`);
for (const r of rows)
  console.log(`${r.name.padEnd(40)}${pad(r.rps.toFixed(0), 10)}${pad(r.p50, 9)}${pad(r.p99, 9)}${pad(r.ratio.toFixed(2), 8)}  ${r.target ?? ''}`);
console.log('\nBundles (bytes)');
console.log(`${'file'.padEnd(40)}${pad('raw', 9)}${pad('gzip', 9)}${pad('brotli', 9)}`);
for (const b of bundles) console.log(`${b.file.padEnd(40)}${pad(b.raw, 9)}${pad(b.gzip, 9)}${pad(b.brotli, 9)}`);
const widgets = perWidget(bundles);
const TARGETS: Record<string, string> = { 'ecam-pqrs': '< 20 KB' };
console.log('\nWhat a page with one element downloads (loader + chunks, with Lit), gzip');
for (const w of widgets) console.log(`${`<${w.tag}>`.padEnd(40)}${pad((w.gzip / 1024).toFixed(1), 9)} KB  ${TARGETS[w.tag] ?? ''}`);

const outDir = path.join(root, 'bench', 'results');
fs.mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, `${new Date().toISOString().replace(/[:.]/g, '-')}${quick ? '-quick' : ''}.json`);
fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), quick, connections, duration, inboxCount, endpoints: rows, bundles, widgets }, null, 2));
console.log(`\nResults written to ${path.relative(root, file)}`);
