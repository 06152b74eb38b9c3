/**
 * Completion candidates laid out in columns, read down then across, as bash lists them. Long lists
 * are cut short with a count: a screenful of ARNs helps nobody, typing a few more letters does.
 */
import type { WidthOf } from './text-width.ts';

export const MAX_LISTED = 120;

const widthOfText = (text: string, widthOf: WidthOf) => {
  let width = 0;
  for (const char of text) width += widthOf(char.codePointAt(0) as number);
  return width;
};

/** The candidates as terminal rows (no line breaks inside; the caller joins them with CRLF). */
export function columns(items: readonly string[], cols: number, widthOf: WidthOf): string[] {
  const shown = items.slice(0, MAX_LISTED);
  const widths = shown.map((item) => widthOfText(item, widthOf));
  const gap = 2;
  const cell = Math.max(1, ...widths) + gap;
  // The last column needs no gap after it.
  const perRow = Math.max(1, Math.floor((Math.max(2, cols) + gap) / cell));
  const rows = Math.ceil(shown.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const index = c * rows + r;
      const item = shown[index];
      if (item === undefined) break;
      const isLast = (c + 1) * rows + r >= shown.length;
      line += isLast ? item : item + ' '.repeat(cell - (widths[index] as number));
    }
    lines.push(line);
  }
  if (items.length > shown.length)
    lines.push(`… and ${items.length - shown.length} more: type a few more letters to narrow the list`);
  return lines;
}
