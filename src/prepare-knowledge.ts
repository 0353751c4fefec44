/**
 * Build step (`npm run build`, after tsc): parses the knowledge YAML once and writes each file beside the compiled
 * code as JSON, keyed by a hash of its bytes (`dist/knowledge-prepared/`), so `npm start` skips the YAML parser.
 * A file edited after the build has no entry and is parsed at start as before; nothing stale can be read.
 */
import { rmSync } from 'node:fs';
import { DEFAULT_KNOWLEDGE_DIR, PREPARED_KNOWLEDGE_DIR } from './config.ts';
import { KnowledgeError, loadKnowledge } from './knowledge/index.ts';

rmSync(PREPARED_KNOWLEDGE_DIR, { recursive: true, force: true });
try {
  loadKnowledge(DEFAULT_KNOWLEDGE_DIR, { cacheDir: PREPARED_KNOWLEDGE_DIR });
} catch (error) {
  // The build still succeeds: `npm start` reports the problems, naming file and field, as it always has.
  if (!(error instanceof KnowledgeError)) throw error;
  console.warn(`knowledge not prepared (${error.problems.length} problem(s)); npm start will list them`);
}
