/**
 * `explain TERM`: the glossary in the terminal. The same entries as the glossary page and the
 * lesson tooltips; the host hands them over (the browser fetches /glossary.json).
 */
import type { CommandResult } from './result.ts';

export interface GlossaryText {
  slug: string;
  term: string;
  short: string;
  aliases: readonly string[];
  related: readonly string[];
}

const normal = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();

/** Finds an entry by slug, term or alias, ignoring case, spaces, dashes and underscores. */
export function findTerm(glossary: readonly GlossaryText[], query: string): GlossaryText | undefined {
  const q = normal(query);
  return glossary.find((g) => normal(g.slug) === q || normal(g.term) === q || g.aliases.some((a) => normal(a) === q));
}

export function runExplain(args: readonly string[], glossary: readonly GlossaryText[] | undefined): CommandResult {
  const query = args.join(' ');
  if (query.trim() === '')
    return { stdout: '', stderr: 'explain: usage: explain TERM (for example: explain task definition)\n', exitCode: 2 };
  if (!glossary || glossary.length === 0)
    return { stdout: '', stderr: 'explain: the glossary is not available here\n', exitCode: 1 };
  const hit = findTerm(glossary, query);
  if (!hit) {
    const q = normal(query);
    const near = glossary
      .filter((g) => normal(g.term).includes(q) || g.aliases.some((a) => normal(a).includes(q)))
      .slice(0, 6)
      .map((g) => g.term);
    const hint = near.length > 0 ? ` Did you mean: ${near.join(', ')}?` : ' Browse them all at /glossary/.';
    return { stdout: '', stderr: `explain: no glossary entry for "${query}".${hint}\n`, exitCode: 1 };
  }
  const related = hit.related
    .map((slug) => glossary.find((g) => g.slug === slug)?.term)
    .filter((t): t is string => t !== undefined);
  const lines = [
    `${hit.term}${hit.aliases.length > 0 ? ` (also: ${hit.aliases.join(', ')})` : ''}`,
    `  ${hit.short}`,
    ...(related.length > 0 ? [`  Related: ${related.join(', ')}`] : []),
    `  More: /glossary/#${hit.slug}`,
  ];
  return { stdout: `${lines.join('\n')}\n`, stderr: '', exitCode: 0 };
}
