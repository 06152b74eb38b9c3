/**
 * The hand-written AWS CLI subsets (elbv2, ec2): `--key value…` options into lists, and one runner
 * that prints results and errors as the AWS CLI does.
 */
import { own } from '../own.ts';
import { isAwsError } from '../sim/errors.ts';
import { applyQuery, render } from './aws/output.ts';
import type { CommandResult } from './result.ts';
export type Options = Record<string, string[]>;

export class UsageError extends Error {}

export function parseOptions(args: string[]): Options {
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

export const one = (o: Options, k: string): string | undefined => o[k]?.[0];

export function required(o: Options, k: string): string {
  const v = one(o, k);
  if (v === undefined) throw new UsageError(`the following arguments are required: --${k}`);
  return v;
}

/** What the simulator does not model, said plainly (printed as is, exit 254). */
export class SimulationLimit extends Error {}

export interface HandOperation<C> {
  name: string;
  run(context: C, options: Options): unknown;
}

/** Runs one subcommand of a hand-written service and prints its result or error as the AWS CLI does. */
export function runOperation<C>(
  service: string,
  operations: Record<string, HandOperation<C>>,
  args: string[],
  context: C,
  globals: { output: 'json' | 'text' | 'table'; query?: string },
): CommandResult {
  const [sub, ...rest] = args;
  const op = sub ? own(operations, sub) : undefined;
  if (!op) {
    return {
      stdout: '',
      stderr: `\naws: error: argument operation: Invalid choice. Simulated ${service} commands: ${Object.keys(operations).join(', ')}\n`,
      exitCode: 252,
    };
  }
  try {
    const output = applyQuery(op.run(context, parseOptions(rest)), globals.query);
    return { stdout: `${render(output, globals.output, op.name)}\n`, stderr: '', exitCode: 0 };
  } catch (error) {
    if (error instanceof UsageError) return { stdout: '', stderr: `\naws: error: ${error.message}\n`, exitCode: 252 };
    if (error instanceof SimulationLimit) return { stdout: '', stderr: `\n${error.message}\n`, exitCode: 254 };
    const type = isAwsError(error) ? error.type : (error as { awsType?: string }).awsType;
    if (type)
      return {
        stdout: '',
        stderr: `\nAn error occurred (${type}) when calling the ${op.name} operation: ${(error as Error).message}\n`,
        exitCode: 254,
      };
    throw error;
  }
}
