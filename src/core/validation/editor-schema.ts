/**
 * The JSON Schema the editor uses for completion and hover: the generated schema with our own
 * learner descriptions added. Validation never uses it (the core validator does that).
 */
import { FIELD_DESCRIPTIONS } from '../ecs/descriptions.ts';
import { FIELD_GLOSSARY } from '../ecs/field-glossary.ts';
import schema from '../ecs/generated/register-task-definition.schema.json' with { type: 'json' };

type Node = { properties?: Record<string, Record<string, unknown>> };

/** A glossary entry as the hover shows it. */
export interface HoverTerm {
  term: string;
  short: string;
}

// Our descriptions are plain text; keep Markdown from reading anything in them as markup.
const escapeMarkdown = (text: string) => text.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`);

/**
 * `glossary` (by slug) adds the glossary's definition and a link to the hover of the fields that
 * have an entry (FIELD_GLOSSARY), so the hover and the glossary never say different things.
 */
export function editorSchema(
  glossary: Readonly<Record<string, HoverTerm>> = {},
  /** Origin of the site: Monaco renders only absolute links in a hover. */
  origin = '',
): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(schema)) as { definitions: Record<string, Node> } & Record<string, unknown>;
  for (const [shape, definition] of Object.entries(copy.definitions)) {
    for (const [member, property] of Object.entries(definition.properties ?? {})) {
      const key = `${shape}.${member}`;
      const description = FIELD_DESCRIPTIONS[key];
      if (description) property.description = description;
      const slug = FIELD_GLOSSARY[key];
      const entry = slug ? glossary[slug] : undefined;
      if (slug && entry) {
        property.markdownDescription = [
          ...(description ? [escapeMarkdown(description), ''] : []),
          `**${escapeMarkdown(entry.term)}** (glossary): ${escapeMarkdown(entry.short)} [More in the glossary](${origin}/glossary/#${slug})`,
        ].join('\n');
      }
    }
  }
  return copy;
}
