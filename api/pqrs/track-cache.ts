import { bogotaMidnight } from '../calendar/calendar.ts';
import type { Db } from '../db/index.ts';

interface Entry<T> {
  hash: string;
  answer: T;
  version: unknown;
  expires: number;
}

/**
 * Recent tracking answers, reused only while nothing can have changed them: no write to the
 * database since (SQLite's change counter of the connection), the same Bogotá day (days left
 * are counted by date) and less than a minute old (a satisfaction survey opens and closes by the
 * clock). The code is still checked against the stored hash on every lookup, and only a right
 * code fills the cache, so it never answers anything a lookup would not.
 */
export class TrackCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly changes: () => unknown;

  constructor(
    db: Db,
    private readonly maxEntries = 1000,
    private readonly maxAgeMs = 60_000,
  ) {
    const changes = db.prepare('SELECT total_changes()').pluck();
    this.changes = () => changes.get();
  }

  /**
   * The database's state as a token: it differs after any write through this connection, the
   * server's only one that writes requests, settings or surveys (`npm run user` touches only
   * staff accounts; a restore needs the server stopped).
   */
  version(): unknown {
    return this.changes();
  }

  /** The stored hash and answer for a radicado, if still valid at this version and instant. */
  get(radicado: string, version: unknown, now: Date): Entry<T> | undefined {
    const entry = this.entries.get(radicado);
    if (!entry) return undefined;
    if (entry.version === version && now.getTime() < entry.expires) return entry;
    this.entries.delete(radicado);
    return undefined;
  }

  set(radicado: string, hash: string, answer: T, version: unknown, now: Date, today: string): void {
    const midnight = Date.parse(bogotaMidnight(today, 1));
    this.entries.delete(radicado);
    this.entries.set(radicado, { hash, answer, version, expires: Math.min(now.getTime() + this.maxAgeMs, midnight) });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
