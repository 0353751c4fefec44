/**
 * Reviews hiring text for the guide's common mistakes. The text is read by the language layer and named with
 * the knowledge (review-reading.ts); the trained model in review-model.json weighs what was read into findings.
 * Each finding quotes the sentence that weighed most for it and offers the kits that help.
 */
import { prepareLanguage } from './language.ts';
import type { Knowledge } from './load.ts';
import type { ReviewReading } from './review-reading.ts';
import {
  neighbourPairs,
  prepareReading,
  readForReview,
  readingAllows,
  readSentences,
  rolesNamed,
  type SentenceFeatureKind,
  type SentenceFeatureParts,
  sentenceFeatureParts,
  visitSentenceFeatures,
} from './review-reading.ts';
import { closestRoles } from './roles.ts';
import type { Mistake, ReviewModel, Role } from './schema.ts';
import { stripSlackMarkup } from './search.ts';

/** One common hiring mistake seen in a text, with what triggered it and the kits that help. */
export interface Finding {
  id: string;
  mistake: Mistake;
  /** What triggered it: the sentence that weighed most, as written, and for some findings the names involved. */
  triggers: string[];
  /** Role kits to offer alongside the finding. */
  roles: Role[];
}

/** A role title named in a text. */
export interface RoleSignal {
  role: string;
  kind: 'title';
  text: string;
}

/** Text longer than this is reviewed only up to here, keeping the review fast on pasted documents. */
export const MAX_REVIEW_LENGTH = 20_000;
/** Longest quote of a triggering sentence. */
const MAX_QUOTE = 160;

/** Reviews one text (a message or a whole job description); findings come in the order of mistakes.yaml. */
export function reviewMessage(knowledge: Knowledge, text: string): Finding[] {
  return findingsInReading(knowledge, readForReviewText(knowledge, text));
}

/** How the review reads a text: the reading its findings are weighed from (used to train and evaluate the model). */
export function readForReviewText(knowledge: Knowledge, text: string): ReviewReading {
  return readForReview(knowledge, prepare(text));
}

/** Reviews several messages (a thread) and merges what each found. */
export function reviewMessages(knowledge: Knowledge, texts: readonly string[]): Finding[] {
  const merged = new Map<string, Finding>();
  for (const text of texts) {
    for (const finding of reviewMessage(knowledge, text)) {
      const seen = merged.get(finding.id);
      if (!seen) merged.set(finding.id, finding);
      else {
        seen.triggers = unique([...seen.triggers, ...finding.triggers]).slice(0, 4);
        seen.roles = unique([...seen.roles, ...finding.roles]);
      }
    }
  }
  return knowledge.mistakes.flatMap((m) => merged.get(m.id) ?? []);
}

/** Role titles named in a text ("data engineer", "MLE"), in order. */
export function findRoleSignals(knowledge: Knowledge, text: string): RoleSignal[] {
  const reading = readForReviewText(knowledge, text);
  return reading.sentences.flatMap((s) =>
    s.names
      .filter((n) => n.entry.title)
      .flatMap((n) => n.entry.roles.map((role) => ({ role, kind: 'title' as const, text: n.text }))),
  );
}

/** One finding's trained weights, as the model file stores them. */
type FindingWeights = ReviewModel['findings'][string];

/** Weights as a Map, made once per model: a Map look-up is several times faster than an object's with many keys. */
const weightMaps = new WeakMap<FindingWeights, Map<string, number>>();

/** The logistic function: a finding's probability from its weighted sum. */
function probabilityOf(sum: number): number {
  return 1 / (1 + Math.exp(-sum));
}

/** The model's probability that a text shows a finding, and the sentence that weighed most for it. */
export function scoreFinding(
  weights: FindingWeights,
  features: ReadonlyMap<string, number>,
): { probability: number; sentence: number } {
  let map = weightMaps.get(weights);
  if (!map) {
    map = new Map(Object.entries(weights.weights));
    weightMaps.set(weights, map);
  }
  let sum = weights.bias;
  const bySentence: number[] = [];
  for (const [feature, at] of features) {
    const w = map.get(feature);
    if (w === undefined) continue;
    sum += w;
    if (at >= 0) bySentence[at] = (bySentence[at] ?? 0) + w;
  }
  return { probability: probabilityOf(sum), sentence: heaviest(bySentence) };
}

/**
 * The model compiled for fast scoring. Each feature is a row of `table`: its weight for each scored finding (row `r`,
 * finding `k` at `r * mistakes.length + k`). Sentence features are kept by their parts (kind, unit, other unit), so
 * scoring a sentence joins no strings.
 */
interface CompiledModel {
  mistakes: Mistake[];
  anchors: string[][];
  bias: number[];
  threshold: number[];
  table: Float64Array;
  /** Every feature's row by the name the model file gives it. */
  rows: Map<string, number>;
  /** Sentence features' rows by their parts (see `sentenceRows`). */
  parts: SentenceRows;
  /**
   * Which findings have counted each row in the review under way: `counted[r]` is valid while `countedIn[r]` is the
   * review's number. Reused from review to review (the review is synchronous), so scoring allocates no set.
   */
  counted: Int32Array;
  countedIn: Int32Array;
  reviews: number;
}

/**
 * Rows of sentence features by their parts (see `visitSentenceFeatures`). Each unit the model's sentence features
 * name has a number; a two-unit feature is found by its units' numbers, so a sentence's units are looked up once
 * each and a unit the model never names rules out every feature it is part of. -1: no row.
 */
interface SentenceRows {
  unitIds: Map<string, number>;
  u: Int32Array;
  side: Int32Array;
  team: number;
  b: Map<number, number>;
  c: Map<number, number>;
}

const compiledModels = new WeakMap<Knowledge, CompiledModel>();

function compiledModel(knowledge: Knowledge): CompiledModel {
  let compiled = compiledModels.get(knowledge);
  if (!compiled) {
    const mistakes = knowledge.mistakes.filter((m) => knowledge.reviewModel.findings[m.id]);
    const rows = new Map<string, number>();
    for (const m of mistakes)
      for (const feature of Object.keys(knowledge.reviewModel.findings[m.id]?.weights ?? {}))
        if (!rows.has(feature)) rows.set(feature, rows.size);
    const table = new Float64Array(rows.size * mistakes.length);
    mistakes.forEach((m, k) => {
      for (const [feature, w] of Object.entries(knowledge.reviewModel.findings[m.id]?.weights ?? {}))
        table[(rows.get(feature) as number) * mistakes.length + k] = w;
    });
    compiled = {
      mistakes,
      anchors: mistakes.map((m) => knowledge.reviewCues.anchors[m.id] ?? []),
      bias: mistakes.map((m) => knowledge.reviewModel.findings[m.id]?.bias ?? 0),
      threshold: mistakes.map((m) => knowledge.reviewModel.findings[m.id]?.threshold ?? 1),
      table,
      rows,
      parts: sentenceRows(rows),
      counted: new Int32Array(rows.size),
      countedIn: new Int32Array(rows.size),
      reviews: 0,
    };
    compiledModels.set(knowledge, compiled);
  }
  return compiled;
}

/** The sentence features among a model's, by their parts. */
function sentenceRows(rows: ReadonlyMap<string, number>): SentenceRows {
  const split: [SentenceFeatureParts, number][] = [];
  let team = -1;
  for (const [feature, row] of rows) {
    const read = sentenceFeatureParts(feature);
    if (read?.kind === 'team') team = row;
    else if (read) split.push([read, row]);
  }
  const unitIds = new Map<string, number>();
  for (const [{ unit, other }] of split)
    for (const name of other === undefined ? [unit] : [unit, other])
      if (!unitIds.has(name)) unitIds.set(name, unitIds.size);
  const size = unitIds.size;
  const parts: SentenceRows = {
    unitIds,
    u: new Int32Array(size).fill(-1),
    side: new Int32Array(size).fill(-1),
    team,
    b: new Map(),
    c: new Map(),
  };
  for (const [{ kind, unit, other }, row] of split) {
    const id = unitIds.get(unit) as number;
    if (kind === 'b' || kind === 'c')
      parts[kind].set(id * size + (unitIds.get(other as string) as number), row);
    else if (kind === 'u' || kind === 'side') parts[kind][id] = row;
  }
  return parts;
}

/**
 * Scores every finding in one pass over the reading's features: the same sums as `scoreFinding` over
 * `featuresFor` each finding, without building a feature set per finding.
 */
export function findingsInReading(knowledge: Knowledge, reading: ReviewReading): Finding[] {
  const model = compiledModel(knowledge);
  const scores = scoresOf(model, reading);
  const findings: Finding[] = [];
  model.mistakes.forEach((mistake, k) => {
    if (probabilityOf(scores.sums[k] as number) < (model.threshold[k] as number)) return;
    if (!readingAllows(mistake.id, reading)) return;
    findings.push({
      id: mistake.id,
      mistake,
      triggers: triggersOf(
        mistake.id,
        reading,
        heaviest(scores.bySentence, k * scores.sentences, scores.sentences),
      ),
      roles: kitsFor(knowledge, rolesOf(mistake.id, reading)),
    });
  });
  return findings;
}

/**
 * The model's probability of each scored finding for a reading, by finding id, and the sentence that weighed most
 * for it (-1 for none): what the review weighs, the same as `scoreFinding` over `featuresFor` each finding.
 */
export function reviewScores(
  knowledge: Knowledge,
  reading: ReviewReading,
): Record<string, { probability: number; sentence: number }> {
  const model = compiledModel(knowledge);
  const scores = scoresOf(model, reading);
  return Object.fromEntries(
    model.mistakes.map((m, k) => [
      m.id,
      {
        probability: probabilityOf(scores.sums[k] as number),
        sentence: heaviest(scores.bySentence, k * scores.sentences, scores.sentences),
      },
    ]),
  );
}

/** Each finding's weighted sum, and how much each sentence added to it (finding `k`, sentence `i` at `k * sentences + i`). */
interface Scores {
  sums: number[];
  bySentence: Float64Array;
  sentences: number;
}

/** Each finding's weighted sum, and how much each sentence added to it (for the quote). */
function scoresOf(model: CompiledModel, reading: ReviewReading): Scores {
  const { parts, table, counted, countedIn } = model;
  const n = model.mistakes.length;
  const sentences = reading.sentences.length;
  const sums = [...model.bias];
  const bySentence = new Float64Array(n * sentences);
  const masks = readSentences(reading, model.anchors);
  const all = (1 << n) - 1;
  // Each feature counts once per finding: `counted` says which findings have counted a row already.
  if (model.reviews >= 0x7fffffff) {
    model.reviews = 0;
    countedIn.fill(0);
  }
  const review = ++model.reviews;
  const count = (row: number, mask: number, at: number) => {
    const before = countedIn[row] === review ? (counted[row] as number) : 0;
    const fresh = mask & ~before;
    if (fresh === 0) return;
    counted[row] = before | fresh;
    countedIn[row] = review;
    for (let k = 0; k < n; k++) {
      if ((fresh & (1 << k)) === 0) continue;
      const weight = table[row * n + k] as number;
      sums[k] = (sums[k] as number) + weight;
      if (at >= 0) bySentence[k * sentences + at] = (bySentence[k * sentences + at] as number) + weight;
    }
  };
  for (const feature of reading.documentFeatures) {
    const row = model.rows.get(feature);
    if (row !== undefined) count(row, all, -1);
  }
  const size = parts.unitIds.size;
  let ids: number[] = [];
  let mask = 0;
  let at = 0;
  const visit = (kind: SentenceFeatureKind, unit: number, other: number) => {
    let row: number | undefined;
    if (kind === 'team') row = parts.team;
    else {
      const id = ids[unit] as number;
      if (id < 0) return;
      if (kind === 'u' || kind === 'side') row = parts[kind][id];
      else {
        const second = ids[other] as number;
        if (second < 0) return;
        row = parts[kind].get(id * size + second);
      }
    }
    if (row !== undefined && row >= 0) count(row, mask, at);
  };
  reading.sentences.forEach((s, i) => {
    mask = masks[i] as number;
    if (mask === 0) return;
    at = i;
    ids = s.units.map((u) => parts.unitIds.get(u) ?? -1);
    visitSentenceFeatures(s, visit);
  });
  return { sums, bySentence, sentences };
}

/**
 * The sentence whose features weighed most, or -1: the first of equals, from the weights by sentence (`count` of them
 * from `start`; a sentence without any is 0).
 */
function heaviest(weights: ArrayLike<number | undefined>, start = 0, count = weights.length): number {
  let sentence = -1;
  let best = 0;
  for (let i = 0; i < count; i++) {
    const w = weights[start + i] ?? 0;
    if (w > best) {
      best = w;
      sentence = i;
    }
  }
  return sentence;
}

/** The quote a finding shows: the line (or, in a long line, the sentence) that weighed most for it. */
function triggersOf(id: string, reading: ReviewReading, at: number): string[] {
  const triggers: string[] = [];
  const read = reading.sentences[at];
  if (read) {
    const line = reading.lines[read.sentence.line] ?? '';
    const quote = line.length <= MAX_QUOTE && line !== '' ? line : read.sentence.text;
    triggers.push(clip(quote.replace(/^[\s*•·\-–—>]+/, '')));
  }
  if (id === 'conflating-roles' && reading.dutyRoles.length >= 2)
    triggers.push(reading.dutyRoles.join(' + '));
  if (id === 'ignoring-ecosystem-fit') {
    const pair = neighbourPairs(reading)[0];
    if (pair) triggers.push(`${pair[0]} / ${pair[1]}`);
  }
  return triggers.length > 0 ? triggers : ['the message as a whole'];
}

function rolesOf(id: string, reading: ReviewReading): string[] {
  if (id === 'undervaluing-sql') return ['data'];
  if (id === 'conflating-roles' && reading.dutyRoles.length >= 2) return reading.dutyRoles;
  if (reading.mainRole) return [reading.mainRole];
  return rolesNamed(reading);
}

/** Kits for role ids; a role without a kit brings its closest kit. Falls back to every kit. */
function kitsFor(knowledge: Knowledge, roleIds: readonly string[]): Role[] {
  const { roleById, otherRoles, roles } = knowledge;
  const kits = roleIds.flatMap((id) => {
    const role = roleById.get(id);
    if (role) return [role];
    const other = otherRoles.find((o) => o.id === id);
    return other ? closestRoles(knowledge, other).slice(0, 1) : [];
  });
  return kits.length > 0 ? unique(kits).slice(0, 4) : [...roles];
}

/** Compiles the review's names and model for a knowledge base and loads the language model (done once, at load). */
export function prepareReviewer(knowledge: Knowledge): void {
  prepareReading(knowledge);
  compiledModel(knowledge);
  prepareLanguage();
}

/** The text a review reads: Slack markup out, length bounded. */
function prepare(text: string): string {
  return stripSlackMarkup(text.slice(0, MAX_REVIEW_LENGTH));
}

function clip(text: string): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  return folded.length <= MAX_QUOTE ? folded : `${folded.slice(0, MAX_QUOTE - 1).trimEnd()}…`;
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
