/** What running one command line produces, like a process: output streams and an exit code. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * A command that is still running while simulated time passes (`sleep`, `aws ecs wait`). The host
 * lets `seconds` of simulated time pass and then calls `resume`: at once in Node and in tests, at
 * the chosen speed in the browser, where Ctrl-C simply never resumes it.
 */
export interface Waiting {
  waiting: true;
  seconds: number;
  resume(): Outcome;
}

export type Outcome = CommandResult | Waiting;

export const isWaiting = (outcome: Outcome): outcome is Waiting => 'waiting' in outcome;

/** Runs an outcome to its end, letting time pass through `advance` at once. */
export function settle(outcome: Outcome, advance: (seconds: number) => void): CommandResult {
  let current = outcome;
  while (isWaiting(current)) {
    advance(current.seconds);
    current = current.resume();
  }
  return current;
}

/** Applies `change` to the result an outcome ends with, however long it waits first. */
export function mapOutcome(outcome: Outcome, change: (result: CommandResult) => CommandResult): Outcome {
  if (!isWaiting(outcome)) return change(outcome);
  return { waiting: true, seconds: outcome.seconds, resume: () => mapOutcome(outcome.resume(), change) };
}
