/** Starts PyHire: reads config and knowledge, picks Socket Mode, HTTP or the console, and shuts down cleanly. */
import { createApp } from './app.ts';
import { ConfigError, loadConfig, PREPARED_KNOWLEDGE_DIR } from './config.ts';
import { runConsole } from './console.ts';
import { guardProcess } from './guard.ts';
import { KnowledgeError, loadKnowledge } from './knowledge/index.ts';
import { createLogger, redactTokens } from './logger.ts';
import { openStore, StoreError } from './store/index.ts';
import { resilientStore } from './store/resilient.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const knowledge = loadKnowledge(config.knowledgeDir, {
    cacheDir: config.knowledgeCacheDir,
    preparedDir: PREPARED_KNOWLEDGE_DIR,
  });
  if (config.mode === 'console') {
    await runConsole(knowledge, process.stdin, process.stdout, process.stdin.isTTY === true);
    return;
  }
  const logger = createLogger(config.logLevel);
  // The store is opened (and migrated) before anything else talks to Slack: a database that cannot be reached
  // stops start-up with one line.
  const store = resilientStore(await openStore(config.store), logger);
  const { app, drain } = createApp({ config, knowledge, logger, store });
  try {
    await app.init();
  } catch (error) {
    throw new StartupError(`Slack did not accept SLACK_BOT_TOKEN (auth.test: ${slackErrorOf(error)})`);
  }
  const server = await app.start(...(config.mode === 'http' ? [config.port] : []));
  // From here on, an error that escapes Bolt is logged with its request and PyHire keeps serving.
  guardProcess(logger);
  const port = (server as { address?: () => unknown } | undefined)?.address?.();
  logger.info('PyHire is running', {
    mode: config.mode,
    ...(port && typeof port === 'object' && 'port' in port ? { port: port.port } : {}),
    terms: knowledge.terms.length,
    store: store.engine,
  });

  // On SIGTERM/SIGINT: stop taking requests, let replies under way finish, then exit 0.
  const stop = async (signal: string) => {
    logger.info('stopping', { signal });
    setTimeout(() => process.exit(0), SHUTDOWN_TIMEOUT_MS + 1_000).unref();
    await app.stop().catch((error: unknown) => logger.warn('stopping the receiver failed', error));
    const finished = await drain(SHUTDOWN_TIMEOUT_MS);
    await store.close();
    logger.info('stopped', { finishedInFlight: finished });
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

/** How long shutdown waits for replies under way. */
const SHUTDOWN_TIMEOUT_MS = 5_000;

/** A start-up failure whose message is the whole story. */
class StartupError extends Error {
  override name = 'StartupError';
}

function slackErrorOf(error: unknown): string {
  const data = (error as { data?: { error?: string } }).data;
  return data?.error ?? (error instanceof Error ? error.message : String(error));
}

main().catch((error: unknown) => {
  const known =
    error instanceof ConfigError ||
    error instanceof KnowledgeError ||
    error instanceof StartupError ||
    error instanceof StoreError;
  const text = known
    ? error.message
    : `PyHire failed to start: ${String((error as Error)?.message ?? error)}`;
  process.stderr.write(`${redactTokens(text)}\n`);
  process.exit(1);
});
