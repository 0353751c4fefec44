/**
 * PyHire in HTTP mode for the store benchmark, with the store chosen by BENCH_STORE: `none` (nothing remembered),
 * `sqlite` (a fresh file in a temporary DATA_DIR) or `postgres` (DATABASE_URL, a fresh schema).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { loadKnowledge } from '../src/knowledge/index.ts';
import { createLogger } from '../src/logger.ts';
import { openStore } from '../src/store/index.ts';
import { resilientStore } from '../src/store/resilient.ts';

const config = loadConfig();
if (config.mode !== 'http') throw new Error('the store benchmark runs PyHire in HTTP mode');
const knowledge = loadKnowledge(config.knowledgeDir);
const logger = createLogger(config.logLevel);
const engine = process.env.BENCH_STORE ?? 'none';
let databaseUrl: string | undefined;
if (engine === 'postgres') {
  const schema = 'pyhire_bench';
  const admin = new pg.Client({ connectionString: config.store.databaseUrl });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(config.store.databaseUrl ?? '');
  url.searchParams.set('options', `-c search_path=${schema}`);
  databaseUrl = url.toString();
}
const store =
  engine === 'none'
    ? undefined
    : resilientStore(
        await openStore({ dataDir: mkdtempSync(path.join(tmpdir(), 'pyhire-bench-')), databaseUrl }),
        logger,
      );
const { app } = createApp({ config, knowledge, logger, store });
await app.init();
await app.start(config.port);
process.once('SIGTERM', async () => {
  await app.stop();
  await store?.close();
  process.exit(0);
});
