/**
 * The words before the cursor, split as the terminal's shell splits them (src/core/cli/tokenize.ts:
 * quotes, backslashes, `#` comments, `|` pipes), but forgiving: a line being typed often has an
 * unclosed quote, and completion must not throw on it. Also the reverse: quoting a completed word
 * so the shell reads it back unchanged.
 */

export type Quote = '' | "'" | '"';

export interface WordsAtCursor {
  /** Words of the current pipeline stage before the word being completed, unquoted. */
  words: string[];
  /** Where the word being completed starts in the line (the cursor, when it starts a new word). */
  start: number;
  /** The word being completed, up to the cursor, unquoted. */
  current: string;
  /** The quote still open at the cursor, if any. */
  quote: Quote;
  /** The cursor is inside a comment: nothing to complete. */
  comment: boolean;
}

const SEPARATORS = new Set(['|', ';', '&']);

export function wordsAtCursor(line: string, cursor: number): WordsAtCursor {
  const text = line.slice(0, Math.max(0, Math.min(cursor, line.length)));
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let start = 0;
  let quote: Quote = '';
  const finish = () => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote === "'") {
      if (c === "'") quote = '';
      else word += c;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = '';
      else if (c === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1] as string)) word += text[++i];
      else word += c;
      continue;
    }
    if (c === ' ' || c === '\t') {
      finish();
      continue;
    }
    if (SEPARATORS.has(c)) {
      // A new command starts after a pipe.
      finish();
      words = [];
      continue;
    }
    if (c === '#' && !inWord) return { words, start: cursor, current: '', quote: '', comment: true };
    if (!inWord) {
      inWord = true;
      start = i;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '\\') {
      if (i + 1 < text.length) word += text[++i];
    } else word += c;
  }
  if (!inWord) return { words, start: text.length, current: '', quote: '', comment: false };
  return { words, start, current: word, quote, comment: false };
}

/** Characters the shell would read specially in an unquoted word. */
const SPECIAL = /[\s'"\\|;&<>`$#()]/g;

/** A word as the shell must see it: in the quotes the learner opened, or with backslashes. */
export function quoteWord(value: string, quote: Quote): string {
  if (quote === "'") return `'${value.replaceAll("'", `'\\''`)}'`;
  if (quote === '"') return `"${value.replace(/["\\$`]/g, '\\$&')}"`;
  return value.replace(SPECIAL, '\\$&');
}
