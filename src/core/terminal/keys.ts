/**
 * Turns what xterm.js sends through `onData` into keys: runs of printable text and named editing
 * keys. xterm.js sends one key's whole escape sequence in one call, so a sequence cut off at the
 * end of a chunk is dropped rather than carried over: a lost byte must never leave the decoder
 * waiting and swallow the learner's next keys. Sequences this terminal does not use are ignored,
 * never inserted as text.
 */
import { printable } from './text-width.ts';

export type KeyName =
  | 'enter'
  | 'tab'
  | 'backspace'
  | 'delete'
  | 'left'
  | 'right'
  | 'up'
  | 'down'
  | 'home'
  | 'end'
  | 'word-left'
  | 'word-right'
  /** Ctrl-U: delete from the start of the line to the cursor. */
  | 'kill-to-start'
  /** Ctrl-K: delete from the cursor to the end of the line. */
  | 'kill-to-end'
  /** Ctrl-W: delete the whitespace-separated word before the cursor (bash's unix-word-rubout). */
  | 'kill-word-back'
  /** Alt-Backspace: delete the alphanumeric word before the cursor. */
  | 'kill-alnum-word-back'
  /** Alt-d: delete the alphanumeric word after the cursor. */
  | 'kill-word-forward'
  /** Ctrl-Y: insert the last deleted text. */
  | 'yank'
  /** Ctrl-C. */
  | 'interrupt'
  /** Ctrl-D: delete the character under the cursor (there is no shell to leave). */
  | 'eof'
  /** Ctrl-L. */
  | 'clear-screen'
  /** Ctrl-R. */
  | 'reverse-search'
  | 'escape'
  /** Ctrl-G. */
  | 'abort';

export type Key = { type: 'text'; text: string } | { type: KeyName };

const CONTROL: Readonly<Record<string, KeyName>> = {
  '\x01': 'home',
  '\x02': 'left',
  '\x03': 'interrupt',
  '\x04': 'eof',
  '\x05': 'end',
  '\x06': 'right',
  '\x07': 'abort',
  '\x08': 'backspace',
  '\t': 'tab',
  '\n': 'enter',
  '\x0b': 'kill-to-end',
  '\x0c': 'clear-screen',
  '\r': 'enter',
  '\x0e': 'down',
  '\x10': 'up',
  '\x12': 'reverse-search',
  '\x15': 'kill-to-start',
  '\x17': 'kill-word-back',
  '\x19': 'yank',
  '\x7f': 'backspace',
};

/** Final byte of a CSI or SS3 sequence without parameters. */
const FINAL: Readonly<Record<string, KeyName>> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
};

/** CSI n ~ (VT220 editing keys). */
const TILDE: Readonly<Record<string, KeyName>> = {
  '1': 'home',
  '7': 'home',
  '4': 'end',
  '8': 'end',
  '3': 'delete',
};

/** Alt (Meta) sent as ESC followed by the key. */
const ALT: Readonly<Record<string, KeyName>> = {
  b: 'word-left',
  f: 'word-right',
  d: 'kill-word-forward',
  '\x7f': 'kill-alnum-word-back',
  '\x08': 'kill-alnum-word-back',
};

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

/** A CSI sequence's key: arrows with Ctrl (5) or Alt (3) jump words; other modifiers are ignored. */
function csiKey(parameters: string, final: string): KeyName | undefined {
  if (final === '~') return TILDE[parameters.split(';')[0] ?? ''];
  const key = FINAL[final];
  if (!key || !/^(1(;\d+)?)?$/.test(parameters)) return undefined;
  const modifier = parameters.split(';')[1];
  if ((modifier === '5' || modifier === '3') && key === 'left') return 'word-left';
  if ((modifier === '5' || modifier === '3') && key === 'right') return 'word-right';
  return key;
}

/**
 * Pasted text (bracketed paste): line breaks become Enter, so each pasted line runs in turn; a tab
 * becomes a space rather than a completion in the middle of someone's command; other control
 * characters are dropped.
 */
function pastedKeys(text: string, keys: Key[]): void {
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    if (index > 0) keys.push({ type: 'enter' });
    const clean = printable(line.replaceAll('\t', ' '));
    if (clean !== '') keys.push({ type: 'text', text: clean });
  });
}

/** Length of a printable run starting at `start` (everything but C0, DEL, C1 and ESC). */
function printableRun(data: string, start: number): number {
  let end = start;
  while (end < data.length) {
    const code = data.charCodeAt(end);
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) break;
    end += 1;
  }
  return end - start;
}

/** Decodes one `onData` chunk into keys, in order. Never throws. */
export function decodeKeys(data: string): Key[] {
  const keys: Key[] = [];
  let i = 0;
  while (i < data.length) {
    const run = printableRun(data, i);
    if (run > 0) {
      keys.push({ type: 'text', text: data.slice(i, i + run) });
      i += run;
      continue;
    }
    const c = data[i] as string;
    if (c === '\r' && data[i + 1] === '\n') {
      keys.push({ type: 'enter' });
      i += 2;
      continue;
    }
    if (c !== '\x1b') {
      const key = CONTROL[c];
      if (key) keys.push({ type: key });
      i += 1;
      continue;
    }
    i = decodeEscape(data, i, keys);
  }
  return keys;
}

/** Decodes the sequence starting with ESC at `start`; returns where the next key begins. */
function decodeEscape(data: string, start: number, keys: Key[]): number {
  const next = data[start + 1];
  if (next === undefined) {
    keys.push({ type: 'escape' });
    return start + 1;
  }
  if (data.startsWith(PASTE_START, start)) {
    const end = data.indexOf(PASTE_END, start + PASTE_START.length);
    const stop = end < 0 ? data.length : end;
    pastedKeys(data.slice(start + PASTE_START.length, stop), keys);
    return end < 0 ? data.length : end + PASTE_END.length;
  }
  if (next === '[') {
    // CSI: parameter bytes 0x30-0x3f, intermediate bytes 0x20-0x2f, one final byte 0x40-0x7e.
    const match = /^([\x30-\x3f]*)[\x20-\x2f]*([\x40-\x7e])/.exec(data.slice(start + 2, start + 66));
    if (!match) return data.length;
    const key = csiKey(match[1] as string, match[2] as string);
    if (key) keys.push({ type: key });
    return start + 2 + match[0].length;
  }
  if (next === 'O') {
    const final = data[start + 2];
    if (final === undefined) return data.length;
    const key = FINAL[final];
    if (key) keys.push({ type: key });
    return start + 3;
  }
  if (next === ']' || next === 'P' || next === '_' || next === '^' || next === 'X') {
    // OSC, DCS, APC, PM, SOS: a terminal report, ended by BEL or ESC \ — none is a key.
    const bell = data.indexOf('\x07', start + 2);
    const st = data.indexOf('\x1b\\', start + 2);
    if (bell >= 0 && (st < 0 || bell < st)) return bell + 1;
    return st >= 0 ? st + 2 : data.length;
  }
  if (next === '\x1b') {
    // ESC ESC: the first is the Escape key on its own.
    keys.push({ type: 'escape' });
    return start + 1;
  }
  const key = ALT[next];
  if (key) keys.push({ type: key });
  return start + 1 + ((data.codePointAt(start + 1) as number) > 0xffff ? 2 : 1);
}
