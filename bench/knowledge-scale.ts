/**
 * Knowledge scale: load + validate + index time and lookup latency for the real glossary (256 terms, measured as it
 * is) and grown to 1,000 and 10,000 terms.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { answerTermQuery, loadKnowledge, type Term } from '../src/knowledge/index.ts';
import { fmt, nowMs, percentile, seededRandom } from './support.ts';

const KNOWLEDGE_DIR = new URL('../knowledge/', import.meta.url).pathname;
const SIZES = [100, 1_000, 10_000]; // 100: below the real glossary's size, so the real glossary as it is
const QUERIES_PER_KIND = 2_000;
const PARSE_CACHE = path.join(tmpdir(), 'pyhire-bench-parse-cache');

const SYLLABLES =
  'ka lo mi ne ru ta vo xi ze pa qu bi do fe gu hy ja ke li mo nu po ri sa te vu wo yo za'.split(' ');

/** A synthetic glossary term: a pronounceable name, two aliases, a category and a role. */
function syntheticTerm(i: number, random: () => number, categories: string[], roles: string[]): Term {
  const word = (n: number) =>
    Array.from({ length: n }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join('');
  const name = `${word(2 + Math.floor(random() * 2))}${i.toString(36)}`;
  return {
    id: `syn-${name}`,
    name: `${name[0]?.toUpperCase()}${name.slice(1)}`,
    aliases: [`${name} tool`, `${name}-${word(1)}`],
    category: categories[i % categories.length] as string,
    definition: `A synthetic term number ${i}, generated for the benchmark.`,
    whyItMatters: 'It makes the knowledge base large.',
    roles: [roles[i % roles.length] as string],
    supports: [],
    ask: `How have you used ${name}?`,
    related: [],
  };
}

/** The real knowledge with its glossary grown to `size` terms, written to a temporary folder. */
function writeKnowledge(size: number): { dir: string; synthetic: Term[] } {
  const real = loadKnowledge(KNOWLEDGE_DIR);
  const dir = mkdtempSync(path.join(tmpdir(), `pyhire-bench-${size}-`));
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  const random = seededRandom(size);
  const synthetic = Array.from({ length: Math.max(0, size - real.terms.length) }, (_, i) =>
    syntheticTerm(
      i,
      random,
      real.categories.map((c) => c.id),
      real.roles.map((r) => r.id),
    ),
  );
  // At a size the real glossary already reaches, it is measured as it is.
  if (synthetic.length > 0)
    writeFileSync(path.join(dir, 'glossary', 'synthetic.yaml'), stringify({ terms: synthetic }));
  return { dir, synthetic };
}

/** Swaps two neighbouring letters in the middle of a word: a typical typo. */
const typo = (word: string) => {
  const i = Math.max(1, Math.floor(word.length / 2) - 1);
  return `${word.slice(0, i)}${word[i + 1] ?? ''}${word[i] ?? ''}${word.slice(i + 2)}`;
};

export function benchKnowledgeScale(): string[] {
  const lines = ['Knowledge scale (load + validate + index; per-lookup latency over a fixed query mix)'];
  lines.push(
    '  terms   cold start  warm start  exact p50/p99      alias p50/p99      typo p50/p99       miss p50/p99',
  );
  for (const size of SIZES) {
    const { dir, synthetic } = writeKnowledge(size);
    // Cold: nothing parsed before (each run's folder is new, and the parse cache is cleared first).
    rmSync(PARSE_CACHE, { recursive: true, force: true });
    let started = nowMs();
    loadKnowledge(dir, { cacheDir: PARSE_CACHE });
    const cold = nowMs() - started;
    // Warm: the YAML parse cache is filled, as on every restart after the first.
    started = nowMs();
    const knowledge = loadKnowledge(dir, { cacheDir: PARSE_CACHE });
    const warm = nowMs() - started;
    const random = seededRandom(7);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
    const pool = [...knowledge.terms];
    const kinds: Record<string, string[]> = {
      exact: Array.from({ length: QUERIES_PER_KIND }, () => pick(pool).name),
      alias: Array.from(
        { length: QUERIES_PER_KIND },
        () => pick(pool.filter((t) => t.aliases.length > 0)).aliases[0] as string,
      ),
      typo: Array.from({ length: QUERIES_PER_KIND }, () =>
        typo(pick(synthetic.length > 0 ? synthetic : pool).name.toLowerCase()),
      ),
      miss: Array.from({ length: QUERIES_PER_KIND }, (_, i) => `zzq${i.toString(36)}xw vbn`),
    };
    const cells = Object.values(kinds).map((queries) => {
      for (const q of queries.slice(0, 200)) answerTermQuery(knowledge, q); // warm-up
      const samples = queries.map((q) => {
        const t = nowMs();
        answerTermQuery(knowledge, q);
        return nowMs() - t;
      });
      return `${fmt(percentile(samples, 50))} / ${fmt(percentile(samples, 99))}`.padEnd(19);
    });
    lines.push(
      `  ${String(knowledge.terms.length).padStart(6)}  ${fmt(cold).padEnd(11)} ${fmt(warm).padEnd(11)} ${cells.join('')}`,
    );
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(benchKnowledgeScale().join('\n'));
