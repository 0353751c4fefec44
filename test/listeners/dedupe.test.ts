/** dedupeEvents: an event id is answered once within the window, and the window is bounded. */
import { describe, expect, it, vi } from 'vitest';
import { dedupeEvents } from '../../src/listeners/dedupe.ts';

const logger = {
  debug: vi.fn(),
  info: vi.fn(),
  warn: vi.fn(),
  error: vi.fn(),
  setLevel: vi.fn(),
  getLevel: vi.fn(),
  setName: vi.fn(),
};

async function deliver(middleware: ReturnType<typeof dedupeEvents>, eventId: string | undefined) {
  const next = vi.fn(async () => {});
  // biome-ignore lint/suspicious/noExplicitAny: the middleware reads only body, next and logger.
  await middleware({ body: eventId ? { event_id: eventId } : { command: '/pyterm' }, next, logger } as any);
  return next.mock.calls.length;
}

describe('dedupeEvents', () => {
  it('passes an event once and drops its re-deliveries', async () => {
    const middleware = dedupeEvents();
    expect(await deliver(middleware, 'Ev1')).toBe(1);
    expect(await deliver(middleware, 'Ev1')).toBe(0);
    expect(await deliver(middleware, 'Ev2')).toBe(1);
  });

  it('passes requests that are not events', async () => {
    const middleware = dedupeEvents();
    expect(await deliver(middleware, undefined)).toBe(1);
    expect(await deliver(middleware, undefined)).toBe(1);
  });

  it('forgets an id after the window, and the oldest ids beyond the size limit', async () => {
    let time = 0;
    const middleware = dedupeEvents({ ttlMs: 1000, maxEntries: 2, now: () => time });
    await deliver(middleware, 'A');
    time = 1500;
    expect(await deliver(middleware, 'A')).toBe(1);
    await deliver(middleware, 'B');
    await deliver(middleware, 'C');
    expect(await deliver(middleware, 'A')).toBe(1);
    expect(await deliver(middleware, 'C')).toBe(0);
  });
});
