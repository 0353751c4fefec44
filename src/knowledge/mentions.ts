/** Answers to an @PyHire mention: the term and role questions it asks, and a review for hiring mistakes. */
import { readsAsEnglish } from './language.ts';
import type { Knowledge } from './load.ts';
import { type Finding, findRoleSignals, type RoleSignal, reviewMessage, reviewMessages } from './review.ts';
import { closestRoles, findRoleKit, type RoleKit } from './roles.ts';
import type { OtherRole, Role } from './schema.ts';
import { foldKey, search, stripSlackMarkup } from './search.ts';
import { findTermCard, type TermCard } from './terms.ts';

/** One thing a mention reply carries besides findings. */
export type MentionPart =
  | { kind: 'term'; card: TermCard }
  | { kind: 'role'; kit: RoleKit }
  | { kind: 'other-role'; other: OtherRole; closest: Role[] };

/** Everything a mention reply says. */
export interface MentionAnswer {
  parts: MentionPart[];
  findings: Finding[];
  /** What was reviewed: nothing (a bare mention), the mention's own text, or a thread's earlier messages. */
  scope: 'none' | 'message' | 'thread';
  /** How many messages were reviewed. */
  reviewed: number;
  /** How many of them read as another language than English, and were not checked for mistakes (`readsAsEnglish`). */
  notEnglish: number;
}

/** Term and role answers in one reply, at most. */
export const MAX_MENTION_PARTS = 3;

/** A question about a thing: "what is dbt", "what does FastAPI mean", "explain SCD", "is pytest a framework". */
const TERM_QUESTION =
  /\b(?:what(?:'s|’s| is| are)|whats|what does|what do|define|explain|tell me about|meaning of)\s+([^?.!\n]{1,100}?)\s*(?:\bmean\b|\bstand for\b)?\s*(?:[?.!\n]|$)|\bis\s+([\w.+#-]{1,40}(?:\s+[\w.+#-]{1,40}){0,2}?)\s+an?\s+(?:framework|library|tool|language|database|package|platform|service)\b/gi;
/** Questions are read from the start of a message only: a pasted document is reviewed, not interrogated. */
const MAX_QUESTION_TEXT = 2_000;
/** A question about interviewing or hiring for a role. */
const ROLE_QUESTION =
  /\b(?:interview (?:questions?|kit|plan)|questions? (?:for|to ask)|what (?:should|do|can|would) (?:i|we) ask|what to ask|how (?:do|can|should) (?:i|we) (?:tell|evaluate|assess|interview|screen|test)|how to (?:interview|screen|assess|evaluate)|difference between|what (?:does|do) (?:an?|the) .{1,40} do)\b/i;
/** A mention that asks for a review of the thread it is in. */
const REVIEW_REQUEST =
  /^\s*(?:please\s+)?(?:review|check|look at|review this|check this|review the thread|check the thread)?[\s.!?]*$/i;

/** True when a mention asks for the thread to be reviewed: `@PyHire review`, or the bare mention. */
export function isReviewRequest(text: string): boolean {
  return REVIEW_REQUEST.test(stripSlackMarkup(text));
}

/** What a bare mention or a review request outside a thread gets: what PyHire can do. */
export const INTRO_ANSWER: MentionAnswer = {
  parts: [],
  findings: [],
  scope: 'none',
  reviewed: 0,
  notEnglish: 0,
};

/**
 * Reads a mention: term questions, role questions, and hiring mistakes. `findings`, when the caller has already
 * reviewed the same text (a long mention checked as a document first), saves reading it twice.
 */
export function answerMention(knowledge: Knowledge, text: string, findings?: Finding[]): MentionAnswer {
  const body = stripSlackMarkup(text);
  if (body === '') return INTRO_ANSWER;
  const questions = body.slice(0, MAX_QUESTION_TEXT);
  // Roles named in a role question ("what should I ask a data engineer?") are answered with kits.
  const roleTitles = ROLE_QUESTION.test(questions)
    ? findRoleSignals(knowledge, questions).filter((s) => s.kind === 'title')
    : [];
  const parts = [...roleParts(knowledge, roleTitles), ...termParts(knowledge, questions, roleTitles)];
  // The review reads English: a message in another language is told so, not given an all-clear.
  const english = readsAsEnglish(body);
  return {
    parts: parts.slice(0, MAX_MENTION_PARTS),
    findings: english ? (findings ?? reviewMessage(knowledge, body)) : [],
    scope: 'message',
    reviewed: 1,
    notEnglish: english ? 0 : 1,
  };
}

/** Reviews the earlier messages of a thread (a job description, an interview plan...). */
export function answerThreadReview(knowledge: Knowledge, texts: readonly string[]): MentionAnswer {
  const english = texts.map(stripSlackMarkup).filter(readsAsEnglish);
  return {
    parts: [],
    findings: reviewMessages(knowledge, english),
    scope: 'thread',
    reviewed: texts.length,
    notEnglish: texts.length - english.length,
  };
}

function roleParts(knowledge: Knowledge, roleTitles: readonly RoleSignal[]): MentionPart[] {
  const ids = [...new Set(roleTitles.map((s) => s.role))].slice(0, 2);
  return ids.flatMap((id): MentionPart[] => {
    const kit = findRoleKit(knowledge, id);
    if (kit) return [{ kind: 'role', kit }];
    const other = knowledge.otherRoles.find((o) => o.id === id);
    return other ? [{ kind: 'other-role', other, closest: closestRoles(knowledge, other) }] : [];
  });
}

function termParts(
  knowledge: Knowledge,
  questions: string,
  roleTitles: readonly RoleSignal[],
): MentionPart[] {
  const answeredAsRoles = new Set(roleTitles.map((s) => foldKey(s.text)));
  const ids: string[] = [];
  for (const match of questions.matchAll(TERM_QUESTION)) {
    for (const id of termsIn(knowledge, match[1] ?? match[2] ?? '')) {
      if (!ids.includes(id)) ids.push(id);
    }
  }
  return ids.flatMap((id) => {
    const card = findTermCard(knowledge, id);
    const { name, aliases } = card?.term ?? { name: '', aliases: [] };
    // A role named in a role question gets its kit, not also a glossary card.
    if (!card || [name, ...aliases].some((key) => answeredAsRoles.has(foldKey(key)))) return [];
    return [{ kind: 'term' as const, card }];
  });
}

/** The terms a question names: each name written in it (longest first), else one confident match. */
function termsIn(knowledge: Knowledge, phrase: string): string[] {
  const words = phrase.split(/[\s,;/&+]+/).filter(Boolean);
  const found: string[] = [];
  for (let start = 0; start < words.length; ) {
    let matched = 0;
    for (let size = Math.min(4, words.length - start); size >= 1; size--) {
      const key = foldKey(words.slice(start, start + size).join(' '));
      const index = key.length >= 2 ? knowledge.termIndex.exact.get(key) : undefined;
      if (index !== undefined) {
        const id = (knowledge.termIndex.items[index] as { id: string }).id;
        if (!found.includes(id)) found.push(id);
        matched = size;
        break;
      }
    }
    start += Math.max(matched, 1);
  }
  if (found.length > 0) return found;
  const result = search(knowledge.termIndex, phrase);
  return result.kind === 'match' ? [result.item.id] : [];
}
