/**
 * The store's cost: PyHire's throughput under signed commands and mentions with no store, with the embedded
 * SQLite store and with PostgreSQL (when BENCH_DATABASE_URL or TEST_DATABASE_URL names a server). Target: the
 * store costs no more than 10% of commands' throughput.
 */
import { startFakeSlack } from '../test/support/fake-slack.ts';
import { load, type Scenario, startServer } from './load.ts';

export async function benchStoreLoad(): Promise<string[]> {
  const databaseUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const fake = await startFakeSlack();
  const lines = ['Store cost (same load as below; PyHire with no store, SQLite, PostgreSQL)'];
  const rps: Record<string, Partial<Record<Scenario, number>>> = {};
  try {
    for (const engine of ['none', 'sqlite', ...(databaseUrl ? ['postgres'] : [])]) {
      const server = await startServer('bench/pyhire-store-server.ts', fake.apiUrl, {
        BENCH_STORE: engine,
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      });
      rps[engine] = {};
      for (const scenario of ['commands', 'mentions'] as const) {
        await load(server.port, scenario); // warm-up
        const r = await load(server.port, scenario);
        (rps[engine] as Partial<Record<Scenario, number>>)[scenario] = r.rps;
        lines.push(
          `  ${engine.padEnd(9)} ${scenario.padEnd(9)} ${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  non-2xx ${r.errors}`,
        );
        fake.calls.length = 0;
      }
      await server.stop();
    }
  } finally {
    await fake.close();
  }
  if (!databaseUrl) lines.push('  postgres: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
  for (const engine of Object.keys(rps).filter((e) => e !== 'none')) {
    for (const scenario of ['commands', 'mentions'] as const) {
      const base = rps.none?.[scenario];
      const ours = rps[engine]?.[scenario];
      if (base && ours)
        lines.push(
          `  ${engine} vs none, ${scenario}: ${(ours / base).toFixed(2)}x throughput${scenario === 'commands' ? ' (target ≥ 0.90)' : ''}`,
        );
    }
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log((await benchStoreLoad()).join('\n'));
