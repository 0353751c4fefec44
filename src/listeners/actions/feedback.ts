/**
 * "Helpful / Not helpful" on a card, kit or finding: one vote per person per answer, stored (ids and the reason
 * only) and acknowledged privately. "Not helpful" on a finding first asks why.
 */
import { FEEDBACK_ACTION, FINDING_REASONS, reasonQuestion, voteThanks } from '../../render/feedback.ts';
import type { ListenerDeps } from '../deps.ts';
import { stringField } from '../fields.ts';
import { type ButtonArgs, responderOf } from './reply.ts';

/** What a vote can be about: a term card, a kit, a finding. */
const TARGET = /^(?:term|role|warning):[a-z0-9-]{1,80}$/;

export const feedbackAction =
  ({ knowledge, store }: ListenerDeps) =>
  async (args: ButtonArgs) => {
    const { ack, action, body, logger } = args;
    await ack();
    const target = stringField(action.value);
    const user = stringField(body.user?.id);
    const actionId = stringField(action.action_id);
    if (!TARGET.test(target) || user === '') {
      logger.debug('a feedback button with no answer or user; ignored', { action_id: actionId });
      return;
    }
    const respond = responderOf(args);
    const reply = async (message: { text: string; blocks?: unknown[] }) => {
      if (respond)
        await respond({ response_type: 'ephemeral', replace_original: false, ...message } as never);
    };
    // "Not helpful" on a finding: ask why before recording.
    if (actionId === FEEDBACK_ACTION.notHelpful && target.startsWith('warning:')) {
      const mistake = knowledge.mistakeById.get(target.slice('warning:'.length));
      await reply(reasonQuestion(target, mistake?.title ?? 'this finding'));
      return;
    }
    const reason = actionId.startsWith(`${FEEDBACK_ACTION.reason}:`)
      ? FINDING_REASONS.find((r) => actionId === `${FEEDBACK_ACTION.reason}:${r.id}`)?.id
      : undefined;
    const helpful = actionId === FEEDBACK_ACTION.helpful;
    const outcome = store ? await store.vote({ target, user, helpful, reason }) : undefined;
    await reply({
      text: voteThanks(helpful, outcome === 'changed', outcome !== undefined && outcome !== 'failed'),
    });
  };
