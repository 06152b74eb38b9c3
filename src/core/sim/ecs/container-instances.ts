/**
 * EC2 capacity: registering instances (what the ECS agent does when an instance with
 * ECS_CLUSTER=<name> boots), ListContainerInstances, DescribeContainerInstances,
 * UpdateContainerInstancesState and DeregisterContainerInstance.
 */

import type { ContainerInstance, Resource } from '../../ecs/generated/ecs-types.ts';
import { own } from '../../own.ts';
import type { Simulator } from '../engine.ts';
import { clientException, invalidParameter } from '../errors.ts';
import { allocateIp, EPHEMERAL_PORTS } from '../network.ts';
import type { ContainerInstanceRecord } from '../state.ts';
import { copy, findCluster, type Input, nameFromArn, str, strings } from './common.ts';
import { requestReconcile } from './reconcile-queue.ts';

/** Instance types learners meet: vCPUs and the memory (MiB) the agent registers after the OS's share. */
export const INSTANCE_TYPES: Record<string, { vcpu: number; memory: number; architecture: 'x86_64' | 'arm64' }> = {
  't3.micro': { vcpu: 2, memory: 944, architecture: 'x86_64' },
  't3.small': { vcpu: 2, memory: 1952, architecture: 'x86_64' },
  't3.medium': { vcpu: 2, memory: 3904, architecture: 'x86_64' },
  't3.large': { vcpu: 2, memory: 7844, architecture: 'x86_64' },
  'm5.large': { vcpu: 2, memory: 7685, architecture: 'x86_64' },
  'm5.xlarge': { vcpu: 4, memory: 15576, architecture: 'x86_64' },
  'c5.large': { vcpu: 2, memory: 3669, architecture: 'x86_64' },
  'c5.xlarge': { vcpu: 4, memory: 7502, architecture: 'x86_64' },
  'r5.large': { vcpu: 2, memory: 15577, architecture: 'x86_64' },
  'm6g.large': { vcpu: 2, memory: 7681, architecture: 'arm64' },
};

/** Ports the agent and Docker hold on every container instance. */
export const AGENT_PORTS = [22, 2375, 2376, 51678, 51679];

const resource = (name: string, value: number | string[]): Resource =>
  Array.isArray(value)
    ? { name, type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: value }
    : { name, type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: value };

/** CPU, memory and ports still free on an instance. */
export function remaining(record: ContainerInstanceRecord): { cpu: number; memory: number; ports: number[] } {
  return {
    cpu: record.registeredCpu - record.reservedCpu,
    memory: record.registeredMemory - record.reservedMemory,
    ports: [...record.usedPorts].sort((a, b) => a - b),
  };
}

/** Refreshes the API view of an instance (remaining resources, task counts). */
export function instanceView(sim: Simulator, record: ContainerInstanceRecord): ContainerInstance {
  const free = remaining(record);
  const tasks = Object.values(sim.state.tasks).filter((t) => t.instanceArn === record.instance.containerInstanceArn);
  return {
    ...copy(record.instance),
    remainingResources: [
      resource('CPU', free.cpu),
      resource('MEMORY', free.memory),
      resource('PORTS', free.ports.map(String)),
      resource('PORTS_UDP', []),
    ],
    runningTasksCount: tasks.filter((t) => t.task.lastStatus === 'RUNNING').length,
    pendingTasksCount: tasks.filter((t) => ['PROVISIONING', 'PENDING', 'ACTIVATING'].includes(t.task.lastStatus ?? ''))
      .length,
  };
}

/** Boots `count` EC2 instances that join `clusterName` (the ECS_CLUSTER setting of the agent). */
export function registerInstances(
  sim: Simulator,
  clusterName: string,
  count: number,
  instanceType: string,
): ContainerInstanceRecord[] {
  const cluster = findCluster(sim, clusterName);
  const type = own(INSTANCE_TYPES, instanceType);
  if (!type)
    throw invalidParameter(`Unknown instance type ${instanceType}. Known: ${Object.keys(INSTANCE_TYPES).join(', ')}.`);
  const created: ContainerInstanceRecord[] = [];
  for (let i = 0; i < count; i++) {
    const existing = Object.keys(sim.state.containerInstances).length;
    const subnet = sim.state.network.subnets[existing % sim.state.network.subnets.length];
    if (!subnet) throw new Error('no subnets');
    const id = sim.rng.hex(32);
    const ec2InstanceId = `i-${sim.rng.hex(17)}`;
    const arn = sim.arn('ecs', `container-instance/${cluster.clusterName}/${id}`);
    const registered = [
      resource('CPU', type.vcpu * 1024),
      resource('MEMORY', type.memory),
      resource('PORTS', AGENT_PORTS.map(String)),
      resource('PORTS_UDP', []),
    ];
    const record: ContainerInstanceRecord = {
      instance: {
        containerInstanceArn: arn,
        ec2InstanceId,
        version: 1,
        versionInfo: { agentVersion: '1.90.0', agentHash: sim.rng.hex(8), dockerVersion: 'DockerVersion: 25.0.8' },
        remainingResources: copy(registered),
        registeredResources: registered,
        status: 'ACTIVE',
        agentConnected: true,
        runningTasksCount: 0,
        pendingTasksCount: 0,
        attributes: [
          { name: 'ecs.availability-zone', value: subnet.availabilityZone },
          { name: 'ecs.instance-type', value: instanceType },
          { name: 'ecs.os-type', value: 'linux' },
          { name: 'ecs.cpu-architecture', value: type.architecture },
          { name: 'ecs.ami-id', value: `ami-${sim.rng.hex(17)}` },
        ],
        registeredAt: sim.seconds,
        attachments: [],
        tags: [],
      },
      clusterName: cluster.clusterName as string,
      instanceType,
      ec2InstanceId,
      privateIp: allocateIp(sim.state.network, subnet.id),
      availabilityZone: subnet.availabilityZone,
      usedPorts: [...AGENT_PORTS],
      registeredCpu: type.vcpu * 1024,
      registeredMemory: type.memory,
      reservedCpu: 0,
      reservedMemory: 0,
      nextDynamicPort: EPHEMERAL_PORTS.first,
    };
    sim.state.containerInstances[arn] = record;
    created.push(record);
    sim.note(`EC2 instance ${ec2InstanceId} (${instanceType}) registered with cluster ${cluster.clusterName}.`);
  }
  // Daemon services of the cluster start their task on the new instances.
  for (const service of Object.values(sim.state.services)) {
    const s = service.service;
    if (s.clusterArn === cluster.clusterArn && s.status === 'ACTIVE' && s.schedulingStrategy === 'DAEMON')
      requestReconcile(sim, s.serviceArn as string, 1);
  }
  return created;
}

function clusterInstances(sim: Simulator, clusterName: string | undefined) {
  return Object.values(sim.state.containerInstances).filter((r) => r.clusterName === clusterName);
}

function findInstance(
  sim: Simulator,
  clusterName: string | undefined,
  reference: string,
): ContainerInstanceRecord | undefined {
  const id = nameFromArn(reference);
  return clusterInstances(sim, clusterName).find((r) => r.instance.containerInstanceArn?.endsWith(`/${id}`));
}

export function listContainerInstances(sim: Simulator, input: Input) {
  const cluster = findCluster(sim, str(input, 'cluster'));
  const status = str(input, 'status');
  return {
    containerInstanceArns: clusterInstances(sim, cluster.clusterName)
      .filter((r) => r.instance.status !== 'INACTIVE' && (status === undefined || r.instance.status === status))
      .map((r) => r.instance.containerInstanceArn as string),
  };
}

export function describeContainerInstances(sim: Simulator, input: Input) {
  const cluster = findCluster(sim, str(input, 'cluster'));
  const containerInstances: ContainerInstance[] = [];
  const failures: { arn: string; reason: string }[] = [];
  for (const reference of strings(input, 'containerInstances')) {
    const record = findInstance(sim, cluster.clusterName, reference);
    if (record) containerInstances.push(instanceView(sim, record));
    else
      failures.push({
        arn: reference.startsWith('arn:')
          ? reference
          : sim.arn('ecs', `container-instance/${cluster.clusterName}/${reference}`),
        reason: 'MISSING',
      });
  }
  return { containerInstances, failures };
}

export function updateContainerInstancesState(
  sim: Simulator,
  input: Input,
  /** Services look again: tasks on a DRAINING instance move, a daemon returns to an ACTIVE one. */
  onStateChange: (record: ContainerInstanceRecord) => void,
) {
  const cluster = findCluster(sim, str(input, 'cluster'));
  const status = str(input, 'status');
  if (status !== 'ACTIVE' && status !== 'DRAINING')
    throw invalidParameter('Container instance status must be ACTIVE or DRAINING.');
  const containerInstances: ContainerInstance[] = [];
  const failures: { arn: string; reason: string }[] = [];
  for (const reference of strings(input, 'containerInstances')) {
    const record = findInstance(sim, cluster.clusterName, reference);
    if (!record || record.instance.status === 'INACTIVE') {
      failures.push({ arn: reference, reason: 'MISSING' });
      continue;
    }
    record.instance.status = status;
    record.instance.version = (record.instance.version ?? 1) + 1;
    onStateChange(record);
    sim.note(`Container instance ${record.ec2InstanceId} is now ${status}.`);
    containerInstances.push(instanceView(sim, record));
  }
  return { containerInstances, failures };
}

export function deregisterContainerInstance(
  sim: Simulator,
  input: Input,
  stopTasks: (record: ContainerInstanceRecord) => void,
) {
  const cluster = findCluster(sim, str(input, 'cluster'));
  const record = findInstance(sim, cluster.clusterName, str(input, 'containerInstance') ?? '');
  if (!record || record.instance.status === 'INACTIVE')
    throw invalidParameter('The referenced container instance was not found.');
  const running = Object.values(sim.state.tasks).some(
    (t) => t.instanceArn === record.instance.containerInstanceArn && t.task.lastStatus !== 'STOPPED',
  );
  if (running && input.force !== true) {
    throw clientException('Container instance has tasks running. Set force to true to deregister it anyway.');
  }
  stopTasks(record);
  record.instance.status = 'INACTIVE';
  record.instance.agentConnected = false;
  sim.note(`Container instance ${record.ec2InstanceId} deregistered from cluster ${cluster.clusterName}.`);
  return { containerInstance: instanceView(sim, record) };
}
