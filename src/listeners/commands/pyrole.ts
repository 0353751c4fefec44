/** `/pyrole <role>`: an interview kit, a comparison, or the role picker; private to the asker. */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerRoleQuery } from '../../knowledge/index.ts';
import { decodeSlackText } from '../../render/escape.ts';
import { renderRoleAnswer } from '../../render/roles.ts';
import type { ListenerDeps } from '../deps.ts';
import { stringField } from '../fields.ts';
import { noteKnowledgeGap } from './knowledge-gap.ts';

export const pyroleCommand =
  ({ knowledge, store }: ListenerDeps) =>
  async ({ command, ack, logger }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    const answer = answerRoleQuery(knowledge, decodeSlackText(stringField(command.text)));
    await ack({ response_type: 'ephemeral', ...renderRoleAnswer(answer) });
    // Counted after the answer is on its way: the store never delays it.
    if (answer.kind === 'no-match' || answer.kind === 'suggestions' || answer.kind === 'other-role') {
      const query = answer.kind === 'other-role' ? answer.other.id : answer.query;
      await noteKnowledgeGap(logger, store, '/pyrole', query, answer.kind);
    }
    await store?.recordUse('pyrole');
  };
