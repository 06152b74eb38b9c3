/**
 * What a session would cost on AWS: the sourced price table, the hourly rate of what runs, the
 * total run up as virtual time passes (with AWS's billing minimums), and `sim cost`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { execute } from '../../../../src/core/cli/shell.ts';
import {
  accruedCost,
  costReport,
  dollars,
  formatCostReport,
  hourlyRate,
  lineItems,
  NOT_MODELLED,
  PRICES,
  PRICES_CHECKED,
  type Price,
} from '../../../../src/core/sim/cost.ts';
import { INSTANCE_TYPES } from '../../../../src/core/sim/ecs/container-instances.ts';
import { terminateInstance } from '../../../../src/core/sim/ecs/instance-termination.ts';
import { createLoadBalancer } from '../../../../src/core/sim/elb/load-balancing.ts';
import { createSimulator, registerInstances, restoreSimulator } from '../../../../src/core/sim/index.ts';
import { awsvpc, fargateDef, registerTaskDefinition, runOne, START, setup, taskIdOf, waitForTask } from './helpers.ts';

/** Every Price object in the table, found by walking it. */
function allPrices(value: unknown, path = 'PRICES'): [string, Price][] {
  if (typeof value !== 'object' || value === null) return [];
  if ('usd' in value && 'source' in value) return [[path, value as Price]];
  return Object.entries(value).flatMap(([key, inner]) => allPrices(inner, `${path}.${key}`));
}

const X86_SMALL = 0.25 * 0.04048 + 0.5 * 0.004445; // 256 CPU units, 512 MiB
const ARM_MEDIUM = 1 * 0.03238 + 2 * 0.00356; // 1024 CPU units, 2048 MiB

describe('the price table', () => {
  it('dates and sources every price, and prices every instance type the simulator offers', () => {
    const prices = allPrices(PRICES);
    expect(prices.length).toBeGreaterThan(15);
    for (const [path, price] of prices) {
      expect(price.source, path).toMatch(/^https:\/\//);
      expect(price.checked, path).toBe(PRICES_CHECKED);
      expect(price.checked, path).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // No figure is invented: an unpriced entry says why.
      if (price.usd === null) expect(price.note, path).toBeTruthy();
      if (price.official) expect(price.official, path).toMatch(/^https:\/\/aws\.amazon\.com\//);
    }
    for (const type of Object.keys(INSTANCE_TYPES)) {
      expect(PRICES.ec2[type]?.usd, type).toBeGreaterThan(0);
    }
    expect(PRICES.ecs.usd).toBe(0);
    expect(PRICES.fargate.spot.usd).toBeNull();
    expect(PRICES.loadBalancer.lcu.note).toMatch(/Not modelled/);
    expect(NOT_MODELLED).toContain('LCUs');
  });

  it('holds the figures read from the sources', () => {
    expect(PRICES.fargate.linuxX86.vcpu.usd).toBe(0.04048);
    expect(PRICES.fargate.linuxX86.memory.usd).toBe(0.004445);
    expect(PRICES.fargate.linuxArm.vcpu.usd).toBe(0.03238);
    expect(PRICES.fargate.linuxArm.memory.usd).toBe(0.00356);
    expect(Object.fromEntries(Object.entries(PRICES.ec2).map(([type, p]) => [type, p.usd]))).toEqual({
      't3.micro': 0.0104,
      't3.small': 0.0208,
      't3.medium': 0.0416,
      't3.large': 0.0832,
      'm5.large': 0.096,
      'm5.xlarge': 0.192,
      'c5.large': 0.085,
      'c5.xlarge': 0.17,
      'r5.large': 0.126,
      'm6g.large': 0.077,
    });
    expect(PRICES.loadBalancer.application.usd).toBe(0.0225);
    expect(PRICES.ecrStorage.usd).toBe(0.1);
  });
});

describe('the hourly rate', () => {
  it('is zero for an account with nothing in it, and ECS itself costs nothing', () => {
    const { sim } = setup();
    expect(hourlyRate(sim.state)).toEqual({ items: [], totalUsd: 0 });
    expect(accruedCost(sim.state).totalUsd).toBe(0);
  });

  it('prices each Fargate task by its task-level CPU, memory and architecture, and each EC2 instance by type', () => {
    const { sim, subnets } = setup();
    registerInstances(sim, 'demo', 1, 't3.medium');
    registerInstances(sim, 'demo', 1, 'm5.xlarge');
    registerInstances(sim, 'demo', 1, 'm6g.large');
    registerTaskDefinition(sim, fargateDef('web'));
    registerTaskDefinition(
      sim,
      fargateDef('worker', {}, { cpu: '1024', memory: '2048', runtimePlatform: { cpuArchitecture: 'ARM64' } }),
    );
    const network = { launchType: 'FARGATE', networkConfiguration: awsvpc(subnets) };
    const web = runOne(sim, { taskDefinition: 'web', ...network });
    const worker = runOne(sim, { taskDefinition: 'worker', ...network });

    // Not billing yet: Fargate bills from the start of the image pull.
    expect(hourlyRate(sim.state).items.map((i) => i.kind)).toEqual(['ec2-instance', 'ec2-instance', 'ec2-instance']);

    waitForTask(sim, web.taskArn as string, 'RUNNING');
    waitForTask(sim, worker.taskArn as string, 'RUNNING');
    const rate = hourlyRate(sim.state);
    const byId = Object.fromEntries(rate.items.map((i) => [i.id, i]));
    const webItem = byId[taskIdOf(web.taskArn as string)];
    const workerItem = byId[taskIdOf(worker.taskArn as string)];
    expect(webItem?.hourlyUsd).toBeCloseTo(X86_SMALL, 10);
    expect(webItem?.label).toBe(
      `Fargate task ${taskIdOf(web.taskArn as string).slice(0, 8)} web:1 (0.25 vCPU, 0.5 GB, Linux/x86)`,
    );
    expect(workerItem?.hourlyUsd).toBeCloseTo(ARM_MEDIUM, 10);
    expect(workerItem?.label).toContain('worker:1 (1 vCPU, 2 GB, Linux/ARM)');
    const instances = rate.items.filter((i) => i.kind === 'ec2-instance');
    expect(instances.map((i) => [i.label.split(' ')[1], i.hourlyUsd])).toEqual([
      ['t3.medium', 0.0416],
      ['m5.xlarge', 0.192],
      ['m6g.large', 0.077],
    ]);
    expect(rate.totalUsd).toBeCloseTo(X86_SMALL + ARM_MEDIUM + 0.0416 + 0.192 + 0.077, 10);
  });

  it('leaves a load balancer without a sourced price out of the totals, and says so', () => {
    const { sim, subnets } = setup();
    createLoadBalancer(sim, { name: 'net', subnets: subnets.slice(0, 2), securityGroups: [], type: 'network' });
    createLoadBalancer(sim, { name: 'web', subnets: subnets.slice(0, 2), securityGroups: [], type: 'application' });
    const report = costReport(sim.state);
    expect(report.running.map((i) => [i.label, i.hourlyUsd])).toEqual([
      ['Network load balancer net', null],
      ['Application load balancer web', 0.0225],
    ]);
    expect(report.hourlyUsd).toBe(0.0225);
    expect(report.unpriced).toEqual(['Network load balancer net']);
    expect(formatCostReport(report)).toContain('Not in the total (no sourced price): Network load balancer net');
  });
});

describe('the cost so far', () => {
  it('integrates what ran over virtual time, with the one-minute minimum and per-hour load balancers', () => {
    const { sim, subnets } = setup();
    const [instance] = registerInstances(sim, 'demo', 1, 't3.medium');
    createLoadBalancer(sim, { name: 'web', subnets: subnets.slice(0, 2), securityGroups: [], type: 'application' });
    const total = () => accruedCost(sim.state).totalUsd;
    // A new instance is billed at least a minute; a new load balancer its first (partial) hour.
    expect(total()).toBeCloseTo(0.0416 / 60 + 0.0225, 12);
    sim.advance(30);
    expect(total()).toBeCloseTo(0.0416 / 60 + 0.0225, 12);
    sim.advance(3570); // one hour in
    expect(total()).toBeCloseTo(0.0416 + 0.0225, 12);
    sim.advance(60); // into the second hour: the load balancer's second hour has begun
    expect(total()).toBeCloseTo((0.0416 * 3660) / 3600 + 0.045, 12);

    // Terminating the instance stops its meter; the load balancer keeps billing.
    terminateInstance(sim, instance as never);
    sim.advance(3600);
    const report = costReport(sim.state);
    expect(report.running.map((i) => i.kind)).toEqual(['load-balancer']);
    expect(report.ended).toMatchObject([{ kind: 'ec2-instance', from: START, until: START + 3660 }]);
    expect(report.accruedUsd).toBeCloseTo((0.0416 * 3660) / 3600 + 3 * 0.0225, 12);
    expect(report.hourlyUsd).toBe(0.0225);
  });

  it('bills a Fargate task from its image pull to its stop, and nothing after', () => {
    const { sim, subnets } = setup();
    registerTaskDefinition(sim, fargateDef('web'));
    const task = runOne(sim, { taskDefinition: 'web', launchType: 'FARGATE', networkConfiguration: awsvpc(subnets) });
    const arn = task.taskArn as string;
    const running = waitForTask(sim, arn, 'RUNNING');
    const pulled = running.pullStartedAt as number;
    expect(pulled).toBeGreaterThan(START);
    sim.advance(7200);
    const item = () => lineItems(sim.state).find((i) => i.id === taskIdOf(arn));
    expect(item()?.from).toBe(pulled);
    expect(item()?.accruedUsd).toBeCloseTo((X86_SMALL * (sim.seconds - pulled)) / 3600, 12);

    sim.call('ecs:StopTask', { cluster: 'demo', task: arn });
    const stopped = waitForTask(sim, arn, 'STOPPED');
    const billed = ((stopped.stoppedAt as number) - pulled) / 3600;
    sim.advance(86_400);
    expect(item()).toMatchObject({ until: stopped.stoppedAt, hourlyUsd: X86_SMALL });
    expect(item()?.accruedUsd).toBeCloseTo(X86_SMALL * billed, 12);
    expect(hourlyRate(sim.state).totalUsd).toBe(0);
    expect(accruedCost(sim.state).totalUsd).toBeCloseTo(X86_SMALL * billed, 12);
  });

  it('charges nothing for a task stopped before its image pull began', () => {
    const { sim, subnets } = setup();
    registerTaskDefinition(sim, fargateDef('web'));
    const task = runOne(sim, { taskDefinition: 'web', launchType: 'FARGATE', networkConfiguration: awsvpc(subnets) });
    sim.call('ecs:StopTask', { cluster: 'demo', task: task.taskArn });
    sim.advance(600);
    expect(lineItems(sim.state)).toEqual([]);
  });

  it('bills an instance until it is terminated, not when it leaves the cluster', () => {
    const { sim } = setup();
    const [instance] = registerInstances(sim, 'demo', 1, 'c5.large');
    sim.advance(600);
    sim.call('ecs:DeregisterContainerInstance', {
      cluster: 'demo',
      containerInstance: instance?.instance.containerInstanceArn,
      force: true,
    });
    sim.advance(1200);
    expect(lineItems(sim.state)[0]).not.toHaveProperty('until');
    terminateInstance(sim, instance as never);
    sim.advance(1800);
    expect(lineItems(sim.state)[0]).toMatchObject({ kind: 'ec2-instance', until: START + 1800 });
  });

  it('prorates ECR storage by the hour', () => {
    const { sim } = setup();
    const env = { sim, readFile: () => undefined };
    for (const line of [
      'aws ecr create-repository --repository-name web',
      'docker build -t web .',
      'docker tag web:latest 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1',
      'aws ecr get-login-password | docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com',
      'docker push 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1',
    ])
      expect(execute(line, env).exitCode, line).toBe(0);
    const image = sim.state.ecr.images.web?.[0]?.detail;
    const gb = (image?.imageSizeInBytes as number) / 1024 ** 3;
    sim.advance(730 * 3600); // a month
    const item = lineItems(sim.state).find((i) => i.kind === 'ecr-storage');
    expect(item?.hourlyUsd).toBeCloseTo((gb * 0.1) / 730, 12);
    const months = (sim.seconds - (image?.imagePushedAt as number)) / 3600 / 730;
    expect(months).toBeCloseTo(1, 4);
    expect(item?.accruedUsd).toBeCloseTo(gb * 0.1 * months, 12);
  });

  it('reads only the state: plain JSON gives the same report, and the state is left as it was', () => {
    const { sim, subnets } = setup({ instances: 2 });
    registerTaskDefinition(sim, fargateDef('web'));
    runOne(sim, { taskDefinition: 'web', launchType: 'FARGATE', networkConfiguration: awsvpc(subnets) });
    sim.advance(900);
    const before = JSON.stringify(sim.state);
    const report = costReport(sim.state);
    expect(JSON.stringify(sim.state)).toBe(before);
    expect(costReport(JSON.parse(before))).toEqual(report);
    expect(costReport(restoreSimulator(sim.state).state)).toEqual(report);
  });
});

describe('sim cost', () => {
  function session() {
    const sim = createSimulator({ seed: 5 });
    const env = { sim, readFile: (p: string) => readFileSync(p, 'utf8') };
    const run = (line: string) => {
      const r = execute(line, env);
      expect(r.exitCode, `${line}\n${r.stderr}`).toBe(0);
      return r.stdout;
    };
    const [s1, s2] = sim.state.network.subnets.map((s) => s.id);
    run('aws ecs create-cluster --cluster-name demo');
    run('aws logs create-log-group --log-group-name /ecs/web');
    run('aws ecs register-task-definition --cli-input-json file://content/examples/task-definitions/fargate-web.json');
    run(`aws elbv2 create-load-balancer --name web-alb --subnets ${s1} ${s2}`);
    run('sim add-instances --cluster demo --count 2 --instance-type t3.small');
    run(
      `aws ecs run-task --cluster demo --task-definition web --launch-type FARGATE --network-configuration "awsvpcConfiguration={subnets=[${s1}],assignPublicIp=ENABLED}"`,
    );
    run('sleep 1800');
    return { sim, run };
  }

  it('prints each line item with its hourly rate, the total so far, and what the prices are', () => {
    const { sim, run } = session();
    const [first] = Object.values(sim.state.containerInstances);
    run(`sim kill-instance ${first?.ec2InstanceId}`);
    run('sleep 1800');
    const task = Object.values(sim.state.tasks)[0]?.task;
    const id = taskIdOf(task?.taskArn as string);
    const second = Object.values(sim.state.containerInstances)[1]?.ec2InstanceId;
    const fargate = (X86_SMALL * (sim.seconds - (task?.pullStartedAt as number))) / 3600;
    const instances = (0.0208 * 3600) / 3600 + (0.0208 * 1800) / 3600;
    const total = fargate + instances + 0.0225;
    expect(run('sim cost')).toBe(
      [
        'What this session would cost on AWS (us-east-1, on-demand), at 2026-01-05 10:00:00 UTC',
        '',
        '                                                                per hour      so far',
        `  Fargate task ${id.slice(0, 8)} web:1 (0.25 vCPU, 0.5 GB, Linux/x86)     $0.0123${dollars(fargate).padStart(12)}`,
        `  EC2 t3.small ${second} (cluster demo)                $0.0208     $0.0208`,
        '  Application load balancer web-alb                              $0.0225     $0.0225',
        '  Stopped earlier: 1 EC2 instance                                      -     $0.0104',
        '  Amazon ECS itself                                                 free        free',
        `  ${'-'.repeat(82)}`,
        `  Total                                                          $0.0556${dollars(total).padStart(12)}`,
        '',
        'prices: us-east-1 on-demand, checked 2026-11-23; the simulator does not model data transfer, LCUs, NAT gateways, public IPv4 addresses, EBS volumes, CloudWatch Logs, Savings Plans or the Free Tier.',
        'Sources and dates of every price: sim cost --prices',
        '',
      ].join('\n'),
    );
  });

  it('lists the prices with their sources, refuses other arguments, and is in sim help', () => {
    const { sim } = setup();
    const env = { sim, readFile: () => undefined };
    const prices = execute('sim cost --prices', env);
    expect(prices.exitCode).toBe(0);
    expect(prices.stdout).toContain(`checked ${PRICES_CHECKED}`);
    for (const type of Object.keys(INSTANCE_TYPES)) expect(prices.stdout).toContain(`EC2 ${type} (Linux)`);
    expect(prices.stdout).toContain('  EC2 m6g.large (Linux)         $0.077 per instance-hour');
    expect(prices.stdout).toContain(
      'source: https://github.com/aws/karpenter-provider-aws/blob/031e72b6099630e960dacb88b48a7e9bb780945f/pkg/providers/pricing/zz_generated.pricing_aws.go',
    );
    expect(prices.stdout).toContain('  Fargate Spot                  no sourced figure: not priced');
    expect(prices.stdout).toContain('  Load balancer capacity unit   $0.008 per LCU-hour (not modelled)');
    expect(execute('sim cost now', env)).toEqual({
      stdout: '',
      stderr: 'sim cost: usage: sim cost [--prices]\n',
      exitCode: 1,
    });
    expect(execute('sim help', env).stdout).toContain(
      '  sim cost [--prices]            What the session would cost on AWS (--prices: sources).\n',
    );
    expect(execute('sim cost', env).stdout).toContain('  Nothing has run that AWS would charge for yet.\n');
  });
});
