import { testApp, validPqrs } from '../test/helpers.ts';
import { openSession, staffHeaders } from '../test/admin-helpers.ts';
let clock = new Date('2026-01-02T10:00:00-05:00');
const { app } = await testApp({ ECAM_ADMIN_PASSWORD: 'clave-admin-de-prueba' }, () => clock);
await app.inject({ method: 'POST', url: '/api/pqrs', payload: validPqrs() });
const t0 = Date.now();
// 50,000 PQRSD over 2026, two thirds answered 3-30 days later, channels spread.
app.db.exec(`
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)
INSERT INTO pqrs (radicado, tracking_hash, type, subject, description, response_channel, requester_kind, state, received_at, effective_receipt, business_days, due_date, consent_at, consent_policy, consent_ip, answered_at, channel, original_due_date)
SELECT 'B-' || i, tracking_hash, type, subject, description, response_channel, requester_kind, 'respondida',
  strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01T13:00:00Z', '+' || (i % 340) || ' days'),
  date('2026-01-01', '+' || (i % 340) || ' days'), 15, date('2026-01-01', '+' || (i % 340 + 21) || ' days'), consent_at, consent_policy, consent_ip,
  CASE WHEN i % 3 = 0 THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01T15:00:00Z', '+' || (i % 340 + 3 + i % 28) || ' days') END,
  CASE i % 4 WHEN 0 THEN 'web' WHEN 1 THEN 'chat' WHEN 2 THEN 'buzon' ELSE 'presencial' END, due_date
FROM pqrs, n WHERE pqrs.id = 1;
`);
// 2 million counted events: 8 widgets x 30 pages x 5 measures x 2 devices x 365 days, about 4.6 each.
app.db.exec(`
WITH RECURSIVE d(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM d WHERE k < 364),
w(x) AS (VALUES ('pqrs'),('tracker'),('survey'),('chat'),('agenda'),('event'),('avisos'),('informe')),
p(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM p WHERE j < 30),
m(y) AS (VALUES ('shown'),('started'),('completed'),('validation_error'),('connection_error')),
v(z) AS (VALUES ('phone'),('other'))
INSERT INTO usage_daily SELECT date('2026-01-01', '+' || k || ' days'), x, 'https://www.floridablanca.gov.co', '/pagina-' || j, y, z, 1 + (k + j) % 8 FROM d, w, p, m, v;
`);
app.db.exec(`INSERT INTO usage_monthly SELECT substr(day, 1, 7), widget, origin, path, measure, device, SUM(count) FROM usage_daily GROUP BY 1, 2, 3, 4, 5, 6`);
console.log('seeded in', Date.now() - t0, 'ms; events', app.db.prepare('SELECT SUM(count) FROM usage_daily').pluck().get(), 'rows', app.db.prepare('SELECT COUNT(*) FROM usage_daily').pluck().get());
clock = new Date(process.env.AT ?? '2027-01-15T10:00:00-05:00');
const headers = staffHeaders(openSession(app, 1));
const time = async (label: string, url: string) => {
  const s = performance.now();
  const res = await app.inject({ method: 'GET', url, headers });
  console.log(label, res.statusCode, Math.round(performance.now() - s), 'ms', res.body.length, 'bytes');
};
await time('year, cold (24 months computed)', '/api/admin/appropriation?from=2026-01&to=2026-12');
const samples: number[] = [];
for (let i = 0; i < 50; i++) {
  const s = performance.now();
  await app.inject({ method: 'GET', url: '/api/admin/appropriation?from=2026-01&to=2026-12', headers });
  samples.push(performance.now() - s);
}
samples.sort((a, b) => a - b);
console.log('year, warm: p50', Math.round(samples[25]!), 'p99', Math.round(samples[49]!), 'ms');
await time('csv year warm', '/api/admin/appropriation.csv?from=2026-01&to=2026-12');
const s = performance.now();
const { computeMonth } = await import('../api/appropriation/rollup.ts');
computeMonth(app.db, app.config, '2026-06');
console.log('one month computed in', Math.round(performance.now() - s), 'ms');
await app.close();
