/**
 * Block Kit for a document check: the job-description card, the resume quick read and the hiring-message review.
 * Block ids are a contract: `doc-kind:<jd|resume|message>`, `role-focus:<role id>`, `missing:<must-have id>`,
 * `flag:<flag id>` and the review's `warning:<id>`.
 */
import type { KnownBlock } from '@slack/types';
import type { DocumentCheck, DocumentKind, FlagHit, RoleFocus, SkillCheck } from '../knowledge/index.ts';
import {
  actions,
  type ButtonSpec,
  context,
  divider,
  header,
  message,
  type SlackMessage,
  section,
} from './blocks.ts';
import { escapeMrkdwn as esc } from './escape.ts';
import { findingBlocks } from './mentions.ts';
import { openRoleButton } from './roles.ts';

/** Action id of the Share button under a private check; its value says which message to check again and where. */
export const CHECK_ACTION = { share: 'share_check' } as const;

export interface DocumentCardOptions {
  /** Where the text came from, when not the message itself ("resume.pdf"). */
  source?: string;
  /** Notes on what was read ("Read the first 10 of 14 pages"), as mrkdwn: any user text in them already escaped. */
  notes?: readonly string[];
  /** The Share button's value; without it, no Share button. */
  shareValue?: string;
  /** Who shared it into the thread. */
  sharedBy?: string;
}

const KIND_NAMES: Record<DocumentKind, string> = {
  jd: 'a job description',
  resume: 'a resume',
  message: 'a hiring message',
};

const TITLES: Record<DocumentKind, string> = {
  jd: 'Job description check',
  resume: 'Resume quick read',
  message: 'Hiring message check',
};

/** The privacy line every check ends with. */
export const PRIVACY_NOTE = 'PyHire reads the text in memory to answer and keeps none of it.';
/** What a resume check never does. */
export const NO_SCORING_NOTE =
  'PyHire points out what the resume shows so you know what to ask; it does not score, rank or recommend a decision about a person.';

/** Roles shown, and missing must-haves given a block each, at most (the rest are listed in one block). */
const MAX_ROLES = 4;
const MAX_MISSING_BLOCKS = 20;

const quote = (line: string | undefined) => (line ? `“${esc(line)}”` : '');

/** Renders a document check as one message (also shown in a modal). */
export function renderDocumentCheck(check: DocumentCheck, options: DocumentCardOptions = {}): SlackMessage {
  const blocks: KnownBlock[] = [header(TITLES[check.kind]), kindBlock(check, options)];
  const texts = [`${TITLES[check.kind]}${options.source ? `: ${esc(options.source)}` : ''}`];
  if (check.kind === 'jd') blocks.push(...jobBlocks(check, texts));
  else if (check.kind === 'resume') blocks.push(...resumeBlocks(check, texts));
  else blocks.push(...messageBlocks(check, texts));
  const buttons: ButtonSpec[] = check.roles
    .slice(0, 4)
    .map((r) => openRoleButton(r.role, `${r.role.name} kit`));
  if (
    check.kind === 'resume' &&
    check.hiringFor &&
    !check.roles.some((r) => r.role.id === check.hiringFor?.id)
  )
    buttons.unshift(openRoleButton(check.hiringFor, `${check.hiringFor.name} kit`));
  if (options.shareValue)
    buttons.push({
      text: 'Share in thread',
      actionId: CHECK_ACTION.share,
      value: options.shareValue,
      style: 'primary',
    });
  if (buttons.length > 0) blocks.push(actions('document-actions', buttons));
  const footer = [PRIVACY_NOTE];
  if (options.sharedBy) footer.unshift(`Shared by ${options.sharedBy}.`);
  blocks.push(context(footer, 'document-footer'));
  return message(texts.join('\n'), blocks);
}

function kindBlock(check: DocumentCheck, options: DocumentCardOptions): KnownBlock {
  const from = options.source ? ` (${esc(options.source)})` : '';
  const notes = [...(options.notes ?? [])];
  if (check.truncated) notes.push('It is long: I read its first 20,000 characters.');
  const read = check.notEnglish
    ? `This${from} reads as another language than English.`
    : `I read this${from} as *${KIND_NAMES[check.kind]}*.`;
  return context([`${read} ${notes.join(' ')}`.trim()], `doc-kind:${check.kind}`);
}

function roleBlocks(roles: readonly RoleFocus[], lead: string): KnownBlock[] {
  return roles.map((r) => {
    const lines = r.lines.map(quote).join('\n');
    return section(`*${lead}: ${esc(r.role.name)}*${lines ? `\n${lines}` : ''}`, `role-focus:${r.role.id}`);
  });
}

function jobBlocks(check: DocumentCheck, texts: string[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  const makeSpecific = check.findings.find((f) => f.id === 'conflating-roles')?.mistake.fix;
  if (check.roles.length === 0) {
    blocks.push(
      section(
        '*Which role is this?* I could not tell which of the four Python roles (backend, data, machine learning, DevOps) it describes. "Python developer" covers very different jobs.',
        'no-role-focus',
      ),
    );
  } else
    blocks.push(...roleBlocks(check.roles.slice(0, MAX_ROLES), check.roles.length > 1 ? 'Asks for' : 'Role'));
  texts.push(`Role: ${check.roles.map((r) => esc(r.role.name)).join(' + ') || 'unclear'}`);
  let missingShown = 0;
  const missingLeft: SkillCheck[] = [];
  const seen = new Set<string>();
  for (const focus of check.roles.slice(0, MAX_ROLES)) {
    const covered = check.covered.filter((s) => s.role.id === focus.role.id);
    const missing = check.missing.filter((s) => s.role.id === focus.role.id);
    const mentions =
      covered.length > 0 ? covered.map((s) => `:white_check_mark: ${esc(s.skill.skill)}`).join('\n') : '';
    blocks.push(
      section(
        `*${esc(focus.role.name)} must-haves (from the guide):* ${covered.length} of ${covered.length + missing.length} mentioned${mentions ? `\n${mentions}` : ''}`,
        `must-haves:${focus.role.id}`,
      ),
    );
    for (const skill of missing) {
      // One block per must-have id (a block id is unique within a message).
      if (seen.has(skill.skill.id)) continue;
      seen.add(skill.skill.id);
      if (missingShown++ < MAX_MISSING_BLOCKS) blocks.push(missingBlock(skill));
      else missingLeft.push(skill);
    }
  }
  if (missingLeft.length > 0)
    blocks.push(
      section(
        `*Also never mentioned:* ${missingLeft.map((s) => esc(s.skill.skill)).join('; ')}`,
        'missing-more',
      ),
    );
  if (check.missing.length > 0)
    texts.push(`Never mentioned: ${check.missing.map((s) => esc(s.skill.skill)).join('; ')}`);
  blocks.push(...findingList(check, texts));
  // The guide's fix for conflated roles, with what the role (or the first of several) typically builds.
  const first = check.roles[0]?.role;
  const example = first
    ? ` A ${esc(first.name)} builds things like ${esc(first.builds.map(inSentence).join(', '))}: name the ones this person will build, in the first lines.`
    : ' Name the role (backend, data, machine learning or DevOps) and what the person will build, in the first lines.';
  blocks.push(
    section(
      `:bulb: *Make it specific:* ${esc(makeSpecific ?? 'Be specific in the job description about what the person will build.')}${example}`,
      'make-specific',
    ),
  );
  return blocks;
}

/** A list item inside a sentence: "Data warehouses" → "data warehouses", "APIs" and "ETL pipelines" as they are. */
const inSentence = (item: string) =>
  /^\p{Lu}{2}/u.test(item) ? item : item.charAt(0).toLowerCase() + item.slice(1);

function missingBlock({ role, skill }: SkillCheck): KnownBlock {
  return section(
    `:small_orange_diamond: *Never mentioned: ${esc(skill.skill)}*\nA must-have for ${esc(role.name)} in the guide. If the job needs it, say so; if it doesn't, say what matters instead.`,
    `missing:${skill.id}`,
  );
}

function findingList(check: DocumentCheck, texts: string[]): KnownBlock[] {
  if (check.findings.length === 0) return [];
  texts.push(`Worth a second look: ${check.findings.map((f) => esc(f.mistake.title)).join('; ')}`);
  const count = check.findings.length;
  return [
    divider(),
    section(
      `Worth a second look: ${count === 1 ? 'a common hiring mistake' : `${count} common hiring mistakes`} this text may fall into.`,
      'review',
    ),
    ...check.findings.flatMap(findingBlocks),
  ];
}

function resumeBlocks(check: DocumentCheck, texts: string[]): KnownBlock[] {
  const blocks: KnownBlock[] =
    check.roles.length > 0
      ? roleBlocks(check.roles.slice(0, MAX_ROLES), 'Signals')
      : [
          section(
            '*Signals:* no clear archetype. The resume names no role-specific work or tools.',
            'no-role-focus',
          ),
        ];
  texts.push(`Signals: ${check.roles.map((r) => esc(r.role.name)).join(' + ') || 'no clear archetype'}`);
  if (check.hiringFor)
    blocks.push(context([`You are hiring for: ${esc(check.hiringFor.name)}.`], 'hiring-for'));
  const green = check.flags.filter((f) => f.tone === 'green');
  const yellow = check.flags.filter((f) => f.tone === 'yellow');
  if (green.length > 0)
    blocks.push(
      section('*Green flags* (from the guide’s cheat sheet)', 'green-flags'),
      ...green.map(flagBlock),
    );
  if (yellow.length > 0)
    blocks.push(
      section('*Yellow flags* (worth a question, not a verdict)', 'yellow-flags'),
      ...yellow.map(flagBlock),
    );
  if (check.flags.length === 0)
    blocks.push(section('None of the cheat sheet’s green or yellow flags show in this resume.', 'no-flags'));
  texts.push(
    ...check.flags.map((f) => `${f.tone === 'green' ? 'Green' : 'Yellow'} flag: ${esc(f.flag.flag)}`),
  );
  if (check.questions.length > 0)
    blocks.push(
      section(`*Questions to ask*\n${check.questions.map((q) => `• ${esc(q)}`).join('\n')}`, 'questions'),
    );
  blocks.push(context([NO_SCORING_NOTE], 'no-scoring'));
  return blocks;
}

function flagBlock(hit: FlagHit): KnownBlock {
  const icon = hit.tone === 'green' ? ':large_green_circle:' : ':large_yellow_circle:';
  const shown = hit.line ? `\n${quote(hit.line)}` : '';
  return section(`${icon} *${esc(hit.flag.flag)}*${shown}\n_${esc(hit.flag.why)}_`, `flag:${hit.flag.id}`);
}

function messageBlocks(check: DocumentCheck, texts: string[]): KnownBlock[] {
  if (check.findings.length > 0) return findingList(check, texts);
  if (check.notEnglish) {
    const other =
      'So I did not check it: I read job descriptions, resumes and hiring messages in English only.';
    texts.push(other);
    return [section(other, 'review')];
  }
  const none = 'I read it and spotted none of the common hiring mistakes.';
  texts.push(none);
  return [
    section(`${none} To check a job description or resume, use this on the message that holds it.`, 'review'),
  ];
}
