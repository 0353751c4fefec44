/** Plain-text rendering of the same answers, for the local console. */
import type { MentionAnswer, TermAnswer, TermCard } from '../knowledge/index.ts';
import { MENTION_INTRO } from './mentions.ts';

const wrap = (label: string, body: string) => `${label}\n  ${body}`;

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

/** Any /pyterm answer as readable text. */
export function termAnswerToText(answer: TermAnswer): string {
  switch (answer.kind) {
    case 'term':
      return termCardToText(answer.card);
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

/** A mention answer as readable text. */
export function mentionAnswerToText(answer: MentionAnswer): string {
  if (answer.parts.length === 0) return MENTION_INTRO.replace(/`/g, '');
  return answer.parts.map((part) => termCardToText(part.card)).join('\n\n');
}
