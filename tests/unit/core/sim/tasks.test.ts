import { describe, expect, it } from 'vitest';
import {
  ARN_PREFIX,
  awsvpc,
  container,
  createLogGroups,
  describeInstance,
  describeTask,
  describeTasks,
  ec2Def,
  example,
  expectAwsError,
  fargateDef,
  first,
  listTasks,
  registerTaskDefinition,
  remainingPorts,
  runOne,
  runTask,
  START,
  setup,
  statusTrail,
  TASK_ID,
  taskArnPattern,
  taskIdOf,
  waitForTask,
} from './helpers.ts';

/** A Fargate task of the `web` family (nginx), with its subnets. */
function fargateTask(extra: Record<string, unknown> = {}) {
  const s = setup();
  registerTaskDefinition(s.sim, fargateDef('web'));
  const task = runOne(s.sim, {
    taskDefinition: 'web',
    launchType: 'FARGATE',
    networkConfiguration: awsvpc([s.subnets[1] ?? '']),
    ...extra,
  });
  return { ...s, task, arn: task.taskArn ?? '' };
}

describe('RunTask on Fargate', () => {
  it('returns the task in PROVISIONING with desiredStatus RUNNING, long ARNs and a 32-hex id', () => {
    const { task } = fargateTask();
    expect(task.taskArn).toMatch(taskArnPattern('demo'));
    expect(taskIdOf(task.taskArn ?? '')).toMatch(TASK_ID);
    expect(task).toMatchObject({
      clusterArn: `${ARN_PREFIX}:cluster/demo`,
      taskDefinitionArn: `${ARN_PREFIX}:task-definition/web:1`,
      lastStatus: 'PROVISIONING',
      desiredStatus: 'RUNNING',
      launchType: 'FARGATE',
      platformVersion: '1.4.0',
      platformFamily: 'Linux',
      cpu: '256',
      memory: '512',
      group: 'family:web',
      createdAt: START,
      version: 1,
      ephemeralStorage: { sizeInGiB: 20 },
      availabilityZone: 'us-east-1b',
      overrides: { containerOverrides: [{ name: 'web' }], inferenceAcceleratorOverrides: [] },
    });
    const c = first(task.containers, 'container');
    expect(c.containerArn).toMatch(
      new RegExp(`^${ARN_PREFIX}:container/demo/${taskIdOf(task.taskArn ?? '')}/[0-9a-f-]{36}$`),
    );
    expect(c).toMatchObject({ name: 'web', image: 'public.ecr.aws/nginx/nginx:1.27', lastStatus: 'PENDING' });
    expect(task.containerInstanceArn).toBeUndefined();
  });

  it('goes PROVISIONING → PENDING → ACTIVATING → RUNNING as virtual time passes, and no faster', () => {
    const { sim, arn } = fargateTask();
    sim.advance(7);
    expect(describeTask(sim, arn).lastStatus).toBe('PROVISIONING');
    sim.advance(1);
    expect(describeTask(sim, arn).lastStatus).toBe('PENDING');
    expect(statusTrail(sim, arn, 30)).toEqual(['PENDING', 'ACTIVATING', 'RUNNING']);
  });

  it('fills the timestamps of a running task: pull started and stopped, started, connected', () => {
    const { sim, arn } = fargateTask();
    const task = waitForTask(sim, arn, 'RUNNING');
    expect(task).toMatchObject({
      pullStartedAt: START + 10,
      pullStoppedAt: START + 14,
      startedAt: START + 14,
      connectivity: 'CONNECTED',
      connectivityAt: START + 14,
    });
    expect(first(task.containers).lastStatus).toBe('RUNNING');
    expect(first(task.containers).runtimeId).toMatch(new RegExp(`^${taskIdOf(arn)}-\\d{10}$`));
    expect(task.version).toBeGreaterThan(1);
  });

  it('attaches an ENI with a private IP from the chosen subnet', () => {
    const { sim, arn, subnets } = fargateTask();
    const pending = first(describeTask(sim, arn).attachments, 'attachment');
    expect(pending).toMatchObject({ type: 'ElasticNetworkInterface', status: 'PRECREATED' });
    expect(pending.details).toEqual([{ name: 'subnetId', value: subnets[1] }]);
    const task = waitForTask(sim, arn, 'RUNNING');
    const eni = first(task.attachments, 'attachment');
    const detail = (name: string) => eni.details?.find((d) => d.name === name)?.value ?? '';
    expect(eni.status).toBe('ATTACHED');
    expect(detail('subnetId')).toBe(subnets[1]);
    expect(detail('networkInterfaceId')).toMatch(/^eni-[0-9a-f]{17}$/);
    expect(detail('macAddress')).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/);
    // The second default subnet is 172.31.16.0/20.
    const ip = detail('privateIPv4Address');
    const [a, b, c, d] = ip.split('.').map(Number);
    expect([a, b]).toEqual([172, 31]);
    expect(c).toBeGreaterThanOrEqual(16);
    expect(c).toBeLessThan(32);
    expect(d).toBeGreaterThanOrEqual(4);
    expect(detail('privateDnsName')).toBe(`ip-${ip.replaceAll('.', '-')}.ec2.internal`);
    expect(first(task.containers).networkInterfaces).toEqual([{ attachmentId: eni.id, privateIpv4Address: ip }]);
  });

  it('gives every task its own private IP', () => {
    const { sim, subnets } = setup();
    registerTaskDefinition(sim, fargateDef('web'));
    const { tasks } = runTask(sim, {
      taskDefinition: 'web',
      launchType: 'FARGATE',
      count: 10,
      networkConfiguration: awsvpc(subnets),
    });
    sim.advance(20);
    const ips = describeTasks(
      sim,
      tasks.map((t) => t.taskArn ?? ''),
    ).tasks.map((t) => t.attachments?.[0]?.details?.find((d) => d.name === 'privateIPv4Address')?.value);
    expect(new Set(ips).size).toBe(10);
  });

  it('uses Fargate for a FARGATE capacity provider strategy and for the cluster default strategy', () => {
    const { sim, subnets } = setup();
    registerTaskDefinition(sim, fargateDef('web'));
    const viaStrategy = runOne(sim, {
      taskDefinition: 'web',
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
      networkConfiguration: awsvpc(subnets),
    });
    expect(viaStrategy.launchType).toBe('FARGATE');
    sim.call('ecs:CreateCluster', {
      clusterName: 'spot',
      capacityProviders: ['FARGATE', 'FARGATE_SPOT'],
      defaultCapacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }],
    });
    const viaDefault = runOne(sim, { cluster: 'spot', taskDefinition: 'web', networkConfiguration: awsvpc(subnets) });
    expect(viaDefault.launchType).toBe('FARGATE');
  });

  it('keeps startedBy, group, overrides and tags (tags only with include TAGS)', () => {
    const { sim, arn, task } = fargateTask({
      startedBy: 'nightly-job',
      group: 'batch',
      tags: [{ key: 'run', value: '42' }],
      overrides: { containerOverrides: [{ name: 'web', environment: [{ name: 'MODE', value: 'fast' }] }] },
    });
    expect(task).toMatchObject({
      startedBy: 'nightly-job',
      group: 'batch',
      overrides: { containerOverrides: [{ name: 'web', environment: [{ name: 'MODE', value: 'fast' }] }] },
    });
    expect(describeTask(sim, arn)).not.toHaveProperty('tags');
    const withTags = sim.call('ecs:DescribeTasks', { cluster: 'demo', tasks: [arn], include: ['TAGS'] }) as {
      tasks: { tags: unknown }[];
    };
    expect(withTags.tasks[0]?.tags).toEqual([{ key: 'run', value: '42' }]);
    expect(sim.call('ecs:ListTagsForResource', { resourceArn: arn })).toEqual({ tags: [{ key: 'run', value: '42' }] });
  });
});

describe('RunTask errors', () => {
  it.each([
    [
      'an awsvpc definition without networkConfiguration',
      { taskDefinition: 'web', launchType: 'FARGATE' },
      "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
    ],
    [
      'networkConfiguration for a bridge definition',
      { taskDefinition: 'api', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'] } } },
      'Network Configuration is not valid for the given networkMode of this task definition.',
    ],
    [
      'FARGATE with an EC2-only definition',
      { taskDefinition: 'api', launchType: 'FARGATE' },
      'Task definition does not support launch_type FARGATE.',
    ],
    ['count 0', { taskDefinition: 'api', count: 0 }, 'count must be between 1 and 10.'],
    ['count 11', { taskDefinition: 'api', count: 11 }, 'count must be between 1 and 10.'],
    ['an unknown task definition', { taskDefinition: 'nope' }, 'TaskDefinition not found.'],
    ['no task definition', {}, 'TaskDefinition is required.'],
    [
      'both launchType and capacityProviderStrategy',
      { taskDefinition: 'api', launchType: 'EC2', capacityProviderStrategy: [{ capacityProvider: 'FARGATE' }] },
      'Specify either Launch Type or Capacity Provider Strategy, but not both.',
    ],
    [
      'empty subnets',
      { taskDefinition: 'web', launchType: 'FARGATE', networkConfiguration: awsvpc([]) },
      'subnets can not be empty.',
    ],
    [
      'a subnet that does not exist',
      { taskDefinition: 'web', launchType: 'FARGATE', networkConfiguration: awsvpc(['subnet-0000']) },
      "Error retrieving subnet information for [subnet-0000]: The subnet ID 'subnet-0000' does not exist (ECS Error Code: InvalidSubnetID.NotFound)",
    ],
  ])('refuses %s with InvalidParameterException', (_, input, message) => {
    const { sim } = setup({ instances: 1 });
    registerTaskDefinition(sim, fargateDef('web'));
    registerTaskDefinition(sim, ec2Def('api'));
    expectAwsError(() => sim.call('ecs:RunTask', { cluster: 'demo', ...input }), 'InvalidParameterException', message);
    expect(Object.keys(sim.state.tasks)).toEqual([]);
  });

  it('refuses EC2 in a cluster without container instances', () => {
    const { sim } = setup();
    registerTaskDefinition(sim, ec2Def('api'));
    expectAwsError(
      () => sim.call('ecs:RunTask', { cluster: 'demo', taskDefinition: 'api' }),
      'InvalidParameterException',
      'No Container Instances were found in your cluster.',
    );
  });

  it('refuses an unknown cluster with ClusterNotFoundException', () => {
    const { sim } = setup();
    registerTaskDefinition(sim, ec2Def('api'));
    expectAwsError(
      () => sim.call('ecs:RunTask', { cluster: 'nope', taskDefinition: 'api' }),
      'ClusterNotFoundException',
      'Cluster not found.',
    );
  });
});

describe('RunTask on EC2 (bridge)', () => {
  it('starts in PENDING on a container instance, in its Availability Zone', () => {
    const { sim, instances } = setup({ instances: 1 });
    registerTaskDefinition(sim, ec2Def('api'));
    const task = runOne(sim, { taskDefinition: 'api' });
    const instance = first(instances);
    expect(task).toMatchObject({
      lastStatus: 'PENDING',
      desiredStatus: 'RUNNING',
      launchType: 'EC2',
      containerInstanceArn: instance.instance.containerInstanceArn,
      availabilityZone: instance.availabilityZone,
      attachments: [],
    });
    expect(task.containerInstanceArn).toMatch(new RegExp(`^${ARN_PREFIX}:container-instance/demo/[0-9a-f]{32}$`));
    expect(statusTrail(sim, task.taskArn ?? '', 30)).toEqual(['PENDING', 'ACTIVATING', 'RUNNING']);
  });

  it('hands out dynamic host ports from 32768 upwards and frees them when the task stops', () => {
    const { sim, instances } = setup({ instances: 1 });
    registerTaskDefinition(sim, ec2Def('api', { cpu: 128, memory: 128 }));
    const { tasks } = runTask(sim, { taskDefinition: 'api', count: 3 });
    sim.advance(30);
    const ports = describeTasks(
      sim,
      tasks.map((t) => t.taskArn ?? ''),
    ).tasks.map((t) => t.containers?.[0]?.networkBindings?.[0]);
    expect(ports.map((b) => b?.hostPort).sort()).toEqual([32768, 32769, 32770]);
    expect(first(ports)).toMatchObject({ bindIP: '0.0.0.0', containerPort: 80, protocol: 'tcp' });
    const arn = first(instances).instance.containerInstanceArn ?? '';
    expect(remainingPorts(describeInstance(sim, arn))).toEqual(
      expect.arrayContaining(['22', '2375', '2376', '51678', '51679', '32768', '32769', '32770']),
    );
    for (const t of tasks) sim.call('ecs:StopTask', { cluster: 'demo', task: t.taskArn });
    sim.advance(30);
    expect(remainingPorts(describeInstance(sim, arn))).toEqual(['22', '2375', '2376', '51678', '51679']);
  });

  it('binds a fixed hostPort as written in the definition', () => {
    const { sim } = setup({ instances: 1 });
    registerTaskDefinition(sim, ec2Def('api', { portMappings: [{ containerPort: 80, hostPort: 8080 }] }));
    const task = runOne(sim, { taskDefinition: 'api' });
    const running = waitForTask(sim, task.taskArn ?? '', 'RUNNING');
    expect(first(running.containers).networkBindings).toEqual([
      { bindIP: '0.0.0.0', containerPort: 80, hostPort: 8080, protocol: 'tcp' },
    ]);
  });

  it('runs the course example with dynamic ports (awslogs group created first)', () => {
    const { sim } = setup({ instances: 1 });
    createLogGroups(sim, '/ecs/api');
    registerTaskDefinition(sim, example('ec2-bridge-dynamic-ports'));
    const task = runOne(sim, { taskDefinition: 'api' });
    const running = waitForTask(sim, task.taskArn ?? '', 'RUNNING');
    expect(first(running.containers).networkBindings?.[0]?.hostPort).toBe(32768);
    expect(Object.keys(sim.state.logs['/ecs/api']?.streams ?? {})).toEqual([`api/api/${taskIdOf(task.taskArn ?? '')}`]);
  });
});

describe('StartTask', () => {
  it('places a task on the named container instance, or reports MISSING for an unknown one', () => {
    const { sim, instances } = setup({ instances: 2 });
    registerTaskDefinition(sim, ec2Def('api'));
    const target = instances[1]?.instance.containerInstanceArn ?? '';
    const result = sim.call('ecs:StartTask', {
      cluster: 'demo',
      taskDefinition: 'api',
      containerInstances: [target, '0123456789abcdef0123456789abcdef'],
    }) as { tasks: { containerInstanceArn: string; lastStatus: string }[]; failures: unknown[] };
    expect(result.tasks.map((t) => [t.containerInstanceArn, t.lastStatus])).toEqual([[target, 'PENDING']]);
    expect(result.failures).toEqual([{ arn: '0123456789abcdef0123456789abcdef', reason: 'MISSING' }]);
  });

  it('reports an instance without room as a RESOURCE failure', () => {
    const { sim, instances } = setup({ instances: 1, instanceType: 't3.micro' });
    registerTaskDefinition(sim, ec2Def('big', { cpu: 256, memory: 900 }));
    const arn = first(instances).instance.containerInstanceArn ?? '';
    const start = () =>
      sim.call('ecs:StartTask', { cluster: 'demo', taskDefinition: 'big', containerInstances: [arn] }) as {
        tasks: unknown[];
        failures: unknown[];
      };
    expect(start().tasks).toHaveLength(1);
    expect(start()).toEqual({ tasks: [], failures: [{ arn, reason: 'RESOURCE:MEMORY' }] });
  });

  it('needs 1 to 10 container instances', () => {
    const { sim } = setup({ instances: 1 });
    registerTaskDefinition(sim, ec2Def('api'));
    expectAwsError(
      () => sim.call('ecs:StartTask', { cluster: 'demo', taskDefinition: 'api', containerInstances: [] }),
      'InvalidParameterException',
      'containerInstances must list 1 to 10 container instances.',
    );
  });
});

describe('stopping tasks', () => {
  it('StopTask on a running Fargate task: DEACTIVATING → STOPPING → DEPROVISIONING → STOPPED', () => {
    const { sim, arn } = fargateTask();
    waitForTask(sim, arn, 'RUNNING');
    const stopping = (sim.call('ecs:StopTask', { cluster: 'demo', task: arn }) as { task: { lastStatus: string } })
      .task;
    expect(stopping).toMatchObject({
      lastStatus: 'DEACTIVATING',
      desiredStatus: 'STOPPED',
      stopCode: 'UserInitiated',
      stoppedReason: 'Task stopped by user',
    });
    expect(statusTrail(sim, arn, 20)).toEqual(['DEACTIVATING', 'STOPPING', 'DEPROVISIONING', 'STOPPED']);
    const stopped = describeTask(sim, arn);
    expect(stopped.connectivity).toBe('DISCONNECTED');
    expect(first(stopped.attachments).status).toBe('DELETED');
    expect(first(stopped.containers)).toMatchObject({ lastStatus: 'STOPPED', exitCode: 0 });
    const { stoppingAt = 0, executionStoppedAt = 0, stoppedAt = 0 } = stopped;
    expect(stoppingAt).toBeLessThan(executionStoppedAt);
    expect(executionStoppedAt).toBeLessThan(stoppedAt);
  });

  it('StopTask on a bridge task skips DEPROVISIONING (there is no ENI to detach)', () => {
    const { sim } = setup({ instances: 1 });
    registerTaskDefinition(sim, ec2Def('api'));
    const arn = runOne(sim, { taskDefinition: 'api' }).taskArn ?? '';
    waitForTask(sim, arn, 'RUNNING');
    sim.call('ecs:StopTask', { cluster: 'demo', task: arn, reason: 'deploying v2' });
    expect(statusTrail(sim, arn, 20)).toEqual(['DEACTIVATING', 'STOPPING', 'STOPPED']);
    expect(describeTask(sim, arn)).toMatchObject({ stopCode: 'UserInitiated', stoppedReason: 'deploying v2' });
  });

  it('a task stopped before it runs never gets startedAt and is STOPPED soon after', () => {
    const { sim, arn } = fargateTask();
    sim.call('ecs:StopTask', { cluster: 'demo', task: arn });
    const stopped = waitForTask(sim, arn, 'STOPPED', 30);
    expect(stopped.startedAt).toBeUndefined();
    expect(stopped.stopCode).toBe('UserInitiated');
  });

  it('stopping twice keeps the first reason', () => {
    const { sim, arn } = fargateTask();
    sim.call('ecs:StopTask', { cluster: 'demo', task: arn, reason: 'first' });
    sim.call('ecs:StopTask', { cluster: 'demo', task: arn, reason: 'second' });
    expect(waitForTask(sim, arn, 'STOPPED').stoppedReason).toBe('first');
  });

  it('deletes the tags of a task when it stops', () => {
    const { sim, arn } = fargateTask({ tags: [{ key: 'k', value: 'v' }] });
    sim.call('ecs:StopTask', { cluster: 'demo', task: arn });
    waitForTask(sim, arn, 'STOPPED');
    expectAwsError(
      () => sim.call('ecs:ListTagsForResource', { resourceArn: arn }),
      'InvalidParameterException',
      'The specified resource is not found.',
    );
  });

  it.each([
    ['a malformed id', 'not-a-task', 'Task Identifier is invalid'],
    ['an unknown id', '0123456789abcdef0123456789abcdef', 'The referenced task was not found.'],
    [
      'an unknown ARN',
      `${ARN_PREFIX}:task/demo/0123456789abcdef0123456789abcdef`,
      'The referenced task was not found.',
    ],
  ])('refuses %s with InvalidParameterException', (_, task, message) => {
    const { sim } = fargateTask();
    expectAwsError(() => sim.call('ecs:StopTask', { cluster: 'demo', task }), 'InvalidParameterException', message);
  });

  it('does not find a task of another cluster', () => {
    const { sim, arn } = fargateTask();
    sim.call('ecs:CreateCluster', { clusterName: 'other' });
    expectAwsError(
      () => sim.call('ecs:StopTask', { cluster: 'other', task: arn }),
      'InvalidParameterException',
      'The referenced task was not found.',
    );
  });

  it('accepts the task id as well as its ARN', () => {
    const { sim, arn } = fargateTask();
    sim.call('ecs:StopTask', { cluster: 'demo', task: taskIdOf(arn) });
    expect(describeTask(sim, arn).desiredStatus).toBe('STOPPED');
  });
});

describe('tasks that fail or exit by themselves', () => {
  it('an image that cannot be pulled: STOPPED with TaskFailedToStart and CannotPullContainerError', () => {
    const { sim, subnets } = setup();
    registerTaskDefinition(sim, fargateDef('web', { image: 'public.ecr.aws/nope/does-not-exist:1' }));
    const arn =
      runOne(sim, { taskDefinition: 'web', launchType: 'FARGATE', networkConfiguration: awsvpc(subnets) }).taskArn ??
      '';
    const trail = statusTrail(sim, arn, 60);
    expect(trail).toEqual(['PROVISIONING', 'PENDING', 'ACTIVATING', 'STOPPING', 'DEPROVISIONING', 'STOPPED']);
    const task = describeTask(sim, arn);
    expect(task.stopCode).toBe('TaskFailedToStart');
    expect(task.stoppedReason).toMatch(/^CannotPullContainerError: /);
    expect(task.stoppedReason).toContain('public.ecr.aws/nope/does-not-exist:1');
    expect(first(task.containers).reason).toBe(task.stoppedReason);
    expect(task.startedAt).toBeUndefined();
    expect(task.pullStoppedAt).toBeDefined();
  });

  it('an unknown private ECR image cannot be pulled either', () => {
    const { sim, instances } = setup({ instances: 1 });
    registerTaskDefinition(
      sim,
      ec2Def('app', { image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0', portMappings: [] }),
    );
    const arn = runOne(sim, { taskDefinition: 'app' }).taskArn ?? '';
    const task = waitForTask(sim, arn, 'STOPPED');
    expect(task.stopCode).toBe('TaskFailedToStart');
    expect(task.stoppedReason).toMatch(/^CannotPullContainerError: .*app:1\.0: not found$/);
    expect(first(instances).reservedCpu).toBe(0);
  });

  it('busybox running sh -c "sleep 5; exit 1": RUNNING for 5 s, then EssentialContainerExited with exit code 1', () => {
    const { sim, instances } = setup({ instances: 1 });
    registerTaskDefinition(
      sim,
      ec2Def('job', { image: 'busybox', command: ['sh', '-c', 'sleep 5; exit 1'], portMappings: [] }),
    );
    const arn = runOne(sim, { taskDefinition: 'job' }).taskArn ?? '';
    const running = waitForTask(sim, arn, 'RUNNING');
    sim.advance(4);
    expect(describeTask(sim, arn).lastStatus).toBe('RUNNING');
    sim.advance(1);
    const exited = describeTask(sim, arn);
    expect(exited).toMatchObject({
      lastStatus: 'DEACTIVATING',
      desiredStatus: 'STOPPED',
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
      stoppingAt: (running.startedAt ?? 0) + 5,
    });
    expect(first(exited.containers)).toMatchObject({ lastStatus: 'STOPPED', exitCode: 1 });
    const stopped = waitForTask(sim, arn, 'STOPPED');
    expect(first(stopped.containers).exitCode).toBe(1);
    expect(first(instances).reservedMemory).toBe(0);
  });

  it('alpine without a command exits at once with code 0: the task stops as EssentialContainerExited', () => {
    const { sim } = setup({ instances: 1 });
    registerTaskDefinition(sim, ec2Def('tool', { image: 'alpine:3.20', portMappings: [] }));
    const arn = runOne(sim, { taskDefinition: 'tool' }).taskArn ?? '';
    const stopped = waitForTask(sim, arn, 'STOPPED');
    expect(stopped).toMatchObject({
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
    });
    expect(first(stopped.containers).exitCode).toBe(0);
    expect(stopped.startedAt).toBeDefined();
  });

  it('a command override changes what the container does', () => {
    const { sim } = setup({ instances: 1 });
    registerTaskDefinition(sim, ec2Def('tool', { image: 'alpine:3.20', portMappings: [] }));
    const arn =
      runOne(sim, {
        taskDefinition: 'tool',
        overrides: { containerOverrides: [{ name: 'tool', command: ['sleep', '30'] }] },
      }).taskArn ?? '';
    const running = waitForTask(sim, arn, 'RUNNING');
    sim.advance(29);
    expect(describeTask(sim, arn).lastStatus).toBe('RUNNING');
    sim.advance(1);
    expect(describeTask(sim, arn)).toMatchObject({
      stopCode: 'EssentialContainerExited',
      stoppingAt: (running.startedAt ?? 0) + 30,
    });
  });

  it('a non-essential container that exits leaves the task running', () => {
    const { sim } = setup({ instances: 1 });
    registerTaskDefinition(sim, {
      family: 'pair',
      containerDefinitions: [
        container('web'),
        container('init', { image: 'busybox', essential: false, command: ['sh', '-c', 'exit 3'], portMappings: [] }),
      ],
    });
    const arn = runOne(sim, { taskDefinition: 'pair' }).taskArn ?? '';
    waitForTask(sim, arn, 'RUNNING');
    sim.advance(10);
    const task = describeTask(sim, arn);
    expect(task.lastStatus).toBe('RUNNING');
    expect(task.containers?.map((c) => [c.name, c.lastStatus, c.exitCode])).toEqual([
      ['web', 'RUNNING', undefined],
      ['init', 'STOPPED', 3],
    ]);
  });

  it('an awslogs container whose log group does not exist fails with ResourceInitializationError', () => {
    const { sim, subnets } = setup();
    registerTaskDefinition(sim, example('fargate-web'));
    const arn =
      runOne(sim, { taskDefinition: 'web', launchType: 'FARGATE', networkConfiguration: awsvpc(subnets) }).taskArn ??
      '';
    const task = waitForTask(sim, arn, 'STOPPED');
    expect(task.stopCode).toBe('TaskFailedToStart');
    expect(task.stoppedReason).toMatch(
      /^ResourceInitializationError: .*ResourceNotFoundException: The specified log group does not exist/,
    );
  });

  it('the same definition runs once its log group exists, and awslogs-create-group creates one', () => {
    const { sim, subnets } = setup();
    createLogGroups(sim, '/ecs/web');
    registerTaskDefinition(sim, example('fargate-web'));
    registerTaskDefinition(sim, example('awslogs-logging'));
    const network = awsvpc(subnets);
    const web = runOne(sim, { taskDefinition: 'web', launchType: 'FARGATE', networkConfiguration: network });
    const worker = runOne(sim, { taskDefinition: 'worker', launchType: 'FARGATE', networkConfiguration: network });
    expect(waitForTask(sim, web.taskArn ?? '', 'RUNNING').lastStatus).toBe('RUNNING');
    expect(waitForTask(sim, worker.taskArn ?? '', 'RUNNING').lastStatus).toBe('RUNNING');
    expect(Object.keys(sim.state.logs).sort()).toEqual(['/ecs/web', '/ecs/worker']);
  });
});

describe('container health checks', () => {
  const healthCheck = (command: string[]) => ({ command, interval: 30, timeout: 5, retries: 3, startPeriod: 10 });

  it('a passing check makes the container and the task HEALTHY once the start period and a check have passed', () => {
    const { sim } = setup({ instances: 1 });
    registerTaskDefinition(
      sim,
      ec2Def('web', {
        image: 'nginx:1.27',
        portMappings: [],
        healthCheck: healthCheck(['CMD-SHELL', 'curl -f http://localhost/ || exit 1']),
      }),
    );
    const arn = runOne(sim, { taskDefinition: 'web' }).taskArn ?? '';
    const running = waitForTask(sim, arn, 'RUNNING');
    expect([running.healthStatus, first(running.containers).healthStatus]).toEqual(['UNKNOWN', 'UNKNOWN']);
    sim.advance(19);
    expect(describeTask(sim, arn).healthStatus).toBe('UNKNOWN');
    sim.advance(1);
    const healthy = describeTask(sim, arn);
    expect([healthy.healthStatus, first(healthy.containers).healthStatus]).toEqual(['HEALTHY', 'HEALTHY']);
  });

  it('a check that always fails never makes the task HEALTHY', () => {
    const { sim } = setup({ instances: 1 });
    registerTaskDefinition(
      sim,
      ec2Def('sick', { image: 'nginx:1.27', portMappings: [], healthCheck: healthCheck(['CMD-SHELL', 'exit 1']) }),
    );
    const arn = runOne(sim, { taskDefinition: 'sick' }).taskArn ?? '';
    waitForTask(sim, arn, 'RUNNING');
    sim.advance(300);
    const task = describeTask(sim, arn);
    expect(task.lastStatus).toBe('RUNNING');
    expect(task.healthStatus).not.toBe('HEALTHY');
  });
});

describe('DescribeTasks', () => {
  it('finds tasks by ARN or id and reports unknown ones as MISSING with a task ARN', () => {
    const { sim, arn } = fargateTask();
    const unknown = '0123456789abcdef0123456789abcdef';
    const result = describeTasks(sim, [taskIdOf(arn), unknown, `${ARN_PREFIX}:task/demo/${'f'.repeat(32)}`]);
    expect(result.tasks.map((t) => t.taskArn)).toEqual([arn]);
    expect(result.failures).toEqual([
      { arn: `${ARN_PREFIX}:task/demo/${unknown}`, reason: 'MISSING' },
      { arn: `${ARN_PREFIX}:task/demo/${'f'.repeat(32)}`, reason: 'MISSING' },
    ]);
  });

  it('keeps stopped tasks describable', () => {
    const { sim, arn } = fargateTask();
    sim.call('ecs:StopTask', { cluster: 'demo', task: arn });
    sim.advance(3600);
    expect(describeTask(sim, arn).lastStatus).toBe('STOPPED');
  });

  it('refuses an empty list and more than 100 tasks', () => {
    const { sim } = setup();
    expectAwsError(() => describeTasks(sim, []), 'InvalidParameterException', 'Tasks cannot be empty.');
    expectAwsError(
      () =>
        describeTasks(
          sim,
          Array.from({ length: 101 }, (_, i) => i.toString(16).padStart(32, '0')),
        ),
      'InvalidParameterException',
      'At most 100 tasks can be described at once.',
    );
  });
});

describe('ListTasks', () => {
  function several() {
    const s = setup({ instances: 2 });
    registerTaskDefinition(s.sim, ec2Def('api', { cpu: 128, memory: 128 }));
    registerTaskDefinition(s.sim, fargateDef('web'));
    const api = runOne(s.sim, { taskDefinition: 'api', startedBy: 'ci' });
    const api2 = runOne(s.sim, { taskDefinition: 'api' });
    const web = runOne(s.sim, {
      taskDefinition: 'web',
      launchType: 'FARGATE',
      networkConfiguration: awsvpc(s.subnets),
    });
    return { ...s, api: api.taskArn ?? '', api2: api2.taskArn ?? '', web: web.taskArn ?? '', apiTask: api };
  }

  it('lists the tasks whose desiredStatus is RUNNING by default, and STOPPED ones on request', () => {
    const { sim, api, api2, web } = several();
    sim.call('ecs:StopTask', { cluster: 'demo', task: api2 });
    expect(listTasks(sim).sort()).toEqual([api, web].sort());
    expect(listTasks(sim, { desiredStatus: 'STOPPED' })).toEqual([api2]);
    expect(listTasks(sim, { desiredStatus: 'PENDING' })).toEqual([]);
  });

  it('filters by family, startedBy, launchType and container instance', () => {
    const { sim, api, api2, web, apiTask } = several();
    expect(listTasks(sim, { family: 'api' }).sort()).toEqual([api, api2].sort());
    expect(listTasks(sim, { startedBy: 'ci' })).toEqual([api]);
    expect(listTasks(sim, { launchType: 'FARGATE' })).toEqual([web]);
    const onInstance = listTasks(sim, { containerInstance: apiTask.containerInstanceArn });
    expect(onInstance).toContain(api);
    expect(onInstance).not.toContain(web);
  });

  it('refuses a family with characters outside [a-zA-Z0-9-_]', () => {
    const { sim } = setup();
    expectAwsError(
      () => listTasks(sim, { family: 'api:1' }),
      'InvalidParameterException',
      'family must match ^[a-zA-Z0-9\\-_]+$',
    );
  });
});
