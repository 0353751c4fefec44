/** Term lookup: exact, alias, typo, question phrasing and gibberish, plus the labeled query set as the bar. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describeTermAnswer, type LabeledQuery, scoreQueries } from '../../scripts/eval.ts';
import { answerTermQuery, foldKey, stripQuestion, stripSlackMarkup } from '../../src/knowledge/index.ts';
import { buildSearchIndex, editDistance, search } from '../../src/knowledge/search.ts';
import { realKnowledge } from '../support/test-app.ts';

const knowledge = realKnowledge();
const cardFor = (query: string) => {
  const answer = answerTermQuery(knowledge, query);
  return answer.kind === 'term' ? answer.card.term.id : answer.kind;
};

describe('text folding', () => {
  it('folds case, spacing and punctuation', () => {
    expect(foldKey('Py.Test')).toBe('pytest');
    expect(foldKey('  Scikit-Learn ')).toBe('scikitlearn');
    expect(foldKey('Пандас')).toBe('');
    expect(foldKey('Café')).toBe('cafe');
  });

  it('strips question phrasing', () => {
    expect(stripQuestion('what is django?')).toBe('django');
    expect(stripQuestion("what's a data warehouse")).toBe('data warehouse');
    expect(stripQuestion('What does ETL mean?')).toBe('ETL');
    expect(stripQuestion('hey, can you explain the slowly changing dimensions?')).toBe(
      'slowly changing dimensions',
    );
    expect(stripQuestion('dbt')).toBe('dbt');
  });

  it('reads plain text out of Slack markup', () => {
    expect(
      stripSlackMarkup('<@U123> what’s <https://www.getdbt.com|dbt>? <!here> see <https://example.com>'),
    ).toBe("what's dbt?   see https://example.com");
  });

  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('djnago', 'django')).toBe(1);
    expect(editDistance('pandas', 'pandas')).toBe(0);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('counts a doubled letter typed once, or a letter typed twice, as half an edit', () => {
    expect(editDistance('starlete', 'starlette')).toBe(0.5);
    expect(editDistance('pytestt', 'pytest')).toBe(0.5);
    expect(editDistance('starlete', 'starlite')).toBe(1);
    expect(editDistance('gitt', 'gil')).toBe(2);
  });

  it('measures keys of any length, longer than its reused scratch rows', () => {
    const long = 'a'.repeat(70);
    expect(editDistance('x', 'y'.repeat(64))).toBe(64);
    expect(editDistance(`${long}b`, `${long}c`)).toBe(1);
    expect(editDistance('ab', `ab${'c'.repeat(200)}`)).toBe(200);
  });
});

describe('term lookup', () => {
  it('finds exact names and ids whatever the case and spacing', () => {
    expect(cardFor('Django')).toBe('django');
    expect(cardFor('FAST API')).toBe('fastapi');
    expect(cardFor('hugging-face')).toBe('hugging-face');
  });

  it.each([
    ['sklearn', 'scikit-learn'],
    ['pyspark', 'spark'],
    ['boto3', 'aws-sdk'],
    ['py.test', 'pytest'],
    ['gh actions', 'github-actions'],
    ['SCD', 'slowly-changing-dimensions'],
    ['typing', 'type-hints'],
    ['match statement', 'pattern-matching'],
    ['py2', 'python-2'],
  ])('finds the alias %s', (query, id) => {
    expect(cardFor(query)).toBe(id);
  });

  it.each([
    ['djnago', 'django'],
    ['pandsa', 'pandas'],
    ['pytorhc', 'pytorch'],
    ['terrafrom', 'terraform'],
    ['airflwo', 'airflow'],
    ['data warehose', 'data-warehouse'],
  ])('forgives the typo %s', (query, id) => {
    expect(cardFor(query)).toBe(id);
  });

  it.each([
    ['what is django?', 'django'],
    ["what's a data warehouse", 'data-warehouse'],
    ['What does FastAPI mean?', 'fastapi'],
    ['tell me about airflow', 'airflow'],
    ['the django framework', 'django'],
  ])('reads the question %s', (query, id) => {
    expect(cardFor(query)).toBe(id);
  });

  it.each(['asdfgh', 'qwerty zxcv', 'banana', 'lunch plans', 'xkcd', '!!!', '🙂🙂🙂', 'a'.repeat(5000)])(
    'never shows a card for gibberish: %s',
    (query) => {
      expect(['no-match', 'suggestions']).toContain(cardFor(query));
    },
  );

  it('offers at most three suggestions, all different terms, for a weak match', () => {
    const answer = answerTermQuery(knowledge, 'pyth');
    expect(answer.kind).toBe('suggestions');
    if (answer.kind !== 'suggestions') return;
    expect(answer.terms.length).toBeGreaterThan(0);
    expect(answer.terms.length).toBeLessThanOrEqual(3);
    expect(new Set(answer.terms.map((t) => t.id)).size).toBe(answer.terms.length);
  });

  it('answers a query of four letters or fewer with an item only on an exact key, in any index', () => {
    const index = buildSearchIndex(['rest', 'django', 'scala'], (key) => [key]);
    expect(search(index, 'rest')).toEqual({ kind: 'match', item: 'rest', exact: true });
    expect(search(index, 'rust')).toEqual({ kind: 'suggestions', items: ['rest'] });
    expect(search(index, 'djnago')).toEqual({ kind: 'match', item: 'django', exact: false });
    expect(search(index, 'sclaa')).toEqual({ kind: 'match', item: 'scala', exact: false });
  });

  it('treats empty text and "help" as a request for the index', () => {
    expect(answerTermQuery(knowledge, '').kind).toBe('help');
    expect(answerTermQuery(knowledge, ' HELP ').kind).toBe('help');
  });

  it('answers every labeled /pyterm query right, and never shows a card where none is expected', () => {
    const { queries } = parse(
      readFileSync(new URL('../fixtures/eval/pyterm.yaml', import.meta.url), 'utf8'),
    ) as { queries: LabeledQuery[] };
    expect(queries.length).toBeGreaterThanOrEqual(80);
    const score = scoreQueries(queries, (q) => describeTermAnswer(knowledge, q));
    expect(score.misses.filter((m) => m.includes('expected none'))).toEqual([]);
    expect(score.misses).toEqual([]);
  });
});
