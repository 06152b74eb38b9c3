/**
 * The official AWS SDK for JavaScript v3 talks to the simulator through an in-process request
 * handler: every scenario step must deserialize without error into the modelled output or the
 * modelled exception class, with epoch-second timestamps turned into Dates.
 */
import { Readable } from 'node:stream';
import * as ECR from '@aws-sdk/client-ecr';
import * as ECS from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../src/core/sim/index.ts';
import { handleJsonRequest } from '../../src/core/sim/wire.ts';
import { at, SCENARIOS, SUBNET_PLACEHOLDER } from './scenarios.ts';

function handlerFor(sim: Simulator) {
  return {
    async handle(request: { headers: Record<string, string>; body?: Uint8Array | string }) {
      const body =
        typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body ?? new Uint8Array());
      const response = handleJsonRequest(sim, request.headers['x-amz-target'], body);
      return {
        response: {
          statusCode: response.status,
          headers: response.headers,
          body: Readable.from([Buffer.from(response.body)]),
        },
      };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
  };
}

const config = (sim: Simulator) => ({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  maxAttempts: 1,
  requestHandler: handlerFor(sim) as never,
});

function substitute(value: unknown, subnet: string): unknown {
  return JSON.parse(JSON.stringify(value).replaceAll(SUBNET_PLACEHOLDER, subnet)) as unknown;
}

describe('AWS SDK for JavaScript v3 against the simulator', () => {
  for (const scenario of SCENARIOS) {
    it(scenario.name, async () => {
      const sim = createSimulator({ seed: 1 });
      const subnet = sim.state.network.subnets[0]?.id ?? '';
      const clients = { ecs: new ECS.ECSClient(config(sim)), ecr: new ECR.ECRClient(config(sim)) };
      const modules = {
        ecs: ECS as unknown as Record<string, unknown>,
        ecr: ECR as unknown as Record<string, unknown>,
      };
      for (const step of scenario.steps) {
        const Command = modules[step.service][`${step.operation}Command`] as new (input: unknown) => never;
        const send = () =>
          (clients[step.service] as { send(c: unknown): Promise<unknown> }).send(
            new Command(substitute(step.input, subnet)),
          );
        if (step.error) {
          const error = await send().then(
            () => undefined,
            (e: unknown) => e,
          );
          expect((error as { name?: string })?.name, `${step.operation} should fail with ${step.error}`).toBe(
            step.error,
          );
          expect((error as { $fault?: string }).$fault).toBe('client');
          expect((error as { message?: string }).message?.length).toBeGreaterThan(0);
        } else {
          const output = await send();
          for (const [path, value] of Object.entries(step.expect ?? {}))
            expect(at(output, path), `${step.operation} ${path}`).toEqual(value);
          expect((output as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(200);
        }
        if (step.thenWait) sim.advance(step.thenWait);
      }
    });
  }

  it('turns timestamps into Dates and keeps task fields after a task runs', async () => {
    const sim = createSimulator({ seed: 1 });
    const ecs = new ECS.ECSClient(config(sim));
    await ecs.send(new ECS.CreateClusterCommand({ clusterName: 'demo' }));
    await ecs.send(
      new ECS.RegisterTaskDefinitionCommand({
        family: 'hello',
        containerDefinitions: [
          { name: 'web', image: 'nginx:1.27', memory: 128, portMappings: [{ containerPort: 80 }] },
        ],
      }),
    );
    const { registerInstances } = await import('../../src/core/sim/index.ts');
    registerInstances(sim, 'demo', 1, 't3.medium');
    const run = await ecs.send(new ECS.RunTaskCommand({ cluster: 'demo', taskDefinition: 'hello' }));
    const arn = run.tasks?.[0]?.taskArn as string;
    expect(arn).toMatch(/^arn:aws:ecs:us-east-1:123456789012:task\/demo\/[0-9a-f]{32}$/);
    sim.advance(30);
    const described = await ecs.send(new ECS.DescribeTasksCommand({ cluster: 'demo', tasks: [arn] }));
    const task = described.tasks?.[0];
    expect(task?.lastStatus).toBe('RUNNING');
    expect(task?.createdAt).toBeInstanceOf(Date);
    expect(task?.startedAt?.getTime()).toBeGreaterThan(task?.createdAt?.getTime() ?? 0);
    expect(task?.containers?.[0]?.networkBindings?.[0]).toEqual({
      bindIP: '0.0.0.0',
      containerPort: 80,
      hostPort: 32768,
      protocol: 'tcp',
    });
  });
});
