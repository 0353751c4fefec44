/** Role buttons: open a kit, show all its questions, or compare a pair of roles. */
import { compareRoles, findRoleKit, type RoleKit } from '../../knowledge/index.ts';
import type { SlackMessage } from '../../render/blocks.ts';
import {
  type KitOptions,
  renderComparison,
  renderRoleAnswer,
  renderRoleQuestions,
} from '../../render/roles.ts';
import type { ListenerDeps } from '../deps.ts';
import { actionTarget, type ButtonArgs, replyToButton } from './reply.ts';

/** A button whose value is a role id: answers with `render(kit)`, or with the role picker if the role is gone. */
const roleKitButton =
  (render: (kit: RoleKit, options: KitOptions) => SlackMessage) =>
  ({ knowledge }: ListenerDeps) =>
  async (args: ButtonArgs) => {
    await args.ack();
    const id = actionTarget(args);
    const kit = findRoleKit(knowledge, id);
    await replyToButton(args, (options) =>
      kit
        ? render(kit, options)
        : renderRoleAnswer({ kind: 'no-match', query: id, roles: [...knowledge.roles] }, options),
    );
  };

/** `open_role:<id>`: the role's interview kit. */
export const openRoleAction = roleKitButton((kit, options) =>
  renderRoleAnswer({ kind: 'kit', kit }, options),
);

/** `role_questions:<id>`: every question with all its listen-for points and red flags. */
export const roleQuestionsAction = roleKitButton((kit) => renderRoleQuestions(kit));

/** `compare_roles:<a>:<b>`: two roles side by side. */
export const compareRolesAction =
  ({ knowledge }: ListenerDeps) =>
  async (args: ButtonArgs) => {
    await args.ack();
    const [left = '', right = ''] = actionTarget(args).split(':');
    const compare = compareRoles(knowledge, left, right);
    await replyToButton(args, (options) =>
      compare
        ? renderComparison(compare)
        : renderRoleAnswer({ kind: 'compare-help', query: '', roles: [...knowledge.roles] }, options),
    );
  };
