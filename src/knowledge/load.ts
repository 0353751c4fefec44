/** Loads `knowledge/*.yaml`, validates shape and cross-references, and builds the search indexes. */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { prepareDocumentCheck } from './documents.ts';
import { prepareReviewer } from './review.ts';
import {
  CategoriesFileSchema,
  type Category,
  type CheatSheet,
  CheatSheetFileSchema,
  type DocumentCues,
  DocumentsFileSchema,
  GlossaryFileSchema,
  type Mistake,
  MistakesFileSchema,
  type OtherRole,
  OtherRolesFileSchema,
  type PythonVersions,
  PythonVersionsFileSchema,
  type ReviewCues,
  ReviewFileSchema,
  type ReviewModel,
  ReviewModelSchema,
  type Role,
  type RoleComparison,
  RoleComparisonsFileSchema,
  RolesFileSchema,
  type Term,
  type Typing,
  TypingFileSchema,
} from './schema.ts';
import { buildSearchIndex, foldKey, type SearchIndex, similarity } from './search.ts';

/** One thing wrong in one file, at one field path. */
export interface KnowledgeProblem {
  file: string;
  path: string;
  message: string;
}

/** The knowledge base is unreadable or invalid; the message lists file, field path and problem for each. */
export class KnowledgeError extends Error {
  override name = 'KnowledgeError';
  constructor(readonly problems: readonly KnowledgeProblem[]) {
    const lines = problems.map((p) => `${p.file}: ${p.path ? `${p.path}: ` : ''}${p.message}`);
    super(
      `The knowledge base is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  ${lines.join('\n  ')}`,
    );
  }
}

/** The validated content with its lookup indexes, ready to answer questions. */
export interface Knowledge {
  readonly categories: readonly Category[];
  readonly terms: readonly Term[];
  readonly roles: readonly Role[];
  /** Roles people ask for that have no kit (data scientist...), with the closest kits. */
  readonly otherRoles: readonly OtherRole[];
  readonly roleComparisons: readonly RoleComparison[];
  readonly mistakes: readonly Mistake[];
  readonly pythonVersions: PythonVersions;
  readonly typing: Typing;
  readonly cheatSheet: CheatSheet;
  /** How a pasted document's kind is told apart, and the words resume flags read for. */
  readonly documentCues: DocumentCues;
  /** Wording cues for reviewing hiring messages. */
  readonly reviewCues: ReviewCues;
  /** The review's trained weights (review-model.json, made by `npm run train`). */
  readonly reviewModel: ReviewModel;
  readonly termById: ReadonlyMap<string, Term>;
  readonly roleById: ReadonlyMap<string, Role>;
  readonly mistakeById: ReadonlyMap<string, Mistake>;
  readonly categoryById: ReadonlyMap<string, Category>;
  readonly termIndex: SearchIndex<Term>;
  /** Kits and the roles without one, searched together so "data scientist" is recognised. */
  readonly roleIndex: SearchIndex<Role | OtherRole>;
}

const TOPIC_FILES = {
  categories: 'categories.yaml',
  roles: 'roles.yaml',
  otherRoles: 'other-roles.yaml',
  roleComparisons: 'role-comparisons.yaml',
  mistakes: 'mistakes.yaml',
  pythonVersions: 'python-versions.yaml',
  typing: 'typing.yaml',
  cheatSheet: 'cheat-sheet.yaml',
  documents: 'documents.yaml',
  review: 'review.yaml',
  reviewModel: 'review-model.json',
} as const;
const GLOSSARY_DIR = 'glossary';
/** Job-title words people shorten: "fastapi dev", "ml eng". */
const ROLE_ABBREVIATIONS = {
  dev: 'developer',
  devs: 'developer',
  developers: 'developer',
  eng: 'engineer',
  engr: 'engineer',
  engineers: 'engineer',
};

/** Collects problems across files so one run reports all of them. */
class ProblemList {
  readonly items: KnowledgeProblem[] = [];
  add(file: string, path: string, message: string) {
    this.items.push({ file, path, message });
  }
}

/** Options for loading: where to cache parsed YAML, if anywhere. */
export interface LoadOptions {
  /** A folder for parsed-YAML entries keyed by content hash; unset (the default) parses every time. */
  cacheDir?: string;
  /**
   * Entries of the same kind made at build time (`npm run build` writes them beside the compiled code): read,
   * never written. A file changed since the build has no entry there and is parsed as usual.
   */
  preparedDir?: string;
  /** Load without review-model.json (for `npm run train`, which makes it): the review then raises nothing. */
  withoutReviewModel?: boolean;
}

/** Loads and validates the knowledge base in `dir`; throws KnowledgeError naming every problem. */
export function loadKnowledge(dir: string, options: LoadOptions = {}): Knowledge {
  const problems = new ProblemList();
  const display = (file: string) => displayPath(path.join(dir, file));

  let rootEntries: string[] = [];
  try {
    rootEntries = readdirSync(dir);
  } catch (error) {
    throw new KnowledgeError([
      { file: displayPath(dir), path: '', message: `cannot read the folder (${errorCode(error)})` },
    ]);
  }
  const knownFiles = new Set<string>([...Object.values(TOPIC_FILES), GLOSSARY_DIR]);
  for (const entry of rootEntries) {
    if (/\.(?:ya?ml|json)$/i.test(entry) && !knownFiles.has(entry)) {
      problems.add(
        display(entry),
        '',
        `unexpected file: each topic has its own file (${[...knownFiles].join(', ')}); glossary terms go in ${GLOSSARY_DIR}/<category>.yaml`,
      );
    }
  }

  const failedFiles = new Set<string>();
  const read = <S extends z.ZodType>(file: string, schema: S): z.infer<S> | undefined => {
    const data = readYaml(path.join(dir, file), display(file), problems, options);
    const result = data === undefined ? undefined : schema.safeParse(data);
    if (result?.success) return result.data;
    failedFiles.add(file);
    for (const issue of result?.error.issues ?? []) {
      problems.add(display(file), formatPath(issue.path, data), issue.message);
    }
    return undefined;
  };

  const categories = read(TOPIC_FILES.categories, CategoriesFileSchema)?.categories ?? [];
  const roles = read(TOPIC_FILES.roles, RolesFileSchema)?.roles ?? [];
  const otherRoles = read(TOPIC_FILES.otherRoles, OtherRolesFileSchema)?.otherRoles ?? [];
  const roleComparisons = read(TOPIC_FILES.roleComparisons, RoleComparisonsFileSchema)?.comparisons ?? [];
  const mistakes = read(TOPIC_FILES.mistakes, MistakesFileSchema)?.mistakes ?? [];
  const pythonVersions = read(TOPIC_FILES.pythonVersions, PythonVersionsFileSchema);
  const typing = read(TOPIC_FILES.typing, TypingFileSchema);
  const cheatSheet = read(TOPIC_FILES.cheatSheet, CheatSheetFileSchema);
  const documentCues = read(TOPIC_FILES.documents, DocumentsFileSchema);
  const reviewCues = read(TOPIC_FILES.review, ReviewFileSchema);
  const reviewModel = options.withoutReviewModel
    ? { trainedOn: { command: 'none', sets: ['none'], messages: 1 }, findings: {} }
    : read(TOPIC_FILES.reviewModel, ReviewModelSchema);

  let glossaryFiles: string[] = [];
  try {
    glossaryFiles = readdirSync(path.join(dir, GLOSSARY_DIR))
      .filter((f) => /\.ya?ml$/i.test(f))
      .sort();
  } catch (error) {
    problems.add(display(GLOSSARY_DIR), '', `cannot read the glossary folder (${errorCode(error)})`);
  }
  if (glossaryFiles.length === 0) problems.add(display(GLOSSARY_DIR), '', 'no glossary files (*.yaml) found');
  const termFile = new Map<Term, { file: string; index: number }>();
  const terms: Term[] = [];
  for (const file of glossaryFiles) {
    const relative = path.join(GLOSSARY_DIR, file);
    read(relative, GlossaryFileSchema)?.terms.forEach((term, index) => {
      termFile.set(term, { file: display(relative), index });
      terms.push(term);
    });
  }

  const termIds = uniqueIds(
    terms,
    (t) => termFile.get(t)?.file ?? '',
    (t) => `terms[${termFile.get(t)?.index}]`,
    problems,
  );
  const roleIds = uniqueIds(
    roles,
    () => display(TOPIC_FILES.roles),
    (_, i) => `roles[${i}]`,
    problems,
  );
  const mistakeIds = uniqueIds(
    mistakes,
    () => display(TOPIC_FILES.mistakes),
    (_, i) => `mistakes[${i}]`,
    problems,
  );
  const categoryIds = uniqueIds(
    categories,
    () => display(TOPIC_FILES.categories),
    (_, i) => `categories[${i}]`,
    problems,
  );

  // References into a file that failed to load are not checked: its own error says what is wrong.
  const complete = (...files: string[]) => files.every((file) => !failedFiles.has(file));
  const glossaryLoaded = complete(...glossaryFiles.map((file) => path.join(GLOSSARY_DIR, file)));
  const known = {
    term: glossaryLoaded ? termIds : undefined,
    role: complete(TOPIC_FILES.roles) ? roleIds : undefined,
    mistake: complete(TOPIC_FILES.mistakes) ? mistakeIds : undefined,
    category: complete(TOPIC_FILES.categories) ? categoryIds : undefined,
  };
  const check = (file: string, at: string, id: string, kind: keyof typeof known) => {
    const ids = known[kind];
    if (ids && !ids.has(id)) problems.add(file, at, `unknown ${kind} id "${id}"${nearest(id, ids.keys())}`);
  };
  for (const term of terms) {
    const { file, index } = termFile.get(term) ?? { file: '', index: -1 };
    const at = `terms[${index}] (${term.id})`;
    check(file, `${at}.category`, term.category, 'category');
    for (const [i, id] of term.roles.entries()) check(file, `${at}.roles[${i}]`, id, 'role');
    for (const [i, id] of term.supports.entries()) check(file, `${at}.supports[${i}]`, id, 'role');
    for (const [i, id] of term.related.entries()) {
      if (id === term.id) problems.add(file, `${at}.related[${i}]`, 'a term cannot be related to itself');
      else check(file, `${at}.related[${i}]`, id, 'term');
    }
  }
  const rolesFile = display(TOPIC_FILES.roles);
  for (const [r, role] of roles.entries()) {
    const at = `roles[${r}] (${role.id})`;
    for (const [i, id] of role.tools.entries()) check(rolesFile, `${at}.tools[${i}]`, id, 'term');
    for (const [i, w] of role.warnings.entries()) {
      check(rolesFile, `${at}.warnings[${i}].mistake`, w.mistake, 'mistake');
    }
  }
  const reviewFile = display(TOPIC_FILES.review);
  for (const [i, id] of (reviewCues?.signalCategories ?? []).entries()) {
    check(reviewFile, `signalCategories[${i}]`, id, 'category');
  }
  const otherRoleIds = new Set(otherRoles.map((o) => o.id));
  for (const [i, id] of (reviewCues?.distinctOtherRoles ?? []).entries()) {
    if (!otherRoleIds.has(id) && complete(TOPIC_FILES.otherRoles)) {
      problems.add(reviewFile, `distinctOtherRoles[${i}]`, `unknown other-role id "${id}"`);
    }
  }
  for (const id of Object.keys(reviewCues?.anchors ?? {})) check(reviewFile, `anchors.${id}`, id, 'mistake');
  const modelFile = display(TOPIC_FILES.reviewModel);
  for (const id of Object.keys(reviewModel?.findings ?? {})) {
    check(modelFile, `findings.${id}`, id, 'mistake');
  }
  const otherRolesFile = display(TOPIC_FILES.otherRoles);
  for (const [o, other] of otherRoles.entries()) {
    for (const [i, id] of other.closest.entries()) {
      check(otherRolesFile, `otherRoles[${o}] (${other.id}).closest[${i}]`, id, 'role');
    }
  }
  const comparisonsFile = display(TOPIC_FILES.roleComparisons);
  const pairs = new Set<string>();
  for (const [c, comparison] of roleComparisons.entries()) {
    const [a, b] = comparison.roles;
    for (const [i, id] of comparison.roles.entries())
      check(comparisonsFile, `comparisons[${c}].roles[${i}]`, id, 'role');
    const pair = [a, b].sort().join(' + ');
    if (a === b) problems.add(comparisonsFile, `comparisons[${c}].roles`, `compares "${a}" with itself`);
    else if (pairs.has(pair))
      problems.add(comparisonsFile, `comparisons[${c}].roles`, `the pair ${pair} is compared twice`);
    pairs.add(pair);
  }
  for (const [m, mistake] of mistakes.entries()) {
    for (const [i, id] of mistake.roles.entries()) {
      check(display(TOPIC_FILES.mistakes), `mistakes[${m}] (${mistake.id}).roles[${i}]`, id, 'role');
    }
  }
  for (const [v, version] of (pythonVersions?.versions ?? []).entries()) {
    for (const [i, id] of version.terms.entries()) {
      check(display(TOPIC_FILES.pythonVersions), `versions[${v}] (${version.id}).terms[${i}]`, id, 'term');
    }
  }
  // A must-have's id names it in a job-description check's `missing:<id>` block, so one id is one skill.
  const mustHaveIds = new Set<string>();
  for (const [r, role] of roles.entries()) {
    for (const [i, skill] of role.mustHaves.skills.entries()) {
      if (mustHaveIds.has(skill.id))
        problems.add(
          display(TOPIC_FILES.roles),
          `roles[${r}] (${role.id}).mustHaves.skills[${i}].id`,
          `duplicate must-have id "${skill.id}"`,
        );
      mustHaveIds.add(skill.id);
    }
  }
  const flagIds = new Set<string>();
  for (const [i, flag] of [...(cheatSheet?.greenFlags ?? []), ...(cheatSheet?.yellowFlags ?? [])].entries()) {
    if (flagIds.has(flag.id))
      problems.add(display(TOPIC_FILES.cheatSheet), `flags[${i}].id`, `duplicate flag id "${flag.id}"`);
    flagIds.add(flag.id);
    for (const key of ['terms', 'unless'] as const)
      for (const [t, id] of flag[key].entries())
        check(display(TOPIC_FILES.cheatSheet), `${flag.id}.${key}[${t}]`, id, 'term');
  }
  for (const [r, row] of (cheatSheet?.termsToKnow ?? []).entries()) {
    for (const [i, id] of row.terms.entries()) {
      check(display(TOPIC_FILES.cheatSheet), `termsToKnow[${r}].terms[${i}]`, id, 'term');
    }
  }

  checkKeyClashes(
    terms,
    (t) => [t.id, t.name, ...t.aliases],
    (t) => {
      const at = termFile.get(t);
      return { file: at?.file ?? '', path: `terms[${at?.index}] (${t.id}).aliases` };
    },
    problems,
  );
  checkKeyClashes<Role | OtherRole>(
    [...roles, ...otherRoles],
    (r) => [r.id, r.name, ...r.aliases],
    (r) =>
      isOtherRole(r)
        ? { file: otherRolesFile, path: `otherRoles[${otherRoles.indexOf(r)}] (${r.id}).aliases` }
        : { file: rolesFile, path: `roles[${roles.indexOf(r)}] (${r.id}).aliases` },
    problems,
  );

  if (
    problems.items.length > 0 ||
    !pythonVersions ||
    !typing ||
    !cheatSheet ||
    !documentCues ||
    !reviewCues ||
    !reviewModel
  ) {
    throw new KnowledgeError(problems.items);
  }
  const knowledge: Knowledge = {
    categories,
    terms,
    roles,
    otherRoles,
    roleComparisons,
    mistakes,
    pythonVersions,
    typing,
    cheatSheet,
    documentCues,
    reviewCues,
    reviewModel,
    termById: new Map(terms.map((t) => [t.id, t])),
    roleById: new Map(roles.map((r) => [r.id, r])),
    mistakeById: new Map(mistakes.map((m) => [m.id, m])),
    categoryById: new Map(categories.map((c) => [c.id, c])),
    termIndex: buildSearchIndex(terms, (t) => [t.id, t.name, ...t.aliases]),
    roleIndex: buildSearchIndex<Role | OtherRole>(
      [...roles, ...otherRoles],
      (r) => [r.id, r.name, ...r.aliases],
      {
        abbreviations: ROLE_ABBREVIATIONS,
      },
    ),
  };
  // Index the review's names, compile the document check's words and load the language model now, so a problem
  // stops start-up instead of every mention, and the first mention or check does not wait for them.
  try {
    prepareReviewer(knowledge);
    prepareDocumentCheck(knowledge);
  } catch (error) {
    throw new KnowledgeError([
      {
        file: display(TOPIC_FILES.review),
        path: '',
        message: `the review cannot read with this vocabulary: ${(error as Error).message}`,
      },
    ]);
  }
  return knowledge;
}

/** Tells a role without a kit from a role with one. */
export function isOtherRole(role: Role | OtherRole): role is OtherRole {
  return 'closest' in role;
}

/**
 * Parsed YAML, cached as JSON by a hash of the file's bytes and the parser's version: the YAML tokenizer is
 * the slowest part of loading a large glossary, and a changed file can never hit a stale entry.
 * Validation always runs on what comes back.
 */
const PARSER = 'yaml@2 prettyErrors uniqueKeys';

function readCached(cacheDir: string, hash: string): unknown {
  try {
    return JSON.parse(readFileSync(path.join(cacheDir, `${hash}.json`), 'utf8'));
  } catch {
    return undefined;
  }
}

function writeCached(cacheDir: string, hash: string, data: unknown): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    const target = path.join(cacheDir, `${hash}.json`);
    const partial = `${target}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(data));
    renameSync(partial, target);
  } catch {
    // An unwritable cache folder simply means parsing every time.
  }
}

function readYaml(
  file: string,
  shown: string,
  problems: ProblemList,
  { cacheDir, preparedDir }: LoadOptions,
): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    problems.add(shown, '', `cannot read the file (${errorCode(error)})`);
    return undefined;
  }
  const hash = createHash('sha256').update(PARSER).update(bytes).digest('hex');
  const cached =
    (cacheDir ? readCached(cacheDir, hash) : undefined) ??
    (preparedDir ? readCached(preparedDir, hash) : undefined);
  if (cached !== undefined && cached !== null) return cached;
  const source = bytes.toString('utf8');
  if (file.endsWith('.json')) return readJson(source, shown, problems);
  const doc = parseDocument(source, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const where = error.linePos?.[0];
      const problem = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      problems.add(shown, where ? `line ${where.line}, column ${where.col}` : '', `YAML syntax: ${problem}`);
    }
    return undefined;
  }
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) {
    problems.add(shown, '', 'the file is empty');
    return undefined;
  }
  if (cacheDir) writeCached(cacheDir, hash, data);
  return data;
}

/** A generated JSON file (the review model): plain JSON.parse, which is far faster than YAML for data. */
function readJson(source: string, shown: string, problems: ProblemList): unknown {
  try {
    return JSON.parse(source) as unknown;
  } catch (error) {
    problems.add(shown, '', `JSON syntax: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** Maps each id to its item, reporting duplicates. */
function uniqueIds<T extends { id: string }>(
  items: readonly T[],
  fileOf: (item: T) => string,
  pathOf: (item: T, index: number) => string,
  problems: ProblemList,
): Map<string, T> {
  const ids = new Map<string, T>();
  items.forEach((item, index) => {
    const first = ids.get(item.id);
    if (first)
      problems.add(
        fileOf(item),
        `${pathOf(item, index)}.id`,
        `duplicate id "${item.id}" (also in ${fileOf(first)})`,
      );
    else ids.set(item.id, item);
  });
  return ids;
}

/** Reports a name or alias that folds to the same key as another item's id, name or alias. */
function checkKeyClashes<T extends { id: string }>(
  items: readonly T[],
  keysOf: (item: T) => string[],
  whereOf: (item: T) => { file: string; path: string },
  problems: ProblemList,
) {
  const owner = new Map<string, T>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const folded = foldKey(key);
      if (folded === '') {
        const where = whereOf(item);
        problems.add(where.file, where.path, `"${key}" has no letters or digits to match on`);
        continue;
      }
      const other = owner.get(folded);
      if (other && other.id !== item.id) {
        const where = whereOf(item);
        problems.add(
          where.file,
          where.path,
          `"${key}" points at two entries: "${other.id}" and "${item.id}"`,
        );
      } else owner.set(folded, item);
    }
  }
}

/** `["terms", 3, "related", 0]` → `terms[3] (django).related[0]`, naming the item by its id. */
function formatPath(issuePath: readonly PropertyKey[], data: unknown): string {
  let out = '';
  let node: unknown = data;
  for (const part of issuePath) {
    node =
      node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[part] : undefined;
    if (typeof part === 'number') {
      const id = node !== null && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
      out += `[${part}]${typeof id === 'string' ? ` (${id})` : ''}`;
    } else out += `${out ? '.' : ''}${String(part)}`;
  }
  return out;
}

function nearest(id: string, candidates: Iterable<string>): string {
  let best: string | undefined;
  let bestScore = 0;
  for (const candidate of candidates) {
    const score = similarity(id, candidate);
    if (score > bestScore) [best, bestScore] = [candidate, score];
  }
  return best && bestScore >= 0.6 ? ` (did you mean "${best}"?)` : '';
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? String(error);
}
