import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import {
  exampleSchema,
  glossarySchema,
  labSchema,
  lessonSchema,
  moduleSchema,
  quizSchema,
  scenarioSchema,
} from './course/schema.ts';

/** Entry ids are file names without folder or extension, so a lesson keeps its URL if it moves module. */
const baseName = ({ entry }: { entry: string }) =>
  entry
    .replace(/^.*\//, '')
    .replace(/\.[^.]+$/, '')
    .toLowerCase();

// Files and folders starting with "_" sit beside content without becoming entries.
const visible = ['**/[^_]*.{md,mdx,yaml}', '!**/_*/**'];

export const collections = {
  modules: defineCollection({
    loader: file('./content/modules.yaml'),
    schema: moduleSchema,
  }),
  lessons: defineCollection({
    loader: glob({ base: './content/lessons', pattern: visible, generateId: baseName }),
    schema: lessonSchema,
  }),
  glossary: defineCollection({
    loader: glob({ base: './content/glossary', pattern: visible, generateId: baseName }),
    schema: glossarySchema,
  }),
  examples: defineCollection({
    loader: file('./content/examples/task-definitions.yaml'),
    schema: exampleSchema,
  }),
  quizzes: defineCollection({
    loader: glob({ base: './content/quizzes', pattern: visible, generateId: baseName }),
    schema: quizSchema,
  }),
  scenarios: defineCollection({
    loader: glob({ base: './content/scenarios', pattern: visible, generateId: baseName }),
    schema: scenarioSchema,
  }),
  labs: defineCollection({
    loader: glob({ base: './content/labs', pattern: visible, generateId: baseName }),
    schema: labSchema,
  }),
};
