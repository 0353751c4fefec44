/** loadKnowledge: the real content loads; each kind of broken file fails with file, field path and problem. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/index.ts';
import { KNOWLEDGE_DIR } from '../support/test-app.ts';

const FIXTURES = new URL('../fixtures/knowledge/', import.meta.url).pathname;
const scratch = mkdtempSync(path.join(tmpdir(), 'pyhire-knowledge-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The valid fixture set with one case's broken files laid over it. */
function withCase(name: string, remove: string[] = []): string {
  const dir = path.join(scratch, name);
  cpSync(path.join(FIXTURES, 'valid'), dir, { recursive: true });
  cpSync(path.join(FIXTURES, 'invalid', name), dir, { recursive: true });
  for (const file of remove) rmSync(path.join(dir, file));
  return dir;
}

function loadError(dir: string): KnowledgeError {
  try {
    loadKnowledge(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return error as KnowledgeError;
  }
  throw new Error(`expected ${dir} to fail to load`);
}

const REQUIRED_TERMS =
  'django fastapi flask pandas pytest pip poetry spark airflow dbt pytorch tensorflow scikit-learn hugging-face ansible terraform aws-sdk github-actions bigquery redshift snowflake dagster sql etl data-warehouse rest-api microservices type-hints pattern-matching async python-2 python-3 mlops model-drift feature-engineering slowly-changing-dimensions database-migrations git leetcode gpu-computing'.split(
    ' ',
  );

describe('the real knowledge base', () => {
  const knowledge = loadKnowledge(KNOWLEDGE_DIR);

  it('has every required term id', () => {
    const missing = REQUIRED_TERMS.filter((id) => !knowledge.termById.has(id));
    expect(missing).toEqual([]);
  });

  it('has the four archetypes with their guide tools, and the six mistakes', () => {
    expect(knowledge.roles.map((r) => r.id)).toEqual(['backend', 'data', 'ml', 'devops']);
    expect(knowledge.roleById.get('data')?.tools).toEqual(
      expect.arrayContaining(['spark', 'airflow', 'dbt', 'pandas']),
    );
    expect(knowledge.mistakes.map((m) => m.id).sort()).toEqual([
      'conflating-roles',
      'generic-python',
      'ignoring-ecosystem-fit',
      'overweighting-algorithms',
      'python-2-only',
      'undervaluing-sql',
    ]);
  });

  it("keeps the guide's interview questions for the three guide roles, and marks DevOps as extending it", () => {
    const questions = (id: string) =>
      knowledge.roleById.get(id)?.interview.questions.map((q) => q.question) ?? [];
    expect(questions('data')).toEqual([
      'How would you design a pipeline processing 1TB daily?',
      'Explain slowly changing dimensions',
      "Debug this Pandas code that's slow",
    ]);
    expect(questions('backend')).toContain('How do you handle database migrations in Django?');
    expect(questions('ml')).toContain('How do you handle model drift?');
    const devops = knowledge.roleById.get('devops');
    expect(devops?.mustHaves.source).toBe('extension');
    expect(devops?.interview.source).toBe('extension');
  });

  it('has the Python versions, the typing tip and the cheat sheet', () => {
    expect(knowledge.pythonVersions.versions.map((v) => v.label)).toEqual([
      'Python 3.10+',
      'Python 3.7-3.9',
      'Python 2.x',
    ]);
    expect(knowledge.pythonVersions.interviewQuestion).toMatch(
      /What Python version did you use in your last project/,
    );
    expect(knowledge.typing.evaluationTip).toMatch(/type hints/);
    expect(knowledge.cheatSheet.termsToKnow.map((row) => row.term)).toContain('pip/Poetry');
  });

  it('loads the valid fixture set', () => {
    expect(loadKnowledge(path.join(FIXTURES, 'valid')).terms.map((t) => t.id)).toEqual([
      'sql',
      'django',
      'fastapi',
    ]);
  });
});

describe('a broken knowledge base', () => {
  // Each case: the file, the field path and the problem the message must name.
  const cases: [string, RegExp][] = [
    ['yaml-syntax', /glossary\/web\.yaml: line [34], column \d+: YAML syntax: /],
    ['unknown-key', /glossary\/web\.yaml: terms\[0\] \(django\): Unrecognized key: "defintion"/],
    ['missing-field', /glossary\/web\.yaml: terms\[0\] \(django\)\.ask: .*(required|undefined)/i],
    ['wrong-type', /glossary\/web\.yaml: terms\[0\] \(django\)\.aliases: .*expected array/i],
    ['bad-id', /glossary\/web\.yaml: terms\[0\] \(Django Framework\)\.id: must be lower-case kebab-case/],
    [
      'unknown-related',
      /glossary\/web\.yaml: terms\[0\] \(django\)\.related\[0\]: unknown term id "fastap" \(did you mean "fastapi"\?\)/,
    ],
    ['unknown-role', /glossary\/web\.yaml: terms\[0\] \(django\)\.roles\[0\]: unknown role id "frontend"/],
    [
      'unknown-mistake',
      /roles\.yaml: roles\[0\] \(backend\)\.warnings\[0\]\.mistake: unknown mistake id "hiring-too-fast"/,
    ],
    [
      'alias-clash',
      /glossary\/web\.yaml: terms\[\d\] \((django|fastapi)\)\.aliases: "(Fast-API|FastAPI|fastapi)" points at two entries/,
    ],
    ['duplicate-id', /glossary\/(data|web)\.yaml: terms\[\d\]\.id: duplicate id "django"/],
    [
      'too-few-listen-for',
      /roles\.yaml: roles\[0\] \(backend\)\.interview\.questions\[0\]\.listenFor: .*(>=3|at least 3)/i,
    ],
    ['empty-file', /typing\.yaml: the file is empty/],
    ['unexpected-file', /roles-extra\.yaml: unexpected file/],
    [
      'unknown-model-finding',
      /review-model\.json: findings\.hiring-too-fast: unknown mistake id "hiring-too-fast"/,
    ],
  ];

  it.each(cases)('%s: names the file, the field path and the problem', (name, expected) => {
    const error = loadError(withCase(name));
    expect(error.message).toMatch(expected);
  });

  it('a missing file is named', () => {
    const dir = path.join(scratch, 'missing-file');
    cpSync(path.join(FIXTURES, 'valid'), dir, { recursive: true });
    rmSync(path.join(dir, 'mistakes.yaml'));
    expect(loadError(dir).message).toMatch(/mistakes\.yaml: cannot read the file \(ENOENT\)/);
  });

  it('reports every problem at once, not just the first', () => {
    const dir = withCase('unknown-role');
    cpSync(path.join(FIXTURES, 'invalid', 'unknown-mistake'), dir, { recursive: true });
    const error = loadError(dir);
    expect(error.problems.length).toBeGreaterThanOrEqual(2);
    expect(error.message).toContain('"frontend"');
    expect(error.message).toContain('"hiring-too-fast"');
  });
});

describe('parsed YAML prepared at build time', () => {
  const definitionOf = (dir: string, preparedDir: string) =>
    loadKnowledge(dir, { preparedDir }).termById.get('litestar')?.definition;

  it('is read instead of parsing, never written, and never read for a file changed since', () => {
    const dir = path.join(scratch, 'prepared-knowledge');
    const prepared = path.join(scratch, 'prepared');
    cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
    loadKnowledge(dir, { cacheDir: prepared }); // what `npm run build` does
    const entries = readdirSync(prepared);
    expect(entries.length).toBeGreaterThanOrEqual(10);

    // An entry is read as the file's content: proven by one altered behind the loader's back.
    const web = entries.find((e) => readFileSync(path.join(prepared, e), 'utf8').includes('"id":"litestar"'));
    expect(web).toBeDefined();
    const entry = path.join(prepared, web as string);
    writeFileSync(entry, readFileSync(entry, 'utf8').replace('formerly called Starlite', 'PREPARED COPY'));
    expect(definitionOf(dir, prepared)).toContain('PREPARED COPY');

    // A file edited after the build is parsed from its YAML, and the prepared folder is left as it was.
    const yamlFile = path.join(dir, 'glossary', 'web.yaml');
    writeFileSync(
      yamlFile,
      readFileSync(yamlFile, 'utf8').replace('formerly called Starlite', 'EDITED YAML'),
    );
    expect(definitionOf(dir, prepared)).toContain('EDITED YAML');
    expect(readdirSync(prepared).sort()).toEqual([...entries].sort());
  });
});
