import { defineConfig, type Plugin } from 'vite';

/**
 * Lit's css`` and html`` templates keep their source indentation, which minifiers leave alone.
 * In minified output a raw line break can only be inside a template literal, so every line break
 * followed by indentation is template whitespace, where one space means the same (CSS, and HTML
 * outside <pre>); a comment opening such a line is a CSS comment. About 0.5 KB gzip per page.
 */
function compactTemplates(): Plugin {
  return {
    name: 'ecam-compact-templates',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk' || file.moduleIds.some((id) => id.includes('node_modules'))) continue;
        file.code = file.code.replace(/\n[ \t]*\/\*(?![ \t]*[@#]__PURE__)[\s\S]*?\*\//g, '\n').replace(/\n[ \t]+/g, ' ');
      }
    },
  };
}

/** One static part of a css`` template, minified: comments, and spaces CSS does not need. */
function minifyCss(text: string, first: boolean, last: boolean): string {
  let out = text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    // Quoted strings ('Work Sans', [type='radio']) stay as written; the rest loses its spare spaces.
    .split(/('[^'\n]*'|"[^"\n]*")/)
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};,]) ?/g, '$1')
            .replace(/: /g, ':')
            .replace(/ !important/g, '!important')
            .replace(/(^|[^\w.#-])0\.(\d)/g, '$1.$2'),
    )
    .join('')
    .replace(/;}/g, '}');
  if (first) out = out.trimStart();
  if (last) out = out.trimEnd();
  return out;
}

/** The end of the template literal whose text starts at `i` (just after its backtick). */
function templateEnd(code: string, i: number, quasis?: [number, number][]): number {
  let start = i;
  while (i < code.length) {
    const c = code[i]!;
    if (c === '\\') i += 2;
    else if (c === '`') {
      quasis?.push([start, i]);
      return i;
    } else if (c === '$' && code[i + 1] === '{') {
      quasis?.push([start, i]);
      // The expression: balanced braces, skipping strings and nested templates.
      let depth = 1;
      i += 2;
      while (depth > 0 && i < code.length) {
        const e = code[i]!;
        if (e === '{') depth++;
        else if (e === '}') depth--;
        else if (e === '`') i = templateEnd(code, i + 1);
        else if (e === '"' || e === "'") {
          for (i++; i < code.length && code[i] !== e; i++) if (code[i] === '\\') i++;
        }
        i++;
      }
      start = i;
    } else i++;
  }
  throw new Error('unterminated template literal');
}

/**
 * Lit's css`` templates are runtime strings the minifier leaves as written; this removes their
 * comments and every space CSS does not need (`a { color: red; }` -> `a{color:red}`) in the
 * widgets' own source. Interpolations (`${declarations}`) stay as they are.
 */
function minifyCssTemplates(): Plugin {
  return {
    name: 'ecam-minify-css-templates',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]widgets[\\/].*\.ts$/.test(id) || !code.includes('css`')) return null;
      const parts: { from: number; to: number; first: boolean; last: boolean }[] = [];
      for (const m of code.matchAll(/\bcss`/g)) {
        const quasis: [number, number][] = [];
        templateEnd(code, m.index + 4, quasis);
        quasis.forEach(([from, to], n) => parts.push({ from, to, first: n === 0, last: n === quasis.length - 1 }));
      }
      // From the end, so the offsets of the parts still to do stay valid.
      let out = code;
      for (const p of parts.sort((a, b) => b.from - a.from))
        out = out.slice(0, p.from) + minifyCss(out.slice(p.from, p.to), p.first, p.last) + out.slice(p.to);
      return { code: out, map: null };
    },
  };
}

/**
 * Production build of the browser code: each entry becomes `dist/widgets/<name>.js`, and the
 * widgets' own code hashed chunks under `chunks/`, fetched only when a page uses them.
 * `admin` is the staff page (served at /admin); the citizens' loader never imports it, so its
 * code and Chart.js stay out of what a municipal page downloads.
 */
const entries: Record<string, string> = {
  ecam: 'widgets/index.ts',
  admin: 'widgets/admin/index.ts',
};

export default defineConfig({
  publicDir: false,
  plugins: [minifyCssTemplates(), compactTemplates()],
  build: {
    outDir: 'dist/widgets',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    // Library mode: the code runs inside other sites' pages, so no app preload helper (it would
    // resolve chunk URLs against the host page) and chunks load relative to import.meta.url.
    lib: {
      entry: entries,
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      output: {
        // Vite keeps whitespace in ES libraries; these files are served as they are, so minify fully.
        minify: true,
        codeSplitting: {
          groups: [
            // Lit changes far less often than our code: its own long-cached chunk. Not `repeat`,
            // which only the staff page and the chat panel use, nor the decorators, which only the
            // staff page uses (the citizens' widgets declare `static properties`): they stay with
            // those instead of costing every municipal page 0.4 and 0.7 KB.
            { name: 'lit', test: /^(?!.*[\\/](directives[\\/]repeat\.js|decorators)).*[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]/ },
            // What two or more widgets share (API client, tokens, formats, events; the PQRSD
            // vocabulary, which the staff page also uses, rather than a chunk of its own).
            { name: 'shared', test: /[\\/]widgets[\\/]shared[\\/](?!download\.ts)|[\\/]api[\\/]pqrs[\\/]catalog\.ts$/, minShareCount: 2 },
          ],
        },
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'chunks/[name]-[hash][extname]',
      },
    },
  },
});
