/**
 * Decoding what xterm.js sends (onData) into keys: text runs, control keys, CSI and SS3
 * sequences, Alt as ESC-prefix, bracketed paste, and the sequences to ignore.
 */
import { describe, expect, it } from 'vitest';
import { decodeKeys, type Key } from '../../../../src/core/terminal/keys.ts';

const k = (type: Exclude<Key['type'], 'text'>): Key => ({ type });
const text = (t: string): Key => ({ type: 'text', text: t });

describe('decodeKeys', () => {
  it('keeps printable text together, in any script', () => {
    expect(decodeKeys('aws ecs 日本 😀 é')).toEqual([text('aws ecs 日本 😀 é')]);
  });

  it('splits several keys in one chunk, in order', () => {
    expect(decodeKeys('ab\x7fc\x1b[D\r')).toEqual([text('ab'), k('backspace'), text('c'), k('left'), k('enter')]);
  });

  it.each([
    ['\r', 'enter'],
    ['\n', 'enter'],
    ['\r\n', 'enter'],
    ['\t', 'tab'],
    ['\x7f', 'backspace'],
    ['\x08', 'backspace'],
    ['\x1b[3~', 'delete'],
    ['\x1b[3;5~', 'delete'],
    ['\x04', 'eof'],
    ['\x1b[A', 'up'],
    ['\x1b[B', 'down'],
    ['\x1b[C', 'right'],
    ['\x1b[D', 'left'],
    ['\x1bOA', 'up'],
    ['\x1bOB', 'down'],
    ['\x1bOC', 'right'],
    ['\x1bOD', 'left'],
    ['\x10', 'up'],
    ['\x0e', 'down'],
    ['\x06', 'right'],
    ['\x02', 'left'],
    ['\x1b[H', 'home'],
    ['\x1b[F', 'end'],
    ['\x1bOH', 'home'],
    ['\x1bOF', 'end'],
    ['\x1b[1~', 'home'],
    ['\x1b[4~', 'end'],
    ['\x1b[7~', 'home'],
    ['\x1b[8~', 'end'],
    ['\x01', 'home'],
    ['\x05', 'end'],
    ['\x1bb', 'word-left'],
    ['\x1bf', 'word-right'],
    ['\x1b[1;5D', 'word-left'],
    ['\x1b[1;5C', 'word-right'],
    ['\x1b[1;3D', 'word-left'],
    ['\x1b[1;3C', 'word-right'],
    ['\x1b[1;2D', 'left'],
    ['\x15', 'kill-to-start'],
    ['\x0b', 'kill-to-end'],
    ['\x17', 'kill-word-back'],
    ['\x1b\x7f', 'kill-alnum-word-back'],
    ['\x1b\x08', 'kill-alnum-word-back'],
    ['\x1bd', 'kill-word-forward'],
    ['\x19', 'yank'],
    ['\x03', 'interrupt'],
    ['\x0c', 'clear-screen'],
    ['\x12', 'reverse-search'],
    ['\x1b', 'escape'],
    ['\x07', 'abort'],
  ] as const)('reads %j as %s', (data, name) => {
    expect(decodeKeys(data)).toEqual([k(name)]);
  });

  it('reads ESC ESC as Escape, then what follows', () => {
    expect(decodeKeys('\x1b\x1b[A')).toEqual([k('escape'), k('up')]);
  });

  it.each([
    ['F1', '\x1bOP'],
    ['F12', '\x1b[24~'],
    ['Insert', '\x1b[2~'],
    ['Page Down', '\x1b[6~'],
    ['focus out', '\x1b[O'],
    ['an SGR mouse report', '\x1b[<0;10;5M'],
    ['a colour report (BEL)', '\x1b]11;rgb:1e1e/1e1e/1e1e\x07'],
    ['a colour report (ST)', '\x1b]11;rgb:1e1e/1e1e/1e1e\x1b\\'],
    ['a DCS string', '\x1bP1$r0m\x1b\\'],
    ['an unbound Alt key', '\x1bq'],
    ['Alt with a character outside the BMP', '\x1b😀'],
    ['unused control characters', '\x00\x11\x13\x14\x16\x18\x1a\x1c\x1d\x1e\x1f'],
    ['C1 control characters', '\x85\x9b'],
    ['a CSI cut off at the end', '\x1b[1;'],
    ['an SS3 cut off at the end', '\x1bO'],
    ['an OSC never ended', '\x1b]0;title'],
  ])('ignores %s', (_name, data) => {
    expect(decodeKeys(`a${data}`)).toEqual([text('a')]);
  });

  it('turns a bracketed paste into text and Enter keys, tabs into spaces', () => {
    expect(decodeKeys('\x1b[200~echo\ta\r\necho b\ncd\x1b[201~x')).toEqual([
      text('echo a'),
      k('enter'),
      text('echo b'),
      k('enter'),
      text('cd'),
      text('x'),
    ]);
    expect(decodeKeys('\x1b[200~a\x1b[D\x03b\x1b[201~')).toEqual([text('a[Db')]);
  });

  it('takes a paste whose end marker is missing to the end of the chunk', () => {
    expect(decodeKeys('\x1b[200~one\rtwo')).toEqual([text('one'), k('enter'), text('two')]);
  });
});
