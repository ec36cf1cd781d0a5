import fs from 'node:fs';
import type { Db } from './index.ts';

interface Job {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

/** Work the writes of a batch leave for the batch's end, inside its transaction. */
export interface BatchTail {
  /** Writes what the batch's writes left pending. */
  flush(): void;
  /** Forgets it: the batch was rolled back. */
  discard(): void;
}

/**
 * Makes a committed batch durable off the event loop: the batch commits with
 * `synchronous = NORMAL` (SQLite appends it to the WAL without waiting for the disk) and then
 * the WAL file is flushed with fdatasync on libuv's thread pool. The callers are answered after
 * that flush, exactly as `synchronous = FULL` would, but the event loop validates and writes the
 * next batch meanwhile instead of sitting in the kernel. Every other transaction of the
 * connection keeps `synchronous = FULL`.
 */
export interface WalSync {
  /** Around the batch's transaction: NORMAL inside, FULL again after. */
  relaxed<T>(fn: () => T): T;
  /** Resolves once everything written to the WAL so far is on disk. */
  flush(): Promise<void>;
  close(): void;
}

export function walSync(db: Db, dbFile: string): WalSync {
  // exec, not prepared statements: the first run of a prepared PRAGMA synchronous is ignored.
  const normal = () => db.exec('PRAGMA synchronous = NORMAL');
  const full = () => db.exec('PRAGMA synchronous = FULL');
  // SQLite keeps the -wal file (truncating and reusing it, never replacing it) while a
  // connection is open; it exists once the first write has committed.
  let fd: number | undefined;
  // One fdatasync at a time: commits made while one runs wait for the next, which covers them
  // all (so a busy server syncs once per disk round trip, not once per batch).
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  const fdatasync = () => {
    fd ??= fs.openSync(`${dbFile}-wal`, 'r');
    const handle = fd;
    return new Promise<void>((resolve, reject) => fs.fdatasync(handle, (err) => (err ? reject(err) : resolve())));
  };
  const flush = (): Promise<void> => {
    if (!running) {
      running = fdatasync().finally(() => (running = undefined));
      return running;
    }
    // The running one may have started before this commit: wait for the one after it.
    queued ??= running.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      queued = undefined;
      return flush();
    });
    return queued;
  };
  return {
    relaxed(fn) {
      normal();
      try {
        return fn();
      } finally {
        full();
      }
    },
    flush,
    close() {
      if (fd !== undefined) fs.closeSync(fd);
      fd = undefined;
    },
  };
}

/**
 * Group commit for public writes. Every commit must reach the disk before its caller is told;
 * writes queued in the same event-loop turn share one transaction, so one disk sync serves them
 * all, and every caller is answered only after it. Should any write of a batch throw, the batch
 * is rolled back and each write is retried in a transaction of its own, so one bad write never
 * takes the others down and never leaves half of itself behind.
 *
 * A `tail` is work the writes of a batch leave for its end (say, counters summed over the whole
 * batch): it is written in the same transaction after the writes, or discarded with them.
 * With `sync`, the disk flush happens off the event loop (see WalSync); without it, inside the
 * commit (`synchronous = FULL`).
 */
export function groupCommit(db: Db, tails: BatchTail[] = [], sync?: WalSync): <T>(write: () => T) => Promise<T> {
  let queue: Job[] = [];

  const transaction = <T>(writes: () => T): T => {
    try {
      return db.transaction(() => {
        const values = writes();
        for (const tail of tails) tail.flush();
        return values;
      })();
    } catch (error) {
      for (const tail of tails) tail.discard();
      throw error;
    }
  };

  /** The batch's outcome per job: a value once durable, or the error of a write that failed. */
  const write = (batch: Job[]): ({ ok: true; value: unknown } | { ok: false; error: unknown })[] => {
    if (batch.length > 1) {
      try {
        return transaction(() => batch.map((job) => job.write())).map((value) => ({ ok: true, value }));
      } catch {
        // Retried one by one below.
      }
    }
    return batch.map((job) => {
      try {
        return { ok: true, value: transaction(job.write) };
      } catch (error) {
        return { ok: false, error };
      }
    });
  };

  const flush = () => {
    const batch = queue;
    queue = [];
    const outcomes = sync ? sync.relaxed(() => write(batch)) : write(batch);
    const answer = () => batch.forEach((job, i) => {
      const o = outcomes[i]!;
      if (o.ok) job.resolve(o.value);
      else job.reject(o.error);
    });
    if (!sync || !outcomes.some((o) => o.ok)) return answer();
    sync.flush().then(answer, (error: unknown) => batch.forEach((job) => job.reject(error)));
  };

  return <T>(write: () => T) =>
    new Promise<T>((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ write, resolve: resolve as (v: unknown) => void, reject });
    });
}
