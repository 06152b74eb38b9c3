import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { execute } from '../../../../src/core/cli/shell.ts';
import { createSimulator } from '../../../../src/core/sim/index.ts';

/** A terminal on a fresh account, reading files relative to the project (content/examples/...). */
function terminal(seed = 4) {
  const sim = createSimulator({ seed });
  const readFile = (path: string) => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  };
  const env = { sim, readFile };
  const run = (line: string) => execute(line, env);
  /** Runs a line that must succeed and returns its trimmed standard output. */
  const out = (line: string) => {
    const r = run(line);
    expect(r.stderr, line).toBe('');
    expect(r.exitCode, line).toBe(0);
    return r.stdout.trim();
  };
  return { sim, run, out };
}

const API_CONTAINERS = `'[{"name":"api","image":"httpd:2.4","memory":128,"cpu":128,"portMappings":[{"containerPort":80}]}]'`;

/** A cluster with two instances and a steady two-task `api` service. */
function withService(seed = 4) {
  const t = terminal(seed);
  t.out('aws ecs create-cluster --cluster-name demo');
  t.out('sim add-instances --cluster demo --count 2');
  t.out(`aws ecs register-task-definition --family api --container-definitions ${API_CONTAINERS}`);
  t.out('aws ecs create-service --cluster demo --service-name api --task-definition api --desired-count 2');
  t.out('sleep 90');
  return t;
}

const taskArns = (out: (line: string) => string, extra = '') =>
  out(`aws ecs list-tasks --cluster demo ${extra} --query taskArns --output text`).split(/\s+/).filter(Boolean);

describe('aws ecs through the terminal', () => {
  it('prints service errors as the AWS CLI does, with exit code 254', () => {
    const { run } = terminal();
    expect(run('aws ecs list-tasks --cluster demo')).toEqual({
      stdout: '',
      stderr:
        '\nAn error occurred (ClusterNotFoundException) when calling the ListTasks operation: Cluster not found.\n',
      exitCode: 254,
    });
  });

  it('rejects a missing required parameter before calling the service, with exit code 252', () => {
    const { run } = terminal();
    expect(run('aws ecs run-task --cluster demo')).toEqual({
      stdout: '',
      stderr: '\nParameter validation failed:\nMissing required parameter in input: "taskDefinition"\n',
      exitCode: 252,
    });
  });

  it('registers a course example from a file and runs it on Fargate with shorthand network configuration', () => {
    const { sim, out } = terminal();
    out('aws ecs create-cluster --cluster-name demo');
    out('aws logs create-log-group --log-group-name /ecs/web');
    expect(
      out(
        'aws ecs register-task-definition --cli-input-json file://content/examples/task-definitions/fargate-web.json --query taskDefinition.taskDefinitionArn --output text',
      ),
    ).toBe('arn:aws:ecs:us-east-1:123456789012:task-definition/web:1');
    const subnet = sim.state.network.subnets[0]?.id;
    const arn = out(
      `aws ecs run-task --cluster demo --task-definition web --launch-type FARGATE --network-configuration "awsvpcConfiguration={subnets=[${subnet}],assignPublicIp=ENABLED}" --query "tasks[0].taskArn" --output text`,
    );
    expect(arn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:task\/demo\/[0-9a-f]{32}$/);
    expect(
      out(`aws ecs describe-tasks --cluster demo --tasks ${arn} --query "tasks[0].lastStatus" --output text`),
    ).toBe('PROVISIONING');
    out(`aws ecs wait tasks-running --cluster demo --tasks ${arn}`);
    expect(
      out(`aws ecs describe-tasks --cluster demo --tasks ${arn} --query "tasks[0].lastStatus" --output text`),
    ).toBe('RUNNING');
    out(`aws ecs stop-task --cluster demo --task ${arn}`);
    out(`aws ecs wait tasks-stopped --cluster demo --tasks ${arn}`);
    expect(
      out(
        `aws ecs describe-tasks --cluster demo --tasks ${arn} --query "tasks[0].[lastStatus,stopCode]" --output text`,
      ),
    ).toBe('STOPPED\tUserInitiated');
  });

  it('reports the awsvpc network configuration error from run-task', () => {
    const { run, out } = terminal();
    out('aws ecs create-cluster --cluster-name demo');
    out('aws ecs register-task-definition --cli-input-json file://content/examples/task-definitions/fargate-web.json');
    expect(run('aws ecs run-task --cluster demo --task-definition web --launch-type FARGATE')).toEqual({
      stdout: '',
      stderr:
        "\nAn error occurred (InvalidParameterException) when calling the RunTask operation: Network Configuration must be provided when networkMode 'awsvpc' is specified.\n",
      exitCode: 254,
    });
  });

  it('shows RESOURCE failures of run-task in its JSON output', () => {
    const { out } = terminal();
    out('aws ecs create-cluster --cluster-name demo');
    out('sim add-instances --cluster demo --count 1 --instance-type t3.micro');
    out(
      `aws ecs register-task-definition --family big --container-definitions '[{"name":"big","image":"httpd","memory":900,"cpu":10}]'`,
    );
    const result = JSON.parse(out('aws ecs run-task --cluster demo --task-definition big --count 2')) as {
      tasks: unknown[];
      failures: { arn: string; reason: string }[];
    };
    expect(result.tasks).toHaveLength(1);
    expect(result.failures.map((f) => f.reason)).toEqual(['RESOURCE:MEMORY']);
    expect(result.failures[0]?.arn).toMatch(/:container-instance\/demo\/[0-9a-f]{32}$/);
  });

  it('waits for a service to become stable', () => {
    const { run } = withService();
    expect(run('aws ecs wait services-stable --cluster demo --services api')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
  });
});

describe('sim commands', () => {
  it('sim add-instances registers instances and says where', () => {
    const { out } = terminal();
    out('aws ecs create-cluster --cluster-name demo');
    const lines = out('sim add-instances --cluster demo --count 2 --instance-type t3.small').split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^i-[0-9a-f]{17} {2}t3\.small {2}us-east-1a {2}registered with cluster demo$/);
    expect(lines[1]).toMatch(/us-east-1b {2}registered with cluster demo$/);
    expect(
      out('aws ecs describe-clusters --clusters demo --query "clusters[0].registeredContainerInstancesCount"'),
    ).toBe('2');
  });

  it('sim add-instances refuses a bad count, an unknown cluster and an unknown instance type', () => {
    const { run, out } = terminal();
    expect(run('sim add-instances --cluster demo --count 0').stderr).toBe(
      'sim add-instances: --count must be a whole number from 1 to 20\n',
    );
    expect(run('sim add-instances --cluster demo')).toEqual({
      stdout: '',
      stderr: 'sim add-instances: ClusterNotFoundException: Cluster not found.\n',
      exitCode: 1,
    });
    out('aws ecs create-cluster --cluster-name demo');
    expect(run('sim add-instances --cluster demo --instance-type z9.huge').stderr).toMatch(
      /^sim add-instances: InvalidParameterException: Unknown instance type z9\.huge\./,
    );
  });

  it('sim kill-task crashes the essential container (exit 137, OutOfMemoryError) and the service replaces the task', () => {
    const { out } = withService();
    const [victim = '', survivor] = taskArns(out, '--service-name api');
    out(`sim kill-task ${victim}`);
    expect(
      out(
        `aws ecs describe-tasks --cluster demo --tasks ${victim} --query "tasks[0].[desiredStatus,stopCode,stoppedReason,containers[0].exitCode,containers[0].reason]" --output text`,
      ),
    ).toBe(
      'STOPPED\tEssentialContainerExited\tEssential container in task exited\t137\tOutOfMemoryError: Container killed due to memory usage',
    );
    out('sleep 90');
    const now = taskArns(out, '--service-name api');
    expect(now).toHaveLength(2);
    expect(now).toContain(survivor);
    expect(now).not.toContain(victim);
    const events = out(
      'aws ecs describe-services --cluster demo --services api --query "services[0].events[].message" --output json',
    );
    const replacement = now
      .find((a) => a !== survivor)
      ?.split('/')
      .at(-1);
    expect(events).toContain(`(service api) has started 1 tasks: (task ${replacement}).`);
    expect(out('aws ecs describe-services --cluster demo --services api --query "services[0].runningCount"')).toBe('2');
  });

  it('sim kill-task accepts a bare task id and refuses a task that is not running', () => {
    const { run, out } = withService();
    const [arn = ''] = taskArns(out, '--service-name api');
    const id = arn.split('/').at(-1) ?? '';
    expect(run(`sim kill-task ${id}`)).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(run(`sim kill-task ${id}`)).toEqual({
      stdout: '',
      stderr: `sim kill-task: no running task ${id}\n`,
      exitCode: 1,
    });
    expect(run('sim kill-task').exitCode).toBe(1);
  });

  it('sim kill-instance terminates an instance: its tasks stop with TerminationNotice and move to the other one', () => {
    const { sim, out } = withService();
    const [victim, other] = Object.values(sim.state.containerInstances);
    if (!victim || !other) throw new Error('expected two container instances');
    const onVictim = taskArns(out, `--container-instance ${victim.instance.containerInstanceArn}`);
    expect(out(`sim kill-instance ${victim.ec2InstanceId}`)).toBe(`Terminated ${victim.ec2InstanceId}.`);
    for (const arn of onVictim)
      expect(
        out(
          `aws ecs describe-tasks --cluster demo --tasks ${arn} --query "tasks[0].[stopCode,stoppedReason]" --output text`,
        ),
      ).toBe(`TerminationNotice\tHost EC2 (instance ${victim.ec2InstanceId}) terminated.`);
    out('sleep 90');
    expect(taskArns(out, `--container-instance ${other.instance.containerInstanceArn}`)).toHaveLength(2);
    expect(out('aws ecs list-container-instances --cluster demo --query "length(containerInstanceArns)"')).toBe('1');
  });

  it('sim kill-instance refuses an instance it does not know', () => {
    const { run } = withService();
    expect(run('sim kill-instance i-00000000000000000')).toEqual({
      stdout: '',
      stderr: 'sim kill-instance: no running container instance i-00000000000000000\n',
      exitCode: 1,
    });
  });

  it('sim fail-health makes the service replace the task', () => {
    const { out } = withService();
    const [victim = ''] = taskArns(out, '--service-name api');
    out(`sim fail-health ${victim}`);
    expect(
      out(
        `aws ecs describe-tasks --cluster demo --tasks ${victim} --query "tasks[0].[healthStatus,stoppedReason]" --output text`,
      ),
    ).toBe('UNHEALTHY\tTask failed container health checks');
    out('sleep 90');
    expect(taskArns(out, '--service-name api')).not.toContain(victim);
    expect(taskArns(out, '--service-name api')).toHaveLength(2);
  });

  it('sim clock, sim advance and sleep move virtual time, and only within their limits', () => {
    const { run, out } = terminal();
    expect(out('sim clock')).toBe('2026-01-05T09:00:00.000Z');
    out('sim advance 90');
    out('sleep 30');
    expect(out('sim clock')).toBe('2026-01-05T09:02:00.000Z');
    expect(run('sim advance -1').stderr).toBe('sim advance: give a number of seconds from 0 to 86400\n');
    expect(run('sim advance 86401').exitCode).toBe(1);
    expect(run('sleep 86401').stderr).toBe('sleep: at most 86400 seconds (one day) at a time\n');
    expect(run('sleep soon').stderr).toBe('sleep: usage: sleep SECONDS\n');
    expect(out('sim clock')).toBe('2026-01-05T09:02:00.000Z');
  });

  it('sim log shows what happened, and unknown subcommands are refused', () => {
    const { run, out } = terminal();
    out('aws ecs create-cluster --cluster-name demo');
    expect(out('sim log 1')).toBe('09:00:00  Cluster demo created.');
    expect(run('sim frobnicate')).toEqual({
      stdout: '',
      stderr: "sim: unknown subcommand 'frobnicate'. Try: sim help\n",
      exitCode: 1,
    });
    expect(out('sim help')).toContain('sim kill-task TASK');
  });
});

describe('determinism', () => {
  const SCRIPT = [
    'aws ecs create-cluster --cluster-name demo',
    'sim add-instances --cluster demo --count 2',
    `aws ecs register-task-definition --family api --container-definitions ${API_CONTAINERS}`,
    'aws ecs run-task --cluster demo --task-definition api --count 3',
    'aws ecs create-service --cluster demo --service-name api --task-definition api --desired-count 2',
    'sleep 60',
    'aws ecs describe-services --cluster demo --services api',
    'aws ecs list-tasks --cluster demo',
  ];

  function transcript(seed: number) {
    const { run } = terminal(seed);
    return SCRIPT.map((line) => run(line));
  }

  it('the same seed and the same commands give the same transcript, byte for byte', () => {
    const a = transcript(7);
    expect(a.every((r) => r.exitCode === 0)).toBe(true);
    expect(transcript(7)).toEqual(a);
  });

  it('another seed gives other ids', () => {
    expect(transcript(8).at(-1)?.stdout).not.toBe(transcript(7).at(-1)?.stdout);
  });
});
