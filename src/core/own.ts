/**
 * Lookups keyed by what a learner typed must not reach Object.prototype: `toString`, `constructor`
 * or `__proto__` are ordinary names to a learner, not properties of every object.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** An empty map with no prototype, for state keyed by names and ARNs. */
export function dict<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
