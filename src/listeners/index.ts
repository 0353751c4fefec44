/** Registers PyHire's listeners on a Bolt app: one per event, and one router each for commands and buttons. */
import type { AllMiddlewareArgs, App, BlockButtonAction, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { CHECK_ACTION } from '../render/documents.ts';
import { escapeMrkdwn } from '../render/escape.ts';
import { ROLE_ACTION } from '../render/roles.ts';
import { ACTION } from '../render/terms.ts';
import { feedbackAction } from './actions/feedback.ts';
import { openTermAction } from './actions/open-term.ts';
import type { ButtonArgs } from './actions/reply.ts';
import { compareRolesAction, openRoleAction, roleQuestionsAction } from './actions/role-buttons.ts';
import { settingsAction } from './actions/settings.ts';
import { shareAction } from './actions/share.ts';
import { pyhireCommand } from './commands/pyhire.ts';
import { pyroleCommand } from './commands/pyrole.ts';
import { pytermCommand } from './commands/pyterm.ts';
import { dedupeEvents } from './dedupe.ts';
import type { ListenerDeps } from './deps.ts';
import { appHomeOpenedEvent } from './events/app-home-opened.ts';
import { appMentionEvent } from './events/app-mention.ts';
import {
  CHECK_FORM,
  checkMessageShortcut,
  checkTextShortcut,
  checkTextSubmission,
  SHORTCUTS,
  shareCheckAction,
} from './shortcuts/check.ts';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** Slash commands by name; manifest.yml declares exactly these. */
export const COMMANDS: Record<string, (deps: ListenerDeps) => (args: CommandArgs) => Promise<void>> = {
  '/pyterm': pytermCommand,
  '/pyrole': pyroleCommand,
  '/pyhire': pyhireCommand,
};

/** Every button PyHire renders, by action_id or action_id prefix (`open_term:` + a term id). */
export const BUTTONS: Record<string, (deps: ListenerDeps) => (args: ButtonArgs) => Promise<void>> = {
  [ACTION.share]: shareAction,
  [CHECK_ACTION.share]: shareCheckAction,
  'feedback:': feedbackAction,
  'settings:': settingsAction,
  [`${ACTION.openTerm}:`]: openTermAction,
  [`${ROLE_ACTION.open}:`]: openRoleAction,
  [`${ROLE_ACTION.questions}:`]: roleQuestionsAction,
  [`${ROLE_ACTION.compare}:`]: compareRolesAction,
};

/** The Events API events PyHire listens to; manifest.yml subscribes to exactly these. */
export const EVENTS: readonly string[] = ['app_mention', 'app_home_opened'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * True when a listener registered here takes the request, read the way Bolt reads it: any slash command,
 * block actions on an element with an action_id, the events in EVENTS, the two shortcuts and the check form. Anything else (events Bolt cannot
 * type, interactivity PyHire has no listener for, fields of the wrong type) would wait out Bolt's 3 seconds.
 */
export function handlesRequest(body: unknown): boolean {
  if (!isRecord(body)) return false;
  if (body.event !== undefined) return isRecord(body.event) && EVENTS.includes(String(body.event.type));
  if (body.command !== undefined) return true;
  if (body.type === 'message_action') return body.callback_id === SHORTCUTS.checkMessage;
  if (body.type === 'shortcut') return body.callback_id === SHORTCUTS.checkText;
  if (body.type === 'view_submission') return isRecord(body.view) && body.view.callback_id === CHECK_FORM;
  if (body.name !== undefined || body.type !== 'block_actions' || !Array.isArray(body.actions)) return false;
  const [action] = body.actions;
  return isRecord(action) && typeof action.action_id === 'string';
}

/**
 * Registers every listener on `app`. Bolt runs each registered listener's matchers on every request, so
 * commands and buttons go through one router each rather than one listener apiece (about 40% more
 * throughput under load; see docs/benchmarks.md).
 */
export function registerListeners(app: App, deps: ListenerDeps): void {
  const track = deps.track ?? (<A>(listener: (args: A) => Promise<void>) => listener);
  const commands = new Map(Object.entries(COMMANDS).map(([name, build]) => [name, build(deps)]));
  app.command(
    /.*/,
    track(async (args: CommandArgs) => {
      const handle = commands.get(args.command.command);
      if (handle) return handle(args);
      // A command pointed at PyHire that it does not have (say, after a manifest change).
      await args.ack({
        response_type: 'ephemeral',
        text: `PyHire doesn't handle ${escapeMrkdwn(String(args.command.command ?? 'that command'))}. Try /pyterm or /pyrole.`,
      });
    }),
  );

  const buttons = Object.entries(BUTTONS).map(([id, build]) => [id, build(deps)] as const);
  app.action<BlockButtonAction>(
    /.*/,
    track(async (args: ButtonArgs) => {
      const id = String(args.action?.action_id ?? '');
      const handle = buttons.find(([key]) => (key.endsWith(':') ? id.startsWith(key) : id === key))?.[1];
      // A button from an older version of PyHire is acknowledged, so Slack shows no error.
      if (handle) return handle(args);
      await args.ack();
    }),
  );

  app.shortcut(
    { callback_id: SHORTCUTS.checkMessage, type: 'message_action' },
    track(checkMessageShortcut(deps)),
  );
  app.shortcut({ callback_id: SHORTCUTS.checkText, type: 'shortcut' }, track(checkTextShortcut(deps)));
  app.view(CHECK_FORM, track(checkTextSubmission(deps)));

  // Slack re-delivers events it thinks were lost; the window is shared by both event listeners.
  const onceOnly = dedupeEvents({ store: deps.store });
  app.event('app_mention', onceOnly, track(appMentionEvent(deps)));
  app.event('app_home_opened', onceOnly, track(appHomeOpenedEvent(deps)));
}
