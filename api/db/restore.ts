/**
 * `npm run restore -- <file>`: replaces the database of `ECAM_DATA_DIR` with a copy made by
 * `npm run backup`. Stop the server first (the command refuses while it runs). The copy is
 * checked before anything is touched, and the replaced database is kept beside the new one as
 * `ecam.sqlite.antes-de-restaurar-<fecha>`. Attachments (`uploads/`) are restored by copying
 * the folder back.
 */
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { CopyError, restoreDatabase } from './copies.ts';

const source = process.argv[2];
if (!source) {
  console.error('Uso: npm run restore -- <archivo-de-copia.sqlite>');
  process.exit(2);
}
try {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const { file, requests, previous } = await restoreDatabase(path.resolve(source), loadConfig().dbFile, stamp);
  console.log(`Base de datos restaurada en ${file}: ${requests} solicitudes, integridad verificada.`);
  if (previous) console.log(`La base de datos anterior quedó en ${previous}.`);
} catch (err) {
  if (!(err instanceof CopyError)) throw err;
  console.error(err.message);
  process.exit(1);
}
