/** The real entry point, compiled as `npm start` runs it: console, start-up failure, shutdown, reconnects. */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { startNodeFlags } from '../bench/support.ts';
import { type FakeSlack, startFakeSlack } from './support/fake-slack.ts';
import { SIGNING_SECRET, sendEvent, sendInteraction, sendSigned } from './support/signed.ts';
import { fixture } from './support/test-app.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const MAIN = new URL('../dist/main.js', import.meta.url).pathname;
/** The Node flags of `npm start` (`node <flags> dist/main.js`): the tests start the build the same way. */
const NODE_FLAGS = startNodeFlags();
const TSC = new URL('../node_modules/typescript/bin/tsc', import.meta.url).pathname;
// Another folder as the working directory: the build must find knowledge/ and the wink model by itself.
const cwd = mkdtempSync(path.join(tmpdir(), 'pyhire-process-'));
const baseEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) => !/^(SLACK_|PORT$|LOG_LEVEL$|KNOWLEDGE_DIR$|DATA_DIR$|DATABASE_URL$|PYHIRE_EDITORS$)/.test(key),
  ),
);

interface Running {
  child: ChildProcess;
  logs: Record<string, unknown>[];
  stderr: string[];
  waitForLog(
    predicate: (line: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<Record<string, unknown>>;
  exit: Promise<{ code: number | null; afterMs: number }>;
}

// Build as `npm install` (prepare → `npm run build`) does, so the tests run what `npm start` runs.
beforeAll(() => {
  execFileSync(process.execPath, [TSC, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, ['dist/prepare-knowledge.js'], { cwd: ROOT, stdio: 'inherit' });
}, 120_000);

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const task of cleanup.splice(0)) await task();
});

/** The variables of HTTP mode against a fake Slack API, with `env` laid over them. */
function httpEnv(apiUrl: string, env: Record<string, string> = {}): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: 'xoxb-test-0000',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: apiUrl,
    PORT: '0',
    ...env,
  };
}

/** Starts PyHire in HTTP mode against a fake Slack API and waits until it serves; `url` is its events URL. */
async function startHttp(apiUrl: string, env: Record<string, string> = {}) {
  const running = start(httpEnv(apiUrl, env));
  const ready = await running.waitForLog((l) => l.msg === 'PyHire is running');
  return { running, ready, url: `http://127.0.0.1:${ready.port}/slack/events` };
}

function start(env: Record<string, string>): Running {
  const child = spawn(process.execPath, [...NODE_FLAGS, MAIN], {
    cwd,
    env: { ...baseEnv, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanup.push(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const logs: Record<string, unknown>[] = [];
  const stderr: string[] = [];
  const waiters = new Set<() => void>();
  let buffer = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      stderr.push(line);
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not a log line
      }
    }
    for (const wake of waiters) wake();
  });
  let stoppedAt = 0;
  const exit = once(child, 'exit').then(([code]) => ({
    code: code as number | null,
    afterMs: Date.now() - stoppedAt,
  }));
  const originalKill = child.kill.bind(child);
  child.kill = (signal?: NodeJS.Signals | number) => {
    stoppedAt = Date.now();
    return originalKill(signal);
  };
  return {
    child,
    logs,
    stderr,
    exit,
    waitForLog: (predicate, timeoutMs = 15_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = logs.find(predicate);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`log not seen; stderr:\n${stderr.join('\n')}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}

async function fake(): Promise<FakeSlack> {
  const slack = await startFakeSlack();
  cleanup.push(() => slack.close());
  return slack;
}

describe('the compiled console', () => {
  it('is what npm start runs, and answers piped lines from the knowledge and the language model', () => {
    // No Node flags: smaller semi-spaces were measured and did not pay off once the review stopped keeping its
    // readings alive through minor collections (docs/benchmarks.md).
    expect(NODE_FLAGS).toEqual([]);
    const output = execFileSync(process.execPath, [...NODE_FLAGS, MAIN], {
      cwd,
      env: baseEnv,
      input:
        '/pyterm dbt\nWe need one Python developer to build our Django API and also train PyTorch models\n',
      encoding: 'utf8',
    });
    expect(output).toMatch(/^dbt \(Data engineering\)/);
    // The review reads the sentence with wink-nlp: the compiled build must load its model.
    expect(output).toMatch(/Conflating.*\/pyrole backend, \/pyrole ml/s);
  });

  it('ends quietly with 0 when its reader goes away (`npm start | head -1`)', async () => {
    const child = spawn(process.execPath, [...NODE_FLAGS, MAIN], {
      cwd,
      env: baseEnv,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.stdin?.end('/pyterm dbt\n'.repeat(500));
    // Read the first answer, then close the pipe as `head` does.
    await once(child.stdout as NodeJS.ReadableStream, 'data');
    child.stdout?.destroy();
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('reads the knowledge the build prepared, not the YAML parser', () => {
    const scripts = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts;
    expect(scripts.build).toContain('node dist/prepare-knowledge.js');
    const prepared = new URL('../dist/knowledge-prepared/', import.meta.url).pathname;
    // The entry of the glossary file that holds Litestar, altered: what the started process shows proves it read it.
    const entry = readdirSync(prepared)
      .map((f) => path.join(prepared, f))
      .find((f) => readFileSync(f, 'utf8').includes('"id":"litestar"')) as string;
    expect(entry).toBeDefined();
    const original = readFileSync(entry, 'utf8');
    try {
      writeFileSync(entry, original.replace('formerly called Starlite', 'READ FROM THE PREPARED ENTRY'));
      const output = execFileSync(process.execPath, [...NODE_FLAGS, MAIN], {
        cwd,
        env: baseEnv,
        input: '/pyterm litestar\n',
        encoding: 'utf8',
      });
      expect(output).toContain('READ FROM THE PREPARED ENTRY');
    } finally {
      writeFileSync(entry, original);
    }
  });
});

describe('start-up', () => {
  it('exits 1 with one clear line when the database cannot be reached', async () => {
    const slack = await fake();
    const running = start(
      httpEnv(slack.apiUrl, { DATABASE_URL: 'postgres://pyhire:s3cret@127.0.0.1:1/pyhire' }),
    );
    const { code } = await running.exit;
    expect(code).toBe(1);
    const text = running.stderr.join('\n').trim();
    expect(text).toBe('cannot reach the database at 127.0.0.1:1/pyhire: ECONNREFUSED');
    expect(slack.calls).toEqual([]);
  });

  it('exits 1 with one clear line when Slack rejects the bot token', async () => {
    const slack = await fake();
    slack.on('auth.test', () => ({ body: { ok: false, error: 'invalid_auth' } }));
    const running = start(httpEnv(slack.apiUrl, { SLACK_BOT_TOKEN: 'xoxb-bad-0000' }));
    const { code } = await running.exit;
    expect(code).toBe(1);
    const text = running.stderr.join('\n');
    expect(text).toContain('Slack did not accept SLACK_BOT_TOKEN (auth.test: invalid_auth)');
    expect(text).not.toMatch(/\n\s+at |UnhandledPromiseRejection/);
    expect(text).not.toContain('xoxb-bad-0000');
  });
});

describe('requests that once ended the process', () => {
  it('HTTP mode: a signed url_verification nested 5,000 levels deep gets 400, and PyHire keeps serving', async () => {
    const slack = await fake();
    const { running, ready, url } = await startHttp(slack.apiUrl);
    const deep = `{"token":"t","type":"url_verification","challenge":${'['.repeat(5_000)}${']'.repeat(5_000)}}`;
    expect((await sendSigned(url, deep, 'application/json')).status).toBe(400);
    const rateLimited = { type: 'app_rate_limited', team_id: 'T0001', minute_rate_limited: 1518467820 };
    expect((await sendEvent(url, rateLimited)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${ready.port}/health`)).status).toBe(200);
    expect(running.child.exitCode).toBeNull();
    expect(running.logs).toContainEqual(
      expect.objectContaining({ level: 'warn', minute: '2018-02-12T20:37:00.000Z' }),
    );
  });
});

describe('graceful shutdown', () => {
  it('HTTP mode: SIGTERM stops taking requests, finishes the reply under way, exits 0', async () => {
    const slack = await fake();
    slack.on('chat.postMessage', () => ({ body: { ok: true, ts: '1.2' }, delayMs: 1_500 }));
    const { running, ready, url } = await startHttp(slack.apiUrl);
    const res = await sendEvent(url, {
      ...fixture<Record<string, unknown>>('slack/app-mention.json'),
      event_id: 'EvShutdown1',
    });
    expect(res.status).toBe(200);
    await slack.waitFor('chat.postMessage');
    running.child.kill('SIGTERM');
    const { code, afterMs } = await running.exit;
    expect(code).toBe(0);
    expect(afterMs).toBeLessThan(5_000);
    expect(running.logs).toContainEqual(expect.objectContaining({ msg: 'stopped', finishedInFlight: true }));
    await expect(fetch(`http://127.0.0.1:${ready.port}/health`)).rejects.toThrow();
  });

  it('Socket Mode: answers an event, reconnects after the connection drops, and exits 0 on SIGTERM', async () => {
    const slack = await fake();
    const sockets = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    cleanup.push(() => new Promise<void>((resolve) => sockets.close(() => resolve())));
    await once(sockets, 'listening');
    const wsUrl = `ws://127.0.0.1:${(sockets.address() as AddressInfo).port}/`;
    slack.on('apps.connections.open', () => ({ body: { ok: true, url: wsUrl } }));
    const connections: import('ws').WebSocket[] = [];
    const acks: unknown[] = [];
    sockets.on('connection', (socket) => {
      connections.push(socket);
      socket.on('message', (data) => acks.push(JSON.parse(data.toString())));
      socket.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          connection_info: { app_id: 'A0PYHIRE' },
          debug_info: { host: 'test' },
        }),
      );
    });

    const running = start({
      SLACK_BOT_TOKEN: 'xoxb-test-0000',
      SLACK_APP_TOKEN: 'xapp-1-test-0000',
      SLACK_API_URL: slack.apiUrl,
    });
    await running.waitForLog((l) => l.msg === 'Socket Mode connected');
    connections[0]?.send(
      JSON.stringify({
        envelope_id: 'env-1',
        type: 'events_api',
        accepts_response_payload: false,
        retry_attempt: 0,
        retry_reason: '',
        payload: { ...fixture('slack/app-mention.json'), event_id: 'EvSocket1' },
      }),
    );
    const [reply] = await slack.waitFor('chat.postMessage');
    expect(JSON.stringify(reply?.body)).toContain('term:dbt');
    expect(acks).toContainEqual(expect.objectContaining({ envelope_id: 'env-1' }));

    connections[0]?.terminate();
    await running.waitForLog((l) => l.msg === 'Socket Mode connection lost, reconnecting');
    await slack.waitFor('apps.connections.open', 2, 15_000);
    await running.waitForLog(
      (l) =>
        l.msg === 'Socket Mode connected' &&
        running.logs.filter((x) => x.msg === 'Socket Mode connected').length >= 2,
    );

    running.child.kill('SIGTERM');
    const { code, afterMs } = await running.exit;
    expect(code).toBe(0);
    expect(afterMs).toBeLessThan(5_000);
  });
});

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
if (!TEST_DATABASE_URL)
  console.warn('two processes on PostgreSQL: TEST_DATABASE_URL is unset, so this test is SKIPPED.');

describe.skipIf(!TEST_DATABASE_URL)('two PyHire processes on one PostgreSQL', () => {
  it('answer the same event, delivered to both at once, exactly once; a vote through one shows in the other', async () => {
    // A schema of its own, so the store contract tests can use the same database at the same time.
    const schema = 'pyhire_two_processes';
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
    await admin.end();
    const url = new URL(TEST_DATABASE_URL as string);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const slack = await fake();
    const env = { DATABASE_URL: url.toString(), PYHIRE_EDITORS: 'U0EDITOR' };
    const [a, b] = await Promise.all([startHttp(slack.apiUrl, env), startHttp(slack.apiUrl, env)]);
    expect(a.ready.store).toBe('postgres');

    const base = fixture<{ event: Record<string, unknown> }>('slack/app-mention.json');
    const envelope = {
      ...base,
      event_id: 'EvTwice',
      event: { ...base.event, text: '<@UBOT00001> what is dbt?' },
    };
    const [ra, rb] = await Promise.all([sendEvent(a.url, envelope), sendEvent(b.url, envelope)]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    await slack.waitFor('chat.postMessage', 1);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage')).toHaveLength(1);

    // A vote through A...
    await sendInteraction(a.url, {
      type: 'block_actions',
      user: { id: 'U0VOTER' },
      response_url: slack.responseUrl('vote'),
      actions: [{ type: 'button', action_id: 'feedback:not-helpful', value: 'term:dbt' }],
    });
    const [thanks] = await slack.waitFor('/respond/vote');
    expect(String(thanks?.body.text)).toMatch(/^Thanks, noted\./);
    // ...is in the report an editor sees in B's Home tab.
    const home = fixture<{ event: Record<string, unknown> }>('slack/app-home-opened.json');
    await sendEvent(b.url, { ...home, event_id: 'EvHomeB', event: { ...home.event, user: 'U0EDITOR' } });
    const [published] = await slack.waitFor('views.publish');
    expect(JSON.stringify(published?.body.view)).toMatch(/term:dbt`: 0 helpful, 1 not helpful/);
  }, 60_000);
});
