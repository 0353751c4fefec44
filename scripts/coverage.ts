/**
 * Vocabulary coverage: which words of a list /pyterm answers with a card. `npm run coverage -- <file>`, or the list
 * on standard input; one word or phrase a line, blank lines and `#` comments skipped.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  answerTermQuery,
  type Knowledge,
  loadKnowledge,
  type RolePointer,
  type TermAnswer,
} from '../src/knowledge/index.ts';

/** What /pyterm gave one line: a card (a term's or a role's), a did-you-mean, or nothing. */
export interface CoverageLine {
  word: string;
  result: 'card' | 'did-you-mean' | 'nothing';
  /** The card's name, or the names offered. */
  shown: string;
}

/** Coverage of a word list: every line's result, and how many got a card. */
export interface Coverage {
  lines: CoverageLine[];
  cards: number;
  suggestions: number;
  nothing: number;
}

/** The words of a list: one a line, trimmed; blank lines and `#` comments skipped. */
export function readWordList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** What one answer shows, in a word: the card, the suggestions, or nothing. */
export function describeAnswer(answer: TermAnswer): Omit<CoverageLine, 'word'> {
  switch (answer.kind) {
    case 'term': {
      const { card, role } = answer;
      return { result: 'card', shown: role ? `${card.term.name}, ${kitOf(role)}` : card.term.name };
    }
    case 'role': {
      const { role } = answer;
      const name = role.kind === 'kit' ? role.role.name : role.other.name;
      return { result: 'card', shown: `role ${name}, ${kitOf(role)}` };
    }
    case 'suggestions':
      return { result: 'did-you-mean', shown: answer.terms.map((t) => t.name).join(', ') };
    case 'no-match':
    case 'help':
      return { result: 'nothing', shown: '' };
  }
}

/** Where a role leads, in short: "/pyrole data", or "no kit, closest /pyrole ml, /pyrole data". */
function kitOf(role: RolePointer): string {
  return role.kind === 'kit'
    ? `/pyrole ${role.role.id}`
    : `no kit, closest ${role.closest.map((r) => `/pyrole ${r.id}`).join(', ')}`;
}

/** Asks /pyterm for every word, as Slack would. */
export function measureCoverage(knowledge: Knowledge, words: readonly string[]): Coverage {
  const lines = words.map((word) => ({ word, ...describeAnswer(answerTermQuery(knowledge, word)) }));
  const count = (result: CoverageLine['result']) => lines.filter((l) => l.result === result).length;
  return { lines, cards: count('card'), suggestions: count('did-you-mean'), nothing: count('nothing') };
}

/** The report: one line per word, then the coverage figure. */
export function formatCoverage({ lines, cards, suggestions, nothing }: Coverage): string {
  const width = Math.min(32, Math.max(0, ...lines.map((l) => l.word.length)));
  const rows = lines.map(({ word, result, shown }) =>
    `${result.padEnd(12)}  ${word.padEnd(width)}  ${result === 'did-you-mean' ? `${shown}?` : shown}`.trimEnd(),
  );
  const percent = ((100 * cards) / Math.max(lines.length, 1)).toFixed(1);
  rows.push(
    '',
    `Coverage: ${cards} of ${lines.length} (${percent}%) get a card; ${suggestions} a did-you-mean; ${nothing} nothing.`,
  );
  return rows.join('\n');
}

function main() {
  const [file] = process.argv.slice(2);
  if (file === undefined && process.stdin.isTTY) {
    console.error('Usage: npm run coverage -- <word list>   (or pipe the list in: one term a line)');
    process.exit(2);
  }
  const text = file === undefined || file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  const words = readWordList(text);
  if (words.length === 0) {
    console.error('The word list is empty: give one term a line.');
    process.exit(2);
  }
  const knowledge = loadKnowledge(new URL('../knowledge/', import.meta.url).pathname);
  console.log(formatCoverage(measureCoverage(knowledge, words)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
