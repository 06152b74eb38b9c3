import { checkTaskDefinition } from '../../../../src/core/validation/index.ts';
import type { Finding } from '../../../../src/core/validation/types.ts';

type Json = Record<string, unknown>;

/** A task definition real AWS accepts for Fargate, with logs, a pinned image and an execution role. */
export function fargate(overrides: Json = {}, container: Json = {}): Json {
  return {
    family: 'web',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    containerDefinitions: [
      {
        name: 'web',
        image: 'public.ecr.aws/nginx/nginx:1.27',
        essential: true,
        portMappings: [{ containerPort: 80, protocol: 'tcp' }],
        logConfiguration: {
          logDriver: 'awslogs',
          options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' },
        },
        ...container,
      },
    ],
    ...overrides,
  };
}

/** A task definition real AWS accepts for EC2 in bridge mode with a dynamic host port. */
export function ec2(overrides: Json = {}, containers?: Json[]): Json {
  return {
    family: 'api',
    requiresCompatibilities: ['EC2'],
    networkMode: 'bridge',
    containerDefinitions: containers ?? [
      {
        name: 'api',
        image: 'public.ecr.aws/docker/library/httpd:2.4',
        memoryReservation: 256,
        portMappings: [{ containerPort: 80, hostPort: 0 }],
        logConfiguration: { logDriver: 'json-file' },
      },
    ],
    ...overrides,
  };
}

export const container = (name: string, extra: Json = {}): Json => ({
  name,
  image: `public.ecr.aws/docker/library/${name}:1.0`,
  memoryReservation: 128,
  logConfiguration: { logDriver: 'json-file' },
  ...extra,
});

export const codes = (td: unknown) => checkTaskDefinition(td).map((f) => f.code);
export const findingsFor = (td: unknown, code: string): Finding[] =>
  checkTaskDefinition(td).filter((f) => f.code === code);
