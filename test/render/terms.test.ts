/** Term rendering: every answer within Block Kit limits, user text escaped, the term:<id> contract kept. */
import { describe, expect, it } from 'vitest';
import {
  answerMention,
  answerTermQuery,
  findRolePointer,
  findTermCard,
  type RolePointer,
  termHelp,
} from '../../src/knowledge/index.ts';
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

  it('renders the full term index within the limits: all 256 terms of the 8 categories, none cut', () => {
    const help = termHelp(knowledge);
    expect(help.groups.length).toBe(8);
    expect(help.groups.reduce((n, g) => n + g.terms.length, 0)).toBeGreaterThanOrEqual(256);
    const message = renderTermAnswer(help);
    expect(blockKitViolations(message)).toEqual([]);
    const json = JSON.stringify(message);
    expect(json).not.toContain('more: ask for one');
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

type Rendered = ReturnType<typeof renderTermAnswer>;
const buttonIds = (message: Rendered) =>
  message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => e.action_id ?? '') : []));
const blockIds = (message: Rendered) => message.blocks.map((b) => b.block_id ?? '').filter(Boolean);

describe('role and job-title answers', () => {
  it('data engineering: a role card pointing to /pyrole data, with a button that opens the kit', () => {
    const message = renderTermAnswer(answerTermQuery(knowledge, 'data engineering'));
    expect(blockKitViolations(message)).toEqual([]);
    expect(termBlockIds(message)).toEqual([]);
    expect(blockIds(message)).toContain('role-card:data');
    expect(JSON.stringify(message)).toContain('*Interview kit:* `/pyrole data`');
    expect(buttonIds(message)[0]).toBe('open_role:data');
    expect(message.text).toContain('/pyrole data');
  });

  it('full stack: a role without a kit names the closest kits, each with a button', () => {
    const message = renderTermAnswer(answerTermQuery(knowledge, 'full stack'));
    expect(blockKitViolations(message)).toEqual([]);
    expect(blockIds(message)).toContain('other-role:full-stack-developer');
    expect(JSON.stringify(message)).toContain('Closest kits: `/pyrole backend`');
    expect(buttonIds(message)).toEqual(['open_role:backend']);
  });

  it('data scientist: the data science card, which also points to the closest kits', () => {
    const message = renderTermAnswer(answerTermQuery(knowledge, 'data scientist'));
    expect(blockKitViolations(message)).toEqual([]);
    expect(termBlockIds(message)).toEqual(['term:data-science']);
    expect(JSON.stringify(message)).toContain('Closest kits: `/pyrole ml`, `/pyrole data`');
    expect(buttonIds(message).slice(0, 3)).toEqual(['share', 'open_role:ml', 'open_role:data']);
  });

  it('a card for a term that names no role carries no kit buttons', () => {
    const message = renderTermAnswer(answerTermQuery(knowledge, 'dbt'));
    expect(buttonIds(message).filter((id) => id.startsWith('open_role:'))).toEqual([]);
  });

  it('renders every role and role without a kit within the limits, escaping the query', () => {
    for (const role of [...knowledge.roles, ...knowledge.otherRoles]) {
      const pointer = findRolePointer(knowledge, role.id) as RolePointer;
      expect(pointer, role.id).toBeDefined();
      const message = renderTermAnswer({ kind: 'role', query: HOSTILE, role: pointer });
      expect(blockKitViolations(message), role.id).toEqual([]);
      expect(termBlockIds(message)).toEqual([]);
      expect(JSON.stringify(message)).not.toMatch(/<[!@#]|<https?:/);
      const card = findTermCard(knowledge, 'data-science');
      if (!card) throw new Error('data-science');
      const withKit = renderTermAnswer({ kind: 'term', card, role: pointer });
      expect(blockKitViolations(withKit), role.id).toEqual([]);
      expect(termBlockIds(withKit)).toEqual(['term:data-science']);
    }
  });
});

describe('mention replies at their largest', () => {
  it('three answers and every finding still fit, each finding once with its warning:<id> block', () => {
    const answer = answerMention(
      knowledge,
      "what is dbt? what's a data warehouse? what should I ask a data engineer? Requirements: one Python developer for our Django API and also the PyTorch models.",
    );
    expect(answer.parts.length).toBe(3);
    // Every finding at once, each quoting a long line, as a long pasted job description can give.
    const line = `${'A long line of a pasted job description that goes on and on, '.repeat(3)}<!here> & more`;
    const message = renderMentionAnswer({
      ...answer,
      findings: knowledge.mistakes.map((mistake) => ({
        id: mistake.id,
        mistake,
        triggers: [line, 'backend + ml'],
        roles: [...knowledge.roles],
      })),
    });
    expect(blockKitViolations(message)).toEqual([]);
    const warnings = message.blocks.map((b) => b.block_id ?? '').filter((id) => id.startsWith('warning:'));
    expect(warnings).toEqual(knowledge.mistakes.map((m) => `warning:${m.id}`));
    expect(JSON.stringify(message)).not.toContain('<!here>');
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
      notEnglish: 0,
    });
    expect(blockKitViolations(message)).toEqual([]);
  });
});
