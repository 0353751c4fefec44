/**
 * `@PyHire …`: answers in the mention's thread (never a new top-level message). A pasted job description or resume,
 * or a PDF/.docx attached to the mention, gets the document check's card; `@PyHire review` in a thread checks the
 * thread's documents and reviews its messages. A finding PyHire already raised in the thread is not raised again,
 * and none the channel turned off or muted (`/pyhire settings`).
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { readableFiles } from '../../files.ts';
import {
  answerMention,
  answerThreadReview,
  type Finding,
  INTRO_ANSWER,
  isReviewRequest,
} from '../../knowledge/index.ts';
import { message, type SlackMessage } from '../../render/blocks.ts';
import { renderDocumentCheck } from '../../render/documents.ts';
import { decodeSlackText, escapeMrkdwn } from '../../render/escape.ts';
import { renderMentionAnswer } from '../../render/mentions.ts';
import type { ListenerDeps } from '../deps.ts';
import {
  type CheckedDocument,
  checkMessage,
  hiddenFindings,
  type MessageLike,
  messageText,
  withoutHidden,
} from '../documents.ts';
import { isFromBot, stringField } from '../fields.ts';

/** Earlier messages of a thread read for a review, at most. */
const MAX_THREAD_MESSAGES = 200;
/** Documents in a thread checked for one review, at most (each is a message of its own). */
const MAX_THREAD_DOCUMENTS = 2;
/** A mention at least this long may be a pasted document rather than a question. */
const MIN_DOCUMENT_LENGTH = 150;

type MentionArgs = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;
type ThreadMessage = Record<string, unknown> & { ts?: unknown; user?: unknown; bot_id?: unknown };

export const appMentionEvent =
  ({ knowledge, slackApiUrl, store }: ListenerDeps) =>
  async (args: MentionArgs) => {
    const { event, client, context, logger } = args;
    // Two bots that answer each other's mentions would loop.
    if (isFromBot(event)) {
      logger.debug('not answering a mention from a bot', { bot_id: stringField(event.bot_id) });
      return;
    }
    await store?.recordUse('mention');
    const text = decodeSlackText(stringField(event.text));
    const thread_ts = event.thread_ts ?? event.ts;
    const post = (reply: SlackMessage) =>
      client.chat.postMessage({ channel: event.channel, thread_ts, ...reply });
    const checkContext = { knowledge, token: context.botToken, apiUrl: slackApiUrl };

    // The thread so far: what a review reads, and where PyHire may already have raised a finding.
    const readThread = async (): Promise<{ messages: ThreadMessage[] } | { error: string }> => {
      if (!event.thread_ts) return { messages: [] };
      try {
        const replies = await client.conversations.replies({
          channel: event.channel,
          ts: event.thread_ts,
          limit: MAX_THREAD_MESSAGES,
        });
        return { messages: (replies.messages ?? []) as ThreadMessage[] };
      } catch (error) {
        const reason = (error as { data?: { error?: string } }).data?.error ?? 'an error';
        logger.warn('could not read thread', { method: 'conversations.replies', error: reason });
        return { error: reason };
      }
    };
    if (event.thread_ts && isReviewRequest(text)) {
      const read = await readThread();
      if ('error' in read) {
        await post(
          message(
            `I couldn't read this thread (Slack said: ${escapeMrkdwn(read.error)}). Invite me to the channel with \`/invite @PyHire\`, or paste the text in a mention.`,
            [],
          ),
        );
        return;
      }
      const raised = await hiddenFindings(knowledge, store, event.channel, read.messages, context);
      const earlier = read.messages.filter(
        (m) =>
          m.ts !== event.ts && Number(m.ts) < Number(event.ts) && !m.bot_id && m.user !== context.botUserId,
      );
      const documents: CheckedDocument[] = [];
      const rest: string[] = [];
      for (const m of earlier) {
        const hasFiles = readableFiles(m.files).length > 0;
        const mayBeDocument =
          documents.length < MAX_THREAD_DOCUMENTS &&
          (hasFiles || stringField(m.text).length >= MIN_DOCUMENT_LENGTH);
        const result = mayBeDocument ? await checkMessage(m as MessageLike, checkContext) : undefined;
        if (result?.ok && (result.document.check.kind !== 'message' || result.document.source)) {
          documents.push(result.document);
        } else if (result && !result.ok && hasFiles) {
          await post(message(result.problem, []));
        } else rest.push(decodeSlackText(stringField(m.text)));
      }
      for (const doc of documents) await post(documentReply(doc, raised));
      const answer = answerThreadReview(knowledge, rest);
      // Beside document cards, a reply only when it has news: a finding not raised yet, or messages it could not read.
      if (documents.length === 0 || answer.notEnglish > 0 || answer.findings.some((f) => !raised.has(f.id)))
        await post(renderMentionAnswer(withoutHidden(answer, raised)));
      return;
    }
    if (isReviewRequest(text)) {
      // "@PyHire review" outside a thread has nothing to review: say what PyHire can do.
      await post(renderMentionAnswer(INTRO_ANSWER));
      return;
    }
    // Findings not to show, looked up only when a reply has findings: a threaded question needs no history call.
    const hiddenFor = async (findings: readonly Finding[]) => {
      if (findings.length === 0) return new Set<string>();
      const read = await readThread();
      return hiddenFindings(knowledge, store, event.channel, 'error' in read ? [] : read.messages, context);
    };
    // A pasted document or an attached file gets the document card; a question or a short message, an answer.
    const hasFiles = readableFiles(event.files).length > 0;
    let reviewed: Finding[] | undefined;
    if (hasFiles || text.length >= MIN_DOCUMENT_LENGTH) {
      const result = await checkMessage(event as unknown as MessageLike, checkContext);
      if (!result.ok && hasFiles) {
        await post(message(result.problem, []));
        return;
      }
      if (result.ok && (result.document.check.kind !== 'message' || result.document.source)) {
        await post(documentReply(result.document, await hiddenFor(result.document.check.findings)));
        return;
      }
      // Read as a hiring message: its findings are the mention's, when the check read the same text.
      if (result.ok && messageText(event as unknown as MessageLike) === text)
        reviewed = result.document.check.findings;
    }
    const answer = answerMention(knowledge, text, reviewed);
    await post(renderMentionAnswer(withoutHidden(answer, await hiddenFor(answer.findings))));
  };

function documentReply({ check, source, notes }: CheckedDocument, raised: ReadonlySet<string>): SlackMessage {
  return renderDocumentCheck(withoutHidden(check, raised), { source, notes });
}
