/** The controls of `/pyhire settings`: findings off or on in this channel, mute one finding, unmute all. */
import { renderSettings, SETTINGS_ACTION } from '../../render/settings.ts';
import type { ListenerDeps } from '../deps.ts';
import { stringField } from '../fields.ts';
import { type ButtonArgs, responderOf } from './reply.ts';

export const settingsAction =
  ({ knowledge, store }: ListenerDeps) =>
  async (args: ButtonArgs) => {
    const { ack, action, body, logger } = args;
    await ack();
    const raw = action as unknown as {
      action_id?: unknown;
      value?: unknown;
      selected_option?: { value?: unknown };
    };
    const actionId = stringField(raw.action_id);
    // The channel the panel was opened in; the buttons carry it too (a select has no value).
    const channel = stringField((body.channel as { id?: unknown } | undefined)?.id) || stringField(raw.value);
    const respond = responderOf(args);
    if (!store || channel === '' || !respond) {
      logger.debug('a settings control without a store, a channel or a response_url', {
        action_id: actionId,
      });
      return;
    }
    const settings = await store.channelSettings(channel);
    const muteId = stringField(raw.selected_option?.value);
    let note: string;
    if (actionId === SETTINGS_ACTION.findingsOff) {
      settings.findingsOff = true;
      note = 'Done: findings are off in this channel.';
    } else if (actionId === SETTINGS_ACTION.findingsOn) {
      settings.findingsOff = false;
      note = 'Done: findings are on again in this channel.';
    } else if (actionId === SETTINGS_ACTION.mute && knowledge.mistakeById.has(muteId)) {
      settings.muted = [...new Set([...settings.muted, muteId])];
      note = `Done: "${knowledge.mistakeById.get(muteId)?.title}" is muted in this channel.`;
    } else if (actionId === SETTINGS_ACTION.unmute) {
      settings.muted = [];
      note = 'Done: every finding is unmuted in this channel.';
    } else return;
    const saved = await store.setChannelSettings(channel, settings);
    await respond({
      response_type: 'ephemeral',
      replace_original: true,
      ...renderSettings(
        channel,
        saved ? settings : await store.channelSettings(channel),
        knowledge.mistakes,
        saved ? note : "I couldn't save that just now; please try again in a moment.",
      ),
    });
  };
