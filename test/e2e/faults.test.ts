/** Web API faults through the real app: rate limits are retried, failures are logged, the bot keeps serving. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendCommand, sendEvent } from '../support/signed.ts';
import { fixture, startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

let n = 0;
async function mentionIn(channel: string, text = 'what is dbt?') {
  const base = fixture<{ event: Record<string, string> }>('slack/app-mention.json');
  const envelope = {
    ...base,
    event_id: `EvFault${++n}`,
    event: { ...base.event, channel, text: `<@UBOT00001> ${text}` },
  };
  expect((await sendEvent(app.eventsUrl, envelope)).status).toBe(200);
}
const postsTo = (channel: string) =>
  app.fake.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel);
const logLines = () => app.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
async function until(check: () => boolean, timeoutMs = 8_000) {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('Web API faults', () => {
  it('retries a 429 after its Retry-After and delivers the reply', async () => {
    let first = true;
    app.fake.on('chat.postMessage', (call) => {
      if (call.body.channel !== 'C0LIMITED' || !first) return undefined;
      first = false;
      return { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } };
    });
    await mentionIn('C0LIMITED');
    await until(() => postsTo('C0LIMITED').length === 2);
    expect(logLines()).toContainEqual(
      expect.objectContaining({ msg: 'Slack Web API rate limited', method: 'chat.postMessage' }),
    );
  });

  it('logs a 5xx with the method after bounded retries, and keeps serving', async () => {
    app.fake.on('chat.postMessage', (call) =>
      call.body.channel === 'C0DOWN' ? { status: 503, body: { ok: false } } : undefined,
    );
    await mentionIn('C0DOWN');
    await until(() => logLines().some((l) => l.msg === 'a listener failed'));
    expect(postsTo('C0DOWN').length).toBe(4);
    expect(logLines()).toContainEqual(
      expect.objectContaining({
        level: 'error',
        msg: 'Slack Web API server error',
        method: 'chat.postMessage',
        status: 503,
      }),
    );
    const res = await sendCommand(app.eventsUrl, {
      ...fixture<Record<string, string>>('slack/slash-command.json'),
      text: 'dbt',
    });
    expect(res.status).toBe(200);
    expect(JSON.stringify(await res.json())).toContain('term:dbt');
  });

  it('logs ok:false with the method and Slack’s error, never the token', async () => {
    app.fake.on('chat.postMessage', (call) =>
      call.body.channel === 'C0GONE' ? { body: { ok: false, error: 'channel_not_found' } } : undefined,
    );
    await mentionIn('C0GONE');
    await until(() =>
      logLines().some((l) => l.error === 'channel_not_found' && l.msg === 'a listener failed'),
    );
    expect(postsTo('C0GONE').length).toBe(1);
    expect(logLines()).toContainEqual(
      expect.objectContaining({
        msg: 'Slack Web API error',
        method: 'chat.postMessage',
        error: 'channel_not_found',
      }),
    );
    expect(app.logs.join('\n')).not.toContain('xoxb-test-0000');
    expect((await fetch(`${app.baseUrl}/health`)).status).toBe(200);
  });
});

describe('logging', () => {
  it('logs a knowledge gap for a /pyterm miss and a weak match: the normalised query, no user id', async () => {
    for (const text of ['Qwxzv Plumbing!', 'pyth']) {
      await sendCommand(app.eventsUrl, {
        ...fixture<Record<string, string>>('slack/slash-command.json'),
        text,
      });
    }
    const gaps = logLines().filter((l) => l.msg === 'knowledge gap');
    expect(gaps).toContainEqual(
      expect.objectContaining({ command: '/pyterm', query: 'qwxzvplumbing', answer: 'no-match' }),
    );
    expect(gaps).toContainEqual(
      expect.objectContaining({ command: '/pyterm', query: 'pyth', answer: 'suggestions' }),
    );
    expect(JSON.stringify(gaps)).not.toContain('U0RECRUIT');
  });
});
