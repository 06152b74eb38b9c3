/**
 * How many terminal columns a character takes, and where the cursor may stop in a line.
 *
 * The editor must know exactly where xterm.js puts each character, or its cursor moves land in the
 * wrong cell once a line wraps. xterm.js (without the unicode11 addon, which this site does not
 * load) measures characters with its "Unicode 6" table, one code point at a time: the table below
 * is that table (from xterm.js's src/common/input/UnicodeV6.ts, MIT licence), so emoji count as one
 * column there, as they do on screen. A host that loads another width table passes its own
 * `WidthOf` to the editor.
 */

/** Columns a code point takes: 0 (joins the previous cell), 1, or 2 (wide). */
export type WidthOf = (codePoint: number) => 0 | 1 | 2;

// biome-ignore format: a table reads best as a table.
const BMP_COMBINING: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f], [0x0483, 0x0486], [0x0488, 0x0489], [0x0591, 0x05bd], [0x05bf, 0x05bf], [0x05c1, 0x05c2],
  [0x05c4, 0x05c5], [0x05c7, 0x05c7], [0x0600, 0x0603], [0x0610, 0x0615], [0x064b, 0x065e], [0x0670, 0x0670],
  [0x06d6, 0x06e4], [0x06e7, 0x06e8], [0x06ea, 0x06ed], [0x070f, 0x070f], [0x0711, 0x0711], [0x0730, 0x074a],
  [0x07a6, 0x07b0], [0x07eb, 0x07f3], [0x0901, 0x0902], [0x093c, 0x093c], [0x0941, 0x0948], [0x094d, 0x094d],
  [0x0951, 0x0954], [0x0962, 0x0963], [0x0981, 0x0981], [0x09bc, 0x09bc], [0x09c1, 0x09c4], [0x09cd, 0x09cd],
  [0x09e2, 0x09e3], [0x0a01, 0x0a02], [0x0a3c, 0x0a3c], [0x0a41, 0x0a42], [0x0a47, 0x0a48], [0x0a4b, 0x0a4d],
  [0x0a70, 0x0a71], [0x0a81, 0x0a82], [0x0abc, 0x0abc], [0x0ac1, 0x0ac5], [0x0ac7, 0x0ac8], [0x0acd, 0x0acd],
  [0x0ae2, 0x0ae3], [0x0b01, 0x0b01], [0x0b3c, 0x0b3c], [0x0b3f, 0x0b3f], [0x0b41, 0x0b43], [0x0b4d, 0x0b4d],
  [0x0b56, 0x0b56], [0x0b82, 0x0b82], [0x0bc0, 0x0bc0], [0x0bcd, 0x0bcd], [0x0c3e, 0x0c40], [0x0c46, 0x0c48],
  [0x0c4a, 0x0c4d], [0x0c55, 0x0c56], [0x0cbc, 0x0cbc], [0x0cbf, 0x0cbf], [0x0cc6, 0x0cc6], [0x0ccc, 0x0ccd],
  [0x0ce2, 0x0ce3], [0x0d41, 0x0d43], [0x0d4d, 0x0d4d], [0x0dca, 0x0dca], [0x0dd2, 0x0dd4], [0x0dd6, 0x0dd6],
  [0x0e31, 0x0e31], [0x0e34, 0x0e3a], [0x0e47, 0x0e4e], [0x0eb1, 0x0eb1], [0x0eb4, 0x0eb9], [0x0ebb, 0x0ebc],
  [0x0ec8, 0x0ecd], [0x0f18, 0x0f19], [0x0f35, 0x0f35], [0x0f37, 0x0f37], [0x0f39, 0x0f39], [0x0f71, 0x0f7e],
  [0x0f80, 0x0f84], [0x0f86, 0x0f87], [0x0f90, 0x0f97], [0x0f99, 0x0fbc], [0x0fc6, 0x0fc6], [0x102d, 0x1030],
  [0x1032, 0x1032], [0x1036, 0x1037], [0x1039, 0x1039], [0x1058, 0x1059], [0x1160, 0x11ff], [0x135f, 0x135f],
  [0x1712, 0x1714], [0x1732, 0x1734], [0x1752, 0x1753], [0x1772, 0x1773], [0x17b4, 0x17b5], [0x17b7, 0x17bd],
  [0x17c6, 0x17c6], [0x17c9, 0x17d3], [0x17dd, 0x17dd], [0x180b, 0x180d], [0x18a9, 0x18a9], [0x1920, 0x1922],
  [0x1927, 0x1928], [0x1932, 0x1932], [0x1939, 0x193b], [0x1a17, 0x1a18], [0x1b00, 0x1b03], [0x1b34, 0x1b34],
  [0x1b36, 0x1b3a], [0x1b3c, 0x1b3c], [0x1b42, 0x1b42], [0x1b6b, 0x1b73], [0x1dc0, 0x1dca], [0x1dfe, 0x1dff],
  [0x200b, 0x200f], [0x202a, 0x202e], [0x2060, 0x2063], [0x206a, 0x206f], [0x20d0, 0x20ef], [0x302a, 0x302f],
  [0x3099, 0x309a], [0xa806, 0xa806], [0xa80b, 0xa80b], [0xa825, 0xa826], [0xfb1e, 0xfb1e], [0xfe00, 0xfe0f],
  [0xfe20, 0xfe23], [0xfeff, 0xfeff], [0xfff9, 0xfffb],
];
// biome-ignore format: a table reads best as a table.
const HIGH_COMBINING: readonly (readonly [number, number])[] = [
  [0x10a01, 0x10a03], [0x10a05, 0x10a06], [0x10a0c, 0x10a0f], [0x10a38, 0x10a3a], [0x10a3f, 0x10a3f],
  [0x1d167, 0x1d169], [0x1d173, 0x1d182], [0x1d185, 0x1d18b], [0x1d1aa, 0x1d1ad], [0x1d242, 0x1d244],
  [0xe0001, 0xe0001], [0xe0020, 0xe007f], [0xe0100, 0xe01ef],
];
// biome-ignore format: a table reads best as a table.
const BMP_WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x2329, 0x232a], [0x2e80, 0x303e], [0x3040, 0xa4cf], [0xac00, 0xd7a3], [0xf900, 0xfaff],
  [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60], [0xffe0, 0xffe6],
];

function within(codePoint: number, ranges: readonly (readonly [number, number])[]): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [first, last] = ranges[middle] as readonly [number, number];
    if (codePoint < first) high = middle - 1;
    else if (codePoint > last) low = middle + 1;
    else return true;
  }
  return false;
}

/** xterm.js's default width table ("Unicode 6"): what the learner's terminal actually does. */
export const xtermWidth: WidthOf = (codePoint) => {
  if (codePoint < 32 || (codePoint >= 0x7f && codePoint < 0xa0)) return 0;
  if (codePoint < 0x300) return 1;
  if (codePoint < 0x10000) {
    // Combining wins over wide, as in xterm.js's table.
    if (within(codePoint, BMP_COMBINING)) return 0;
    return within(codePoint, BMP_WIDE) ? 2 : 1;
  }
  if (within(codePoint, HIGH_COMBINING)) return 0;
  return (codePoint >= 0x20000 && codePoint <= 0x2fffd) || (codePoint >= 0x30000 && codePoint <= 0x3fffd) ? 2 : 1;
};

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The offsets (UTF-16) where the cursor may stop: 0, every grapheme boundary, and text.length.
 * Stopping only there keeps surrogate pairs, combining accents and flags in one piece, so no edit
 * can split a character in two.
 */
export function boundaries(text: string): number[] {
  const stops: number[] = [];
  for (const { index } of segmenter.segment(text)) stops.push(index);
  stops.push(text.length);
  return stops;
}

/** The nearest cursor stop at or before `offset`. */
export function boundaryAtOrBefore(text: string, offset: number): number {
  let best = 0;
  for (const stop of boundaries(text)) {
    if (stop > offset) break;
    best = stop;
  }
  return best;
}

/**
 * What may go into the line: printable characters only. Control characters (C0, DEL, C1) would
 * move xterm's cursor behind the editor's back, and a lone surrogate is half a character.
 */
export function printable(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    const control = code < 0x20 || (code >= 0x7f && code < 0xa0);
    const loneSurrogate = code >= 0xd800 && code <= 0xdfff;
    if (!control && !loneSurrogate) out += char;
  }
  return out;
}

/** Text cut into SGR (colour) sequences and the text between them, in order. */
export function splitSgr(text: string): { sgr: boolean; text: string }[] {
  const parts: { sgr: boolean; text: string }[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '\x1b' && text[i + 1] === '[') {
      let j = i + 2;
      while (j < text.length && /[0-9;:]/.test(text[j] as string)) j += 1;
      if (text[j] === 'm') {
        if (plain !== '') parts.push({ sgr: false, text: plain });
        plain = '';
        parts.push({ sgr: true, text: text.slice(i, j + 1) });
        i = j + 1;
        continue;
      }
    }
    plain += text[i];
    i += 1;
  }
  if (plain !== '') parts.push({ sgr: false, text: plain });
  return parts;
}

/** Removes SGR (colour) sequences, which take no columns, to measure a prompt. */
export function stripSgr(text: string): string {
  return splitSgr(text)
    .filter((part) => !part.sgr)
    .map((part) => part.text)
    .join('');
}
