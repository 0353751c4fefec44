/** Replays the real Slack request bodies in ../shared/slack/payloads/ at the running app over signed HTTP. */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockKitViolations } from '../support/block-kit.ts';
import { sendSigned } from '../support/signed.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/** The shared payloads sit beside the repository (../shared in CI), so resolve them from the repo root. */
const PAYLOADS = new URL('../../../shared/slack/payloads/', import.meta.url);
/** Slack gives up on a request that is not answered within 3 seconds. */
const SLACK_TIMEOUT_MS = 3_000;

interface Replay {
  file: string;
  body: string;
  contentType: string;
  headers: Record<string, string>;
  /** The parsed payload (events and interactivity), for the checks after the run. */
  json?: Record<string, unknown>;
}

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

/** Points every `response_url` (and view submissions' `response_urls`) at the fake Slack. */
function redirectResponseUrls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redirectResponseUrls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === 'response_url' && typeof inner === 'string'
        ? app.fake.responseUrl()
        : redirectResponseUrls(inner),
    ]),
  );
}

/** Each payload as replay.mjs sent it (see SOURCES.md): response_urls on the fake, event ids unique per file. */
function loadReplays(): Replay[] {
  const files = readdirSync(PAYLOADS)
    .filter((name) => /^\d{3}-(ev|ix|cmd)-.*\.(json|txt)$/.test(name) && !name.endsWith('.headers.json'))
    .sort();
  return files.map((file, index) => {
    const raw = readFileSync(new URL(file, PAYLOADS), 'utf8');
    const headersFile = new URL(file.replace(/\.json$/, '.headers.json'), PAYLOADS);
    const headers = (() => {
      try {
        return JSON.parse(readFileSync(headersFile, 'utf8')) as Record<string, string>;
      } catch {
        return {};
      }
    })();
    const form = 'application/x-www-form-urlencoded';
    if (file.includes('-cmd-')) {
      const body = raw
        .trim()
        .replace(/response_url=[^&]*/, `response_url=${encodeURIComponent(app.fake.responseUrl())}`);
      return { file, body, contentType: form, headers };
    }
    const json = redirectResponseUrls(JSON.parse(raw)) as Record<string, unknown>;
    if (file.includes('-ix-')) {
      return {
        file,
        body: new URLSearchParams({ payload: JSON.stringify(json) }).toString(),
        contentType: form,
        headers,
        json,
      };
    }
    if (typeof json.event_id === 'string') json.event_id = `${json.event_id}-replay${index}`;
    return { file, body: JSON.stringify(json), contentType: 'application/json', headers, json };
  });
}

/** Broadcasts, channel links, URLs and user mentions that user text could smuggle into a reply. */
function unescapedMarkup(text: string, allowedUser: string | undefined): string | undefined {
  const found = /<!|<#|<https?:|<mailto:|<@[^>]*>/.exec(text.replaceAll(`<@${allowedUser}>`, ''));
  return found?.[0];
}

describe('replaying real Slack payloads', () => {
  it('acknowledges every payload with 200 within 3 s, never fails a listener, and sends valid, escaped replies', async () => {
    const replays = loadReplays();
    expect(replays.length).toBeGreaterThanOrEqual(122);
    const failures: string[] = [];
    for (const replay of replays) {
      const started = performance.now();
      const res = await sendSigned(app.eventsUrl, replay.body, replay.contentType, {
        headers: replay.headers,
      });
      const text = await res.text();
      const ms = performance.now() - started;
      if (res.status !== 200) failures.push(`${replay.file}: status ${res.status}`);
      if (ms >= SLACK_TIMEOUT_MS) failures.push(`${replay.file}: answered after ${Math.round(ms)} ms`);
      if (text.startsWith('{') && text.includes('"blocks"')) {
        const body = JSON.parse(text) as { text?: unknown; blocks?: unknown };
        for (const problem of blockKitViolations(body)) failures.push(`${replay.file}: ack ${problem}`);
        const markup = unescapedMarkup(text, undefined);
        if (markup) failures.push(`${replay.file}: ack echoes ${markup}`);
      }
    }
    expect(failures).toEqual([]);

    // Replies sent after the ack (threads, response_url, views) obey the same rules.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const sharers = replays.map((r) => (r.json?.user as { id?: string } | undefined)?.id).filter(Boolean);
    for (const call of app.fake.calls) {
      const body = call.body as { text?: unknown; blocks?: unknown; view?: { blocks?: unknown } };
      const at = `${call.method} ${JSON.stringify(body).slice(0, 200)}`;
      if (call.method === 'chat.postMessage' || (call.method === 'response_url' && body.blocks)) {
        expect(blockKitViolations(body), at).toEqual([]);
      }
      if (body.view) expect(blockKitViolations(body.view, 'view'), at).toEqual([]);
      // The only mention PyHire writes itself is "shared by <@clicker>" on a shared answer.
      const own = sharers.find((id) => JSON.stringify(body).includes(`<@${id}>`));
      expect(unescapedMarkup(JSON.stringify(body), own), at).toBeUndefined();
    }
    const logs = app.logs.map((line) => JSON.parse(line) as { level: string; msg: string; error?: string });
    expect(logs.filter((l) => l.level === 'error')).toEqual([]);
    expect((await fetch(`${app.baseUrl}/health`)).status).toBe(200);
  }, 120_000);

  it('answers each mention from a person once in its thread, and no mention from a bot', () => {
    const mentions = loadReplays()
      .map((r) => (r.json?.event ?? {}) as Record<string, unknown>)
      .filter((event) => event.type === 'app_mention' && typeof event.ts === 'string' && event.ts !== '');
    const fromBot = (event: Record<string, unknown>) =>
      Boolean(event.bot_id) || event.subtype === 'bot_message';
    expect(mentions.filter(fromBot).length).toBeGreaterThanOrEqual(3);
    // Some payloads share a channel and ts, so count the replies per thread.
    const threadOf = (channel: unknown, ts: unknown) => `${String(channel)} ${String(ts)}`;
    const expected = new Map<string, number>();
    for (const event of mentions) {
      const thread = threadOf(event.channel, event.thread_ts ?? event.ts);
      expected.set(thread, (expected.get(thread) ?? 0) + (fromBot(event) ? 0 : 1));
    }
    const replies = new Map<string, number>();
    for (const call of app.fake.calls.filter((c) => c.method === 'chat.postMessage')) {
      const thread = threadOf(call.body.channel, call.body.thread_ts);
      replies.set(thread, (replies.get(thread) ?? 0) + 1);
    }
    for (const [thread, count] of expected) expect(replies.get(thread) ?? 0, thread).toBe(count);
  });

  it('logs an app_rate_limited event as a warning with its minute, and what PyHire ignores at debug', () => {
    const logs = app.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 'warn', minute: new Date(1518467820 * 1000).toISOString() }),
    );
    const ignored = logs.filter((l) => l.msg === 'acknowledged a request PyHire does not handle');
    expect(ignored.map((l) => l.kind)).toEqual(
      expect.arrayContaining([
        'event function_executed',
        'view_submission',
        'view_closed',
        'shortcut',
        'message_action',
        'block_suggestion',
        'interactive_message',
        'dialog_suggestion',
        'dialog_submission',
        'workflow_step_edit',
      ]),
    );
    expect(ignored.every((l) => l.level === 'debug')).toBe(true);
  });
});
