/** Review speed: time to review a 4,000-character hiring message, over varied real messages. */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadKnowledge, reviewMessage } from '../src/knowledge/index.ts';
import { fmt, nowMs, percentile, seededRandom } from './support.ts';

const LENGTH = 4_000;
const RUNS = 2_000;

export function benchReviewSpeed(): string[] {
  const knowledge = loadKnowledge(new URL('../knowledge/', import.meta.url).pathname);
  const { messages } = parse(
    readFileSync(new URL('../test/fixtures/eval/mentions.yaml', import.meta.url), 'utf8'),
  ) as {
    messages: { text: string }[];
  };
  const random = seededRandom(42);
  // Each sample: real labeled messages strung together in a random order until 4,000 characters.
  const samples = Array.from({ length: 50 }, () => {
    let text = '';
    while (text.length < LENGTH) text += `${messages[Math.floor(random() * messages.length)]?.text ?? ''}\n`;
    return text.slice(0, LENGTH);
  });
  for (const text of samples) reviewMessage(knowledge, text); // warm-up, and the one-off cue compilation
  const times = Array.from({ length: RUNS }, (_, i) => {
    const t = nowMs();
    reviewMessage(knowledge, samples[i % samples.length] as string);
    return nowMs() - t;
  });
  return [
    `Review speed (${LENGTH.toLocaleString('en')}-character messages, ${RUNS.toLocaleString('en')} reviews)`,
    `  p50 ${fmt(percentile(times, 50))}   p99 ${fmt(percentile(times, 99))}   max ${fmt(Math.max(...times))}`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(benchReviewSpeed().join('\n'));
