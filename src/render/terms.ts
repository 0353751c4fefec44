/** Block Kit for term answers: the term card, "Did you mean", the friendly miss and the term index. */
import type { KnownBlock } from '@slack/types';
import type { Term, TermAnswer, TermCard, TermGroup } from '../knowledge/index.ts';
import {
  actions,
  type ButtonSpec,
  context,
  fields,
  header,
  message,
  type SlackMessage,
  section,
} from './blocks.ts';
import { escapeMrkdwn as esc, mentionUser, quoteUserText, truncate } from './escape.ts';

/** Action ids of the buttons these messages carry; listeners register the same constants. */
export const ACTION = {
  share: 'share',
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

/** The blocks of one term card; `term:<id>` marks the card (a contract other parts rely on). */
export function termCardBlocks(card: TermCard, options: CardOptions): KnownBlock[] {
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
  const notes = [];
  if (term.aliases.length > 0) notes.push(`Also written: ${term.aliases.slice(0, 8).map(esc).join(', ')}`);
  if (options.sharedBy !== undefined) notes.push(`Shared by ${mentionUser(options.sharedBy)} with /pyterm`);
  if (notes.length > 0) blocks.push(context(notes));
  const buttons: ButtonSpec[] = related.slice(0, 5).map(openTermButton);
  if (options.shareable) {
    buttons.unshift({
      text: 'Share in channel',
      actionId: ACTION.share,
      value: `term:${term.id}`,
      style: 'primary',
    });
  }
  if (buttons.length > 0) blocks.push(actions(`card-actions:${term.id}`, buttons));
  return blocks;
}

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
      return message(termCardText(answer.card), termCardBlocks(answer.card, options));
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
      return renderTermHelp(answer);
  }
}

/** Characters of names each category may show, so the whole index stays under the per-message text cap. */
function nameBudget(groups: readonly TermGroup[]): number {
  const labels = groups.reduce((n, g) => n + esc(g.category.label).length + 80, 0);
  return Math.max(100, Math.min(2_800, Math.floor((10_000 - labels) / Math.max(groups.length, 1))));
}

/** Term names joined, cut before a section's limit with how many more there are (a company glossary can be huge). */
function nameList(terms: readonly Term[], max = 2_800): string {
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
  const budget = nameBudget(answer.groups);
  const examples = answer.exampleTerms.map((t) => `\`/pyterm ${esc(t.id)}\``).join(', ');
  const blocks: KnownBlock[] = [
    header('PyHire glossary'),
    section(
      `*/pyterm &lt;term&gt;* explains a Python tool or concept in plain language: what it is, which role it signals and what to ask a candidate. Typos, nicknames and questions work too${examples ? `, e.g. ${examples}` : ''} or \`/pyterm what is a data warehouse?\`.`,
      'help',
    ),
    ...answer.groups.map((group) =>
      section(`*${esc(group.category.label)}*\n${nameList(group.terms, budget)}`),
    ),
    context(['Answers are private to you; use *Share in channel* on a card to post it for everyone.']),
  ];
  const count = answer.groups.reduce((sum, g) => sum + g.terms.length, 0);
  return message(`PyHire glossary: ${count} terms. Try /pyterm dbt`, blocks);
}
