/** What every listener is built with. */
import type { Knowledge } from '../knowledge/index.ts';
import type { SafeStore } from '../store/resilient.ts';

export interface ListenerDeps {
  knowledge: Knowledge;
  /** What PyHire remembers (votes, misses, usage, events answered); absent, nothing is remembered. */
  store?: SafeStore | undefined;
  /** Slack user ids who see the editors' report in the Home tab (besides workspace admins). */
  editors?: readonly string[];
  /** The Web API base URL when not Slack's own (tests): shared files may be downloaded from its origin too. */
  slackApiUrl?: string | undefined;
  /** Wraps a listener so shutdown can wait for its work, including what it does after the ack. */
  track?: <A>(listener: (args: A) => Promise<void>) => (args: A) => Promise<void>;
}
