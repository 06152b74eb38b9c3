/**
 * The terminal's line editor: a state machine fed with what xterm.js sends (`onData`), answering
 * with effects for its host — ANSI text to write, lines to run, Ctrl-C, Ctrl-L. No DOM, no timers:
 * the browser island wires it to xterm.js, tests wire it to a model screen.
 *
 * It behaves like bash's readline where a learner would notice: editing keys, history with Up/Down
 * (the unsent line is kept), Ctrl-R search, Tab completion, and type-ahead. After Enter the editor
 * is busy: keys are held (as a terminal holds them while a command runs) until the host calls
 * `ready()`, which draws the next prompt and goes on with them. So a pasted script runs one line
 * at a time, each echoed after its prompt, and Ctrl-C while a command runs drops what was held.
 */
import { applyCompletion, type Completer } from './apply-completion.ts';
import { columns } from './columns.ts';
import { History, type SearchHit } from './history.ts';
import { decodeKeys, type Key } from './keys.ts';
import { draw, type Shown, toEnd, type View } from './layout.ts';
import type { Killed, LineState } from './line-buffer.ts';
import * as edit from './line-buffer.ts';
import { boundaryAtOrBefore, printable, splitSgr, type WidthOf, xtermWidth } from './text-width.ts';

export type EditorEffect =
  /** ANSI text to write to the terminal as it is. */
  | { type: 'write'; data: string }
  /**
   * Run this line. The editor already moved to a new row and added the line to the history; it
   * is now busy until `ready()`.
   */
  | { type: 'submit'; line: string }
  /**
   * Ctrl-C. `running: true`: a submitted command has not finished (no `ready()` yet); nothing was
   * written and held keys were dropped — the host stops the command, prints `^C` and a line
   * break, and calls `ready()`. `running: false`: the editor abandoned the line itself (it wrote
   * `^C` and a new prompt); `line` is what was abandoned.
   */
  | { type: 'cancel'; running: boolean; line: string }
  /** Ctrl-L: the editor has written the codes that clear the screen; the host may drop scrollback too. */
  | { type: 'clear' }
  /** Nothing to complete: the host may flash or beep, or ignore it. */
  | { type: 'bell' };

export interface LineEditorOptions {
  /** Terminal width in columns (xterm's `cols`). */
  cols: number;
  /** One line; SGR colour codes are allowed. Default "$ ". */
  prompt?: string;
  /** Shared with the host, which stores it; the editor adds each submitted line. */
  history?: History;
  complete?: Completer;
  /** Column widths; the default is xterm.js's own table. */
  widthOf?: WidthOf;
  /** Turn on xterm's bracketed paste with the first prompt (default true), so pasted tabs stay text. */
  bracketedPaste?: boolean;
}

interface Search {
  query: string;
  hit: SearchHit | undefined;
  failed: boolean;
  /** The line before Ctrl-R, restored by Esc or Ctrl-G. */
  original: LineState;
}

const BRACKETED_PASTE_ON = '\x1b[?2004h';
const CLEAR_SCREEN = '\x1b[H\x1b[2J';

export class LineEditor {
  readonly history: History;
  #prompt: string;
  #cols: number;
  readonly #complete: Completer | undefined;
  readonly #widthOf: WidthOf;
  readonly #bracketedPaste: boolean;

  #line: LineState = edit.EMPTY;
  /** Busy until the first `ready()`, then after every submitted line. */
  #busy = true;
  #started = false;
  #search: Search | undefined;
  #lastQuery = '';
  #killed = '';
  /** Position in the history while browsing it (history.length: the unsent line). */
  #historyIndex = 0;
  /** Lines edited while browsing the history, by index, kept until the next submission (as bash). */
  #edits = new Map<number, string>();
  /** What is on screen, or undefined when no prompt is drawn (busy, or just cleared). */
  #shown: Shown | undefined;
  /** Keys that arrived while busy, in order. */
  #held: Key[] = [];
  #effects: EditorEffect[] = [];

  constructor(options: LineEditorOptions) {
    this.#cols = validCols(options.cols, 80);
    this.#prompt = printablePrompt(options.prompt ?? '$ ');
    this.history = options.history ?? new History();
    this.#complete = options.complete;
    this.#widthOf = options.widthOf ?? xtermWidth;
    this.#bracketedPaste = options.bracketedPaste ?? true;
    this.#historyIndex = this.history.length;
  }

  /** The line being edited (in Ctrl-R search: the line the search started from). */
  get line(): string {
    return this.#line.text;
  }

  /** Cursor offset in `line` (UTF-16 units, always between two characters). */
  get cursor(): number {
    return this.#line.cursor;
  }

  /** True from a submission until `ready()` (and before the first `ready()`). */
  get busy(): boolean {
    return this.#busy;
  }

  get searching(): boolean {
    return this.#search !== undefined;
  }

  get cols(): number {
    return this.#cols;
  }

  get prompt(): string {
    return this.#prompt;
  }

  /** What is drawn now (prompt, text, cursor), or undefined when no prompt is shown. */
  get view(): View | undefined {
    return this.#busy ? undefined : this.#view();
  }

  /**
   * Draws the prompt and goes on with the keys held meanwhile. Call it once to start, then each
   * time a submitted command has finished, with the terminal cursor at the start of a row.
   */
  ready(): EditorEffect[] {
    if (!this.#busy) return [];
    if (!this.#started && this.#bracketedPaste) this.#write(BRACKETED_PASTE_ON);
    this.#started = true;
    this.#busy = false;
    this.#shown = undefined;
    this.#resetBrowsing();
    const held = this.#held;
    this.#held = [];
    this.#process(held);
    return this.#flush();
  }

  /** One `onData` chunk: any number of keys, a paste, or both. */
  feed(data: string): EditorEffect[] {
    this.#process(decodeKeys(String(data)));
    return this.#flush();
  }

  /**
   * The terminal is now `cols` wide (call after xterm's resize). xterm.js reflows every line but
   * the one holding the cursor ("the program will handle fixing up wrapped lines with the
   * cursor", its reflowCursorLine option, off by default): the prompt's rows stay where they were,
   * cut at the new width, so the editor goes back up as many rows as before and redraws.
   */
  resize(cols: number): EditorEffect[] {
    const next = validCols(cols, this.#cols);
    if (next === this.#cols) return [];
    this.#cols = next;
    if (this.#shown) this.#render(this.#shown, true);
    return this.#flush();
  }

  /**
   * Writes terminal-ready text (CRLF line breaks, colours allowed) for a message that arrives on
   * its own: above the prompt and line when they are shown, which are then drawn again below it.
   */
  print(text: string): EditorEffect[] {
    if (!this.#shown) {
      this.#write(text);
      return this.#flush();
    }
    const { row } = this.#shown;
    this.#write(`${row > 0 ? `\x1b[${row}A` : ''}\r\x1b[J${text}${/\n$/.test(text) ? '' : '\r\n'}`);
    this.#shown = undefined;
    this.#render();
    return this.#flush();
  }

  /** Changes the prompt, redrawing it if shown. */
  setPrompt(prompt: string): EditorEffect[] {
    this.#prompt = printablePrompt(prompt);
    if (!this.#busy) this.#render();
    return this.#flush();
  }

  #process(keys: readonly Key[]): void {
    for (const key of keys) {
      if (!this.#busy) this.#handle(key);
      else if (key.type === 'interrupt') {
        // As a terminal does on Ctrl-C: what was typed ahead is dropped with the command.
        this.#held = [];
        this.#effects.push({ type: 'cancel', running: true, line: '' });
      } else this.#held.push(key);
    }
    if (!this.#busy) this.#render();
  }

  #handle(key: Key): void {
    if (this.#search) this.#searchKey(key, this.#search);
    else this.#editKey(key);
  }

  #editKey(key: Key): void {
    const line = this.#line;
    switch (key.type) {
      case 'text':
        this.#line = edit.insert(line, key.text);
        return;
      case 'enter':
        this.#submit();
        return;
      case 'tab':
        this.#tab();
        return;
      case 'backspace':
        this.#line = edit.backspace(line);
        return;
      case 'delete':
      case 'eof':
        this.#line = edit.deleteForward(line);
        return;
      case 'left':
        this.#line = edit.left(line);
        return;
      case 'right':
        this.#line = edit.right(line);
        return;
      case 'home':
        this.#line = edit.home(line);
        return;
      case 'end':
        this.#line = edit.end(line);
        return;
      case 'word-left':
        this.#line = edit.wordLeft(line);
        return;
      case 'word-right':
        this.#line = edit.wordRight(line);
        return;
      case 'kill-to-start':
        this.#kill(edit.killToStart(line));
        return;
      case 'kill-to-end':
        this.#kill(edit.killToEnd(line));
        return;
      case 'kill-word-back':
        this.#kill(edit.killWordBack(line));
        return;
      case 'kill-alnum-word-back':
        this.#kill(edit.killAlnumWordBack(line));
        return;
      case 'kill-word-forward':
        this.#kill(edit.killWordForward(line));
        return;
      case 'yank':
        this.#line = edit.insert(line, this.#killed);
        return;
      case 'up':
        this.#browse(-1);
        return;
      case 'down':
        this.#browse(1);
        return;
      case 'interrupt':
        this.#abandon();
        return;
      case 'clear-screen':
        this.#effects.push({ type: 'clear' });
        this.#write(CLEAR_SCREEN);
        this.#shown = undefined;
        return;
      case 'reverse-search':
        this.#search = { query: '', hit: undefined, failed: false, original: line };
        return;
      case 'escape':
      case 'abort':
        return;
    }
  }

  #kill(result: Killed): void {
    this.#line = { text: result.text, cursor: result.cursor };
    if (result.killed !== '') this.#killed = result.killed;
  }

  /** Up (-1) or Down (+1) through the history; edits to the line left behind are kept. */
  #browse(step: -1 | 1): void {
    const entries = this.history.entries;
    const index = Math.min(Math.max(this.#historyIndex, 0), entries.length);
    const target = index + step;
    if (target < 0 || target > entries.length) return;
    this.#remember(index);
    this.#historyIndex = target;
    const text = this.#edits.get(target) ?? entries[target] ?? '';
    this.#line = { text, cursor: text.length };
  }

  /** Keeps the current line as the edited form of history entry `index` (or the unsent line). */
  #remember(index: number): void {
    const original = this.history.entries[index] ?? '';
    if (this.#line.text === original) this.#edits.delete(index);
    else this.#edits.set(index, this.#line.text);
  }

  #resetBrowsing(): void {
    this.#historyIndex = this.history.length;
    this.#edits.clear();
  }

  #tab(): void {
    let result: ReturnType<Completer>;
    try {
      result = this.#complete?.(this.#line.text, this.#line.cursor);
    } catch {
      // A completer bug must not break typing.
      result = undefined;
    }
    const outcome = applyCompletion(this.#line, result);
    if (outcome.type === 'none') this.#effects.push({ type: 'bell' });
    else if (outcome.type === 'insert') this.#line = outcome.state;
    else {
      const rows = columns(outcome.candidates, this.#cols, this.#widthOf);
      this.#leaveLine(`${rows.join('\r\n')}\r\n`);
    }
  }

  /** Moves below the drawn line, writes `after` there, and forgets the drawing. */
  #leaveLine(after: string): void {
    this.#render();
    if (this.#shown) {
      const end = toEnd(this.#shown, this.#widthOf);
      // A line filling its last row left the cursor on a row xterm marks as continuing it; a line
      // feed from the row above moves there again and clears that mark (xterm's lineFeed does),
      // so what comes next is a line of its own, not part of this one when the window resizes.
      this.#write(`${end.data}${end.fillsLastRow ? '\x1b[A' : ''}\r\n${after}`);
    } else this.#write(after);
    this.#shown = undefined;
  }

  #submit(): void {
    const line = this.#line.text;
    this.#leaveLine('');
    this.#line = edit.EMPTY;
    // A blank line runs nothing: a new prompt, as in bash.
    if (line.trim() === '') {
      this.#resetBrowsing();
      return;
    }
    this.history.add(line);
    this.#resetBrowsing();
    this.#busy = true;
    this.#effects.push({ type: 'submit', line });
  }

  #abandon(): void {
    const abandoned = this.#view().text;
    this.#render();
    if (this.#shown) this.#write(toEnd(this.#shown, this.#widthOf).data);
    this.#write('^C\r\n');
    this.#shown = undefined;
    this.#search = undefined;
    this.#line = edit.EMPTY;
    this.#resetBrowsing();
    this.#effects.push({ type: 'cancel', running: false, line: abandoned });
  }

  #searchKey(key: Key, search: Search): void {
    switch (key.type) {
      case 'text': {
        search.query += printable(key.text);
        // A longer query may still match the entry shown: look there first.
        this.#find(search, search.hit?.index ?? this.history.length - 1, false);
        return;
      }
      case 'backspace':
        search.query = edit.backspace({ text: search.query, cursor: search.query.length }).text;
        search.hit = undefined;
        search.failed = false;
        this.#find(search, this.history.length - 1, false);
        return;
      case 'reverse-search':
        if (search.query === '') {
          // Ctrl-R Ctrl-R searches again for the last query, as in bash.
          search.query = this.#lastQuery;
          this.#find(search, this.history.length - 1, false);
        } else this.#find(search, (search.hit?.index ?? this.history.length) - 1, true);
        return;
      case 'escape':
      case 'abort':
        this.#endSearch(search);
        this.#line = search.original;
        return;
      case 'interrupt':
        this.#abandon();
        return;
      default:
        // Enter runs the match; any other key takes it into the line, then does its own work.
        this.#accept(search);
        this.#editKey(key);
    }
  }

  /** Looks for the query from entry `from` back; `skipSame` skips entries equal to the one shown. */
  #find(search: Search, from: number, skipSame: boolean): void {
    if (search.query === '') return;
    const shown = search.hit ? this.history.entries[search.hit.index] : undefined;
    let start = from;
    for (;;) {
      const hit = this.history.search(search.query, start);
      if (hit && skipSame && this.history.entries[hit.index] === shown) {
        start = hit.index - 1;
        continue;
      }
      if (hit) search.hit = hit;
      search.failed = hit === undefined;
      return;
    }
  }

  #accept(search: Search): void {
    this.#endSearch(search);
    const hit = search.hit;
    const text = hit ? this.history.entries[hit.index] : undefined;
    if (!hit || text === undefined) return;
    // Up and Down go on from the entry found, as in bash.
    this.#remember(Math.min(Math.max(this.#historyIndex, 0), this.history.length));
    this.#historyIndex = hit.index;
    this.#line = { text, cursor: boundaryAtOrBefore(text, hit.position) };
  }

  #endSearch(search: Search): void {
    if (search.query !== '') this.#lastQuery = search.query;
    this.#search = undefined;
  }

  #view(): View {
    const search = this.#search;
    if (!search) return { prompt: this.#prompt, text: this.#line.text, cursor: this.#line.cursor };
    const text = search.hit ? this.history.entries[search.hit.index] : undefined;
    const label = search.failed ? 'failed reverse-i-search' : 'reverse-i-search';
    const prompt = `(${label})\`${search.query}': `;
    if (!search.hit || text === undefined)
      return { prompt, text: search.original.text, cursor: search.original.cursor };
    return { prompt, text, cursor: boundaryAtOrBefore(text, search.hit.position) };
  }

  #render(previous = this.#shown, force = false): void {
    const { data, shown } = draw(previous, this.#view(), this.#cols, this.#widthOf, force);
    this.#write(data);
    this.#shown = shown;
  }

  #write(data: string): void {
    if (data === '') return;
    const last = this.#effects.at(-1);
    if (last?.type === 'write') last.data += data;
    else this.#effects.push({ type: 'write', data });
  }

  #flush(): EditorEffect[] {
    const effects = this.#effects;
    this.#effects = [];
    return effects;
  }
}

function validCols(cols: number, fallback: number): number {
  return Number.isFinite(cols) && cols >= 2 ? Math.floor(cols) : fallback;
}

/** A prompt is one line: colour (SGR) codes stay, line breaks and other control characters go. */
function printablePrompt(prompt: string): string {
  return splitSgr(String(prompt))
    .map((part) => (part.sgr ? part.text : printable(part.text)))
    .join('');
}
