/**
 * "Check with PyHire" on any message (message shortcut `check_message`), "Check a job description or resume" from
 * anywhere (global shortcut `check_text`, a modal), and the Share button that posts a private check in the checked
 * message's thread. The message shortcut answers through its response_url, so it needs no history scope and works
 * where PyHire is not a member.
 */
import type {
  AllMiddlewareArgs,
  BlockButtonAction,
  GlobalShortcut,
  MessageShortcut,
  SlackActionMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import { checkDocument } from '../../knowledge/index.ts';
import { renderDocumentCheck } from '../../render/documents.ts';
import { escapeMrkdwn, mentionUser } from '../../render/escape.ts';
import { CHECK_FORM, checkFormView, checkResultView } from '../../render/views.ts';
import type { ListenerDeps } from '../deps.ts';
import { checkMessage, hiddenFindings, withoutHidden } from '../documents.ts';
import { stringField } from '../fields.ts';

/** Callback ids; manifest.yml declares the shortcuts with exactly these. */
export const SHORTCUTS = { checkMessage: 'check_message', checkText: 'check_text' } as const;

type MessageShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;
type GlobalShortcutArgs = SlackShortcutMiddlewareArgs<GlobalShortcut> & AllMiddlewareArgs;
type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** Messages of a thread read when sharing a check, at most. */
const MAX_THREAD_MESSAGES = 200;

/** The Share button's value: where the checked message is. Ids and timestamps hold no spaces. */
const shareValue = (channel: string, ts: string, threadTs: string) => `${channel} ${ts} ${threadTs}`;

export const checkMessageShortcut =
  ({ knowledge, slackApiUrl, store }: ListenerDeps) =>
  async ({ ack, shortcut, respond, context, logger }: MessageShortcutArgs) => {
    await ack();
    await store?.recordUse('check');
    if (typeof shortcut.response_url !== 'string' || typeof respond !== 'function') {
      logger.debug('a message shortcut came without a response_url; nothing to answer');
      return;
    }
    const message = (shortcut.message ?? {}) as Record<string, unknown>;
    const result = await checkMessage(message, { knowledge, token: context.botToken, apiUrl: slackApiUrl });
    if (!result.ok) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: result.problem });
      return;
    }
    const channel = stringField((shortcut.channel as { id?: unknown } | undefined)?.id);
    const ts = stringField(message.ts) || stringField(shortcut.message_ts);
    const threadTs = stringField(message.thread_ts) || ts;
    const { check, source, notes } = result.document;
    const shareable = channel !== '' && ts !== '';
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      ...renderDocumentCheck(check, {
        source,
        notes,
        ...(shareable ? { shareValue: shareValue(channel, ts, threadTs) } : {}),
      }),
    });
  };

/** Share in thread: reads the checked message again (PyHire must be in the channel to post there anyway). */
export const shareCheckAction =
  ({ knowledge, slackApiUrl, store }: ListenerDeps) =>
  async ({ ack, action, body, client, context, respond, logger }: ButtonArgs) => {
    await ack();
    const say = async (text: string) => {
      if (typeof body.response_url === 'string' && typeof respond === 'function')
        await respond({ response_type: 'ephemeral', replace_original: false, text });
    };
    const [channel = '', ts = '', threadTs = ts] = stringField(action.value).split(' ');
    if (channel === '' || ts === '') {
      await say('That check can no longer be shared. Run *Check with PyHire* on the message again.');
      return;
    }
    let messages: unknown[];
    try {
      const replies = await client.conversations.replies({
        channel,
        ts: threadTs,
        limit: MAX_THREAD_MESSAGES,
      });
      messages = replies.messages ?? [];
    } catch (error) {
      const reason = (error as { data?: { error?: string } }).data?.error ?? 'an error';
      logger.warn('could not read the checked message', { method: 'conversations.replies', error: reason });
      await say(
        `I can only post in channels I'm a member of (Slack said: ${escapeMrkdwn(reason)}). Invite me with \`/invite @PyHire\`, then share again.`,
      );
      return;
    }
    const target = messages.find((m) => (m as { ts?: unknown }).ts === ts) as
      | Record<string, unknown>
      | undefined;
    if (!target) {
      await say('I could not find that message any more; it may have been deleted.');
      return;
    }
    const result = await checkMessage(target, { knowledge, token: context.botToken, apiUrl: slackApiUrl });
    if (!result.ok) {
      await say(result.problem);
      return;
    }
    // A check shared into a channel follows the channel's settings, as a mention reply does.
    const raised = await hiddenFindings(knowledge, store, channel, messages, context);
    const { check, source, notes } = result.document;
    try {
      await client.chat.postMessage({
        channel,
        thread_ts: threadTs,
        ...renderDocumentCheck(withoutHidden(check, raised), {
          source,
          notes,
          sharedBy: mentionUser(stringField(body.user?.id)),
        }),
      });
    } catch (error) {
      const reason = (error as { data?: { error?: string } }).data?.error ?? 'an error';
      logger.warn('could not share a check', { method: 'chat.postMessage', error: reason });
      await say(
        `I couldn't post in that thread (Slack said: ${escapeMrkdwn(reason)}). Invite me with \`/invite @PyHire\` and try again.`,
      );
      return;
    }
    // The private copy has done its job once the check is in the thread.
    if (typeof body.response_url === 'string' && typeof respond === 'function')
      await respond({ delete_original: true });
  };

export const checkTextShortcut =
  ({ knowledge }: ListenerDeps) =>
  async ({ ack, shortcut, client }: GlobalShortcutArgs) => {
    await ack();
    await client.views.open({ trigger_id: shortcut.trigger_id, view: checkFormView(knowledge.roles) });
  };

/** The form's fields (block_id → action_id), read on submission. */
export const CHECK_FIELDS = { text: ['check_text', 'text'], role: ['check_role', 'role'] } as const;

export const checkTextSubmission =
  ({ knowledge, store }: ListenerDeps) =>
  async ({ ack, view }: SubmitArgs) => {
    const values = (view?.state?.values ?? {}) as Record<
      string,
      Record<string, { value?: unknown; selected_option?: { value?: unknown } | null }>
    >;
    const text = stringField(values[CHECK_FIELDS.text[0]]?.[CHECK_FIELDS.text[1]]?.value);
    const role = stringField(values[CHECK_FIELDS.role[0]]?.[CHECK_FIELDS.role[1]]?.selected_option?.value);
    if (text.trim().length < 20) {
      await ack({
        response_action: 'errors',
        errors: {
          [CHECK_FIELDS.text[0]]:
            text.trim() === ''
              ? 'Paste a job description, a resume or a hiring message to check.'
              : 'That is too short to check: paste the whole job description, resume or message.',
        },
      });
      return;
    }
    // Typed into a modal, the text is as written: no Slack escaping to undo.
    const check = checkDocument(knowledge, text, knowledge.roleById.has(role) ? { hiringFor: role } : {});
    await ack({ response_action: 'update', view: checkResultView(renderDocumentCheck(check)) });
    await store?.recordUse('check');
  };

export { CHECK_FORM };
