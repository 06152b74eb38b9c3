import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { colorStderr, colorStdout, toTerminal } from '../../../src/islands/terminal/colorize.ts';

const ESC = String.fromCharCode(27);
const strip = (text: string) => text.replace(new RegExp(`${ESC}\\[[0-9;]*m`, 'g'), '');

describe('terminal colours', () => {
  it('colours status words only as whole words', () => {
    expect(colorStdout('"lastStatus": "RUNNING",\n')).toBe('"lastStatus": "\x1b[32mRUNNING\x1b[0m",\r\n');
    expect(colorStdout('STOPPED_REASON NOTRUNNING')).toBe('STOPPED_REASON NOTRUNNING');
  });

  it('makes errors red line by line and keeps blank lines plain', () => {
    expect(colorStderr('\nAn error occurred\n')).toBe('\r\n\x1b[31mAn error occurred\x1b[0m\r\n');
    expect(colorStderr('')).toBe('');
  });

  it('never changes the text itself (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(strip(colorStdout(text))).toBe(toTerminal(text));
        expect(strip(colorStderr(text))).toBe(toTerminal(text));
      }),
    );
  });
});
