/** The glossary as JSON for `explain` in the browser terminal, fetched when a terminal starts. */
import { getCollection } from 'astro:content';
import type { GlossaryText } from '../core/cli/explain.ts';

export async function GET(): Promise<Response> {
  const entries: GlossaryText[] = (await getCollection('glossary')).map(({ data }) => ({
    slug: data.slug,
    term: data.term,
    short: data.short,
    aliases: data.aliases,
    related: data.related,
  }));
  return new Response(JSON.stringify(entries), { headers: { 'content-type': 'application/json' } });
}
