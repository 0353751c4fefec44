/**
 * Review speed: time to review a 4,000-character hiring message and a long pasted job description, over the
 * labeled writers' texts, in the compiled build (in a process started as `npm start` starts one, with its Node
 * flags) and in the source through tsx (as `npm run dev` and the tests run it); and what the language layer
 * (wink-nlp and its English model) adds to start-up.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { labeledSets } from '../scripts/review-data.ts';
import * as source from '../src/knowledge/index.ts';
import { buildForStart, fmt, percentile, seededRandom, startNodeFlags, timeWithPauses } from './support.ts';

const LENGTH = 4_000;
const RUNS = 2_000;
/** The argument that makes this script the compiled build's measuring process (see `compiledFigures`). */
const COMPILED_CHILD = '--compiled-review-speed';

/** The language layer, compiled: wink-nlp's engine and PyHire's reading of a text with it. */
type Language = Pick<typeof import('../src/knowledge/language.ts'), 'nlp' | 'readText'>;

/** What the benchmark calls: the knowledge module, compiled or from source. */
type Reviewer = Pick<typeof source, 'loadKnowledge' | 'reviewMessage'>;

/** Reviews timed, and which had a garbage-collector pause inside (see `timeWithPauses`). */
type Timed = Awaited<ReturnType<typeof timeWithPauses>>;

/** What one process measures of a reviewer: 4,000-character texts and pasted job descriptions. */
interface ReviewTimes {
  chat: Timed;
  docs: Timed;
}

/** The compiled build's figures: the review, and under it the library alone and the whole language layer. */
interface CompiledFigures {
  review: ReviewTimes;
  library: number[];
  reading: number[];
}

/**
 * The texts reviewed, the same in every process and run: labeled messages strung together in a seeded random order
 * until 4,000 characters, and the labeled texts of 800+ characters (pasted job descriptions).
 */
function benchTexts(): { samples: string[]; documents: string[] } {
  const messages = labeledSets().flatMap((s) => s.messages.map((m) => m.text));
  const random = seededRandom(42);
  const samples = Array.from({ length: 50 }, () => {
    let text = '';
    while (text.length < LENGTH) text += `${messages[Math.floor(random() * messages.length)] ?? ''}\n`;
    return text.slice(0, LENGTH);
  });
  return { samples, documents: messages.filter((m) => m.length >= 800) };
}

/** The texts as `benchTexts` makes them (read once per process: it parses every labeled file). */
type BenchTexts = ReturnType<typeof benchTexts>;

async function timeReviews(reviewer: Reviewer, { samples, documents }: BenchTexts): Promise<ReviewTimes> {
  const knowledge = reviewer.loadKnowledge(fileURLToPath(new URL('../knowledge/', import.meta.url)));
  const review = (text: string) => reviewer.reviewMessage(knowledge, text);
  return {
    chat: await timeWithPauses(samples, RUNS, review),
    docs: await timeWithPauses(documents, 500, review),
  };
}

/** Measures the compiled build in this process (run by `benchReviewSpeed` with `npm start`'s Node flags). */
async function compiledFigures(): Promise<CompiledFigures> {
  const compiled = (await import(new URL('../dist/knowledge/index.js', import.meta.url).href)) as Reviewer;
  const texts = benchTexts();
  const review = await timeReviews(compiled, texts);
  // The floor under the review: the same 4,000-character texts through wink-nlp alone (tokens, sentences,
  // negation, parts of speech), and through the language layer (the library plus lines, shorthand, scope).
  const layer = (await import(new URL('../dist/knowledge/language.js', import.meta.url).href)) as Language;
  const timeEach = async (read: (text: string) => unknown) =>
    (await timeWithPauses(texts.samples, RUNS, read)).times;
  const library = await timeEach((text) => layer.nlp().readDoc(text));
  const reading = await timeEach((text) => layer.readText(text));
  return { review, library, reading };
}

export async function benchReviewSpeed(): Promise<string[]> {
  buildForStart();
  const flags = startNodeFlags();
  const out = execFileSync(
    process.execPath,
    [...flags, '--import', 'tsx', fileURLToPath(import.meta.url), COMPILED_CHILD],
    { cwd: fileURLToPath(new URL('../', import.meta.url)), encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
  );
  const compiled = lastJsonLine(out) as CompiledFigures;
  const texts = benchTexts();
  const fromSource = await timeReviews(source, texts);
  const lines = [
    `Review speed (${RUNS.toLocaleString('en')} reviews of ${LENGTH.toLocaleString('en')}-character texts; 500 of ${texts.documents.length} texts of 800+ characters (pasted job descriptions))`,
    ...reviewLines(`compiled (npm start: ${['node', ...flags, 'dist/main.js'].join(' ')})`, compiled.review),
    ...reviewLines('source via tsx', fromSource),
    '  of which, compiled, per 4,000 characters:',
    `    wink-nlp readDoc:  ${spread(compiled.library)}`,
    `    language layer:    ${spread(compiled.reading)}`,
  ];
  const language = languageCost(flags);
  lines.push(
    `  language layer at start-up (fresh process): ${language.ms.toFixed(0)} ms, +${language.mb.toFixed(0)} MB resident`,
  );
  return lines;
}

function spread(times: readonly number[]): string {
  return `p50 ${fmt(percentile(times, 50))}   p99 ${fmt(percentile(times, 99))}   max ${fmt(Math.max(...times))}`;
}

function reviewLines(name: string, { chat, docs }: ReviewTimes): string[] {
  const calm = chat.times.filter((_, i) => !chat.paused[i]);
  return [
    `  ${name}:`,
    `    4,000 characters:  ${spread(chat.times)}`,
    `      ${chat.times.length - calm.length} of ${RUNS.toLocaleString('en')} reviews had a garbage-collector pause inside; the others: p50 ${fmt(percentile(calm, 50))}   p99 ${fmt(percentile(calm, 99))}`,
    `    job descriptions:  ${spread(docs.times)}`,
  ];
}

/** Loads wink-nlp and its model in a fresh Node process and reports the time and resident memory it adds. */
function languageCost(flags: readonly string[]): { ms: number; mb: number } {
  const script = `
    const before = process.memoryUsage().rss;
    const t = performance.now();
    const { prepareLanguage } = await import(${JSON.stringify(new URL('../dist/knowledge/language.js', import.meta.url).href)});
    prepareLanguage();
    const ms = performance.now() - t;
    globalThis.gc?.();
    console.log(JSON.stringify({ ms, mb: (process.memoryUsage().rss - before) / 2 ** 20 }));`;
  const out = execFileSync(process.execPath, [...flags, '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  return lastJsonLine(out) as { ms: number; mb: number };
}

/** A measuring process's result: the JSON on its last line of output. */
function lastJsonLine(out: string): unknown {
  const last = out.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(last);
  } catch {
    throw new Error(`a measuring process printed no result; its output ended with: ${out.slice(-500)}`);
  }
}

if (process.argv.includes(COMPILED_CHILD)) console.log(JSON.stringify(await compiledFigures()));
else if (import.meta.url === `file://${process.argv[1]}`) console.log((await benchReviewSpeed()).join('\n'));
