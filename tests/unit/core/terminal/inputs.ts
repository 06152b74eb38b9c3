/**
 * Random terminal sessions for the property tests: what xterm.js could send (keys, pastes, bytes
 * that mean nothing), with commands finishing, messages printed and the window resizing in between.
 */
import fc from 'fast-check';
import { History } from '../../../../src/core/terminal/history.ts';

export type Step =
  | { kind: 'data'; data: string }
  | { kind: 'finish'; output: string }
  | { kind: 'resize'; cols: number }
  | { kind: 'print'; text: string };

const KEYS = [
  '\r',
  '\n',
  '\t',
  '\x7f',
  '\b',
  '\x1b[3~',
  '\x1b[A',
  '\x1b[B',
  '\x1b[C',
  '\x1b[D',
  '\x1bOA',
  '\x1bOB',
  '\x1bOC',
  '\x1bOD',
  '\x1b[H',
  '\x1b[F',
  '\x1bOH',
  '\x1bOF',
  '\x1b[1~',
  '\x1b[4~',
  '\x1bb',
  '\x1bf',
  '\x1bd',
  '\x1b\x7f',
  '\x1b[1;5D',
  '\x1b[1;5C',
  '\x01',
  '\x02',
  '\x03',
  '\x04',
  '\x05',
  '\x06',
  '\x07',
  '\x0b',
  '\x0c',
  '\x0e',
  '\x10',
  '\x12',
  '\x15',
  '\x17',
  '\x19',
  '\x1b',
  '\x1b[200~a\tb\nc\x1b[201~',
  '\x1b[15~',
  '\x1b]11;?\x07',
];

const TEXT = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('aws ecs ', 'list-tasks', '--cluster demo', ' ', 'x', 'sim clock'),
  fc.constantFrom('日本語', '字', '😀', '🇫🇷', 'e\u0301', '\u0301', 'ｗｉｄｅ', 'a\ud83d', '\ude00'),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

const DATA = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KEYS) },
  { weight: 4, arbitrary: TEXT },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.constantFrom(...KEYS), TEXT), { maxLength: 6 }).map((p) => p.join('')) },
);

export const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 12, arbitrary: DATA.map((data) => ({ kind: 'data' as const, data })) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('', 'ok\n', 'two\nlines\n').map((output) => ({ kind: 'finish' as const, output })),
  },
  { weight: 1, arbitrary: fc.integer({ min: 2, max: 30 }).map((cols) => ({ kind: 'resize' as const, cols })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('note\r\n', 'a longer message that wraps', '日本\r\n')
      .map((text) => ({ kind: 'print' as const, text })),
  },
);

export const history = fc
  .array(fc.constantFrom('aws ecs list-tasks', 'sim clock', 'echo 日本', 'aws ecs list-clusters', 'x'), {
    maxLength: 6,
  })
  .map((entries) => new History(entries));

/** Candidates the fake completer offers (from the line's last word). */
export const CANDIDATES = ['aws', 'aws-x', 'ecs', 'list-tasks', 'list-clusters', '日本', '--cluster', 'file://a.json'];
