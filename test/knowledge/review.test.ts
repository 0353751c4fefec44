/** The mention review: the labeled corpus, the model's leave-one-writer-out level, the README's examples, threads. */
import { describe, expect, it } from 'vitest';
import {
  labeledSets,
  leaveOneWriterOut,
  meanOf,
  readExamples,
  scoreModel,
} from '../../scripts/review-data.ts';
import {
  answerMention,
  isReviewRequest,
  readForReviewText,
  reviewMessage,
  reviewMessages,
} from '../../src/knowledge/index.ts';
import { reviewScores, scoreFinding } from '../../src/knowledge/review.ts';
import { canConflate, neighbourPairs, readingAllows } from '../../src/knowledge/review-reading.ts';
import {
  DEFAULT_TRAINING,
  prepareExamples,
  trainPrepared,
  trainReviewModel,
} from '../../src/knowledge/review-training.ts';
import { realKnowledge } from '../support/test-app.ts';

/**
 * The leave-one-writer-out level the review holds (mean over writers): the bar, 95% precision and 90% recall
 * (it asks the tests for 85% recall; the done-when asks 90%). Measured 95.4% / 90.0% over 64 writers at the 0.57
 * threshold (see docs/review.md), with no margin on recall: a change that costs it fails here.
 */
const LOWO_FLOOR = { precision: 0.95, recall: 0.9 };

const knowledge = realKnowledge();
const ids = (text: string) => reviewMessage(knowledge, text).map((f) => f.id);
/** What the review reads in a text: its units, its whole-text features, the roles its duties give the hire. */
const unitsOf = (text: string) => readForReviewText(knowledge, text).sentences.flatMap((s) => s.units);
const featuresOf = (text: string) => readForReviewText(knowledge, text).documentFeatures;
const pairsOf = (text: string) => neighbourPairs(readForReviewText(knowledge, text));
const dutiesOf = (text: string) => readForReviewText(knowledge, text).dutyRoles;
/** Whether the reading of a text allows `conflating-roles` at all (the posting gate). */
const conflatable = (text: string) => canConflate(readForReviewText(knowledge, text));

describe('the labeled corpus', () => {
  const sets = labeledSets();
  const writers = sets.filter((s) => s.heldOut);
  const messages = writers.flatMap((s) => s.messages);

  it('has 800+ messages from 8+ independent writers, 40%+ hard negatives, 60+ positives per finding', () => {
    expect(writers.length).toBeGreaterThanOrEqual(8);
    expect(messages.length).toBeGreaterThanOrEqual(800);
    expect(messages.filter((m) => m.expect.length === 0).length).toBeGreaterThanOrEqual(
      messages.length * 0.4,
    );
    for (const mistake of knowledge.mistakes) {
      expect(messages.filter((m) => m.expect.includes(mistake.id)).length, mistake.id).toBeGreaterThanOrEqual(
        60,
      );
    }
    for (const m of sets.flatMap((s) => s.messages)) {
      for (const id of m.expect) expect(knowledge.mistakeById.has(id), `${id} in ${m.text}`).toBe(true);
    }
  });
});

describe('the review model', () => {
  const sets = labeledSets();
  const ids = knowledge.mistakes.map((m) => m.id);
  const examples = readExamples(knowledge, sets);

  it('is what `npm run train` makes from the labeled sets and the knowledge (training is deterministic)', () => {
    const trained = trainReviewModel(examples, ids, DEFAULT_TRAINING);
    expect(trained).toEqual(knowledge.reviewModel.findings);
  }, 120_000);

  it("trains a writer's left-out model from the prepared features as from the other writers' texts alone", () => {
    // Leave-one-writer-out numbers the features once and takes the writer's counts off; training on the others'
    // texts alone counts them afresh. A writer with many words of its own (dictated voice notes).
    const prepared = prepareExamples(examples, ids);
    const alone = examples.filter((e) => e.source !== 'founder');
    expect(trainPrepared(prepared, DEFAULT_TRAINING, 'founder')).toEqual(
      trainReviewModel(alone, ids, DEFAULT_TRAINING),
    );
  }, 180_000);

  // One model per writer left out (64): 4 to 10 minutes on the project's 2-core machine, whose speed varies by 2×.
  it(`holds its leave-one-writer-out level: mean precision ${LOWO_FLOOR.precision}, recall ${LOWO_FLOOR.recall}`, () => {
    const results = leaveOneWriterOut(examples, sets, ids);
    // The bar for whole postings: no single-role job description of a writer left out raises conflation.
    const postings = results.flatMap((r) =>
      r.score.falseAlarms.filter((a) => a.id === 'conflating-roles' && a.kind === 'jd').map((a) => a.text),
    );
    expect(postings).toEqual([]);
    const mean = meanOf(results.map((r) => r.score));
    const report = results
      .map((r) => `${r.writer}: P ${r.score.precision.toFixed(3)} R ${r.score.recall.toFixed(3)}`)
      .join('\n');
    expect(mean.precision, report).toBeGreaterThanOrEqual(LOWO_FLOOR.precision);
    expect(mean.recall, report).toBeGreaterThanOrEqual(LOWO_FLOOR.recall);
  }, 1_200_000);

  it('scores a text the same way in the review (one pass) as in training and evaluation (per finding)', () => {
    for (const example of examples) {
      // The same probability and quoted sentence for every finding: the review weighs sentence features from their
      // parts, training weighs them as the strings the model file stores.
      const onePass = reviewScores(knowledge, example.reading);
      for (const [id, score] of Object.entries(onePass)) {
        const weights = knowledge.reviewModel.findings[id];
        const features = example.featureMaps[id];
        expect(weights && features, id).toBeTruthy();
        if (!weights || !features) continue;
        const trained = scoreFinding(weights, features);
        expect(score.probability, `${id}: ${example.text}`).toBeCloseTo(trained.probability, 9);
        expect(score.sentence, `${id}: ${example.text}`).toBe(trained.sentence);
      }
      const perFinding = knowledge.mistakes
        .filter((m) => {
          const weights = knowledge.reviewModel.findings[m.id];
          const features = example.featureMaps[m.id];
          if (!readingAllows(m.id, example.reading)) return false;
          return weights && features && scoreFinding(weights, features).probability >= weights.threshold;
        })
        .map((m) => m.id);
      expect(
        reviewMessage(knowledge, example.text).map((f) => f.id),
        example.text,
      ).toEqual(perFinding);
    }
    // Every labeled text reviewed in full: 10 to 20 seconds on the project's 2-core machine.
  }, 120_000);

  it('fits the text it was trained on (reported beside the leave-one-writer-out figure, never instead)', () => {
    const score = scoreModel(knowledge.reviewModel.findings, ids, examples);
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
  });
});

describe('reviewMessage', () => {
  it('flags one developer for a Django API and PyTorch training, saying what triggered it', () => {
    const [finding] = reviewMessage(
      knowledge,
      'We need a Python developer who can build our Django REST API and also train PyTorch models',
    );
    expect(finding?.id).toBe('conflating-roles');
    // It quotes the sentence that weighed most and names the roles the one hire is given.
    expect(finding?.triggers).toEqual([
      'We need a Python developer who can build our Django REST API and also train PyTorch models',
      'backend + ml',
    ]);
    expect(finding?.roles.map((r) => r.id)).toEqual(['backend', 'ml']);
  });

  it.each([
    'We are hiring a backend developer and, separately, a data engineer.',
    'Two roles open: Backend Engineer (Django, DRF, PostgreSQL) and ML Engineer (PyTorch, MLflow).',
    'Backend Engineer: Django, DRF, PostgreSQL, Celery, Redis, pytest, GitHub Actions CI.',
    'Data Engineer: Airflow, dbt, Snowflake, strong SQL, pandas for ingestion.',
    'For the data engineer loop, SQL comes first and gets two rounds.',
    'what is dbt?',
    'thanks!',
  ])('raises nothing for %s', (text) => {
    expect(ids(text)).toEqual([]);
  });

  it('raises each kind of finding on a plain example', () => {
    expect(ids('Screening everyone with three LeetCode hards, nothing else before the onsite.')).toContain(
      'overweighting-algorithms',
    );
    expect(ids("She's a Django expert but our codebase is FastAPI, so I'd pass.")).toContain(
      'ignoring-ecosystem-fit',
    );
    expect(ids("For the data engineer loop let's skip the SQL part.")).toContain('undervaluing-sql');
    expect(ids('Strong candidate: 9 years of Python 2.7 at a bank, moving him to onsite.')).toContain(
      'python-2-only',
    );
    expect(ids('Requirements: 5+ years Python experience. Good communicator.')).toContain('generic-python');
  });

  it('reads a whole thread and merges what it finds', () => {
    const findings = reviewMessages(knowledge, [
      'JD draft: Requirements: 5+ years Python experience.',
      'Plan: filter everyone with LeetCode hards before a human looks.',
      'Requirements: Python, good English.',
    ]);
    expect(findings.map((f) => f.id)).toEqual(['overweighting-algorithms', 'generic-python']);
  });

  it('reads a model served behind FastAPI as ML work, and a Django admin app as a second job', () => {
    // The reading gives the one hire only ML work here; the model still weighs "also" (a known false alarm).
    const serving = readForReviewText(
      knowledge,
      'The MLE will also serve the model behind a FastAPI endpoint and watch for drift.',
    );
    expect(serving.dutyRoles).toEqual(['ml']);
    expect(serving.sentences[0]?.units).not.toContain('@tool:backend');
    const admin = 'The MLE will also own our Django admin app and its REST API.';
    expect(readForReviewText(knowledge, admin).dutyRoles).toEqual(['backend', 'ml']);
    expect(ids(admin)).toContain('conflating-roles');
  });

  it('reads work added to the one person ("AND", "take over") as that role\'s own, not the main role\'s environment', () => {
    // Terraform supports a backend developer's work (deploying it) ...
    expect(
      dutiesOf('Plan: our backend developer owns the dashboard API and deploys it with Terraform.'),
    ).toEqual(['backend']);
    expect(dutiesOf('That is too much Terraform for a backend developer.')).toEqual(['backend']);
    // ... but owning it as well, said outright, is a second job.
    expect(dutiesOf('Plan: our backend developer owns the fleet Terraform AND the dashboard API.')).toEqual([
      'backend',
      'devops',
    ]);
    expect(dutiesOf('Our backend developer can take over the Terraform modules.')).toEqual([
      'backend',
      'devops',
    ]);
  });

  it("reads another's work, where the work runs and a small side part as no duty of the hire", () => {
    const workOf = (text: string) => {
      const reading = readForReviewText(knowledge, text);
      return { duties: reading.dutyRoles, twoWorks: reading.documentFeatures.includes('W:2+') };
    };
    // The data team's pipelines, named as theirs, are no second job of an ML engineer; "the pipelines" may be.
    const ml =
      'Machine Learning Engineer\nWhat you will do:\n- Train and serve forecasting models in PyTorch\n';
    expect(workOf(`${ml}- Work with the data team on the features you need from their pipelines`)).toEqual({
      duties: ['ml'],
      twoWorks: false,
    });
    expect(
      workOf(`${ml}- Work with the data team on the features you need from the pipelines`).twoWorks,
    ).toBe(true);
    // "Deployed to our cluster" is where the work runs; owning the cluster is work.
    const dags = 'The new hire builds the Airflow DAGs that load Snowflake';
    expect(workOf(`${dags}, deployed to our Kubernetes cluster.`).twoWorks).toBe(false);
    expect(workOf(`${dags} and owns our Kubernetes cluster.`).twoWorks).toBe(true);
    // A small dashboard is a side part of the job, the dashboard a second one.
    const ranking = 'The hire trains the ranking models and builds';
    expect(workOf(`${ranking} a small Django dashboard for the analysts.`).duties).toEqual([]);
    expect(workOf(`${ranking} the Django dashboard for the analysts.`).duties).toEqual(['backend']);
    // A tool of two roles (Postgres: backend or data) beside another role's work is read as that work's store.
    expect(
      workOf('One person trains the ranking models in PyTorch and keeps the results in Postgres.').duties,
    ).toEqual(['ml']);
  });

  it('reads a job description as a document: tools under "Our stack" and "Nice to have" are no duties', () => {
    const posting = (duties: string[]) =>
      [
        'Machine Learning Engineer, Recommendations',
        'What you will do:',
        ...duties,
        'Our stack:',
        '- Airflow, dbt, Snowflake, Django, Terraform',
        'Nice to have:',
        '- Spark, Kafka',
      ].join('\n');
    const ml = ['- Train and evaluate ranking models in PyTorch', '- Serve them behind a low-latency API'];
    const single = readForReviewText(knowledge, posting(ml));
    expect(single.mainRole).toBe('ml');
    expect(single.dutyRoles).toEqual(['ml']);
    expect(ids(posting(ml))).not.toContain('conflating-roles');
    const twoJobs = posting([
      ...ml,
      '- Own the Django admin app and its REST API',
      '- Build and run the Airflow DAGs that load Snowflake',
    ]);
    // Airflow and Snowflake only support an ML engineer's work; the Django admin app is a second job.
    expect(readForReviewText(knowledge, twoJobs).dutyRoles).toEqual(['backend', 'ml']);
    expect(ids(twoJobs)).toContain('conflating-roles');
  });

  it("reads a posting pasted under a line of chat: its title, headings with filler words, other teams' tools", () => {
    const posting = [
      'Harbourline posting, anything to fix before it goes live?',
      '',
      'Data Engineer, Freight Analytics',
      'Harbourline Shipping – Rotterdam / hybrid',
      '',
      "What you'll do",
      '- Build Airflow pipelines that load port events into Snowflake',
      '- Own our dbt models and their tests',
      '',
      'The environment around you',
      '- Our ML engineers train the ETA models in PyTorch and serve them behind FastAPI.',
      "- Everything runs on the platform team's Kubernetes, provisioned with Terraform.",
      '',
      'What we offer (in short)',
      '- 30 days holiday, a pension and a learning budget',
    ].join('\n');
    const reading = readForReviewText(knowledge, posting);
    expect(reading.mainRole).toBe('data');
    const sectionOf = (words: string) =>
      reading.sentences.find((s) => s.sentence.text.includes(words))?.section;
    expect(sectionOf('ETA models')).toBe('stack');
    expect(sectionOf('30 days')).toBe('benefits');
    expect(reading.dutyRoles).toEqual(['data']);
    expect(canConflate(reading)).toBe(false);
    expect(ids(posting)).not.toContain('conflating-roles');
    // No heading: "Background in Django" (no filler after the key), a list item with a remark in brackets, a
    // sentence of chat that starts like one.
    for (const line of [
      'Background in Django',
      '- Background (CS degree or similar)',
      'The team will work on this',
    ]) {
      const reading = readForReviewText(knowledge, `Backend Engineer\n${line}\n- Own the Django API`);
      expect(
        reading.sentences.map((s) => s.section),
        line,
      ).toEqual(reading.sentences.map(() => 'body'));
    }
    // A UK posting's "Desirable" is a bonus heading.
    const desirable = readForReviewText(knowledge, 'Data Engineer\nDesirable\n- Azure Data Factory');
    expect(desirable.sentences.at(-1)?.section).toBe('bonus');
    // An article before the key alone: "Our benefits" is the benefits heading.
    const benefits = readForReviewText(knowledge, 'Backend Engineer\nOur benefits\n- 30 days holiday');
    expect(benefits.sentences.at(-1)?.section).toBe('benefits');
  });

  it("raises conflating-roles on a posting only when its duties give the one hire two roles' work", () => {
    const posting = (duty: string) =>
      ['Backend Engineer', '', 'Responsibilities', '- Build and own the Django REST API', duty].join('\n');
    expect(conflatable(posting('- Write tests for it'))).toBe(false);
    expect(conflatable(posting('- Train the PyTorch ranking models'))).toBe(true);
    // Work words count as work: training the models is an ML engineer's, with no tool named.
    expect(conflatable(posting('- Train and fine-tune the models weekly'))).toBe(true);
    // Chat is not read as a posting: the model alone decides.
    expect(conflatable('our backend dev could also train the models')).toBe(true);
  });

  it('reads "motor" and "flux" as plain words, "Motor" and "Flux" as tools', () => {
    expect(unitsOf('Our roadmap is in flux this quarter')).not.toContain('@kin');
    expect(unitsOf('She ran Flux across twenty clusters')).toContain('@kin');
    expect(unitsOf('We sell motor and home insurance')).toEqual(['sell', 'motor', 'home', 'insurance']);
    expect(unitsOf('Async database access through Motor')).toEqual(
      unitsOf('Async database access through pymongo'),
    );
  });

  it('reads two titles written with one head noun: "Data & ML Engineer" is a data engineer and an ML engineer', () => {
    for (const title of ['Data & ML Engineer', 'Data and ML Engineer', 'Data/ML Engineer'])
      expect(dutiesOf(`Update on the ${title} req: one headcount`), title).toEqual(['data', 'ml']);
    // Plural titles are other people; a word that makes no title with the head stays a word.
    expect(unitsOf('our data and ML engineers')).not.toContain('@title:data');
    expect(dutiesOf('the Data & Backend Developer req')).toEqual(['backend']);
  });

  it('reads someone made a role, and the weights a plan gives SQL and Python', () => {
    expect(featuresOf('our data scientist can just be the ML eng, saves a head')).toContain(
      'R:becomes&roles',
    );
    // "is our ML engineer" says who someone is, not what they are made.
    expect(
      featuresOf('Sam is our ML engineer, he runs the design round for the backend candidate'),
    ).not.toContain('R:becomes&title');
    expect(featuresOf('DE scorecard: Python 70 / SQL 30')).toContain('S:weights:python>sql');
    expect(featuresOf('DE scorecard: 20% Python, 60% SQL')).toContain('S:weights:sql>=python');
    // One role made of two, said so or written as two titles side by side; two roles listed apart are not.
    expect(featuresOf('For the DE/backend hybrid role I would skip the SQL round')).toEqual(
      expect.arrayContaining(['R:hybrid&roles', 'R:titles-joined']),
    );
    expect(featuresOf('Two roles open: Backend Engineer (Django) and ML Engineer (PyTorch).')).not.toContain(
      'R:titles-joined',
    );
    // Years of experience are no weights.
    expect(featuresOf('data engineer with Python 5 yrs and SQL 2 yrs').join(' ')).not.toContain('S:weights');
  });

  it('reads words, not joined letters: "no SQL" is SQL, "Be" is no backend title, "2x" and "27" are no versions', () => {
    expect(unitsOf('Data engineer loop: no SQL test, we skip it.')).toContain('!@sql');
    expect(unitsOf('Data engineer loop: no SQL test, we skip it.')).not.toContain('@tool:data');
    expect(unitsOf('- Be comfortable owning Airflow DAGs')).not.toContain('@title:backend');
    expect(unitsOf('our BE hire starts Monday')).toContain('@title:backend');
    expect(unitsOf('Our API is 2x faster now, 27 people use it.')).not.toContain('@py2');
    expect(unitsOf('ten years of Python 2.7, nothing on 3.x')).toEqual(
      expect.arrayContaining(['@py2', '!@py3']),
    );
  });

  it('reads dictated names and versions: "sequel" is SQL, "pie torch" PyTorch, "two point seven" 2.7', () => {
    const reading = readForReviewText(
      knowledge,
      'um so basically we skip the sequel round he did pie torch and fast a p i all on two point seven',
    );
    const units = reading.sentences.flatMap((s) => s.units);
    expect(units).toEqual(expect.arrayContaining(['@skip', '@sql', '@tool:ml', '@tool:backend', '@py2']));
    // The quote keeps the words as written.
    expect(reading.lines[0]).toContain('sequel round');
    expect(readForReviewText(knowledge, 'python three only since 2019').sentences[0]?.units).toContain(
      '@py3',
    );
    // An everyday "sequel" inside a longer word, or "point" in a sentence, is left alone.
    expect(readForReviewText(knowledge, 'two points for the sequels').sentences[0]?.units).not.toContain(
      '@sql',
    );
    // Numbers that are no versions, and English that only sounds like a tool.
    expect(ids('She picked up Python two years ago and now leads our Django services. Hire.')).toEqual([]);
    expect(ids('I rated her two point seven out of five on the design round. Hire.')).toEqual([]);
    expect(
      ids('Senior Backend Engineer\n\nWhat you will do\n- Build Django APIs\n- Lead code reviews'),
    ).toEqual([]);
    // A dictated name never joins two lines: the headings below stay where they are.
    const lines = readForReviewText(
      knowledge,
      'Backend dev\n- Ship fast\nAPI design\nNice to have:\n- Airflow',
    );
    expect(lines.sentences.map((s) => s.section)).toEqual(['body', 'body', 'body', 'bonus', 'bonus']);
  });

  it("reads the stance of SQL's own clause, and SQL assessed in another round", () => {
    // "fine" belongs to Python's clause, "excellent" to SQL's; a clause naming no other subject is SQL's.
    expect(featuresOf('DE loop: as for SQL, we can skip it')).toContain('S:sql~skip&data');
    expect(featuresOf('DE candidate: python fine, SQL excellent, advance')).toContain('S:sql~strong&data');
    expect(featuresOf('DE candidate: python fine, SQL excellent, advance')).not.toContain(
      'S:sql~downplay&data',
    );
    expect(
      featuresOf('DE onsite: no SQL in my round because Priya covered it in the modelling round'),
    ).toContain('S:sql&elsewhere');
  });

  it('reads SQL a candidate could not write as weak SQL, and SQL left out as negated', () => {
    // "Couldn't write a left join" says how good the candidate is; "no SQL round" says what the loop leaves out.
    const unable = featuresOf("DE candidate: couldn't write a left join, no hire");
    expect(unable).toContain('S:sql~weak&reject');
    expect(unable).not.toContain('S:sql~negated&reject');
    expect(featuresOf("DE candidate: didn't know what a window function was. pass on her")).toContain(
      'S:sql~weak&reject',
    );
    expect(featuresOf('DE loop: no SQL round this time, advance him')).toContain('S:sql~negated&hire');
  });

  it("reads a word or tool of two roles as the text's role, and plural titles as other people", () => {
    // "The pipelines" of a DevOps engineer are CI pipelines; with no title they are a data engineer's.
    expect(dutiesOf('DevOps Engineer\n\nWhat you will do\n- Own the pipelines and the Terraform')).toEqual([
      'devops',
    ]);
    expect(dutiesOf('she will own the pipelines')).toEqual([]);
    expect(readForReviewText(knowledge, 'she will own the pipelines').sentences[0]?.units).toContain(
      '@work:data',
    );
    // Kafka is data or backend work: beside Airflow and dbt it is the data engineer's.
    expect(
      dutiesOf('You will build Airflow pipelines from Kafka into BigQuery and own the dbt models'),
    ).toEqual(['data']);
    // "The data scientists" are people the hire works with, not a job the hire is given.
    expect(dutiesOf('ML Engineer\n\nYou will take models from the data scientists into production')).toEqual([
      'ml',
    ]);
    expect(readForReviewText(knowledge, 'our data scientist').dutyRoles).toEqual(['data-scientist']);
    // Plural titles side by side are people, not one role made of two.
    expect(
      readForReviewText(
        knowledge,
        'ML Engineer\n\nTake models from the data scientists and the data engineers',
      ).documentFeatures,
    ).not.toContain('R:titles-joined');
    // A work word that may be the main role's does not make the sentence the main role's: training models in a
    // DevOps posting is still a second job.
    const devops = readForReviewText(
      knowledge,
      'DevOps Engineer\n\nWhat you will do\n- Run the Kubernetes clusters and the Terraform\n- Own the pipelines and train and deploy the recommendation models',
    );
    expect(devops.documentFeatures).toContain('W:2+');
  });

  it("reads the work of a clause about other people as theirs, a requirement ending in 'a plus' as a bonus", () => {
    // "They own the warehouse" speaks of the data engineers; "you own the feature definitions" of the hire.
    const posting = (line: string) =>
      `ML Engineer\n\nWhat you'll do\n- Train and serve the fraud models\n- ${line}`;
    expect(
      dutiesOf(
        posting(
          'Improve feature computation with our data engineers (they own the warehouse; you own the feature definitions)',
        ),
      ),
    ).toEqual(['ml']);
    // The same words with the hire as the subject are the hire's work.
    expect(
      readForReviewText(
        knowledge,
        posting(
          'Improve feature computation with our data engineers (you own the warehouse and the dbt models)',
        ),
      ).documentFeatures,
    ).toContain('W:2+');
    // "A big plus": read like a line under "Nice to have".
    const plus = readForReviewText(
      knowledge,
      'Backend Engineer\n\n- Build our Django APIs\n- Airflow experience a big plus',
    );
    expect(plus.sentences.map((s) => s.section)).toEqual(['body', 'body', 'bonus']);
    expect(plus.dutyRoles).toEqual(['backend']);
    expect(readForReviewText(knowledge, 'she uses Airflow plus dbt').sentences[0]?.section).toBe('body');
    // Slack's italics around the ending are no part of it: "_a plus_" ends as "a plus".
    expect(
      readForReviewText(knowledge, 'Must have Python. Kafka experience is _a plus_').sentences.map(
        (s) => s.section,
      ),
    ).toEqual(['body', 'bonus']);
  });

  it('reads chat shorthand for titles and plans: "analytics eng", "split her time", "SQL? nah"', () => {
    expect(dutiesOf('the analytics eng owns the dbt models')).toEqual(['data']);
    expect(unitsOf('she would split her time between the API and the pipelines')).toContain('@hybrid');
    expect(unitsOf('we split the role into two reqs')).toContain('@separate');
    expect(unitsOf('SQL? nah')).toContain('@skip');
    expect(unitsOf('SQL optional')).toContain('@downplay');
  });

  it('reads "pass" alone as no decision and "pass on" as rejecting, and a word said to be itself as no difference', () => {
    expect(unitsOf('screen passed, sending her to the HM')).not.toContain('@reject');
    expect(unitsOf('I think he will pass the onsite easily')).not.toContain('@reject');
    expect(unitsOf("we'll pass on him")).toContain('@reject');
    expect(unitsOf('hard pass from me')).toContain('@reject');
    expect(unitsOf("we're torch, she's TF, but tensors are tensors")).toContain('@same');
    expect(unitsOf('a framework is a framework')).toContain('@same');
    expect(unitsOf('Python is not Python 2')).not.toContain('@same');
    // Not a word followed by more ("experience is experience with large APIs"), nor two said to differ.
    expect(unitsOf('Her Flask experience is experience with large APIs')).not.toContain('@same');
    expect(unitsOf('Prometheus is Prometheus, Datadog is Datadog: different tools')).not.toContain('@same');
    // A phrase that says its own negation is not negated by it: "not a fit" rejects, "not important" plays down.
    expect(unitsOf('it is not a fit')).toContain('@reject');
    expect(unitsOf('SQL is not important for this role')).toContain('@downplay');
    expect(unitsOf('we did not reject him')).toContain('!@reject');
    // Such a phrase is matched as written: "no hiring manager yet" is no "no hire", "no Go experience" no "no-go".
    expect(unitsOf('No hire.')).toContain('@reject');
    expect(unitsOf('No hiring manager yet, advance her')).not.toContain('@reject');
    expect(unitsOf('She has no Go experience but strong Python, advance')).not.toContain('@reject');
  });

  it("reads a tool's other names as its neighbours too: torch and TF, gh actions and GitLab CI", () => {
    expect(featuresOf("we're torch, she's TF")).toContain('E:neighbours');
    expect(featuresOf('she is GitLab CI, we are on gh actions')).toContain('E:neighbours');
    expect(featuresOf('his last web job was Pylons, we run Django')).toContain('E:neighbours');
    // A wider term's other names are no tool: "CI" is no neighbour of GitHub Actions.
    expect(featuresOf('We use GitHub Actions for CI.')).not.toContain('E:neighbours');
  });

  it('reads two tools of one wider glossary term as neighbours, and one tool under two names as one', () => {
    // Datadog and Prometheus are both "Monitoring and observability" in the glossary, but two tools.
    expect(featuresOf('Datadog-only experience, we run Prometheus. Not a match.')).toContain(
      'E:neighbours&reject',
    );
    expect(pairsOf('Datadog-only experience, we run Prometheus.')).toEqual([['Datadog', 'Prometheus']]);
    expect(featuresOf("He's Dask, not Spark, no point putting him forward")).toContain('E:neighbours');
    // Listed as one tool: PySpark and Spark, Flux and FluxCD.
    expect(featuresOf('we run Spark jobs, PySpark mostly')).not.toContain('E:neighbours');
    expect(featuresOf('GitOps with Flux (FluxCD v2) on EKS')).not.toContain('E:neighbours');
    // A wider term's other names are no tool of the group: MLflow's "experiment tracking" is W&B's job too.
    expect(featuresOf('Experiment tracking is in wandb.')).not.toContain('E:neighbours');
    expect(pairsOf('We use Weights & Biases, she used MLflow')).toEqual([['Weights & Biases', 'MLflow']]);
  });

  it('ends a negation where a new subject starts a clause, unless a negated opinion governs it', () => {
    const negated = (text: string) => unitsOf(text).filter((u) => u.startsWith('!'));
    expect(
      negated("Since we can't hire the 2nd backend dev I'll ask him to take over the booking API in Django"),
    ).not.toContain('!@tool:backend');
    expect(unitsOf("I don't think he knows SQL")).toContain('!@sql');
    expect(unitsOf("I don't think that he knows SQL")).toContain('!@sql');
    expect(unitsOf("We don't need you to write SQL")).toContain('!@sql');
    expect(unitsOf('no need to screen for SQL')).toContain('!@sql');
  });

  it("reads the role a text names for the hire beside SQL: a backend job's SQL is no data role's", () => {
    expect(featuresOf('Skipping the SQL round for the backend engineer, the ORM covers it')).toContain(
      'S:sql&role-other',
    );
    expect(featuresOf('Skipping the SQL round for the data engineer')).toContain('S:sql&role-data');
    expect(featuresOf('Skipping the SQL round, he is fine')).toContain('S:sql&role-unknown');
  });

  it('reads the reason SQL is left out: assessed anyway, or played down', () => {
    expect(
      featuresOf('No SQL in my round because Priya covered it in the modelling round. Hire from me.'),
    ).toContain('S:sql-because-assessed');
    expect(featuresOf('skip the SQL round since anyone picks it up in a week')).toContain(
      'S:sql-because-downplay',
    );
    expect(featuresOf('skip the SQL round, anyone picks it up')).not.toContain('S:sql-because-downplay');
  });

  it('raises no ecosystem-fit on a text that denies the neighbouring tool as the reason', () => {
    const base = 'Flask candidate for our Django role: no hire.';
    const allows = (text: string) =>
      readingAllows('ignoring-ecosystem-fit', readForReviewText(knowledge, text));
    // The model raises it on the rejection itself; the gate lets it through unless the tool is denied.
    expect(ids(`${base} We only hire people who already know Django.`)).toContain('ignoring-ecosystem-fit');
    for (const denial of [
      "To be clear, it's NOT because of Flask.",
      'It has nothing to do with Flask: the take-home had no tests.',
      'Not due to Flask; the take-home had no tests.',
      'Not about salary; not because of Flask either.',
    ])
      expect(allows(`${base} ${denial}`), denial).toBe(false);
    for (const reason of [
      "We only hire people who know Django, and it's not just because of Flask.",
      "We're not about to retrain a Flask dev.",
      'Not because of Flask but because he has never used Django.',
      "It's not about the money we only hire people who already know Django.",
      // A denial about another pair leaves this one in question.
      "We only hire Django people. It's not about Pandas vs Polars.",
    ])
      expect(allows(`${base} ${reason}`), reason).toBe(true);
    // A tool is a word of its own: "flaws" does not name AWS.
    expect(allows('AWS candidate for our GCP team: no hire, and it is not about his flaws.')).toBe(true);
  });

  it('reads "gaps and islands" as a SQL problem, not as a gap', () => {
    const units = unitsOf('the gaps-and-islands problem stumped him');
    expect(units).toContain('@sql');
    expect(units).not.toContain('@weak');
  });

  it("reads a text's shape: bullets, an email, labelled fields, a thread of speakers", () => {
    expect(featuresOf('Loop:\n- recruiter call\n- pairing\n- design')).toContain('shape:bullets');
    expect(featuresOf('Subject: Re: the DE loop\n\nDear Priya,\nthanks.\nBest, Jo')).toContain('shape:email');
    expect(featuresOf('Candidate: Ana\nRole: Data Engineer\nDecision: Hire')).toContain('shape:fields');
    expect(featuresOf('Marek: ok\nPriya: sure\nTomás: fine')).toContain('shape:thread');
    expect(featuresOf('one line of chat about the SQL round')).not.toContain('shape:bullets');
  });

  it('reads what is dropped: the puzzle or the practical round', () => {
    expect(featuresOf('We replaced the LeetCode round with a pairing task on our repo')).toContain(
      'A:drops-puzzle',
    );
    expect(featuresOf('Dropped: the 3x HackerRank hard gate.')).toContain('A:drops-puzzle');
    const practical = featuresOf('skip the take-home, the LeetCode score is enough');
    expect(practical).toContain('A:drops-round');
    expect(practical).not.toContain('A:drops-puzzle');
    expect(featuresOf('We retired the whiteboard puzzle last year')).toContain('A:drops-puzzle');
  });

  it('reads an algorithms round in a job whose work is algorithms (a solver, ranking, retrieval)', () => {
    expect(
      featuresOf('Round 2 is an algorithm deep dive: the hire owns our routing solver and its heuristics'),
    ).toContain('A:algo&algowork');
    expect(featuresOf('Round 2 is an algorithm puzzle. Final ranking: Priya, then Sam')).not.toContain(
      'A:algo&algowork',
    );
  });

  it("reads a candidate's SQL against their Python: the stronger SQL passed over is the guide's point", () => {
    expect(featuresOf('DE candidate: SQL excellent, Python just ok. rejecting')).toContain(
      'S:sql>python&reject',
    );
    expect(featuresOf('DE candidate: SQL weak, Python strong. advance')).toContain('S:python>sql&hire');
    expect(featuresOf('DE candidate: SQL excellent, Python excellent. advance')).not.toContain(
      'S:sql>python&hire',
    );
  });

  it("reads the tooling of one's own work, a benefits line and another team's title as no second job", () => {
    // The definitions' own case: a developer who writes the CI and containers for their own work.
    const workflows =
      'Research Software Engineer: Genomics Workflows\n\nWhat you will do\n- Build and maintain the Nextflow pipelines\n- Write and maintain the container images (Docker) and GitHub Actions CI for the pipelines you own';
    expect(dutiesOf(workflows)).toEqual([]);
    expect(featuresOf(workflows)).not.toContain('W:2+');
    // The company's infrastructure is a second job beside the pipelines.
    expect(
      featuresOf(
        workflows.replace(
          'the container images (Docker) and GitHub Actions CI for the pipelines you own',
          "the Terraform modules for the whole company's cloud accounts",
        ),
      ),
    ).toContain('W:2+');
    // "Base plus bonus" under Benefits says nothing of one person doing two jobs; the platform team's title under
    // "Our stack" is no second title of the hire's.
    const posting = readForReviewText(
      knowledge,
      'Backend Engineer\n\nWhat you will do\n- Build our Django APIs\n- Write the Airflow DAGs for the reports\n\nOur stack\nKubernetes, run by our DevOps Engineer\n\nBenefits\nBase plus bonus',
    );
    expect(posting.documentFeatures).toContain('R:2+&nosingle');
    expect(posting.documentFeatures).not.toContain('R:titles2');
    expect(posting.mainRole).toBe('backend');
    // A title of two roles is one role made of two: neither is the main role that absorbs the other's tools.
    const joined = readForReviewText(
      knowledge,
      'Backend & DevOps Engineer\n\nWhat you will do\n- Build our FastAPI services\n- Run the EKS clusters and write the Terraform',
    );
    expect(joined.mainRole).toBeUndefined();
    expect(joined.dutyRoles).toEqual(['backend', 'devops']);
    expect(
      readForReviewText(knowledge, 'ML Engineer, Underwriting Automation\n\n- Train the models').mainRole,
    ).toBe('ml');
    // A team named after the title is no second role: "Data Engineer – Machine Learning" is a data engineer.
    expect(
      readForReviewText(knowledge, 'Data Engineer – Machine Learning\n\n- Build the pipelines').mainRole,
    ).toBe('data');
  });

  it('reads two postings in one message, said to be separate hires, as no conflation', () => {
    const two =
      "We're hiring two engineers\n\n1. Backend Engineer – Payments\nBuild our Django services and Stripe integrations.\n\n2. Data Engineer – Reporting\nBuild dbt models and Dagster pipelines in BigQuery.\n\nThese are two separate roles with separate interview loops.";
    expect(conflatable(two)).toBe(false);
    // A bullet that opens with a title is a duty, and "split the monolith" says nothing of separate hires.
    expect(
      conflatable(
        'Backend Engineer\n\n- Build our Django APIs and split the monolith into services\n- Run the EKS clusters and write the Terraform\n- DevOps for the whole company',
      ),
    ).toBe(true);
    // One role said to be made of both is no two postings, whatever its section titles.
    expect(
      conflatable(
        'Senior Backend / DevOps Engineer\n\nOne role: you split your week 50/50.\n\nBackend (half your time)\n- Build our Django services\n\nDevOps (the other half)\n- Own the Terraform and the EKS cluster\n\nNot two separate jobs: one person.',
      ),
    ).toBe(true);
    // The same two titles without "separate" may be one person's two jobs: the model decides.
    expect(conflatable(two.replace(/These are .*$/, 'One person does both.'))).toBe(true);
  });

  it('reads a text the same whatever the process read before (wink-nlp keeps new words it sees)', () => {
    const text = "Take the models from the research crew's notebooks to production";
    const before = readForReviewText(knowledge, text).sentences.flatMap((s) => s.units);
    // Reading "crew's." once would teach wink-nlp "crew's" as one word.
    readForReviewText(
      knowledge,
      "The warehouse is the data crew's. Our pipelines are the platform crew's, too.",
    );
    expect(readForReviewText(knowledge, text).sentences.flatMap((s) => s.units)).toEqual(before);
  });

  it('keeps lines apart with tabs and Windows line ends, and headings with emoji', () => {
    const reading = readForReviewText(
      knowledge,
      'Data Engineer\r\nRole:\tbuild Airflow DAGs\tand dbt models\r\n*Nice to have* :star:\r\n- PyTorch',
    );
    expect(reading.sentences.map((s) => [s.sentence.line, s.section])).toEqual([
      [0, 'body'],
      [1, 'body'],
      [2, 'bonus'],
      [3, 'bonus'],
    ]);
    expect(reading.dutyRoles).toEqual(['data']);
  });

  it('stays fast and sane on huge or odd text', () => {
    const huge = `${'We need Django and PyTorch and also Terraform. '.repeat(2000)}<!channel>`;
    expect(ids(huge)).toContain('conflating-roles');
    expect(ids('\u202E\u0000 🙂 <@U123> <!here>')).toEqual([]);
    // Runs without spaces are cut before the language layer reads them (they took wink-nlp seconds).
    const started = performance.now();
    reviewMessages(
      knowledge,
      Array.from({ length: 5 }, () => `${'='.repeat(20_000)} SQL`),
    );
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('reads words that are names of JavaScript object properties ("constructor", "__proto__") as plain words', () => {
    // "constructor" once found Object's own constructor as its dictionary form, and the review threw.
    const bare = 'Strong Python, 5 years. Good enough for me, move him to the offer stage.';
    expect(ids(bare)).toContain('generic-python');
    for (const word of ['constructor', '__proto__'])
      expect(ids(`${bare} He explained the ${word} question well.`)).toEqual(ids(bare));
    // A word next to SQL is no stance toward it: only the stances the reading knows are read near SQL.
    const stances = readForReviewText(
      knowledge,
      'Data engineer loop: SQL constructor questions, we skip them',
    )
      .documentFeatures.filter((f) => f.startsWith('S:sql~'))
      .map((f) => f.slice('S:sql~'.length).split('&')[0]);
    const known = [
      'skip',
      'downplay',
      'not-priority',
      'not-assessed',
      'weak',
      'strong',
      'priority',
      'assessed',
      'negated',
    ];
    expect(stances.length).toBeGreaterThan(0);
    expect(stances.filter((s) => !known.includes(s ?? ''))).toEqual([]);
  });
});

describe('mentions', () => {
  it('answers term questions with cards and role questions with kits', () => {
    const term = answerMention(knowledge, '<@UBOT> what is dbt?');
    expect(term.parts.map((p) => (p.kind === 'term' ? p.card.term.id : p.kind))).toEqual(['dbt']);
    const role = answerMention(knowledge, '<@UBOT> what should I ask a data engineer?');
    expect(role.parts.map((p) => (p.kind === 'role' ? p.kit.role.id : p.kind))).toEqual(['data']);
    const both = answerMention(
      knowledge,
      'interview questions for an ML engineer? and what does FastAPI mean',
    );
    expect(both.parts.map((p) => p.kind)).toEqual(['role', 'term']);
  });

  it('reads long and repetitive mentions in linear time (no catastrophic backtracking)', () => {
    // These took seconds to hours before question parsing was bounded; the bound is generous on purpose.
    for (const text of [
      `is ${'a'.repeat(1500)}`,
      `the failing import is ${'pkg.module'.repeat(300)}`,
      `what is ${'x '.repeat(20000)}`,
    ]) {
      const started = performance.now();
      answerMention(knowledge, text);
      expect(performance.now() - started).toBeLessThan(1_000);
    }
  });

  it('knows a review request from a question', () => {
    expect(isReviewRequest('<@UBOT>')).toBe(true);
    expect(isReviewRequest('<@UBOT> review')).toBe(true);
    expect(isReviewRequest('<@UBOT> please review this')).toBe(true);
    expect(isReviewRequest('<@UBOT> what is dbt?')).toBe(false);
  });
});
