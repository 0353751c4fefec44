/** Starts the real PyHire Bolt app in HTTP mode on a random port, wired to a fake Slack API. */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app.ts';
import { parseConfig } from '../../src/config.ts';
import { type Knowledge, loadKnowledge } from '../../src/knowledge/index.ts';
import { createLogger } from '../../src/logger.ts';
import type { Store } from '../../src/store/index.ts';
import { resilientStore, type SafeStore } from '../../src/store/resilient.ts';
import { type FakeSlack, startFakeSlack } from './fake-slack.ts';
import { SIGNING_SECRET } from './signed.ts';

export const KNOWLEDGE_DIR = new URL('../../knowledge/', import.meta.url).pathname;

let cached: Knowledge | undefined;
/** The repo's real knowledge base, loaded once per test file. */
export const realKnowledge = () => {
  cached ??= loadKnowledge(KNOWLEDGE_DIR);
  return cached;
};

export interface TestApp {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  eventsUrl: string;
  fake: FakeSlack;
  logs: string[];
  /** The store as the app uses it (counts buffered, flushed by `report`), when one was given. */
  store: SafeStore | undefined;
  stop(): Promise<void>;
}

/** Builds and starts the app exactly as main() does in HTTP mode, but on port 0 and with the fake API. */
export interface TestAppOptions {
  /** A store for the app to remember with (by default none: nothing is remembered). */
  store?: Store;
  /** PYHIRE_EDITORS. */
  editors?: string;
}

export async function startTestApp(
  knowledge: Knowledge = realKnowledge(),
  options: TestAppOptions = {},
): Promise<TestApp> {
  const fake = await startFakeSlack();
  const config = parseConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-0000',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    LOG_LEVEL: 'debug',
    PYHIRE_EDITORS: options.editors,
  });
  if (config.mode !== 'http') throw new Error('expected HTTP mode');
  const logs: string[] = [];
  const logger = createLogger(config.logLevel, (line) => logs.push(line));
  const store = options.store ? resilientStore(options.store, logger) : undefined;
  const { app } = createApp({ config, knowledge, logger, store });
  await app.init();
  const server = (await app.start(0)) as Server;
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    eventsUrl: `${baseUrl}/slack/events`,
    fake,
    logs,
    store,
    async stop() {
      await app.stop();
      await fake.close();
    },
  };
}

/** Reads a JSON fixture from test/fixtures/. */
export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T;
}
