import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';

const config = loadConfig();
const app = await buildApp(config);

closeWithGrace({ delay: 10_000 }, async ({ err }) => {
  if (err) app.log.error({ err }, 'cerrando por un error');
  await app.close();
});

await app.listen({ port: config.port, host: config.host });
app.log.info(`ECAM Participa en http://${config.host}:${config.port}/ (datos en ${config.dataDir})`);
