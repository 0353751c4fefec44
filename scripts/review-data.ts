/**
 * The review's labeled sets and how the review model is measured on them: leave-one-writer-out (train on every
 * writer but one, measure on the one left out) is the headline; the fit on the training text is reported beside it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { type Knowledge, readForReviewText, scoreFinding } from '../src/knowledge/index.ts';
import { readsAsEnglish } from '../src/knowledge/language.ts';
import { featuresFor, type ReviewReading, readingAllows } from '../src/knowledge/review-reading.ts';
import {
  DEFAULT_TRAINING,
  prepareExamples,
  type TrainingExample,
  type TrainingOptions,
  trainPrepared,
} from '../src/knowledge/review-training.ts';
import type { ReviewModel } from '../src/knowledge/schema.ts';

const EVAL_DIR = new URL('../test/fixtures/eval/', import.meta.url);

/** A labeled hiring message and the findings it should raise. */
export interface LabeledMessage {
  text: string;
  kind: string;
  expect: string[];
  note?: string;
}

/** One writer's labeled set. `heldOut`: a blind writer, left out in turn; otherwise always trained on. */
export interface LabeledSet {
  name: string;
  heldOut: boolean;
  messages: LabeledMessage[];
}

/** The earlier sets (written before the blind writers): always part of training, never a held-out writer. */
const EARLIER_SETS = ['mentions.yaml', 'mentions-holdout.yaml', 'mentions-unseen.yaml'];

/**
 * A set's messages that the review reads: those in English (`readsAsEnglish`). A message mostly in another language
 * is told that the review reads English, in the app and so here: it is neither trained on nor scored.
 */
function inEnglish(messages: readonly LabeledMessage[]): LabeledMessage[] {
  return messages.filter((m) => readsAsEnglish(m.text));
}

/** The messages of one labeled set's file, all of them (whatever their language). */
function messagesIn(file: URL): LabeledMessage[] {
  return (parse(readFileSync(file, 'utf8')) as { messages: LabeledMessage[] }).messages;
}

/** Every labeled set: the blind writers in `writers/`, then the earlier sets (English messages only). */
export function labeledSets(): LabeledSet[] {
  const read = (file: URL) => ({ messages: inEnglish(messagesIn(file)) });
  const writersDir = new URL('writers/', EVAL_DIR);
  const writers = readdirSync(writersDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.yaml$/, ''),
      heldOut: true,
      messages: read(new URL(f, writersDir)).messages,
    }));
  // One source: a word the earlier sets alone use is still seen in one writer's texts only.
  const earlier = {
    name: 'earlier',
    heldOut: false,
    messages: EARLIER_SETS.flatMap((f) => read(new URL(f, EVAL_DIR)).messages),
  };
  return [...writers, earlier];
}

/**
 * The sealed writers in `sealed/`: written blind like the others, but never trained on and never looked at while
 * the review was designed; `npm run eval` measures the committed method on them once per change.
 */
export function sealedSets(): LabeledSet[] {
  const dir = new URL('sealed/', EVAL_DIR);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.yaml$/, ''),
      heldOut: false,
      messages: inEnglish(messagesIn(new URL(f, dir))),
    }));
}

/** A labeled message read once, so many models can be trained and scored on it. */
export interface ReadExample extends TrainingExample {
  reading: ReviewReading;
  /** Per finding, its features with the sentence each comes from. */
  featureMaps: Record<string, Map<string, number>>;
  text: string;
  /** What the writer says the text is (`chat`, `jd`, `debrief`...). */
  kind: string;
}

export function readExamples(knowledge: Knowledge, sets: readonly LabeledSet[]): ReadExample[] {
  return sets.flatMap((set) =>
    set.messages.map((m) => {
      const reading = readForReviewText(knowledge, m.text);
      const features = Object.fromEntries(
        Object.entries(knowledge.reviewCues.anchors).map(([id, anchors]) => [
          id,
          featuresFor(reading, anchors),
        ]),
      );
      return {
        reading,
        text: m.text,
        kind: m.kind,
        featureMaps: features,
        features: Object.fromEntries(Object.entries(features).map(([id, map]) => [id, [...map.keys()]])),
        labels: m.expect,
        source: set.name,
      };
    }),
  );
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score {
  precision: number;
  recall: number;
  perFinding: ({ id: string; precision: number; recall: number } & Counts)[];
  errors: string[];
  /** The findings raised where none was wanted, with the kind of text each was raised on. */
  falseAlarms: { id: string; kind: string; text: string }[];
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);

/** Precision and recall of a model on read examples, per finding and micro-averaged. */
export function scoreModel(
  findings: ReviewModel['findings'],
  ids: readonly string[],
  examples: readonly ReadExample[],
): Score {
  const per = new Map(ids.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
  const errors: string[] = [];
  const falseAlarms: Score['falseAlarms'] = [];
  for (const example of examples) {
    for (const id of ids) {
      const weights = findings[id];
      const features = example.featureMaps[id] ?? new Map<string, number>();
      const raised =
        (weights ? scoreFinding(weights, features).probability >= weights.threshold : false) &&
        readingAllows(id, example.reading);
      const wanted = example.labels.includes(id);
      const counts = per.get(id) as Counts;
      if (wanted && raised) counts.tp++;
      else if (raised) counts.fp++;
      else if (wanted) counts.fn++;
      if (raised && !wanted) falseAlarms.push({ id, kind: example.kind, text: example.text });
      if (wanted !== raised)
        errors.push(
          `${raised ? 'false alarm' : 'missed'} ${id} [${example.source}]: ${JSON.stringify(example.text.replace(/\s+/g, ' ').slice(0, 140))}`,
        );
    }
  }
  return scoreFrom(
    [...per.entries()].map(([id, c]) => ({ id, ...c })),
    errors,
    falseAlarms,
  );
}

/** Adds counts per finding across scores (for a pooled figure over every writer left out). */
export function pooled(scores: readonly Score[], ids: readonly string[]): Score {
  const counts = ids.map((id) => ({
    id,
    ...scores
      .map((s) => s.perFinding.find((f) => f.id === id) as Counts)
      .reduce((a, x) => ({ tp: a.tp + x.tp, fp: a.fp + x.fp, fn: a.fn + x.fn }), { tp: 0, fp: 0, fn: 0 }),
  }));
  return scoreFrom(
    counts,
    scores.flatMap((s) => s.errors),
    scores.flatMap((s) => s.falseAlarms),
  );
}

/** Precision and recall per finding and micro-averaged over all, from true/false positive and miss counts. */
function scoreFrom(
  counts: readonly ({ id: string } & Counts)[],
  errors: string[],
  falseAlarms: Score['falseAlarms'],
): Score {
  const t = counts.reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), {
    tp: 0,
    fp: 0,
    fn: 0,
  });
  return {
    precision: ratio(t.tp, t.tp + t.fp),
    recall: ratio(t.tp, t.tp + t.fn),
    perFinding: counts.map((c) => ({
      ...c,
      precision: ratio(c.tp, c.tp + c.fp),
      recall: ratio(c.tp, c.tp + c.fn),
    })),
    errors,
    falseAlarms,
  };
}

/** Leave-one-writer-out: for each held-out writer, train on all other sets and score on that writer. */
export function leaveOneWriterOut(
  examples: readonly ReadExample[],
  sets: readonly LabeledSet[],
  ids: readonly string[],
  options: TrainingOptions = DEFAULT_TRAINING,
) {
  // The features are numbered once for every writer left out in turn.
  const prepared = prepareExamples(examples, ids);
  return sets
    .filter((s) => s.heldOut)
    .map((set) => {
      const test = examples.filter((e) => e.source === set.name);
      const model = trainPrepared(prepared, options, set.name);
      return { writer: set.name, messages: test.length, score: scoreModel(model, ids, test), model, test };
    });
}

/** The thresholds the threshold rule chooses among (`npm run eval` prints each). */
export const THRESHOLDS = [0.5, 0.52, 0.54, 0.55, 0.56, 0.57, 0.58, 0.6];

/** Mean precision and recall over writers. */
export function meanOf(scores: readonly Score[]): { precision: number; recall: number } {
  const mean = (pick: (s: Score) => number) => scores.reduce((n, s) => n + pick(s), 0) / scores.length;
  return { precision: mean((s) => s.precision), recall: mean((s) => s.recall) };
}

/**
 * Every writer's left-out model scored at each of `THRESHOLDS` (the training does not depend on the threshold), and
 * the threshold rule: the highest mean precision at a mean recall of 90% or more (the lowest threshold when none
 * reaches it), chosen over all writers and, for each writer, over the others only (then applied to that writer).
 */
export function thresholdSweep(results: ReturnType<typeof leaveOneWriterOut>, ids: readonly string[]) {
  const at = THRESHOLDS.map((threshold) =>
    results.map((r) => {
      const model = Object.fromEntries(
        Object.entries(r.model).map(([id, finding]) => [id, { ...finding, threshold }]),
      );
      return scoreModel(model, ids, r.test);
    }),
  );
  const choose = (leftOut: number) => {
    const means = at.map((scores) => meanOf(scores.filter((_, w) => w !== leftOut)));
    let best = -1;
    means.forEach((m, k) => {
      if (m.recall >= 0.9 && (best < 0 || m.precision > (means[best] as typeof m).precision)) best = k;
    });
    return Math.max(best, 0);
  };
  const chosen = results.map((_, w) => choose(w));
  return {
    byThreshold: THRESHOLDS.map((threshold, k) => ({ threshold, ...meanOf(at[k] as Score[]) })),
    rule: THRESHOLDS[choose(-1)] as number,
    nested: meanOf(chosen.map((k, w) => (at[k] as Score[])[w] as Score)),
    nestedThresholds: [...new Set(chosen.map((k) => THRESHOLDS[k] as number))].sort((a, b) => a - b),
  };
}

/**
 * Labeled texts the review does not read because they are in another language: per file of `writers/`, `sealed/`
 * and `other-languages/` (a writer who wrote in German), how many of its texts, and how many mistakes they hold.
 */
export function otherLanguageTexts(): { file: string; texts: number; of: number; mistakes: number }[] {
  return ['writers/', 'sealed/', 'other-languages/'].flatMap((folder) => {
    const dir = new URL(folder, EVAL_DIR);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => {
        const messages = messagesIn(new URL(f, dir));
        const other = messages.filter((m) => !readsAsEnglish(m.text));
        return {
          file: `${folder}${f}`,
          texts: other.length,
          of: messages.length,
          mistakes: other.reduce((n, m) => n + m.expect.length, 0),
        };
      })
      .filter((x) => x.texts > 0);
  });
}
