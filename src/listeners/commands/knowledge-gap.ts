/**
 * A knowledge gap: what people look for and do not find, for content editors. One log line (no user id), and a
 * count in the store by the folded query (`npm run report`, the editors' Home tab).
 */
import type { Logger } from '@slack/logger';
import { foldKey } from '../../knowledge/index.ts';
import type { SafeStore } from '../../store/resilient.ts';

export async function noteKnowledgeGap(
  logger: Logger,
  store: SafeStore | undefined,
  command: '/pyterm' | '/pyrole',
  query: string,
  answer: string,
): Promise<void> {
  const folded = foldKey(query).slice(0, 80);
  logger.info('knowledge gap', { command, query: folded, answer });
  if (store && folded !== '') await store.recordMiss(command === '/pyterm' ? 'pyterm' : 'pyrole', folded);
}
