/** Role matching, comparisons and roles without a kit, through the same search module as terms. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { describeRoleAnswer, type LabeledQuery, scoreQueries } from '../../scripts/eval.ts';
import { answerRoleQuery } from '../../src/knowledge/index.ts';
import { realKnowledge } from '../support/test-app.ts';

const knowledge = realKnowledge();
const roleFor = (query: string) => describeRoleAnswer(knowledge, query);

describe('role matching', () => {
  it.each([
    ['web', 'backend'],
    ['api developer', 'backend'],
    ['django developer', 'backend'],
    ['Backend Web Developer', 'backend'],
    ['data eng', 'data'],
    ['etl developer', 'data'],
    ['data engineer', 'data'],
    ['MLE', 'ml'],
    ['machine learning', 'ml'],
    ['ML engineer', 'ml'],
    ['sre', 'devops'],
    ['infrastructure', 'devops'],
    ['automation', 'devops'],
    ['platform engineer', 'devops'],
    ['dev ops', 'devops'],
    ['DevOps/Automation', 'devops'],
  ])('%s → %s', (query, id) => {
    expect(roleFor(query)).toBe(id);
  });

  it.each([
    ['data enginer', 'data'],
    ['machine lerning', 'ml'],
    ['devpos', 'devops'],
    ['backend develper', 'backend'],
    ['platfrom engineer', 'devops'],
    ['fastapi dev', 'backend'],
    ['ml eng', 'ml'],
  ])('forgives %s → %s', (query, id) => {
    expect(roleFor(query)).toBe(id);
  });

  it('answers data scientist honestly, with the closest kits', () => {
    const answer = answerRoleQuery(knowledge, 'data scientist');
    expect(answer.kind).toBe('other-role');
    if (answer.kind !== 'other-role') return;
    expect(answer.other.note).toMatch(/not an ML engineer/i);
    expect(answer.closest.map((r) => r.id)).toEqual(['ml', 'data']);
  });

  it('shows the picker for empty text and help, and no kit for gibberish', () => {
    expect(answerRoleQuery(knowledge, '').kind).toBe('picker');
    expect(answerRoleQuery(knowledge, 'help').kind).toBe('picker');
    expect(['no-match', 'suggestions']).toContain(answerRoleQuery(knowledge, 'qwxzy plumbing').kind);
  });

  it('answers the labeled /pyrole set at 95% or better, never showing a kit where none is expected', () => {
    const { queries } = parse(
      readFileSync(new URL('../fixtures/eval/pyrole.yaml', import.meta.url), 'utf8'),
    ) as {
      queries: LabeledQuery[];
    };
    const score = scoreQueries(queries, roleFor);
    expect(score.misses.filter((m) => m.includes('expected none'))).toEqual([]);
    expect(score.correct / score.total).toBeGreaterThanOrEqual(0.95);
  });
});

describe('role comparison', () => {
  it.each([
    ['compare backend data', ['backend', 'data']],
    ['compare data engineer vs ML engineer', ['data', 'ml']],
    ['compare sre, web', ['devops', 'backend']],
    ['compare machine learning devops', ['ml', 'devops']],
    ['compare django developer and data eng', ['backend', 'data']],
  ])('%s', (query, ids) => {
    const answer = answerRoleQuery(knowledge, query);
    expect(answer.kind).toBe('compare');
    if (answer.kind !== 'compare') return;
    expect([answer.compare.left.id, answer.compare.right.id]).toEqual(ids);
    expect(answer.compare.comparison?.transfers.length).toBeGreaterThan(0);
    expect(answer.compare.comparison?.whyNotBoth).toBeTruthy();
  });

  it('asks for two roles when it cannot read them', () => {
    expect(answerRoleQuery(knowledge, 'compare backend').kind).toBe('compare-help');
    expect(answerRoleQuery(knowledge, 'compare data data').kind).toBe('compare-help');
    expect(answerRoleQuery(knowledge, 'compare').kind).toBe('compare-help');
  });

  it('has a written comparison for every pair of roles', () => {
    const ids = knowledge.roles.map((r) => r.id);
    for (const a of ids)
      for (const b of ids)
        if (a < b) expect(answerRoleQuery(knowledge, `compare ${a} ${b}`).kind).toBe('compare');
    expect(knowledge.roleComparisons.length).toBe((ids.length * (ids.length - 1)) / 2);
  });
});
