import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs the fixed interface exactly as other tooling does: `npm run --silent sim -- …`. */
function sim(args: string[], input?: string) {
  const r = spawnSync('npm', ['run', '--silent', 'sim', '--', ...args], { encoding: 'utf8', input });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
const script = join(dir, 'script.txt');
writeFileSync(
  script,
  [
    '# a comment, then a blank line',
    '',
    'aws ecs create-cluster --cluster-name demo --query cluster.status --output text',
    'aws ecs register-task-definition --cli-input-json file://content/examples/task-definitions/ec2-bridge-dynamic-ports.json --query taskDefinition.revision',
    'sim add-instances --cluster demo --count 1 --instance-type t3.medium',
    'aws logs create-log-group --log-group-name /ecs/api',
    'aws ecs run-task --cluster demo --task-definition api --query "tasks[0].lastStatus" --output text',
    'sleep 30',
    'aws ecs list-tasks --cluster demo --query "length(taskArns)"',
    'aws ecs describe-services --cluster nope --services api',
  ].join('\n'),
);

// Each case starts npm and Node several times; on a busy 2-core machine that outgrows 5 s.
describe('npm run sim', { timeout: 30_000 }, () => {
  it('runs a script and prints one JSON object per command with --jsonl', () => {
    const r = sim(['--script', script, '--jsonl']);
    expect(r.status).toBe(254);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { command: string; exitCode: number; stdout: string; stderr: string });
    expect(lines.map((l) => l.command)).toEqual([
      'aws ecs create-cluster --cluster-name demo --query cluster.status --output text',
      'aws ecs register-task-definition --cli-input-json file://content/examples/task-definitions/ec2-bridge-dynamic-ports.json --query taskDefinition.revision',
      'sim add-instances --cluster demo --count 1 --instance-type t3.medium',
      'aws logs create-log-group --log-group-name /ecs/api',
      'aws ecs run-task --cluster demo --task-definition api --query "tasks[0].lastStatus" --output text',
      'sleep 30',
      'aws ecs list-tasks --cluster demo --query "length(taskArns)"',
      'aws ecs describe-services --cluster nope --services api',
    ]);
    expect(lines[0]).toEqual({ command: lines[0]?.command, exitCode: 0, stdout: 'ACTIVE\n', stderr: '' });
    expect(lines[1]?.stdout).toBe('1\n');
    expect(lines[4]?.stdout).toBe('PENDING\n');
    expect(lines[6]?.stdout).toBe('1\n');
    expect(lines[7]).toMatchObject({
      exitCode: 254,
      stdout: '',
      stderr:
        '\nAn error occurred (ClusterNotFoundException) when calling the DescribeServices operation: Cluster not found.\n',
    });
  });

  it('gives the same transcript for the same seed, and a different one for another seed', () => {
    const a = sim(['--script', script, '--jsonl', '--seed', '7']).stdout;
    expect(sim(['--script', script, '--jsonl', '--seed', '7']).stdout).toBe(a);
    expect(sim(['--script', script, '--jsonl', '--seed', '8']).stdout).not.toBe(a);
  });

  it('reads commands from standard input and prints like a terminal without --jsonl', () => {
    const r = sim([], 'aws ecs list-clusters\nnot-a-command\n');
    expect(r.stdout).toBe('{\n    "clusterArns": []\n}\n');
    expect(r.stderr).toBe('not-a-command: command not found. Type help to see the commands.\n');
    expect(r.status).toBe(127);
  });

  it('rejects unknown options with usage and exit 2', () => {
    const r = sim(['--frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Usage:');
  });

  it('does not silently read standard input when given a bare file name', () => {
    const r = sim(['lab.sh'], 'aws ecs list-clusters\n');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Unknown argument: lab.sh (give a script with --script FILE)');
  });
});
