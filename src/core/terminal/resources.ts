/**
 * The names Tab can offer from the simulated account, read from its state as plain data: the
 * completion logic stays testable without a simulator, and reading is cheap enough to do on every
 * Tab (a few hundred records at most).
 */
import { INSTANCE_TYPES } from '../sim/ecs/container-instances.ts';
import type { Simulator } from '../sim/engine.ts';

export interface Resources {
  region: string;
  /** ECR registry host: 123456789012.dkr.ecr.us-east-1.amazonaws.com. */
  registry: string;
  clusters: string[];
  services: { name: string; cluster: string; arn: string }[];
  /** ACTIVE revisions only: the ones a task or service can use. */
  taskDefinitions: { family: string; revision: number; arn: string }[];
  tasks: { id: string; arn: string; cluster: string }[];
  containerInstances: { id: string; arn: string; cluster: string }[];
  /** EC2 instances still running. */
  ec2Instances: string[];
  instanceTypes: string[];
  repositories: string[];
  logGroups: { name: string; streams: string[] }[];
  targetGroups: { name: string; arn: string }[];
  loadBalancers: { name: string; arn: string; dnsName: string }[];
  vpcs: string[];
  subnets: string[];
  securityGroups: string[];
  /** Local Docker images as REPOSITORY:TAG. */
  localImages: string[];
}

export const EMPTY_RESOURCES: Resources = {
  region: 'us-east-1',
  registry: '',
  clusters: [],
  services: [],
  taskDefinitions: [],
  tasks: [],
  containerInstances: [],
  ec2Instances: [],
  instanceTypes: [],
  repositories: [],
  logGroups: [],
  targetGroups: [],
  loadBalancers: [],
  vpcs: [],
  subnets: [],
  securityGroups: [],
  localImages: [],
};

/** The last part of an ARN (…:cluster/demo → demo; …:task/demo/abc → abc); a name stays a name. */
export const lastPart = (reference: string): string => reference.split('/').at(-1) ?? reference;

export function resourcesOf(sim: Simulator): Resources {
  const { state } = sim;
  const liveInstances = Object.values(state.containerInstances).filter((r) => r.instance.status !== 'INACTIVE');
  return {
    region: state.region,
    registry: `${state.account}.dkr.ecr.${state.region}.amazonaws.com`,
    clusters: Object.values(state.clusters)
      .filter((c) => c.status !== 'INACTIVE')
      .map((c) => c.clusterName ?? ''),
    services: Object.values(state.services)
      .filter((s) => s.service.status !== 'INACTIVE')
      .map((s) => ({
        name: s.service.serviceName ?? '',
        cluster: lastPart(s.service.clusterArn ?? ''),
        arn: s.service.serviceArn ?? '',
      })),
    taskDefinitions: Object.entries(state.taskDefinitions).flatMap(([family, revisions]) =>
      revisions
        .filter((d) => d.status === 'ACTIVE')
        .map((d) => ({ family, revision: d.revision ?? 0, arn: d.taskDefinitionArn ?? '' })),
    ),
    tasks: Object.values(state.tasks).map((r) => ({
      id: lastPart(r.task.taskArn ?? ''),
      arn: r.task.taskArn ?? '',
      cluster: lastPart(r.task.clusterArn ?? ''),
    })),
    containerInstances: liveInstances.map((r) => ({
      id: lastPart(r.instance.containerInstanceArn ?? ''),
      arn: r.instance.containerInstanceArn ?? '',
      cluster: r.clusterName,
    })),
    ec2Instances: liveInstances.map((r) => r.ec2InstanceId),
    instanceTypes: Object.keys(INSTANCE_TYPES),
    repositories: Object.keys(state.ecr.repositories),
    logGroups: Object.values(state.logs).map((g) => ({ name: g.logGroupName, streams: Object.keys(g.streams) })),
    targetGroups: Object.values(state.elb.targetGroups).map((t) => ({
      name: t.TargetGroupName,
      arn: t.TargetGroupArn,
    })),
    loadBalancers: Object.values(state.elb.loadBalancers).map((l) => ({
      name: l.LoadBalancerName,
      arn: l.LoadBalancerArn,
      dnsName: l.DNSName,
    })),
    vpcs: [state.network.vpcId],
    subnets: state.network.subnets.map((s) => s.id),
    securityGroups: [state.network.securityGroupId],
    localImages: state.docker.images
      .filter((i) => i.repository !== '<none>' && i.tag !== '<none>')
      .map((i) => `${i.repository}:${i.tag}`),
  };
}
