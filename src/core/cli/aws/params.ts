/**
 * Turns `--kebab-case` options into an API input object, the way the AWS CLI v2 does: option
 * names and types come from the operation's input shape; values may be plain words, lists of
 * words, shorthand syntax, JSON, or file:// references.
 */
import { kebab, type MemberType, type ServiceName, shape } from '../../ecs/model.ts';
import { parseShorthand, ShorthandError, type ShorthandValue } from '../shorthand.ts';

export class UsageError extends Error {}
export class ParamValidationError extends Error {}

/** Reads files for file:// values; undefined when the file does not exist. */
export type ReadFile = (path: string) => string | undefined;

export interface GlobalOptions {
  output: 'json' | 'text' | 'table';
  query?: string;
  cliInputJson?: string;
  generateSkeleton?: 'input' | 'output';
  region?: string;
}

const GLOBAL_WITH_VALUE = new Set([
  '--output',
  '--query',
  '--region',
  '--profile',
  '--endpoint-url',
  '--cli-input-json',
  '--color',
  '--ca-bundle',
  '--cli-read-timeout',
  '--cli-connect-timeout',
]);
const GLOBAL_FLAGS = new Set([
  '--no-cli-pager',
  '--no-paginate',
  '--debug',
  '--no-verify-ssl',
  '--no-sign-request',
  '--cli-auto-prompt',
  '--no-cli-auto-prompt',
]);

function resolveFileValue(value: string, readFile: ReadFile): string {
  if (!value.startsWith('file://') && !value.startsWith('fileb://')) return value;
  const path = value.replace(/^fileb?:\/\//, '');
  const content = readFile(path);
  if (content === undefined)
    throw new ParamValidationError(
      `Error parsing parameter '${path}': Unable to load paramfile ${value}: [Errno 2] No such file or directory: '${path}'`,
    );
  return content;
}

/** Converts a parsed (shorthand or JSON) value to the member's type. */
function convert(service: ServiceName, type: MemberType, value: unknown, where: string): unknown {
  switch (type.type) {
    case 'integer':
      return typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'list':
      if (Array.isArray(value)) return value.map((v) => convert(service, type.member, v, where));
      return [convert(service, type.member, value, where)];
    case 'structure': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
      const def = shape(service, type.shape);
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        const memberType = def?.members[key];
        out[key] = memberType ? convert(service, memberType, v, `${where}.${key}`) : v;
      }
      return out;
    }
    default:
      return value;
  }
}

/** Parses one option's raw words into a value of the member's type. */
function parseOptionValue(
  service: ServiceName,
  type: MemberType,
  words: string[],
  option: string,
  readFile: ReadFile,
): unknown {
  const texts = words.map((w) => resolveFileValue(w, readFile));
  const first = texts[0] ?? '';
  const looksJson =
    /^\s*[[{"]/.test(first) ||
    (type.type !== 'string' &&
      /^\s*(-?\d|true|false|null)/.test(first) &&
      type.type !== 'integer' &&
      type.type !== 'boolean' &&
      type.type !== 'list');
  if (
    type.type === 'string' ||
    type.type === 'integer' ||
    type.type === 'boolean' ||
    type.type === 'timestamp' ||
    type.type === 'blob'
  ) {
    return convert(service, type, first, option);
  }
  if (looksJson || (texts.length === 1 && /^\s*[[{]/.test(first))) {
    try {
      return convert(service, type, JSON.parse(texts.join(' ')) as unknown, option);
    } catch (error) {
      if (error instanceof SyntaxError)
        throw new ParamValidationError(
          `Error parsing parameter '${option}': Invalid JSON: ${error.message}\nJSON received: ${texts.join(' ')}`,
        );
      throw error;
    }
  }
  try {
    if (type.type === 'list') {
      const member = type.member;
      if (member.type === 'structure') return texts.map((t) => convert(service, member, parseShorthand(t), option));
      // A list of scalars: space-separated words, or one comma-separated word.
      const items = texts.length === 1 && first.includes(',') ? first.split(',') : texts;
      return items.map((t) => convert(service, member, t, option));
    }
    if (type.type === 'structure' || type.type === 'map') {
      return convert(service, type, parseShorthand(first) as ShorthandValue, option);
    }
    return first;
  } catch (error) {
    if (error instanceof ShorthandError)
      throw new ParamValidationError(`Error parsing parameter '${option}': ${error.message}`);
    throw error;
  }
}

export interface ParsedArgs {
  input: Record<string, unknown>;
  globals: GlobalOptions;
}

/** Parses `aws <service> <operation>` arguments against the operation's input shape. */
export function parseArgs(
  service: ServiceName,
  inputShape: string,
  args: readonly string[],
  readFile: ReadFile,
): ParsedArgs {
  const def = shape(service, inputShape);
  const members = def?.members ?? {};
  const byOption = new Map(Object.keys(members).map((m) => [`--${kebab(m)}`, m]));
  const globals: GlobalOptions = { output: 'json' };
  const input: Record<string, unknown> = {};
  let i = 0;
  while (i < args.length) {
    const arg = args[i] as string;
    if (!arg.startsWith('--')) throw new UsageError(`Unknown options: ${args.slice(i).join(', ')}`);
    const [name = '', inline] =
      arg.includes('=') && !byOption.has(arg)
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const values: string[] = inline !== undefined ? [inline] : [];
    let j = i + 1;
    while (inline === undefined && j < args.length && !(args[j] as string).startsWith('--'))
      values.push(args[j++] as string);
    i = inline !== undefined ? i + 1 : j;
    if (name === '--generate-cli-skeleton') {
      globals.generateSkeleton = values[0] === 'output' ? 'output' : 'input';
      continue;
    }
    if (GLOBAL_FLAGS.has(name)) continue;
    if (GLOBAL_WITH_VALUE.has(name)) {
      if (values.length === 0) throw new UsageError(`argument ${name}: expected one argument`);
      if (name === '--output') {
        if (!['json', 'text', 'table', 'yaml', 'yaml-stream'].includes(values[0] as string))
          throw new UsageError(
            `argument --output: Invalid choice, valid choices are:\n\njson                                     | text\ntable                                    | yaml\nyaml-stream`,
          );
        globals.output = values[0] === 'text' || values[0] === 'table' ? values[0] : 'json';
      }
      if (name === '--query') globals.query = values[0] as string;
      if (name === '--region') globals.region = values[0] as string;
      if (name === '--cli-input-json') globals.cliInputJson = resolveFileValue(values[0] as string, readFile);
      continue;
    }
    const negated = name.startsWith('--no-') ? byOption.get(`--${name.slice(5)}`) : undefined;
    const member = byOption.get(name) ?? negated;
    if (!member) throw new UsageError(`Unknown options: ${[name, ...values].join(', ')}`);
    const type = members[member] as MemberType;
    if (type.type === 'boolean' && values.length === 0) {
      input[member] = negated === undefined;
      continue;
    }
    if (values.length === 0) throw new UsageError(`argument ${name}: expected one argument`);
    input[member] = parseOptionValue(service, type, values, name.slice(2), readFile);
  }
  if (globals.cliInputJson !== undefined) {
    let fromJson: unknown;
    try {
      fromJson = JSON.parse(globals.cliInputJson);
    } catch {
      throw new ParamValidationError(`Error parsing parameter 'cli-input-json': Invalid JSON received.`);
    }
    if (fromJson === null || typeof fromJson !== 'object' || Array.isArray(fromJson))
      throw new ParamValidationError("Invalid type for parameter input, valid types: <class 'dict'>");
    // Options on the command line win over the same keys in --cli-input-json.
    for (const [key, value] of Object.entries(fromJson as Record<string, unknown>))
      if (!(key in input)) input[key] = value;
  }
  return { input, globals };
}
