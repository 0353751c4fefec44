/**
 * Trains the review model: one logistic regression per finding over the features of review-reading.ts.
 * Deterministic (sorted features, fixed full-batch steps, no randomness), so the same labeled sets always give the
 * same review-model.json. Used by `npm run train`, and by `npm run eval` and the tests to leave one writer out.
 */
import { sentenceFeatureParts } from './review-reading.ts';
import type { ReviewModel } from './schema.ts';

/** One labeled text, already read: its features for each finding, the findings it should raise, and who wrote it. */
export interface TrainingExample {
  features: Readonly<Record<string, readonly string[]>>;
  labels: readonly string[];
  /** The writer (labeled set) it comes from: a feature must be seen in `minSources` writers' texts to be learned. */
  source: string;
}

export interface TrainingOptions {
  /** Strength of the L2 penalty per example. */
  l2: number;
  epochs: number;
  /** A feature is learned only when this many writers used it. */
  minSources: number;
  /** Probability at or above which a finding is raised. */
  threshold: number;
  /** Weights smaller than this are left out of the model: the file stays small, and so small a weight rarely changes a decision. */
  minWeight: number;
  /**
   * How much a text that shows another mistake counts as an example of this finding being absent. Most labeled
   * texts show one mistake, so at full weight the model learns that evidence of one mistake argues against the
   * others ("a message about puzzles is not about conflation"), and misses the second mistake of a text that
   * shows two.
   */
  otherMistakeWeight: number;
  /**
   * Pairs `[finding, other]`: a text showing `other` (and not `finding`) counts in full as an example of `finding`'s
   * absence, because what tells the two apart is exactly the evidence they share. Python 2 and generic Python are
   * read from the same evidence (Python named, Python 2 or not), both ways. One person given another role's work
   * ("she can take over the Terraform too") is no neighbouring tool learned without ramp-up: at the light weight,
   * `ignoring-ecosystem-fit` learned such texts as its own ("he can pick up the pipelines").
   */
  confusable: readonly (readonly [string, string])[];
  /**
   * How much of the L2 penalty falls on a feature that holds a plain word (`u:screen`, `c:@sql|optional`) rather than
   * only concepts and the reading's structure. Writers say the same thing in their own words; a lighter penalty lets
   * the words that decide ("nah", "optional", "overruling") weigh enough to be heard beside the structure.
   */
  wordL2: number;
}

export const DEFAULT_TRAINING: TrainingOptions = {
  l2: 0.0002,
  wordL2: 0.3,
  epochs: 300,
  minSources: 3,
  threshold: 0.57,
  minWeight: 0.06,
  otherMistakeWeight: 0.15,
  confusable: [
    ['python-2-only', 'generic-python'],
    ['generic-python', 'python-2-only'],
    ['ignoring-ecosystem-fit', 'conflating-roles'],
  ],
};

/** Trains weights for each finding id. */
export function trainReviewModel(
  examples: readonly TrainingExample[],
  findingIds: readonly string[],
  options: TrainingOptions = DEFAULT_TRAINING,
): ReviewModel['findings'] {
  return trainPrepared(prepareExamples(examples, findingIds), options);
}

/**
 * Labeled examples with each finding's features numbered once, so that many models (one per writer left out) are
 * trained from one reading without looking their feature names up again for each.
 */
export interface PreparedExamples {
  examples: readonly TrainingExample[];
  findings: ReadonlyMap<string, PreparedFinding>;
}

interface PreparedFinding {
  /** Every feature an example names, sorted: a model's vocabulary is a part of it, in the same order. */
  names: string[];
  /** Per example, its features as indices into `names`, once each, in the order it names them. */
  rows: Int32Array[];
  /** Per feature, how many sources (writers) use it. */
  sources: Int32Array;
  /** Per source, the features it uses. */
  bySource: Map<string, Int32Array>;
  /** Per feature, whether it holds a plain word (`holdsWord`: it bears `wordL2` of the penalty). */
  words: Uint8Array;
}

/** Numbers each finding's features once (see `PreparedExamples`). */
export function prepareExamples(
  examples: readonly TrainingExample[],
  findingIds: readonly string[],
): PreparedExamples {
  const findings = new Map<string, PreparedFinding>();
  for (const id of findingIds) {
    const featuresOf = (e: TrainingExample) => e.features[id] ?? [];
    // Every feature named, numbered in sorted order.
    const seen = new Set<string>();
    for (const e of examples) for (const f of featuresOf(e)) seen.add(f);
    const names = [...seen].sort();
    const index = new Map(names.map((f, i) => [f, i]));
    // Each example's features as numbers, once each, in the order it names them; and which features each source uses.
    const marks = new Int32Array(names.length).fill(-1);
    const used = new Map<string, Set<number>>();
    const rows = examples.map((e, r) => {
      const row: number[] = [];
      const mine = used.get(e.source) ?? new Set<number>();
      used.set(e.source, mine);
      for (const f of featuresOf(e)) {
        const i = index.get(f) as number;
        if (marks[i] === r) continue;
        marks[i] = r;
        row.push(i);
        mine.add(i);
      }
      return Int32Array.from(row);
    });
    const sources = new Int32Array(names.length);
    const bySource = new Map<string, Int32Array>();
    for (const [source, features] of used) {
      for (const i of features) sources[i] = (sources[i] as number) + 1;
      bySource.set(source, Int32Array.from(features));
    }
    const words = Uint8Array.from(names, (f) => (holdsWord(f) ? 1 : 0));
    findings.set(id, { names, rows, sources, bySource, words });
  }
  return { examples, findings };
}

/**
 * Trains weights for each prepared finding on every example, or on all but one source's (`leftOut`: the writer left
 * out). The same model as training on those examples alone: a feature is learned when `minSources` of the sources
 * trained on use it.
 */
export function trainPrepared(
  prepared: PreparedExamples,
  options: TrainingOptions = DEFAULT_TRAINING,
  leftOut?: string,
): ReviewModel['findings'] {
  const kept = prepared.examples.flatMap((e, r) => (e.source === leftOut ? [] : [r]));
  const findings: ReviewModel['findings'] = {};
  for (const [id, finding] of prepared.findings) {
    const sources = Int32Array.from(finding.sources);
    if (leftOut !== undefined)
      for (const i of finding.bySource.get(leftOut) ?? []) sources[i] = (sources[i] as number) - 1;
    // The vocabulary: features enough sources use, numbered in the (sorted) order of `names`.
    const slot = new Int32Array(finding.names.length).fill(-1);
    const vocabulary: number[] = [];
    sources.forEach((n, i) => {
      // A feature only the writer left out uses is none of this model's, whatever `minSources` says.
      if (n === 0 || n < options.minSources) return;
      slot[i] = vocabulary.length;
      vocabulary.push(i);
    });
    // Each example's learned features, in the order it names them.
    const rows = kept.map((r) => {
      const row: number[] = [];
      for (const i of finding.rows[r] as Int32Array)
        if ((slot[i] as number) >= 0) row.push(slot[i] as number);
      return Int32Array.from(row);
    });
    const examples = kept.map((r) => prepared.examples[r] as TrainingExample);
    const labels = examples.map((e) => (e.labels.includes(id) ? 1 : 0));
    const near = new Set(options.confusable.flatMap(([a, b]) => (a === id ? [b] : [])));
    const sampleWeights = examples.map((e, r) =>
      labels[r] === 0 && e.labels.length > 0 && !e.labels.some((l) => near.has(l))
        ? options.otherMistakeWeight
        : 1,
    );
    const penalties = Float64Array.from(
      vocabulary,
      (i) => options.l2 * (finding.words[i] === 1 ? options.wordL2 : 1),
    );
    const { weights, bias } = fitLogistic(rows, labels, sampleWeights, penalties, options);
    const learned: Record<string, number> = {};
    weights.forEach((w, k) => {
      const rounded = Math.round(w * 1e4) / 1e4;
      if (Math.abs(rounded) >= options.minWeight)
        learned[finding.names[vocabulary[k] as number] as string] = rounded;
    });
    findings[id] = { bias: Math.round(bias * 1e4) / 1e4, threshold: options.threshold, weights: learned };
  }
  return findings;
}

/**
 * Whether a feature is a sentence feature that holds a plain word (`u:screen`, `c:@sql|optional`): it bears `wordL2`
 * of the L2 penalty, a feature of concepts and the reading's structure all of it.
 */
function holdsWord(feature: string): boolean {
  const parts = sentenceFeatureParts(feature);
  if (!parts || !WORD_KINDS.has(parts.kind)) return false;
  const concept = (unit: string) => unit.startsWith('@') || unit.startsWith('!@');
  return !(concept(parts.unit) && (parts.other === undefined || concept(parts.other)));
}

/** Kinds of sentence feature that hold a sentence's own units (review-reading.ts `visitSentenceFeatures`). */
const WORD_KINDS: ReadonlySet<string> = new Set(['u', 'b', 'c']);

/** Full-batch gradient descent with AdaGrad steps on the L2-penalised, example-weighted logistic loss. */
function fitLogistic(
  rows: readonly Int32Array[],
  labels: readonly number[],
  sampleWeights: readonly number[],
  penalties: Float64Array,
  options: TrainingOptions,
) {
  const size = penalties.length;
  const weights = new Float64Array(size);
  const squared = new Float64Array(size).fill(1e-8);
  let bias = 0;
  let biasSquared = 1e-8;
  const rate = 0.3;
  const n = rows.length;
  const gradient = new Float64Array(size);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    gradient.fill(0);
    let biasGradient = 0;
    for (let r = 0; r < n; r++) {
      const row = rows[r] as Int32Array;
      const length = row.length;
      let z = bias;
      // Indexed loops: iterating a typed array with for...of is several times slower here, in the hottest loop.
      for (let j = 0; j < length; j++) z += weights[row[j] as number] as number;
      const error = (1 / (1 + Math.exp(-z)) - (labels[r] as number)) * (sampleWeights[r] as number);
      biasGradient += error;
      for (let j = 0; j < length; j++) {
        const i = row[j] as number;
        gradient[i] = (gradient[i] as number) + error;
      }
    }
    for (let i = 0; i < size; i++) {
      const g = (gradient[i] as number) / n + (penalties[i] as number) * (weights[i] as number);
      squared[i] = (squared[i] as number) + g * g;
      weights[i] = (weights[i] as number) - (rate * g) / Math.sqrt(squared[i] as number);
    }
    const gb = biasGradient / n;
    biasSquared += gb * gb;
    bias -= (rate * gb) / Math.sqrt(biasSquared);
  }
  return { weights, bias };
}
