/**
 * The AWS CLI's client-side parameter validation (botocore's ParamValidator): required members,
 * unknown members and JSON types, checked against the operation's input shape before any call.
 * Enum values and ranges are left to the service, as the real CLI does.
 */
import type { MemberType, ServiceName } from '../../ecs/model.ts';
import { shape } from '../../ecs/model.ts';

const PY: Record<string, string> = {
  string: "<class 'str'>",
  integer: "<class 'int'>",
  boolean: "<class 'bool'>",
  list: "<class 'list'>, <class 'tuple'>",
  structure: "<class 'dict'>",
  map: "<class 'dict'>",
};

function pyType(v: unknown): string {
  if (v === null) return 'NoneType';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return 'dict';
}

function pyStr(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (v === null) return 'None';
  return JSON.stringify(v);
}

function check(service: ServiceName, type: MemberType, value: unknown, path: string, errors: string[]): void {
  const ok =
    (type.type === 'string' && typeof value === 'string') ||
    (type.type === 'integer' && typeof value === 'number' && Number.isInteger(value)) ||
    (type.type === 'boolean' && typeof value === 'boolean') ||
    (type.type === 'list' && Array.isArray(value)) ||
    ((type.type === 'structure' || type.type === 'map') &&
      value !== null &&
      typeof value === 'object' &&
      !Array.isArray(value)) ||
    type.type === 'timestamp' ||
    type.type === 'document' ||
    type.type === 'blob';
  if (!ok) {
    errors.push(
      `Invalid type for parameter ${path}, value: ${pyStr(value)}, type: <class '${pyType(value)}'>, valid types: ${PY[type.type] ?? type.type}`,
    );
    return;
  }
  if (type.type === 'list') {
    for (const [i, item] of (value as unknown[]).entries()) check(service, type.member, item, `${path}[${i}]`, errors);
  }
  if (type.type === 'map')
    for (const [k, v] of Object.entries(value as object)) check(service, type.value, v, `${path}.${k}`, errors);
  if (type.type === 'structure') checkStructure(service, type.shape, value as Record<string, unknown>, path, errors);
}

function checkStructure(
  service: ServiceName,
  shapeName: string,
  value: Record<string, unknown>,
  path: string,
  errors: string[],
): void {
  const def = shape(service, shapeName);
  if (!def) return;
  const where = path || 'input';
  for (const required of def.required) {
    if (value[required] === undefined || value[required] === null)
      errors.push(`Missing required parameter in ${where}: "${required}"`);
  }
  for (const [key, v] of Object.entries(value)) {
    const memberType = def.members[key];
    if (!memberType) {
      errors.push(`Unknown parameter in ${where}: "${key}", must be one of: ${Object.keys(def.members).join(', ')}`);
      continue;
    }
    check(service, memberType, v, path ? `${path}.${key}` : key, errors);
  }
}

/** Returns the CLI's messages for every problem; empty when the input may be sent. */
export function validateInput(service: ServiceName, inputShape: string, input: Record<string, unknown>): string[] {
  const errors: string[] = [];
  checkStructure(service, inputShape, input, '', errors);
  return errors;
}
