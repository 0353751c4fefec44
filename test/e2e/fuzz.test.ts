/** Property-based fuzzing of the HTTP endpoint: thousands of signed random and malformed payloads. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, MAX_JSON_DEPTH } from '../../src/guard.ts';
import { blockKitViolations } from '../support/block-kit.ts';
import { sendSigned } from '../support/signed.ts';
import { fixture, startTestApp, type TestApp } from '../support/test-app.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2_000);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

/** Text people (or attackers) paste: any Unicode, control and bidi characters, Slack markup, huge text. */
const nastyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({
    unit: fc.constantFrom(
      '\u0000',
      '\u0007',
      '\u202E',
      '\u2066',
      '\u200F',
      '\n',
      '\t',
      '&',
      '<',
      '>',
      '@',
      '!',
      ' ',
      'a',
      'é',
      '🙂',
    ),
    maxLength: 300,
  }),
  fc.constantFrom(
    '<!channel>',
    '<!here|here>',
    '<@U123ABC>',
    '<#C123|general>',
    '<https://evil.example|click>',
    '&lt;!everyone&gt;',
    '<!subteam^S1>',
  ),
  fc
    .tuple(fc.constantFrom('what is ', 'compare ', 'djnago ', '', 'review '), fc.string({ maxLength: 60 }))
    .map(([a, b]) => a + b),
  fc
    .integer({ min: 1000, max: 40_000 })
    .map((n) => 'Django PyTorch <!channel> '.repeat(Math.ceil(n / 26)).slice(0, n)),
  // Long repetitive text of the shapes that question parsing looks for.
  fc
    .tuple(
      fc.constantFrom('is ', 'what is ', 'compare ', 'explain '),
      fc.constantFrom('pkg.module', 'a', 'data engineer ', 'x '),
      fc.integer({ min: 100, max: 4_000 }),
    )
    .map(([lead, unit, n]) => lead + unit.repeat(n)),
);

/** A value of the wrong type where a string belongs. */
const wrongType = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);

const command = fc.record({
  command: fc.constantFrom('/pyterm', '/pyrole', '/pyrole', '/unknown', ''),
  text: nastyText,
  drop: fc.subarray(['user_id', 'channel_id', 'response_url', 'text', 'team_id']),
  // A form field given twice arrives as an array (`text.replace is not a function`, once).
  repeat: fc.subarray(['text', 'command', 'user_id', 'response_url']),
});

const actionIds = fc.constantFrom(
  'share',
  'open_term:django',
  'open_role:data',
  'role_questions:ml',
  'compare_roles:backend:data',
  'open_term:',
  'unknown_button',
  'compare_roles:x',
);
const interaction = fc.record({
  type: fc.constantFrom(
    'block_actions',
    'block_actions',
    'block_actions',
    'view_submission',
    'shortcut',
    'message_action',
    'block_suggestion',
    'interactive_message',
    'weird',
  ),
  actionId: actionIds,
  value: fc.oneof(
    nastyText,
    fc.constantFrom('term:django', 'role:data', 'term:', 'role:nope', 'backend:data'),
    wrongType,
  ),
  ephemeral: fc.boolean(),
  inView: fc.boolean(),
  drop: fc.subarray(['actions', 'user', 'response_url', 'container', 'trigger_id', 'channel', 'view']),
  retype: fc.dictionary(
    fc.constantFrom('actions', 'user', 'container', 'view', 'response_url', 'action_id', 'type', 'channel'),
    wrongType,
    { maxKeys: 3 },
  ),
});

const event = fc.record({
  type: fc.constantFrom(
    'app_mention',
    'app_mention',
    'app_home_opened',
    'message',
    'reaction_added',
    'made_up_event',
  ),
  text: fc.oneof(nastyText, wrongType),
  threaded: fc.boolean(),
  tab: fc.constantFrom('home', 'messages', undefined),
  drop: fc.subarray(['event', 'text', 'channel', 'user', 'ts', 'event_id']),
  fromBot: fc.constantFrom(undefined, { bot_id: 'B0OTHER' }, { subtype: 'bot_message' }),
  retype: fc.dictionary(
    fc.constantFrom('event', 'user', 'ts', 'thread_ts', 'channel', 'type', 'tab', 'event_id', 'bot_id'),
    wrongType,
    { maxKeys: 3 },
  ),
});

/** Deep nesting where Slack puts JSON: the url_verification challenge once ended the process (RangeError). */
const deep = fc.record({
  where: fc.constantFrom('challenge', 'event', 'payload', 'app_rate_limited'),
  depth: fc.oneof(fc.integer({ min: 2, max: MAX_JSON_DEPTH - 10 }), fc.integer({ min: 100, max: 20_000 })),
  open: fc.constantFrom('[', '{"a":'),
});

const malformed = fc.oneof(
  fc.record({ kind: fc.constant('truncated-event' as const), cut: fc.nat() }),
  fc.record({ kind: fc.constant('truncated-payload' as const), cut: fc.nat() }),
  fc.record({
    kind: fc.constant('garbage' as const),
    body: fc.string({ maxLength: 500 }),
    json: fc.boolean(),
  }),
);

const request = fc.oneof(
  command.map((c) => ({ kind: 'command' as const, c })),
  interaction.map((i) => ({ kind: 'interaction' as const, i })),
  event.map((e) => ({ kind: 'event' as const, e })),
  malformed.map((m) => ({ kind: 'malformed' as const, m })),
  deep.map((d) => ({ kind: 'deep' as const, d })),
);

/** `depth` levels of `[` or `{"a":` around a string, as JSON text. */
const nested = (open: string, depth: number) =>
  `${open.repeat(depth)}"x"${(open === '[' ? ']' : '}').repeat(depth)}`;

const omit = (object: Record<string, unknown>, keys: readonly string[]) =>
  Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));

let sequence = 0;
function build(
  r: fc.Arbitrary<unknown> extends never ? never : typeof request extends fc.Arbitrary<infer T> ? T : never,
): { body: string; type: string } {
  const form = 'application/x-www-form-urlencoded';
  switch (r.kind) {
    case 'command': {
      const fields = {
        ...fixture<Record<string, string>>('slack/slash-command.json'),
        command: r.c.command,
        text: r.c.text,
        response_url: app.fake.responseUrl(),
      };
      const encoded = new URLSearchParams(omit(fields, r.c.drop) as Record<string, string>);
      for (const key of r.c.repeat) encoded.append(key, 'again');
      return { body: encoded.toString(), type: form };
    }
    case 'interaction': {
      const base = fixture<Record<string, unknown>>('slack/block-actions.json');
      const home = fixture<Record<string, unknown>>('slack/block-actions-home.json');
      const payload = {
        ...(r.i.inView ? home : base),
        type: r.i.type,
        response_url: app.fake.responseUrl(),
        container: r.i.inView
          ? home.container
          : { ...(base.container as object), is_ephemeral: r.i.ephemeral },
        actions: [
          {
            type: 'button',
            action_id: 'action_id' in r.i.retype ? r.i.retype.action_id : r.i.actionId,
            block_id: 'b',
            value: r.i.value,
            action_ts: '1',
          },
        ],
      };
      const retyped = { ...omit(payload, r.i.drop), ...omit(r.i.retype, ['action_id']) };
      return {
        body: new URLSearchParams({ payload: JSON.stringify(retyped) }).toString(),
        type: form,
      };
    }
    case 'event': {
      const base = fixture<{ event: Record<string, unknown> }>('slack/app-mention.json');
      const inner = {
        ...base.event,
        type: r.e.type,
        text: r.e.text,
        tab: r.e.tab,
        ...(r.e.threaded ? { thread_ts: '1699999999.000001' } : {}),
        ...r.e.fromBot,
        ...omit(r.e.retype, ['event', 'event_id']),
      };
      const envelope = {
        ...base,
        event_id: 'event_id' in r.e.retype ? r.e.retype.event_id : `EvFuzz${++sequence}`,
        event: 'event' in r.e.retype ? r.e.retype.event : omit(inner, r.e.drop),
      };
      return {
        body: JSON.stringify(omit(envelope, r.e.drop.includes('event') ? ['event'] : [])),
        type: 'application/json',
      };
    }
    case 'malformed': {
      if (r.m.kind === 'garbage') return { body: r.m.body, type: r.m.json ? 'application/json' : form };
      if (r.m.kind === 'truncated-event') {
        const text = JSON.stringify({ ...fixture('slack/app-mention.json'), event_id: `EvCut${++sequence}` });
        return { body: text.slice(0, r.m.cut % text.length), type: 'application/json' };
      }
      const payload = JSON.stringify(fixture('slack/block-actions.json'));
      return {
        body: `payload=${encodeURIComponent(payload.slice(0, r.m.cut % payload.length))}`,
        type: form,
      };
    }
    case 'deep': {
      const value = nested(r.d.open, r.d.depth);
      if (r.d.where === 'payload') {
        const payload = JSON.stringify({
          ...fixture('slack/block-actions.json'),
          response_url: app.fake.responseUrl(),
        }).replace('"term:django"', value);
        return { body: `payload=${encodeURIComponent(payload)}`, type: form };
      }
      const body =
        r.d.where === 'challenge'
          ? `{"token":"t","type":"url_verification","challenge":${value}}`
          : r.d.where === 'app_rate_limited'
            ? `{"type":"app_rate_limited","team_id":"T0001","minute_rate_limited":${value}}`
            : JSON.stringify({
                ...fixture('slack/app-mention.json'),
                event_id: `EvDeep${++sequence}`,
              }).replace('"text":', `"nested":${value},"text":`);
      return { body, type: 'application/json' };
    }
  }
}

/** User text must never come back able to ping or link: only our own `<@U…>` "shared by" mention may appear. */
function unescapedUserMarkup(json: string): string | undefined {
  return /<!|<#|<https?:|<@(?!U0RECRUIT>|U0MANAGER>)/.exec(json)?.[0];
}

/** Sends `items` through `worker` with `concurrency` requests in flight. */
async function pool<T>(items: readonly T[], concurrency: number, worker: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await worker(items[next++] as T);
    }),
  );
}

describe('fuzzing the HTTP endpoint', () => {
  it(`survives ${RUNS} signed random and malformed requests: no 5xx, replies within limits, user text escaped`, async () => {
    // A fixed seed makes every run send the same requests; FUZZ_SEED and FUZZ_RUNS explore further.
    // Sent concurrently, 64 at a time.
    const samples = fc.sample(request, { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 20261124) });
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    await pool(samples, 64, async (r) => {
      const { body, type } = build(r);
      const res = await sendSigned(app.eventsUrl, body, type);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const text = await res.text();
      const problems: string[] = [];
      if (res.status >= 500) problems.push(`status ${res.status}`);
      // 404 is Bolt giving up after 3 s on a request nothing acknowledged.
      if (res.status === 404) problems.push('not acknowledged');
      if (text.startsWith('{') && text.includes('"blocks"')) {
        problems.push(...blockKitViolations(JSON.parse(text) as { text?: unknown; blocks?: unknown }));
        const markup = unescapedUserMarkup(text);
        if (markup) problems.push(`unescaped ${markup}`);
      }
      if (problems.length > 0) failures.push(`${problems.join('; ')} for ${JSON.stringify(r).slice(0, 400)}`);
    });
    expect(failures.slice(0, 5)).toEqual([]);
    expect([...statuses.keys()].every((status) => status < 500)).toBe(true);

    // Replies sent after the ack (threads, response_url, views) obey the same rules.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    for (const call of app.fake.calls) {
      const body = call.body as { text?: unknown; blocks?: unknown; view?: { blocks?: unknown } };
      if (call.method === 'chat.postMessage' || (call.method === 'response_url' && body.blocks)) {
        expect(blockKitViolations(body), call.method).toEqual([]);
      }
      if (body.view) expect(blockKitViolations(body.view, 'view')).toEqual([]);
      expect(unescapedUserMarkup(JSON.stringify(body)), call.method).toBeUndefined();
    }
    // Malformed input is logged, never a listener failure (`respond is not a function`...).
    const failed = app.logs.filter((line) => line.includes('"a listener failed"'));
    expect(failed.slice(0, 3)).toEqual([]);
    expect((await fetch(`${app.baseUrl}/health`)).status).toBe(200);
  }, 180_000);

  it(`refuses a signed body nested past ${MAX_JSON_DEPTH} levels with 400 before parsing, and keeps serving`, async () => {
    // The known crash: Bolt answered this url_verification with JSON.stringify, which threw RangeError.
    const challenge = nested('[', 5_000);
    const res = await sendSigned(
      app.eventsUrl,
      `{"token":"t","type":"url_verification","challenge":${challenge}}`,
      'application/json',
    );
    expect(res.status).toBe(400);
    const ok = await sendSigned(
      app.eventsUrl,
      '{"token":"t","type":"url_verification","challenge":"abc"}',
      'application/json',
    );
    expect(await ok.json()).toEqual({ challenge: 'abc' });
    expect(app.logs.join('\n')).toContain('refused a request nested too deeply');
  });

  it('refuses a body over the size limit with 413, whether or not it says its length', async () => {
    const big = JSON.stringify({ type: 'event_callback', padding: 'x'.repeat(MAX_BODY_BYTES) });
    expect((await sendSigned(app.eventsUrl, big, 'application/json')).status).toBe(413);
    const chunked = await fetch(app.eventsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await fetch(`${app.baseUrl}/health`)).status).toBe(200);
  });
});
