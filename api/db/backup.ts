/**
 * `npm run backup -- <file>`: a consistent copy of the live database through SQLite's online
 * backup API, safe while the server runs and writes. Uploaded files live beside it in
 * `ECAM_DATA_DIR/uploads` and are copied with any file tool (they never change once written).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../config.ts';

const target = process.argv[2];
if (!target) {
  console.error('Uso: npm run backup -- <archivo-destino.sqlite>');
  process.exit(2);
}
const { dbFile } = loadConfig();
if (!fs.existsSync(dbFile)) {
  console.error(`No existe la base de datos ${dbFile} (revise ECAM_DATA_DIR).`);
  process.exit(1);
}
const out = path.resolve(target);
fs.mkdirSync(path.dirname(out), { recursive: true });
const db = new Database(dbFile, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
await db.backup(out);
db.close();
const check = new Database(out, { readonly: true });
const integrity = check.pragma('integrity_check', { simple: true });
const requests = (check.prepare('SELECT count(*) AS n FROM pqrs').get() as { n: number }).n;
check.close();
if (integrity !== 'ok') {
  console.error(`La copia ${out} no pasó la verificación de integridad: ${String(integrity)}`);
  process.exit(1);
}
console.log(`Copia de seguridad en ${out}: ${requests} solicitudes, integridad verificada.`);
