/** Registers every command, event and action listener PyHire has on a Bolt app. */
import type { App, BlockButtonAction } from '@slack/bolt';
import { openTermAction } from './actions/open-term.ts';
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

  app.action<BlockButtonAction>('share', shareAction(deps));
  app.action<BlockButtonAction>(/^open_term:/, openTermAction(deps));
  app.action<BlockButtonAction>(/^open_role:/, openRoleAction(deps));
  app.action<BlockButtonAction>(/^role_questions:/, roleQuestionsAction(deps));
  app.action<BlockButtonAction>(/^compare_roles:/, compareRolesAction(deps));
}
