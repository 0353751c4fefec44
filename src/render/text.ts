/** Plain-text rendering of the same answers, for the local console. */
import type {
  MentionAnswer,
  MentionPart,
  Role,
  RoleAnswer,
  RoleKit,
  RolePointer,
  TermAnswer,
  TermCard,
} from '../knowledge/index.ts';
import { MENTION_INTRO, notEnglishNote } from './mentions.ts';

const wrap = (label: string, body: string) => `${label}\n  ${body}`;
const roleList = (roles: readonly Role[]) => roles.map((r) => `${r.name} (/pyrole ${r.id})`).join(', ');

/** A term card as readable text. */
export function termCardToText(card: TermCard): string {
  const { term, category, roles, related } = card;
  const lines = [
    `${term.name} (${category.label})`,
    term.definition,
    '',
    wrap('Signals:', roles.length > 0 ? roles.map((r) => r.name).join(', ') : 'every Python role'),
    wrap('Why it matters when hiring:', term.whyItMatters),
    wrap('Ask the candidate:', `"${term.ask}"`),
  ];
  if (term.aliases.length > 0) lines.push(wrap('Also written:', term.aliases.join(', ')));
  if (related.length > 0) lines.push(wrap('Related:', related.map((t) => t.name).join(', ')));
  return lines.join('\n');
}

/** Where a role leads: "Interview kit: /pyrole data", or the closest kits of a role without one. */
function kitLineToText(pointer: RolePointer): string {
  return pointer.kind === 'kit'
    ? `Interview kit: /pyrole ${pointer.role.id}`
    : `No interview kit for ${pointer.other.name}. Closest kits: ${roleList(pointer.closest)}`;
}

/** A role or job title asked about with /pyterm, as readable text. */
function roleCardToText(query: string, pointer: RolePointer): string {
  const lines =
    pointer.kind === 'kit'
      ? [pointer.role.name, pointer.role.summary, '', wrap('Builds:', pointer.role.builds.join(', '))]
      : [pointer.other.name, pointer.other.note, ''];
  lines.push(
    kitLineToText(pointer),
    `("${query}" names a role, so this is the role rather than a term card.)`,
  );
  return lines.join('\n');
}

/** Any /pyterm answer as readable text. */
export function termAnswerToText(answer: TermAnswer): string {
  switch (answer.kind) {
    case 'term':
      return answer.role
        ? `${termCardToText(answer.card)}\n${kitLineToText(answer.role)}`
        : termCardToText(answer.card);
    case 'role':
      return roleCardToText(answer.query, answer.role);
    case 'suggestions':
      return `I couldn't find "${answer.query}" exactly. Did you mean: ${answer.terms
        .map((t) => `${t.name} (/pyterm ${t.id})`)
        .join(', ')}?`;
    case 'no-match':
      return `I don't know "${answer.query}" yet. Try a tool name such as /pyterm dbt, or /pyterm help for every term.`;
    case 'help':
      return [
        '/pyterm <term> explains a Python tool or concept in plain language. Typos and questions work too.',
        '',
        ...answer.groups.map((g) => wrap(`${g.category.label}:`, g.terms.map((t) => t.name).join(', '))),
      ].join('\n');
  }
}

function mentionPartToText(part: MentionPart): string {
  switch (part.kind) {
    case 'term':
      return termCardToText(part.card);
    case 'role':
      return roleKitToText(part.kit);
    case 'other-role':
      return roleAnswerToText({ kind: 'other-role', other: part.other, closest: part.closest });
  }
}

/** A mention answer as readable text. */
export function mentionAnswerToText(answer: MentionAnswer): string {
  const out = answer.parts.map(mentionPartToText);
  for (const f of answer.findings) {
    out.push(
      [
        `! ${f.mistake.title}`,
        wrap('Spotted:', f.triggers.map((t) => `"${t}"`).join(', ')),
        `  ${f.mistake.summary}`,
        wrap('Fix:', f.mistake.fix),
        wrap('Kits:', f.roles.map((r) => `/pyrole ${r.id}`).join(', ')),
      ].join('\n'),
    );
  }
  const language = notEnglishNote(answer);
  if (language) out.push(language);
  if (out.length === 0) out.push(`No common hiring mistakes spotted. ${MENTION_INTRO.replace(/`/g, '')}`);
  return out.join('\n\n');
}

const bulletList = (items: readonly string[], indent = '  ') =>
  items.map((item) => `${indent}- ${item}`).join('\n');

/** An interview kit as readable text, with every question and listen-for point. */
export function roleKitToText(kit: RoleKit): string {
  const { role } = kit;
  const lines = [
    `Interview kit: ${role.name}`,
    role.summary,
    wrap('Builds:', role.builds.join(', ')),
    wrap('Tools:', kit.tools.map((t) => t.name).join(', ')),
    wrap('Examples:', role.examples.map((e) => `${e.company} (${e.detail})`).join(', ')),
    `Must-have skills:\n${bulletList(role.mustHaves.skills.map((m) => m.skill))}`,
    'Interview questions:',
    ...role.interview.questions.map(
      (q, i) =>
        `  ${i + 1}. "${q.question}"\n     Listen for:\n${bulletList(q.listenFor, '       ')}${
          q.redFlags.length > 0 ? `\n     Red flags:\n${bulletList(q.redFlags, '       ')}` : ''
        }`,
    ),
  ];
  if (kit.warnings.length > 0) {
    lines.push(`Watch out for:\n${bulletList(kit.warnings.map((w) => `${w.mistake.title}: ${w.note}`))}`);
  }
  lines.push(wrap('Ask every candidate:', `"${kit.pythonVersions.interviewQuestion}"`));
  lines.push(wrap('Typing:', kit.typing.evaluationTip));
  return lines.join('\n');
}

/** Any /pyrole answer as readable text. */
export function roleAnswerToText(answer: RoleAnswer): string {
  switch (answer.kind) {
    case 'kit':
      return roleKitToText(answer.kit);
    case 'compare': {
      const { left, right, leftTools, rightTools, comparison } = answer.compare;
      const lines = [
        `${left.name} vs ${right.name}`,
        wrap(
          `${left.name} builds:`,
          `${left.builds.join(', ')} (tools: ${leftTools.map((t) => t.name).join(', ')})`,
        ),
        wrap(
          `${right.name} builds:`,
          `${right.builds.join(', ')} (tools: ${rightTools.map((t) => t.name).join(', ')})`,
        ),
      ];
      if (comparison) {
        lines.push(`What transfers:\n${bulletList(comparison.transfers)}`);
        lines.push(`What does not:\n${bulletList(comparison.differs)}`);
        lines.push(wrap('Why one person rarely covers both:', comparison.whyNotBoth));
      }
      return lines.join('\n');
    }
    case 'compare-help':
      return 'Name two roles to compare, e.g. /pyrole compare backend data';
    case 'other-role':
      return `${answer.other.name}: no kit of its own.\n${answer.other.note}\nClosest kits: ${roleList(answer.closest)}`;
    case 'suggestions':
      return `I couldn't find "${answer.query}" exactly. Did you mean: ${roleList(answer.roles)}?`;
    case 'no-match':
      return `I have no kit for "${answer.query}". Kits: ${roleList(answer.roles)}`;
    case 'picker':
      return `Which Python role are you hiring for? ${roleList(answer.roles)}. Compare two with /pyrole compare backend data`;
  }
}
