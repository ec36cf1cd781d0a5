import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../api/app.ts';
import { loadConfig, type Config } from '../api/config.ts';

/** A fresh, empty data directory under the OS temp dir. */
export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ecam-test-'));
}

/**
 * A real app on a fresh temporary SQLite file. Challenge and rate limits are off unless the
 * test is about them (`env` overrides any variable).
 */
export async function testApp(
  env: Record<string, string> = {},
  now?: () => Date,
): Promise<{ app: FastifyInstance; config: Config }> {
  const config = loadConfig({
    ECAM_DATA_DIR: tempDataDir(),
    ECAM_CHALLENGE: 'off',
    ECAM_RATE_LIMIT: 'off',
    LOG_LEVEL: 'silent',
    // Load shedding only where a test turns it on (test/api/ops.test.ts): a test seeding
    // thousands of rows, or a busy machine, must not see 503s meant for real overload. Off, not
    // merely high: after a stall longer than under-pressure's one-second sample (a CPU-starved
    // machine, a synchronous seed), the sample has no measurement, counts as an infinite delay,
    // and every request of the next second gets 503 whatever the threshold.
    ECAM_MAX_EVENT_LOOP_DELAY_MS: '0',
    ...env,
  });
  const app = await buildApp(config, {}, now);
  await app.ready();
  return { app, config };
}

/** A valid filing body; `overrides` replace top-level fields, `requester` merges. */
export function validPqrs(overrides: Record<string, unknown> = {}, requester: Record<string, unknown> = {}) {
  return {
    type: 'peticion',
    subject: 'Certificado del curso de sistemas',
    description: 'Solicito una copia del certificado del curso de sistemas que terminé en 2025.',
    responseChannel: 'email',
    consent: true,
    ...overrides,
    requester: {
      kind: 'natural',
      documentType: 'CC',
      documentNumber: '1098765432',
      name: 'Ana María Pérez',
      email: 'ana@example.co',
      phone: '+57 300 123 4567',
      address: 'Calle 5 # 8-20',
      city: 'Floridablanca',
      ...requester,
    },
  };
}

/** A multipart body with a `data` JSON field and files, as the widget sends it. */
export function multipart(data: unknown, files: { name: string; content: Buffer | string; type?: string }[]) {
  const form = new FormData();
  form.append('data', JSON.stringify(data));
  for (const f of files) form.append('files', new Blob([typeof f.content === 'string' ? f.content : new Uint8Array(f.content)], { type: f.type ?? 'application/octet-stream' }), f.name);
  return form;
}
