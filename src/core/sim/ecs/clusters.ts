/** CreateCluster, DeleteCluster, DescribeClusters, ListClusters. */
import type { Cluster, Tag } from '../../ecs/generated/ecs-types.ts';
import type { Simulator } from '../engine.ts';
import { AwsError, invalidParameter } from '../errors.ts';
import { copy, findCluster, type Input, list, nameFromArn, obj, str, strings } from './common.ts';

/** The cluster with its counts worked out from what runs in it now. */
export function clusterView(sim: Simulator, cluster: Cluster): Cluster {
  const arn = cluster.clusterArn;
  const tasks = Object.values(sim.state.tasks).filter((t) => t.task.clusterArn === arn);
  return {
    ...copy(cluster),
    registeredContainerInstancesCount: Object.values(sim.state.containerInstances).filter(
      (i) => i.clusterName === cluster.clusterName && i.instance.status !== 'INACTIVE',
    ).length,
    runningTasksCount: tasks.filter((t) => t.task.lastStatus === 'RUNNING').length,
    pendingTasksCount: tasks.filter((t) => ['PROVISIONING', 'PENDING', 'ACTIVATING'].includes(t.task.lastStatus ?? ''))
      .length,
    activeServicesCount: Object.values(sim.state.services).filter(
      (s) => s.service.clusterArn === arn && s.service.status === 'ACTIVE',
    ).length,
    tags: copy(sim.state.tags[arn ?? ''] ?? []),
  };
}

function parseTags(input: Input): Tag[] {
  return list(input, 'tags').flatMap((t) => {
    const tag = obj(t);
    return tag && typeof tag.key === 'string'
      ? [{ key: tag.key, ...(typeof tag.value === 'string' ? { value: tag.value } : {}) }]
      : [];
  });
}

export function createCluster(sim: Simulator, input: Input) {
  const name = str(input, 'clusterName') ?? 'default';
  if (!/^[A-Za-z0-9_-]{1,255}$/.test(name)) {
    throw invalidParameter(
      'Cluster name can have up to 255 characters: letters (uppercase and lowercase), numbers, underscores and hyphens.',
    );
  }
  const existing = sim.state.clusters[name];
  if (existing && existing.status === 'ACTIVE') return { cluster: clusterView(sim, existing) };
  const arn = sim.arn('ecs', `cluster/${name}`);
  const insights = list(input, 'settings')
    .map(obj)
    .find((s) => s?.name === 'containerInsights');
  const cluster: Cluster = {
    clusterArn: arn,
    clusterName: name,
    status: 'ACTIVE',
    registeredContainerInstancesCount: 0,
    runningTasksCount: 0,
    pendingTasksCount: 0,
    activeServicesCount: 0,
    statistics: [],
    tags: [],
    settings: [{ name: 'containerInsights', value: typeof insights?.value === 'string' ? insights.value : 'disabled' }],
    capacityProviders: strings(input, 'capacityProviders'),
    defaultCapacityProviderStrategy: copy(
      list(input, 'defaultCapacityProviderStrategy'),
    ) as Cluster['defaultCapacityProviderStrategy'] & object,
  };
  sim.state.clusters[name] = cluster;
  sim.state.tags[arn] = parseTags(input);
  sim.note(`Cluster ${name} created.`);
  return { cluster: clusterView(sim, cluster) };
}

export function deleteCluster(sim: Simulator, input: Input) {
  const cluster = findCluster(sim, str(input, 'cluster'));
  const arn = cluster.clusterArn;
  const view = clusterView(sim, cluster);
  if (
    (view.activeServicesCount ?? 0) > 0 ||
    Object.values(sim.state.services).some((s) => s.service.clusterArn === arn && s.service.status === 'DRAINING')
  ) {
    throw new AwsError('ClusterContainsServicesException', 'The Cluster cannot be deleted while Services are active.');
  }
  if (Object.values(sim.state.tasks).some((t) => t.task.clusterArn === arn && t.task.lastStatus !== 'STOPPED')) {
    throw new AwsError('ClusterContainsTasksException', 'The Cluster cannot be deleted while Tasks are active.');
  }
  if ((view.registeredContainerInstancesCount ?? 0) > 0) {
    throw new AwsError(
      'ClusterContainsContainerInstancesException',
      'The Cluster cannot be deleted while Container Instances are active.',
    );
  }
  cluster.status = 'INACTIVE';
  sim.note(`Cluster ${cluster.clusterName} deleted.`);
  return { cluster: { ...clusterView(sim, cluster), status: 'INACTIVE' } };
}

export function describeClusters(sim: Simulator, input: Input) {
  const names = input.clusters === undefined ? ['default'] : strings(input, 'clusters');
  if (names.length > 100) throw invalidParameter('At most 100 clusters can be described at once.');
  const clusters: Cluster[] = [];
  const failures: { arn: string; reason: string }[] = [];
  for (const value of names) {
    const cluster = sim.state.clusters[nameFromArn(value)];
    if (cluster) clusters.push(clusterView(sim, cluster));
    else
      failures.push({ arn: value.startsWith('arn:') ? value : sim.arn('ecs', `cluster/${value}`), reason: 'MISSING' });
  }
  return { clusters, failures };
}

export function listClusters(sim: Simulator) {
  return {
    clusterArns: Object.values(sim.state.clusters)
      .filter((c) => c.status === 'ACTIVE')
      .map((c) => c.clusterArn as string)
      .sort(),
  };
}
