/** Block Kit for mention replies in a thread: term cards, kit summaries and hiring-mistake findings. */
import type { KnownBlock } from '@slack/types';
import type { Finding, MentionAnswer, MentionPart } from '../knowledge/index.ts';
import { actions, context, divider, message, type SlackMessage, section } from './blocks.ts';
import { escapeMrkdwn as esc } from './escape.ts';
import { feedbackButtons } from './feedback.ts';
import { openRoleButton, otherRoleBlocks, roleKitSummaryBlocks } from './roles.ts';
import { termCardBlocks, termCardText } from './terms.ts';

/** What PyHire can do, shown when a mention asks nothing it recognises. */
export const MENTION_INTRO =
  'I can explain a Python tool (`@PyHire what is dbt?`), suggest interview questions (`@PyHire what should I ask a data engineer?`), and check a job description or interview plan for common hiring mistakes: paste it in a mention, or mention me in its thread with `@PyHire review`. `/pyterm` and `/pyrole` work anywhere.';

/** A finding's block: `warning:<id>` marks it (a contract other parts rely on). */
export function findingBlocks(finding: Finding): KnownBlock[] {
  const { mistake, triggers, roles } = finding;
  const saw = triggers.map((t) => `“${esc(t.replace(/\s+/g, ' ').slice(0, 80))}”`).join(', ');
  return [
    section(
      `:warning: *${esc(mistake.title)}*\n_Spotted:_ ${saw}\n${esc(mistake.summary)}\n*Fix:* ${esc(mistake.fix)}`,
      `warning:${mistake.id}`,
    ),
    actions(`warning-kits:${mistake.id}`, [
      ...roles.slice(0, 4).map((r) => openRoleButton(r, `${r.name} kit`)),
      ...feedbackButtons(`warning:${mistake.id}`),
    ]),
  ];
}

function partBlocks(part: MentionPart): KnownBlock[] {
  switch (part.kind) {
    case 'term':
      return termCardBlocks(part.card, { shareable: false });
    case 'role':
      return roleKitSummaryBlocks(part.kit);
    case 'other-role':
      return otherRoleBlocks(part.other, part.closest);
  }
}

function partText(part: MentionPart): string {
  switch (part.kind) {
    case 'term':
      return termCardText(part.card);
    case 'role':
      return esc(`Interview kit: ${part.kit.role.name}`);
    case 'other-role':
      return esc(`${part.other.name}: no kit of its own`);
  }
}

/** Renders a mention answer as one threaded message. */
export function renderMentionAnswer(answer: MentionAnswer): SlackMessage {
  const blocks: KnownBlock[] = [];
  const texts: string[] = [];
  for (const part of answer.parts) {
    if (blocks.length > 0) blocks.push(divider());
    blocks.push(...partBlocks(part));
    texts.push(partText(part));
  }
  if (answer.scope === 'none' && answer.parts.length === 0) {
    return message(`Hi! I'm PyHire. ${MENTION_INTRO}`, [
      section(`Hi! I'm PyHire, a guide to hiring Python developers. ${MENTION_INTRO}`, 'intro'),
    ]);
  }
  // The messages read: a thread's messages in another language are not (see `notEnglishNote`).
  const read = answer.reviewed - answer.notEnglish;
  const english = answer.notEnglish > 0 ? ' in English' : '';
  const earlier = read === 1 ? 'the one earlier message' : `the ${read} earlier messages`;
  const where = answer.reviewed === 1 ? 'this message' : `${earlier}${english} in this thread`;
  const language = notEnglishNote(answer);
  if (answer.findings.length > 0) {
    if (blocks.length > 0) blocks.push(divider());
    const count = answer.findings.length;
    blocks.push(
      section(
        `I spotted ${count === 1 ? 'a common hiring mistake' : `${count} common hiring mistakes`} in ${where}:`,
        'review',
      ),
    );
    for (const finding of answer.findings) blocks.push(...findingBlocks(finding));
    if (language) blocks.push(context([language]));
    texts.push(`Possible hiring mistakes: ${answer.findings.map((f) => esc(f.mistake.title)).join('; ')}`);
  } else if (answer.parts.length > 0) {
    if (language) blocks.push(context([language]));
  } else if (language && answer.notEnglish === answer.reviewed) {
    blocks.push(section(language, 'review'), context([MENTION_INTRO]));
    texts.push(language);
  } else {
    const none = `I read ${where} and spotted none of the common hiring mistakes.`;
    blocks.push(section(none, 'review'), context(language ? [language, MENTION_INTRO] : [MENTION_INTRO]));
    texts.push(none);
  }
  return message(texts.join('\n'), blocks);
}

/**
 * What a reply says of the messages it did not check because they read as another language than English (the
 * review reads English), or undefined when every message was read.
 */
export function notEnglishNote(answer: MentionAnswer): string | undefined {
  const { notEnglish, reviewed } = answer;
  if (notEnglish === 0) return undefined;
  const earlier = answer.scope === 'thread' ? ' earlier' : '';
  const which =
    notEnglish === reviewed
      ? reviewed === 1
        ? `${answer.scope === 'thread' ? 'The earlier' : 'This'} message reads as another language than English`
        : `These ${reviewed}${earlier} messages read as another language than English`
      : `${notEnglish} of the ${reviewed}${earlier} messages read as another language than English`;
  return `${which}, so I did not check ${notEnglish === 1 ? 'it' : 'them'} for hiring mistakes: I review hiring messages in English only.`;
}
