import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { groupCommit, walSync } from '../../api/db/group-commit.ts';
import { openDb } from '../../api/db/index.ts';
import { tempDataDir } from '../helpers.ts';

function setup(durable: boolean) {
  const file = path.join(tempDataDir(), 'gc.sqlite');
  const db = openDb(file);
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)');
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  // Two statements per write, so a failure in the second would leave the first behind.
  const write = (v: string) => () => {
    insert.run(`${v}-a`);
    insert.run(v);
    return v;
  };
  const sync = durable ? walSync(db, file) : undefined;
  return { db, commit: groupCommit(db, [], sync), write };
}

const synchronous = (db: ReturnType<typeof openDb>) => db.pragma('synchronous', { simple: true });

// The same behaviour whether the disk flush happens inside the commit or off the event loop.
for (const durable of [false, true]) {
  describe(durable ? 'with the WAL flushed off the event loop (the app)' : 'with synchronous = FULL commits', () => {
    test('writes of one turn share a transaction and each caller gets its own result', async () => {
      const { db, commit, write } = setup(durable);
      const results = await Promise.all(['x', 'y', 'z'].map((v) => commit(write(v))));
      assert.deepEqual(results, ['x', 'y', 'z']);
      assert.equal((db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n, 6);
    });

    test('a failing write is rejected alone and leaves nothing half-written', async () => {
      const { db, commit, write } = setup(durable);
      await commit(write('dup'));
      const outcomes = await Promise.allSettled([commit(write('a')), commit(write('dup')), commit(write('b'))]);
      assert.deepEqual(
        outcomes.map((o) => o.status),
        ['fulfilled', 'rejected', 'fulfilled'],
      );
      const values = (db.prepare('SELECT v FROM t ORDER BY id').pluck().all() as string[]).sort();
      assert.deepEqual(values, ['a', 'a-a', 'b', 'b-a', 'dup', 'dup-a']);
    });

    test('a result is delivered only after the data is committed', async () => {
      const { db, commit, write } = setup(durable);
      const v = await commit(() => {
        assert.equal(db.inTransaction, true);
        return write('c')();
      });
      assert.equal(v, 'c');
      assert.equal(db.inTransaction, false);
    });
  });
}

test('only the batch commits relaxed: every other transaction of the connection syncs in the commit', async () => {
  const { db, commit, write } = setup(true);
  assert.equal(synchronous(db), 2, 'FULL before');
  const seen = await commit(() => {
    write('r')();
    return synchronous(db);
  });
  assert.equal(seen, 1, 'NORMAL inside the batch, whose WAL is flushed before the answer');
  assert.equal(synchronous(db), 2, 'FULL again after');
  await assert.rejects(commit(() => {
    throw new Error('a failed write');
  }));
  assert.equal(synchronous(db), 2, 'FULL again after a failure too');
});
