/** The document check: kinds, role focus, must-haves and resume flags, on invented documents and on the labeled sets. */
import { describe, expect, it } from 'vitest';
import { documentSets, scoreDocuments } from '../../scripts/document-data.ts';
import { checkDocument, DOCUMENT_KINDS } from '../../src/knowledge/index.ts';
import { GREEN_FLAG_IDS, YELLOW_FLAG_IDS } from '../../src/knowledge/schema.ts';
import { renderDocumentCheck } from '../../src/render/documents.ts';
import { realKnowledge } from '../support/test-app.ts';

const knowledge = realKnowledge();

/**
 * The per-item bar (the issue's: 90% precision, 85% recall), applied to every item: each kind, role focus, flag and
 * missing must-have has at least MIN_SUPPORT labeled positives across all writers, so none is too thin to judge.
 */
const BAR = { precision: 0.9, recall: 0.85 };
const MIN_SUPPORT = 8;

const JD = `Senior Data Engineer — Lumen Freight — London (hybrid) — £85-100k

About us
We move groceries for 400 independent shops.

What you'll do
- Build and own our ETL pipelines from the warehouse systems into Snowflake
- Write a lot of SQL and model the data with dbt
- Keep the nightly loads healthy and fast

Requirements
- 4+ years as a data engineer
- Strong SQL

Nice to have: Django, Kubernetes`;

const RESUME = `Amara Okafor
amara.okafor@example.com · github.com/amarao

EXPERIENCE
Backend Engineer — Tillpoint — 2020 – present
- Built REST APIs in Django and FastAPI serving 2M requests a day
- Wrote pytest suites and added type hints checked with mypy

EDUCATION
BSc Computer Science, University of Leeds, 2019

SKILLS
Python 3.12, Django, FastAPI, PostgreSQL, pytest, Docker`;

describe('checkDocument on invented documents', () => {
  it('reads a data engineering posting: its role, the lines that show it, and the must-haves it never mentions', () => {
    const check = checkDocument(knowledge, JD);
    expect(check.kind).toBe('jd');
    expect(check.roles.map((r) => r.role.id)).toEqual(['data']);
    expect(check.roles[0]?.lines[0]).toContain('Senior Data Engineer');
    // Pandas and orchestration are never mentioned; SQL, ETL and Snowflake are.
    expect(check.missing.map((m) => m.skill.id).sort()).toEqual(['orchestration', 'pandas']);
    expect(check.covered.find((c) => c.skill.id === 'sql-mastery')?.line).toContain('SQL');
    // Django in "Nice to have" is no duty: no backend role, no conflation.
    expect(check.findings.map((f) => f.id)).not.toContain('conflating-roles');
    expect(check.flags).toEqual([]);
  });

  it('says a posting in another language is not read, rather than giving it an empty check', () => {
    const german = `Python-Entwickler (m/w/d) für unser Lieferantenportal

Deine Aufgaben:
- Du entwickelst die REST-APIs des Portals mit Django und bist für die Datenpipelines in Airflow verantwortlich
- Du betreust auch die Kubernetes-Cluster und die Terraform-Module, die wir für das Portal nutzen

Das bringst du mit:
- Mindestens 5 Jahre Erfahrung mit Python und ein Studium der Informatik oder eine vergleichbare Ausbildung`;
    const check = checkDocument(knowledge, german);
    expect(check).toMatchObject({ kind: 'message', notEnglish: true, roles: [], findings: [] });
    const card = JSON.stringify(renderDocumentCheck(check));
    expect(card).toContain('reads as another language than English');
    expect(card).not.toContain('spotted none');
    // The same posting in English is read.
    expect(checkDocument(knowledge, JD).notEnglish).toBeUndefined();
  });

  it('reads a resume: its archetype and each cheat-sheet flag with the line that shows it', () => {
    const check = checkDocument(knowledge, RESUME, { hiringFor: 'backend' });
    expect(check.kind).toBe('resume');
    expect(check.roles.map((r) => r.role.id)).toEqual(['backend']);
    const flags = Object.fromEntries(check.flags.map((f) => [f.flag.id, f.line]));
    expect(Object.keys(flags).sort()).toEqual(
      ['domain-match', 'production-scale', 'specific-frameworks', 'testing', 'type-hints'].sort(),
    );
    expect(flags['production-scale']).toContain('2M requests a day');
    expect(flags['type-hints']).toContain('mypy');
    expect(check.findings).toEqual([]);
    expect(check.questions.length).toBeGreaterThan(0);
  });

  it('raises yellow flags on a generic, course-only resume for a backend role, and asks about them', () => {
    const check = checkDocument(
      knowledge,
      `Sam Reilly
sam.reilly@example.com

Summary
Strong Python skills, fast learner, looking for my first developer job.

Projects
- Number guessing game and a to-do app, following an online course
- Completed an Intro to Python bootcamp (certificate)

Work history
Warehouse operative — Brennan Distribution — 2021 – present`,
      { hiringFor: 'backend' },
    );
    expect(check.kind).toBe('resume');
    const ids = check.flags.map((f) => f.flag.id);
    expect(ids).toEqual(expect.arrayContaining(['generic-python', 'tutorial-only', 'no-web-framework']));
    expect(ids).not.toContain('domain-match');
    expect(check.flags.every((f) => f.tone === 'yellow')).toBe(true);
    const asks = knowledge.cheatSheet.yellowFlags.filter((f) => ids.includes(f.id)).map((f) => f.ask);
    expect(check.questions).toEqual(expect.arrayContaining([asks[0]]));
  });

  it('reads Python 2 without Python 3 as a yellow flag, and Python 2 with recent Python 3 as none', () => {
    const base = `Jo Park\njo@example.com\nEXPERIENCE\nSysadmin — Acme — 2010 – present\n`;
    const old = checkDocument(knowledge, `${base}- Maintain Python 2.7 scripts with paramiko`);
    expect(old.flags.map((f) => f.flag.id)).toContain('python-2-only');
    const both = checkDocument(
      knowledge,
      `${base}- Migrated our Python 2.7 scripts to Python 3.11 with type hints`,
    );
    expect(both.flags.map((f) => f.flag.id)).not.toContain('python-2-only');
  });

  it('reads a chat message about a candidate as a hiring message, with the review findings', () => {
    const check = checkDocument(
      knowledge,
      "Hi Ruth, quick one: she aced the LeetCode round, so let's skip the system design interview and make an offer. Thoughts?",
    );
    expect(check.kind).toBe('message');
    expect(check.roles).toEqual([]);
    expect(check.findings.map((f) => f.id)).toContain('overweighting-algorithms');
  });

  it('reads a posting that asks one person for three jobs as several roles, with the conflation finding', () => {
    const check = checkDocument(
      knowledge,
      `Founding Engineer — Tallow — £90k

You'll do three jobs:
- Backend: build our Django REST API and the PostgreSQL schema behind it
- Data: build the Airflow pipelines into BigQuery and write the SQL models in dbt
- ML: train and serve the PyTorch ranking models

Apply with your CV.`,
    );
    expect(check.kind).toBe('jd');
    expect(check.roles.map((r) => r.role.id).sort()).toEqual(['backend', 'data', 'ml']);
    expect(check.findings.map((f) => f.id)).toContain('conflating-roles');
  });

  it('reads "REST" as the API style only when written so: "30 days paid rest" covers no must-have', () => {
    const posting = (perk: string) => `Backend Developer (Python) — Lisbon

What you will do:
- Build features in our Django application, with pytest tests
- Review code in GitHub; our PostgreSQL database is yours too

${perk}`;
    const missing = (text: string) => checkDocument(knowledge, text).missing.map((m) => m.skill.id);
    expect(missing(posting('Benefits: 30 days paid rest, the rest is up to you.'))).toEqual(['rest-api']);
    expect(missing(posting('Nice to have: REST design experience.'))).toEqual([]);
  });
});

describe('the labeled documents', () => {
  const sets = [...documentSets('design'), ...documentSets('held-out')];
  const documents = sets.flatMap((s) => s.documents);

  it('has 80+ job descriptions and 80+ resumes from 5+ blind writers, every label a known id', () => {
    expect(sets.length).toBeGreaterThanOrEqual(5);
    expect(documents.filter((d) => d.kind === 'jd').length).toBeGreaterThanOrEqual(80);
    expect(documents.filter((d) => d.kind === 'resume').length).toBeGreaterThanOrEqual(80);
    const mustHaves = new Set(knowledge.roles.flatMap((r) => r.mustHaves.skills.map((s) => s.id)));
    const flags = new Set<string>([...GREEN_FLAG_IDS, ...YELLOW_FLAG_IDS]);
    for (const d of documents) {
      expect(DOCUMENT_KINDS, d.id).toContain(d.kind);
      for (const r of d.roles) expect(knowledge.roleById.has(r), `${d.id}: role ${r}`).toBe(true);
      for (const m of d.missing) expect(mustHaves.has(m), `${d.id}: must-have ${m}`).toBe(true);
      for (const f of d.flags) expect(flags.has(f), `${d.id}: flag ${f}`).toBe(true);
    }
  });

  it(`meets ${BAR.precision * 100}% precision and ${BAR.recall * 100}% recall on every item, each with ${MIN_SUPPORT}+ examples`, () => {
    const score = scoreDocuments(knowledge, documents);
    const items = new Set(score.items.map((i) => i.item));
    const expected = [
      ...DOCUMENT_KINDS.map((k) => `kind:${k}`),
      ...knowledge.roles.map((r) => `role-focus:${r.id}`),
      ...[...GREEN_FLAG_IDS, ...YELLOW_FLAG_IDS].map((f) => `flag:${f}`),
      ...knowledge.roles.flatMap((r) => r.mustHaves.skills.map((s) => `missing:${s.id}`)),
    ];
    for (const item of expected) expect(items, `no labeled example of ${item}`).toContain(item);
    const thin = score.items.filter((i) => i.tp + i.fn < MIN_SUPPORT).map((i) => i.item);
    expect(thin).toEqual([]);
    const below = score.items
      .filter((i) => i.precision < BAR.precision || i.recall < BAR.recall)
      .map((i) => `${i.item}: P ${i.precision.toFixed(2)} R ${i.recall.toFixed(2)}`);
    expect(below, score.errors.join('\n')).toEqual([]);
  });
});
