/** `@PyHire …`: answers in the mention's thread (never a new top-level message); `@PyHire review` reviews the thread. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import {
  answerMention,
  answerThreadReview,
  INTRO_ANSWER,
  isReviewRequest,
  type MentionAnswer,
} from '../../knowledge/index.ts';
import { message } from '../../render/blocks.ts';
import { decodeSlackText, escapeMrkdwn } from '../../render/escape.ts';
import { renderMentionAnswer } from '../../render/mentions.ts';
import type { ListenerDeps } from '../deps.ts';
import { isFromBot, stringField } from '../fields.ts';

/** Earlier messages of a thread read for a review, at most. */
const MAX_THREAD_MESSAGES = 200;

export const appMentionEvent =
  ({ knowledge }: ListenerDeps) =>
  async ({ event, client, context, logger }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs) => {
    // Two bots that answer each other's mentions would loop.
    if (isFromBot(event)) {
      logger.debug('not answering a mention from a bot', { bot_id: stringField(event.bot_id) });
      return;
    }
    const text = decodeSlackText(stringField(event.text));
    const thread_ts = event.thread_ts ?? event.ts;
    let answer: MentionAnswer;
    if (event.thread_ts && isReviewRequest(text)) {
      try {
        const replies = await client.conversations.replies({
          channel: event.channel,
          ts: event.thread_ts,
          limit: MAX_THREAD_MESSAGES,
        });
        const earlier = (replies.messages ?? []).filter(
          (m) =>
            m.ts !== event.ts && Number(m.ts) < Number(event.ts) && !m.bot_id && m.user !== context.botUserId,
        );
        answer = answerThreadReview(
          knowledge,
          earlier.map((m) => decodeSlackText(stringField(m.text))),
        );
      } catch (error) {
        const reason = (error as { data?: { error?: string } }).data?.error ?? 'an error';
        logger.warn('could not read thread', { method: 'conversations.replies', error: reason });
        await client.chat.postMessage({
          channel: event.channel,
          thread_ts,
          ...message(
            `I couldn't read this thread (Slack said: ${escapeMrkdwn(reason)}). Invite me to the channel with \`/invite @PyHire\`, or paste the text in a mention.`,
            [],
          ),
        });
        return;
      }
    } else {
      // "@PyHire review" outside a thread has nothing to review: say what PyHire can do.
      answer = isReviewRequest(text) ? INTRO_ANSWER : answerMention(knowledge, text);
    }
    await client.chat.postMessage({ channel: event.channel, thread_ts, ...renderMentionAnswer(answer) });
  };
