/**
 * The store's schema, one migration per version, in SQL both engines run (SQLite and PostgreSQL). Each migration
 * runs in one transaction with the version bump, so an interrupted migration leaves the previous version intact.
 */
export const MIGRATIONS: readonly { version: number; statements: readonly string[] }[] = [
  {
    version: 1,
    statements: [
      // Slack event ids already answered, until they expire: de-duplication across processes.
      'CREATE TABLE events (id TEXT PRIMARY KEY, expires_at BIGINT NOT NULL)',
      // Lookups that found nothing or only a weak match, by the query folded as the knowledge-gap log does.
      'CREATE TABLE misses (day TEXT NOT NULL, surface TEXT NOT NULL, query TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (day, surface, query))',
      'CREATE TABLE usage (day TEXT NOT NULL, surface TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (day, surface))',
      // One vote per person per answer (target: term:<id>, role:<id>, warning:<id>).
      'CREATE TABLE votes (target TEXT NOT NULL, user_id TEXT NOT NULL, helpful BOOLEAN NOT NULL, reason TEXT, voted_at BIGINT NOT NULL, PRIMARY KEY (target, user_id))',
      'CREATE INDEX votes_by_time ON votes (voted_at)',
      'CREATE INDEX events_by_expiry ON events (expires_at)',
    ],
  },
  {
    version: 2,
    statements: [
      // Per channel: findings off in mention replies, or some finding ids muted (comma-separated).
      'CREATE TABLE channel_settings (channel TEXT PRIMARY KEY, findings_off BOOLEAN NOT NULL, muted TEXT NOT NULL, updated_at BIGINT NOT NULL)',
    ],
  },
];

/** The table holding the schema version. */
export const VERSION_TABLE = 'pyhire_schema';
