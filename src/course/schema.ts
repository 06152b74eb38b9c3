/**
 * Schemas for the course's authored material in `content/`. Pure zod, no Astro: the content
 * collections use them at build time and unit tests import them directly.
 */
import { z } from 'zod';

/** Lowercase kebab-case identifier, e.g. `task-definition`. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase kebab-case, like "task-definition"');

const nonEmptyText = z.string().trim().min(1);

/** A module groups lessons on the course map (`content/modules.yaml`). */
export const moduleSchema = z.strictObject({
  /** Module title shown on the course map and in the sidebar. */
  title: nonEmptyText.describe('Module title shown on the course map and in the sidebar'),
  /** One sentence on what the module covers. */
  summary: nonEmptyText.describe('One sentence on what the module covers'),
  /** Position of the module in the course, 1 = first. */
  order: z.number().int().positive().describe('Position of the module in the course, 1 = first'),
});

/** A link for further reading at the end of a lesson. */
export const readingSchema = z.strictObject({
  /** Title of the page linked to. */
  title: nonEmptyText,
  /** Absolute https URL (usually AWS documentation). */
  url: z.url({ protocol: /^https$/ }),
});

/** Frontmatter of a lesson (`content/lessons/<module>/<lesson>.mdx`). */
export const lessonSchema = z.strictObject({
  /** Lesson title, also the page's only h1. */
  title: nonEmptyText.max(80).describe('Lesson title, also the page h1'),
  /** One sentence for the course map and search results. */
  summary: nonEmptyText.max(200).describe('One sentence for the course map and search results'),
  /** Id of the module in content/modules.yaml this lesson belongs to. */
  module: slug.describe('Id of the module in content/modules.yaml'),
  /** Position of the lesson within its module, 1 = first. */
  order: z.number().int().positive().describe('Position within the module, 1 = first'),
  /** Estimated time to work through the lesson, in minutes. */
  duration: z.number().int().min(1).max(180).describe('Estimated minutes to complete'),
  /** What the learner will be able to do afterwards; rendered in the objectives box. */
  objectives: z.array(nonEmptyText).min(1).describe('Learning objectives, rendered in a box'),
  /** Short statements to remember; rendered in the key-takeaways box. */
  takeaways: z.array(nonEmptyText).min(1).describe('Key takeaways, rendered in a box'),
  /** Slugs of the glossary terms the lesson marks up with `<Term>`. */
  glossary: z.array(slug).default([]).describe('Glossary slugs the lesson uses'),
  /** Notes for instructors; shown only in instructor views, never to learners by default. */
  instructorNotes: nonEmptyText.optional().describe('Notes for instructors'),
  /** Links for further reading. */
  furtherReading: z.array(readingSchema).default([]).describe('Further reading links'),
});

/** A glossary term (`content/glossary/<slug>.md`, the body is the longer explanation). */
export const glossarySchema = z.strictObject({
  /** The term as it is written in text, e.g. "Task definition". */
  term: nonEmptyText.describe('The term as written in text'),
  /** Anchor and id of the term; must equal the file name. */
  slug: slug.describe('Anchor and id; equals the file name'),
  /** One-line definition shown in tooltips and the glossary index. */
  short: nonEmptyText.max(200).describe('One-line definition'),
  /** Slugs of related terms. */
  related: z.array(slug).default([]).describe('Slugs of related terms'),
  /** Other names a learner may search for (abbreviations, old names). */
  aliases: z.array(nonEmptyText).default([]).describe('Other names for the term'),
});

/**
 * Inline text in quizzes: plain words, with `backticks` for code. Rendered as text nodes, never as
 * HTML, so a quiz file cannot inject markup.
 */
const quizText = nonEmptyText.max(600);

/** One answer option of a choice question; every option explains why it is right or wrong. */
export const quizOptionSchema = z.strictObject({
  text: quizText.describe('The option as shown'),
  correct: z.boolean().default(false).describe('Whether choosing it is right'),
  explanation: quizText.describe('Why this option is right or wrong, shown after checking'),
});

const questionBase = {
  /** Stable id within the quiz, so saved answers survive reordering. */
  id: slug,
  /** The question. */
  prompt: quizText,
};

/** Exactly one option is correct (radio buttons). */
const singleQuestion = z
  .strictObject({ ...questionBase, kind: z.literal('single'), options: z.array(quizOptionSchema).min(2).max(6) })
  .refine(
    (q) => q.options.filter((o) => o.correct).length === 1,
    'a single-choice question needs exactly one correct option',
  );

/** One or more options are correct (checkboxes); the learner must pick all and only those. */
const multipleQuestion = z
  .strictObject({ ...questionBase, kind: z.literal('multiple'), options: z.array(quizOptionSchema).min(3).max(8) })
  .refine((q) => q.options.some((o) => o.correct), 'a multiple-choice question needs at least one correct option');

/** Steps listed in their correct order; the page shuffles them for the learner. */
const orderQuestion = z.strictObject({
  ...questionBase,
  kind: z.literal('order'),
  items: z
    .array(z.strictObject({ text: quizText, explanation: quizText.describe('Why the step sits at this position') }))
    .min(3)
    .max(10),
});

/** Terms each matched with one meaning; the page shuffles the meanings. */
const matchQuestion = z.strictObject({
  ...questionBase,
  kind: z.literal('match'),
  pairs: z
    .array(
      z.strictObject({
        term: nonEmptyText.max(80),
        meaning: quizText,
        explanation: quizText.describe('Why this term has this meaning'),
      }),
    )
    .min(3)
    .max(8),
});

/**
 * A task definition snippet with one wrong line for the learner to pick. A content test runs the
 * snippet through the project's validator and requires an error on `errorLine`.
 */
const spotErrorQuestion = z.strictObject({
  ...questionBase,
  kind: z.literal('spot-error'),
  /** JSON of a task definition (or a fragment a register call would reject), as shown. */
  snippet: z.string().min(2).max(4000),
  /** 1-based line of `snippet` holding the mistake. */
  errorLine: z.number().int().positive(),
  /** What is wrong on that line and how to fix it. */
  explanation: quizText,
  /** Why a tempting but correct line is fine, keyed by its 1-based line number. */
  otherLines: z.record(z.string().regex(/^[1-9][0-9]*$/), quizText).default({}),
});

export const quizQuestionSchema = z.discriminatedUnion('kind', [
  singleQuestion,
  multipleQuestion,
  orderQuestion,
  matchQuestion,
  spotErrorQuestion,
]);

/** The quiz of one lesson (`content/quizzes/<lesson-id>.yaml`; the file name is the lesson id). */
export const quizSchema = z
  .strictObject({
    /** Questions in the order shown. */
    questions: z.array(quizQuestionSchema).min(5).max(15),
  })
  .refine((q) => new Set(q.questions.map((x) => x.id)).size === q.questions.length, 'question ids must be unique');

/** A checkable lab goal; the labs issue turns `check` into a predicate over simulator state. */
export const labGoalSchema = z.strictObject({
  /** Stable id of the goal within the lab. */
  id: slug,
  /** What the learner must achieve, in words. */
  description: nonEmptyText,
});

/** A hands-on lab (`content/labs/<slug>.yaml`); filled out by the labs issue. */
export const labSchema = z.strictObject({
  /** Lab title. */
  title: nonEmptyText,
  /** One sentence on what the learner builds. */
  summary: nonEmptyText,
  /** Id of the lesson the lab belongs to. */
  lesson: slug,
  /** Goals checked against the simulated cluster. */
  goals: z.array(labGoalSchema).min(1),
  /** Hints revealed one at a time. */
  hints: z.array(nonEmptyText).default([]),
  /** Command lines that reach every goal; a test replays them. */
  solution: z.array(nonEmptyText).min(1),
});

/**
 * A starting point for a terminal (`content/scenarios/<id>.yaml`): a seed, set-up commands and
 * files, so every learner who opens it sees the same cluster.
 */
export const scenarioSchema = z.strictObject({
  /** Shown above the terminal. */
  title: nonEmptyText.max(80),
  /** One sentence on what is there at the start. */
  summary: nonEmptyText.max(200),
  /** Seed of the simulator's random numbers (instance ids, addresses, task ids). */
  seed: z.number().int().min(0).max(2_147_483_647).default(1),
  /** Command lines run before the learner starts; a test checks each one succeeds. */
  setup: z.array(nonEmptyText.max(4096)).max(100).default([]),
  /** Files in the terminal's working directory, copied from `content/examples/task-definitions/`. */
  files: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/),
        example: z.string().regex(/^[a-z0-9-]+\.json$/),
      }),
    )
    .max(10)
    .default([]),
});

/** A starter task definition for the editor (`content/examples/task-definitions.yaml`). */
export const exampleSchema = z.strictObject({
  /** Name shown in the editor's example menu. */
  title: nonEmptyText.max(60),
  /** One sentence on what the example shows. */
  summary: nonEmptyText.max(200),
  /** JSON file in content/examples/task-definitions/. */
  file: z.string().regex(/^[a-z0-9-]+\.json$/),
});

export type ModuleData = z.infer<typeof moduleSchema>;
export type LessonData = z.infer<typeof lessonSchema>;
export type GlossaryData = z.infer<typeof glossarySchema>;
export type LabData = z.infer<typeof labSchema>;
export type ExampleData = z.infer<typeof exampleSchema>;
export type QuizData = z.infer<typeof quizSchema>;
export type ScenarioData = z.infer<typeof scenarioSchema>;
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;
