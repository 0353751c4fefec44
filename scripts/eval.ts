/** Answer-quality report for content editors: `npm run eval` after changing knowledge YAML. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { answerRoleQuery, answerTermQuery, type Knowledge, loadKnowledge } from '../src/knowledge/index.ts';

const fixture = <T>(name: string): T =>
  parse(readFileSync(new URL(`../test/fixtures/eval/${name}`, import.meta.url), 'utf8')) as T;

/** A labeled query: the id a confident answer must show, or `none` when no card may be shown. */
export interface LabeledQuery {
  query: string;
  expect: string;
}

/** What one query got, as a short string: an id, `?(a,b)` for suggestions, or the answer kind. */
export function describeTermAnswer(knowledge: Knowledge, query: string): string {
  const answer = answerTermQuery(knowledge, query);
  if (answer.kind === 'term') return answer.card.term.id;
  if (answer.kind === 'suggestions') return `?(${answer.terms.map((t) => t.id).join(',')})`;
  return answer.kind;
}

/** What one /pyrole query got: a role id, `other:<id>` for a role without a kit, `?(a,b)`, or the answer kind. */
export function describeRoleAnswer(knowledge: Knowledge, query: string): string {
  const answer = answerRoleQuery(knowledge, query);
  if (answer.kind === 'kit') return answer.kit.role.id;
  if (answer.kind === 'other-role') return `other:${answer.other.id}`;
  if (answer.kind === 'suggestions') return `?(${answer.roles.map((r) => r.id).join(',')})`;
  return answer.kind;
}

/** Scores labeled queries: a query passes when it shows the expected card, or no card for `none`. */
export function scoreQueries(queries: LabeledQuery[], describe: (query: string) => string) {
  const misses: string[] = [];
  for (const { query, expect } of queries) {
    const got = describe(query);
    const pass =
      expect === 'none' ? !/^[a-z0-9-]+$/.test(got) || got === 'no-match' || got === 'help' : got === expect;
    if (!pass) misses.push(`${JSON.stringify(query)}: expected ${expect}, got ${got}`);
  }
  return { total: queries.length, correct: queries.length - misses.length, misses };
}

const percent = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1)}%`;

function main() {
  const knowledge = loadKnowledge(new URL('../knowledge/', import.meta.url).pathname);
  const terms = scoreQueries(fixture<{ queries: LabeledQuery[] }>('pyterm.yaml').queries, (q) =>
    describeTermAnswer(knowledge, q),
  );
  console.log(
    `/pyterm top-1 accuracy: ${percent(terms.correct, terms.total)} (${terms.correct}/${terms.total})`,
  );
  for (const miss of terms.misses) console.log(`  miss ${miss}`);
  const roles = scoreQueries(fixture<{ queries: LabeledQuery[] }>('pyrole.yaml').queries, (q) =>
    describeRoleAnswer(knowledge, q),
  );
  console.log(
    `/pyrole top-1 accuracy: ${percent(roles.correct, roles.total)} (${roles.correct}/${roles.total})`,
  );
  for (const miss of roles.misses) console.log(`  miss ${miss}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
