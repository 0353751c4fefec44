/** The knowledge module: load the content, look things up, analyse text. Never imports Slack. */

export * from './documents.ts';
export { isOtherRole, type Knowledge, KnowledgeError, type KnowledgeProblem, loadKnowledge } from './load.ts';
export * from './mentions.ts';
export * from './review.ts';
export * from './roles.ts';
export type * from './schema.ts';
export { foldKey, search, stripQuestion, stripSlackMarkup } from './search.ts';
export * from './terms.ts';
