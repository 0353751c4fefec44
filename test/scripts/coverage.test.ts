/** `npm run coverage`: what /pyterm gives each word of a list, and the coverage figure. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatCoverage, measureCoverage, readWordList } from '../../scripts/coverage.ts';
import { realKnowledge } from '../support/test-app.ts';

const SCRIPT = new URL('../../scripts/coverage.ts', import.meta.url).pathname;
const TSX = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;
const VOCABULARY = new URL('../../docs/posting-vocabulary.txt', import.meta.url).pathname;

const run = (args: string[], input = '') =>
  spawnSync(TSX, [SCRIPT, ...args], { input, encoding: 'utf8', timeout: 15_000 });

describe('coverage of a word list', () => {
  it('reads one term a line, skipping blank lines and comments', () => {
    expect(readWordList('# postings\ndjango\n\n  data engineering  \r\n# end\n')).toEqual([
      'django',
      'data engineering',
    ]);
  });

  it('tells a term card, a role card, a did-you-mean and nothing apart, and counts the cards', () => {
    const coverage = measureCoverage(realKnowledge(), ['djnago', 'data engineering', 'rst', 'qzxwv']);
    expect(coverage.lines.map((l) => [l.result, l.shown])).toEqual([
      ['card', 'Django'],
      ['card', 'role Data Engineer, /pyrole data'],
      ['did-you-mean', expect.stringContaining('Rust')],
      ['nothing', ''],
    ]);
    expect([coverage.cards, coverage.suggestions, coverage.nothing]).toEqual([2, 1, 1]);
    expect(formatCoverage(coverage)).toMatch(
      /\nCoverage: 2 of 4 \(50\.0%\) get a card; 1 a did-you-mean; 1 nothing\.$/,
    );
  });

  it('names the kits a term card also points to', () => {
    const [line] = measureCoverage(realKnowledge(), ['data scientist']).lines;
    expect(line).toEqual({
      word: 'data scientist',
      result: 'card',
      shown: 'Data science, no kit, closest /pyrole ml, /pyrole data',
    });
  });
});

describe('npm run coverage', () => {
  it('reads the list from standard input and prints a line per word, then the figure', () => {
    const { status, stdout } = run([], 'dbt\nsre\nqzxwv\n');
    expect(status).toBe(0);
    expect(stdout.split('\n').slice(0, 3)).toEqual([
      'card          dbt    dbt',
      'card          sre    role DevOps/Automation, /pyrole devops',
      'nothing       qzxwv',
    ]);
    expect(stdout).toContain('Coverage: 2 of 3 (66.7%) get a card; 0 a did-you-mean; 1 nothing.');
  });

  it('reads the list from a file named on the command line', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pyhire-coverage-')), 'words.txt');
    writeFileSync(file, '# a list\nRust\nOpenAI\n');
    const { status, stdout } = run([file]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^card {10}Rust {4}Rust\ncard {10}OpenAI {2}OpenAI API\n/);
    expect(stdout).toContain('Coverage: 2 of 2 (100.0%)');
  });

  it('refuses an empty list', () => {
    const { status, stderr } = run([], '\n# nothing\n');
    expect(status).toBe(2);
    expect(stderr).toContain('The word list is empty');
  });

  it('the example posting vocabulary holds about 170 different words, most of them covered', () => {
    const words = readWordList(readFileSync(VOCABULARY, 'utf8'));
    expect(words.length).toBeGreaterThanOrEqual(150);
    expect(words.length).toBeLessThanOrEqual(200);
    expect(new Set(words.map((w) => w.toLowerCase())).size).toBe(words.length);
    const coverage = measureCoverage(realKnowledge(), words);
    expect(coverage.cards / words.length).toBeGreaterThanOrEqual(0.9);
  });
});
