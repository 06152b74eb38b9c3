/** The items before and after `id` in `list` (course order). */
export function neighbours<T extends { id: string }>(list: readonly T[], id: string): { prev?: T; next?: T } {
  const index = list.findIndex((item) => item.id === id);
  if (index < 0) return {};
  const prev = list[index - 1];
  const next = list[index + 1];
  return { ...(prev && { prev }), ...(next && { next }) };
}

/** Formats minutes for people: "15 min", "1 h", "1 h 20 min". */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** Groups glossary items by the first letter of their term (non-letters under "#"), A–Z order. */
export function groupByInitial<T>(items: readonly T[], term: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const first = term(item).trim().charAt(0).toUpperCase();
    const key = /^[A-Z]$/.test(first) ? first : '#';
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => (a === '#' ? -1 : b === '#' ? 1 : a.localeCompare(b))));
}
