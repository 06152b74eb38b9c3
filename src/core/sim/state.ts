/**
 * The simulated account's whole state: plain, JSON-serializable data. Resources are stored in
 * their API shapes (generated from the AWS model) with timestamps in epoch seconds, plus the
 * bookkeeping the API does not show (reservations, container plans, the event queue).
 */

import type { ImageDetail, Repository } from '../ecs/generated/ecr-types.ts';
import type { Cluster, ContainerInstance, Service, Tag, Task, TaskDefinition } from '../ecs/generated/ecs-types.ts';
import type { ElbState } from './elb/load-balancing.ts';
import type { ImageBehaviour } from './images.ts';
import type { LogsState } from './logs/log-groups.ts';
import type { NetworkState } from './network.ts';
import type { RngState } from './rng.ts';

/** What a container will do once it runs (from its image and command). */
export interface ContainerPlan {
  name: string;
  essential: boolean;
  image: string;
  /** Seconds after RUNNING the process exits by itself; undefined = until stopped. */
  exitsAfter?: number;
  exitCode?: number;
  listensOn?: number;
  response?: string;
  /** The image cannot be pulled: the task will fail with this reason. */
  pullError?: string;
  /** Seconds until the health check first passes (undefined = no health check). */
  healthyAfter?: number;
}

export interface TaskRecord {
  task: Task;
  /** Container instance the task was placed on (EC2). */
  instanceArn?: string;
  /** What the task holds on its instance, released when it stops. */
  reserved: { cpu: number; memory: number; ports: number[] };
  plans: ContainerPlan[];
  serviceArn?: string;
  deploymentId?: string;
  /** Epoch seconds the task became RUNNING. */
  runningSince?: number;
}

export interface ServiceRecord {
  service: Service;
  /** The steady-state event was logged for the current situation. */
  steady: boolean;
  /** Consecutive failed task launches of the primary deployment (circuit breaker). */
  failures: number;
  /** Virtual time (epoch ms) of the scheduler pass queued for this service, if one is. */
  reconcileAt?: number;
}

export interface ContainerInstanceRecord {
  instance: ContainerInstance;
  clusterName: string;
  instanceType: string;
  ec2InstanceId: string;
  privateIp: string;
  availabilityZone: string;
  /** Host ports in use (reserved by the agent or held by tasks). */
  usedPorts: number[];
  /** CPU units and MiB the agent registered (the instance type's, less what the OS keeps). */
  registeredCpu: number;
  registeredMemory: number;
  /** CPU units and MiB held by the tasks on the instance that have not STOPPED. */
  reservedCpu: number;
  reservedMemory: number;
  nextDynamicPort: number;
  /** Epoch seconds the EC2 instance was terminated; deregistering alone leaves it running (and billed). */
  terminatedAt?: number;
}

/** Something that will happen at a moment of virtual time. */
export interface ScheduledEvent {
  at: number;
  seq: number;
  kind: 'task-advance' | 'container-exit' | 'health-check' | 'service-reconcile' | 'target-health';
  /** ARN of the task or service concerned. */
  target: string;
  /** For container events: the container name. */
  container?: string;
}

/** An image in a simulated ECR repository, with what its process does when run. */
export interface EcrImage {
  detail: ImageDetail;
  behaviour: ImageBehaviour;
}

/** An image in the learner's local Docker (docker build / tag). */
export interface LocalImage {
  /** Repository as Docker names it: web, or 123456789012.dkr.ecr.us-east-1.amazonaws.com/web. */
  repository: string;
  tag: string;
  /** Short image id (12 hex digits) shared by every tag of the same image. */
  id: string;
  digest: string;
  sizeBytes: number;
  createdAt: number;
  behaviour: ImageBehaviour;
}

export interface SimState {
  version: 1;
  account: string;
  region: string;
  seed: number;
  /** Virtual time, epoch milliseconds. */
  now: number;
  seq: number;
  rng: RngState;
  network: NetworkState;
  clusters: Record<string, Cluster>;
  /** Task definition revisions by family, revision 1 first. */
  taskDefinitions: Record<string, TaskDefinition[]>;
  tasks: Record<string, TaskRecord>;
  services: Record<string, ServiceRecord>;
  containerInstances: Record<string, ContainerInstanceRecord>;
  tags: Record<string, Tag[]>;
  /** Placement groups (family:x, service:y): how many live tasks each instance runs. */
  placementGroups: Record<string, Record<string, number>>;
  ecr: { repositories: Record<string, Repository>; images: Record<string, EcrImage[]>; password: string };
  docker: { images: LocalImage[]; loggedIn: string[] };
  elb: ElbState;
  logs: LogsState;
  queue: ScheduledEvent[];
  /** A human-readable log of what happened, for lessons and the cluster view. */
  log: { at: number; message: string }[];
}
