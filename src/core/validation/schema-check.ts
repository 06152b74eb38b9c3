/**
 * Stage 1 of validation: the generated JSON Schema, compiled ahead of time by ajv (no eval at run
 * time). ajv's errors become findings worded like the AWS CLI's own parameter validation.
 */

import type { ErrorObject } from 'ajv';
import { own } from '../own.ts';
import { validate } from './generated/register-task-definition.validate.js';
import { toCliPath, toJsoncPath } from './pointer.ts';
import { READ_ONLY_FIELDS } from './read-only-fields.ts';
import { membersAt } from './schema-walk.ts';
import type { Finding } from './types.ts';

const LEARN_SHAPE = {
  docs: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html',
};

/** Python's name for a JSON value's type, as the AWS CLI prints it (`<class 'str'>`). */
function pythonType(value: unknown): string {
  if (value === null) return 'NoneType';
  if (Array.isArray(value)) return 'list';
  switch (typeof value) {
    case 'string':
      return 'str';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(value) ? 'int' : 'float';
    default:
      return 'dict';
  }
}

/** A short Python-style rendering of a value, as the CLI shows it in messages. */
function pythonRepr(value: unknown): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  // botocore formats the value with str(): a string appears without quotes.
  if (typeof value === 'string') return value.length > 40 ? `${value.slice(0, 40)}…` : value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '[]' : '[…]';
  return '{…}';
}

const VALID_TYPES: Record<string, string> = {
  string: "<class 'str'>",
  integer: "<class 'int'>",
  boolean: "<class 'bool'>",
  array: "<class 'list'>, <class 'tuple'>",
  object: "<class 'dict'>",
};

const TYPE_WORDS: Record<string, string> = {
  string: 'a string in double quotes',
  integer: 'a whole number without quotes',
  boolean: 'true or false, without quotes',
  array: 'a list in square brackets [ ]',
  object: 'an object in braces { }',
};

function valueAt(document: unknown, pointer: string): unknown {
  let node: unknown = document;
  for (const segment of toJsoncPath(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

const where = (pointer: string) => toCliPath(pointer) || 'input';

function unknownParameter(error: ErrorObject, document: unknown): Finding {
  const name = String(error.params.additionalProperty);
  const pointer = `${error.instancePath}/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
  const allowed = membersAt(toJsoncPath(error.instancePath));
  const awsMessage = `Unknown parameter in ${where(error.instancePath)}: "${name}", must be one of: ${allowed.join(', ')}`;
  const remove = { title: `Remove "${name}"`, edits: [{ pointer, remove: true as const }] };
  const readOnly = error.instancePath === '' ? own(READ_ONLY_FIELDS, name) : undefined;
  if (readOnly !== undefined) {
    return {
      severity: 'error',
      code: 'read-only-field',
      awsMessage,
      explanation: `"${name}" is an output of describe-task-definition, not an input of register-task-definition. ${readOnly} Delete it (and the other read-only fields) before registering.`,
      pointer,
      onKey: true,
      fixes: [remove, readOnlyRemoval(document)],
      learnMore: { lesson: { id: 'task-definitions', section: 'families-and-revisions' }, ...LEARN_SHAPE },
    };
  }
  const near = allowed.find((a) => a.toLowerCase() === name.toLowerCase());
  return {
    severity: 'error',
    code: 'unknown-parameter',
    awsMessage,
    explanation: near
      ? `Parameter names are case-sensitive: did you mean "${near}"?`
      : `"${name}" is not a parameter here, so AWS would reject the whole request. Check the spelling and the level it is at.`,
    pointer,
    onKey: true,
    fixes: near
      ? [
          {
            title: `Rename to "${near}"`,
            edits: [
              { pointer, remove: true },
              { pointer: pointer.replace(/[^/]*$/, near), value: valueAt(document, pointer) },
            ],
          },
          remove,
        ]
      : [remove],
    learnMore: LEARN_SHAPE,
  };
}

/** One fix that removes every read-only field present at the top level. */
function readOnlyRemoval(document: unknown): { title: string; edits: { pointer: string; remove: true }[] } {
  const present = Object.keys(READ_ONLY_FIELDS).filter(
    (f) => document !== null && typeof document === 'object' && f in (document as object),
  );
  return { title: 'Remove all read-only fields', edits: present.map((f) => ({ pointer: `/${f}`, remove: true })) };
}

function toFinding(error: ErrorObject, document: unknown): Finding | undefined {
  const pointer = error.instancePath;
  switch (error.keyword) {
    case 'additionalProperties':
      return unknownParameter(error, document);
    case 'required': {
      const missing = String(error.params.missingProperty);
      return {
        severity: 'error',
        code: 'missing-required-parameter',
        awsMessage: `Missing required parameter in ${where(pointer)}: "${missing}"`,
        explanation: `Every ${pointer === '' ? 'task definition' : 'entry here'} needs "${missing}".`,
        pointer: `${pointer}/${missing}`,
        learnMore: LEARN_SHAPE,
      };
    }
    case 'type': {
      const value = valueAt(document, pointer);
      if (pointer === '') {
        return {
          severity: 'error',
          code: 'input-not-object',
          awsMessage: `Invalid type for parameter input, value: ${pythonRepr(value)}, type: <class '${pythonType(value)}'>, valid types: <class 'dict'>`,
          explanation: 'A task definition is one JSON object: { "family": …, "containerDefinitions": [ … ] }.',
          pointer,
          learnMore: LEARN_SHAPE,
        };
      }
      const expected = String(error.params.type);
      const quoted = typeof value === 'string' && expected === 'integer' && /^-?\d+$/.test(value.trim());
      return {
        severity: 'error',
        code: 'invalid-type',
        awsMessage: `Invalid type for parameter ${where(pointer)}, value: ${pythonRepr(value)}, type: <class '${pythonType(value)}'>, valid types: ${VALID_TYPES[expected] ?? expected}`,
        explanation: `This must be ${TYPE_WORDS[expected] ?? expected}.${quoted ? ' Remove the quotes around the number.' : ''}`,
        pointer,
        ...(quoted ? { fixes: [{ title: 'Remove the quotes', edits: [{ pointer, value: Number(value) }] }] } : {}),
        learnMore: LEARN_SHAPE,
      };
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as string[]) ?? [];
      const value = valueAt(document, pointer);
      const near = allowed.find((a) => typeof value === 'string' && a.toLowerCase() === value.toLowerCase());
      return {
        severity: 'error',
        code: 'invalid-enum-value',
        awsMessage: `Invalid value for ${where(pointer)}: ${JSON.stringify(value)}. Valid values: ${allowed.join(', ')}.`,
        explanation: near
          ? `Values are case-sensitive: write "${near}".`
          : `ECS accepts only the listed values here, written exactly as shown.`,
        pointer,
        ...(near ? { fixes: [{ title: `Change to "${near}"`, edits: [{ pointer, value: near }] }] } : {}),
        learnMore: LEARN_SHAPE,
      };
    }
    case 'maxItems':
    case 'minLength':
    case 'maxLength':
    case 'pattern':
    case 'minProperties':
    case 'maxProperties':
      return {
        severity: 'error',
        code: 'constraint',
        awsMessage: `Invalid value for ${where(pointer)}: ${error.message ?? 'constraint not met'}.`,
        explanation:
          error.keyword === 'maxItems'
            ? 'This list has more items than ECS allows.'
            : error.keyword === 'pattern'
              ? 'This value contains characters ECS does not allow here.'
              : error.keyword.endsWith('Properties')
                ? 'Set exactly one of the options in this object.'
                : 'This value is longer or shorter than ECS allows.',
        pointer,
        learnMore: LEARN_SHAPE,
      };
    default:
      return undefined;
  }
}

/** Runs the compiled schema; returns findings in document order of their pointers. */
export function schemaFindings(document: unknown): Finding[] {
  if (validate(document)) return [];
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const finding = toFinding(error, document);
    if (!finding) continue;
    const key = `${finding.code}|${finding.pointer}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(finding);
  }
  return findings;
}
