/** The request guard: body size and nesting bounds before parsing, and errors that escape Bolt logged with their request. */
import { EventEmitter, once } from 'node:events';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { guardProcess, guardRequests, jsonDepth, requestKind } from '../src/guard.ts';
import { createLogger } from '../src/logger.ts';

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

/** Serves `listener` behind the guard on a random port; returns its URL and the log lines. */
async function serve(
  listener: RequestListener,
  options: { maxBodyBytes?: number; maxJsonDepth?: number } = {},
) {
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger('debug', (line) => logs.push(JSON.parse(line)));
  const server = createServer(guardRequests(listener, logger, { path: '/slack/events', ...options }));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  closers.push(() => server.close());
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, logs, logger };
}

const post = (url: string, body: string, type = 'application/json') =>
  fetch(url, { method: 'POST', headers: { 'content-type': type }, body });

describe('jsonDepth', () => {
  it('counts nesting outside strings only, and stops past the limit', () => {
    expect(jsonDepth('"x"')).toBe(0);
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth('{"a":"[[[{{{\\"[["}')).toBe(1);
    expect(jsonDepth('['.repeat(100_000), 10)).toBe(11);
  });
});

describe('requestKind', () => {
  it('names commands, events and interactivity without trusting field types', () => {
    expect(requestKind({ command: '/pyterm', text: 'dbt' })).toBe('command /pyterm');
    expect(requestKind({ type: 'event_callback', event: { type: 'app_mention' } })).toBe('event app_mention');
    expect(requestKind({ type: 'view_submission' })).toBe('view_submission');
    expect(requestKind({ type: ['x'] })).toBe('unknown');
    expect(requestKind(null)).toBe('unknown');
  });
});

describe('guardRequests', () => {
  it('hands Bolt the body it read, and passes other paths straight through', async () => {
    const seen: string[] = [];
    const { url } = await serve((req, res) => {
      seen.push(`${req.url} ${String((req as { rawBody?: Buffer }).rawBody ?? '')}`);
      res.end('ok');
    });
    expect((await post(url, '{"type":"event_callback"}')).status).toBe(200);
    expect((await fetch(url.replace('/slack/events', '/health'))).status).toBe(200);
    expect(seen).toEqual(['/slack/events {"type":"event_callback"}', '/health ']);
  });

  it('refuses too deep JSON, in a body or a form payload, with 400 and never calls Bolt', async () => {
    let calls = 0;
    const { url, logs } = await serve(
      (_req, res) => {
        calls++;
        res.end();
      },
      { maxJsonDepth: 5 },
    );
    expect((await post(url, `{"challenge":${'['.repeat(6)}${']'.repeat(6)}}`)).status).toBe(400);
    const form = `payload=${encodeURIComponent(`{"a":${'{"b":'.repeat(6)}1${'}'.repeat(6)}}`)}`;
    expect((await post(url, form, 'application/x-www-form-urlencoded')).status).toBe(400);
    expect((await post(url, `{"a":${'['.repeat(4)}${']'.repeat(4)}}`)).status).toBe(200);
    expect(calls).toBe(1);
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 'warn', msg: 'refused a request nested too deeply' }),
    );
  });

  it('refuses a body over the limit with 413', async () => {
    const { url } = await serve((_req, res) => res.end(), { maxBodyBytes: 100 });
    expect((await post(url, 'x'.repeat(101))).status).toBe(413);
    expect((await post(url, 'x'.repeat(100))).status).toBe(200);
  });
});

describe('guardProcess', () => {
  it('logs an error that escaped Bolt with the unanswered request, answers it 500 once stuck, and keeps serving', async () => {
    const events = new EventEmitter();
    const served = await serve((req, res) => {
      if (String((req as { rawBody?: Buffer }).rawBody).includes('crash')) {
        // What Node does with an error thrown outside any listener: hand it to the process.
        setImmediate(() =>
          events.emit('unhandledRejection', new RangeError('Maximum call stack size exceeded')),
        );
        return;
      }
      res.end('ok');
    });
    guardProcess(served.logger, events, 200);
    const started = performance.now();
    const res = await post(served.url, '{"type":"url_verification","challenge":"crash"}');
    expect(res.status).toBe(500);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(served.logs).toContainEqual(
      expect.objectContaining({
        level: 'error',
        msg: 'an error escaped Bolt; still serving',
        requestKinds: ['url_verification'],
        error: 'RangeError: Maximum call stack size exceeded',
      }),
    );
    expect((await post(served.url, '{"type":"event_callback"}')).status).toBe(200);
    events.emit('uncaughtException', new Error('outside any request'));
    expect(served.logs.at(-1)).toMatchObject({ requestKinds: [], error: 'Error: outside any request' });
  });
});
