import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { testApp, validPqrs } from '../helpers.ts';

test('npm run backup copies the live database, checked for integrity', async () => {
  const { app, config } = await testApp();
  const radicados: string[] = [];
  for (let i = 0; i < 3; i++) radicados.push((await app.inject({ method: 'POST', url: '/api/pqrs', payload: validPqrs() })).json().radicado);
  const target = path.join(config.dataDir, 'copias', 'respaldo.sqlite');
  // The server stays open (and could keep writing) while the backup runs.
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'api/db/backup.ts', target], {
    env: { ...process.env, ECAM_DATA_DIR: config.dataDir },
    encoding: 'utf8',
  });
  assert.match(out, /3 solicitudes, integridad verificada/);
  const copy = new Database(target, { readonly: true });
  assert.deepEqual(copy.prepare('SELECT radicado FROM pqrs ORDER BY id').pluck().all(), radicados);
  copy.close();
  await app.close();
});

test('npm run backup without a target explains its usage', () => {
  assert.throws(
    () => execFileSync(process.execPath, ['--import', 'tsx', 'api/db/backup.ts'], { encoding: 'utf8', stdio: 'pipe' }),
    (err: { status: number; stderr: string }) => err.status === 2 && /Uso: npm run backup/.test(err.stderr),
  );
});
