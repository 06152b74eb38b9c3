/**
 * How the AWS CLI v2 prints a response: timestamps as ISO 8601 (in the machine's time zone; the
 * simulator runs in UTC), --query applied with JMESPath, then json (4-space indent), text
 * (tab-separated, the CLI's flattening rules) or table.
 */
import jmespath from 'jmespath';
import { type MemberType, type ServiceName, shape } from '../../ecs/model.ts';
import { formatCliTable, pyStr } from './table.ts';

/** 1767603608.123 → "2026-01-05T09:00:08.123000+00:00" (Python's isoformat, as the CLI prints). */
export function isoTimestamp(epochSeconds: number): string {
  const date = new Date(Math.round(epochSeconds * 1000));
  const base = date.toISOString().slice(0, 19);
  const millis = date.getUTCMilliseconds();
  return `${base}${millis === 0 ? '' : `.${String(millis * 1000).padStart(6, '0')}`}+00:00`;
}

function convert(service: ServiceName, type: MemberType, value: unknown): unknown {
  if (value === undefined || value === null) return value;
  switch (type.type) {
    case 'timestamp':
      return typeof value === 'number' ? isoTimestamp(value) : value;
    case 'list':
      return Array.isArray(value) ? value.map((v) => convert(service, type.member, v)) : value;
    case 'map':
      return typeof value === 'object'
        ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, convert(service, type.value, v)]))
        : value;
    case 'structure':
      return orderAndConvert(service, type.shape, value);
    default:
      return value;
  }
}

/** Puts an output object's keys in the model's member order and converts its timestamps. */
export function orderAndConvert(service: ServiceName, shapeName: string, value: unknown, iso = true): unknown {
  const def = shape(service, shapeName);
  if (!def || value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [member, type] of Object.entries(def.members)) {
    if (source[member] === undefined) continue;
    out[member] = iso ? convert(service, type, source[member]) : orderOnly(service, type, source[member]);
  }
  return out;
}

function orderOnly(service: ServiceName, type: MemberType, value: unknown): unknown {
  if (type.type === 'list' && Array.isArray(value)) return value.map((v) => orderOnly(service, type.member, v));
  if (type.type === 'structure') return orderAndConvert(service, type.shape, value, false);
  return value;
}

const isContainer = (v: unknown) => v !== null && typeof v === 'object';

/** The CLI's text format: scalars of a dict on one tab-separated line, nested lists labelled. */
export function formatText(value: unknown): string {
  const out: string[] = [];
  const scalarList = (items: unknown[], id: string | undefined) => {
    if (id !== undefined) for (const item of items) out.push(`${id.toUpperCase()}\t${pyStr(item)}`);
    else out.push(items.map(pyStr).join('\t'));
  };
  const walk = (item: unknown, id?: string, scalarKeys?: string[]): void => {
    if (Array.isArray(item)) {
      if (item.length === 0) return;
      if (item.some((el) => isContainer(el) && !Array.isArray(el))) {
        const keys = [
          ...new Set(
            item.flatMap((el) =>
              isContainer(el) && !Array.isArray(el)
                ? Object.entries(el as object)
                    .filter(([, v]) => !isContainer(v))
                    .map(([k]) => k)
                : [],
            ),
          ),
        ].sort();
        for (const el of item) walk(el, id, keys);
      } else if (item.some(Array.isArray)) {
        const scalars = item.filter((el) => !isContainer(el));
        if (scalars.length > 0) scalarList(scalars, id);
        for (const el of item.filter(isContainer)) walk(el, id);
      } else scalarList(item, id);
      return;
    }
    if (isContainer(item)) {
      const dict = item as Record<string, unknown>;
      const scalars: string[] = [];
      const nested: [string, unknown][] = [];
      if (scalarKeys === undefined) {
        for (const key of Object.keys(dict).sort()) {
          if (isContainer(dict[key])) nested.push([key, dict[key]]);
          else scalars.push(pyStr(dict[key]));
        }
      } else {
        for (const key of scalarKeys) scalars.push(key in dict ? pyStr(dict[key]) : '');
        for (const key of Object.keys(dict)
          .filter((k) => !scalarKeys.includes(k))
          .sort())
          nested.push([key, dict[key]]);
      }
      if (scalars.length > 0) out.push((id !== undefined ? [id.toUpperCase(), ...scalars] : scalars).join('\t'));
      for (const [key, v] of nested) walk(v, key);
      return;
    }
    out.push(pyStr(item));
  };
  walk(value);
  return out.join('\n');
}

/** Applies --query; JMESPath errors are reported like the CLI's. */
export function applyQuery(value: unknown, query: string | undefined): unknown {
  if (query === undefined) return value;
  return jmespath.search(value as Parameters<typeof jmespath.search>[0], query) as unknown;
}

export function render(value: unknown, format: 'json' | 'text' | 'table', title: string): string {
  if (format === 'text') return formatText(value);
  if (format === 'table') return formatCliTable(value, title);
  return JSON.stringify(value, null, 4);
}
