import { describe, expect, it } from 'vitest';
import { CommandRunner } from '../../../../src/core/session/runner.ts';
import { Session } from '../../../../src/core/session/session.ts';

const scenario = {
  id: 'ec2',
  seed: 5,
  setup: ['aws ecs create-cluster --cluster-name demo', 'sim add-instances --cluster demo --count 1'],
  files: {},
};

describe('CommandRunner', () => {
  it('finishes sleep only once that much simulated time has passed, however it is ticked', () => {
    const session = Session.start(scenario);
    const runner = new CommandRunner(session);
    const start = session.sim.state.now;
    expect(runner.run('sleep 10')).toBeUndefined();
    expect(runner.busy).toBe(true);
    expect(runner.tick(4_000)).toBeUndefined();
    expect(runner.tick(5_999)).toBeUndefined();
    expect(runner.tick(50_000)).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(runner.busy).toBe(false);
    // The wait ends at 10 s; the rest of the tick still passes.
    expect(session.sim.state.now).toBe(start + 60_000 - 1);
  });

  it('returns an instant command at once', () => {
    const runner = new CommandRunner(Session.start(scenario));
    expect(runner.run('echo hi')).toEqual({ stdout: 'hi\n', stderr: '', exitCode: 0 });
    expect(runner.busy).toBe(false);
  });

  it('waits for a task with aws ecs wait, polling at the waiter delay', () => {
    const session = Session.start(scenario);
    const runner = new CommandRunner(session);
    runner.run(
      'aws ecs register-task-definition --family web --container-definitions name=web,image=nginx,memory=128,essential=true',
    );
    const out = runner.run('aws ecs run-task --cluster demo --task-definition web');
    const arn = JSON.parse(out?.stdout ?? '{}').tasks[0].taskArn;
    expect(runner.run(`aws ecs wait tasks-running --cluster demo --tasks ${arn}`)).toBeUndefined();
    let result: ReturnType<CommandRunner['tick']>;
    for (let ticks = 0; ticks < 600 && result === undefined; ticks++) result = runner.tick(1_000);
    expect(result?.exitCode).toBe(0);
    expect(session.sim.state.tasks[arn]?.task.lastStatus).toBe('RUNNING');
  });

  it('abandons a wait on cancel, while time keeps running', () => {
    const session = Session.start(scenario);
    const runner = new CommandRunner(session);
    runner.run('sleep 100');
    expect(runner.cancel()).toBe(true);
    expect(runner.busy).toBe(false);
    const before = session.sim.state.now;
    expect(runner.tick(2_000)).toBeUndefined();
    expect(session.sim.state.now).toBe(before + 2_000);
    expect(runner.cancel()).toBe(false);
  });
});
