/** The "knowledge gap" log line: what people look for and do not find, for content editors (no user id). */
import type { Logger } from '@slack/logger';
import { foldKey } from '../../knowledge/index.ts';

export function logKnowledgeGap(logger: Logger, command: string, query: string, answer: string): void {
  logger.info('knowledge gap', { command, query: foldKey(query).slice(0, 80), answer });
}
