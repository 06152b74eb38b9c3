import { describe, expect, it } from 'vitest';
import type { TaskDefinition } from '../../../../src/core/ecs/generated/ecs-types.ts';
import { createSimulator } from '../../../../src/core/sim/index.ts';
import {
  ARN_PREFIX,
  awsvpc,
  describeTaskDefinition,
  ec2Def,
  example,
  expectAwsError,
  fargateDef,
  registerTaskDefinition,
  runOne,
  START,
  setup,
} from './helpers.ts';

type Sim = ReturnType<typeof createSimulator>;

const families = (sim: Sim, input: Record<string, unknown> = {}) =>
  (sim.call('ecs:ListTaskDefinitionFamilies', input) as { families: string[] }).families;
const arns = (sim: Sim, input: Record<string, unknown> = {}) =>
  (sim.call('ecs:ListTaskDefinitions', input) as { taskDefinitionArns: string[] }).taskDefinitionArns;
const deregister = (sim: Sim, taskDefinition: string) =>
  (sim.call('ecs:DeregisterTaskDefinition', { taskDefinition }) as { taskDefinition: TaskDefinition }).taskDefinition;
const tdArn = (familyRevision: string) => `${ARN_PREFIX}:task-definition/${familyRevision}`;

describe('RegisterTaskDefinition', () => {
  it('numbers revisions per family from 1, in task-definition/<family>:<revision> ARNs', () => {
    const sim = createSimulator({ seed: 1 });
    expect(registerTaskDefinition(sim, ec2Def('api')).taskDefinition.taskDefinitionArn).toBe(tdArn('api:1'));
    expect(registerTaskDefinition(sim, fargateDef('web')).taskDefinition.taskDefinitionArn).toBe(tdArn('web:1'));
    const second = registerTaskDefinition(sim, ec2Def('api')).taskDefinition;
    expect(second).toMatchObject({ taskDefinitionArn: tdArn('api:2'), family: 'api', revision: 2, status: 'ACTIVE' });
  });

  it('fills in the defaults ECS adds and echoes no cpu, memory or requiresCompatibilities that were not given', () => {
    const sim = createSimulator({ seed: 1 });
    const def = registerTaskDefinition(sim, {
      family: 'plain',
      containerDefinitions: [{ name: 'app', image: 'nginx', memory: 128, portMappings: [{ containerPort: 80 }] }],
    }).taskDefinition;
    expect(def).toEqual({
      taskDefinitionArn: tdArn('plain:1'),
      containerDefinitions: [
        {
          name: 'app',
          image: 'nginx',
          memory: 128,
          cpu: 0,
          portMappings: [{ containerPort: 80, protocol: 'tcp' }],
          essential: true,
          environment: [],
          mountPoints: [],
          volumesFrom: [],
        },
      ],
      family: 'plain',
      networkMode: 'bridge',
      revision: 1,
      volumes: [],
      status: 'ACTIVE',
      placementConstraints: [],
      compatibilities: ['EC2', 'EXTERNAL'],
      registeredAt: START,
      registeredBy: 'arn:aws:iam::123456789012:user/learner',
      requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.docker-remote-api.1.18' }],
    });
  });

  it('registers the Fargate example with its roles, sizes as strings, FARGATE compatibility and host ports = container ports', () => {
    const sim = createSimulator({ seed: 1 });
    const def = registerTaskDefinition(sim, example('fargate-web')).taskDefinition;
    expect(def).toMatchObject({
      family: 'web',
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      requiresCompatibilities: ['FARGATE'],
      compatibilities: ['EC2', 'FARGATE'],
    });
    expect(def.containerDefinitions?.[0]?.portMappings).toEqual([{ containerPort: 80, hostPort: 80, protocol: 'tcp' }]);
    expect(def.requiresAttributes?.map((a) => a.name)).toEqual([
      'com.amazonaws.ecs.capability.docker-remote-api.1.18',
      'com.amazonaws.ecs.capability.logging-driver.awslogs',
      'ecs.capability.execution-role-awslogs',
      'ecs.capability.task-eni',
    ]);
  });

  it.each([
    ['awslogs-logging', 'worker'],
    ['ec2-bridge-dynamic-ports', 'api'],
    ['fargate-web', 'web'],
    ['secrets', 'billing'],
    ['sidecar-depends-on', 'shop'],
  ])('accepts the course example %s', (name, family) => {
    const sim = createSimulator({ seed: 1 });
    expect(registerTaskDefinition(sim, example(name)).taskDefinition.taskDefinitionArn).toBe(tdArn(`${family}:1`));
  });

  it('lists the capabilities the definition needs in requiresAttributes', () => {
    const sim = createSimulator({ seed: 1 });
    const names = registerTaskDefinition(sim, example('sidecar-depends-on')).taskDefinition.requiresAttributes?.map(
      (a) => a.name,
    );
    expect(names).toEqual(
      expect.arrayContaining([
        'com.amazonaws.ecs.capability.task-iam-role',
        'ecs.capability.container-health-check',
        'ecs.capability.container-ordering',
        'ecs.capability.execution-role-ecr-pull',
      ]),
    );
  });

  it('normalizes task sizes written with units ("1 vCPU", "2 GB") to CPU units and MiB', () => {
    const sim = createSimulator({ seed: 1 });
    const def = registerTaskDefinition(sim, fargateDef('web', {}, { cpu: '1 vCPU', memory: '2 GB' })).taskDefinition;
    expect([def.cpu, def.memory]).toEqual(['1024', '2048']);
  });

  it('is EC2-only when an awsvpc definition has no task-level size (Fargate needs one)', () => {
    const sim = createSimulator({ seed: 1 });
    const def = registerTaskDefinition(sim, {
      family: 'eni',
      networkMode: 'awsvpc',
      containerDefinitions: [{ name: 'eni', image: 'nginx', memory: 128 }],
    }).taskDefinition;
    expect(def.compatibilities).toEqual(['EC2']);
  });

  it('returns the tags it was registered with', () => {
    const sim = createSimulator({ seed: 1 });
    const result = registerTaskDefinition(sim, { ...ec2Def('api'), tags: [{ key: 'app', value: 'api' }] });
    expect(result.tags).toEqual([{ key: 'app', value: 'api' }]);
  });

  it.each([
    [
      'a container without memory on EC2',
      { family: 'a', containerDefinitions: [{ name: 'a', image: 'nginx' }] },
      "Invalid setting for container 'a'. At least one of 'memory' or 'memoryReservation' must be specified.",
    ],
    [
      'a container without a name',
      { family: 'a', containerDefinitions: [{ image: 'nginx', memory: 128 }] },
      'Container.name should not be null or empty.',
    ],
    [
      'a Fargate size that does not exist',
      fargateDef('a', {}, { memory: '3 GB' }),
      'No Fargate configuration exists for given values: 256 CPU, 3 GB memory. See the Amazon ECS documentation for the valid values.',
    ],
    [
      'pidMode host on Fargate',
      fargateDef('a', {}, { pidMode: 'host' }),
      "Tasks using the Fargate launch type do not support pidMode 'host'. The supported value for pidMode is 'task'.",
    ],
  ])('refuses %s with ClientException and AWS wording', (_, input, message) => {
    const sim = createSimulator({ seed: 1 });
    expectAwsError(() => sim.call('ecs:RegisterTaskDefinition', input), 'ClientException', message);
    expect(sim.state.taskDefinitions).toEqual({});
  });
});

describe('DescribeTaskDefinition', () => {
  it('finds a revision by family:revision, by ARN, and the latest ACTIVE one by family', () => {
    const sim = createSimulator({ seed: 1 });
    registerTaskDefinition(sim, ec2Def('api', { cpu: 128 }));
    registerTaskDefinition(sim, ec2Def('api', { cpu: 256 }));
    expect(describeTaskDefinition(sim, 'api:1').containerDefinitions?.[0]?.cpu).toBe(128);
    expect(describeTaskDefinition(sim, tdArn('api:1')).revision).toBe(1);
    expect(describeTaskDefinition(sim, 'api').revision).toBe(2);
    deregister(sim, 'api:2');
    expect(describeTaskDefinition(sim, 'api').revision).toBe(1);
  });

  it('still describes an INACTIVE revision by number, with its deregisteredAt', () => {
    const sim = createSimulator({ seed: 1 });
    registerTaskDefinition(sim, ec2Def('api'));
    sim.advance(30);
    deregister(sim, 'api:1');
    expect(describeTaskDefinition(sim, 'api:1')).toMatchObject({ status: 'INACTIVE', deregisteredAt: START + 30 });
  });

  it.each([
    ['an unknown family', 'nope', 'Unable to describe task definition.'],
    ['a revision that does not exist', 'api:7', 'Unable to describe task definition.'],
    ['an ARN of an unknown family', tdArn('nope:1'), 'Unable to describe task definition.'],
    ['a non-numeric revision', 'api:foo', 'Invalid revision number. Number: foo'],
    ['an empty reference', '', 'Unable to describe task definition.'],
  ])('answers %s with ClientException', (_, reference, message) => {
    const sim = createSimulator({ seed: 1 });
    registerTaskDefinition(sim, ec2Def('api'));
    expectAwsError(
      () => sim.call('ecs:DescribeTaskDefinition', { taskDefinition: reference }),
      'ClientException',
      message,
    );
  });

  it('answers a family whose revisions are all INACTIVE with Unable to describe task definition.', () => {
    const sim = createSimulator({ seed: 1 });
    registerTaskDefinition(sim, ec2Def('api'));
    deregister(sim, 'api:1');
    expectAwsError(
      () => sim.call('ecs:DescribeTaskDefinition', { taskDefinition: 'api' }),
      'ClientException',
      'Unable to describe task definition.',
    );
  });

  it('includes the tags only when asked with include TAGS', () => {
    const sim = createSimulator({ seed: 1 });
    registerTaskDefinition(sim, { ...ec2Def('api'), tags: [{ key: 'app', value: 'api' }] });
    expect(sim.call('ecs:DescribeTaskDefinition', { taskDefinition: 'api' })).not.toHaveProperty('tags');
    expect(sim.call('ecs:DescribeTaskDefinition', { taskDefinition: 'api', include: ['TAGS'] })).toMatchObject({
      tags: [{ key: 'app', value: 'api' }],
    });
  });
});

describe('DeregisterTaskDefinition', () => {
  it('makes the revision INACTIVE and returns it', () => {
    const sim = createSimulator({ seed: 1 });
    registerTaskDefinition(sim, ec2Def('api'));
    expect(deregister(sim, tdArn('api:1'))).toMatchObject({ taskDefinitionArn: tdArn('api:1'), status: 'INACTIVE' });
  });

  it('needs a revision: a bare family is ClientException Revision is missing.', () => {
    const sim = createSimulator({ seed: 1 });
    registerTaskDefinition(sim, ec2Def('api'));
    expectAwsError(
      () => sim.call('ecs:DeregisterTaskDefinition', { taskDefinition: 'api' }),
      'ClientException',
      'Revision is missing.',
    );
  });

  it('makes the revision unusable for new tasks and service updates, but not for tasks already running', () => {
    const { sim, instances } = setup({ instances: 1 });
    registerTaskDefinition(sim, ec2Def('api'));
    registerTaskDefinition(sim, ec2Def('api'));
    const running = runOne(sim, { taskDefinition: 'api:1' });
    sim.call('ecs:CreateService', { cluster: 'demo', serviceName: 'api', taskDefinition: 'api:2', desiredCount: 0 });
    deregister(sim, 'api:1');
    expectAwsError(
      () => sim.call('ecs:RunTask', { cluster: 'demo', taskDefinition: 'api:1' }),
      'InvalidParameterException',
      'TaskDefinition is inactive',
    );
    expectAwsError(
      () => sim.call('ecs:UpdateService', { cluster: 'demo', service: 'api', taskDefinition: 'api:1' }),
      'InvalidParameterException',
      'TaskDefinition is inactive',
    );
    sim.advance(60);
    expect(sim.state.tasks[running.taskArn ?? '']?.task.lastStatus).toBe('RUNNING');
    expect(instances[0]?.reservedCpu).toBe(256);
  });
});

describe('DeleteTaskDefinitions', () => {
  it('moves INACTIVE revisions to DELETE_IN_PROGRESS and reports ACTIVE and unknown ones as failures', () => {
    const sim = createSimulator({ seed: 1 });
    registerTaskDefinition(sim, ec2Def('api'));
    registerTaskDefinition(sim, ec2Def('api'));
    deregister(sim, 'api:1');
    const result = sim.call('ecs:DeleteTaskDefinitions', { taskDefinitions: ['api:1', 'api:2', 'nope:1'] }) as {
      taskDefinitions: TaskDefinition[];
      failures: unknown[];
    };
    expect(result.taskDefinitions.map((d) => [d.taskDefinitionArn, d.status])).toEqual([
      [tdArn('api:1'), 'DELETE_IN_PROGRESS'],
    ]);
    expect(result.failures).toEqual([
      {
        arn: tdArn('api:2'),
        reason: 'The specified task definition is still in ACTIVE status. Please deregister the target and try again.',
      },
      { arn: 'nope:1', reason: 'The specified task definition does not exist.' },
    ]);
  });

  it('accepts 1 to 10 task definitions', () => {
    const sim = createSimulator({ seed: 1 });
    for (const taskDefinitions of [[], Array.from({ length: 11 }, (_, i) => `api:${i + 1}`)])
      expectAwsError(
        () => sim.call('ecs:DeleteTaskDefinitions', { taskDefinitions }),
        'InvalidParameterException',
        'Provide between 1 and 10 task definitions.',
      );
  });

  it('refuses new tasks from a deleted revision and keeps counting revisions after it', () => {
    const { sim } = setup({ instances: 1 });
    registerTaskDefinition(sim, ec2Def('api'));
    deregister(sim, 'api:1');
    sim.call('ecs:DeleteTaskDefinitions', { taskDefinitions: ['api:1'] });
    expectAwsError(
      () => sim.call('ecs:RunTask', { cluster: 'demo', taskDefinition: 'api:1' }),
      'InvalidParameterException',
      'TaskDefinition not found.',
    );
    expect(registerTaskDefinition(sim, ec2Def('api')).taskDefinition.revision).toBe(2);
  });

  it('lets tasks of a DELETE_IN_PROGRESS revision run and stop without disruption', () => {
    const { sim, instances } = setup({ instances: 1 });
    registerTaskDefinition(sim, ec2Def('api'));
    const task = runOne(sim, { taskDefinition: 'api:1' });
    deregister(sim, 'api:1');
    sim.call('ecs:DeleteTaskDefinitions', { taskDefinitions: ['api:1'] });
    sim.advance(30);
    expect(sim.state.tasks[task.taskArn ?? '']?.task.lastStatus).toBe('RUNNING');
    sim.call('ecs:StopTask', { cluster: 'demo', task: task.taskArn });
    sim.advance(30);
    expect(sim.state.tasks[task.taskArn ?? '']?.task.lastStatus).toBe('STOPPED');
    expect(instances[0]?.reservedCpu).toBe(0);
  });

  it('lets a service on a DELETE_IN_PROGRESS revision keep scaling', () => {
    const { sim } = setup({ instances: 2 });
    registerTaskDefinition(sim, ec2Def('api'));
    sim.call('ecs:CreateService', { cluster: 'demo', serviceName: 'api', taskDefinition: 'api:1', desiredCount: 1 });
    sim.advance(60);
    deregister(sim, 'api:1');
    sim.call('ecs:DeleteTaskDefinitions', { taskDefinitions: ['api:1'] });
    sim.call('ecs:UpdateService', { cluster: 'demo', service: 'api', desiredCount: 3 });
    sim.advance(120);
    const service = (
      sim.call('ecs:DescribeServices', { cluster: 'demo', services: ['api'] }) as {
        services: { runningCount: number }[];
      }
    ).services[0];
    expect(service?.runningCount).toBe(3);
  });
});

describe('ListTaskDefinitions and ListTaskDefinitionFamilies', () => {
  function registered() {
    const sim = createSimulator({ seed: 1 });
    for (const family of ['web', 'api', 'api', 'worker', 'web-admin']) registerTaskDefinition(sim, ec2Def(family));
    deregister(sim, 'worker:1');
    return sim;
  }

  it('lists ACTIVE revisions by family name, then revision; DESC reverses; maxResults cuts', () => {
    const sim = registered();
    expect(arns(sim)).toEqual([tdArn('api:1'), tdArn('api:2'), tdArn('web:1'), tdArn('web-admin:1')]);
    expect(arns(sim, { sort: 'DESC' })).toEqual([tdArn('web-admin:1'), tdArn('web:1'), tdArn('api:2'), tdArn('api:1')]);
    expect(arns(sim, { maxResults: 2 })).toEqual([tdArn('api:1'), tdArn('api:2')]);
  });

  it('filters by familyPrefix and by status', () => {
    const sim = registered();
    expect(arns(sim, { familyPrefix: 'web' })).toEqual([tdArn('web:1'), tdArn('web-admin:1')]);
    expect(arns(sim, { status: 'INACTIVE' })).toEqual([tdArn('worker:1')]);
  });

  it('lists ACTIVE and INACTIVE families by default, as the API reference says', () => {
    const sim = registered();
    expect(families(sim)).toEqual(['api', 'web', 'web-admin', 'worker']);
    expect(families(sim, { status: 'ALL' })).toEqual(['api', 'web', 'web-admin', 'worker']);
  });

  it('with status ACTIVE lists families with an ACTIVE revision; with INACTIVE, families without one', () => {
    const sim = registered();
    expect(families(sim, { status: 'ACTIVE' })).toEqual(['api', 'web', 'web-admin']);
    expect(families(sim, { status: 'INACTIVE' })).toEqual(['worker']);
    expect(families(sim, { status: 'ACTIVE', familyPrefix: 'web' })).toEqual(['web', 'web-admin']);
  });
});

describe('task definitions in use', () => {
  it('RunTask names the family and revision it resolved in taskDefinitionArn', () => {
    const { sim, subnets } = setup();
    registerTaskDefinition(sim, fargateDef('web'));
    registerTaskDefinition(sim, fargateDef('web'));
    const task = runOne(sim, { taskDefinition: 'web', launchType: 'FARGATE', networkConfiguration: awsvpc(subnets) });
    expect(task.taskDefinitionArn).toBe(tdArn('web:2'));
  });
});
