/** Reads the environment (and `.env`) into a typed, frozen Config: the only reader of `process.env`. */
import { fileURLToPath } from 'node:url';
import dotenv from 'dotenv';
import { z } from 'zod';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** How PyHire talks to the world: Slack over Socket Mode or HTTP, or a local console. */
export type Config = Readonly<
  {
    logLevel: LogLevel;
    knowledgeDir: string;
    /** Where to cache parsed knowledge YAML (large glossaries start faster); undefined: no cache. */
    knowledgeCacheDir: string | undefined;
    /** Web API base URL ending in `/`, when not Slack's default (GovSlack, tests). */
    slackApiUrl: string | undefined;
    /** What PyHire remembers: the embedded store's folder, or PostgreSQL when a URL is set. */
    store: { dataDir: string; databaseUrl: string | undefined };
    /** Slack user ids who see the knowledge-gap and feedback report in the Home tab. */
    editors: readonly string[];
  } & (
    | { mode: 'console' }
    | { mode: 'http'; botToken: string; signingSecret: string; port: number }
    | { mode: 'socket'; botToken: string; appToken: string }
  )
>;

/** A missing, malformed or inconsistent set of variables; the message names each one. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`PyHire cannot start: ${problems.length === 1 ? '' : '\n  - '}${problems.join('\n  - ')}`);
  }
}

export const DEFAULT_KNOWLEDGE_DIR = fileURLToPath(new URL('../knowledge/', import.meta.url));

/**
 * The knowledge YAML parsed at build time, beside the compiled code (`dist/knowledge-prepared/`, written by
 * `npm run build`): `npm start` reads it instead of running the YAML parser. Running from source, it is absent.
 */
export const PREPARED_KNOWLEDGE_DIR = fileURLToPath(new URL('knowledge-prepared/', import.meta.url));

/** Treats empty strings (as left by a copied `.env.example`) as unset. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    schema.optional(),
  );

/** Describes a token by its prefix only: a token's secret part is never printed. */
const describeToken = (value: string) => {
  const prefix = /^(xox[a-z]|xapp)-/.exec(value)?.[0];
  return prefix ? `a token starting with "${prefix}"` : 'a value that is not a Slack token';
};

const EnvSchema = z.object({
  SLACK_BOT_TOKEN: optional(
    z.string().refine((v) => /^xoxb-[\w-]+$/.test(v), {
      error: (issue) =>
        `must be a bot token starting with "xoxb-" (OAuth & Permissions → Bot User OAuth Token), got ${describeToken(String(issue.input))}`,
    }),
  ),
  SLACK_APP_TOKEN: optional(
    z.string().refine((v) => /^xapp-[\w-]+$/.test(v), {
      error: (issue) =>
        `must be an app-level token starting with "xapp-" (Basic Information → App-Level Tokens, scope connections:write), got ${describeToken(String(issue.input))}`,
    }),
  ),
  SLACK_SIGNING_SECRET: optional(
    z
      .string()
      .regex(
        /^[A-Za-z0-9]{16,}$/,
        "must be the app's signing secret (Basic Information → Signing Secret): 16 or more letters and digits, no spaces",
      ),
  ),
  PORT: optional(
    z.coerce
      .number({ error: 'must be a whole number from 0 to 65535' })
      .int('must be a whole number from 0 to 65535')
      .min(0, 'must be a whole number from 0 to 65535')
      .max(65535, 'must be a whole number from 0 to 65535'),
  ).default(3000),
  SLACK_API_URL: optional(
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://slack.com/api/' }),
  ),
  LOG_LEVEL: optional(
    z.enum(['debug', 'info', 'warn', 'error'], { error: 'must be one of debug, info, warn, error' }),
  ).default('info'),
  KNOWLEDGE_DIR: optional(z.string()),
  KNOWLEDGE_CACHE_DIR: optional(z.string()),
  DATA_DIR: optional(z.string()).default('./data/'),
  DATABASE_URL: optional(
    z
      .string()
      .regex(
        /^postgres(?:ql)?:\/\/\S+$/,
        'must be a PostgreSQL URL such as postgres://user:password@host:5432/pyhire',
      ),
  ),
  PYHIRE_EDITORS: optional(
    z
      .string()
      .regex(
        /^\s*[UW][A-Z0-9]+(?:\s*,\s*[UW][A-Z0-9]+)*\s*,?\s*$/,
        'must be Slack user ids separated by commas, such as U012AB3CD,U045EF6GH',
      ),
  ),
});

/** Builds the Config from an environment; throws one ConfigError naming every bad variable. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  }
  const vars = parsed.data;
  const base = {
    logLevel: vars.LOG_LEVEL,
    knowledgeDir: vars.KNOWLEDGE_DIR ?? DEFAULT_KNOWLEDGE_DIR,
    knowledgeCacheDir: vars.KNOWLEDGE_CACHE_DIR,
    slackApiUrl: vars.SLACK_API_URL?.replace(/\/*$/, '/'),
    store: { dataDir: vars.DATA_DIR, databaseUrl: vars.DATABASE_URL },
    editors: Object.freeze(
      (vars.PYHIRE_EDITORS ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  };
  const { SLACK_BOT_TOKEN: botToken, SLACK_APP_TOKEN: appToken, SLACK_SIGNING_SECRET: signingSecret } = vars;

  if (botToken === undefined) {
    if (appToken === undefined && signingSecret === undefined)
      return Object.freeze({ ...base, mode: 'console' });
    const given = [appToken && 'SLACK_APP_TOKEN', signingSecret && 'SLACK_SIGNING_SECRET']
      .filter(Boolean)
      .join(' and ');
    throw new ConfigError([
      `SLACK_BOT_TOKEN is missing: ${given} ${given.includes(' and ') ? 'are' : 'is'} set, and both Socket Mode and HTTP mode need the bot token ("xoxb-…"). Unset every SLACK_ variable to use the local console instead.`,
    ]);
  }
  if (appToken !== undefined) return Object.freeze({ ...base, mode: 'socket', botToken, appToken });
  if (signingSecret !== undefined) {
    return Object.freeze({ ...base, mode: 'http', botToken, signingSecret, port: vars.PORT });
  }
  throw new ConfigError([
    'SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (for Socket Mode) nor SLACK_SIGNING_SECRET (for HTTP mode) is: set one of them.',
  ]);
}

/** Reads `.env` (without overriding real environment variables) and parses the result. */
export function loadConfig(): Config {
  const env: Record<string, string | undefined> = { ...process.env };
  dotenv.config({ processEnv: env as dotenv.DotenvPopulateInput, quiet: true });
  return parseConfig(env);
}
