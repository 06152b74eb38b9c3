/**
 * The model screen against the real thing: the same random sessions are written to the model and
 * to xterm.js itself (it runs without a DOM when never opened), and both must end with the same
 * rows and the cursor in the same cell. This keeps the model — and so every other test's idea of
 * what the learner sees — honest about wrapping, wide characters and resizing.
 */
import { Terminal } from '@xterm/xterm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectShows, Term, type TermOptions } from './harness.ts';
import { CANDIDATES, history, step } from './inputs.ts';

const ROWS = 60;

function fakeComplete(line: string, cursor: number) {
  const start = line.lastIndexOf(' ', cursor - 1) + 1;
  const typed = line.slice(start, cursor);
  return { start, end: cursor, candidates: CANDIDATES.filter((c) => c.startsWith(typed)) };
}

/** A Term whose writes also go to a real xterm.js. */
class Twin {
  readonly real: Terminal;
  readonly term: Term;
  #pending = '';

  constructor(cols: number, options: TermOptions) {
    this.real = new Terminal({ cols, rows: ROWS, scrollback: 1000, allowProposedApi: true });
    this.term = new Term({
      ...options,
      cols,
      height: ROWS,
      onWrite: (data) => {
        this.#pending += data;
      },
    });
  }

  /** Writes what is queued and waits until xterm.js has parsed it. */
  async flush(): Promise<void> {
    const data = this.#pending;
    this.#pending = '';
    await new Promise<void>((resolve) => this.real.write(data, resolve));
  }

  async resize(cols: number): Promise<void> {
    await this.flush();
    this.real.resize(cols, ROWS);
    this.term.resize(cols);
  }

  async expectSame(): Promise<void> {
    await this.flush();
    const buffer = this.real.buffer.active;
    const real: string[] = [];
    for (let y = 0; y < buffer.length; y++) real.push(buffer.getLine(y)?.translateToString(true) ?? '');
    while (real.length > 0 && real.at(-1) === '') real.pop();
    const { screen } = this.term;
    const model: string[] = [];
    for (let y = 0; y < screen.rows.length; y++) model.push(screen.rowCells(y));
    while (model.length > 0 && model.at(-1) === '') model.pop();
    expect(model).toEqual(real);
    expect([screen.y, screen.x]).toEqual([buffer.baseY + buffer.cursorY, buffer.cursorX]);
  }
}

describe('the model screen matches xterm.js', () => {
  it('after a session with wrapping, wide characters, completion lists and Ctrl-L', async () => {
    const twin = new Twin(10, {});
    twin.term.type('0123456789abcdef', '\x1b[H', '\x1b[C\x1b[C', '日本', '\r');
    twin.term.finish('out\n');
    twin.term.type('01234567');
    await twin.expectSame();
    twin.term.type('\x03', 'x\x0c', 'more text that wraps');
    await twin.expectSame();
    expectShows(twin.term);
  });

  it('after random sessions', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 2, max: 24 }),
        history,
        fc.array(step, { maxLength: 40 }),
        async (cols, used, steps) => {
          const twin = new Twin(cols, { history: used, complete: fakeComplete });
          for (const s of steps) {
            if (s.kind === 'data') twin.term.type(s.data);
            else if (s.kind === 'resize') await twin.resize(s.cols);
            else if (s.kind === 'print') twin.term.apply(twin.term.editor.print(s.text));
            else if (twin.term.editor.busy) twin.term.finish(s.output);
          }
          await twin.expectSame();
          if (!twin.term.editor.busy) expectShows(twin.term);
        },
      ),
      { numRuns: 200 },
    );
  });
});
