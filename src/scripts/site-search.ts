/**
 * Site search on the Pagefind index built after `astro build`. Pagefind loads only on the search
 * page. Its excerpts are HTML with <mark>; they are rebuilt as DOM nodes (text and <mark> only),
 * never assigned with innerHTML.
 */
import { flattenResults, type PagefindApi, type SearchHit } from '../course/search-results.ts';

let api: Promise<PagefindApi> | undefined;

function pagefind(): Promise<PagefindApi> {
  // A runtime path keeps the bundler from resolving a file that exists only after the build.
  const url = '/pagefind/pagefind.js';
  api ??= import(/* @vite-ignore */ url).then(async (mod: PagefindApi) => {
    await mod.init();
    return mod;
  });
  return api;
}

function excerptNodes(excerpt: string): Node[] {
  const doc = new DOMParser().parseFromString(`<body>${excerpt}</body>`, 'text/html');
  return [...doc.body.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

function renderHit(hit: SearchHit): HTMLLIElement {
  const li = document.createElement('li');
  const kind = document.createElement('span');
  kind.className = 'result-kind';
  kind.textContent = hit.kind;
  const link = document.createElement('a');
  link.className = 'result-title';
  link.href = hit.url;
  link.textContent = hit.title;
  const excerpt = document.createElement('p');
  excerpt.append(...excerptNodes(hit.excerpt));
  li.append(kind, link, excerpt);
  return li;
}

let latest = 0;

/** Searches and renders the hits into `list`, announcing the count in `status`. */
export async function runSearch(query: string, out: { status: HTMLElement; list: HTMLElement }) {
  const ticket = ++latest;
  const q = query.trim();
  if (q === '') {
    out.list.replaceChildren();
    out.status.textContent = 'Type a word and press Enter.';
    return;
  }
  out.status.textContent = 'Searching…';
  try {
    const engine = await pagefind();
    const response = await engine.search(q);
    const pages = await Promise.all(response.results.slice(0, 10).map((r) => r.data()));
    if (ticket !== latest) return; // a newer query has started
    const hits = flattenResults(pages, q);
    out.list.replaceChildren(...hits.map(renderHit));
    out.status.textContent =
      hits.length === 0 ? `No results for “${q}”.` : `${hits.length} result${hits.length === 1 ? '' : 's'} for “${q}”.`;
  } catch {
    if (ticket !== latest) return;
    out.status.textContent = 'Search is unavailable: the search index could not be loaded.';
  }
}
