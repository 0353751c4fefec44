/**
 * The language layer: which language a text is in (the review reads English only), and how it lets go of wink-nlp's
 * documents once read.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { answerMention, answerThreadReview, loadKnowledge } from '../../src/knowledge/index.ts';
import { nlp, readsAsEnglish, readText } from '../../src/knowledge/language.ts';
import { notEnglishNote, renderMentionAnswer } from '../../src/render/mentions.ts';

const knowledge = loadKnowledge(new URL('../../knowledge/', import.meta.url).pathname);

describe('readsAsEnglish', () => {
  it('reads English, terse shorthand and a bare list of tools as English', () => {
    expect(
      readsAsEnglish('We need a Python developer who can build our Django REST API and train the models.'),
    ).toBe(true);
    expect(
      readsAsEnglish('new rule from HM: hackerrank ≥85 → auto onsite. <85 auto reject, no re-take'),
    ).toBe(true);
    expect(readsAsEnglish('Django, FastAPI, Airflow, dbt')).toBe(true);
    expect(readsAsEnglish('')).toBe(true);
    // A German word or two in an English message ("Betriebsrat", "die Stelle") leaves it English.
    expect(
      readsAsEnglish('The Betriebsrat signed off on die Stelle, so we can post the data engineer req.'),
    ).toBe(true);
  });

  it('reads German, French, Spanish and Dutch messages as other languages', () => {
    expect(
      readsAsEnglish(
        'Der Kandidat ist für die Backend-Rolle nicht geeignet, aber wir haben noch eine Stelle.',
      ),
    ).toBe(false);
    expect(
      readsAsEnglish(
        "Pour le poste d'analyste, je vois que le SQL est dans les critères, et nous avons une liste.",
      ),
    ).toBe(false);
    expect(
      readsAsEnglish('El candidato tiene diez años de Python, pero no conoce Django para el puesto.'),
    ).toBe(false);
    expect(
      readsAsEnglish(
        'We zoeken een data engineer voor het team, met ervaring in Airflow en dbt op de schaal van',
      ),
    ).toBe(false);
  });

  it('is told in a mention and a thread review, not given an all-clear', () => {
    const german = 'Wir brauchen einen Entwickler, der die Django API baut und auch die Modelle trainiert.';
    const single = answerMention(knowledge, german);
    expect(single).toMatchObject({ findings: [], reviewed: 1, notEnglish: 1 });
    expect(notEnglishNote(single)).toMatch(/^This message reads as another language than English/);
    const thread = answerThreadReview(knowledge, [
      german,
      'For the data engineer loop we skip the SQL round, anyone picks SQL up in a week.',
    ]);
    expect(thread.notEnglish).toBe(1);
    expect(thread.findings.map((f) => f.id)).toContain('undervaluing-sql');
    expect(notEnglishNote(thread)).toMatch(/^1 of the 2 earlier messages read as another language/);
    expect(notEnglishNote(answerMention(knowledge, 'what is dbt?'))).toBeUndefined();
  });

  it('keeps the note beside term answers, and counts only the messages it read', () => {
    const question = answerMention(
      knowledge,
      'what is dbt? wir brauchen das für die Stelle, und die Daten sind bei uns in der Cloud',
    );
    expect(question.parts.map((p) => p.kind)).toEqual(['term']);
    expect(JSON.stringify(renderMentionAnswer(question))).toContain('another language than English');
    const thread = answerThreadReview(knowledge, [
      'Wir brauchen einen Entwickler, der die Django API baut und auch die Modelle trainiert.',
      'We are hiring a backend developer and, separately, a data engineer next quarter.',
    ]);
    const reply = JSON.stringify(renderMentionAnswer(thread));
    expect(reply).toContain('I read the one earlier message in English in this thread and spotted none');
    expect(reply).toContain('1 of the 2 earlier messages read as another language');
  });

  it('reads names, places and acronyms as no language ("Jan de Vries", "Le Wagon", "LA, DE")', () => {
    expect(
      readsAsEnglish('Shortlist for the backend role: Pieter van der Berg, Jan de Vries, Sanne van Dijk'),
    ).toBe(true);
    expect(
      readsAsEnglish('Interview panel: Anne-Marie Du Pont, Jean Le Roux, Luc De Smet. Feedback due EOD ET.'),
    ).toBe(true);
    expect(readsAsEnglish('Hiring in LA, AU and DE. Interviews 9-11 ET / EST.')).toBe(true);
    expect(readsAsEnglish('candidates from Le Wagon and MIT, both know Django')).toBe(true);
    // Another script is another language, whatever Latin names stand in it.
    expect(readsAsEnglish('件名: コーディングテストの変更について、HackerRankをやめます')).toBe(false);
  });
});

describe("wink-nlp's document data", () => {
  // The wrapped document builder, as language.ts leaves it in Node's module cache (see `wrapDocumentBuilder` there).
  const require = createRequire(import.meta.url);
  const TEXT = "She doesn't know SQL.\nNo need for a Django round, it's all Python.";
  const builder = () =>
    require.cache[require.resolve('wink-nlp/src/doc-v2.js')]?.exports as { last?: { tokens: number[] } };

  it('is caught as wink-nlp builds each document, so the review can empty it', () => {
    expect(builder()).toBeTypeOf('function');
    nlp().readDoc('We need SQL for this role.');
    expect(builder().last?.tokens.length).toBeGreaterThan(0);
  });

  it('is emptied once read, and the next reading is the same', () => {
    const first = readText(TEXT);
    expect(builder().last).toBeUndefined();
    const again = readText(TEXT);
    expect(again.sentences.map((s) => [s.text, s.tokens])).toEqual(
      first.sentences.map((s) => [s.text, s.tokens]),
    );
    expect(first.sentences[0]?.tokens.find((t) => t.lower === 'sql')?.negated).toBe(true);
  });

  it('is left alone where wink-nlp loaded first: nothing is wrapped, and readings are the same', () => {
    // A fresh process, where wink-nlp is required before the language layer loads (so the wrap could never be called).
    const language = new URL('../../src/knowledge/language.ts', import.meta.url).href;
    const script = `
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      require('wink-nlp');
      const { readText } = await import(${JSON.stringify(language)});
      const builder = require.cache[require.resolve('wink-nlp/src/doc-v2.js')].exports;
      const reading = readText(${JSON.stringify(TEXT)});
      console.log(JSON.stringify({
        wrapped: Object.getOwnPropertySymbols(builder).length > 0,
        sentences: reading.sentences.map((s) => [s.text, s.tokens]),
      }));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('../../', import.meta.url)),
      encoding: 'utf8',
    });
    expect(JSON.parse(out.trim().split('\n').at(-1) ?? '')).toEqual({
      wrapped: false,
      sentences: readText(TEXT).sentences.map((s) => [s.text, s.tokens]),
    });
  });
});
