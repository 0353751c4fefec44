/**
 * What PyHire remembers, behind one interface with two engines: an embedded SQLite file (the default, in
 * `DATA_DIR`) or PostgreSQL (`DATABASE_URL`), for several processes. Stored: ids, counts, timestamps, the
 * normalised queries of misses, feedback votes with the reason picked. Never message text, job descriptions,
 * resumes or names of candidates.
 */

/** Where people used PyHire, counted per day. */
export type Surface = 'pyterm' | 'pyrole' | 'mention' | 'check' | 'home';

/** A vote on an answer: `term:<id>`, `role:<id>` or `warning:<id>`. */
export interface Vote {
  target: string;
  user: string;
  helpful: boolean;
  /** For "not helpful" on a finding: wrong-finding, already-handled, not-relevant. */
  reason?: string | undefined;
}

/** The report editors read: most frequent misses, feedback per answer, usage per surface. */
export interface Report {
  since: string;
  misses: { query: string; count: number }[];
  feedback: { target: string; helpful: number; notHelpful: number; reasons: Record<string, number> }[];
  usage: { surface: string; count: number }[];
}

export interface Store {
  readonly engine: 'sqlite' | 'postgres';
  /**
   * Claims a Slack event id: true for the first claim (by any process sharing the store) within `ttlMs`, false
   * for a re-delivery. Atomic: two processes claiming at once get one true.
   */
  claimEvent(id: string, ttlMs: number): Promise<boolean>;
  /** Counts lookups that found nothing (or only a weak match), by their normalised query (default one). */
  recordMiss(surface: Surface, query: string, count?: number): Promise<void>;
  /** Counts uses of a surface (default one). */
  recordUse(surface: Surface, count?: number): Promise<void>;
  /** Records a person's vote on an answer, replacing their earlier vote on it; 'changed' when it replaced one. */
  vote(vote: Vote): Promise<'recorded' | 'changed'>;
  report(since: Date, limit?: number): Promise<Report>;
  /** A channel's settings (the defaults when it has none). */
  channelSettings(channel: string): Promise<ChannelSettings>;
  setChannelSettings(channel: string, settings: ChannelSettings): Promise<void>;
  close(): Promise<void>;
}

/** What a channel asked for: no findings in mention replies, or some findings muted. */
export interface ChannelSettings {
  findingsOff: boolean;
  muted: string[];
}

/** A channel that set nothing: findings on, none muted (a fresh object each time: callers may change it). */
export const defaultChannelSettings = (): ChannelSettings => ({ findingsOff: false, muted: [] });

/** Settings from a stored row. */
export const settingsFrom = (
  row: { findings_off: number | boolean; muted: string } | undefined,
): ChannelSettings =>
  row
    ? {
        findingsOff: row.findings_off === true || row.findings_off === 1,
        muted: row.muted.split(',').filter(Boolean),
      }
    : defaultChannelSettings();

/** The schema version this code writes; a database at a newer version stops start-up. */
export const SCHEMA_VERSION = 2;

/** A database PyHire cannot use: unreachable, or made by a newer PyHire. The message is one line. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** Where the store lives: a folder for the SQLite file, or a PostgreSQL URL (which wins when set). */
export interface StoreConfig {
  dataDir: string;
  databaseUrl: string | undefined;
}

/** Opens (and migrates) the store the configuration names. */
export async function openStore(config: StoreConfig): Promise<Store> {
  if (config.databaseUrl) {
    const { openPostgresStore } = await import('./postgres.ts');
    return openPostgresStore(config.databaseUrl);
  }
  const { openSqliteStore } = await quietly('SQLite', () => import('./sqlite.ts'));
  return openSqliteStore(config.dataDir);
}

/**
 * Runs `load` without the one warning Node prints when `node:sqlite` is first loaded (it is marked experimental in
 * Node 22 and 24); every other warning passes through.
 */
async function quietly<T>(subject: string, load: () => Promise<T>): Promise<T> {
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning.message;
    if (text.includes(subject) && /experimental/i.test(text)) return;
    return (emit as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return await load();
  } finally {
    process.emitWarning = emit;
  }
}

/** The calendar day (UTC) a count belongs to. */
export const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Turns rows of the report's three queries into the report. */
export function reportFrom(
  since: Date,
  misses: { query: string; count: number | string }[],
  votes: { target: string; helpful: number | boolean; reason: string | null; count: number | string }[],
  usage: { surface: string; count: number | string }[],
): Report {
  const feedback = new Map<string, Report['feedback'][number]>();
  for (const v of votes) {
    const entry = feedback.get(v.target) ?? { target: v.target, helpful: 0, notHelpful: 0, reasons: {} };
    const n = Number(v.count);
    if (v.helpful === true || v.helpful === 1) entry.helpful += n;
    else {
      entry.notHelpful += n;
      if (v.reason) entry.reasons[v.reason] = (entry.reasons[v.reason] ?? 0) + n;
    }
    feedback.set(v.target, entry);
  }
  return {
    since: since.toISOString(),
    misses: misses.map((m) => ({ query: m.query, count: Number(m.count) })),
    feedback: [...feedback.values()].sort(
      (a, b) => b.notHelpful - a.notHelpful || b.helpful - a.helpful || a.target.localeCompare(b.target),
    ),
    usage: usage.map((u) => ({ surface: u.surface, count: Number(u.count) })),
  };
}
