/** `npm run train`: trains the review model on every labeled set and writes knowledge/review-model.json. */
import { writeFileSync } from 'node:fs';
import { loadKnowledge } from '../src/knowledge/index.ts';
import { DEFAULT_TRAINING, trainReviewModel } from '../src/knowledge/review-training.ts';
import type { ReviewModel } from '../src/knowledge/schema.ts';
import { labeledSets, readExamples } from './review-data.ts';

const dir = new URL('../knowledge/', import.meta.url);
const knowledge = loadKnowledge(dir.pathname, { withoutReviewModel: true });
const sets = labeledSets();
const examples = readExamples(knowledge, sets);
const ids = knowledge.mistakes.map((m) => m.id);
const model: ReviewModel = {
  trainedOn: {
    command: 'npm run train',
    sets: sets.map((s) => `${s.name} (${s.messages.length})`),
    messages: examples.length,
  },
  findings: trainReviewModel(examples, ids, DEFAULT_TRAINING),
};
writeFileSync(new URL('review-model.json', dir), `${JSON.stringify(model, null, 2)}\n`);
const weights = Object.values(model.findings).reduce((n, f) => n + Object.keys(f.weights).length, 0);
console.log(
  `review model: ${examples.length} messages from ${sets.length} sets, ${weights} weights → knowledge/review-model.json`,
);
