/**
 * `npm run backup -- <file>`: a consistent copy of the live database through SQLite's online
 * backup API, safe while the server runs and writes. Uploaded files live beside it in
 * `ECAM_DATA_DIR/uploads` and are copied with any file tool (they never change once written).
 */
import { loadConfig } from '../config.ts';
import { backupDatabase, CopyError } from './copies.ts';

const target = process.argv[2];
if (!target) {
  console.error('Uso: npm run backup -- <archivo-destino.sqlite>');
  process.exit(2);
}
try {
  const { file, requests } = await backupDatabase(loadConfig().dbFile, target);
  console.log(`Copia de seguridad en ${file}: ${requests} solicitudes, integridad verificada.`);
} catch (err) {
  if (!(err instanceof CopyError)) throw err;
  console.error(err.message);
  process.exit(1);
}
