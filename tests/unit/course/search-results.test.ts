import { describe, expect, it } from 'vitest';
import { flattenResults, type PagefindPage } from '../../../src/course/search-results.ts';

const glossary: PagefindPage = {
  url: '/glossary/',
  excerpt: 'glossary',
  meta: { title: 'Glossary' },
  sub_results: [
    { title: 'Glossary', url: '/glossary/', excerpt: 'page top' },
    { title: 'Container', url: '/glossary/#container', excerpt: 'a <mark>kernel</mark> user' },
    { title: 'Kernel', url: '/glossary/#kernel', excerpt: 'the <mark>kernel</mark>' },
  ],
};
const lesson: PagefindPage = {
  url: '/lessons/containers-vs-virtual-machines/',
  excerpt: 'shares the <mark>kernel</mark>',
  meta: { title: 'Containers vs virtual machines' },
};

describe('flattenResults', () => {
  it('turns glossary sub-results into one hit per term and keeps lessons whole', () => {
    const hits = flattenResults([lesson, glossary], 'kernel');
    expect(hits.map((h) => [h.kind, h.title, h.url])).toEqual([
      ['Glossary', 'Kernel', '/glossary/#kernel'],
      ['Lesson', 'Containers vs virtual machines', '/lessons/containers-vs-virtual-machines/'],
      ['Glossary', 'Container', '/glossary/#container'],
    ]);
  });

  it('falls back to the URL when a page has no title', () => {
    const hits = flattenResults([{ url: '/x/', excerpt: '', meta: {} }], 'x');
    expect(hits[0]).toMatchObject({ kind: 'Page', title: '/x/' });
  });
});
