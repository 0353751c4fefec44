/** What every listener is built with. */
import type { Knowledge } from '../knowledge/index.ts';

export interface ListenerDeps {
  knowledge: Knowledge;
}
