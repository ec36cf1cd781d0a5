import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

export type Db = Database.Database;

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Numbered migrations `NNN-name.sql`, in order. */
function migrations(): { version: number; file: string }[] {
  return fs
    .readdirSync(migrationsDir)
    .filter((f) => /^\d{3}-[\w-]+\.sql$/.test(f))
    .map((file) => ({ version: Number(file.slice(0, 3)), file }))
    .sort((a, b) => a.version - b.version);
}

/** A migration that rebuilds a table other tables reference says so on a line of its own. */
const FOREIGN_KEYS_OFF = /^-- migrate: foreign_keys off$/m;

/**
 * Applies every migration newer than `user_version`, each in a transaction with its bump. One
 * marked `-- migrate: foreign_keys off` (it rebuilds a referenced table, sqlite.org/lang_altertable.html)
 * runs with foreign keys off, which SQLite allows only outside a transaction, and commits only
 * if `foreign_key_check` finds nothing broken.
 */
export function migrate(db: Db): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of migrations()) {
    if (m.version <= current) continue;
    const sql = fs.readFileSync(path.join(migrationsDir, m.file), 'utf8');
    const keysOff = FOREIGN_KEYS_OFF.test(sql);
    const keysWere = db.pragma('foreign_keys', { simple: true }) as number;
    if (keysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(sql);
        if (keysOff && (db.pragma('foreign_key_check') as unknown[]).length > 0) throw new Error(`migration ${m.file} breaks foreign keys`);
        db.pragma(`user_version = ${m.version}`);
      })();
    } finally {
      if (keysOff) db.pragma(`foreign_keys = ${keysWere ? 'ON' : 'OFF'}`);
    }
  }
  return db.pragma('user_version', { simple: true }) as number;
}

/** Opens (creating if needed) the SQLite database with the pragmas every connection needs. */
export function openDb(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: a citizen told "radicado" must survive a power cut, not only a process crash.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/**
 * Prepared statements made once per database, on first use: `const stmts = perDb(prepare)`
 * then `stmts(db).insert.run(...)`. Modules that only receive a `db` keep their statements
 * without a class or a global.
 */
export function perDb<T>(prepare: (db: Db) => T): (db: Db) => T {
  const cache = new WeakMap<Db, T>();
  return (db) => {
    let value = cache.get(db);
    if (value === undefined) {
      value = prepare(db);
      cache.set(db, value);
    }
    return value;
  };
}
