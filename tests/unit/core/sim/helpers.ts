/**
 * Shared set-up for the simulator tests: a fresh account with a cluster (and EC2 capacity when
 * asked), typed wrappers around `sim.call`, task definitions learners write, and small helpers to
 * let virtual time pass until something happens.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type {
  Cluster,
  ContainerInstance,
  Failure,
  Service,
  Task,
  TaskDefinition,
} from '../../../../src/core/ecs/generated/ecs-types.ts';
import { createSimulator, isAwsError, registerInstances, type Simulator } from '../../../../src/core/sim/index.ts';
import { createLogGroup } from '../../../../src/core/sim/logs/log-groups.ts';
import type { ContainerInstanceRecord } from '../../../../src/core/sim/state.ts';

export type Json = Record<string, unknown>;

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const ARN_PREFIX = `arn:aws:ecs:${REGION}:${ACCOUNT}`;
/** 2026-01-05T09:00:00Z in epoch seconds: the simulator's default start. */
export const START = Date.UTC(2026, 0, 5, 9, 0, 0) / 1000;

/** A task definition from content/examples/task-definitions. */
export function example(name: string): Json {
  return JSON.parse(readFileSync(`content/examples/task-definitions/${name}.json`, 'utf8')) as Json;
}

/** The only element of a list, or the first; fails the test when there is none. */
export function first<T>(items: readonly T[] | undefined, what = 'item'): T {
  const item = items?.[0];
  if (item === undefined) throw new Error(`expected at least one ${what}`);
  return item;
}

export interface Setup {
  sim: Simulator;
  /** The default VPC's three subnets (one per Availability Zone). */
  subnets: string[];
  instances: ContainerInstanceRecord[];
}

/** A fresh account with one cluster (`demo` unless told otherwise) and optional EC2 instances. */
export function setup(
  options: { seed?: number; cluster?: string; instances?: number; instanceType?: string } = {},
): Setup {
  const sim = createSimulator({ seed: options.seed ?? 1 });
  const cluster = options.cluster ?? 'demo';
  sim.call('ecs:CreateCluster', { clusterName: cluster });
  const instances =
    (options.instances ?? 0) > 0
      ? registerInstances(sim, cluster, options.instances ?? 0, options.instanceType ?? 't3.medium')
      : [];
  return { sim, subnets: sim.state.network.subnets.map((s) => s.id), instances };
}

/** Creates the log groups the example task definitions write to. */
export function createLogGroups(sim: Simulator, ...names: string[]): void {
  for (const name of names) createLogGroup(sim, name);
}

/** A container definition for EC2 (bridge) that logs locally, so no log group is needed. */
export function container(name: string, extra: Json = {}): Json {
  return {
    name,
    image: 'public.ecr.aws/docker/library/httpd:2.4',
    essential: true,
    cpu: 256,
    memory: 512,
    portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
    logConfiguration: { logDriver: 'json-file' },
    ...extra,
  };
}

/** An EC2 (bridge) task definition with one container: `container(family, extra)`. */
export function ec2Def(family: string, extra: Json = {}, task: Json = {}): Json {
  return {
    family,
    requiresCompatibilities: ['EC2'],
    networkMode: 'bridge',
    containerDefinitions: [container(family, extra)],
    ...task,
  };
}

/** A Fargate task definition (awsvpc, 0.25 vCPU, 512 MiB) logging locally. */
export function fargateDef(family: string, extra: Json = {}, task: Json = {}): Json {
  return {
    family,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    containerDefinitions: [
      {
        name: family,
        image: 'public.ecr.aws/nginx/nginx:1.27',
        essential: true,
        portMappings: [{ containerPort: 80, protocol: 'tcp' }],
        ...extra,
      },
    ],
    ...task,
  };
}

export const awsvpc = (subnets: string[], extra: Json = {}) => ({
  awsvpcConfiguration: { subnets, ...extra },
});

/** Asserts that `fn` throws an AwsError of this type with exactly this message. */
export function expectAwsError(fn: () => unknown, type: string, message: string | RegExp): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(isAwsError(thrown), `expected an AwsError, got ${String(thrown)}`).toBe(true);
  if (!isAwsError(thrown)) return;
  expect(thrown.type).toBe(type);
  if (typeof message === 'string') expect(thrown.message).toBe(message);
  else expect(thrown.message).toMatch(message);
}

// Typed wrappers: the simulator's outputs are the API shapes.

export const registerTaskDefinition = (sim: Simulator, input: Json) =>
  sim.call('ecs:RegisterTaskDefinition', input) as { taskDefinition: TaskDefinition; tags: Json[] };

export const describeTaskDefinition = (sim: Simulator, taskDefinition: string) =>
  (sim.call('ecs:DescribeTaskDefinition', { taskDefinition }) as { taskDefinition: TaskDefinition }).taskDefinition;

export const runTask = (sim: Simulator, input: Json) =>
  sim.call('ecs:RunTask', { cluster: 'demo', ...input }) as { tasks: Task[]; failures: Failure[] };

/** Runs one task and returns it (fails the test if it was not placed). */
export function runOne(sim: Simulator, input: Json): Task {
  const result = runTask(sim, input);
  expect(result.failures).toEqual([]);
  return first(result.tasks, 'task');
}

export const describeTasks = (sim: Simulator, tasks: string[], cluster = 'demo') =>
  sim.call('ecs:DescribeTasks', { cluster, tasks }) as { tasks: Task[]; failures: Failure[] };

export const describeTask = (sim: Simulator, arn: string, cluster = 'demo'): Task =>
  first(describeTasks(sim, [arn], cluster).tasks, 'task');

export const listTasks = (sim: Simulator, input: Json = {}) =>
  (sim.call('ecs:ListTasks', { cluster: 'demo', ...input }) as { taskArns: string[] }).taskArns;

export const createService = (sim: Simulator, input: Json) =>
  (sim.call('ecs:CreateService', { cluster: 'demo', ...input }) as { service: Service }).service;

export const updateService = (sim: Simulator, input: Json) =>
  (sim.call('ecs:UpdateService', { cluster: 'demo', ...input }) as { service: Service }).service;

export const describeService = (sim: Simulator, name: string, cluster = 'demo'): Service =>
  first(
    (sim.call('ecs:DescribeServices', { cluster, services: [name] }) as { services: Service[] }).services,
    'service',
  );

export const describeCluster = (sim: Simulator, name = 'demo'): Cluster =>
  first((sim.call('ecs:DescribeClusters', { clusters: [name] }) as { clusters: Cluster[] }).clusters, 'cluster');

export const describeInstance = (sim: Simulator, arn: string, cluster = 'demo'): ContainerInstance =>
  first(
    (
      sim.call('ecs:DescribeContainerInstances', { cluster, containerInstances: [arn] }) as {
        containerInstances: ContainerInstance[];
      }
    ).containerInstances,
    'container instance',
  );

/** A remaining resource of a container instance (CPU, MEMORY: a number; PORTS: the list). */
export function remaining(instance: ContainerInstance, name: 'CPU' | 'MEMORY'): number {
  return instance.remainingResources?.find((r) => r.name === name)?.integerValue ?? Number.NaN;
}
export function remainingPorts(instance: ContainerInstance): string[] {
  return instance.remainingResources?.find((r) => r.name === 'PORTS')?.stringSetValue ?? [];
}

/** Every lastStatus a task passes through, stepping one virtual second at a time. */
export function statusTrail(sim: Simulator, arn: string, seconds: number, cluster = 'demo'): string[] {
  const trail = [describeTask(sim, arn, cluster).lastStatus ?? ''];
  for (let i = 0; i < seconds; i++) {
    sim.advance(1);
    const status = describeTask(sim, arn, cluster).lastStatus ?? '';
    if (status !== trail.at(-1)) trail.push(status);
  }
  return trail;
}

/** Advances until the task reaches `status` (within `maxSeconds`) and returns it. */
export function waitForTask(sim: Simulator, arn: string, status: string, maxSeconds = 300, cluster = 'demo'): Task {
  const reached = sim.advanceUntil(() => describeTask(sim, arn, cluster).lastStatus === status, maxSeconds);
  expect(reached, `task ${arn} did not reach ${status} within ${maxSeconds} s`).toBe(true);
  return describeTask(sim, arn, cluster);
}

/** Tasks of a service as the scheduler sees them (from the state, not through the API). */
export function serviceTasks(sim: Simulator, serviceName: string) {
  return Object.values(sim.state.tasks).filter((t) => t.serviceArn?.endsWith(`/${serviceName}`));
}

/** How many of a service's tasks each of the given instances runs (desiredStatus RUNNING). */
export function tasksPerInstance(sim: Simulator, serviceName: string, instances: ContainerInstanceRecord[]): number[] {
  return instances.map(
    (i) =>
      serviceTasks(sim, serviceName).filter(
        (t) => t.instanceArn === i.instance.containerInstanceArn && t.task.desiredStatus === 'RUNNING',
      ).length,
  );
}

export const TASK_ID = /^[0-9a-f]{32}$/;
export const taskArnPattern = (cluster: string) => new RegExp(`^${ARN_PREFIX}:task/${cluster}/[0-9a-f]{32}$`);
export const taskIdOf = (arn: string) => arn.split('/').at(-1) ?? '';
