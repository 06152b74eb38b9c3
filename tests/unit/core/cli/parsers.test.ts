import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { execute } from '../../../../src/core/cli/shell.ts';
import { parseShorthand, ShorthandError } from '../../../../src/core/cli/shorthand.ts';
import { ShellSyntaxError, tokenize } from '../../../../src/core/cli/tokenize.ts';
import { createSimulator } from '../../../../src/core/sim/index.ts';

describe('tokenize', () => {
  it('splits words, honours quotes and escapes, drops comments', () => {
    expect(tokenize(`aws ecs run-task --overrides '{"a": 1}' --group "my group" a\\ b # note`).stages).toEqual([
      ['aws', 'ecs', 'run-task', '--overrides', '{"a": 1}', '--group', 'my group', 'a b'],
    ]);
  });

  it('splits pipelines', () => {
    expect(tokenize('aws ecr get-login-password | docker login --username AWS --password-stdin host').stages).toEqual([
      ['aws', 'ecr', 'get-login-password'],
      ['docker', 'login', '--username', 'AWS', '--password-stdin', 'host'],
    ]);
  });

  it('reports what it cannot run instead of guessing', () => {
    expect(() => tokenize('echo "open')).toThrow(ShellSyntaxError);
    expect(() => tokenize('a | ')).toThrow("syntax error: nothing after '|'");
    expect(() => tokenize('a; b')).toThrow('run one command per line');
    expect(() => tokenize('echo $(whoami)')).toThrow('command substitution');
  });

  it('round-trips any words quoted with single quotes (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ minLength: 1 }).filter((w) => !w.includes("'")),
          { minLength: 1, maxLength: 6 },
        ),
        (words) => {
          expect(tokenize(words.map((w) => `'${w}'`).join(' ')).stages).toEqual([words]);
        },
      ),
    );
  });

  it('never throws anything but ShellSyntaxError (property)', () => {
    fc.assert(
      fc.property(fc.string(), (line) => {
        try {
          tokenize(line);
        } catch (error) {
          expect(error).toBeInstanceOf(ShellSyntaxError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseShorthand', () => {
  it('reads nested structures and lists as the AWS CLI does', () => {
    expect(
      parseShorthand('awsvpcConfiguration={subnets=[subnet-1,subnet-2],securityGroups=[sg-1],assignPublicIp=ENABLED}'),
    ).toEqual({
      awsvpcConfiguration: { subnets: ['subnet-1', 'subnet-2'], securityGroups: ['sg-1'], assignPublicIp: 'ENABLED' },
    });
    expect(
      parseShorthand(
        'targetGroupArn=arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/t/1,containerName=web,containerPort=80',
      ),
    ).toEqual({
      targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/t/1',
      containerName: 'web',
      containerPort: '80',
    });
    expect(parseShorthand('name=web,command=[sh,-c,"echo hi"]')).toEqual({
      name: 'web',
      command: ['sh', '-c', 'echo hi'],
    });
  });

  it('explains malformed input', () => {
    expect(() => parseShorthand('awsvpcConfiguration={subnets=[a]')).toThrow(ShorthandError);
    expect(() => parseShorthand('novalue')).toThrow("Expected: '='");
  });

  it('never throws anything but ShorthandError (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        try {
          parseShorthand(text);
        } catch (error) {
          expect(error).toBeInstanceOf(ShorthandError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the terminal with any input', () => {
  const words = fc.constantFrom(
    'aws',
    'ecs',
    'ecr',
    'elbv2',
    'logs',
    'docker',
    'sim',
    'sleep',
    'curl',
    'run-task',
    'create-service',
    'describe-tasks',
    'wait',
    'services-stable',
    '--cluster',
    'demo',
    '--count',
    '3',
    '--query',
    'tasks[0]',
    '--output',
    'table',
    '--cli-input-json',
    '{"family":"x"}',
    '|',
    "'",
    '"',
    '=',
    'x=[1,{a=b}]',
    'add-instances',
    'kill-task',
    '--help',
    'help',
  );
  it('never throws, whatever is typed: every line gives output and an exit code (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(words, fc.string({ maxLength: 12 })), { maxLength: 8 }), (parts) => {
        const sim = createSimulator({ seed: 1 });
        sim.call('ecs:CreateCluster', { clusterName: 'demo' });
        const result = execute(parts.join(' '), { sim, readFile: () => undefined });
        expect(typeof result.stdout).toBe('string');
        expect(typeof result.stderr).toBe('string');
        expect(Number.isInteger(result.exitCode)).toBe(true);
        expect(result.stderr).not.toContain('internal error');
      }),
      { numRuns: 400 },
    );
  });
});

describe('names that are also JavaScript property names', () => {
  it('are ordinary names everywhere', () => {
    const sim = createSimulator({ seed: 1 });
    const run = (line: string) => execute(line, { sim, readFile: () => undefined });
    expect(run('toString').stderr).toBe('toString: command not found. Type help to see the commands.\n');
    expect(
      run('aws ecs describe-clusters --clusters constructor --query "failures[0].reason" --output text').stdout,
    ).toBe('MISSING\n');
    for (const name of ['constructor', 'toString', '__proto__']) {
      expect(
        run(`aws ecs create-cluster --cluster-name ${name} --query cluster.clusterName --output text`).stdout,
      ).toBe(`${name}\n`);
    }
    expect(run('aws ecs list-clusters --query "length(clusterArns)"').stdout).toBe('3\n');
    expect(run('sim add-instances --cluster constructor --instance-type toString').exitCode).toBe(1);
    expect(run('aws ecs wait toString').exitCode).toBe(252);
    expect(run('aws elbv2 hasOwnProperty').exitCode).toBe(252);
    const restored = JSON.parse(JSON.stringify(sim.state)) as unknown;
    expect(restored).toBeTruthy();
  });
});
