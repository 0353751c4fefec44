/**
 * The PostgreSQL store (`DATABASE_URL=postgres://…`), for several PyHire processes behind a load balancer or
 * several Socket Mode connections. Migrations run under an advisory lock, so one process at a time applies them.
 */
import pg from 'pg';
import { dayOf, reportFrom, SCHEMA_VERSION, type Store, StoreError, settingsFrom } from './index.ts';
import { MIGRATIONS, VERSION_TABLE } from './migrations.ts';

/** Key of the advisory lock held while migrating (any fixed number unique to PyHire). */
const MIGRATION_LOCK = 7_463_901_22;
const CONNECT_TIMEOUT_MS = 5_000;
/** Connections per process: event claims and votes are short queries. */
const POOL_SIZE = 10;

export async function openPostgresStore(url: string): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  // An idle client losing its connection must not end the process: the next query reconnects.
  pool.on('error', () => {});
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => {});
    if (error instanceof StoreError) throw error;
    throw new StoreError(`cannot reach the database at ${describe(url)}: ${reason(error)}`);
  }
  let claims = 0;
  return {
    engine: 'postgres',
    async channelSettings(channel) {
      const { rows } = await pool.query(
        'SELECT findings_off, muted FROM channel_settings WHERE channel = $1',
        [channel],
      );
      return settingsFrom(rows[0]);
    },
    async setChannelSettings(channel, { findingsOff, muted }) {
      await pool.query(
        'INSERT INTO channel_settings (channel, findings_off, muted, updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT (channel) DO UPDATE SET findings_off = EXCLUDED.findings_off, muted = EXCLUDED.muted, updated_at = EXCLUDED.updated_at',
        [channel, findingsOff, muted.join(','), Date.now()],
      );
    },
    async claimEvent(id, ttlMs) {
      const now = Date.now();
      if (++claims % 1000 === 0) await pool.query('DELETE FROM events WHERE expires_at < $1', [now]);
      const result = await pool.query(
        'INSERT INTO events (id, expires_at) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE events.expires_at < $3 RETURNING id',
        [id, now + ttlMs, now],
      );
      return result.rowCount === 1;
    },
    async recordMiss(surface, query, count = 1) {
      await pool.query(
        'INSERT INTO misses (day, surface, query, count) VALUES ($1, $2, $3, $4) ON CONFLICT (day, surface, query) DO UPDATE SET count = misses.count + EXCLUDED.count',
        [dayOf(Date.now()), surface, query, count],
      );
    },
    async recordUse(surface, count = 1) {
      await pool.query(
        'INSERT INTO usage (day, surface, count) VALUES ($1, $2, $3) ON CONFLICT (day, surface) DO UPDATE SET count = usage.count + EXCLUDED.count',
        [dayOf(Date.now()), surface, count],
      );
    },
    async vote({ target, user, helpful, reason }) {
      // xmax is 0 for a freshly inserted row and set for an updated one.
      const result = await pool.query(
        'INSERT INTO votes (target, user_id, helpful, reason, voted_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (target, user_id) DO UPDATE SET helpful = EXCLUDED.helpful, reason = EXCLUDED.reason, voted_at = EXCLUDED.voted_at RETURNING (xmax = 0) AS inserted',
        [target, user, helpful, reason ?? null, Date.now()],
      );
      return result.rows[0]?.inserted ? 'recorded' : 'changed';
    },
    async report(since, limit = 20) {
      const day = dayOf(since.getTime());
      const [misses, votes, usage] = await Promise.all([
        pool.query(
          'SELECT query, SUM(count) AS count FROM misses WHERE day >= $1 GROUP BY query ORDER BY count DESC, query LIMIT $2',
          [day, limit],
        ),
        pool.query(
          'SELECT target, helpful, reason, COUNT(*) AS count FROM votes WHERE voted_at >= $1 GROUP BY target, helpful, reason',
          [since.getTime()],
        ),
        pool.query(
          'SELECT surface, SUM(count) AS count FROM usage WHERE day >= $1 GROUP BY surface ORDER BY count DESC, surface',
          [day],
        ),
      ]);
      return reportFrom(since, misses.rows, votes.rows, usage.rows);
    },
    async close() {
      await pool.end();
    },
  };
}

/** Applies missing migrations under the advisory lock, each in a transaction with its version bump. */
async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS ${VERSION_TABLE} (version INTEGER NOT NULL)`);
    const { rows } = await client.query(`SELECT MAX(version) AS version FROM ${VERSION_TABLE}`);
    const current = Number(rows[0]?.version ?? 0);
    if (current > SCHEMA_VERSION)
      throw new StoreError(
        `the database is at schema version ${current}, newer than this PyHire (${SCHEMA_VERSION}): upgrade PyHire or point DATABASE_URL elsewhere`,
      );
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      await client.query('BEGIN');
      try {
        for (const statement of migration.statements) await client.query(statement);
        await client.query(`INSERT INTO ${VERSION_TABLE} (version) VALUES ($1)`, [migration.version]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new StoreError(`migration ${migration.version} failed: ${reason(error)}`);
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}

/** The database's address without its password, for messages. */
function describe(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return 'DATABASE_URL (not a valid URL)';
  }
}

const reason = (error: unknown) =>
  (error as { code?: string }).code ?? (error as Error).message ?? String(error);
