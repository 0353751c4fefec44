/**
 * Reviews hiring text for the guide's common mistakes. The text is read by the language layer and named with
 * the knowledge (review-reading.ts); the trained model in review-model.json weighs what was read into findings.
 * Each finding quotes the sentence that weighed most for it and offers the kits that help.
 */
import type { Knowledge } from './load.ts';
import type { ReviewReading } from './review-reading.ts';
import { featuresFor, neighbourPairs, prepareReading, readForReview, rolesNamed } from './review-reading.ts';
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
  return findingsOf(knowledge, readForReview(knowledge, prepare(text)));
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
  const reading = readForReview(knowledge, prepare(text));
  return reading.sentences.flatMap((s) =>
    s.names
      .filter((n) => n.entry.title)
      .flatMap((n) => n.entry.roles.map((role) => ({ role, kind: 'title' as const, text: n.text }))),
  );
}

/** The model's probability that a reading shows a finding, and the sentence that weighed most for it. */
export function scoreFinding(
  weights: ReviewModel['findings'][string],
  features: ReadonlyMap<string, number>,
): { probability: number; sentence: number } {
  let sum = weights.bias;
  const bySentence = new Map<number, number>();
  for (const [feature, at] of features) {
    const w = weights.weights[feature];
    if (w === undefined) continue;
    sum += w;
    if (at >= 0) bySentence.set(at, (bySentence.get(at) ?? 0) + w);
  }
  let sentence = -1;
  let best = 0;
  for (const [at, w] of bySentence) {
    if (w > best) {
      best = w;
      sentence = at;
    }
  }
  return { probability: 1 / (1 + Math.exp(-sum)), sentence };
}

function findingsOf(knowledge: Knowledge, reading: ReviewReading): Finding[] {
  const findings: Finding[] = [];
  for (const mistake of knowledge.mistakes) {
    const weights = knowledge.reviewModel.findings[mistake.id];
    if (!weights) continue;
    const anchors = knowledge.reviewCues.anchors[mistake.id] ?? [];
    const { probability, sentence } = scoreFinding(weights, featuresFor(reading, anchors));
    if (probability < weights.threshold) continue;
    findings.push({
      id: mistake.id,
      mistake,
      triggers: triggersOf(mistake.id, reading, sentence),
      roles: kitsFor(knowledge, rolesOf(mistake.id, reading)),
    });
  }
  return findings;
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

/** Compiles the review's names for a knowledge base and loads the language model (done once, at load). */
export function prepareReviewer(knowledge: Knowledge): void {
  prepareReading(knowledge);
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
