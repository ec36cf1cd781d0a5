import type { Db } from './index.ts';

interface Job {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

/**
 * Group commit for public writes. With `synchronous = FULL` every commit waits for the disk;
 * writes queued in the same event-loop turn share one transaction, so one disk sync serves them
 * all. Each write runs in its own savepoint (a nested better-sqlite3 transaction), so one that
 * fails rolls back alone, and every caller is answered only after the shared commit.
 */
export function groupCommit(db: Db): <T>(write: () => T) => Promise<T> {
  let queue: Job[] = [];

  const flush = () => {
    const batch = queue;
    queue = [];
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      db.transaction(() => {
        for (const job of batch) {
          try {
            outcomes.push({ ok: true, value: db.transaction(job.write)() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      })();
    } catch (error) {
      // The commit itself failed: nothing of the batch was written.
      for (const job of batch) job.reject(error);
      return;
    }
    batch.forEach((job, i) => {
      const o = outcomes[i]!;
      if (o.ok) job.resolve(o.value);
      else job.reject(o.error);
    });
  };

  return <T>(write: () => T) =>
    new Promise<T>((resolve, reject) => {
      if (queue.length === 0) setImmediate(flush);
      queue.push({ write, resolve: resolve as (v: unknown) => void, reject });
    });
}
