/**
 * Writes the README's element reference from the Custom Elements Manifest: one table per element
 * with its attributes, events, parts and custom properties, between the markers below.
 * `npm run docs` after changing a widget's class comment; test/api/readme-elements.test.ts fails
 * while the README is behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error The analyzer ships no types for its CLI module.
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const README = path.join(ROOT, 'README.md');
export const START = '<!-- elements:start (npm run docs) -->';
export const END = '<!-- elements:end -->';

interface Doc {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
}
interface Declaration {
  tagName?: string;
  summary?: string;
  attributes?: Doc[];
  events?: Doc[];
  cssParts?: Doc[];
  cssProperties?: Doc[];
}
export interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

/** The manifest as `npm run build` makes it (same config), without writing any file. */
export async function analyze(): Promise<Manifest> {
  return (await cli({ argv: ['analyze'], cwd: ROOT, noWrite: true })) as Manifest;
}

/** A table cell: one line, no column breaks. */
const cell = (text = '') => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();

/** Values an attribute takes when its type says so: `'page' | 'steps'` -> `page`, `steps`. */
function attributeNote(a: Doc): string {
  const type = a.type?.text.replace(/\s*\|\s*undefined$/, '') ?? '';
  const notes: string[] = [];
  if (/^'[^']*'( \| '[^']*')+$/.test(type)) notes.push(`Valores: ${type.split(' | ').map((v) => `\`${v.slice(1, -1)}\``).join(', ')}.`);
  if (type === 'boolean') notes.push('Sin valor: basta con escribirlo.');
  if (a.default && a.default !== "''" && a.default !== 'false') notes.push(`Por defecto \`${a.default.replace(/^'|'$/g, '')}\`.`);
  return notes.join(' ');
}

/** The Markdown of every element of the manifest, by tag name. */
export function elementsMarkdown(manifest: Manifest): string {
  const elements = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d): d is Declaration & { tagName: string } => Boolean(d.tagName))
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  const out = [
    'Generado de `custom-elements.json` (el Custom Elements Manifest que publica el servidor en',
    '`/widgets/custom-elements.json`, para editores y documentación) con `npm run docs`; no lo edite a mano.',
  ];
  for (const el of elements) {
    out.push('', `#### \`<${el.tagName}>\``, '');
    if (el.summary) out.push(el.summary, '');
    out.push('| Qué | Nombre | Descripción |', '| --- | --- | --- |');
    const row = (kind: string, name: string, text: string) => out.push(`| ${kind} | \`${name}\` | ${cell(text)} |`);
    for (const a of el.attributes ?? []) row('Atributo', a.name, [a.description, attributeNote(a)].filter(Boolean).join(' '));
    for (const e of el.events ?? []) row('Evento', e.name, e.description ?? '');
    for (const p of el.cssParts ?? []) row('`::part`', p.name, p.description ?? '');
    for (const c of el.cssProperties ?? []) row('Propiedad CSS', c.name, [c.description, c.default ? `Por defecto \`${c.default}\`.` : ''].filter(Boolean).join(' '));
  }
  return out.join('\n');
}

/** The README with its element reference replaced by `markdown`. */
export function withElements(readme: string, markdown: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}`);
  return `${readme.slice(0, start + START.length)}\n${markdown}\n${readme.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readme = fs.readFileSync(README, 'utf8');
  const next = withElements(readme, elementsMarkdown(await analyze()));
  if (next === readme) console.log('README.md ya estaba al día.');
  else {
    fs.writeFileSync(README, next);
    console.log('README.md: referencia de los elementos actualizada.');
  }
}
