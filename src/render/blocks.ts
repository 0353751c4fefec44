/** Block Kit building blocks with Slack's limits applied; the only module that knows Block Kit's shape. */
import type { ActionsBlock, Button, ContextBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import { truncate } from './escape.ts';

/** A message as every surface sends it: blocks plus the notification fallback text. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Limits from ../shared/slack/block-kit-limits.md. */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  id: 255,
  buttonText: 75,
  buttonValue: 2000,
  fallbackText: 40_000,
  /** Slack's undocumented cap on all block text of one message together. */
  messageBlockText: 12_000,
} as const;

export const header = (text: string): HeaderBlock => ({
  type: 'header',
  text: { type: 'plain_text', text: truncate(text, LIMITS.headerText), emoji: true },
});

export const section = (text: string, blockId?: string): SectionBlock => ({
  type: 'section',
  ...(blockId ? { block_id: truncate(blockId, LIMITS.id) } : {}),
  text: { type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) },
});

export const fields = (texts: readonly string[], blockId?: string): SectionBlock => ({
  type: 'section',
  ...(blockId ? { block_id: truncate(blockId, LIMITS.id) } : {}),
  fields: texts
    .slice(0, LIMITS.sectionFields)
    .map((text) => ({ type: 'mrkdwn', text: truncate(text, LIMITS.fieldText) })),
});

export const context = (texts: readonly string[], blockId?: string): ContextBlock => ({
  type: 'context',
  ...(blockId ? { block_id: truncate(blockId, LIMITS.id) } : {}),
  elements: texts
    .slice(0, LIMITS.contextElements)
    .map((text) => ({ type: 'mrkdwn', text: truncate(text, LIMITS.sectionText) })),
});

export const divider = (): KnownBlock => ({ type: 'divider' });

export interface ButtonSpec {
  text: string;
  actionId: string;
  value: string;
  style?: 'primary' | 'danger';
}

/** Action id of "Share in channel" on term cards and kits; the button's value is `term:<id>` or `role:<id>`. */
export const SHARE_ACTION = 'share';

/** The "Share in channel" button of a private card or kit. */
export const shareButton = (value: string): ButtonSpec => ({
  text: 'Share in channel',
  actionId: SHARE_ACTION,
  value,
  style: 'primary',
});

export const button = ({ text, actionId, value, style }: ButtonSpec): Button => ({
  type: 'button',
  text: { type: 'plain_text', text: truncate(text, LIMITS.buttonText), emoji: true },
  action_id: truncate(actionId, LIMITS.id),
  value: truncate(value, LIMITS.buttonValue),
  ...(style ? { style } : {}),
});

export const actions = (blockId: string, buttons: readonly ButtonSpec[]): ActionsBlock => ({
  type: 'actions',
  block_id: truncate(blockId, LIMITS.id),
  elements: buttons.slice(0, LIMITS.actionsElements).map(button),
});

/** Assembles a message, keeping within the block count, the total block text and the fallback text limit. */
export function message(text: string, blocks: readonly KnownBlock[]): SlackMessage {
  return {
    text: truncate(text.trim() === '' ? 'PyHire' : text, LIMITS.fallbackText),
    blocks: fitBlockText(blocks.slice(0, LIMITS.messageBlocks), LIMITS.messageBlockText - 500),
  };
}

/** Characters of text in a block (section text and fields, header, context elements). */
function blockTextLength(block: KnownBlock): number {
  if (block.type === 'section')
    return (block.text?.text.length ?? 0) + (block.fields ?? []).reduce((n, f) => n + f.text.length, 0);
  if (block.type === 'header') return block.text.text.length;
  if (block.type === 'context')
    return block.elements.reduce(
      (n, e) => n + ('text' in e && typeof e.text === 'string' ? e.text.length : 0),
      0,
    );
  return 0;
}

/**
 * Last resort for extreme content: shortens the longest section texts until all block text fits Slack's
 * undocumented per-message cap. Layouts are designed to stay far below it; this only keeps Slack from
 * rejecting the whole message.
 */
function fitBlockText(blocks: KnownBlock[], budget: number): KnownBlock[] {
  let total = blocks.reduce((n, b) => n + blockTextLength(b), 0);
  if (total <= budget) return blocks;
  const fitted = blocks.map((b) => structuredClone(b));
  const sections = fitted.filter((b): b is SectionBlock => b.type === 'section' && b.text !== undefined);
  while (total > budget && sections.length > 0) {
    const longest = sections.reduce((a, b) =>
      (b.text?.text.length ?? 0) > (a.text?.text.length ?? 0) ? b : a,
    );
    const text = longest.text as { text: string };
    const next = Math.max(200, text.text.length - (total - budget));
    if (next >= text.text.length) break;
    total -= text.text.length - next;
    text.text = truncate(text.text, next);
  }
  return fitted;
}
