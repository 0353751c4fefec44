/** Zod schemas for the content files in `knowledge/`: the single definition of their shape. */
import { z } from 'zod';

/** Lower-case kebab-case id, the form every cross-reference uses. */
const Id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case kebab-case, e.g. "scikit-learn"');

/** Non-empty, trimmed prose. */
const Text = z.string().trim().min(1, 'must not be empty');

/** Where a piece of content comes from: the hiring guide itself, or PyHire extending it. */
const Source = z.enum(['guide', 'extension']);

export const CategorySchema = z.strictObject({
  id: Id,
  label: Text.max(60),
  description: Text.max(200),
});

export const CategoriesFileSchema = z.strictObject({
  categories: z.array(CategorySchema).min(1).max(20),
});

export const TermSchema = z.strictObject({
  id: Id,
  name: Text.max(60),
  aliases: z.array(Text.max(60)).max(20).default([]),
  category: Id,
  /** One to three plain-language sentences for a non-engineer. */
  definition: Text.max(600),
  whyItMatters: Text.max(600),
  /** Role ids this term signals on a resume or in a job description: the roles it is core to. */
  roles: z.array(Id).max(8).default([]),
  /** Role ids for which it is only part of the environment (Kubernetes for an ML engineer serving models). */
  supports: z.array(Id).max(8).default([]),
  /** One question a recruiter can ask a candidate about it. */
  ask: Text.max(400),
  related: z.array(Id).max(8).default([]),
});

export const GlossaryFileSchema = z.strictObject({
  terms: z.array(TermSchema).min(1),
});

export const InterviewQuestionSchema = z.strictObject({
  question: Text.max(300),
  source: Source,
  /** What a strong answer covers. */
  listenFor: z.array(Text.max(300)).min(3).max(5),
  redFlags: z.array(Text.max(300)).max(4).default([]),
});

export const RoleWarningSchema = z.strictObject({
  mistake: Id,
  /** How the mistake shows up for this particular role. */
  note: Text.max(400),
});

/** A must-have skill, and the words that show a job description mentions it (matched in dictionary form). */
export const MustHaveSchema = z.strictObject({
  /** Unique across roles: a job-description check names a missing one in block \`missing:<id>\`. */
  id: Id,
  skill: Text.max(200),
  covers: z.array(Text.max(60)).min(1).max(40),
});

export const RoleSchema = z.strictObject({
  id: Id,
  name: Text.max(60),
  aliases: z.array(Text.max(60)).max(30).default([]),
  summary: Text.max(300),
  builds: z.array(Text.max(100)).min(1).max(8),
  /** Term ids of the tools the guide lists for the role. */
  tools: z.array(Id).min(1).max(8),
  examples: z
    .array(z.strictObject({ company: Text.max(60), detail: Text.max(120) }))
    .max(6)
    .default([]),
  mustHaves: z.strictObject({
    source: Source,
    skills: z.array(MustHaveSchema).min(1).max(10),
  }),
  interview: z.strictObject({
    source: Source,
    questions: z.array(InterviewQuestionSchema).min(1).max(6),
  }),
  warnings: z.array(RoleWarningSchema).max(6).default([]),
});

export const RolesFileSchema = z.strictObject({
  roles: z.array(RoleSchema).min(1).max(8),
});

/** A role people ask for that has no kit of its own (e.g. data scientist), and the kits closest to it. */
export const OtherRoleSchema = z.strictObject({
  id: Id,
  name: Text.max(60),
  aliases: z.array(Text.max(60)).max(30).default([]),
  /** What the guide says about it, or how it differs from our four roles. */
  note: Text.max(600),
  /** Role ids of the closest kits, closest first. */
  closest: z.array(Id).min(1).max(4),
});

export const OtherRolesFileSchema = z.strictObject({
  otherRoles: z.array(OtherRoleSchema).min(1),
});

/** How two roles differ: the guide's "don't conflate roles" made concrete for one pair. */
export const RoleComparisonSchema = z.strictObject({
  roles: z.tuple([Id, Id]),
  /** What carries over from one role to the other. */
  transfers: z.array(Text.max(200)).min(1).max(5),
  /** What does not carry over. */
  differs: z.array(Text.max(200)).min(1).max(5),
  /** Why one person rarely covers both. */
  whyNotBoth: Text.max(500),
});

export const RoleComparisonsFileSchema = z.strictObject({
  comparisons: z.array(RoleComparisonSchema),
});

export const MistakeSchema = z.strictObject({
  id: Id,
  title: Text.max(100),
  /** Where the guide says it: the common-mistakes list or the recruiter's cheat sheet. */
  source: z.enum(['common-mistakes', 'cheat-sheet', 'python-versions']),
  summary: Text.max(600),
  fix: Text.max(400),
  /** Role ids whose kits this mistake applies to. */
  roles: z.array(Id).min(1),
});

export const MistakesFileSchema = z.strictObject({
  mistakes: z.array(MistakeSchema).min(1).max(10),
});

export const PythonVersionsFileSchema = z.strictObject({
  versions: z
    .array(
      z.strictObject({
        id: Id,
        label: Text.max(60),
        status: Text.max(60),
        points: z.array(Text.max(200)).min(1).max(6),
        /** Term ids the version's points mention. */
        terms: z.array(Id).default([]),
      }),
    )
    .min(1)
    .max(5),
  interviewQuestion: Text.max(300),
});

export const TypingFileSchema = z.strictObject({
  summary: Text.max(400),
  example: Text.max(400),
  whyItMatters: z.array(Text.max(200)).min(1).max(8),
  evaluationTip: Text.max(400),
});

/** The resume flags a resume check reads for; block ids \`flag:<id>\`. */
export const GREEN_FLAG_IDS = [
  'specific-frameworks',
  'production-scale',
  'type-hints',
  'testing',
  'domain-match',
] as const;
export const YELLOW_FLAG_IDS = [
  'generic-python',
  'tutorial-only',
  'python-2-only',
  'no-web-framework',
] as const;
export type FlagId = (typeof GREEN_FLAG_IDS)[number] | (typeof YELLOW_FLAG_IDS)[number];

/** A cheat-sheet flag: the guide's wording, what it tells a recruiter, and the question that probes it. */
const flagSchema = <T extends readonly [string, ...string[]]>(ids: T) =>
  z.strictObject({
    id: z.enum(ids),
    flag: Text.max(200),
    why: Text.max(300),
    ask: Text.max(300),
    /** Term ids whose mention shows the flag. */
    terms: z.array(Id).max(60).default([]),
    /** Term ids whose mention rules the flag out. */
    unless: z.array(Id).max(60).default([]),
    /** Names without a glossary card that show the flag, or rule it out (libraries such as paramiko). */
    names: z.array(Text.max(60)).max(200).default([]),
    unlessNames: z.array(Text.max(60)).max(200).default([]),
  });

export const CheatSheetFileSchema = z.strictObject({
  greenFlags: z.array(flagSchema(GREEN_FLAG_IDS)).min(1),
  yellowFlags: z.array(flagSchema(YELLOW_FLAG_IDS)).min(1),
  /** The guide's "Technical Terms to Know" table. */
  termsToKnow: z
    .array(z.strictObject({ term: Text.max(60), meaning: Text.max(200), terms: z.array(Id).min(1) }))
    .min(1),
});

/** How a pasted document's kind is told apart, and the words the resume flags read for (documents.yaml). */
export const DocumentsFileSchema = z.strictObject({
  kinds: z.strictObject({
    /** Headings of a posting besides the review's sections (review.yaml `sections`). */
    jdHeadings: z.array(Text.max(60)).min(1).max(200),
    resumeHeadings: z.array(Text.max(60)).min(1).max(200),
    jdPhrases: z.array(Text.max(60)).min(1).max(200),
    resumePhrases: z.array(Text.max(60)).min(1).max(200),
    messagePhrases: z.array(Text.max(60)).min(1).max(200),
    /** First words of a letter or chat message ("Hi Marcus,", "Subject:"). */
    messageOpenings: z.array(Text.max(60)).min(1).max(50),
    /** A sign-off on a line of its own ("Cheers,", "Best regards"). */
    signOffs: z.array(Text.max(60)).min(1).max(50),
  }),
  resume: z.strictObject({
    learning: z.array(Text.max(60)).min(1).max(200),
    workHeadings: z.array(Text.max(60)).min(1).max(50),
    /** What a person wants to do next, not what they did ("aspiring", "looking for"). */
    aspiration: z.array(Text.max(60)).min(1).max(50),
  }),
});

/** A phrase the review reads for, in dictionary form ("move forward", "type hint"). */
const Phrase = Text.max(60);
const Phrases = z.array(Phrase).min(1).max(200);

/** What the review reads for: concepts, headings, neighbouring tools; role and tool signals come from the glossary. */
export const ReviewFileSchema = z.strictObject({
  signalCategories: z.array(Id).min(1),
  distinctOtherRoles: z.array(Id).default([]),
  /** Names that are also everyday words: counted only when capitalised. */
  capitalisedOnly: z.array(Phrase).max(100).default([]),
  /** Groups of tools that do the same kind of job; an item that is a list names one tool several ways (`[argo cd, argocd]`). */
  neighbours: z
    .array(
      z
        .array(z.union([Phrase, z.array(Phrase).min(1).max(5)]))
        .min(2)
        .max(20),
    )
    .max(50)
    .default([]),
  sections: z.strictObject({
    duties: Phrases,
    requirements: Phrases,
    bonus: Phrases,
    stack: Phrases,
    about: Phrases,
    benefits: Phrases,
  }),
  /** How a requirement line ends when it is a bonus ("Kafka experience a big plus"): read like a line under "Nice to have". */
  bonusEndings: z.array(Phrase).max(50).default([]),
  concepts: z.record(Id, Phrases),
  /** Names as voice dictation writes them, by the name they stand for ("sequel" is SQL, "pie torch" PyTorch). */
  dictated: z.record(Phrase, Phrases).default({}),
  /** Per role id, words that name that role's work without being a tool or a title ("retrain the model"). */
  work: z.record(Id, Phrases).default({}),
  /** Per finding id, the concepts whose sentences it reads (`@sql`; `@tool` also covers `@tool:data`). */
  anchors: z.record(
    Id,
    z
      .array(z.string().regex(/^@[a-z0-9-]+$/))
      .min(1)
      .max(20),
  ),
});

/** The review's trained model: per finding, a bias, a decision threshold and a weight per feature. */
export const ReviewModelSchema = z.strictObject({
  /** How it was made: the command, the labeled sets and their sizes. */
  trainedOn: z.strictObject({
    command: Text,
    sets: z.array(Text).min(1),
    messages: z.number().int().positive(),
  }),
  findings: z.record(
    Id,
    z.strictObject({
      bias: z.number().finite(),
      threshold: z.number().min(0).max(1),
      weights: z.record(z.string().min(1).max(200), z.number().finite()),
    }),
  ),
});

export type ReviewCues = z.infer<typeof ReviewFileSchema>;
export type ReviewModel = z.infer<typeof ReviewModelSchema>;
export type Category = z.infer<typeof CategorySchema>;
export type Term = z.infer<typeof TermSchema>;
export type Role = z.infer<typeof RoleSchema>;
export type MustHave = z.infer<typeof MustHaveSchema>;
export type CheatSheetFlag = CheatSheet['greenFlags'][number] | CheatSheet['yellowFlags'][number];
export type InterviewQuestion = z.infer<typeof InterviewQuestionSchema>;
export type RoleWarning = z.infer<typeof RoleWarningSchema>;
export type OtherRole = z.infer<typeof OtherRoleSchema>;
export type RoleComparison = z.infer<typeof RoleComparisonSchema>;
export type Mistake = z.infer<typeof MistakeSchema>;
export type PythonVersions = z.infer<typeof PythonVersionsFileSchema>;
export type Typing = z.infer<typeof TypingFileSchema>;
export type CheatSheet = z.infer<typeof CheatSheetFileSchema>;
export type DocumentCues = z.infer<typeof DocumentsFileSchema>;
