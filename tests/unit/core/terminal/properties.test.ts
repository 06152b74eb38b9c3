/**
 * Properties of the line editor and the completer under random input: nothing throws, the cursor
 * stays in the line on a character boundary, and the screen always shows the prompt and the line
 * with the cursor in its place, whatever was typed, pasted, resized or completed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { execute } from '../../../../src/core/cli/shell.ts';
import { tokenize } from '../../../../src/core/cli/tokenize.ts';
import { createSimulator } from '../../../../src/core/sim/index.ts';
import { applyCompletion } from '../../../../src/core/terminal/apply-completion.ts';
import { complete } from '../../../../src/core/terminal/completion.ts';
import { completionContext } from '../../../../src/core/terminal/completion-context.ts';
import { decodeKeys } from '../../../../src/core/terminal/keys.ts';
import { boundaries, printable } from '../../../../src/core/terminal/text-width.ts';
import { expectShows, Term } from './harness.ts';
import { CANDIDATES, history, type Step, step } from './inputs.ts';

/** A completer like the real one, on the word before the cursor. */
function fakeComplete(line: string, cursor: number) {
  const start = line.lastIndexOf(' ', cursor - 1) + 1;
  const typed = line.slice(start, cursor);
  return { start, end: cursor, candidates: CANDIDATES.filter((c) => c.startsWith(typed)) };
}

function run(term: Term, steps: readonly Step[], check: (term: Term) => void): void {
  for (const s of steps) {
    if (s.kind === 'data') term.type(s.data);
    else if (s.kind === 'resize') term.resize(s.cols);
    else if (s.kind === 'print') term.apply(term.editor.print(s.text));
    else if (term.editor.busy) term.finish(s.output);
    check(term);
  }
}

function invariants(term: Term): void {
  const { line, cursor } = term.editor;
  expect(cursor).toBeGreaterThanOrEqual(0);
  expect(cursor).toBeLessThanOrEqual(line.length);
  expect(boundaries(line)).toContain(cursor);
  expect(printable(line)).toBe(line);
  if (!term.editor.busy) expectShows(term);
}

describe('line editor properties', () => {
  it('never throws, keeps the cursor in the line and always shows prompt + line', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 30 }), history, fc.array(step, { maxLength: 40 }), (cols, used, steps) => {
        const term = new Term({ cols, history: used, complete: fakeComplete });
        run(term, steps, invariants);
      }),
      { numRuns: 500 },
    );
  });

  it('submits exactly the complete lines of a paste, in order, and keeps the rest', () => {
    const line = fc.string({ maxLength: 10 }).filter((s) => printable(s) === s && s.trim() !== '');
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 5 }),
        line,
        fc.constantFrom('\r', '\n', '\r\n'),
        (lines, rest, eol) => {
          const term = new Term({ cols: 12 });
          term.type(lines.map((l) => l + eol).join('') + rest);
          while (term.editor.busy) term.finish('out\n');
          expect(term.submitted).toEqual(lines);
          expect(term.editor.line).toBe(rest);
          expectShows(term);
        },
      ),
    );
  });

  it('decodes any chunk without throwing and never lets escape characters into text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (data) => {
        for (const key of decodeKeys(data)) if (key.type === 'text') expect(printable(key.text)).toBe(key.text);
      }),
    );
  });
});

describe('completion properties', () => {
  const sim = createSimulator({ seed: 3 });
  const env = { sim, readFile: () => undefined };
  for (const command of [
    'aws ecs create-cluster --cluster-name demo',
    'sim add-instances --cluster demo --count 2',
    'aws ecr create-repository --repository-name web',
  ])
    execute(command, env);
  const context = completionContext(sim, { files: ['task def.json', "it's.json"] });
  const pieces = fc.constantFrom(
    'aws',
    ' ',
    'ecs',
    'ecr',
    'wait',
    'run-task',
    '--cluster',
    '--cluster=',
    'demo',
    '--task-definition',
    "'",
    '"',
    '\\',
    '|',
    '#',
    'file://',
    'sim',
    'kill-task',
    'docker',
    'tag',
    '--',
    '=',
    'logs',
    'tail',
    'constructor',
    '__proto__',
  );
  const line = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.array(pieces, { maxLength: 10 }).map((p) => p.join('')),
  );

  it('never throws, and its answer always fits the line', () => {
    fc.assert(
      fc.property(line, fc.integer({ min: -5, max: 60 }), (text, cursor) => {
        const result = complete(text, cursor, context);
        expect(result.start).toBeGreaterThanOrEqual(0);
        expect(result.start).toBeLessThanOrEqual(result.end);
        expect(result.end).toBeLessThanOrEqual(text.length);
        expect(new Set(result.candidates).size).toBe(result.candidates.length);
        // Whatever Tab then does, the line stays a line.
        const state = { text, cursor: Math.max(0, Math.min(cursor, text.length)) };
        applyCompletion(state, result);
      }),
      { numRuns: 1000 },
    );
  });

  it('offers candidates that are each one whole shell word, however they are quoted', () => {
    fc.assert(
      fc.property(line, (text) => {
        for (const candidate of complete(text, text.length, context).candidates) {
          const { stages } = tokenize(candidate);
          expect(stages).toHaveLength(1);
          expect(stages[0]).toHaveLength(1);
        }
      }),
      { numRuns: 500 },
    );
  });
});
