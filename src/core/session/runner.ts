/**
 * Runs the learner's commands against a session while the clock ticks: a command that lets time
 * pass (sleep, aws ecs wait) stays in progress until enough simulated time has gone by, and Ctrl-C
 * abandons it. The browser calls `tick` from its clock; tests call it directly. No timers here.
 */
import { type CommandResult, isWaiting, type Outcome, type Waiting } from '../cli/result.ts';
import type { Session } from './session.ts';

export class CommandRunner {
  private readonly session: Session;
  private pending: { until: number; waiting: Waiting } | undefined;

  constructor(session: Session) {
    this.session = session;
  }

  /** True while a command waits for simulated time. */
  get busy(): boolean {
    return this.pending !== undefined;
  }

  /** Runs a line; its result now, or undefined while it waits (see `tick`). */
  run(line: string): CommandResult | undefined {
    return this.follow(this.session.run(line));
  }

  /**
   * Lets `ms` milliseconds of simulated time pass (whole milliseconds, so a replay lands on the
   * same instants). Returns the waiting command's result when it finishes during this tick.
   */
  tick(ms: number): CommandResult | undefined {
    let budget = Math.max(0, Math.floor(ms));
    let finished: CommandResult | undefined;
    while (budget > 0) {
      const now = this.session.sim.state.now;
      const step = this.pending ? Math.max(0, Math.min(budget, this.pending.until - now)) : budget;
      if (step > 0) this.session.advance(step / 1000);
      budget -= step;
      if (this.pending && this.session.sim.state.now >= this.pending.until) {
        finished = this.follow(this.pending.waiting.resume()) ?? finished;
      }
    }
    return finished;
  }

  /** Abandons the waiting command (Ctrl-C); the simulation itself goes on. */
  cancel(): boolean {
    const was = this.busy;
    if (was) this.session.recordExit(130);
    this.pending = undefined;
    return was;
  }

  private follow(outcome: Outcome): CommandResult | undefined {
    if (!isWaiting(outcome)) {
      this.pending = undefined;
      this.session.recordExit(outcome.exitCode);
      return outcome;
    }
    this.pending = { until: this.session.sim.state.now + Math.round(outcome.seconds * 1000), waiting: outcome };
    return undefined;
  }
}
