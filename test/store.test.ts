/**
 * The store contract, run against both engines: SQLite always, PostgreSQL when TEST_DATABASE_URL is set (.ci/run
 * sets it to the CI machine's server); without it the PostgreSQL half is skipped, and says so.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';
import { openStore, SCHEMA_VERSION, type Store, StoreError } from '../src/store/index.ts';
import { resilientStore } from '../src/store/resilient.ts';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const TABLES = ['events', 'misses', 'usage', 'votes', 'channel_settings', 'pyhire_schema'];

interface Engine {
  name: string;
  /** A fresh, empty store location. */
  fresh(): Promise<{ dataDir: string; databaseUrl: string | undefined }>;
  /** Runs SQL on the raw database, behind PyHire's back. */
  raw(sql: string): Promise<void>;
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const sqlite: Engine & { dir: string } = {
  name: 'SQLite (DATA_DIR)',
  dir: '',
  async fresh() {
    this.dir = mkdtempSync(path.join(tmpdir(), 'pyhire-store-'));
    dirs.push(this.dir);
    return { dataDir: this.dir, databaseUrl: undefined };
  },
  async raw(sql) {
    const { DatabaseSync } = await import('node:sqlite');
    const db = new DatabaseSync(path.join(this.dir, 'pyhire.sqlite'));
    db.exec(sql);
    db.close();
  },
};

const postgres: Engine = {
  name: 'PostgreSQL (DATABASE_URL)',
  async fresh() {
    await this.raw(`DROP TABLE IF EXISTS ${TABLES.join(', ')}`);
    return { dataDir: '', databaseUrl: TEST_DATABASE_URL };
  },
  async raw(sql) {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  },
};

if (!TEST_DATABASE_URL)
  console.warn(
    'store contract: TEST_DATABASE_URL is unset, so the PostgreSQL half is SKIPPED (SQLite runs).',
  );

for (const engine of [sqlite, postgres]) {
  const skip = engine === postgres && !TEST_DATABASE_URL;
  describe.skipIf(skip)(
    `the store on ${engine.name}${skip ? ' (skipped: TEST_DATABASE_URL unset)' : ''}`,
    () => {
      let store: Store;
      let location: { dataDir: string; databaseUrl: string | undefined };
      beforeAll(async () => {
        location = await engine.fresh();
        store = await openStore(location);
      });
      afterAll(async () => {
        await store?.close();
      });

      it('claims an event once; a re-delivery is refused until the claim expires', async () => {
        expect(await store.claimEvent('Ev1', 60_000)).toBe(true);
        expect(await store.claimEvent('Ev1', 60_000)).toBe(false);
        expect(await store.claimEvent('Ev2', 1)).toBe(true);
        await new Promise((resolve) => setTimeout(resolve, 5));
        expect(await store.claimEvent('Ev2', 60_000)).toBe(true);
      });

      it('gives one claim to one of two stores claiming the same events at once', async () => {
        const other = await openStore(location);
        try {
          const ids = Array.from({ length: 25 }, (_, i) => `EvRace${i}`);
          const results = await Promise.all(
            ids.flatMap((id) => [store.claimEvent(id, 60_000), other.claimEvent(id, 60_000)]),
          );
          for (let i = 0; i < ids.length; i++) {
            expect([results[2 * i], results[2 * i + 1]].filter(Boolean)).toHaveLength(1);
          }
        } finally {
          await other.close();
        }
      });

      it('reports misses most frequent first, votes per answer with reasons, and usage per surface', async () => {
        const since = new Date(Date.now() - 60_000);
        for (const q of ['pydantic v3', 'pydantic v3', 'pydantic v3', 'qzx', 'litestar2', 'litestar2'])
          await store.recordMiss('pyterm', q);
        await store.recordUse('pyterm');
        await store.recordUse('pyterm');
        await store.recordUse('check');
        expect(await store.vote({ target: 'term:dbt', user: 'U1', helpful: true })).toBe('recorded');
        expect(await store.vote({ target: 'term:dbt', user: 'U2', helpful: true })).toBe('recorded');
        await store.vote({
          target: 'warning:conflating-roles',
          user: 'U1',
          helpful: false,
          reason: 'wrong-finding',
        });
        await store.vote({
          target: 'warning:conflating-roles',
          user: 'U2',
          helpful: false,
          reason: 'already-handled',
        });
        // One vote per person per answer: a second vote replaces the first.
        expect(
          await store.vote({
            target: 'warning:conflating-roles',
            user: 'U2',
            helpful: false,
            reason: 'wrong-finding',
          }),
        ).toBe('changed');
        const report = await store.report(since);
        expect(report.misses).toEqual([
          { query: 'pydantic v3', count: 3 },
          { query: 'litestar2', count: 2 },
          { query: 'qzx', count: 1 },
        ]);
        expect(report.feedback).toEqual([
          { target: 'warning:conflating-roles', helpful: 0, notHelpful: 2, reasons: { 'wrong-finding': 2 } },
          { target: 'term:dbt', helpful: 2, notHelpful: 0, reasons: {} },
        ]);
        expect(report.usage).toEqual([
          { surface: 'pyterm', count: 2 },
          { surface: 'check', count: 1 },
        ]);
        // A period that starts later holds none of the votes.
        expect((await store.report(new Date(Date.now() + 60_000))).feedback).toEqual([]);
      });

      it("keeps a channel's settings: defaults until set, then what was set", async () => {
        expect(await store.channelSettings('C0QUIET')).toEqual({ findingsOff: false, muted: [] });
        await store.setChannelSettings('C0QUIET', {
          findingsOff: false,
          muted: ['generic-python', 'python-2-only'],
        });
        expect(await store.channelSettings('C0QUIET')).toEqual({
          findingsOff: false,
          muted: ['generic-python', 'python-2-only'],
        });
        await store.setChannelSettings('C0QUIET', { findingsOff: true, muted: [] });
        expect(await store.channelSettings('C0QUIET')).toEqual({ findingsOff: true, muted: [] });
        expect(await store.channelSettings('C0OTHER')).toEqual({ findingsOff: false, muted: [] });
      });

      it('opens an up-to-date store again without migrating twice', async () => {
        const again = await openStore(location);
        await again.close();
      });

      it('refuses a database made by a newer PyHire, in one line', async () => {
        const fresh = await engine.fresh();
        const first = await openStore(fresh);
        await first.close();
        await engine.raw(`INSERT INTO pyhire_schema (version) VALUES (${SCHEMA_VERSION + 1})`);
        const opening = openStore(fresh);
        await expect(opening).rejects.toThrow(StoreError);
        await expect(opening).rejects.toThrow(/schema version \d+, newer than this PyHire/);
      });

      it('rolls back a migration interrupted half way, and completes it on the next start', async () => {
        const fresh = await engine.fresh();
        // A table in the way makes migration 1 fail after its first statement.
        await engine.raw('CREATE TABLE misses (blocking INTEGER)');
        await expect(openStore(fresh)).rejects.toThrow(/migration 1 failed/);
        await engine.raw('DROP TABLE misses');
        const recovered = await openStore(fresh);
        expect(await recovered.claimEvent('EvAfter', 1000)).toBe(true);
        await recovered.close();
      });
    },
  );
}

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL lost while serving, then back', () => {
  it('drops votes with one warning while the database is gone, and uses it again when it returns', async () => {
    // A TCP relay in front of the real server: cutting it is the database going away.
    const target = new URL(TEST_DATABASE_URL as string);
    const sockets = new Set<net.Socket>();
    let relay = net.createServer((client) => {
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => s.destroy());
        s.on('close', () => sockets.delete(s));
      }
      client.pipe(upstream).pipe(client);
    });
    const listen = (server: net.Server, port = 0) =>
      new Promise<number>((resolve) =>
        server.listen(port, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port)),
      );
    const port = await listen(relay);
    const url = new URL(TEST_DATABASE_URL as string);
    url.host = `127.0.0.1:${port}`;
    url.searchParams.set('options', '-c search_path=pyhire_relay');
    await postgres.raw('DROP SCHEMA IF EXISTS pyhire_relay CASCADE; CREATE SCHEMA pyhire_relay');
    const warnings: string[] = [];
    const logger = {
      ...createLogger('error', () => {}),
      warn: (msg: string) => warnings.push(msg),
      info: () => {},
    };
    const safe = resilientStore(
      await openStore({ dataDir: '', databaseUrl: url.toString() }),
      logger as never,
    );
    try {
      expect(await safe.vote({ target: 'term:dbt', user: 'U1', helpful: true })).toBe('recorded');
      // The database goes away.
      await new Promise((resolve) => relay.close(resolve));
      for (const s of sockets) s.destroy();
      expect(await safe.vote({ target: 'term:dbt', user: 'U2', helpful: true })).toBe('failed');
      expect(await safe.claimEvent('EvWhileDown', 60_000)).toBe(true); // answered rather than dropped
      expect(await safe.vote({ target: 'term:dbt', user: 'U3', helpful: true })).toBe('failed');
      expect(warnings).toHaveLength(1);
      // It comes back on the same address.
      relay = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        client.on('error', () => client.destroy());
        upstream.on('error', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
      });
      await listen(relay, port);
      expect(await safe.vote({ target: 'term:dbt', user: 'U4', helpful: true })).toBe('recorded');
      const report = await safe.report(new Date(Date.now() - 60_000));
      expect(report?.feedback).toEqual([{ target: 'term:dbt', helpful: 2, notHelpful: 0, reasons: {} }]);
    } finally {
      await safe.close();
      await new Promise((resolve) => relay.close(resolve));
    }
  }, 30_000);
});

describe('opening a store that cannot be reached', () => {
  it('names the database without its password', async () => {
    const opening = openStore({ dataDir: '', databaseUrl: 'postgres://pyhire:s3cret@127.0.0.1:1/nowhere' });
    await expect(opening).rejects.toThrow(StoreError);
    await expect(opening).rejects.toThrow(/cannot reach the database at 127\.0\.0\.1:1\/nowhere/);
    await expect(opening).rejects.not.toThrow(/s3cret/);
  });
});
