/** Registers every command, event and action listener PyHire has on a Bolt app. */
import type { App, BlockButtonAction } from '@slack/bolt';
import { escapeMrkdwn } from '../render/escape.ts';
import { openTermAction } from './actions/open-term.ts';
import type { ButtonArgs } from './actions/reply.ts';
import { compareRolesAction, openRoleAction, roleQuestionsAction } from './actions/role-buttons.ts';
import { shareAction } from './actions/share.ts';
import { pyroleCommand } from './commands/pyrole.ts';
import { pytermCommand } from './commands/pyterm.ts';
import { dedupeEvents } from './dedupe.ts';
import type { ListenerDeps } from './deps.ts';
import { appHomeOpenedEvent } from './events/app-home-opened.ts';
import { appMentionEvent } from './events/app-mention.ts';

/** Registers every listener on `app`; manifest.yml declares exactly these commands and events. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  app.use(dedupeEvents());

  app.command('/pyterm', pytermCommand(deps));
  app.command('/pyrole', pyroleCommand(deps));

  app.event('app_mention', appMentionEvent(deps));
  app.event('app_home_opened', appHomeOpenedEvent(deps));

  for (const [actionId, listener] of BUTTONS) app.action<BlockButtonAction>(actionId, listener(deps));

  registerFallbacks(app);
}

/** Every button PyHire renders, by action_id (a RegExp matches a family such as `open_term:django`). */
const BUTTONS: [string | RegExp, (deps: ListenerDeps) => (args: ButtonArgs) => Promise<void>][] = [
  ['share', shareAction],
  [/^open_term:/, openTermAction],
  [/^open_role:/, openRoleAction],
  [/^role_questions:/, roleQuestionsAction],
  [/^compare_roles:/, compareRolesAction],
];

/** Matches any action_id that no button listener above handles. */
const UNKNOWN_ACTION = new RegExp(
  `^(?!(?:${BUTTONS.map(([id]) => (typeof id === 'string' ? `${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : id.source.replace(/^\^/, ''))).join('|')}))`,
);

/**
 * Acknowledges what Slack may send that PyHire has no answer for (a button from an older version, a
 * shortcut or a modal submission), so Slack shows no error and nothing waits for a timeout.
 */
function registerFallbacks(app: App): void {
  app.command(/^(?!\/pyterm$|\/pyrole$)/, async ({ ack, command }) => {
    await ack({
      response_type: 'ephemeral',
      text: `PyHire doesn't handle ${escapeMrkdwn(command.command ?? 'that command')}. Try /pyterm or /pyrole.`,
    });
  });
  app.action(UNKNOWN_ACTION, async ({ ack }) => ack());
  app.shortcut(/.*/, async ({ ack }) => ack());
  app.view(/.*/, async ({ ack }) => ack());
  app.options(/.*/, async ({ ack }) => ack({ options: [] }));
}
