/**
 * The simulated terminal's command interpreter: the same in the browser terminal, in
 * `npm run sim` and in tests. One command table serves execution, `help` and (later) completion.
 */
import { own } from '../own.ts';
import { costReport, formatCostReport, formatPriceTable } from '../sim/cost.ts';
import { INSTANCE_TYPES, registerInstances } from '../sim/ecs/container-instances.ts';
import { findLiveInstance, terminateInstance } from '../sim/ecs/instance-termination.ts';
import { stopTaskRecord } from '../sim/ecs/tasks.ts';
import type { Simulator } from '../sim/engine.ts';
import { isAwsError } from '../sim/errors.ts';
import { runAws } from './aws/aws.ts';
import type { ReadFile } from './aws/params.ts';
import { runCurl } from './curl.ts';
import { runDocker } from './docker.ts';
import { type GlossaryText, runExplain } from './explain.ts';
import { type CommandResult, isWaiting, mapOutcome, type Outcome, settle } from './result.ts';
import { ShellSyntaxError, tokenize } from './tokenize.ts';

export interface ShellEnvironment {
  sim: Simulator;
  readFile: ReadFile;
  /** Glossary entries for `explain`; none when absent. */
  glossary?: readonly GlossaryText[];
  /** Names of the files in the working directory (`ls`); none when absent. */
  listFiles?: () => string[];
  /** Replaces the simulator with a fresh account (the host owns it: terminal page or npm run sim). */
  reset?: () => void;
}

interface Command {
  summary: string;
  run(args: string[], env: ShellEnvironment, stdin: string | undefined): Outcome;
}

const ok = (stdout = ''): CommandResult => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string, exitCode = 1): CommandResult => ({
  stdout: '',
  stderr: stderr.endsWith('\n') ? stderr : `${stderr}\n`,
  exitCode,
});

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const SIM_HELP = `sim — what AWS has no command for (ECS Academy only)

  sim add-instances --cluster NAME [--count N] [--instance-type TYPE]
      Boot EC2 instances that join the cluster (a shortcut for aws ec2 run-instances).
      Instance types: ${Object.keys(INSTANCE_TYPES).join(', ')}
  sim clock                      Show the simulated time.
  sim cost [--prices]            What the session would cost on AWS (--prices: sources).
  sim advance SECONDS            Let simulated time pass (same as sleep).
  sim kill-task TASK [--cluster NAME]
      Make a task's essential container crash (exit code 137), as if it ran out of memory.
  sim kill-instance INSTANCE     Terminate an EC2 container instance (EC2 id or ARN); its tasks stop.
  sim fail-health TASK           Make a task's health check start failing (the container is UNHEALTHY).
  sim log [N]                    Show the last N things that happened (default 20).
  sim reset                      Start again with a fresh account.
`;

const passTime = (seconds: number): Outcome => ({ waiting: true, seconds, resume: () => ok() });

function simCommand(args: string[], env: ShellEnvironment): Outcome {
  const [sub, ...rest] = args;
  const { sim } = env;
  switch (sub) {
    case 'add-instances': {
      const cluster = option(rest, '--cluster') ?? 'default';
      const count = Number(option(rest, '--count') ?? '1');
      const type = option(rest, '--instance-type') ?? 't3.medium';
      if (!Number.isInteger(count) || count < 1 || count > 20)
        return fail('sim add-instances: --count must be a whole number from 1 to 20');
      try {
        const created = registerInstances(sim, cluster, count, type);
        return ok(
          `${created.map((r) => `${r.ec2InstanceId}  ${type}  ${r.availabilityZone}  registered with cluster ${cluster}`).join('\n')}\n`,
        );
      } catch (error) {
        if (isAwsError(error)) return fail(`sim add-instances: ${error.type}: ${error.message}`);
        throw error;
      }
    }
    case 'cost':
      if (rest.length > 0 && !(rest.length === 1 && rest[0] === '--prices'))
        return fail('sim cost: usage: sim cost [--prices]');
      return ok(rest[0] === '--prices' ? formatPriceTable() : formatCostReport(costReport(sim.state)));
    case 'clock':
      return ok(`${new Date(sim.state.now).toISOString()}\n`);
    case 'advance': {
      const seconds = Number(rest[0]);
      if (!Number.isFinite(seconds) || seconds < 0 || seconds > 86400)
        return fail('sim advance: give a number of seconds from 0 to 86400');
      return passTime(seconds);
    }
    case 'kill-task': {
      const reference = rest[0] ?? '';
      const id = reference.split('/').at(-1) ?? '';
      const record = Object.values(sim.state.tasks).find((t) => t.task.taskArn?.endsWith(`/${id}`) && id !== '');
      if (record?.task.lastStatus !== 'RUNNING') return fail(`sim kill-task: no running task ${reference}`);
      const essential = record.plans.find((p) => p.essential);
      const container = record.task.containers?.find((c) => c.name === essential?.name);
      if (container) {
        container.lastStatus = 'STOPPED';
        container.exitCode = 137;
        container.reason = 'OutOfMemoryError: Container killed due to memory usage';
      }
      stopTaskRecord(sim, record, 'EssentialContainerExited', 'Essential container in task exited');
      return ok();
    }
    case 'kill-instance': {
      const reference = rest[0] ?? '';
      const record = findLiveInstance(sim, reference);
      if (!record) return fail(`sim kill-instance: no running container instance ${reference}`);
      terminateInstance(sim, record);
      return ok(`Terminated ${record.ec2InstanceId}.\n`);
    }
    case 'fail-health': {
      const id = (rest[0] ?? '').split('/').at(-1) ?? '';
      const record = Object.values(sim.state.tasks).find((t) => id !== '' && t.task.taskArn?.endsWith(`/${id}`));
      if (!record || record.task.lastStatus !== 'RUNNING')
        return fail(`sim fail-health: no running task ${rest[0] ?? ''}`);
      const checked = record.task.containers?.find(
        (c) => c.healthStatus !== undefined && record.plans.some((p) => p.name === c.name && p.essential),
      );
      if (checked) checked.healthStatus = 'UNHEALTHY';
      record.task.healthStatus = 'UNHEALTHY';
      // A service replaces an unhealthy task; a standalone task just stays UNHEALTHY, as on ECS.
      if (record.serviceArn)
        stopTaskRecord(sim, record, 'ServiceSchedulerInitiated', 'Task failed container health checks');
      return ok();
    }
    case 'reset':
      if (!env.reset) return fail('sim reset: not available here');
      env.reset();
      return ok('The simulated account was reset: no clusters, no task definitions, no images.\n');
    case 'log': {
      const n = Number(rest[0] ?? '20');
      return ok(
        `${sim.state.log
          .slice(-Math.max(1, Math.min(500, Number.isFinite(n) ? n : 20)))
          .map((l) => `${new Date(l.at * 1000).toISOString().slice(11, 19)}  ${l.message}`)
          .join('\n')}\n`,
      );
    }
    case undefined:
    case 'help':
      return ok(SIM_HELP);
    default:
      return fail(`sim: unknown subcommand '${sub}'. Try: sim help`);
  }
}

export const COMMANDS: Record<string, Command> = {
  aws: {
    summary: 'AWS CLI v2 (ecs and ecr are simulated)',
    run: (args, env, stdin) => runAws(args, { ...env, ...(stdin !== undefined ? { stdin } : {}) }),
  },
  docker: {
    summary: 'build, tag, log in and push images (simulated)',
    run: (args, env, stdin) => runDocker(args, env.sim, stdin),
  },
  curl: {
    summary: 'fetch a URL inside the simulated VPC (load balancer or task address)',
    run: (args, env) => runCurl(args, env.sim),
  },
  sleep: {
    summary: 'let simulated time pass: sleep SECONDS',
    run(args) {
      const seconds = Number(args[0]);
      if (args.length !== 1 || !Number.isFinite(seconds) || seconds < 0) return fail('sleep: usage: sleep SECONDS');
      if (seconds > 86400) return fail('sleep: at most 86400 seconds (one day) at a time');
      return passTime(seconds);
    },
  },
  sim: { summary: 'simulator controls: instances, clock, failures', run: (args, env) => simCommand(args, env) },
  echo: { summary: 'print its arguments', run: (args) => ok(`${args.join(' ')}\n`) },
  explain: {
    summary: 'explain an ECS term from the glossary: explain TERM',
    run: (args, env) => runExplain(args, env.glossary),
  },
  ls: {
    summary: 'list the files in the working directory',
    run: (args, env) => {
      const names = env.listFiles?.() ?? [];
      if (args.length === 0) return ok(names.length > 0 ? `${names.join('\n')}\n` : '');
      const missing = args.filter((a) => !names.includes(a.replace(/^\.\//, '')));
      if (missing.length > 0)
        return fail(missing.map((m) => `ls: cannot access '${m}': No such file or directory`).join('\n'), 2);
      return ok(`${args.join('\n')}\n`);
    },
  },
  cat: {
    summary: 'print a file: cat FILE',
    run: (args, env, stdin) => {
      if (args.length === 0) return ok(stdin ?? '');
      let out = '';
      const errors: string[] = [];
      for (const name of args) {
        const text = env.readFile(name);
        if (text === undefined) errors.push(`cat: ${name}: No such file or directory`);
        else out += text;
      }
      return errors.length > 0 ? { stdout: out, stderr: `${errors.join('\n')}\n`, exitCode: 1 } : ok(out);
    },
  },
  help: {
    summary: 'list the commands',
    run: () =>
      ok(
        `Commands:\n${Object.entries(COMMANDS)
          .map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`)
          .join('\n')}\n\nTry: aws ecs help, aws ecs run-task help, sim help\n`,
      ),
  },
};

/** Runs one command line (with pipes) to its end, letting simulated time pass at once. Never throws. */
export function execute(line: string, env: ShellEnvironment): CommandResult {
  return settle(start(line, env), (seconds) => env.sim.advance(seconds));
}

/**
 * Starts one command line: its result, or a `Waiting` when its last command lets time pass, for a
 * host that shows time passing (the browser terminal). Earlier stages of a pipe run to their end
 * first, since the next stage needs their output. Never throws.
 */
export function start(line: string, env: ShellEnvironment): Outcome {
  let pipeline: ReturnType<typeof tokenize>;
  try {
    pipeline = tokenize(line);
  } catch (error) {
    if (error instanceof ShellSyntaxError) return fail(`sh: ${error.message}`, 2);
    throw error;
  }
  let stdin: string | undefined;
  let stderr = '';
  const stages = pipeline.stages;
  for (const [index, words] of stages.entries()) {
    const outcome = runStage(words, env, stdin);
    if (index === stages.length - 1) {
      return mapOutcome(outcome, (result) => ({ ...result, stderr: stderr + result.stderr }));
    }
    const result = settle(outcome, (seconds) => env.sim.advance(seconds));
    stderr += result.stderr;
    stdin = result.stdout;
  }
  return ok();
}

function runStage(words: string[], env: ShellEnvironment, stdin: string | undefined): Outcome {
  const [name, ...args] = words;
  if (name === undefined) return ok();
  const command = own(COMMANDS, name);
  if (!command) return fail(`${name}: command not found. Type help to see the commands.`, 127);
  const crashed = (error: unknown) =>
    fail(`internal error in ECS Academy while running ${name}: ${(error as Error).message}`, 70);
  const guard = (run: () => Outcome): Outcome => {
    let outcome: Outcome;
    try {
      outcome = run();
    } catch (error) {
      return crashed(error);
    }
    return isWaiting(outcome) ? { ...outcome, resume: () => guard(outcome.resume) } : outcome;
  };
  return guard(() => command.run(args, env, stdin));
}
