/** Role buttons: open a kit, show all its questions, or compare a pair of roles. */
import { compareRoles, findRoleKit } from '../../knowledge/index.ts';
import { renderComparison, renderRoleAnswer, renderRoleQuestions } from '../../render/roles.ts';
import type { ListenerDeps } from '../deps.ts';
import { actionTarget, type ButtonArgs, replyToButton } from './reply.ts';

/** `open_role:<id>`: the role's interview kit. */
export const openRoleAction =
  ({ knowledge }: ListenerDeps) =>
  async (args: ButtonArgs) => {
    await args.ack();
    const id = actionTarget(args);
    const kit = findRoleKit(knowledge, id);
    await replyToButton(args, (options) =>
      renderRoleAnswer(
        kit ? { kind: 'kit', kit } : { kind: 'no-match', query: id, roles: [...knowledge.roles] },
        options,
      ),
    );
  };

/** `role_questions:<id>`: every question with all its listen-for points and red flags. */
export const roleQuestionsAction =
  ({ knowledge }: ListenerDeps) =>
  async (args: ButtonArgs) => {
    await args.ack();
    const id = actionTarget(args);
    const kit = findRoleKit(knowledge, id);
    await replyToButton(args, (options) =>
      kit
        ? renderRoleQuestions(kit)
        : renderRoleAnswer({ kind: 'no-match', query: id, roles: [...knowledge.roles] }, options),
    );
  };

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
