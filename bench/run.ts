/**
 * `npm run bench [-- --quick]`: starts the real server on a temporary database and measures, in
 * one run, each public endpoint against `GET /api/health` as the baseline, plus bundle sizes.
 * Absolute numbers depend on the machine; the ratios to the baseline are what we compare.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
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
  target?: string;
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
    headers: s.body ? { 'content-type': 'application/json' } : undefined,
    connections,
    duration,
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

/** The loader plus every chunk a page with only `<ecam-pqrs>` downloads. */
function bundleSizes() {
  if (!fs.existsSync(path.join(widgetsDir, 'ecam.js'))) execFileSync('npx', ['vite', 'build'], { cwd: root, stdio: 'ignore' });
  const files = [path.join(widgetsDir, 'ecam.js')];
  const chunks = path.join(widgetsDir, 'chunks');
  for (const f of fs.readdirSync(chunks)) if (f.endsWith('.js')) files.push(path.join(chunks, f));
  return files.map((f) => ({ file: path.relative(widgetsDir, f), raw: fs.statSync(f).size, gzip: gzipSize(f), brotli: brotliSize(f) }));
}

const server = await startServer({ ECAM_CHALLENGE: 'off', ECAM_RATE_LIMIT: 'off', LOG_LEVEL: 'warn' });
const rows: { name: string; rps: number; p50: number; p99: number; total: number; ratio: number; target?: string }[] = [];
try {
  let base = 0;
  for (const s of scenarios) {
    const m = await measure(server.url, s);
    base ||= m.rps;
    rows.push({ name: s.name, ...m, ratio: m.rps / base, target: s.target });
  }
} finally {
  await server.stop();
}

const bundles = bundleSizes();
const pad = (v: string | number, n: number) => String(v).padStart(n);
console.log(`\nEndpoints (${connections} connections, ${duration} s each)`);
console.log(`${'endpoint'.padEnd(32)}${pad('req/s', 10)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('ratio', 8)}  target`);
for (const r of rows)
  console.log(`${r.name.padEnd(32)}${pad(r.rps.toFixed(0), 10)}${pad(r.p50, 9)}${pad(r.p99, 9)}${pad(r.ratio.toFixed(2), 8)}  ${r.target ?? ''}`);
console.log('\nBundles (bytes)');
console.log(`${'file'.padEnd(40)}${pad('raw', 9)}${pad('gzip', 9)}${pad('brotli', 9)}`);
for (const b of bundles) console.log(`${b.file.padEnd(40)}${pad(b.raw, 9)}${pad(b.gzip, 9)}${pad(b.brotli, 9)}`);
const pqrsTotal = bundles.filter((b) => b.file === 'ecam.js' || /pqrs|lit|shared/.test(b.file)).reduce((s, b) => s + b.gzip, 0);
console.log(`\nLoader + <ecam-pqrs> with Lit, gzip: ${(pqrsTotal / 1024).toFixed(1)} KB (target < 20 KB)`);

const outDir = path.join(root, 'bench', 'results');
fs.mkdirSync(outDir, { recursive: true });
const file = path.join(outDir, `${new Date().toISOString().replace(/[:.]/g, '-')}${quick ? '-quick' : ''}.json`);
fs.writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), quick, connections, duration, endpoints: rows, bundles, pqrsTotalGzip: pqrsTotal }, null, 2));
console.log(`\nResults written to ${path.relative(root, file)}`);
