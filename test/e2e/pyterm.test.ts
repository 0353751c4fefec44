/** /pyterm, its buttons, signing and /health through the real Bolt app over signed HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeMrkdwn } from '../../src/render/escape.ts';
import { blockKitViolations } from '../support/block-kit.ts';
import { sendCommand, sendInteraction, sendSigned, signature } from '../support/signed.ts';
import { fixture, realKnowledge, startTestApp, type TestApp } from '../support/test-app.ts';

type Message = {
  text: string;
  response_type?: string;
  blocks: { type: string; block_id?: string; elements?: unknown[] }[];
};

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

const pyterm = async (text: string) => {
  const res = await sendCommand(app.eventsUrl, {
    ...fixture<Record<string, string>>('slack/slash-command.json'),
    text,
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as Message;
  expect(blockKitViolations(body)).toEqual([]);
  return body;
};
const blockIds = (message: Message) => message.blocks.map((b) => b.block_id).filter(Boolean);
const termBlocks = (message: Message) => blockIds(message).filter((id) => id?.startsWith('term:'));
const buttonIds = (message: Message) =>
  message.blocks.flatMap((b) => (b.elements ?? []) as { action_id?: string }[]).map((e) => e.action_id);
const kitButtons = (message: Message) => buttonIds(message).filter((id) => id?.startsWith('open_role:'));
/** Presses one button of a private answer whose response_url is named `name`; returns what PyHire sent there. */
async function pressButton(name: string, actionId: string, blockId: string, value: string) {
  const base = fixture<{ actions: Record<string, unknown>[] }>('slack/block-actions.json');
  const payload = {
    ...base,
    response_url: app.fake.responseUrl(name),
    actions: [{ ...base.actions[0], action_id: actionId, block_id: blockId, value }],
  };
  expect((await sendInteraction(app.eventsUrl, payload)).status).toBe(200);
  const [call] = await app.fake.waitFor(`/respond/${name}`);
  return call;
}
const logLines = () => app.logs.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('/pyterm over signed HTTP', () => {
  it('answers a typo with the right card, privately, with a share button', async () => {
    const body = await pyterm('djnago');
    expect(body.response_type).toBe('ephemeral');
    expect(termBlocks(body)).toEqual(['term:django']);
    expect(body.text).toMatch(/^Django: /);
    expect(JSON.stringify(body)).toContain('"action_id":"share"');
  });

  it('answers exact names, aliases and questions', async () => {
    expect(termBlocks(await pyterm('dbt'))).toEqual(['term:dbt']);
    expect(termBlocks(await pyterm('sklearn'))).toEqual(['term:scikit-learn']);
    expect(termBlocks(await pyterm("what's a data warehouse?"))).toEqual(['term:data-warehouse']);
  });

  it('answers a miss with a friendly hint and no card, escaping what the user typed', async () => {
    const body = await pyterm('<!channel> qzxwv <https://evil.example|click>');
    expect(termBlocks(body)).toEqual([]);
    expect(blockIds(body)).toContain('no-match');
    const json = JSON.stringify(body);
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<https://evil');
    expect(json).toContain('&lt;!channel&gt;');
  });

  it('offers "Did you mean" buttons for a weak match, with no card', async () => {
    const body = await pyterm('pyth');
    expect(termBlocks(body)).toEqual([]);
    expect(blockIds(body)).toContain('suggestions');
    const buttons = body.blocks.find((b) => b.type === 'actions')?.elements as { action_id: string }[];
    expect(buttons.length).toBeGreaterThanOrEqual(1);
    expect(buttons.length).toBeLessThanOrEqual(3);
    for (const b of buttons) expect(b.action_id).toMatch(/^open_term:/);
  });

  it('answers empty text and help with the term index', async () => {
    for (const text of ['', 'help']) {
      const body = await pyterm(text);
      expect(termBlocks(body)).toEqual([]);
      expect(blockIds(body)).toContain('help');
      expect(JSON.stringify(body)).toContain('Django');
      expect(JSON.stringify(body)).toContain('Slowly changing dimensions');
      // Every one of the glossary's terms (256 in 8 categories) is listed; none is cut.
      expect(JSON.stringify(body)).not.toContain('more: ask for one');
      const { terms } = realKnowledge();
      expect(body.text).toBe(`PyHire glossary: ${terms.length} terms. Try /pyterm dbt`);
      for (const t of terms)
        expect(JSON.stringify(body)).toContain(JSON.stringify(escapeMrkdwn(t.name)).slice(1, -1));
    }
  });
});

describe('/pyterm with role and job-title words', () => {
  it.each([
    ['machine learning', 'role-card:ml', ['open_role:ml']],
    ['data engineering', 'role-card:data', ['open_role:data']],
    ['devops', 'role-card:devops', ['open_role:devops']],
    ['MLOps engineer', 'role-card:ml', ['open_role:ml']],
    ['analytics engineer', 'role-card:data', ['open_role:data']],
    ['sre', 'role-card:devops', ['open_role:devops']],
    ['full stack', 'other-role:full-stack-developer', ['open_role:backend']],
    ['data scientist', 'term:data-science', ['open_role:ml', 'open_role:data']],
  ])('%s answers with a card pointing to the kit', async (text, block, kits) => {
    const body = await pyterm(text);
    expect(body.response_type).toBe('ephemeral');
    expect(blockIds(body)).toContain(block);
    expect(kitButtons(body)).toEqual(kits);
    for (const kit of kits) expect(JSON.stringify(body)).toContain(`\`/pyrole ${kit.split(':')[1]}\``);
  });

  it("the role card's button opens the interview kit in place of the private answer", async () => {
    const body = await pyterm('data engineering');
    expect(JSON.stringify(body)).toContain('*Interview kit:* `/pyrole data`');
    const call = await pressButton('open-kit-1', 'open_role:data', 'role-card-actions:data', 'data');
    const post = call?.body as unknown as Message & { replace_original: boolean };
    expect(post.replace_original).toBe(true);
    expect(blockIds(post)).toContain('role:data');
    expect(blockKitViolations(post)).toEqual([]);
  });
});

describe('/pyterm with short queries', () => {
  it.each([
    ['Rust', 'term:rust'],
    ['OpenAI', 'term:openai-api'],
    ['go', 'term:go'],
    ['git', 'term:git'],
    ['scala', 'term:scala'],
    ['spark', 'term:spark'],
    ['rest', 'term:rest-api'],
    ['c++', 'term:cpp'],
    ['c#', 'term:csharp'],
  ])('%s: the exact card', async (text, block) => {
    expect(termBlocks(await pyterm(text))).toEqual([block]);
  });

  it('a near miss of four letters or fewer asks "Did you mean" instead of guessing', async () => {
    const body = await pyterm('rst');
    expect(termBlocks(body)).toEqual([]);
    expect(blockIds(body)).toContain('suggestions');
    expect(buttonIds(body)).toContain('open_term:rust');
  });

  it.each(['r', 'c'])('%s names nothing PyHire knows: the miss, logged as a knowledge gap', async (text) => {
    const body = await pyterm(text);
    expect(termBlocks(body)).toEqual([]);
    expect(blockIds(body)).toContain('no-match');
    expect(logLines()).toContainEqual(
      expect.objectContaining({ msg: 'knowledge gap', command: '/pyterm', query: text, answer: 'no-match' }),
    );
  });
});

describe('buttons', () => {
  it('"Share in channel" posts the card to the channel via response_url, naming who shared it', async () => {
    const responseUrl = app.fake.responseUrl('share-1');
    const payload = { ...fixture('slack/block-actions.json'), response_url: responseUrl };
    const res = await sendInteraction(app.eventsUrl, payload);
    expect(res.status).toBe(200);
    const posts = await app.fake.waitFor('/respond/share-1', 2);
    const [shared, cleanup] = posts.map(
      (c) => c.body as unknown as Message & { replace_original?: boolean; delete_original?: boolean },
    );
    expect(shared?.response_type).toBe('in_channel');
    expect(shared?.replace_original).toBe(false);
    expect(termBlocks(shared as Message)).toEqual(['term:django']);
    expect(JSON.stringify(shared)).toContain('Shared by <@U0RECRUIT>');
    expect(JSON.stringify(shared)).not.toContain('"action_id":"share"');
    expect(blockKitViolations(shared as Message)).toEqual([]);
    expect(cleanup?.delete_original).toBe(true);
  });

  it('a suggestion button opens the card in place of the private answer', async () => {
    const call = await pressButton('open-1', 'open_term:pandas', 'suggestion-buttons', 'pandas');
    const post = call?.body as unknown as Message & { replace_original: boolean };
    expect(post.replace_original).toBe(true);
    expect(termBlocks(post)).toEqual(['term:pandas']);
  });
});

describe('request verification and health', () => {
  const body = new URLSearchParams({ command: '/pyterm', text: 'dbt' }).toString();

  it('refuses a bad signature with 401', async () => {
    const res = await sendSigned(app.eventsUrl, body, 'application/x-www-form-urlencoded', {
      secret: 'not-the-secret-000000',
    });
    expect(res.status).toBe(401);
  });

  it('refuses a stale timestamp with 401, even when correctly signed', async () => {
    const stale = Math.floor(Date.now() / 1000) - 10 * 60;
    const res = await sendSigned(app.eventsUrl, body, 'application/x-www-form-urlencoded', {
      timestamp: stale,
      signature: signature(body, stale),
    });
    expect(res.status).toBe(401);
  });

  it('GET /health answers 200 with knowledge counts', async () => {
    const res = await fetch(`${app.baseUrl}/health`);
    expect(res.status).toBe(200);
    const status = (await res.json()) as { status: string; knowledge: { terms: number; roles: number } };
    expect(status.status).toBe('ok');
    expect(status.knowledge.terms).toBeGreaterThanOrEqual(41);
    expect(status.knowledge.roles).toBe(4);
  });
});
