/**
 * What the live cluster picture shows, computed from the simulator's state: clusters with their
 * instances and tasks, services, load balancers and images, plus a sentence per change for screen
 * readers. Pure data in, pure data out; the island only draws it.
 */
import type { SimState, TaskRecord } from '../sim/state.ts';

export interface TaskChip {
  /** The task id (last part of its ARN). */
  id: string;
  arn: string;
  /** lastStatus: PROVISIONING … STOPPED. */
  status: string;
  desiredStatus: string;
  launchType: string;
  networkMode: string;
  /** family:revision of its task definition. */
  definition: string;
  /** `service:NAME` or `family:NAME`, as ECS groups tasks. */
  group: string;
  health: string;
  /** Private IP (awsvpc) or host ports (bridge/host) where it listens. */
  address: string;
}

export interface InstanceCard {
  id: string;
  arn: string;
  instanceType: string;
  zone: string;
  status: string;
  cpu: { used: number; total: number };
  memory: { used: number; total: number };
  /** Host ports tasks hold (not the agent's reserved ports). */
  taskPorts: number[];
  tasks: TaskChip[];
}

export interface ServiceRow {
  name: string;
  arn: string;
  status: string;
  launchType: string;
  desired: number;
  running: number;
  pending: number;
  /** Deployments, primary first, with rollout state. */
  deployments: { id: string; status: string; rollout: string; running: number; desired: number; definition: string }[];
}

export interface ClusterCard {
  name: string;
  arn: string;
  status: string;
  instances: InstanceCard[];
  /** Tasks not on an instance (Fargate). */
  fargateTasks: TaskChip[];
  services: ServiceRow[];
  running: number;
  pending: number;
}

export interface LoadBalancerCard {
  name: string;
  dns: string;
  state: string;
  targetGroups: { name: string; targets: { id: string; port: number; health: string }[] }[];
}

export interface RepositoryCard {
  name: string;
  uri: string;
  images: { tags: string[]; digest: string }[];
}

export interface ClusterView {
  /** Simulated time, ISO 8601. */
  time: string;
  clusters: ClusterCard[];
  loadBalancers: LoadBalancerCard[];
  repositories: RepositoryCard[];
}

const lastPart = (arn: string | undefined) => (arn ?? '').split('/').at(-1) ?? '';
const definitionName = (arn: string | undefined) => (arn ?? '').split('/').at(-1) ?? '';
/** Stopped tasks stay visible this long, so a learner sees what happened to them. */
export const STOPPED_VISIBLE_MS = 5 * 60 * 1000;

function chip(record: TaskRecord, state: SimState): TaskChip {
  const t = record.task;
  const definition = definitionName(t.taskDefinitionArn);
  const family = definition.split(':')[0] ?? '';
  const networkMode =
    state.taskDefinitions[family]?.find((d) => d.taskDefinitionArn === t.taskDefinitionArn)?.networkMode ??
    (t.launchType === 'FARGATE' ? 'awsvpc' : 'bridge');
  const ip = t.attachments?.flatMap((a) => a.details ?? []).find((d) => d.name === 'privateIPv4Address')?.value;
  const ports = (t.containers ?? []).flatMap((c) => (c.networkBindings ?? []).map((b) => b.hostPort)).filter(Boolean);
  return {
    id: lastPart(t.taskArn),
    arn: t.taskArn ?? '',
    status: t.lastStatus ?? 'PROVISIONING',
    desiredStatus: t.desiredStatus ?? 'RUNNING',
    launchType: t.launchType ?? 'EC2',
    networkMode,
    definition,
    group: t.group ?? `family:${family}`,
    health: t.healthStatus ?? 'UNKNOWN',
    address: ip ?? (ports.length > 0 ? `port ${ports.join(', ')}` : ''),
  };
}

function visible(record: TaskRecord, now: number): boolean {
  if (record.task.lastStatus !== 'STOPPED') return true;
  const stoppedAt = record.task.stoppedAt;
  return typeof stoppedAt === 'number' && now - stoppedAt * 1000 < STOPPED_VISIBLE_MS;
}

const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);

/** The whole picture for one moment of the simulation. */
export function clusterView(state: SimState): ClusterView {
  const tasks = Object.values(state.tasks).filter((r) => visible(r, state.now));
  const clusters = Object.values(state.clusters)
    .filter((c) => c.status !== 'INACTIVE')
    .map((cluster): ClusterCard => {
      const arn = cluster.clusterArn ?? '';
      const own = tasks.filter((r) => r.task.clusterArn === arn);
      const instances = Object.values(state.containerInstances)
        .filter((i) => i.instance.status !== 'INACTIVE' && i.clusterName === cluster.clusterName)
        .map(
          (i): InstanceCard => ({
            id: i.ec2InstanceId,
            arn: i.instance.containerInstanceArn ?? '',
            instanceType: i.instanceType,
            zone: i.availabilityZone,
            status: i.instance.status ?? 'ACTIVE',
            cpu: { used: i.reservedCpu, total: i.registeredCpu },
            memory: { used: i.reservedMemory, total: i.registeredMemory },
            taskPorts: own
              .filter((r) => r.instanceArn === i.instance.containerInstanceArn && r.task.lastStatus !== 'STOPPED')
              .flatMap((r) => r.reserved.ports)
              .sort((a, b) => a - b),
            tasks: own
              .filter((r) => r.instanceArn === i.instance.containerInstanceArn)
              .map((r) => chip(r, state))
              .sort(byId),
          }),
        )
        .sort(byId);
      const services = Object.values(state.services)
        .filter((s) => s.service.clusterArn === arn && s.service.status !== 'INACTIVE')
        .map(
          ({ service }): ServiceRow => ({
            name: service.serviceName ?? '',
            arn: service.serviceArn ?? '',
            status: service.status ?? 'ACTIVE',
            launchType: service.launchType ?? 'EC2',
            desired: service.desiredCount ?? 0,
            running: service.runningCount ?? 0,
            pending: service.pendingCount ?? 0,
            deployments: (service.deployments ?? []).map((d) => ({
              id: d.id ?? '',
              status: d.status ?? '',
              rollout: d.rolloutState ?? '',
              running: d.runningCount ?? 0,
              desired: d.desiredCount ?? 0,
              definition: definitionName(d.taskDefinition),
            })),
          }),
        )
        .sort((a, b) => a.name.localeCompare(b.name));
      return {
        name: cluster.clusterName ?? '',
        arn,
        status: cluster.status ?? 'ACTIVE',
        instances,
        fargateTasks: own
          .filter((r) => r.instanceArn === undefined)
          .map((r) => chip(r, state))
          .sort(byId),
        services,
        running: own.filter((r) => r.task.lastStatus === 'RUNNING').length,
        pending: own.filter(
          (r) => !['RUNNING', 'STOPPED', 'DEPROVISIONING', 'STOPPING'].includes(r.task.lastStatus ?? ''),
        ).length,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));

  const loadBalancers = Object.values(state.elb.loadBalancers)
    .map(
      (lb): LoadBalancerCard => ({
        name: lb.LoadBalancerName,
        dns: lb.DNSName,
        state: lb.State.Code,
        targetGroups: Object.values(state.elb.targetGroups)
          .filter((tg) => tg.LoadBalancerArns.includes(lb.LoadBalancerArn))
          .map((tg) => ({
            name: tg.TargetGroupName,
            targets: (state.elb.targets[tg.TargetGroupArn] ?? []).map((t) => ({
              id: t.id,
              port: t.port,
              health: t.state,
            })),
          })),
      }),
    )
    .sort((a, b) => a.name.localeCompare(b.name));

  const repositories = Object.values(state.ecr.repositories)
    .map(
      (repo): RepositoryCard => ({
        name: repo.repositoryName ?? '',
        uri: repo.repositoryUri ?? '',
        images: (state.ecr.images[repo.repositoryName ?? ''] ?? []).map((image) => ({
          tags: image.detail.imageTags ?? [],
          digest: (image.detail.imageDigest ?? '').slice(0, 19),
        })),
      }),
    )
    .sort((a, b) => a.name.localeCompare(b.name));

  return { time: new Date(state.now).toISOString(), clusters, loadBalancers, repositories };
}

const allTasks = (view: ClusterView) =>
  view.clusters.flatMap((c) => [...c.fargateTasks, ...c.instances.flatMap((i) => i.tasks)]);

/**
 * Short sentences saying what changed between two pictures, for a live region. Only what a
 * learner acts on: tasks changing state, services' counts, instances, clusters, repositories.
 */
export function describeChanges(before: ClusterView, after: ClusterView): string[] {
  const changes: string[] = [];
  const names = (list: { name: string }[]) => new Set(list.map((x) => x.name));
  const beforeClusters = names(before.clusters);
  const afterClusters = names(after.clusters);
  for (const c of after.clusters) if (!beforeClusters.has(c.name)) changes.push(`Cluster ${c.name} created.`);
  for (const c of before.clusters) if (!afterClusters.has(c.name)) changes.push(`Cluster ${c.name} deleted.`);

  const beforeInstances = new Set(before.clusters.flatMap((c) => c.instances.map((i) => i.id)));
  for (const c of after.clusters)
    for (const i of c.instances)
      if (!beforeInstances.has(i.id)) changes.push(`Instance ${i.id} (${i.instanceType}) joined cluster ${c.name}.`);

  const previous = new Map(allTasks(before).map((t) => [t.arn, t]));
  const now = allTasks(after);
  for (const t of now) {
    const was = previous.get(t.arn);
    if (!was) changes.push(`Task ${t.id.slice(0, 8)} (${t.definition}) started: ${t.status}.`);
    else if (was.status !== t.status) changes.push(`Task ${t.id.slice(0, 8)} is ${t.status}.`);
  }

  const services = new Map(before.clusters.flatMap((c) => c.services.map((s) => [s.arn, s])));
  for (const c of after.clusters)
    for (const s of c.services) {
      const was = services.get(s.arn);
      if (!was) changes.push(`Service ${s.name} created, ${s.desired} desired.`);
      else if (was.running !== s.running || was.desired !== s.desired)
        changes.push(`Service ${s.name}: ${s.running} of ${s.desired} running.`);
    }

  const repositories = names(before.repositories);
  for (const r of after.repositories) if (!repositories.has(r.name)) changes.push(`Repository ${r.name} created.`);
  return changes;
}
