import { describe, expect, it } from 'vitest';
import { glossarySchema, lessonSchema } from '../../../src/course/schema.ts';

const lesson = {
  title: 'Containers vs virtual machines',
  summary: 'How containers and VMs differ.',
  module: 'foundations',
  order: 2,
  duration: 15,
  objectives: ['Explain the difference'],
  takeaways: ['Containers share the kernel'],
};

describe('lessonSchema', () => {
  it('accepts a minimal lesson and fills defaults', () => {
    expect(lessonSchema.parse(lesson)).toEqual({ ...lesson, glossary: [], furtherReading: [] });
  });

  it('rejects unknown keys, so a typo in frontmatter is not silently ignored', () => {
    const result = lessonSchema.safeParse({ ...lesson, durations: 3 });
    expect(result.success).toBe(false);
  });

  it('rejects a non-integer duration and an empty objectives list', () => {
    expect(lessonSchema.safeParse({ ...lesson, duration: 2.5 }).success).toBe(false);
    expect(lessonSchema.safeParse({ ...lesson, objectives: [] }).success).toBe(false);
  });

  it('requires kebab-case glossary slugs and https reading links', () => {
    expect(lessonSchema.safeParse({ ...lesson, glossary: ['Task Definition'] }).success).toBe(false);
    const reading = [{ title: 'Docs', url: 'http://example.com' }];
    expect(lessonSchema.safeParse({ ...lesson, furtherReading: reading }).success).toBe(false);
  });
});

describe('glossarySchema', () => {
  it('accepts a term with aliases and related terms', () => {
    const term = {
      term: 'Virtual machine',
      slug: 'virtual-machine',
      short: 'An emulated computer.',
      aliases: ['VM'],
      related: ['hypervisor'],
    };
    expect(glossarySchema.parse(term)).toEqual(term);
  });
});
