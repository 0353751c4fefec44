/** /pyrole, its buttons and the Home tab through the real Bolt app over signed HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockKitViolations } from '../support/block-kit.ts';
import { sendCommand, sendEvent, sendInteraction } from '../support/signed.ts';
import { fixture, startTestApp, type TestApp } from '../support/test-app.ts';

type Block = {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: { action_id: string; value?: string }[];
};
type Message = { text: string; response_type?: string; replace_original?: boolean; blocks: Block[] };

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

const pyrole = async (text: string) => {
  const res = await sendCommand(app.eventsUrl, {
    ...fixture<Record<string, string>>('slack/slash-command.json'),
    command: '/pyrole',
    text,
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as Message;
  expect(blockKitViolations(body)).toEqual([]);
  return body;
};
const roleBlocks = (m: Message) =>
  m.blocks.map((b) => b.block_id ?? '').filter((id) => id.startsWith('role:'));
const buttons = (m: Message) => m.blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []);

/** Clicks a button of a private message: a block_actions payload whose response_url is on the fake. */
async function click(actionId: string, value: string, path: string) {
  const base = fixture<{ actions: Record<string, unknown>[] }>('slack/block-actions.json');
  const payload = {
    ...base,
    response_url: app.fake.responseUrl(path),
    actions: [{ ...base.actions[0], action_id: actionId, value }],
  };
  expect((await sendInteraction(app.eventsUrl, payload)).status).toBe(200);
  const [call] = await app.fake.waitFor(`/respond/${path}`);
  const message = call?.body as unknown as Message;
  expect(blockKitViolations(message)).toEqual([]);
  return message;
}

describe('/pyrole over signed HTTP', () => {
  it("data engineer: the data kit with the guide's three questions, each with listen-for points", async () => {
    const body = await pyrole('data engineer');
    expect(body.response_type).toBe('ephemeral');
    expect(roleBlocks(body)).toEqual(['role:data']);
    const sections = body.blocks.map((b) => b.text?.text ?? '');
    for (const question of [
      'How would you design a pipeline processing 1TB daily?',
      'Explain slowly changing dimensions',
      "Debug this Pandas code that's slow",
    ]) {
      const block = sections.find((text) => text.includes(question));
      expect(block, question).toBeDefined();
      expect(block).toMatch(/Listen for:_\n• .+\n• .+\n• .+/);
    }
    expect(JSON.stringify(body)).toMatch(/SQL matters more than Python/);
    expect(buttons(body).map((b) => b.action_id)).toEqual([
      'share',
      'role_questions:data',
      'feedback:helpful',
      'feedback:not-helpful',
    ]);
  });

  it('alone or with help: a role picker whose buttons open the kit in place', async () => {
    for (const text of ['', 'help']) {
      const body = await pyrole(text);
      expect(roleBlocks(body)).toEqual([]);
      expect(buttons(body).map((b) => b.action_id)).toEqual([
        'open_role:backend',
        'open_role:data',
        'open_role:ml',
        'open_role:devops',
      ]);
    }
    const kit = await click('open_role:ml', 'ml', 'picker-1');
    expect(kit.replace_original).toBe(true);
    expect(roleBlocks(kit)).toEqual(['role:ml']);
  });

  it('compare: two roles side by side, with what transfers and why one person rarely covers both', async () => {
    const body = await pyrole('compare backend data');
    expect(body.blocks.some((b) => b.block_id === 'compare:backend:data')).toBe(true);
    const json = JSON.stringify(body);
    expect(json).toContain('What transfers');
    expect(json).toContain('Why one person rarely covers both');
    const pair = await click('compare_roles:data:ml', 'data:ml', 'compare-1');
    expect(pair.blocks.some((b) => b.block_id === 'compare:data:ml')).toBe(true);
  });

  it('"All questions with what to listen for" shows every point and red flag', async () => {
    const more = await click('role_questions:backend', 'backend', 'more-1');
    expect(more.replace_original).toBe(true);
    expect(more.blocks.some((b) => b.block_id === 'role-questions:backend')).toBe(true);
    expect(JSON.stringify(more)).toContain('Red flags');
    expect(buttons(more).map((b) => b.action_id)).toEqual(['open_role:backend']);
  });

  it('data scientist: says honestly there is no kit and offers the closest ones', async () => {
    const body = await pyrole('data scientist');
    expect(roleBlocks(body)).toEqual([]);
    expect(JSON.stringify(body)).toMatch(/NOT an ML engineer/i);
    expect(buttons(body).map((b) => b.action_id)).toEqual(['open_role:ml', 'open_role:data']);
  });

  it('shares a kit in the channel, naming who shared it', async () => {
    const shared = await click('share', 'role:devops', 'share-role');
    expect(shared.response_type).toBe('in_channel');
    expect(roleBlocks(shared)).toEqual(['role:devops']);
    expect(JSON.stringify(shared)).toContain('Shared by <@U0RECRUIT>');
  });
});

describe('Home tab', () => {
  it('app_home_opened publishes the Home view for that user', async () => {
    const res = await sendEvent(app.eventsUrl, fixture('slack/app-home-opened.json'));
    expect(res.status).toBe(200);
    const [publish] = await app.fake.waitFor('views.publish');
    expect(publish?.body.user_id).toBe('U0MANAGER');
    const view = publish?.body.view as { type: string; blocks: Block[] };
    expect(view.type).toBe('home');
    expect(blockKitViolations(view, 'view')).toEqual([]);
    expect(JSON.stringify(view)).toContain('open_role:devops');
  });

  it('a role button on the Home tab opens the kit in a modal', async () => {
    const res = await sendInteraction(app.eventsUrl, fixture('slack/block-actions-home.json'));
    expect(res.status).toBe(200);
    const [open] = await app.fake.waitFor('views.open');
    expect(open?.body.trigger_id).toBe('1234.5678.home-trigger');
    const view = open?.body.view as { type: string; blocks: Block[] };
    expect(view.type).toBe('modal');
    expect(view.blocks.some((b) => b.block_id === 'role:data')).toBe(true);
    expect(JSON.stringify(view)).not.toContain('"action_id":"share"');
    expect(blockKitViolations(view, 'view')).toEqual([]);
  });
});
