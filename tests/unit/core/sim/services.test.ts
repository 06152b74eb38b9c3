import { describe, expect, it } from 'vitest';
import type { Service } from '../../../../src/core/ecs/generated/ecs-types.ts';
import { registerInstances, type Simulator } from '../../../../src/core/sim/index.ts';
import {
  ARN_PREFIX,
  awsvpc,
  createService,
  describeService,
  describeTask,
  ec2Def,
  expectAwsError,
  fargateDef,
  first,
  type Json,
  registerTaskDefinition,
  START,
  serviceTasks,
  setup,
  taskIdOf,
  tasksPerInstance,
  updateService,
} from './helpers.ts';

const messages = (service: Service) => (service.events ?? []).map((e) => e.message ?? '');
const svcArn = (name: string, cluster = 'demo') => `${ARN_PREFIX}:service/${cluster}/${name}`;
/** Tasks of a service the scheduler wants running. */
const live = (sim: Simulator, name: string) =>
  serviceTasks(sim, name).filter((t) => t.task.desiredStatus === 'RUNNING');
const running = (sim: Simulator, name: string) => live(sim, name).filter((t) => t.task.lastStatus === 'RUNNING');
const STEADY = (name: string) => `(service ${name}) has reached a steady state.`;

/** Two t3.medium instances, the api family (httpd, 128 CPU units, 128 MiB) at revisions 1 and 2. */
function withApi(options: { instances?: number } = {}) {
  const s = setup({ instances: options.instances ?? 2 });
  registerTaskDefinition(s.sim, ec2Def('api', { cpu: 128, memory: 128 }));
  registerTaskDefinition(s.sim, ec2Def('api', { cpu: 128, memory: 128, image: 'public.ecr.aws/nginx/nginx:1.27' }));
  return s;
}

/** Creates the api service and lets it settle. */
function steadyApi(desiredCount: number, extra: Json = {}) {
  const s = withApi();
  createService(s.sim, { serviceName: 'api', taskDefinition: 'api:1', desiredCount, ...extra });
  const settled = s.sim.advanceUntil(() => messages(describeService(s.sim, 'api')).includes(STEADY('api')), 300);
  expect(settled).toBe(true);
  return s;
}

describe('CreateService', () => {
  it('returns the service as AWS does at creation: counts 0, no events, one PRIMARY deployment IN_PROGRESS', () => {
    const { sim } = withApi();
    const service = createService(sim, { serviceName: 'api', taskDefinition: 'api', desiredCount: 2 });
    const deployment = first(service.deployments, 'deployment');
    expect(service).toMatchObject({
      serviceArn: svcArn('api'),
      serviceName: 'api',
      clusterArn: `${ARN_PREFIX}:cluster/demo`,
      status: 'ACTIVE',
      desiredCount: 2,
      runningCount: 0,
      pendingCount: 0,
      events: [],
      launchType: 'EC2',
      schedulingStrategy: 'REPLICA',
      taskDefinition: `${ARN_PREFIX}:task-definition/api:2`,
      deploymentConfiguration: {
        maximumPercent: 200,
        minimumHealthyPercent: 100,
        deploymentCircuitBreaker: { enable: false, rollback: false },
      },
      deploymentController: { type: 'ECS' },
      createdAt: START,
    });
    expect(service.deployments).toHaveLength(1);
    expect(deployment.id).toMatch(/^ecs-svc\/\d{19}$/);
    expect(deployment).toMatchObject({
      status: 'PRIMARY',
      taskDefinition: `${ARN_PREFIX}:task-definition/api:2`,
      desiredCount: 2,
      runningCount: 0,
      pendingCount: 0,
      failedTasks: 0,
      rolloutState: 'IN_PROGRESS',
      rolloutStateReason: `ECS deployment ${deployment.id} in progress.`,
    });
  });

  it.each<[string, Json, string]>([
    [
      'no desiredCount for a REPLICA service',
      { serviceName: 'x', taskDefinition: 'api' },
      'The desired count must be specified for services using the REPLICA scheduling strategy.',
    ],
    [
      'an unknown task definition',
      { serviceName: 'x', taskDefinition: 'nope', desiredCount: 1 },
      'TaskDefinition not found.',
    ],
    [
      'a name with a space',
      { serviceName: 'my api', taskDefinition: 'api', desiredCount: 1 },
      'Service name can have up to 255 characters: letters (uppercase and lowercase), numbers, underscores and hyphens.',
    ],
    [
      'awsvpc without networkConfiguration',
      { serviceName: 'x', taskDefinition: 'web', desiredCount: 1, launchType: 'FARGATE' },
      "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
    ],
    [
      'networkConfiguration for a bridge definition',
      { serviceName: 'x', taskDefinition: 'api', desiredCount: 1, networkConfiguration: awsvpc(['subnet-1']) },
      'Network Configuration is not valid for the given networkMode of this task definition.',
    ],
    [
      'FARGATE with an EC2-only definition',
      { serviceName: 'x', taskDefinition: 'api', desiredCount: 1, launchType: 'FARGATE' },
      'Task definition does not support launch_type FARGATE.',
    ],
    [
      'a DAEMON on FARGATE',
      {
        serviceName: 'x',
        taskDefinition: 'web',
        schedulingStrategy: 'DAEMON',
        launchType: 'FARGATE',
        networkConfiguration: awsvpc(['s']),
      },
      'The daemon scheduling strategy does not support the FARGATE launch type.',
    ],
  ])('refuses %s with InvalidParameterException', (_, input, message) => {
    const { sim } = withApi();
    registerTaskDefinition(sim, fargateDef('web'));
    expectAwsError(() => createService(sim, input), 'InvalidParameterException', message);
    expect(sim.state.services).toEqual({});
  });

  it('refuses a second service of the same name: Creation of service was not idempotent.', () => {
    const { sim } = withApi();
    createService(sim, { serviceName: 'api', taskDefinition: 'api', desiredCount: 1 });
    expectAwsError(
      () => createService(sim, { serviceName: 'api', taskDefinition: 'api', desiredCount: 1 }),
      'InvalidParameterException',
      'Creation of service was not idempotent.',
    );
  });

  it('allows the same service name in another cluster', () => {
    const { sim } = withApi();
    sim.call('ecs:CreateCluster', { clusterName: 'other' });
    createService(sim, { serviceName: 'api', taskDefinition: 'api', desiredCount: 0 });
    const other = createService(sim, { cluster: 'other', serviceName: 'api', taskDefinition: 'api', desiredCount: 0 });
    expect(other.serviceArn).toBe(svcArn('api', 'other'));
  });
});

describe('the service scheduler', () => {
  it('starts desiredCount tasks and writes AWS’s events: started, deployment completed, steady state', () => {
    const { sim } = steadyApi(2);
    const service = describeService(sim, 'api');
    const ids = serviceTasks(sim, 'api').map((t) => taskIdOf(t.task.taskArn ?? ''));
    const deployment = first(service.deployments);
    expect(messages(service)).toEqual([
      STEADY('api'),
      `(service api) (deployment ${deployment.id}) deployment completed.`,
      `(service api) has started 2 tasks: (task ${ids[0]}) (task ${ids[1]}).`,
    ]);
    expect(service).toMatchObject({ runningCount: 2, pendingCount: 0 });
    expect(deployment).toMatchObject({
      runningCount: 2,
      rolloutState: 'COMPLETED',
      rolloutStateReason: `ECS deployment ${deployment.id} completed.`,
    });
    for (const e of service.events ?? []) {
      expect(e.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(e.createdAt).toBeGreaterThanOrEqual(START);
    }
    const times = (service.events ?? []).map((e) => e.createdAt ?? 0);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('tasks of a service carry the deployment id as startedBy and service:<name> as group', () => {
    const { sim } = steadyApi(2);
    const deployment = first(describeService(sim, 'api').deployments);
    for (const t of serviceTasks(sim, 'api')) {
      expect(t.task.startedBy).toBe(deployment.id);
      expect(t.task.group).toBe('service:api');
    }
    const listed = (sim.call('ecs:ListTasks', { cluster: 'demo', serviceName: 'api' }) as { taskArns: string[] })
      .taskArns;
    expect(listed.sort()).toEqual(
      serviceTasks(sim, 'api')
        .map((t) => t.task.taskArn)
        .sort(),
    );
  });

  it('reaches a steady state only once the tasks have run 40 s (no health check, no load balancer)', () => {
    const { sim } = withApi();
    createService(sim, { serviceName: 'api', taskDefinition: 'api:1', desiredCount: 1 });
    sim.advanceUntil(() => running(sim, 'api').length === 1, 60);
    const since = first(running(sim, 'api')).runningSince ?? 0;
    sim.advanceUntil(() => messages(describeService(sim, 'api')).includes(STEADY('api')), 120);
    const steadyAt = describeService(sim, 'api').events?.[0]?.createdAt ?? 0;
    expect(steadyAt - since).toBeGreaterThanOrEqual(40);
    expect(steadyAt - since).toBeLessThan(50);
  });

  it('replaces a task that was stopped (auto-recovery) and settles again', () => {
    const { sim } = steadyApi(3);
    const victim = first(running(sim, 'api'));
    sim.call('ecs:StopTask', { cluster: 'demo', task: victim.task.taskArn });
    sim.advance(120);
    const service = describeService(sim, 'api');
    expect(service.runningCount).toBe(3);
    expect(running(sim, 'api').map((t) => t.task.taskArn)).not.toContain(victim.task.taskArn);
    const replacement = running(sim, 'api').find((t) => (t.runningSince ?? 0) > (victim.runningSince ?? 0));
    expect(messages(service)).toContain(
      `(service api) has started 1 tasks: (task ${taskIdOf(replacement?.task.taskArn ?? '')}).`,
    );
    expect(messages(service)[0]).toBe(STEADY('api'));
    expect(describeTask(sim, victim.task.taskArn ?? '')).toMatchObject({
      lastStatus: 'STOPPED',
      stopCode: 'UserInitiated',
    });
  });

  it('scales in with ServiceSchedulerInitiated stops and a "has stopped" event', () => {
    const { sim } = steadyApi(3);
    const deployment = first(describeService(sim, 'api').deployments);
    updateService(sim, { service: 'api', desiredCount: 1 });
    sim.advance(60);
    const service = describeService(sim, 'api');
    expect(service).toMatchObject({ desiredCount: 1, runningCount: 1 });
    const stopped = serviceTasks(sim, 'api').filter((t) => t.task.desiredStatus === 'STOPPED');
    expect(stopped).toHaveLength(2);
    for (const t of stopped)
      expect(t.task).toMatchObject({
        stopCode: 'ServiceSchedulerInitiated',
        stoppedReason: `Scaling activity initiated by (deployment ${deployment.id})`,
      });
    expect(messages(service)).toContain(
      `(service api) has stopped 2 running tasks: ${stopped.map((t) => `(task ${taskIdOf(t.task.taskArn ?? '')})`).join(' ')}.`,
    );
  });

  it('scales out to the new desiredCount', () => {
    const { sim } = steadyApi(1);
    updateService(sim, { service: 'api', desiredCount: 4 });
    sim.advance(90);
    expect(describeService(sim, 'api')).toMatchObject({ desiredCount: 4, runningCount: 4, pendingCount: 0 });
  });

  it('says why it cannot place a task, naming the closest instance, and catches up when capacity arrives', () => {
    const { sim } = setup({ instances: 1, instanceType: 't3.micro' });
    registerTaskDefinition(sim, ec2Def('api', { cpu: 128, memory: 400 }));
    createService(sim, { serviceName: 'api', taskDefinition: 'api', desiredCount: 3 });
    sim.advance(60);
    const instanceId = taskIdOf(Object.keys(sim.state.containerInstances)[0] ?? '');
    expect(describeService(sim, 'api').runningCount).toBe(2);
    expect(messages(describeService(sim, 'api'))).toContain(
      `service api was unable to place a task because no container instance met all of its requirements. Reason: The closest matching container-instance ${instanceId} has insufficient memory available. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
    );
    registerInstances(sim, 'demo', 1, 't3.micro');
    sim.advance(60);
    expect(describeService(sim, 'api').runningCount).toBe(3);
  });

  it('with no container instances at all, says so in AWS’s words', () => {
    const { sim } = setup();
    registerTaskDefinition(sim, ec2Def('api'));
    createService(sim, { serviceName: 'api', taskDefinition: 'api', desiredCount: 1 });
    sim.advance(10);
    expect(messages(describeService(sim, 'api'))[0]).toBe(
      'service api was unable to place a task because no container instance met all of its requirements. Reason: No Container Instances were found in your cluster. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.',
    );
  });

  it('runs a Fargate service in the subnets of its network configuration', () => {
    const { sim, subnets } = setup();
    registerTaskDefinition(sim, fargateDef('web'));
    const network = awsvpc([subnets[0] ?? '', subnets[2] ?? ''], { assignPublicIp: 'ENABLED' });
    const service = createService(sim, {
      serviceName: 'web',
      taskDefinition: 'web',
      desiredCount: 4,
      launchType: 'FARGATE',
      networkConfiguration: network,
    });
    expect(service).toMatchObject({ launchType: 'FARGATE', platformVersion: 'LATEST', networkConfiguration: network });
    expect(first(service.deployments)).toMatchObject({ platformVersion: '1.4.0', networkConfiguration: network });
    sim.advance(90);
    expect(describeService(sim, 'web').runningCount).toBe(4);
    const used = new Set(
      running(sim, 'web').map((t) => t.task.attachments?.[0]?.details?.find((d) => d.name === 'subnetId')?.value),
    );
    for (const subnet of used) expect([subnets[0], subnets[2]]).toContain(subnet);
  });

  it('replaces the tasks on a DRAINING instance with tasks elsewhere', () => {
    const { sim, instances } = withApi({ instances: 2 });
    createService(sim, {
      serviceName: 'api',
      taskDefinition: 'api:1',
      desiredCount: 4,
      placementStrategy: [{ type: 'spread', field: 'instanceId' }],
    });
    sim.advance(90);
    expect(tasksPerInstance(sim, 'api', instances)).toEqual([2, 2]);
    sim.call('ecs:UpdateContainerInstancesState', {
      cluster: 'demo',
      containerInstances: [instances[0]?.instance.containerInstanceArn],
      status: 'DRAINING',
    });
    sim.advance(180);
    expect(tasksPerInstance(sim, 'api', instances)).toEqual([0, 4]);
    expect(describeService(sim, 'api').runningCount).toBe(4);
  });
});

describe('rolling deployments', () => {
  /** Steps a deployment second by second, recording the extremes the brief asks about. */
  function watch(sim: Simulator, seconds: number) {
    let most = 0;
    let fewestRunning = Number.POSITIVE_INFINITY;
    for (let i = 0; i < seconds; i++) {
      sim.advance(1);
      most = Math.max(most, live(sim, 'api').length);
      fewestRunning = Math.min(fewestRunning, running(sim, 'api').length);
    }
    return { most, fewestRunning };
  }

  it('keeps the minimum running when the update comes while the old tasks are still warming up', () => {
    const { sim } = withApi();
    createService(sim, {
      serviceName: 'api',
      taskDefinition: 'api:1',
      desiredCount: 4,
      deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 100 },
    });
    // Right after all four run (as aws ecs wait services-stable returns), before they count as healthy.
    expect(sim.advanceUntil(() => running(sim, 'api').length === 4, 300)).toBe(true);
    updateService(sim, { service: 'api', taskDefinition: 'api:2' });
    const { fewestRunning } = watch(sim, 300);
    expect(fewestRunning).toBeGreaterThanOrEqual(2);
    expect(first(describeService(sim, 'api').deployments)).toMatchObject({
      rolloutState: 'COMPLETED',
      runningCount: 4,
    });
  });

  it('min 50 % / max 100 % with 4 tasks: never more than 4 tasks, never fewer than 2 running, ends on the new revision', () => {
    const { sim } = steadyApi(4, { deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 100 } });
    const old = first(describeService(sim, 'api').deployments);
    const updated = updateService(sim, { service: 'api', taskDefinition: 'api:2' });
    expect(updated.deployments?.map((d) => d.status)).toEqual(['PRIMARY', 'ACTIVE']);
    expect(updated.deployments?.[1]?.id).toBe(old.id);
    const { most, fewestRunning } = watch(sim, 300);
    expect(most).toBeLessThanOrEqual(4);
    expect(fewestRunning).toBeGreaterThanOrEqual(2);
    const service = describeService(sim, 'api');
    expect(service.taskDefinition).toBe(`${ARN_PREFIX}:task-definition/api:2`);
    expect(service.deployments).toHaveLength(1);
    expect(first(service.deployments)).toMatchObject({ status: 'PRIMARY', rolloutState: 'COMPLETED', runningCount: 4 });
    expect(running(sim, 'api').map((t) => t.task.taskDefinitionArn)).toEqual(
      Array(4).fill(`${ARN_PREFIX}:task-definition/api:2`),
    );
    expect(messages(service)[0]).toBe(STEADY('api'));
  });

  it('the defaults (min 100 % / max 200 %): never fewer than 4 running, never more than 8 tasks', () => {
    const { sim } = steadyApi(4);
    updateService(sim, { service: 'api', taskDefinition: 'api:2' });
    const { most, fewestRunning } = watch(sim, 300);
    expect(most).toBeLessThanOrEqual(8);
    expect(fewestRunning).toBeGreaterThanOrEqual(4);
    expect(running(sim, 'api').map((t) => t.task.taskDefinitionArn)).toEqual(
      Array(4).fill(`${ARN_PREFIX}:task-definition/api:2`),
    );
  });

  it('forceNewDeployment starts a new deployment of the same revision and replaces every task', () => {
    const { sim } = steadyApi(2);
    const before = running(sim, 'api').map((t) => t.task.taskArn);
    const old = first(describeService(sim, 'api').deployments);
    sim.advance(10);
    const updated = updateService(sim, { service: 'api', forceNewDeployment: true });
    const fresh = first(updated.deployments);
    expect(fresh.id).not.toBe(old.id);
    expect(fresh.taskDefinition).toBe(old.taskDefinition);
    expect(fresh.createdAt).toBeGreaterThan(old.createdAt ?? 0);
    sim.advance(200);
    const after = running(sim, 'api').map((t) => t.task.taskArn);
    expect(after).toHaveLength(2);
    for (const arn of after) expect(before).not.toContain(arn);
  });

  it('the circuit breaker fails a deployment whose image cannot be pulled and rolls back', () => {
    const { sim } = steadyApi(4, {
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
    });
    const good = first(describeService(sim, 'api').deployments);
    registerTaskDefinition(sim, ec2Def('api', { cpu: 128, memory: 128, image: 'public.ecr.aws/nope/missing:9' }));
    const updated = updateService(sim, { service: 'api', taskDefinition: 'api:3' });
    const bad = first(updated.deployments);
    sim.advance(600);
    const service = describeService(sim, 'api');
    expect(messages(service)).toContain(
      `(service api) (deployment ${bad.id}) deployment failed: tasks failed to start.`,
    );
    expect(messages(service)).toContain(`(service api) rolling back to deployment ${good.id}.`);
    expect(service.taskDefinition).toBe(`${ARN_PREFIX}:task-definition/api:1`);
    expect(service.runningCount).toBe(4);
    expect(running(sim, 'api').every((t) => t.task.taskDefinitionArn === `${ARN_PREFIX}:task-definition/api:1`)).toBe(
      true,
    );
    expect(messages(service)[0]).toBe(STEADY('api'));
    // At least the breaker's threshold (3) failed to start; the rollback stopped any still starting.
    const ofBad = serviceTasks(sim, 'api').filter((t) => t.deploymentId === bad.id);
    const failed = ofBad.filter((t) => t.task.stopCode === 'TaskFailedToStart');
    expect(failed.length).toBeGreaterThanOrEqual(3);
    for (const t of failed) expect(t.task.stoppedReason).toMatch(/^CannotPullContainerError: /);
    for (const t of ofBad) expect(t.task.lastStatus).toBe('STOPPED');
    expect(ofBad.filter((t) => !failed.includes(t)).every((t) => t.task.stopCode === 'ServiceSchedulerInitiated')).toBe(
      true,
    );
  });

  it('without rollback the breaker leaves the deployment FAILED and the old tasks running', () => {
    const { sim } = steadyApi(2, {
      deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: false } },
    });
    registerTaskDefinition(sim, ec2Def('api', { cpu: 128, memory: 128, image: 'public.ecr.aws/nope/missing:9' }));
    updateService(sim, { service: 'api', taskDefinition: 'api:3' });
    sim.advance(600);
    const service = describeService(sim, 'api');
    const primary = first(service.deployments);
    expect(primary).toMatchObject({
      status: 'PRIMARY',
      rolloutState: 'FAILED',
      rolloutStateReason: 'ECS deployment circuit breaker: tasks failed to start.',
    });
    expect(primary.failedTasks).toBeGreaterThanOrEqual(3);
    expect(running(sim, 'api').map((t) => t.task.taskDefinitionArn)).toEqual(
      Array(2).fill(`${ARN_PREFIX}:task-definition/api:1`),
    );
    const launched = serviceTasks(sim, 'api').length;
    sim.advance(300);
    expect(serviceTasks(sim, 'api').length).toBe(launched);
  });

  it('a task that exits at once never makes the service steady: it is unable to consistently start tasks', () => {
    const { sim } = setup({ instances: 1 });
    registerTaskDefinition(sim, ec2Def('job', { image: 'busybox', command: ['sh', '-c', 'exit 1'], portMappings: [] }));
    createService(sim, { serviceName: 'job', taskDefinition: 'job', desiredCount: 1 });
    sim.advance(300);
    const service = describeService(sim, 'job');
    expect(messages(service)).toContain('(service job) is unable to consistently start tasks successfully.');
    expect(messages(service)).not.toContain(STEADY('job'));
    expect(first(service.deployments).rolloutState).toBe('IN_PROGRESS');
    const stopped = serviceTasks(sim, 'job').filter((t) => t.task.lastStatus === 'STOPPED');
    expect(stopped.length).toBeGreaterThan(3);
    expect(first(stopped).task).toMatchObject({
      stopCode: 'EssentialContainerExited',
      stoppedReason: 'Essential container in task exited',
    });
  });

  it('with a container health check, a deployment waits for HEALTHY tasks before stopping old ones', () => {
    const { sim } = steadyApi(2);
    registerTaskDefinition(
      sim,
      ec2Def('api', {
        cpu: 128,
        memory: 128,
        image: 'nginx:1.27',
        healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], interval: 30, startPeriod: 60 },
      }),
    );
    updateService(sim, { service: 'api', taskDefinition: 'api:3' });
    // The new tasks run within about 10 s but only pass their check 70 s after that.
    sim.advance(60);
    const revisions = () => running(sim, 'api').map((t) => t.task.taskDefinitionArn?.split(':').at(-1));
    expect(revisions().sort()).toEqual(['1', '1', '3', '3']);
    sim.advance(120);
    expect(revisions()).toEqual(['3', '3']);
    expect(running(sim, 'api').every((t) => t.task.healthStatus === 'HEALTHY')).toBe(true);
  });

  it('a service whose health check never passes never reaches a steady state', () => {
    const { sim } = setup({ instances: 1 });
    registerTaskDefinition(
      sim,
      ec2Def('sick', { image: 'nginx:1.27', portMappings: [], healthCheck: { command: ['CMD-SHELL', 'exit 1'] } }),
    );
    createService(sim, { serviceName: 'sick', taskDefinition: 'sick', desiredCount: 1 });
    sim.advance(300);
    const service = describeService(sim, 'sick');
    expect(service.runningCount).toBe(1);
    expect(messages(service)).not.toContain(STEADY('sick'));
    expect(first(service.deployments).rolloutState).toBe('IN_PROGRESS');
  });

  it('keeps at most 100 events, newest first', () => {
    const { sim } = setup({ instances: 1 });
    registerTaskDefinition(sim, ec2Def('job', { image: 'busybox', command: ['sh', '-c', 'exit 1'], portMappings: [] }));
    createService(sim, { serviceName: 'job', taskDefinition: 'job', desiredCount: 1 });
    sim.advance(1200);
    const events = describeService(sim, 'job').events ?? [];
    expect(events).toHaveLength(100);
    expect(events[0]?.createdAt).toBeGreaterThan(events[99]?.createdAt ?? 0);
  });
});

describe('DAEMON services', () => {
  function daemon(instances: number) {
    const s = setup({ instances });
    registerTaskDefinition(
      s.sim,
      ec2Def('agent', { image: 'amazon/aws-for-fluent-bit', cpu: 64, memory: 64, portMappings: [] }),
    );
    const service = createService(s.sim, {
      serviceName: 'agent',
      taskDefinition: 'agent',
      schedulingStrategy: 'DAEMON',
    });
    s.sim.advance(60);
    return { ...s, service };
  }

  it('runs exactly one task on every instance, even with two instances in one zone', () => {
    const { sim, instances, service } = daemon(4);
    expect(service.deploymentConfiguration).toMatchObject({ maximumPercent: 100, minimumHealthyPercent: 0 });
    expect(tasksPerInstance(sim, 'agent', instances)).toEqual([1, 1, 1, 1]);
    expect(describeService(sim, 'agent')).toMatchObject({ desiredCount: 4, runningCount: 4 });
  });

  it('starts a task on an instance that joins the cluster later', () => {
    const { sim, instances } = daemon(2);
    const added = registerInstances(sim, 'demo', 1, 't3.small');
    sim.advance(60);
    expect(tasksPerInstance(sim, 'agent', [...instances, ...added])).toEqual([1, 1, 1]);
    expect(describeService(sim, 'agent').desiredCount).toBe(3);
  });

  it('stops the task of an instance that is drained and does not put it elsewhere', () => {
    const { sim, instances } = daemon(3);
    sim.call('ecs:UpdateContainerInstancesState', {
      cluster: 'demo',
      containerInstances: [instances[1]?.instance.containerInstanceArn],
      status: 'DRAINING',
    });
    sim.advance(60);
    expect(tasksPerInstance(sim, 'agent', instances)).toEqual([1, 0, 1]);
    expect(describeService(sim, 'agent').desiredCount).toBe(2);
  });

  it('comes back to an instance that is made ACTIVE again', () => {
    const { sim, instances } = daemon(2);
    const arn = instances[0]?.instance.containerInstanceArn;
    sim.call('ecs:UpdateContainerInstancesState', { cluster: 'demo', containerInstances: [arn], status: 'DRAINING' });
    sim.advance(60);
    expect(tasksPerInstance(sim, 'agent', instances)).toEqual([0, 1]);
    sim.call('ecs:UpdateContainerInstancesState', { cluster: 'demo', containerInstances: [arn], status: 'ACTIVE' });
    sim.advance(60);
    expect(tasksPerInstance(sim, 'agent', instances)).toEqual([1, 1]);
  });

  it('can be deleted without scaling to 0 first', () => {
    const { sim } = daemon(2);
    expect(
      (sim.call('ecs:DeleteService', { cluster: 'demo', service: 'agent' }) as { service: Service }).service.status,
    ).toBe('DRAINING');
  });
});

describe('UpdateService, DeleteService, DescribeServices, ListServices', () => {
  it('UpdateService and DeleteService of an unknown service: ServiceNotFoundException', () => {
    const { sim } = withApi();
    for (const operation of ['ecs:UpdateService', 'ecs:DeleteService'])
      expectAwsError(
        () => sim.call(operation, { cluster: 'demo', service: 'nope', desiredCount: 1 }),
        'ServiceNotFoundException',
        'Service not found.',
      );
  });

  it('checks the cluster before the service', () => {
    const { sim } = withApi();
    expectAwsError(
      () => sim.call('ecs:UpdateService', { cluster: 'nope', service: 'nope' }),
      'ClusterNotFoundException',
      'Cluster not found.',
    );
  });

  it('refuses a negative desiredCount', () => {
    const { sim } = withApi();
    createService(sim, { serviceName: 'api', taskDefinition: 'api', desiredCount: 1 });
    expectAwsError(
      () => updateService(sim, { service: 'api', desiredCount: -1 }),
      'InvalidParameterException',
      'desiredCount must be 0 or more.',
    );
  });

  it('rejects a subnet that does not exist at create and update, and a rejected update changes nothing', () => {
    const { sim } = withApi();
    registerTaskDefinition(sim, fargateDef('web'));
    const bad = { awsvpcConfiguration: { subnets: ['subnet-nope'] } };
    const message =
      "Error retrieving subnet information for [subnet-nope]: The subnet ID 'subnet-nope' does not exist (ECS Error Code: InvalidSubnetID.NotFound)";
    expectAwsError(
      () =>
        createService(sim, {
          serviceName: 'web',
          taskDefinition: 'web',
          desiredCount: 1,
          launchType: 'FARGATE',
          networkConfiguration: bad,
        }),
      'InvalidParameterException',
      message,
    );
    createService(sim, {
      serviceName: 'web',
      taskDefinition: 'web',
      desiredCount: 1,
      launchType: 'FARGATE',
      networkConfiguration: awsvpc([sim.state.network.subnets[0]?.id ?? '']),
    });
    expectAwsError(
      () => updateService(sim, { service: 'web', desiredCount: 5, networkConfiguration: bad }),
      'InvalidParameterException',
      message,
    );
    expect(describeService(sim, 'web').desiredCount).toBe(1);
  });

  it('DeleteService refuses a service scaled above 0 unless forced', () => {
    const { sim } = steadyApi(2);
    expectAwsError(
      () => sim.call('ecs:DeleteService', { cluster: 'demo', service: 'api' }),
      'InvalidParameterException',
      'The service cannot be stopped while it is scaled above 0.',
    );
    const deleted = (
      sim.call('ecs:DeleteService', { cluster: 'demo', service: svcArn('api'), force: true }) as {
        service: Service;
      }
    ).service;
    expect(deleted).toMatchObject({ status: 'DRAINING', desiredCount: 0 });
  });

  it('a deleted service is DRAINING while its tasks stop, then INACTIVE; its name can be used again', () => {
    const { sim } = steadyApi(2);
    updateService(sim, { service: 'api', desiredCount: 0 });
    sim.call('ecs:DeleteService', { cluster: 'demo', service: 'api' });
    expect(describeService(sim, 'api').status).toBe('DRAINING');
    expectAwsError(
      () => updateService(sim, { service: 'api', desiredCount: 1 }),
      'ServiceNotActiveException',
      'Service was not ACTIVE.',
    );
    expectAwsError(
      () => sim.call('ecs:DeleteService', { cluster: 'demo', service: 'api' }),
      'ServiceNotActiveException',
      'Service was not ACTIVE.',
    );
    expectAwsError(
      () => createService(sim, { serviceName: 'api', taskDefinition: 'api', desiredCount: 1 }),
      'InvalidParameterException',
      'Creation of service was not idempotent.',
    );
    sim.advance(60);
    expect(describeService(sim, 'api').status).toBe('INACTIVE');
    expect(serviceTasks(sim, 'api').every((t) => t.task.lastStatus === 'STOPPED')).toBe(true);
    expect(sim.call('ecs:ListServices', { cluster: 'demo' })).toEqual({ serviceArns: [] });
    expectAwsError(
      () => sim.call('ecs:DeleteService', { cluster: 'demo', service: 'api' }),
      'ServiceNotFoundException',
      'Service not found.',
    );
    const again = createService(sim, { serviceName: 'api', taskDefinition: 'api', desiredCount: 1 });
    expect(again).toMatchObject({ serviceArn: svcArn('api'), status: 'ACTIVE' });
    expect(describeService(sim, 'api').status).toBe('ACTIVE');
  });

  it('DescribeServices reports unknown names as MISSING failures and refuses more than 10', () => {
    const { sim } = withApi();
    createService(sim, { serviceName: 'api', taskDefinition: 'api', desiredCount: 0 });
    expect(sim.call('ecs:DescribeServices', { cluster: 'demo', services: ['api', 'ghost'] })).toMatchObject({
      services: [{ serviceName: 'api' }],
      failures: [{ arn: svcArn('ghost'), reason: 'MISSING' }],
    });
    expectAwsError(
      () =>
        sim.call('ecs:DescribeServices', { cluster: 'demo', services: Array.from({ length: 11 }, (_, i) => `s${i}`) }),
      'InvalidParameterException',
      'At most 10 services can be described at once.',
    );
  });

  it('ListServices filters by launch type and scheduling strategy', () => {
    const { sim, subnets } = withApi();
    registerTaskDefinition(sim, fargateDef('web'));
    createService(sim, { serviceName: 'api', taskDefinition: 'api', desiredCount: 0 });
    createService(sim, { serviceName: 'agent', taskDefinition: 'api', schedulingStrategy: 'DAEMON' });
    createService(sim, {
      serviceName: 'web',
      taskDefinition: 'web',
      desiredCount: 0,
      launchType: 'FARGATE',
      networkConfiguration: awsvpc(subnets),
    });
    const list = (input: Json) =>
      (sim.call('ecs:ListServices', { cluster: 'demo', ...input }) as { serviceArns: string[] }).serviceArns;
    expect(list({})).toEqual([svcArn('api'), svcArn('agent'), svcArn('web')]);
    expect(list({ launchType: 'FARGATE' })).toEqual([svcArn('web')]);
    expect(list({ schedulingStrategy: 'DAEMON' })).toEqual([svcArn('agent')]);
  });
});
