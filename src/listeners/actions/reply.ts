/** Answers a button where it was clicked: in place of a private answer, privately under a shared one, or in a modal. */
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackMessage } from '../../render/blocks.ts';
import { modalView } from '../../render/views.ts';
import { stringField } from '../fields.ts';

export type ButtonArgs = SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs;

/** Where the answer goes decides whether it can carry a "Share in channel" button, so render takes that. */
export async function replyToButton(
  args: ButtonArgs,
  render: (where: { shareable: boolean }) => SlackMessage,
): Promise<void> {
  const { body, client, logger } = args;
  const view = body.view;
  if (view) {
    // Home tab and modals have no response_url: show the answer in a modal (replace it when already in one).
    const modal = modalView(render({ shareable: false }));
    if (view.type === 'modal') await client.views.update({ view_id: view.id, hash: view.hash, view: modal });
    else await client.views.open({ trigger_id: body.trigger_id, view: modal });
    return;
  }
  const respond = responderOf(args);
  if (!respond) {
    logger.debug('a button came without a response_url or a view; nothing to answer', {
      action_id: stringField(body.actions?.[0]?.action_id),
    });
    return;
  }
  const inPrivate = body.container?.is_ephemeral === true;
  await respond({ response_type: 'ephemeral', replace_original: inPrivate, ...render({ shareable: true }) });
}

/**
 * Bolt's `respond` for the button's response_url, or undefined when there is none to answer through: Slack sends
 * one with every message button, but a payload without it (or with something other than a URL) reaches here too.
 */
export function responderOf({ body, respond }: ButtonArgs): ButtonArgs['respond'] | undefined {
  return typeof body.response_url === 'string' && typeof respond === 'function' ? respond : undefined;
}

/** The id after the prefix in an action_id such as `open_role:data`, or the button's value. */
export const actionTarget = (args: ButtonArgs): string =>
  String(
    args.action.value ??
      String(args.action.action_id ?? '')
        .split(':')
        .slice(1)
        .join(':'),
  );
