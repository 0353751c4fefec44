/**
 * The store as listeners use it: never throws. When the database is lost while serving, answers still go out:
 * events count as unclaimed (answered), votes and counts are dropped with a warning (at most one a minute), and
 * the next call tries the database again, so PyHire recovers by itself when it returns.
 */
import type { Logger } from '@slack/logger';
import {
  type ChannelSettings,
  DEFAULT_CHANNEL_SETTINGS,
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
  report(since: Date, limit?: number): Promise<Report | undefined>;
  /** A channel's settings; the defaults (findings on) when the store cannot say. */
  channelSettings(channel: string): Promise<ChannelSettings>;
  /** False when the store could not save them. */
  setChannelSettings(channel: string, settings: ChannelSettings): Promise<boolean>;
  close(): Promise<void>;
}

const WARN_EVERY_MS = 60_000;

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
  return {
    engine: store.engine,
    claimEvent: (id, ttlMs) => guard('claimEvent', () => store.claimEvent(id, ttlMs), true),
    recordMiss: (surface, query) => guard('recordMiss', () => store.recordMiss(surface, query), undefined),
    recordUse: (surface) => guard('recordUse', () => store.recordUse(surface), undefined),
    vote: (vote) => guard<'recorded' | 'changed' | 'failed'>('vote', () => store.vote(vote), 'failed'),
    report: (since, limit) =>
      guard<Report | undefined>('report', () => store.report(since, limit), undefined),
    channelSettings: (channel) =>
      guard('channelSettings', () => store.channelSettings(channel), {
        ...DEFAULT_CHANNEL_SETTINGS,
        muted: [],
      }),
    setChannelSettings: (channel, settings) =>
      guard(
        'setChannelSettings',
        async () => {
          await store.setChannelSettings(channel, settings);
          return true;
        },
        false,
      ),
    close: () => guard('close', () => store.close(), undefined),
  };
}
