import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeChoice, gradeMatch, gradeOrder, gradeSpot, inlineCode, stableShuffle } from '../../../src/course/quiz.ts';

describe('inlineCode', () => {
  it('splits backtick runs into code', () => {
    expect(inlineCode('Set `networkMode` to `awsvpc`.')).toEqual([
      { code: false, text: 'Set ' },
      { code: true, text: 'networkMode' },
      { code: false, text: ' to ' },
      { code: true, text: 'awsvpc' },
      { code: false, text: '.' },
    ]);
  });

  it('keeps an unpaired backtick as text', () => {
    expect(inlineCode('a ` b')).toEqual([{ code: false, text: 'a ` b' }]);
  });

  it('loses no text (without backticks) whatever the input', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const joined = inlineCode(text)
          .map((r) => r.text)
          .join('');
        expect(joined).toBe(text.replace(/`([^`]+)`/g, '$1'));
      }),
    );
  });
});

describe('stableShuffle', () => {
  it('is a permutation, the same for the same seed, and never the identity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.string(), (n, seed) => {
        const order = stableShuffle(n, seed);
        expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(stableShuffle(n, seed)).toEqual(order);
        if (n > 1) expect(order.some((v, i) => v !== i)).toBe(true);
      }),
    );
  });

  it('gives different seeds different orders', () => {
    const orders = new Set(['a', 'b', 'c', 'd', 'e'].map((s) => stableShuffle(8, s).join()));
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe('grading', () => {
  it('choice: right only when exactly the correct options are chosen', () => {
    expect(gradeChoice([false, true, false], [false, true, false])).toBe(true);
    expect(gradeChoice([true, true, false], [true, false, false])).toBe(false);
    expect(gradeChoice([true, false], [true, true])).toBe(false);
    expect(gradeChoice([true, false], [false, false])).toBe(false);
  });

  it('order: right when the steps are back in their true positions', () => {
    expect(gradeOrder([0, 1, 2, 3])).toBe(true);
    expect(gradeOrder([1, 0, 2, 3])).toBe(false);
  });

  it('match: right when every term has its own meaning; a blank is wrong', () => {
    expect(gradeMatch([0, 1, 2])).toBe(true);
    expect(gradeMatch([0, 2, 1])).toBe(false);
    expect(gradeMatch([0, null, 2])).toBe(false);
  });

  it('spot the error: right only on the error line', () => {
    expect(gradeSpot(5, 5)).toBe(true);
    expect(gradeSpot(4, 5)).toBe(false);
    expect(gradeSpot(null, 5)).toBe(false);
  });
});
