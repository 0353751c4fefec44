/**
 * The embedded store: one SQLite file in DATA_DIR, through Node's built-in `node:sqlite` (no native module to
 * build). WAL mode and a busy timeout let several processes on one machine share the file.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { dayOf, reportFrom, SCHEMA_VERSION, type Store, StoreError, settingsFrom } from './index.ts';
import { MIGRATIONS, VERSION_TABLE } from './migrations.ts';

export const SQLITE_FILE = 'pyhire.sqlite';

export function openSqliteStore(dataDir: string): Store {
  let db: DatabaseSync;
  const file = path.join(dataDir, SQLITE_FILE);
  try {
    mkdirSync(dataDir, { recursive: true });
    db = new DatabaseSync(file);
    // WAL with synchronous NORMAL: durable across an application crash, one fsync per checkpoint, not per write.
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;');
  } catch (error) {
    throw new StoreError(`cannot open the data file ${file}: ${(error as Error).message}`);
  }
  migrate(db);
  const claim = db.prepare(
    'INSERT INTO events (id, expires_at) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at WHERE events.expires_at < ? RETURNING id',
  );
  const purge = db.prepare('DELETE FROM events WHERE expires_at < ?');
  const miss = db.prepare(
    'INSERT INTO misses (day, surface, query, count) VALUES (?, ?, ?, ?) ON CONFLICT (day, surface, query) DO UPDATE SET count = misses.count + excluded.count',
  );
  const use = db.prepare(
    'INSERT INTO usage (day, surface, count) VALUES (?, ?, ?) ON CONFLICT (day, surface) DO UPDATE SET count = usage.count + excluded.count',
  );
  const earlier = db.prepare('SELECT 1 AS found FROM votes WHERE target = ? AND user_id = ?');
  const vote = db.prepare(
    'INSERT INTO votes (target, user_id, helpful, reason, voted_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (target, user_id) DO UPDATE SET helpful = excluded.helpful, reason = excluded.reason, voted_at = excluded.voted_at',
  );
  const readSettings = db.prepare('SELECT findings_off, muted FROM channel_settings WHERE channel = ?');
  const writeSettings = db.prepare(
    'INSERT INTO channel_settings (channel, findings_off, muted, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (channel) DO UPDATE SET findings_off = excluded.findings_off, muted = excluded.muted, updated_at = excluded.updated_at',
  );
  let claims = 0;
  return {
    engine: 'sqlite',
    async channelSettings(channel) {
      return settingsFrom(readSettings.get(channel) as { findings_off: number; muted: string } | undefined);
    },
    async setChannelSettings(channel, { findingsOff, muted }) {
      writeSettings.run(channel, findingsOff ? 1 : 0, muted.join(','), Date.now());
    },
    async claimEvent(id, ttlMs) {
      const now = Date.now();
      if (++claims % 1000 === 0) purge.run(now);
      return claim.all(id, now + ttlMs, now).length === 1;
    },
    async recordMiss(surface, query, count = 1) {
      miss.run(dayOf(Date.now()), surface, query, count);
    },
    async recordUse(surface, count = 1) {
      use.run(dayOf(Date.now()), surface, count);
    },
    async vote({ target, user, helpful, reason }) {
      const existed = earlier.get(target, user) !== undefined;
      vote.run(target, user, helpful ? 1 : 0, reason ?? null, Date.now());
      return existed ? 'changed' : 'recorded';
    },
    async report(since, limit = 20) {
      const day = dayOf(since.getTime());
      const misses = db
        .prepare(
          'SELECT query, SUM(count) AS count FROM misses WHERE day >= ? GROUP BY query ORDER BY count DESC, query LIMIT ?',
        )
        .all(day, limit) as { query: string; count: number }[];
      const votes = db
        .prepare(
          'SELECT target, helpful, reason, COUNT(*) AS count FROM votes WHERE voted_at >= ? GROUP BY target, helpful, reason',
        )
        .all(since.getTime()) as { target: string; helpful: number; reason: string | null; count: number }[];
      const usage = db
        .prepare(
          'SELECT surface, SUM(count) AS count FROM usage WHERE day >= ? GROUP BY surface ORDER BY count DESC, surface',
        )
        .all(day) as { surface: string; count: number }[];
      return reportFrom(since, misses, votes, usage);
    },
    async close() {
      db.close();
    },
  };
}

/**
 * Applies the migrations this file lacks, each in a transaction with its version bump. The version is read inside
 * the (immediate, so exclusive) transaction: two processes starting at once migrate once.
 */
function migrate(db: DatabaseSync): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${VERSION_TABLE} (version INTEGER NOT NULL)`);
  const versionNow = () =>
    (db.prepare(`SELECT MAX(version) AS version FROM ${VERSION_TABLE}`).get() as { version: number | null })
      .version ?? 0;
  const current = versionNow();
  if (current > SCHEMA_VERSION)
    throw new StoreError(
      `the data file is at schema version ${current}, newer than this PyHire (${SCHEMA_VERSION}): upgrade PyHire or use another DATA_DIR`,
    );
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.exec('BEGIN IMMEDIATE');
    try {
      if (versionNow() < migration.version) {
        for (const statement of migration.statements) db.exec(statement);
        db.prepare(`INSERT INTO ${VERSION_TABLE} (version) VALUES (?)`).run(migration.version);
      }
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw new StoreError(`migration ${migration.version} failed: ${(error as Error).message}`);
    }
  }
}
