/**
 * What every surface that checks a document shares: reading a Slack message's text or its PDF/.docx file, checking
 * it, leaving out findings PyHire already raised in the thread, and the friendly answer when nothing can be read.
 */

import { FILE_LIMITS, type FileText, readableFiles, readSlackFile, type SlackFile } from '../files.ts';
import { checkDocument, type DocumentCheck, type Knowledge } from '../knowledge/index.ts';
import { decodeSlackText, escapeMrkdwn } from '../render/escape.ts';
import type { SafeStore } from '../store/resilient.ts';
import { stringField } from './fields.ts';

/** The parts of a Slack message a check reads. */
export interface MessageLike {
  text?: unknown;
  files?: unknown;
  attachments?: unknown;
}

/** A checked document, where it came from, and notes on what was read. */
export interface CheckedDocument {
  check: DocumentCheck;
  source: string | undefined;
  notes: string[];
}

export type MessageCheck = { ok: true; document: CheckedDocument } | { ok: false; problem: string };

export interface CheckContext {
  knowledge: Knowledge;
  token: string | undefined;
  /** The Web API base URL when not Slack's (tests); its origin may serve files. */
  apiUrl: string | undefined;
  hiringFor?: string;
}

/** Shortest message text checked on its own when an attached file cannot be read. */
const MIN_TEXT = 40;

/** Checks a message: its first PDF or .docx file when it has one, else its text. Never throws. */
export async function checkMessage(message: MessageLike, ctx: CheckContext): Promise<MessageCheck> {
  const text = messageText(message);
  const files = readableFiles(message.files);
  const notes: string[] = [];
  if (files.length > 0) {
    const read = await readSlackFile(files[0] as SlackFile, { token: ctx.token, apiUrl: ctx.apiUrl });
    if (files.length > 1) notes.push(`I read the first file only (${files.length} were attached).`);
    if (read.ok) {
      if (read.pages !== undefined && read.pagesRead !== undefined && read.pages > read.pagesRead)
        notes.push(`I read the first ${read.pagesRead} of its ${read.pages} pages.`);
      return { ok: true, document: { check: check(read.text, ctx), source: read.name, notes } };
    }
    if (text.length < MIN_TEXT) return { ok: false, problem: fileProblem(read) };
    notes.push(fileProblem(read));
  } else if (Array.isArray(message.files) && message.files.length > 0 && text.length < MIN_TEXT) {
    return {
      ok: false,
      problem:
        'I can read PDF and Word (.docx) files, and message text. Share the document in one of those forms, or paste its text.',
    };
  }
  if (text.trim() === '')
    return {
      ok: false,
      problem:
        'That message has no text for me to check. Paste the job description or resume as text, or share it as a PDF or .docx.',
    };
  return { ok: true, document: { check: check(text, ctx), source: undefined, notes } };
}

function check(text: string, ctx: CheckContext): DocumentCheck {
  return checkDocument(ctx.knowledge, text, ctx.hiringFor ? { hiringFor: ctx.hiringFor } : {});
}

/** A message's text with Slack's escaping undone, and the text of any legacy attachments. */
export function messageText(message: MessageLike): string {
  const parts = [decodeSlackText(stringField(message.text))];
  if (Array.isArray(message.attachments)) {
    for (const a of message.attachments) {
      if (typeof a === 'object' && a !== null)
        parts.push(decodeSlackText(stringField((a as { text?: unknown }).text)));
    }
  }
  return parts.filter((p) => p.trim() !== '').join('\n\n');
}

/** Why a file could not be read, and what to do instead. */
export function fileProblem(read: Extract<FileText, { ok: false }>): string {
  const name = `*${escapeMrkdwn(read.name)}*`;
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  switch (read.reason) {
    case 'too-large':
      return `${name} is ${read.size ? mb(read.size) : 'too large'}; I read files up to ${mb(FILE_LIMITS.maxBytes)}. Paste the text, or share a smaller file.`;
    case 'no-text':
      return `${name} has no text I can read: it looks like a scanned image. Share a PDF with selectable text, a .docx, or paste the text.`;
    case 'unreadable':
      return `I couldn't read ${name}: the file looks damaged or password-protected. Paste the text instead.`;
    case 'download-failed':
      return `I couldn't download ${name} from Slack. Try again in a moment, or paste the text.`;
    case 'not-allowed':
      return `I couldn't open ${name}: I only download files stored in Slack. Paste the text instead.`;
    case 'unsupported':
      return `I can read PDF and Word (.docx) files; ${name} is neither. Paste the text instead.`;
  }
}

/** Finding ids PyHire already raised in a thread: its own messages' `warning:<id>` blocks. */
export function raisedFindings(
  messages: readonly unknown[],
  botUserId: string | undefined,
  botId: string | undefined,
): Set<string> {
  const raised = new Set<string>();
  for (const m of messages) {
    if (typeof m !== 'object' || m === null) continue;
    const { user, bot_id, blocks } = m as { user?: unknown; bot_id?: unknown; blocks?: unknown };
    const mine = (botUserId !== undefined && user === botUserId) || (botId !== undefined && bot_id === botId);
    if (!mine || !Array.isArray(blocks)) continue;
    for (const block of blocks) {
      const id =
        typeof block === 'object' && block !== null ? (block as { block_id?: unknown }).block_id : undefined;
      if (typeof id === 'string' && id.startsWith('warning:')) raised.add(id.slice('warning:'.length));
    }
  }
  return raised;
}

/**
 * Finding ids not to show in a channel's thread: those PyHire already raised there, and those the channel turned
 * off or muted (`/pyhire settings`).
 */
export async function hiddenFindings(
  knowledge: Knowledge,
  store: SafeStore | undefined,
  channel: string,
  thread: readonly unknown[],
  bot: { botUserId?: string | undefined; botId?: string | undefined },
): Promise<Set<string>> {
  const hidden = raisedFindings(thread, bot.botUserId, bot.botId);
  const settings = await store?.channelSettings(channel);
  if (settings?.findingsOff) for (const m of knowledge.mistakes) hidden.add(m.id);
  for (const id of settings?.muted ?? []) hidden.add(id);
  return hidden;
}

/** A check or a mention answer without the findings a thread or channel hides. */
export function withoutHidden<T extends { findings: readonly { id: string }[] }>(
  answer: T,
  hidden: ReadonlySet<string>,
): T {
  return hidden.size === 0
    ? answer
    : { ...answer, findings: answer.findings.filter((f) => !hidden.has(f.id)) };
}
