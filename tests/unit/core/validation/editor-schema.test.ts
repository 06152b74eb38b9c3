import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIELD_GLOSSARY } from '../../../../src/core/ecs/field-glossary.ts';
import { editorSchema } from '../../../../src/core/validation/editor-schema.ts';

type Definitions = Record<string, { properties?: Record<string, Record<string, unknown>> }>;
const definitions = (schema: Record<string, unknown>) => schema.definitions as Definitions;

describe('the editor schema', () => {
  it('maps only fields that exist to glossary entries that exist', () => {
    const defs = definitions(editorSchema());
    for (const [key, slug] of Object.entries(FIELD_GLOSSARY)) {
      const [shape = '', member = ''] = key.split('.');
      expect(defs[shape]?.properties?.[member], key).toBeDefined();
      expect(existsSync(`content/glossary/${slug}.md`), slug).toBe(true);
    }
  });

  it('adds the glossary definition and a link to the hover of mapped fields, escaped as Markdown', () => {
    const glossary = { 'network-mode': { term: 'Network mode', short: 'How a task gets its *network*.' } };
    const property = definitions(editorSchema(glossary)).RegisterTaskDefinitionRequest?.properties?.networkMode;
    expect(property?.markdownDescription).toContain(
      '**Network mode** (glossary): How a task gets its \\*network\\*. [More in the glossary](/glossary/#network-mode)',
    );
    expect(typeof property?.description).toBe('string');
  });

  it('leaves hovers alone without glossary entries', () => {
    const property = definitions(editorSchema()).RegisterTaskDefinitionRequest?.properties?.networkMode;
    expect(property?.markdownDescription).toBeUndefined();
  });
});
