import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { minifyHTMLLiterals } from 'minify-literals';
import { defineConfig, type Plugin } from 'vite';

/**
 * Lit's html`` and css`` templates are runtime strings the minifier leaves as written:
 * minify-literals minifies them (html-minifier-next, Lightning CSS) in the widgets' own source.
 */
/**
 * The oldest browsers the widgets support (matching `build.target` es2022): Lightning CSS keeps
 * syntax they understand (no `@media (width >= 40rem)` for an iPhone on iOS 15).
 */
const CSS_TARGETS = { chrome: 100 << 16, edge: 100 << 16, firefox: 100 << 16, safari: 15 << 16, ios_saf: 15 << 16 };

function minifyTemplates(): Plugin {
  return {
    name: 'ecam-minify-templates',
    apply: 'build',
    enforce: 'pre',
    async transform(code, id) {
      if (!/[\\/]widgets[\\/].*\.ts$/.test(id) || !/\b(html|css|svg)`/.test(code)) return null;
      const result = await minifyHTMLLiterals(code, { fileName: id, html: { removeAttributeQuotes: true, collapseBooleanAttributes: true }, css: { targets: CSS_TARGETS } });
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}

/**
 * Brotli and gzip copies of every script, written next to it: the server sends the one the
 * browser accepts (@fastify/static `preCompressed`), so a page downloads about a third of the
 * bytes without compressing on every request.
 */
function precompress(): Plugin {
  return {
    name: 'ecam-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      for (const file of Object.keys(bundle).filter((f) => f.endsWith('.js'))) {
        const target = path.join(options.dir!, file);
        const code = fs.readFileSync(target);
        fs.writeFileSync(`${target}.br`, zlib.brotliCompressSync(code, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
        fs.writeFileSync(`${target}.gz`, zlib.gzipSync(code, { level: 9 }));
      }
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
  plugins: [minifyTemplates(), precompress()],
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
            // vocabulary, which the staff page also uses, rather than a chunk of its own). Not
            // what is loaded on demand: downloads, uploads and the English texts; nor the SSE
            // reader, which only the chat panel and <ecam-event> use.
            { name: 'shared', test: /[\\/]widgets[\\/]shared[\\/](?!download\.ts|upload\.ts|sse\.ts|[\w-]+\.en\.ts)|[\\/]api[\\/]pqrs[\\/]catalog\.ts$/, minShareCount: 2 },
            // What the two event widgets share (dates, names, styles), in one chunk with the kind and
            // phase names the staff page also takes from it, so an event page does not pay a chunk more.
            { name: 'events-shared', test: /[\\/]widgets[\\/]events[\\/](format|messages|events\.styles)\.ts$/ },
          ],
        },
        chunkFileNames: 'chunks/[name]-[hash:6].js',
        assetFileNames: 'chunks/[name]-[hash][extname]',
      },
    },
  },
});
