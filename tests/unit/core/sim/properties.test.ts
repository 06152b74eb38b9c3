/**
 * Properties of the simulator under random sequences of API calls, terminal commands and time:
 * it only ever fails with an AwsError, never over-commits an instance, never gives one host port
 * to two tasks, never reuses an id, converges services when there is room, and replays exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { execute } from '../../../../src/core/cli/shell.ts';
import { createSimulator, isAwsError, registerInstances, type Simulator } from '../../../../src/core/sim/index.ts';
import { container, describeService, type Json } from './helpers.ts';

const CLUSTERS = ['demo', 'other', 'default'] as const;
const TYPES = ['t3.micro', 't3.small', 't3.medium', 'm5.large'] as const;
const FAMILIES = ['api', 'fixed', 'host', 'reserve', 'big', 'job', 'bad', 'web', 'eni'] as const;

/** Task definitions with different needs: dynamic and fixed ports, host mode, big, exiting, unpullable, awsvpc. */
function definition(family: (typeof FAMILIES)[number], variant: number): Json {
  const ec2 = (extra: Json, task: Json = {}) => ({
    family,
    containerDefinitions: [container(family, { cpu: 128, memory: 128, ...extra })],
    ...task,
  });
  switch (family) {
    case 'api':
      return ec2({ cpu: 64 + 64 * variant });
    case 'fixed':
      return ec2({ portMappings: [{ containerPort: 80, hostPort: 8080 + (variant % 2) }] });
    case 'host':
      return ec2({ portMappings: [{ containerPort: 9000, hostPort: 9000 }] }, { networkMode: 'host' });
    case 'reserve':
      return ec2({ memory: 1024, memoryReservation: 200 + 100 * variant });
    case 'big':
      return ec2({ cpu: 1024, memory: 1500 + 500 * variant, portMappings: [] });
    case 'job':
      return ec2({
        image: 'busybox',
        command: ['sh', '-c', `sleep ${5 * variant}; exit ${variant % 2}`],
        portMappings: [],
      });
    case 'bad':
      return ec2({ image: 'public.ecr.aws/nope/missing:1', portMappings: [] });
    case 'web':
      return {
        family,
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        cpu: '256',
        memory: '512',
        containerDefinitions: [
          { name: 'web', image: 'public.ecr.aws/nginx/nginx:1.27', portMappings: [{ containerPort: 80 }] },
        ],
      };
    case 'eni':
      return ec2({ portMappings: [{ containerPort: 80 }] }, { networkMode: 'awsvpc' });
  }
}

type Op =
  | { op: 'createCluster'; cluster: number }
  | { op: 'deleteCluster'; cluster: number }
  | { op: 'addInstances'; cluster: number; count: number; type: number }
  | { op: 'register'; family: number; variant: number }
  | { op: 'deregister'; family: number; revision: number }
  | { op: 'deleteDefinition'; family: number; revision: number }
  | {
      op: 'runTask';
      cluster: number;
      family: number;
      revision: number;
      count: number;
      launchType: number;
      network: number;
      strategy: number;
      constraint: number;
    }
  | { op: 'stopTask'; pick: number }
  | { op: 'killTask'; pick: number }
  | {
      op: 'createService';
      cluster: number;
      name: number;
      family: number;
      desired: number;
      daemon: boolean;
      min: number;
      max: number;
      breaker: number;
      network: number;
    }
  | { op: 'updateService'; pick: number; desired: number; family: number; force: boolean }
  | { op: 'deleteService'; pick: number; force: boolean }
  | { op: 'drain'; pick: number; active: boolean }
  | { op: 'deregisterInstance'; pick: number; force: boolean }
  | { op: 'killInstance'; pick: number }
  | { op: 'describe'; pick: number }
  | { op: 'advance'; seconds: number };

const idx = (n: number) => fc.nat({ max: n - 1 });
/** Mostly the cluster that exists (demo), sometimes one that may not. */
const clusterArb = fc.oneof({ weight: 8, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: idx(CLUSTERS.length) });
/** 0: what the definition needs (awsvpc gets a network configuration); 1: none; 2: always one. */
const networkArb = fc.oneof({ weight: 8, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(1, 2) });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('createCluster' as const), cluster: idx(CLUSTERS.length) }),
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteCluster' as const), cluster: idx(CLUSTERS.length) }) },
  fc.record({
    op: fc.constant('addInstances' as const),
    cluster: clusterArb,
    count: fc.integer({ min: 1, max: 3 }),
    type: idx(TYPES.length),
  }),
  fc.record({ op: fc.constant('register' as const), family: idx(FAMILIES.length), variant: fc.nat({ max: 3 }) }),
  fc.record({
    op: fc.constant('deregister' as const),
    family: idx(FAMILIES.length),
    revision: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({
    op: fc.constant('deleteDefinition' as const),
    family: idx(FAMILIES.length),
    revision: fc.integer({ min: 1, max: 3 }),
  }),
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('runTask' as const),
      cluster: clusterArb,
      family: idx(FAMILIES.length),
      revision: fc.oneof(
        { weight: 4, arbitrary: fc.constant(0) },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) },
      ),
      count: fc.integer({ min: 1, max: 6 }),
      launchType: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(1, 2) }),
      network: networkArb,
      strategy: fc.nat({ max: 4 }),
      constraint: fc.nat({ max: 3 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('stopTask' as const), pick: fc.nat() }) },
  fc.record({ op: fc.constant('killTask' as const), pick: fc.nat() }),
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('createService' as const),
      cluster: clusterArb,
      name: fc.nat({ max: 3 }),
      family: idx(FAMILIES.length),
      desired: fc.nat({ max: 6 }),
      daemon: fc.boolean(),
      min: fc.constantFrom(0, 50, 100),
      max: fc.constantFrom(100, 150, 200),
      breaker: fc.nat({ max: 2 }),
      network: networkArb,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('updateService' as const),
      pick: fc.nat(),
      desired: fc.nat({ max: 8 }),
      family: fc.nat({ max: FAMILIES.length }),
      force: fc.boolean(),
    }),
  },
  fc.record({ op: fc.constant('deleteService' as const), pick: fc.nat(), force: fc.boolean() }),
  fc.record({ op: fc.constant('drain' as const), pick: fc.nat(), active: fc.boolean() }),
  fc.record({ op: fc.constant('deregisterInstance' as const), pick: fc.nat(), force: fc.boolean() }),
  fc.record({ op: fc.constant('killInstance' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('describe' as const), pick: fc.nat() }),
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('advance' as const), seconds: fc.integer({ min: 0, max: 120 }) }),
  },
);

const pick = <T>(items: readonly T[], n: number): T | undefined =>
  items.length === 0 ? undefined : items[n % items.length];
const sortedKeys = (record: Record<string, unknown>) => Object.keys(record).sort();

/** Applies one operation; AWS errors are answers, anything else escapes and fails the property. */
function apply(sim: Simulator, op: Op): void {
  const subnets = sim.state.network.subnets.map((s) => s.id);
  const env = { sim, readFile: () => undefined };
  const tasks = sortedKeys(sim.state.tasks);
  const services = sortedKeys(sim.state.services).map((arn) => sim.state.services[arn]?.service);
  const instances = sortedKeys(sim.state.containerInstances).map((arn) => sim.state.containerInstances[arn]);
  const family = (n: number) => FAMILIES[n % FAMILIES.length] ?? 'api';
  const awsvpcFamilies: string[] = ['web', 'eni'];
  const network = (choice: number, f: string) =>
    choice === 2 || (choice === 0 && awsvpcFamilies.includes(f))
      ? { networkConfiguration: { awsvpcConfiguration: { subnets: subnets.slice(0, 2) } } }
      : {};
  try {
    switch (op.op) {
      case 'createCluster':
        sim.call('ecs:CreateCluster', { clusterName: CLUSTERS[op.cluster] });
        return;
      case 'deleteCluster':
        sim.call('ecs:DeleteCluster', { cluster: CLUSTERS[op.cluster] });
        return;
      case 'addInstances':
        registerInstances(sim, CLUSTERS[op.cluster] ?? 'demo', op.count, TYPES[op.type] ?? 't3.micro');
        return;
      case 'register':
        sim.call('ecs:RegisterTaskDefinition', definition(family(op.family), op.variant));
        return;
      case 'deregister':
        sim.call('ecs:DeregisterTaskDefinition', { taskDefinition: `${family(op.family)}:${op.revision}` });
        return;
      case 'deleteDefinition':
        sim.call('ecs:DeleteTaskDefinitions', { taskDefinitions: [`${family(op.family)}:${op.revision}`] });
        return;
      case 'runTask': {
        const strategies = [
          [],
          [{ type: 'binpack', field: 'memory' }],
          [{ type: 'spread', field: 'instanceId' }],
          [
            { type: 'spread', field: 'attribute:ecs.availability-zone' },
            { type: 'binpack', field: 'cpu' },
          ],
          [{ type: 'random' }],
        ];
        const constraints = [
          [],
          [{ type: 'distinctInstance' }],
          [{ type: 'memberOf', expression: 'attribute:ecs.instance-type == t3.small' }],
          [{ type: 'memberOf', expression: 'attribute:ecs.availability-zone in [us-east-1a, us-east-1b]' }],
        ];
        sim.call('ecs:RunTask', {
          cluster: CLUSTERS[op.cluster],
          taskDefinition: op.revision === 0 ? family(op.family) : `${family(op.family)}:${op.revision}`,
          count: op.count,
          ...(op.launchType === 0
            ? family(op.family) === 'web'
              ? { launchType: 'FARGATE' }
              : {}
            : { launchType: op.launchType === 1 ? 'EC2' : 'FARGATE' }),
          ...network(op.network, family(op.family)),
          placementStrategy: strategies[op.strategy],
          placementConstraints: constraints[op.constraint],
        });
        return;
      }
      case 'stopTask': {
        const arn = pick(tasks, op.pick);
        const task = arn ? sim.state.tasks[arn]?.task : undefined;
        if (task) sim.call('ecs:StopTask', { cluster: task.clusterArn, task: task.taskArn });
        return;
      }
      case 'killTask': {
        const arn = pick(tasks, op.pick);
        if (arn) expectNoInternalError(execute(`sim kill-task ${arn}`, env));
        return;
      }
      case 'createService':
        sim.call('ecs:CreateService', {
          cluster: CLUSTERS[op.cluster],
          serviceName: `svc${op.name}`,
          taskDefinition: family(op.family),
          ...(op.daemon ? { schedulingStrategy: 'DAEMON' } : { desiredCount: op.desired }),
          deploymentConfiguration: {
            minimumHealthyPercent: op.min,
            maximumPercent: op.max,
            ...(op.breaker > 0 ? { deploymentCircuitBreaker: { enable: true, rollback: op.breaker === 2 } } : {}),
          },
          ...(family(op.family) === 'web' ? { launchType: 'FARGATE' } : {}),
          ...network(op.network, family(op.family)),
        });
        return;
      case 'updateService': {
        const service = pick(services, op.pick);
        if (!service) return;
        sim.call('ecs:UpdateService', {
          cluster: service.clusterArn,
          service: service.serviceName,
          desiredCount: op.desired,
          ...(op.family < FAMILIES.length ? { taskDefinition: family(op.family) } : {}),
          forceNewDeployment: op.force,
        });
        return;
      }
      case 'deleteService': {
        const service = pick(services, op.pick);
        if (service)
          sim.call('ecs:DeleteService', { cluster: service.clusterArn, service: service.serviceArn, force: op.force });
        return;
      }
      case 'drain': {
        const record = pick(instances, op.pick);
        if (record)
          sim.call('ecs:UpdateContainerInstancesState', {
            cluster: record.clusterName,
            containerInstances: [record.instance.containerInstanceArn],
            status: op.active ? 'ACTIVE' : 'DRAINING',
          });
        return;
      }
      case 'deregisterInstance': {
        const record = pick(instances, op.pick);
        if (record)
          sim.call('ecs:DeregisterContainerInstance', {
            cluster: record.clusterName,
            containerInstance: record.instance.containerInstanceArn,
            force: op.force,
          });
        return;
      }
      case 'killInstance': {
        const record = pick(instances, op.pick);
        if (record) expectNoInternalError(execute(`sim kill-instance ${record.ec2InstanceId}`, env));
        return;
      }
      case 'describe': {
        const cluster = pick(CLUSTERS, op.pick) ?? 'demo';
        sim.call('ecs:DescribeClusters', { clusters: [...CLUSTERS] });
        sim.call('ecs:ListTaskDefinitionFamilies', {});
        sim.call('ecs:ListServices', { cluster });
        const arns = (sim.call('ecs:ListTasks', { cluster }) as { taskArns: string[] }).taskArns;
        if (arns.length > 0) sim.call('ecs:DescribeTasks', { cluster, tasks: arns.slice(0, 100), include: ['TAGS'] });
        const names = services.filter((s) => s?.clusterArn?.endsWith(`/${cluster}`)).map((s) => s?.serviceName);
        if (names.length > 0) sim.call('ecs:DescribeServices', { cluster, services: names.slice(0, 10) });
        const ci = (sim.call('ecs:ListContainerInstances', { cluster }) as { containerInstanceArns: string[] })
          .containerInstanceArns;
        if (ci.length > 0) sim.call('ecs:DescribeContainerInstances', { cluster, containerInstances: ci });
        return;
      }
      case 'advance':
        sim.advance(op.seconds);
        return;
    }
  } catch (error) {
    if (!isAwsError(error)) throw error;
  }
}

function expectNoInternalError(result: { stderr: string; exitCode: number }): void {
  expect(result.exitCode).not.toBe(70);
  expect(result.stderr).not.toContain('internal error');
}

/** Reservations match the tasks that hold them, stay within the instance, and no host port is shared. */
function checkInstances(sim: Simulator): void {
  const holding = Object.values(sim.state.tasks).filter((t) => t.task.lastStatus !== 'STOPPED' && t.instanceArn);
  for (const record of Object.values(sim.state.containerInstances)) {
    const arn = record.instance.containerInstanceArn;
    const mine = holding.filter((t) => t.instanceArn === arn);
    const cpu = mine.reduce((s, t) => s + t.reserved.cpu, 0);
    const memory = mine.reduce((s, t) => s + t.reserved.memory, 0);
    expect(record.reservedCpu).toBe(cpu);
    expect(record.reservedMemory).toBe(memory);
    expect(cpu).toBeLessThanOrEqual(record.registeredCpu);
    expect(memory).toBeLessThanOrEqual(record.registeredMemory);
    const owner = new Map<number, string>();
    for (const t of mine) {
      const ports = new Set([
        ...t.reserved.ports,
        ...(t.task.containers ?? []).flatMap((c) => (c.networkBindings ?? []).map((b) => b.hostPort ?? 0)),
      ]);
      for (const port of ports) {
        expect(owner.get(port), `host port ${port} of ${arn} held twice`).toBeUndefined();
        expect([22, 2375, 2376, 51678, 51679]).not.toContain(port);
        owner.set(port, t.task.taskArn ?? '');
      }
    }
  }
}

/** Every identifier the simulator hands out is unique. */
function checkUniqueIds(sim: Simulator): void {
  const unique = (values: (string | undefined)[], what: string) =>
    expect(new Set(values).size, `duplicate ${what}`).toBe(values.length);
  const tasks = Object.values(sim.state.tasks).map((t) => t.task);
  for (const [arn, record] of Object.entries(sim.state.tasks)) expect(record.task.taskArn).toBe(arn);
  unique(
    tasks.map((t) => t.taskArn?.split('/').at(-1)),
    'task id',
  );
  unique(
    tasks.flatMap((t) => (t.containers ?? []).map((c) => c.containerArn)),
    'container ARN',
  );
  unique(
    tasks.flatMap((t) => (t.attachments ?? []).map((a) => a.id)),
    'attachment id',
  );
  unique(
    tasks.flatMap((t) =>
      (t.attachments ?? []).flatMap((a) =>
        (a.details ?? []).filter((d) => d.name === 'networkInterfaceId').map((d) => d.value),
      ),
    ),
    'ENI id',
  );
  const live = tasks.filter((t) => t.lastStatus !== 'STOPPED');
  unique(
    live.flatMap((t) =>
      (t.attachments ?? []).flatMap((a) =>
        (a.details ?? []).filter((d) => d.name === 'privateIPv4Address').map((d) => d.value),
      ),
    ),
    'private IP',
  );
  const instances = Object.values(sim.state.containerInstances);
  unique(
    instances.map((i) => i.instance.containerInstanceArn?.split('/').at(-1)),
    'container instance id',
  );
  unique(
    instances.map((i) => i.ec2InstanceId),
    'EC2 instance id',
  );
  const services = Object.values(sim.state.services).map((s) => s.service);
  unique(
    services.flatMap((s) => (s.deployments ?? []).map((d) => d.id)),
    'deployment id',
  );
  unique(
    services.flatMap((s) => (s.events ?? []).map((e) => e.id)),
    'event id',
  );
}

describe('the simulator under random operations (properties)', () => {
  it('only ever throws AwsError, keeps reservations honest, never shares a host port, never reuses an id', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(opArb, { minLength: 10, maxLength: 40 }),
        (seed, ops) => {
          const sim = createSimulator({ seed });
          sim.call('ecs:CreateCluster', { clusterName: 'demo' });
          registerInstances(sim, 'demo', 2, 't3.medium');
          registerInstances(sim, 'demo', 1, 't3.small');
          for (const f of FAMILIES) sim.call('ecs:RegisterTaskDefinition', definition(f, 1));
          for (const op of ops) {
            apply(sim, op);
            checkInstances(sim);
          }
          sim.advance(600);
          checkInstances(sim);
          checkUniqueIds(sim);
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000);

  it('services converge to their desiredCount when there is room for every task', () => {
    const disruption = fc.oneof(
      fc.record({ kind: fc.constant('stop' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('kill' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('scale' as const), pick: fc.nat(), desired: fc.nat({ max: 6 }) }),
      fc.record({ kind: fc.constant('deploy' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('drain' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 0, max: 90 }) }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(
          fc.record({
            desired: fc.nat({ max: 6 }),
            // Pairs that let a deployment move at any desiredCount: with maximum = minimum healthy
            // (100/100, or 50/100 at one task) the scheduler can neither start nor stop a task,
            // on AWS as here.
            limits: fc.constantFrom([100, 200], [50, 200], [0, 200], [0, 150], [0, 100]),
            spread: fc.boolean(),
          }),
          { minLength: 1, maxLength: 3 },
        ),
        fc.array(disruption, { maxLength: 12 }),
        fc.boolean(),
        (seed, specs, disruptions, withDaemon) => {
          // Room for everything, always: four t3.medium, one of which may be drained, leave 6,144
          // CPU units for at most 3 services × 6 tasks × 2 (a deployment's extra 100 %) of at most
          // 128 units, plus the daemon's three. A deployment needs that room: with no space for
          // the new tasks and 100 % minimum healthy it waits forever, on AWS as here.
          const sim = createSimulator({ seed });
          const env = { sim, readFile: () => undefined };
          sim.call('ecs:CreateCluster', { clusterName: 'demo' });
          const instances = registerInstances(sim, 'demo', 4, 't3.medium');
          sim.call('ecs:RegisterTaskDefinition', definition('api', 1));
          for (const [i, spec] of specs.entries())
            sim.call('ecs:CreateService', {
              cluster: 'demo',
              serviceName: `svc${i}`,
              taskDefinition: 'api',
              desiredCount: spec.desired,
              deploymentConfiguration: { minimumHealthyPercent: spec.limits[0], maximumPercent: spec.limits[1] },
              ...(spec.spread ? { placementStrategy: [{ type: 'spread', field: 'instanceId' }] } : {}),
            });
          if (withDaemon)
            sim.call('ecs:CreateService', {
              cluster: 'demo',
              serviceName: 'daemon',
              taskDefinition: 'api',
              schedulingStrategy: 'DAEMON',
            });
          let drained = false;
          for (const d of disruptions) {
            const tasks = Object.keys(sim.state.tasks).sort();
            const name = `svc${'pick' in d ? d.pick % specs.length : 0}`;
            switch (d.kind) {
              case 'stop': {
                const arn = pick(tasks, d.pick);
                if (arn) sim.call('ecs:StopTask', { cluster: 'demo', task: arn });
                break;
              }
              case 'kill': {
                const arn = pick(tasks, d.pick);
                if (arn) execute(`sim kill-task ${arn}`, env);
                break;
              }
              case 'scale':
                sim.call('ecs:UpdateService', { cluster: 'demo', service: name, desiredCount: d.desired });
                break;
              case 'deploy':
                sim.call('ecs:RegisterTaskDefinition', definition('api', d.pick % 2));
                sim.call('ecs:UpdateService', { cluster: 'demo', service: name, taskDefinition: 'api' });
                break;
              case 'drain':
                if (!drained) {
                  drained = true;
                  sim.call('ecs:UpdateContainerInstancesState', {
                    cluster: 'demo',
                    containerInstances: [instances[d.pick % 4]?.instance.containerInstanceArn],
                    status: 'DRAINING',
                  });
                }
                break;
              case 'advance':
                sim.advance(d.seconds);
                break;
            }
          }
          sim.advance(900);
          for (let i = 0; i < specs.length; i++) {
            const service = describeService(sim, `svc${i}`);
            const live = Object.values(sim.state.tasks).filter(
              (t) => t.serviceArn === service.serviceArn && t.task.lastStatus !== 'STOPPED',
            );
            expect(service.runningCount, `svc${i}`).toBe(service.desiredCount);
            expect(service.pendingCount).toBe(0);
            expect(live).toHaveLength(service.desiredCount ?? -1);
            expect(service.deployments).toHaveLength(1);
            expect(service.deployments?.[0]?.rolloutState).toBe('COMPLETED');
            expect(service.events?.[0]?.message).toBe(`(service svc${i}) has reached a steady state.`);
          }
          if (withDaemon) {
            // One daemon task on every ACTIVE instance, none on a drained one.
            const daemonTasks = Object.values(sim.state.tasks).filter(
              (t) => t.serviceArn?.endsWith('/daemon') && t.task.lastStatus !== 'STOPPED',
            );
            expect(
              instances.map((i) => daemonTasks.filter((t) => t.instanceArn === i.instance.containerInstanceArn).length),
            ).toEqual(instances.map((i) => (i.instance.status === 'ACTIVE' ? 1 : 0)));
          }
          checkInstances(sim);
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000);
});

describe('the terminal replays exactly (property)', () => {
  const stepArb = fc.oneof(
    fc.record({
      kind: fc.constant('line' as const),
      line: fc.constantFrom(
        'aws ecs create-cluster --cluster-name demo',
        'sim add-instances --cluster demo --count 2',
        'sim add-instances --cluster demo --count 1 --instance-type t3.micro',
        `aws ecs register-task-definition --family api --container-definitions '[{"name":"api","image":"httpd:2.4","memory":128,"cpu":128,"portMappings":[{"containerPort":80}]}]'`,
        `aws ecs register-task-definition --family job --container-definitions '[{"name":"job","image":"busybox","command":["sh","-c","sleep 7; exit 2"],"memory":64}]'`,
        'aws ecs register-task-definition --cli-input-json file://web.json',
        'aws ecs run-task --cluster demo --task-definition api --count 3',
        'aws ecs run-task --cluster demo --task-definition job --placement-strategy type=spread,field=instanceId',
        'aws ecs create-service --cluster demo --service-name api --task-definition api --desired-count 3',
        'aws ecs update-service --cluster demo --service api --desired-count 1',
        'aws ecs update-service --cluster demo --service api --force-new-deployment --query service.deployments[0].status',
        'aws ecs describe-services --cluster demo --services api',
        'aws ecs list-tasks --cluster demo --output text',
        'aws ecs list-container-instances --cluster demo --output table',
        'aws ecs describe-clusters --clusters demo --output table',
        'aws ecs delete-service --cluster demo --service api --force',
        'sim log 5',
        'sim clock',
        'sleep 15',
        'sleep 60',
      ),
    }),
    fc.record({ kind: fc.constant('stop' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('kill' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('describe' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('killInstance' as const), pick: fc.nat() }),
  );
  type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

  /** Runs the steps; a step that names a task or instance picks it from this run's own state. */
  function transcript(seed: number, steps: Step[]) {
    const sim = createSimulator({ seed });
    const files: Record<string, string> = {
      'web.json': JSON.stringify({
        family: 'web',
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '256',
        memory: '512',
        containerDefinitions: [{ name: 'web', image: 'nginx:1.27', portMappings: [{ containerPort: 80 }] }],
      }),
    };
    const env = { sim, readFile: (p: string) => files[p] };
    const prefix = [
      'aws ecs create-cluster --cluster-name demo',
      'sim add-instances --cluster demo --count 2',
      `aws ecs register-task-definition --family api --container-definitions '[{"name":"api","image":"httpd:2.4","memory":128,"cpu":128,"portMappings":[{"containerPort":80}]}]'`,
    ].map((line) => ({ line, ...execute(line, env) }));
    return prefix.concat(
      steps.map((step) => {
        const tasks = Object.keys(sim.state.tasks).sort();
        const instances = Object.values(sim.state.containerInstances)
          .map((r) => r.ec2InstanceId)
          .sort();
        const line =
          step.kind === 'line'
            ? step.line
            : step.kind === 'stop'
              ? `aws ecs stop-task --cluster demo --task ${pick(tasks, step.pick) ?? 'none'}`
              : step.kind === 'kill'
                ? `sim kill-task ${pick(tasks, step.pick) ?? 'none'}`
                : step.kind === 'describe'
                  ? `aws ecs describe-tasks --cluster demo --tasks ${pick(tasks, step.pick) ?? 'none'}`
                  : `sim kill-instance ${pick(instances, step.pick) ?? 'none'}`;
        const result = execute(line, env);
        expectNoInternalError(result);
        return { line, ...result };
      }),
    );
  }

  it('the same seed and the same commands give an identical transcript', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(stepArb, { minLength: 1, maxLength: 30 }),
        (seed, steps) => {
          const first = transcript(seed, steps);
          expect(transcript(seed, steps)).toEqual(first);
        },
      ),
      { numRuns: 100 },
    );
  }, 30_000);
});
