/** `/pyterm <term>`: a plain-language term card, suggestions, or help; private to the asker. */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { answerTermQuery } from '../../knowledge/index.ts';
import { decodeSlackText } from '../../render/escape.ts';
import { renderTermAnswer } from '../../render/terms.ts';
import type { ListenerDeps } from '../deps.ts';
import { stringField } from '../fields.ts';
import { noteKnowledgeGap } from './knowledge-gap.ts';

export const pytermCommand =
  ({ knowledge, store }: ListenerDeps) =>
  async ({ command, ack, logger }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    const answer = answerTermQuery(knowledge, decodeSlackText(stringField(command.text)));
    await ack({ response_type: 'ephemeral', ...renderTermAnswer(answer) });
    // Counted after the answer is on its way: the store never delays it.
    if (answer.kind === 'no-match' || answer.kind === 'suggestions') {
      await noteKnowledgeGap(logger, store, '/pyterm', answer.query, answer.kind);
    }
    await store?.recordUse('pyterm');
  };
