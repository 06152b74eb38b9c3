/**
 * Quiz logic shared by the page (rendering) and the browser (grading): inline-code splitting, a
 * stable shuffle, and one grading function per question kind. Pure, no DOM.
 */

/** A run of quiz text: plain words or `code`. */
export interface TextRun {
  code: boolean;
  text: string;
}

/** Splits quiz text on backticks; an unpaired backtick stays literal. */
export function inlineCode(text: string): TextRun[] {
  const runs: TextRun[] = [];
  const pattern = /`([^`]+)`/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) runs.push({ code: false, text: text.slice(last, m.index) });
    runs.push({ code: true, text: m[1] ?? '' });
    last = m.index + m[0].length;
  }
  if (last < text.length) runs.push({ code: false, text: text.slice(last) });
  return runs;
}

/** FNV-1a: a small, stable string hash to seed the shuffle. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * A permutation of 0..n-1 that depends only on `seed`, so the built page and every visit show the
 * same order. Never the identity when n > 1: an "order" question must not start solved.
 */
export function stableShuffle(n: number, seed: string): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let state = hash(seed) || 1;
  const next = () => {
    // xorshift32
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  if (n > 1 && order.every((v, i) => v === i)) order.push(order.shift() as number);
  return order;
}

/** Single and multiple choice: right when exactly the correct options are chosen. */
export const gradeChoice = (correct: readonly boolean[], chosen: readonly boolean[]): boolean =>
  correct.length === chosen.length && correct.every((c, i) => c === chosen[i]);

/** Put in order: `shown` lists each step's true position in the order the learner left them. */
export const gradeOrder = (shown: readonly number[]): boolean => shown.every((v, i) => v === i);

/** Match: `chosen[i]` is the index of the meaning picked for term i (null when none). */
export const gradeMatch = (chosen: readonly (number | null)[]): boolean => chosen.every((v, i) => v === i);

/** Spot the error: right when the learner picked the wrong line. */
export const gradeSpot = (chosenLine: number | null, errorLine: number): boolean => chosenLine === errorLine;
