/**
 * `aws logs …` for what the awslogs driver writes: create-log-group, delete-log-group,
 * describe-log-groups, describe-log-streams, get-log-events and tail (a hand-written subset).
 */
import { own } from '../own.ts';
import type { Simulator } from '../sim/engine.ts';
import { isAwsError } from '../sim/errors.ts';
import { createLogGroup, findLogGroup } from '../sim/logs/log-groups.ts';
import { applyQuery, isoTimestamp, render } from './aws/output.ts';
import type { CommandResult } from './result.ts';

type Options = Record<string, string[]>;

function parse(args: string[]): { options: Options; positional: string[] } {
  const options: Options = {};
  const positional: string[] = [];
  let key: string | undefined;
  for (const arg of args) {
    if (arg.startsWith('--')) {
      key = arg.slice(2);
      options[key] = [];
    } else if (key && options[key]?.length === 0) options[key]?.push(arg);
    else positional.push(arg);
  }
  return { options, positional };
}

class UsageError extends Error {}
const need = (o: Options, k: string) => {
  const v = o[k]?.[0];
  if (v === undefined) throw new UsageError(`the following arguments are required: --${k}`);
  return v;
};

const groupView = (sim: Simulator, name: string) => {
  const g = findLogGroup(sim, name);
  return {
    logGroupName: g.logGroupName,
    creationTime: g.creationTime,
    metricFilterCount: 0,
    arn: `arn:aws:logs:${sim.state.region}:${sim.state.account}:log-group:${g.logGroupName}:*`,
    storedBytes: 0,
    logGroupClass: 'STANDARD',
    logGroupArn: `arn:aws:logs:${sim.state.region}:${sim.state.account}:log-group:${g.logGroupName}`,
  };
};

const OPERATIONS: Record<string, { name: string; run(sim: Simulator, o: Options, positional: string[]): unknown }> = {
  'create-log-group': { name: 'CreateLogGroup', run: (sim, o) => void createLogGroup(sim, need(o, 'log-group-name')) },
  'delete-log-group': {
    name: 'DeleteLogGroup',
    run(sim, o) {
      findLogGroup(sim, need(o, 'log-group-name'));
      delete sim.state.logs[need(o, 'log-group-name')];
    },
  },
  'describe-log-groups': {
    name: 'DescribeLogGroups',
    run: (sim, o) => ({
      logGroups: Object.keys(sim.state.logs)
        .sort()
        .filter((n) => !o['log-group-name-prefix'] || n.startsWith(o['log-group-name-prefix'][0] ?? ''))
        .map((n) => groupView(sim, n)),
    }),
  },
  'describe-log-streams': {
    name: 'DescribeLogStreams',
    run(sim, o) {
      const group = findLogGroup(sim, need(o, 'log-group-name'));
      return {
        logStreams: Object.entries(group.streams)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([name, s]) => ({
            logStreamName: name,
            creationTime: s.creationTime,
            firstEventTimestamp: s.events[0]?.timestamp,
            lastEventTimestamp: s.events.at(-1)?.timestamp,
            lastIngestionTime: s.events.at(-1)?.ingestionTime,
            uploadSequenceToken: '1',
            arn: `arn:aws:logs:${sim.state.region}:${sim.state.account}:log-group:${group.logGroupName}:log-stream:${name}`,
            storedBytes: 0,
          })),
      };
    },
  },
  'get-log-events': {
    name: 'GetLogEvents',
    run(sim, o) {
      const group = findLogGroup(sim, need(o, 'log-group-name'));
      const stream = group.streams[need(o, 'log-stream-name')];
      if (!stream)
        throw Object.assign(new Error('The specified log stream does not exist.'), {
          awsType: 'ResourceNotFoundException',
        });
      const limit = Number(o.limit?.[0] ?? '10000');
      return {
        events: stream.events.slice(-limit),
        nextForwardToken: `f/${String(stream.events.length).padStart(56, '0')}`,
        nextBackwardToken: `b/${'0'.repeat(56)}`,
      };
    },
  },
};

/** `aws logs tail GROUP`: every event of every stream, oldest first, as the CLI prints them. */
function tail(sim: Simulator, positional: string[], o: Options): CommandResult {
  const name = positional[0];
  if (!name)
    return { stdout: '', stderr: '\naws: error: the following arguments are required: group_name\n', exitCode: 252 };
  const group = findLogGroup(sim, name);
  const lines = Object.entries(group.streams)
    .flatMap(([stream, s]) => s.events.map((e) => ({ stream, e })))
    .sort((a, b) => a.e.timestamp - b.e.timestamp)
    .map(({ stream, e }) => `${isoTimestamp(e.timestamp / 1000)} ${stream} ${e.message}`);
  const note = o.follow
    ? '(simulated: --follow prints what is there now; run the command again after sleep to see more)\n'
    : '';
  return { stdout: lines.length > 0 ? `${lines.join('\n')}\n${note}` : note, stderr: '', exitCode: 0 };
}

export function runLogs(
  args: string[],
  sim: Simulator,
  globals: { output: 'json' | 'text' | 'table'; query?: string },
): CommandResult {
  const [sub, ...rest] = args;
  const { options, positional } = parse(rest);
  const op = sub ? own(OPERATIONS, sub) : undefined;
  try {
    if (sub === 'tail') return tail(sim, positional, options);
    if (!op)
      return {
        stdout: '',
        stderr: `\naws: error: argument operation: Invalid choice. Simulated logs commands: ${[...Object.keys(OPERATIONS), 'tail'].join(', ')}\n`,
        exitCode: 252,
      };
    const output = op.run(sim, options, positional);
    if (output === undefined) return { stdout: '', stderr: '', exitCode: 0 };
    return {
      stdout: `${render(applyQuery(output, globals.query), globals.output, op.name)}\n`,
      stderr: '',
      exitCode: 0,
    };
  } catch (error) {
    if (error instanceof UsageError) return { stdout: '', stderr: `\naws: error: ${error.message}\n`, exitCode: 252 };
    const type = isAwsError(error) ? error.type : (error as { awsType?: string }).awsType;
    if (type)
      return {
        stdout: '',
        stderr: `\nAn error occurred (${type}) when calling the ${op?.name ?? 'FilterLogEvents'} operation: ${(error as Error).message}\n`,
        exitCode: 254,
      };
    throw error;
  }
}
