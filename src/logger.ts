/** Structured JSON-lines logger that Bolt and PyHire share; writes to stderr and never prints a token. */
import { type Logger, LogLevel } from '@slack/logger';
import type { LogLevel as ConfigLogLevel } from './config.ts';

const ORDER: Record<LogLevel, number> = {
  [LogLevel.DEBUG]: 10,
  [LogLevel.INFO]: 20,
  [LogLevel.WARN]: 30,
  [LogLevel.ERROR]: 40,
};
const TOKEN = /\b(xox[a-z]|xapp)-[A-Za-z0-9-]+/g;

/** Replaces anything shaped like a Slack token with its prefix. */
export const redactTokens = (text: string) => text.replace(TOKEN, '$1-[redacted]');

/** Creates the app's logger at `level`, writing one JSON object a line to `write` (stderr by default). */
export function createLogger(
  level: ConfigLogLevel,
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Logger {
  let current = level as LogLevel;
  let name = 'pyhire';
  const log = (at: LogLevel, args: unknown[]) => {
    if (ORDER[at] < ORDER[current]) return;
    const fields: Record<string, unknown> = {};
    const words: string[] = [];
    for (const arg of args) {
      if (arg instanceof Error) fields.error = arg.message;
      else if (arg !== null && typeof arg === 'object' && !Array.isArray(arg)) Object.assign(fields, arg);
      else words.push(String(arg));
    }
    const entry = { time: new Date().toISOString(), level: at, name, msg: words.join(' '), ...fields };
    write(redactTokens(JSON.stringify(entry)));
  };
  return {
    debug: (...args) => log(LogLevel.DEBUG, args),
    info: (...args) => log(LogLevel.INFO, args),
    warn: (...args) => log(LogLevel.WARN, args),
    error: (...args) => log(LogLevel.ERROR, args),
    setLevel: (next) => {
      current = next;
    },
    getLevel: () => current,
    setName: (next) => {
      name = next;
    },
  };
}
