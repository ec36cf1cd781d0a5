/**
 * The staff page's bundle (`dist/widgets/admin.js`), loaded by the shell at `/admin`. Never
 * imported by the citizens' loader (widgets/index.ts), so none of this reaches a municipal page.
 */
import './admin.ts';

// The page itself has no stylesheet (the shell carries no inline style, for a strict CSP).
const page = new CSSStyleSheet();
page.replaceSync('html { background: #f6f8f9; } body { margin: 0; }');
document.adoptedStyleSheets = [...document.adoptedStyleSheets, page];
