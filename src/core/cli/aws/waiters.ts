/**
 * `aws ecs wait …`: polls like the AWS CLI's waiters (fixed delay, maximum attempts), asking the
 * host to let simulated time pass between polls. Delays and attempts are botocore's for ECS.
 */
import { isAwsError } from '../../sim/errors.ts';
import type { CommandResult, Outcome } from '../result.ts';
import type { AwsContext } from './aws.ts';
import { parseArgs, UsageError } from './params.ts';

interface Waiter {
  operation: 'DescribeServices' | 'DescribeTasks';
  inputShape: string;
  delay: number;
  maxAttempts: number;
  /** 'success', 'failure' (with the matched text) or undefined to poll again. */
  check(output: Record<string, unknown>): { state: 'success' } | { state: 'failure'; reason: string } | undefined;
}

type Item = Record<string, unknown>;
const items = (output: Record<string, unknown>, key: string) =>
  Array.isArray(output[key]) ? (output[key] as Item[]) : [];
const failures = (output: Record<string, unknown>) => items(output, 'failures');

/** The waiter's failure for `expression` matching `value` at least once, if it does. */
function matched(
  list: Item[],
  field: string,
  expression: string,
  value: string,
): { state: 'failure'; reason: string } | undefined {
  return list.some((x) => x[field] === value)
    ? { state: 'failure', reason: `For expression "${expression}" we matched expected path: "${value}" at least once` }
    : undefined;
}

export const WAITERS: Record<string, Waiter> = {
  'services-stable': {
    operation: 'DescribeServices',
    inputShape: 'DescribeServicesRequest',
    delay: 15,
    maxAttempts: 40,
    check(out) {
      const missing = matched(failures(out), 'reason', 'failures[].reason', 'MISSING');
      if (missing) return missing;
      const services = items(out, 'services');
      const draining = matched(services, 'status', 'services[].status', 'DRAINING');
      if (draining) return draining;
      const inactive = matched(services, 'status', 'services[].status', 'INACTIVE');
      if (inactive) return inactive;
      const stable = services.every(
        (s) => Array.isArray(s.deployments) && s.deployments.length === 1 && s.runningCount === s.desiredCount,
      );
      return stable ? { state: 'success' } : undefined;
    },
  },
  'services-inactive': {
    operation: 'DescribeServices',
    inputShape: 'DescribeServicesRequest',
    delay: 15,
    maxAttempts: 40,
    check(out) {
      const missing = matched(failures(out), 'reason', 'failures[].reason', 'MISSING');
      if (missing) return missing;
      return items(out, 'services').some((s) => s.status === 'INACTIVE') ? { state: 'success' } : undefined;
    },
  },
  'tasks-running': {
    operation: 'DescribeTasks',
    inputShape: 'DescribeTasksRequest',
    delay: 6,
    maxAttempts: 100,
    check(out) {
      const tasks = items(out, 'tasks');
      const stopped = matched(tasks, 'lastStatus', 'tasks[].lastStatus', 'STOPPED');
      if (stopped) return stopped;
      const missing = matched(failures(out), 'reason', 'failures[].reason', 'MISSING');
      if (missing) return missing;
      return tasks.length > 0 && tasks.every((t) => t.lastStatus === 'RUNNING') ? { state: 'success' } : undefined;
    },
  },
  'tasks-stopped': {
    operation: 'DescribeTasks',
    inputShape: 'DescribeTasksRequest',
    delay: 6,
    maxAttempts: 100,
    check(out) {
      const tasks = items(out, 'tasks');
      return tasks.length > 0 && tasks.every((t) => t.lastStatus === 'STOPPED') ? { state: 'success' } : undefined;
    },
  },
};

const WAITER_NAMES: Record<string, string> = {
  'services-stable': 'ServicesStable',
  'services-inactive': 'ServicesInactive',
  'tasks-running': 'TasksRunning',
  'tasks-stopped': 'TasksStopped',
};

export function runWaiter(name: string, args: string[], ctx: AwsContext): Outcome {
  const waiter = WAITERS[name] as Waiter;
  let input: Record<string, unknown>;
  try {
    input = parseArgs('ecs', waiter.inputShape, args, ctx.readFile).input;
  } catch (error) {
    if (error instanceof UsageError) return { stdout: '', stderr: `\naws: error: ${error.message}\n`, exitCode: 252 };
    throw error;
  }
  const label = WAITER_NAMES[name] ?? name;
  const attempt = (n: number): Outcome => {
    const verdict = poll(waiter, input, label, ctx);
    if (verdict) return verdict;
    if (n >= waiter.maxAttempts)
      return { stdout: '', stderr: `\nWaiter ${label} failed: Max attempts exceeded\n`, exitCode: 255 };
    return { waiting: true, seconds: waiter.delay, resume: () => attempt(n + 1) };
  };
  return attempt(1);
}

/** One poll: the command's final result, or undefined to poll again after the delay. */
function poll(
  waiter: Waiter,
  input: Record<string, unknown>,
  label: string,
  ctx: AwsContext,
): CommandResult | undefined {
  let output: Record<string, unknown>;
  try {
    output = ctx.sim.call(`ecs:${waiter.operation}`, input);
  } catch (error) {
    if (isAwsError(error))
      return {
        stdout: '',
        stderr: `\nWaiter ${label} failed: An error occurred (${error.type}): ${error.message}\n`,
        exitCode: 255,
      };
    throw error;
  }
  const verdict = waiter.check(output);
  if (verdict?.state === 'success') return { stdout: '', stderr: '', exitCode: 0 };
  if (verdict?.state === 'failure')
    return {
      stdout: '',
      stderr: `\nWaiter ${label} failed: Waiter encountered a terminal failure state: ${verdict.reason}\n`,
      exitCode: 255,
    };
  return undefined;
}
