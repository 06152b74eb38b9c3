import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../../src/core/ecs/generated/ecs-types.ts';
import { createSimulator, registerInstances } from '../../../../src/core/sim/index.ts';
import {
  ARN_PREFIX,
  awsvpc,
  describeCluster,
  ec2Def,
  expectAwsError,
  fargateDef,
  registerTaskDefinition,
  runOne,
  setup,
  waitForTask,
} from './helpers.ts';

const createCluster = (sim: ReturnType<typeof createSimulator>, input: Record<string, unknown>) =>
  (sim.call('ecs:CreateCluster', input) as { cluster: Cluster }).cluster;

describe('CreateCluster', () => {
  it('returns an ACTIVE cluster with a cluster/<name> ARN, zero counters and Container Insights disabled', () => {
    const sim = createSimulator({ seed: 1 });
    const cluster = createCluster(sim, { clusterName: 'demo' });
    expect(cluster).toMatchObject({
      clusterArn: `${ARN_PREFIX}:cluster/demo`,
      clusterName: 'demo',
      status: 'ACTIVE',
      registeredContainerInstancesCount: 0,
      runningTasksCount: 0,
      pendingTasksCount: 0,
      activeServicesCount: 0,
      settings: [{ name: 'containerInsights', value: 'disabled' }],
      capacityProviders: [],
      defaultCapacityProviderStrategy: [],
    });
  });

  it('creates the cluster named default when no name is given', () => {
    const sim = createSimulator({ seed: 1 });
    expect(createCluster(sim, {}).clusterArn).toBe(`${ARN_PREFIX}:cluster/default`);
    expect(describeCluster(sim, 'default').status).toBe('ACTIVE');
  });

  it('echoes the containerInsights setting and keeps the tags it was created with', () => {
    const sim = createSimulator({ seed: 1 });
    const cluster = createCluster(sim, {
      clusterName: 'prod',
      settings: [{ name: 'containerInsights', value: 'enabled' }],
      tags: [{ key: 'team', value: 'payments' }],
    });
    expect(cluster.settings).toEqual([{ name: 'containerInsights', value: 'enabled' }]);
    expect(cluster.tags).toEqual([{ key: 'team', value: 'payments' }]);
    expect(sim.call('ecs:ListTagsForResource', { resourceArn: cluster.clusterArn })).toEqual({
      tags: [{ key: 'team', value: 'payments' }],
    });
  });

  it('is idempotent: creating an existing cluster returns it unchanged', () => {
    const { sim } = setup({ instances: 2 });
    const again = createCluster(sim, { clusterName: 'demo' });
    expect(again.clusterArn).toBe(`${ARN_PREFIX}:cluster/demo`);
    expect(again.registeredContainerInstancesCount).toBe(2);
    expect((sim.call('ecs:ListClusters') as { clusterArns: string[] }).clusterArns).toEqual([
      `${ARN_PREFIX}:cluster/demo`,
    ]);
  });

  it.each(['my cluster', 'a.b', 'x'.repeat(256), 'café'])('rejects the name %j', (name) => {
    const sim = createSimulator({ seed: 1 });
    expectAwsError(
      () => sim.call('ecs:CreateCluster', { clusterName: name }),
      'InvalidParameterException',
      'Cluster name can have up to 255 characters: letters (uppercase and lowercase), numbers, underscores and hyphens.',
    );
  });

  it('accepts a 255-character name of letters, digits, hyphens and underscores', () => {
    const sim = createSimulator({ seed: 1 });
    const name = `A-b_9${'x'.repeat(250)}`;
    expect(createCluster(sim, { clusterName: name }).clusterName).toBe(name);
  });
});

describe('DescribeClusters and ListClusters', () => {
  it('reports an unknown cluster as a MISSING failure with its would-be ARN, not as an error', () => {
    const { sim } = setup();
    const result = sim.call('ecs:DescribeClusters', { clusters: ['demo', 'foobar'] }) as {
      clusters: Cluster[];
      failures: unknown[];
    };
    expect(result.clusters.map((c) => c.clusterName)).toEqual(['demo']);
    expect(result.failures).toEqual([{ arn: `${ARN_PREFIX}:cluster/foobar`, reason: 'MISSING' }]);
  });

  it('keeps a failure ARN as given when the caller passed an ARN', () => {
    const { sim } = setup();
    const arn = `${ARN_PREFIX}:cluster/nope`;
    expect(sim.call('ecs:DescribeClusters', { clusters: [arn] })).toEqual({
      clusters: [],
      failures: [{ arn, reason: 'MISSING' }],
    });
  });

  it('accepts a cluster ARN as well as a name', () => {
    const { sim } = setup();
    expect(describeCluster(sim, `${ARN_PREFIX}:cluster/demo`).clusterName).toBe('demo');
  });

  it('describes the default cluster when no clusters are named', () => {
    const sim = createSimulator({ seed: 1 });
    expect(sim.call('ecs:DescribeClusters', {})).toEqual({
      clusters: [],
      failures: [{ arn: `${ARN_PREFIX}:cluster/default`, reason: 'MISSING' }],
    });
    createCluster(sim, {});
    expect((sim.call('ecs:DescribeClusters', {}) as { clusters: Cluster[] }).clusters[0]?.clusterName).toBe('default');
  });

  it('refuses more than 100 clusters at once', () => {
    const { sim } = setup();
    expectAwsError(
      () => sim.call('ecs:DescribeClusters', { clusters: Array.from({ length: 101 }, (_, i) => `c${i}`) }),
      'InvalidParameterException',
      'At most 100 clusters can be described at once.',
    );
  });

  it('counts instances, pending and running tasks and active services as they change', () => {
    const { sim, subnets } = setup({ instances: 2 });
    registerTaskDefinition(sim, fargateDef('web'));
    registerTaskDefinition(sim, ec2Def('api'));
    const task = runOne(sim, { taskDefinition: 'web', launchType: 'FARGATE', networkConfiguration: awsvpc(subnets) });
    runOne(sim, { taskDefinition: 'api' });
    sim.call('ecs:CreateService', { cluster: 'demo', serviceName: 'api', taskDefinition: 'api', desiredCount: 1 });
    expect(describeCluster(sim)).toMatchObject({
      registeredContainerInstancesCount: 2,
      pendingTasksCount: 2,
      runningTasksCount: 0,
      activeServicesCount: 1,
    });
    waitForTask(sim, task.taskArn ?? '', 'RUNNING');
    sim.advance(60);
    expect(describeCluster(sim)).toMatchObject({ pendingTasksCount: 0, runningTasksCount: 3, activeServicesCount: 1 });
  });

  it('lists ACTIVE clusters only, sorted by ARN', () => {
    const sim = createSimulator({ seed: 1 });
    for (const name of ['zeta', 'alpha', 'mid']) createCluster(sim, { clusterName: name });
    sim.call('ecs:DeleteCluster', { cluster: 'mid' });
    expect(sim.call('ecs:ListClusters')).toEqual({
      clusterArns: [`${ARN_PREFIX}:cluster/alpha`, `${ARN_PREFIX}:cluster/zeta`],
    });
  });
});

describe('DeleteCluster', () => {
  it('returns the cluster as INACTIVE; it stays describable but nothing else finds it', () => {
    const { sim } = setup();
    const deleted = (sim.call('ecs:DeleteCluster', { cluster: 'demo' }) as { cluster: Cluster }).cluster;
    expect(deleted).toMatchObject({ clusterArn: `${ARN_PREFIX}:cluster/demo`, status: 'INACTIVE' });
    expect(describeCluster(sim).status).toBe('INACTIVE');
    expectAwsError(
      () => sim.call('ecs:ListTasks', { cluster: 'demo' }),
      'ClusterNotFoundException',
      'Cluster not found.',
    );
    expectAwsError(
      () => sim.call('ecs:DeleteCluster', { cluster: 'demo' }),
      'ClusterNotFoundException',
      'Cluster not found.',
    );
  });

  it('can create a cluster again with the name of a deleted one', () => {
    const { sim } = setup();
    sim.call('ecs:DeleteCluster', { cluster: 'demo' });
    expect(createCluster(sim, { clusterName: 'demo' }).status).toBe('ACTIVE');
  });

  it('refuses while services are active, then while they drain', () => {
    const { sim } = setup({ instances: 1 });
    registerTaskDefinition(sim, ec2Def('api'));
    sim.call('ecs:CreateService', { cluster: 'demo', serviceName: 'api', taskDefinition: 'api', desiredCount: 0 });
    const refused = () =>
      expectAwsError(
        () => sim.call('ecs:DeleteCluster', { cluster: 'demo' }),
        'ClusterContainsServicesException',
        'The Cluster cannot be deleted while Services are active.',
      );
    refused();
    sim.call('ecs:DeleteService', { cluster: 'demo', service: 'api' });
    refused();
  });

  it('refuses while tasks are active, and once they stopped, while instances are registered', () => {
    const { sim, instances } = setup({ instances: 1 });
    registerTaskDefinition(sim, ec2Def('api'));
    const task = runOne(sim, { taskDefinition: 'api' });
    expectAwsError(
      () => sim.call('ecs:DeleteCluster', { cluster: 'demo' }),
      'ClusterContainsTasksException',
      'The Cluster cannot be deleted while Tasks are active.',
    );
    sim.call('ecs:StopTask', { cluster: 'demo', task: task.taskArn });
    waitForTask(sim, task.taskArn ?? '', 'STOPPED');
    expectAwsError(
      () => sim.call('ecs:DeleteCluster', { cluster: 'demo' }),
      'ClusterContainsContainerInstancesException',
      'The Cluster cannot be deleted while Container Instances are active.',
    );
    sim.call('ecs:DeregisterContainerInstance', {
      cluster: 'demo',
      containerInstance: instances[0]?.instance.containerInstanceArn,
    });
    expect((sim.call('ecs:DeleteCluster', { cluster: 'demo' }) as { cluster: Cluster }).cluster.status).toBe(
      'INACTIVE',
    );
  });
});

describe('the default cluster', () => {
  it('is used when an operation names no cluster, and its absence is ClusterNotFoundException', () => {
    const sim = createSimulator({ seed: 1 });
    registerTaskDefinition(sim, ec2Def('api'));
    const operations: [string, Record<string, unknown>][] = [
      ['ecs:RunTask', { taskDefinition: 'api' }],
      ['ecs:ListTasks', {}],
      ['ecs:DescribeTasks', { tasks: ['0123456789abcdef0123456789abcdef'] }],
      ['ecs:StopTask', { task: '0123456789abcdef0123456789abcdef' }],
      ['ecs:CreateService', { serviceName: 'api', taskDefinition: 'api', desiredCount: 1 }],
      ['ecs:UpdateService', { service: 'api', desiredCount: 2 }],
      ['ecs:DeleteService', { service: 'api' }],
      ['ecs:DescribeServices', { services: ['api'] }],
      ['ecs:ListServices', {}],
      ['ecs:ListContainerInstances', {}],
      ['ecs:DescribeContainerInstances', { containerInstances: ['x'] }],
      ['ecs:DeleteCluster', {}],
    ];
    for (const [operation, input] of operations)
      expectAwsError(() => sim.call(operation, input), 'ClusterNotFoundException', 'Cluster not found.');
    createCluster(sim, {});
    registerInstances(sim, 'default', 1, 't3.micro');
    const task = runOne(sim, { cluster: undefined, taskDefinition: 'api' });
    expect(task.clusterArn).toBe(`${ARN_PREFIX}:cluster/default`);
    expect(task.taskArn).toMatch(new RegExp(`^${ARN_PREFIX}:task/default/[0-9a-f]{32}$`));
  });
});

describe('tags on clusters', () => {
  it('adds, overwrites and removes tags; an unknown ARN is InvalidParameterException', () => {
    const { sim } = setup();
    const resourceArn = `${ARN_PREFIX}:cluster/demo`;
    sim.call('ecs:TagResource', {
      resourceArn,
      tags: [
        { key: 'env', value: 'dev' },
        { key: 'team', value: 'a' },
      ],
    });
    sim.call('ecs:TagResource', { resourceArn, tags: [{ key: 'env', value: 'prod' }] });
    expect(sim.call('ecs:ListTagsForResource', { resourceArn })).toEqual({
      tags: [
        { key: 'env', value: 'prod' },
        { key: 'team', value: 'a' },
      ],
    });
    sim.call('ecs:UntagResource', { resourceArn, tagKeys: ['team'] });
    expect(sim.call('ecs:ListTagsForResource', { resourceArn })).toEqual({ tags: [{ key: 'env', value: 'prod' }] });
    for (const operation of ['ecs:TagResource', 'ecs:UntagResource', 'ecs:ListTagsForResource'])
      expectAwsError(
        () => sim.call(operation, { resourceArn: `${ARN_PREFIX}:cluster/nope`, tags: [], tagKeys: [] }),
        'InvalidParameterException',
        'The specified resource is not found.',
      );
  });

  it('refuses more than 50 tags on one resource', () => {
    const { sim } = setup();
    const tags = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    expectAwsError(
      () => sim.call('ecs:TagResource', { resourceArn: `${ARN_PREFIX}:cluster/demo`, tags }),
      'InvalidParameterException',
      'A resource can have at most 50 tags.',
    );
  });
});
