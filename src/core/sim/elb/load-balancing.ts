/**
 * A minimal Elastic Load Balancing (v2) for services: target groups, application load balancers,
 * listeners, and target registration and health driven by ECS. Shapes and names follow the
 * elbv2 API (PascalCase); only what the course's labs use is simulated.
 */
import { dict } from '../../own.ts';
import type { Simulator } from '../engine.ts';
import { AwsError } from '../errors.ts';
import type { TaskRecord } from '../state.ts';

export interface TargetGroup {
  TargetGroupArn: string;
  TargetGroupName: string;
  Protocol: string;
  Port: number;
  VpcId: string;
  HealthCheckProtocol: string;
  HealthCheckPort: string;
  HealthCheckEnabled: boolean;
  HealthCheckIntervalSeconds: number;
  HealthCheckTimeoutSeconds: number;
  HealthyThresholdCount: number;
  UnhealthyThresholdCount: number;
  HealthCheckPath: string;
  Matcher: { HttpCode: string };
  LoadBalancerArns: string[];
  TargetType: string;
  ProtocolVersion: string;
  IpAddressType: string;
}

export interface LoadBalancer {
  LoadBalancerArn: string;
  DNSName: string;
  CanonicalHostedZoneId: string;
  CreatedTime: string;
  LoadBalancerName: string;
  Scheme: string;
  VpcId: string;
  State: { Code: string };
  Type: string;
  AvailabilityZones: { ZoneName: string; SubnetId: string }[];
  SecurityGroups: string[];
  IpAddressType: string;
}

export interface Listener {
  ListenerArn: string;
  LoadBalancerArn: string;
  Port: number;
  Protocol: string;
  DefaultActions: { Type: string; TargetGroupArn: string }[];
}

export interface Target {
  id: string;
  port: number;
  /** IP address the target answers on (for curl through the load balancer). */
  address: string;
  taskArn: string;
  state: 'initial' | 'healthy' | 'unhealthy' | 'draining';
  reason?: string;
  description?: string;
  /** Epoch seconds the state last changed. */
  since: number;
}

export interface ElbState {
  loadBalancers: Record<string, LoadBalancer>;
  targetGroups: Record<string, TargetGroup>;
  listeners: Record<string, Listener>;
  targets: Record<string, Target[]>;
  /** Round-robin position per load balancer, for curl. */
  next: Record<string, number>;
}

export const emptyElbState = (): ElbState => ({
  loadBalancers: dict(),
  targetGroups: dict(),
  listeners: dict(),
  targets: dict(),
  next: dict(),
});

const elbArn = (sim: Simulator, resource: string) =>
  `arn:aws:elasticloadbalancing:${sim.state.region}:${sim.state.account}:${resource}`;

export function createTargetGroup(
  sim: Simulator,
  options: {
    name: string;
    protocol: string;
    port: number;
    vpcId: string;
    targetType: string;
    healthCheckPath?: string;
  },
): TargetGroup {
  const elb = sim.state.elb;
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,30}[A-Za-z0-9])?$/.test(options.name)) {
    throw new AwsError(
      'ValidationError',
      `Target group name '${options.name}' can only contain characters that are alphanumeric characters or hyphens(-)`,
    );
  }
  if (Object.values(elb.targetGroups).some((t) => t.TargetGroupName === options.name)) {
    throw new AwsError(
      'DuplicateTargetGroupName',
      'A target group with the same name exists, but with different settings',
    );
  }
  if (options.vpcId !== sim.state.network.vpcId)
    throw new AwsError('ValidationError', `The VPC ID '${options.vpcId}' is not found`);
  const group: TargetGroup = {
    TargetGroupArn: elbArn(sim, `targetgroup/${options.name}/${sim.rng.hex(16)}`),
    TargetGroupName: options.name,
    Protocol: options.protocol,
    Port: options.port,
    VpcId: options.vpcId,
    HealthCheckProtocol: options.protocol,
    HealthCheckPort: 'traffic-port',
    HealthCheckEnabled: true,
    HealthCheckIntervalSeconds: 30,
    HealthCheckTimeoutSeconds: 5,
    HealthyThresholdCount: 5,
    UnhealthyThresholdCount: 2,
    HealthCheckPath: options.healthCheckPath ?? '/',
    Matcher: { HttpCode: '200' },
    LoadBalancerArns: [],
    TargetType: options.targetType,
    ProtocolVersion: 'HTTP1',
    IpAddressType: 'ipv4',
  };
  elb.targetGroups[group.TargetGroupArn] = group;
  elb.targets[group.TargetGroupArn] = [];
  sim.note(`Target group ${options.name} created.`);
  return group;
}

export function createLoadBalancer(
  sim: Simulator,
  options: { name: string; subnets: string[]; securityGroups: string[]; type: string },
): LoadBalancer {
  const elb = sim.state.elb;
  if (Object.values(elb.loadBalancers).some((l) => l.LoadBalancerName === options.name)) {
    throw new AwsError('DuplicateLoadBalancerName', 'A load balancer with the same name already exists');
  }
  const zones = options.subnets.map((id) => {
    const subnet = sim.state.network.subnets.find((s) => s.id === id);
    if (!subnet) throw new AwsError('SubnetNotFound', `The subnet ID '${id}' is not valid`);
    return { ZoneName: subnet.availabilityZone, SubnetId: id };
  });
  if (options.type === 'application' && zones.length < 2) {
    throw new AwsError('ValidationError', 'At least two subnets in two different Availability Zones must be specified');
  }
  const id = sim.rng.hex(16);
  const lb: LoadBalancer = {
    LoadBalancerArn: elbArn(sim, `loadbalancer/${options.type === 'network' ? 'net' : 'app'}/${options.name}/${id}`),
    DNSName: `${options.name}-${sim.rng.digits(10)}.${sim.state.region}.elb.amazonaws.com`,
    CanonicalHostedZoneId: 'Z35SXDOTRQ7X7K',
    CreatedTime: new Date(sim.state.now).toISOString().replace('Z', '+00:00'),
    LoadBalancerName: options.name,
    Scheme: 'internet-facing',
    VpcId: sim.state.network.vpcId,
    State: { Code: 'provisioning' },
    Type: options.type,
    AvailabilityZones: zones,
    SecurityGroups: options.securityGroups.length > 0 ? options.securityGroups : [sim.state.network.securityGroupId],
    IpAddressType: 'ipv4',
  };
  elb.loadBalancers[lb.LoadBalancerArn] = lb;
  sim.note(`Load balancer ${options.name} created (${lb.DNSName}).`);
  return lb;
}

export function createListener(
  sim: Simulator,
  options: { loadBalancerArn: string; port: number; protocol: string; targetGroupArn: string },
): Listener {
  const elb = sim.state.elb;
  const lb = elb.loadBalancers[options.loadBalancerArn];
  if (!lb) throw new AwsError('LoadBalancerNotFound', 'One or more load balancers not found');
  const group = elb.targetGroups[options.targetGroupArn];
  if (!group) throw new AwsError('TargetGroupNotFound', 'One or more target groups not found');
  const listener: Listener = {
    ListenerArn: elbArn(
      sim,
      `listener/app/${lb.LoadBalancerName}/${lb.LoadBalancerArn.split('/').at(-1)}/${sim.rng.hex(16)}`,
    ),
    LoadBalancerArn: lb.LoadBalancerArn,
    Port: options.port,
    Protocol: options.protocol,
    DefaultActions: [{ Type: 'forward', TargetGroupArn: group.TargetGroupArn }],
  };
  elb.listeners[listener.ListenerArn] = listener;
  if (!group.LoadBalancerArns.includes(lb.LoadBalancerArn)) group.LoadBalancerArns.push(lb.LoadBalancerArn);
  return listener;
}

/** The load balancer becomes active shortly after it is created. */
export function settleLoadBalancers(sim: Simulator): void {
  for (const lb of Object.values(sim.state.elb.loadBalancers)) {
    if (lb.State.Code === 'provisioning' && Date.parse(lb.CreatedTime) + 60_000 <= sim.state.now)
      lb.State.Code = 'active';
  }
}

/** Seconds a new target needs to pass its health checks: interval × healthy threshold. */
export const secondsToHealthy = (group: TargetGroup) => group.HealthCheckIntervalSeconds * group.HealthyThresholdCount;

/** Registers a service task's container in a target group (ECS does this when the task runs). */
export function registerTarget(
  sim: Simulator,
  groupArn: string,
  task: TaskRecord,
  target: { id: string; port: number; address: string },
): void {
  const targets = sim.state.elb.targets[groupArn];
  if (!targets) return;
  targets.push({
    ...target,
    taskArn: task.task.taskArn as string,
    state: 'initial',
    reason: 'Elb.RegistrationInProgress',
    description: 'Target registration is in progress',
    since: sim.seconds,
  });
}

/** Moves target health on as time passes; returns the targets that just became healthy. */
export function updateTargetHealth(sim: Simulator, listening: (target: Target) => boolean): Target[] {
  const changed: Target[] = [];
  for (const [groupArn, targets] of Object.entries(sim.state.elb.targets)) {
    const group = sim.state.elb.targetGroups[groupArn];
    if (!group) continue;
    for (const t of targets) {
      if (t.state === 'initial' && sim.seconds - t.since >= secondsToHealthy(group)) {
        if (listening(t)) {
          t.state = 'healthy';
          delete t.reason;
          delete t.description;
          changed.push(t);
        } else {
          t.state = 'unhealthy';
          t.reason = 'Target.FailedHealthChecks';
          t.description = 'Health checks failed';
        }
        t.since = sim.seconds;
      }
    }
    // Draining targets leave after the deregistration delay (300 seconds by default).
    sim.state.elb.targets[groupArn] = targets.filter((t) => !(t.state === 'draining' && sim.seconds - t.since >= 300));
  }
  return changed;
}
