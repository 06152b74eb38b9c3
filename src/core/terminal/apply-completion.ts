/**
 * What Tab does with a completer's answer, as bash does it: one candidate is inserted whole (with
 * a space after it, unless it ends like a path or an `--option=` to be continued); several that
 * share a longer beginning have that beginning inserted; otherwise the candidates are listed.
 */
import { type LineState, replace } from './line-buffer.ts';

/** A completer's answer: replace `line.slice(start, end)` (UTF-16 offsets) with one of the candidates. */
export interface CompletionResult {
  start: number;
  end: number;
  /** Full replacement texts, already quoted for the shell. */
  candidates: readonly string[];
}

/** Completes the line at the cursor; may return undefined when it has nothing to offer. */
export type Completer = (line: string, cursor: number) => CompletionResult | undefined;

export type TabOutcome =
  | { type: 'none' }
  | { type: 'insert'; state: LineState }
  | { type: 'list'; candidates: string[] };

/** Longest common beginning, compared by code point so a surrogate pair is never cut in half. */
export function commonPrefix(items: readonly string[]): string {
  const [first, ...rest] = items;
  if (first === undefined) return '';
  let prefix = Array.from(first);
  for (const item of rest) {
    const chars = Array.from(item);
    let n = 0;
    while (n < prefix.length && n < chars.length && prefix[n] === chars[n]) n += 1;
    prefix = prefix.slice(0, n);
  }
  return prefix.join('');
}

/** Candidates that end here are not finished words: the learner goes on typing after them. */
const continues = (candidate: string) => /[/=:]$/.test(candidate);

export function applyCompletion(state: LineState, result: CompletionResult | undefined): TabOutcome {
  if (!result || !Number.isInteger(result.start) || !Number.isInteger(result.end)) return { type: 'none' };
  const { start, end } = result;
  if (start < 0 || end < start || end > state.text.length) return { type: 'none' };
  const candidates = [...new Set(result.candidates.filter((c) => typeof c === 'string' && c !== ''))];
  const [only] = candidates;
  if (only === undefined) return { type: 'none' };
  const current = state.text.slice(start, end);
  if (candidates.length === 1) {
    const inserted = replace(state, start, end, only);
    if (continues(only)) return { type: 'insert', state: inserted };
    // Step over a space that is already there rather than doubling it.
    const next = inserted.text[inserted.cursor];
    if (next === ' ') return { type: 'insert', state: { ...inserted, cursor: inserted.cursor + 1 } };
    return { type: 'insert', state: replace(inserted, inserted.cursor, inserted.cursor, ' ') };
  }
  const prefix = commonPrefix(candidates);
  if (prefix.length > current.length) return { type: 'insert', state: replace(state, start, end, prefix) };
  return { type: 'list', candidates };
}
