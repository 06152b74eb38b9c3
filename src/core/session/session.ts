/**
 * A learner's terminal session: a scenario, the command lines typed and when, and the files the
 * editor shares. The simulator is deterministic, so any moment of the session is rebuilt by
 * replaying its log, which gives undo, the timeline and saved or shared sessions for free.
 */
import type { ReadFile } from '../cli/aws/params.ts';
import type { GlossaryText } from '../cli/explain.ts';
import { isWaiting, type Outcome } from '../cli/result.ts';
import { type ShellEnvironment, start } from '../cli/shell.ts';
import type { Simulator } from '../sim/engine.ts';
import { createSimulator } from '../sim/index.ts';

/** A starting point for a terminal: seed, set-up commands and files (`content/scenarios`). */
export interface Scenario {
  id: string;
  seed: number;
  /** Command lines run before the learner's first command; not shown and not undoable. */
  setup: readonly string[];
  /** Files in the terminal's working directory at the start, by name. */
  files: Readonly<Record<string, string>>;
}

/** One command line the learner ran, at a virtual time, with the files it read. */
export interface LogEntry {
  /** Virtual time when it ran, epoch milliseconds. */
  at: number;
  line: string;
  /** Contents of the files the line read through file://, so a replay reads the same. */
  files?: Record<string, string>;
  /** Its exit code once it finished (absent while it runs, or if it was cancelled). */
  exitCode?: number;
}

/** Everything needed to rebuild a session: plain JSON, saved per page and put in share links. */
export interface SessionSnapshot {
  version: 1;
  scenario: string;
  log: LogEntry[];
  /** How many log entries are applied (less than the log's length after stepping back). */
  position: number;
  /** Virtual time at the head of the session, epoch milliseconds. */
  now: number;
  /** The working directory's files as they are now. */
  files: Record<string, string>;
}

export const LIMITS = {
  entries: 1000,
  lineLength: 4096,
  fileNames: 20,
  fileSize: 64 * 1024,
} as const;

const FILE_REFERENCE = /file:\/\/([^\s"'|]+)/g;

/** The files a command line reads through file://, as they are now. */
function filesRead(line: string, files: Readonly<Record<string, string>>): Record<string, string> | undefined {
  const read: Record<string, string> = {};
  for (const match of line.matchAll(FILE_REFERENCE)) {
    const name = (match[1] ?? '').replace(/^\.\//, '');
    if (Object.hasOwn(files, name)) read[name] = files[name] as string;
  }
  return Object.keys(read).length > 0 ? read : undefined;
}

const reader =
  (files: Readonly<Record<string, string>>): ReadFile =>
  (path) => {
    const name = path.replace(/^\.\//, '');
    return Object.hasOwn(files, name) ? files[name] : undefined;
  };

/** A fresh simulator with the scenario's set-up run. */
function begin(scenario: Scenario): Simulator {
  const sim = createSimulator({ seed: scenario.seed });
  const env: ShellEnvironment = { sim, readFile: reader(scenario.files) };
  for (const line of scenario.setup) settleNow(start(line, env), sim);
  return sim;
}

function settleNow(outcome: Outcome, sim: Simulator): void {
  let current = outcome;
  while (isWaiting(current)) {
    sim.advance(current.seconds);
    current = current.resume();
  }
}

function advanceTo(sim: Simulator, at: number): void {
  if (at > sim.state.now) sim.advance((at - sim.state.now) / 1000);
}

/**
 * Replays the first `count` log entries and lets time run to `until`. A command that waited
 * (sleep, aws ecs wait) only read state, and the next entry's time already holds the time it
 * took, so the replay starts it and moves on.
 */
export function replay(scenario: Scenario, log: readonly LogEntry[], count: number, until: number): Simulator {
  const sim = begin(scenario);
  for (const entry of log.slice(0, count)) {
    advanceTo(sim, entry.at);
    start(entry.line, { sim, readFile: reader({ ...scenario.files, ...entry.files }) });
  }
  advanceTo(sim, until);
  return sim;
}

export class Session {
  readonly scenario: Scenario;
  sim: Simulator;
  log: LogEntry[];
  position: number;
  files: Record<string, string>;
  /** Glossary entries for `explain`; the host loads them (they are not part of the state). */
  glossary: readonly GlossaryText[] = [];
  /** Replaces the whole session when the learner types `sim reset`. */
  private resetRequested = false;
  /** The latest virtual time, kept while the timeline shows an earlier step. */
  private headTime: number | undefined;

  private constructor(
    scenario: Scenario,
    sim: Simulator,
    snapshot: Omit<SessionSnapshot, 'version' | 'scenario' | 'now'>,
  ) {
    this.scenario = scenario;
    this.sim = sim;
    this.log = snapshot.log;
    this.position = snapshot.position;
    this.files = snapshot.files;
  }

  static start(scenario: Scenario): Session {
    return new Session(scenario, begin(scenario), { log: [], position: 0, files: { ...scenario.files } });
  }

  /** Rebuilds a saved or shared session; the snapshot must already be checked (see share.ts). */
  static restore(scenario: Scenario, snapshot: SessionSnapshot): Session {
    const until =
      snapshot.position < snapshot.log.length ? (snapshot.log[snapshot.position]?.at ?? snapshot.now) : snapshot.now;
    const sim = replay(scenario, snapshot.log, snapshot.position, until);
    const session = new Session(scenario, sim, {
      log: [...snapshot.log],
      position: snapshot.position,
      files: { ...snapshot.files },
    });
    if (!session.atHead) session.headTime = snapshot.now;
    return session;
  }

  /** True when the session shows its latest moment (not a step back in the timeline). */
  get atHead(): boolean {
    return this.position === this.log.length;
  }

  /** The shell environment commands run in: this session's simulator and files. */
  environment(): ShellEnvironment {
    return {
      sim: this.sim,
      readFile: reader(this.files),
      listFiles: () => Object.keys(this.files).sort(),
      glossary: this.glossary,
      reset: () => {
        this.resetRequested = true;
      },
    };
  }

  /**
   * Runs a command line as the next step. Stepping back and then running a command drops the
   * steps after it, like typing after an undo.
   */
  run(line: string): Outcome {
    this.dropFuture();
    const files = filesRead(line, this.files);
    this.log.push({ at: this.sim.state.now, line, ...(files ? { files } : {}) });
    if (this.log.length > LIMITS.entries) this.log = this.log.slice(-LIMITS.entries);
    this.position = this.log.length;
    this.resetRequested = false;
    const outcome = start(line, this.environment());
    if (this.resetRequested) this.clear();
    return outcome;
  }

  /** Records how the last command ended, for the export to real AWS (failed lines are left out). */
  recordExit(exitCode: number): void {
    const last = this.log[this.position - 1];
    if (last && this.atHead) last.exitCode = exitCode;
  }

  /** Lets simulated time pass at the head of the session (the clock in the browser). */
  advance(seconds: number): void {
    if (this.atHead) this.sim.advance(seconds);
  }

  /** Forgets the steps after the one shown, as typing after stepping back does. */
  private dropFuture(): void {
    this.log = this.log.slice(0, this.position);
    this.headTime = undefined;
  }

  /** Undoes the last command shown: the state and the time just before it ran. False if none. */
  undo(): boolean {
    if (this.position === 0) return false;
    this.dropFuture();
    const last = this.log[this.position - 1] as LogEntry;
    this.log = this.log.slice(0, this.position - 1);
    this.position = this.log.length;
    this.sim = replay(this.scenario, this.log, this.position, last.at);
    return true;
  }

  /** Shows the session as it was before step `position` ran (0 = the start, log length = now). */
  goTo(position: number): void {
    const target = Math.max(0, Math.min(this.log.length, Math.trunc(position)));
    if (target === this.position) return;
    if (this.atHead) this.headTime = this.sim.state.now;
    const head = this.headTime ?? this.sim.state.now;
    const until = target < this.log.length ? (this.log[target] as LogEntry).at : head;
    this.sim = replay(this.scenario, this.log, target, until);
    this.position = target;
    if (this.atHead) this.headTime = undefined;
  }

  /** Back to the scenario's start with no commands and its original files. */
  clear(): void {
    this.sim = begin(this.scenario);
    this.log = [];
    this.position = 0;
    this.headTime = undefined;
    this.files = { ...this.scenario.files };
  }

  writeFile(name: string, content: string): void {
    this.files[name] = content.slice(0, LIMITS.fileSize);
  }

  snapshot(): SessionSnapshot {
    return {
      version: 1,
      scenario: this.scenario.id,
      log: this.log.map((e) => ({ ...e })),
      position: this.position,
      now: this.atHead ? this.sim.state.now : (this.headTime ?? this.sim.state.now),
      files: { ...this.files },
    };
  }
}
