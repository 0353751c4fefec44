/** Checks a message or view against the limits in ../shared/slack/block-kit-limits.md; returns the violations. */

type Json = Record<string, unknown>;

const textOf = (obj: unknown): string => {
  const t = (obj as { text?: unknown } | undefined)?.text;
  return typeof t === 'string' ? t : '';
};

/** Every violation of Slack's Block Kit limits in `message` (a message body or, with `view`, a Home/modal view). */
export function blockKitViolations(
  message: { text?: unknown; blocks?: unknown },
  kind: 'message' | 'view' = 'message',
): string[] {
  const problems: string[] = [];
  const blocks = (message.blocks ?? []) as Json[];
  if (kind === 'message') {
    if (typeof message.text !== 'string' || message.text.trim() === '')
      problems.push('top-level text is empty');
    else if (message.text.length > 40_000) problems.push('top-level text over 40,000');
  }
  const maxBlocks = kind === 'view' ? 100 : 50;
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks (max ${maxBlocks})`);
  const blockIds = new Set<string>();
  let totalText = 0;
  const count = (s: string) => {
    totalText += s.length;
  };
  blocks.forEach((block, i) => {
    const at = `blocks[${i}] (${String(block.type)})`;
    const blockId = block.block_id;
    if (typeof blockId === 'string') {
      if (blockId.length > 255) problems.push(`${at}: block_id over 255`);
      if (blockIds.has(blockId)) problems.push(`${at}: duplicate block_id ${blockId}`);
      blockIds.add(blockId);
    }
    switch (block.type) {
      case 'header': {
        const text = block.text as Json;
        if (text?.type !== 'plain_text') problems.push(`${at}: header text must be plain_text`);
        if (textOf(block).length > 150) problems.push(`${at}: header over 150`);
        count(textOf(block));
        break;
      }
      case 'section': {
        const text = textOf(block.text);
        const fieldList = (block.fields ?? []) as Json[];
        if (block.text === undefined && fieldList.length === 0)
          problems.push(`${at}: section without text or fields`);
        if (block.text !== undefined && (text.length < 1 || text.length > 3000))
          problems.push(`${at}: section text length ${text.length}`);
        if (fieldList.length > 10) problems.push(`${at}: ${fieldList.length} fields`);
        for (const field of fieldList) {
          if (textOf(field).length > 2000 || textOf(field).length < 1)
            problems.push(`${at}: field length ${textOf(field).length}`);
          count(textOf(field));
        }
        count(text);
        if (block.accessory) checkElement(block.accessory as Json, at, problems);
        break;
      }
      case 'context': {
        const elements = (block.elements ?? []) as Json[];
        if (elements.length < 1 || elements.length > 10)
          problems.push(`${at}: ${elements.length} context elements`);
        for (const el of elements) {
          if (textOf(el).length > 3000 || textOf(el).length < 1)
            problems.push(`${at}: context text length ${textOf(el).length}`);
          count(textOf(el));
        }
        break;
      }
      case 'actions': {
        const elements = (block.elements ?? []) as Json[];
        if (elements.length < 1 || elements.length > 25)
          problems.push(`${at}: ${elements.length} action elements`);
        const actionIds = new Set<string>();
        for (const el of elements) {
          const id = String(el.action_id ?? '');
          if (actionIds.has(id)) problems.push(`${at}: duplicate action_id ${id}`);
          actionIds.add(id);
          checkElement(el, at, problems);
        }
        break;
      }
      case 'divider':
        break;
      case 'input': {
        // Inputs live in modals only; label and hint are plain text of at most 2,000 characters.
        if (kind !== 'view') problems.push(`${at}: input block outside a view`);
        for (const key of ['label', 'hint'] as const) {
          const t = block[key] as Json | undefined;
          if (key === 'label' && !t) problems.push(`${at}: input without a label`);
          if (t && (t.type !== 'plain_text' || textOf(t).length > 2000)) problems.push(`${at}: bad ${key}`);
        }
        const element = block.element as Json | undefined;
        if (!element) problems.push(`${at}: input without an element`);
        else {
          const id = String(element.action_id ?? '');
          if (id.length === 0 || id.length > 255) problems.push(`${at}: action_id length ${id.length}`);
          const options = (element.options ?? []) as Json[];
          if (options.length > 100) problems.push(`${at}: ${options.length} options (max 100)`);
          if (Number(element.max_length ?? 0) > 3000) problems.push(`${at}: max_length over 3000`);
        }
        break;
      }
      default:
        problems.push(`${at}: unexpected block type`);
    }
  });
  if (kind === 'message' && totalText > 12_000) problems.push(`block text totals ${totalText} (max ~12,000)`);
  return problems;
}

function checkElement(el: Json, at: string, problems: string[]) {
  const id = String(el.action_id ?? '');
  if (id.length === 0 || id.length > 255) problems.push(`${at}: action_id length ${id.length}`);
  if (el.type === 'button') {
    const text = el.text as Json;
    if (text?.type !== 'plain_text') problems.push(`${at}: button text must be plain_text`);
    if (textOf(el.text).length < 1 || textOf(el.text).length > 75)
      problems.push(`${at}: button text length ${textOf(el.text).length}`);
    if (typeof el.value === 'string' && el.value.length > 2000)
      problems.push(`${at}: button value over 2000`);
  } else if (el.type === 'static_select') {
    const options = (el.options ?? []) as Json[];
    if (options.length < 1 || options.length > 100) problems.push(`${at}: ${options.length} select options`);
    for (const option of options) {
      if (textOf(option.text).length > 75) problems.push(`${at}: option text over 75`);
      if (String(option.value ?? '').length > 150) problems.push(`${at}: option value over 150`);
    }
  } else problems.push(`${at}: unexpected element ${String(el.type)}`);
}

/** All mrkdwn/plain text of a message, for escaping checks. */
export function allText(message: { text?: unknown; blocks?: unknown }): string {
  return JSON.stringify(message);
}
