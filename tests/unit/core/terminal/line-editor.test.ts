/**
 * The line editor through what the learner sees: each test feeds what xterm.js would send and
 * looks at the model screen (prompt, line, cursor) and at the effects for the host.
 */
import { describe, expect, it } from 'vitest';
import type { CompletionResult } from '../../../../src/core/terminal/apply-completion.ts';
import { History } from '../../../../src/core/terminal/history.ts';
import { LineEditor } from '../../../../src/core/terminal/line-editor.ts';
import { expectShows, Term } from './harness.ts';

const LEFT = '\x1b[D';
const RIGHT = '\x1b[C';
const UP = '\x1b[A';
const DOWN = '\x1b[B';
const HOME = '\x1b[H';
const END = '\x1b[F';
const BACKSPACE = '\x7f';
const DELETE = '\x1b[3~';
const CTRL = (letter: string) => String.fromCharCode(letter.toUpperCase().charCodeAt(0) - 64);

/** The line and where the cursor is in it, written as "abc|def". */
function state(term: Term): string {
  const { line, cursor } = term.editor;
  return `${line.slice(0, cursor)}|${line.slice(cursor)}`;
}

describe('typing and the prompt', () => {
  it('shows the prompt, then each character typed, with the cursor after it', () => {
    const term = new Term();
    expect(term.lines).toEqual(['$']);
    term.type('a', 'w', 's', ' ecs');
    expect(term.lines).toEqual(['$ aws ecs']);
    expect(state(term)).toBe('aws ecs|');
    expectShows(term);
  });

  it('turns on bracketed paste once, with the first prompt', () => {
    const editor = new LineEditor({ cols: 80 });
    const first = editor.ready();
    expect(first).toEqual([{ type: 'write', data: '\x1b[?2004h$ ' }]);
    editor.feed('x\r');
    expect(editor.ready()).toEqual([{ type: 'write', data: '$ ' }]);
    expect(new LineEditor({ cols: 80, bracketedPaste: false }).ready()).toEqual([{ type: 'write', data: '$ ' }]);
  });

  it('keeps colours in the prompt and measures it without them', () => {
    const term = new Term({ prompt: '\x1b[36m$\x1b[0m ', cols: 10 });
    term.type('abcdefghij');
    expect(term.lines).toEqual(['$ abcdefgh', 'ij']);
    expectShows(term);
  });

  it('removes line breaks and control characters from a prompt', () => {
    const editor = new LineEditor({ cols: 80, prompt: 'a\nb\x07> ' });
    expect(editor.prompt).toBe('ab> ');
  });

  it('ignores control characters it has no use for', () => {
    const term = new Term();
    term.type('a\x00\x1c\x1d\x1e\x1fb\x9bc');
    expect(state(term)).toBe('abc|');
    expectShows(term);
  });

  it('prints a message above the prompt and the line, which move below it', () => {
    const term = new Term({ cols: 10 }).type('0123456789abc', LEFT);
    term.apply(term.editor.print('Task stopped.\r\n'));
    expect(term.lines).toEqual(['Task stopp', 'ed.', '$ 01234567', '89abc']);
    expectShows(term);
    term.apply(term.editor.print('no line break'));
    expect(term.lines.slice(2)).toEqual(['no line br', 'eak', '$ 01234567', '89abc']);
    expectShows(term);
  });

  it('prints a message as it is while a command runs', () => {
    const term = new Term().type('sleep 5\r');
    term.apply(term.editor.print('tick\r\n'));
    term.finish();
    expect(term.lines).toEqual(['$ sleep 5', 'tick', '$']);
  });

  it('changes the prompt in place', () => {
    const term = new Term();
    term.type('ls');
    term.apply(term.editor.setPrompt('% '));
    expect(term.lines).toEqual(['% ls']);
    expectShows(term);
  });
});

describe('moving the cursor', () => {
  it.each([
    ['arrow (CSI)', LEFT, RIGHT],
    ['arrow (SS3)', '\x1bOD', '\x1bOC'],
    ['Ctrl-B and Ctrl-F', CTRL('b'), CTRL('f')],
    ['Shift-arrow', '\x1b[1;2D', '\x1b[1;2C'],
  ])('moves one character with %s', (_name, left, right) => {
    const term = new Term().type('abc', left, left);
    expect(state(term)).toBe('a|bc');
    expectShows(term);
    term.type(right);
    expect(state(term)).toBe('ab|c');
    term.type(right, right, right);
    expect(state(term)).toBe('abc|');
    term.type(left, left, left, left);
    expect(state(term)).toBe('|abc');
    expectShows(term);
  });

  it.each([
    ['\x1b[H', '\x1b[F'],
    ['\x1bOH', '\x1bOF'],
    ['\x1b[1~', '\x1b[4~'],
    ['\x1b[7~', '\x1b[8~'],
    [CTRL('a'), CTRL('e')],
  ])('goes to the start with %j and the end with %j', (home, end) => {
    const term = new Term().type('aws ecs', home);
    expect(state(term)).toBe('|aws ecs');
    expectShows(term);
    term.type(end);
    expect(state(term)).toBe('aws ecs|');
    expectShows(term);
  });

  it.each([
    ['Alt-b / Alt-f', '\x1bb', '\x1bf'],
    ['Ctrl-Left / Ctrl-Right', '\x1b[1;5D', '\x1b[1;5C'],
    ['Alt-Left / Alt-Right', '\x1b[1;3D', '\x1b[1;3C'],
  ])('jumps over words with %s', (_name, back, forward) => {
    const term = new Term().type('aws ecs run-task --task-definition web:3');
    term.type(back);
    expect(state(term)).toBe('aws ecs run-task --task-definition web:|3');
    term.type(back, back);
    expect(state(term)).toBe('aws ecs run-task --task-|definition web:3');
    term.type(back, back, back);
    expect(state(term)).toBe('aws ecs |run-task --task-definition web:3');
    term.type(forward);
    expect(state(term)).toBe('aws ecs run|-task --task-definition web:3');
    term.type(forward, forward);
    expect(state(term)).toBe('aws ecs run-task --task|-definition web:3');
    term.type(HOME, forward);
    expect(state(term)).toBe('aws| ecs run-task --task-definition web:3');
    term.type(END, forward);
    expect(state(term)).toBe('aws ecs run-task --task-definition web:3|');
    expectShows(term);
  });
});

describe('deleting', () => {
  it('deletes before the cursor with Backspace (DEL or Ctrl-H)', () => {
    const term = new Term().type('abcd', LEFT, BACKSPACE);
    expect(state(term)).toBe('ab|d');
    term.type('\b');
    expect(state(term)).toBe('a|d');
    term.type(HOME, BACKSPACE);
    expect(state(term)).toBe('|ad');
    expect(term.lines).toEqual(['$ ad']);
    expectShows(term);
  });

  it('deletes under the cursor with Delete and Ctrl-D', () => {
    const term = new Term().type('abcd', HOME, DELETE);
    expect(state(term)).toBe('|bcd');
    term.type(CTRL('d'));
    expect(state(term)).toBe('|cd');
    term.type(END, DELETE, CTRL('d'));
    expect(state(term)).toBe('cd|');
    expect(term.lines).toEqual(['$ cd']);
    expectShows(term);
  });

  it('kills to the start (Ctrl-U), to the end (Ctrl-K), and yanks back (Ctrl-Y)', () => {
    const term = new Term().type('aws ecs list-tasks', '\x1bb', '\x1bb', CTRL('u'));
    expect(state(term)).toBe('|list-tasks');
    term.type(END, CTRL('y'));
    expect(state(term)).toBe('list-tasksaws ecs |');
    term.type(HOME, RIGHT, RIGHT, RIGHT, RIGHT, CTRL('k'));
    expect(state(term)).toBe('list|');
    term.type(CTRL('y'));
    expect(state(term)).toBe('list-tasksaws ecs |');
    expect(term.lines).toEqual(['$ list-tasksaws ecs']);
    expectShows(term);
  });

  it('kills the whitespace-separated word before the cursor with Ctrl-W', () => {
    const term = new Term().type('aws ecs --cluster demo  ', CTRL('w'));
    expect(state(term)).toBe('aws ecs --cluster |');
    term.type(CTRL('w'));
    expect(state(term)).toBe('aws ecs |');
    term.type(CTRL('y'));
    expect(state(term)).toBe('aws ecs --cluster |');
    expectShows(term);
  });

  it('kills alphanumeric words with Alt-Backspace and Alt-d', () => {
    const term = new Term().type('--task-definition web', '\x1b\x7f');
    expect(state(term)).toBe('--task-definition |');
    term.type('\x1b\x7f');
    expect(state(term)).toBe('--task-|');
    term.type(HOME, '\x1bd');
    expect(state(term)).toBe('|-');
    expectShows(term);
  });

  it('does nothing at the edges', () => {
    const term = new Term().type(BACKSPACE, DELETE, CTRL('w'), CTRL('k'), CTRL('u'), CTRL('y'), LEFT, RIGHT);
    expect(state(term)).toBe('|');
    expect(term.lines).toEqual(['$']);
  });
});

describe('Enter, Ctrl-C, Ctrl-L', () => {
  it('submits the line, moves to a new row and waits for ready()', () => {
    const term = new Term().type('sim clock', HOME, '\r');
    expect(term.submitted).toEqual(['sim clock']);
    expect(term.editor.busy).toBe(true);
    expect(term.editor.view).toBeUndefined();
    expect(term.screen.y).toBe(1);
    expect(term.screen.x).toBe(0);
    term.finish('2026-01-05T09:00:00.000Z\n');
    expect(term.lines).toEqual(['$ sim clock', '2026-01-05T09:00:00.000Z', '$']);
    expectShows(term);
  });

  it('accepts LF and CRLF as Enter, once each', () => {
    const term = new Term().type('a\n');
    term.finish().type('b\r\n');
    term.finish();
    expect(term.submitted).toEqual(['a', 'b']);
    expect(term.lines).toEqual(['$ a', '$ b', '$']);
  });

  it('gives a new prompt for a blank line without submitting it', () => {
    const term = new Term().type('\r', '   \r');
    expect(term.submitted).toEqual([]);
    expect(term.editor.busy).toBe(false);
    expect(term.lines).toEqual(['$', '$', '$']);
    expect(term.editor.history.length).toBe(0);
    expectShows(term);
  });

  it('abandons the line on Ctrl-C, printing ^C after it', () => {
    const term = new Term().type('aws ecs list', HOME, CTRL('c'));
    expect(term.events).toEqual([{ type: 'cancel', running: false, line: 'aws ecs list' }]);
    expect(term.lines).toEqual(['$ aws ecs list^C', '$']);
    expect(state(term)).toBe('|');
    expect(term.editor.history.length).toBe(0);
    expectShows(term);
  });

  it('on Ctrl-C while a command runs, tells the host and drops the keys typed ahead', () => {
    const term = new Term().type('sleep 60\r', 'echo typed ahead');
    term.type(CTRL('c'), 'ls');
    expect(term.events).toEqual([
      { type: 'submit', line: 'sleep 60' },
      { type: 'cancel', running: true, line: '' },
    ]);
    term.finish('^C\n');
    expect(state(term)).toBe('ls|');
    expect(term.lines).toEqual(['$ sleep 60', '^C', '$ ls']);
    expectShows(term);
  });

  it('handles Ctrl-C in the same chunk as the Enter before it as an interrupt of that command', () => {
    const term = new Term().type('sleep 60\r\x03');
    expect(term.events.map((e) => e.type)).toEqual(['submit', 'cancel']);
    expect(term.events[1]).toMatchObject({ running: true });
  });

  it('clears the screen with Ctrl-L and redraws the line at the top', () => {
    const term = new Term({ height: 5 }).type('echo 1\r');
    term.finish('1\n').type('echo 2', LEFT, CTRL('l'));
    expect(term.events.at(-1)).toEqual({ type: 'clear' });
    expect(term.lines).toEqual(['$ echo 2']);
    expect(term.screen.y).toBe(term.screen.top);
    expect(state(term)).toBe('echo |2');
    expectShows(term);
  });
});

describe('history', () => {
  const used = () => new History(['aws ecs list-clusters', 'sim clock', 'aws ecs list-tasks']);

  it('goes back and forth with Up and Down, keeping the unsent line', () => {
    const term = new Term({ history: used() }).type('draft', UP);
    expect(state(term)).toBe('aws ecs list-tasks|');
    expectShows(term);
    term.type(UP, UP);
    expect(state(term)).toBe('aws ecs list-clusters|');
    term.type(UP);
    expect(state(term)).toBe('aws ecs list-clusters|');
    term.type(DOWN, DOWN, DOWN);
    expect(state(term)).toBe('draft|');
    term.type(DOWN);
    expect(state(term)).toBe('draft|');
    expect(term.lines).toEqual(['$ draft']);
    expectShows(term);
  });

  it('also answers to the SS3 arrows and Ctrl-P / Ctrl-N', () => {
    const term = new Term({ history: used() }).type('\x1bOA');
    expect(state(term)).toBe('aws ecs list-tasks|');
    term.type(CTRL('p'), CTRL('n'), CTRL('n'));
    expect(state(term)).toBe('|');
    term.type('\x1bOA', '\x1bOB');
    expect(state(term)).toBe('|');
  });

  it('keeps edits made to a recalled line until the next submission', () => {
    const term = new Term({ history: used() }).type(UP, ' --cluster demo', UP, DOWN);
    expect(state(term)).toBe('aws ecs list-tasks --cluster demo|');
    term.type('\r');
    expect(term.submitted).toEqual(['aws ecs list-tasks --cluster demo']);
    expect(term.editor.history.entries.at(-2)).toBe('aws ecs list-tasks');
    term.finish().type(UP, UP);
    expect(state(term)).toBe('aws ecs list-tasks|');
  });

  it('adds what runs, without repeating the same line twice in a row', () => {
    const term = new Term().type('sim clock\r');
    term.finish().type('sim clock\r');
    term.finish().type('sim log\r');
    expect(term.editor.history.entries).toEqual(['sim clock', 'sim log']);
  });

  it('does nothing with no history', () => {
    const term = new Term().type('x', UP, DOWN);
    expect(state(term)).toBe('x|');
  });
});

describe('reverse search (Ctrl-R)', () => {
  const used = () =>
    new History([
      'aws ecs create-cluster --cluster-name demo',
      'aws ecs list-tasks --cluster demo',
      'sim clock',
      'aws ecs list-tasks --cluster demo',
      'aws ecs describe-services --cluster demo --services web',
    ]);

  it('narrows as the learner types and shows the match with the cursor on it', () => {
    const term = new Term({ history: used() }).type('draft', CTRL('r'));
    expect(term.lines).toEqual(["(reverse-i-search)`': draft"]);
    expectShows(term);
    term.type('list');
    expect(term.lines).toEqual(["(reverse-i-search)`list': aws ecs list-tasks --cluster demo"]);
    expect(term.editor.view?.cursor).toBe(8);
    expectShows(term);
    term.type('-t');
    expect(term.lines).toEqual(["(reverse-i-search)`list-t': aws ecs list-tasks --cluster demo"]);
    expectShows(term);
  });

  it('finds older matches with Ctrl-R again, skipping repeats, and says when there are no more', () => {
    const term = new Term({ history: used(), cols: 120 }).type(CTRL('r'), 'cluster');
    expect(term.lines).toEqual([
      "(reverse-i-search)`cluster': aws ecs describe-services --cluster demo --services web",
    ]);
    term.type(CTRL('r'));
    expect(term.lines).toEqual(["(reverse-i-search)`cluster': aws ecs list-tasks --cluster demo"]);
    term.type(CTRL('r'));
    expect(term.lines).toEqual(["(reverse-i-search)`cluster': aws ecs create-cluster --cluster-name demo"]);
    term.type(CTRL('r'));
    expect(term.lines).toEqual(["(failed reverse-i-search)`cluster': aws ecs create-cluster --cluster-name demo"]);
    expectShows(term);
  });

  it('runs the match on Enter, shown after the usual prompt', () => {
    const term = new Term({ history: used() }).type(CTRL('r'), 'clock', '\r');
    expect(term.submitted).toEqual(['sim clock']);
    expect(term.lines).toEqual(['$ sim clock']);
    term.finish();
    expect(term.lines).toEqual(['$ sim clock', '$']);
  });

  it('restores the line on Esc or Ctrl-G', () => {
    for (const cancel of ['\x1b', CTRL('g')]) {
      const term = new Term({ history: used() }).type('draft', LEFT, CTRL('r'), 'sim', cancel);
      expect(term.editor.searching).toBe(false);
      expect(state(term)).toBe('draf|t');
      expect(term.lines).toEqual(['$ draft']);
      expectShows(term);
    }
  });

  it('takes the match into the line on an arrow key, which then does its own work', () => {
    const term = new Term({ history: used() }).type(CTRL('r'), 'clock', LEFT);
    expect(term.editor.searching).toBe(false);
    expect(state(term)).toBe('sim| clock');
    expect(term.lines).toEqual(['$ sim clock']);
    expectShows(term);
    term.type(UP);
    expect(state(term)).toBe('aws ecs list-tasks --cluster demo|');
    term.type(DOWN, DOWN);
    expect(state(term)).toBe('aws ecs list-tasks --cluster demo|');
  });

  it('takes the match into the line on other editing keys too', () => {
    const term = new Term({ history: used() }).type(CTRL('r'), 'clock', CTRL('e'), ' now');
    expect(state(term)).toBe('sim clock now|');
    expectShows(term);
  });

  it('shortens the query with Backspace and searches again from the newest', () => {
    const term = new Term({ history: used() }).type(CTRL('r'), 'clock', 'x');
    expect(term.lines).toEqual(["(failed reverse-i-search)`clockx': sim clock"]);
    term.type(BACKSPACE);
    expect(term.lines).toEqual(["(reverse-i-search)`clock': sim clock"]);
    term.type(BACKSPACE, BACKSPACE, BACKSPACE, BACKSPACE, BACKSPACE);
    expect(term.lines).toEqual(["(reverse-i-search)`':"]);
    expectShows(term);
  });

  it('searches for the last query again with Ctrl-R Ctrl-R', () => {
    const term = new Term({ history: used() }).type(CTRL('r'), 'clock', '\x1b', CTRL('r'), CTRL('r'));
    expect(term.lines).toEqual(["(reverse-i-search)`clock': sim clock"]);
  });

  it('abandons the search and the line on Ctrl-C', () => {
    const term = new Term({ history: used() }).type(CTRL('r'), 'clock', CTRL('c'));
    expect(term.events).toEqual([{ type: 'cancel', running: false, line: 'sim clock' }]);
    expect(term.lines).toEqual(["(reverse-i-search)`clock': sim clock^C", '$']);
    expect(term.editor.searching).toBe(false);
    expectShows(term);
  });
});

describe('Tab', () => {
  const words = ['describe-clusters', 'describe-services', 'describe-tasks', 'delete-service', 'run-task'];
  /** Completes the last word of the line from `words`, like the real completer. */
  const fromWords = (line: string, cursor: number): CompletionResult => {
    const start = line.lastIndexOf(' ', cursor - 1) + 1;
    const typed = line.slice(start, cursor);
    return { start, end: cursor, candidates: words.filter((w) => w.startsWith(typed)) };
  };

  it('inserts the only candidate and a space', () => {
    const term = new Term({ complete: fromWords }).type('aws ecs ru', '\t');
    expect(state(term)).toBe('aws ecs run-task |');
    expectShows(term);
  });

  it('steps over a space already there instead of adding one', () => {
    const term = new Term({ complete: fromWords }).type(
      'aws ecs ru --count 2',
      '\x1bb',
      '\x1bb',
      '\x1bb',
      '\x1bf',
      '\t',
    );
    expect(state(term)).toBe('aws ecs run-task |--count 2');
    expectShows(term);
  });

  it('inserts what several candidates share, then lists them', () => {
    const term = new Term({ complete: fromWords }).type('aws ecs des', '\t');
    expect(state(term)).toBe('aws ecs describe-|');
    expect(term.events).toEqual([]);
    term.type('\t');
    expect(term.lines).toEqual([
      '$ aws ecs describe-',
      'describe-clusters  describe-services  describe-tasks',
      '$ aws ecs describe-',
    ]);
    expectShows(term);
  });

  it('lists candidates in columns that fit the terminal, read down then across, in the order given', () => {
    const term = new Term({ complete: fromWords, cols: 40 }).type('d', '\t', '\t');
    expect(term.lines).toEqual([
      '$ de',
      'describe-clusters  describe-tasks',
      'describe-services  delete-service',
      '$ de',
    ]);
    expectShows(term);
  });

  it('rings the bell when there is nothing to complete, or the completer fails', () => {
    const term = new Term({ complete: fromWords }).type('aws ecs zzz\t');
    expect(term.events).toEqual([{ type: 'bell' }]);
    const failing = new Term({
      complete: () => {
        throw new Error('bug');
      },
    }).type('x\t');
    expect(failing.events).toEqual([{ type: 'bell' }]);
    expect(new Term().type('x\t').events).toEqual([{ type: 'bell' }]);
    expect(state(failing)).toBe('x|');
  });

  it('ignores an answer that does not fit the line', () => {
    const term = new Term({ complete: () => ({ start: 5, end: 2, candidates: ['x'] }) }).type('abc\t');
    expect(term.events).toEqual([{ type: 'bell' }]);
    expect(state(term)).toBe('abc|');
  });

  it('completes in the middle of a line, before the rest', () => {
    const term = new Term({ complete: fromWords }).type(
      'aws ecs run --cluster demo',
      '\x1bb',
      '\x1bb',
      LEFT,
      LEFT,
      LEFT,
    );
    term.type('\t');
    expect(state(term)).toBe('aws ecs run-task |--cluster demo');
    expectShows(term);
  });
});

describe('pasting', () => {
  it('runs each pasted line in turn, echoed after its own prompt, and keeps the last partial line', () => {
    const term = new Term().type('sim clock\rsim log 1\recho done\rsim res');
    expect(term.submitted).toEqual(['sim clock']);
    term.finish('09:00\n');
    expect(term.submitted).toEqual(['sim clock', 'sim log 1']);
    term.finish('log line\n');
    expect(term.submitted).toEqual(['sim clock', 'sim log 1', 'echo done']);
    term.finish('done\n');
    expect(state(term)).toBe('sim res|');
    expect(term.lines).toEqual(['$ sim clock', '09:00', '$ sim log 1', 'log line', '$ echo done', 'done', '$ sim res']);
    expectShows(term);
  });

  it('treats a bracketed paste the same way, with its line breaks as Enter and tabs as spaces', () => {
    const term = new Term().type('\x1b[200~echo\ta\necho b\r\nec\x1b[201~', 'ho c');
    expect(term.submitted).toEqual(['echo a']);
    term.finish('a\n');
    term.finish('b\n');
    expect(term.submitted).toEqual(['echo a', 'echo b']);
    expect(state(term)).toBe('echo c|');
  });

  it('inserts pasted text at the cursor', () => {
    const term = new Term().type('aws  list-tasks', HOME, '\x1bf', RIGHT, '\x1b[200~ecs\x1b[201~');
    expect(state(term)).toBe('aws ecs| list-tasks');
    expectShows(term);
  });
});

describe('lines wider than the terminal', () => {
  it('wraps over several rows and moves the cursor across them', () => {
    const term = new Term({ cols: 10 }).type('0123456789abcdefghijklmnop');
    expect(term.lines).toEqual(['$ 01234567', '89abcdefgh', 'ijklmnop']);
    expectShows(term);
    term.type(HOME);
    expect([term.screen.y, term.screen.x]).toEqual([0, 2]);
    term.type(CTRL('e'), LEFT, LEFT, LEFT, LEFT, LEFT, LEFT, LEFT, LEFT, LEFT);
    expect([term.screen.y, term.screen.x]).toEqual([1, 9]);
    expectShows(term);
    term.type(BACKSPACE);
    expect(term.lines).toEqual(['$ 01234567', '89abcdefhi', 'jklmnop']);
    expectShows(term);
    term.type('XYZ');
    expect(term.lines).toEqual(['$ 01234567', '89abcdefXY', 'Zhijklmnop']);
    expectShows(term);
  });

  it('puts the cursor on the next row when the line fills its last row exactly', () => {
    const term = new Term({ cols: 10 }).type('01234567');
    expect(term.lines).toEqual(['$ 01234567']);
    expect([term.screen.y, term.screen.x]).toEqual([1, 0]);
    expectShows(term);
    term.type('8');
    expect(term.lines).toEqual(['$ 01234567', '8']);
    expectShows(term);
    term.type(BACKSPACE);
    expectShows(term);
    term.type(BACKSPACE, BACKSPACE);
    expect(term.lines).toEqual(['$ 012345']);
    expect([term.screen.y, term.screen.x]).toEqual([0, 8]);
    expectShows(term);
  });

  it('submits and abandons wrapped lines from any cursor position, below the whole line', () => {
    const term = new Term({ cols: 10 }).type('0123456789abcdef', HOME, '\r');
    term.finish();
    expect(term.lines).toEqual(['$ 01234567', '89abcdef', '$']);
    term.type('01234567', HOME, CTRL('c'));
    expect(term.lines).toEqual(['$ 01234567', '89abcdef', '$ 01234567', '^C', '$']);
    expectShows(term);
  });

  it('redraws after the terminal is resized, narrower or wider', () => {
    const term = new Term({ cols: 20 }).type('aws ecs list-tasks --cluster demo', '\x1bb');
    expectShows(term);
    term.resize(12);
    expect(term.lines).toEqual(['$ aws ecs li', 'st-tasks --c', 'luster demo']);
    expectShows(term);
    term.resize(40);
    expect(term.lines).toEqual(['$ aws ecs list-tasks --cluster demo']);
    expectShows(term);
    term.type('x');
    expectShows(term);
  });

  it('lists completions below a wrapped line', () => {
    const term = new Term({
      cols: 10,
      complete: (_line, cursor) => ({ start: cursor, end: cursor, candidates: ['ab', 'cd'] }),
    }).type('0123456789', LEFT, LEFT, '\t');
    expect(term.lines).toEqual(['$ 01234567', '89', 'ab  cd', '$ 01234567', '89']);
    expectShows(term);
  });
});

describe('characters beyond ASCII', () => {
  it('treats a character outside the BMP (a surrogate pair) as one', () => {
    const term = new Term().type('a😀b', LEFT, BACKSPACE);
    expect(state(term)).toBe('a|b');
    term.type('🚀', LEFT);
    expect(state(term)).toBe('a|🚀b');
    term.type(DELETE);
    expect(state(term)).toBe('a|b');
    expectShows(term);
  });

  it('keeps combining accents and flags with their character', () => {
    const term = new Term().type('cafe\u0301', LEFT);
    expect(state(term)).toBe('caf|e\u0301');
    term.type(END, BACKSPACE);
    expect(state(term)).toBe('caf|');
    term.type('🇫🇷x', LEFT, LEFT);
    expect(state(term)).toBe('caf|🇫🇷x');
    expectShows(term);
  });

  it('wraps wide characters whole, leaving the last column empty', () => {
    const term = new Term({ cols: 10 }).type('abcdefg日本');
    expect(term.lines).toEqual(['$ abcdefg', '日本']);
    expectShows(term);
    term.type(LEFT, LEFT);
    expect([term.screen.y, term.screen.x]).toEqual([1, 0]);
    expectShows(term);
    term.type(LEFT);
    expect([term.screen.y, term.screen.x]).toEqual([0, 8]);
    term.type('字');
    expect(term.lines).toEqual(['$ abcdef字', 'g日本']);
    expectShows(term);
  });

  it('drops lone surrogates rather than storing half a character', () => {
    const term = new Term().type('a\ud83d', 'b\ude00c');
    expect(state(term)).toBe('abc|');
  });
});

describe('unknown input', () => {
  it.each([
    ['F1', '\x1bOP'],
    ['F5', '\x1b[15~'],
    ['Insert', '\x1b[2~'],
    ['Page Up', '\x1b[5~'],
    ['focus in', '\x1b[I'],
    ['a colour report', '\x1b]11;rgb:0000/0000/0000\x07'],
    ['a report ended by ST', '\x1b]10;rgb:ffff/ffff/ffff\x1b\\'],
    ['a device attributes answer', '\x1b[?1;2c'],
    ['an unbound Alt key', '\x1bx'],
    ['a cut-off CSI', '\x1b[1;'],
    ['Ctrl-Up', '\x1b[1;5A'],
  ])('ignores %s', (name, data) => {
    const term = new Term().type('ab', data, 'c');
    expect(state(term), name).toBe('abc|');
    expect(term.lines).toEqual(['$ abc']);
  });

  it('ignores a lone Escape while editing', () => {
    const term = new Term().type('ab', '\x1b', 'c');
    expect(state(term)).toBe('abc|');
  });
});
