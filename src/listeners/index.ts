/** Registers every command, event and action listener PyHire has on a Bolt app. */
import type { App, BlockButtonAction } from '@slack/bolt';
import { openTermAction } from './actions/open-term.ts';
import { shareAction } from './actions/share.ts';
import { pytermCommand } from './commands/pyterm.ts';
import type { ListenerDeps } from './deps.ts';
import { appMentionEvent } from './events/app-mention.ts';

/** Registers every listener on `app`; manifest.yml declares exactly these commands and events. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  app.command('/pyterm', pytermCommand(deps));

  app.event('app_mention', appMentionEvent(deps));

  app.action<BlockButtonAction>('share', shareAction(deps));
  app.action<BlockButtonAction>(/^open_term:/, openTermAction(deps));
}
