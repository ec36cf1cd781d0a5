/**
 * Custom Elements Manifest of the citizens' widgets (`dist/widgets/custom-elements.json`, made by
 * `npm run build`): every element's attributes, events, parts and custom properties, read from
 * the JSDoc of its class. Editors and the README's element tables (`npm run docs`) read it.
 * Attributes without a field of their own (`lang`, `theme`, the chat launcher's) are `@attr` tags
 * of the class comment.
 */

/**
 * Only the custom elements: the widgets' helper functions and catalogs are not their interface;
 * nor is the unnamed event the analyzer adds for each `dispatchEvent(new SomeEvent())`.
 */
function onlyElements() {
  return {
    name: 'ecam-only-elements',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        const elements = new Set((mod.declarations ?? []).filter((d) => d.customElement).map((d) => d.name));
        mod.declarations = (mod.declarations ?? []).filter((d) => elements.has(d.name));
        for (const d of mod.declarations) if (d.events) d.events = d.events.filter((e) => e.name);
        mod.exports = (mod.exports ?? []).filter((e) => elements.has(e.declaration?.name) || e.kind === 'custom-element-definition');
      }
      customElementsManifest.modules = customElementsManifest.modules.filter((m) => m.declarations.length);
    },
  };
}

export default {
  globs: ['widgets/**/*.ts'],
  // The staff page is not embedded anywhere; the shared modules define no element.
  exclude: ['widgets/admin/**', 'widgets/shared/**'],
  outdir: 'dist/widgets',
  litelement: true,
  packagejson: false,
  quiet: true,
  plugins: [onlyElements()],
};
