/** Builds the Bolt app for HTTP or Socket Mode without starting it, so tests can run one on any port. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, AuthorizationError, HTTPReceiver, type ReceiverEvent, SocketModeReceiver } from '@slack/bolt';
import type { Logger, LogLevel } from '@slack/logger';
import type { Config } from './config.ts';
import { guardRequests, MAX_BODY_BYTES, requestKind } from './guard.ts';
import { createInFlight } from './in-flight.ts';
import type { Knowledge } from './knowledge/index.ts';
import { handlesRequest, registerListeners } from './listeners/index.ts';
import { webClientOptions } from './slack-client.ts';
import type { SafeStore } from './store/resilient.ts';

export type SlackConfig = Extract<Config, { mode: 'http' | 'socket' }>;

export interface CreateAppOptions {
  config: SlackConfig;
  knowledge: Knowledge;
  logger: Logger;
  /** What PyHire remembers; without it, nothing is (events are answered once per process). */
  store?: SafeStore | undefined;
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
export function createApp({ config, knowledge, logger, store }: CreateAppOptions): PyHireApp {
  const clientOptions = webClientOptions(logger, config.slackApiUrl);
  const health = JSON.stringify(healthStatus(knowledge));
  const receiver =
    config.mode === 'http'
      ? new HTTPReceiver({
          signingSecret: config.signingSecret,
          endpoints: EVENTS_PATH,
          logger,
          bodyLimit: MAX_BODY_BYTES,
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
  else receiver.requestListener = guardRequests(receiver.requestListener, logger, { path: EVENTS_PATH });
  const app = new AcknowledgingApp({
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
  registerListeners(app, {
    knowledge,
    track: inFlight.track,
    slackApiUrl: config.slackApiUrl,
    store,
    editors: config.editors,
  });
  app.error(async (error) => {
    const { code, data } = error as { code?: string; data?: { error?: string } };
    logger.error('a listener failed', { code, error: data?.error ?? error.message });
  });
  return { app, drain: inFlight.drain };
}

/**
 * Bolt's App, except that a request no listener takes is acknowledged at once: Bolt leaves events it cannot
 * type (app_rate_limited) and interactivity without a listener (view_submission, shortcut...) to time out.
 */
class AcknowledgingApp extends App {
  override async processEvent(event: ReceiverEvent): Promise<void> {
    if (handlesRequest(event.body)) return super.processEvent(event);
    await event.ack();
    logUnhandled(this.logger, event.body);
  }
}

/** One line per request PyHire does not handle: debug, but a warning when Slack rate-limits its events. */
function logUnhandled(logger: Logger, body: Record<string, unknown>) {
  const kind = requestKind(body);
  if (body.type !== 'app_rate_limited') {
    logger.debug('acknowledged a request PyHire does not handle', { kind });
    return;
  }
  // Slack drops the app's events for the rest of this minute (epoch seconds) after 30,000 in an hour.
  const minute = new Date(Number(body.minute_rate_limited) * 1000);
  logger.warn('Slack is rate-limiting events to PyHire', {
    kind,
    minute: Number.isNaN(minute.getTime()) ? undefined : minute.toISOString(),
  });
}

/** Socket Mode reconnects by itself when the connection drops; say so in the logs. */
function logConnectionStates(receiver: SocketModeReceiver, logger: Logger) {
  receiver.client.on('connected', () => logger.info('Socket Mode connected'));
  receiver.client.on('reconnecting', () => logger.warn('Socket Mode connection lost, reconnecting'));
  receiver.client.on('disconnected', () => logger.info('Socket Mode disconnected'));
}
