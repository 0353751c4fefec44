/**
 * The document check's labeled sets and how it is measured on them. Each writer's documents (job descriptions,
 * resumes and messages, written blind) are checked end to end — kind detected, roles read, flags and missing
 * must-haves found — and scored per item: each kind, `role-focus:<id>`, `flag:<id>` and `missing:<id>`.
 * The writers in `documents/` were read while the check was designed; those in `documents-held-out/` were not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { checkDocument, type DocumentKind, type Knowledge } from '../src/knowledge/index.ts';

const EVAL_DIR = new URL('../test/fixtures/eval/', import.meta.url);

/** A labeled document: its kind, roles, the must-haves a JD never mentions and the flags a resume shows. */
export interface LabeledDocument {
  id: string;
  kind: DocumentKind;
  hiringFor?: string;
  roles: string[];
  missing: string[];
  flags: string[];
  text: string;
}

export interface DocumentSet {
  name: string;
  documents: LabeledDocument[];
}

/** The writers read while designing the check (`documents/`), or those held out from it (`documents-held-out/`). */
export function documentSets(which: 'design' | 'held-out'): DocumentSet[] {
  const dir = new URL(which === 'design' ? 'documents/' : 'documents-held-out/', EVAL_DIR);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.yaml$/, ''),
      documents: parse(readFileSync(new URL(f, dir), 'utf8')) as LabeledDocument[],
    }));
}

/** Precision and recall of one item (a kind, a role focus, a flag, a missing must-have). */
export interface ItemScore {
  item: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface DocumentScore {
  documents: number;
  items: ItemScore[];
  errors: string[];
}

/** Checks every document and counts, per item, what was rightly and wrongly said. */
export function scoreDocuments(knowledge: Knowledge, documents: readonly LabeledDocument[]): DocumentScore {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const errors: string[] = [];
  const tally = (item: string, key: 'tp' | 'fp' | 'fn') => {
    const c = counts.get(item) ?? { tp: 0, fp: 0, fn: 0 };
    c[key]++;
    counts.set(item, c);
  };
  for (const doc of documents) {
    const check = checkDocument(knowledge, doc.text, doc.hiringFor ? { hiringFor: doc.hiringFor } : {});
    const expected = new Set([
      `kind:${doc.kind}`,
      ...(doc.kind === 'message' ? [] : doc.roles.map((r) => `role-focus:${r}`)),
      ...(doc.kind === 'jd' ? doc.missing.map((m) => `missing:${m}`) : []),
      ...(doc.kind === 'resume' ? doc.flags.map((f) => `flag:${f}`) : []),
    ]);
    const got = new Set([
      `kind:${check.kind}`,
      ...check.roles.map((r) => `role-focus:${r.role.id}`),
      ...check.missing.map((m) => `missing:${m.skill.id}`),
      ...check.flags.map((f) => `flag:${f.flag.id}`),
    ]);
    // Items that cannot apply to the labeled kind are not scored there (a message's roles are not labeled).
    const scored = (item: string) =>
      item.startsWith('kind:') ||
      (item.startsWith('role-focus:') && doc.kind !== 'message') ||
      (item.startsWith('missing:') && doc.kind === 'jd') ||
      (item.startsWith('flag:') && doc.kind === 'resume');
    for (const item of expected) {
      if (got.has(item)) tally(item, 'tp');
      else {
        tally(item, 'fn');
        errors.push(`${doc.id}: missed ${item}`);
      }
    }
    for (const item of got) {
      if (expected.has(item) || !scored(item)) continue;
      tally(item, 'fp');
      errors.push(`${doc.id}: wrongly ${item}`);
    }
  }
  const items = [...counts.entries()]
    .map(([item, c]) => ({
      item,
      ...c,
      precision: c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp),
      recall: c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn),
    }))
    .sort((a, b) => a.item.localeCompare(b.item));
  return { documents: documents.length, items, errors };
}
