/**
 * Services and the service scheduler: CreateService, UpdateService, DeleteService,
 * DescribeServices, ListServices. The scheduler keeps desiredCount tasks running (replacing tasks
 * that stop: auto-recovery), rolls deployments within minimumHealthyPercent/maximumPercent, trips
 * the deployment circuit breaker (with optional rollback), and writes the events AWS writes.
 */
import type { Deployment, Service, TaskDefinition } from '../../ecs/generated/ecs-types.ts';
import type { Simulator } from '../engine.ts';
import { invalidParameter, serviceNotActive, serviceNotFound } from '../errors.ts';
import type { ScheduledEvent, ServiceRecord, TaskRecord } from '../state.ts';
import { bool, copy, findCluster, type Input, int, list, nameFromArn, obj, str, strings } from './common.ts';
import { requestReconcile, takeReconcile } from './reconcile-queue.ts';
import { resolveTaskDefinition } from './task-definitions.ts';
import { checkNetworkConfiguration, launchTask, launchTypeOf, placeOnInstances, stopTaskRecord } from './tasks.ts';

const MAX_EVENTS = 100;
/** Seconds after RUNNING a task with no health check and no load balancer counts as healthy. */
const UNCHECKED_HEALTHY_AFTER = 40;

/** Adds a service event (newest first, at most 100) and notes it in the activity log. */
export function event(sim: Simulator, record: ServiceRecord, message: string): void {
  record.service.events ??= [];
  const events = record.service.events;
  events.unshift({ id: sim.rng.uuid(), createdAt: sim.seconds, message });
  if (events.length > MAX_EVENTS) events.length = MAX_EVENTS;
  sim.note(message);
}

const shortId = (arn: string) => nameFromArn(arn);
const serviceName = (record: ServiceRecord) => record.service.serviceName as string;

function newDeployment(sim: Simulator, record: ServiceRecord, def: TaskDefinition): Deployment {
  const now = sim.seconds;
  const id = `ecs-svc/${sim.rng.digits(19)}`;
  return {
    id,
    status: 'PRIMARY',
    taskDefinition: def.taskDefinitionArn as string,
    desiredCount: record.service.desiredCount ?? 0,
    pendingCount: 0,
    runningCount: 0,
    failedTasks: 0,
    createdAt: now,
    updatedAt: now,
    ...(record.service.launchType ? { launchType: record.service.launchType } : {}),
    ...(record.service.launchType === 'FARGATE' ? { platformVersion: '1.4.0', platformFamily: 'Linux' } : {}),
    ...(record.service.networkConfiguration ? { networkConfiguration: copy(record.service.networkConfiguration) } : {}),
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: 'ECS deployment ecs-svc/placeholder in progress.'.replace('ecs-svc/placeholder', id),
  };
}

function findService(sim: Simulator, clusterArn: string | undefined, reference: string): ServiceRecord | undefined {
  const name = nameFromArn(reference);
  const matches = Object.values(sim.state.services).filter(
    (s) => s.service.clusterArn === clusterArn && s.service.serviceName === name,
  );
  return matches.find((s) => s.service.status !== 'INACTIVE') ?? matches.at(-1);
}

const liveTasks = (sim: Simulator, record: ServiceRecord): TaskRecord[] =>
  Object.values(sim.state.tasks).filter(
    (t) => t.serviceArn === record.service.serviceArn && t.task.desiredStatus === 'RUNNING',
  );

function isHealthy(sim: Simulator, t: TaskRecord): boolean {
  if (t.task.lastStatus !== 'RUNNING') return false;
  // Behind a load balancer, a task counts once its targets pass the target group's health checks.
  const targets = Object.values(sim.state.elb.targets).flatMap((list) =>
    list.filter((x) => x.taskArn === t.task.taskArn),
  );
  if (targets.some((x) => x.state !== 'healthy')) return false;
  const def = resolveTaskDefinition(sim, t.task.taskDefinitionArn as string, {
    allowInactive: true,
    allowDeleted: true,
  });
  const checked = (def.containerDefinitions ?? []).some((c) => c.essential !== false && c.healthCheck);
  if (checked) return t.task.healthStatus === 'HEALTHY';
  // Without a health check or a load balancer, ECS counts a task 40 s after it reached RUNNING.
  return targets.length > 0 || sim.seconds - (t.runningSince ?? sim.seconds) >= UNCHECKED_HEALTHY_AFTER;
}

/**
 * Not running, or running but failing its checks: an old task like this can go at once. A task
 * that runs and is only waiting to count as healthy is protected by minimumHealthyPercent.
 */
function isFailing(sim: Simulator, t: TaskRecord): boolean {
  if (t.task.lastStatus !== 'RUNNING') return true;
  if (t.task.healthStatus === 'UNHEALTHY') return true;
  return Object.values(sim.state.elb.targets).some((list) =>
    list.some((x) => x.taskArn === t.task.taskArn && x.state === 'unhealthy'),
  );
}

/** Starts `count` tasks for a deployment; returns how many could be placed. */
function startTasks(sim: Simulator, record: ServiceRecord, deployment: Deployment, count: number): number {
  if (count <= 0) return 0;
  const service = record.service;
  const def = resolveTaskDefinition(sim, deployment.taskDefinition as string, {
    allowInactive: true,
    allowDeleted: true,
  });
  const clusterName = nameFromArn(service.clusterArn as string);
  const network = service.networkConfiguration?.awsvpcConfiguration;
  const base = {
    clusterName,
    def,
    launchType: (service.launchType ?? 'EC2') as 'EC2' | 'FARGATE' | 'EXTERNAL',
    subnets: network?.subnets ?? [],
    securityGroups: network?.securityGroups ?? [],
    assignPublicIp: network?.assignPublicIp === 'ENABLED',
    group: `service:${serviceName(record)}`,
    startedBy: deployment.id as string,
    tags: [],
    serviceArn: service.serviceArn as string,
    deploymentId: deployment.id as string,
  };
  const started: string[] = [];
  if (base.launchType === 'FARGATE') {
    for (let i = 0; i < count; i++) started.push(launchTask(sim, base).task.taskArn as string);
  } else {
    const { failures } = placeOnInstances(
      sim,
      clusterName,
      def,
      count,
      {
        strategies: (service.placementStrategy ?? [])
          .map((s) => ({ type: s.type ?? 'spread', ...(s.field ? { field: s.field } : {}) }))
          .concat(
            service.placementStrategy?.length ? [] : [{ type: 'spread', field: 'attribute:ecs.availability-zone' }],
          ),
        constraints: (service.placementConstraints ?? [])
          .map((c) => ({
            type: c.type ?? '',
            ...(c.expression ? { expression: c.expression } : {}),
          }))
          // A daemon runs exactly one task on each instance.
          .concat(service.schedulingStrategy === 'DAEMON' ? [{ type: 'distinctInstance' }] : []),
        group: base.group,
      },
      (instance) => started.push(launchTask(sim, { ...base, instance }).task.taskArn as string),
    );
    if (failures.length > 0) {
      const reason = failures[0]?.reason ?? 'RESOURCE:CPU';
      const detail =
        reason === 'MISSING'
          ? 'No Container Instances were found in your cluster.'
          : reason === 'RESOURCE:CPU'
            ? `The closest matching container-instance ${nameFromArn(failures[0]?.arn ?? '')} has insufficient CPU units available.`
            : reason === 'RESOURCE:MEMORY'
              ? `The closest matching container-instance ${nameFromArn(failures[0]?.arn ?? '')} has insufficient memory available.`
              : reason === 'RESOURCE:PORTS'
                ? `The closest matching container-instance ${nameFromArn(failures[0]?.arn ?? '')} is already using a port required by your task.`
                : 'No container instance met all of its requirements.';
      const message = `service ${serviceName(record)} was unable to place a task because no container instance met all of its requirements. Reason: ${detail} For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`;
      if (service.events?.[0]?.message !== message) event(sim, record, message);
    }
  }
  if (started.length > 0) {
    event(
      sim,
      record,
      `(service ${serviceName(record)}) has started ${started.length} tasks: ${started.map((a) => `(task ${shortId(a)})`).join(' ')}.`,
    );
    record.steady = false;
  }
  return started.length;
}

function stopTasks(sim: Simulator, record: ServiceRecord, tasks: TaskRecord[], reason: string): void {
  if (tasks.length === 0) return;
  for (const t of tasks) stopTaskRecord(sim, t, 'ServiceSchedulerInitiated', reason);
  event(
    sim,
    record,
    `(service ${serviceName(record)}) has stopped ${tasks.length} running tasks: ${tasks.map((t) => `(task ${shortId(t.task.taskArn as string)})`).join(' ')}.`,
  );
  record.steady = false;
}

function updateCounts(sim: Simulator, record: ServiceRecord): void {
  const service = record.service;
  const tasks = liveTasks(sim, record);
  for (const d of service.deployments ?? []) {
    const mine = tasks.filter((t) => t.deploymentId === d.id);
    d.runningCount = mine.filter((t) => t.task.lastStatus === 'RUNNING').length;
    d.pendingCount = mine.filter((t) => t.task.lastStatus !== 'RUNNING').length;
  }
  service.runningCount = tasks.filter((t) => t.task.lastStatus === 'RUNNING').length;
  service.pendingCount = tasks.filter((t) => t.task.lastStatus !== 'RUNNING').length;
}

/** Daemon services run one task on every ACTIVE container instance of the cluster. */
function daemonTarget(sim: Simulator, record: ServiceRecord): number {
  const clusterName = nameFromArn(record.service.clusterArn as string);
  return Object.values(sim.state.containerInstances).filter(
    (r) => r.clusterName === clusterName && r.instance.status === 'ACTIVE',
  ).length;
}

/** One pass of the scheduler for one service. */
export function reconcile(sim: Simulator, record: ServiceRecord): void {
  const service = record.service;
  if (service.status === 'INACTIVE') return;
  const tasks = liveTasks(sim, record);
  if (service.status === 'DRAINING') {
    stopTasks(sim, record, tasks, `Service ${serviceName(record)} is being deleted`);
    if (
      Object.values(sim.state.tasks).every(
        (t) => t.serviceArn !== service.serviceArn || t.task.lastStatus === 'STOPPED',
      )
    ) {
      service.status = 'INACTIVE';
      sim.note(`Service ${serviceName(record)} is INACTIVE.`);
    }
    updateCounts(sim, record);
    return;
  }
  if (service.schedulingStrategy === 'DAEMON') service.desiredCount = daemonTarget(sim, record);
  const desired = service.desiredCount ?? 0;
  const config = service.deploymentConfiguration ?? {};
  const maxTotal = Math.floor((desired * (config.maximumPercent ?? 200)) / 100);
  const minHealthy = Math.ceil((desired * (config.minimumHealthyPercent ?? 100)) / 100);
  const deployments = service.deployments ?? [];
  const primary = deployments.find((d) => d.status === 'PRIMARY');
  if (!primary) return;
  primary.desiredCount = desired;

  // Tasks on instances being drained are replaced like old-deployment tasks.
  const draining = tasks.filter(
    (t) => t.instanceArn && sim.state.containerInstances[t.instanceArn]?.instance.status === 'DRAINING',
  );
  const primaryTasks = tasks.filter((t) => t.deploymentId === primary.id && !draining.includes(t));
  const oldTasks = tasks.filter((t) => t.deploymentId !== primary.id || draining.includes(t));

  // 1. Start primary tasks, within maximumPercent.
  const room = Math.max(0, maxTotal - tasks.length);
  const wanted = Math.max(0, desired - primaryTasks.length);
  if (primary.rolloutState !== 'FAILED')
    startTasks(sim, record, primary, Math.min(wanted, room === 0 && oldTasks.length === 0 ? wanted : room));

  // 2. Stop old tasks while enough healthy tasks remain (minimumHealthyPercent).
  const healthy = liveTasks(sim, record).filter((t) => isHealthy(sim, t) && !t.task.stoppingAt);
  let canStop = healthy.length - minHealthy;
  const oldByPreference = [...oldTasks].sort((a, b) => Number(isHealthy(sim, a)) - Number(isHealthy(sim, b)));
  const toStop: TaskRecord[] = [];
  for (const t of oldByPreference) {
    if (isFailing(sim, t)) toStop.push(t);
    else if (canStop > 0) {
      toStop.push(t);
      canStop -= 1;
    }
  }
  // 3. Scale in: too many primary tasks.
  const surplus = primaryTasks.length - desired;
  if (surplus > 0) {
    const byPreference = [...primaryTasks].sort((a, b) => Number(isHealthy(sim, a)) - Number(isHealthy(sim, b)));
    toStop.push(...byPreference.slice(0, surplus));
  }
  stopTasks(sim, record, toStop, `Scaling activity initiated by (deployment ${primary.id})`);

  // 4. Retire drained deployments; complete the primary one.
  updateCounts(sim, record);
  service.deployments = deployments.filter(
    (d) => d.status === 'PRIMARY' || liveTasks(sim, record).some((t) => t.deploymentId === d.id),
  );
  const done =
    service.deployments.length === 1 &&
    primary.runningCount === desired &&
    primary.pendingCount === 0 &&
    liveTasks(sim, record).every((t) => isHealthy(sim, t));
  if (done && primary.rolloutState === 'IN_PROGRESS') {
    primary.rolloutState = 'COMPLETED';
    primary.rolloutStateReason = `ECS deployment ${primary.id} completed.`;
    primary.updatedAt = sim.seconds;
    event(sim, record, `(service ${serviceName(record)}) (deployment ${primary.id}) deployment completed.`);
  }
  if (done && !record.steady) {
    record.steady = true;
    event(sim, record, `(service ${serviceName(record)}) has reached a steady state.`);
  }
  // Look again in 5 s unless done (an earlier pass already queued takes its place).
  if (!done) requestReconcile(sim, service.serviceArn as string, 5);
}

/** Scheduled "service-reconcile" event. */
export function reconcileEvent(sim: Simulator, e: ScheduledEvent): void {
  const record = sim.state.services[e.target];
  if (record && takeReconcile(sim, e)) reconcile(sim, record);
}

/** Called when a service task stops: counts failures for the circuit breaker, then replaces it. */
export function onServiceTaskStopped(sim: Simulator, task: TaskRecord): void {
  if (!task.serviceArn) return;
  const record = sim.state.services[task.serviceArn];
  if (!record) return;
  const deployment = record.service.deployments?.find((d) => d.id === task.deploymentId);
  const failed =
    task.task.stopCode === 'TaskFailedToStart' ||
    (task.task.stopCode === 'EssentialContainerExited' &&
      (task.runningSince === undefined || sim.seconds - task.runningSince < 60));
  if (deployment && failed && deployment.rolloutState === 'IN_PROGRESS') {
    deployment.failedTasks = (deployment.failedTasks ?? 0) + 1;
    const breaker = record.service.deploymentConfiguration?.deploymentCircuitBreaker;
    const threshold = Math.min(200, Math.max(3, Math.ceil((record.service.desiredCount ?? 0) * 0.5)));
    if (breaker?.enable && (deployment.failedTasks ?? 0) >= threshold)
      tripCircuitBreaker(sim, record, deployment, breaker.rollback === true);
  }
  if (
    failed &&
    task.task.stopCode === 'EssentialContainerExited' &&
    !record.service.events?.[0]?.message?.includes('unable to consistently start')
  ) {
    if ((deployment?.failedTasks ?? 0) >= 3)
      event(sim, record, `(service ${serviceName(record)}) is unable to consistently start tasks successfully.`);
  }
  record.steady = false;
  requestReconcile(sim, record.service.serviceArn as string, 1);
}

function tripCircuitBreaker(sim: Simulator, record: ServiceRecord, deployment: Deployment, rollback: boolean): void {
  deployment.rolloutState = 'FAILED';
  deployment.rolloutStateReason = 'ECS deployment circuit breaker: tasks failed to start.';
  deployment.updatedAt = sim.seconds;
  event(
    sim,
    record,
    `(service ${serviceName(record)}) (deployment ${deployment.id}) deployment failed: tasks failed to start.`,
  );
  if (!rollback) return;
  const previous = record.service.deployments?.find((d) => d.status === 'ACTIVE');
  if (!previous) return;
  const def = resolveTaskDefinition(sim, previous.taskDefinition as string, {
    allowInactive: true,
    allowDeleted: true,
  });
  deployment.status = 'ACTIVE';
  const next = newDeployment(sim, record, def);
  record.service.taskDefinition = def.taskDefinitionArn as string;
  record.service.deployments = [next, ...(record.service.deployments ?? [])];
  event(sim, record, `(service ${serviceName(record)}) rolling back to deployment ${previous.id}.`);
}

function deploymentConfiguration(input: Input, daemon: boolean) {
  const given = obj(input.deploymentConfiguration) ?? {};
  const breaker = obj(given.deploymentCircuitBreaker);
  return {
    ...(breaker
      ? { deploymentCircuitBreaker: { enable: breaker.enable === true, rollback: breaker.rollback === true } }
      : { deploymentCircuitBreaker: { enable: false, rollback: false } }),
    maximumPercent: typeof given.maximumPercent === 'number' ? given.maximumPercent : daemon ? 100 : 200,
    minimumHealthyPercent:
      typeof given.minimumHealthyPercent === 'number' ? given.minimumHealthyPercent : daemon ? 0 : 100,
  };
}

export function createService(sim: Simulator, input: Input) {
  const cluster = findCluster(sim, str(input, 'cluster'));
  const name = str(input, 'serviceName') ?? '';
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(name))
    throw invalidParameter(
      'Service name can have up to 255 characters: letters (uppercase and lowercase), numbers, underscores and hyphens.',
    );
  const existing = findService(sim, cluster.clusterArn, name);
  if (existing && existing.service.status !== 'INACTIVE')
    throw invalidParameter('Creation of service was not idempotent.');
  const strategy = str(input, 'schedulingStrategy') ?? 'REPLICA';
  const desiredCount = int(input, 'desiredCount');
  if (strategy === 'REPLICA' && desiredCount === undefined)
    throw invalidParameter('The desired count must be specified for services using the REPLICA scheduling strategy.');
  let def: TaskDefinition;
  try {
    def = resolveTaskDefinition(sim, str(input, 'taskDefinition') ?? '');
  } catch {
    throw invalidParameter('TaskDefinition not found.');
  }
  const launchType = launchTypeOf(sim, input);
  if (launchType === 'FARGATE' && !(def.compatibilities ?? []).includes('FARGATE'))
    throw invalidParameter('Task definition does not support launch_type FARGATE.');
  if (strategy === 'DAEMON' && launchType === 'FARGATE')
    throw invalidParameter('The daemon scheduling strategy does not support the FARGATE launch type.');
  checkNetworkConfiguration(sim, def, input.networkConfiguration);
  const network = obj(input.networkConfiguration);
  for (const raw of list(input, 'loadBalancers')) {
    const lb = obj(raw) ?? {};
    const groupArn = str(lb, 'targetGroupArn') ?? '';
    const group = sim.state.elb.targetGroups[groupArn];
    if (!group) throw invalidParameter(`The target group with targetGroupArn ${groupArn} does not exist.`);
    if (group.LoadBalancerArns.length === 0)
      throw invalidParameter(
        `The target group with targetGroupArn ${groupArn} does not have an associated load balancer.`,
      );
    if (def.networkMode === 'awsvpc' && group.TargetType !== 'ip') {
      throw invalidParameter(
        `The provided target group ${groupArn} has target type instance, which is incompatible with the awsvpc network mode specified in the task definition.`,
      );
    }
    const containerName = str(lb, 'containerName');
    const port = typeof lb.containerPort === 'number' ? lb.containerPort : undefined;
    const container = def.containerDefinitions?.find((c) => c.name === containerName);
    if (!container || !(container.portMappings ?? []).some((p) => p.containerPort === port)) {
      throw invalidParameter(`The container ${containerName} did not have a container port ${port} defined.`);
    }
  }
  const arn = sim.arn('ecs', `service/${cluster.clusterName}/${name}`);
  const daemon = strategy === 'DAEMON';
  const service: Service = {
    serviceArn: arn,
    serviceName: name,
    clusterArn: cluster.clusterArn as string,
    loadBalancers: copy(list(input, 'loadBalancers')) as Service['loadBalancers'] & object,
    serviceRegistries: [],
    status: 'ACTIVE',
    desiredCount: daemon ? 0 : (desiredCount ?? 0),
    runningCount: 0,
    pendingCount: 0,
    launchType: launchType as Service['launchType'] & string,
    ...(launchType === 'FARGATE' ? { platformVersion: 'LATEST', platformFamily: 'Linux' } : {}),
    taskDefinition: def.taskDefinitionArn as string,
    deploymentConfiguration: deploymentConfiguration(input, daemon),
    deployments: [],
    roleArn: `arn:aws:iam::${sim.state.account}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`,
    events: [],
    createdAt: sim.seconds,
    placementConstraints: copy(list(input, 'placementConstraints')) as Service['placementConstraints'] & object,
    placementStrategy: copy(list(input, 'placementStrategy')) as Service['placementStrategy'] & object,
    ...(network ? { networkConfiguration: copy(network) as Service['networkConfiguration'] & object } : {}),
    schedulingStrategy: strategy as Service['schedulingStrategy'] & string,
    deploymentController: { type: 'ECS' },
    createdBy: `arn:aws:iam::${sim.state.account}:user/learner`,
    enableECSManagedTags: bool(input, 'enableECSManagedTags') ?? false,
    propagateTags: (str(input, 'propagateTags') ?? 'NONE') as Service['propagateTags'] & string,
    enableExecuteCommand: false,
  };
  const record: ServiceRecord = { service, steady: false, failures: 0 };
  service.deployments = [newDeployment(sim, record, def)];
  sim.state.services[arn] = record;
  sim.state.tags[arn] = list(input, 'tags').map(obj).filter(Boolean) as { key: string; value?: string }[];
  sim.note(`Service ${name} created with desired count ${service.desiredCount}.`);
  const response = { service: copy(service) };
  requestReconcile(sim, arn, 1);
  return response;
}

export function updateService(sim: Simulator, input: Input) {
  const cluster = findCluster(sim, str(input, 'cluster'));
  const record = findService(sim, cluster.clusterArn, str(input, 'service') ?? '');
  if (!record) throw serviceNotFound();
  if (record.service.status !== 'ACTIVE') throw serviceNotActive();
  const service = record.service;
  const count = int(input, 'desiredCount');
  if (count !== undefined && count < 0) throw invalidParameter('desiredCount must be 0 or more.');
  // Check everything before changing anything: a rejected update leaves the service as it was.
  const newDeploymentConfiguration =
    input.deploymentConfiguration === undefined
      ? undefined
      : deploymentConfiguration(
          { deploymentConfiguration: { ...service.deploymentConfiguration, ...obj(input.deploymentConfiguration) } },
          service.schedulingStrategy === 'DAEMON',
        );
  const reference = str(input, 'taskDefinition');
  let def = resolveTaskDefinition(sim, service.taskDefinition as string, { allowInactive: true, allowDeleted: true });
  if (reference) {
    try {
      def = resolveTaskDefinition(sim, reference);
    } catch (error) {
      throw invalidParameter(
        error instanceof Error && error.message === 'TaskDefinition is inactive'
          ? 'TaskDefinition is inactive'
          : 'TaskDefinition not found.',
      );
    }
  }
  checkNetworkConfiguration(sim, def, input.networkConfiguration ?? service.networkConfiguration);
  if (count !== undefined) service.desiredCount = count;
  if (newDeploymentConfiguration)
    service.deploymentConfiguration = { ...service.deploymentConfiguration, ...newDeploymentConfiguration };
  if (obj(input.networkConfiguration))
    service.networkConfiguration = copy(obj(input.networkConfiguration)) as Service['networkConfiguration'] & object;
  const changed = def.taskDefinitionArn !== service.taskDefinition || input.forceNewDeployment === true;
  if (changed) {
    for (const d of service.deployments ?? []) d.status = 'ACTIVE';
    service.taskDefinition = def.taskDefinitionArn as string;
    service.deployments = [newDeployment(sim, record, def), ...(service.deployments ?? [])];
    sim.note(`Service ${service.serviceName}: new deployment of ${def.family}:${def.revision}.`);
  }
  record.steady = false;
  requestReconcile(sim, service.serviceArn as string, 1);
  return { service: copy(service) };
}

export function deleteService(sim: Simulator, input: Input) {
  const cluster = findCluster(sim, str(input, 'cluster'));
  const record = findService(sim, cluster.clusterArn, str(input, 'service') ?? '');
  if (!record || record.service.status === 'INACTIVE') throw serviceNotFound();
  if (record.service.status === 'DRAINING') throw serviceNotActive();
  if (
    (record.service.desiredCount ?? 0) > 0 &&
    input.force !== true &&
    record.service.schedulingStrategy !== 'DAEMON'
  ) {
    throw invalidParameter('The service cannot be stopped while it is scaled above 0.');
  }
  record.service.desiredCount = 0;
  record.service.status = 'DRAINING';
  sim.note(`Service ${record.service.serviceName} is DRAINING.`);
  requestReconcile(sim, record.service.serviceArn as string, 1);
  return { service: copy(record.service) };
}

export function describeServices(sim: Simulator, input: Input) {
  const cluster = findCluster(sim, str(input, 'cluster'));
  const names = strings(input, 'services');
  if (names.length > 10) throw invalidParameter('At most 10 services can be described at once.');
  const services: Service[] = [];
  const failures: { arn: string; reason: string }[] = [];
  for (const name of names) {
    const record = findService(sim, cluster.clusterArn, name);
    if (record) {
      updateCounts(sim, record);
      services.push(copy(record.service));
    } else
      failures.push({
        arn: name.startsWith('arn:') ? name : sim.arn('ecs', `service/${cluster.clusterName}/${name}`),
        reason: 'MISSING',
      });
  }
  return { services, failures };
}

export function listServices(sim: Simulator, input: Input) {
  const cluster = findCluster(sim, str(input, 'cluster'));
  const launchType = str(input, 'launchType');
  const strategy = str(input, 'schedulingStrategy');
  return {
    serviceArns: Object.values(sim.state.services)
      .filter((s) => s.service.clusterArn === cluster.clusterArn && s.service.status !== 'INACTIVE')
      .filter((s) => launchType === undefined || s.service.launchType === launchType)
      .filter((s) => strategy === undefined || s.service.schedulingStrategy === strategy)
      .map((s) => s.service.serviceArn as string),
  };
}

/** Services with a task on a DRAINING instance start a replacement elsewhere. */
export function onInstanceDraining(sim: Simulator): void {
  for (const record of Object.values(sim.state.services)) {
    if (record.service.status === 'ACTIVE') requestReconcile(sim, record.service.serviceArn as string, 1);
  }
}

/** Running tasks that are running on an instance are stopped when it is deregistered. */
export function stopTasksOn(sim: Simulator, instanceArn: string): void {
  for (const t of Object.values(sim.state.tasks)) {
    if (t.instanceArn === instanceArn && t.task.desiredStatus === 'RUNNING')
      stopTaskRecord(sim, t, 'TerminationNotice', 'Container instance deregistration forced by user');
  }
}
