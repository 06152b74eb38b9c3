import { describe, expect, it } from 'vitest';
import type { ContainerInstance } from '../../../../src/core/ecs/generated/ecs-types.ts';
import { INSTANCE_TYPES, registerInstances } from '../../../../src/core/sim/index.ts';
import {
  ARN_PREFIX,
  createService,
  describeCluster,
  describeInstance,
  describeService,
  describeTask,
  ec2Def,
  expectAwsError,
  first,
  registerTaskDefinition,
  remaining,
  runOne,
  START,
  setup,
  tasksPerInstance,
  waitForTask,
} from './helpers.ts';

type Sim = ReturnType<typeof setup>['sim'];

const list = (sim: Sim, input: Record<string, unknown> = {}) =>
  (sim.call('ecs:ListContainerInstances', { cluster: 'demo', ...input }) as { containerInstanceArns: string[] })
    .containerInstanceArns;
const updateState = (sim: Sim, containerInstances: string[], status: string) =>
  sim.call('ecs:UpdateContainerInstancesState', { cluster: 'demo', containerInstances, status }) as {
    containerInstances: ContainerInstance[];
    failures: unknown[];
  };

describe('registering EC2 capacity', () => {
  it('registers instances with the CPU and memory of their type, the agent ports and standard attributes', () => {
    const { sim, instances } = setup({ instances: 1, instanceType: 't3.medium' });
    const record = first(instances);
    const instance = describeInstance(sim, record.instance.containerInstanceArn ?? '');
    expect(instance.containerInstanceArn).toMatch(new RegExp(`^${ARN_PREFIX}:container-instance/demo/[0-9a-f]{32}$`));
    expect(instance.ec2InstanceId).toMatch(/^i-[0-9a-f]{17}$/);
    expect(instance).toMatchObject({
      status: 'ACTIVE',
      agentConnected: true,
      runningTasksCount: 0,
      pendingTasksCount: 0,
      registeredAt: START,
      versionInfo: { agentVersion: '1.90.0' },
    });
    expect(
      instance.registeredResources?.map((r) => [r.name, r.type === 'STRINGSET' ? r.stringSetValue : r.integerValue]),
    ).toEqual([
      ['CPU', 2048],
      ['MEMORY', 3904],
      ['PORTS', ['22', '2375', '2376', '51678', '51679']],
      ['PORTS_UDP', []],
    ]);
    const attributes = Object.fromEntries((instance.attributes ?? []).map((a) => [a.name, a.value]));
    expect(attributes).toMatchObject({
      'ecs.availability-zone': 'us-east-1a',
      'ecs.instance-type': 't3.medium',
      'ecs.os-type': 'linux',
      'ecs.cpu-architecture': 'x86_64',
    });
    expect(attributes['ecs.ami-id']).toMatch(/^ami-[0-9a-f]{17}$/);
  });

  it.each(Object.entries(INSTANCE_TYPES))('%s registers %o', (type, spec) => {
    const { sim, instances } = setup({ instances: 1, instanceType: type });
    const instance = describeInstance(sim, first(instances).instance.containerInstanceArn ?? '');
    expect([remaining(instance, 'CPU'), remaining(instance, 'MEMORY')]).toEqual([spec.vcpu * 1024, spec.memory]);
    expect(instance.attributes?.find((a) => a.name === 'ecs.cpu-architecture')?.value).toBe(spec.architecture);
  });

  it('spreads new instances over the three Availability Zones and gives each a private IP', () => {
    const { instances } = setup({ instances: 3 });
    expect(instances.map((i) => i.availabilityZone)).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    expect(new Set(instances.map((i) => i.privateIp)).size).toBe(3);
    for (const i of instances) expect(i.privateIp).toMatch(/^172\.31\.\d+\.\d+$/);
  });

  it('refuses an unknown instance type and an unknown cluster', () => {
    const { sim } = setup();
    expectAwsError(
      () => registerInstances(sim, 'demo', 1, 'x1.galactic'),
      'InvalidParameterException',
      /^Unknown instance type x1\.galactic\. Known: t3\.micro, /,
    );
    expectAwsError(
      () => registerInstances(sim, 'nope', 1, 't3.micro'),
      'ClusterNotFoundException',
      'Cluster not found.',
    );
  });
});

describe('ListContainerInstances and DescribeContainerInstances', () => {
  it('lists the instances of the cluster, filtered by status', () => {
    const { sim, instances } = setup({ instances: 3 });
    const arns = instances.map((i) => i.instance.containerInstanceArn ?? '');
    expect(list(sim)).toEqual(arns);
    updateState(sim, [arns[1] ?? ''], 'DRAINING');
    expect(list(sim, { status: 'DRAINING' })).toEqual([arns[1]]);
    expect(list(sim, { status: 'ACTIVE' })).toEqual([arns[0], arns[2]]);
  });

  it('does not list the instances of another cluster', () => {
    const { sim } = setup({ instances: 2 });
    sim.call('ecs:CreateCluster', { clusterName: 'other' });
    registerInstances(sim, 'other', 1, 't3.micro');
    expect(list(sim)).toHaveLength(2);
    expect(list(sim, { cluster: 'other' })).toHaveLength(1);
  });

  it('describes by id or ARN, and reports unknown ones as MISSING with a container-instance ARN', () => {
    const { sim, instances } = setup({ instances: 1 });
    const arn = first(instances).instance.containerInstanceArn ?? '';
    const id = arn.split('/').at(-1);
    const result = sim.call('ecs:DescribeContainerInstances', {
      cluster: 'demo',
      containerInstances: [id, 'feedfacefeedfacefeedfacefeedface'],
    }) as { containerInstances: ContainerInstance[]; failures: unknown[] };
    expect(result.containerInstances.map((i) => i.containerInstanceArn)).toEqual([arn]);
    expect(result.failures).toEqual([
      { arn: `${ARN_PREFIX}:container-instance/demo/feedfacefeedfacefeedfacefeedface`, reason: 'MISSING' },
    ]);
  });

  it('counts the pending and running tasks on each instance', () => {
    const { sim, instances } = setup({ instances: 1 });
    const arn = first(instances).instance.containerInstanceArn ?? '';
    registerTaskDefinition(sim, ec2Def('api', { cpu: 64, memory: 64 }));
    const a = runOne(sim, { taskDefinition: 'api' });
    runOne(sim, { taskDefinition: 'api' });
    expect(describeInstance(sim, arn)).toMatchObject({ pendingTasksCount: 2, runningTasksCount: 0 });
    waitForTask(sim, a.taskArn ?? '', 'RUNNING');
    expect(describeInstance(sim, arn)).toMatchObject({ pendingTasksCount: 0, runningTasksCount: 2 });
  });
});

describe('UpdateContainerInstancesState', () => {
  it('sets DRAINING and back to ACTIVE, bumping the version; unknown instances are MISSING', () => {
    const { sim, instances } = setup({ instances: 1 });
    const arn = first(instances).instance.containerInstanceArn ?? '';
    const drained = updateState(sim, [arn, 'feedfacefeedfacefeedfacefeedface'], 'DRAINING');
    expect(drained.containerInstances.map((i) => [i.status, i.version])).toEqual([['DRAINING', 2]]);
    expect(drained.failures).toEqual([{ arn: 'feedfacefeedfacefeedfacefeedface', reason: 'MISSING' }]);
    expect(first(updateState(sim, [arn], 'ACTIVE').containerInstances).status).toBe('ACTIVE');
  });

  it('accepts only ACTIVE and DRAINING', () => {
    const { sim, instances } = setup({ instances: 1 });
    expectAwsError(
      () => updateState(sim, [first(instances).instance.containerInstanceArn ?? ''], 'INACTIVE'),
      'InvalidParameterException',
      'Container instance status must be ACTIVE or DRAINING.',
    );
  });

  it('leaves standalone tasks on a DRAINING instance running (only service tasks are replaced)', () => {
    const { sim, instances } = setup({ instances: 1 });
    registerTaskDefinition(sim, ec2Def('api', { cpu: 64, memory: 64 }));
    const task = runOne(sim, { taskDefinition: 'api' });
    updateState(sim, [first(instances).instance.containerInstanceArn ?? ''], 'DRAINING');
    sim.advance(120);
    expect(describeTask(sim, task.taskArn ?? '').lastStatus).toBe('RUNNING');
  });
});

describe('DeregisterContainerInstance', () => {
  it('refuses an instance with tasks unless forced; forced, its tasks stop with TerminationNotice', () => {
    const { sim, instances } = setup({ instances: 1 });
    const arn = first(instances).instance.containerInstanceArn ?? '';
    registerTaskDefinition(sim, ec2Def('api', { cpu: 64, memory: 64 }));
    const task = runOne(sim, { taskDefinition: 'api' });
    expectAwsError(
      () => sim.call('ecs:DeregisterContainerInstance', { cluster: 'demo', containerInstance: arn }),
      'ClientException',
      'Container instance has tasks running. Set force to true to deregister it anyway.',
    );
    const result = sim.call('ecs:DeregisterContainerInstance', {
      cluster: 'demo',
      containerInstance: arn,
      force: true,
    }) as {
      containerInstance: ContainerInstance;
    };
    expect(result.containerInstance).toMatchObject({ status: 'INACTIVE', agentConnected: false });
    expect(waitForTask(sim, task.taskArn ?? '', 'STOPPED')).toMatchObject({
      stopCode: 'TerminationNotice',
      stoppedReason: 'Container instance deregistration forced by user',
    });
    expect(list(sim)).toEqual([]);
    expect(describeCluster(sim).registeredContainerInstancesCount).toBe(0);
    expect(describeInstance(sim, arn).status).toBe('INACTIVE');
  });

  it('refuses an unknown or already deregistered instance', () => {
    const { sim, instances } = setup({ instances: 1 });
    const arn = first(instances).instance.containerInstanceArn ?? '';
    sim.call('ecs:DeregisterContainerInstance', { cluster: 'demo', containerInstance: arn });
    for (const containerInstance of [arn, 'feedfacefeedfacefeedfacefeedface'])
      expectAwsError(
        () => sim.call('ecs:DeregisterContainerInstance', { cluster: 'demo', containerInstance }),
        'InvalidParameterException',
        'The referenced container instance was not found.',
      );
  });

  it('a service replaces the tasks of a deregistered instance on the instances that remain', () => {
    const { sim, instances } = setup({ instances: 2 });
    registerTaskDefinition(sim, ec2Def('api', { cpu: 64, memory: 64 }));
    createService(sim, {
      serviceName: 'api',
      taskDefinition: 'api',
      desiredCount: 4,
      placementStrategy: [{ type: 'spread', field: 'instanceId' }],
    });
    sim.advance(90);
    expect(tasksPerInstance(sim, 'api', instances)).toEqual([2, 2]);
    sim.call('ecs:DeregisterContainerInstance', {
      cluster: 'demo',
      containerInstance: instances[0]?.instance.containerInstanceArn,
      force: true,
    });
    sim.advance(120);
    expect(tasksPerInstance(sim, 'api', instances)).toEqual([0, 4]);
    expect(describeService(sim, 'api').runningCount).toBe(4);
  });
});
