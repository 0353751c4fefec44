/** Load: PyHire in HTTP mode against a bare Bolt app answering a constant, under signed commands and events. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { type FakeSlack, startFakeSlack } from '../test/support/fake-slack.ts';
import { SIGNING_SECRET, signature } from '../test/support/signed.ts';
import { buildForStart, fmt, nowMs, startNodeFlags } from './support.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = 32;

const commandTexts = ['djnago', 'dbt', 'sklearn', "what's a data warehouse?", 'pyth', 'qwxzv', 'help'];
const mentionTexts = [
  'what is dbt?',
  'We need a Python developer who can build our Django REST API and also train PyTorch models',
  'Requirements: 5+ years Python experience. Good communicator.',
  'what should I ask a data engineer?',
  'Backend Engineer: Django, DRF, PostgreSQL, Celery, pytest, GitHub Actions CI.',
];

interface Running {
  child: ChildProcess;
  port: number;
  startupMs: number;
  peakRssMb(): number;
  stop(): Promise<void>;
}

/** Starts a server script (compiled: as `npm start` does), and times spawn → first /pyterm answer. */
export async function startServer(
  script: string,
  apiUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<Running> {
  const port = await freePort();
  const started = nowMs();
  // Compiled JavaScript runs as `npm start` runs it; TypeScript (the bare baseline) through tsx.
  const args = script.endsWith('.js') ? [...startNodeFlags(), script] : ['--import', 'tsx', script];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      SLACK_BOT_TOKEN: 'xoxb-bench-0000',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_APP_TOKEN: '',
      SLACK_API_URL: apiUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Start-up ends at the first real answer, not at "listening".
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    const status = await sendCommandOnce(port, 'djnago').catch(() => 0);
    if (status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const startupMs = nowMs() - started;
  return {
    child,
    port,
    startupMs,
    peakRssMb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** A port that was free a moment ago: listen on 0, read it, close. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function signedHeaders(body: string, contentType: string) {
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signature(body, timestamp),
  };
}

const commandBody = (text: string) =>
  new URLSearchParams({
    command: '/pyterm',
    text,
    team_id: 'T0001',
    channel_id: 'C0HIRING',
    user_id: 'U0RECRUIT',
    response_url: 'http://127.0.0.1:9/respond',
    trigger_id: '1.2.3',
  }).toString();

let eventSeq = 0;
const mentionBody = (text: string) =>
  JSON.stringify({
    type: 'event_callback',
    team_id: 'T0001',
    api_app_id: 'A0PYHIRE',
    event_id: `EvBench${++eventSeq}`,
    event_time: 1700000000,
    event: {
      type: 'app_mention',
      user: 'U0RECRUIT',
      text: `<@UBOT00001> ${text}`,
      ts: '1700000000.000100',
      channel: 'C0HIRING',
      event_ts: '1700000000.000100',
    },
  });

async function sendCommandOnce(port: number, text: string): Promise<number> {
  const body = commandBody(text);
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: signedHeaders(body, 'application/x-www-form-urlencoded'),
    body,
  });
  await res.text();
  return res.status;
}

export type Scenario = 'commands' | 'mentions';

/** Drives one server with signed requests for DURATION_S seconds; every request is freshly signed. */
export async function load(port: number, scenario: Scenario) {
  let i = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST',
        path: '/slack/events',
        setupRequest: (request) => {
          const text =
            scenario === 'commands'
              ? commandTexts[i % commandTexts.length]
              : mentionTexts[i % mentionTexts.length];
          i++;
          const body = scenario === 'commands' ? commandBody(text as string) : mentionBody(text as string);
          const type = scenario === 'commands' ? 'application/x-www-form-urlencoded' : 'application/json';
          return { ...request, body, headers: signedHeaders(body, type) };
        },
      },
    ],
  });
  return {
    bytesPerResponse: result.throughput.average / Math.max(result.requests.average, 1),
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

type Result = Awaited<ReturnType<typeof load>>;

export async function benchLoad(): Promise<string[]> {
  const fake: FakeSlack = await startFakeSlack();
  const lines = [
    `Load (autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per run after a warm-up run, signed requests, fake Web API on loopback)`,
    '  app                   scenario   req/s     p50      p99   non-2xx  answer size  start-up to 1st answer  peak RSS',
  ];
  const results: Record<string, Partial<Record<Scenario, Result>>> = {};
  const postBytes: Partial<Record<Scenario, number>> = {};
  const run = async (name: string, script: string, env: Record<string, string> = {}) => {
    const server = await startServer(script, fake.apiUrl, env);
    results[name] = {};
    for (const scenario of ['commands', 'mentions'] as const) {
      await load(server.port, scenario); // warm-up run, not reported
      const postsBefore = fake.calls.length;
      const r = await load(server.port, scenario);
      const posts = fake.calls.slice(postsBefore).filter((c) => c.method === 'chat.postMessage');
      const size =
        scenario === 'commands'
          ? r.bytesPerResponse
          : posts.reduce((n, c) => n + JSON.stringify(c.body).length, 0) / Math.max(posts.length, 1);
      if (name === 'PyHire') postBytes[scenario] = size;
      (results[name] as Partial<Record<Scenario, Result>>)[scenario] = r;
      lines.push(
        `  ${name.padEnd(21)} ${scenario.padEnd(10)} ${r.rps.toFixed(0).padStart(6)}  ${`${r.p50} ms`.padStart(7)}  ${`${r.p99} ms`.padStart(7)}  ${String(r.errors).padStart(7)}  ${`${(size / 1024).toFixed(1)} KB`.padStart(11)}  ${fmt(server.startupMs).padStart(22)}  ${server.peakRssMb().toFixed(0).padStart(5)} MB`,
      );
      fake.calls.length = 0; // keep the fake's memory flat between runs
    }
    await server.stop();
  };
  try {
    await run('bare (constant)', 'bench/bare-app.ts');
    // PyHire as `npm start` runs it: the compiled build and its prepared knowledge (made here as `npm install`
    // makes them), with its store.
    buildForStart();
    await run('PyHire', 'dist/main.js', { DATA_DIR: mkdtempSync(path.join(tmpdir(), 'pyhire-load-')) });
    // The same bare app answering a constant as large as PyHire's answers: isolates PyHire's code from
    // the cost of bigger answers, which the load generator and fake API pay for on the same two cores.
    await run('bare (same-size)', 'bench/bare-app.ts', {
      BARE_COMMAND_BYTES: String(Math.round(postBytes.commands ?? 0)),
      BARE_MENTION_BYTES: String(Math.round(postBytes.mentions ?? 0)),
    });
  } finally {
    await fake.close();
  }
  for (const baseline of ['bare (constant)', 'bare (same-size)']) {
    for (const scenario of ['commands', 'mentions'] as const) {
      const bare = results[baseline]?.[scenario];
      const ours = results.PyHire?.[scenario];
      if (bare && ours) {
        lines.push(
          `  vs ${baseline.padEnd(17)} ${scenario.padEnd(9)} throughput ${(ours.rps / bare.rps).toFixed(2)}x (target ≥ 0.9), p99 ${(ours.p99 / Math.max(bare.p99, 1)).toFixed(2)}x (target ≤ 1.2)`,
        );
      }
    }
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log((await benchLoad()).join('\n'));
