/**
 * A line editor wired to the model screen, the way the browser island wires it to xterm.js:
 * writes go to the screen, the other effects are recorded for the test to look at.
 */
import { expect } from 'vitest';
import type { Completer } from '../../../../src/core/terminal/apply-completion.ts';
import type { History } from '../../../../src/core/terminal/history.ts';
import { type EditorEffect, LineEditor } from '../../../../src/core/terminal/line-editor.ts';
import { stripSgr, xtermWidth } from '../../../../src/core/terminal/text-width.ts';
import { Screen } from './screen.ts';

export interface TermOptions {
  cols?: number;
  prompt?: string;
  history?: History;
  complete?: Completer;
  height?: number;
  /** Also gets everything written to the screen (to mirror it into a real xterm.js). */
  onWrite?: (data: string) => void;
}

export class Term {
  readonly screen: Screen;
  readonly editor: LineEditor;
  /** Every effect but writes, in order. */
  readonly events: Exclude<EditorEffect, { type: 'write' }>[] = [];
  readonly #onWrite: ((data: string) => void) | undefined;

  constructor(options: TermOptions = {}) {
    const cols = options.cols ?? 80;
    this.#onWrite = options.onWrite;
    this.screen = new Screen(cols, options.height ?? 200);
    this.editor = new LineEditor({
      cols,
      ...(options.prompt !== undefined ? { prompt: options.prompt } : {}),
      ...(options.history ? { history: options.history } : {}),
      ...(options.complete ? { complete: options.complete } : {}),
    });
    this.apply(this.editor.ready());
  }

  apply(effects: readonly EditorEffect[]): void {
    for (const effect of effects) {
      if (effect.type === 'write') this.#print(effect.data);
      else this.events.push(effect);
    }
  }

  #print(data: string): void {
    this.screen.write(data);
    this.#onWrite?.(data);
  }

  /** Feeds each chunk as one onData call. */
  type(...chunks: string[]): this {
    for (const chunk of chunks) this.apply(this.editor.feed(chunk));
    return this;
  }

  /** The host's side of a submitted command: print its output, then hand back the prompt. */
  finish(output = ''): this {
    this.#print(output.replace(/\n/g, '\r\n'));
    // A host starts the prompt on a row of its own, as ready() asks.
    if (this.screen.x !== 0) this.#print('\r\n');
    this.apply(this.editor.ready());
    return this;
  }

  resize(cols: number): this {
    this.screen.resize(cols);
    this.apply(this.editor.resize(cols));
    return this;
  }

  get submitted(): string[] {
    return this.events.flatMap((e) => (e.type === 'submit' ? [e.line] : []));
  }

  get lines(): string[] {
    return this.screen.lines();
  }
}

/** Drops what takes no column (combining marks join the cell before them, on screen and off). */
const visible = (text: string) => [...text].filter((c) => xtermWidth(c.codePointAt(0) as number) > 0).join('');

/**
 * The learner sees the prompt and the line on the cursor's (wrapped) line, the cursor right after
 * prompt + line[0, cursor), and nothing below.
 */
export function expectShows(term: Term): void {
  const view = term.editor.view;
  expect(view, 'a prompt is shown').toBeDefined();
  if (!view) return;
  const on = term.screen.cursorLine();
  const prompt = stripSgr(view.prompt);
  expect(visible(on.text)).toBe(visible(prompt + view.text));
  expect(visible(on.beforeCursor)).toBe(visible(prompt + view.text.slice(0, view.cursor)));
  for (let y = on.lastRow + 1; y < term.screen.rows.length; y++) expect(term.screen.rowText(y)).toBe('');
}
