/** Answers to an @PyHire mention: the term questions it asks, in order. */
import type { Knowledge } from './load.ts';
import { search } from './search.ts';
import { findTermCard, type TermCard } from './terms.ts';

/** One thing a mention reply carries. */
export type MentionPart = { kind: 'term'; card: TermCard };

/** Everything a mention reply says; no parts means PyHire explains what it can do. */
export interface MentionAnswer {
  parts: MentionPart[];
}

const MAX_PARTS = 3;
/** A question about a thing: "what is dbt", "what does FastAPI mean", "explain SCD". */
const TERM_QUESTION =
  /\b(?:what(?:'s|’s| is| are)|whats|what does|what do|define|explain|tell me about|meaning of)\s+([^?.!\n]{1,80}?)\s*(?:\bmean\b|\bstand for\b)?\s*(?:[?.!\n]|$)/gi;

/** Removes Slack user, channel and group mentions (`<@U123>`) from message text. */
export function stripMentions(text: string): string {
  return text.replace(/<[@#!][^>]*>/g, ' ').trim();
}

/** Reads a mention and finds the term questions in it. */
export function answerMention(knowledge: Knowledge, text: string): MentionAnswer {
  const body = stripMentions(text);
  const parts: MentionPart[] = [];
  const seen = new Set<string>();
  for (const match of body.matchAll(TERM_QUESTION)) {
    const result = search(knowledge.termIndex, match[1] ?? '');
    if (result.kind !== 'match' || seen.has(result.item.id)) continue;
    seen.add(result.item.id);
    const card = findTermCard(knowledge, result.item.id);
    if (card) parts.push({ kind: 'term', card });
    if (parts.length === MAX_PARTS) break;
  }
  return { parts };
}
