/**
 * Reads the compiled Smithy schemas that `@aws-sdk/client-*` ships (`dist-es/schemas/schemas_0.js`)
 * by walking the file's syntax tree: no package code is executed. Produces a plain model of every
 * structure, error and operation with its members, member types and required members.
 *
 * The compiled form (Smithy "schema" arrays, @smithy/core):
 *   structure  [3, namespace, name, traits, [memberNames], [memberSchemas], requiredCount?]
 *   union      [4, namespace, name, traits, [memberNames], [memberSchemas]] (exactly one member set)
 *   error      [-3, namespace, name, traits, [memberNames], [memberSchemas], requiredCount?]
 *   list       [1, namespace, name, traits, memberSchema]
 *   map        [2, namespace, name, traits, keySchema, valueSchema]
 *   operation  [9, namespace, name, traits, () => input, () => output]
 *   named      [0, namespace, name, traits, simple] (e.g. SensitiveString)
 *   simple     0 string · 1 number · 2 boolean · 4 timestamp · 21 blob · 15 document
 *   64 | s     list of simple s · 128 | s  map of simple s
 *   [s, traits] a schema with member traits; () => X  a reference to X
 * The first `requiredCount` members of a structure are its required members.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';

export type SimpleType = 'string' | 'number' | 'boolean' | 'timestamp' | 'blob' | 'document';

export type TypeExpr =
  | { kind: 'simple'; type: SimpleType }
  | { kind: 'list'; member: TypeExpr }
  | { kind: 'map'; value: TypeExpr }
  | { kind: 'ref'; name: string };

export interface StructureShape {
  kind: 'structure' | 'union' | 'error';
  members: { name: string; type: TypeExpr }[];
  required: string[];
  /** For errors: "client" or "server" (the Smithy error trait). */
  fault?: string;
  sensitive?: boolean;
}

export interface OperationShape {
  input: string;
  output: string;
}

export interface SdkModel {
  structures: Map<string, StructureShape>;
  operations: Map<string, OperationShape>;
}

const SIMPLE: Record<number, SimpleType> = {
  0: 'string',
  1: 'number',
  2: 'boolean',
  4: 'timestamp',
  21: 'blob',
  15: 'document',
};

type Value = string | number | Value[] | { ref: string } | { [key: string]: Value } | undefined;

/** Evaluates the literal subset the compiled schemas use. */
function evaluate(node: ts.Expression, bindings: Map<string, ts.Expression>, depth = 0): Value {
  if (depth > 50) throw new Error('schema nesting too deep');
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken) {
    return -(evaluate(node.operand, bindings, depth + 1) as number);
  }
  if (ts.isParenthesizedExpression(node)) return evaluate(node.expression, bindings, depth + 1);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.BarToken) {
    return (evaluate(node.left, bindings, depth + 1) as number) | (evaluate(node.right, bindings, depth + 1) as number);
  }
  if (ts.isArrayLiteralExpression(node)) return node.elements.map((e) => evaluate(e, bindings, depth + 1));
  if (ts.isArrowFunction(node) && ts.isIdentifier(node.body)) return { ref: node.body.text };
  if (ts.isObjectLiteralExpression(node)) {
    const out: Record<string, Value> = {};
    for (const prop of node.properties) {
      if (!ts.isPropertyAssignment(prop)) continue;
      const key = ts.isComputedPropertyName(prop.name)
        ? String(evaluate(prop.name.expression, bindings, depth + 1))
        : prop.name.getText();
      out[key] = evaluate(prop.initializer, bindings, depth + 1);
    }
    return out;
  }
  if (ts.isIdentifier(node)) {
    const bound = bindings.get(node.text);
    if (!bound) return undefined;
    // Constants are inlined; schema variables stay references so cycles terminate.
    if (ts.isStringLiteral(bound) || ts.isNumericLiteral(bound) || ts.isBinaryExpression(bound)) {
      return evaluate(bound, bindings, depth + 1);
    }
    return { ref: node.text };
  }
  throw new Error(`unexpected syntax in compiled schema: ${node.getText()}`);
}

const isRef = (v: Value): v is { ref: string } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'ref' in v;

/** Reads every variable declaration of the schemas file into evaluated values. */
function readDeclarations(file: string): Map<string, Value> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const bindings = new Map<string, ts.Expression>();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      if (ts.isIdentifier(decl.name) && decl.initializer) bindings.set(decl.name.text, decl.initializer);
    }
  }
  const values = new Map<string, Value>();
  for (const [name, init] of bindings) {
    if (ts.isNewExpression(init) || ts.isCallExpression(init)) continue; // registries
    values.set(name, evaluate(init, bindings));
  }
  return values;
}

/** Turns a member schema into a type expression, following list/map variables inline. */
function typeOf(schema: Value, values: Map<string, Value>, seen: Set<string> = new Set()): TypeExpr {
  if (typeof schema === 'number') {
    if (schema in SIMPLE) return { kind: 'simple', type: SIMPLE[schema] as SimpleType };
    if ((schema & 64) === 64) return { kind: 'list', member: typeOf(schema & ~64, values, seen) };
    if ((schema & 128) === 128) return { kind: 'map', value: typeOf(schema & ~128, values, seen) };
    throw new Error(`unknown simple schema ${schema}`);
  }
  if (isRef(schema)) {
    const target = values.get(schema.ref);
    if (schema.ref.endsWith('$')) return { kind: 'ref', name: structureName(target, schema.ref) };
    if (seen.has(schema.ref)) throw new Error(`recursive collection ${schema.ref}`);
    return typeOf(target, values, new Set([...seen, schema.ref]));
  }
  if (Array.isArray(schema)) {
    const [tag] = schema;
    // [0, namespace, name, traits, simple]: a named simple shape with traits (e.g. SensitiveString)
    if (tag === 0 && schema.length === 5) return typeOf(schema[4], values, seen);
    if (tag === 1 && schema.length === 5) return { kind: 'list', member: typeOf(schema[4], values, seen) };
    if (tag === 2 && schema.length === 6) return { kind: 'map', value: typeOf(schema[5], values, seen) };
    // [schema, memberTraits]
    if (schema.length === 2) return typeOf(schema[0], values, seen);
  }
  throw new Error(`unknown member schema ${JSON.stringify(schema)}`);
}

function structureName(value: Value, variable: string): string {
  if (Array.isArray(value) && typeof value[2] === 'string') return value[2];
  throw new Error(`${variable} is not a structure schema`);
}

/** Reads a client's compiled schemas file. */
export function readSdkSchemas(file: string): SdkModel {
  const values = readDeclarations(file);
  const structures = new Map<string, StructureShape>();
  const operations = new Map<string, OperationShape>();

  for (const [variable, value] of values) {
    if (!variable.endsWith('$') || !Array.isArray(value)) continue;
    const [tag, , name, traits] = value;
    if (typeof name !== 'string') continue;
    if (tag === 3 || tag === 4 || tag === -3) {
      const names = (value[4] ?? []) as string[];
      const schemas = (value[5] ?? []) as Value[];
      const requiredCount = typeof value[6] === 'number' ? value[6] : 0;
      const shape: StructureShape = {
        kind: tag === 3 ? 'structure' : tag === 4 ? 'union' : 'error',
        members: names.map((member, i) => ({ name: member, type: typeOf(schemas[i], values) })),
        required: names.slice(0, requiredCount),
      };
      if (tag === -3 && traits && typeof traits === 'object' && !Array.isArray(traits) && !isRef(traits)) {
        const fault = traits.error;
        if (typeof fault === 'string') shape.fault = fault;
      }
      // Trait bit 8 marks sensitive data (credentials) that clients redact from logs.
      if (typeof traits === 'number' && (traits & 8) === 8) shape.sensitive = true;
      structures.set(name, shape);
    } else if (tag === 9) {
      const input = value[4];
      const output = value[5];
      if (isRef(input) && isRef(output)) {
        operations.set(name, {
          input: structureName(values.get(input.ref), input.ref),
          output: structureName(values.get(output.ref), output.ref),
        });
      }
    }
  }
  return { structures, operations };
}
