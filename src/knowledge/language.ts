/**
 * The language layer: sentences, lemmas, parts of speech and negation scope from wink-nlp, read from Slack
 * text. Lines are kept apart (a bullet list is a list of sentences), Slack shorthand is spelled out first, and
 * every sentence knows where it stands in the original text so a finding can quote it.
 */

import { createRequire } from 'node:module';
import model from 'wink-eng-lite-web-model';
import type { WinkMethods } from 'wink-nlp';

/** One word or symbol of the text. */
export interface Token {
  /** As written (after shorthand is spelled out). */
  value: string;
  /** As written (after shorthand is spelled out), lower-cased. */
  lower: string;
  /** Dictionary form: "screened", "screening" → "screen"; "doesn't" → "do" "not". */
  lemma: string;
  /** Universal part of speech: NOUN, VERB, PROPN, PUNCT... */
  pos: string;
  /** Inside the scope of a negation ("no need to screen for SQL": need, screen, SQL). */
  negated: boolean;
  /** Written with a capital letter, as names are. */
  capitalised: boolean;
}

/** One sentence or list item, with its tokens and its place in the original text. */
export interface Sentence {
  tokens: Token[];
  /** The sentence's words as read (shorthand spelled out), for quoting. */
  text: string;
  /** Index of the line it starts on. */
  line: number;
}

/** What the language layer makes of a text. */
export interface Reading {
  sentences: Sentence[];
  /** The original text's lines, trimmed. */
  lines: string[];
}

const NUMBER_WORDS: Record<string, string> = Object.fromEntries(
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen'
    .split(' ')
    .map((word, i) => [word, String(i)])
    .concat([['x', 'x']]),
);

/** A text's replacement: a string, or a function of the match (as `String.replace` takes). */
export type Replacement = string | ((match: string, ...groups: string[]) => string);

/** Slack and chat shorthand, spelled out before the text is read: "w/o SQL" reads as "without SQL". */
const SHORTHAND: [RegExp, Replacement][] = [
  [/\bw\/o\b/gi, 'without'],
  [/\bw\/(?=\s|$)/gi, 'with'],
  [/\bb\/c\b|\bbc\b(?=\s+\w)|\bcuz\b|\bcause\b(?=\s+(?:i|we|he|she|they|it|the|our|his|her)\b)/gi, 'because'],
  [/\b(do|does|did|is|are|was|were|ca|wo|should|could|would|have|has|had)nt\b/gi, "$1n't"],
  [/\bcant\b/gi, "can't"],
  [/\bwont\b/gi, "won't"],
  [/\bim\b/g, "I'm"],
  [/\bi'd\b/g, "I'd"],
  [/\btbh\b|\bimo\b|\bimho\b|\bfwiw\b|\bngl\b/gi, ''],
  [/\bpls\b|\bplz\b/gi, 'please'],
  [/\bppl\b/gi, 'people'],
  [/\byrs?\b/gi, 'years'],
  [/\byoe\b/gi, 'years of experience'],
  [/\bexp\b/gi, 'experience'],
  [/\bw\/e\b/gi, 'whatever'],
  [/\bnvm\b/gi, 'never mind'],
  [/\bthx\b|\bty\b/gi, 'thanks'],
  [/\bn\/a\b/gi, 'not applicable'],
  [/→|->|=>/g, ' so '],
  // Dictated versions: "two point seven", "python two", "three point eleven"; not "python two years ago" or a
  // score ("two point seven out of five").
  [
    /\b(two|three) point (x|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen)\b(?!\s+(?:out|of|years?|months?|weeks?|days?|hours?|percent|times|stars?|points?)\b)/gi,
    (_: string, major: string, minor: string) =>
      `${NUMBER_WORDS[major.toLowerCase()]}.${NUMBER_WORDS[minor.toLowerCase()]}`,
  ],
  [
    /\b(python|py) (two|three)\b(?!\s+(?:years?|months?|weeks?|days?|hours?|times|rounds?|or|and|of|more|people|candidates|hires?|roles?|devs?|developers?|engineers?)\b)/gi,
    (_: string, name: string, n: string) => `${name} ${n.toLowerCase() === 'two' ? 2 : 3}`,
  ],
  // The tokenizer splits "3.x" into "3", "." and a new sentence "x".
  [/\b(?:python ?|py ?)?([23])\.x\b/gi, 'py$1'],
];

/**
 * A wink-nlp document's own data: its tokens (four numbers each), sentences and markings. The review reads what it
 * needs from a document at once and then empties these (see `wrapDocumentBuilder`).
 */
interface DocumentData {
  tokens: unknown;
  sentences: unknown;
  markings: unknown;
  entities?: unknown;
  customEntities?: unknown;
}

/** wink-nlp's document builder (its `src/doc-v2.js`): the document's API, made over the document's data. */
type DocumentBuilder = (data: DocumentData, ...rest: unknown[]) => unknown;

/** The builder wrapped so the data of the document it last built can be emptied once read. */
interface DataKeepingBuilder extends DocumentBuilder {
  last?: DocumentData;
  [KEEPS_DATA]: true;
}

/** Marks the wrapped builder, so a second copy of this module (tests load modules afresh) finds it. */
const KEEPS_DATA = Symbol.for('pyhire.wink-document-data');

const require = createRequire(import.meta.url);

/**
 * wink-nlp builds every document's API from closures assigned to properties (`api.out = (f) => ...`). V8's parser
 * marks a function written as the value of a property assignment for the old generation, and while the code that
 * makes it runs unoptimised (wink-nlp's runs so for thousands of documents), the closure is allocated there. A dead
 * closure in the old generation still counts as a root for minor garbage collections, so it kept its scope (the
 * document's token array and all) alive until the next full collection: every scavenge copied, then promoted, the
 * data of each document read since (about 40 KB for 4,000 characters; see docs/benchmarks.md). The data cannot be
 * reached through wink-nlp's API, so its document builder is wrapped before wink-nlp loads, keeping the data of the
 * last document built; `readText` empties its arrays once it has read them, and the closures keep only empty
 * arrays. Where the builder cannot be wrapped (wink-nlp loaded first, or its files laid out otherwise in a later
 * version), nothing is wrapped and readings are the same, only kept longer. test/knowledge/language.test.ts checks
 * that the wrap catches each document.
 */
function wrapDocumentBuilder(): DataKeepingBuilder | undefined {
  try {
    const path = require.resolve('wink-nlp/src/doc-v2.js');
    const loaded = require.cache[path]?.exports as Partial<DataKeepingBuilder> | undefined;
    if (loaded?.[KEEPS_DATA]) return loaded as DataKeepingBuilder;
    // wink-nlp took the builder it loaded already: a wrap now would never be called.
    if (require.cache[require.resolve('wink-nlp')]) return undefined;
    const build = require(path) as DocumentBuilder;
    if (typeof build !== 'function') return undefined;
    const keeping = ((data: DocumentData, ...rest: unknown[]) => {
      keeping.last = data;
      return build(data, ...rest);
    }) as DataKeepingBuilder;
    keeping[KEEPS_DATA] = true;
    const entry = require.cache[path];
    if (!entry) return undefined;
    entry.exports = keeping;
    return keeping;
  } catch {
    return undefined;
  }
}

const documents = wrapDocumentBuilder();
const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default;

/** Empties the arrays of the document last built (see `wrapDocumentBuilder`), once nothing reads it any more. */
function emptyLastDocument(): void {
  const data = documents?.last;
  if (!documents || !data) return;
  for (const list of [data.tokens, data.sentences, data.markings, data.entities, data.customEntities])
    if (Array.isArray(list)) list.length = 0;
  documents.last = undefined;
}

let engine: WinkMethods | undefined;

/**
 * The wink-nlp engine with the pipes the review reads (sentences, negation, parts of speech), made on first use
 * (its model loads in about 150 ms). Exported for the benchmark of the library's own cost.
 */
export function nlp(): WinkMethods {
  engine ??= winkNLP(model, ['sbd', 'negation', 'pos']);
  return engine;
}

/** Loads the language model now, so the first message does not wait for it. */
export function prepareLanguage(): void {
  nlp();
}

/**
 * Dictionary forms the model gets wrong for hiring text: "data" is no plural of "datum" here ("data engineers").
 * A map, not an object: a word such as "constructor" must not find an object's own properties.
 */
const LEMMAS: ReadonlyMap<string, string> = new Map([['data', 'data']]);

/** Words that open a negation's scope that wink-nlp leaves alone ("nothing on Python 3", "without SQL"). */
const EXTRA_NEGATIONS = new Set(['nothing', 'without', 'none', 'neither', 'nor', 'nobody', 'lack', 'lacks']);
/** Tokens that close a negation's scope. */
const SCOPE_END = new Set([
  ',',
  ';',
  ':',
  '.',
  '!',
  '?',
  'but',
  'so',
  'and',
  'because',
  'though',
  'although',
]);

/**
 * Subjects that open a new clause: wink-nlp's scope runs on through them to the sentence's end ("since we can't hire
 * a second dev I'll ask him to take over the API" negates nothing after "I"). Only after a noun, where one clause
 * can end without a comma: after "think", "sure" or "that" the clause is the negation's own ("I don't think he
 * knows SQL"), and "you" is as often the object ("we don't need you to write SQL").
 */
const NEW_SUBJECTS = new Set(['i', 'we', 'he', 'she', 'they']);
const CLAUSE_ENDING = new Set(['NOUN', 'PROPN', 'NUM']);

/** Whether a word opens a new clause: a new subject right after a noun (see `NEW_SUBJECTS`). */
export function opensClause(lower: string, previous: Token | undefined): boolean {
  return NEW_SUBJECTS.has(lower) && CLAUSE_ENDING.has(previous?.pos ?? '');
}

/**
 * A word with an apostrophe ending ("team's", "she'd") right before punctuation. wink-nlp keeps every new word it
 * sees in its lexicon: "the team's." would teach it "team's" as one word, and from then on "the team's notebooks"
 * would read differently than in a fresh process. A space before the punctuation keeps each reading the same
 * whatever was read before.
 */
const POSSESSIVE_BEFORE_PUNCTUATION = /(\S['’]\p{L}{1,2})([.,;:!?)\]"”]+)(?=\s|$)/gu;

/**
 * Reads a text: lines, then sentences within each line, each token with its lemma and negation. `spelled`: the
 * caller's own forms to spell out before reading (the review's dictated names); lines stay as written.
 */
export function readText(raw: string, spelled: readonly (readonly [RegExp, Replacement])[] = []): Reading {
  const text = raw.replace(/\r\n?|\u2028|\u2029/g, '\n');
  const lines = text.split('\n');
  const its = nlp().its;
  const sentences: Sentence[] = [];
  // One wink document for the whole text (far faster than one per line); lines are split again below.
  // A run of 64 or more characters without a space is no word (a rule, a hash, a pasted blob): wink-nlp takes
  // seconds over very long ones, so it reads only their start.
  const doc = nlp().readDoc(
    spellOut(text, spelled)
      .replace(/(?<!\S)\S{64,}/g, (run) => run.slice(0, 64))
      .replace(POSSESSIVE_BEFORE_PUNCTUATION, '$1 $2'),
  );
  let values: string[];
  let lemmas: string[];
  let pos: string[];
  let negation: boolean[];
  let spans: [number, number][];
  try {
    values = doc.tokens().out(its.value) as string[];
    // wink-nlp's typings give `its.lemma` a model-specific signature that `out` does not accept; it reads like `value`.
    lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
    pos = doc.tokens().out(its.pos) as string[];
    negation = doc.tokens().out(its.negationFlag) as unknown as boolean[];
    spans = doc.sentences().out(its.span) as unknown as [number, number][];
  } finally {
    emptyLastDocument();
  }
  let line = 0;
  for (const [first, last] of spans) {
    let tokens: Token[] = [];
    let extraNegation = false;
    // Set once a new subject ends wink-nlp's scope, until its flags stop.
    let scopeClosed = false;
    const flush = () => {
      if (tokens.some((t) => t.pos !== 'PUNCT' && t.pos !== 'SYM')) {
        sentences.push(sentence(tokens, line));
      }
      tokens = [];
      extraNegation = false;
      scopeClosed = false;
    };
    for (let i = first; i <= last; i++) {
      const value = values[i] ?? '';
      if (value.includes('\n')) {
        flush();
        line += (value.match(/\n/g) ?? []).length;
        continue;
      }
      // Spaces, tabs and carriage returns (wink-nlp's tabCRLF) are no words.
      if (value.trim() === '') continue;
      const lower = value.toLowerCase();
      const lemma = LEMMAS.get(lower) ?? (lemmas[i] ?? lower).toLowerCase();
      if (SCOPE_END.has(lower)) extraNegation = false;
      if (!negation[i]) scopeClosed = false;
      else if (tokens.at(-1)?.negated && opensClause(lower, tokens.at(-1))) scopeClosed = true;
      tokens.push({
        value,
        lower,
        lemma,
        pos: pos[i] ?? 'X',
        negated: (Boolean(negation[i]) && !scopeClosed) || extraNegation,
        capitalised: startsCapitalised(value),
      });
      if (EXTRA_NEGATIONS.has(lemma)) extraNegation = true;
    }
    flush();
  }
  return { sentences, lines: lines.map((l) => l.trim()) };
}

/** The text with shorthand (and the caller's own forms, such as dictated names) spelled out. */
function spellOut(line: string, spelled: readonly (readonly [RegExp, Replacement])[]): string {
  let out = line;
  // A function replacement gets the match and its groups, as `String.replace` passes them.
  for (const [pattern, replacement] of [...SHORTHAND, ...spelled])
    out = out.replace(pattern, replacement as (m: string) => string);
  return out;
}

/**
 * A sentence; its text is joined only when asked for (a quote, or a finding's check of what a sentence says). A class,
 * so the getter is the prototype's: a getter of its own on each object literal is a closure over the tokens, and V8
 * keeps such closures, and all they reach, through every minor garbage collection until the next full one (each
 * collection copying them again: see docs/benchmarks.md).
 */
class ReadSentenceText implements Sentence {
  // A private field, so the joined text is no own property that copying or serialising a sentence would show.
  #joined: string | undefined;
  constructor(
    readonly tokens: Token[],
    readonly line: number,
  ) {}
  get text(): string {
    this.#joined ??= sentenceText(this.tokens);
    return this.#joined;
  }
}

/** Whether a word starts with a capital letter (A–Z at once; any other letter by its Unicode category). */
function startsCapitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(word);
}

function sentence(tokens: Token[], line: number): Sentence {
  return new ReadSentenceText(tokens, line);
}

/** A sentence's text for quoting: tokens joined, spaces before punctuation removed. */
function sentenceText(tokens: readonly Token[]): string {
  return tokens
    .map((t) => t.value)
    .join(' ')
    .replace(/\s+([,.;:!?)])/g, '$1')
    .replace(/([(])\s+/g, '$1');
}

/**
 * Short function words of English and of the other languages hiring text here comes in. They carry no topic, so
 * which language's words a text is made of tells its language whatever it is about.
 */
const FUNCTION_WORDS: Record<string, ReadonlySet<string>> = {
  en: words(
    'the and to of a in is for we with on that it this be are was not he she they you have has at but our will',
  ),
  // None that English text also writes ("do", "as", "per", "con", "non", "till", a single letter).
  de: words(
    'und der die das nicht wir ist für mit ein eine auf den dem sie es zu von bei auch noch aber wie ich',
  ),
  fr: words('le la les et des une est pour nous avec pas que qui dans sur au du ce il elle sont je'),
  es: words('el los las la de una es para por que en del su pero como muy'),
  pt: words('os uma é para com não que em da na por mas'),
  nl: words('de het een en van op te dat niet met voor zijn ook maar bij naar'),
  it: words('il lo gli di una è che del della sono ma'),
  sv: words('och att det är ett för med inte på som av har jag'),
};

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(' '));
}

/** A text must have this many function words of another language, and more than of English, to read as it. */
const OTHER_LANGUAGE_WORDS = 3;

/**
 * Whether a text reads as English: at least as many English function words as any other language's. The review
 * reads English (its language model and its vocabulary are English); a message mostly in German or French is told
 * so instead of being given an all-clear it did not earn. A text with no function words at all (a list of tools,
 * "advance") is read.
 */
export function readsAsEnglish(text: string): boolean {
  // Letters mostly of another script (Japanese, Cyrillic, Greek...) are another language, whatever Latin names
  // stand among them.
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (letters > 0 && latin / letters < 0.5) return false;
  const counts = new Map<string, number>();
  const words = text.match(/\p{L}+/gu) ?? [];
  words.forEach((word, k) => {
    // Function words are written in lower case: "Le Wagon", "LA", "ET", "MIT" are names, and so are the particles
    // between two names ("Pieter van der Berg", "Jan de Vries").
    if (word !== word.toLowerCase() || (capitalised(words[k - 1]) && capitalisedAfter(words, k))) return;
    for (const [language, list] of Object.entries(FUNCTION_WORDS))
      if (list.has(word)) counts.set(language, (counts.get(language) ?? 0) + 1);
  });
  const english = counts.get('en') ?? 0;
  return [...counts].every(([language, n]) => language === 'en' || n <= english || n < OTHER_LANGUAGE_WORDS);
}

const capitalised = (word: string | undefined) => word !== undefined && /^\p{Lu}/u.test(word);

/** Whether the next word not in lower case after `k` (across particles: "van der Berg") is capitalised. */
function capitalisedAfter(words: readonly string[], k: number): boolean {
  for (let j = k + 1; j < Math.min(words.length, k + 3); j++) {
    const word = words[j] as string;
    if (capitalised(word)) return true;
    if (word !== word.toLowerCase()) return false;
  }
  return false;
}
