/** A button naming a term (a suggestion or a related term) opens that term's card. */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { findTermCard } from '../../knowledge/index.ts';
import { renderTermAnswer } from '../../render/terms.ts';
import type { ListenerDeps } from '../deps.ts';

export const openTermAction =
  ({ knowledge }: ListenerDeps) =>
  async ({
    ack,
    action,
    body,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const card = findTermCard(knowledge, action.value ?? '');
    const reply = card
      ? renderTermAnswer({ kind: 'term', card })
      : renderTermAnswer({ kind: 'no-match', query: action.value ?? '' });
    // In a private answer the card replaces it; under a shared message it comes privately to the clicker.
    const inPrivate = body.container?.is_ephemeral === true;
    await respond({ response_type: 'ephemeral', replace_original: inPrivate, ...reply });
  };
