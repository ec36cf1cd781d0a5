import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { analyze, elementsMarkdown, END, README, START, withElements } from '../../tools/readme-elements.ts';

const manifest = await analyze();
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
const byTag = (tag: string) => elements.find((d) => d.tagName === tag);

test('the manifest has every widget of the loader, with its attributes, events, parts and custom properties', () => {
  for (const tag of ['ecam-pqrs', 'ecam-tracker', 'ecam-survey', 'ecam-chat', 'ecam-agenda', 'ecam-event']) {
    const el = byTag(tag);
    assert.ok(el, tag);
    assert.ok(el.summary, `${tag}: @summary`);
    const attrs = (el.attributes ?? []).map((a) => a.name);
    for (const a of ['api-base', 'lang']) assert.ok(attrs.includes(a), `${tag}: ${a}`);
    assert.ok(el.cssParts?.length, `${tag}: parts`);
    assert.ok(el.cssProperties?.some((c) => c.name === '--ecam-primary'), `${tag}: --ecam-primary`);
    for (const doc of [...(el.attributes ?? []), ...(el.events ?? []), ...(el.cssParts ?? [])]) {
      assert.ok(doc.name, `${tag}: every entry is named`);
    }
  }
  assert.ok(byTag('ecam-survey')!.attributes!.some((a) => a.name === 'layout' && a.type?.text === "'page' | 'steps'"));
  assert.ok(byTag('ecam-chat')!.attributes!.some((a) => a.name === 'inline'));
  assert.ok(byTag('ecam-pqrs')!.events!.some((e) => e.name === 'ecam-submitted'));
  assert.ok(byTag('ecam-agenda')!.attributes!.some((a) => a.name === 'event-url'));
  assert.ok(byTag('ecam-event')!.attributes!.some((a) => a.name === 'event'));
  assert.ok(byTag('ecam-event')!.events!.some((e) => e.name === 'ecam-registered'));
  assert.ok(byTag('ecam-chat')!.attributes!.some((a) => a.name === 'event'));
  assert.ok(!elements.some((d) => d.tagName?.startsWith('ecam-admin')), 'the staff page is not in the manifest');
});

test('the README element reference is the one generated from the manifest (else: npm run docs)', () => {
  const readme = fs.readFileSync(README, 'utf8');
  assert.ok(readme.includes(START) && readme.includes(END), 'README.md has the markers');
  assert.equal(readme, withElements(readme, elementsMarkdown(manifest)), 'README.md is behind the widgets: run `npm run docs`');
});

test('a table cell never breaks the table: a union type or a pipe in a text is escaped', () => {
  const md = elementsMarkdown({
    modules: [{ declarations: [{ tagName: 'ecam-x', attributes: [{ name: 'layout', type: { text: "'page' | 'steps'" }, default: "'page'", description: 'a | b\nc' }] }] }],
  });
  assert.match(md, /\| Atributo \| `layout` \| a \\\| b c Valores: `page`, `steps`\. Por defecto `page`\. \|/);
});
