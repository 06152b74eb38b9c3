import { describe, expect, it } from 'vitest';
import { registerInstances } from '../../../../src/core/sim/index.ts';
import type { ContainerInstanceRecord } from '../../../../src/core/sim/state.ts';
import {
  describeInstance,
  ec2Def,
  example,
  first,
  type Json,
  registerTaskDefinition,
  remaining,
  runOne,
  runTask,
  setup,
  waitForTask,
} from './helpers.ts';

const arnOf = (r: ContainerInstanceRecord | undefined) => r?.instance.containerInstanceArn ?? '';

/** How many live tasks each instance runs, in the order given. */
function load(sim: ReturnType<typeof setup>['sim'], instances: ContainerInstanceRecord[]): number[] {
  return instances.map(
    (i) =>
      Object.values(sim.state.tasks).filter((t) => t.instanceArn === arnOf(i) && t.task.desiredStatus === 'RUNNING')
        .length,
  );
}

/** Runs `count` tasks one RunTask at a time (so each sees the previous ones), returning failures. */
function runEach(sim: ReturnType<typeof setup>['sim'], count: number, input: Json) {
  return Array.from({ length: count }, () => runTask(sim, input).failures).flat();
}

describe('resources on EC2 container instances', () => {
  it('reports RESOURCE:CPU with the instance ARN when CPU runs out, in the 200 response', () => {
    const { sim, instances } = setup({ instances: 1, instanceType: 't3.micro' });
    registerTaskDefinition(sim, ec2Def('cpu', { cpu: 1024, memory: 128 }));
    const result = runTask(sim, { taskDefinition: 'cpu', count: 3 });
    expect(result.tasks).toHaveLength(2);
    expect(result.failures).toEqual([{ arn: arnOf(instances[0]), reason: 'RESOURCE:CPU' }]);
  });

  it('reports RESOURCE:MEMORY when memory runs out', () => {
    const { sim, instances } = setup({ instances: 1, instanceType: 't3.micro' });
    registerTaskDefinition(sim, ec2Def('mem', { cpu: 10, memory: 400 }));
    const result = runTask(sim, { taskDefinition: 'mem', count: 3 });
    expect(result.tasks).toHaveLength(2);
    expect(result.failures).toEqual([{ arn: arnOf(instances[0]), reason: 'RESOURCE:MEMORY' }]);
  });

  it('reports RESOURCE:PORTS for a fixed host port already taken, including the agent ports', () => {
    const { sim, instances } = setup({ instances: 1 });
    registerTaskDefinition(
      sim,
      ec2Def('fixed', { cpu: 10, memory: 64, portMappings: [{ containerPort: 80, hostPort: 8080 }] }),
    );
    registerTaskDefinition(
      sim,
      ec2Def('ssh', { cpu: 10, memory: 64, portMappings: [{ containerPort: 22, hostPort: 22 }] }),
    );
    const result = runTask(sim, { taskDefinition: 'fixed', count: 2 });
    expect(result.tasks).toHaveLength(1);
    expect(result.failures).toEqual([{ arn: arnOf(instances[0]), reason: 'RESOURCE:PORTS' }]);
    expect(runTask(sim, { taskDefinition: 'ssh' }).failures).toEqual([
      { arn: arnOf(instances[0]), reason: 'RESOURCE:PORTS' },
    ]);
  });

  it('places a second fixed-port task on another instance when there is one', () => {
    const { sim, instances } = setup({ instances: 2 });
    registerTaskDefinition(
      sim,
      ec2Def('fixed', { cpu: 10, memory: 64, portMappings: [{ containerPort: 80, hostPort: 80 }] }),
    );
    const result = runTask(sim, { taskDefinition: 'fixed', count: 2 });
    expect(result.failures).toEqual([]);
    expect(load(sim, instances)).toEqual([1, 1]);
  });

  it('debits remainingResources when a task is placed and credits them when it stops', () => {
    const { sim, instances } = setup({ instances: 1 });
    const arn = arnOf(instances[0]);
    registerTaskDefinition(sim, ec2Def('api', { cpu: 512, memory: 1024 }));
    const before = describeInstance(sim, arn);
    expect([remaining(before, 'CPU'), remaining(before, 'MEMORY')]).toEqual([2048, 3904]);
    const task = runOne(sim, { taskDefinition: 'api' });
    const during = describeInstance(sim, arn);
    expect([remaining(during, 'CPU'), remaining(during, 'MEMORY')]).toEqual([1536, 2880]);
    expect(during.pendingTasksCount).toBe(1);
    waitForTask(sim, task.taskArn ?? '', 'RUNNING');
    expect(describeInstance(sim, arn).runningTasksCount).toBe(1);
    sim.call('ecs:StopTask', { cluster: 'demo', task: task.taskArn });
    waitForTask(sim, task.taskArn ?? '', 'STOPPED');
    const after = describeInstance(sim, arn);
    expect([remaining(after, 'CPU'), remaining(after, 'MEMORY'), after.runningTasksCount]).toEqual([2048, 3904, 0]);
  });

  it('reserves memoryReservation (the soft limit) rather than memory when both are set', () => {
    const { sim, instances } = setup({ instances: 1 });
    const arn = arnOf(instances[0]);
    // The course example: memoryReservation 256, memory 512, cpu 256.
    registerTaskDefinition(sim, {
      ...example('ec2-bridge-dynamic-ports'),
      containerDefinitions: [
        {
          ...(example('ec2-bridge-dynamic-ports').containerDefinitions as Json[])[0],
          logConfiguration: { logDriver: 'json-file' },
        },
      ],
    });
    runOne(sim, { taskDefinition: 'api' });
    const instance = describeInstance(sim, arn);
    expect([remaining(instance, 'CPU'), remaining(instance, 'MEMORY')]).toEqual([2048 - 256, 3904 - 256]);
  });

  it('reserves a task-level size instead of the containers’ own values', () => {
    const { sim, instances } = setup({ instances: 1 });
    registerTaskDefinition(sim, ec2Def('sized', { cpu: 128, memory: 128 }, { cpu: '1024', memory: '2048' }));
    runOne(sim, { taskDefinition: 'sized' });
    expect([first(instances).reservedCpu, first(instances).reservedMemory]).toEqual([1024, 2048]);
  });
});

describe('placement strategies', () => {
  it('binpack on memory fills one instance before using the next', () => {
    const { sim, instances } = setup({ instances: 3, instanceType: 't3.micro' });
    registerTaskDefinition(sim, ec2Def('api', { cpu: 10, memory: 300 }));
    const input = { taskDefinition: 'api', placementStrategy: [{ type: 'binpack', field: 'memory' }] };
    expect(runEach(sim, 3, input)).toEqual([]);
    expect(load(sim, instances).sort()).toEqual([0, 0, 3]);
    expect(runEach(sim, 3, input)).toEqual([]);
    expect(load(sim, instances).sort()).toEqual([0, 3, 3]);
  });

  it('binpack on cpu prefers the instance with the least CPU left', () => {
    const { sim, instances } = setup({ instances: 2 });
    registerTaskDefinition(sim, ec2Def('hog', { cpu: 1024, memory: 64 }));
    registerTaskDefinition(sim, ec2Def('small', { cpu: 64, memory: 64 }));
    const hog = runOne(sim, { taskDefinition: 'hog', placementStrategy: [{ type: 'binpack', field: 'cpu' }] });
    const small = runOne(sim, { taskDefinition: 'small', placementStrategy: [{ type: 'binpack', field: 'cpu' }] });
    expect(small.containerInstanceArn).toBe(hog.containerInstanceArn);
    expect(load(sim, instances).sort()).toEqual([0, 2]);
  });

  it('spread on instanceId balances the tasks of the group across instances', () => {
    const { sim, instances } = setup({ instances: 3 });
    registerTaskDefinition(sim, ec2Def('api', { cpu: 10, memory: 64 }));
    const result = runTask(sim, {
      taskDefinition: 'api',
      count: 6,
      placementStrategy: [{ type: 'spread', field: 'instanceId' }],
    });
    expect(result.failures).toEqual([]);
    expect(load(sim, instances)).toEqual([2, 2, 2]);
  });

  it('spread on the Availability Zone attribute puts one task in each zone first', () => {
    const { sim, instances } = setup({ instances: 3 });
    expect(new Set(instances.map((i) => i.availabilityZone))).toEqual(
      new Set(['us-east-1a', 'us-east-1b', 'us-east-1c']),
    );
    registerTaskDefinition(sim, ec2Def('api', { cpu: 10, memory: 64 }));
    const { tasks } = runTask(sim, {
      taskDefinition: 'api',
      count: 3,
      placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }],
    });
    expect(new Set(tasks.map((t) => t.availabilityZone)).size).toBe(3);
  });

  it('spread then binpack: zones first, then the fullest instance within a zone', () => {
    const { sim } = setup({ instances: 6 });
    registerTaskDefinition(sim, ec2Def('api', { cpu: 10, memory: 64 }));
    const { tasks } = runTask(sim, {
      taskDefinition: 'api',
      count: 6,
      placementStrategy: [
        { type: 'spread', field: 'attribute:ecs.availability-zone' },
        { type: 'binpack', field: 'memory' },
      ],
    });
    const zones = tasks.map((t) => t.availabilityZone);
    expect(['us-east-1a', 'us-east-1b', 'us-east-1c'].map((z) => zones.filter((x) => x === z).length)).toEqual([
      2, 2, 2,
    ]);
    // binpack keeps each zone's two tasks on one instance.
    expect(new Set(tasks.map((t) => t.containerInstanceArn)).size).toBe(3);
  });

  it('random uses several instances over many tasks and is the same for the same seed', () => {
    const placements = (seed: number) => {
      const { sim, instances } = setup({ seed, instances: 4 });
      registerTaskDefinition(sim, ec2Def('api', { cpu: 10, memory: 32 }));
      runEach(sim, 20, { taskDefinition: 'api', placementStrategy: [{ type: 'random' }] });
      return load(sim, instances);
    };
    const a = placements(5);
    expect(a.reduce((s, n) => s + n, 0)).toBe(20);
    expect(a.filter((n) => n > 0).length).toBeGreaterThan(1);
    expect(placements(5)).toEqual(a);
  });
});

describe('placement constraints', () => {
  it('distinctInstance places each task of the group on a different instance; the rest fail with ATTRIBUTE', () => {
    const { sim, instances } = setup({ instances: 2 });
    registerTaskDefinition(sim, ec2Def('api', { cpu: 10, memory: 64 }));
    const result = runTask(sim, {
      taskDefinition: 'api',
      count: 3,
      placementConstraints: [{ type: 'distinctInstance' }],
    });
    expect(result.tasks).toHaveLength(2);
    expect(load(sim, instances)).toEqual([1, 1]);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]?.reason).toBe('ATTRIBUTE');
  });

  it('memberOf with an instance-type expression only uses matching instances', () => {
    const { sim, instances } = setup({ instances: 2, instanceType: 't3.medium' });
    const small = registerInstances(sim, 'demo', 2, 't3.small');
    registerTaskDefinition(sim, ec2Def('api', { cpu: 10, memory: 64 }));
    const result = runTask(sim, {
      taskDefinition: 'api',
      count: 6,
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type == t3.small' }],
    });
    expect(result.failures).toEqual([]);
    expect(load(sim, instances)).toEqual([0, 0]);
    expect(load(sim, small).reduce((s, n) => s + n, 0)).toBe(6);
  });

  it('memberOf with "in [...]" on the Availability Zone', () => {
    const { sim } = setup({ instances: 3 });
    registerTaskDefinition(sim, ec2Def('api', { cpu: 10, memory: 64 }));
    const { tasks } = runTask(sim, {
      taskDefinition: 'api',
      count: 4,
      placementConstraints: [
        { type: 'memberOf', expression: 'attribute:ecs.availability-zone in [us-east-1a, us-east-1c]' },
      ],
    });
    expect(new Set(tasks.map((t) => t.availabilityZone))).toEqual(new Set(['us-east-1a', 'us-east-1c']));
  });

  it('a memberOf constraint in the task definition applies to every run', () => {
    const { sim } = setup({ instances: 3 });
    registerTaskDefinition(
      sim,
      ec2Def(
        'api',
        { cpu: 10, memory: 64 },
        {
          placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.availability-zone == us-east-1b' }],
        },
      ),
    );
    const { tasks } = runTask(sim, { taskDefinition: 'api', count: 3 });
    expect(tasks.map((t) => t.availabilityZone)).toEqual(['us-east-1b', 'us-east-1b', 'us-east-1b']);
  });

  it('no instance matching a memberOf constraint: no task, a failure with reason ATTRIBUTE', () => {
    const { sim } = setup({ instances: 2 });
    registerTaskDefinition(sim, ec2Def('api', { cpu: 10, memory: 64 }));
    const result = runTask(sim, {
      taskDefinition: 'api',
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type == m5.large' }],
    });
    expect(result.tasks).toEqual([]);
    expect(result.failures.map((f) => f.reason)).toEqual(['ATTRIBUTE']);
  });
});

describe('DRAINING and disconnected instances', () => {
  it('a DRAINING instance gets no new tasks', () => {
    const { sim, instances } = setup({ instances: 2 });
    registerTaskDefinition(sim, ec2Def('api', { cpu: 10, memory: 64 }));
    sim.call('ecs:UpdateContainerInstancesState', {
      cluster: 'demo',
      containerInstances: [arnOf(instances[0])],
      status: 'DRAINING',
    });
    const result = runTask(sim, {
      taskDefinition: 'api',
      count: 5,
      placementStrategy: [{ type: 'spread', field: 'instanceId' }],
    });
    expect(result.failures).toEqual([]);
    expect(load(sim, instances)).toEqual([0, 5]);
  });

  it('with every instance DRAINING, RunTask places nothing and says why in failures', () => {
    const { sim, instances } = setup({ instances: 1 });
    registerTaskDefinition(sim, ec2Def('api', { cpu: 10, memory: 64 }));
    sim.call('ecs:UpdateContainerInstancesState', {
      cluster: 'demo',
      containerInstances: [arnOf(instances[0])],
      status: 'DRAINING',
    });
    const result = runTask(sim, { taskDefinition: 'api' });
    expect(result.tasks).toEqual([]);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]?.arn).toBe(arnOf(instances[0]));
  });
});
