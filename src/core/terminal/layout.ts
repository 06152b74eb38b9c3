/**
 * Where a prompt and its line land on a terminal `cols` wide, and the ANSI text that redraws them.
 *
 * The editor never asks the terminal where its cursor is (that answer would come back
 * asynchronously); it computes every position the way xterm.js places characters — code point by
 * code point, a wide character that does not fit in the last column moving whole to the next row —
 * and remembers which row of the line the cursor is on, so the next redraw can go back up to the
 * prompt. Rows are counted from the prompt's first row.
 */
import { stripSgr, type WidthOf } from './text-width.ts';

export interface Position {
  row: number;
  col: number;
}

/** What is drawn: a prompt (SGR colours allowed, one line), the line, the cursor offset in it. */
export interface View {
  prompt: string;
  text: string;
  cursor: number;
}

/** A view as it was drawn, with the row the terminal's cursor was left on. */
export interface Shown extends View {
  cols: number;
  /** Row of the terminal cursor, counted from the prompt's first row. */
  row: number;
}

export interface Layout {
  /** Where the cursor sits when it is before the character at `offset` (or at the end). */
  cursorAt(offset: number): Position;
  /** Where writing the whole view leaves the cursor, once a full last row has been wrapped. */
  end: Position;
  /** The view fills its last row exactly: xterm would leave the cursor pending in the last column. */
  fillsLastRow: boolean;
}

const CSI = '\x1b[';

export function layout(view: View, cols: number, widthOf: WidthOf): Layout {
  const width = Math.max(2, Math.floor(cols));
  let row = 0;
  let col = 0;
  const advance = (codePoint: number): Position | undefined => {
    const w = Math.min(widthOf(codePoint), width);
    if (w === 0) return undefined;
    if (col + w > width) {
      row += 1;
      col = 0;
    }
    const at = { row, col };
    col += w;
    return at;
  };
  for (const char of stripSgr(view.prompt)) advance(char.codePointAt(0) as number);
  // Start of each character that takes room, with its offset in the text.
  const offsets: number[] = [];
  const starts: Position[] = [];
  let offset = 0;
  for (const char of view.text) {
    const at = advance(char.codePointAt(0) as number);
    if (at) {
      offsets.push(offset);
      starts.push(at);
    }
    offset += char.length;
  }
  const fillsLastRow = col === width;
  const end = fillsLastRow ? { row: row + 1, col: 0 } : { row, col };
  return {
    end,
    fillsLastRow,
    cursorAt(target) {
      // First visible character at or after the offset (binary search: lines can be long).
      let low = 0;
      let high = offsets.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if ((offsets[middle] as number) < target) low = middle + 1;
        else high = middle;
      }
      return starts[low] ?? end;
    },
  };
}

/** Cursor movement from one position to another, both inside the drawn line. */
export function move(from: Position, to: Position): string {
  let out = '';
  if (to.row < from.row) out += `${CSI}${from.row - to.row}A`;
  if (to.row > from.row) out += `${CSI}${to.row - from.row}B`;
  if (to.col !== from.col) out += to.col > 0 ? `\r${CSI}${to.col}C` : '\r';
  return out;
}

/**
 * The ANSI text that changes the screen from `previous` (undefined: nothing drawn yet, the
 * terminal cursor at the start of an empty row) to `next`, and what is then shown.
 */
export function draw(
  previous: Shown | undefined,
  next: View,
  cols: number,
  widthOf: WidthOf,
  /** Redraw everything even if nothing changed (after a resize, when xterm has reflowed the line). */
  force = false,
): { data: string; shown: Shown } {
  const now = layout(next, cols, widthOf);
  const cursor = now.cursorAt(next.cursor);
  const shown: Shown = { ...next, cols, row: cursor.row };
  const samePlace = previous !== undefined && !force && previous.prompt === next.prompt && previous.cols === cols;
  if (samePlace && previous.text === next.text) {
    // Only the cursor moved (or nothing did).
    return { data: move(now.cursorAt(previous.cursor), cursor), shown };
  }
  let data: string;
  const suffix = next.text.slice(previous?.text.length ?? 0);
  if (
    samePlace &&
    previous.cursor === previous.text.length &&
    next.text.startsWith(previous.text) &&
    !layout(previous, cols, widthOf).fillsLastRow &&
    widthOf(suffix.codePointAt(0) ?? 0) > 0
  ) {
    // Typing at the end of the line: write only what is new, no flicker.
    data = suffix;
  } else {
    data = previous === undefined ? '' : `${previous.row > 0 ? `${CSI}${previous.row}A` : ''}\r${CSI}J`;
    data += next.prompt + next.text;
  }
  // A full last row leaves xterm's cursor pending in the last column, where the next move would
  // land one row too high. Writing a space wraps for real, and xterm marks the new row as part of
  // this line; CR and erase-character (ECH) then take the space away again. Not erase-line: at
  // column 0 xterm's EL also unmarks the row, and on resize xterm would then reflow the rows
  // above as a line of their own, moving them under the editor's feet.
  if (now.fillsLastRow) data += ` \r${CSI}X`;
  data += move(now.end, cursor);
  return { data, shown };
}

/** Moves the terminal cursor from where `shown` left it to the end of the drawn line. */
export function toEnd(shown: Shown, widthOf: WidthOf): { data: string; fillsLastRow: boolean } {
  const drawn = layout(shown, shown.cols, widthOf);
  return { data: move(drawn.cursorAt(shown.cursor), drawn.end), fillsLastRow: drawn.fillsLastRow };
}
