/** Block Kit for mention replies in a thread. */
import type { KnownBlock } from '@slack/types';
import type { MentionAnswer } from '../knowledge/index.ts';
import { context, divider, message, type SlackMessage, section } from './blocks.ts';
import { termCardBlocks, termCardText } from './terms.ts';

/** What PyHire can do, shown when a mention asks nothing it recognises. */
export const MENTION_INTRO =
  "Hi! I'm PyHire, a guide to hiring Python developers. Ask me about a tool (`@PyHire what is dbt?`), or use `/pyterm <term>` for a plain-language card and `/pyrole <role>` for an interview kit.";

/** Renders a mention answer as one threaded message. */
export function renderMentionAnswer(answer: MentionAnswer): SlackMessage {
  if (answer.parts.length === 0) {
    return message(MENTION_INTRO, [section(MENTION_INTRO, 'intro')]);
  }
  const blocks: KnownBlock[] = [];
  const texts: string[] = [];
  for (const part of answer.parts) {
    if (blocks.length > 0) blocks.push(divider());
    blocks.push(...termCardBlocks(part.card, { shareable: false }));
    texts.push(termCardText(part.card));
  }
  blocks.push(
    context(['Ask me anything else about hiring Python developers, or try `/pyterm` and `/pyrole`.']),
  );
  return message(texts.join('\n'), blocks);
}
