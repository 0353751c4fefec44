/** /pyterm answers: role and job-title words point to kits, and short queries never get a guessed card. */
import { describe, expect, it } from 'vitest';
import { answerTermQuery, type Knowledge, type TermAnswer } from '../../src/knowledge/index.ts';
import { buildSearchIndex } from '../../src/knowledge/search.ts';
import { realKnowledge } from '../support/test-app.ts';

const knowledge = realKnowledge();

/** One answer in a word: `term-id`, `term-id+kit:ml`, `kit:data`, `other:full-stack-developer>backend`, `?(a,b)`. */
function describeAnswer(answer: TermAnswer): string {
  const pointer = (role: (TermAnswer & { kind: 'role' })['role']) =>
    role.kind === 'kit' ? `kit:${role.role.id}` : `other:${role.other.id}>${role.closest.map((r) => r.id)}`;
  switch (answer.kind) {
    case 'term':
      return answer.role ? `${answer.card.term.id}+${pointer(answer.role)}` : answer.card.term.id;
    case 'role':
      return pointer(answer.role);
    case 'suggestions':
      return `?(${answer.terms.map((t) => t.id).join(',')})`;
    default:
      return answer.kind;
  }
}
const answerFor = (query: string, from: Knowledge = knowledge) =>
  describeAnswer(answerTermQuery(from, query));

/** The real knowledge without some terms: what a query gets when the term it names does not exist. */
function without(...ids: string[]): Knowledge {
  const terms = knowledge.terms.filter((t) => !ids.includes(t.id));
  return { ...knowledge, terms, termIndex: buildSearchIndex(terms, (t) => [t.id, t.name, ...t.aliases]) };
}

describe('role and job-title words', () => {
  it.each([
    ['machine learning', 'kit:ml'],
    ['data engineering', 'kit:data'],
    ['devops', 'kit:devops'],
    ['DevOps', 'kit:devops'],
    ['MLOps engineer', 'kit:ml'],
    ['analytics engineer', 'kit:data'],
    ['sre', 'kit:devops'],
    ['backend', 'kit:backend'],
    ['what is a data engineer?', 'kit:data'],
    ['data eng', 'kit:data'],
    ['full stack', 'other:full-stack-developer>backend'],
    ['frontend', 'other:frontend-developer>backend'],
    ['python', 'other:python-developer>backend,data,ml,devops'],
  ])('%s answers with the role and its kit', (query, expected) => {
    expect(answerFor(query)).toBe(expected);
  });

  it.each([
    ['data scientist', 'data-science+other:data-scientist>ml,data'],
    ['ETL', 'etl+kit:data'],
    ['mlops', 'mlops+kit:ml'],
    ['python developer', 'python-developer+other:python-developer>backend,data,ml,devops'],
  ])('a glossary term wins an exact match and still points to the kit: %s', (query, expected) => {
    expect(answerFor(query)).toBe(expected);
  });

  it('keeps plain term cards free of kit pointers when the words name no role', () => {
    expect(answerFor('dbt')).toBe('dbt');
    expect(answerFor('djnago')).toBe('django');
  });

  it('never answers a typo of a role with a role card', () => {
    for (const query of ['data enginering', 'machine lerning', 'devps']) {
      expect(answerFor(query)).not.toMatch(/^(kit|other):/);
    }
  });
});

describe('short queries', () => {
  it.each([
    ['Rust', 'rust'],
    ['OpenAI', 'openai-api'],
    ['go', 'go'],
    ['Go', 'go'],
    ['git', 'git'],
    ['scala', 'scala'],
    ['spark', 'spark'],
    ['rest', 'rest-api'],
    ['c++', 'cpp'],
    ['C#', 'csharp'],
    ['sql', 'sql'],
    ['k8s', 'kubernetes'],
  ])('%s is an exact name or alias: its card', (query, id) => {
    expect(answerFor(query)).toBe(id);
  });

  it.each(['r', 'c', 'R', 'qzxwv'])('%s names nothing PyHire knows: the no-match answer', (query) => {
    expect(answerFor(query)).toBe('no-match');
  });

  it.each(['rst', 'gitt', 'sqll', 'jest', 'sas', 'nix', 'elm', 'F#', 'what is gitt?'])(
    '%s is four letters or fewer and not exact: suggestions or a miss, never a card',
    (query) => {
      expect(answerFor(query)).toMatch(/^(\?\(|no-match$)/);
    },
  );

  it('offers the close names as "Did you mean" instead', () => {
    expect(answerFor('gitt')).toBe('?(git)');
    expect(answerFor('rst')).toMatch(/^\?\(.*rust.*\)$/);
  });

  it('does not guess REST API for Rust when the Rust card is missing', () => {
    expect(answerFor('Rust', without('rust'))).toMatch(/^(\?\(|no-match$)/);
    expect(answerFor('what is rust?', without('rust'))).toMatch(/^(\?\(|no-match$)/);
  });

  it('answers OpenAI with the OpenAI API card, never API design (whose alias "OpenAPI" is one letter off)', () => {
    expect(answerFor('OpenAI')).toBe('openai-api');
    expect(answerFor('openai')).toBe('openai-api');
  });

  it('still forgives typos from five letters up', () => {
    expect(answerFor('sclaa')).toBe('scala');
    expect(answerFor('sparkk')).toBe('spark');
  });
});

describe('Slack markup in the query', () => {
  it('reads a link by its label and ignores pings', () => {
    expect(answerFor('<https://www.getdbt.com|dbt>')).toBe('dbt');
    expect(answerFor('<!channel> qzxwv <https://evil.example|click>')).toBe('no-match');
  });

  it('keeps what the user typed for the reply', () => {
    const answer = answerTermQuery(knowledge, '<!here> qzxwv');
    expect(answer).toEqual({ kind: 'no-match', query: '<!here> qzxwv' });
  });
});
