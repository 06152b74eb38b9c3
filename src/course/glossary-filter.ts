/** Whether a glossary entry's searchable text matches every word of the filter (case-insensitive). */
export function matchesFilter(haystack: string, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const text = haystack.toLowerCase();
  return words.every((w) => text.includes(w));
}
