/**
 * Per-username lockout after repeated failed logins (table `login_failures`). It works whether
 * or not the per-IP rate limit is on, and treats unknown usernames exactly like real ones.
 */
import { perDb, type Db } from '../db/index.ts';

/** Failed attempts allowed within WINDOW_MS before the username is locked. */
export const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

interface FailureRow {
  failures: number;
  last_failure: string;
  locked_until: string | null;
}

function prepare(db: Db) {
  return {
    get: db.prepare<[string], FailureRow>('SELECT failures, last_failure, locked_until FROM login_failures WHERE username = ?'),
    upsert: db.prepare<{ username: string; failures: number; at: string; lockedUntil: string | null }>(
      `INSERT INTO login_failures (username, failures, last_failure, locked_until)
       VALUES (@username, @failures, @at, @lockedUntil)
       ON CONFLICT (username) DO UPDATE SET
         failures = excluded.failures, last_failure = excluded.last_failure, locked_until = excluded.locked_until`,
    ),
    clear: db.prepare<[string]>('DELETE FROM login_failures WHERE username = ?'),
    // Forgotten rows of guessed usernames go once neither their window nor their lock applies.
    prune: db.prepare<[string, string]>(
      'DELETE FROM login_failures WHERE last_failure < ? AND (locked_until IS NULL OR locked_until < ?)',
    ),
  };
}

const stmts = perDb(prepare);

/**
 * Starts a password check for `username` (normalised): returns the seconds left if it is locked;
 * otherwise counts the attempt as a failure *before* the slow password check and returns 0.
 * Counting first means parallel guesses cannot all slip past the lock while their hashes run;
 * `attemptSucceeded` wipes the count when the password was right.
 */
export function beginAttempt(db: Db, username: string, now: Date): number {
  const s = stmts(db);
  return db
    .transaction(() => {
      const row = s.get.get(username);
      if (row?.locked_until && row.locked_until > now.toISOString()) {
        return Math.max(1, Math.ceil((Date.parse(row.locked_until) - now.getTime()) / 1000));
      }
      const recent = row && now.getTime() - Date.parse(row.last_failure) < WINDOW_MS ? row.failures : 0;
      const failures = recent + 1;
      const locks = failures >= MAX_FAILURES;
      s.upsert.run({
        username,
        failures: locks ? 0 : failures,
        at: now.toISOString(),
        lockedUntil: locks ? new Date(now.getTime() + LOCK_MS).toISOString() : null,
      });
      const stale = new Date(now.getTime() - WINDOW_MS).toISOString();
      s.prune.run(stale, now.toISOString());
      return 0;
    })
    .immediate();
}

/** The password was right: forget the failures of `username`. */
export function attemptSucceeded(db: Db, username: string): void {
  stmts(db).clear.run(username);
}
