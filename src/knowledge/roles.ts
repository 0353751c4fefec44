/** Role answers for /pyrole, mentions, buttons and the Home tab: kits, comparisons and honest misses. */
import { isOtherRole, type Knowledge } from './load.ts';
import type { Mistake, OtherRole, PythonVersions, Role, RoleComparison, Term, Typing } from './schema.ts';
import { MAX_QUERY_LENGTH, search } from './search.ts';

/** Everything an interview kit shows, with references resolved. */
export interface RoleKit {
  role: Role;
  tools: Term[];
  warnings: { mistake: Mistake; note: string }[];
  pythonVersions: PythonVersions;
  typing: Typing;
}

/** Two roles side by side, with what transfers between them and what does not. */
export interface RoleComparisonAnswer {
  left: Role;
  right: Role;
  leftTools: Term[];
  rightTools: Term[];
  comparison: RoleComparison | undefined;
  /** Terms that signal both roles: the shared ground. */
  sharedTerms: Term[];
}

/** What /pyrole answers. */
export type RoleAnswer =
  | { kind: 'kit'; kit: RoleKit }
  | { kind: 'compare'; compare: RoleComparisonAnswer }
  | { kind: 'compare-help'; query: string; roles: Role[] }
  | { kind: 'other-role'; other: OtherRole; closest: Role[] }
  | { kind: 'suggestions'; query: string; roles: Role[] }
  | { kind: 'no-match'; query: string; roles: Role[] }
  | { kind: 'picker'; roles: Role[] };

const PICKER_WORDS = new Set(['', 'help', '?', 'list', 'roles', 'all']);
const COMPARE_PREFIX = /^(?:compare|comparison|diff|difference between|differences between)\b\s*/i;
const COMPARE_SEPARATOR = /\s+(?:vs\.?|versus|and|with|to|or)\s+|\s*[,/&|]\s*/i;

/** Answers a /pyrole query: a kit, a comparison, a role we have no kit for, or the role picker. */
export function answerRoleQuery(knowledge: Knowledge, text: string): RoleAnswer {
  const query = text.trim();
  if (PICKER_WORDS.has(query.toLowerCase())) return { kind: 'picker', roles: [...knowledge.roles] };
  if (COMPARE_PREFIX.test(query))
    return answerCompare(knowledge, query.replace(COMPARE_PREFIX, '').slice(0, MAX_QUERY_LENGTH));
  const result = search(knowledge.roleIndex, query);
  switch (result.kind) {
    case 'match':
      return isOtherRole(result.item)
        ? { kind: 'other-role', other: result.item, closest: closestRoles(knowledge, result.item) }
        : { kind: 'kit', kit: buildRoleKit(knowledge, result.item) };
    case 'suggestions': {
      const roles = result.items.flatMap((item) =>
        isOtherRole(item) ? closestRoles(knowledge, item) : [item],
      );
      return { kind: 'suggestions', query, roles: [...new Set(roles)] };
    }
    case 'none':
      return { kind: 'no-match', query, roles: [...knowledge.roles] };
  }
}

/** The kit for a role id, or undefined when no such role exists (e.g. a stale button). */
export function findRoleKit(knowledge: Knowledge, id: string): RoleKit | undefined {
  const role = knowledge.roleById.get(id);
  return role && buildRoleKit(knowledge, role);
}

/** The comparison of two role ids, in either order; undefined when either is unknown or they are the same. */
export function compareRoles(
  knowledge: Knowledge,
  leftId: string,
  rightId: string,
): RoleComparisonAnswer | undefined {
  const left = knowledge.roleById.get(leftId);
  const right = knowledge.roleById.get(rightId);
  if (!left || !right || left === right) return undefined;
  const comparison = knowledge.roleComparisons.find(
    ({ roles: [a, b] }) => (a === left.id && b === right.id) || (a === right.id && b === left.id),
  );
  const sharedTerms = knowledge.terms.filter((t) => t.roles.includes(left.id) && t.roles.includes(right.id));
  const toolsOf = (role: Role) => role.tools.map((id) => knowledge.termById.get(id) as Term);
  return { left, right, leftTools: toolsOf(left), rightTools: toolsOf(right), comparison, sharedTerms };
}

/** Finds the role a phrase names, when it names exactly one kit confidently. */
export function matchRole(knowledge: Knowledge, phrase: string): Role | undefined {
  const result = search(knowledge.roleIndex, phrase);
  return result.kind === 'match' && !isOtherRole(result.item) ? result.item : undefined;
}

function answerCompare(knowledge: Knowledge, rest: string): RoleAnswer {
  const pair = splitPair(knowledge, rest);
  const compare = pair && compareRoles(knowledge, pair[0].id, pair[1].id);
  return compare
    ? { kind: 'compare', compare }
    : { kind: 'compare-help', query: rest, roles: [...knowledge.roles] };
}

/** Reads two roles from "backend data", "data engineer vs ML engineer" or "web, sre". */
function splitPair(knowledge: Knowledge, text: string): [Role, Role] | undefined {
  const bySeparator = text.split(COMPARE_SEPARATOR);
  if (bySeparator.length === 2) {
    const [a, b] = bySeparator.map((part) => matchRole(knowledge, part ?? ''));
    if (a && b) return [a, b];
  }
  // No separator: try every split of the words ("data engineer ml engineer").
  const words = text.split(/\s+/).filter(Boolean);
  for (let cut = 1; cut < words.length; cut++) {
    const a = matchRole(knowledge, words.slice(0, cut).join(' '));
    const b = a && matchRole(knowledge, words.slice(cut).join(' '));
    if (a && b) return [a, b];
  }
  return undefined;
}

/** The kits closest to a role that has none, closest first. */
export function closestRoles(knowledge: Knowledge, other: OtherRole): Role[] {
  // The loader guarantees that every reference resolves.
  return other.closest.map((id) => knowledge.roleById.get(id) as Role);
}

function buildRoleKit(knowledge: Knowledge, role: Role): RoleKit {
  return {
    role,
    tools: role.tools.map((id) => knowledge.termById.get(id) as Term),
    warnings: role.warnings.map((w) => ({
      mistake: knowledge.mistakeById.get(w.mistake) as Mistake,
      note: w.note,
    })),
    pythonVersions: knowledge.pythonVersions,
    typing: knowledge.typing,
  };
}
