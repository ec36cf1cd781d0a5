/**
 * `npm run backup` under write load and `npm run restore`: every filing acknowledged (201)
 * before the backup started is in the copy and trackable after the restore; restore refuses a
 * damaged copy and a database a server still holds.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { startServer } from '../e2e/server.ts';
import { validPqrs } from '../helpers.ts';

const run = promisify(execFile);
const ENV = { ECAM_CHALLENGE: 'off', ECAM_RATE_LIMIT: 'off' };

/** Runs an npm script's entry point the way `npm run <name> -- <file>` does. */
async function cli(script: 'backup' | 'restore', file: string, dataDir: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', `api/db/${script}.ts`, file], {
      env: { ...process.env, ECAM_DATA_DIR: dataDir },
    });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: `${e.stdout}${e.stderr}` };
  }
}

interface Filed {
  radicado: string;
  trackingCode: string;
}

test('a backup taken under write load restores every filing acknowledged before it started', async () => {
  let server = await startServer(ENV);
  const { dataDir } = server;
  const acknowledged: Filed[] = [];
  let stop = false;
  const writer = async () => {
    while (!stop) {
      const res = await fetch(`${server.url}/api/pqrs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(validPqrs()),
      });
      if (res.status === 201) acknowledged.push(await res.json());
    }
  };
  const writers = Array.from({ length: 8 }, writer);
  try {
    while (acknowledged.length < 40) await new Promise((r) => setTimeout(r, 20));
    const before = [...acknowledged];
    const copy = path.join(dataDir, 'copias', 'bajo-carga.sqlite');
    const backup = await cli('backup', copy, dataDir);
    assert.equal(backup.code, 0, backup.out);
    assert.match(backup.out, /integridad verificada/);
    const during = acknowledged.length;
    while (acknowledged.length < during + 20) await new Promise((r) => setTimeout(r, 20));
    stop = true;
    await Promise.all(writers);

    // The server is running: restore refuses and leaves everything as it was.
    const refused = await cli('restore', copy, dataDir);
    assert.equal(refused.code, 1, refused.out);
    assert.match(refused.out, /detenga el servidor/);

    await server.stop();
    const damaged = path.join(dataDir, 'copias', 'dañada.sqlite');
    fs.writeFileSync(damaged, Buffer.concat([fs.readFileSync(copy).subarray(0, 4096), Buffer.alloc(8192, 0x5a)]));
    const refusedDamaged = await cli('restore', damaged, dataDir);
    assert.equal(refusedDamaged.code, 1, refusedDamaged.out);
    assert.match(refusedDamaged.out, /integridad|legible/);

    const restored = await cli('restore', copy, dataDir);
    assert.equal(restored.code, 0, restored.out);
    assert.match(restored.out, /restaurada/);
    const previous = /quedó en (.+)\.$/m.exec(restored.out)?.[1];
    assert.ok(previous && fs.existsSync(previous), 'the replaced database is kept');

    server = await startServer({ ...ENV, ECAM_DATA_DIR: dataDir });
    for (const f of before) {
      const res = await fetch(`${server.url}/api/pqrs/track`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ radicado: f.radicado, code: f.trackingCode }),
      });
      assert.equal(res.status, 200, `${f.radicado} is trackable after the restore`);
    }
    // The numbering continues from the copy, with no gap and no reuse.
    const next = await fetch(`${server.url}/api/pqrs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(validPqrs()),
    });
    assert.equal(next.status, 201);
    const n = (r: string) => Number(r.split('-').at(-1));
    const copied = /(\d+) solicitudes/.exec(restored.out)![1];
    assert.equal(n((await next.json()).radicado), Number(copied) + 1);
    assert.ok(Number(copied) >= before.length);
  } finally {
    stop = true;
    await server.stop();
  }
});

test('npm run restore without a file explains its usage', async () => {
  const res = await cli('restore', '', '/nonexistent');
  assert.equal(res.code, 2);
  assert.match(res.out, /Uso: npm run restore/);
});
