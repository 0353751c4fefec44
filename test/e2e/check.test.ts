/**
 * Checking a job description or resume over signed HTTP: the message shortcut (private answer, Share into the
 * thread), the global shortcut's modal, PDF and .docx files served by the fake Slack, a posting in another language,
 * files PyHire refuses, and a thread where a finding was already raised.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockKitViolations } from '../support/block-kit.ts';
import { makeDocx, makePdf } from '../support/documents.ts';
import { BOT_USER_ID } from '../support/fake-slack.ts';
import { sendEvent, sendInteraction } from '../support/signed.ts';
import { fixture, startTestApp, type TestApp } from '../support/test-app.ts';

type Block = { type: string; block_id?: string; elements?: { action_id?: string; value?: string }[] };
type Message = {
  text: string;
  response_type?: string;
  blocks: Block[];
  thread_ts?: string;
  channel?: string;
};

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.stop();
});

const JD = `Senior Data Engineer — Lumen Freight — London — £85-100k

What you'll do
- Build and own our ETL pipelines into Snowflake
- Write a lot of SQL and model the data with dbt

Requirements
- 4+ years as a data engineer
- Strong SQL`;

const CONFLATED_JD = `Founding Engineer — Tallow — £90k

You'll do three jobs:
- Backend: build our Django REST API and the PostgreSQL schema behind it
- Data: build the Airflow pipelines into BigQuery and write the SQL models in dbt
- ML: train and serve the PyTorch ranking models

Apply with your CV.`;

const RESUME_LINES = [
  'Amara Okafor',
  'amara.okafor@example.com',
  'EXPERIENCE',
  'Backend Engineer — Tillpoint — 2020 – present',
  '- Built REST APIs in Django serving 2M requests a day',
  '- Wrote pytest suites and added type hints checked with mypy',
  'EDUCATION',
  'BSc Computer Science, University of Leeds, 2019',
];

const blockIds = (m: { blocks: Block[] }) => m.blocks.map((b) => b.block_id ?? '');
let shortcuts = 0;

/** A message shortcut ("Check with PyHire") on `message`; returns the response_url path it answers through. */
async function checkWithPyHire(message: Record<string, unknown>) {
  const name = `check-${++shortcuts}`;
  const payload = {
    type: 'message_action',
    callback_id: 'check_message',
    trigger_id: '111.222.xxx',
    team: { id: 'T0001', domain: 'example' },
    user: { id: 'U0RECRUIT', name: 'rita' },
    channel: { id: 'C0HIRING', name: 'hiring' },
    message_ts: String(message.ts),
    message: { type: 'message', user: 'U0AUTHOR', ...message },
    response_url: app.fake.responseUrl(name),
  };
  const started = Date.now();
  const res = await sendInteraction(app.eventsUrl, payload);
  expect(res.status).toBe(200);
  expect(Date.now() - started).toBeLessThan(3_000);
  return `/respond/${name}`;
}

async function answerAt(path: string): Promise<Message> {
  const [call] = await app.fake.waitFor(path);
  const body = call?.body as unknown as Message;
  expect(blockKitViolations(body)).toEqual([]);
  return body;
}

describe('the message shortcut "Check with PyHire"', () => {
  it('answers privately with the job-description card, and Share posts it in the message thread', async () => {
    const path = await checkWithPyHire({ text: JD, ts: '1700000500.000100' });
    const answer = await answerAt(path);
    expect(answer.response_type).toBe('ephemeral');
    const ids = blockIds(answer);
    expect(ids).toEqual(
      expect.arrayContaining(['doc-kind:jd', 'role-focus:data', 'missing:pandas', 'missing:orchestration']),
    );
    expect(ids).not.toContain('missing:sql-mastery');
    const share = answer.blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'share_check');
    expect(share?.value).toBe('C0HIRING 1700000500.000100 1700000500.000100');
    // The kit button for the role the posting describes.
    expect(JSON.stringify(answer)).toContain('open_role:data');

    // Share: PyHire reads the message again (it must be in the channel to post there) and answers in its thread.
    app.fake.on('conversations.replies', (call) =>
      call.body.ts === '1700000500.000100'
        ? {
            body: {
              ok: true,
              messages: [{ type: 'message', user: 'U0AUTHOR', text: JD, ts: '1700000500.000100' }],
            },
          }
        : undefined,
    );
    const before = app.fake.calls.filter((c) => c.method === 'chat.postMessage').length;
    const res = await sendInteraction(app.eventsUrl, {
      type: 'block_actions',
      user: { id: 'U0RECRUIT' },
      team: { id: 'T0001' },
      container: {
        type: 'message',
        message_ts: '1700000600.000200',
        channel_id: 'C0HIRING',
        is_ephemeral: true,
      },
      channel: { id: 'C0HIRING' },
      response_url: app.fake.responseUrl('share-check-1'),
      trigger_id: '1.2.3',
      actions: [
        { type: 'button', action_id: 'share_check', block_id: 'document-actions', value: share?.value },
      ],
    });
    expect(res.status).toBe(200);
    const posts = await app.fake.waitFor('chat.postMessage', before + 1);
    const shared = posts[before]?.body as unknown as Message;
    expect(shared.channel).toBe('C0HIRING');
    expect(shared.thread_ts).toBe('1700000500.000100');
    expect(blockIds(shared)).toContain('role-focus:data');
    expect(JSON.stringify(shared)).toContain('Shared by <@U0RECRUIT>');
    expect(blockKitViolations(shared)).toEqual([]);
    // The private copy is removed once the check is in the thread.
    const [cleanup] = await app.fake.waitFor('/respond/share-check-1');
    expect(cleanup?.body.delete_original).toBe(true);
  });

  it('explains privately when it cannot post in the channel', async () => {
    app.fake.on('conversations.replies', (call) =>
      call.body.channel === 'C0PRIVATE' ? { body: { ok: false, error: 'not_in_channel' } } : undefined,
    );
    await sendInteraction(app.eventsUrl, {
      type: 'block_actions',
      user: { id: 'U0RECRUIT' },
      container: { type: 'message', is_ephemeral: true },
      response_url: app.fake.responseUrl('share-check-2'),
      actions: [
        { type: 'button', action_id: 'share_check', value: 'C0PRIVATE 1700000700.000100 1700000700.000100' },
      ],
    });
    const [answer] = await app.fake.waitFor('/respond/share-check-2');
    expect(String(answer?.body.text)).toContain('/invite @PyHire');
    expect(answer?.body.response_type).toBe('ephemeral');
  });

  it('reads a resume pasted as text, with its flags and the line that shows each', async () => {
    const path = await checkWithPyHire({ text: RESUME_LINES.join('\n'), ts: '1700000800.000100' });
    const answer = await answerAt(path);
    const ids = blockIds(answer);
    expect(ids).toEqual(
      expect.arrayContaining([
        'doc-kind:resume',
        'role-focus:backend',
        'flag:specific-frameworks',
        'flag:testing',
        'flag:type-hints',
        'flag:production-scale',
      ]),
    );
    expect(ids).toContain('no-scoring');
    expect(JSON.stringify(answer)).toContain('2M requests a day');
  });

  it('reads a PDF attached to the message with the bot token, and says which file it read', async () => {
    const url = app.fake.serveFile('senior-data-engineer.pdf', makePdf(JD.split('\n')));
    const path = await checkWithPyHire({
      text: 'JD attached',
      ts: '1700000900.000100',
      files: [
        {
          id: 'F0PDF',
          name: 'senior-data-engineer.pdf',
          filetype: 'pdf',
          mimetype: 'application/pdf',
          size: 2000,
          url_private: url,
        },
      ],
    });
    const answer = await answerAt(path);
    expect(blockIds(answer)).toEqual(expect.arrayContaining(['doc-kind:jd', 'role-focus:data']));
    expect(JSON.stringify(answer)).toContain('senior-data-engineer.pdf');
    const download = app.fake.calls.find(
      (c) => c.method === 'file' && c.path.includes('senior-data-engineer'),
    );
    expect(download?.headers.authorization).toBe('Bearer xoxb-test-0000');
  });

  it('says an attached posting in another language was not checked, rather than giving it an all-clear', async () => {
    // Two roles' work in one German posting: read as English it would be flagged; it is told it was not read.
    const german = [
      'Python-Entwickler (m/w/d) für unser Kundenportal',
      'Deine Aufgaben:',
      '- Du entwickelst die REST-APIs des Portals mit Django und bist für die Datenpipelines in Airflow verantwortlich',
      '- Du betreust auch die Kubernetes-Cluster und trainierst die Modelle mit PyTorch',
      'Das bringst du mit:',
      '- Mindestens 5 Jahre Erfahrung mit Python, wir freuen uns auf deine Bewerbung',
    ];
    const url = app.fake.serveFile('stellenanzeige.docx', await makeDocx(german));
    const path = await checkWithPyHire({
      text: 'Stellenanzeige anbei',
      ts: '1700000950.000100',
      files: [{ id: 'F0DE', name: 'stellenanzeige.docx', filetype: 'docx', size: 5000, url_private: url }],
    });
    const answer = await answerAt(path);
    const ids = blockIds(answer);
    expect(ids).toContain('doc-kind:message');
    expect(ids.filter((id) => id.startsWith('warning:') || id.startsWith('role-focus:'))).toEqual([]);
    const card = JSON.stringify(answer);
    expect(card).toContain('stellenanzeige.docx');
    expect(card).toContain('reads as another language than English');
    expect(card).toContain('So I did not check it');
    expect(card).not.toContain('spotted none');
  });

  it('refuses a file over the size limit without downloading it, and says the limit', async () => {
    const url = app.fake.serveFile('huge.pdf', makePdf(['x']));
    const path = await checkWithPyHire({
      text: '',
      ts: '1700001000.000100',
      files: [{ id: 'F0BIG', name: 'huge.pdf', filetype: 'pdf', size: 9 * 1024 * 1024, url_private: url }],
    });
    const [call] = await app.fake.waitFor(path);
    expect(String(call?.body.text)).toMatch(/huge\.pdf\* is 9\.0 MB; I read files up to 5\.0 MB/);
    expect(app.fake.calls.some((c) => c.method === 'file' && c.path.includes('huge'))).toBe(false);
  });

  it('says a scanned PDF has no text to read', async () => {
    const url = app.fake.serveFile('scan.pdf', makePdf([]));
    const path = await checkWithPyHire({
      ts: '1700001100.000100',
      files: [{ id: 'F0SCAN', name: 'scan.pdf', filetype: 'pdf', size: 900, url_private: url }],
    });
    const [call] = await app.fake.waitFor(path);
    expect(String(call?.body.text)).toContain('looks like a scanned image');
  });

  it('never sends the bot token to a file address outside Slack', async () => {
    const path = await checkWithPyHire({
      ts: '1700001200.000100',
      files: [
        {
          id: 'F0EVIL',
          name: 'cv.pdf',
          filetype: 'pdf',
          size: 900,
          url_private: 'https://evil.example/cv.pdf',
        },
      ],
    });
    const [call] = await app.fake.waitFor(path);
    expect(String(call?.body.text)).toContain('I only download files stored in Slack');
  });

  it('checks the text when the attached file cannot be read, and says why once, escaped once', async () => {
    const path = await checkWithPyHire({
      text: JD,
      ts: '1700001250.000100',
      files: [
        {
          id: 'F0RD',
          name: 'R&D <jd>.pdf',
          filetype: 'pdf',
          size: 900,
          url_private: 'https://evil.example/jd.pdf',
        },
      ],
    });
    const answer = await answerAt(path);
    const kind = JSON.stringify(answer.blocks.find((b) => b.block_id === 'doc-kind:jd'));
    expect(kind).toContain('R&amp;D &lt;jd&gt;.pdf');
    expect(kind).not.toContain('&amp;amp;');
  });

  it('answers a message with nothing to read in a friendly way', async () => {
    const path = await checkWithPyHire({ text: '   ', ts: '1700001300.000100' });
    const [call] = await app.fake.waitFor(path);
    expect(String(call?.body.text)).toContain('no text for me to check');
  });
});

describe('the global shortcut "Check JD or resume"', () => {
  it('opens the form with the trigger id', async () => {
    const res = await sendInteraction(app.eventsUrl, {
      type: 'shortcut',
      callback_id: 'check_text',
      trigger_id: '999.888.form',
      user: { id: 'U0RECRUIT' },
      team: { id: 'T0001' },
    });
    expect(res.status).toBe(200);
    const [open] = await app.fake.waitFor('views.open');
    expect(open?.body.trigger_id).toBe('999.888.form');
    const view = open?.body.view as { callback_id: string; blocks: Block[] };
    expect(view.callback_id).toBe('check_text_form');
    expect(blockIds(view)).toEqual(expect.arrayContaining(['check_text', 'check_role']));
    expect(blockKitViolations(view, 'view')).toEqual([]);
  });

  const submit = (text: string, role?: string) =>
    sendInteraction(app.eventsUrl, {
      type: 'view_submission',
      user: { id: 'U0RECRUIT' },
      team: { id: 'T0001' },
      view: {
        id: 'V0FORM',
        type: 'modal',
        callback_id: 'check_text_form',
        state: {
          values: {
            check_text: { text: { type: 'plain_text_input', value: text } },
            check_role: { role: { type: 'static_select', selected_option: role ? { value: role } : null } },
          },
        },
      },
    });

  it('answers an empty submission with an error on the text field', async () => {
    const res = await submit('   ');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors.check_text).toContain('Paste a job description');
  });

  it('replaces the form with the result, reading the role picked', async () => {
    const res = await submit(RESUME_LINES.join('\n'), 'backend');
    const body = (await res.json()) as { response_action: string; view: { blocks: Block[] } };
    expect(body.response_action).toBe('update');
    expect(blockIds(body.view)).toEqual(
      expect.arrayContaining(['doc-kind:resume', 'flag:domain-match', 'hiring-for']),
    );
    expect(blockKitViolations(body.view, 'view')).toEqual([]);
  });
});

describe('mentions with documents', () => {
  let events = 0;
  const mention = async (fields: Record<string, unknown>) => {
    const base = fixture<{ event: Record<string, unknown> }>('slack/app-mention.json');
    const res = await sendEvent(app.eventsUrl, {
      ...base,
      event_id: `EvDoc${++events}`,
      event: { ...base.event, ...fields },
    });
    expect(res.status).toBe(200);
  };

  it('reads a .docx resume attached to a mention', async () => {
    const url = app.fake.serveFile('amara.docx', await makeDocx(RESUME_LINES));
    const before = app.fake.calls.filter((c) => c.method === 'chat.postMessage').length;
    await mention({
      text: `<@${BOT_USER_ID}> can you read this?`,
      ts: '1700002000.000100',
      files: [{ id: 'F0DOCX', name: 'amara.docx', filetype: 'docx', size: 5000, url_private: url }],
    });
    const posts = await app.fake.waitFor('chat.postMessage', before + 1);
    const reply = posts[before]?.body as unknown as Message;
    expect(blockIds(reply)).toEqual(expect.arrayContaining(['doc-kind:resume', 'flag:testing']));
    expect(reply.thread_ts).toBe('1700002000.000100');
  });

  it('does not raise again in a thread a finding it already raised there', async () => {
    app.fake.on('conversations.replies', (call) =>
      call.body.ts === '1700003000.000100'
        ? {
            body: {
              ok: true,
              messages: [
                { type: 'message', user: 'U0AUTHOR', text: 'draft JD below', ts: '1700003000.000100' },
                {
                  type: 'message',
                  user: BOT_USER_ID,
                  bot_id: 'B0001',
                  ts: '1700003001.000100',
                  text: 'Possible hiring mistakes',
                  blocks: [{ type: 'section', block_id: 'warning:conflating-roles' }],
                },
              ],
            },
          }
        : undefined,
    );
    const before = app.fake.calls.filter((c) => c.method === 'chat.postMessage').length;
    await mention({
      text: `<@${BOT_USER_ID}> ${CONFLATED_JD}`,
      ts: '1700003002.000100',
      thread_ts: '1700003000.000100',
    });
    const posts = await app.fake.waitFor('chat.postMessage', before + 1);
    const reply = posts[before]?.body as unknown as Message;
    const ids = blockIds(reply);
    expect(ids).toEqual(
      expect.arrayContaining(['doc-kind:jd', 'role-focus:backend', 'role-focus:data', 'role-focus:ml']),
    );
    expect(ids).not.toContain('warning:conflating-roles');
  });

  it('raises the finding in a new thread', async () => {
    const before = app.fake.calls.filter((c) => c.method === 'chat.postMessage').length;
    await mention({ text: `<@${BOT_USER_ID}> ${CONFLATED_JD}`, ts: '1700004000.000100' });
    const posts = await app.fake.waitFor('chat.postMessage', before + 1);
    expect(blockIds(posts[before]?.body as unknown as Message)).toContain('warning:conflating-roles');
  });
});
