/** Term answers for /pyterm, mentions and buttons: plain data, no Slack. */
import { isOtherRole, type Knowledge } from './load.ts';
import { closestRoles } from './roles.ts';
import type { Category, OtherRole, Role, Term } from './schema.ts';
import { search, stripSlackMarkup } from './search.ts';

/** Everything a term card shows, with its references resolved. */
export interface TermCard {
  term: Term;
  category: Category;
  roles: Role[];
  related: Term[];
}

/** Terms of one category, for the help listing. */
export interface TermGroup {
  category: Category;
  terms: Term[];
}

/** Where a role or job title leads: its interview kit, or the closest kits for a role without one. */
export type RolePointer =
  | { kind: 'kit'; role: Role; tools: Term[] }
  | { kind: 'other-role'; other: OtherRole; closest: Role[] };

/**
 * What /pyterm answers: a card (with the kit the query also names, if any), a role or job title with the kit it
 * points to, suggestions, a friendly miss, or how to use it.
 */
export type TermAnswer =
  | { kind: 'term'; card: TermCard; role?: RolePointer }
  | { kind: 'role'; query: string; role: RolePointer }
  | { kind: 'suggestions'; query: string; terms: Term[] }
  | { kind: 'no-match'; query: string }
  | { kind: 'help'; groups: TermGroup[]; exampleTerms: Term[] };

const HELP_WORDS = new Set(['', 'help', '?', 'list', 'all', 'terms', 'index']);

/**
 * Answers a /pyterm query: an exact term name or alias, then an exact role or job title ("data engineering",
 * "sre"), then a confident typo match, then suggestions. Links and pings in the text are read as Slack shows them.
 */
export function answerTermQuery(knowledge: Knowledge, text: string): TermAnswer {
  const query = text.trim();
  if (HELP_WORDS.has(query.toLowerCase())) return termHelp(knowledge);
  const wanted = stripSlackMarkup(query);
  const result = search(knowledge.termIndex, wanted);
  const role = findRolePointer(knowledge, wanted);
  if (result.kind === 'match' && result.exact) {
    const card = buildTermCard(knowledge, result.item);
    return role ? { kind: 'term', card, role } : { kind: 'term', card };
  }
  if (role) return { kind: 'role', query, role };
  switch (result.kind) {
    case 'match':
      return { kind: 'term', card: buildTermCard(knowledge, result.item) };
    case 'suggestions':
      return { kind: 'suggestions', query, terms: result.items };
    case 'none':
      return { kind: 'no-match', query };
  }
}

/** The kit a phrase names exactly (a role name or alias, "data eng" included), or undefined; typos never count. */
export function findRolePointer(knowledge: Knowledge, phrase: string): RolePointer | undefined {
  const result = search(knowledge.roleIndex, phrase, { exactOnly: true });
  if (result.kind !== 'match') return undefined;
  const role = result.item;
  return isOtherRole(role)
    ? { kind: 'other-role', other: role, closest: closestRoles(knowledge, role) }
    : { kind: 'kit', role, tools: role.tools.map((id) => knowledge.termById.get(id) as Term) };
}

/** The card for a term id, or undefined when no such term exists (e.g. a stale button). */
export function findTermCard(knowledge: Knowledge, id: string): TermCard | undefined {
  const term = knowledge.termById.get(id);
  return term && buildTermCard(knowledge, term);
}

/** The term index is the same for every asker: built once per knowledge base. */
const helpAnswers = new WeakMap<Knowledge, TermAnswer & { kind: 'help' }>();

/** Every term grouped by category, in the categories' order. */
export function termHelp(knowledge: Knowledge): TermAnswer & { kind: 'help' } {
  const cached = helpAnswers.get(knowledge);
  if (cached) return cached;
  const answer = buildTermHelp(knowledge);
  helpAnswers.set(knowledge, answer);
  return answer;
}

function buildTermHelp(knowledge: Knowledge): TermAnswer & { kind: 'help' } {
  const groups = knowledge.categories
    .map((category) => ({
      category,
      terms: knowledge.terms
        .filter((t) => t.category === category.id)
        .sort((a, b) => a.name.localeCompare(b.name)),
    }))
    .filter((group) => group.terms.length > 0);
  // Examples from the guide's own "terms to know" table.
  const exampleTerms = [...new Set(knowledge.cheatSheet.termsToKnow.flatMap((row) => row.terms))]
    .slice(0, 3)
    .map((id) => knowledge.termById.get(id) as Term);
  return { kind: 'help', groups, exampleTerms };
}

function buildTermCard(knowledge: Knowledge, term: Term): TermCard {
  return {
    term,
    // The loader guarantees that every reference resolves.
    category: knowledge.categoryById.get(term.category) as Category,
    roles: term.roles.map((id) => knowledge.roleById.get(id) as Role),
    related: term.related.map((id) => knowledge.termById.get(id) as Term),
  };
}
