/**
 * Backup and restore of the database file, used by `npm run backup` and `npm run restore`.
 * Both go through SQLite's online backup API, which copies a consistent snapshot page by page
 * (never a half-written file), and both check the copy with `PRAGMA integrity_check`.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate, openDb } from './index.ts';

/** A refusal with a message for the person at the console. */
export class CopyError extends Error {}

export interface CopySummary {
  file: string;
  /** PQRSD requests in the copy. */
  requests: number;
}

/** Checks that `file` is a sound database of this application; throws CopyError otherwise. */
export function checkCopy(file: string): CopySummary {
  if (!fs.existsSync(file)) throw new CopyError(`No existe el archivo ${file}.`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new CopyError(`${file} no es una base de datos SQLite legible: ${(err as Error).message}`);
  }
  try {
    let integrity: unknown;
    try {
      integrity = db.pragma('integrity_check', { simple: true });
    } catch (err) {
      throw new CopyError(`${file} no es una base de datos SQLite legible: ${(err as Error).message}`);
    }
    if (integrity !== 'ok') throw new CopyError(`${file} no pasó la verificación de integridad: ${String(integrity)}`);
    const hasPqrs = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'pqrs'").get();
    if (!hasPqrs) throw new CopyError(`${file} no es una base de datos de ECAM Participa.`);
    const version = db.pragma('user_version', { simple: true }) as number;
    const known = latestVersion();
    if (version > known) {
      throw new CopyError(`${file} viene de una versión más nueva del programa (esquema ${version}; este conoce hasta ${known}).`);
    }
    const requests = db.prepare('SELECT count(*) FROM pqrs').pluck().get() as number;
    return { file, requests };
  } finally {
    db.close();
  }
}

/** The schema version the migrations of this build reach. */
function latestVersion(): number {
  const scratch = new Database(':memory:');
  try {
    return migrate(scratch);
  } finally {
    scratch.close();
  }
}

/** A consistent copy of the live database at `target`, safe while the server runs and writes. */
export async function backupDatabase(dbFile: string, target: string): Promise<CopySummary> {
  if (!fs.existsSync(dbFile)) throw new CopyError(`No existe la base de datos ${dbFile} (revise ECAM_DATA_DIR).`);
  const out = path.resolve(target);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const db = new Database(dbFile, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(out);
  } finally {
    db.close();
  }
  return checkCopy(out);
}

export interface RestoreSummary extends CopySummary {
  /** Where the database that was replaced was kept, if there was one. */
  previous: string | null;
}

/**
 * Replaces the database at `dbFile` with the copy at `source`, after checking the copy. Refuses
 * while any process (a running server) has the database open, keeps the replaced database
 * beside it, and brings an older copy up to the current schema.
 */
export async function restoreDatabase(source: string, dbFile: string, stamp: string): Promise<RestoreSummary> {
  checkCopy(source);
  let previous: string | null = null;
  if (fs.existsSync(dbFile)) {
    const live = new Database(dbFile, { fileMustExist: true });
    try {
      live.pragma('busy_timeout = 0');
      // Leaving WAL mode needs the only connection to the file: a server holding it open makes
      // this fail at once. It also folds the -wal file into the database.
      try {
        live.pragma('journal_mode = DELETE');
      } catch {
        throw new CopyError(`La base de datos ${dbFile} está en uso: detenga el servidor antes de restaurar.`);
      }
      previous = `${dbFile}.antes-de-restaurar-${stamp}`;
      await live.backup(previous);
    } finally {
      live.close();
    }
  }
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  const src = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await src.backup(dbFile);
  } finally {
    src.close();
  }
  // Back in WAL mode, with any migration the copy predates.
  openDb(dbFile).close();
  return { ...checkCopy(dbFile), previous };
}
