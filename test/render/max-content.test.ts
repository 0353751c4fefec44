/** Every renderer at the largest content the schema allows: still within Block Kit limits. */
import { describe, expect, it } from 'vitest';
import type {
  Category,
  Mistake,
  OtherRole,
  Role,
  RoleKit,
  Term,
  TermCard,
} from '../../src/knowledge/index.ts';
import { renderDocumentCheck } from '../../src/render/documents.ts';
import { renderMentionAnswer } from '../../src/render/mentions.ts';
import { renderComparison, renderRoleAnswer, renderRoleQuestions } from '../../src/render/roles.ts';
import { renderTermAnswer } from '../../src/render/terms.ts';
import { homeView, modalView } from '../../src/render/views.ts';
import { blockKitViolations } from '../support/block-kit.ts';

/** Text of exactly `n` characters, full of what escaping expands (& → &amp;) and markup characters. */
const text = (n: number) => '&<>* Long & <tricky> text '.repeat(Math.ceil(n / 26)).slice(0, n);
const many = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

const category: Category = { id: 'c', label: text(60), description: text(200) };
const term = (i: number): Term => ({
  id: `t-${i}`,
  name: `${text(55)}${i}`.slice(0, 60),
  aliases: many(20, (a) => text(60).slice(0, 58) + a),
  category: 'c',
  definition: text(600),
  whyItMatters: text(600),
  roles: many(8, (r) => `r-${r}`),
  supports: many(8, (r) => `r-${r}`),
  ask: text(400),
  related: many(8, (r) => `t-${r}`),
});
const role = (i: number): Role => ({
  id: `r-${i}`,
  name: `${text(58)}${i}`.slice(0, 60),
  aliases: many(30, (a) => text(58) + a),
  summary: text(300),
  builds: many(8, () => text(100)),
  tools: many(8, (t) => `t-${t}`),
  examples: many(6, () => ({ company: text(60), detail: text(120) })),
  mustHaves: {
    source: 'extension',
    skills: many(10, (i) => ({ id: `skill-${i}`, skill: text(200), covers: many(40, () => text(60)) })),
  },
  interview: {
    source: 'extension',
    questions: many(6, () => ({
      question: text(300),
      source: 'extension' as const,
      listenFor: many(5, () => text(300)),
      redFlags: many(4, () => text(300)),
    })),
  },
  warnings: many(6, (w) => ({ mistake: `m-${w}`, note: text(400) })),
});
const mistake = (i: number): Mistake => ({
  id: `m-${i}`,
  title: text(100),
  source: 'common-mistakes',
  summary: text(600),
  fix: text(400),
  roles: many(8, (r) => `r-${r}`),
});
const card: TermCard = { term: term(0), category, roles: many(8, role), related: many(8, term) };
const kit: RoleKit = {
  role: role(0),
  tools: many(8, term),
  warnings: many(6, (w) => ({ mistake: mistake(w), note: text(400) })),
  pythonVersions: {
    versions: many(5, (v) => ({
      id: `v${v}`,
      label: text(60),
      status: text(60),
      points: many(6, () => text(200)),
      terms: [],
    })),
    interviewQuestion: text(300),
  },
  typing: {
    summary: text(400),
    example: text(400),
    whyItMatters: many(8, () => text(200)),
    evaluationTip: text(400),
  },
};

describe('document checks at maximum content', () => {
  const flag = (id: string) => ({
    id: id as 'testing',
    flag: text(200),
    why: text(300),
    ask: text(300),
    terms: [],
    unless: [],
    names: [],
    unlessNames: [],
  });
  const finding = (i: number) => ({
    id: `m-${i}`,
    mistake: mistake(i),
    triggers: many(4, () => text(500)),
    roles: many(4, role),
  });
  const roles = many(8, (i) => ({ role: role(i), lines: many(2, () => text(160)) }));
  const base = {
    covered: [],
    flags: [],
    findings: many(10, finding),
    questions: [],
    hiringFor: role(0),
    truncated: true,
  };

  it('a job description asking for eight roles, every must-have missing, every finding: within the limits', () => {
    const missing = roles.flatMap(({ role }) =>
      role.mustHaves.skills.map((skill) => ({ role, skill, line: undefined })),
    );
    const reply = renderDocumentCheck(
      { ...base, kind: 'jd', roles, missing },
      { source: text(300), notes: many(3, () => text(200)), shareValue: text(3000) },
    );
    expect(blockKitViolations(reply)).toEqual([]);
    expect(blockKitViolations(modalView(reply), 'view')).toEqual([]);
  });

  it('a resume with every flag, long quotes and questions: within the limits', () => {
    const flags = many(
      9,
      (i) => ({ flag: flag(`f-${i}`), tone: i < 5 ? 'green' : 'yellow', line: text(160) }) as const,
    );
    const reply = renderDocumentCheck(
      {
        ...base,
        kind: 'resume',
        roles,
        missing: [],
        findings: [],
        flags: [...flags],
        questions: many(3, () => text(300)),
      },
      { sharedBy: '<@U0RECRUIT>' },
    );
    expect(blockKitViolations(reply)).toEqual([]);
  });
});

describe('renderers at maximum content', () => {
  it('term card, suggestions and a 10,000-term index', () => {
    expect(blockKitViolations(renderTermAnswer({ kind: 'term', card }))).toEqual([]);
    expect(
      blockKitViolations(renderTermAnswer({ kind: 'suggestions', query: text(5000), terms: many(3, term) })),
    ).toEqual([]);
    const index = renderTermAnswer({
      kind: 'help',
      groups: many(20, (c) => ({ category: { ...category, id: `c${c}` }, terms: many(500, term) })),
      exampleTerms: many(3, term),
    });
    expect(blockKitViolations(index)).toEqual([]);
    // Every category says how many names it left out.
    const categorySections = index.blocks.filter((b) => b.type === 'section' && b.block_id === undefined);
    expect(categorySections.length).toBe(20);
    for (const block of categorySections) expect(JSON.stringify(block)).toMatch(/and \d+ more: ask for one/);
  });

  it('an index of 256 terms in 8 categories at the longest names: within the limits, every cut counted', () => {
    const groups = many(8, (c) => ({ category: { ...category, id: `c${c}` }, terms: many(32, term) }));
    const index = renderTermAnswer({ kind: 'help', groups, exampleTerms: many(3, term) });
    expect(blockKitViolations(index)).toEqual([]);
    const categorySections = index.blocks.filter((b) => b.type === 'section' && b.block_id === undefined);
    expect(categorySections.length).toBe(8);
    for (const block of categorySections) {
      const shown = JSON.stringify(block).split(' · ').length;
      const more = Number(/and (\d+) more/.exec(JSON.stringify(block))?.[1] ?? 0);
      expect(shown - (more > 0 ? 1 : 0) + more).toBe(32);
    }
  });

  it('an index with one large category: small categories leave it room, so no name is cut', () => {
    const named = (c: number, i: number): Term => ({
      ...term(i),
      id: `c${c}-${i}`,
      name: `Term ${c}-${i} name`,
    });
    const groups = many(8, (c) => ({
      category: { ...category, id: `c${c}`, label: `Category ${c}` },
      terms: many(c === 0 ? 120 : 10, (i) => named(c, i)),
    }));
    const index = renderTermAnswer({ kind: 'help', groups, exampleTerms: [] });
    expect(blockKitViolations(index)).toEqual([]);
    const json = JSON.stringify(index);
    expect(json).not.toContain('more: ask for one');
    for (const group of groups) for (const t of group.terms) expect(json).toContain(`${t.name}`);
  });

  it('role cards: a kit and a role without one at their largest, and a term card pointing to four kits', () => {
    const other: OtherRole = {
      id: 'o',
      name: text(60),
      aliases: [],
      note: text(600),
      closest: many(4, (r) => `r-${r}`),
    };
    for (const pointer of [
      { kind: 'kit' as const, role: role(0), tools: many(8, term) },
      { kind: 'other-role' as const, other, closest: many(4, role) },
    ]) {
      expect(
        blockKitViolations(renderTermAnswer({ kind: 'role', query: text(5000), role: pointer })),
      ).toEqual([]);
      expect(blockKitViolations(renderTermAnswer({ kind: 'term', card, role: pointer }))).toEqual([]);
    }
  });

  it('kit, all questions, comparison, picker and the modal', () => {
    expect(blockKitViolations(renderRoleAnswer({ kind: 'kit', kit }))).toEqual([]);
    expect(
      blockKitViolations(renderRoleAnswer({ kind: 'kit', kit }, { shareable: false, sharedBy: 'U0RECRUIT' })),
    ).toEqual([]);
    expect(blockKitViolations(renderRoleQuestions(kit))).toEqual([]);
    const comparison = {
      transfers: many(5, () => text(200)),
      differs: many(5, () => text(200)),
      whyNotBoth: text(500),
      roles: ['r-0', 'r-1'] as [string, string],
    };
    expect(
      blockKitViolations(
        renderComparison({
          left: role(0),
          right: role(1),
          leftTools: many(8, term),
          rightTools: many(8, term),
          comparison,
          sharedTerms: many(8, term),
        }),
      ),
    ).toEqual([]);
    expect(blockKitViolations(renderRoleAnswer({ kind: 'picker', roles: many(8, role) }))).toEqual([]);
    expect(
      blockKitViolations(renderRoleAnswer({ kind: 'compare-help', query: text(5000), roles: many(8, role) })),
    ).toEqual([]);
    expect(blockKitViolations(modalView(renderRoleQuestions(kit)), 'view')).toEqual([]);
  });

  it('Home tab with every role and mistake the schema allows', () => {
    expect(
      blockKitViolations(homeView({ roles: many(8, role), mistakes: many(10, mistake) }), 'view'),
    ).toEqual([]);
  });

  it('a mention reply with three answers and every finding', () => {
    const message = renderMentionAnswer({
      parts: [
        { kind: 'term', card },
        { kind: 'role', kit },
        { kind: 'term', card: { ...card, term: term(1) } },
      ],
      findings: many(10, (i) => ({
        id: `m-${i}`,
        mistake: mistake(i),
        triggers: many(6, () => text(200)),
        roles: many(8, role),
      })),
      scope: 'message',
      reviewed: 1,
      notEnglish: 0,
    });
    expect(blockKitViolations(message)).toEqual([]);
  });
});
