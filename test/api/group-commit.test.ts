import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { groupCommit } from '../../api/db/group-commit.ts';
import { openDb } from '../../api/db/index.ts';
import { tempDataDir } from '../helpers.ts';

function setup() {
  const db = openDb(path.join(tempDataDir(), 'gc.sqlite'));
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)');
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  // Two statements per write, so a failure in the second would leave the first behind.
  const write = (v: string) => () => {
    insert.run(`${v}-a`);
    insert.run(v);
    return v;
  };
  return { db, commit: groupCommit(db), write };
}

test('writes of one turn share a transaction and each caller gets its own result', async () => {
  const { db, commit, write } = setup();
  const results = await Promise.all(['x', 'y', 'z'].map((v) => commit(write(v))));
  assert.deepEqual(results, ['x', 'y', 'z']);
  assert.equal((db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n, 6);
});

test('a failing write is rejected alone and leaves nothing half-written', async () => {
  const { db, commit, write } = setup();
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
  const { db, commit, write } = setup();
  const v = await commit(() => {
    assert.equal(db.inTransaction, true);
    return write('c')();
  });
  assert.equal(v, 'c');
  assert.equal(db.inTransaction, false);
});
