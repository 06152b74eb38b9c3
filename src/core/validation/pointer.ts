/** JSON Pointer (RFC 6901) helpers and the AWS CLI's way of naming a parameter path. */

export type PathSegment = string | number;

const escapeSegment = (segment: string) => segment.replaceAll('~', '~0').replaceAll('/', '~1');
const unescapeSegment = (segment: string) => segment.replaceAll('~1', '/').replaceAll('~0', '~');

/** `['containerDefinitions', 0, 'name']` → `/containerDefinitions/0/name`. */
export function toPointer(path: readonly PathSegment[]): string {
  return path.map((s) => `/${escapeSegment(String(s))}`).join('');
}

/** `/containerDefinitions/0/name` → `['containerDefinitions', '0', 'name']` (strings only). */
export function fromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map(unescapeSegment);
}

/** Pointer segments as a jsonc-parser path: numeric segments become array indices. */
export function toJsoncPath(pointer: string): PathSegment[] {
  return fromPointer(pointer).map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

/** The CLI's parameter name for a pointer: `containerDefinitions[0].portMappings[1].hostPort`. */
export function toCliPath(pointer: string): string {
  let out = '';
  for (const segment of toJsoncPath(pointer)) {
    out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  }
  return out;
}
