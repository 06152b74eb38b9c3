/**
 * `aws <service> <operation> [options]`, like AWS CLI v2: options from the model, client-side
 * parameter validation (exit 252), service errors on stderr (exit 254), waiters (exit 255 on
 * failure), --generate-cli-skeleton, --query and the three output formats.
 */
import { kebab, type MemberType, operation, operationNames, type ServiceName, shape } from '../../ecs/model.ts';
import type { Simulator } from '../../sim/engine.ts';
import { isAwsError } from '../../sim/errors.ts';
import { decodeBase64 } from '../base64.ts';
import { runEc2 } from '../ec2.ts';
import { runElbv2 } from '../elbv2.ts';
import { runLogs } from '../logs.ts';
import type { CommandResult, Outcome } from '../result.ts';
import { awsHelp } from './help.ts';
import { applyQuery, orderAndConvert, render } from './output.ts';
import { ParamValidationError, parseArgs, type ReadFile, UsageError } from './params.ts';
import { validateInput } from './validate-input.ts';
import { runWaiter, WAITERS } from './waiters.ts';

const SERVICES: ServiceName[] = ['ecs', 'ecr'];
const USAGE = `usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]
To see help text, you can run:

  aws help
  aws <command> help
  aws <command> <subcommand> help
`;

const usageError = (message: string): CommandResult => ({
  stdout: '',
  stderr: `\n${USAGE}\naws: error: ${message}\n`,
  exitCode: 252,
});

/** PascalCase operation name for a kebab-case subcommand, if the service has it. */
export function operationFor(service: ServiceName, subcommand: string): string | undefined {
  return operationNames(service).find((name) => kebab(name) === subcommand);
}

function skeleton(service: ServiceName, type: MemberType, depth = 0): unknown {
  if (depth > 6) return {};
  switch (type.type) {
    case 'string':
      return '';
    case 'integer':
      return 0;
    case 'boolean':
      return true;
    case 'timestamp':
      return '1970-01-01T00:00:00';
    case 'list':
      return [skeleton(service, type.member, depth + 1)];
    case 'map':
      return { KeyName: skeleton(service, type.value, depth + 1) };
    case 'structure': {
      const def = shape(service, type.shape);
      return Object.fromEntries(
        Object.entries(def?.members ?? {}).map(([k, t]) => [k, skeleton(service, t, depth + 1)]),
      );
    }
    default:
      return {};
  }
}

export interface AwsContext {
  sim: Simulator;
  readFile: ReadFile;
  /** Data piped into the command (stdin), if any. */
  stdin?: string;
}

export function runAws(args: readonly string[], ctx: AwsContext): Outcome {
  const positional = args.filter(
    (a, i) =>
      !a.startsWith('--') &&
      !(i > 0 && ['--output', '--query', '--region', '--profile', '--endpoint-url'].includes(args[i - 1] as string)),
  );
  const [serviceName, subcommand] = positional;
  if (serviceName === undefined || serviceName === 'help') return { stdout: awsHelp([]), stderr: '', exitCode: 0 };
  const extra = args.filter((a) => a !== serviceName && a !== subcommand);
  if (!SERVICES.includes(serviceName as ServiceName)) {
    if (serviceName === 'elbv2' || serviceName === 'logs' || serviceName === 'ec2') {
      const query = extra.includes('--query') ? extra[extra.indexOf('--query') + 1] : undefined;
      const output = extra.includes('--output') ? extra[extra.indexOf('--output') + 1] : 'json';
      const rest = args
        .slice(args.indexOf(serviceName) + 1)
        .filter(
          (a, i, all) => !['--query', '--output'].includes(a) && !['--query', '--output'].includes(all[i - 1] ?? ''),
        );
      const format: 'json' | 'text' | 'table' = output === 'text' || output === 'table' ? output : 'json';
      const globals = { output: format, ...(query ? { query } : {}) };
      if (serviceName === 'ec2') return runEc2(rest, ctx.sim, globals, ctx.readFile);
      return serviceName === 'logs' ? runLogs(rest, ctx.sim, globals) : runElbv2(rest, ctx.sim, globals);
    }
    if (['iam', 'sts', 'cloudformation'].includes(serviceName)) {
      return {
        stdout: '',
        stderr: `\nThe ${serviceName} commands are not simulated yet in ECS Academy. Simulated services: ecs, ecr, ec2 (instances for a cluster), elbv2 (load balancers), logs (awslogs output).\n`,
        exitCode: 252,
      };
    }
    return usageError(
      `argument command: Invalid choice, valid choices are:\n\necs                                      | ecr`,
    );
  }
  const service = serviceName as ServiceName;
  if (subcommand === undefined || subcommand === 'help')
    return { stdout: awsHelp([service]), stderr: '', exitCode: subcommand === undefined ? 252 : 0 };
  if (args.includes('help') && args.at(-1) === 'help')
    return { stdout: awsHelp([service, subcommand]), stderr: '', exitCode: 0 };
  if (service === 'ecs' && subcommand === 'wait') {
    const waiter = positional[2];
    if (!waiter || !Object.hasOwn(WAITERS, waiter))
      return usageError(`argument wait: Invalid choice, valid choices are:\n\n${Object.keys(WAITERS).join('\n')}`);
    return runWaiter(
      waiter,
      args.filter((a) => a !== 'ecs' && a !== 'wait' && a !== waiter),
      ctx,
    );
  }
  if (service === 'ecr' && subcommand === 'get-login-password') {
    try {
      const out = ctx.sim.call('ecr:GetAuthorizationToken', {}) as {
        authorizationData?: { authorizationToken?: string }[];
      };
      const token = out.authorizationData?.[0]?.authorizationToken ?? '';
      return { stdout: `${decodeBase64(token).split(':')[1] ?? ''}\n`, stderr: '', exitCode: 0 };
    } catch (error) {
      if (isAwsError(error))
        return {
          stdout: '',
          stderr: `\nAn error occurred (${error.type}) when calling the GetAuthorizationToken operation: ${error.message}\n`,
          exitCode: 254,
        };
      throw error;
    }
  }
  const name = operationFor(service, subcommand);
  const op = name ? operation(service, name) : undefined;
  if (!name || !op)
    return usageError(
      `argument operation: Invalid choice, valid choices are:\n\n${operationNames(service).map(kebab).join('\n')}`,
    );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(service, op.input, extra, ctx.readFile);
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message);
    if (error instanceof ParamValidationError) return { stdout: '', stderr: `\n${error.message}\n`, exitCode: 252 };
    throw error;
  }
  if (parsed.globals.generateSkeleton) {
    const shapeName = parsed.globals.generateSkeleton === 'output' ? op.output : op.input;
    return {
      stdout: `${JSON.stringify(skeleton(service, { type: 'structure', shape: shapeName }), null, 4)}\n`,
      stderr: '',
      exitCode: 0,
    };
  }
  const problems = validateInput(service, op.input, parsed.input);
  if (problems.length > 0)
    return { stdout: '', stderr: `\nParameter validation failed:\n${problems.join('\n')}\n`, exitCode: 252 };
  if (!ctx.sim.supports(`${service}:${name}`)) {
    return {
      stdout: '',
      stderr: `\n${service} ${subcommand} exists in AWS but is not simulated in ECS Academy yet.\n`,
      exitCode: 254,
    };
  }
  let response: Record<string, unknown>;
  try {
    response = ctx.sim.call(`${service}:${name}`, parsed.input);
  } catch (error) {
    if (isAwsError(error))
      return {
        stdout: '',
        stderr: `\nAn error occurred (${error.type}) when calling the ${name} operation: ${error.message}\n`,
        exitCode: 254,
      };
    throw error;
  }
  const shaped = orderAndConvert(service, op.output, response);
  if (shaped && typeof shaped === 'object' && Object.keys(shaped).length === 0 && parsed.globals.query === undefined) {
    return { stdout: '', stderr: '', exitCode: 0 };
  }
  let result: unknown;
  try {
    result = applyQuery(shaped, parsed.globals.query);
  } catch (error) {
    return {
      stdout: '',
      stderr: `\nBad value for --query ${parsed.globals.query}: ${(error as Error).message}\n`,
      exitCode: 255,
    };
  }
  return { stdout: `${render(result, parsed.globals.output, name)}\n`, stderr: '', exitCode: 0 };
}
