/**
 * `aws elbv2 …` for the course's load-balancing labs: create-target-group, create-load-balancer,
 * create-listener, describe-target-groups, describe-load-balancers, describe-target-health.
 * A hand-written subset (elbv2 is not part of the generated ECS/ECR model); output is PascalCase
 * JSON like the real CLI's.
 */
import {
  createListener,
  createLoadBalancer,
  createTargetGroup,
  settleLoadBalancers,
} from '../sim/elb/load-balancing.ts';
import type { Simulator } from '../sim/engine.ts';
import { type HandOperation, one, required, runOperation } from './hand-options.ts';
import type { CommandResult } from './result.ts';

const OPERATIONS: Record<string, HandOperation<Simulator>> = {
  'create-target-group': {
    name: 'CreateTargetGroup',
    run: (sim, o) => ({
      TargetGroups: [
        createTargetGroup(sim, {
          name: required(o, 'name'),
          protocol: one(o, 'protocol') ?? 'HTTP',
          port: Number(one(o, 'port') ?? '80'),
          vpcId: required(o, 'vpc-id'),
          targetType: one(o, 'target-type') ?? 'instance',
          ...(one(o, 'health-check-path') ? { healthCheckPath: one(o, 'health-check-path') as string } : {}),
        }),
      ],
    }),
  },
  'create-load-balancer': {
    name: 'CreateLoadBalancer',
    run: (sim, o) => ({
      LoadBalancers: [
        createLoadBalancer(sim, {
          name: required(o, 'name'),
          subnets: o.subnets ?? [],
          securityGroups: o['security-groups'] ?? [],
          type: one(o, 'type') ?? 'application',
        }),
      ],
    }),
  },
  'create-listener': {
    name: 'CreateListener',
    run(sim, o) {
      const action = (o['default-actions'] ?? []).join(',');
      const targetGroupArn =
        /TargetGroupArn=([^,\s}]+)/.exec(action)?.[1] ?? /"TargetGroupArn"\s*:\s*"([^"]+)"/.exec(action)?.[1] ?? '';
      return {
        Listeners: [
          createListener(sim, {
            loadBalancerArn: required(o, 'load-balancer-arn'),
            port: Number(one(o, 'port') ?? '80'),
            protocol: one(o, 'protocol') ?? 'HTTP',
            targetGroupArn,
          }),
        ],
      };
    },
  },
  'describe-target-groups': {
    name: 'DescribeTargetGroups',
    run: (sim, o) => ({
      TargetGroups: Object.values(sim.state.elb.targetGroups).filter(
        (t) => !o.names || o.names.includes(t.TargetGroupName),
      ),
    }),
  },
  'describe-load-balancers': {
    name: 'DescribeLoadBalancers',
    run(sim, o) {
      settleLoadBalancers(sim);
      return {
        LoadBalancers: Object.values(sim.state.elb.loadBalancers).filter(
          (l) => !o.names || o.names.includes(l.LoadBalancerName),
        ),
      };
    },
  },
  'describe-target-health': {
    name: 'DescribeTargetHealth',
    run(sim, o) {
      const arn = required(o, 'target-group-arn');
      const targets = sim.state.elb.targets[arn];
      if (!targets)
        throw Object.assign(new Error(`Target groups '${arn}' not found`), { awsType: 'TargetGroupNotFound' });
      return {
        TargetHealthDescriptions: targets.map((t) => ({
          Target: { Id: t.id, Port: t.port },
          HealthCheckPort: String(t.port),
          TargetHealth: {
            State: t.state,
            ...(t.reason ? { Reason: t.reason } : {}),
            ...(t.description ? { Description: t.description } : {}),
          },
        })),
      };
    },
  },
};

export function runElbv2(
  args: string[],
  sim: Simulator,
  globals: { output: 'json' | 'text' | 'table'; query?: string },
): CommandResult {
  return runOperation('elbv2', OPERATIONS, args, sim, globals);
}
