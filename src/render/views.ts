/** Views: the Home tab, and the modal that shows a kit opened from the Home tab. */
import type { HomeView, KnownBlock, ModalView } from '@slack/types';
import type { Mistake, Role } from '../knowledge/index.ts';
import type { Report } from '../store/index.ts';
import { button, context, divider, header, LIMITS, type SlackMessage, section } from './blocks.ts';
import { escapeMrkdwn as esc, truncate } from './escape.ts';
import { openRoleButton } from './roles.ts';

/** What the Home tab shows. */
export interface HomeContent {
  roles: readonly Role[];
  mistakes: readonly Mistake[];
  /** For editors: the knowledge-gap and feedback report of the last days. */
  report?: { days: number; report: Report } | undefined;
}

/** The Home tab: what PyHire does, the four kits, and the common hiring mistakes in brief. */
export function homeView({ roles, mistakes, report }: HomeContent): HomeView {
  const blocks = [
    header('PyHire: hire Python developers well'),
    section(
      '"Python developer" can mean a web developer, a data engineer, an ML engineer or a DevOps engineer: four different hires. PyHire explains the terms, gives you an interview kit per role and catches common hiring mistakes.',
      'home-intro',
    ),
    section(
      [
        '*How to use it*',
        '• `/pyterm dbt`: what a tool or concept is, in plain language, which role it signals and what to ask. Typos are fine.',
        '• `/pyrole data engineer`: an interview kit with must-haves, questions and what a strong answer sounds like. `/pyrole compare backend data` puts two roles side by side.',
        '• `@PyHire` in a hiring thread: ask a question, or have a job description or interview plan checked for common mistakes.',
        "• *Check with PyHire* on any message (⋯ menu), or *Check JD or resume* from the shortcuts menu: the role a job description describes and the must-haves it never mentions, or a resume's green and yellow flags.",
      ].join('\n'),
      'home-usage',
    ),
    ...(report ? reportBlocks(report.days, report.report) : []),
    divider(),
    header('Interview kits'),
    ...roles.map((role) => ({
      ...section(`*${esc(role.name)}*\n${esc(role.summary)}`, `home-role:${role.id}`),
      accessory: button(openRoleButton(role, 'Open kit')),
    })),
    divider(),
    header('Common hiring mistakes'),
    ...mistakes.map((m) => section(`*${esc(m.title)}*\n${esc(m.fix)}`, `home-mistake:${m.id}`)),
    context([
      "From PyHire's guide to hiring Python developers. Answers to commands are private until you share them.",
    ]),
  ];
  return { type: 'home', blocks: blocks.slice(0, LIMITS.viewBlocks) };
}

/** A message shown in a modal, for buttons clicked where there is no message to answer (the Home tab). */
export function modalView(reply: SlackMessage, title = 'PyHire'): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: truncate(title, 24) },
    close: { type: 'plain_text', text: 'Close' },
    blocks: reply.blocks.slice(0, LIMITS.viewBlocks),
  };
}

/** Callback id of the "Check a job description or resume" form (its view_submission). */
export const CHECK_FORM = 'check_text_form';
/** Slack's limit on a plain-text input. */
const MAX_INPUT = 3000;

/** The form the global shortcut opens: the text, and the role the recruiter is hiring for (optional). */
export function checkFormView(roles: readonly Role[]): ModalView {
  return {
    type: 'modal',
    callback_id: CHECK_FORM,
    title: { type: 'plain_text', text: 'Check with PyHire' },
    submit: { type: 'plain_text', text: 'Check' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: 'check_text',
        label: { type: 'plain_text', text: 'Job description, resume or hiring message' },
        element: {
          type: 'plain_text_input',
          action_id: 'text',
          multiline: true,
          max_length: MAX_INPUT,
          placeholder: { type: 'plain_text', text: 'Paste the text here' },
        },
        hint: {
          type: 'plain_text',
          text: 'Up to 3,000 characters. For a longer document or a PDF, use "Check with PyHire" on the message that holds it.',
        },
      },
      {
        type: 'input',
        block_id: 'check_role',
        optional: true,
        label: { type: 'plain_text', text: "I'm hiring for…" },
        element: {
          type: 'static_select',
          action_id: 'role',
          placeholder: { type: 'plain_text', text: 'Pick a role (optional)' },
          options: roles.slice(0, 100).map((r) => ({
            text: { type: 'plain_text', text: truncate(r.name, 75) },
            value: r.id,
          })),
        },
      },
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: 'PyHire reads the text in memory to answer and keeps none of it.' },
        ],
      },
    ],
  };
}

/** A check's answer in place of the form. */
export function checkResultView(reply: SlackMessage): ModalView {
  return { ...modalView(reply, 'PyHire check'), close: { type: 'plain_text', text: 'Done' } };
}

/** Rows of the editors' report shown in the Home tab, at most. */
const REPORT_ROWS = 10;

/** The editors' report: what people looked for and did not find, answers voted not helpful, usage. */
export function reportBlocks(days: number, report: Report): KnownBlock[] {
  const misses = report.misses.slice(0, REPORT_ROWS);
  const feedback = report.feedback.slice(0, REPORT_ROWS);
  const reasons = (r: Record<string, number>) =>
    Object.entries(r)
      .map(([reason, n]) => `${esc(reason)} ${n}`)
      .join(', ');
  return [
    divider(),
    header(`Editors' report: the last ${days} days`),
    section(
      misses.length > 0
        ? `*Looked for, not found*\n${misses.map((m) => `• \`${esc(m.query)}\` ×${m.count}`).join('\n')}`
        : '*Looked for, not found:* nothing yet.',
      'report-misses',
    ),
    section(
      feedback.length > 0
        ? `*Feedback*\n${feedback
            .map(
              (f) =>
                `• \`${esc(f.target)}\`: ${f.helpful} helpful, ${f.notHelpful} not helpful${Object.keys(f.reasons).length > 0 ? ` (${reasons(f.reasons)})` : ''}`,
            )
            .join('\n')}`
        : '*Feedback:* no votes yet.',
      'report-feedback',
    ),
    context(
      [
        `Usage: ${report.usage.map((u) => `${esc(u.surface)} ${u.count}`).join(' · ') || 'none yet'}. Shown to the people in PYHIRE_EDITORS and workspace admins; \`npm run report\` prints the same.`,
      ],
      'report-usage',
    ),
  ];
}
