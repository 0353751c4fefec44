/** "Share in channel": posts the same card or kit to the channel through the action's response_url. */
import { findRoleKit, findTermCard } from '../../knowledge/index.ts';
import { renderRoleAnswer } from '../../render/roles.ts';
import { renderTermAnswer } from '../../render/terms.ts';
import type { ListenerDeps } from '../deps.ts';
import { stringField } from '../fields.ts';
import { type ButtonArgs, responderOf } from './reply.ts';

export const shareAction =
  ({ knowledge }: ListenerDeps) =>
  async (args: ButtonArgs) => {
    const { ack, action, body, logger } = args;
    await ack();
    // Sharing answers through the response_url Slack gives every message button.
    const respond = responderOf(args);
    if (!respond) {
      logger.debug('a share button came without a response_url; nothing to answer');
      return;
    }
    const [kind, id = ''] = stringField(action.value).split(':', 2);
    const sharedBy = stringField(body.user?.id);
    const options = { shareable: false, sharedBy };
    const card = kind === 'term' ? findTermCard(knowledge, id) : undefined;
    const kit = kind === 'role' ? findRoleKit(knowledge, id) : undefined;
    const shared = card
      ? renderTermAnswer({ kind: 'term', card }, options)
      : kit
        ? renderRoleAnswer({ kind: 'kit', kit }, options)
        : undefined;
    if (!shared) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: 'That answer is no longer available. Run the command again to get a fresh one.',
      });
      return;
    }
    await respond({ response_type: 'in_channel', replace_original: false, ...shared });
    // The private copy has done its job once the answer is in the channel.
    await respond({ delete_original: true });
  };
