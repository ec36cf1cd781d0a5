import { testApp } from '../test/helpers.ts';
import { usageFigures } from '../api/appropriation/rollup.ts';
const { app } = await testApp({});
app.db.exec(`
WITH RECURSIVE d(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM d WHERE k < 29),
w(x) AS (VALUES ('pqrs'),('tracker'),('survey'),('chat'),('agenda'),('event'),('avisos'),('informe')),
p(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM p WHERE j < 30),
m(y) AS (VALUES ('shown'),('started'),('completed'),('validation_error'),('connection_error')),
v(z) AS (VALUES ('phone'),('other'))
INSERT INTO usage_daily SELECT date('2026-06-01', '+' || k || ' days'), x, 'https://www.floridablanca.gov.co', '/pagina-' || j, y, z, 1 + (k + j) % 8 FROM d, w, p, m, v;`);
let s = performance.now(); usageFigures(app.db, '2026-06'); console.log('usage month', Math.round(performance.now() - s));
s = performance.now(); usageFigures(app.db, '2026-06'); console.log('usage month again', Math.round(performance.now() - s));
await app.close();
