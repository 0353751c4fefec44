/** `npm start` end to end (piped console, start-up failures) and the console's text answers. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerConsoleLine } from '../src/console.ts';
import { realKnowledge } from './support/test-app.ts';

const MAIN = new URL('../src/main.ts', import.meta.url).pathname;
// The source through tsx, as `npm run dev` runs it; test/process.test.ts runs the compiled build as `npm start` does.
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

describe('console answers', () => {
  const answer = (line: string) => answerConsoleLine(realKnowledge(), line) ?? '';

  it('prints a role or job title with the kit it points to, as Slack does', () => {
    const text = answer('/pyterm data engineering');
    expect(text).toMatch(/^Data Engineer\n/);
    expect(text).toContain('Interview kit: /pyrole data');
    expect(answer('/pyterm sre')).toContain('Interview kit: /pyrole devops');
    expect(answer('/pyterm full stack')).toContain(
      'No interview kit for Full-Stack Developer. Closest kits: Backend Web Developer (/pyrole backend)',
    );
  });

  it('prints a term card that also names a role with the kits after the card', () => {
    const text = answer('/pyterm data scientist');
    expect(text).toMatch(/^Data science \(Machine learning\)\n/);
    expect(text).toMatch(
      /\nNo interview kit for Data Scientist\. Closest kits: Machine Learning Engineer \(\/pyrole ml\), Data Engineer \(\/pyrole data\)$/,
    );
    expect(answer('/pyterm dbt')).not.toContain('/pyrole');
  });

  it('asks "Did you mean" for a short near miss and says so for a miss', () => {
    expect(answer('/pyterm rst')).toMatch(
      /^I couldn't find "rst" exactly\. Did you mean: .*Rust \(\/pyterm rust\)/,
    );
    expect(answer('/pyterm r')).toBe(
      'I don\'t know "r" yet. Try a tool name such as /pyterm dbt, or /pyterm help for every term.',
    );
  });
});
