/** A small fake of Slack's Web API and response_url endpoints on 127.0.0.1, recording every call. */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the app made to the fake. */
export interface RecordedCall {
  /** Web API method (`chat.postMessage`) or `response_url` for a response_url post. */
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

type Reply = { status?: number; headers?: Record<string, string>; body: unknown };
type Handler = (call: RecordedCall) => Reply | undefined;

export interface FakeSlack {
  /** Base URL of the fake Web API, ending in `/api/`. */
  apiUrl: string;
  /** A fresh response_url on the fake. */
  responseUrl(id?: string): string;
  calls: RecordedCall[];
  /** Overrides the answer for a Web API method (or `response_url`); return undefined to fall through. */
  on(method: string, handler: Handler): void;
  /**
   * Serves `data` as a Slack file at a `url_private` on the fake, to requests carrying the test bot token; returns
   * the URL. Downloads are recorded with method `file`.
   */
  serveFile(name: string, data: Buffer): string;
  /** Resolves with the calls to `method` (or to a response_url path such as `/respond/x`) once there are `count`. */
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  close(): Promise<void>;
}

export const BOT_USER_ID = 'UBOT00001';
/** The bot token the test app runs with: the fake serves files only to it. */
export const FILE_TOKEN = 'xoxb-test-0000';

const defaults: Record<string, (call: RecordedCall) => unknown> = {
  'auth.test': () => ({
    ok: true,
    url: 'https://example.slack.com/',
    team: 'Example',
    user: 'pyhire',
    team_id: 'T0001',
    user_id: BOT_USER_ID,
    bot_id: 'B0001',
  }),
  'chat.postMessage': (call) => ({
    ok: true,
    channel: call.body.channel,
    ts: `${Date.now() / 1000}`,
    message: {},
  }),
  'views.publish': () => ({ ok: true, view: { id: 'V0001' } }),
  'conversations.replies': () => ({ ok: true, messages: [], has_more: false }),
};

/** Starts the fake on a random loopback port. */
export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: RecordedCall[] = [];
  const handlers = new Map<string, Handler[]>();
  const waiters = new Set<() => void>();

  const files = new Map<string, Buffer>();
  const server: Server = createServer(async (req, res) => {
    const filePath = (req.url ?? '').split('?')[0] ?? '';
    const file = files.get(filePath);
    if (file) {
      calls.push({ method: 'file', path: filePath, headers: req.headers, body: {} });
      for (const wake of waiters) wake();
      const authorised = req.headers.authorization === `Bearer ${FILE_TOKEN}`;
      res.writeHead(authorised ? 200 : 403, { 'content-type': 'application/octet-stream' });
      res.end(authorised ? file : undefined);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const method = path.startsWith('/api/') ? path.slice('/api/'.length) : 'response_url';
    const call: RecordedCall = {
      method,
      path,
      headers: req.headers,
      body: parseBody(raw, req.headers['content-type']),
    };
    calls.push(call);
    for (const wake of waiters) wake();

    let reply: Reply | undefined;
    for (const handler of handlers.get(method) ?? []) {
      reply = handler(call);
      if (reply) break;
    }
    reply ??= { body: method === 'response_url' ? { ok: true } : (defaults[method]?.(call) ?? { ok: true }) };
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.body));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let responseUrls = 0;

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id = `${++responseUrls}`) => `${base}/respond/${id}`,
    calls,
    serveFile(name, data) {
      const path = `/files/${encodeURIComponent(name)}`;
      files.set(path, data);
      return `${base}${path}`;
    },
    on(method, handler) {
      handlers.set(method, [...(handlers.get(method) ?? []), handler]);
    },
    waitFor(method, count = 1, timeoutMs = 5000) {
      const matching = () => calls.filter((c) => c.method === method || c.path === method);
      return new Promise((resolve, reject) => {
        const check = () => {
          if (matching().length < count) return;
          cleanup();
          resolve(matching());
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(
              `expected ${count} ${method} call(s), got ${matching().length}: ${calls.map((c) => c.method).join(', ')}`,
            ),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Web API calls arrive form-encoded with JSON-encoded nested values, or as JSON. */
function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    body[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return body;
}
