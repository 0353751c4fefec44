/**
 * `/pyhire settings`: what PyHire does in this channel, with buttons to turn findings off or on in mention
 * replies and a menu to mute one finding. Action ids start with `settings:`; values name the channel.
 */
import type { KnownBlock } from '@slack/types';
import type { Mistake } from '../knowledge/index.ts';
import type { ChannelSettings } from '../store/index.ts';
import { context, message, type SlackMessage, section } from './blocks.ts';
import { escapeMrkdwn as esc, truncate } from './escape.ts';

export const SETTINGS_ACTION = {
  findingsOff: 'settings:findings-off',
  findingsOn: 'settings:findings-on',
  mute: 'settings:mute',
  unmute: 'settings:unmute',
} as const;

/** The settings panel for a channel, privately to the person who asked. */
export function renderSettings(
  channel: string,
  settings: ChannelSettings,
  mistakes: readonly Mistake[],
  note?: string,
): SlackMessage {
  const muted = mistakes.filter((m) => settings.muted.includes(m.id));
  const status = settings.findingsOff
    ? '*Findings are off in this channel.* Mention replies still answer questions and check documents, without the hiring-mistake findings.'
    : muted.length > 0
      ? `*Findings are on in this channel*, except: ${muted.map((m) => esc(m.title)).join('; ')}.`
      : '*Findings are on in this channel.* Mention replies point out the common hiring mistakes they see.';
  const elements: unknown[] = [
    {
      type: 'button',
      text: {
        type: 'plain_text',
        text: settings.findingsOff ? 'Turn findings on' : 'Turn findings off here',
      },
      action_id: settings.findingsOff ? SETTINGS_ACTION.findingsOn : SETTINGS_ACTION.findingsOff,
      value: channel,
    },
  ];
  const mutable = mistakes.filter((m) => !settings.muted.includes(m.id));
  if (!settings.findingsOff && mutable.length > 0) {
    elements.push({
      type: 'static_select',
      action_id: SETTINGS_ACTION.mute,
      placeholder: { type: 'plain_text', text: 'Mute one finding' },
      options: mutable.slice(0, 100).map((m) => ({
        text: { type: 'plain_text', text: truncate(m.title, 75) },
        value: m.id,
      })),
    });
  }
  if (muted.length > 0)
    elements.push({
      type: 'button',
      text: { type: 'plain_text', text: 'Unmute all' },
      action_id: SETTINGS_ACTION.unmute,
      value: channel,
    });
  const blocks: KnownBlock[] = [
    section(status, 'settings-status'),
    { type: 'actions', block_id: 'settings-actions', elements } as KnownBlock,
    context([
      'Settings apply to everyone in this channel. A finding PyHire already raised in a thread is never raised there again.',
    ]),
  ];
  if (note) blocks.unshift(section(note, 'settings-note'));
  return message(
    settings.findingsOff ? 'Findings are off in this channel.' : 'Findings are on in this channel.',
    blocks,
  );
}

/** What `/pyhire` says when asked for anything but settings. */
export const PYHIRE_HELP =
  '`/pyhire settings`: turn the hiring-mistake findings off in this channel, or mute one of them. `/pyterm` explains a term, `/pyrole` gives an interview kit.';
