/** `/pyhire settings`: this channel's settings, privately, with the controls to change them. */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { PYHIRE_HELP, renderSettings } from '../../render/settings.ts';
import type { ListenerDeps } from '../deps.ts';
import { stringField } from '../fields.ts';

export const pyhireCommand =
  ({ knowledge, store }: ListenerDeps) =>
  async ({ command, ack }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    const text = stringField(command.text).trim().toLowerCase();
    const channel = stringField(command.channel_id);
    if (text !== 'settings' && text !== 'setting') {
      await ack({ response_type: 'ephemeral', text: PYHIRE_HELP });
      return;
    }
    if (!store || channel === '') {
      await ack({
        response_type: 'ephemeral',
        text: 'Settings are not available here: PyHire runs without its store.',
      });
      return;
    }
    const settings = await store.channelSettings(channel);
    await ack({ response_type: 'ephemeral', ...renderSettings(channel, settings, knowledge.mistakes) });
  };
