/** @PyHire mentions through the real Bolt app over signed HTTP: threaded replies, findings, thread review, retries. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockKitViolations } from '../support/block-kit.ts';
import type { RecordedCall } from '../support/fake-slack.ts';
import { sendEvent } from '../support/signed.ts';
import { fixture, startTestApp, type TestApp } from '../support/test-app.ts';

type Message = {
  channel: string;
  thread_ts?: string;
  text: string;
  blocks: { block_id?: string; type: string }[];
};

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

let eventCount = 0;
/** A signed app_mention event with a fresh event_id; returns the event_id. */
async function mention(
  text: string,
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
  eventId = `EvM${++eventCount}`,
) {
  const base = fixture<{ event: Record<string, string> }>('slack/app-mention.json');
  const envelope = {
    ...base,
    event_id: eventId,
    event: { ...base.event, text: `<@UBOT00001> ${text}`, ...fields },
  };
  const res = await sendEvent(app.eventsUrl, envelope, { headers });
  expect(res.status).toBe(200);
  return eventId;
}

/** The chat.postMessage calls made since `before` calls had been recorded. */
async function postsAfter(before: number, count = 1): Promise<Message[]> {
  const calls = await app.fake.waitFor('chat.postMessage', before + count);
  return calls.slice(before).map((c: RecordedCall) => c.body as unknown as Message);
}
const postCount = () => app.fake.calls.filter((c) => c.method === 'chat.postMessage').length;
const blockIds = (m: Message) => m.blocks.map((b) => b.block_id ?? '');

/** Makes the fake Slack API answer conversations.replies for the thread that starts at `ts` with `messages`. */
function threadReplies(ts: string, messages: Record<string, string>[]) {
  app.fake.on('conversations.replies', (call) =>
    call.body.ts === ts ? { body: { ok: true, has_more: false, messages } } : undefined,
  );
}

describe('@PyHire mentions over signed HTTP', () => {
  it('flags one developer for a Django REST API and PyTorch training, in the thread of the mention', async () => {
    const before = postCount();
    await mention(
      'We need a Python developer who can build our Django REST API and also train PyTorch models',
      {
        ts: '1700000100.000100',
      },
    );
    const [reply] = await postsAfter(before);
    expect(reply?.channel).toBe('C0HIRING');
    expect(reply?.thread_ts).toBe('1700000100.000100');
    expect(blockIds(reply as Message)).toContain('warning:conflating-roles');
    expect(JSON.stringify(reply)).toContain('open_role:ml');
    expect(blockKitViolations(reply as Message)).toEqual([]);
  });

  it('raises nothing for separate hires, and says so briefly', async () => {
    const before = postCount();
    await mention('We are hiring a backend developer and, separately, a data engineer next quarter.');
    const [reply] = await postsAfter(before);
    expect(blockIds(reply as Message).filter((id) => id.startsWith('warning:'))).toEqual([]);
    expect(reply?.text).toMatch(/spotted none/);
  });

  it('says it reads English when a message is in another language, instead of an all-clear', async () => {
    const before = postCount();
    // The same mistake as the first test, in German: the review reads English, so it says so.
    await mention(
      'Wir brauchen einen Python-Entwickler, der unsere Django REST API baut und auch die PyTorch-Modelle trainiert, das ist eine Stelle.',
    );
    const [reply] = await postsAfter(before);
    expect(blockIds(reply as Message).filter((id) => id.startsWith('warning:'))).toEqual([]);
    expect(reply?.text).toMatch(/another language than English/);
    expect(reply?.text).not.toMatch(/spotted none/);
    expect(blockKitViolations(reply as Message)).toEqual([]);
  });

  it('keeps the thread of a mention made inside a thread', async () => {
    const before = postCount();
    await mention('what is dbt?', { ts: '1700000300.000300', thread_ts: '1700000200.000200' });
    const [reply] = await postsAfter(before);
    expect(reply?.thread_ts).toBe('1700000200.000200');
    expect(blockIds(reply as Message)).toContain('term:dbt');
  });

  it('answers a role question with the kit summary', async () => {
    const before = postCount();
    await mention('what should I ask a data engineer?');
    const [reply] = await postsAfter(before);
    expect(blockIds(reply as Message)).toContain('role:data');
    expect(blockKitViolations(reply as Message)).toEqual([]);
  });

  it('escapes what it quotes back from the message', async () => {
    const before = postCount();
    // The trigger quoted back is the sentence, with its & and < > inside; the ping is not read at all.
    await mention("For the data engineer loop let's skip the SQL <joins & CTEs> round. <!channel>");
    const [reply] = await postsAfter(before);
    expect(blockIds(reply as Message)).toContain('warning:undervaluing-sql');
    const json = JSON.stringify(reply);
    expect(json).toContain('skip the SQL &lt;joins &amp; CTEs&gt; round');
    expect(json).not.toContain('<joins');
    expect(json).not.toContain('<!channel>');
  });

  it('answers an event once when Slack re-delivers it, also concurrently', async () => {
    const before = postCount();
    const id = `EvRetry${Date.now()}`;
    await Promise.all([
      mention('what is FastAPI?', {}, {}, id),
      mention(
        'what is FastAPI?',
        {},
        { 'X-Slack-Retry-Num': '1', 'X-Slack-Retry-Reason': 'http_timeout' },
        id,
      ),
    ]);
    await mention(
      'what is FastAPI?',
      {},
      { 'X-Slack-Retry-Num': '2', 'X-Slack-Retry-Reason': 'http_timeout' },
      id,
    );
    await postsAfter(before);
    // Give any duplicate time to arrive before counting.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(postCount() - before).toBe(1);
  });
});

describe('thread review', () => {
  it('"@PyHire review" in a thread reads the earlier messages with conversations.replies and reviews them', async () => {
    threadReplies('1700000400.000100', [
      {
        type: 'message',
        user: 'U0RECRUIT',
        ts: '1700000400.000100',
        text: 'JD draft: Python Developer. Requirements: 5+ years Python experience, good communicator.',
      },
      {
        type: 'message',
        user: 'U0MANAGER',
        ts: '1700000400.000200',
        text: 'Plan: we filter everyone with three LeetCode hards first.',
      },
      {
        type: 'message',
        bot_id: 'B0001',
        user: 'UBOT00001',
        ts: '1700000400.000250',
        text: 'we filter with leetcode only (a bot message, not reviewed)',
      },
      { type: 'message', user: 'U0RECRUIT', ts: '1700000400.000300', text: '<@UBOT00001> review' },
    ]);
    const before = postCount();
    await mention('review', { ts: '1700000400.000300', thread_ts: '1700000400.000100' });
    const [reply] = await postsAfter(before);
    const [read] = app.fake.calls.filter(
      (c) => c.method === 'conversations.replies' && c.body.ts === '1700000400.000100',
    );
    expect(read?.body.channel).toBe('C0HIRING');
    expect(reply?.thread_ts).toBe('1700000400.000100');
    expect(blockIds(reply as Message)).toEqual(
      expect.arrayContaining(['warning:generic-python', 'warning:overweighting-algorithms']),
    );
    expect(reply?.blocks.find((b) => b.block_id === 'review')).toBeDefined();
    expect(JSON.stringify(reply)).toContain('the 2 earlier messages in this thread');
  });

  it('beside a job description card, says which earlier messages it could not read', async () => {
    threadReplies('1700000600.000100', [
      {
        type: 'message',
        user: 'U0RECRUIT',
        ts: '1700000600.000100',
        text: 'Senior Data Engineer\n\nWhat you will do:\n- Build and run our Airflow pipelines into Snowflake\n- Model the warehouse with dbt and write the SQL behind our reporting\n\nRequirements:\n- 5+ years of Python and SQL, Airflow, dbt\n- Experience with data quality checks',
      },
      {
        type: 'message',
        user: 'U0MANAGER',
        ts: '1700000600.000200',
        text: 'Wir brauchen die Stelle schnell, und die Kandidaten sollen auch für das Backend arbeiten.',
      },
      { type: 'message', user: 'U0RECRUIT', ts: '1700000600.000300', text: '<@UBOT00001> review' },
    ]);
    const before = postCount();
    await mention('review', { ts: '1700000600.000300', thread_ts: '1700000600.000100' });
    const [card, reply] = await postsAfter(before, 2);
    expect(blockIds(card as Message)).toContain('doc-kind:jd');
    expect(reply?.text).toMatch(/The earlier message reads as another language than English/);
    expect(blockKitViolations(reply as Message)).toEqual([]);
  });

  it('explains when it cannot read the thread instead of failing silently', async () => {
    app.fake.on('conversations.replies', (call) =>
      call.body.ts === '1700000500.000100' ? { body: { ok: false, error: 'not_in_channel' } } : undefined,
    );
    const before = postCount();
    await mention('', { ts: '1700000500.000200', thread_ts: '1700000500.000100' });
    const [reply] = await postsAfter(before);
    expect(reply?.thread_ts).toBe('1700000500.000100');
    expect(reply?.text).toContain('not_in_channel');
  });
});
