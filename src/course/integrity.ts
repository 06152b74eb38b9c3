/**
 * Cross-file checks the schemas cannot express: every glossary term a lesson uses exists, every
 * internal link points at a page (and anchor) the site builds. Pure: the build feeds it the
 * collections, tests feed it literals.
 */

/** A lesson as the integrity check sees it. */
export interface LessonInput {
  id: string;
  /** Source path shown in error messages, e.g. `content/lessons/foundations/x.mdx`. */
  file: string;
  module: string;
  glossary: readonly string[];
  /** Raw MDX body. */
  body: string;
}

/** A glossary entry as the integrity check sees it. */
export interface GlossaryInput {
  id: string;
  file: string;
  slug: string;
  related: readonly string[];
}

export interface CourseInput {
  modules: readonly string[];
  lessons: readonly LessonInput[];
  glossary: readonly GlossaryInput[];
  /** Every page path the site builds (`/lessons/x/`) with the anchors it has. */
  routes: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface Problem {
  file: string;
  message: string;
}

/** Internal link targets and `<Term slug>` uses found in an MDX body. */
export interface BodyReferences {
  links: string[];
  terms: string[];
}

// Root-relative ("/glossary/") and same-page ("#section") targets; external URLs are not checked.
const MARKDOWN_LINK = /\]\(\s*(\/[^)\s]*|#[^)\s]+)/g;
const HREF_ATTRIBUTE = /\bhref\s*=\s*["'](\/[^"']*|#[^"']+)["']/g;
const TERM_USE = /<Term\b[^>]*?\bslug\s*=\s*["']([^"']+)["']/g;
const FENCED_CODE = /^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\S\n]*$/gm;

/** Finds root-relative links and glossary term uses in a lesson body, ignoring fenced code. */
export function findReferences(body: string): BodyReferences {
  const prose = body.replace(FENCED_CODE, '');
  const matches = (pattern: RegExp) => [...prose.matchAll(pattern)].map((m) => m[1] ?? '');
  return {
    links: [...matches(MARKDOWN_LINK), ...matches(HREF_ATTRIBUTE)],
    terms: matches(TERM_USE),
  };
}

/** Splits `/a/b/?q=1#x` into a trailing-slash path and an anchor. */
export function splitLink(link: string): { path: string; anchor: string | undefined } {
  const [beforeHash = '', anchor] = link.split('#', 2);
  const pathOnly = beforeHash.split('?', 1)[0] ?? '';
  const path = pathOnly === '' || pathOnly.endsWith('/') ? pathOnly : `${pathOnly}/`;
  return { path, anchor: anchor === '' ? undefined : anchor };
}

function checkLink(file: string, link: string, pagePath: string, input: CourseInput): Problem[] {
  const { path, anchor } = splitLink(link);
  const target = path === '' ? pagePath : path;
  const anchors = input.routes.get(target);
  if (!anchors) {
    return [{ file, message: `broken internal link "${link}": no page is built at ${target}` }];
  }
  if (anchor !== undefined && !anchors.has(decodeURIComponent(anchor))) {
    return [{ file, message: `broken internal link "${link}": ${target} has no anchor #${anchor}` }];
  }
  return [];
}

/** Returns every problem found; an empty list means the course is consistent. */
export function checkCourse(input: CourseInput, lessonPath: (id: string) => string): Problem[] {
  const problems: Problem[] = [];
  const glossaryIds = new Set(input.glossary.map((g) => g.id));
  const modules = new Set(input.modules);

  for (const term of input.glossary) {
    if (term.slug !== term.id) {
      problems.push({
        file: term.file,
        message: `slug "${term.slug}" must equal the file name "${term.id}"`,
      });
    }
    for (const related of term.related) {
      if (!glossaryIds.has(related)) {
        problems.push({ file: term.file, message: `related term "${related}" does not exist` });
      }
    }
  }

  for (const lesson of input.lessons) {
    if (!modules.has(lesson.module)) {
      problems.push({
        file: lesson.file,
        message: `module "${lesson.module}" is not listed in content/modules.yaml`,
      });
    }
    for (const slug of lesson.glossary) {
      if (!glossaryIds.has(slug)) {
        problems.push({
          file: lesson.file,
          message: `unknown glossary term "${slug}" (no content/glossary/${slug}.md)`,
        });
      }
    }
    const { links, terms } = findReferences(lesson.body);
    for (const slug of terms) {
      if (!glossaryIds.has(slug)) {
        problems.push({
          file: lesson.file,
          message: `<Term slug="${slug}">: unknown glossary term (no content/glossary/${slug}.md)`,
        });
      } else if (!lesson.glossary.includes(slug)) {
        problems.push({
          file: lesson.file,
          message: `<Term slug="${slug}"> is used but "${slug}" is missing from the frontmatter glossary list`,
        });
      }
    }
    for (const link of links) {
      problems.push(...checkLink(lesson.file, link, lessonPath(lesson.id), input));
    }
  }
  return problems;
}

/** One message naming every offending file, for the build to fail with. */
export function formatProblems(problems: readonly Problem[]): string {
  const lines = problems.map((p) => `  ${p.file}: ${p.message}`);
  return `The course content has ${problems.length} problem(s):\n${lines.join('\n')}`;
}
