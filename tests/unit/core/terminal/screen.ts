/**
 * A small model of xterm.js's screen, enough to see what the learner sees after the editor's
 * writes: printing with auto-wrap (including the pending-wrap state in the last column and wide
 * characters that move whole to the next row), CR, LF, cursor moves, erase in line and display,
 * cursor home. Any control sequence it does not know fails the test, so the editor cannot emit
 * something the tests never looked at.
 */
import { xtermWidth } from '../../../../src/core/terminal/text-width.ts';

/** The second cell of a wide character. */
const TAIL = '\u0000tail';

interface Row {
  cells: (string | null)[];
  /** Continues the row above (xterm's isWrapped). */
  wrapped: boolean;
}

export class Screen {
  cols: number;
  readonly height: number;
  rows: Row[] = [];
  x = 0;
  y = 0;

  constructor(cols: number, height = 200) {
    this.cols = cols;
    this.height = height;
    this.rows.push(this.#blank(false));
  }

  #blank(wrapped: boolean): Row {
    return { cells: Array.from({ length: this.cols }, () => null), wrapped };
  }

  /** First row of the viewport: everything above is scrollback. */
  get top(): number {
    return Math.max(0, this.rows.length - this.height);
  }

  #row(y: number): Row {
    while (this.rows.length <= y) this.rows.push(this.#blank(false));
    return this.rows[y] as Row;
  }

  #lineFeed(): void {
    if (this.x >= this.cols) this.x = this.cols - 1;
    this.y += 1;
    // An explicit line feed ends the wrapped line, as in xterm.js.
    this.#row(this.y).wrapped = false;
  }

  #print(char: string): void {
    const width = xtermWidth(char.codePointAt(0) as number);
    if (width === 0) {
      // Joins the cell before it, as xterm.js does.
      const row = this.#row(this.y);
      const at = Math.max(0, Math.min(this.x, this.cols) - 1);
      const index = row.cells[at] === TAIL ? at - 1 : at;
      row.cells[index] = (row.cells[index] ?? ' ') + char;
      return;
    }
    if (this.x + width > this.cols) {
      // Clear what is left of this row (a wide character skipped the last cell), then wrap.
      const row = this.#row(this.y);
      for (let c = this.x; c < this.cols; c++) row.cells[c] = null;
      this.x = 0;
      this.y += 1;
      this.#row(this.y).wrapped = true;
    }
    const row = this.#row(this.y);
    row.cells[this.x] = char;
    if (width === 2) row.cells[this.x + 1] = TAIL;
    this.x += width;
  }

  #csi(parameters: string, final: string): void {
    const n = Math.max(1, Number(parameters || '1'));
    const clampX = () => {
      if (this.x >= this.cols) this.x = this.cols - 1;
    };
    switch (final) {
      case 'A':
        clampX();
        this.y = Math.max(this.top, this.y - n);
        return;
      case 'B':
        clampX();
        if (this.y + n >= this.rows.length) throw new Error(`cursor down ${n} past the last written row`);
        this.y += n;
        return;
      case 'C':
        clampX();
        this.x = Math.min(this.cols - 1, this.x + n);
        return;
      case 'D':
        clampX();
        this.x = Math.max(0, this.x - n);
        return;
      case 'H':
        if (parameters !== '') throw new Error(`unexpected CSI ${parameters}H`);
        this.x = 0;
        this.y = this.top;
        return;
      case 'J': {
        if (parameters === '2') {
          for (let y = this.top; y < this.rows.length; y++) this.rows[y] = this.#blank(false);
          return;
        }
        if (parameters !== '') throw new Error(`unexpected CSI ${parameters}J`);
        clampX();
        const row = this.#row(this.y);
        for (let c = this.x; c < this.cols; c++) row.cells[c] = null;
        // Erasing a whole row ends the wrapped line there, as in xterm.js.
        if (this.x === 0) row.wrapped = false;
        for (let y = this.y + 1; y < this.rows.length; y++) this.rows[y] = this.#blank(false);
        return;
      }
      case 'K': {
        if (parameters !== '') throw new Error(`unexpected CSI ${parameters}K`);
        clampX();
        const row = this.#row(this.y);
        for (let c = this.x; c < this.cols; c++) row.cells[c] = null;
        if (this.x === 0) row.wrapped = false;
        return;
      }
      case 'X': {
        // Erase characters: cells become empty, the row stays part of its line.
        clampX();
        const row = this.#row(this.y);
        for (let c = this.x; c < Math.min(this.cols, this.x + n); c++) row.cells[c] = null;
        return;
      }
      case 'm':
        return;
      case 'h':
        if (parameters === '?2004') return;
        throw new Error(`unexpected CSI ${parameters}h`);
      default:
        throw new Error(`unexpected CSI ${parameters}${final}`);
    }
  }

  write(data: string): void {
    let i = 0;
    while (i < data.length) {
      const c = data[i] as string;
      if (c === '\x1b') {
        const match = data[i + 1] === '[' ? /^([0-9;?]*)([A-Za-z])/.exec(data.slice(i + 2)) : null;
        if (!match) throw new Error(`unexpected escape ${JSON.stringify(data.slice(i, i + 8))}`);
        this.#csi(match[1] as string, match[2] as string);
        i += 2 + match[0].length;
      } else if (c === '\r') {
        this.x = 0;
        i += 1;
      } else if (c === '\n') {
        this.#lineFeed();
        i += 1;
      } else if (c < ' ' || c === '\x7f') {
        if (c !== '\x07') throw new Error(`unexpected control character ${JSON.stringify(c)}`);
        i += 1;
      } else {
        const char = String.fromCodePoint(data.codePointAt(i) as number);
        this.#print(char);
        i += char.length;
      }
    }
  }

  /**
   * A new width, as xterm.js resizes by default: every line is reflowed (wrapped rows joined or
   * split again, wide characters moved whole) except the one holding the cursor (its
   * reflowCursorLine option is off), whose rows are only cut or padded. The cursor stays on its
   * row, pulled into the last column if need be.
   */
  resize(cols: number): void {
    const cursorStart = this.lineStart(this.y);
    const rows: Row[] = [];
    let cursorY = this.y;
    for (let start = 0; start < this.rows.length; ) {
      const end = this.lineEnd(start);
      const group = this.rows.slice(start, end + 1);
      const cells = this.#lineCells(group);
      if (start === cursorStart) {
        cursorY = rows.length + (this.y - start);
        for (const row of group) rows.push({ cells: this.#fit(row.cells, cols), wrapped: row.wrapped });
      } else if (group.length === 1 && cells.length <= cols) {
        rows.push({ cells: this.#fit(cells, cols), wrapped: false });
      } else rows.push(...this.#wrap(cells, cols));
      start = end + 1;
    }
    this.rows = rows;
    this.cols = cols;
    this.y = cursorY;
    this.x = Math.min(this.x, cols - 1);
  }

  /** A line's cells: rows joined, minus the cell a wide character skipped and the empty end. */
  #lineCells(group: Row[]): (string | null)[] {
    const cells: (string | null)[] = [];
    group.forEach((row, i) => {
      const next = group[i + 1];
      let own = row.cells;
      if (next && own.at(-1) === null && next.cells[1] === TAIL) own = own.slice(0, -1);
      cells.push(...own);
    });
    while (cells.length > 0 && cells.at(-1) === null) cells.pop();
    return cells;
  }

  #fit(cells: readonly (string | null)[], cols: number): (string | null)[] {
    const out = cells.slice(0, cols);
    while (out.length < cols) out.push(null);
    // A wide character cut in half is gone.
    const last = out[cols - 1];
    if (last && last !== TAIL && out.length === cols && cells[cols] === TAIL) out[cols - 1] = null;
    return out;
  }

  #wrap(cells: readonly (string | null)[], cols: number): Row[] {
    let row: Row = { cells: [], wrapped: false };
    const rows: Row[] = [row];
    for (let i = 0; i < cells.length; i++) {
      const wide = cells[i + 1] === TAIL;
      if (cells[i] === TAIL) continue;
      const width = wide ? 2 : 1;
      if (row.cells.length + width > cols) {
        while (row.cells.length < cols) row.cells.push(null);
        row = { cells: [], wrapped: true };
        rows.push(row);
      }
      row.cells.push(cells[i] ?? null);
      if (wide) row.cells.push(TAIL);
    }
    for (const r of rows) while (r.cells.length < cols) r.cells.push(null);
    return rows;
  }

  /** A row as text: empty cells as spaces, trailing spaces removed. */
  rowText(y: number): string {
    const row = this.rows[y];
    if (!row) return '';
    return row.cells
      .map((cell) => (cell === TAIL ? '' : (cell ?? ' ')))
      .join('')
      .trimEnd();
  }

  /** A row as xterm.js's translateToString(true) gives it: empty cells at the end dropped, spaces kept. */
  rowCells(y: number): string {
    const row = this.rows[y];
    return row ? this.#cellsText(y, this.cols) : '';
  }

  /** The viewport's rows as text. */
  lines(): string[] {
    const out: string[] = [];
    for (let y = this.top; y < this.rows.length; y++) out.push(this.rowText(y));
    while (out.length > 0 && out.at(-1) === '') out.pop();
    return out;
  }

  /** The cells of one row up to column `end`, empty cells at the end dropped (wrap leftovers). */
  #cellsText(y: number, end: number): string {
    const cells = (this.rows[y] as Row).cells.slice(0, end);
    let last = cells.length;
    while (last > 0 && cells[last - 1] === null) last -= 1;
    return cells
      .slice(0, last)
      .map((cell) => (cell === TAIL ? '' : (cell ?? ' ')))
      .join('');
  }

  /** First row of the logical (wrapped) line the cursor is on. */
  lineStart(y = this.y): number {
    let start = y;
    while (start > 0 && (this.rows[start] as Row).wrapped) start -= 1;
    return start;
  }

  /** Last row of the logical line that starts at `start`. */
  lineEnd(start: number): number {
    let end = start;
    while (end + 1 < this.rows.length && (this.rows[end + 1] as Row).wrapped) end += 1;
    return end;
  }

  /** The logical line the cursor is on, and the part of it before the cursor. */
  cursorLine(): { text: string; beforeCursor: string; firstRow: number; lastRow: number } {
    const firstRow = this.lineStart();
    const lastRow = this.lineEnd(firstRow);
    let text = '';
    let beforeCursor = '';
    for (let y = firstRow; y <= lastRow; y++) {
      text += this.#cellsText(y, this.cols);
      if (y < this.y) beforeCursor += this.#cellsText(y, this.cols);
      if (y === this.y) beforeCursor += this.#cellsText(y, Math.min(this.x, this.cols));
    }
    return { text, beforeCursor, firstRow, lastRow };
  }
}
