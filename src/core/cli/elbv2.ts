/**
 * `aws elbv2 …` for the course's load-balancing labs: create-target-group, create-load-balancer,
 * create-listener, describe-target-groups, describe-load-balancers, describe-target-health.
 * A hand-written subset (elbv2 is not part of the generated ECS/ECR model); output is PascalCase
 * JSON like the real CLI's.
 */
import { own } from '../own.ts';
import {
  createListener,
  createLoadBalancer,
  createTargetGroup,
  settleLoadBalancers,
} from '../sim/elb/load-balancing.ts';
import type { Simulator } from '../sim/engine.ts';
import { isAwsError } from '../sim/errors.ts';
import { applyQuery, render } from './aws/output.ts';
import type { CommandResult } from './result.ts';

type Options = Record<string, string[]>;

function parse(args: string[]): Options {
  const out: Options = {};
  let key: string | undefined;
  for (const arg of args) {
    if (arg.startsWith('--')) {
      key = arg.slice(2);
      out[key] = [];
    } else if (key) out[key]?.push(arg);
  }
  return out;
}

const one = (o: Options, k: string) => o[k]?.[0];
const required = (o: Options, k: string): string => {
  const v = one(o, k);
  if (v === undefined) throw new UsageError(`the following arguments are required: --${k}`);
  return v;
};

class UsageError extends Error {}

const OPERATIONS: Record<string, { name: string; run(sim: Simulator, o: Options): unknown }> = {
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
  const [sub, ...rest] = args;
  const op = sub ? own(OPERATIONS, sub) : undefined;
  if (!op) {
    return {
      stdout: '',
      stderr: `\naws: error: argument operation: Invalid choice. Simulated elbv2 commands: ${Object.keys(OPERATIONS).join(', ')}\n`,
      exitCode: 252,
    };
  }
  try {
    const output = applyQuery(op.run(sim, parse(rest)), globals.query);
    return { stdout: `${render(output, globals.output, op.name)}\n`, stderr: '', exitCode: 0 };
  } catch (error) {
    if (error instanceof UsageError) return { stdout: '', stderr: `\naws: error: ${error.message}\n`, exitCode: 252 };
    const type = isAwsError(error) ? error.type : ((error as { awsType?: string }).awsType ?? undefined);
    if (type)
      return {
        stdout: '',
        stderr: `\nAn error occurred (${type}) when calling the ${op.name} operation: ${(error as Error).message}\n`,
        exitCode: 254,
      };
    throw error;
  }
}
