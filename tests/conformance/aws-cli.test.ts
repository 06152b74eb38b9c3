/**
 * Debian's AWS CLI v2 (a client nobody here wrote) against `npm run sim -- --serve`: for every
 * scenario step, its stdout, stderr and exit code must equal what our own terminal prints for the
 * same command line on a simulator with the same seed.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { execute } from '../../src/core/cli/shell.ts';
import { kebab } from '../../src/core/ecs/model.ts';
import { createSimulator } from '../../src/core/sim/index.ts';
import { SCENARIOS, SUBNET_PLACEHOLDER } from './scenarios.ts';

const AWS = '/usr/bin/aws';
if (!existsSync(AWS)) {
  throw new Error(
    "The conformance tests need Debian's AWS CLI v2 at /usr/bin/aws: sudo apt-get install -y awscli (npm test installs it when run as root on Debian).",
  );
}

let server: ChildProcess | undefined;
afterEach(() => {
  server?.kill();
  server = undefined;
});

async function serve(): Promise<string> {
  server = spawn(process.execPath, ['src/node/sim-cli.ts', '--serve', '0', '--seed', '1', '--clock', 'manual'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    server?.stdout?.once('data', (chunk: Buffer) => resolve(chunk.toString()));
    server?.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  const url = /http:\/\/127\.0\.0\.1:\d+/.exec(line)?.[0];
  if (!url) throw new Error(`unexpected first line from --serve: ${line}`);
  return url;
}

const ENV = {
  ...process.env,
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'secret',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_PAGER: '',
  AWS_EC2_METADATA_DISABLED: 'true',
  TZ: 'UTC',
  HOME: '/tmp',
};

describe('Debian AWS CLI v2 against npm run sim -- --serve', () => {
  it('is the expected version', () => {
    expect(spawnSync(AWS, ['--version'], { encoding: 'utf8', env: ENV }).stdout).toMatch(/^aws-cli\/2\./);
  });

  for (const scenario of SCENARIOS) {
    it(scenario.name, async () => {
      const url = await serve();
      const ours = createSimulator({ seed: 1 });
      const subnet = ours.state.network.subnets[0]?.id ?? '';
      for (const step of scenario.steps) {
        const json = JSON.stringify(step.input).replaceAll(SUBNET_PLACEHOLDER, subnet);
        const extra = step.cliArgs ?? [];
        const args = [step.service, kebab(step.operation), '--cli-input-json', json, ...extra];
        const real = spawnSync(AWS, [...args, '--endpoint-url', url], { encoding: 'utf8', env: ENV });
        const mine = execute(
          `aws ${step.service} ${kebab(step.operation)} --cli-input-json '${json}' ${extra.map((a) => `'${a}'`).join(' ')}`,
          {
            sim: ours,
            readFile: (p) => readFileSync(p, 'utf8'),
          },
        );
        expect(
          { stdout: mine.stdout, stderr: mine.stderr, exitCode: mine.exitCode },
          `${step.service} ${step.operation}`,
        ).toEqual({ stdout: real.stdout, stderr: real.stderr, exitCode: real.status });
      }
    });
  }
});
