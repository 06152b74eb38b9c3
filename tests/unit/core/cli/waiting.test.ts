/**
 * Commands that let simulated time pass hand the waiting to their host: `start` returns a
 * `Waiting` the browser can spread over real time (or drop on Ctrl-C); `execute` settles it at once.
 */
import { describe, expect, it } from 'vitest';
import { isWaiting, type Outcome, settle } from '../../../../src/core/cli/result.ts';
import { execute, type ShellEnvironment, start } from '../../../../src/core/cli/shell.ts';
import { createSimulator } from '../../../../src/core/sim/index.ts';

function shell(): ShellEnvironment {
  return { sim: createSimulator({ seed: 7 }), readFile: () => undefined };
}

/** Resumes a waiting outcome step by step, recording each wait, the way the browser host does. */
function stepThrough(outcome: Outcome, env: ShellEnvironment) {
  const waits: number[] = [];
  let current = outcome;
  while (isWaiting(current)) {
    waits.push(current.seconds);
    env.sim.advance(current.seconds);
    current = current.resume();
  }
  return { waits, result: current };
}

describe('start', () => {
  it('returns sleep as one wait of that many seconds, without moving the clock itself', () => {
    const env = shell();
    const before = env.sim.state.now;
    const outcome = start('sleep 90', env);
    expect(isWaiting(outcome) && outcome.seconds).toBe(90);
    expect(env.sim.state.now).toBe(before);
    expect(stepThrough(outcome, env)).toEqual({ waits: [90], result: { stdout: '', stderr: '', exitCode: 0 } });
    expect(env.sim.state.now).toBe(before + 90_000);
  });

  it('polls aws ecs wait tasks-running every 6 s until the task runs', () => {
    const env = shell();
    execute('aws ecs create-cluster --cluster-name c', env);
    execute('sim add-instances --cluster c --count 1', env);
    execute(
      'aws ecs register-task-definition --family web --container-definitions name=web,image=nginx,memory=128,essential=true',
      env,
    );
    const run = JSON.parse(execute('aws ecs run-task --cluster c --task-definition web', env).stdout);
    const arn = run.tasks[0].taskArn as string;
    const { waits, result } = stepThrough(start(`aws ecs wait tasks-running --cluster c --tasks ${arn}`, env), env);
    expect(result.exitCode).toBe(0);
    expect(waits.length).toBeGreaterThan(0);
    expect(new Set(waits)).toEqual(new Set([6]));
    const described = JSON.parse(execute(`aws ecs describe-tasks --cluster c --tasks ${arn}`, env).stdout);
    expect(described.tasks[0].lastStatus).toBe('RUNNING');
  });

  it('reports errors of a wait at once, without waiting', () => {
    const env = shell();
    const outcome = start('aws ecs wait services-stable --cluster nope --services web', env);
    expect(isWaiting(outcome)).toBe(false);
    expect(settle(outcome, () => undefined).exitCode).toBe(255);
  });

  it('keeps the stderr of earlier pipe stages on a waiting last stage', () => {
    const env = shell();
    const outcome = start('nosuchcommand | sleep 5', env);
    expect(isWaiting(outcome)).toBe(true);
    expect(stepThrough(outcome, env).result.stderr).toContain('nosuchcommand: command not found');
  });

  it('gives the same result as execute for any line once settled', () => {
    const lines = [
      'echo hi',
      'sleep 3',
      'sim advance 10',
      'aws ecs list-clusters',
      'sleep -1',
      'bogus',
      'echo "a | b"',
    ];
    for (const line of lines) {
      const a = shell();
      const b = shell();
      expect(stepThrough(start(line, a), a).result, line).toEqual(execute(line, b));
      expect(a.sim.state.now, line).toBe(b.sim.state.now);
    }
  });
});
