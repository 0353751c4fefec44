/**
 * Checks a pasted document against the guide: what kind of text it is (a job description, a resume or a hiring
 * message), which role or roles it is about, the must-have skills a job description never mentions, the Recruiter's
 * Cheat Sheet flags a resume shows, and the review's findings. Every flag, role and skill quotes the line that shows
 * it. The words read for are knowledge (documents.yaml, cheat-sheet.yaml, roles.yaml `mustHaves`); how they are
 * weighed is here, one function per decision.
 */

import { readsAsEnglish, readText, type Token } from './language.ts';
import type { Knowledge } from './load.ts';
import { type Finding, findingsInReading, MAX_REVIEW_LENGTH, readForReviewText } from './review.ts';
import { type ReadSentence, type ReviewReading, SIDE_SECTIONS } from './review-reading.ts';
import type { CheatSheetFlag, FlagId, MustHave, Role } from './schema.ts';
import { foldKey, stripSlackMarkup } from './search.ts';

export const DOCUMENT_KINDS = ['jd', 'resume', 'message'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A role the text is about, with the lines that show it. */
export interface RoleFocus {
  role: Role;
  lines: string[];
}

/** A must-have skill of a role, and the line that mentions it (none when the text never does). */
export interface SkillCheck {
  role: Role;
  skill: MustHave;
  line: string | undefined;
}

/** A cheat-sheet flag a resume shows, and the line that shows it (none for a flag about an absence). */
export interface FlagHit {
  flag: CheatSheetFlag;
  tone: 'green' | 'yellow';
  line: string | undefined;
}

/** Everything a document check says. */
export interface DocumentCheck {
  kind: DocumentKind;
  /** The roles a job description asks the hire to do, or the archetype a resume signals (none for a message). */
  roles: RoleFocus[];
  /** Job descriptions: the must-haves of each role in focus, mentioned or not. */
  covered: SkillCheck[];
  missing: SkillCheck[];
  /** Resumes: the cheat-sheet flags found. */
  flags: FlagHit[];
  /** Job descriptions and messages: the review's findings. */
  findings: Finding[];
  /** Resumes: questions from the guide that probe what the resume leaves open. */
  questions: string[];
  /** The role the recruiter said they are hiring for, if any. */
  hiringFor: Role | undefined;
  /** Set when the text was longer than PyHire reads (MAX_REVIEW_LENGTH characters). */
  truncated: boolean;
  /** Set when the text reads as another language than English (`readsAsEnglish`): it was not checked. */
  notEnglish?: boolean;
}

export interface CheckOptions {
  /** Role id the recruiter is hiring for ("I'm hiring for…"). */
  hiringFor?: string;
}

/** Questions a resume check offers, at most. */
export const MAX_QUESTIONS = 3;
/** Lines quoted per role, at most. */
const MAX_ROLE_LINES = 2;
const MAX_QUOTE = 160;

/** Checks one document. */
export function checkDocument(knowledge: Knowledge, raw: string, options: CheckOptions = {}): DocumentCheck {
  const text = stripSlackMarkup(raw);
  const empty = {
    roles: [] as RoleFocus[],
    covered: [] as SkillCheck[],
    missing: [] as SkillCheck[],
    flags: [] as FlagHit[],
    findings: [] as Finding[],
    questions: [] as string[],
    hiringFor: options.hiringFor ? knowledge.roleById.get(options.hiringFor) : undefined,
    truncated: text.length > MAX_REVIEW_LENGTH,
  };
  // PyHire reads English: a document in another language is said to be so, not given an empty check.
  if (!readsAsEnglish(text)) return { ...empty, kind: 'message', notEnglish: true };
  const reading = readForReviewText(knowledge, text);
  const cues = cuesFor(knowledge);
  const kind = kindOf(cues, reading);
  const base = { ...empty, kind };
  if (kind === 'message') return { ...base, findings: findingsInReading(knowledge, reading) };
  if (kind === 'jd') {
    const findings = findingsInReading(knowledge, reading);
    const roles = jobRoles(knowledge, reading);
    const skills = roles.flatMap(({ role }) =>
      role.mustHaves.skills.map((skill) => ({ role, skill, line: mentionOf(cues, reading, skill) })),
    );
    return {
      ...base,
      roles,
      findings,
      covered: skills.filter((s) => s.line !== undefined),
      missing: skills.filter((s) => s.line === undefined),
    };
  }
  const roles = resumeRoles(knowledge, cues, reading);
  const { hiringFor } = base;
  const flags = resumeFlags(knowledge, cues, reading, roles, hiringFor);
  return { ...base, roles, flags, questions: resumeQuestions(knowledge, flags, hiringFor ?? roles[0]?.role) };
}

// ---- what kind of text ----

function scoresOf(cues: Cues, reading: ReviewReading) {
  let resumeHeadings = 0;
  let jdHeadings = 0;
  let dateRanges = 0;
  for (const line of reading.lines) {
    const heading = headingKey(line);
    if (heading !== undefined && cues.resumeHeadings.has(heading)) resumeHeadings++;
    if (heading !== undefined && cues.jdHeadings.has(heading)) jdHeadings++;
    if (DATE_RANGE.test(line)) dateRanges++;
  }
  const text = reading.lines.join('\n');
  const contact = CONTACT.filter((pattern) => pattern.test(text)).length;
  const count = (matcher: PhraseMatcher<string>) =>
    reading.sentences.reduce((n, s) => n + matches(matcher, s.sentence.tokens).length, 0);
  // A letter or chat message opens with a greeting and may end with a sign-off on a line of its own.
  const opening = reading.sentences
    .slice(0, 2)
    .some((s) => s.sentence.line <= 1 && startsWith(cues.messageOpenings, s.sentence.tokens));
  const signOff = reading.sentences.some(
    (s) =>
      (reading.lines[s.sentence.line] ?? '').length <= 30 && startsWith(cues.signOffs, s.sentence.tokens),
  );
  return {
    jd:
      2 * jdHeadings +
      Math.min(count(cues.jdPhrases), 8) +
      (SALARY.test(text) ? 2 : 0) +
      (titleRoles(reading).length > 0 ? 2 : 0),
    resume:
      2 * resumeHeadings +
      1.5 * Math.min(dateRanges, 6) +
      2 * contact +
      Math.min(count(cues.resumePhrases), 4) +
      (isNameLine(reading.lines[0] ?? '') ? 3 : 0),
    message: count(cues.messagePhrases) + (opening ? 4 : 0) + (signOff ? 3 : 0),
  };
}

/** A resume's first line: a person's name ("Ebba Halvorsen", "WOJCIECH LIS — Kraków"), not a job title. */
function isNameLine(line: string): boolean {
  const head = line.split(/\s[—–|·,(]\s?|\s-\s/)[0]?.trim() ?? '';
  return NAME.test(head) && !NOT_A_NAME.test(head);
}

const NAME = /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}$/u;
/** Words of job titles and headings, which a first line of capitalised words may also be. */
const NOT_A_NAME =
  /\b(?:engineer|developer|scientist|manager|analyst|lead|senior|junior|head|intern|architect|consultant|administrator|specialist|director|officer|recruiter|python|data|backend|platform|devops|machine|learning|software|hiring|job|role|position|team|notes|candidate|subject|summary|profile|resume|cv|about|we|our|hi|hello)\b/i;

/** True when a sentence opens with one of the matcher's phrases. */
function startsWith(matcher: PhraseMatcher<string>, tokens: readonly Token[]): boolean {
  return matches(matcher, tokens.slice(0, 4)).some((m) => m.at === 0);
}

/** A pay range or figure: "£60-75k", "$140,000", "€42–48k", "120k". */
const SALARY =
  /[£$€]\s?\d[\d,.]*\s?k?\b|\b\d{2,3}(?:[,.]\d{3})?\s?k?\s?(?:-|–|to)\s?\d{2,3}(?:[,.]\d{3})?\s?k\b/i;

/** The kind that scores most; a text that reads as neither document strongly enough is a message. */
function kindOf(cues: Cues, reading: ReviewReading): DocumentKind {
  const scores = scoresOf(cues, reading);
  const best = Math.max(scores.jd, scores.resume);
  if (best < MIN_DOCUMENT_SCORE || scores.message > best) return 'message';
  return scores.resume > scores.jd ? 'resume' : 'jd';
}

const MIN_DOCUMENT_SCORE = 4;

/** A year range: "2019 - 2023", "Mar 2021 – Present", "06/2018 to 01/2020". */
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+|\\d{1,2}[/.]';
const DATE_RANGE = new RegExp(
  `\\b(?:${MONTH})?(?:19|20)\\d{2}\\s*(?:-|–|—|to|until)\\s*(?:(?:${MONTH})?(?:19|20)\\d{2}|present|now|current|today)\\b`,
  'i',
);
/** Contact details a resume opens with: an e-mail address, a phone number, a LinkedIn or GitHub profile. */
const CONTACT = [
  /[\w.+-]+@[\w-]+\.[a-z]{2,}/i,
  /\+?\d[\d ().-]{8,}\d/,
  /linkedin\.com\/in\//i,
  /github\.com\/\w/i,
];

// ---- roles ----

/**
 * The roles a job description asks the hire to do: every role with substantial work in its duties (titles, tools
 * and work words outside bonus, stack, about and benefits lines and other teams' sentences), within a share of the
 * strongest. A tool that only supports the title's role (Kubernetes for an ML engineer) counts for that role.
 */
function jobRoles(knowledge: Knowledge, reading: ReviewReading): RoleFocus[] {
  // A title naming two roles ("Backend & Platform Engineer") has no single role for other tools to support.
  const titled = titleRoles(reading);
  const duties = (s: ReadSentence) => !SIDE_SECTIONS.has(s.section) && !s.otherTeam;
  // Without a title, the role with the most evidence at first sight plays the main role's part.
  const main =
    titled.length === 1
      ? titled[0]
      : titled.length === 0
        ? (reading.mainRole ?? topRoles(roleScores(reading, duties, undefined), 1)[0])
        : undefined;
  const scores = roleScores(reading, duties, main);
  // A role besides the strongest needs work of its own in the duties, not only its name ("remote (DE/PL)").
  const own = roleScores(reading, duties, main, { titles: false, shared: false });
  return focusOf(
    knowledge,
    reading,
    topRoles(scores, JOB_ROLE_SHARE).filter((id, i) => i === 0 || (own.get(id) ?? 0) >= MIN_OWN_WORK),
  );
}

/** Evidence of its own (its tools alone and its work words) a role needs to be asked for beside the strongest. */
const MIN_OWN_WORK = 1.5;

/** Roles of the job titles on a text's first line, when it is short enough to be a title. */
function titleRoles(reading: ReviewReading): string[] {
  if ((reading.lines[0] ?? '').length > 100) return [];
  const roles = reading.sentences
    .filter((s) => s.sentence.line === 0)
    .flatMap((s) => s.names.filter((n) => n.entry.title && !n.negated).flatMap((n) => n.entry.roles));
  return [...new Set(roles)];
}

/** The archetype a resume signals: its strongest role, and a second one when the experience is split. */
function resumeRoles(knowledge: Knowledge, cues: Cues, reading: ReviewReading): RoleFocus[] {
  // "Aspiring backend developer", "looking for a data role": what a person wants is not what they did.
  const scores = roleScores(
    reading,
    (s) => matches(cues.aspiration, s.sentence.tokens).length === 0,
    undefined,
  );
  return focusOf(knowledge, reading, topRoles(scores, RESUME_ROLE_SHARE));
}

/** Least evidence for a role: a title, or two of its own tools. */
const MIN_ROLE_SCORE = 2;
/** Another role needs this share of the strongest role's evidence. */
const JOB_ROLE_SHARE = 0.28;
const RESUME_ROLE_SHARE = 0.6;

/**
 * Evidence per role id: a title counts 3 (once per role), a tool of that role alone 1, a tool shared by two roles or a work word
 * 0.5; negated names count nothing. In a sentence about the main role's work, a tool that supports it counts for it.
 */
function roleScores(
  reading: ReviewReading,
  counts: (s: ReadSentence) => boolean,
  mainRole: string | undefined,
  { titles = true, shared = true } = {},
): Map<string, number> {
  const scores = new Map<string, number>();
  const add = (role: string, n: number) => scores.set(role, (scores.get(role) ?? 0) + n);
  // A title says which role once: repeating it ("the backend", "backend person") adds no evidence.
  const titled = new Set<string>();
  for (const s of reading.sentences) {
    if (!counts(s)) continue;
    // In a sentence about one role's own work (the main role's, or the one role its titles and own tools name),
    // a tool that only supports that role is its environment: "automation against the AWS APIs" is DevOps work.
    const aboutMain =
      mainRole !== undefined &&
      s.names.some(
        (n) => !n.negated && (n.entry.roles.includes(mainRole) || n.entry.work.includes(mainRole)),
      );
    const subject = aboutMain ? mainRole : sentenceSubject(s);
    for (const { entry, negated } of s.names) {
      if (negated) continue;
      if (subject !== undefined && !entry.roles.includes(subject) && entry.supports.includes(subject))
        add(subject, 0.5);
      else if (entry.title) {
        if (titles) for (const r of entry.roles) if (!titled.has(r)) add(r, 3);
        for (const r of entry.roles) titled.add(r);
      } else if (entry.roles.length === 1) add(entry.roles[0] as string, 1);
      else if (shared && entry.roles.length <= 3) for (const r of entry.roles) add(r, 1 / entry.roles.length);
      for (const r of entry.work) add(r, 0.5);
    }
  }
  return scores;
}

/** The one role a sentence's titles name, else the one its single-role tools name, if exactly one. */
function sentenceSubject(s: ReadSentence): string | undefined {
  const one = (pick: (entry: ReadSentence['names'][number]['entry']) => boolean) => {
    const roles = new Set(s.names.filter((n) => !n.negated && pick(n.entry)).flatMap((n) => n.entry.roles));
    return roles.size === 1 ? [...roles][0] : undefined;
  };
  const titled = s.names.some((n) => !n.negated && n.entry.title);
  return titled ? one((e) => e.title) : one((e) => e.roles.length === 1);
}

/** Roles with at least MIN_ROLE_SCORE and `share` of the strongest one's evidence, strongest first. */
function topRoles(scores: ReadonlyMap<string, number>, share: number): string[] {
  const ranked = [...scores.entries()].filter(([, n]) => n >= MIN_ROLE_SCORE).sort((a, b) => b[1] - a[1]);
  const top = ranked[0]?.[1] ?? 0;
  return ranked.filter(([, n]) => n >= top * share).map(([id]) => id);
}

/** Each role with the lines that show it best: titles and the role's own tools first, in text order. */
function focusOf(knowledge: Knowledge, reading: ReviewReading, ids: readonly string[]): RoleFocus[] {
  return ids.flatMap((id) => {
    const role = knowledge.roleById.get(id);
    if (!role) return [];
    const weighed = reading.sentences.flatMap((s, at) => {
      if (SIDE_SECTIONS.has(s.section)) return [];
      let weight = 0;
      for (const { entry, negated } of s.names) {
        if (negated) continue;
        if (entry.title && entry.roles.includes(id)) weight += 3;
        else if (entry.roles.length === 1 && entry.roles[0] === id) weight += 1;
        else if (entry.roles.includes(id) || entry.work.includes(id)) weight += 0.25;
      }
      return weight > 0 ? [{ at, weight }] : [];
    });
    const best = weighed
      .sort((a, b) => b.weight - a.weight || a.at - b.at)
      .slice(0, MAX_ROLE_LINES)
      .sort((a, b) => a.at - b.at);
    const lines = [...new Set(best.map(({ at }) => quoteOf(reading, reading.sentences[at] as ReadSentence)))];
    return [{ role, lines }];
  });
}

// ---- must-haves ----

/** The first line that mentions a must-have (its `covers` words), or undefined. */
function mentionOf(cues: Cues, reading: ReviewReading, skill: MustHave): string | undefined {
  const matcher = cues.mustHaves.get(skill.id);
  if (!matcher) return undefined;
  const s = reading.sentences.find((s) => matches(matcher, s.sentence.tokens).length > 0);
  return s ? quoteOf(reading, s) : undefined;
}

// ---- resume flags ----

/** The cheat-sheet flags a resume shows, green first, in the cheat sheet's order. */
function resumeFlags(
  knowledge: Knowledge,
  cues: Cues,
  reading: ReviewReading,
  roles: readonly RoleFocus[],
  hiringFor: Role | undefined,
): FlagHit[] {
  const named = termsNamed(cues, reading);
  const first = (ids: readonly string[]) => ids.map((id) => named.get(id)).find((line) => line !== undefined);
  const mentionsPython = reading.sentences.find((s) =>
    s.sentence.tokens.some((t) => /^python\d?$/.test(t.lower)),
  );
  const found = new Map<FlagId, string | undefined>();
  const { greenFlags, yellowFlags } = knowledge.cheatSheet;
  // The libraries that make a framework "specific" also show Python work.
  const specific = greenFlags.find((f) => f.id === 'specific-frameworks');
  const libraries = new Set([...(specific?.terms ?? []), ...(specific?.names ?? []).map((n) => `name:${n}`)]);
  // Yellow flags first: whether the work was only courses decides domain-match.
  for (const flag of [...yellowFlags, ...greenFlags]) {
    const shown = first([...flag.terms, ...flag.names.map((n) => `name:${n}`)]);
    const ruledOut = first([...flag.unless, ...flag.unlessNames.map((n) => `name:${n}`)]) !== undefined;
    switch (flag.id) {
      case 'specific-frameworks':
      case 'type-hints':
      case 'testing':
        if (shown !== undefined) found.set(flag.id, shown);
        break;
      case 'production-scale': {
        // Numbers are read in the lines as written: the language layer splits "50M/day" into tokens.
        const line = reading.lines.find((l) => SCALE.some((pattern) => pattern.test(l)));
        if (line) found.set(flag.id, clip(line));
        break;
      }
      case 'domain-match': {
        // Courses alone show interest in the domain, not expertise.
        const match = hiringFor && roles.find((r) => r.role.id === hiringFor.id);
        if (match && !found.has('tutorial-only')) found.set(flag.id, match.lines[0]);
        break;
      }
      case 'generic-python':
        if (mentionsPython && !ruledOut) found.set(flag.id, quoteOf(reading, mentionsPython));
        break;
      case 'tutorial-only': {
        const learning = reading.sentences.find((s) => matches(cues.learning, s.sentence.tokens).length > 0);
        if (learning && !hasPythonWork(cues, reading, libraries))
          found.set(flag.id, quoteOf(reading, learning));
        break;
      }
      case 'python-2-only':
        if (shown !== undefined && !ruledOut) found.set(flag.id, shown);
        break;
      case 'no-web-framework':
        if (hiringFor?.id === 'backend' && !ruledOut) found.set(flag.id, undefined);
        break;
    }
  }
  const green = new Set<string>(greenFlags.map((f) => f.id));
  return [...greenFlags, ...yellowFlags]
    .filter((flag) => found.has(flag.id))
    .map((flag) => ({ flag, tone: green.has(flag.id) ? 'green' : 'yellow', line: found.get(flag.id) }));
}

/** Numbers that show production scale: users, requests, data volume, latency, uptime, money or time saved. */
const SCALE = [
  /\b\d[\d,.]*\s*(?:k|m|mm|b|bn|tb|gb|pb)?\+?[\s-]+(?:[\w/-]+\s+){0,2}(?:users|customers|clients|requests|req\/s|rps|qps|tps|events|messages|transactions|records|rows|orders|queries|calls|jobs|documents|images?|devices|servers|nodes|merchants|patients|subscribers|visitors|tenants|terabytes|gigabytes|petabytes|predictions|dags|pipelines|services|microservices|dashboards|tables|shipments|downloads|stars|engineers|dispatchers|stores|countries)\b/i,
  /\b\d[\d,.]*\s*(?:tb|gb|pb|ms|k\/s|\/s)\b/i,
  // A percentage that is a change or a service level, not a grade ("top 40%").
  /(?:reduc|cut|improv|increas|boost|grew|grow|sav|lower|rais|decreas|drop|faster|fewer|less|more|uptime|availability|sla)\w*[^.%]{0,60}\d[\d,.]*\s*%|\d[\d,.]*\s*%[^.]{0,40}(?:uptime|availability|faster|fewer|less|more|reduction|improvement|increase|decrease|saving|coverage|of (?:traffic|revenue|requests|users|customers))/i,
  /\b\d[\d,.]*\s*(?:million|billion|thousand|mln|bn)\b/i,
  /[$€£]\s?\d/,
  /\b\d[\d,.]*\s*x\s+(?:faster|speed|cheaper|more|throughput)/i,
  /\bp(?:50|95|99)\b/i,
  /\b\d[\d,.]*\s*(?:k|m)?\s*(?:[\w-]+\s+)?(?:per|\/|a|each)\s*(?:second|sec|minute|hour|day|week|month)\b/i,
  /\bused by (?:~|over |more than |around )?\d/i,
  // "from 4 hours to 35 minutes", "from 0.71 to 0.79": a before and after (not a span of years).
  /\bfrom ~?(?!(?:19|20)\d\d\b)\d[\d,.]*\s*(?:%|ms|s|x|hours?|minutes?|mins?|seconds?|days?)?\s+to\s+~?\d/i,
];

/**
 * A resume shows Python work beyond courses when a line of its work history names Python or a Python library. The
 * work history runs from a work heading ("Experience") to the next heading of any kind.
 */
function hasPythonWork(cues: Cues, reading: ReviewReading, libraries: ReadonlySet<string>): boolean {
  let inWork = false;
  for (const s of reading.sentences) {
    const line = reading.lines[s.sentence.line] ?? '';
    const heading = headingKey(line);
    if (heading !== undefined && (cues.resumeHeadings.has(heading) || isOtherHeading(cues, line, s)))
      inWork = cues.workHeadings.has(heading);
    if (!inWork) continue;
    if (s.sentence.tokens.some((t) => /^python\d?$/.test(t.lower))) return true;
    if (matches(cues.terms, s.sentence.tokens).some((m) => !m.negated && libraries.has(m.value))) return true;
  }
  return false;
}

/** A heading PyHire has no list for: a short line in capitals ("PYTHON LEARNING"), or one naming courses. */
function isOtherHeading(cues: Cues, line: string, s: ReadSentence): boolean {
  const bare = line.replace(/[^\p{L}\s&/]/gu, '').trim();
  if (bare.length < 3 || bare.length > 40) return false;
  if (bare === bare.toUpperCase()) return true;
  return bare.split(/\s+/).length <= 5 && matches(cues.learning, s.sentence.tokens).length > 0;
}

/** Questions that probe what a resume leaves open: each yellow flag's, then the kit's first question. */
function resumeQuestions(knowledge: Knowledge, flags: readonly FlagHit[], role: Role | undefined): string[] {
  const asks = flags.filter((f) => f.tone === 'yellow').map((f) => f.flag.ask);
  const has = new Set(flags.map((f) => f.flag.id));
  for (const id of ['testing', 'specific-frameworks'] as const) {
    const flag = knowledge.cheatSheet.greenFlags.find((f) => f.id === id);
    if (flag && !has.has(id)) asks.push(flag.ask);
  }
  const kit = role?.interview.questions[0]?.question;
  const questions = [...new Set(asks)].slice(0, kit ? MAX_QUESTIONS - 1 : MAX_QUESTIONS);
  return kit ? [...questions, kit] : questions;
}

// ---- reading helpers ----

/** Term id → the first line naming it, for the terms the cheat-sheet flags read for. */
function termsNamed(cues: Cues, reading: ReviewReading): Map<string, string> {
  const named = new Map<string, string>();
  for (const s of reading.sentences) {
    for (const hit of matches(cues.terms, s.sentence.tokens)) {
      if (!hit.negated && !named.has(hit.value)) named.set(hit.value, quoteOf(reading, s));
    }
  }
  return named;
}

/** The line a sentence stands on (or the sentence, in a long line), for quoting. */
function quoteOf(reading: ReviewReading, s: ReadSentence): string {
  const line = reading.lines[s.sentence.line] ?? '';
  return clip(line !== '' && line.length <= MAX_QUOTE ? line : s.sentence.text);
}

/** A quote: bullets and markup off the front, one line, at most MAX_QUOTE characters. */
function clip(text: string): string {
  const bare = text
    .replace(/^[\s*•·\-–—>#]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return bare.length <= MAX_QUOTE ? bare : `${bare.slice(0, MAX_QUOTE - 1).trimEnd()}…`;
}

/** A line that is a heading ("Experience", "*Requirements:*"), folded; undefined for any other line. */
function headingKey(line: string): string | undefined {
  // An inline heading ("Skills: Go, Java, ...") is read up to its colon, however long the line.
  const colonAt = line.indexOf(':');
  if (line.length > 60 && (colonAt < 0 || colonAt > 30)) return undefined;
  const bare = line
    .replace(/:[a-z0-9_+'-]+:/g, ' ')
    .replace(/^[\s#*_>•·\-–—=]+/, '')
    .replace(/[\s*_=]+$/, '');
  const colon = bare.indexOf(':');
  if (colon >= 0 && bare.slice(colon + 1).trim().length > 0 && colon > 30) return undefined;
  const label = (colon >= 0 ? bare.slice(0, colon) : bare).trim();
  if (label.length === 0 || label.length > 40 || /[.!?]$/.test(label)) return undefined;
  return foldKey(label);
}

// ---- compiled cues ----

/** Phrases compiled to words in the language layer's own tokens, looked up by their first word. */
interface PhraseMatcher<T> {
  byFirst: Map<
    string,
    { words: { lower: string; lemma: string; spellings?: ReadonlySet<string> }[]; value: T }[]
  >;
}

interface Cues {
  resumeHeadings: Set<string>;
  jdHeadings: Set<string>;
  workHeadings: Set<string>;
  jdPhrases: PhraseMatcher<string>;
  resumePhrases: PhraseMatcher<string>;
  messagePhrases: PhraseMatcher<string>;
  learning: PhraseMatcher<string>;
  aspiration: PhraseMatcher<string>;
  messageOpenings: PhraseMatcher<string>;
  signOffs: PhraseMatcher<string>;
  /** Names and aliases of the terms the flags read for → term id. */
  terms: PhraseMatcher<string>;
  /** Must-have id → its `covers` words. */
  mustHaves: Map<string, PhraseMatcher<string>>;
}

const compiled = new WeakMap<Knowledge, Cues>();

/** Compiles the document check's words for a knowledge base (done once, at load). */
export function prepareDocumentCheck(knowledge: Knowledge): void {
  cuesFor(knowledge);
}

function cuesFor(knowledge: Knowledge): Cues {
  let cues = compiled.get(knowledge);
  if (!cues) {
    const { kinds, resume } = knowledge.documentCues;
    const sections = knowledge.reviewCues.sections;
    const phrases = (list: readonly string[], exactly?: readonly string[]) =>
      compilePhrases(
        list.map((p) => [p, p] as const),
        exactly,
      );
    const flagTerms = new Set(
      [...knowledge.cheatSheet.greenFlags, ...knowledge.cheatSheet.yellowFlags].flatMap((f) => [
        ...f.terms,
        ...f.unless,
      ]),
    );
    // Plain names (a library without a card) are keyed `name:<name>`, beside term ids.
    const flags = [...knowledge.cheatSheet.greenFlags, ...knowledge.cheatSheet.yellowFlags];
    const termNames = [
      ...knowledge.terms
        .filter((t) => flagTerms.has(t.id))
        .flatMap((t) => [t.name, ...t.aliases].map((name) => [name, t.id] as const)),
      ...flags.flatMap((f) => [...f.names, ...f.unlessNames]).map((name) => [name, `name:${name}`] as const),
    ];
    cues = {
      resumeHeadings: new Set(kinds.resumeHeadings.map(foldKey)),
      jdHeadings: new Set(
        [
          ...sections.duties,
          ...sections.requirements,
          ...sections.bonus,
          ...sections.about,
          ...sections.benefits,
          ...kinds.jdHeadings,
        ].map(foldKey),
      ),
      workHeadings: new Set(resume.workHeadings.map(foldKey)),
      jdPhrases: phrases(kinds.jdPhrases),
      resumePhrases: phrases(kinds.resumePhrases),
      messagePhrases: phrases(kinds.messagePhrases),
      learning: phrases(resume.learning),
      aspiration: phrases(resume.aspiration),
      messageOpenings: phrases(kinds.messageOpenings),
      signOffs: phrases(kinds.signOffs),
      terms: compilePhrases(termNames),
      mustHaves: new Map(
        knowledge.roles.flatMap((r) =>
          r.mustHaves.skills.map(
            (s) => [s.id, phrases(s.covers, knowledge.reviewCues.capitalisedOnly)] as const,
          ),
        ),
      ),
    };
    compiled.set(knowledge, cues);
  }
  return cues;
}

/**
 * Compiles phrases for `matches`. A word of `exactly` (the review's `capitalisedOnly`: "REST", "Go") matches only
 * as written there, so an everyday word ("the rest of the team") is not the name.
 */
function compilePhrases<T>(
  entries: readonly (readonly [string, T])[],
  exactly: readonly string[] = [],
): PhraseMatcher<T> {
  const spellings = new Map<string, Set<string>>();
  for (const spelling of exactly) {
    const key = spelling.toLowerCase();
    spellings.set(key, (spellings.get(key) ?? new Set()).add(spelling));
  }
  const byFirst: PhraseMatcher<T>['byFirst'] = new Map();
  for (const [phrase, value] of entries) {
    const words = readText(phrase).sentences.flatMap((s) =>
      s.tokens.map((t) => ({ lower: t.lower, lemma: t.lemma, spellings: spellings.get(t.lower) })),
    );
    const head = words[0];
    if (!head) continue;
    for (const key of new Set([head.lower, head.lemma])) {
      const list = byFirst.get(key) ?? [];
      list.push({ words, value });
      byFirst.set(key, list);
    }
  }
  return { byFirst };
}

/** Every phrase of a matcher found in a sentence's tokens, longest first at each position. */
function matches<T>(
  matcher: PhraseMatcher<T>,
  tokens: readonly Token[],
): { value: T; negated: boolean; at: number }[] {
  const found: { value: T; negated: boolean; at: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const candidates = [
      ...(matcher.byFirst.get(token.lower) ?? []),
      ...(token.lemma !== token.lower ? (matcher.byFirst.get(token.lemma) ?? []) : []),
    ];
    for (const { words, value } of candidates) {
      const fits = words.every((w, j) => {
        const t = tokens[i + j];
        if (t === undefined || (w.spellings !== undefined && !w.spellings.has(t.value))) return false;
        return t.lower === w.lower || t.lemma === w.lemma;
      });
      if (fits) found.push({ value, negated: token.negated, at: i });
    }
  }
  return found;
}
