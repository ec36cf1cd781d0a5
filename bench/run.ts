/**
 * `npm run bench [-- --quick]`: starts the real server on a temporary database and measures, in
 * one run, each public endpoint against `GET /api/health` as the baseline, plus bundle sizes.
 * Absolute numbers depend on the machine; the ratios to the baseline are what we compare.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { hashToken } from '../api/chat/service.ts';
import { chatStore } from '../api/chat/store.ts';
import { openDb } from '../api/db/index.ts';
import { issueToken } from '../api/survey/service.ts';
import { getSurveyBySlug, insertResponse, surveyTallies } from '../api/survey/store.ts';
import { startServer } from '../test/e2e/server.ts';
import { bundleSizes, pageRows, printPageRows, type FileSize } from './sizes.ts';
import { accessibilityScore, measureDemoPage, type AccessibilityScore, type PageMeasure } from './page.ts';
import { liveHearing, staffLogin } from './live.ts';
import { percentile, rssMb } from './stats.ts';
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
  /** Path and headers for every request (e.g. a different chat conversation each). */
  nextTarget?: () => { path: string; headers: Record<string, string> };
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
    ...(s.nextTarget
      ? {
          requests: [
            {
              setupRequest: (req: autocannon.Request) => {
                const t = s.nextTarget!();
                return { ...req, path: t.path, headers: { ...req.headers, ...t.headers } };
              },
            },
          ],
        }
      : {}),
  });
  const bad = result.non2xx + result.errors + result.timeouts;
  if (bad > 0) throw new Error(`${s.name}: ${bad} failed requests of ${result.requests.total}`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total };
}

/** Every built file's sizes; builds first when `dist/widgets` is missing. */
function bundles(): FileSize[] {
  if (!fs.existsSync(path.join(widgetsDir, 'ecam.js'))) execFileSync('npx', ['vite', 'build'], { cwd: root, stdio: 'ignore' });
  return bundleSizes(widgetsDir);
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

/** Chat conversations with an open citizen stream each, for the fan-out measure. */
const FANOUT_CLIENTS = 1_000;
const FANOUT_ROUNDS = quick ? 1 : 5;
/** Messages per second across all conversations during the fan-out measure. */
const FANOUT_RATE = 200;

/** `n` waiting conversations written straight into a server's database; their ids and tokens. */
function seedConversations(dataDir: string, n: number): { id: number; token: string }[] {
  const db = openDb(path.join(dataDir, 'ecam.sqlite'));
  try {
    const store = chatStore(db);
    const at = new Date().toISOString();
    return db.transaction(() =>
      Array.from({ length: n }, (_, i) => {
        const token = randomBytes(24).toString('base64url');
        const id = store.insertConversation({ tokenHash: hashToken(token), name: `Ciudadano ${i}`, email: null, topic: 'Consulta de la medición', at, consentPolicy: 'bench', consentIp: '127.0.0.1' });
        return { id, token };
      }),
    )();
  } finally {
    db.close();
  }
}

/**
 * One SSE stream per conversation (raw http, as many browsers would hold), then every
 * conversation gets FANOUT_ROUNDS messages at FANOUT_RATE a second: the time from just before
 * the POST to the message's arrival on its stream, and the server's memory with all streams open.
 */
async function sseFanOut(url: string, pid: number, conversations: { id: number; token: string }[]) {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let arrived: () => void = () => {};
  const streams: http.ClientRequest[] = [];
  const connect = (c: { id: number; token: string }) =>
        new Promise<void>((resolve, reject) => {
          const req = http.get(
            `${url}/api/chat/conversations/${c.id}/events`,
            { headers: { accept: 'text/event-stream', 'x-chat-token': c.token }, agent: false },
            (res) => {
              if (res.statusCode !== 200) return reject(new Error(`SSE ${c.id}: ${res.statusCode}`));
              res.setEncoding('utf8');
              let buffer = '';
              res.on('data', (chunk: string) => {
                buffer += chunk;
                let cut: number;
                while ((cut = buffer.indexOf('\n\n')) >= 0) {
                  const block = buffer.slice(0, cut);
                  buffer = buffer.slice(cut + 2);
                  if (!block.startsWith('event: message')) continue;
                  const { body } = JSON.parse(block.slice(block.indexOf('data: ') + 6)) as { body: string };
                  const t = sentAt.get(body);
                  if (t === undefined) continue;
                  latencies.push(performance.now() - t);
                  sentAt.delete(body);
                  if (sentAt.size === 0) arrived();
                }
              });
              resolve();
            },
          );
          req.on('error', (err) => (streams.includes(req) ? undefined : reject(err)));
          streams.push(req);
        });
  // Clients arrive 50 at a time, as page loads do; a burst of 1,000 at once would meet the load
  // shedding (503 with Retry-After), which the widget answers by retrying later.
  let nextClient = 0;
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (nextClient < conversations.length) await connect(conversations[nextClient++]!);
    }),
  );
  const rssConnected = rssMb(pid);
  let rssAfter = rssConnected;
  try {
    // Open loop at a steady rate (far above a municipal office's chats), so the latency is the
    // chat's and not a queue the bench itself builds up.
    const start = performance.now();
    const posts: Promise<void>[] = [];
    for (let i = 0; i < conversations.length * FANOUT_ROUNDS; i++) {
      const wait = start + (i * 1000) / FANOUT_RATE - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const c = conversations[i % conversations.length]!;
      const body = `Mensaje ${i} a la conversación ${c.id}`;
      sentAt.set(body, performance.now());
      posts.push(
        fetch(`${url}/api/chat/conversations/${c.id}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-chat-token': c.token },
          body: JSON.stringify({ body }),
        }).then(async (res) => {
          if (res.status !== 201) throw new Error(`chat message: ${res.status} ${await res.text()}`);
          await res.arrayBuffer();
        }),
      );
    }
    const done = new Promise<void>((resolve) => (arrived = resolve));
    await Promise.all(posts);
    if (sentAt.size > 0) await Promise.race([done, new Promise((r) => setTimeout(r, 10_000))]);
    if (sentAt.size > 0) throw new Error(`${sentAt.size} messages never reached their stream`);
    rssAfter = rssMb(pid);
  } finally {
    for (const s of streams) s.destroy();
  }
  latencies.sort((a, b) => a - b);
  return {
    clients: conversations.length,
    messages: latencies.length,
    p50: Math.round(percentile(latencies, 50) * 10) / 10,
    p99: Math.round(percentile(latencies, 99) * 10) / 10,
    rssConnectedMb: rssConnected,
    rssMb: Math.max(rssConnected, rssAfter),
  };
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
  return (await staffLogin(url, 'admin', ADMIN_PASSWORD)).cookie;
}

/** Answers published during the live hearing, one a second. */
const LIVE_ANSWERS = quick ? 10 : 60;

const rows: { name: string; rps: number; p50: number; p99: number; total: number; ratio: number; target?: string }[] = [];
const env = { ECAM_CHALLENGE: 'off', ECAM_RATE_LIMIT: 'off', LOG_LEVEL: 'warn', ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD };
const server = await startServer(env);
let inboxCount = 0;
let fanOut: Awaited<ReturnType<typeof sseFanOut>> | null = null;
let hearing: Awaited<ReturnType<typeof liveHearing>> | null = null;
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
  const chats = seedConversations(server.dataDir, 20);
  let chatTurn = 0;
  scenarios.push({
    name: 'POST /api/chat/…/messages',
    method: 'POST',
    path: '/api/chat/conversations/1/messages',
    body: JSON.stringify({ body: 'Buenos días, quisiera saber si hay cupos en el curso de sistemas.' }),
    // A few conversations at once, as the chat has them; each message is committed before its 201.
    nextTarget: () => {
      const c = chats[chatTurn++ % chats.length]!;
      return { path: `/api/chat/conversations/${c.id}/messages`, headers: { 'x-chat-token': c.token } };
    },
    target: '>= 0.25',
  });
  // Issue 12: the page of the seeded rendición de cuentas, and registrations to it (a new e-mail
  // each; past its 150 places they join the waiting list, which is still a 201).
  const events = (await (await fetch(`${server.url}/api/events`)).json()) as { slug: string; kind: string }[];
  const hearingSlug = events.find((e) => e.kind === 'rendicion-cuentas')!.slug;
  scenarios.push({ name: 'GET /api/events/:slug', method: 'GET', path: `/api/events/${hearingSlug}`, target: '>= 0.5' });
  let registrations = 0;
  scenarios.push({
    name: 'POST /api/events/:slug/registrations',
    method: 'POST',
    path: `/api/events/${hearingSlug}/registrations`,
    nextBody: () => JSON.stringify({ name: 'Ciudadana de la medición', email: `persona${registrations++}@example.co`, consent: true }),
    target: '>= 0.25',
  });
  for (const s of scenarios) {
    const m = await measure(server.url, s);
    base ||= m.rps;
    rows.push({ name: s.name, ...m, ratio: m.rps / base, target: s.target });
  }

  // SSE fan-out on a server of its own, so its memory is the chat's.
  const chatServer = await startServer(env);
  try {
    fanOut = await sseFanOut(chatServer.url, chatServer.process.pid!, seedConversations(chatServer.dataDir, FANOUT_CLIENTS));
  } finally {
    await chatServer.stop();
  }

  // The live rendición de cuentas on a server of its own, so its memory is the feed's.
  const liveServer = await startServer(env);
  try {
    hearing = await liveHearing(liveServer.url, liveServer.process.pid!, await staffLogin(liveServer.url, 'admin', ADMIN_PASSWORD), LIVE_ANSWERS);
  } finally {
    await liveServer.stop();
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

const sizes = bundles();
const pad = (v: string | number, n: number) => String(v).padStart(n);
console.log(`\nEndpoints (${connections} connections unless said, ${duration} s each)`);
console.log(`${'endpoint'.padEnd(40)}${pad('req/s', 10)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('ratio', 8)}  target`);
for (const r of rows)
  console.log(`${r.name.padEnd(40)}${pad(r.rps.toFixed(0), 10)}${pad(r.p50, 9)}${pad(r.p99, 9)}${pad(r.ratio.toFixed(2), 8)}  ${r.target ?? ''}`);
if (fanOut) {
  console.log(`\nChat SSE fan-out: ${fanOut.clients} open streams, ${fanOut.messages} messages (${FANOUT_ROUNDS} per conversation, ${FANOUT_RATE}/s)`);
  console.log(`send -> receive p50 ${fanOut.p50} ms, p99 ${fanOut.p99} ms (target p99 < 100 ms)`);
  console.log(`server RSS ${fanOut.rssConnectedMb} MB with the streams open, ${fanOut.rssMb} MB at most after the messages (target < 250 MB)`);
}
if (hearing) {
  console.log(`\nLive rendición de cuentas: ${hearing.viewers} viewers of one event (connected in ${hearing.connectSeconds} s), an answer a second for ${hearing.answers} s`);
  console.log(`answer request -> frame on a stream p50 ${hearing.p50} ms, p99 ${hearing.p99} ms (${hearing.frames} frames)`);
  console.log(`answer request -> frame on every stream p50 ${hearing.everyoneP50} ms, p99 ${hearing.everyoneP99} ms (target p99 < 200 ms)`);
  console.log(`server RSS ${hearing.rssConnectedMb} MB with the viewers connected, ${hearing.rssMb} MB at most during the answers (target < 400 MB)`);
}
console.log('\nBundles (bytes)');
console.log(`${'file'.padEnd(40)}${pad('raw', 9)}${pad('gzip', 9)}${pad('brotli', 9)}`);
for (const b of sizes) console.log(`${b.file.padEnd(40)}${pad(b.raw, 9)}${pad(b.gzip, 9)}${pad(b.brotli, 9)}`);
// Issues 2, 5 and 6: what a Spanish page downloads with each element, with all of them, and the
// chunks with a budget of their own (bench/sizes.ts).
const pages = pageRows(widgetsDir, sizes);
console.log('\nWhat a page downloads (bytes; loader + chunks it imports statically, with Lit)');
printPageRows(pages);

// The demo page in Chromium, with and without the widgets' script.
const pageServer = await startServer({ ECAM_CHALLENGE: 'off', ECAM_RATE_LIMIT: 'off', LOG_LEVEL: 'warn' });
let demoPage: PageMeasure;
let accessibility: AccessibilityScore;
try {
  demoPage = await measureDemoPage(`${pageServer.url}/`, quick ? 3 : 7);
  accessibility = await accessibilityScore(`${pageServer.url}/`);
} finally {
  await pageServer.stop();
}
console.log('\nDemo page in Chromium (median of loads, 1280 × 720)');
console.log(`${'total blocking time added'.padEnd(40)}${pad(demoPage.tbtAddedMs, 9)} ms`);
console.log(`${'layout shift (CLS)'.padEnd(40)}${pad(demoPage.cls.toFixed(4), 9)}     target 0`);
console.log(`${'script request -> first widget'.padEnd(40)}${pad(demoPage.scriptToFirstWidgetMs, 9)} ms`);
console.log(
  `${'Lighthouse accessibility'.padEnd(40)}${pad(accessibility.score, 9)}     target 100${accessibility.failing.length ? `  failing: ${accessibility.failing.join(', ')}` : ''}`,
);

const outDir = path.join(root, 'bench', 'results');
fs.mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, `${new Date().toISOString().replace(/[:.]/g, '-')}${quick ? '-quick' : ''}.json`);
fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), quick, connections, duration, inboxCount, endpoints: rows, chatFanOut: fanOut, liveHearing: hearing, bundles: sizes, pages, demoPage: { ...demoPage, lighthouseAccessibility: accessibility } }, null, 2));
console.log(`\nResults written to ${path.relative(root, file)}`);
