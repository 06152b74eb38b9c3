/** Shapes of the Pagefind browser API that the site uses, and how its results become a list. */

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}

export interface PagefindPage {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: PagefindSubResult[];
}

export interface PagefindApi {
  init(): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<PagefindPage> }[] }>;
}

export interface SearchHit {
  kind: 'Glossary' | 'Lesson' | 'Page';
  title: string;
  url: string;
  excerpt: string;
}

function kindOf(url: string): SearchHit['kind'] {
  if (url.startsWith('/glossary/')) return 'Glossary';
  if (url.startsWith('/lessons/')) return 'Lesson';
  return 'Page';
}

/**
 * Glossary hits become one entry per matching term (the page holds every term); lesson hits stay
 * one entry per lesson. Terms whose title contains the query come first.
 */
export function flattenResults(pages: readonly PagefindPage[], query: string): SearchHit[] {
  const q = query.trim().toLowerCase();
  const hits: SearchHit[] = [];
  for (const page of pages) {
    const kind = kindOf(page.url);
    if (kind === 'Glossary') {
      const terms = (page.sub_results ?? []).filter((s) => s.url.includes('#'));
      for (const term of terms) hits.push({ kind, title: term.title, url: term.url, excerpt: term.excerpt });
    } else {
      hits.push({ kind, title: page.meta.title ?? page.url, url: page.url, excerpt: page.excerpt });
    }
  }
  const titleMatch = (h: SearchHit) => (h.title.toLowerCase().includes(q) ? 0 : 1);
  return hits
    .map((hit, index) => ({ hit, index }))
    .sort((a, b) => titleMatch(a.hit) - titleMatch(b.hit) || a.index - b.index)
    .map(({ hit }) => hit);
}
