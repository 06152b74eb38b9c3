/** Walks the generated JSON Schema: which schema applies at a path, and what members it allows. */
import schema from '../ecs/generated/register-task-definition.schema.json' with { type: 'json' };

export interface SchemaNode {
  type?: string | string[];
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: boolean | SchemaNode;
  required?: string[];
  enum?: string[];
}

const definitions = (schema as unknown as { definitions: Record<string, SchemaNode> }).definitions;

/** Follows `$ref`s to the schema that actually describes a value. */
export function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  for (let i = 0; current?.$ref && i < 20; i++) {
    current = definitions[current.$ref.replace('#/definitions/', '')];
  }
  return current;
}

/** The root schema: RegisterTaskDefinitionRequest. */
export const rootSchema = (): SchemaNode => resolve(schema as unknown as SchemaNode) as SchemaNode;

/** The schema for the value at `path` (property names and array indices), if the path is valid. */
export function schemaAt(path: readonly (string | number)[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = rootSchema();
  for (const segment of path) {
    node = resolve(node);
    if (!node) return undefined;
    if (typeof segment === 'number' || /^\d+$/.test(segment)) node = node.items;
    else if (node.properties) node = node.properties[segment];
    else if (typeof node.additionalProperties === 'object') node = node.additionalProperties;
    else return undefined;
  }
  return resolve(node);
}

/** Member names an object accepts at `path`, in the model's order. */
export function membersAt(path: readonly (string | number)[]): string[] {
  return Object.keys(schemaAt(path)?.properties ?? {});
}
