/** Block Kit for role answers: the interview kit, its full question list, comparisons and the role picker. */
import type { KnownBlock } from '@slack/types';
import type {
  InterviewQuestion,
  OtherRole,
  Role,
  RoleAnswer,
  RoleComparisonAnswer,
  RoleKit,
} from '../knowledge/index.ts';
import {
  actions,
  type ButtonSpec,
  context,
  divider,
  fields,
  header,
  message,
  type SlackMessage,
  section,
  shareButton,
} from './blocks.ts';
import { escapeMrkdwn as esc, mentionUser, quoteUserText } from './escape.ts';
import { feedbackButtons } from './feedback.ts';

/** Action ids of role buttons; listeners register the same prefixes. */
export const ROLE_ACTION = {
  open: 'open_role',
  questions: 'role_questions',
  compare: 'compare_roles',
} as const;

/** Listen-for points shown per question in the kit; the rest are behind the questions button. */
const KIT_LISTEN_FOR = 3;

/** How a kit is shown: privately with a share button, shared by someone, in a thread, or in a modal. */
export interface KitOptions {
  shareable: boolean;
  sharedBy?: string;
}

const bullets = (items: readonly string[]) => items.map((item) => `• ${esc(item)}`).join('\n');

/** A button that opens a role's kit. */
export const openRoleButton = (role: Role, text = role.name): ButtonSpec => ({
  text,
  actionId: `${ROLE_ACTION.open}:${role.id}`,
  value: role.id,
});

const questionsButton = (role: Role): ButtonSpec => ({
  text: 'All questions with what to listen for',
  actionId: `${ROLE_ACTION.questions}:${role.id}`,
  value: role.id,
});

const extensionNote = (kit: RoleKit) =>
  kit.role.mustHaves.source === 'extension' || kit.role.interview.source === 'extension'
    ? "The guide lists this role's tools but no must-haves or questions: PyHire's own, written in the guide's shape."
    : undefined;

/** The essentials of a kit; `role:<id>` marks it (a contract other parts rely on). */
export function roleKitBlocks(kit: RoleKit, options: KitOptions): KnownBlock[] {
  const { role } = kit;
  const blocks: KnownBlock[] = [
    header(`Interview kit: ${role.name}`),
    section(`${esc(role.summary)}\n*Builds:* ${role.builds.map(esc).join(', ')}`, `role:${role.id}`),
    fields([
      `*Tools*\n${kit.tools.map((t) => esc(t.name)).join(', ')}`,
      `*Examples*\n${role.examples.map((e) => `${esc(e.company)} (${esc(e.detail)})`).join(', ') || '—'}`,
    ]),
    section(`*Must-have skills*\n${bullets(role.mustHaves.skills.map((m) => m.skill))}`),
    divider(),
    section('*Interview questions* and what a strong answer covers'),
    ...role.interview.questions.map((q, i) => section(questionText(q, i, KIT_LISTEN_FOR))),
    divider(),
  ];
  if (kit.warnings.length > 0) {
    blocks.push(
      section(
        `*Watch out for*\n${kit.warnings.map((w) => `• *${esc(w.mistake.title)}:* ${esc(w.note)}`).join('\n')}`,
      ),
    );
  }
  blocks.push(
    section(
      `*Ask every candidate*\n> ${esc(kit.pythonVersions.interviewQuestion)}\n*Typing:* ${esc(kit.typing.evaluationTip)}`,
    ),
  );
  const notes = [
    extensionNote(kit),
    options.sharedBy !== undefined ? `Shared by ${mentionUser(options.sharedBy)} with /pyrole` : undefined,
  ];
  const shown = notes.filter((n): n is string => n !== undefined);
  if (shown.length > 0) blocks.push(context(shown));
  const buttons: ButtonSpec[] = [questionsButton(role)];
  if (options.shareable) buttons.unshift(shareButton(`role:${role.id}`));
  buttons.push(...feedbackButtons(`role:${role.id}`));
  blocks.push(actions(`kit-actions:${role.id}`, buttons));
  return blocks;
}

/** A kit in brief, for mention replies in a thread: `role:<id>` marks it as in the full kit. */
export function roleKitSummaryBlocks(kit: RoleKit): KnownBlock[] {
  const { role } = kit;
  const questions = role.interview.questions.map((q, i) => `${i + 1}. “${esc(q.question)}”`).join('\n');
  return [
    section(
      `*Interview kit: ${esc(role.name)}*\n${esc(role.summary)}\n*Must-haves:* ${role.mustHaves.skills.map((m) => esc(m.skill)).join('; ')}\n*Ask:*\n${questions}`,
      `role:${role.id}`,
    ),
    actions(`kit-summary-actions:${role.id}`, [
      openRoleButton(role, 'Open the full kit'),
      questionsButton(role),
    ]),
  ];
}

/** A role without a kit, in brief: what the guide says and the closest kits. */
export function otherRoleBlocks(other: OtherRole, closest: readonly Role[]): KnownBlock[] {
  return [
    section(`*${esc(other.name)}: no kit of its own*\n${esc(other.note)}`, `other-role:${other.id}`),
    actions(
      `closest-roles:${other.id}`,
      closest.map((r) => openRoleButton(r)),
    ),
  ];
}

/** Notification text of a kit. */
export const roleKitText = (kit: RoleKit) => esc(`Interview kit: ${kit.role.name}. ${kit.role.summary}`);

function questionText(q: InterviewQuestion, index: number, listenFor: number): string {
  const shown = q.listenFor.slice(0, listenFor);
  const more = q.listenFor.length - shown.length;
  const lines = [`*${index + 1}. “${esc(q.question)}”*`, '_Listen for:_', bullets(shown)];
  if (more > 0) lines.push(`_…and ${more} more point${more === 1 ? '' : 's'} under "All questions"._`);
  return lines.join('\n');
}

/** Every question with all its listen-for points and red flags, the Python-version guide and the typing tip. */
export function roleQuestionsBlocks(kit: RoleKit): KnownBlock[] {
  const { role, pythonVersions, typing } = kit;
  return [
    header(`${role.name}: all questions`),
    section(
      `Every question with what a strong answer covers and the red flags to notice.`,
      `role-questions:${role.id}`,
    ),
    ...role.interview.questions.map((q, i) => {
      const flags = q.redFlags.length > 0 ? `\n_Red flags:_\n${bullets(q.redFlags)}` : '';
      return section(`${questionText(q, i, q.listenFor.length)}${flags}`);
    }),
    divider(),
    section(
      `*Python version*\n> ${esc(pythonVersions.interviewQuestion)}\n${pythonVersions.versions
        .map((v) => `• *${esc(v.label)}* (${esc(v.status)}): ${v.points.map(esc).join('; ')}`)
        .join('\n')}`,
    ),
    section(
      `*Typing*\n${esc(typing.summary)}\n\`\`\`${esc(typing.example.trimEnd())}\`\`\`\n${esc(typing.evaluationTip)}`,
    ),
    actions(`questions-actions:${role.id}`, [openRoleButton(role, 'Back to the kit')]),
  ];
}

function compareBlocks({
  left,
  right,
  leftTools,
  rightTools,
  comparison,
  sharedTerms,
}: RoleComparisonAnswer): KnownBlock[] {
  const blocks: KnownBlock[] = [
    header(`${left.name} vs ${right.name}`),
    section(
      `Python skills transfer, but domain expertise doesn't: these are different hires.`,
      `compare:${left.id}:${right.id}`,
    ),
    fields([
      `*${esc(left.name)} builds*\n${left.builds.map(esc).join(', ')}\n_Tools:_ ${leftTools.map((t) => esc(t.name)).join(', ')}`,
      `*${esc(right.name)} builds*\n${right.builds.map(esc).join(', ')}\n_Tools:_ ${rightTools.map((t) => esc(t.name)).join(', ')}`,
    ]),
  ];
  const transfers = comparison?.transfers ?? sharedTerms.slice(0, 5).map((t) => t.name);
  if (transfers.length > 0) blocks.push(section(`*What transfers*\n${bullets(transfers)}`));
  if (comparison) {
    blocks.push(section(`*What does not*\n${bullets(comparison.differs)}`));
    blocks.push(section(`*Why one person rarely covers both*\n${esc(comparison.whyNotBoth)}`));
  }
  blocks.push(
    actions(`compare-actions:${left.id}:${right.id}`, [openRoleButton(left), openRoleButton(right)]),
  );
  return blocks;
}

const pickerBlocks = (roles: readonly Role[], intro: string): KnownBlock[] => [
  section(intro, 'role-picker'),
  actions(
    'role-picker-buttons',
    roles.map((r) => openRoleButton(r)),
  ),
  context(['Compare two roles with `/pyrole compare backend data`. Kits are private until you share them.']),
];

/** Renders any /pyrole answer as a message. */
export function renderRoleAnswer(
  answer: RoleAnswer,
  options: KitOptions = { shareable: true },
): SlackMessage {
  switch (answer.kind) {
    case 'kit':
      return message(roleKitText(answer.kit), roleKitBlocks(answer.kit, options));
    case 'compare':
      return message(
        esc(`${answer.compare.left.name} vs ${answer.compare.right.name}`),
        compareBlocks(answer.compare),
      );
    case 'compare-help':
      return message('Which two roles should I compare?', [
        section(
          `${answer.query.trim() ? `I couldn't read two roles in *${quoteUserText(answer.query)}*. ` : ''}Name two roles, e.g. \`/pyrole compare backend data\` or \`/pyrole compare data engineer vs ML engineer\`. Or pick a pair:`,
          'compare-help',
        ),
        actions('compare-pairs', pairs(answer.roles)),
      ]);
    case 'other-role':
      return message(esc(`${answer.other.name}: no kit of its own. ${answer.other.note}`), [
        header(`${answer.other.name}: no kit of its own`),
        section(esc(answer.other.note), 'other-role'),
        section('*The closest kits:*'),
        actions(
          'closest-roles',
          answer.closest.map((r) => openRoleButton(r)),
        ),
      ]);
    case 'suggestions':
      return message(
        'Which role did you mean?',
        pickerBlocks(answer.roles, `I couldn't find *${quoteUserText(answer.query)}* exactly. Did you mean:`),
      );
    case 'no-match':
      return message(
        `I have no kit for "${quoteUserText(answer.query)}".`,
        pickerBlocks(
          answer.roles,
          `I have no kit for *${quoteUserText(answer.query)}*. PyHire has kits for these four kinds of Python developer:`,
        ),
      );
    case 'picker':
      return message('Which Python role are you hiring for?', [
        header('Interview kits'),
        ...pickerBlocks(
          answer.roles,
          `"Python developer" covers very different jobs. *Which one are you hiring for?* Each kit has the must-have skills, the questions to ask and what a strong answer sounds like.`,
        ),
      ]);
  }
}

function pairs(roles: readonly Role[]): ButtonSpec[] {
  const out: ButtonSpec[] = [];
  roles.forEach((a, i) => {
    for (const b of roles.slice(i + 1)) {
      out.push({
        text: `${a.name} vs ${b.name}`,
        actionId: `${ROLE_ACTION.compare}:${a.id}:${b.id}`,
        value: `${a.id}:${b.id}`,
      });
    }
  });
  return out;
}

/** The full question list as a message. */
export const renderRoleQuestions = (kit: RoleKit): SlackMessage =>
  message(esc(`${kit.role.name}: all interview questions`), roleQuestionsBlocks(kit));

/** A comparison as a message (for the pair buttons). */
export const renderComparison = (compare: RoleComparisonAnswer): SlackMessage =>
  renderRoleAnswer({ kind: 'compare', compare });
