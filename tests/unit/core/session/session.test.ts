import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settle } from '../../../../src/core/cli/result.ts';
import { type Scenario, Session } from '../../../../src/core/session/session.ts';

const TASKDEF = JSON.stringify({
  family: 'web',
  containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128, essential: true }],
});

const scenario: Scenario = {
  id: 'ec2-cluster',
  seed: 42,
  setup: ['aws ecs create-cluster --cluster-name demo', 'sim add-instances --cluster demo --count 2'],
  files: { 'taskdef.json': TASKDEF },
};

/** Runs a line to its end the way the terminal does: letting the session's clock run. */
function run(session: Session, line: string) {
  return settle(session.run(line), (seconds) => session.advance(seconds));
}

const clusterNames = (session: Session) => Object.keys(session.sim.state.clusters).sort();
const stateText = (session: Session) => JSON.stringify(session.sim.state);

describe('Session', () => {
  it('starts from the scenario: its set-up already ran and its files are there', () => {
    const session = Session.start(scenario);
    expect(clusterNames(session)).toEqual(['demo']);
    expect(Object.keys(session.sim.state.containerInstances)).toHaveLength(2);
    expect(run(session, 'ls').stdout).toBe('taskdef.json\n');
    expect(run(session, 'cat taskdef.json').stdout).toBe(TASKDEF);
    expect(run(session, 'cat nope.json')).toEqual({
      stdout: '',
      stderr: 'cat: nope.json: No such file or directory\n',
      exitCode: 1,
    });
    expect(run(session, 'ls nope.json').exitCode).toBe(2);
    expect(session.log).toHaveLength(4);
  });

  it('undoes a command: the state and the time before it come back', () => {
    const session = Session.start(scenario);
    run(session, 'aws ecs create-cluster --cluster-name extra');
    run(session, 'sleep 60');
    const before = session.sim.state.now;
    run(session, 'aws ecs delete-cluster --cluster extra');
    expect(session.sim.state.clusters.extra?.status).toBe('INACTIVE');
    expect(session.undo()).toBe(true);
    expect(session.sim.state.now).toBe(before);
    expect(session.sim.state.clusters.extra?.status).toBe('ACTIVE');
    expect(session.log.map((e) => e.line)).toEqual(['aws ecs create-cluster --cluster-name extra', 'sleep 60']);
  });

  it('has nothing to undo at the start', () => {
    expect(Session.start(scenario).undo()).toBe(false);
  });

  it('steps back and forward through the timeline, and typing after stepping back drops the later steps', () => {
    const session = Session.start(scenario);
    run(session, 'aws ecs create-cluster --cluster-name a');
    session.advance(30);
    run(session, 'aws ecs create-cluster --cluster-name b');
    session.advance(45);
    const head = session.sim.state.now;
    session.goTo(1);
    expect(clusterNames(session)).toEqual(['a', 'demo']);
    expect(session.atHead).toBe(false);
    session.goTo(2);
    expect(clusterNames(session)).toEqual(['a', 'b', 'demo']);
    expect(session.sim.state.now).toBe(head);
    session.goTo(0);
    run(session, 'aws ecs create-cluster --cluster-name c');
    expect(clusterNames(session)).toEqual(['c', 'demo']);
    expect(session.log.map((e) => e.line)).toEqual(['aws ecs create-cluster --cluster-name c']);
  });

  it('replays a registration with the file as it was, even after the file changed', () => {
    const session = Session.start(scenario);
    run(session, 'aws ecs register-task-definition --cli-input-json file://taskdef.json');
    session.writeFile('taskdef.json', '{ broken');
    const restored = Session.restore(scenario, JSON.parse(JSON.stringify(session.snapshot())));
    expect(restored.sim.state.taskDefinitions.web).toHaveLength(1);
    expect(restored.files['taskdef.json']).toBe('{ broken');
  });

  it('forgets everything on sim reset', () => {
    const session = Session.start(scenario);
    run(session, 'aws ecs create-cluster --cluster-name x');
    run(session, 'sim reset');
    expect(session.log).toEqual([]);
    expect(clusterNames(session)).toEqual(['demo']);
  });

  const commands = fc.constantFrom(
    'aws ecs register-task-definition --cli-input-json file://taskdef.json',
    'aws ecs run-task --cluster demo --task-definition web',
    'aws ecs run-task --cluster demo --task-definition web --count 3',
    'aws ecs create-service --cluster demo --service-name svc --task-definition web --desired-count 2',
    'aws ecs update-service --cluster demo --service svc --desired-count 4',
    'aws ecs delete-service --cluster demo --service svc --force',
    'sim add-instances --cluster demo',
    'sleep 20',
    'aws ecs list-tasks --cluster demo',
  );
  const steps = fc.array(fc.tuple(commands, fc.array(fc.integer({ min: 0, max: 40_000 }), { maxLength: 4 })), {
    maxLength: 12,
  });

  it('rebuilds exactly the same state from its snapshot, however the clock ticked (property)', () => {
    fc.assert(
      fc.property(steps, (plan) => {
        const session = Session.start(scenario);
        for (const [line, ticks] of plan) {
          run(session, line);
          for (const ms of ticks) session.advance(ms / 1000);
        }
        const restored = Session.restore(scenario, JSON.parse(JSON.stringify(session.snapshot())));
        expect(stateText(restored)).toBe(stateText(session));
      }),
      { numRuns: 40 },
    );
  });

  it('undo gives the same state as never having run the command (property)', () => {
    fc.assert(
      fc.property(steps, commands, (plan, last) => {
        const session = Session.start(scenario);
        for (const [line, ticks] of plan) {
          run(session, line);
          for (const ms of ticks) session.advance(ms / 1000);
        }
        const expected = stateText(session);
        run(session, last);
        session.undo();
        expect(stateText(session)).toBe(expected);
      }),
      { numRuns: 40 },
    );
  });
});
