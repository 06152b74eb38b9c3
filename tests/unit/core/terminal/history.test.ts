/**
 * The command history: bounded, no blank lines or repeats in a row, searchable, and stored as
 * plain JSON that reads back safely whatever localStorage holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, History } from '../../../../src/core/terminal/history.ts';

describe('History', () => {
  it('keeps the lines run, oldest first', () => {
    const history = new History();
    expect(history.add('sim clock')).toBe(true);
    expect(history.add('aws ecs list-clusters')).toBe(true);
    expect(history.entries).toEqual(['sim clock', 'aws ecs list-clusters']);
  });

  it('skips blank lines, lines with line breaks, and the same line twice in a row', () => {
    const history = new History();
    for (const line of ['', '   ', '\t', 'a\nb', 'x', 'x', 'y', 'x']) history.add(line);
    expect(history.entries).toEqual(['x', 'y', 'x']);
  });

  it('forgets the oldest lines past its limit (500 by default)', () => {
    const history = new History();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) history.add(`echo ${i}`);
    expect(history.length).toBe(500);
    expect(history.entries[0]).toBe('echo 20');
    expect(history.entries.at(-1)).toBe('echo 519');
    const small = new History(['a', 'b', 'c', 'd'], 2);
    expect(small.entries).toEqual(['c', 'd']);
  });

  it('round-trips through JSON and localStorage text', () => {
    const history = new History(['aws ecs list-tasks', 'sim clock', 'echo "日本 😀"']);
    expect(history.toJSON()).toEqual({ version: 1, entries: ['aws ecs list-tasks', 'sim clock', 'echo "日本 😀"'] });
    expect(History.fromJSON(JSON.parse(JSON.stringify(history))).entries).toEqual(history.entries);
    expect(History.parse(history.stringify()).entries).toEqual(history.entries);
  });

  it.each([
    ['nothing stored', null],
    ['an empty string', ''],
    ['text that is not JSON', '{"version":1,"entries":['],
    ['a number', '42'],
    ['an array', '["a","b"]'],
    ['another version', '{"version":2,"entries":["a"]}'],
    ['entries that are not a list', '{"version":1,"entries":"a"}'],
    ['JSON null', 'null'],
    ['very deep nesting', `${'['.repeat(100000)}${']'.repeat(100000)}`],
  ])('reads %s as an empty history', (_name, stored) => {
    expect(History.parse(stored).entries).toEqual([]);
  });

  it('keeps the readable entries of a damaged record', () => {
    const stored = JSON.stringify({ version: 1, entries: ['ok', 1, null, '', 'a\nb', 'ok', { x: 1 }, 'fine'] });
    expect(History.parse(stored).entries).toEqual(['ok', 'fine']);
  });

  it('never throws on anything stored, and what it reads keeps its rules', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ version: 1, entries: v })),
        ),
        (stored) => {
          const history = History.parse(stored);
          expect(history.length).toBeLessThanOrEqual(HISTORY_LIMIT);
          history.entries.forEach((entry, i) => {
            expect(entry.trim()).not.toBe('');
            expect(entry).not.toMatch(/[\r\n]/);
            expect(entry).not.toBe(history.entries[i - 1]);
          });
        },
      ),
    );
    fc.assert(fc.property(fc.anything(), (value) => void History.fromJSON(value)));
  });

  it('searches back from the newest entry, or from a given one, for the last occurrence', () => {
    const history = new History(['aws ecs list-tasks', 'sim clock', 'aws ecs list-tasks --cluster demo', 'echo']);
    expect(history.search('list')).toEqual({ index: 2, position: 8 });
    expect(history.search('list', 1)).toEqual({ index: 0, position: 8 });
    expect(history.search('s', 1)).toEqual({ index: 1, position: 0 });
    expect(history.search('ecs list-tasks')).toEqual({ index: 2, position: 4 });
    expect(history.search('nope')).toBeUndefined();
    expect(history.search('')).toBeUndefined();
    expect(history.search('list', -1)).toBeUndefined();
    expect(history.search('echo', 99)).toEqual({ index: 3, position: 0 });
  });

  it('can be cleared', () => {
    const history = new History(['a']);
    history.clear();
    expect(history.entries).toEqual([]);
  });
});
