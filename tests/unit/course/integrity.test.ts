import { describe, expect, it } from 'vitest';
import {
  type CourseInput,
  checkCourse,
  findReferences,
  formatProblems,
  splitLink,
} from '../../../src/course/integrity.ts';

const lessonPath = (id: string) => `/lessons/${id}/`;
const firstLesson = (input: CourseInput) => input.lessons[0] as CourseInput['lessons'][number];

function course(overrides: Partial<CourseInput> = {}): CourseInput {
  return {
    modules: ['foundations'],
    glossary: [
      { id: 'container', file: 'content/glossary/container.md', slug: 'container', related: ['kernel'] },
      { id: 'kernel', file: 'content/glossary/kernel.md', slug: 'kernel', related: [] },
    ],
    lessons: [
      {
        id: 'intro',
        file: 'content/lessons/foundations/intro.mdx',
        module: 'foundations',
        glossary: ['container'],
        body: 'A <Term slug="container">container</Term>. See [the kernel](/glossary/#kernel) and [below](#more).\n\n## More\n',
      },
    ],
    routes: new Map([
      ['/', new Set<string>()],
      ['/glossary/', new Set(['container', 'kernel'])],
      ['/lessons/intro/', new Set(['more'])],
    ]),
    ...overrides,
  };
}

describe('findReferences', () => {
  it('finds markdown links, href attributes and Term slugs', () => {
    const refs = findReferences('[a](/x/) <a href="/y/#z">y</a> <Term slug="pod">pods</Term> [ext](https://e.com)');
    expect(refs.links).toEqual(['/x/', '/y/#z']);
    expect(refs.terms).toEqual(['pod']);
  });

  it('ignores links inside fenced code blocks', () => {
    const refs = findReferences('```md\n[a](/nowhere/)\n```\n[b](/real/)');
    expect(refs.links).toEqual(['/real/']);
  });
});

describe('splitLink', () => {
  it('normalises the trailing slash and separates the anchor', () => {
    expect(splitLink('/glossary#task')).toEqual({ path: '/glossary/', anchor: 'task' });
    expect(splitLink('/a/?q=1')).toEqual({ path: '/a/', anchor: undefined });
    expect(splitLink('#here')).toEqual({ path: '', anchor: 'here' });
  });
});

describe('checkCourse', () => {
  it('accepts a consistent course', () => {
    expect(checkCourse(course(), lessonPath)).toEqual([]);
  });

  it('reports an unknown glossary term in the frontmatter, naming the file', () => {
    const input = course();
    const lesson = { ...firstLesson(input), glossary: ['container', 'pod'] };
    const problems = checkCourse({ ...input, lessons: [lesson] }, lessonPath);
    expect(problems).toEqual([
      {
        file: 'content/lessons/foundations/intro.mdx',
        message: 'unknown glossary term "pod" (no content/glossary/pod.md)',
      },
    ]);
  });

  it('reports a <Term> whose slug is unknown or missing from the frontmatter list', () => {
    const input = course();
    const body = '<Term slug="kernel">kernel</Term> <Term slug="pod">pod</Term>';
    const problems = checkCourse({ ...input, lessons: [{ ...firstLesson(input), body }] }, lessonPath);
    expect(problems.map((p) => p.message)).toEqual([
      '<Term slug="kernel"> is used but "kernel" is missing from the frontmatter glossary list',
      '<Term slug="pod">: unknown glossary term (no content/glossary/pod.md)',
    ]);
  });

  it('reports broken internal links: missing pages and missing anchors', () => {
    const input = course();
    const body = '[a](/lessons/nope/) [b](/glossary/#pod) [c](#missing) [d](/)';
    const problems = checkCourse({ ...input, lessons: [{ ...firstLesson(input), body }] }, lessonPath);
    expect(problems.map((p) => p.message)).toEqual([
      'broken internal link "/lessons/nope/": no page is built at /lessons/nope/',
      'broken internal link "/glossary/#pod": /glossary/ has no anchor #pod',
      'broken internal link "#missing": /lessons/intro/ has no anchor #missing',
    ]);
  });

  it('reports glossary slugs that differ from the file name and unknown related terms', () => {
    const input = course({
      glossary: [{ id: 'container', file: 'content/glossary/container.md', slug: 'containers', related: ['vm'] }],
      lessons: [],
    });
    expect(checkCourse(input, lessonPath).map((p) => p.message)).toEqual([
      'slug "containers" must equal the file name "container"',
      'related term "vm" does not exist',
    ]);
  });

  it('reports a lesson whose module is not on the course map', () => {
    const input = course();
    const problems = checkCourse({ ...input, lessons: [{ ...firstLesson(input), module: 'ops' }] }, lessonPath);
    expect(problems.map((p) => p.message)).toEqual(['module "ops" is not listed in content/modules.yaml']);
  });

  it('formats problems as one message listing each file', () => {
    const text = formatProblems([{ file: 'a.mdx', message: 'bad' }]);
    expect(text).toBe('The course content has 1 problem(s):\n  a.mdx: bad');
  });
});
