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
 * Group commit for public writes. With `synchronous = FULL` every commit waits for the disk;
 * writes queued in the same event-loop turn share one transaction, so one disk sync serves them
 * all, and every caller is answered only after that commit. Should any write of a batch throw,
 * the batch is rolled back and each write is retried in a transaction of its own, so one bad
 * write never takes the others down and never leaves half of itself behind.
 *
 * A `tail` is work the writes of a batch leave for its end (say, counters summed over the whole
 * batch): it is written in the same transaction after the writes, or discarded with them.
 */
export function groupCommit(db: Db, tails: BatchTail[] = []): <T>(write: () => T) => Promise<T> {
  let queue: Job[] = [];

  const run = <T>(writes: () => T): T => {
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

  const alone = (job: Job) => {
    try {
      job.resolve(run(job.write));
    } catch (error) {
      job.reject(error);
    }
  };

  const flush = () => {
    const batch = queue;
    queue = [];
    if (batch.length === 1) return alone(batch[0]!);
    let values: unknown[];
    try {
      values = run(() => batch.map((job) => job.write()));
    } catch {
      for (const job of batch) alone(job);
      return;
    }
    batch.forEach((job, i) => job.resolve(values[i]));
  };

  return <T>(write: () => T) =>
    new Promise<T>((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ write, resolve: resolve as (v: unknown) => void, reject });
    });
}
