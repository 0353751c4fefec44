/** Answer-quality report for content editors: `npm run eval` after changing knowledge YAML. */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  answerRoleQuery,
  answerTermQuery,
  type Knowledge,
  loadKnowledge,
  reviewMessage,
} from '../src/knowledge/index.ts';

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

/** A labeled hiring message and the findings it should raise. */
export interface LabeledMessage {
  text: string;
  kind: string;
  expect: string[];
  note?: string;
}

/** Precision and recall of the mention review, per finding id and overall (micro-averaged). */
export function scoreFindings(knowledge: Knowledge, messages: LabeledMessage[]) {
  const ids = knowledge.mistakes.map((m) => m.id);
  const per = new Map(ids.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
  const errors: string[] = [];
  for (const { text, expect } of messages) {
    const got = reviewMessage(knowledge, text).map((f) => f.id);
    for (const id of ids) {
      const counts = per.get(id) as { tp: number; fp: number; fn: number };
      const wanted = expect.includes(id);
      const raised = got.includes(id);
      if (wanted && raised) counts.tp++;
      else if (raised) counts.fp++;
      else if (wanted) counts.fn++;
      if (wanted !== raised)
        errors.push(
          `${raised ? 'false alarm' : 'missed'} ${id}: ${JSON.stringify(text.replace(/\s+/g, ' ').slice(0, 140))}`,
        );
    }
  }
  const total = [...per.values()].reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), {
    tp: 0,
    fp: 0,
    fn: 0,
  });
  const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
  return {
    perFinding: [...per.entries()].map(([id, c]) => ({
      id,
      ...c,
      precision: ratio(c.tp, c.tp + c.fp),
      recall: ratio(c.tp, c.tp + c.fn),
    })),
    precision: ratio(total.tp, total.tp + total.fp),
    recall: ratio(total.tp, total.tp + total.fn),
    errors,
  };
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
  for (const [file, label] of [
    ['mentions.yaml', 'tuning set'],
    ['mentions-holdout.yaml', 'second set, informed one round of vocabulary fixes'],
    [
      'mentions-unseen.yaml',
      'third set; first measured at 83.3% precision, 66.7% recall, then informed three precision fixes',
    ],
  ] as const) {
    if (!existsSync(new URL(`../test/fixtures/eval/${file}`, import.meta.url))) continue;
    const { messages } = fixture<{ messages: LabeledMessage[] }>(file);
    const review = scoreFindings(knowledge, messages);
    console.log(
      `mention review, ${label} (${messages.length} messages): precision ${percent(review.precision * 100, 100)}, recall ${percent(review.recall * 100, 100)}`,
    );
    for (const f of review.perFinding) {
      console.log(
        `  ${f.id.padEnd(26)} precision ${percent(f.precision * 100, 100).padStart(6)}  recall ${percent(f.recall * 100, 100).padStart(6)}  (tp ${f.tp}, fp ${f.fp}, fn ${f.fn})`,
      );
    }
    for (const error of review.errors) console.log(`  ${error}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
