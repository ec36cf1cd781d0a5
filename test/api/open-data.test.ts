/**
 * Open data (issue 11 item 5): one row per request, no personal data and no free text. Requests
 * are seeded with distinctive names, documents, e-mails, phones, addresses and texts, handled
 * through the real workflow, and none of it may appear anywhere in the CSV, JSON or dictionary.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { Dictionary, OpenData } from '../../api/open-data/schemas.ts';
import { ADMIN_PASSWORD, openSession, staffHeaders } from '../admin-helpers.ts';
import { testApp, validPqrs } from '../helpers.ts';

let clock = new Date('2025-11-03T10:00:00-05:00');
const { app } = await testApp({ ECAM_ADMIN_PASSWORD: ADMIN_PASSWORD }, () => clock);
after(() => app.close());

const at = (when: string) => void (clock = new Date(`${when}:00-05:00`));
const admin = () => staffHeaders(openSession(app, 1));

/** What must never leave the server through open data. */
const SECRETS = {
  names: ['Zacarías Quintero Villamizar', 'Quintero', 'Villamizar', 'Gumersinda Pabón', 'Pabón', 'Representaciones Ñandú S.A.S.', 'Ñandú'],
  documents: ['7788990011', '900123456', '1122334455'],
  emails: ['zacarias.q@correo-unico.co', 'correo-unico.co', 'gumersinda@buzon-raro.co'],
  phones: ['3117654321', '311 765 4321', '6076543210'],
  addresses: ['Carrera 27 # 45-12', 'Sotomayor', 'Piedecuesta'],
  texts: [
    'Hipopótamo',
    'Asunto-distintivo-XYZ',
    'Ornitorrinco',
    'Alcaldía Distintiva de Pruebas',
    'Nota interna Quetzal',
    'Falta el anexo Axolote',
    'Motivo Capibara',
  ],
};

const requesters = [
  {
    kind: 'natural',
    documentType: 'CC',
    documentNumber: '7788990011',
    name: 'Zacarías Quintero Villamizar',
    email: 'zacarias.q@correo-unico.co',
    phone: '311 765 4321',
    address: 'Carrera 27 # 45-12 Barrio Sotomayor',
    city: 'Piedecuesta',
  },
  {
    kind: 'juridica',
    documentType: 'NIT',
    documentNumber: '900123456',
    name: 'Representaciones Ñandú S.A.S.',
    email: 'gumersinda@buzon-raro.co',
    phone: '6076543210',
    address: 'Carrera 27 # 45-12',
    city: 'Piedecuesta',
  },
  {
    kind: 'natural',
    documentType: 'CE',
    documentNumber: '1122334455',
    name: 'Gumersinda Pabón',
    email: 'gumersinda@buzon-raro.co',
    phone: '3117654321',
    address: 'Sotomayor',
    city: 'Piedecuesta',
  },
];

const radicados: string[] = [];

async function file(type: string, i: number) {
  const body = validPqrs(
    {
      type,
      subject: `Asunto-distintivo-XYZ ${i}`,
      description: `Texto libre inconfundible: un Hipopótamo en la oficina ${i}, escriban a zacarias.q@correo-unico.co o al 3117654321.`,
    },
    requesters[i % requesters.length],
  );
  const res = await app.inject({ method: 'POST', url: '/api/pqrs', payload: body });
  assert.equal(res.statusCode, 201, res.body);
  radicados.push(res.json().radicado);
  return res.json().radicado as string;
}

async function act(radicado: string, action: string, body: object) {
  const res = await app.inject({ method: 'POST', url: `/api/admin/pqrs/${radicado}/${action}`, headers: admin(), payload: body });
  assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
}

const get = (url: string) => app.inject({ method: 'GET', url });

before(async () => {
  await file('peticion', 0); // 2025: outside the default period
  at('2026-01-05T10:00');
  const info = await file('informacion', 0); // due 20 January
  const pet = await file('peticion', 1);
  const queja = await file('queja', 2);
  const sug = await file('sugerencia', 0);
  const note = await app.inject({ method: 'POST', url: `/api/admin/pqrs/${pet}/notes`, headers: admin(), payload: { text: 'Nota interna Quetzal sobre Zacarías Quintero Villamizar' } });
  assert.equal(note.statusCode, 200, note.body);
  at('2026-01-09T10:00');
  await act(info, 'reply', { text: 'Respuesta con frase única Ornitorrinco: se niega por reserva.', denied: true }); // 4 business days
  await act(pet, 'transfer', { entity: 'Alcaldía Distintiva de Pruebas', note: 'Motivo Capibara para Gumersinda Pabón' });
  await act(sug, 'assign', { staffId: 1 });
  await act(sug, 'request-completion', { message: 'Falta el anexo Axolote de Zacarías Quintero Villamizar' });
  at('2026-02-02T10:00');
  await act(queja, 'reply', { text: 'Respuesta tardía Ornitorrinco para Gumersinda Pabón.' }); // due 27 January: late
  at('2026-06-15T12:00');
});

describe('GET /api/open-data/pqrs.json', () => {
  test('one row per request of the current Bogotá year, described as they stand now, with the hand-checked values', async () => {
    const res = await get('/api/open-data/pqrs.json');
    assert.equal(res.statusCode, 200, res.body);
    const data = res.json() as OpenData;
    assert.deepEqual([data.from, data.to, data.generatedAt], ['2026-01-01', '2026-12-31', clock.toISOString()]);
    assert.deepEqual(data.rows.map((r) => r.radicado), radicados.slice(1));
    const [info, pet, queja, sug] = data.rows;
    assert.deepEqual(info, {
      radicado: radicados[1],
      tipo: 'informacion',
      canal: 'web',
      fecha_recibo: '2026-01-05',
      fecha_vencimiento: '2026-01-20',
      fecha_respuesta: '2026-01-09',
      estado: 'respondida',
      dias_habiles_respuesta: 4,
      respondida_a_tiempo: true,
      trasladada: false,
      acceso_negado: true,
    });
    assert.deepEqual([pet!.estado, pet!.trasladada, pet!.fecha_respuesta, pet!.respondida_a_tiempo], ['trasladada', true, null, null]);
    // 6-9, 13-16, 19-23, 26-30 January, 2 February: 19 business days for a 15-day term.
    assert.deepEqual([queja!.fecha_vencimiento, queja!.dias_habiles_respuesta, queja!.respondida_a_tiempo], ['2026-01-27', 19, false]);
    assert.equal(sug!.estado, 'pendiente_ciudadano');
  });

  test('a period: ?from=&to= bounded to five years, in order, real dates', async () => {
    const last = await get('/api/open-data/pqrs.json?from=2025-01-01&to=2025-12-31');
    assert.deepEqual((last.json() as OpenData).rows.map((r) => r.radicado), [radicados[0]]);
    for (const [query, field, message] of [
      ['?from=2019-01-01&to=2026-01-01', 'to', /cinco años/],
      ['?from=2019-01-01', 'to', /cinco años/],
      ['?from=2026-03-01&to=2026-02-01', 'to', /posterior/],
      ['?from=2026-02-30', 'from', /fecha real/],
    ] as const) {
      for (const ext of ['json', 'csv']) {
        const res = await get(`/api/open-data/pqrs.${ext}${query}`);
        assert.equal(res.statusCode, 400, query);
        assert.match(res.json().fields[field], message, query);
      }
    }
  });
});

describe('GET /api/open-data/pqrs.csv', () => {
  test('UTF-8 without BOM, commas, CRLF, a header of the dictionary columns, the JSON values', async () => {
    const res = await get('/api/open-data/pqrs.csv');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
    assert.equal(res.headers['content-disposition'], 'attachment; filename="pqrsd-2026-01-01-2026-12-31.csv"');
    assert.notDeepEqual([...res.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'no BOM');
    const text = res.rawPayload.toString('utf8');
    assert.match(text, /^radicado,tipo,canal,fecha_recibo,/);
    assert.ok(text.endsWith('\r\n'));
    const dictionary = (await get('/api/open-data/pqrs/dictionary')).json() as Dictionary;
    const rows: Record<string, string>[] = parse(text, { columns: true });
    assert.deepEqual(Object.keys(rows[0]!), dictionary.columns.map((c) => c.column));
    const json = ((await get('/api/open-data/pqrs.json')).json() as OpenData).rows;
    assert.deepEqual(
      rows,
      json.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? '' : String(v)]))),
    );
    assert.deepEqual(rows[0]!.acceso_negado, 'true');
  });
});

describe('the dictionary', () => {
  test('names every column of the JSON rows, in order, with a type and a Spanish description', async () => {
    const res = await get('/api/open-data/pqrs/dictionary');
    assert.equal(res.statusCode, 200);
    const d = res.json() as Dictionary;
    const row = ((await get('/api/open-data/pqrs.json')).json() as OpenData).rows[0]!;
    assert.deepEqual(d.columns.map((c) => c.column), Object.keys(row));
    for (const c of d.columns) {
      assert.ok(['Texto', 'Número', 'Fecha', 'Booleano'].includes(c.type), c.column);
      assert.ok(c.description.length > 30, c.column);
    }
    assert.match(d.columns.find((c) => c.column === 'tipo')!.description, /«informacion» \(Solicitud de información/);
    assert.match(d.columns.find((c) => c.column === 'canal')!.description, /«presencial» \(Verbal presencial\)/);
  });
});

describe('no personal data and no free text', () => {
  test('none of the seeded names, documents, e-mails, phones, addresses or texts appears in any output', async () => {
    const outputs = {
      csv: (await get('/api/open-data/pqrs.csv')).body,
      json: (await get('/api/open-data/pqrs.json')).body,
      csv2025: (await get('/api/open-data/pqrs.csv?from=2025-01-01&to=2025-12-31')).body,
      dictionary: (await get('/api/open-data/pqrs/dictionary')).body,
    };
    // The seeds are really in the database, so their absence above means something.
    const stored = ['pqrs', 'pqrs_notes', 'pqrs_events'].map((t) => JSON.stringify(app.db.prepare(`SELECT * FROM ${t}`).all())).join();
    for (const secret of Object.values(SECRETS).flat()) {
      assert.ok(stored.includes(secret), `seeded: ${secret}`);
      for (const [name, out] of Object.entries(outputs)) {
        assert.ok(!out.toLowerCase().includes(secret.toLowerCase()), `${secret} leaked in ${name}`);
        // Digits of documents and phones, however they are spaced.
        const digits = secret.replace(/\D/g, '');
        if (digits.length >= 7) assert.ok(!out.replace(/\D/g, ' ').split(/\s+/).includes(digits), `${secret} digits in ${name}`);
      }
    }
    assert.ok(!/@/.test(outputs.csv + outputs.json), 'no e-mail address at all');
  });
});
