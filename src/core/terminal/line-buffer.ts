/**
 * Editing operations on one line of text and a cursor, as pure functions. The cursor is a UTF-16
 * offset that always sits on a grapheme boundary (see `boundaries`), so no operation can split a
 * surrogate pair or separate an accent from its letter. Deleting operations also return what they
 * deleted, for Ctrl-Y.
 */
import { boundaries, printable } from './text-width.ts';

export interface LineState {
  text: string;
  cursor: number;
}

export interface Killed extends LineState {
  killed: string;
}

export const EMPTY: LineState = { text: '', cursor: 0 };

function previousStop(text: string, cursor: number): number {
  let best = 0;
  for (const stop of boundaries(text)) {
    if (stop >= cursor) break;
    best = stop;
  }
  return best;
}

function nextStop(text: string, cursor: number): number {
  for (const stop of boundaries(text)) if (stop > cursor) return stop;
  return text.length;
}

/** The first stop at or after `offset`: where the cursor goes after text is inserted before it. */
function stopAtOrAfter(text: string, offset: number): number {
  for (const stop of boundaries(text)) if (stop >= offset) return stop;
  return text.length;
}

/** Inserts text at the cursor (control characters removed). */
export function insert(state: LineState, text: string): LineState {
  const clean = printable(text);
  if (clean === '') return state;
  const merged = state.text.slice(0, state.cursor) + clean + state.text.slice(state.cursor);
  return { text: merged, cursor: stopAtOrAfter(merged, state.cursor + clean.length) };
}

/** Replaces text[start, end) and puts the cursor after the replacement. */
export function replace(state: LineState, start: number, end: number, text: string): LineState {
  const clean = printable(text);
  const merged = state.text.slice(0, start) + clean + state.text.slice(end);
  return { text: merged, cursor: stopAtOrAfter(merged, start + clean.length) };
}

export const left = (s: LineState): LineState => ({ ...s, cursor: previousStop(s.text, s.cursor) });
export const right = (s: LineState): LineState => ({ ...s, cursor: nextStop(s.text, s.cursor) });
export const home = (s: LineState): LineState => ({ ...s, cursor: 0 });
export const end = (s: LineState): LineState => ({ ...s, cursor: s.text.length });

function cut(state: LineState, from: number, to: number): Killed {
  return {
    text: state.text.slice(0, from) + state.text.slice(to),
    cursor: from,
    killed: state.text.slice(from, to),
  };
}

export const backspace = (s: LineState): Killed => cut(s, previousStop(s.text, s.cursor), s.cursor);
export const deleteForward = (s: LineState): Killed => cut(s, s.cursor, nextStop(s.text, s.cursor));
export const killToStart = (s: LineState): Killed => cut(s, 0, s.cursor);
export const killToEnd = (s: LineState): Killed => cut(s, s.cursor, s.text.length);

/** Letters and digits make words for Alt-b/Alt-f, as in readline: `--task-definition` is 2 words. */
const isWordChar = (grapheme: string) => /^[\p{L}\p{N}]/u.test(grapheme);
const isSpace = (grapheme: string) => /^\s/u.test(grapheme);

/** The graphemes before the cursor, nearest first, with the offset where each starts. */
function* backwards(text: string, cursor: number): Generator<{ at: number; grapheme: string }> {
  const stops = boundaries(text).filter((stop) => stop <= cursor);
  for (let i = stops.length - 1; i > 0; i--) {
    const at = stops[i - 1] as number;
    yield { at, grapheme: text.slice(at, stops[i]) };
  }
}

/** The graphemes after the cursor, in order, with the offset where each ends. */
function* forwards(text: string, cursor: number): Generator<{ after: number; grapheme: string }> {
  const stops = boundaries(text).filter((stop) => stop >= cursor);
  for (let i = 1; i < stops.length; i++) {
    const after = stops[i] as number;
    yield { after, grapheme: text.slice(stops[i - 1], after) };
  }
}

/** Start of the word before the cursor, skipping what separates it first. */
function wordStartBefore(text: string, cursor: number, inWord: (g: string) => boolean): number {
  let start = cursor;
  let seenWord = false;
  for (const { at, grapheme } of backwards(text, cursor)) {
    if (inWord(grapheme)) seenWord = true;
    else if (seenWord) break;
    start = at;
  }
  return start;
}

/** End of the word after the cursor, skipping what separates it first. */
function wordEndAfter(text: string, cursor: number): number {
  let stop = cursor;
  let seenWord = false;
  for (const { after, grapheme } of forwards(text, cursor)) {
    if (isWordChar(grapheme)) seenWord = true;
    else if (seenWord) break;
    stop = after;
  }
  return stop;
}

export const wordLeft = (s: LineState): LineState => ({ ...s, cursor: wordStartBefore(s.text, s.cursor, isWordChar) });
export const wordRight = (s: LineState): LineState => ({ ...s, cursor: wordEndAfter(s.text, s.cursor) });

/** Ctrl-W: back to the previous whitespace, so `--cluster demo` goes in two presses. */
export const killWordBack = (s: LineState): Killed =>
  cut(
    s,
    wordStartBefore(s.text, s.cursor, (g) => !isSpace(g)),
    s.cursor,
  );
export const killAlnumWordBack = (s: LineState): Killed =>
  cut(s, wordStartBefore(s.text, s.cursor, isWordChar), s.cursor);
export const killWordForward = (s: LineState): Killed => cut(s, s.cursor, wordEndAfter(s.text, s.cursor));
