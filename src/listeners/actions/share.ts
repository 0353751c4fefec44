/** "Share in channel": posts the same card to the channel through the action's response_url. */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { findTermCard } from '../../knowledge/index.ts';
import { message } from '../../render/blocks.ts';
import { termCardBlocks, termCardText } from '../../render/terms.ts';
import type { ListenerDeps } from '../deps.ts';

export const shareAction =
  ({ knowledge }: ListenerDeps) =>
  async ({
    ack,
    action,
    body,
    respond,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const [kind, id = ''] = (action.value ?? '').split(':', 2);
    const card = kind === 'term' ? findTermCard(knowledge, id) : undefined;
    if (!card) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'That card is no longer available. Run the command again to get a fresh one.',
      });
      return;
    }
    await respond({
      response_type: 'in_channel',
      replace_original: false,
      ...message(termCardText(card), termCardBlocks(card, { shareable: false, sharedBy: body.user.id })),
    });
    // The private copy has done its job once the card is in the channel.
    await respond({ delete_original: true });
  };
