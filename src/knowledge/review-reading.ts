/**
 * How the review reads a hiring text: the language layer's sentences, with the knowledge's names on them (roles,
 * tools and their kinds, the concepts of review.yaml), sorted into the sections of a job description, and turned
 * into the features the review model weighs. Training, evaluation and reviewing all read text through
 * `readForReview` (via `readForReviewText`, which first takes Slack markup out).
 */

import { opensClause, type Replacement, readText, type Sentence, type Token } from './language.ts';
import type { Knowledge } from './load.ts';
import { foldKey } from './search.ts';

/** What a name in the text stands for. */
interface NameEntry {
  /** Units it adds to the reading: `@sql`, `@tool:data`, `@kin`... */
  units: string[];
  /** Role ids it is core to (a title or a tool of those roles). */
  roles: string[];
  /** Role ids for which it is only environment. */
  supports: string[];
  /** Role ids whose work it names without being a tool or title ("train the models", "the pipelines"). */
  work: string[];
  /** Set when the name is a job title. */
  title: boolean;
  /** Set when it is a title in the plural ("the data scientists"): other people, not the hire's job. */
  people: boolean;
  /** Index of its group of neighbouring tools, or -1. */
  kin: number;
  /** Display name of the tool, for neighbouring-tool pairs. */
  name: string;
  /**
   * Which tool of its neighbour group it is (the group's phrase, folded), or '' outside the groups: Datadog and
   * Prometheus are both the glossary's "Monitoring and observability", but neighbours of each other all the same.
   */
  kinKey: string;
  /** For names that are also everyday words: the only spellings that count ("DE", "BE"), else undefined. */
  spellings: Set<string> | undefined;
  /** Every phrase giving this key is one word ("NoSQL"): two words written apart ("no SQL") are not it. */
  compact: boolean;
  /** A phrase holding its own negation ("no hire", "not a fit"): matched only as written, not "no hiring manager". */
  negative: boolean;
}

/** A name found in a sentence. */
export interface NameHit {
  entry: NameEntry;
  text: string;
  negated: boolean;
  /**
   * Set when it is no duty of the hire: it stands in a clause about other people ("our data engineers (they own the
   * warehouse)"), or is written as another's, as where the work runs or as a small side part (`asideFromTheJob`).
   */
  theirs?: boolean;
}

export type SectionKind = 'duties' | 'requirements' | 'bonus' | 'stack' | 'about' | 'benefits' | 'body';

/** One sentence as the review reads it. */
export interface ReadSentence {
  sentence: Sentence;
  section: SectionKind;
  /** Units in order: lemmas of content words and the names' units, `!`-prefixed when negated. */
  units: string[];
  /** For each unit, the name it comes from (undefined for a plain word). */
  unitNames: (NameHit | undefined)[];
  /** For each unit, the clause it stands in: commas, semicolons and brackets part clauses ("python fine, SQL excellent"). */
  unitClauses: number[];
  names: NameHit[];
  /** Set when it says another team or person does the work ("the platform team owns Terraform"). */
  otherTeam: boolean;
}

/** A text as the review reads it, with the features the model weighs. */
export interface ReviewReading {
  sentences: ReadSentence[];
  lines: string[];
  /** Role ids whose substantial work the hire is asked to do (duties, not bonus, stack or other teams'). */
  dutyRoles: string[];
  /** The role the text is about (its title), if any. */
  mainRole: string | undefined;
  /**
   * Each sentence's features (its words, word pairs and what stands near each concept); empty for a sentence no
   * finding reads (`featuresFor` reads only with the anchors of review.yaml). Joined only when first read, by
   * `featuresFor` (training and evaluation): the review scores the same features from their parts.
   */
  readonly sentenceFeatures: string[][];
  /** Features of the whole text (how many roles, what is decided, which stances meet which concepts). */
  documentFeatures: string[];
  /** The concepts each sentence names (`@sql`, `@tool:data`...), negated or not. */
  sentenceConcepts: Set<string>[];
}

/** Compiled names for one knowledge base. */
interface Reader {
  names: Map<string, NameEntry>;
  /** Every beginning of every name's key, so a look-up stops as soon as no name can follow. */
  prefixes: Set<string>;
  longest: number;
  sectionHeadings: Map<string, SectionKind>;
  /** Endings that make a requirement a bonus (review.yaml `bonusEndings`), folded. */
  bonusEndings: Set<string>;
  /** Dictated names and what they stand for ("pie torch" → "PyTorch"), spelled out before reading. */
  dictated: [RegExp, Replacement][];
  /**
   * Every finding's anchor concepts, as the one list `readSentences` reads (kept as one array, so each concept's mask
   * is worked out once): a sentence naming none (nor following one that does) is read by no finding.
   */
  anchorLists: readonly (readonly string[])[];
}

const readers = new WeakMap<Knowledge, Reader>();

/** Parts of speech that carry no content of their own for the review. */
const FUNCTION_POS = new Set([
  'PUNCT',
  'SYM',
  'DET',
  'ADP',
  'PRON',
  'AUX',
  'PART',
  'CCONJ',
  'SCONJ',
  'SPACE',
  'X',
]);
/** Function words kept all the same: they change what a sentence says about the hire. */
const KEPT_WORDS = new Set([
  'only',
  'just',
  'all',
  'both',
  'also',
  'too',
  'instead',
  'but',
  'no',
  'not',
  'any',
  'same',
  'because',
  'since',
]);
/** How many units either side of a concept are paired with it. */
const WINDOW = 3;

/** Reads a text for the review. */
export function readForReview(knowledge: Knowledge, text: string): ReviewReading {
  const reader = readerFor(knowledge);
  const { sentences, lines } = readText(text, reader.dictated);
  const read: ReadSentence[] = [];
  let section: SectionKind = 'body';
  const headings = new Map<number, ReturnType<typeof headingOf>>();
  for (const sentence of sentences) {
    // A heading alone on its line ("Nice to have:") sets the section below it; an inline one
    // ("Nice to have: Spark") sets its own line only. Each line is read for a heading once.
    if (!headings.has(sentence.line))
      headings.set(sentence.line, headingOf(reader, lines[sentence.line] ?? ''));
    const heading = headings.get(sentence.line);
    if (heading?.alone) section = heading.kind;
    const here = heading?.kind ?? section;
    read.push(
      readSentence(
        reader,
        sentence,
        !SIDE_SECTIONS.has(here) && endsAsBonus(reader, sentence) ? 'bonus' : here,
      ),
    );
  }
  const mainRole = mainRoleOf(read, lines);
  if (mainRole) for (const s of read) readAsMainRoleWork(s, mainRole);
  const duties = dutyRolesOf(read, mainRole);
  const dutyRoles = duties.roles;
  const sentenceConcepts = read.map(
    (s) => new Set(s.units.filter((u) => u.includes('@')).map((u) => (u.startsWith('!') ? u.slice(1) : u))),
  );
  // Only the sentences some finding reads (see `featuresFor`) need their features: most of a long text's do not.
  const wanted = readSentences({ sentenceConcepts }, reader.anchorLists);
  return new Reading(
    read,
    lines,
    dutyRoles,
    mainRole,
    [...documentFeaturesOf(read, duties, mainRole), ...shapeOf(lines)],
    sentenceConcepts,
    wanted,
  );
}

/**
 * A text's reading for the review. A class, so `sentenceFeatures` is the prototype's getter: a getter of its own on
 * an object literal is a closure, and V8 keeps such closures, and the whole reading they reach, through every minor
 * garbage collection until the next full one (see `ReadSentenceText` in language.ts).
 */
class Reading implements ReviewReading {
  // Private fields, so neither is an own property that copying or serialising a reading would show.
  #joined: string[][] | undefined;
  readonly #wanted: readonly number[];
  constructor(
    readonly sentences: ReadSentence[],
    readonly lines: string[],
    readonly dutyRoles: string[],
    readonly mainRole: string | undefined,
    readonly documentFeatures: string[],
    readonly sentenceConcepts: Set<string>[],
    /** Which sentences some finding reads (`readSentences` with every anchor): the others have no features. */
    wanted: readonly number[],
  ) {
    this.#wanted = wanted;
  }
  // Joined into strings only when asked for (training, evaluation): the review scores them from their parts.
  get sentenceFeatures(): string[][] {
    this.#joined ??= this.sentences.map((s, i) => (this.#wanted[i] === 0 ? [] : sentenceFeaturesOf(s)));
    return this.#joined;
  }
}

/**
 * The features one finding weighs: the whole text's, and those of the sentences that name one of its anchor
 * concepts (and of the sentence after each, where the decision often stands). Each feature comes with the index
 * of the sentence it was first seen in, or -1 for the whole text.
 */
export function featuresFor(reading: ReviewReading, anchors: readonly string[]): Map<string, number> {
  const features = new Map<string, number>();
  for (const f of reading.documentFeatures) features.set(f, -1);
  const read = readSentences(reading, asLists(anchors));
  reading.sentenceFeatures.forEach((list, i) => {
    if (read[i] === 1) for (const f of list) if (!features.has(f)) features.set(f, i);
  });
  return features;
}

/**
 * For each sentence, a bit mask of the anchor lists (one per finding) that read it: bit k is set when the
 * sentence, or the one before it, names a concept of `anchorLists[k]`. Used by `featuresFor` and by the review's
 * one-pass scoring, so both read exactly the same sentences.
 */
export function readSentences(
  reading: Pick<ReviewReading, 'sentenceConcepts'>,
  anchorLists: readonly (readonly string[])[],
): number[] {
  const masks: number[] = [];
  let previous = 0;
  for (const concepts of reading.sentenceConcepts) {
    let here = 0;
    for (const concept of concepts) here |= conceptMask(anchorLists, concept);
    masks.push(here | previous);
    previous = here;
  }
  return masks;
}

/** Each concept's mask (see `readSentences`) by anchor lists: concepts are the knowledge's, so these stay few. */
const conceptMasks = new WeakMap<readonly (readonly string[])[], Map<string, number>>();

/** A bit mask of the anchor lists a concept is anchored by (bit k: `anchorLists[k]`), worked out once per concept. */
function conceptMask(anchorLists: readonly (readonly string[])[], concept: string): number {
  let masks = conceptMasks.get(anchorLists);
  if (!masks) {
    masks = new Map();
    conceptMasks.set(anchorLists, masks);
  }
  let mask = masks.get(concept);
  if (mask === undefined) {
    mask = 0;
    for (let k = 0; k < anchorLists.length; k++)
      if (anchoredBy(concept, anchorSet(anchorLists[k] as readonly string[]))) mask |= 1 << k;
    masks.set(concept, mask);
  }
  return mask;
}

/** One anchor list as the list of lists `readSentences` reads, the same array each time (its masks are memoised by it). */
const singleLists = new WeakMap<readonly string[], readonly (readonly string[])[]>();

function asLists(anchors: readonly string[]): readonly (readonly string[])[] {
  let lists = singleLists.get(anchors);
  if (!lists) {
    lists = [anchors];
    singleLists.set(anchors, lists);
  }
  return lists;
}

const anchorSets = new WeakMap<readonly string[], Set<string>>();

/** An anchor list as a set, made once per list. */
function anchorSet(anchors: readonly string[]): Set<string> {
  let set = anchorSets.get(anchors);
  if (!set) {
    set = new Set(anchors);
    anchorSets.set(anchors, set);
  }
  return set;
}

/** Whether a concept is an anchor or falls under one: `@tool:data:x` under `@tool` and under `@tool:data`. */
function anchoredBy(concept: string, anchors: ReadonlySet<string>): boolean {
  if (anchors.has(concept)) return true;
  for (let i = concept.indexOf(':'); i >= 0; i = concept.indexOf(':', i + 1))
    if (anchors.has(concept.slice(0, i))) return true;
  return false;
}

// ---- sentences ----

function readSentence(reader: Reader, sentence: Sentence, section: SectionKind): ReadSentence {
  const { tokens } = sentence;
  const units: string[] = [];
  const unitNames: (NameHit | undefined)[] = [];
  const unitClauses: number[] = [];
  let clause = 0;
  const names: NameHit[] = [];
  const nameClauses: number[] = [];
  // Clauses with "they" and with "you" in them: made only when a sentence has either (most have neither).
  let theyClauses: Set<number> | undefined;
  let youClauses: Set<number> | undefined;
  const written = tokens.map((t, k) => tokenKey(tokens, k, t.lower));
  const folded = {
    written,
    // Most words are their own dictionary form: their key is the written one.
    lemma: tokens.map((t, k) =>
      t.lemma === t.lower ? (written[k] as string) : tokenKey(tokens, k, t.lemma),
    ),
  };
  for (let i = 0; i < tokens.length; ) {
    const match = nameAt(reader, tokens, folded, i) ?? sharedHeadTitleAt(reader, tokens, folded, i);
    if (match) {
      // A phrase that says its own negation ("not a fit", "not important") is negated only by one before it.
      const words = tokens.slice(i, i + match.length);
      const negated = words.some((t) => NEGATIONS.has(t.lower))
        ? Boolean(tokens[i]?.negated)
        : words.some((t) => t.negated);
      const hit: NameHit = {
        entry: match.entry,
        text: tokens
          .slice(i, i + match.length)
          .map((t) => t.value)
          .join(' '),
        negated,
      };
      if (asideFromTheJob(tokens, i)) hit.theirs = true;
      names.push(hit);
      nameClauses.push(clause);
      for (const unit of match.entry.units) {
        units.push(negated ? `!${unit}` : unit);
        unitNames.push(hit);
        unitClauses.push(clause);
      }
      i += match.length;
      continue;
    }
    const token = tokens[i] as Token;
    if (CLAUSE_MARKS.has(token.value)) clause++;
    if (THEY.has(token.lower)) {
      theyClauses ??= new Set();
      theyClauses.add(clause);
    }
    if (YOU.has(token.lower)) {
      youClauses ??= new Set();
      youClauses.add(clause);
    }
    if (!FUNCTION_POS.has(token.pos) || KEPT_WORDS.has(token.lemma)) {
      const lemma = token.lemma.replace(/[^a-z0-9+#.'-]/g, '');
      if (lemma !== '' && lemma !== 'not' && lemma !== "n't") {
        units.push(token.negated ? `!${lemma}` : lemma);
        unitNames.push(undefined);
        unitClauses.push(clause);
      }
    }
    i++;
  }
  // "A framework is a framework", "tensors are tensors": said to make no difference.
  if (tokens.some((_, k) => saysSame(tokens, k))) {
    units.push('@same');
    unitNames.push(undefined);
    unitClauses.push(clause);
  }
  // Beside plural titles, a clause whose subject is "they" and not "you" speaks of those people's work.
  if (names.some((n) => n.entry.people))
    names.forEach((n, k) => {
      const c = nameClauses[k] as number;
      if (theyClauses?.has(c) && !youClauses?.has(c)) n.theirs = true;
    });
  const otherTeam =
    units.includes('@team') &&
    (names.some((n) => n.entry.roles.length > 0) || teamDoesTheWork(tokens, names));
  return { sentence, section, units, unitNames, unitClauses, names, otherTeam };
}

/**
 * A name that is no duty of the hire: another's work ("the features you need from their pipelines"), the place the
 * work runs ("Ray on our k8s cluster", "deployed to our Kubernetes"), or a small side part of it ("results into a
 * small FastAPI dashboard"). One word may stand between ("their nightly pipelines").
 */
function asideFromTheJob(tokens: readonly Token[], i: number): boolean {
  const word = (k: number) => tokens[k]?.lower ?? '';
  const content = (k: number) => {
    const t = tokens[k];
    return t !== undefined && !FUNCTION_POS.has(t.pos);
  };
  // The word before the name, or the one before that across one content word.
  const before = (test: (k: number) => boolean) => test(i - 1) || (content(i - 1) && test(i - 2));
  // "on our cluster" anywhere; "to our cluster", "in our cluster" only after a verb that puts work there ("deployed
  // to our Kubernetes cluster"): "maintain the DAGs in our Airflow" is the work itself.
  const place = (k: number) =>
    PLACES.has(word(k)) || (PUT_PLACES.has(word(k)) && PUTS.has(tokens[k - 1]?.lemma ?? ''));
  return before((k) => word(k) === 'their' || MINOR.has(word(k)) || (word(k) === 'our' && place(k - 1)));
}

/** Prepositions that make "our" tool the place the work runs ("on our cluster"), not the work itself. */
const PLACES = new Set(['on', 'onto', 'inside']);
/** Prepositions that do so only after a verb that puts the work there (`PUTS`): "deployed to our cluster". */
const PUT_PLACES = new Set(['to', 'in', 'into']);
const PUTS = new Set(['deploy', 'ship', 'push', 'release', 'run', 'host', 'roll']);
/** Words that make a tool or piece of work a small side part of the job ("a small dashboard"), not a role's work. */
const MINOR = new Set(['small', 'simple', 'basic', 'little', 'minor', 'lightweight', 'occasional']);

/** A word said to be itself ("tensors are tensors", "a framework is a framework", "Python is Python"). */
function saysSame(tokens: readonly Token[], k: number): boolean {
  const [word, verb] = [tokens[k] as Token, tokens[k + 1]];
  if (verb?.lemma !== 'be' || FUNCTION_POS.has(word.pos)) return false;
  const at = tokens[k + 2]?.lemma === 'a' || tokens[k + 2]?.lemma === 'an' ? k + 3 : k + 2;
  const next = tokens[at];
  // The word ends its clause ("tensors are tensors, he'll ramp"), not "experience is experience with APIs"; and
  // the sentence does not go on to say they differ ("Prometheus is Prometheus, Datadog is Datadog: different").
  const after = tokens[at + 1];
  return (
    next !== undefined &&
    next.value.toLowerCase() === word.value.toLowerCase() &&
    !next.negated &&
    (after === undefined || CLAUSE_ENDS.has(after.value)) &&
    !tokens.some((t) => t.lemma === 'different' || t.lemma === 'differ' || t.lemma === 'difference')
  );
}

const CLAUSE_ENDS = new Set([',', '.', ';', ':', '!', '?', ')', '-', '–', '—']);

/** Words that negate what follows them: a phrase holding one carries its own negation. */
const NEGATIONS = new Set([
  'not',
  "n't",
  'no',
  'never',
  'without',
  'nothing',
  'none',
  'nor',
  'neither',
  'nobody',
]);

const THEY = new Set(['they', "they'll", "they're", 'their', 'them']);
const YOU = new Set(['you', "you'll", "you're", 'your']);

/** Words that make the hire the subject of a sentence ("you will join the team and own the pipelines"). */
const HIRE_SUBJECTS = new Set([
  'you',
  'your',
  "you'll",
  'he',
  'she',
  "he'll",
  "she'll",
  'i',
  'they',
  "they'll",
]);

/**
 * A sentence in which a team itself does the named work ("the cluster itself is run by our platform team"): a
 * team named as one (not "work with", "alongside"), work words, and nobody else as the subject.
 */
function teamDoesTheWork(tokens: readonly Token[], names: readonly NameHit[]): boolean {
  const team = names.some(
    (n) => n.entry.units.includes('@team') && /^(?:teams?|squads?|owned by)$/i.test(n.text),
  );
  return (
    team && names.some((n) => n.entry.work.length > 0) && !tokens.some((t) => HIRE_SUBJECTS.has(t.lower))
  );
}

/** Punctuation that ends a clause for the stances near a subject. */
const CLAUSE_MARKS = new Set([',', ';', '(', ')']);

/** Punctuation a name can run across ("scikit-learn", "CI/CD", "C++", "Node.js", "Weights & Biases"); any other ends it. */
const JOINING = new Set(['-', '/', '+', '#', '.', "'", '_', '&']);

/** The longest known name starting at token `i`, written or in dictionary form; it starts and ends on a word. */
function nameAt(reader: Reader, tokens: readonly Token[], folded: Folded, i: number) {
  if (folded.written[i] === '') return undefined;
  let written = '';
  let lemma = '';
  let spaced = false;
  let best: { entry: NameEntry; length: number } | undefined;
  for (let n = 1; n <= reader.longest && i + n <= tokens.length; n++) {
    const at = i + n - 1;
    const last = folded.written[at] as string;
    if (last === '' && !JOINING.has((tokens[at] as Token).lower)) break;
    if (n > 1 && last !== '' && folded.written[at - 1] !== '') spaced = true;
    written += last;
    lemma += folded.lemma[at] as string;
    // No name goes on from here, as written or in dictionary form (most words are their own dictionary form).
    const sameForm = lemma === written;
    if (!reader.prefixes.has(written) && (sameForm || !reader.prefixes.has(lemma))) break;
    if (last === '') continue;
    const asWritten = reader.names.get(written);
    const entry = asWritten ?? (sameForm ? undefined : reader.names.get(lemma));
    if (!entry || (entry.compact && spaced) || (entry.negative && !asWritten)) continue;
    const spelling = entry.spellings;
    if (
      spelling &&
      !spelling.has(
        tokens
          .slice(i, at + 1)
          .map((t) => t.value)
          .join(''),
      )
    )
      continue;
    best = { entry, length: n };
  }
  return best;
}

/** Words that join two titles sharing one head noun: "Data & ML Engineer", "Backend/Data Engineer". */
const TITLE_JOINERS = new Set(['&', '/', '+', 'and']);

/**
 * The first of two titles written with one head noun ("Data & ML Engineer": the data engineer), as a name one
 * word long: the word, a joiner, then a title whose last word makes a title with it too.
 */
function sharedHeadTitleAt(
  reader: Reader,
  tokens: readonly Token[],
  folded: Folded,
  i: number,
): { entry: NameEntry; length: number } | undefined {
  const word = folded.written[i];
  if (!word || !TITLE_JOINERS.has((tokens[i + 1] as Token | undefined)?.lower ?? '')) return undefined;
  const second = nameAt(reader, tokens, folded, i + 2);
  if (!second?.entry.title || second.entry.people) return undefined;
  const head = folded.written[i + 1 + second.length];
  const entry = head ? reader.names.get(word + head) : undefined;
  return entry?.title && !entry.people && entry.roles.some((r) => !second.entry.roles.includes(r))
    ? { entry, length: 1 }
    : undefined;
}

/**
 * The key a name is looked up by: `foldKey`, but a version keeps its dot ("2.7" is not "27", "2.x" is not
 * "2x"), so numbers and "2x faster" are no Python versions.
 */
function nameKey(text: string): string {
  return foldKey(text.replace(/(\d)\.(?=\d|x\b)/gi, '$1dot'));
}

/** A sentence's tokens folded once (as written and in dictionary form), for name look-ups. */
interface Folded {
  written: string[];
  lemma: string[];
}

/** A token's look-up key (see `nameKey`): a lone "." between a digit and a digit or "x" reads as "dot". */
function tokenKey(tokens: readonly Token[], k: number, text: string): string {
  if (isPlainKey(text)) return text;
  if (text === '.' && /\d$/.test(tokens[k - 1]?.lower ?? '') && /^(?:\d|x$)/.test(tokens[k + 1]?.lower ?? ''))
    return 'dot';
  // Punctuation and emoji fold to nothing (most tokens that are not plain are these); a letter-like symbol such
  // as "™" now does too, and no name is written with one.
  if (!LETTER_OR_DIGIT.test(text)) return '';
  let key = tokenKeys.get(text);
  if (key === undefined) {
    // Bounded: a flood of new words (a pasted log) cannot grow it without end.
    if (tokenKeys.size >= 20_000) tokenKeys.clear();
    key = nameKey(text);
    tokenKeys.set(text, key);
  }
  return key;
}

/** Keys of tokens that are not plain words ("don't", "scikit-learn", "Ünal"): the same few recur in every text. */
const tokenKeys = new Map<string, string>();

/** Whether a text is lower-case letters a–z and digits only, its own key (a loop: faster than a regular expression). */
function isPlainKey(text: string): boolean {
  if (text.length === 0) return false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

// ---- sections of a job description ----

/** A line that names a section: "Nice to have:", "## Our stack", "*Responsibilities*". */
function headingOf(reader: Reader, line: string) {
  if (line.length > 200) return undefined;
  // Emoji shortcodes (":star:") and markup around the words are no part of the heading.
  const bare = line
    .replace(/:[a-z0-9_+'-]+:/g, ' ')
    .replace(/^[\s#*_>•·\-–—]+/, '')
    .replace(/[\s*_]+$/, '');
  const colon = bare.indexOf(':');
  const written = (colon >= 0 ? bare.slice(0, colon) : bare).trim();
  // A list item is a heading only as written ("- Nice to have:"); "- Background (CS degree)" is a requirement.
  const listItem = /^\s*(?:[-*•·–—]|\d+[.)])\s/.test(line);
  // A remark in brackets is no part of a heading line: "Our environment (for context)".
  const label = listItem ? written : written.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  if (label.length === 0 || label.length > 40) return undefined;
  const alone = colon < 0 ? bare.length <= 40 : bare.slice(colon + 1).trim() === '';
  if (colon < 0 && !alone) return undefined;
  const kind =
    reader.sectionHeadings.get(foldKey(label)) ??
    (alone && !listItem ? headingWithFiller(reader, label) : undefined);
  return kind ? { kind, alone } : undefined;
}

/** A sentence that ends as a bonus does: "Kafka experience a big plus", "Go is a bonus". */
function endsAsBonus(reader: Reader, sentence: Sentence): boolean {
  // The last three words, folded one by one: a folded phrase is its words' folded keys run together.
  const keys: string[] = [];
  const { tokens } = sentence;
  for (let i = tokens.length - 1; i >= 0 && keys.length < 4; i--) {
    const t = tokens[i] as Token;
    if (t.pos !== 'PUNCT' && t.pos !== 'SYM') keys.unshift(foldKey(t.lower));
  }
  for (let k = 1; k <= 3 && k < keys.length; k++)
    if (reader.bonusEndings.has(keys.slice(-k).join(''))) return true;
  return false;
}

/** Words a heading may carry beside its key: "The environment around you", "Tools we use today". */
const HEADING_FILLER = new Set(
  "the our your a an around you we use today at glance us in role you'll with and more here day to for".split(
    ' ',
  ),
);

/**
 * A heading line whose key is followed only by filler words ("The environment around you" is `stack`): "Background
 * in Django" is no heading, "django" being no filler.
 */
function headingWithFiller(reader: Reader, label: string): SectionKind | undefined {
  const words = label.toLowerCase().replace(/’/g, "'").split(/\s+/);
  if (words.length > 6) return undefined;
  const isFiller = (w: string) => HEADING_FILLER.has(w.replace(/[^a-z']/g, ''));
  for (const start of ['the', 'our', 'your', 'a', 'an'].includes(words[0] as string) ? [0, 1] : [0]) {
    // Without an article the whole label was looked up already ("Benefits"); after one it was not ("Our benefits").
    for (let end = words.length - (start === 0 ? 1 : 0); end > start; end--) {
      const kind = reader.sectionHeadings.get(foldKey(words.slice(start, end).join(' ')));
      if (kind && words.slice(end).every(isFiller)) return kind;
    }
  }
  return undefined;
}

/** Sections whose tools are no duty of the hire (the review's and the document check's). */
export const SIDE_SECTIONS: ReadonlySet<SectionKind> = new Set<SectionKind>([
  'bonus',
  'stack',
  'about',
  'benefits',
]);

/** The role in the text's title line, or the role named most often. */
function mainRoleOf(sentences: readonly ReadSentence[], lines: readonly string[]): string | undefined {
  // A title line naming two roles ("Backend & DevOps Engineer", "Data / ML Engineer") is one role made of two: no
  // main role, so neither absorbs the other's tools as its environment.
  const JOINED = 'joined';
  const titleOn = (at: number) => {
    const s = sentences.find((x) => x.sentence.line === at);
    if (!s) return undefined;
    // Two titles joined by "&", "/", "+", "and" or "or" ("Data Engineer – Machine Learning" names a team).
    const text = (lines[at] ?? '').toLowerCase();
    const titles = s.names.filter((n) => n.entry.title && n.entry.roles.length === 1 && !n.negated);
    const joined = titles.some((a, k) => {
      const b = titles[k + 1];
      if (!b || b.entry.roles[0] === a.entry.roles[0]) return false;
      const from = text.indexOf(a.text.toLowerCase());
      const to = text.indexOf(b.text.toLowerCase(), from + a.text.length);
      return from >= 0 && to >= 0 && /^\s*(?:&|\/|\+|and|or)\s*$/.test(text.slice(from + a.text.length, to));
    });
    return joined ? JOINED : titles[0]?.entry.roles[0];
  };
  if ((lines[0] ?? '').length <= 100) {
    const title = titleOn(0);
    if (title) return title === JOINED ? undefined : title;
  }
  // A posting pasted under a line of chat ("Oakmere posting, anything to fix?"): its title is the first short line
  // after a blank one, among the first few.
  for (let line = 1; line < Math.min(lines.length, 6); line++) {
    const text = (lines[line] ?? '').trim();
    if (text === '' || (lines[line - 1] ?? '').trim() !== '') continue;
    // A title is short and no question or sentence: "Can our data scientist be our ML engineer?" is chat.
    if (text.length > 80 || /[?.!]$/.test(text)) break;
    const title = titleOn(line);
    if (title) return title === JOINED ? undefined : title;
    break;
  }
  const counts = new Map<string, number>();
  for (const s of sentences) {
    if (SIDE_SECTIONS.has(s.section) || s.otherTeam) continue;
    for (const n of s.names)
      if (n.entry.title && !n.entry.people && !n.negated)
        for (const r of n.entry.roles) counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return ranked.length > 0 &&
    (ranked.length === 1 || (ranked[0] as [string, number])[1] > (ranked[1] as [string, number])[1])
    ? (ranked[0] as [string, number])[0]
    : undefined;
}

/**
 * In a sentence about the main role's own work, its supporting tools and work words are that role's: "serve the
 * model behind a FastAPI endpoint" is the ML engineer's job, not a backend one.
 */
function readAsMainRoleWork(s: ReadSentence, mainRole: string): void {
  if (!aboutMainRole(s, mainRole) || addsWork(s)) return;
  s.units = s.units.map((unit, i) => {
    const name = s.unitNames[i];
    if (!name) return unit;
    const negated = unit.startsWith('!');
    const bare = negated ? unit.slice(1) : unit;
    const mine =
      bare.startsWith('@work:') || (bare.startsWith('@tool:') && name.entry.supports.includes(mainRole))
        ? `${bare.split(':')[0]}:${mainRole}`
        : bare;
    return negated ? `!${mine}` : mine;
  });
}

/**
 * A sentence about the main role's own work: it names one of the role's tools or titles, or a work word of that
 * role alone ("the pipelines" may be a data engineer's or a DevOps engineer's; "the data engineers" are others).
 */
function aboutMainRole(s: ReadSentence, mainRole: string): boolean {
  return s.names.some(
    (n) =>
      !n.entry.people &&
      (n.entry.roles.includes(mainRole) || (n.entry.work.length === 1 && n.entry.work[0] === mainRole)),
  );
}

/**
 * Roles whose work the hire does: titles, core tools and work words (review.yaml `work`) in duty lines, not in
 * bonus, stack or about lines nor in sentences about another team. A tool that only supports the main role (Kubernetes
 * for an ML engineer) counts for the main role, and is noted as absorbed.
 */
function dutyRolesOf(sentences: readonly ReadSentence[], mainRole: string | undefined) {
  const roles = new Set<string>();
  const twoRoles: string[][] = [];
  const work = new Set<string>();
  let absorbed = 0;
  for (const s of sentences) {
    if (SIDE_SECTIONS.has(s.section) || s.otherTeam) continue;
    // In a sentence about the main role's own work, work words describe that work ("serve the model behind an
    // endpoint" is the ML engineer's job).
    const adds = addsWork(s);
    const aboutMain = mainRole !== undefined && !adds && aboutMainRole(s, mainRole);
    const ownTooling = !adds && saysOwn(s.sentence.tokens);
    for (const n of s.names) {
      if (n.negated || n.entry.people || n.theirs) continue;
      // A work word of several roles ("the pipelines": data, or a DevOps engineer's CI) is the main role's when it
      // can be, and otherwise its first role's.
      const own = mainRole !== undefined && (aboutMain || n.entry.work.includes(mainRole));
      for (const r of own ? [mainRole] : n.entry.work.slice(0, 1)) work.add(r);
      if (n.entry.roles.length === 0 || n.entry.roles.length > 2) continue;
      if (mainRole && (n.entry.roles.includes(mainRole) || (!adds && n.entry.supports.includes(mainRole)))) {
        roles.add(mainRole);
        if (!n.entry.roles.includes(mainRole)) absorbed++;
        continue;
      }
      if (n.entry.roles.length === 2) {
        // The tooling of one's own work ("the container images and CI for the pipelines you own", "your own
        // Dockerfiles") is no second job.
        if (!ownTooling) twoRoles.push(n.entry.roles);
        continue;
      }
      for (const r of n.entry.roles) roles.add(r);
    }
  }
  // A tool of two roles (Kafka: data or backend) is read as the role the rest of the text gives, when it gives one.
  // When it gives neither, the tool's two roles count only in a text with no role of its own: in a backend posting,
  // "APIs that notebooks call" names the users' tools, not two more jobs.
  const given = new Set([...roles, ...work]);
  for (const pair of twoRoles) {
    const known = pair.filter((r) => given.has(r));
    for (const r of known.length > 0 ? known : mainRole || given.size > 0 ? [] : pair) roles.add(r);
  }
  for (const r of roles) work.add(r);
  return { roles: [...roles].sort(), withWork: [...work].sort(), absorbed };
}

/**
 * Tooling for the hire's own work: "your own Dockerfiles", "CI for the pipelines you own" (not "our own platform",
 * nor "you own the whole release process", where owning it is the job).
 */
function saysOwn(tokens: readonly Token[]): boolean {
  return tokens.some((t, i) => {
    if (t.lower !== 'own') return false;
    const before = tokens[i - 1]?.lower ?? '';
    if (OWNERS.has(before)) return true;
    return before === 'you' && tokens.slice(Math.max(0, i - 5), i - 1).some((x) => x.lower === 'for');
  });
}

const OWNERS = new Set(['your', 'their', 'his', 'her']);

/**
 * A sentence that adds work to the one person ("he owns the Terraform AND the dashboard backend", "she can take over
 * the Airflow DAGs too"): its tools are each their own role's work, not the main role's environment.
 */
function addsWork(s: ReadSentence): boolean {
  return s.units.includes('@adds');
}

// ---- features ----

/**
 * A sentence feature's parts: its kind and one or two units. As a string (what the model file stores):
 * `u:<unit>`, `b:<unit>_<next unit>`, `c:<concept>|<unit within three>`, `side:<concept>`, `team:other`.
 */
export type SentenceFeatureKind = 'u' | 'b' | 'c' | 'side' | 'team';

/**
 * The separator between a two-unit feature's units, by kind. No unit holds either: a word unit keeps only
 * `[a-z0-9+#.'-]` (`readSentence`), and concept, role and tool ids are kebab-case (schema.ts).
 */
const PAIR_SEPARATORS = { b: '_', c: '|' } as const;

/**
 * Visits a sentence's features, in order, by their parts: the kind, the index of its unit in `s.units` and, for a
 * two-unit kind, of the other unit (else -1); `team` has no unit (-1, read as "other"). The one definition of what
 * a sentence says to the model: `sentenceFeaturesOf` joins the parts into strings (for training), the review
 * scores them from the parts without joining.
 */
export function visitSentenceFeatures(
  s: ReadSentence,
  visit: (kind: SentenceFeatureKind, unit: number, other: number) => void,
): void {
  const { units } = s;
  if (SIDE_SECTIONS.has(s.section)) {
    for (let i = 0; i < units.length; i++) if ((units[i] as string).startsWith('@')) visit('side', i, -1);
    return;
  }
  for (let i = 0; i < units.length; i++) {
    visit('u', i, -1);
    if (i + 1 < units.length) visit('b', i, i + 1);
    if (!(units[i] as string).includes('@')) continue;
    for (let j = Math.max(0, i - WINDOW); j < Math.min(units.length, i + WINDOW + 1); j++) {
      if (j !== i) visit('c', i, j);
    }
  }
  if (s.otherTeam) visit('team', -1, -1);
}

/** A sentence's features as the model file names them. */
export function sentenceFeaturesOf(s: ReadSentence): string[] {
  const { units } = s;
  const features: string[] = [];
  visitSentenceFeatures(s, (kind, unit, other) =>
    features.push(
      kind === 'b' || kind === 'c'
        ? `${kind}:${units[unit]}${PAIR_SEPARATORS[kind]}${units[other]}`
        : `${kind}:${units[unit] ?? 'other'}`,
    ),
  );
  return features;
}

/** A sentence feature's parts, read back from its name. */
export interface SentenceFeatureParts {
  kind: SentenceFeatureKind;
  unit: string;
  /** The other unit of a two-unit kind (`b`, `c`). */
  other?: string;
}

const SENTENCE_FEATURE_KINDS: ReadonlySet<string> = new Set<SentenceFeatureKind>([
  'u',
  'b',
  'c',
  'side',
  'team',
]);

/**
 * The parts of a sentence feature named as `sentenceFeaturesOf` names them, or undefined for a whole-text feature
 * (`R:2+`, `S:sql&data`). A two-unit name that does not part into two units at its one separator throws: no unit
 * holds a separator (see `PAIR_SEPARATORS`), so such a name is no feature the reading makes.
 */
export function sentenceFeatureParts(name: string): SentenceFeatureParts | undefined {
  const colon = name.indexOf(':');
  const kind = name.slice(0, colon);
  if (!SENTENCE_FEATURE_KINDS.has(kind)) return undefined;
  const rest = name.slice(colon + 1);
  if (kind !== 'b' && kind !== 'c') return { kind: kind as SentenceFeatureKind, unit: rest };
  const at = rest.indexOf(PAIR_SEPARATORS[kind]);
  if (at < 0 || rest.indexOf(PAIR_SEPARATORS[kind], at + 1) >= 0)
    throw new Error(`review model: a ${kind} feature is not two units: ${name}`);
  return { kind, unit: rest.slice(0, at), other: rest.slice(at + 1) };
}

function documentFeaturesOf(
  sentences: readonly ReadSentence[],
  duties: ReturnType<typeof dutyRolesOf>,
  mainRole: string | undefined,
): string[] {
  const dutyRoles = duties.roles;
  const features = new Set<string>();
  const add = (feature: string) => features.add(feature);
  const present = new Set<string>();
  for (const s of sentences) for (const unit of s.units) if (unit.includes('@')) present.add(unit);
  const has = (unit: string) => present.has(unit);
  // What speaks of the hire's own roles is read from the duty lines: "Base plus bonus" under Benefits, or the
  // infrastructure team's title under "Our stack", says nothing of one person doing two jobs.
  const own = sentences.filter((s) => !SIDE_SECTIONS.has(s.section) && !s.otherTeam);
  // Only concepts are asked for (`@single`, `@absorb`...), so only they are gathered.
  const ownConcepts = new Set<string>();
  for (const s of own) for (const unit of s.units) if (unit.startsWith('@')) ownConcepts.add(unit);
  const said = (unit: `@${string}`) => ownConcepts.has(unit);
  // Roles: how many archetypes' work the one hire is given.
  const n = dutyRoles.length;
  if (n >= 2) {
    add('R:2+');
    add(`R:${dutyRoles.join('+')}`);
    add(said('@single') ? 'R:2+&single' : 'R:2+&nosingle');
    if (said('@separate')) add('R:2+&separate');
    if (mainRole) add('R:2+&titled');
  }
  if (n >= 3) add('R:3+');
  // With the work words ("train the models", "the pipelines", "the infra"), and what one person is asked to absorb.
  const w = duties.withWork.length;
  if (w >= 2) {
    add('W:2+');
    add(said('@single') || said('@absorb') ? 'W:2+&single' : 'W:2+&nosingle');
    if (said('@separate')) add('W:2+&separate');
  }
  if (w >= 3) add('W:3+');
  if (duties.absorbed >= 2) add('R:absorbed2+');
  if (said('@absorb')) add(n >= 2 || w >= 2 ? 'R:absorb&roles' : 'R:absorb');
  const titles = new Set(
    own.flatMap((s) =>
      s.names.filter((h) => h.entry.title && !h.entry.people && !h.theirs).flatMap((h) => h.entry.roles),
    ),
  );
  if (titles.size >= 2) add(said('@separate') ? 'R:titles2&separate' : 'R:titles2');
  if (titles.size >= 2 && (said('@absorb') || said('@same'))) add('R:titles2&absorb');
  // One role made of two: said so ("the hybrid role", "50/50"), or two titles written side by side ("DE + MLE",
  // "Data Engineer / Backend Developer").
  if (said('@hybrid')) add(n >= 2 || w >= 2 || titles.size >= 2 ? 'R:hybrid&roles' : 'R:hybrid');
  if (sentences.some((s) => !SIDE_SECTIONS.has(s.section) && titlesSideBySide(s))) add('R:titles-joined');

  // Someone is made a role ("she can just be our ML engineer", "steps up as our MLE"), and the text names another
  // role's work or title beside it: a data scientist made the ML engineer.
  const made = rolesMade(sentences);
  if (made.size > 0) {
    add('R:becomes&title');
    const named = new Set([...titles, ...dutyRoles, ...duties.withWork]);
    if ([...made].some((role) => [...named].some((other) => other !== role))) add('R:becomes&roles');
  }
  // Python versions: Python 2 without recent Python 3, and what is decided about it.
  // A requisition approved ("the Python req is approved by finance") is no decision on a candidate.
  const hires = sentences.some((s) => s.units.includes('@hire') && !approvesRequisition(s));
  const decision = has('@reject') ? 'reject' : hires ? 'hire' : 'none';
  if (has('@py2')) {
    add(has('@py3') ? 'P:py2&py3' : 'P:py2&nopy3');
    if (has('!@py3')) add('P:py2&py3negated');
    if (has('@migration')) add('P:py2&migration');
    add(`P:py2&${decision}`);
    if (!has('@py3')) add(`P:py2&nopy3&${decision}`);
    if (has('@strong')) add('P:py2&strong');
  }
  // Generic Python: Python named, nothing specific.
  const specific = sentences.some((s) => s.names.some((h) => h.entry.roles.length > 0 || h.entry.kin >= 0));
  if (has('@python') || has('@generic')) {
    add(specific ? 'G:python&specific' : 'G:python&nothing-specific');
    if (!specific && !has('@specific')) {
      add('G:python&bare');
      add(`G:bare&${decision}`);
      if (has('@requirement')) add('G:bare&requirement');
    }
  }
  // Neighbouring tools, and what is said of the candidate's.
  const kins = kinGroups(sentences);
  const neighbours = [...kins.values()].some((names) => names.length >= 2);
  if (neighbours) {
    add('E:neighbours');
    add(`E:neighbours&${decision}`);
    for (const c of ['@ramp', '!@ramp', '@same', '@weak', '@assess', '@skip'])
      if (has(c)) add(`E:neighbours&${c}`);
  }
  if (has('@same') && kins.size > 0) add('E:kin&same');
  // SQL in a data context, and the stance taken toward it.
  const data = dutyRoles.includes('data') || titles.has('data') || has('@tool:data');
  // The role the text names for the hire: SQL skipped for a backend or GPU-kernel job is no data role's SQL.
  const hireRoles = new Set([...titles, ...(mainRole ? [mainRole] : [])]);
  const context =
    hireRoles.has('data') || hireRoles.has('data-analyst')
      ? 'data'
      : hireRoles.size > 0
        ? 'other'
        : 'unknown';
  if (has('@sql') || has('!@sql')) {
    add(data ? 'S:sql&data' : 'S:sql&nodata');
    add(`S:sql&role-${context}`);
    // The stance nearest to SQL (or to Python), with no other subject between: "SQL comes first" against
    // "Python was the priority, SQL we skip".
    const seen = { '@sql': new Set<string>(), '@python': new Set<string>() };
    for (const s of sentences) {
      for (const subject of ['@sql', '@python'] as const) {
        for (const stance of stancesNear(s, subject)) {
          const name = `S:${subject.slice(1)}~${stance}`;
          add(data ? `${name}&data` : name);
          add(`${name}&${decision}`);
          add(`${name}&role-${context}`);
          seen[subject].add(stance);
        }
      }
    }
    // A candidate's profile, SQL against Python ("SQL excellent, Python just ok"), and what is decided on it: the
    // guide's point is that the stronger SQL often does better in a data role.
    const profile =
      seen['@sql'].has('strong') && !seen['@sql'].has('weak') && !seen['@python'].has('strong')
        ? 'sql>python'
        : seen['@sql'].has('weak') && seen['@python'].has('strong') && !seen['@python'].has('weak')
          ? 'python>sql'
          : undefined;
    if (profile) {
      add(`S:${profile}`);
      add(`S:${profile}&${decision}`);
    }
  }
  // A data posting that asks for no SQL, or only as a bonus ("Nice to have: SQL").
  if (isPosting(sentences) && (mainRole === 'data' || (!mainRole && dutyRoles.includes('data')))) {
    const withSql = sentences.filter(namesSql);
    if (withSql.length === 0) add('S:data-posting&nosql');
    else if (withSql.every((s) => SIDE_SECTIONS.has(s.section))) add('S:data-posting&sql-side');
  }
  // Why SQL is left out, when the sentence says: assessed anyway ("no SQL round because the take-home was all SQL",
  // "since she already crushed it in round 2") or played down ("since anyone picks it up").
  for (const s of sentences)
    if (namesSql(s)) for (const reason of reasonsIn(s)) add(`S:sql-because-${reason}`);
  // SQL assessed in another round ("no SQL here, Priya covered it in the modelling round").
  if (sentences.some((s) => s.units.includes('@elsewhere') && namesSql(s))) add('S:sql&elsewhere');
  // Weights given to SQL and to Python side by side ("Python 70 / SQL 30", "Python round 2x, SQL round 0.5x").
  for (const s of sentences) {
    const weights = weightsOf(s.units);
    if (weights.sql !== undefined && weights.python !== undefined)
      add(weights.python > weights.sql ? 'S:weights:python>sql' : 'S:weights:sql>=python');
  }
  // Algorithm puzzles, and the weight given to them.
  if (has('@algorithm')) {
    add(`A:algo&${decision}`);
    // A job whose work is algorithms (a solver, ranking, retrieval): its algorithms round tests the work itself.
    if (has('@algowork')) add('A:algo&algowork');
    // What is dropped: the puzzle ("we replaced the HackerRank stage with a paired exercise") or the practical round
    // ("skip the take-home, the LeetCode score is enough").
    for (const s of sentences) for (const dropped of droppedIn(s)) add(`A:drops-${dropped}`);
    for (const s of sentences) {
      const u = new Set(s.units);
      if (!u.has('@algorithm')) continue;
      for (const c of [
        '@strong',
        '@weak',
        '@skip',
        '@priority',
        '@downplay',
        '@assess',
        '@hire',
        '@reject',
        '@elsewhere',
      ]) {
        if (u.has(c)) add(`A:algo-${c}`);
      }
    }
  }
  const length = sentences.length < 3 ? 'short' : sentences.length < 12 ? 'medium' : 'long';
  add(`len:${length}`);
  // Two roles' work weighs differently by length: a long posting names many tools, a chat line few.
  if (n >= 2 || w >= 2 || made.size > 0 || said('@hybrid')) add(`R:roles&${length}`);
  return [...features];
}

/** A sentence whose only advance is a requisition's approval: "the req was approved", "finance signed off the post". */
function approvesRequisition(s: ReadSentence): boolean {
  const advances = s.names.filter((n) => n.entry.units.includes('@hire'));
  return (
    advances.every((n) => APPROVAL.test(n.text)) && s.sentence.tokens.some((t) => REQUISITIONS.has(t.lemma))
  );
}

const APPROVAL = /^(?:approv|green|sign)/i;
const REQUISITIONS = new Set([
  'req',
  'requisition',
  'post',
  'position',
  'headcount',
  'hc',
  'budget',
  'opening',
  'vacancy',
]);

/**
 * What a sentence drops (`@skip`): the first puzzle or round named after it in its clause ("replace the LeetCode
 * round with a pairing task": the puzzle), or, with none after, the puzzle named just before ("the HackerRank gate
 * is gone... dropped").
 */
function droppedIn(s: ReadSentence): ('puzzle' | 'round')[] {
  const { units, unitClauses } = s;
  const found: ('puzzle' | 'round')[] = [];
  const sameClause = (i: number, j: number) => unitClauses[j] === unitClauses[i];
  units.forEach((unit, i) => {
    if (unit !== '@skip') return;
    for (let j = i + 1; j < units.length && j <= i + 5 && sameClause(i, j); j++) {
      if (units[j] === '@algorithm' || units[j] === '@assess') {
        found.push(units[j] === '@algorithm' ? 'puzzle' : 'round');
        return;
      }
    }
    for (let j = i - 1; j >= 0 && j >= i - 3 && sameClause(i, j); j--) {
      if (units[j] === '@algorithm') {
        found.push('puzzle');
        return;
      }
    }
  });
  return found;
}

/** What the reason a sentence gives ("because ...", "since ...") says: assessed, strong, or played down. */
function reasonsIn(s: ReadSentence): string[] {
  const at = s.units.findIndex((u) => u === 'because' || u === 'since');
  if (at < 0) return [];
  const after = new Set(s.units.slice(at + 1));
  const reasons: string[] = [];
  if (after.has('@assess') || after.has('@elsewhere')) reasons.push('assessed');
  if (after.has('@strong')) reasons.push('strong');
  if (after.has('@downplay') || after.has('@same')) reasons.push('downplay');
  return reasons.length > 0 ? reasons : ['other'];
}

/**
 * Whether a text denies every pair of neighbouring tools it names as the reason: "no hire, and not because of
 * Flask" (Flask and Django the pair), "it's not about Pulumi vs Terraform". A denial about one pair leaves another
 * in question ("not about pandas vs Polars" beside a Django-only rejection); with no pair, any denied tool counts.
 */
function deniesToolAsReason(reading: ReviewReading): boolean {
  const denied = new Set(reading.sentences.flatMap(deniedKins));
  if (denied.size === 0) return false;
  const pairs = [...kinGroups(reading.sentences)].filter(([, names]) => names.length >= 2);
  return pairs.length === 0 || pairs.every(([kin]) => denied.has(kin));
}

/** Words that make "not" deny a reason right after it: "not because of", "not about", "not due to", "not over". */
const REASON_WORDS = new Set(['because', 'about', 'due', 'over']);
/** Where a denial's clause ends; after "but", "because" or "everything" a reason of its own may follow. */
const DENIAL_ENDS = new Set([',', ';', ':', '.', '!', '?', ')', 'but', 'because', 'everything']);
const REASON_AFTER = new Set(['but', 'because', 'everything']);

/**
 * The neighbour groups (`kin`) of the tools a sentence denies as the reason, in the denial's own clause. "Not just
 * because of Flask" affirms it, and "not about to" is no reason; a denial followed by a tool as the reason given
 * instead ("not because of Flask but because he never used Django") denies nothing.
 */
function deniedKins(s: ReadSentence): number[] {
  const { tokens } = s.sentence;
  const lower = tokens.map((t) => t.lower);
  const kins: number[] = [];
  const toolsIn = (from: number, to: number) => {
    const span = ` ${lower.slice(from, to).join(' ')} `;
    return s.names.filter((n) => n.entry.kin >= 0 && span.includes(` ${n.text.toLowerCase()} `));
  };
  for (let i = 0; i < tokens.length; i++) {
    let start = -1;
    const next = lower[i + 1] ?? '';
    if (
      (lower[i] === 'not' || lower[i] === "n't") &&
      REASON_WORDS.has(next) &&
      !(next === 'about' && lower[i + 2] === 'to')
    )
      start = i + 2;
    else if (lower[i] === 'nothing' && lower.slice(i, i + 4).join(' ') === 'nothing to do with')
      start = i + 4;
    if (start < 0) continue;
    let end = start;
    // A new subject after a noun starts a clause of its own ("not about the money we only hire Django people").
    while (
      end < tokens.length &&
      !DENIAL_ENDS.has(lower[end] as string) &&
      !(end > start && opensClause(lower[end] as string, tokens[end - 1]))
    )
      end++;
    const denied = toolsIn(start, end);
    const otherReason = REASON_AFTER.has(lower[end] ?? '') && toolsIn(end, tokens.length).length > 0;
    if (!otherReason) for (const n of denied) kins.push(n.entry.kin);
  }
  return kins;
}

/** The text's shape: bullets, an email, labelled fields, a thread of speakers. */
function shapeOf(lines: readonly string[]): string[] {
  const count = (re: RegExp) => lines.filter((l) => re.test(l)).length;
  const shape: string[] = [];
  if (count(/^\s*(?:[-*•·]|\d+[.)])\s/) >= 3) shape.push('shape:bullets');
  if (count(/^(?:subject|from|to|dear|hi|hello)\b/i) >= 1 && lines.length >= 4) shape.push('shape:email');
  if (count(/^\p{Lu}[\p{L}\d ()/&-]{1,30}:\s*\S/u) >= 3) shape.push('shape:fields');
  if (count(/^\**\p{Lu}\p{Ll}+(?: \p{Lu}[\p{Ll}.]+)?\**:/u) >= 3) shape.push('shape:thread');
  return shape;
}

/** A text read as a job description: it has a duties or requirements heading. */
function isPosting(sentences: readonly ReadSentence[]): boolean {
  return sentences.some((s) => s.section === 'duties' || s.section === 'requirements');
}

/** A sentence that names SQL, negated or not. */
function namesSql(s: ReadSentence): boolean {
  return s.units.includes('@sql') || s.units.includes('!@sql');
}

/** The role of a title unit (`@title:ml` → `ml`), or undefined for any other unit. */
function titleRole(unit: string | undefined): string | undefined {
  return unit?.startsWith('@title:') ? unit.slice('@title:'.length) : undefined;
}

/** Two different roles' titles next to each other, or with one word between ("DE + MLE", "ML/DevOps req"). */
function titlesSideBySide(s: ReadSentence): boolean {
  // A plural title ("the data scientists and ML engineers") names people, not one role made of two.
  const roleAt = (i: number) => (s.unitNames[i]?.entry.people ? undefined : titleRole(s.units[i]));
  for (let i = 0; i < s.units.length; i++) {
    const a = roleAt(i);
    if (a === undefined) continue;
    for (let j = i + 1; j <= i + 2 && j < s.units.length; j++) {
      const b = roleAt(j);
      if (b !== undefined && b !== a) return true;
    }
  }
  return false;
}

/**
 * The roles of lines that are a posting's title: short, no sentence, opening with one role's title ("*1. Backend
 * Engineer – Paywall*"; not "Reports to the Head of Data").
 */
function titleLineRoles(sentences: readonly ReadSentence[], lines: readonly string[]): Set<string> {
  const roles = new Set<string>();
  for (const s of sentences) {
    const line = lines[s.sentence.line] ?? '';
    // A posting's title stands outside its sections and is no bullet ("- DevOps for the whole company" is a duty).
    if (s.section !== 'body' || /^[-*•·]\s/.test(line)) continue;
    if (line.length > 70 || /[.?!:]\W*$/.test(line)) continue;
    const first = s.units.findIndex((u) => !/^\d+$/.test(u));
    const name = s.unitNames[first];
    if (!name?.entry.title || name.entry.people || name.negated || name.entry.roles.length !== 1) continue;
    roles.add(name.entry.roles[0] as string);
  }
  return roles;
}

/** The roles someone is made in so many words: a title within four units after `@becomes` ("can just be the ML eng"). */
function rolesMade(sentences: readonly ReadSentence[]): Set<string> {
  const made = new Set<string>();
  for (const s of sentences) {
    s.units.forEach((unit, i) => {
      if (unit !== '@becomes') return;
      for (let j = i + 1; j < s.units.length && j <= i + 4; j++) {
        const title = titleRole(s.units[j]);
        if (title !== undefined) {
          made.add(title);
          break;
        }
      }
    });
  }
  return made;
}

/**
 * The number written after SQL and after Python (or "Python coding") in one sentence, as a weighting reads: "SQL
 * 5%", "python 70", "the SQL round 0.5x", or before it, when both are written so ("20% Python, 60% SQL").
 */
function weightsOf(units: readonly string[]): { sql?: number; python?: number } {
  const subjectOf = (unit: string) =>
    unit === '@sql' ? 'sql' : unit === '@python' || unit === '@generic' ? 'python' : undefined;
  const numberAt = (j: number) => {
    const number = /^(\d+(?:\.\d+)?)x?$/.exec(units[j] ?? '');
    // "5 yrs" is experience, not a weight.
    if (!number || /^(?:year|yr|y|yoe|@requirement)$/.test(units[j + 1] ?? '')) return undefined;
    return Number(number[1]);
  };
  const after: { sql?: number; python?: number } = {};
  const before: { sql?: number; python?: number } = {};
  units.forEach((unit, i) => {
    const subject = subjectOf(unit);
    if (!subject) return;
    if (before[subject] === undefined) before[subject] = numberAt(i - 1);
    if (after[subject] !== undefined) return;
    // The words between are counted, not the units a name adds (SQL is also `@tool:data`).
    for (let j = i + 1, words = 0; j < units.length && words < 4; j++) {
      const near = units[j] as string;
      if (near.startsWith('@tool:')) continue;
      words++;
      if (subjectOf(near)) break;
      const number = numberAt(j);
      if (number !== undefined) {
        after[subject] = number;
        break;
      }
    }
  });
  // "20% Python, 60% SQL" puts each number before its subject; "Python 70 / SQL 30" after it.
  return before.sql !== undefined && before.python !== undefined ? before : after;
}

/** The stance each unit takes toward a subject near it (a map: a word unit such as "constructor" is no stance). */
const STANCES: ReadonlyMap<string, string> = new Map([
  ['@skip', 'skip'],
  ['@downplay', 'downplay'],
  ['!@priority', 'not-priority'],
  ['!@assess', 'not-assessed'],
  ['@weak', 'weak'],
  ['@strong', 'strong'],
  ['@priority', 'priority'],
  ['@assess', 'assessed'],
]);

/**
 * A sentence whose negation says someone could not do something ("couldn't write a join", "didn't know what an
 * index was", "failed to write the query"): a subject negated there is weak, not left out ("no SQL round").
 */
function saysUnable(s: ReadSentence): boolean {
  const tokens = s.sentence.tokens;
  return tokens.some((t, k) => {
    const next = tokens[k + 1]?.lower;
    if ((t.lemma === 'can' || t.lemma === 'could') && (next === "n't" || next === 'not')) return true;
    if (t.lemma === 'fail' && next === 'to') return true;
    return t.lemma === 'know' && t.negated;
  });
}

/** The subjects a stance is read for. */
const STANCE_SUBJECTS: ReadonlySet<string> = new Set(['@sql', '!@sql', '@python', '!@python']);

/** Stances within three units of a subject (`@sql`), with no other subject between them. */
function stancesNear(s: ReadSentence, subject: string): string[] {
  const { units, unitClauses } = s;
  if (!units.includes(subject) && !units.includes(`!${subject}`)) return [];
  // The subjects each clause names, for the clause test below.
  const named = new Map<number, Set<string>>();
  units.forEach((u, k) => {
    if (!STANCE_SUBJECTS.has(u)) return;
    const clause = unitClauses[k] as number;
    named.set(clause, (named.get(clause) ?? new Set()).add(u));
  });
  const found = new Set<string>();
  units.forEach((unit, i) => {
    if (unit !== subject && unit !== `!${subject}`) return;
    if (unit.startsWith('!')) found.add(saysUnable(s) ? 'weak' : 'negated');
    for (const step of [-1, 1]) {
      for (let j = i + step; j >= 0 && j < units.length && Math.abs(j - i) <= 3; j += step) {
        const near = units[j] as string;
        if (STANCE_SUBJECTS.has(near)) break;
        // A stance in another clause is this subject's only when that clause names no other subject: "as for SQL,
        // we skip it" is SQL skipped; in "python fine, SQL excellent" the "fine" is Python's.
        const clause = unitClauses[j] as number;
        if (clause !== unitClauses[i] && [...(named.get(clause) ?? [])].some((u) => u !== unit)) break;
        const stance = STANCES.get(near);
        if (stance) found.add(stance);
      }
    }
  });
  return [...found];
}

/** The kin groups' names in a reading: pairs of neighbouring tools, for a finding's triggers. */
export function neighbourPairs(reading: ReviewReading): [string, string][] {
  return [...kinGroups(reading.sentences).values()]
    .filter((n) => n.length >= 2)
    .map((n) => [n[0] as string, n[1] as string]);
}

/**
 * The neighbouring tools named in the sentences, by group (`neighbours` in review.yaml), each tool once: by its
 * glossary name, or as written when that name is shared by its neighbours (Datadog and Prometheus are both
 * "Monitoring and observability").
 */
function kinGroups(sentences: readonly ReadSentence[]): Map<number, string[]> {
  const kins = new Map<number, Map<string, NameHit>>();
  for (const s of sentences) {
    for (const h of s.names) {
      if (h.entry.kin < 0) continue;
      const tools = kins.get(h.entry.kin) ?? new Map<string, NameHit>();
      if (!tools.has(h.entry.kinKey)) tools.set(h.entry.kinKey, h);
      kins.set(h.entry.kin, tools);
    }
  }
  return new Map(
    [...kins].map(([kin, tools]) => {
      const hits = [...tools.values()];
      const shared = (h: NameHit) => hits.some((o) => o !== h && o.entry.name === h.entry.name);
      return [kin, hits.map((h) => (shared(h) ? h.text : h.entry.name))];
    }),
  );
}

/**
 * Whether a reading lets a finding the model weighed high be raised: `conflating-roles` needs `canConflate`;
 * `ignoring-ecosystem-fit` is not raised on a text that says the neighbouring tool is not the reason ("no hire, and
 * not because of Flask": the guide's own advice, taken). Both scoring paths (the review's one pass, training's per
 * finding) ask here.
 */
export function readingAllows(id: string, reading: ReviewReading): boolean {
  if (id === 'conflating-roles') return canConflate(reading);
  if (id === 'ignoring-ecosystem-fit') return !deniesToolAsReason(reading);
  return true;
}

/**
 * Whether a reading can show `conflating-roles` at all: a text read as a job description (a duties or requirements
 * heading found) shows it only when its duties give the one hire two roles' work or more: the titles, tools and work
 * words ("train the models", "the pipelines") of the lines under its duties heading ("What you'll do"), or of every
 * duty line when it has none. Tools under "Nice to have", "Our stack" or other teams never make a posting ask for
 * two jobs, whatever its words. Read only when the model weighs the finding high, so most texts never pay for it.
 */
export function canConflate(reading: ReviewReading): boolean {
  const { sentences, mainRole } = reading;
  if (separatePostings(reading)) return false;
  if (!isPosting(sentences)) return true;
  const duties = sentences.filter((s) => s.section === 'duties');
  return dutyRolesOf(duties.length > 0 ? duties : sentences, mainRole).withWork.length >= 2;
}

/**
 * Two postings in one message, said to be separate hires: lines that are each one role's title ("1. Backend Engineer
 * – Paywall", then "2. Data Engineer – Newsroom"), and "separate" (or "two roles", "not one person") said outside the
 * side sections; not a role said to be made of both ("half backend, half DevOps: split your week 50/50").
 */
function separatePostings(reading: ReviewReading): boolean {
  const body = reading.sentences.filter((s) => !SIDE_SECTIONS.has(s.section));
  const separate = body.some((s) =>
    s.sentence.tokens.some((t) => /^separate(?:ly)?$/.test(t.lower) && !t.negated),
  );
  return (
    separate &&
    titleLineRoles(reading.sentences, reading.lines).size >= 2 &&
    !body.some((s) => s.units.includes('@hybrid'))
  );
}

/** Roles named anywhere in a reading (titles and core tools). */
export function rolesNamed(reading: ReviewReading): string[] {
  const roles = new Set<string>();
  for (const s of reading.sentences)
    for (const h of s.names) if (h.entry.roles.length <= 2) for (const r of h.entry.roles) roles.add(r);
  return [...roles];
}

// ---- building the reader ----

/**
 * Dictated names as one pattern (one pass over the text, however many names) and its replacement: the written
 * name for the dictated form matched, spaces folded ("pie  torch" is "pie torch").
 */
function dictationOf(dictated: Readonly<Record<string, readonly string[]>>): [RegExp, Replacement][] {
  const written = new Map<string, string>();
  for (const [name, forms] of Object.entries(dictated))
    for (const form of forms) written.set(form.trim().toLowerCase().replace(/\s+/g, ' '), name);
  if (written.size === 0) return [];
  const alternatives = [...written.keys()]
    .sort((a, b) => b.length - a.length)
    .map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[^\\S\\n]+'));
  return [
    [
      new RegExp(`\\b(?:${alternatives.join('|')})\\b`, 'gi'),
      (match) => written.get(match.toLowerCase().replace(/\s+/g, ' ')) ?? match,
    ],
  ];
}

/** Compiles the names of a knowledge base for reading (done once, at load). */
export function prepareReading(knowledge: Knowledge): void {
  readerFor(knowledge);
}

function readerFor(knowledge: Knowledge): Reader {
  let reader = readers.get(knowledge);
  if (!reader) {
    reader = buildReader(knowledge);
    readers.set(knowledge, reader);
  }
  return reader;
}

/** The ways a glossary term is written: its id as words, its name, then its aliases. */
function termPhrases(term: Knowledge['terms'][number]): string[] {
  return [term.id.replace(/-/g, ' '), term.name, ...term.aliases];
}

function buildReader(knowledge: Knowledge): Reader {
  const cues = knowledge.reviewCues;
  const spellings = new Map<string, Set<string>>();
  for (const spelling of cues.capitalisedOnly) {
    const key = nameKey(spelling);
    spellings.set(key, (spellings.get(key) ?? new Set()).add(spelling));
  }
  const names = new Map<string, NameEntry>();
  let longest = 1;
  const entryFor = (phrase: string): NameEntry | undefined => {
    const key = nameKey(phrase);
    if (key.length === 0) return undefined;
    longest = Math.max(longest, phrase.trim().split(/[\s/-]+/).length + 2);
    let entry = names.get(key);
    if (entry) entry.compact &&= !/\s/.test(phrase.trim());
    const negative = phrase
      .toLowerCase()
      .split(/[\s-]+/)
      .some((w) => NEGATIONS.has(w));
    if (!entry) {
      entry = {
        units: [],
        roles: [],
        supports: [],
        work: [],
        title: false,
        people: false,
        kin: -1,
        kinKey: '',
        name: phrase,
        spellings: spellings.get(key),
        compact: !/\s/.test(phrase.trim()),
        negative: false,
      };
      names.set(key, entry);
    }
    if (negative) entry.negative = true;
    return entry;
  };
  const addUnit = (entry: NameEntry, unit: string) => {
    if (!entry.units.includes(unit)) entry.units.push(unit);
  };
  // Concepts first: a tool or title adds its own units to the same name.
  for (const [concept, phrases] of Object.entries(cues.concepts)) {
    for (const phrase of phrases) {
      const entry = entryFor(phrase);
      if (entry) addUnit(entry, `@${concept}`);
    }
  }
  for (const [role, phrases] of Object.entries(cues.work)) {
    for (const phrase of phrases) {
      const entry = entryFor(phrase);
      if (!entry) continue;
      if (!entry.work.includes(role)) entry.work.push(role);
      addUnit(entry, `@work:${role}`);
    }
  }
  const distinct = new Set(cues.distinctOtherRoles);
  for (const role of [...knowledge.roles, ...knowledge.otherRoles.filter((o) => distinct.has(o.id))]) {
    // A title of several words is read in the plural too ("the data scientists": not the glossary's data science).
    // Chat shortens "engineer" ("analytics eng", "pipeline eng"): every title that ends in it is read short too.
    const written = [role.name, ...role.aliases];
    const short = written
      .filter((p) => /\sengineer$/i.test(p.trim()))
      .map((p) => p.trim().replace(/engineer$/i, 'eng'));
    const phrases = [...new Set([...written, ...short])];
    const plurals = new Set(phrases.filter((p) => /\s/.test(p.trim())).map((p) => `${p}s`));
    for (const phrase of [...phrases, ...plurals]) {
      const entry = entryFor(phrase);
      if (!entry) continue;
      if (!entry.title) entry.people = plurals.has(phrase);
      entry.title = true;
      if (!entry.roles.includes(role.id)) entry.roles.push(role.id);
      addUnit(entry, `@title:${role.id}`);
    }
  }
  const signal = new Set(cues.signalCategories);
  for (const term of knowledge.terms) {
    if (!signal.has(term.category) || term.roles.length === 0) continue;
    for (const phrase of termPhrases(term)) {
      const entry = entryFor(phrase);
      if (!entry || entry.title) continue;
      entry.name = term.name;
      for (const r of term.roles) if (!entry.roles.includes(r)) entry.roles.push(r);
      for (const r of term.supports) if (!entry.supports.includes(r)) entry.supports.push(r);
      if (term.roles.length <= 2) for (const r of term.roles) addUnit(entry, `@tool:${r}`);
    }
  }
  // A tool's other names are the same tool: "torch" is PyTorch's neighbour of TensorFlow, "gh actions" GitHub
  // Actions'. Only for a group name that is the glossary term itself (PyTorch), not one of a wider term's aliases
  // ("GitLab CI" under CI/CD: "CI" is no neighbour of GitHub Actions). A name listed in a group keeps its group.
  const termOf = new Map<string, (typeof knowledge.terms)[number]>();
  for (const term of knowledge.terms)
    if (signal.has(term.category))
      for (const phrase of termPhrases(term).slice(0, 2))
        if (!termOf.has(nameKey(phrase))) termOf.set(nameKey(phrase), term);
  // A group's item is one tool, however many names it is listed under ("flux", "fluxcd").
  const groups = cues.neighbours.map((group) =>
    group.map((item) => (typeof item === 'string' ? [item] : item)),
  );
  const listed = new Set(groups.flat(2).map(nameKey));
  groups.forEach((group, kin) => {
    const groupKeys = new Set(group.flat().map(nameKey));
    for (const names of group) {
      const own = new Set(names.map(nameKey));
      const inOtherItem = (p: string) => groupKeys.has(nameKey(p)) && !own.has(nameKey(p));
      for (const phrase of names) {
        const entry = entryFor(phrase);
        if (!entry) continue;
        entry.kin = kin;
        entry.kinKey = nameKey(names[0] as string);
        if (entry.roles.length === 0) entry.name = phrase;
        addUnit(entry, '@kin');
        // A term whose other names include another tool of the group is wider than one tool (MLflow's
        // "experiment tracking" is W&B's job too): its other names are no tool of the group.
        const term = termOf.get(nameKey(phrase));
        const wider = term !== undefined && termPhrases(term).some((p) => inOtherItem(p));
        for (const other of term && !wider ? termPhrases(term) : []) {
          if (listed.has(nameKey(other))) continue;
          const alias = entryFor(other);
          if (!alias || alias.title || alias.kin >= 0) continue;
          alias.kin = kin;
          alias.kinKey = entry.kinKey;
          alias.name = entry.name;
          addUnit(alias, '@kin');
        }
      }
    }
  });
  const sectionHeadings = new Map<string, SectionKind>();
  for (const [kind, phrases] of Object.entries(cues.sections) as [SectionKind, string[]][]) {
    for (const phrase of phrases) sectionHeadings.set(foldKey(phrase), kind);
  }
  const prefixes = new Set<string>();
  for (const key of names.keys()) for (let i = 1; i <= key.length; i++) prefixes.add(key.slice(0, i));
  return {
    names,
    prefixes,
    longest: Math.min(longest, 6),
    sectionHeadings,
    bonusEndings: new Set(cues.bonusEndings.map(foldKey)),
    dictated: dictationOf(cues.dictated),
    anchorLists: [[...new Set(Object.values(cues.anchors).flat())]],
  };
}
