/**
 * RunTask, StartTask, StopTask, DescribeTasks, ListTasks, and the task lifecycle:
 * PROVISIONING → PENDING → ACTIVATING → RUNNING → DEACTIVATING → STOPPING → DEPROVISIONING → STOPPED.
 * Each step is a scheduled event; durations are typical values, not guarantees.
 */
import type { Container, NetworkBinding, Task, TaskDefinition } from '../../ecs/generated/ecs-types.ts';
import { dict, own } from '../../own.ts';
import type { Simulator } from '../engine.ts';
import { AwsError, invalidParameter } from '../errors.ts';
import { commandBehaviour, parseImage, publicImage } from '../images.ts';
import { loggingProblem, startupLines, writeLog } from '../logs/log-groups.ts';
import { allocateIp } from '../network.ts';
import type { ContainerInstanceRecord, ContainerPlan, ScheduledEvent, TaskRecord } from '../state.ts';
import { copy, findCluster, type Input, int, list, nameFromArn, obj, str, strings } from './common.ts';
import { groupCounts, type PlacementConstraint, type PlacementStrategy, place, requirements } from './placement.ts';
import { resolveTaskDefinition } from './task-definitions.ts';

/** Seconds each lifecycle step takes in the simulation. */
export const DURATIONS = {
  provisioning: 8,
  pending: 2,
  deactivating: 1,
  /** A well-behaved process exits this soon after SIGTERM. */
  gracefulStop: 2,
  deprovisioning: 5,
} as const;

const PRE_RUNNING = ['PROVISIONING', 'PENDING', 'ACTIVATING'];

/** Whether the image can be pulled, and what its process will do. */
function planContainer(
  sim: Simulator,
  c: NonNullable<TaskDefinition['containerDefinitions']>[number],
  command: string[] | undefined,
): ContainerPlan {
  const image = c.image ?? '';
  const ref = parseImage(image);
  const essential = c.essential !== false;
  const base = { name: c.name ?? '', essential, image };
  const ecrHost = `${sim.state.account}.dkr.ecr.${sim.state.region}.amazonaws.com`;
  let behaviour = publicImage(ref);
  if (!behaviour && ref.registry === ecrHost) {
    const pushed = sim.hooks.ecrImageBehaviour?.(ref.repository, ref.tag ?? 'latest', ref.digest);
    if (pushed) behaviour = pushed;
  }
  if (!behaviour) {
    const where =
      ref.registry === ecrHost ? `${image}: not found` : `failed to resolve reference "${image}": ${image}: not found`;
    return { ...base, pullError: `CannotPullContainerError: pull image manifest has been retried 7 time(s): ${where}` };
  }
  const effective = commandBehaviour(command ?? c.command ?? [], behaviour);
  const check = c.healthCheck;
  const healthyAfter = check ? (check.startPeriod ?? 0) + Math.min(check.interval ?? 30, 10) : undefined;
  return {
    ...base,
    ...(effective.exitsAfter !== undefined
      ? { exitsAfter: effective.exitsAfter, exitCode: effective.exitCode ?? 0 }
      : {}),
    ...(effective.listensOn !== undefined ? { listensOn: effective.listensOn } : {}),
    ...(effective.response !== undefined ? { response: effective.response } : {}),
    // A check whose command always fails (…|| exit 1 with nothing before it) never passes.
    ...(healthyAfter !== undefined && !/^\s*exit\s+1\s*$/.test((check?.command ?? []).slice(1).join(' '))
      ? { healthyAfter }
      : {}),
  };
}

function pullSeconds(sim: Simulator, image: string): number {
  const ref = parseImage(image);
  return (
    publicImage(ref)?.pullSeconds ??
    sim.hooks.ecrImageBehaviour?.(ref.repository, ref.tag ?? 'latest', ref.digest)?.pullSeconds ??
    3
  );
}

export interface LaunchRequest {
  clusterName: string;
  def: TaskDefinition;
  launchType: 'EC2' | 'FARGATE' | 'EXTERNAL';
  subnets: string[];
  securityGroups: string[];
  assignPublicIp: boolean;
  startedBy?: string;
  group: string;
  overrides?: Input;
  tags: { key: string; value?: string }[];
  instance?: ContainerInstanceRecord;
  serviceArn?: string;
  deploymentId?: string;
}

/** Creates one task in PROVISIONING or PENDING and schedules its first step. */
export function launchTask(sim: Simulator, request: LaunchRequest): TaskRecord {
  const cluster = findCluster(sim, request.clusterName);
  const { def } = request;
  const id = sim.rng.hex(32);
  const taskArn = sim.arn('ecs', `task/${cluster.clusterName}/${id}`);
  const awsvpc = def.networkMode === 'awsvpc';
  const subnetId =
    request.subnets[sim.rng.int(Math.max(1, request.subnets.length))] ?? sim.state.network.subnets[0]?.id ?? '';
  const zone =
    request.instance?.availabilityZone ??
    sim.state.network.subnets.find((s) => s.id === subnetId)?.availabilityZone ??
    `${sim.state.region}a`;
  const overrides = list(request.overrides ?? {}, 'containerOverrides')
    .map(obj)
    .filter(Boolean) as Input[];
  const containers: Container[] = (def.containerDefinitions ?? []).map((c) => ({
    containerArn: sim.arn('ecs', `container/${cluster.clusterName}/${id}/${sim.rng.uuid()}`),
    taskArn,
    name: c.name ?? '',
    image: c.image ?? '',
    lastStatus: 'PENDING',
    networkInterfaces: [],
    healthStatus: 'UNKNOWN',
    cpu: String(c.cpu ?? 0),
    ...(c.memory !== undefined ? { memory: String(c.memory) } : {}),
    ...(c.memoryReservation !== undefined ? { memoryReservation: String(c.memoryReservation) } : {}),
  }));
  const attachments = awsvpc
    ? [
        {
          id: sim.rng.uuid(),
          type: 'ElasticNetworkInterface',
          status: 'PRECREATED',
          details: [{ name: 'subnetId', value: subnetId }],
        },
      ]
    : [];
  const now = sim.seconds;
  const task: Task = {
    attachments,
    attributes: [
      { name: 'ecs.cpu-architecture', value: def.runtimePlatform?.cpuArchitecture === 'ARM64' ? 'arm64' : 'x86_64' },
    ],
    availabilityZone: zone,
    clusterArn: cluster.clusterArn as string,
    ...(request.instance ? { containerInstanceArn: request.instance.instance.containerInstanceArn as string } : {}),
    containers,
    ...(def.cpu !== undefined ? { cpu: def.cpu } : {}),
    createdAt: now,
    desiredStatus: 'RUNNING',
    enableExecuteCommand: false,
    group: request.group,
    healthStatus: 'UNKNOWN',
    lastStatus: awsvpc ? 'PROVISIONING' : 'PENDING',
    launchType: request.launchType,
    ...(def.memory !== undefined ? { memory: def.memory } : {}),
    overrides: {
      containerOverrides:
        overrides.length > 0
          ? (copy(overrides) as never)
          : (def.containerDefinitions ?? []).map((c) => ({ name: c.name ?? '' })),
      inferenceAcceleratorOverrides: [],
    },
    ...(request.launchType === 'FARGATE'
      ? {
          platformVersion: '1.4.0',
          platformFamily: def.runtimePlatform?.operatingSystemFamily?.startsWith('WINDOWS') ? 'Windows' : 'Linux',
        }
      : {}),
    ...(request.startedBy ? { startedBy: request.startedBy } : {}),
    tags: copy(request.tags),
    taskArn,
    taskDefinitionArn: def.taskDefinitionArn as string,
    version: 1,
    ...(request.launchType === 'FARGATE'
      ? { ephemeralStorage: { sizeInGiB: def.ephemeralStorage?.sizeInGiB ?? 20 } }
      : {}),
  };
  const commandFor = (name: string | undefined) => {
    const o = overrides.find((x) => x.name === name);
    return Array.isArray(o?.command) ? (o.command as string[]) : undefined;
  };
  const needs = requirements(def);
  const record: TaskRecord = {
    task,
    ...(request.instance ? { instanceArn: request.instance.instance.containerInstanceArn as string } : {}),
    reserved: { cpu: request.instance ? needs.cpu : 0, memory: request.instance ? needs.memory : 0, ports: [] },
    plans: (def.containerDefinitions ?? []).map((c) => planContainer(sim, c, commandFor(c.name))),
    ...(request.serviceArn ? { serviceArn: request.serviceArn } : {}),
    ...(request.deploymentId ? { deploymentId: request.deploymentId } : {}),
  };
  if (request.instance) {
    record.reserved.ports = [...needs.ports];
    request.instance.usedPorts.push(...needs.ports);
    request.instance.reservedCpu += needs.cpu;
    request.instance.reservedMemory += needs.memory;
    const group = own(sim.state.placementGroups, request.group) ?? dict<number>();
    sim.state.placementGroups[request.group] = group;
    const arn = request.instance.instance.containerInstanceArn as string;
    group[arn] = (group[arn] ?? 0) + 1;
  }
  sim.state.tasks[taskArn] = record;
  sim.state.tags[taskArn] = copy(request.tags);
  sim.schedule(awsvpc ? DURATIONS.provisioning : DURATIONS.pending, { kind: 'task-advance', target: taskArn });
  sim.note(
    `Task ${id.slice(0, 8)} (${def.family}:${def.revision}) created on ${request.launchType}${request.instance ? ` instance ${request.instance.ec2InstanceId}` : ''}.`,
  );
  return record;
}

function networkBindings(sim: Simulator, record: TaskRecord, def: TaskDefinition, name: string): NetworkBinding[] {
  if (def.networkMode === 'awsvpc' || def.networkMode === 'none') return [];
  const instance = record.instanceArn ? sim.state.containerInstances[record.instanceArn] : undefined;
  const c = def.containerDefinitions?.find((x) => x.name === name);
  return (c?.portMappings ?? []).flatMap((p) => {
    if (p.containerPort === undefined) return [];
    let hostPort = def.networkMode === 'host' ? (p.hostPort ?? p.containerPort) : (p.hostPort ?? 0);
    if (hostPort === 0 && instance) {
      while (instance.usedPorts.includes(instance.nextDynamicPort)) instance.nextDynamicPort += 1;
      hostPort = instance.nextDynamicPort;
      instance.nextDynamicPort += 1;
      instance.usedPorts.push(hostPort);
      record.reserved.ports.push(hostPort);
    }
    return [{ bindIP: '0.0.0.0', containerPort: p.containerPort, hostPort, protocol: p.protocol ?? 'tcp' }];
  });
}

function definitionOf(sim: Simulator, record: TaskRecord): TaskDefinition {
  return resolveTaskDefinition(sim, record.task.taskDefinitionArn as string, {
    allowInactive: true,
    allowDeleted: true,
  });
}

/** Begins stopping a task: desiredStatus STOPPED, then DEACTIVATING (or straight on if not yet running). */
export function stopTaskRecord(
  sim: Simulator,
  record: TaskRecord,
  stopCode: Task['stopCode'] & string,
  reason: string,
): void {
  const task = record.task;
  if (task.desiredStatus === 'STOPPED') return;
  task.desiredStatus = 'STOPPED';
  task.stopCode = stopCode;
  task.stoppedReason = reason;
  task.stoppingAt = sim.seconds;
  task.version = (task.version ?? 1) + 1;
  // A task that never reached RUNNING goes straight to tearing down what was set up.
  if (task.lastStatus === 'RUNNING') {
    task.lastStatus = 'DEACTIVATING';
    // Load balancer targets drain first (the target group's deregistration delay).
    const draining = sim.hooks.onTaskDraining?.(record) ?? 0;
    sim.schedule(Math.max(DURATIONS.deactivating, draining), { kind: 'task-advance', target: task.taskArn as string });
  } else if (
    task.lastStatus !== 'STOPPED' &&
    task.lastStatus !== 'DEACTIVATING' &&
    task.lastStatus !== 'STOPPING' &&
    task.lastStatus !== 'DEPROVISIONING'
  ) {
    task.lastStatus = 'STOPPING';
    sim.schedule(1, { kind: 'task-advance', target: task.taskArn as string });
  }
  sim.note(`Task ${nameFromArn(task.taskArn ?? '').slice(0, 8)} stopping: ${reason}`);
}

function finishStop(sim: Simulator, record: TaskRecord): void {
  const task = record.task;
  task.lastStatus = 'STOPPED';
  task.stoppedAt = sim.seconds;
  task.executionStoppedAt = task.executionStoppedAt ?? sim.seconds;
  task.connectivity = 'DISCONNECTED';
  for (const c of task.containers ?? []) {
    if (c.lastStatus !== 'STOPPED') {
      c.lastStatus = 'STOPPED';
      if (task.startedAt !== undefined && c.exitCode === undefined) c.exitCode = 0;
    }
  }
  for (const attachment of task.attachments ?? []) attachment.status = 'DELETED';
  const instance = record.instanceArn ? sim.state.containerInstances[record.instanceArn] : undefined;
  if (instance) {
    instance.usedPorts = instance.usedPorts.filter((p) => !record.reserved.ports.includes(p));
    instance.reservedCpu -= record.reserved.cpu;
    instance.reservedMemory -= record.reserved.memory;
    const group = sim.state.placementGroups[task.group ?? ''];
    const arn = instance.instance.containerInstanceArn as string;
    if (group?.[arn] !== undefined) {
      group[arn] -= 1;
      if (group[arn] <= 0) delete group[arn];
    }
  }
  delete sim.state.tags[task.taskArn as string];
  sim.note(`Task ${nameFromArn(task.taskArn ?? '').slice(0, 8)} STOPPED (${task.stoppedReason ?? 'stopped'}).`);
  sim.hooks.afterTaskStopped?.(record);
}

/** One lifecycle step of a task (scheduled as "task-advance"). */
export function advanceTask(sim: Simulator, event: ScheduledEvent): void {
  const record = sim.state.tasks[event.target];
  if (!record) return;
  const task = record.task;
  const def = definitionOf(sim, record);
  const arn = task.taskArn as string;
  task.version = (task.version ?? 1) + 1;
  switch (task.lastStatus) {
    case 'PROVISIONING': {
      const eni = task.attachments?.[0];
      if (eni) {
        const subnetId = eni.details?.find((d) => d.name === 'subnetId')?.value ?? '';
        eni.status = 'ATTACHED';
        eni.details = [
          { name: 'subnetId', value: subnetId },
          { name: 'networkInterfaceId', value: `eni-${sim.rng.hex(17)}` },
          { name: 'macAddress', value: Array.from({ length: 6 }, () => sim.rng.hex(2)).join(':') },
          { name: 'privateDnsName', value: 'ip-placeholder' },
          { name: 'privateIPv4Address', value: allocateIp(sim.state.network, subnetId) },
        ];
        const ip = eni.details[4]?.value ?? '';
        const dns = eni.details[3];
        if (dns) dns.value = `ip-${ip.replaceAll('.', '-')}.ec2.internal`;
        for (const c of task.containers ?? [])
          c.networkInterfaces = [{ attachmentId: eni.id as string, privateIpv4Address: ip }];
      }
      task.lastStatus = 'PENDING';
      sim.schedule(DURATIONS.pending, { kind: 'task-advance', target: arn });
      return;
    }
    case 'PENDING': {
      task.lastStatus = 'ACTIVATING';
      task.pullStartedAt = sim.seconds;
      const longest = Math.max(1, ...record.plans.map((p) => (p.pullError ? 6 : pullSeconds(sim, p.image))));
      sim.schedule(longest, { kind: 'task-advance', target: arn });
      return;
    }
    case 'ACTIVATING': {
      const pullFailure = record.plans.find((p) => p.pullError && p.essential) ?? record.plans.find((p) => p.pullError);
      const logFailure = pullFailure ? undefined : loggingProblem(sim, record);
      const failed =
        pullFailure ?? (logFailure ? { name: record.plans[0]?.name ?? '', pullError: logFailure } : undefined);
      if (failed) {
        task.pullStoppedAt = sim.seconds;
        const c = task.containers?.find((x) => x.name === failed.name);
        if (c) c.reason = failed.pullError as string;
        task.desiredStatus = 'STOPPED';
        task.stopCode = 'TaskFailedToStart';
        task.stoppedReason = failed.pullError as string;
        task.stoppingAt = sim.seconds;
        task.lastStatus = 'STOPPING';
        sim.schedule(1, { kind: 'task-advance', target: arn });
        sim.note(`Task ${nameFromArn(arn).slice(0, 8)} failed to start: ${failed.pullError}`);
        return;
      }
      task.pullStoppedAt = sim.seconds;
      task.lastStatus = 'RUNNING';
      task.startedAt = sim.seconds;
      task.connectivity = 'CONNECTED';
      task.connectivityAt = sim.seconds;
      record.runningSince = sim.seconds;
      for (const c of task.containers ?? []) {
        c.lastStatus = 'RUNNING';
        c.runtimeId = `${nameFromArn(arn)}-${sim.rng.digits(10)}`;
        const bindings = networkBindings(sim, record, def, c.name ?? '');
        if (bindings.length > 0) c.networkBindings = bindings;
        const plan = record.plans.find((p) => p.name === c.name);
        if (plan) writeLog(sim, record, plan.name, startupLines(plan.image, plan.listensOn));
        if (plan?.exitsAfter !== undefined)
          sim.schedule(plan.exitsAfter, { kind: 'container-exit', target: arn, container: c.name as string });
        if (plan?.healthyAfter !== undefined)
          sim.schedule(plan.healthyAfter, { kind: 'health-check', target: arn, container: c.name as string });
        else if (def.containerDefinitions?.find((d) => d.name === c.name)?.healthCheck) c.healthStatus = 'UNKNOWN';
      }
      task.healthStatus = record.plans.some(
        (p) =>
          p.essential &&
          p.healthyAfter === undefined &&
          def.containerDefinitions?.find((d) => d.name === p.name)?.healthCheck,
      )
        ? 'UNHEALTHY'
        : 'UNKNOWN';
      sim.note(`Task ${nameFromArn(arn).slice(0, 8)} is RUNNING.`);
      sim.hooks.afterTaskRunning?.(record);
      return;
    }
    case 'DEACTIVATING':
      task.lastStatus = 'STOPPING';
      sim.schedule(DURATIONS.gracefulStop, { kind: 'task-advance', target: arn });
      return;
    case 'STOPPING':
      task.executionStoppedAt = sim.seconds;
      for (const c of task.containers ?? []) {
        if (c.lastStatus === 'RUNNING') {
          c.lastStatus = 'STOPPED';
          c.exitCode = c.exitCode ?? 0;
        }
      }
      if (def.networkMode === 'awsvpc') {
        task.lastStatus = 'DEPROVISIONING';
        sim.schedule(DURATIONS.deprovisioning, { kind: 'task-advance', target: arn });
      } else {
        finishStop(sim, record);
      }
      return;
    case 'DEPROVISIONING':
      finishStop(sim, record);
      return;
    default:
      return;
  }
}

/** A container's process exited by itself ("container-exit"). */
export function containerExited(sim: Simulator, event: ScheduledEvent): void {
  const record = sim.state.tasks[event.target];
  if (record?.task.lastStatus !== 'RUNNING') return;
  const plan = record.plans.find((p) => p.name === event.container);
  const container = record.task.containers?.find((c) => c.name === event.container);
  if (!plan || !container || container.lastStatus !== 'RUNNING') return;
  container.lastStatus = 'STOPPED';
  container.exitCode = plan.exitCode ?? 0;
  record.task.version = (record.task.version ?? 1) + 1;
  sim.note(
    `Container ${container.name} of task ${nameFromArn(event.target).slice(0, 8)} exited with code ${container.exitCode}.`,
  );
  if (plan.essential) stopTaskRecord(sim, record, 'EssentialContainerExited', 'Essential container in task exited');
}

/** A container's health check passed for the first time ("health-check"). */
export function healthCheckPassed(sim: Simulator, event: ScheduledEvent): void {
  const record = sim.state.tasks[event.target];
  if (record?.task.lastStatus !== 'RUNNING') return;
  const container = record.task.containers?.find((c) => c.name === event.container);
  if (container?.lastStatus !== 'RUNNING') return;
  container.healthStatus = 'HEALTHY';
  const def = definitionOf(sim, record);
  const checked = record.plans.filter(
    (p) => p.essential && def.containerDefinitions?.find((d) => d.name === p.name)?.healthCheck,
  );
  const allHealthy = checked.every(
    (p) => record.task.containers?.find((c) => c.name === p.name)?.healthStatus === 'HEALTHY',
  );
  if (allHealthy) record.task.healthStatus = 'HEALTHY';
}

/**
 * Checks a request's networkConfiguration against the task definition's network mode and the
 * VPC's subnets, as run-task, create-service and update-service do; returns awsvpcConfiguration.
 */
export function checkNetworkConfiguration(sim: Simulator, def: TaskDefinition, value: unknown): Input | undefined {
  const network = obj(obj(value)?.awsvpcConfiguration);
  if (def.networkMode === 'awsvpc' && !network) {
    throw invalidParameter("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
  }
  if (def.networkMode !== 'awsvpc' && value !== undefined) {
    throw invalidParameter('Network Configuration is not valid for the given networkMode of this task definition.');
  }
  const subnets = network ? strings(network, 'subnets') : [];
  if (network && subnets.length === 0) throw invalidParameter('subnets can not be empty.');
  for (const subnet of subnets) {
    if (!sim.state.network.subnets.some((s) => s.id === subnet)) {
      throw invalidParameter(
        `Error retrieving subnet information for [${subnet}]: The subnet ID '${subnet}' does not exist (ECS Error Code: InvalidSubnetID.NotFound)`,
      );
    }
  }
  return network;
}

/** Everything RunTask and StartTask share: cluster, definition, network configuration. */
function prepare(sim: Simulator, input: Input, launchType: 'EC2' | 'FARGATE' | 'EXTERNAL') {
  const cluster = findCluster(sim, str(input, 'cluster'));
  const reference = str(input, 'taskDefinition');
  if (!reference) throw invalidParameter('TaskDefinition is required.');
  let def: TaskDefinition;
  try {
    def = resolveTaskDefinition(sim, reference);
  } catch (error) {
    if (error instanceof AwsError && error.message === 'TaskDefinition is inactive')
      throw invalidParameter('TaskDefinition is inactive');
    throw invalidParameter('TaskDefinition not found.');
  }
  if (launchType === 'FARGATE' && !(def.compatibilities ?? []).includes('FARGATE')) {
    throw invalidParameter('Task definition does not support launch_type FARGATE.');
  }
  const network = checkNetworkConfiguration(sim, def, input.networkConfiguration);
  const subnets = network ? strings(network, 'subnets') : [];
  const tags = list(input, 'tags').flatMap((t) => {
    const tag = obj(t);
    return tag && typeof tag.key === 'string'
      ? [{ key: tag.key, ...(typeof tag.value === 'string' ? { value: tag.value } : {}) }]
      : [];
  });
  return {
    cluster,
    def,
    subnets,
    securityGroups: network ? strings(network, 'securityGroups') : [],
    assignPublicIp: network?.assignPublicIp === 'ENABLED',
    tags,
    group: str(input, 'group') ?? `family:${def.family}`,
    ...(str(input, 'startedBy') ? { startedBy: str(input, 'startedBy') as string } : {}),
    ...(obj(input.overrides) ? { overrides: obj(input.overrides) as Input } : {}),
  };
}

const clusterInstances = (sim: Simulator, clusterName: string | undefined) =>
  Object.values(sim.state.containerInstances).filter(
    (r) => r.clusterName === clusterName && r.instance.status !== 'INACTIVE',
  );

/** Launch type for a run: explicit, or FARGATE from a capacity provider strategy, else EC2. */
/**
 * Launch type for a run: explicit, or from the capacity provider strategy (the request's, else the
 * cluster's default), else EC2.
 */
export function launchTypeOf(sim: Simulator, input: Input): 'EC2' | 'FARGATE' | 'EXTERNAL' {
  const explicit = str(input, 'launchType');
  const strategy = list(input, 'capacityProviderStrategy');
  if (explicit && strategy.length > 0)
    throw invalidParameter('Specify either Launch Type or Capacity Provider Strategy, but not both.');
  if (explicit === 'FARGATE' || explicit === 'EXTERNAL' || explicit === 'EC2') return explicit;
  const clusterDefault =
    sim.state.clusters[nameFromArn(str(input, 'cluster') ?? 'default')]?.defaultCapacityProviderStrategy ?? [];
  const chosen = strategy.length > 0 ? strategy : clusterDefault;
  const provider = str(obj(chosen[0]) ?? {}, 'capacityProvider');
  return provider === 'FARGATE' || provider === 'FARGATE_SPOT' ? 'FARGATE' : 'EC2';
}

/**
 * Places up to `count` tasks on the cluster's EC2 instances, launching each as soon as it is
 * placed (so the next one sees the instance fuller); the rest become failures.
 */
export function placeOnInstances<T>(
  sim: Simulator,
  clusterName: string,
  def: TaskDefinition,
  count: number,
  options: { strategies: PlacementStrategy[]; constraints: PlacementConstraint[]; group: string },
  launch: (instance: ContainerInstanceRecord) => T,
  candidates: readonly ContainerInstanceRecord[] = clusterInstances(sim, clusterName),
): { launched: T[]; failures: { arn: string; reason: string }[] } {
  const needs = requirements(def);
  const counts = groupCounts(sim, options.group);
  const launched: T[] = [];
  const failures: { arn: string; reason: string }[] = [];
  for (let i = 0; i < count; i++) {
    const result = place(sim, candidates, needs, {
      strategies: options.strategies,
      constraints: options.constraints,
      counts,
    });
    if ('reason' in result) {
      failures.push({ arn: result.arn, reason: result.reason });
      continue;
    }
    const arn = result.record.instance.containerInstanceArn as string;
    counts.byInstance.set(arn, (counts.byInstance.get(arn) ?? 0) + 1);
    counts.byZone.set(result.record.availabilityZone, (counts.byZone.get(result.record.availabilityZone) ?? 0) + 1);
    launched.push(launch(result.record));
  }
  return { launched, failures };
}

const placementList = (input: Input, key: string) =>
  list(input, key).flatMap((x) => {
    const o = obj(x);
    return o && typeof o.type === 'string'
      ? [
          {
            type: o.type,
            ...(typeof o.field === 'string' ? { field: o.field } : {}),
            ...(typeof o.expression === 'string' ? { expression: o.expression } : {}),
          },
        ]
      : [];
  });

export function runTask(sim: Simulator, input: Input) {
  const launchType = launchTypeOf(sim, input);
  const count = int(input, 'count') ?? 1;
  if (count < 1 || count > 10) throw invalidParameter('count must be between 1 and 10.');
  const p = prepare(sim, input, launchType);
  const base = {
    clusterName: p.cluster.clusterName as string,
    def: p.def,
    launchType,
    subnets: p.subnets,
    securityGroups: p.securityGroups,
    assignPublicIp: p.assignPublicIp,
    group: p.group,
    tags: p.tags,
    ...(p.startedBy ? { startedBy: p.startedBy } : {}),
    ...(p.overrides ? { overrides: p.overrides } : {}),
  };
  if (launchType === 'FARGATE') {
    const tasks = Array.from({ length: count }, () => copy(launchTask(sim, base).task));
    return { tasks, failures: [] };
  }
  const instances = clusterInstances(sim, p.cluster.clusterName);
  if (instances.length === 0) throw invalidParameter('No Container Instances were found in your cluster.');
  const constraints = [
    ...placementList(input, 'placementConstraints'),
    ...(p.def.placementConstraints ?? []).map((c) => ({
      type: c.type ?? '',
      ...(c.expression ? { expression: c.expression } : {}),
    })),
  ];
  const strategies = placementList(input, 'placementStrategy');
  const { launched, failures } = placeOnInstances(
    sim,
    p.cluster.clusterName as string,
    p.def,
    count,
    { strategies: strategies.length > 0 ? strategies : [{ type: 'random' }], constraints, group: p.group },
    (instance) => copy(launchTask(sim, { ...base, instance }).task),
    instances,
  );
  return { tasks: launched, failures };
}

export function startTask(sim: Simulator, input: Input) {
  const p = prepare(sim, input, 'EC2');
  const refs = strings(input, 'containerInstances');
  if (refs.length === 0 || refs.length > 10)
    throw invalidParameter('containerInstances must list 1 to 10 container instances.');
  const tasks: Task[] = [];
  const failures: { arn: string; reason: string }[] = [];
  const needs = requirements(p.def);
  for (const ref of refs) {
    const record = clusterInstances(sim, p.cluster.clusterName).find((r) =>
      r.instance.containerInstanceArn?.endsWith(`/${nameFromArn(ref)}`),
    );
    if (!record) {
      failures.push({ arn: ref, reason: 'MISSING' });
      continue;
    }
    const result = place(sim, [record], needs, { strategies: [], constraints: [], counts: groupCounts(sim, p.group) });
    if ('reason' in result) {
      failures.push({ arn: record.instance.containerInstanceArn as string, reason: result.reason });
      continue;
    }
    tasks.push(
      copy(
        launchTask(sim, {
          clusterName: p.cluster.clusterName as string,
          def: p.def,
          launchType: 'EC2',
          subnets: p.subnets,
          securityGroups: p.securityGroups,
          assignPublicIp: p.assignPublicIp,
          group: p.group,
          tags: p.tags,
          instance: record,
          ...(p.startedBy ? { startedBy: p.startedBy } : {}),
          ...(p.overrides ? { overrides: p.overrides } : {}),
        }).task,
      ),
    );
  }
  return { tasks, failures };
}

function findTask(sim: Simulator, clusterArn: string | undefined, reference: string): TaskRecord | undefined {
  const id = nameFromArn(reference);
  return Object.values(sim.state.tasks).find(
    (t) => t.task.clusterArn === clusterArn && t.task.taskArn?.endsWith(`/${id}`),
  );
}

export function stopTask(sim: Simulator, input: Input) {
  const cluster = findCluster(sim, str(input, 'cluster'));
  const reference = str(input, 'task') ?? '';
  if (
    !/^(arn:aws:ecs:[^:]+:\d{12}:task\/)?([\w-]+\/)?[0-9a-f]{32}$/.test(reference) &&
    !/^[0-9a-f-]{36}$/.test(reference)
  ) {
    throw invalidParameter('Task Identifier is invalid');
  }
  const record = findTask(sim, cluster.clusterArn, reference);
  if (!record) throw invalidParameter('The referenced task was not found.');
  stopTaskRecord(sim, record, 'UserInitiated', str(input, 'reason') ?? 'Task stopped by user');
  return { task: copy(record.task) };
}

export function describeTasks(sim: Simulator, input: Input) {
  const cluster = findCluster(sim, str(input, 'cluster'));
  const references = strings(input, 'tasks');
  if (references.length === 0) throw invalidParameter('Tasks cannot be empty.');
  if (references.length > 100) throw invalidParameter('At most 100 tasks can be described at once.');
  const withTags = strings(input, 'include').includes('TAGS');
  const tasks: Task[] = [];
  const failures: { arn: string; reason: string }[] = [];
  for (const reference of references) {
    const record = findTask(sim, cluster.clusterArn, reference);
    if (record) {
      const task = copy(record.task);
      if (!withTags) delete task.tags;
      tasks.push(task);
    } else {
      failures.push({
        arn: reference.startsWith('arn:') ? reference : sim.arn('ecs', `task/${cluster.clusterName}/${reference}`),
        reason: 'MISSING',
      });
    }
  }
  return { tasks, failures };
}

export function listTasks(sim: Simulator, input: Input) {
  const cluster = findCluster(sim, str(input, 'cluster'));
  const family = str(input, 'family');
  if (family !== undefined && !/^[a-zA-Z0-9\-_]+$/.test(family))
    throw invalidParameter('family must match ^[a-zA-Z0-9\\-_]+$');
  const desired = str(input, 'desiredStatus') ?? 'RUNNING';
  const serviceName = str(input, 'serviceName');
  const instance = str(input, 'containerInstance');
  const startedBy = str(input, 'startedBy');
  const launchType = str(input, 'launchType');
  const arns = Object.values(sim.state.tasks)
    .filter((r) => r.task.clusterArn === cluster.clusterArn)
    .filter((r) => r.task.desiredStatus === desired)
    .filter(
      (r) =>
        family === undefined ||
        r.task.group === `family:${family}` ||
        r.task.taskDefinitionArn?.includes(`task-definition/${family}:`),
    )
    .filter((r) => serviceName === undefined || r.serviceArn?.endsWith(`/${nameFromArn(serviceName)}`))
    .filter((r) => instance === undefined || r.instanceArn?.endsWith(`/${nameFromArn(instance)}`))
    .filter((r) => startedBy === undefined || r.task.startedBy === startedBy)
    .filter((r) => launchType === undefined || r.task.launchType === launchType)
    .map((r) => r.task.taskArn as string);
  return { taskArns: arns };
}

export const isPreRunning = (status: string | undefined) => PRE_RUNNING.includes(status ?? '');
