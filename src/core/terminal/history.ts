/**
 * The command history: the lines the learner ran, oldest first, bounded, without blank lines or
 * the same line twice in a row (as bash with HISTCONTROL=ignoredups). It round-trips through a
 * plain JSON value so the browser can keep it in localStorage; reading a stored value never
 * throws: anything unreadable gives an empty history, because losing old commands is better than
 * a terminal that does not start.
 */

export const HISTORY_LIMIT = 500;

/** The stored form: versioned, so a later format can tell old records apart. */
export interface StoredHistory {
  version: 1;
  entries: string[];
}

/** A line the history keeps: not blank, and on one line (the editor never submits a line break). */
const keepable = (line: unknown): line is string =>
  typeof line === 'string' && line.trim() !== '' && !/[\r\n]/.test(line);

export interface SearchHit {
  /** Index of the entry in `entries`. */
  index: number;
  /** Offset of the match in the entry (the last occurrence, nearest the end, as bash shows it). */
  position: number;
}

export class History {
  readonly limit: number;
  #entries: string[] = [];

  constructor(entries: readonly string[] = [], limit = HISTORY_LIMIT) {
    this.limit = Math.max(1, Math.floor(limit));
    for (const entry of entries) this.add(entry);
  }

  /** Oldest first. */
  get entries(): readonly string[] {
    return this.#entries;
  }

  get length(): number {
    return this.#entries.length;
  }

  /** Adds a line that was run; returns false when it is not kept (blank, or same as the last). */
  add(line: string): boolean {
    if (!keepable(line) || this.#entries.at(-1) === line) return false;
    this.#entries.push(line);
    if (this.#entries.length > this.limit) this.#entries.splice(0, this.#entries.length - this.limit);
    return true;
  }

  clear(): void {
    this.#entries = [];
  }

  /**
   * The newest entry at or before index `from` that contains `query` (case-sensitive, as bash's
   * reverse-i-search). An empty query matches nothing: there is nothing to look for yet.
   */
  search(query: string, from = this.#entries.length - 1): SearchHit | undefined {
    if (query === '') return undefined;
    for (let index = Math.min(from, this.#entries.length - 1); index >= 0; index--) {
      const position = (this.#entries[index] as string).lastIndexOf(query);
      if (position >= 0) return { index, position };
    }
    return undefined;
  }

  toJSON(): StoredHistory {
    return { version: 1, entries: [...this.#entries] };
  }

  /** From a stored value (already parsed); anything else gives an empty history. */
  static fromJSON(value: unknown, limit = HISTORY_LIMIT): History {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return new History([], limit);
    const record = value as { version?: unknown; entries?: unknown };
    if (record.version !== 1 || !Array.isArray(record.entries)) return new History([], limit);
    return new History(record.entries.filter(keepable), limit);
  }

  /** From localStorage's string (or null when nothing was stored). Never throws. */
  static parse(text: string | null | undefined, limit = HISTORY_LIMIT): History {
    if (typeof text !== 'string') return new History([], limit);
    try {
      return History.fromJSON(JSON.parse(text), limit);
    } catch {
      return new History([], limit);
    }
  }

  /** The string to store in localStorage. */
  stringify(): string {
    return JSON.stringify(this.toJSON());
  }
}
