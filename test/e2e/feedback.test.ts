/**
 * What PyHire remembers, over signed HTTP with a real store on each engine (SQLite; PostgreSQL when
 * TEST_DATABASE_URL is set): feedback votes (one per person per answer, a
 * reason for a finding), knowledge-gap counts, the editors' report in the Home tab, and a store lost while serving.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import { blockKitViolations } from '../support/block-kit.ts';
import { sendCommand, sendEvent, sendInteraction } from '../support/signed.ts';
import { fixture, startTestApp, type TestApp } from '../support/test-app.ts';

type Block = { type: string; block_id?: string; elements?: { action_id?: string; value?: string }[] };

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const dirs: string[] = [];
let store: Store;
let app: TestApp;
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh store on each engine: a temporary DATA_DIR, or a schema of its own on the test PostgreSQL. */
async function freshStore(engine: 'sqlite' | 'postgres'): Promise<Store> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'pyhire-feedback-'));
    dirs.push(dir);
    return openStore({ dataDir: dir, databaseUrl: undefined });
  }
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query('DROP SCHEMA IF EXISTS pyhire_e2e CASCADE; CREATE SCHEMA pyhire_e2e');
  await admin.end();
  const url = new URL(TEST_DATABASE_URL as string);
  url.searchParams.set('options', '-c search_path=pyhire_e2e');
  return openStore({ dataDir: '', databaseUrl: url.toString() });
}

let clicks = 0;
/** Clicks a button of a message; returns what PyHire answered through the response_url. */
async function click(user: string, action: { action_id: string; value: string }) {
  const name = `click-${++clicks}`;
  const res = await sendInteraction(app.eventsUrl, {
    type: 'block_actions',
    user: { id: user },
    team: { id: 'T0001' },
    container: { type: 'message', is_ephemeral: true },
    response_url: app.fake.responseUrl(name),
    actions: [{ type: 'button', block_id: 'x', ...action }],
  });
  expect(res.status).toBe(200);
  const [answer] = await app.fake.waitFor(`/respond/${name}`);
  return answer?.body as { text: string; response_type: string; blocks?: Block[] };
}

const pyterm = async (text: string) => {
  const res = await sendCommand(app.eventsUrl, {
    ...fixture<Record<string, string>>('slack/slash-command.json'),
    text,
  });
  return (await res.json()) as { blocks: Block[] };
};

for (const engine of ['sqlite', 'postgres'] as const) {
  const skip = engine === 'postgres' && !TEST_DATABASE_URL;
  describe.skipIf(skip)(
    `remembering on ${engine}${skip ? ' (skipped: TEST_DATABASE_URL unset)' : ''}`,
    () => {
      beforeAll(async () => {
        store = await freshStore(engine);
        app = await startTestApp(undefined, { store, editors: 'U0EDITOR' });
      });
      afterAll(async () => {
        await app?.stop();
        await store?.close();
      });

      describe('feedback on answers', () => {
        it('puts Helpful / Not helpful on a term card, and records one vote per person, acknowledged privately', async () => {
          const card = await pyterm('dbt');
          const buttons = card.blocks.flatMap((b) => b.elements ?? []);
          const helpful = buttons.find((e) => e.action_id === 'feedback:helpful');
          expect(helpful?.value).toBe('term:dbt');
          expect(buttons.some((e) => e.action_id === 'feedback:not-helpful')).toBe(true);
          expect(blockKitViolations(card as never)).toEqual([]);

          const first = await click('U0ALICE', { action_id: 'feedback:helpful', value: 'term:dbt' });
          expect(first.response_type).toBe('ephemeral');
          expect(first.text).toMatch(/^Glad it helped\./);
          const again = await click('U0ALICE', { action_id: 'feedback:not-helpful', value: 'term:dbt' });
          expect(again.text).toContain('your earlier vote on this answer is replaced');
          const report = await app.store?.report(new Date(Date.now() - 60_000));
          expect(report?.feedback.find((f) => f.target === 'term:dbt')).toEqual({
            target: 'term:dbt',
            helpful: 0,
            notHelpful: 1,
            reasons: {},
          });
        });

        it('asks why a finding was not helpful, and stores the reason picked', async () => {
          const ask = await click('U0BOB', {
            action_id: 'feedback:not-helpful',
            value: 'warning:conflating-roles',
          });
          const reasons = (ask.blocks ?? []).flatMap((b) => b.elements ?? []);
          expect(reasons.map((r) => r.action_id)).toEqual([
            'feedback:reason:wrong-finding',
            'feedback:reason:already-handled',
            'feedback:reason:not-relevant',
          ]);
          const done = await click('U0BOB', {
            action_id: 'feedback:reason:already-handled',
            value: 'warning:conflating-roles',
          });
          expect(done.text).toMatch(/^Thanks, noted\./);
          const report = await app.store?.report(new Date(Date.now() - 60_000));
          expect(report?.feedback.find((f) => f.target === 'warning:conflating-roles')).toMatchObject({
            notHelpful: 1,
            reasons: { 'already-handled': 1 },
          });
        });

        it('ignores a feedback button whose value is not an answer id', async () => {
          await sendInteraction(app.eventsUrl, {
            type: 'block_actions',
            user: { id: 'U0MALLORY' },
            response_url: app.fake.responseUrl('bad-feedback'),
            actions: [{ type: 'button', action_id: 'feedback:helpful', value: '<!channel> drop table' }],
          });
          await new Promise((resolve) => setTimeout(resolve, 200));
          expect(app.fake.calls.some((c) => c.path === '/respond/bad-feedback')).toBe(false);
        });
      });

      describe('the knowledge-gap and feedback report', () => {
        it('counts misses by their folded query, and shows the report in an editor’s Home tab only', async () => {
          await pyterm('qzxwv frobnicator');
          await pyterm('QZXWV   frobnicator!');
          const report = await app.store?.report(new Date(Date.now() - 60_000));
          expect(report?.misses[0]).toEqual({ query: 'qzxwvfrobnicator', count: 2 });
          expect(report?.usage.find((u) => u.surface === 'pyterm')?.count).toBeGreaterThanOrEqual(3);

          const home = async (user: string, eventId: string) => {
            const before = app.fake.calls.filter((c) => c.method === 'views.publish').length;
            const base = fixture<{ event: Record<string, unknown> }>('slack/app-home-opened.json');
            await sendEvent(app.eventsUrl, { ...base, event_id: eventId, event: { ...base.event, user } });
            const calls = await app.fake.waitFor('views.publish', before + 1);
            return calls[before]?.body.view as { blocks: Block[] };
          };
          const editorView = await home('U0EDITOR', 'EvHomeEditor');
          const ids = editorView.blocks.map((b) => b.block_id);
          expect(ids).toEqual(expect.arrayContaining(['report-misses', 'report-feedback', 'report-usage']));
          expect(JSON.stringify(editorView)).toContain('qzxwvfrobnicator');
          expect(blockKitViolations(editorView, 'view')).toEqual([]);
          // A workspace admin sees it too (users.info says so); anyone else does not.
          app.fake.on('users.info', (call) =>
            call.body.user === 'U0ADMIN'
              ? { body: { ok: true, user: { id: 'U0ADMIN', is_admin: true } } }
              : undefined,
          );
          const adminView = await home('U0ADMIN', 'EvHomeAdmin');
          expect(adminView.blocks.map((b) => b.block_id)).toContain('report-misses');
          const otherView = await home('U0SOMEONE', 'EvHomeOther');
          expect(otherView.blocks.map((b) => b.block_id)).not.toContain('report-misses');
        });
      });

      describe('/pyhire settings: quiet where asked', () => {
        const CONFLATED =
          'We need one Python developer to build our Django REST API and also train our PyTorch models';
        let mentions = 0;
        const mention = async (channel: string) => {
          const base = fixture<{ event: Record<string, unknown> }>('slack/app-mention.json');
          const before = app.fake.calls.filter((c) => c.method === 'chat.postMessage').length;
          await sendEvent(app.eventsUrl, {
            ...base,
            event_id: `EvQuiet${++mentions}`,
            event: {
              ...base.event,
              channel,
              ts: `17000090${mentions}.000100`,
              text: `<@UBOT00001> ${CONFLATED}`,
            },
          });
          const posts = await app.fake.waitFor('chat.postMessage', before + 1);
          const reply = posts[before]?.body as { blocks: Block[] } | undefined;
          return (reply?.blocks ?? []).map((b) => b.block_id ?? '');
        };
        const settings = async (channel: string) => {
          const res = await sendCommand(app.eventsUrl, {
            ...fixture<Record<string, string>>('slack/slash-command.json'),
            command: '/pyhire',
            text: 'settings',
            channel_id: channel,
          });
          return (await res.json()) as { text: string; blocks: Block[] };
        };
        const control = async (channel: string, action: Record<string, unknown>) => {
          const name = `settings-${++mentions}`;
          await sendInteraction(app.eventsUrl, {
            type: 'block_actions',
            user: { id: 'U0LEAD' },
            channel: { id: channel },
            container: { type: 'message', is_ephemeral: true },
            response_url: app.fake.responseUrl(name),
            actions: [{ block_id: 'settings-actions', ...action }],
          });
          const [answer] = await app.fake.waitFor(`/respond/${name}`);
          return answer?.body as { text: string; replace_original: boolean; blocks: Block[] };
        };

        it('turns findings off in one channel (answers still work), and back on', async () => {
          expect(await mention('C0LOUD')).toContain('warning:conflating-roles');
          const panel = await settings('C0QUIET');
          expect(panel.text).toBe('Findings are on in this channel.');
          expect(blockKitViolations(panel as never)).toEqual([]);
          const off = await control('C0QUIET', {
            type: 'button',
            action_id: 'settings:findings-off',
            value: 'C0QUIET',
          });
          expect(off.replace_original).toBe(true);
          expect(off.text).toBe('Findings are off in this channel.');
          const quiet = await mention('C0QUIET');
          expect(quiet.some((id) => id.startsWith('warning:'))).toBe(false);
          expect(await mention('C0LOUD')).toContain('warning:conflating-roles');
          await control('C0QUIET', { type: 'button', action_id: 'settings:findings-on', value: 'C0QUIET' });
          expect(await mention('C0QUIET')).toContain('warning:conflating-roles');
        });

        it('mutes one finding in a channel', async () => {
          const muted = await control('C0MUTE', {
            type: 'static_select',
            action_id: 'settings:mute',
            selected_option: { value: 'conflating-roles' },
          });
          expect(JSON.stringify(muted)).toContain('Conflating different Python roles');
          expect(await mention('C0MUTE')).not.toContain('warning:conflating-roles');
          expect((await app.store?.channelSettings('C0MUTE'))?.muted).toEqual(['conflating-roles']);
        });

        it('answers /pyhire without "settings" with what it does', async () => {
          const res = await sendCommand(app.eventsUrl, {
            ...fixture<Record<string, string>>('slack/slash-command.json'),
            command: '/pyhire',
            text: 'help',
          });
          expect(((await res.json()) as { text: string }).text).toContain('/pyhire settings');
        });
      });
    },
  );
}

describe('a store lost while serving', () => {
  it('still answers; the vote is dropped with a warning, never a crash', async () => {
    const lost = await openStore({
      dataDir: mkdtempSync(path.join(tmpdir(), 'pyhire-lost-')),
      databaseUrl: undefined,
    });
    const broken = await startTestApp(undefined, { store: lost });
    try {
      await lost.close(); // every call now fails
      const res = await sendCommand(broken.eventsUrl, {
        ...fixture<Record<string, string>>('slack/slash-command.json'),
        text: 'qzxwv',
      });
      expect(res.status).toBe(200);
      expect(JSON.stringify(await res.json())).toContain('no-match');
      const name = 'lost-vote';
      await sendInteraction(broken.eventsUrl, {
        type: 'block_actions',
        user: { id: 'U0ALICE' },
        response_url: broken.fake.responseUrl(name),
        actions: [{ type: 'button', action_id: 'feedback:helpful', value: 'term:dbt' }],
      });
      const [answer] = await broken.fake.waitFor(`/respond/${name}`);
      expect(String(answer?.body.text)).toContain("couldn't save it");
      expect(broken.logs.some((l) => l.includes('the store is unavailable'))).toBe(true);
    } finally {
      await broken.stop();
    }
  });
});
