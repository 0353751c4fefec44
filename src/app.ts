/** Builds the Bolt app for HTTP or Socket Mode without starting it, so tests can run one on any port. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, AuthorizationError, HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { Logger, LogLevel } from '@slack/logger';
import type { Config } from './config.ts';
import { createInFlight } from './in-flight.ts';
import type { Knowledge } from './knowledge/index.ts';
import { registerListeners } from './listeners/index.ts';
import { webClientOptions } from './slack-client.ts';

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

/** The Bolt app, and a way to wait for the work it has under way (for a clean shutdown). */
export interface PyHireApp {
  app: App;
  /** Resolves once no request is being handled, or after `timeoutMs`; true when everything finished. */
  drain(timeoutMs: number): Promise<boolean>;
}

/** Creates the Bolt app with every listener registered. Call `app.init()` (auth.test) then `app.start()`. */
export function createApp({ config, knowledge, logger }: CreateAppOptions): PyHireApp {
  const clientOptions = webClientOptions(logger, config.slackApiUrl);
  const health = JSON.stringify(healthStatus(knowledge));
  const receiver =
    config.mode === 'http'
      ? new HTTPReceiver({
          signingSecret: config.signingSecret,
          endpoints: EVENTS_PATH,
          logger,
          // A request Bolt cannot even read (a payload Slack would never send) is the sender's error: 400, logged.
          processEventErrorHandler: async ({ error, response }) => {
            if (response.headersSent) {
              logger.error('a listener failed after its ack', { error: error.message });
              return false;
            }
            const status = error instanceof AuthorizationError ? 401 : 400;
            logger.warn('could not process a request', { status, error: error.message });
            response.writeHead(status);
            response.end();
            return true;
          },
          customRoutes: [
            {
              path: HEALTH_PATH,
              method: ['GET'],
              handler: (_req: IncomingMessage, res: ServerResponse) => {
                res.writeHead(200, { 'content-type': 'application/json' });
                res.end(health);
              },
            },
          ],
        })
      : new SocketModeReceiver({ appToken: config.appToken, logger, installerOptions: { clientOptions } });
  if (receiver instanceof SocketModeReceiver) logConnectionStates(receiver, logger);
  const app = new App({
    token: config.botToken,
    receiver,
    logger,
    // Bolt resets its logger to this level (default info), so pass the configured one.
    logLevel: config.logLevel as LogLevel,
    // PyHire keeps no conversation state; skip the store Bolt otherwise consults on every request.
    convoStore: false,
    clientOptions,
    // auth.test runs in app.init(), where main() can report a failure in one line.
    deferInitialization: true,
  });
  const inFlight = createInFlight();
  registerListeners(app, { knowledge, track: inFlight.track });
  app.error(async (error) => {
    const { code, data } = error as { code?: string; data?: { error?: string } };
    logger.error('a listener failed', { code, error: data?.error ?? error.message });
  });
  return { app, drain: inFlight.drain };
}

/** Socket Mode reconnects by itself when the connection drops; say so in the logs. */
function logConnectionStates(receiver: SocketModeReceiver, logger: Logger) {
  receiver.client.on('connected', () => logger.info('Socket Mode connected'));
  receiver.client.on('reconnecting', () => logger.warn('Socket Mode connection lost, reconnecting'));
  receiver.client.on('disconnected', () => logger.info('Socket Mode disconnected'));
}
