/**
 * The live rendición de cuentas (issue 12): VIEWERS citizens watch one event's live feed
 * (`GET /api/events/:slug/live`, raw sockets held by child processes of this one, so the
 * server's memory is its own) while staff publish an answer every second. For each answer: the time from just before
 * the staff request (an upper bound of its commit) to the frame's arrival on each stream, and to
 * its arrival on every stream.
 */
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { percentile, rssMb } from './stats.ts';

export const VIEWERS = 5_000;
/** Processes holding the viewers (bench/live-viewers.ts). */
const WORKERS = 4;

export interface StaffLogin {
  cookie: string;
  csrfToken: string;
}

/** Logs in through the staff API; the session cookie and its CSRF token. */
export async function staffLogin(url: string, username: string, password: string): Promise<StaffLogin> {
  const res = await fetch(`${url}/api/admin/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status}`);
  return { cookie: res.headers.getSetCookie()[0]!.split(';')[0]!, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** The seeded rendición de cuentas (api/db/migrations/012-events.sql): its id and slug. */
async function seededHearing(url: string, staff: StaffLogin): Promise<{ id: number; slug: string }> {
  const res = await fetch(`${url}/api/admin/events`, { headers: { cookie: staff.cookie } });
  const { items } = (await res.json()) as { items: { id: number; slug: string; kind: string; state: string }[] };
  const hearing = items.find((e) => e.kind === 'rendicion-cuentas' && e.state === 'published');
  if (!hearing) throw new Error('the seeded rendición de cuentas is missing');
  return hearing;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/**
 * A JSON request on a connection of its own: between the steps of this measure the server sits
 * busy for many seconds, and a pooled keep-alive connection it closed meanwhile would fail.
 */
function send(url: string, method: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = http.request(url, { method, agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * VIEWERS streams on the seeded hearing, then `answers` questions published with their answer,
 * one a second. Fails unless every stream got every answer.
 */
export async function liveHearing(url: string, pid: number, staff: StaffLogin, answers: number) {
  const hearing = await seededHearing(url, staff);
  const questions: number[] = [];
  for (let i = 0; i < answers; i++) {
    const res = await send(`${url}/api/events/${hearing.slug}/questions`, 'POST', {
      question: `¿Pregunta número ${i + 1} de la ciudadanía sobre la gestión del año?`,
      consent: true,
    });
    if (res.status !== 201) throw new Error(`question: ${res.status} ${res.text}`);
    questions.push((JSON.parse(res.text) as { id: number }).id);
  }

  const path = `/api/events/${hearing.slug}/live`;
  const workers = Array.from({ length: WORKERS }, (_, i) => {
    const count = Math.floor(VIEWERS / WORKERS) + (i < VIEWERS % WORKERS ? 1 : 0);
    return fork(new URL('./live-viewers.ts', import.meta.url), [JSON.stringify({ url, path, count })], { execArgv: ['--import', 'tsx'] });
  });
  const message = (w: ChildProcess, match: (m: Record<string, unknown>) => boolean) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const on = (m: Record<string, unknown>) => {
        if (!match(m)) return;
        w.off('message', on);
        resolve(m);
      };
      w.on('message', on);
      w.once('exit', (code) => reject(new Error(`a viewers' process exited (${code})`)));
    });
  // Every worker tells when all its viewers have a question; the answer reached everyone when all have.
  const completed = new Map<number, number>();
  let everyone: () => void = () => {};
  for (const w of workers)
    w.on('message', (m: { question?: number }) => {
      if (m.question === undefined) return;
      const n = (completed.get(m.question) ?? 0) + 1;
      completed.set(m.question, n);
      if (completed.size === answers && [...completed.values()].every((v) => v === WORKERS)) everyone();
    });

  const connectStart = performance.now();
  await Promise.all(workers.map((w) => message(w, (m) => 'connected' in m)));
  const connectMs = performance.now() - connectStart;
  const rssConnected = rssMb(pid);
  let rssMax = rssConnected;
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, rssMb(pid))), 250);
  const sentAt = new Map<number, number>();
  let arrivals: [number, number[]][] = [];
  try {
    const done = new Promise<void>((resolve) => (everyone = resolve));
    const start = performance.now();
    for (let i = 0; i < answers; i++) {
      const wait = start + i * 1000 - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const id = questions[i]!;
      sentAt.set(id, performance.timeOrigin + performance.now());
      const res = await send(
        `${url}/api/admin/events/${hearing.id}/questions/${id}`,
        'PUT',
        { state: 'published', answer: `Respuesta publicada en vivo a la pregunta ${i + 1}.` },
        { cookie: staff.cookie, origin: url, 'x-csrf-token': staff.csrfToken },
      );
      if (res.status !== 200) throw new Error(`answer: ${res.status} ${res.text}`);
    }
    await Promise.race([done, new Promise((r) => setTimeout(r, 10_000))]);
    rssMax = Math.max(rssMax, rssMb(pid));
    const reports = await Promise.all(
      workers.map((w) => {
        const report = message(w, (m) => 'arrivals' in m);
        w.send('report');
        return report;
      }),
    );
    arrivals = reports.flatMap((r) => r.arrivals as [number, number[]][]);
  } finally {
    clearInterval(sampler);
    for (const w of workers) if (w.exitCode === null) w.kill();
  }
  const latencies: number[] = [];
  const lastArrival = new Map<number, number>();
  for (const [id, times] of arrivals) {
    const t = sentAt.get(id);
    if (t === undefined) continue;
    for (const at of times) latencies.push(at - t);
    lastArrival.set(id, Math.max(lastArrival.get(id) ?? 0, ...times));
  }
  const missing = VIEWERS * answers - latencies.length;
  if (missing > 0) throw new Error(`${missing} answer frames never reached their stream`);
  latencies.sort((a, b) => a - b);
  const everyoneMs = questions.map((id) => lastArrival.get(id)! - sentAt.get(id)!).sort((a, b) => a - b);
  return {
    viewers: VIEWERS,
    answers,
    frames: latencies.length,
    connectSeconds: round(connectMs / 1000),
    p50: round(percentile(latencies, 50)),
    p99: round(percentile(latencies, 99)),
    everyoneP50: round(percentile(everyoneMs, 50)),
    everyoneP99: round(percentile(everyoneMs, 99)),
    rssConnectedMb: rssConnected,
    rssMb: rssMax,
  };
}
