/** Starts PyHire: reads config and knowledge, picks Socket Mode, HTTP or the console, and shuts down cleanly. */
import { createApp } from './app.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { runConsole } from './console.ts';
import { KnowledgeError, loadKnowledge } from './knowledge/index.ts';
import { createLogger } from './logger.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const knowledge = loadKnowledge(config.knowledgeDir);
  if (config.mode === 'console') {
    await runConsole(knowledge, process.stdin, process.stdout, process.stdin.isTTY === true);
    return;
  }
  const logger = createLogger(config.logLevel);
  const app = createApp({ config, knowledge, logger });
  try {
    await app.init();
  } catch (error) {
    throw new StartupError(`Slack did not accept SLACK_BOT_TOKEN (auth.test: ${slackErrorOf(error)})`);
  }
  await app.start(...(config.mode === 'http' ? [config.port] : []));
  logger.info('PyHire is running', { mode: config.mode, ...portOf(config), terms: knowledge.terms.length });

  const stop = async (signal: string) => {
    logger.info('stopping', { signal });
    const timer = setTimeout(() => process.exit(0), 5000).unref();
    await app.stop().catch((error: unknown) => logger.warn('stop failed', error));
    clearTimeout(timer);
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

/** A start-up failure whose message is the whole story. */
class StartupError extends Error {
  override name = 'StartupError';
}

const portOf = (config: Config) => (config.mode === 'http' ? { port: config.port } : {});

function slackErrorOf(error: unknown): string {
  const data = (error as { data?: { error?: string } }).data;
  return data?.error ?? (error instanceof Error ? error.message : String(error));
}

main().catch((error: unknown) => {
  const known =
    error instanceof ConfigError || error instanceof KnowledgeError || error instanceof StartupError;
  process.stderr.write(
    `${known ? error.message : `PyHire failed to start: ${String((error as Error)?.message ?? error)}`}\n`,
  );
  process.exit(1);
});
