/** `@PyHire …` in a channel: answers in the mention's thread, never as a new top-level message. */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerMention } from '../../knowledge/index.ts';
import { decodeSlackText } from '../../render/escape.ts';
import { renderMentionAnswer } from '../../render/mentions.ts';
import type { ListenerDeps } from '../deps.ts';

export const appMentionEvent =
  ({ knowledge }: ListenerDeps) =>
  async ({ event, client }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs) => {
    const answer = answerMention(knowledge, decodeSlackText(event.text ?? ''));
    await client.chat.postMessage({
      channel: event.channel,
      thread_ts: event.thread_ts ?? event.ts,
      ...renderMentionAnswer(answer),
    });
  };
