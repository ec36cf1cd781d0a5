/**
 * What the built widgets cost a municipal page (issues 2, 5 and 6): every built file's raw, gzip -9
 * and brotli size, and the page totals with their targets, from the import graph of the built files
 * (the static `import` statements in the minified JS; dynamic imports are fetched on demand).
 *
 * `npm run bench` prints these rows with the rest; alone, on any build directory:
 * `node --import tsx bench/sizes.ts [dist/widgets]` (exit code 1 when a target is missed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

export interface FileSize {
  /** Relative to the build directory: `ecam.js`, `chunks/pqrs-<hash>.js`. */
  file: string;
  raw: number;
  gzip: number;
  brotli: number;
}

export interface PageRow {
  name: string;
  /** The distinct files counted. */
  files: string[];
  gzip: number;
  brotli: number;
  /** Gzip bytes the row must stay under (`<` target), when it has one. */
  target?: number;
  ok?: boolean;
}

/** Every built JS file (the loader and its chunks, not the staff page) with its sizes. */
export function bundleSizes(dir: string): FileSize[] {
  const files = ['ecam.js', ...fs.readdirSync(path.join(dir, 'chunks')).map((f) => `chunks/${f}`)].filter((f) => f.endsWith('.js'));
  return files.map((file) => {
    const code = fs.readFileSync(path.join(dir, file));
    return { file, raw: code.length, gzip: zlib.gzipSync(code, { level: 9 }).length, brotli: zlib.brotliCompressSync(code).length };
  });
}

/** The files a built file pulls in through static imports, itself included (added to `seen`). */
export function closure(dir: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = fs.readFileSync(path.join(dir, file), 'utf8');
  for (const m of code.matchAll(/(?:from|import)\s*["'`]\.\/([^"'`]+\.js)["'`]/g))
    closure(dir, path.posix.join(path.posix.dirname(file), m[1]!), seen);
  return seen;
}

/** Dynamic `import('./…')` targets of a built file, relative to the build directory. */
function dynamicImports(dir: string, file: string): string[] {
  const code = fs.readFileSync(path.join(dir, file), 'utf8');
  return [...code.matchAll(/import\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g)].map((m) => path.posix.join(path.posix.dirname(file), m[1]!));
}

/**
 * The loader's map of tags to chunks (`"ecam-pqrs":()=>import("./chunks/pqrs-….js")`), and the
 * chat panel: the one dynamic import of the `<ecam-chat>` launcher's chunk, fetched on the first
 * click.
 */
export function loaderGraph(dir: string): { widgets: Map<string, string>; chatPanel?: string } {
  const code = fs.readFileSync(path.join(dir, 'ecam.js'), 'utf8');
  const widgets = new Map<string, string>();
  for (const m of code.matchAll(/"(ecam-[a-z-]+)":\(\)=>import\(["'`]\.\/([^"'`]+\.js)["'`]\)/g)) widgets.set(m[1]!, m[2]!);
  const launcher = widgets.get('ecam-chat');
  const chatPanel = launcher ? dynamicImports(dir, launcher)[0] : undefined;
  return { widgets, chatPanel };
}

/** Targets in gzip bytes (issue 6; issue 12 made the chat's launcher a chunk of its own). */
export const TARGETS = {
  loaderWithLit: 12 * 1024,
  pqrsPage: 20 * 1024,
  /** Issue 12: the event page (with its `<ecam-chat>`, panel closed) and the calendar. */
  eventPage: 22 * 1024,
  agendaPage: 20 * 1024,
  /** Issue 12 added `<ecam-agenda>` and `<ecam-event>` (about 14 KB between them) to the six of issue 6's 40 KB. */
  allWidgets: 56 * 1024,
  chatPanel: 12 * 1024,
  surveyChunk: 10 * 1024,
};

/**
 * The page totals: what a Spanish page downloads with one element (loader, the chunk of the
 * element and what it imports statically; `<ecam-chat>` is its launcher until the first click;
 * the event page has its chat too), with all of them, and with all once the chat panel is open.
 * English catalogs are fetched only by English pages and are not counted.
 */
export function pageRows(dir: string, sizes = bundleSizes(dir)): PageRow[] {
  const bySize = new Map(sizes.map((s) => [s.file, s]));
  const row = (name: string, files: Iterable<string>, target?: number): PageRow => {
    const list = [...new Set(files)].sort();
    const gzip = list.reduce((t, f) => t + (bySize.get(f)?.gzip ?? 0), 0);
    const brotli = list.reduce((t, f) => t + (bySize.get(f)?.brotli ?? 0), 0);
    return { name, files: list, gzip, brotli, ...(target === undefined ? {} : { target, ok: gzip < target }) };
  };
  const { widgets, chatPanel } = loaderGraph(dir);
  const loader = closure(dir, 'ecam.js');
  const lit = sizes.find((s) => /^chunks\/lit-/.test(s.file))?.file;
  const rows = [row('loader + Lit', [...loader, ...(lit ? [lit] : [])], TARGETS.loaderWithLit)];
  const all = new Set(loader);
  const launcher = widgets.get('ecam-chat');
  for (const [tag, chunk] of widgets) {
    const page = closure(dir, chunk, new Set(loader));
    if (tag === 'ecam-event' && launcher) closure(dir, launcher, page);
    for (const f of page) all.add(f);
    const target = { 'ecam-pqrs': TARGETS.pqrsPage, 'ecam-event': TARGETS.eventPage, 'ecam-agenda': TARGETS.agendaPage }[tag];
    rows.push(row(`page with <${tag}>`, page, target));
  }
  rows.push(row(`page with all ${widgets.size} (chat panel closed)`, all, TARGETS.allWidgets));
  if (chatPanel) {
    rows.push(row(`page with all ${widgets.size}, chat panel open`, closure(dir, chatPanel, new Set(all))));
    rows.push(row('chat panel chunk', [chatPanel], TARGETS.chatPanel));
  }
  const survey = widgets.get('ecam-survey');
  if (survey) rows.push(row('survey chunk', [survey], TARGETS.surveyChunk));
  return rows;
}

const pad = (v: string | number, n: number) => String(v).padStart(n);

/** The rows as a table: gzip and brotli bytes, the target and whether it is met. */
export function printPageRows(rows: PageRow[]): void {
  console.log(`${'page (Spanish)'.padEnd(44)}${pad('files', 6)}${pad('gzip', 9)}${pad('brotli', 9)}  target (gzip)`);
  for (const r of rows) {
    const target = r.target === undefined ? '' : `< ${r.target}  ${r.ok ? 'ok' : 'MISSED'}`;
    console.log(`${r.name.padEnd(44)}${pad(r.files.length, 6)}${pad(r.gzip, 9)}${pad(r.brotli, 9)}  ${target}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..', 'dist', 'widgets'));
  const sizes = bundleSizes(dir);
  console.log(`${'file'.padEnd(44)}${pad('raw', 9)}${pad('gzip', 9)}${pad('brotli', 9)}`);
  for (const s of sizes.sort((a, b) => a.file.localeCompare(b.file)))
    console.log(`${s.file.padEnd(44)}${pad(s.raw, 9)}${pad(s.gzip, 9)}${pad(s.brotli, 9)}`);
  console.log('');
  const rows = pageRows(dir, sizes);
  printPageRows(rows);
  if (rows.some((r) => r.ok === false)) process.exitCode = 1;
}
