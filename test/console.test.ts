/** The real entry point (`npm start`): console mode with piped stdin, and clean start-up failures. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = new URL('../src/main.ts', import.meta.url).pathname;
// The same runner `npm start` uses.
const TSX = new URL('../node_modules/.bin/tsx', import.meta.url).pathname;
// Runs outside the repo so that no developer's .env is read, with no Slack variables inherited.
const cwd = mkdtempSync(path.join(tmpdir(), 'pyhire-console-'));
const baseEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(SLACK_|PORT$|LOG_LEVEL$|KNOWLEDGE_DIR$)/.test(key)),
);

function run(input: string, env: Record<string, string> = {}) {
  const result = spawnSync(TSX, [MAIN], {
    cwd,
    input,
    env: { ...baseEnv, ...env },
    encoding: 'utf8',
    timeout: 15_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm start', () => {
  it('with piped stdin answers every line and exits 0', () => {
    const { code, stdout } = run('/pyterm djnago\n\n/pyterm qqqzzzxxx\nwhat is dbt?\n');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Django \(Web & APIs\)/);
    expect(stdout).toContain('Ask the candidate:');
    expect(stdout).toContain('I don\'t know "qqqzzzxxx" yet');
    expect(stdout).toMatch(/\ndbt \(Data engineering\)/);
  });

  it('exits non-zero naming the variable when a user token is given as the bot token', () => {
    const { code, stderr } = run('', {
      SLACK_BOT_TOKEN: 'xoxp-123-secretpart',
      SLACK_SIGNING_SECRET: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
    });
    expect(code).toBe(1);
    expect(stderr).toContain('SLACK_BOT_TOKEN');
    expect(stderr).not.toContain('secretpart');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits non-zero naming the file, field and problem when knowledge is broken', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pyhire-broken-'));
    writeFileSync(path.join(dir, 'roles.yaml'), 'roles: 12\n');
    const { code, stderr } = run('', { KNOWLEDGE_DIR: dir });
    expect(code).toBe(1);
    expect(stderr).toMatch(/roles\.yaml: roles: .*expected array/i);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
