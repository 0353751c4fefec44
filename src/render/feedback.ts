/**
 * "Helpful / Not helpful" on every term card, kit and finding, and the question "Not helpful" on a finding asks.
 * Action ids start with `feedback:`; a button's value is what it is about: `term:<id>`, `role:<id>` or
 * `warning:<id>` (with the reason picked, for the follow-up question's buttons).
 */
import type { ButtonSpec, SlackMessage } from './blocks.ts';
import { actions, message, section } from './blocks.ts';

export const FEEDBACK_ACTION = {
  helpful: 'feedback:helpful',
  notHelpful: 'feedback:not-helpful',
  reason: 'feedback:reason',
} as const;

/** Why a finding was not helpful: the reasons the follow-up offers (stored with the vote). */
export const FINDING_REASONS = [
  { id: 'wrong-finding', text: 'Wrong finding' },
  { id: 'already-handled', text: 'Already handled' },
  { id: 'not-relevant', text: 'Not relevant here' },
] as const;

/** The two feedback buttons for an answer. */
export const feedbackButtons = (target: string): ButtonSpec[] => [
  { text: 'Helpful', actionId: FEEDBACK_ACTION.helpful, value: target },
  { text: 'Not helpful', actionId: FEEDBACK_ACTION.notHelpful, value: target },
];

/** What a finding's "Not helpful" asks, privately. */
export function reasonQuestion(target: string, title: string): SlackMessage {
  return message(`Why wasn't "${title}" helpful?`, [
    section(`Thanks. Why wasn't *${title}* helpful? It helps us tune when PyHire speaks up.`, 'feedback-why'),
    actions(
      'feedback-reasons',
      FINDING_REASONS.map((r) => ({
        text: r.text,
        actionId: `${FEEDBACK_ACTION.reason}:${r.id}`,
        value: target,
      })),
    ),
  ]);
}

/** The private acknowledgement of a vote. */
export function voteThanks(helpful: boolean, changed: boolean, stored: boolean): string {
  if (!stored) return "Thanks for the feedback. I couldn't save it just now; please try again later.";
  const what = helpful ? 'Glad it helped' : 'Thanks, noted';
  return `${what}${changed ? ' (your earlier vote on this answer is replaced)' : ''}. Editors see votes in PyHire's report; nothing else about you is kept.`;
}
