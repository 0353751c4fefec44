/** Block Kit for term answers: the term card, role cards, "Did you mean", the friendly miss and the term index. */
import type { KnownBlock } from '@slack/types';
import type { Role, RolePointer, Term, TermAnswer, TermCard, TermGroup } from '../knowledge/index.ts';
import {
  actions,
  type ButtonSpec,
  context,
  fields,
  header,
  LIMITS,
  message,
  SHARE_ACTION,
  type SlackMessage,
  section,
  shareButton,
} from './blocks.ts';
import { escapeMrkdwn as esc, mentionUser, quoteUserText, truncate } from './escape.ts';
import { feedbackButtons } from './feedback.ts';
import { openRoleButton } from './roles.ts';

/** Action ids of the buttons these messages carry; listeners register the same constants. */
export const ACTION = {
  share: SHARE_ACTION,
  openTerm: 'open_term',
} as const;

/** How a card is shown: privately with a share button, shared by someone, or in a thread. */
export interface CardOptions {
  shareable: boolean;
  sharedBy?: string;
}

/** A button that opens a term's card. */
export const openTermButton = (term: Term): ButtonSpec => ({
  text: term.name,
  actionId: `${ACTION.openTerm}:${term.id}`,
  value: term.id,
});

/**
 * The blocks of one term card; `term:<id>` marks the card (a contract other parts rely on). With `role`, the card
 * also points to the interview kit the query named ("data scientist" is both a term and a role).
 */
export function termCardBlocks(card: TermCard, options: CardOptions, role?: RolePointer): KnownBlock[] {
  const { term, category, roles, related } = card;
  const blocks: KnownBlock[] = [
    header(term.name),
    section(esc(term.definition), `term:${term.id}`),
    fields([
      `*Signals*\n${roles.length > 0 ? roles.map((r) => esc(r.name)).join(', ') : 'Every Python role'}`,
      `*Category*\n${esc(category.label)}`,
    ]),
    section(`*Why it matters when hiring*\n${esc(term.whyItMatters)}`),
    section(`*Ask the candidate*\n> ${esc(term.ask)}`),
  ];
  if (role) blocks.push(section(kitLine(role)));
  const notes = [];
  if (term.aliases.length > 0) notes.push(`Also written: ${term.aliases.slice(0, 8).map(esc).join(', ')}`);
  if (options.sharedBy !== undefined) notes.push(`Shared by ${mentionUser(options.sharedBy)} with /pyterm`);
  if (notes.length > 0) blocks.push(context(notes));
  const buttons: ButtonSpec[] = [
    ...(role ? kitButtons(role) : []),
    ...related.slice(0, 5).map(openTermButton),
  ];
  if (options.shareable) buttons.unshift(shareButton(`term:${term.id}`));
  buttons.push(...feedbackButtons(`term:${term.id}`));
  blocks.push(actions(`card-actions:${term.id}`, buttons));
  return blocks;
}

const kitCommand = (role: Role) => `\`/pyrole ${esc(role.id)}\``;

/** Where a role leads, as one mrkdwn line: "Interview kit: `/pyrole data`", or the closest kits. */
function kitLine(pointer: RolePointer): string {
  return pointer.kind === 'kit'
    ? `*Interview kit:* ${kitCommand(pointer.role)}`
    : `*No interview kit for ${esc(pointer.other.name)}.* Closest kits: ${pointer.closest.map(kitCommand).join(', ')}`;
}

/** Buttons that open the kit a role points to, or its closest kits. */
function kitButtons(pointer: RolePointer): ButtonSpec[] {
  const roles = pointer.kind === 'kit' ? [pointer.role] : pointer.closest;
  return roles.map((r) => openRoleButton(r, `Interview kit: ${r.name}`));
}

/**
 * A role or job title asked about with /pyterm: what the role does and the kit it points to. `role-card:<id>`
 * marks a role with a kit, `other-role:<id>` one without (as in mention replies).
 */
export function roleCardBlocks(query: string, pointer: RolePointer): KnownBlock[] {
  const asked = `*${quoteUserText(query)}* names a role, so this is the role and where to find its interview questions, not a glossary card.`;
  if (pointer.kind === 'other-role') {
    const { other } = pointer;
    return [
      header(other.name),
      section(esc(other.note), `other-role:${other.id}`),
      section(kitLine(pointer)),
      context([asked]),
      actions(`closest-roles:${other.id}`, kitButtons(pointer)),
    ];
  }
  const { role, tools } = pointer;
  return [
    header(role.name),
    section(`${esc(role.summary)}\n*Builds:* ${role.builds.map(esc).join(', ')}`, `role-card:${role.id}`),
    section(
      `${kitLine(pointer)}: the must-have skills, the questions to ask and what a strong answer covers.`,
    ),
    context([asked]),
    actions(`role-card-actions:${role.id}`, [
      { ...openRoleButton(role, 'Open the interview kit'), style: 'primary' },
      ...tools.slice(0, 5).map(openTermButton),
    ]),
  ];
}

/** Fallback text of a role card. */
const roleCardText = (pointer: RolePointer) =>
  esc(
    pointer.kind === 'kit'
      ? `${pointer.role.name}: interview kit /pyrole ${pointer.role.id}`
      : `${pointer.other.name}: no kit of its own; closest kits ${pointer.closest.map((r) => `/pyrole ${r.id}`).join(', ')}`,
  );

/** Fallback text of a term card (notifications, screen readers). */
export const termCardText = (card: TermCard) =>
  esc(truncate(`${card.term.name}: ${card.term.definition}`, 300));

/** Renders any /pyterm answer as a message. */
export function renderTermAnswer(
  answer: TermAnswer,
  options: CardOptions = { shareable: true },
): SlackMessage {
  switch (answer.kind) {
    case 'term':
      return message(termCardText(answer.card), termCardBlocks(answer.card, options, answer.role));
    case 'role':
      return message(roleCardText(answer.role), roleCardBlocks(answer.query, answer.role));
    case 'suggestions': {
      const names = answer.terms.map((t) => esc(t.name)).join(', ');
      return message(`Did you mean ${names}?`, [
        section(`I couldn't find *${quoteUserText(answer.query)}* exactly. Did you mean:`, 'suggestions'),
        actions('suggestion-buttons', answer.terms.map(openTermButton)),
      ]);
    }
    case 'no-match':
      return message(`I don't know "${quoteUserText(answer.query)}" yet.`, [
        section(
          `I don't know *${quoteUserText(answer.query)}* yet. I cover the Python hiring guide's tools and concepts: frameworks, data and ML libraries, DevOps tools and interview topics.`,
          'no-match',
        ),
        context([
          'Try a tool name such as `/pyterm dbt` or `/pyterm sklearn`, or `/pyterm help` for every term.',
        ]),
      ]);
    case 'help':
      return renderedHelp(answer);
  }
}

/** The term index is the same message for everyone who asks: rendered once per answer (termHelp caches it). */
const helpMessages = new WeakMap<TermAnswer & { kind: 'help' }, SlackMessage>();

function renderedHelp(answer: TermAnswer & { kind: 'help' }): SlackMessage {
  const cached = helpMessages.get(answer);
  if (cached) return cached;
  const rendered = renderTermHelp(answer);
  helpMessages.set(answer, rendered);
  return rendered;
}

/** Characters of term names the whole index may show, leaving room for the intro and Slack's ~12,000 cap. */
const INDEX_NAME_BUDGET = 10_000;
/** Characters of names one category's section may hold (a section takes 3,000). */
const SECTION_NAME_BUDGET = LIMITS.sectionText - 200;

/**
 * Characters of names each category may show, so the whole index stays under the per-message text cap. Categories
 * that need less than an equal share leave the rest to the larger ones, so a long category is cut only when the
 * whole index is too long (a company glossary can be huge).
 */
function nameBudgets(groups: readonly TermGroup[]): number[] {
  const labels = groups.reduce((n, g) => n + esc(g.category.label).length + 80, 0);
  const needs = groups.map((g) => g.terms.reduce((n, t) => n + esc(t.name).length + 3, 0));
  const budgets = groups.map(() => 0);
  let left = Math.max(0, INDEX_NAME_BUDGET - labels);
  let waiting = groups.length;
  for (const i of needs.map((_, i) => i).sort((a, b) => (needs[a] ?? 0) - (needs[b] ?? 0))) {
    const budget = Math.max(100, Math.min(SECTION_NAME_BUDGET, needs[i] ?? 0, Math.floor(left / waiting)));
    budgets[i] = budget;
    left -= budget;
    waiting--;
  }
  return budgets;
}

/** Term names joined, cut before a section's limit with how many more there are (a company glossary can be huge). */
function nameList(terms: readonly Term[], max: number): string {
  let out = '';
  for (const [i, term] of terms.entries()) {
    const next = `${out ? ' · ' : ''}${esc(term.name)}`;
    if (out.length + next.length > max)
      return `${out} · _…and ${terms.length - i} more: ask for one with \`/pyterm &lt;name&gt;\`_`;
    out += next;
  }
  return out;
}

function renderTermHelp(answer: TermAnswer & { kind: 'help' }): SlackMessage {
  const budgets = nameBudgets(answer.groups);
  const examples = answer.exampleTerms.map((t) => `\`/pyterm ${esc(t.id)}\``).join(', ');
  const blocks: KnownBlock[] = [
    header('PyHire glossary'),
    section(
      `*/pyterm &lt;term&gt;* explains a Python tool or concept in plain language: what it is, which role it signals and what to ask a candidate. Typos, nicknames and questions work too${examples ? `, e.g. ${examples}` : ''} or \`/pyterm what is a data warehouse?\`.`,
      'help',
    ),
    ...answer.groups.map((group, i) =>
      section(`*${esc(group.category.label)}*\n${nameList(group.terms, budgets[i] ?? 100)}`),
    ),
    context(['Answers are private to you; use *Share in channel* on a card to post it for everyone.']),
  ];
  const count = answer.groups.reduce((sum, g) => sum + g.terms.length, 0);
  return message(`PyHire glossary: ${count} terms. Try /pyterm dbt`, blocks);
}
