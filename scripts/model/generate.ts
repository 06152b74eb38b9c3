/**
 * Generates the core's ECS/ECR model from the pinned AWS SDK clients. Pure function of the
 * installed packages: `npm run gen:model` writes the result, and a unit test regenerates it and
 * compares byte for byte with what is committed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import type { MemberType } from '../../src/core/ecs/model.ts';
import { CONSTRAINTS } from './constraints.ts';
import { readSdkEnums } from './read-sdk-enums.ts';
import { readSdkSchemas, type SdkModel, type TypeExpr } from './read-sdk-schemas.ts';

const require = createRequire(import.meta.url);

/** A member's type in the generated model (JSON); the core reads the same form. */
export type ModelType = MemberType;

interface ClientSource {
  /** npm package, e.g. @aws-sdk/client-ecs */
  pkg: string;
  /** Short name used in file names: ecs, ecr */
  name: string;
}

const CLIENTS: ClientSource[] = [
  { pkg: '@aws-sdk/client-ecs', name: 'ecs' },
  { pkg: '@aws-sdk/client-ecr', name: 'ecr' },
];

function packageDir(pkg: string): string {
  return dirname(require.resolve(`${pkg}/package.json`));
}

function toModelType(t: TypeExpr, enumName: string | undefined): ModelType {
  switch (t.kind) {
    case 'simple':
      if (t.type === 'string') return enumName ? { type: 'string', enum: enumName } : { type: 'string' };
      // ECS and ECR model every number in these APIs as Integer/Long/BoxedInteger except a few
      // Double members of task sets and metrics, none of which a learner writes.
      return { type: t.type === 'number' ? 'integer' : t.type };
    case 'list':
      return { type: 'list', member: toModelType(t.member, enumName) };
    case 'map':
      return { type: 'map', value: toModelType(t.value, undefined) };
    case 'ref':
      return { type: 'structure', shape: t.name };
  }
}

const sortObject = <T>(entries: [string, T][]) => Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)));

function buildModel(source: ClientSource, sdk: SdkModel) {
  const dir = packageDir(source.pkg);
  const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const enums = readSdkEnums(join(dir, 'dist-types/models'));
  const used = new Set<string>();
  const shapes = sortObject(
    [...sdk.structures].map(([name, s]) => {
      const members = Object.fromEntries(
        s.members.map((m) => {
          const enumName = enums.members.get(`${name}.${m.name}`);
          if (enumName) used.add(enumName);
          return [m.name, toModelType(m.type, enumName)];
        }),
      );
      return [
        name,
        {
          type: s.kind,
          members,
          required: s.required,
          ...(s.fault ? { fault: s.fault } : {}),
          ...(s.sensitive ? { sensitive: true } : {}),
        },
      ];
    }),
  );
  return {
    source: { package: source.pkg, version },
    enums: sortObject([...enums.values].filter(([n]) => used.has(n))),
    operations: sortObject([...sdk.operations]),
    shapes,
  };
}

export type GeneratedModel = ReturnType<typeof buildModel>;

type JsonSchema = Record<string, unknown>;

/** JSON Schema (draft-07) of one operation's input, for ajv and the editor. */
function inputSchema(model: GeneratedModel, root: string): JsonSchema {
  const definitions: Record<string, JsonSchema> = {};
  const pending = [root];
  const typeSchema = (t: ModelType, path: string): JsonSchema => {
    const constraint = CONSTRAINTS[path] ?? {};
    switch (t.type) {
      case 'string': {
        const values = t.enum ? model.enums[t.enum] : undefined;
        return { type: 'string', ...(values ? { enum: values } : {}), ...constraint };
      }
      case 'integer':
      case 'boolean':
        return { type: t.type, ...constraint };
      case 'timestamp':
        return { type: ['string', 'number'], ...constraint };
      case 'blob':
        return { type: 'string', ...constraint };
      case 'document':
        return { ...constraint };
      case 'list':
        return { type: 'array', items: typeSchema(t.member, `${path}[]`), ...constraint };
      case 'map':
        return { type: 'object', additionalProperties: typeSchema(t.value, `${path}{}`), ...constraint };
      case 'structure':
        pending.push(t.shape);
        return { $ref: `#/definitions/${t.shape}`, ...constraint };
    }
  };
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (definitions[name]) continue;
    const shape = model.shapes[name];
    if (!shape) throw new Error(`unknown shape ${name}`);
    definitions[name] = {}; // placeholder against cycles
    const properties = Object.fromEntries(
      Object.entries(shape.members).map(([member, t]) => [member, typeSchema(t as ModelType, `${name}.${member}`)]),
    );
    definitions[name] = {
      type: 'object',
      properties,
      additionalProperties: false,
      ...(shape.required.length > 0 ? { required: shape.required } : {}),
      // A union takes exactly one of its members.
      ...(shape.type === 'union' ? { minProperties: 1, maxProperties: 1 } : {}),
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://ecs-academy.example/schemas/${root}.json`,
    $ref: `#/definitions/${root}`,
    definitions: sortObject(Object.entries(definitions)),
  };
}

function typeScriptOf(t: ModelType): string {
  switch (t.type) {
    case 'string':
      return t.enum ?? 'string';
    case 'integer':
    case 'timestamp':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'blob':
      return 'string';
    case 'document':
      return 'unknown';
    case 'list':
      return `${typeScriptOf(t.member)}[]`;
    case 'map':
      return `Record<string, ${typeScriptOf(t.value)}>`;
    case 'structure':
      return t.shape;
  }
}

const HEADER = (what: string, model: GeneratedModel) =>
  `// GENERATED by \`npm run gen:model\` from ${model.source.package}@${model.source.version} (${what}). Do not edit.\n`;

/** TypeScript types: one interface per structure, one string union per enum. */
function typesModule(model: GeneratedModel): string {
  const lines = [HEADER('shapes as TypeScript types; timestamps are epoch seconds', model)];
  for (const [name, values] of Object.entries(model.enums)) {
    lines.push(`export type ${name} = ${(values as string[]).map((v) => JSON.stringify(v)).join(' | ')};`);
  }
  lines.push('');
  for (const [name, shape] of Object.entries(model.shapes)) {
    lines.push(`export interface ${name} {`);
    for (const [member, t] of Object.entries(shape.members)) {
      const optional = shape.required.includes(member) ? '' : '?';
      lines.push(`  ${member}${optional}: ${typeScriptOf(t as ModelType)};`);
    }
    lines.push('}');
  }
  lines.push('');
  return lines.join('\n');
}

/** ajv's standalone validator for a schema: plain code, no eval or new Function at run time. */
function standaloneValidator(schema: JsonSchema): string {
  const ajv = new Ajv({ allErrors: true, strict: true, code: { source: true, esm: true } });
  const validate = ajv.compile(schema);
  // ajv's ESM output still require()s its string-length helper; inline an equivalent (length in
  // code points, so an emoji counts once) to keep the module pure ESM with no runtime dependency.
  const code = standaloneCode(ajv, validate).replace(
    /const (func\d+) = require\("ajv\/dist\/runtime\/ucs2length"\)\.default;/,
    'const $1 = (text) => { let n = 0; for (const _ of text) n++; return n; };',
  );
  if (code.includes('require(')) throw new Error('standalone validator still requires a runtime module');
  return `// GENERATED by \`npm run gen:model\` with ajv standalone code. Do not edit.\n${code}`;
}

const VALIDATE_DTS = `// GENERATED by \`npm run gen:model\`. Do not edit.
import type { ErrorObject } from 'ajv';

export interface StandaloneValidate {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}
export declare const validate: StandaloneValidate;
export default validate;
`;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Every generated file: path (relative to the repository) → content. */
export function generate(): Map<string, string> {
  const files = new Map<string, string>();
  const models = new Map<string, GeneratedModel>();
  for (const client of CLIENTS) {
    const schemasFile = join(packageDir(client.pkg), 'dist-es/schemas/schemas_0.js');
    const model = buildModel(client, readSdkSchemas(schemasFile));
    models.set(client.name, model);
    files.set(`src/core/ecs/generated/${client.name}-model.json`, json(model));
    files.set(`src/core/ecs/generated/${client.name}-types.ts`, typesModule(model));
  }
  const ecs = models.get('ecs') as GeneratedModel;
  const register = inputSchema(ecs, 'RegisterTaskDefinitionRequest');
  files.set('src/core/ecs/generated/register-task-definition.schema.json', json(register));
  files.set('src/core/validation/generated/register-task-definition.validate.js', standaloneValidator(register));
  files.set('src/core/validation/generated/register-task-definition.validate.d.ts', VALIDATE_DTS);
  return files;
}
