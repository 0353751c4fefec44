/** Builds the Bolt app for HTTP or Socket Mode without starting it, so tests can run one on any port. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { Logger } from '@slack/logger';
import type { Config } from './config.ts';
import type { Knowledge } from './knowledge/index.ts';
import { registerListeners } from './listeners/index.ts';

export type SlackConfig = Extract<Config, { mode: 'http' | 'socket' }>;

export interface CreateAppOptions {
  config: SlackConfig;
  knowledge: Knowledge;
  logger: Logger;
}

/** Where Slack sends commands, events and interactivity in HTTP mode. */
export const EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/health';

/** A small JSON status for load balancers and uptime checks. */
export function healthStatus(knowledge: Knowledge) {
  return {
    status: 'ok',
    knowledge: {
      terms: knowledge.terms.length,
      roles: knowledge.roles.length,
      mistakes: knowledge.mistakes.length,
      categories: knowledge.categories.length,
    },
  };
}

/** Creates the Bolt app with every listener registered. Call `app.init()` (auth.test) then `app.start()`. */
export function createApp({ config, knowledge, logger }: CreateAppOptions): App {
  const clientOptions = config.slackApiUrl ? { slackApiUrl: config.slackApiUrl } : {};
  const receiver: Receiver =
    config.mode === 'http'
      ? new HTTPReceiver({
          signingSecret: config.signingSecret,
          endpoints: EVENTS_PATH,
          logger,
          customRoutes: [
            {
              path: HEALTH_PATH,
              method: ['GET'],
              handler: (_req: IncomingMessage, res: ServerResponse) => {
                res.writeHead(200, { 'content-type': 'application/json' });
                res.end(JSON.stringify(healthStatus(knowledge)));
              },
            },
          ],
        })
      : new SocketModeReceiver({ appToken: config.appToken, logger, installerOptions: { clientOptions } });
  const app = new App({
    token: config.botToken,
    receiver,
    logger,
    clientOptions,
    // auth.test runs in app.init(), where main() can report a failure in one line.
    deferInitialization: true,
  });
  registerListeners(app, { knowledge });
  return app;
}
