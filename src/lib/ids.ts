let counter = 0;

/** A document-unique id for ARIA references (tooltips, descriptions) in server-rendered markup. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}
