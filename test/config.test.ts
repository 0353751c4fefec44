/** src/config.ts: run-mode selection and one clear error naming every bad variable. */
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.ts';

const BOT = 'xoxb-1111-2222-abcdef';
const APP = 'xapp-1-A111-2222-abcdef';
const SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

const errorOf = (env: Record<string, string>) => {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
};

describe('parseConfig', () => {
  it('with no Slack variables opens the console', () => {
    expect(parseConfig({}).mode).toBe('console');
    expect(parseConfig({ SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: ' ' }).mode).toBe('console');
  });

  it('bot + app token is Socket Mode, bot + signing secret is HTTP on PORT (default 3000)', () => {
    expect(parseConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP })).toMatchObject({
      mode: 'socket',
      appToken: APP,
    });
    expect(parseConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET })).toMatchObject({
      mode: 'http',
      port: 3000,
    });
    expect(parseConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, PORT: '8080' })).toMatchObject({
      port: 8080,
    });
  });

  it('normalises SLACK_API_URL to end with a slash and reads LOG_LEVEL', () => {
    const config = parseConfig({ SLACK_API_URL: 'https://slack-gov.com/api', LOG_LEVEL: 'debug' });
    expect(config.slackApiUrl).toBe('https://slack-gov.com/api/');
    expect(config.logLevel).toBe('debug');
  });

  it('names a user token where a bot token belongs, without printing the token', () => {
    const message = errorOf({ SLACK_BOT_TOKEN: 'xoxp-secret-user-token', SLACK_SIGNING_SECRET: SECRET });
    expect(message).toContain('SLACK_BOT_TOKEN');
    expect(message).toContain('"xoxp-"');
    expect(message).not.toContain('secret-user-token');
  });

  it('names a bot token with neither a signing secret nor an app token', () => {
    const message = errorOf({ SLACK_BOT_TOKEN: BOT });
    expect(message).toContain('SLACK_APP_TOKEN');
    expect(message).toContain('SLACK_SIGNING_SECRET');
  });

  it('names a missing bot token when only the app token or secret is set', () => {
    expect(errorOf({ SLACK_APP_TOKEN: APP })).toMatch(/SLACK_BOT_TOKEN is missing/);
    expect(errorOf({ SLACK_SIGNING_SECRET: SECRET })).toMatch(/SLACK_BOT_TOKEN is missing/);
  });

  it('names every malformed variable in one error', () => {
    const error = (() => {
      try {
        parseConfig({
          SLACK_BOT_TOKEN: BOT,
          SLACK_APP_TOKEN: 'xoxb-wrong',
          PORT: 'eighty',
          LOG_LEVEL: 'loud',
          SLACK_API_URL: 'nope',
        });
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error?.problems.map((p) => p.split(' ')[0]).sort()).toEqual([
      'LOG_LEVEL',
      'PORT',
      'SLACK_API_URL',
      'SLACK_APP_TOKEN',
    ]);
  });
});

describe('log level', () => {
  it('Bolt keeps the configured level instead of resetting it to info', async () => {
    const { createApp } = await import('../src/app.ts');
    const { createLogger } = await import('../src/logger.ts');
    const { realKnowledge } = await import('./support/test-app.ts');
    const lines: string[] = [];
    const config = parseConfig({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, LOG_LEVEL: 'warn' });
    if (config.mode !== 'http') throw new Error('expected http');
    const logger = createLogger(config.logLevel, (line) => lines.push(line));
    createApp({ config, knowledge: realKnowledge(), logger });
    logger.info('not shown');
    logger.warn('shown');
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['shown']);
  });
});
