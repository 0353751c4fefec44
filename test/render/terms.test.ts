/** Term rendering: every answer within Block Kit limits, user text escaped, the term:<id> contract kept. */
import { describe, expect, it } from 'vitest';
import { answerMention, answerTermQuery, findTermCard, termHelp } from '../../src/knowledge/index.ts';
import { decodeSlackText, escapeMrkdwn, quoteUserText, truncate } from '../../src/render/escape.ts';
import { renderMentionAnswer } from '../../src/render/mentions.ts';
import { renderTermAnswer } from '../../src/render/terms.ts';
import { blockKitViolations } from '../support/block-kit.ts';
import { realKnowledge } from '../support/test-app.ts';

const knowledge = realKnowledge();
const termBlockIds = (message: { blocks: { block_id?: string }[] }) =>
  message.blocks.map((b) => b.block_id).filter((id) => id?.startsWith('term:'));
const HOSTILE = '<!channel> <@U123ABC> <#C999|general> <https://evil.example|click me> & <!subteam^S1>';

describe('escaping', () => {
  it('escapes the three mrkdwn control characters', () => {
    expect(escapeMrkdwn('<!here> & <b>')).toBe('&lt;!here&gt; &amp; &lt;b&gt;');
  });
  it("undoes Slack's own escaping of incoming text", () => {
    expect(decodeSlackText('R&amp;D &lt;3 &gt;')).toBe('R&D <3 >');
  });
  it('cuts long text with an ellipsis within the limit', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('abc', 4)).toBe('abc');
  });
  it('quotes user text on one line, bounded, without control or bidi characters', () => {
    const quoted = quoteUserText(`a\u202Eb\u0007c\n${'x'.repeat(500)}`, 20);
    expect(quoted.length).toBeLessThanOrEqual(20);
    for (const bad of ['\u202E', '\u0007', '\n']) expect(quoted).not.toContain(bad);
  });
});

describe('term answers', () => {
  it('renders every term card within the limits, with exactly one term:<id> block', () => {
    for (const term of knowledge.terms) {
      const card = findTermCard(knowledge, term.id);
      if (!card) throw new Error(term.id);
      for (const options of [{ shareable: true }, { shareable: false, sharedBy: 'U0RECRUIT' }]) {
        const message = renderTermAnswer({ kind: 'term', card }, options);
        expect(blockKitViolations(message), term.id).toEqual([]);
        expect(termBlockIds(message)).toEqual([`term:${term.id}`]);
      }
    }
  });

  it('renders the full term index within the limits', () => {
    const message = renderTermAnswer(termHelp(knowledge));
    expect(blockKitViolations(message)).toEqual([]);
    const json = JSON.stringify(message);
    for (const term of knowledge.terms) expect(json).toContain(escapeMrkdwn(term.name).replace(/"/g, '\\"'));
  });

  it.each([HOSTILE, HOSTILE.repeat(1000), `${'é'.repeat(39_000)}<!everyone>`])(
    'keeps a miss or suggestion within limits and escapes what the user typed',
    (query) => {
      for (const answer of [
        { kind: 'no-match' as const, query },
        { kind: 'suggestions' as const, query, terms: knowledge.terms.slice(0, 3) },
        answerTermQuery(knowledge, query),
      ]) {
        const message = renderTermAnswer(answer);
        expect(blockKitViolations(message)).toEqual([]);
        expect(termBlockIds(message)).toEqual([]);
        const json = JSON.stringify(message);
        expect(json).not.toMatch(/<[!@#]|<https?:/);
      }
    },
  );

  it('renders a mention asking about three terms within the limits, each card once', () => {
    const answer = answerMention(
      knowledge,
      '<@UBOT00001> what is dbt? and what is FastAPI? also, what is a data warehouse?',
    );
    const message = renderMentionAnswer(answer);
    expect(blockKitViolations(message)).toEqual([]);
    expect(termBlockIds(message)).toEqual(['term:dbt', 'term:fastapi', 'term:data-warehouse']);
  });
});

describe('mention replies at their largest', () => {
  it('three answers and five findings still fit, each finding once with its warning:<id> block', () => {
    const answer = answerMention(
      knowledge,
      "what is dbt? what's a data warehouse? what should I ask a data engineer? Requirements: one Python developer for our Django API and also the PyTorch models, 8 years of Python 2.7, screened with LeetCode hards only. She knows Flask but we're on Django, so pass. For the data engineer loop skip the SQL part. Python experience required.",
    );
    expect(answer.parts.length).toBe(3);
    const message = renderMentionAnswer(answer);
    expect(blockKitViolations(message)).toEqual([]);
    const warnings = message.blocks.map((b) => b.block_id ?? '').filter((id) => id.startsWith('warning:'));
    // generic-python stays quiet: the message names frameworks and roles.
    expect(warnings).toEqual([
      'warning:conflating-roles',
      'warning:overweighting-algorithms',
      'warning:ignoring-ecosystem-fit',
      'warning:undervaluing-sql',
      'warning:python-2-only',
    ]);
  });
});

describe('the total-text guard', () => {
  it('keeps a message of many maximum-length sections under the ~12,000-character cap', () => {
    const long = 'x'.repeat(2990);
    const message = renderMentionAnswer({
      parts: [],
      findings: knowledge.mistakes.map((mistake) => ({
        id: mistake.id,
        mistake: { ...mistake, summary: long, fix: long },
        triggers: [long, long],
        roles: [...knowledge.roles],
      })),
      scope: 'message',
      reviewed: 1,
    });
    expect(blockKitViolations(message)).toEqual([]);
  });
});
