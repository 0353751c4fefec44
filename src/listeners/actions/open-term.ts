/** A button naming a term (a suggestion or a related term) opens that term's card. */
import { findTermCard } from '../../knowledge/index.ts';
import { renderTermAnswer } from '../../render/terms.ts';
import type { ListenerDeps } from '../deps.ts';
import { actionTarget, type ButtonArgs, replyToButton } from './reply.ts';

export const openTermAction =
  ({ knowledge }: ListenerDeps) =>
  async (args: ButtonArgs) => {
    await args.ack();
    const id = actionTarget(args);
    const card = findTermCard(knowledge, id);
    await replyToButton(args, (options) =>
      renderTermAnswer(card ? { kind: 'term', card } : { kind: 'no-match', query: id }, options),
    );
  };
