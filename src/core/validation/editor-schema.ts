/**
 * The JSON Schema the editor uses for completion and hover: the generated schema with our own
 * learner descriptions added. Validation never uses it (the core validator does that).
 */
import { FIELD_DESCRIPTIONS } from '../ecs/descriptions.ts';
import schema from '../ecs/generated/register-task-definition.schema.json' with { type: 'json' };

type Node = { properties?: Record<string, Record<string, unknown>> };

export function editorSchema(): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(schema)) as { definitions: Record<string, Node> } & Record<string, unknown>;
  for (const [shape, definition] of Object.entries(copy.definitions)) {
    for (const [member, property] of Object.entries(definition.properties ?? {})) {
      const description = FIELD_DESCRIPTIONS[`${shape}.${member}`];
      if (description) property.description = description;
    }
  }
  return copy;
}
