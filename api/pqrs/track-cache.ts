import type { Db } from '../db/index.ts';

interface Entry<T> {
  hash: string;
  answer: T;
  version: string;
  expires: number;
}

/**
 * Recent tracking answers, reused only while nothing can have changed them: no write to the
 * database from any connection since (SQLite's change counters), the same Bogotá day (days left
 * are counted by date) and less than a minute old (a satisfaction survey opens and closes by the
 * clock). The code is still checked against the stored hash on every lookup, and only a right
 * code fills the cache, so it never answers anything a lookup would not.
 */
export class TrackCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly changes: () => unknown;
  private readonly dataVersion: () => unknown;

  constructor(
    db: Db,
    private readonly maxEntries = 1000,
    private readonly maxAgeMs = 60_000,
  ) {
    const changes = db.prepare('SELECT total_changes()').pluck();
    const dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.changes = () => changes.get();
    this.dataVersion = () => dataVersion.get();
  }

  /** The database's state as a token: it differs after any write by this or another connection. */
  version(): string {
    return `${this.changes()}:${this.dataVersion()}`;
  }

  /** The stored hash and answer for a radicado, if still valid at this version and instant. */
  get(radicado: string, version: string, now: Date): Entry<T> | undefined {
    const entry = this.entries.get(radicado);
    if (entry && (entry.version !== version || now.getTime() >= entry.expires)) this.entries.delete(radicado);
    return entry?.version === version && now.getTime() < entry.expires ? entry : undefined;
  }

  set(radicado: string, hash: string, answer: T, version: string, now: Date, today: string): void {
    // Bogotá is UTC-5 all year: its next midnight is a fixed instant.
    const midnight = Date.parse(`${today}T00:00:00-05:00`) + 86_400_000;
    this.entries.delete(radicado);
    this.entries.set(radicado, { hash, answer, version, expires: Math.min(now.getTime() + this.maxAgeMs, midnight) });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
