/**
 * The simulator factory: wires every implemented operation and event kind into a Simulator.
 * `createSimulator({ seed })` gives a fresh account; `restoreSimulator(state)` continues one.
 */

import * as ecr from './ecr/repositories.ts';
import * as clusters from './ecs/clusters.ts';
import * as instances from './ecs/container-instances.ts';
import { requestReconcile } from './ecs/reconcile-queue.ts';
import * as serviceLoadBalancers from './ecs/service-load-balancers.ts';
import * as services from './ecs/services.ts';
import * as tags from './ecs/tags.ts';
import * as taskDefinitions from './ecs/task-definitions.ts';
import * as tasks from './ecs/tasks.ts';
import { type EventHandler, type Handler, type SimOptions, Simulator } from './engine.ts';
import type { ScheduledEvent, SimState } from './state.ts';

const ECS: Record<string, Handler> = {
  CreateCluster: clusters.createCluster,
  DeleteCluster: clusters.deleteCluster,
  DescribeClusters: clusters.describeClusters,
  ListClusters: (sim) => clusters.listClusters(sim),
  RegisterTaskDefinition: taskDefinitions.registerTaskDefinition,
  DescribeTaskDefinition: taskDefinitions.describeTaskDefinition,
  DeregisterTaskDefinition: taskDefinitions.deregisterTaskDefinition,
  DeleteTaskDefinitions: taskDefinitions.deleteTaskDefinitions,
  ListTaskDefinitions: taskDefinitions.listTaskDefinitions,
  ListTaskDefinitionFamilies: taskDefinitions.listTaskDefinitionFamilies,
  RunTask: tasks.runTask,
  StartTask: tasks.startTask,
  StopTask: tasks.stopTask,
  DescribeTasks: tasks.describeTasks,
  ListTasks: tasks.listTasks,
  CreateService: services.createService,
  UpdateService: services.updateService,
  DeleteService: services.deleteService,
  DescribeServices: services.describeServices,
  ListServices: services.listServices,
  ListContainerInstances: instances.listContainerInstances,
  DescribeContainerInstances: instances.describeContainerInstances,
  UpdateContainerInstancesState: (sim, input) =>
    instances.updateContainerInstancesState(sim, input, () => services.onInstanceDraining(sim)),
  DeregisterContainerInstance: (sim, input) =>
    instances.deregisterContainerInstance(sim, input, (record) =>
      services.stopTasksOn(sim, record.instance.containerInstanceArn as string),
    ),
  TagResource: tags.tagResource,
  UntagResource: tags.untagResource,
  ListTagsForResource: tags.listTagsForResource,
};

const ECR: Record<string, Handler> = {
  CreateRepository: ecr.createRepository,
  DescribeRepositories: ecr.describeRepositories,
  DeleteRepository: ecr.deleteRepository,
  GetAuthorizationToken: (sim) => ecr.getAuthorizationToken(sim),
  DescribeImages: ecr.describeImages,
  ListImages: ecr.listImages,
  BatchDeleteImage: ecr.batchDeleteImage,
};

function handlers(): Map<string, Handler> {
  return new Map([
    ...Object.entries(ECS).map(([name, handler]) => [`ecs:${name}`, handler] as const),
    ...Object.entries(ECR).map(([name, handler]) => [`ecr:${name}`, handler] as const),
  ]);
}

function eventHandlers(): Map<ScheduledEvent['kind'], EventHandler> {
  return new Map<ScheduledEvent['kind'], EventHandler>([
    ['task-advance', tasks.advanceTask],
    ['container-exit', tasks.containerExited],
    ['health-check', tasks.healthCheckPassed],
    ['service-reconcile', services.reconcileEvent],
    ['target-health', serviceLoadBalancers.targetHealthEvent],
  ]);
}

function wire(sim: Simulator): Simulator {
  sim.hooks.afterTaskStopped = (record) => services.onServiceTaskStopped(sim, record);
  sim.hooks.ecrImageBehaviour = (repository, tag, digest) => ecr.ecrImageBehaviour(sim, repository, tag, digest);
  sim.hooks.afterTaskRunning = (record) => {
    if (!record.serviceArn) return;
    serviceLoadBalancers.registerServiceTask(sim, record);
    requestReconcile(sim, record.serviceArn, 0);
  };
  sim.hooks.onTaskDraining = (record) => serviceLoadBalancers.drainServiceTask(sim, record);
  return sim;
}

export function createSimulator(options: SimOptions = {}): Simulator {
  return wire(new Simulator(handlers(), eventHandlers(), options));
}

/** Continues from a saved state (a deep copy is taken). */
export function restoreSimulator(state: SimState): Simulator {
  return wire(new Simulator(handlers(), eventHandlers(), {}, JSON.parse(JSON.stringify(state)) as SimState));
}

export { INSTANCE_TYPES, registerInstances } from './ecs/container-instances.ts';
export { Simulator } from './engine.ts';
export { AwsError, isAwsError } from './errors.ts';
export type { SimState } from './state.ts';
