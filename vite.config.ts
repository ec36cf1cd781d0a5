import { defineConfig } from 'vite';

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
            // Lit (and the decorator helper every element needs) changes far less often than our
            // code: its own long-cached chunk.
            { name: 'lit', test: /[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]|@oxc-project\+runtime/ },
            // What two or more widgets share (API client, tokens, formats, events; the PQRSD
            // vocabulary, which the staff page also uses, rather than a chunk of its own).
            { name: 'shared', test: /[\\/]widgets[\\/]shared[\\/]|[\\/]api[\\/]pqrs[\\/]catalog\.ts$/, minShareCount: 2 },
          ],
        },
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'chunks/[name]-[hash][extname]',
      },
    },
  },
});
