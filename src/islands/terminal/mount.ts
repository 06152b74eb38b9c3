/**
 * Mounts the terminal on a server-rendered <cluster-terminal>: xterm with its fit add-on, a session
 * restored from a share link or from storage, a clock that runs simulated time at the chosen speed,
 * the live picture, the timeline and the toolbar. All ECS behaviour lives in the core.
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import type { GlossaryText } from '../../core/cli/explain.ts';
import { type CommandResult, isWaiting, settle } from '../../core/cli/result.ts';
import { start as startLine } from '../../core/cli/shell.ts';
import { CLEANUP_SCRIPT_NAME, exportSession, SESSION_SCRIPT_NAME } from '../../core/session/export.ts';
import { CommandRunner } from '../../core/session/runner.ts';
import { type Scenario, Session } from '../../core/session/session.ts';
import { type Checked, decodeShare, encodeShare } from '../../core/session/share.ts';
import { costReport, dollars, PRICE_REGION, PRICES_CHECKED } from '../../core/sim/cost.ts';
import { DEFAULT_START } from '../../core/sim/engine.ts';
import { complete, completionContext, type EditorEffect, History, LineEditor } from '../../core/terminal/index.ts';
import { type ClusterView, clusterView, describeChanges } from '../../core/view/cluster-view.ts';
import {
  FILE_CHANGED,
  isFileChanged,
  isRunCommand,
  onWorkspaceEvent,
  RUN_COMMAND,
  requestFiles,
} from '../workspace-events.ts';
import { drawClusterView } from './cluster-picture.ts';
import { colorStderr, colorStdout, toTerminal } from './colorize.ts';
import {
  HISTORY_KEY,
  loadSession,
  loadSettings,
  read,
  type Settings,
  SPEEDS,
  saveSession,
  saveSettings,
  sessionKey,
  write,
} from './persistence.ts';

const TICK_MS = 200;
const SHARE_PARAM = 'session';

const THEME = {
  background: '#111418',
  foreground: '#e6edf3',
  cursor: '#e6edf3',
  selectionBackground: '#3b5070',
  red: '#ff7b72',
  green: '#7ee787',
  yellow: '#e3b341',
  blue: '#79c0ff',
};

function parseJson<T>(text: string | undefined, fallback: T): T {
  try {
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

function shareFromUrl(id: string): string | undefined {
  const params = new URLSearchParams(window.location.hash.slice(1));
  return params.get(`${SHARE_PARAM}-${id}`) ?? undefined;
}

async function loadGlossary(): Promise<GlossaryText[]> {
  try {
    const response = await fetch('/glossary.json');
    return response.ok ? ((await response.json()) as GlossaryText[]) : [];
  } catch {
    return [];
  }
}

const clockText = (now: number) => `Simulated time: ${new Date(now).toISOString().replace('T', ' ').slice(0, 19)} UTC`;

export async function mountClusterTerminal(root: HTMLElement): Promise<void> {
  const host = root.querySelector<HTMLElement>('[data-terminal-host]');
  const viewRoot = root.querySelector<HTMLElement>('[data-view]');
  const announce = root.querySelector<HTMLElement>('[data-announce]');
  const clock = root.querySelector<HTMLElement>('[data-clock]');
  const message = root.querySelector<HTMLElement>('[data-message]');
  const timeline = root.querySelector<HTMLInputElement>('[data-timeline]');
  const stepLabel = root.querySelector<HTMLOutputElement>('[data-step]');
  const details = root.querySelector<HTMLElement>('[data-details]');
  const detailsTitle = root.querySelector<HTMLElement>('[data-details-title]');
  const detailsOutput = root.querySelector<HTMLElement>('[data-details-output]');
  const detailsActions = root.querySelector<HTMLElement>('[data-details-actions]');
  const cost = root.querySelector<HTMLElement>('[data-cost]');
  if (!host || !viewRoot || !clock || !timeline || !stepLabel || !details || !detailsOutput) return;

  const scenario = parseJson<Scenario | undefined>(root.dataset.scenario, undefined);
  if (!scenario) return;
  const scenarios = parseJson<string[]>(root.dataset.scenarios, [scenario.id]);
  const id = root.dataset.terminalId ?? 'terminal';
  const key = sessionKey(window.location.pathname, id);
  const settings: Settings = loadSettings();
  const glossary = await loadGlossary();

  // A share link wins over what was saved; a bad one is refused with its reason.
  let notice = '';
  const restore = (checked: Checked | undefined, what: string): Session | undefined => {
    if (!checked) return undefined;
    if (!checked.ok) {
      notice = `${what} could not be opened: ${checked.reason}. Starting from the scenario instead.`;
      return undefined;
    }
    if (checked.snapshot.scenario !== scenario.id) return undefined;
    try {
      return Session.restore(scenario, checked.snapshot);
    } catch {
      notice = `${what} could not be replayed. Starting from the scenario instead.`;
      return undefined;
    }
  };
  const shared = shareFromUrl(id);
  const session: Session =
    (shared !== undefined ? restore(decodeShare(shared, scenarios, DEFAULT_START), 'The share link') : undefined) ??
    restore(loadSession(key, scenarios, DEFAULT_START), 'The saved session') ??
    Session.start(scenario);
  session.glossary = glossary;
  let runner = new CommandRunner(session);
  if (message) message.textContent = notice;

  host.replaceChildren();
  host.classList.add('started');
  const term = new Terminal({
    fontSize: settings.fontSize,
    fontFamily: 'ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
    theme: THEME,
    scrollback: 5000,
    cursorBlink: !window.matchMedia('(prefers-reduced-motion: reduce)').matches,
    screenReaderMode: true,
    convertEol: false,
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.open(host);
  fit.fit();
  new ResizeObserver(() => {
    fit.fit();
    apply(editor.resize(term.cols));
  }).observe(host);
  term.textarea?.setAttribute('aria-label', 'Terminal: type a command and press Enter');
  // Copy on select, as many terminals do.
  term.onSelectionChange(() => {
    const text = term.getSelection();
    if (text) void navigator.clipboard?.writeText(text).catch(() => undefined);
  });

  const print = (result: CommandResult) => {
    term.write(colorStdout(result.stdout));
    term.write(colorStderr(result.stderr));
  };

  let previousView: ClusterView = clusterView(session.sim.state);
  let viewKey = '';
  const render = (announceChanges: boolean) => {
    const view = clusterView(session.sim.state);
    clock.textContent = `${clockText(session.sim.state.now)}${session.atHead ? '' : ' (looking back)'}`;
    const nextKey = JSON.stringify({ ...view, time: '' });
    if (nextKey !== viewKey) {
      const before = new Set(
        previousView.clusters.flatMap((c) =>
          [...c.fargateTasks, ...c.instances.flatMap((i) => i.tasks)].map((t) => t.arn),
        ),
      );
      const fresh = new Set(
        view.clusters
          .flatMap((c) => [...c.fargateTasks, ...c.instances.flatMap((i) => i.tasks)].map((t) => t.arn))
          .filter((arn) => !before.has(arn)),
      );
      drawClusterView(viewRoot, view, announceChanges ? fresh : new Set());
      if (announceChanges && announce) {
        const changes = describeChanges(previousView, view);
        if (changes.length > 0)
          announce.textContent =
            changes.length > 4
              ? `${changes.slice(0, 3).join(' ')} And ${changes.length - 3} more changes.`
              : changes.join(' ');
      }
      viewKey = nextKey;
      previousView = view;
    }
    if (cost) {
      const report = costReport(session.sim.state);
      cost.textContent = `On AWS this would cost about ${dollars(report.hourlyUsd)} an hour now, ${dollars(report.accruedUsd)} so far (${PRICE_REGION} prices checked ${PRICES_CHECKED}; sim cost for details).`;
    }
    timeline.max = String(session.log.length);
    timeline.value = String(session.position);
    timeline.disabled = session.log.length === 0;
    const entry = session.position > 0 ? session.log[session.position - 1] : undefined;
    stepLabel.textContent =
      session.log.length === 0
        ? 'No commands yet'
        : `Step ${session.position} of ${session.log.length}${entry ? `: ${entry.line.slice(0, 60)}` : ': the start'}`;
  };

  let saveTimer: number | undefined;
  const save = () => {
    window.clearTimeout(saveTimer);
    saveTimer = window.setTimeout(() => saveSession(key, session.snapshot()), 500);
  };

  /** Shows the next prompt; output that did not end its line gets a line break first. */
  const ready = (output = '') => {
    if (output !== '' && !output.endsWith('\n')) term.write('\r\n');
    apply(editor.ready());
  };

  const finish = (result: CommandResult | undefined) => {
    if (!result) return;
    print(result);
    ready(result.stderr || result.stdout);
    render(true);
    save();
  };

  const runLine = (line: string) => {
    const trimmed = line.trim();
    if (trimmed === 'clear') {
      term.clear();
      ready();
      return;
    }
    if (trimmed === 'undo') {
      const undone = session.log[session.position - 1]?.line;
      if (session.undo())
        term.write(toTerminal(`Undone: ${undone}\nThe cluster is back as it was before that command.\n`));
      else term.write(colorStderr('undo: nothing to undo\n'));
      ready();
      render(true);
      save();
      return;
    }
    const result = runner.run(trimmed);
    if (result) finish(result);
  };

  const history = History.parse(read(HISTORY_KEY));
  const glossarySlugs = glossary.map((g) => g.slug);
  const editor = new LineEditor({
    cols: term.cols,
    prompt: '\x1b[36m$\x1b[0m ',
    history,
    complete: (line, cursor) =>
      complete(
        line,
        cursor,
        completionContext(session.sim, {
          files: Object.keys(session.files),
          glossary: glossarySlugs,
          extraCommands: ['undo', 'clear'],
        }),
      ),
  });

  function apply(effects: readonly EditorEffect[]): void {
    for (const effect of effects) {
      switch (effect.type) {
        case 'write':
          term.write(effect.data);
          break;
        case 'submit':
          write(HISTORY_KEY, history.stringify());
          runLine(effect.line);
          break;
        case 'cancel':
          if (effect.running) {
            runner.cancel();
            term.write('^C\r\n');
            ready();
            render(true);
            save();
          }
          break;
        case 'clear':
        case 'bell':
          break;
      }
    }
  }
  term.onData((data) => apply(editor.feed(data)));

  // Tab completes, so the terminal must offer a way out for keyboard users (no keyboard trap):
  // Shift+Tab always leaves it, and Ctrl+M makes Tab move focus too, as in the editor.
  let tabMovesFocus = false;
  term.attachCustomKeyEventHandler((event) => {
    if (event.type !== 'keydown') return true;
    if (event.key === 'm' && event.ctrlKey && !event.altKey && !event.metaKey) {
      tabMovesFocus = !tabMovesFocus;
      if (announce)
        announce.textContent = tabMovesFocus
          ? 'Tab now moves focus out of the terminal. Press Ctrl+M again to complete with Tab.'
          : 'Tab completes commands again.';
      event.preventDefault();
      return false;
    }
    if (event.key === 'Tab' && (event.shiftKey || tabMovesFocus)) return false;
    return true;
  });

  /** Types a line into the terminal and runs it, as if the learner had (the Register button). */
  const typeAndRun = (line: string) => {
    if (editor.busy) return;
    // Ctrl-E then Ctrl-U: replace whatever was half-typed.
    apply(editor.feed(`\x05\x15${line}\r`));
  };

  term.write(
    toTerminal(`ECS Academy simulated terminal. Type help to see the commands, explain TERM to look up a word.\n`),
  );
  if (session.log.length > 0)
    term.write(
      toTerminal(`Restored ${session.log.length} earlier command(s). Type undo to take one back, or press Reset.\n`),
    );
  ready();
  term.focus();
  render(false);
  root.dataset.ready = 'true';

  // Simulated time runs in real time at the chosen speed; a waiting command finishes on a tick.
  let last = performance.now();
  let carry = 0;
  window.setInterval(() => {
    const now = performance.now();
    const elapsed = now - last;
    last = now;
    if (settings.speed === 0) return;
    const wanted = elapsed * settings.speed + carry;
    const ms = Math.floor(wanted);
    carry = wanted - ms;
    const result = runner.tick(ms);
    if (result) finish(result);
    else render(true);
  }, TICK_MS);

  const setSpeed = (speed: number) => {
    settings.speed = speed;
    saveSettings(settings);
    for (const b of root.querySelectorAll<HTMLButtonElement>('[data-speed]'))
      b.setAttribute('aria-pressed', String(Number(b.dataset.speed) === speed));
  };
  setSpeed(settings.speed);
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-speed]')) {
    button.addEventListener('click', () => {
      const speed = Number(button.dataset.speed);
      if ((SPEEDS as readonly number[]).includes(speed)) setSpeed(speed);
    });
  }

  const setFont = (size: number) => {
    settings.fontSize = Math.max(10, Math.min(32, size));
    term.options.fontSize = settings.fontSize;
    fit.fit();
    saveSettings(settings);
  };

  const showDetails = (title: string, text: string, actions: HTMLElement[] = []) => {
    if (detailsTitle) detailsTitle.textContent = title;
    detailsOutput.textContent = text;
    detailsActions?.replaceChildren(...actions);
    details.hidden = false;
    detailsTitle?.setAttribute('tabindex', '-1');
    detailsTitle?.focus();
  };

  const download = (name: string, text: string) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = `Download ${name}`;
    button.addEventListener('click', () => {
      const url = URL.createObjectURL(new Blob([text], { type: 'text/x-shellscript' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      link.click();
      URL.revokeObjectURL(url);
    });
    return button;
  };

  root.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>('button') : null;
    if (!target || !root.contains(target)) return;
    const command = target.dataset.describe;
    if (command) {
      // Reading state only: run aside from the session's log, never undoable, never saved.
      const outcome = startLine(command, session.environment());
      const result = isWaiting(outcome) ? settle(outcome, () => undefined) : outcome;
      showDetails(`$ ${command}`, result.stdout || result.stderr);
      return;
    }
    switch (target.dataset.action) {
      case 'undo':
        typeAndRun('undo');
        break;
      case 'reset':
        runner.cancel();
        session.clear();
        runner = new CommandRunner(session);
        requestFiles();
        term.reset();
        term.write(toTerminal('Reset: the scenario is back to its start.\n'));
        ready();
        render(false);
        saveSession(key, session.snapshot());
        break;
      case 'share': {
        const url = new URL(window.location.href);
        const params = new URLSearchParams(url.hash.slice(1));
        params.set(`${SHARE_PARAM}-${id}`, encodeShare(session.snapshot()));
        url.hash = params.toString();
        const link = url.toString();
        void navigator.clipboard?.writeText(link).catch(() => undefined);
        showDetails(
          'Share link',
          `${link}\n\nCopied to the clipboard. Whoever opens it sees this terminal replay your ${session.log.length} command(s).`,
        );
        break;
      }
      case 'export': {
        const scripts = exportSession(
          [...scenario.setup.map((line) => ({ line, exitCode: 0 })), ...session.log.slice(0, session.position)],
          session.sim.state,
        );
        showDetails('Export to real AWS', `${scripts.script}\n\n# ---- clean-up script ----\n\n${scripts.cleanup}`, [
          download(SESSION_SCRIPT_NAME, scripts.script),
          download(CLEANUP_SCRIPT_NAME, scripts.cleanup),
        ]);
        break;
      }
      case 'close-details':
        details.hidden = true;
        term.focus();
        break;
      case 'font-smaller':
        setFont(settings.fontSize - 1);
        break;
      case 'font-larger':
        setFont(settings.fontSize + 1);
        break;
    }
  });

  timeline.addEventListener('input', () => {
    if (runner.cancel()) {
      term.write('^C\r\n');
      ready();
    }
    session.goTo(Number(timeline.value));
    runner = new CommandRunner(session);
    render(true);
    save();
  });

  onWorkspaceEvent(FILE_CHANGED, isFileChanged, ({ name, text }) => {
    session.writeFile(name, text);
    save();
  });
  onWorkspaceEvent(RUN_COMMAND, isRunCommand, ({ line }) => {
    root.scrollIntoView({ block: 'nearest' });
    typeAndRun(line);
  });
  requestFiles();
  window.addEventListener('pagehide', () => saveSession(key, session.snapshot()));
}
