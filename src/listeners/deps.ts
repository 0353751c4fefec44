/** What every listener is built with. */
import type { Knowledge } from '../knowledge/index.ts';

export interface ListenerDeps {
  knowledge: Knowledge;
  /** The Web API base URL when not Slack's own (tests): shared files may be downloaded from its origin too. */
  slackApiUrl?: string | undefined;
  /** Wraps a listener so shutdown can wait for its work, including what it does after the ack. */
  track?: <A>(listener: (args: A) => Promise<void>) => (args: A) => Promise<void>;
}
