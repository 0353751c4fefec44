/** Answers each Events API event once, even when Slack re-delivers it (X-Slack-Retry-Num). */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { SafeStore } from '../store/resilient.ts';

export interface DedupeOptions {
  /** How long an event id is remembered. Slack retries within minutes. */
  ttlMs?: number;
  /** Most ids remembered at once; the oldest are forgotten first. */
  maxEntries?: number;
  now?: () => number;
  /** The shared store: an event is answered only by the process whose claim there succeeds. */
  store?: SafeStore | undefined;
}

/** Middleware that drops an event whose `event_id` this process, or another sharing the store, has already taken. */
export function dedupeEvents({
  ttlMs = 60 * 60 * 1000,
  maxEntries = 10_000,
  now = Date.now,
  store,
}: DedupeOptions = {}): Middleware<AnyMiddlewareArgs> {
  const seen = new Map<string, number>();
  return async ({ body, next, logger }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId !== 'string') return next();
    const time = now();
    const expires = seen.get(eventId);
    if (expires !== undefined && expires > time) {
      logger.debug('skipping a re-delivered event', { event_id: eventId });
      return;
    }
    // Recorded before any await, so concurrent deliveries of the same event see it.
    seen.delete(eventId);
    seen.set(eventId, time + ttlMs);
    for (const [id, until] of seen) {
      if (seen.size <= maxEntries && until > time) break;
      seen.delete(id);
    }
    // Across processes: the store's atomic insert lets one of them answer (a lost store lets this one answer).
    if (store && !(await store.claimEvent(eventId, ttlMs))) {
      logger.debug('another process answered this event', { event_id: eventId });
      return;
    }
    await next();
  };
}
