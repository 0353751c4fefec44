/**
 * Lookup shared by terms and roles: exact folded keys first; then a trigram index narrows the keys to a few
 * candidates, fuse.js ranks them and an edit-distance similarity decides how confident the answer is (a query of
 * four letters or fewer is answered only on an exact key; a near miss gets suggestions).
 */
import Fuse from 'fuse.js';

/** Longest query, in characters, that is looked up at all: longer text is no term or role name. */
export const MAX_QUERY_LENGTH = 120;
/** Similarity (0 to 1) at or above which a fuzzy match answers directly. */
export const CONFIDENT_SIMILARITY = 0.75;
/** Similarity at or above which a match is offered as "Did you mean". */
export const SUGGEST_SIMILARITY = 0.55;
/**
 * Queries of fewer letters and digits than this answer only on an exact name or alias: one edit is a quarter of a
 * four-letter word, so "rust" is as close to "rest" as "djnago" is to "django", and a confident card would often
 * be wrong. A language's "++" and "#" count as typed ("F#" is short, though it folds to "fsharp").
 */
export const MIN_FUZZY_ANSWER_LENGTH = 5;
/** A runner-up this close to the best match makes the answer ambiguous. */
const AMBIGUITY_MARGIN = 0.05;
const MAX_SUGGESTIONS = 3;

/** Words around a name that do not change which thing is meant ("the Django framework"). */
const FILLER_WORDS = new Set(
  'a an the is are of in on for to about me please pls framework frameworks library libraries lib package tool tools platform thing concept language term mean means meaning stand stands called python'.split(
    ' ',
  ),
);

/** Question phrasing around the thing asked about, removed before matching. */
const QUESTION_PREFIX =
  /^(?:(?:hey|hi|hello|ok|okay|so|quick question|qq)[\s,:!-]+)*(?:(?:can|could|would) you\s+)?(?:please\s+)?(?:what(?:'s|’s|s| is| are| was| does| do)|who(?:'s| is)|whats|define|definition of|explain|describe|tell me about|tell me what|meaning of|what is meant by|what do you mean by|how about|info on|info about)\s+/i;
const QUESTION_SUFFIX = /\s+(?:mean|means|stand for|stands for|do|does|is|used for)$/i;

/**
 * Plain text from Slack message text: mentions and channel or group pings removed, links reduced to their
 * label (or address), typographic quotes folded to plain ones.
 */
export function stripSlackMarkup(text: string): string {
  return text
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/<[@#!][^>]*>/g, ' ')
    .trim();
}

/**
 * Lower-case letters and digits only: "Py.Test", "py test" and "pytest" fold to the same key. A language's "++" and
 * "#" are read out first, so "C++" is "cpp" and "C#" is "csharp", not "c".
 */
export function foldKey(text: string): string {
  // Most keys and query words are folded already or only need lower-casing: skip the normalising passes.
  if (PLAIN.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/([a-z])\+\+/g, '$1pp')
    .replace(/([a-z])#/g, '$1sharp')
    .replace(/[^a-z0-9]/g, '');
}

const PLAIN = /^[A-Za-z0-9]*$/;

/** Strips question phrasing and articles: "what's a data warehouse?" → "data warehouse". */
export function stripQuestion(text: string): string {
  let query = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 3; i++) {
    const before = query;
    query = query
      .replace(/[\s?!.]+$/, '')
      .replace(QUESTION_PREFIX, '')
      .replace(QUESTION_SUFFIX, '')
      .trim();
    query = query.replace(/^(?:a|an|the)\s+/i, '').replace(/^["'`“‘]+|["'`”’]+$/g, '');
    if (query === before) break;
  }
  return query.trim();
}

/**
 * Optimal string alignment distance: edits, where swapping two neighbours counts as one and a doubled letter
 * typed once (or a letter typed twice: "starlete", "pytestt") counts as half, the commonest slip of all.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rows of scratch space, reused: a lookup scores a few dozen keys, and rows allocated per call added up.
  if (rows.length < 3 * (b.length + 1)) rows = new Float64Array(3 * (b.length + 1));
  const width = b.length + 1;
  let prevPrev = 0;
  let prev = width;
  let row = 2 * width;
  for (let j = 0; j <= b.length; j++) rows[prev + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[row] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      // Half only when the letter's other copy stands matched beside it: "gitt" is "git", not half-way to "gil".
      const dropped = i > 1 && a[i - 1] === a[i - 2] && b[j - 1] === a[i - 1] ? 0.5 : 1;
      const added = j > 1 && b[j - 1] === b[j - 2] && a[i - 1] === b[j - 1] ? 0.5 : 1;
      let best = Math.min(
        (rows[prev + j] as number) + dropped,
        (rows[row + j - 1] as number) + added,
        (rows[prev + j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (rows[prevPrev + j - 2] as number) + 1);
      }
      rows[row + j] = best;
    }
    const oldest = prevPrev;
    prevPrev = prev;
    prev = row;
    row = oldest;
  }
  return rows[prev + b.length] as number;
}

let rows = new Float64Array(3 * 64);

/** 1 for the same key, falling towards 0 as more edits are needed. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

/** What a lookup found: one item to answer with, a few to offer, or nothing. */
export type SearchResult<T> =
  | { kind: 'match'; item: T; exact: boolean }
  | { kind: 'suggestions'; items: T[] }
  | { kind: 'none' };

interface KeyEntry {
  key: string;
  item: number;
}

/** Candidates taken from the trigram index for fuzzy scoring, at most. */
const MAX_CANDIDATES = 12;

/** Searchable keys of a list of items, built once at start-up. */
export interface SearchIndex<T> {
  readonly items: readonly T[];
  readonly exact: ReadonlyMap<string, number>;
  readonly entries: readonly KeyEntry[];
  /** Trigram → entries whose key contains it: narrows fuzzy scoring to a few candidates. */
  readonly trigrams: ReadonlyMap<string, readonly number[]>;
  /** How many trigrams each entry's key has. */
  readonly gramCounts: Uint16Array;
  /** Short forms people type for whole words ("dev" → "developer"), applied to queries. */
  readonly abbreviations: ReadonlyMap<string, string>;
}

export interface SearchIndexOptions {
  abbreviations?: Readonly<Record<string, string>>;
}

/** Indexes items by their folded keys (id, name, aliases). Keys must already be unique per item. */
export function buildSearchIndex<T>(
  items: readonly T[],
  keysOf: (item: T) => readonly string[],
  options: SearchIndexOptions = {},
): SearchIndex<T> {
  const exact = new Map<string, number>();
  const entries: KeyEntry[] = [];
  items.forEach((item, index) => {
    for (const key of new Set(keysOf(item).map(foldKey))) {
      if (key === '' || exact.has(key)) continue;
      exact.set(key, index);
      entries.push({ key, item: index });
    }
  });
  const trigrams = new Map<string, number[]>();
  const gramCounts = new Uint16Array(entries.length);
  entries.forEach((entry, index) => {
    const grams = trigramsOf(entry.key);
    gramCounts[index] = grams.size;
    for (const gram of grams) {
      const list = trigrams.get(gram);
      if (list) list.push(index);
      else trigrams.set(gram, [index]);
    }
  });
  return {
    items,
    exact,
    entries,
    trigrams,
    gramCounts,
    abbreviations: new Map(Object.entries(options.abbreviations ?? {})),
  };
}

/** Trigrams of a folded key, padded so that short keys and word edges count: "^dj", "dja", … "go$". */
function trigramsOf(key: string): Set<string> {
  const padded = `^${key}$`;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

/** Per-index scratch space for counting shared trigrams, reused across lookups (lookups are synchronous). */
const scratch = new WeakMap<object, Uint16Array>();

/** The entries sharing the most trigrams with `key` (Dice coefficient), best first. */
function candidatesFor<T>(index: SearchIndex<T>, key: string): KeyEntry[] {
  const grams = trigramsOf(key);
  let counts = scratch.get(index);
  if (!counts) {
    counts = new Uint16Array(index.entries.length);
    scratch.set(index, counts);
  }
  const touched: number[] = [];
  for (const gram of grams) {
    for (const entry of index.trigrams.get(gram) ?? []) {
      if (counts[entry] === 0) touched.push(entry);
      counts[entry] = (counts[entry] ?? 0) + 1;
    }
  }
  // Keep the best MAX_CANDIDATES by Dice coefficient without sorting every touched entry.
  const best: { entry: number; dice: number }[] = [];
  for (const entry of touched) {
    const dice = (2 * (counts[entry] ?? 0)) / (grams.size + (index.gramCounts[entry] ?? 0));
    counts[entry] = 0;
    if (best.length === MAX_CANDIDATES && dice <= (best[best.length - 1]?.dice ?? 0)) continue;
    let at = best.length;
    while (at > 0 && (best[at - 1]?.dice ?? 0) < dice) at--;
    best.splice(at, 0, { entry, dice });
    if (best.length > MAX_CANDIDATES) best.pop();
  }
  return best.map(({ entry }) => index.entries[entry] as KeyEntry);
}

const FUSE_OPTIONS = {
  keys: ['key'],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.5,
  shouldSort: true,
};

/**
 * Finds what a person meant by `text`: exact name or alias first, then the closest confident fuzzy match.
 * `exactOnly` stops after the exact steps, for callers that accept nothing else (no fuzzy work wasted).
 */
export function search<T>(index: SearchIndex<T>, text: string, { exactOnly = false } = {}): SearchResult<T> {
  if (text.length > MAX_QUERY_LENGTH * 4) return { kind: 'none' };
  // A name that starts like a question ("explain plan") is still that name.
  const asTyped = text.length <= MAX_QUERY_LENGTH ? index.exact.get(foldKey(text)) : undefined;
  if (asTyped !== undefined) return found(index, asTyped, true);
  const query = stripQuestion(text).slice(0, MAX_QUERY_LENGTH);
  const exactHit = index.exact.get(foldKey(query));
  if (exactHit !== undefined) return found(index, exactHit, true);

  const tokens = query
    .split(/[\s,;/]+/)
    .filter(Boolean)
    .map((token) => index.abbreviations.get(token.toLowerCase()) ?? token);
  const core = tokens.filter((token) => !FILLER_WORDS.has(token.toLowerCase()));
  const coreKey = foldKey(core.join(' '));
  if (coreKey === '') return { kind: 'none' };
  const coreHit = index.exact.get(coreKey);
  if (coreHit !== undefined) return found(index, coreHit, true);
  if (exactOnly) return { kind: 'none' };

  const typedLength = foldKey(core.join(' ').replace(/[+#]/g, '')).length;
  const scores = new Map<number, number>();
  const note = (item: number, score: number) => scores.set(item, Math.max(scores.get(item) ?? 0, score));

  // A name inside a longer query ("django vs flask") is a strong hint, but not a confident answer.
  for (let size = Math.min(3, core.length - 1); size >= 1; size--) {
    for (let start = 0; start + size <= core.length; start++) {
      const hit = index.exact.get(foldKey(core.slice(start, start + size).join(' ')));
      if (hit !== undefined) note(hit, CONFIDENT_SIMILARITY - 0.01);
    }
  }
  // The trigram index narrows thousands of keys to a few; fuse.js ranks those, edit distance sets confidence.
  // Filler words can be part of a name ("natural language processing", "platform engineering"), so the query
  // as typed is matched too, and each item keeps its better score.
  const typedKey = foldKey(tokens.join(' '));
  for (const key of typedKey === coreKey ? [coreKey] : [coreKey, typedKey]) {
    const candidates = candidatesFor(index, key);
    for (const result of new Fuse(candidates, FUSE_OPTIONS).search(key, { limit: 12 })) {
      note(result.item.item, similarity(key, result.item.key));
    }
  }

  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [best, runnerUp] = ranked;
  if (best === undefined || best[1] < SUGGEST_SIMILARITY) return { kind: 'none' };
  if (
    best[1] >= CONFIDENT_SIMILARITY &&
    typedLength >= MIN_FUZZY_ANSWER_LENGTH &&
    (runnerUp === undefined || runnerUp[1] < best[1] - AMBIGUITY_MARGIN)
  ) {
    return found(index, best[0], false);
  }
  const items = ranked
    .filter(([, score]) => score >= SUGGEST_SIMILARITY)
    .slice(0, MAX_SUGGESTIONS)
    .map(([item]) => index.items[item] as T);
  return { kind: 'suggestions', items };
}

function found<T>(index: SearchIndex<T>, item: number, exact: boolean): SearchResult<T> {
  return { kind: 'match', item: index.items[item] as T, exact };
}
