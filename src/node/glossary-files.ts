/** The glossary for `explain` in `npm run sim`: read from content/glossary, as the site builds it. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { GlossaryText } from '../core/cli/explain.ts';
import { glossarySchema } from '../course/schema.ts';

export function readGlossary(dir = 'content/glossary'): GlossaryText[] {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.md') && !f.startsWith('_'));
  } catch {
    return [];
  }
  return files.flatMap((file) => {
    const match = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, file), 'utf8'));
    const parsed = glossarySchema.safeParse(parse(match?.[1] ?? ''));
    if (!parsed.success) return [];
    const { slug, term, short, aliases, related } = parsed.data;
    return [{ slug, term, short, aliases, related }];
  });
}
