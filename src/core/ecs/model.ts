/**
 * Read access to the generated ECS and ECR models: operations, shapes, member types. The CLI
 * derives its commands, options, help and parameter checks from here, so it can only ever offer
 * what the real API has.
 */
import ecr from './generated/ecr-model.json' with { type: 'json' };
import ecs from './generated/ecs-model.json' with { type: 'json' };

export type MemberType =
  | { type: 'string'; enum?: string }
  | { type: 'integer' | 'boolean' | 'timestamp' | 'blob' | 'document' }
  | { type: 'list'; member: MemberType }
  | { type: 'map'; value: MemberType }
  | { type: 'structure'; shape: string };

export interface ShapeDef {
  type: 'structure' | 'union' | 'error';
  members: Record<string, MemberType>;
  required: string[];
}

interface Model {
  source: { package: string; version: string };
  enums: Record<string, string[]>;
  operations: Record<string, { input: string; output: string }>;
  shapes: Record<string, ShapeDef>;
}

export type ServiceName = 'ecs' | 'ecr';

const MODELS: Record<ServiceName, Model> = { ecs: ecs as unknown as Model, ecr: ecr as unknown as Model };

/** The JSON protocol target prefix of each service (X-Amz-Target). */
export const TARGET_PREFIX: Record<ServiceName, string> = {
  ecs: 'AmazonEC2ContainerServiceV20141113',
  ecr: 'AmazonEC2ContainerRegistry_V20150921',
};

export const model = (service: ServiceName): Model => MODELS[service];

export function shape(service: ServiceName, name: string): ShapeDef | undefined {
  return MODELS[service].shapes[name];
}

export function operation(service: ServiceName, name: string): { input: string; output: string } | undefined {
  return MODELS[service].operations[name];
}

export function operationNames(service: ServiceName): string[] {
  return Object.keys(MODELS[service].operations).sort();
}

export function enumValues(service: ServiceName, name: string): string[] {
  return MODELS[service].enums[name] ?? [];
}

/** RunTask → run-task; cpuArchitecture → cpu-architecture. */
export function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}
