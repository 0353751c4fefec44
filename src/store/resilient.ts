/**
 * The store as listeners use it: cheap on the request path and never throws.
 *
 * - Usage and miss counts are added up in memory and written every FLUSH_MS (and on close): a request pays for
 *   a Map update, not a database write. A crash loses at most those seconds of counts.
 * - A channel's settings are read once per SETTINGS_TTL_MS per process; a change made through this process
 *   applies at once, one made through another within that time.
 * - Event claims and votes go to the database at once: they must be right across processes.
 * - When the database is lost while serving, answers still go out: events count as unclaimed (answered), votes
 *   and counts are dropped with a warning (at most one a minute), settings read as the defaults, and the next
 *   call tries the database again, so PyHire recovers by itself when it returns.
 */
import type { Logger } from '@slack/logger';
import {
  type ChannelSettings,
  defaultChannelSettings,
  type Report,
  type Store,
  type Surface,
  type Vote,
} from './index.ts';

export interface SafeStore {
  readonly engine: Store['engine'];
  claimEvent(id: string, ttlMs: number): Promise<boolean>;
  recordMiss(surface: Surface, query: string): Promise<void>;
  recordUse(surface: Surface): Promise<void>;
  vote(vote: Vote): Promise<'recorded' | 'changed' | 'failed'>;
  /** Writes the counts added up so far (the report reads them). */
  flush(): Promise<void>;
  report(since: Date, limit?: number): Promise<Report | undefined>;
  /** A channel's settings; the defaults (findings on) when the store cannot say. */
  channelSettings(channel: string): Promise<ChannelSettings>;
  /** False when the store could not save them. */
  setChannelSettings(channel: string, settings: ChannelSettings): Promise<boolean>;
  close(): Promise<void>;
}

const WARN_EVERY_MS = 60_000;
export const FLUSH_MS = 2_000;
export const SETTINGS_TTL_MS = 10_000;

export function resilientStore(store: Store, logger: Logger): SafeStore {
  let lastWarning = 0;
  let failing = false;
  const guard = async <T>(what: string, run: () => Promise<T>, fallback: T): Promise<T> => {
    try {
      const result = await run();
      if (failing) {
        failing = false;
        logger.info('the store is back', { engine: store.engine });
      }
      return result;
    } catch (error) {
      failing = true;
      const now = Date.now();
      if (now - lastWarning >= WARN_EVERY_MS) {
        lastWarning = now;
        logger.warn('the store is unavailable; answering without it (votes and counts are dropped)', {
          engine: store.engine,
          operation: what,
          error: (error as { code?: string }).code ?? (error as Error).message,
        });
      }
      return fallback;
    }
  };

  // Counts waiting to be written, by `surface` or `surface\nquery`.
  const uses = new Map<Surface, number>();
  const misses = new Map<string, number>();
  const flush = async () => {
    const pendingUses = [...uses];
    const pendingMisses = [...misses];
    uses.clear();
    misses.clear();
    for (const [surface, count] of pendingUses)
      await guard('recordUse', () => store.recordUse(surface, count), undefined);
    for (const [key, count] of pendingMisses) {
      const [surface, query] = key.split('\n') as [Surface, string];
      await guard('recordMiss', () => store.recordMiss(surface, query, count), undefined);
    }
  };
  const timer = setInterval(() => void flush(), FLUSH_MS);
  timer.unref();

  const settingsCache = new Map<string, { settings: ChannelSettings; until: number }>();

  return {
    engine: store.engine,
    claimEvent: (id, ttlMs) => guard('claimEvent', () => store.claimEvent(id, ttlMs), true),
    async recordMiss(surface, query) {
      const key = `${surface}\n${query}`;
      misses.set(key, (misses.get(key) ?? 0) + 1);
    },
    async recordUse(surface) {
      uses.set(surface, (uses.get(surface) ?? 0) + 1);
    },
    vote: (vote) => guard<'recorded' | 'changed' | 'failed'>('vote', () => store.vote(vote), 'failed'),
    flush,
    async report(since, limit) {
      await flush();
      return guard<Report | undefined>('report', () => store.report(since, limit), undefined);
    },
    async channelSettings(channel) {
      const cached = settingsCache.get(channel);
      if (cached && cached.until > Date.now())
        return { ...cached.settings, muted: [...cached.settings.muted] };
      const settings = await guard('channelSettings', () => store.channelSettings(channel), undefined);
      if (!settings) return defaultChannelSettings();
      settingsCache.set(channel, { settings, until: Date.now() + SETTINGS_TTL_MS });
      return { ...settings, muted: [...settings.muted] };
    },
    async setChannelSettings(channel, settings) {
      const saved = await guard(
        'setChannelSettings',
        async () => {
          await store.setChannelSettings(channel, settings);
          return true;
        },
        false,
      );
      if (saved)
        settingsCache.set(channel, { settings: { ...settings }, until: Date.now() + SETTINGS_TTL_MS });
      return saved;
    },
    async close() {
      clearInterval(timer);
      await flush();
      await guard('close', () => store.close(), undefined);
    },
  };
}
