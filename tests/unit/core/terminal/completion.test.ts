/**
 * Tab completion: commands, aws services, operations and their options (checked against the
 * CLI's own help and usage messages, so completion cannot offer what the CLI would refuse), and
 * names from the simulated account.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { awsHelp } from '../../../../src/core/cli/aws/help.ts';
import { parseArgs, UsageError } from '../../../../src/core/cli/aws/params.ts';
import { WAITERS } from '../../../../src/core/cli/aws/waiters.ts';
import { COMMANDS, execute, type ShellEnvironment } from '../../../../src/core/cli/shell.ts';
import { kebab, operationNames } from '../../../../src/core/ecs/model.ts';
import { createSimulator, type Simulator } from '../../../../src/core/sim/index.ts';
import { applyCompletion } from '../../../../src/core/terminal/apply-completion.ts';
import { OPERATION_GLOBALS } from '../../../../src/core/terminal/aws-spec.ts';
import type { CommandSpec } from '../../../../src/core/terminal/command-spec.ts';
import { type CompletionContext, complete, naturalCompare } from '../../../../src/core/terminal/completion.ts';
import { commandSpecs, completionContext } from '../../../../src/core/terminal/completion-context.ts';
import { AWS_GLOBALS, EC2, ELBV2, LOGS } from '../../../../src/core/terminal/hand-specs.ts';
import { EMPTY_RESOURCES } from '../../../../src/core/terminal/resources.ts';

const TASK_DEFINITION = JSON.stringify({
  family: 'web',
  containerDefinitions: [{ name: 'web', image: 'nginx', memory: 128, portMappings: [{ containerPort: 80 }] }],
});
const FILES: Record<string, string> = { 'web.json': TASK_DEFINITION, 'worker.json': TASK_DEFINITION };

/** An account with two clusters, services, revisions, tasks, a repository, logs and a load balancer. */
function account(): { sim: Simulator; env: ShellEnvironment; taskIds: string[] } {
  const sim = createSimulator({ seed: 11 });
  const env: ShellEnvironment = { sim, readFile: (path) => FILES[path] };
  const run = (line: string) => {
    const result = execute(line, env);
    if (result.exitCode !== 0) throw new Error(`${line}: ${result.stderr}`);
    return result.stdout.trim();
  };
  run('aws ecs create-cluster --cluster-name demo');
  run('aws ecs create-cluster --cluster-name prod');
  run('sim add-instances --cluster demo --count 2');
  run('sim add-instances --cluster prod');
  for (let i = 0; i < 10; i++) run('aws ecs register-task-definition --cli-input-json file://web.json');
  run('aws ecs register-task-definition --family worker --container-definitions name=w,image=busybox,memory=64');
  run('aws ecs deregister-task-definition --task-definition web:4');
  run('aws ecs create-service --cluster demo --service-name api --task-definition web --desired-count 1');
  run('aws ecs create-service --cluster demo --service-name admin --task-definition web --desired-count 1');
  run('aws ecs create-service --cluster prod --service-name billing --task-definition web --desired-count 1');
  const first = run('aws ecs run-task --cluster demo --task-definition web:1 --query tasks[0].taskArn --output text');
  const second = run('aws ecs run-task --cluster prod --task-definition web:2 --query tasks[0].taskArn --output text');
  run('aws ecr create-repository --repository-name web');
  run('aws ecr create-repository --repository-name api');
  run('aws logs create-log-group --log-group-name /ecs/web');
  run('docker build -t web:1.0 .');
  const vpc = run('aws ec2 describe-vpcs --query Vpcs[0].VpcId --output text');
  run(`aws elbv2 create-target-group --name web-tg --protocol HTTP --port 80 --vpc-id ${vpc} --target-type ip`);
  return { sim, env, taskIds: [first, second].map((arn) => arn.split('/').at(-1) as string) };
}

const { sim, taskIds } = account();
const context = completionContext(sim, { files: ['web.json', 'task def.json'], glossary: ['task', 'task-definition'] });

/** The candidates for the line with the cursor at its end. */
function candidates(line: string, ctx: CompletionContext = context): string[] {
  return complete(line, line.length, ctx).candidates as string[];
}

/** What Tab does to the line: the new line with "|" at the cursor, or the list it shows. */
function tab(line: string): string | string[] {
  const result = complete(line, line.length, context);
  const outcome = applyCompletion({ text: line, cursor: line.length }, result);
  if (outcome.type === 'none') return [];
  if (outcome.type === 'list') return outcome.candidates;
  const { text, cursor } = outcome.state;
  return `${text.slice(0, cursor)}|${text.slice(cursor)}`;
}

/** Option names listed by `aws SERVICE OPERATION help`. */
function helpOptions(service: string, op: string): string[] {
  return [...awsHelp([service, op]).matchAll(/^ {2}(--[a-z0-9-]+) </gm)].map((m) => m[1] as string);
}

describe('commands', () => {
  it('offers every command of the shell, and only those', () => {
    expect(candidates('')).toEqual(Object.keys(COMMANDS).sort(naturalCompare));
    expect(tab('ec')).toBe('echo |');
  });

  it('completes commands after a pipe, and nothing in a comment', () => {
    expect(candidates('aws ecs list-clusters | ec')).toEqual(['echo']);
    expect(candidates('aws ecs list-clusters # ec')).toEqual([]);
  });

  it('offers nothing for unknown commands, prototype names included', () => {
    for (const line of ['nope ', 'constructor ', '__proto__ ', 'toString --', 'aws nope ', 'aws ecs nope --'])
      expect(candidates(line), line).toEqual([]);
  });

  it('adds the commands the host runs itself', () => {
    const ctx = completionContext(sim, { extraCommands: ['clear', 'aws'] });
    expect(candidates('cl', ctx)).toEqual(['clear']);
    expect(candidates('aws ec', ctx)).toEqual(['ec2', 'ecr', 'ecs']);
  });
});

describe('aws', () => {
  it('offers the services `aws help` names', () => {
    const services = candidates('aws ');
    expect(services).toEqual(['ec2', 'ecr', 'ecs', 'elbv2', 'logs']);
    for (const service of services) expect(awsHelp([])).toContain(service);
  });

  it('offers each service’s operations as `aws SERVICE help` lists them', () => {
    for (const service of ['ecs', 'ecr'] as const) {
      const listed = [...awsHelp([service]).matchAll(/^ {2}([a-z0-9-]+)$/gm)].map((m) => m[1]);
      const extra = service === 'ecr' ? ['get-login-password'] : [];
      expect(candidates(`aws ${service} `).sort()).toEqual([...listed, ...extra].sort());
    }
    expect(candidates('aws ecs describe-ser')).toEqual([
      'describe-service-deployments',
      'describe-service-revisions',
      'describe-services',
    ]);
  });

  it('inserts the shared beginning of several operations, then lists them', () => {
    expect(tab('aws ecs list-task')).toEqual(['list-task-definition-families', 'list-task-definitions', 'list-tasks']);
    expect(tab('aws ecs list-task-d')).toBe('aws ecs list-task-definition|');
    expect(tab('aws ecs run')).toBe('aws ecs run-task |');
    expect(tab('aws ecs regis')).toBe('aws ecs register-|');
  });

  it('offers, for every operation, exactly the options its help lists, plus the global ones', () => {
    for (const service of ['ecs', 'ecr'] as const) {
      for (const name of operationNames(service)) {
        const op = kebab(name);
        const offered = candidates(`aws ${service} ${op} --`);
        const globals = [...Object.keys(OPERATION_GLOBALS), ...Object.keys(AWS_GLOBALS)];
        const booleans = offered.filter(
          (o) => o.startsWith('--no-') && !helpOptions(service, op).includes(o) && !globals.includes(o),
        );
        expect(offered.sort(), `${service} ${op}`).toEqual(
          [...helpOptions(service, op), ...booleans, ...globals].sort(),
        );
        for (const flag of booleans) expect(helpOptions(service, op)).toContain(`--${flag.slice(5)}`);
      }
    }
  });

  it('offers only global options the CLI accepts', () => {
    for (const option of [...Object.keys(OPERATION_GLOBALS), ...Object.keys(AWS_GLOBALS)]) {
      const value = option === '--output' ? ['json'] : option === '--no-cli-pager' ? [] : ['{}'];
      expect(() => parseArgs('ecs', 'ListClustersRequest', [option, ...value], () => '{}'), option).not.toThrow(
        UsageError,
      );
    }
  });

  it('leaves out the options already given', () => {
    const offered = candidates('aws ecs run-task --cluster demo --count 2 --');
    expect(offered).not.toContain('--cluster');
    expect(offered).not.toContain('--count');
    expect(offered).toContain('--task-definition');
    expect(candidates('aws ecs run-task --cluster demo ')).toContain('--task-definition');
  });

  it('offers both forms of a boolean option', () => {
    expect(candidates('aws ecs create-service --enable-e')).toEqual([
      '--enable-ecs-managed-tags',
      '--enable-execute-command',
    ]);
    expect(candidates('aws ecs create-service --no-enable-e')).toEqual([
      '--no-enable-ecs-managed-tags',
      '--no-enable-execute-command',
    ]);
  });

  it('knows the global options before the service too', () => {
    expect(candidates('aws --output ')).toEqual(['json', 'table', 'text']);
    expect(candidates('aws --output table e')).toEqual(['ec2', 'ecr', 'ecs', 'elbv2']);
    expect(candidates('aws --')).toEqual(['--output', '--query', '--region']);
    expect(candidates('aws ecs list-clusters --region ')).toEqual(['us-east-1']);
  });

  it('offers the waiters of `aws ecs wait`, with the options of the operation each one polls', () => {
    expect(candidates('aws ecs wait ')).toEqual(Object.keys(WAITERS).sort());
    expect(candidates('aws ecs wait services-stable --s')).toEqual(['--services']);
    expect(candidates('aws ecs wait tasks-stopped --t')).toEqual(['--tasks']);
    expect(candidates('aws ecs wait services-stable --cluster demo --services ')).toEqual(['admin', 'api']);
    expect(candidates('aws ecs wait nope ')).toEqual([]);
  });

  it('offers the values of enumerations from the API model', () => {
    expect(candidates('aws ecs run-task --launch-type ')).toEqual(['EC2', 'EXTERNAL', 'FARGATE', 'MANAGED_INSTANCES']);
    expect(candidates('aws ecs list-tasks --desired-status S')).toEqual(['STOPPED']);
    expect(candidates('aws ecs describe-tasks --include ')).toEqual(['TAGS']);
  });

  it('completes the subsets written by hand: ec2, elbv2, logs', () => {
    expect(candidates('aws elbv2 create-target-group --target-type ')).toEqual(['instance', 'ip']);
    expect(candidates('aws elbv2 describe-target-health --target-group-arn ')).toEqual([
      sim.state.elb.targetGroups[Object.keys(sim.state.elb.targetGroups)[0] as string]?.TargetGroupArn,
    ]);
    expect(candidates('aws ec2 describe-subnets --subnet-ids ')).toEqual(
      [...sim.state.network.subnets.map((s) => s.id)].sort(naturalCompare),
    );
    expect(candidates('aws ec2 describe-subnets --filters ')).toEqual([
      `Name=vpc-id,Values=${sim.state.network.vpcId}`,
    ]);
    expect(candidates('aws ec2 run-instances --instance-type t3.m')).toEqual(['t3.medium', 't3.micro']);
    expect(candidates('aws logs tail ')).toEqual(['/ecs/web']);
    expect(candidates('aws logs get-log-events --log-group-name /ecs/web --')).toEqual([
      '--limit',
      '--log-stream-name',
      '--output',
      '--query',
      '--region',
    ]);
  });
});

describe('the hand-written specs follow the commands', () => {
  /** The operations a hand-written service lists in its usage error. */
  function listed(service: string): string[] {
    const { stderr } = execute(`aws ${service} no-such-operation`, {
      sim: createSimulator(),
      readFile: () => undefined,
    });
    return (/commands: (.*)$/m.exec(stderr)?.[1] ?? '').split(', ');
  }

  /** The options a source file reads: one(o, 'x'), required(o, 'x'), need(o, 'x'), o['x'], o.x. */
  function readOptions(...files: string[]): string[] {
    const found = new Set<string>();
    for (const file of files) {
      const source = readFileSync(`src/core/cli/${file}`, 'utf8');
      for (const m of source.matchAll(/(?:one|required|need)\(o, '([a-z-]+)'\)|\bo\['([a-z-]+)'\]|\bo\.([a-z]+)\b/g))
        found.add(`--${m[1] ?? m[2] ?? m[3]}`);
    }
    return [...found].sort();
  }

  const optionsOf = (spec: CommandSpec) =>
    [...new Set(Object.values(spec.subcommands ?? {}).flatMap((s) => Object.keys(s.options ?? {})))].sort();

  it.each([
    ['ec2', EC2, ['ec2.ts', 'ec2-network.ts']],
    ['elbv2', ELBV2, ['elbv2.ts']],
    ['logs', LOGS, ['logs.ts']],
  ] as const)('%s: the same operations and options', (service, spec, files) => {
    expect(Object.keys(spec.subcommands ?? {}).sort()).toEqual(listed(service).sort());
    const read = readOptions(...files);
    expect(read.length).toBeGreaterThan(0);
    expect(optionsOf(spec)).toEqual(expect.arrayContaining(read));
  });

  it('sim: the subcommands `sim help` lists, and their options', () => {
    const help = execute('sim help', { sim: createSimulator(), readFile: () => undefined }).stdout;
    const listedHere = [...new Set([...help.matchAll(/^ {2}sim ([a-z-]+)/gm)].map((m) => m[1]))];
    expect(
      candidates('sim ')
        .filter((c) => c !== 'help')
        .sort(),
    ).toEqual(listedHere.sort());
    for (const line of help.split('\n')) {
      const [, sub, rest = ''] = /^ {2}sim ([a-z-]+)(.*)$/.exec(line) ?? [];
      if (!sub) continue;
      const options = [...new Set([...rest.matchAll(/--[a-z-]+/g)].map((m) => m[0]))].sort();
      expect(candidates(`sim ${sub} --`).sort(), sub).toEqual(options);
    }
  });

  it('docker: the subcommands `docker help` lists', () => {
    const help = execute('docker help', { sim: createSimulator(), readFile: () => undefined }).stdout;
    const listedHere = (/Simulated commands: ([a-z, ]+)\./.exec(help)?.[1] ?? '').split(', ');
    expect(
      candidates('docker ')
        .filter((c) => c !== 'help')
        .sort(),
    ).toEqual(listedHere.sort());
  });

  it('has a spec for every command of the shell', () => {
    expect(Object.keys(commandSpecs()).sort()).toEqual(Object.keys(COMMANDS).sort());
  });
});

describe('names from the simulated account', () => {
  it('offers clusters for --cluster and --clusters', () => {
    expect(candidates('aws ecs list-services --cluster ')).toEqual(['demo', 'prod']);
    expect(candidates('aws ecs describe-clusters --clusters demo ')).toEqual(['demo', 'prod']);
    expect(tab('aws ecs list-services --cluster d')).toBe('aws ecs list-services --cluster demo |');
  });

  it('offers the services of the cluster on the line, or of every cluster', () => {
    expect(candidates('aws ecs update-service --cluster demo --service ')).toEqual(['admin', 'api']);
    expect(candidates('aws ecs update-service --service ')).toEqual(['admin', 'api', 'billing']);
    expect(candidates('aws ecs describe-services --cluster prod --services ')).toEqual(['billing']);
    expect(
      candidates('aws ecs describe-services --cluster arn:aws:ecs:us-east-1:123456789012:cluster/prod --services b'),
    ).toEqual(['billing']);
    expect(candidates('aws ecs describe-services --cluster demo --services api ad')).toEqual(['admin']);
  });

  it('offers task definition families and their active revisions, in natural order', () => {
    const all = candidates('aws ecs run-task --task-definition ');
    expect(all.slice(0, 4)).toEqual(['web', 'web:1', 'web:2', 'web:3']);
    expect(all).not.toContain('web:4');
    expect(all).toContain('web:10');
    expect(all.indexOf('web:9')).toBeLessThan(all.indexOf('web:10'));
    expect(all.at(-2)).toBe('worker');
    expect(tab('aws ecs run-task --task-definition wo')).toBe('aws ecs run-task --task-definition worker|');
    expect(tab('aws ecs run-task --task-definition web:1')).toEqual(['web:1', 'web:10']);
    expect(candidates('aws ecs list-task-definitions --family-prefix w')).toEqual(['web', 'worker']);
  });

  it('offers task ids (ARNs once "arn:" is typed), narrowed by the cluster on the line', () => {
    const [demo, prod] = taskIds as [string, string];
    expect(candidates('aws ecs describe-tasks --cluster demo --tasks ')).toContain(demo);
    expect(candidates('aws ecs describe-tasks --cluster demo --tasks ')).not.toContain(prod);
    expect(candidates('aws ecs stop-task --task ')).toEqual(expect.arrayContaining([demo, prod]));
    expect(candidates('aws ecs stop-task --cluster prod --task arn:')).toEqual(
      expect.arrayContaining([`arn:aws:ecs:us-east-1:123456789012:task/prod/${prod}`]),
    );
    expect(candidates(`sim kill-task ${demo.slice(0, 6)}`)).toEqual([demo]);
  });

  it('offers ECR repositories, except where a new one is named', () => {
    expect(candidates('aws ecr describe-images --repository-name ')).toEqual(['api', 'web']);
    expect(candidates('aws ecr describe-repositories --repository-names ')).toEqual(['api', 'web']);
    expect(candidates('aws ecr create-repository --repository-name ')).toEqual([]);
  });

  it('offers container instances and EC2 instances', () => {
    const ids = Object.values(sim.state.containerInstances);
    expect(candidates('aws ecs describe-container-instances --cluster prod --container-instances ')).toEqual(
      ids.filter((r) => r.clusterName === 'prod').map((r) => r.instance.containerInstanceArn?.split('/').at(-1)),
    );
    expect(candidates('sim kill-instance ').sort()).toEqual(ids.map((r) => r.ec2InstanceId).sort());
  });

  it('offers files after file://, quoted for the shell', () => {
    expect(candidates('aws ecs register-task-definition --cli-input-json ')).toEqual([
      'file://task\\ def.json',
      'file://web.json',
    ]);
    expect(tab('aws ecs register-task-definition --cli-input-json file://w')).toBe(
      'aws ecs register-task-definition --cli-input-json file://web.json |',
    );
    expect(candidates('aws ecs register-task-definition --container-definitions fi')).toEqual([
      'file://task\\ def.json',
      'file://web.json',
    ]);
    expect(candidates('aws ecs register-task-definition --family file://')).toEqual([
      'file://task\\ def.json',
      'file://web.json',
    ]);
    expect(candidates("aws ecs register-task-definition --cli-input-json 'file://t")).toEqual([
      "'file://task def.json'",
    ]);
    expect(candidates('cat ')).toEqual(['task\\ def.json', 'web.json']);
    expect(candidates('ls w')).toEqual(['web.json']);
  });

  it('completes the value of --option=value', () => {
    expect(candidates('aws ecs list-services --cluster=p')).toEqual(['--cluster=prod']);
    expect(tab('aws ecs list-services --cluster=p')).toBe('aws ecs list-services --cluster=prod |');
    expect(candidates('aws ecs list-services --cluster=prod --max-results=')).toEqual([]);
  });

  it('keeps the quote the learner opened', () => {
    expect(candidates("aws ecs list-services --cluster 'p")).toEqual(["'prod'"]);
    expect(candidates('aws ecs list-services --cluster "p')).toEqual(['"prod"']);
    expect(tab("aws ecs list-services --cluster 'p")).toBe("aws ecs list-services --cluster 'prod' |");
  });

  it('offers the awsvpc network configuration with this account’s subnets and security group', () => {
    const [shorthand] = candidates('aws ecs run-task --network-configuration a');
    expect(shorthand).toMatch(/^awsvpcConfiguration=\{subnets=\[subnet-[0-9a-f]+,/);
    const sim2 = createSimulator({ seed: 11 });
    const result = execute(
      `aws ecs run-task --cluster nope --task-definition web --network-configuration ${shorthand}`,
      { sim: sim2, readFile: () => undefined },
    );
    // The CLI reads it: the service answers (no such cluster), not the parameter checks.
    expect(result.exitCode).toBe(254);
  });

  it('helps with docker: local images, the ECR registry and repositories', () => {
    const registry = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
    expect(candidates('docker tag ')).toEqual(['web:1.0']);
    expect(candidates('docker tag web:1.0 ')).toEqual([`${registry}/api:`, `${registry}/web:`]);
    expect(tab(`docker tag web:1.0 ${registry}/w`)).toBe(`docker tag web:1.0 ${registry}/web:|`);
    expect(candidates('docker login --username AWS --password-stdin ')).toEqual([registry]);
  });

  it('offers glossary terms to explain', () => {
    expect(candidates('explain task')).toEqual(['task', 'task-definition']);
  });

  it('works on an empty account', () => {
    const empty: CompletionContext = { commands: commandSpecs(), resources: EMPTY_RESOURCES, files: [], glossary: [] };
    expect(candidates('aws ecs list-services --cluster ', empty)).toEqual([]);
    expect(candidates('docker tag x ', empty)).toEqual([]);
    expect(candidates('aws ecs run-task --network-configuration ', empty)).toEqual([]);
  });
});

describe('Tab on the line', () => {
  it('adds no space after what is meant to be continued', () => {
    const ctx: CompletionContext = { ...context, files: [] };
    const at = (line: string, list: string[]) =>
      applyCompletion({ text: line, cursor: line.length }, { start: 0, end: line.length, candidates: list });
    expect(at('x', ['dir/'])).toEqual({ type: 'insert', state: { text: 'dir/', cursor: 4 } });
    expect(at('x', ['--cluster='])).toEqual({ type: 'insert', state: { text: '--cluster=', cursor: 10 } });
    expect(at('x', ['web:'])).toEqual({ type: 'insert', state: { text: 'web:', cursor: 4 } });
    expect(at('x', ['web'])).toEqual({ type: 'insert', state: { text: 'web ', cursor: 4 } });
    expect(ctx.files).toEqual([]);
  });

  it('never splits a character outside the BMP when sharing a beginning', () => {
    const outcome = applyCompletion({ text: '', cursor: 0 }, { start: 0, end: 0, candidates: ['a😀x', 'a😁y'] });
    expect(outcome).toEqual({ type: 'insert', state: { text: 'a', cursor: 1 } });
  });
});
