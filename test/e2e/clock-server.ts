/**
 * api/server.ts with the API's clock moved `ECAM_TEST_CLOCK_DAYS` days ahead through buildApp's
 * injectable clock (the one the API tests use), so an end-to-end test of the chat, which opens only
 * on business days, runs the same on a Sunday or a holiday. A test can also move the clock while
 * the server runs: it writes the new offset in milliseconds to `ECAM_TEST_CLOCK_FILE`, which this
 * server polls (test/e2e/events-flow.test.ts). Test-only: never used by `npm start`.
 */
import fs from 'node:fs';
import closeWithGrace from 'close-with-grace';
import { buildApp } from '../../api/app.ts';
import { loadConfig } from '../../api/config.ts';

let offset = Number(process.env.ECAM_TEST_CLOCK_DAYS ?? 0) * 86_400_000;
const clockFile = process.env.ECAM_TEST_CLOCK_FILE;
// Polled, not signalled: close-with-grace takes SIGUSR2 (and every other signal) as a stop.
if (clockFile) fs.watchFile(clockFile, { interval: 50 }, () => (offset = Number(fs.readFileSync(clockFile, 'utf8'))));

const config = loadConfig();
const app = await buildApp(config, {}, () => new Date(Date.now() + offset));

closeWithGrace({ delay: 10_000 }, async () => {
  await app.close();
});

await app.listen({ port: config.port, host: config.host });
