/**
 * The course as pages see it: modules and lessons in order, URLs, neighbours. Loading it also runs
 * the integrity check, so a broken link or unknown term fails the build with the file named.
 */
import { type CollectionEntry, getCollection, render } from 'astro:content';
import { checkCourse, formatProblems } from '../course/integrity.ts';

export type Lesson = CollectionEntry<'lessons'>;
export type GlossaryEntry = CollectionEntry<'glossary'>;

export interface CourseModule {
  id: string;
  title: string;
  summary: string;
  order: number;
  lessons: Lesson[];
  /** Sum of the lessons' durations, in minutes. */
  duration: number;
}

export interface Course {
  modules: CourseModule[];
  /** Every lesson in course order. */
  lessons: Lesson[];
  glossary: GlossaryEntry[];
}

export const lessonPath = (id: string) => `/lessons/${id}/`;
export const glossaryPath = (slug?: string) => (slug ? `/glossary/#${slug}` : '/glossary/');

/** Pages that exist outside the collections, with the anchors they have. */
const STATIC_ROUTES: Record<string, string[]> = {
  '/': [],
  '/search/': [],
  '/validator/': [],
  '/playground/': [],
};

/** Sections the lesson layout adds around every lesson body. */
const LESSON_PAGE_ANCHORS = ['objectives', 'takeaways', 'quiz', 'further-reading'];

async function load(): Promise<Course> {
  const [moduleEntries, lessonEntries, glossary] = await Promise.all([
    getCollection('modules'),
    getCollection('lessons'),
    getCollection('glossary'),
  ]);
  glossary.sort((a, b) => a.data.term.localeCompare(b.data.term, 'en', { sensitivity: 'base' }));

  const modules: CourseModule[] = moduleEntries
    .map((m) => {
      const lessons = lessonEntries.filter((l) => l.data.module === m.id).sort((a, b) => a.data.order - b.data.order);
      const duration = lessons.reduce((sum, l) => sum + l.data.duration, 0);
      return { id: m.id, ...m.data, lessons, duration };
    })
    .filter((m) => m.lessons.length > 0)
    .sort((a, b) => a.order - b.order);

  const routes = new Map<string, Set<string>>();
  for (const [path, anchors] of Object.entries(STATIC_ROUTES)) routes.set(path, new Set(anchors));
  routes.set(glossaryPath(), new Set(glossary.map((g) => g.id)));
  for (const lesson of lessonEntries) {
    const { headings } = await render(lesson);
    routes.set(lessonPath(lesson.id), new Set([...headings.map((h) => h.slug), ...LESSON_PAGE_ANCHORS]));
  }

  const problems = checkCourse(
    {
      modules: moduleEntries.map((m) => m.id),
      lessons: lessonEntries.map((l) => ({
        id: l.id,
        file: l.filePath ?? l.id,
        module: l.data.module,
        glossary: l.data.glossary,
        body: l.body ?? '',
      })),
      glossary: glossary.map((g) => ({
        id: g.id,
        file: g.filePath ?? g.id,
        slug: g.data.slug,
        related: g.data.related,
      })),
      routes,
    },
    lessonPath,
  );
  if (problems.length > 0) throw new Error(formatProblems(problems));

  return { modules, lessons: modules.flatMap((m) => m.lessons), glossary };
}

let cached: Promise<Course> | undefined;

/** The checked course; loaded once per build (every time in dev, where content changes live). */
export function getCourse(): Promise<Course> {
  if (import.meta.env.DEV) return load();
  cached ??= load();
  return cached;
}
