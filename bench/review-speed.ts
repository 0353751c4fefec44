/**
 * Review speed: time to review a 4,000-character hiring message and a long pasted job description, over the
 * labeled writers' texts, in the compiled build (as `npm start` runs it) and in the source through tsx (as `npm
 * run dev` and the tests run it); and what the language layer (wink-nlp and its English model) adds to start-up.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { labeledSets } from '../scripts/review-data.ts';
import * as source from '../src/knowledge/index.ts';
import { buildForStart, fmt, nowMs, percentile, seededRandom } from './support.ts';

const LENGTH = 4_000;
const RUNS = 2_000;

/** The language layer, compiled: wink-nlp's engine and PyHire's reading of a text with it. */
type Language = Pick<typeof import('../src/knowledge/language.ts'), 'nlp' | 'readText'>;

/** What the benchmark calls: the knowledge module, compiled or from source. */
type Reviewer = Pick<typeof source, 'loadKnowledge' | 'reviewMessage'>;

export async function benchReviewSpeed(): Promise<string[]> {
  buildForStart();
  const compiled = (await import(new URL('../dist/knowledge/index.js', import.meta.url).href)) as Reviewer;
  const messages = labeledSets().flatMap((s) => s.messages.map((m) => m.text));
  const random = seededRandom(42);
  // Each sample: labeled messages strung together in a random order until 4,000 characters.
  const samples = Array.from({ length: 50 }, () => {
    let text = '';
    while (text.length < LENGTH) text += `${messages[Math.floor(random() * messages.length)] ?? ''}\n`;
    return text.slice(0, LENGTH);
  });
  const documents = messages.filter((m) => m.length >= 800);
  const lines = [
    `Review speed (${RUNS.toLocaleString('en')} reviews of ${LENGTH.toLocaleString('en')}-character texts; 500 of ${documents.length} texts of 800+ characters (pasted job descriptions))`,
  ];
  for (const [name, reviewer] of [
    ['compiled (npm start)', compiled],
    ['source via tsx', source],
  ] as const) {
    const knowledge = reviewer.loadKnowledge(fileURLToPath(new URL('../knowledge/', import.meta.url)));
    const time = (texts: readonly string[], runs: number) => {
      for (const text of texts) reviewer.reviewMessage(knowledge, text); // warm-up
      return Array.from({ length: runs }, (_, i) => {
        const t = nowMs();
        reviewer.reviewMessage(knowledge, texts[i % texts.length] as string);
        return nowMs() - t;
      });
    };
    const chat = time(samples, RUNS);
    const docs = time(documents, 500);
    lines.push(
      `  ${name}:`,
      `    4,000 characters:  p50 ${fmt(percentile(chat, 50))}   p99 ${fmt(percentile(chat, 99))}   max ${fmt(Math.max(...chat))}`,
      `    job descriptions:  p50 ${fmt(percentile(docs, 50))}   p99 ${fmt(percentile(docs, 99))}   max ${fmt(Math.max(...docs))}`,
    );
  }
  // The floor under the review: the same 4,000-character texts through wink-nlp alone (tokens, sentences,
  // negation, parts of speech), and through the language layer (the library plus lines, shorthand, scope).
  const layer = (await import(new URL('../dist/knowledge/language.js', import.meta.url).href)) as Language;
  const timeEach = (read: (text: string) => unknown) => {
    for (const text of samples) read(text);
    return Array.from({ length: RUNS }, (_, i) => {
      const t = nowMs();
      read(samples[i % samples.length] as string);
      return nowMs() - t;
    });
  };
  const library = timeEach((text) => layer.nlp().readDoc(text));
  const reading = timeEach((text) => layer.readText(text));
  lines.push(
    '  of which, compiled, per 4,000 characters:',
    `    wink-nlp readDoc:  p50 ${fmt(percentile(library, 50))}   p99 ${fmt(percentile(library, 99))}   max ${fmt(Math.max(...library))}`,
    `    language layer:    p50 ${fmt(percentile(reading, 50))}   p99 ${fmt(percentile(reading, 99))}   max ${fmt(Math.max(...reading))}`,
  );
  const language = languageCost();
  lines.push(
    `  language layer at start-up (fresh process): ${language.ms.toFixed(0)} ms, +${language.mb.toFixed(0)} MB resident`,
  );
  return lines;
}

/** Loads wink-nlp and its model in a fresh Node process and reports the time and resident memory it adds. */
function languageCost(): { ms: number; mb: number } {
  const script = `
    const before = process.memoryUsage().rss;
    const t = performance.now();
    const { prepareLanguage } = await import(${JSON.stringify(new URL('../dist/knowledge/language.js', import.meta.url).href)});
    prepareLanguage();
    const ms = performance.now() - t;
    globalThis.gc?.();
    console.log(JSON.stringify({ ms, mb: (process.memoryUsage().rss - before) / 2 ** 20 }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { ms: number; mb: number };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log((await benchReviewSpeed()).join('\n'));
